import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** Key prefixes of the mail bucket: SES writes raw messages under one, the intake attachments under the other. */
export const RAW_MAIL_PREFIX = 'inbound/';
export const ATTACHMENTS_PREFIX = 'attachments/';
/** Files browsers upload (agents' reply attachments): `uploads/<reference>/replies/<uploadId>`. */
export const UPLOADS_PREFIX = 'uploads/';

export type MailStorageProps = {
  /** Raw messages and attachments are personal data: kept this long, then deleted. */
  retentionDays: number;
  /** Server access logs of the mail bucket are kept this long. */
  accessLogRetentionDays: number;
};

/**
 * The mail bucket (raw messages under inbound/, attachments under attachments/) and the bucket that
 * receives its server access logs. Both private, SSE-S3, TLS only, retained when the stack goes.
 * SSE-S3 rather than a KMS key: SES writes with its own service principal and the SES S3 action's
 * `kmsKey` is client-side encryption, which our readers would then have to undo.
 */
export class MailStorage extends Construct {
  readonly bucket: Bucket;
  readonly accessLogBucket: Bucket;

  constructor(scope: Construct, id: string, props: MailStorageProps) {
    super(scope, id);

    this.accessLogBucket = new Bucket(this, 'AccessLogBucket', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: false,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(props.accessLogRetentionDays) }],
    });
    const retention = Duration.days(props.retentionDays);
    this.bucket = new Bucket(this, 'MailBucket', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      // A message overwritten or deleted by mistake can be restored until its old version expires.
      versioned: true,
      removalPolicy: RemovalPolicy.RETAIN,
      serverAccessLogsBucket: this.accessLogBucket,
      serverAccessLogsPrefix: 'mail-bucket/',
      // Browsers post uploads straight here (presigned POST) and read the answer. Any origin: a POST is
      // only stored when its signed policy (key, size, expiry, fixed by the API) holds, and the answer
      // of a POST carries no data; CORS grants no read. Any origin also keeps this stack free of the
      // stateless stack's API URL (no cross-stack cycle).
      cors: [
        { allowedMethods: [HttpMethods.POST], allowedOrigins: ['*'], allowedHeaders: ['*'], maxAge: 600 },
      ],
      lifecycleRules: [
        { id: 'expire-raw-mail', prefix: RAW_MAIL_PREFIX, expiration: retention },
        { id: 'expire-attachments', prefix: ATTACHMENTS_PREFIX, expiration: retention },
        { id: 'expire-uploads', prefix: UPLOADS_PREFIX, expiration: retention },
        {
          id: 'clean-old-versions',
          noncurrentVersionExpiration: Duration.days(30),
          expiredObjectDeleteMarker: true,
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
      ],
    });
  }
}

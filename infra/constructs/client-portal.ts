import { join } from 'node:path';
import { type CfnResource, Duration, Stack, Stage, Validations } from 'aws-cdk-lib';
import {
  ApiMapping,
  DomainName,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { PORTALS, type PortalName, writePortalSync } from '../../shared/adapters/http/portal-build';
import { ExodataFunction } from './exodata-function';

export const CLIENT_PORTAL_SERVICE_NAME = 'exodata-client-portal';

export type ClientPortalProps = {
  table: ITable;
  mailBucket: IBucket;
  rawMailPrefix: string;
  attachmentsPrefix: string;
  /** Clients' files: `<uploadsPrefix><reference>/client/<uploadId>` (presigned POST, checked, then deleted). */
  uploadsPrefix: string;
  maxMessageBytes: number;
  logRetention: RetentionDays;
  /** A custom domain (support.exodata.fr) with its ACM certificate in the region; else the default address. */
  customDomain?: { domainName: string; certificateArn: string };
  throttle?: { rateLimit: number; burstLimit: number };
};

/**
 * The client portal (docs/client-portal.md): its own HTTP API and function, so that it has its own
 * origin (its session cookie and CSP are never shared with the agents' portal). API Gateway has no
 * authorizer for it: clients have no account. Every route is checked by the app itself: the page shell
 * holds no data, the session routes take a link or token (uniform 404, rate limited), every other /api
 * route needs the session cookie, and writes the CSRF token and the portal's Origin.
 */
export class ClientPortal extends Construct {
  readonly api: HttpApi;
  readonly handler: ExodataFunction;
  readonly accessLogs: LogGroup;
  /** The portal base URL the mails link to: the custom domain, else the API's default endpoint. */
  readonly portalBaseUrl: string;

  constructor(scope: Construct, id: string, props: ClientPortalProps) {
    super(scope, id);
    this.accessLogs = new LogGroup(this, 'AccessLogs', { retention: props.logRetention });
    this.api = new HttpApi(this, 'Api', {
      description: 'Exodata service desk: client portal',
      createDefaultStage: false,
      // A custom domain replaces the default endpoint: no second way in that skips it.
      disableExecuteApiEndpoint: props.customDomain !== undefined,
    });
    const stage = this.api.addStage('Stage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle ?? { rateLimit: 20, burstLimit: 40 },
      accessLogSettings: { destination: new LogGroupLogDestination(this.accessLogs) },
    });
    if (props.customDomain) {
      const domain = new DomainName(this, 'Domain', {
        domainName: props.customDomain.domainName,
        certificate: Certificate.fromCertificateArn(this, 'Certificate', props.customDomain.certificateArn),
      });
      new ApiMapping(this, 'Mapping', { api: this.api, domainName: domain, stage });
      this.portalBaseUrl = `https://${props.customDomain.domainName}`;
    } else {
      this.portalBaseUrl = `https://${this.api.apiId}.execute-api.${Stack.of(this).region}.${Stack.of(this).urlSuffix}`;
    }

    // The pages (portal-src/client) built like the agents' portal, served from ./portal/ by the function.
    const client = 'client' as PortalName;
    const portalDir = join(Stage.of(this)?.outdir ?? 'cdk.out', 'portal-build', 'client');
    const withPages = (PORTALS as readonly string[]).includes(client);
    // Keys under uploads/: `<ref>/client/<id>` (clients' files), `<ref>/replies/<id>` (agents' files).
    const clientUploads = `${props.uploadsPrefix}*/client/`;
    const replyFiles = `${props.uploadsPrefix}*/replies/`;
    if (withPages && Stack.of(this).bundlingRequired) writePortalSync(client, portalDir);

    this.handler = new ExodataFunction(this, 'Handler', {
      entry: 'functions/client-portal/handler.ts',
      description: 'Client portal: ticket links, sessions, ticket view, client messages',
      serviceName: CLIENT_PORTAL_SERVICE_NAME,
      logRetention: props.logRetention,
      memorySize: 1024,
      timeout: Duration.seconds(29),
      asyncInvocation: false,
      ...(withPages ? { copyIntoBundle: [{ from: portalDir, to: 'portal' }] } : {}),
      environment: {
        RAW_MAIL_PREFIX: props.rawMailPrefix,
        ATTACHMENTS_PREFIX: props.attachmentsPrefix,
        MAX_ATTACHMENT_BYTES: String(props.maxMessageBytes),
        UPLOADS_PREFIX: props.uploadsPrefix,
      },
    })
      .bindTable(props.table, 'readWrite')
      // A portal message is stored as the raw mail it would have been, then read by the intake's parser.
      // Clients' files: presigned POSTs (signed by this role) under uploads/<ref>/client/, checked (head,
      // first bytes), read into the message's mail, then deleted; downloads are presigned GETs of
      // attachments/ and of the agents' reply files (uploads/<ref>/replies/), which it reads, never writes.
      // Nothing else under uploads/ (the agents' unsent files) is within this role's reach.
      .bindBucketPrefixes(props.mailBucket, {
        bucketEnvVar: 'RAW_MAIL_BUCKET',
        read: [props.rawMailPrefix, props.attachmentsPrefix, clientUploads, replyFiles],
        write: [`${props.rawMailPrefix}portal/`, props.attachmentsPrefix, clientUploads],
        remove: [clientUploads],
      });

    const integration = new HttpLambdaIntegration('Integration', this.handler.function);
    const routes: Array<[string, HttpMethod, string]> = [
      ['/', HttpMethod.GET, 'the page shell (no data)'],
      [
        '/{proxy+}',
        HttpMethod.GET,
        'the page shell, its script and stylesheet (no data), and the session-checked GET /api/client/* routes',
      ],
      [
        '/api/client/{proxy+}',
        HttpMethod.POST,
        'link/token exchanges (uniform 404, rate limited) and writes (session cookie, X-CSRF-Token, Origin)',
      ],
    ];
    for (const [path, method, what] of routes) {
      for (const route of this.api.addRoutes({
        path,
        methods: [method],
        integration,
        authorizer: new HttpNoneAuthorizer(),
      })) {
        Validations.of(route.node.defaultChild as CfnResource).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${method} ${path}: clients have no account (conversation.md §5); the app checks each route: ${what}.`,
        });
      }
    }
  }
}

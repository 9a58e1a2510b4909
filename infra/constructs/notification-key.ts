import { Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

/**
 * Customer-managed key for our SNS topics. The AWS-managed alias/aws/sns key would not do: CloudWatch
 * alarms and SES event publishing cannot use it, and their notifications would be dropped silently.
 */
export class NotificationKey extends Construct {
  readonly key: Key;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.key = new Key(this, 'Key', {
      description: 'Exodata intake: encrypts the alarm, SES feedback and SLA alert topics',
      enableKeyRotation: true,
      // It only encrypts notifications in transit through SNS: nothing to decrypt once the stack is gone.
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });
    const publishers = {
      PublishFromCloudWatch: 'cloudwatch.amazonaws.com',
      PublishFromSes: 'ses.amazonaws.com',
    };
    for (const [sid, service] of Object.entries(publishers)) {
      this.key.addToResourcePolicy(
        new PolicyStatement({
          sid,
          principals: [new ServicePrincipal(service)],
          actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          resources: ['*'],
          conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
        }),
      );
    }
  }
}

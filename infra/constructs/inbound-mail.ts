import { Validations } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import {
  type IReceiptRuleRef,
  type IReceiptRuleSetRef,
  ReceiptRule,
  ReceiptRuleSet,
  TlsPolicy,
} from 'aws-cdk-lib/aws-ses';
import { Lambda, LambdaInvocationType, S3 } from 'aws-cdk-lib/aws-ses-actions';
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import type { ReceiptRuleSetConfig } from '../config';
import { RAW_MAIL_PREFIX } from './mail-storage';

export type InboundMailProps = {
  /** Desk addresses: the rule matches exactly these envelope recipients. */
  recipients: readonly string[];
  ruleName: string;
  ruleSet: ReceiptRuleSetConfig;
  bucket: IBucket;
  intake: IFunction;
  logRetention: RetentionDays;
};

/**
 * SES receiving for the desk addresses: one rule that first stores the raw message under inbound/
 * (so nothing is lost if the function fails) and then invokes the intake asynchronously. Spam and
 * virus scanning on, TLS required.
 *
 * Rule-set mode `activate` creates our set and makes it the region's active set through a custom
 * resource (CloudFormation has no property for that); `existing-active-set` adds the rule to a set
 * that is already active (shared account) and never changes which set is active.
 */
export class InboundMail extends Construct {
  readonly rule: ReceiptRule;
  readonly activation: AwsCustomResource | undefined;

  constructor(scope: Construct, id: string, props: InboundMailProps) {
    super(scope, id);

    let ruleSet: IReceiptRuleSetRef;
    let after: IReceiptRuleRef | undefined;
    if (props.ruleSet.mode === 'activate') {
      ruleSet = new ReceiptRuleSet(this, 'RuleSet', { receiptRuleSetName: props.ruleSet.name });
    } else {
      ruleSet = ReceiptRuleSet.fromReceiptRuleSetName(this, 'RuleSet', props.ruleSet.name);
      if (props.ruleSet.afterRule)
        after = ReceiptRule.fromReceiptRuleName(this, 'AfterRule', props.ruleSet.afterRule);
    }

    this.rule = new ReceiptRule(this, 'DeskRule', {
      ruleSet,
      receiptRuleName: props.ruleName,
      ...(after ? { after } : {}),
      recipients: [...props.recipients],
      enabled: true,
      scanEnabled: true,
      tlsPolicy: TlsPolicy.REQUIRE,
      actions: [
        // The S3 action adds the bucket policy for SES itself (ses.amazonaws.com, aws:SourceAccount).
        new S3({ bucket: props.bucket, objectKeyPrefix: RAW_MAIL_PREFIX }),
        new Lambda({ function: props.intake, invocationType: LambdaInvocationType.EVENT }),
      ],
    });

    if (props.ruleSet.mode === 'activate')
      this.activation = this.activate(props.ruleSet.name, props.logRetention);
  }

  /**
   * A fixed physical id makes a rename an update (activate the new set) rather than a replacement,
   * whose clean-up would deactivate the new set. Delete deactivates, which stops receiving: that is
   * what removing the stack means, and SES refuses to delete a set that is still active.
   */
  private activate(ruleSetName: string, logRetention: RetentionDays): AwsCustomResource {
    const logGroup = new LogGroup(this, 'ActivationLogs', { retention: logRetention });
    const role = new Role(this, 'ActivationRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Activates the SES receipt rule set of the intake',
    });
    logGroup.grantWrite(role);
    const call = {
      service: 'SES',
      action: 'setActiveReceiptRuleSet',
      parameters: { RuleSetName: ruleSetName },
      physicalResourceId: PhysicalResourceId.of('exodata-intake-active-receipt-rule-set'),
    };
    const activation = new AwsCustomResource(this, 'ActivateRuleSet', {
      resourceType: 'Custom::SesActiveReceiptRuleSet',
      onCreate: call,
      onUpdate: call,
      onDelete: { service: 'SES', action: 'setActiveReceiptRuleSet', parameters: {} },
      policy: AwsCustomResourcePolicy.fromStatements([
        new PolicyStatement({ actions: ['ses:SetActiveReceiptRuleSet'], resources: ['*'] }),
      ]),
      role,
      logGroup,
      installLatestAwsSdk: false,
    });
    // Activate only once the rule, its bucket policy and its invoke permission exist.
    activation.node.addDependency(this.rule);
    Validations.of(activation).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'ses:SetActiveReceiptRuleSet supports no resource-level permission; it is the only action granted.',
    });
    return activation;
  }
}

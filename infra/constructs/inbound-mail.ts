import { ArnFormat, Aws, Duration, Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import {
  type IReceiptRuleAction,
  type IReceiptRuleRef,
  type IReceiptRuleSetRef,
  ReceiptRule,
  type ReceiptRuleActionConfig,
  ReceiptRuleSet,
  TlsPolicy,
} from 'aws-cdk-lib/aws-ses';
import { Lambda, LambdaInvocationType } from 'aws-cdk-lib/aws-ses-actions';
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import type { ReceiptRuleSetConfig } from '../config';
import { ExodataFunction } from './exodata-function';
import { RAW_MAIL_PREFIX } from './mail-storage';

export const RULE_SET_DEACTIVATOR_SERVICE_NAME = 'exodata-rule-set-deactivator';
const ACTIVATION_PHYSICAL_ID = 'exodata-intake-active-receipt-rule-set';

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
  /** arn:…:ses:REGION:ACCOUNT:receipt-rule-set/SET:receipt-rule/RULE, the aws:SourceArn of SES's grants. */
  readonly ruleArn: string;
  /** The function the activation's Delete invokes (mode `activate` only). */
  deactivator: ExodataFunction | undefined;

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

    // SES acts for this rule only: both grants name it by its ARN, built from the configured names
    // (see receiptRuleArn) so that neither grant refers to the rule resource itself.
    const ruleArn = receiptRuleArn(Stack.of(props.bucket), props.ruleSet.name, props.ruleName);
    this.ruleArn = ruleArn;
    // Created before the rule under the id the Lambda action looks for, so that action reuses it
    // (and makes the rule wait for it) instead of adding its own, which checks only the account.
    props.intake.addPermission('AllowSes', {
      action: 'lambda:InvokeFunction',
      principal: new ServicePrincipal('ses.amazonaws.com'),
      sourceAccount: Aws.ACCOUNT_ID,
      sourceArn: receiptRuleArn(Stack.of(this), props.ruleSet.name, props.ruleName),
    });

    this.rule = new ReceiptRule(this, 'DeskRule', {
      ruleSet,
      receiptRuleName: props.ruleName,
      ...(after ? { after } : {}),
      recipients: [...props.recipients],
      enabled: true,
      scanEnabled: true,
      tlsPolicy: TlsPolicy.REQUIRE,
      actions: [
        new StoreRawMail(props.bucket, RAW_MAIL_PREFIX, ruleArn),
        new Lambda({ function: props.intake, invocationType: LambdaInvocationType.EVENT }),
      ],
    });

    if (props.ruleSet.mode === 'activate')
      this.activation = this.activate(props.ruleSet.name, props.logRetention);
  }

  /**
   * A fixed physical id makes a rename an update (activate the new set) rather than a replacement,
   * whose clean-up would deactivate the new set. Delete must not call SetActiveReceiptRuleSet without
   * a name (that disables whichever set is active, another stage's or one an operator activated
   * since): it invokes a small function that deactivates the active set only if it is still ours
   * (infra/custom-resources/deactivate-own-rule-set.ts). Same logical id, type and service token as
   * before, so an existing stack takes the new Delete as an ordinary update.
   */
  private activate(ruleSetName: string, logRetention: RetentionDays): AwsCustomResource {
    const logGroup = new LogGroup(this, 'ActivationLogs', { retention: logRetention });
    const role = new Role(this, 'ActivationRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Activates the SES receipt rule set of the intake',
    });
    logGroup.grantWrite(role);
    const deactivator = new ExodataFunction(this, 'Deactivator', {
      entry: 'infra/custom-resources/deactivate-own-rule-set.ts',
      description: 'Deletes of the rule-set activation: deactivate the active set only if it is ours',
      serviceName: RULE_SET_DEACTIVATOR_SERVICE_NAME,
      logRetention,
      memorySize: 256,
      timeout: Duration.seconds(30),
      // Invoked synchronously by the custom resource: no retries, no failure queue.
      asyncInvocation: false,
    });
    deactivator.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['ses:DescribeActiveReceiptRuleSet', 'ses:SetActiveReceiptRuleSet'],
        resources: ['*'],
      }),
    );
    Validations.of(deactivator.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'ses:DescribeActiveReceiptRuleSet and ses:SetActiveReceiptRuleSet support no resource-level permission.',
    });
    this.deactivator = deactivator;
    const call = {
      service: 'SES',
      action: 'setActiveReceiptRuleSet',
      parameters: { RuleSetName: ruleSetName },
      physicalResourceId: PhysicalResourceId.of(ACTIVATION_PHYSICAL_ID),
    };
    const activation = new AwsCustomResource(this, 'ActivateRuleSet', {
      resourceType: 'Custom::SesActiveReceiptRuleSet',
      onCreate: call,
      onUpdate: call,
      onDelete: {
        service: 'Lambda',
        action: 'invoke',
        parameters: {
          FunctionName: deactivator.function.functionName,
          InvocationType: 'RequestResponse',
          Payload: JSON.stringify({ ruleSetName }),
        },
      },
      policy: AwsCustomResourcePolicy.fromStatements([
        new PolicyStatement({ actions: ['ses:SetActiveReceiptRuleSet'], resources: ['*'] }),
        new PolicyStatement({
          actions: ['lambda:InvokeFunction'],
          resources: [deactivator.function.functionArn],
        }),
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
        'ses:SetActiveReceiptRuleSet supports no resource-level permission; the only other grant is invoking the deactivator function.',
    });
    return activation;
  }
}

/**
 * The ARN SES presents as aws:SourceArn when it acts for a receipt rule (AWS SES Developer Guide,
 * "Giving permissions to Amazon SES for email receiving"): receipt-rule-set/SET:receipt-rule/RULE.
 * Built from the names of the configuration, never from the rule resource: in 2024 aws-cdk-lib put a
 * reference to the rule into the bucket policy (aws/aws-cdk#29833), so the policy waited for the rule
 * while SES, creating the rule, test-writes to the bucket and needs the policy already there — every
 * deployment failed with "Could not write to bucket" and the change was reverted (#30143, #30375).
 */
export function receiptRuleArn(stack: Stack, ruleSetName: string, ruleName: string): string {
  return stack.formatArn({
    service: 'ses',
    resource: 'receipt-rule-set',
    resourceName: `${ruleSetName}:receipt-rule/${ruleName}`,
    arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
  });
}

/**
 * The S3 action of aws-cdk-lib, but with a bucket-policy statement that also checks aws:SourceArn
 * (the library's checks only aws:SourceAccount and cannot be told otherwise). The rule waits for the
 * bucket policy: SES test-writes to the bucket when the rule is created.
 */
class StoreRawMail implements IReceiptRuleAction {
  constructor(
    private readonly bucket: IBucket,
    private readonly objectKeyPrefix: string,
    private readonly ruleArn: string,
  ) {}

  bind(rule: IReceiptRuleRef): ReceiptRuleActionConfig {
    this.bucket.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowSesReceiptRulePutObject',
        principals: [new ServicePrincipal('ses.amazonaws.com')],
        actions: ['s3:PutObject'],
        resources: [this.bucket.arnForObjects(`${this.objectKeyPrefix}*`)],
        conditions: {
          StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID, 'aws:SourceArn': this.ruleArn },
        },
      }),
    );
    const policy = this.bucket.policy;
    if (policy === undefined) throw new Error('the mail bucket has no bucket policy to grant SES in');
    rule.node.addDependency(policy);
    return { s3Action: { bucketName: this.bucket.bucketName, objectKeyPrefix: this.objectKeyPrefix } };
  }
}

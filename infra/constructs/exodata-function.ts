import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, Stack, Token, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IConfigurationSet, IEmailIdentity } from 'aws-cdk-lib/aws-ses';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { FAILURE_QUEUE_RETENTION_DAYS } from '../config';
import { acknowledgeWildcardResources } from './nag-acknowledgements';

/** Repository root: entries are given relative to it so the stacks do not depend on the caller's cwd. */
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Lambda refuses a function whose environment exceeds 4 KB (keys and values). */
const LAMBDA_ENVIRONMENT_LIMIT_BYTES = 4096;
/** Unresolved tokens (table and bucket names) are counted at the longest name CloudFormation generates. */
const TOKEN_SIZE_ESTIMATE = 128;

/** The namespace in which our functions publish their Powertools metrics. */
export const METRICS_NAMESPACE = 'Exodata/Intake';

export type LogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';

/** Reads: GetItem, Query (table and indexes), BatchGetItem, and the condition checks of transactions. */
const TABLE_READ_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:Query',
  'dynamodb:BatchGetItem',
  'dynamodb:ConditionCheckItem',
] as const;
/** Writes: single or transactional Put and Update, never a batch write. */
const TABLE_WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem'] as const;

/** `readWriteDelete` only for code that deletes items (DeleteCommand or a transaction's Delete). */
export type TableAccess = 'read' | 'readWrite' | 'readWriteDelete';

export type ExodataFunctionProps = {
  /** Handler file relative to the repository root; it must export `handler`. */
  entry: string;
  description: string;
  /** POWERTOOLS_SERVICE_NAME: also the `service` dimension of every metric the function publishes. */
  serviceName: string;
  logRetention: RetentionDays;
  memorySize?: number;
  timeout?: Duration;
  logLevel?: LogLevel;
  environment?: Record<string, string>;
  /**
   * The function is invoked asynchronously (SES, SNS, schedules): retry twice within 6 hours, then park
   * the event in an encrypted failure queue instead of dropping it. Off for synchronous callers (API).
   */
  asyncInvocation?: boolean;
  /**
   * Files the code reads at run time next to its bundle (the agent portal's built files): each `from`
   * (an absolute folder, or one relative to the repository root) is copied to `to` inside the bundle.
   */
  copyIntoBundle?: ReadonlyArray<{ from: string; to: string }>;
  /**
   * Active X-Ray tracing (the code adds a Powertools Tracer): every invocation is sampled by Lambda's
   * rule (1 request per second, then 5 %) and its AWS calls appear as subsegments.
   */
  activeTracing?: boolean;
};

/**
 * House construct for every Lambda function (like Powertools' FunctionWithLogGroup): current Node.js on
 * arm64, ESM bundle built by the local esbuild with its source map beside it (read by the logger at the
 * first error it logs, not by Node at each cold start), its own log group
 * with retention, its own role (no managed policy), and for asynchronous functions a failure queue.
 * Access is added through `bind…` helpers, each granting the least it can and setting the env var the
 * code reads, so permissions and configuration cannot drift apart.
 */
export class ExodataFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;
  readonly failureQueue: Queue | undefined;
  readonly serviceName: string;
  /** Kept here too: Lambda's 4 KB limit is checked on it at synth time. */
  private readonly environment: Record<string, string>;

  constructor(scope: Construct, id: string, props: ExodataFunctionProps) {
    super(scope, id);
    this.serviceName = props.serviceName;
    // No NODE_OPTIONS=--enable-source-maps: Node would read and parse the source map at every cold
    // start. The map ships beside index.mjs and the logger maps an error's stack when it logs it
    // (shared/wiring/function-logger.ts, docs/performance.md item 9).
    this.environment = {
      POWERTOOLS_SERVICE_NAME: props.serviceName,
      POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
      LOG_LEVEL: props.logLevel ?? 'INFO',
      ...props.environment,
    };

    this.logGroup = new LogGroup(this, 'Logs', { retention: props.logRetention });
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `${props.serviceName}: execution role`,
    });
    // Instead of AWSLambdaBasicExecutionRole (any log group in the account): only this function's group.
    this.logGroup.grantWrite(this.role);

    if (props.asyncInvocation ?? true) {
      this.failureQueue = new Queue(this, 'FailureQueue', {
        encryption: QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        // The longest SQS allows: operators get two weeks to look at a parked event and redrive it.
        retentionPeriod: Duration.days(FAILURE_QUEUE_RETENTION_DAYS),
      });
      Validations.of(this.failureQueue).acknowledge({
        id: 'AwsSolutions-SQS3',
        reason:
          'This queue is itself the dead-letter destination of the function asynchronous invocations; an alarm fires on its first message and operators redrive it by hand.',
      });
    }

    this.function = new NodejsFunction(this, 'Function', {
      entry: resolve(REPO_ROOT, props.entry),
      handler: 'handler',
      description: props.description,
      // Explicit rather than NODEJS_LATEST, so a CDK upgrade never changes the runtime behind our back.
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(30),
      role: this.role,
      logGroup: this.logGroup,
      ...(props.activeTracing ? { tracing: Tracing.ACTIVE } : {}),
      depsLockFilePath: resolve(REPO_ROOT, 'package-lock.json'),
      projectRoot: REPO_ROOT,
      environment: { ...this.environment },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node24',
        mainFields: ['module', 'main'],
        // CommonJS dependencies bundled into ESM call require() for Node built-ins: give them one.
        banner:
          "import { createRequire as __exodataCreateRequire } from 'node:module'; const require = __exodataCreateRequire(import.meta.url);",
        minify: true,
        // index.mjs.map ships in the asset for the logger's stack mapping; no sources inside (smaller zip).
        sourceMap: true,
        sourcesContent: false,
        // The runtime's SDK lags our pinned @aws-sdk versions: ship the versions the tests ran against.
        bundleAwsSDK: true,
        externalModules: [],
        forceDockerBundling: false,
        ...(props.copyIntoBundle?.length
          ? {
              commandHooks: {
                beforeBundling: () => [],
                beforeInstall: () => [],
                afterBundling: (inputDir: string, outputDir: string) =>
                  (props.copyIntoBundle ?? []).map(
                    ({ from, to }) =>
                      `mkdir -p "${outputDir}/${to}" && cp -R "${isAbsolute(from) ? from : `${inputDir}/${from}`}/." "${outputDir}/${to}/"`,
                  ),
              },
            }
          : {}),
      },
      ...(this.failureQueue
        ? {
            retryAttempts: 2,
            maxEventAge: Duration.hours(6),
            onFailure: new SqsDestination(this.failureQueue),
          }
        : {}),
    });

    if (props.activeTracing)
      Validations.of(this.role).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'Active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permission (the grant Lambda itself adds).',
      });

    this.node.addValidation({ validate: () => this.validateEnvironmentSize() });
  }

  /**
   * TABLE_NAME and the table actions the function's code calls, no more (issue 13 §13):
   * grantReadWriteData would add DeleteItem and BatchWriteItem, which only the SLA watcher's marker
   * withdrawal needs (`delete`) and nothing calls in batch. The table has no customer-managed key,
   * so no key grant goes with these. A transaction needs the action of each of its items.
   */
  bindTable(table: ITable, access: TableAccess): this {
    const actions = access === 'read' ? TABLE_READ_ACTIONS : [...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS];
    table.grant(this.role, ...actions, ...(access === 'readWriteDelete' ? ['dynamodb:DeleteItem'] : []));
    acknowledgeWildcardResources(
      this.role,
      /\/index\/\*$/,
      'Queries on the indexes (gsi1: agents queue, gsi2: requester tickets) of the tables bound to this function; index/* is under each table ARN.',
    );
    return this.addEnvironment('TABLE_NAME', table.tableName);
  }

  /**
   * Object access limited to key prefixes. s3:ListBucket is granted with it so that a missing key
   * answers 404 (NoSuchKey: nothing to retry) instead of 403 (which looks like a permission fault).
   */
  bindBucketPrefixes(
    bucket: IBucket,
    options: {
      bucketEnvVar: string;
      read?: readonly string[];
      write?: readonly string[];
      /** Prefixes whose objects it may delete (uploads refused after the server's check). */
      remove?: readonly string[];
    },
  ): this {
    const { bucketEnvVar, read = [], write = [], remove = [] } = options;
    if (read.length > 0)
      this.role.addToPrincipalPolicy(
        new PolicyStatement({
          actions: ['s3:GetObject'],
          resources: read.map((prefix) => bucket.arnForObjects(`${prefix}*`)),
        }),
      );
    if (write.length > 0)
      this.role.addToPrincipalPolicy(
        new PolicyStatement({
          actions: ['s3:PutObject'],
          resources: write.map((prefix) => bucket.arnForObjects(`${prefix}*`)),
        }),
      );
    if (remove.length > 0)
      this.role.addToPrincipalPolicy(
        new PolicyStatement({
          actions: ['s3:DeleteObject'],
          resources: remove.map((prefix) => bucket.arnForObjects(`${prefix}*`)),
        }),
      );
    this.role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }),
    );
    this.addEnvironment(bucketEnvVar, bucket.bucketName);
    const prefixes = [...new Set([...read, ...write, ...remove])];
    acknowledgeWildcardResources(
      this.role,
      new RegExp(`\\/(${prefixes.map(escapeRegex).join('|')})\\*$`),
      `Object permissions are limited to the key prefixes ${prefixes.join(', ')} of the bucket; keys are SES message ids, unknown in advance.`,
    );
    return this;
  }

  /**
   * Send through SES only from the given addresses of the verified domain and only through our
   * configuration set. The address identities are listed too: SES authorises against an address
   * identity instead of the domain when someone verifies that address on its own.
   */
  bindMailSending(
    identity: IEmailIdentity,
    configurationSet: IConfigurationSet,
    senderAddresses: readonly string[],
    sandboxTestRecipients: readonly string[] = [],
    /** v1 SendRawEmail (the intake), or v2 SendEmail, whose IAM action is ses:SendEmail (the agent API). */
    action: 'ses:SendRawEmail' | 'ses:SendEmail' = 'ses:SendRawEmail',
  ): this {
    const sesArn = (resource: string, resourceName: string) =>
      Stack.of(this).formatArn({ service: 'ses', resource, resourceName });
    this.role.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: [action],
        resources: [
          identity.emailIdentityArn,
          ...senderAddresses.map((address) => sesArn('identity', address)),
          sesArn('configuration-set', configurationSet.configurationSetName),
        ],
      }),
    );
    // In the SES sandbox the recipient's verified identity is authorised too ("Identity and access
    // management in Amazon SES": sandbox restrictions prevent some policies). Only the listed test
    // identities, and only with a desk as the From address.
    if (sandboxTestRecipients.length > 0)
      this.role.addToPrincipalPolicy(
        new PolicyStatement({
          sid: 'SesSandboxTestRecipients',
          effect: Effect.ALLOW,
          actions: [action],
          resources: sandboxTestRecipients.map((recipient) => sesArn('identity', recipient)),
          conditions: { StringEquals: { 'ses:FromAddress': [...senderAddresses] } },
        }),
      );
    return this.addEnvironment('SES_CONFIGURATION_SET', configurationSet.configurationSetName);
  }

  addEnvironment(key: string, value: string): this {
    this.environment[key] = value;
    this.function.addEnvironment(key, value);
    return this;
  }

  private validateEnvironmentSize(): string[] {
    let size = 0;
    for (const [key, value] of Object.entries(this.environment)) {
      size +=
        key.length + (Token.isUnresolved(value) ? TOKEN_SIZE_ESTIMATE : Buffer.byteLength(value, 'utf8'));
    }
    return size > LAMBDA_ENVIRONMENT_LIMIT_BYTES
      ? [
          `environment of ${this.serviceName} is about ${size} bytes, over Lambda's ${LAMBDA_ENVIRONMENT_LIMIT_BYTES}: shorten SERVICE_DESK_CONFIG (fewer or shorter desk labels) or move it to a file in the bundle`,
        ]
      : [];
  }
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Node } from 'constructs';
import * as z from 'zod';
import { type ServiceDeskConfig, ServiceDeskConfigSchema } from '../shared/domain/desk/service-desk-config';
import { ConfigError } from '../shared/domain/errors';

/**
 * Regions where SES *receives* mail (it sends from many more), from the "Email Receiving endpoints"
 * table of the AWS General Reference page "Amazon Simple Email Service endpoints and quotas"
 * (https://docs.aws.amazon.com/general/latest/gr/ses.html). AWS adds receiving regions over time
 * (three in 2023, more since), so a region missing here is *warned about*, not refused: check the
 * table, then set `sesReceivingRegionChecked: true` (docs/deploy.md, "Region"). A region without
 * receiving fails at deploy time, when CloudFormation creates the receipt rule.
 */
export const SES_RECEIVING_REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-2',
  'ca-central-1',
  'sa-east-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-central-1',
  'eu-north-1',
  'ap-south-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-northeast-1',
  'ap-northeast-2',
] as const;
/** When the list above was last compared with AWS's table (docs/deploy.md says what was found). */
export const SES_RECEIVING_REGIONS_CHECKED = '2026-12-03';

/** SES receiving rejects larger messages, so a bigger limit could never be reached. */
export const SES_MAX_RECEIVED_MESSAGE_BYTES = 40 * 1024 * 1024;

/** How long the on-failure queues keep a parked event (the longest SQS allows). */
export const FAILURE_QUEUE_RETENTION_DAYS = 14;
/** The raw mail outlives the failure queue: an event redriven on its last day still finds its message. */
export const MIN_RAW_MAIL_RETENTION_DAYS = FAILURE_QUEUE_RETENTION_DAYS + 1;

/** Values CloudWatch Logs accepts for a log group's retention. */
const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

/** SES rule and rule-set names: letters, digits, '.', '_' and '-', starting and ending with a letter or digit. */
const SesNameSchema = z
  .string()
  .max(64)
  .regex(
    /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/,
    'letters, digits, ".", "_" and "-", starting and ending with a letter or digit',
  );

const ReceiptRuleSetSchema = z.discriminatedUnion('mode', [
  z.object({
    /** Create our own rule set and make it the account's active set in this region. */
    mode: z.literal('activate'),
    name: SesNameSchema,
  }),
  z.object({
    /** Shared account: add our rule to the set that is already active; never change which set is active. */
    mode: z.literal('existing-active-set'),
    name: SesNameSchema,
    /** Put our rule after this rule of the existing set (default: first). */
    afterRule: SesNameSchema.optional(),
  }),
]);
export type ReceiptRuleSetConfig = z.infer<typeof ReceiptRuleSetSchema>;

/**
 * Prefix of the agents' Cognito sign-in domain (https://<prefix>.auth.<region>.amazoncognito.com): the
 * pattern of AWS::Cognito::UserPoolDomain, and Cognito refuses the reserved words aws, amazon and cognito.
 */
const CognitoDomainPrefixSchema = z
  .string()
  .regex(
    /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/,
    'lower-case letters, digits and dashes, 63 at most, not starting or ending with a dash',
  )
  .refine((prefix) => !/aws|amazon|cognito/.test(prefix), {
    error: 'Cognito refuses a domain prefix containing "aws", "amazon" or "cognito"',
  });

/** What a stage's agents' sign-in domain is called when the file does not say. */
export function defaultCognitoDomainPrefix(stage: string): string {
  return `exodata-agents-${stage}`;
}

/** SNS e-mail subscriptions: each address must confirm the first message before it receives alerts. */
const EmailListSchema = z.array(z.email()).min(1);

const DomainSchema = z
  .string()
  .regex(/^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'a lower-case DNS domain');

/** The deployment file (config/cdk.example.json): everything that differs between two installations. */
export const DeploymentFileSchema = z
  .object({
    /** Short name of the installation, part of every stack name: prod, staging, … */
    stage: z.string().regex(/^[a-z][a-z0-9-]{0,15}$/, 'lower-case letters, digits and dashes, 16 at most'),
    /** 12-digit account id; leave it out to deploy to the account of the current credentials. */
    account: z
      .string()
      .regex(/^\d{12}$/, 'a 12-digit AWS account id')
      .optional(),
    region: z.string().regex(/^[a-z]{2}(?:-[a-z]+)+-\d$/, 'an AWS region code such as eu-west-3'),
    /**
     * The region is missing from SES_RECEIVING_REGIONS but the operator checked AWS's current table:
     * silences the warning. Without it, such a region is deployed with a warning at synth.
     */
    sesReceivingRegionChecked: z.boolean().default(false),
    /** Domain of the desk addresses, verified in SES for sending (DKIM) and receiving. */
    mailDomain: DomainSchema,
    /** Path to the service-desk configuration, relative to this file. */
    serviceDeskConfigFile: z.string().min(1),
    /** Portal shown to clients; replaces contact.portalBaseUrl of the service-desk config when set. */
    portalBaseUrl: z.url({ protocol: /^https$/, error: 'an https:// URL' }).optional(),
    /**
     * ACM certificate (same region) of portalBaseUrl's host: the client portal is then served on that
     * custom domain (a DNS CNAME to the API Gateway domain is the operator's). Without it and without
     * portalBaseUrl, the client portal's default address is the portal base URL (docs/deploy.md).
     */
    clientPortalCertificateArn: z
      .string()
      .regex(/^arn:aws:acm:[a-z0-9-]+:\d{12}:certificate\/[A-Za-z0-9-]+$/, 'an ACM certificate ARN')
      .optional(),
    /**
     * Raw messages (inbound/) and extracted attachments (attachments/) are deleted after this many days.
     * At least FAILURE_QUEUE_RETENTION_DAYS + 1: a parked event must still find its raw mail when redriven.
     */
    rawMailRetentionDays: z
      .number()
      .int()
      .min(MIN_RAW_MAIL_RETENTION_DAYS, {
        error: `at least ${MIN_RAW_MAIL_RETENTION_DAYS} days: the raw mail must outlive the on-failure queue's ${FAILURE_QUEUE_RETENTION_DAYS} days, or a redrive finds nothing to run`,
      })
      .max(3650),
    /**
     * A raw message larger than this still becomes a ticket, but its attachments are not stored
     * (the intake's MAX_ATTACHMENT_BYTES). SES itself refuses messages over 40 MB.
     */
    maxMessageBytes: z
      .number()
      .int()
      .min(1024)
      .max(SES_MAX_RECEIVED_MESSAGE_BYTES, {
        error: `SES receives at most ${SES_MAX_RECEIVED_MESSAGE_BYTES} bytes per message`,
      }),
    receiptRuleSet: ReceiptRuleSetSchema,
    /** Who receives the alarms (an SNS e-mail subscription: confirm the first message). */
    alarmEmail: z.email(),
    logRetentionDays: z
      .number()
      .refine((d) => (LOG_RETENTION_DAYS as readonly number[]).includes(d), {
        error: `one of ${LOG_RETENTION_DAYS.join(', ')} (CloudWatch Logs retention values)`,
      })
      .default(90),
    /** SES puts an account under review at a 5 % bounce rate; warn before that. */
    bounceRateAlarmThreshold: z.number().gt(0).lt(1).default(0.04),
    /**
     * Prefix of the agents' sign-in domain, unique among all AWS accounts in the region: a prefix
     * someone else holds fails the deployment of the stateful stack. Default: exodata-agents-<stage>.
     */
    cognitoDomainPrefix: CognitoDomainPrefixSchema.optional(),
    /**
     * First of the two deployments that change cognitoDomainPrefix: the stateful stack drops the
     * sign-in domain (agents cannot sign in until the second deployment, which sets the new prefix and
     * removes this flag). Cognito allows one prefix domain per pool and CloudFormation creates the
     * new one before deleting the old, so a prefix changed in one deployment fails and rolls back.
     */
    cognitoDomainRemoved: z.boolean().default(false),
    /**
     * Only while the account is in the SES sandbox: verified test addresses (or domains) that should
     * receive acknowledgements. In the sandbox SES also checks the sending permission against the
     * recipient's identity, so the intake may send to these identities too, and only as a desk.
     * Leave empty once the account has production access.
     */
    sesSandboxTestRecipients: z
      .array(z.union([z.email(), DomainSchema]))
      .max(10)
      .default([]),
    /**
     * Addresses subscribed to each desk's SLA alert topic (warnings 15 open minutes before a deadline,
     * breaches), by desk id. Other subscribers (SMS, chat) can be added by hand to the same topics.
     */
    slaAlertEmails: z.record(z.string(), EmailListSchema).default({}),
  })
  .strict();
export type DeploymentFile = z.infer<typeof DeploymentFileSchema>;

/** The validated deployment configuration, with the service-desk configuration loaded and defaults filled. */
export type DeploymentConfig = Omit<DeploymentFile, 'serviceDeskConfigFile' | 'cognitoDomainPrefix'> & {
  cognitoDomainPrefix: string;
  serviceDesk: ServiceDeskConfig;
  /** Doubts that do not stop the synth; the app prints them as warnings on the stacks. */
  warnings: string[];
};

/** A warning when the region is not known to receive mail and the operator has not said it was checked. */
export function regionWarnings(region: string, checked: boolean): string[] {
  if (checked || (SES_RECEIVING_REGIONS as readonly string[]).includes(region)) return [];
  return [
    `region ${region} is not in the SES receiving regions known on ${SES_RECEIVING_REGIONS_CHECKED} (${SES_RECEIVING_REGIONS.join(', ')}): if SES does not receive mail there, the deployment fails when it creates the receipt rule. Check the "Email Receiving endpoints" table of https://docs.aws.amazon.com/general/latest/gr/ses.html, then set "sesReceivingRegionChecked": true`,
  ];
}

/** Context keys: an inline object (`-c exodata:config='{…}'`) wins over a file (`-c exodata:configFile=…`). */
export const CONFIG_CONTEXT_KEY = 'exodata:config';
export const CONFIG_FILE_CONTEXT_KEY = 'exodata:configFile';

/** Validates a deployment file whose relative paths start at `baseDir`. */
export function parseDeploymentConfig(input: unknown, baseDir: string, source: string): DeploymentConfig {
  const parsed = DeploymentFileSchema.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(
      `invalid deployment configuration in ${source}:\n${z.prettifyError(parsed.error)}`,
      {
        hint: 'fix the listed fields; docs/deploy.md describes each of them',
      },
    );
  }
  const { serviceDeskConfigFile, ...file } = parsed.data;
  const serviceDeskPath = resolve(baseDir, serviceDeskConfigFile);
  const desk = ServiceDeskConfigSchema.safeParse(readJson(serviceDeskPath));
  if (!desk.success) {
    throw new ConfigError(
      `invalid service-desk configuration in ${serviceDeskPath}:\n${z.prettifyError(desk.error)}`,
      {
        hint: 'the intake would refuse this file at start-up; fix it before deploying',
      },
    );
  }
  const foreign = desk.data.desks.filter((d) => d.address.split('@')[1] !== file.mailDomain);
  if (foreign.length > 0) {
    throw new ConfigError(
      `desk address(es) ${foreign.map((d) => d.address).join(', ')} are not on mailDomain ${file.mailDomain}`,
      {
        hint: 'SES only receives and sends for the verified mailDomain: move the desks or change mailDomain',
      },
    );
  }
  const deskIds = new Set(desk.data.desks.map((d) => d.id));
  const unknownDesks = Object.keys(file.slaAlertEmails).filter((id) => !deskIds.has(id));
  if (unknownDesks.length > 0) {
    throw new ConfigError(`slaAlertEmails names unknown desk(s) ${unknownDesks.join(', ')} in ${source}`, {
      hint: `use the desk ids of the service-desk configuration: ${[...deskIds].join(', ')}`,
    });
  }
  // A desk address would receive the alert as a client e-mail: the intake would make a ticket of it.
  const deskAddresses = new Set(desk.data.desks.map((d) => d.address.toLowerCase()));
  const looping = Object.values(file.slaAlertEmails)
    .flat()
    .filter((address) => deskAddresses.has(address.toLowerCase()));
  if (looping.length > 0) {
    throw new ConfigError(`slaAlertEmails lists desk address(es) ${looping.join(', ')} in ${source}`, {
      hint: "mail to a desk address becomes a ticket: subscribe the agents' own or team mailboxes instead",
    });
  }
  const serviceDesk: ServiceDeskConfig =
    file.portalBaseUrl === undefined
      ? desk.data
      : { ...desk.data, contact: { ...desk.data.contact, portalBaseUrl: file.portalBaseUrl } };
  return {
    ...file,
    cognitoDomainPrefix: file.cognitoDomainPrefix ?? defaultCognitoDomainPrefix(file.stage),
    serviceDesk,
    warnings: regionWarnings(file.region, file.sesReceivingRegionChecked),
  };
}

/** Reads the configuration named by the CDK context; every error names the file and the field. */
export function loadDeploymentConfig(node: Node, cwd: string = process.cwd()): DeploymentConfig {
  const inline: unknown = node.tryGetContext(CONFIG_CONTEXT_KEY);
  if (inline !== undefined) {
    const value = typeof inline === 'string' ? parseJson(inline, `context ${CONFIG_CONTEXT_KEY}`) : inline;
    return parseDeploymentConfig(value, cwd, `context ${CONFIG_CONTEXT_KEY}`);
  }
  const file: unknown = node.tryGetContext(CONFIG_FILE_CONTEXT_KEY);
  if (typeof file !== 'string' || file.length === 0) {
    throw new ConfigError('no deployment configuration', {
      hint: `pass -c ${CONFIG_FILE_CONTEXT_KEY}=config/cdk.<stage>.json (see config/cdk.example.json)`,
    });
  }
  const path = resolve(cwd, file);
  const config = parseDeploymentConfig(readJson(path), dirname(path), path);
  refuseActivationFights({ ...config, source: path }, siblingStages(path));
  return config;
}

/** What decides whether two stages fight over the active receipt rule set. */
export type StageReceipt = {
  stage: string;
  account?: string | undefined;
  region: string;
  receiptRuleSet: ReceiptRuleSetConfig;
  source: string;
};

const StageReceiptSchema = z
  .object({
    stage: z.string(),
    account: z.string().optional(),
    region: z.string(),
    receiptRuleSet: ReceiptRuleSetSchema,
  })
  .loose();

/**
 * The other deployment files next to this one (config/cdk.<stage>.json), as the stages of the same
 * installation. Example files are templates, not stages; a file that does not parse is skipped here
 * (it is refused when it is itself deployed).
 */
export function siblingStages(path: string): StageReceipt[] {
  const dir = dirname(path);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => /^cdk\..+\.json$/.test(name) && !name.endsWith('.example.json'))
    .filter((name) => name !== basename(path))
    .flatMap((name) => {
      const source = join(dir, name);
      try {
        const parsed = StageReceiptSchema.safeParse(JSON.parse(readFileSync(source, 'utf8')));
        return parsed.success ? [{ ...parsed.data, source }] : [];
      } catch {
        return [];
      }
    });
}

/**
 * SES has one active receipt rule set per account and region. Two stages there fight when one
 * activates its set while the other also activates one, or relies on another set being active
 * (`existing-active-set` naming a set other than the one activated): each deployment would stop the
 * other's receiving. Stages whose account is not written down may share one, so they count as one.
 */
export function activationFights(stage: StageReceipt, others: readonly StageReceipt[]): StageReceipt[] {
  const sameAccount = (a: StageReceipt, b: StageReceipt) =>
    a.account === undefined || b.account === undefined || a.account === b.account;
  const fight = (a: StageReceipt, b: StageReceipt) =>
    a.receiptRuleSet.mode === 'activate' &&
    (b.receiptRuleSet.mode === 'activate' || b.receiptRuleSet.name !== a.receiptRuleSet.name);
  return others.filter(
    (other) =>
      other.stage !== stage.stage &&
      other.region === stage.region &&
      sameAccount(stage, other) &&
      (fight(stage, other) || fight(other, stage)),
  );
}

export function refuseActivationFights(stage: StageReceipt, others: readonly StageReceipt[]): void {
  const fights = activationFights(stage, others);
  if (fights.length === 0) return;
  const describe = (s: StageReceipt) =>
    `stage ${s.stage} (${s.source}: ${s.receiptRuleSet.mode} ${s.receiptRuleSet.name}, account ${s.account ?? 'of the credentials'})`;
  throw new ConfigError(
    `${describe(stage)} and ${fights.map(describe).join(', ')} would fight over the one active SES receipt rule set of ${stage.region}: each deployment would stop the other's receiving`,
    {
      hint: 'let one stage activate its set and give the others { "mode": "existing-active-set", "name": "<that set>" }; or, if they deploy to different accounts, write each one\'s "account" (docs/deploy.md, "Receipt modes")',
    },
  );
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new ConfigError(`cannot read ${path}`, {
      cause,
      hint: 'check the path (relative paths start at the file that names them)',
    });
  }
  return parseJson(text, path);
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new ConfigError(`${source} is not valid JSON`, { cause, hint: (cause as Error).message });
  }
}

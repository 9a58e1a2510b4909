import * as z from 'zod';
import { type ServiceDeskConfig, ServiceDeskConfigSchema } from './domain/desk/service-desk-config';
import { ConfigError } from './domain/errors';

/**
 * Each function's environment, validated once at cold start: a bad value fails the start-up with
 * every problem named, instead of the hundredth email. Names are fixed (the CDK stack sets them).
 */
type Env = Record<string, string | undefined>;

const nonEmpty = z
  .string({ error: (issue) => (issue.input === undefined ? 'is not set' : 'must be a string') })
  .trim()
  .min(1, 'is empty');
/** An unset variable and an empty one mean the same: use the default. */
const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const Prefix = z
  .string()
  .regex(/^([A-Za-z0-9!_.*'()-]+\/)*$/, 'a key prefix is empty or ends with "/" (e.g. inbound/)');

const ServiceDeskConfigJson = nonEmpty.transform((text, ctx): ServiceDeskConfig => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: `not valid JSON (${(err as Error).message})` });
    return z.NEVER;
  }
  const parsed = ServiceDeskConfigSchema.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      ctx.addIssue({ code: 'custom', message: `${issue.path.join('.') || '(root)'}: ${issue.message}` });
    }
    return z.NEVER;
  }
  return parsed.data;
});

const CommonEnvSchema = z.object({
  AWS_REGION: nonEmpty,
  TABLE_NAME: nonEmpty,
  POWERTOOLS_SERVICE_NAME: optional.transform((v) => v ?? 'exodata-intake'),
  POWERTOOLS_METRICS_NAMESPACE: optional.transform((v) => v ?? 'Exodata/Intake'),
  LOG_LEVEL: optional
    .transform((v) => (v ?? 'INFO').toUpperCase())
    .pipe(z.enum(['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT', 'CRITICAL'])),
});

export const IntakeEnvSchema = CommonEnvSchema.extend({
  RAW_MAIL_BUCKET: nonEmpty,
  RAW_MAIL_PREFIX: optional.transform((v) => v ?? 'inbound/').pipe(Prefix),
  ATTACHMENTS_PREFIX: optional.transform((v) => v ?? 'attachments/').pipe(Prefix),
  SERVICE_DESK_CONFIG: ServiceDeskConfigJson,
  SES_CONFIGURATION_SET: optional,
  /** Over this raw size a message becomes a ticket without its attachments (SES accepts 40 MB). */
  MAX_ATTACHMENT_BYTES: optional
    .transform((v) => Number(v ?? 25 * 1024 * 1024))
    .pipe(
      z
        .number()
        .int('a whole number of bytes')
        .positive()
        .max(40 * 1024 * 1024),
    ),
});
export type IntakeEnv = z.infer<typeof IntakeEnvSchema>;

const BounceRecorderEnvSchema = CommonEnvSchema;
export type BounceRecorderEnv = z.infer<typeof BounceRecorderEnvSchema>;

export function loadIntakeEnv(env: Env): IntakeEnv {
  return parseEnv(IntakeEnvSchema, env, 'intake function');
}

export function loadBounceRecorderEnv(env: Env): BounceRecorderEnv {
  return parseEnv(BounceRecorderEnvSchema, env, 'bounce-recorder function');
}

export function parseEnv<S extends z.ZodType>(schema: S, env: Env, what: string): z.output<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new ConfigError(`the environment of the ${what} is invalid: ${problems.join('; ')}`, {
    hint: 'fix these variables in the function configuration (infra) or your shell, then start again',
    cause: parsed.error,
  });
}

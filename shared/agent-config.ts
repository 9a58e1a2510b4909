import * as z from 'zod';
import { IntakeEnvSchema, parseEnv } from './config';

type Env = Record<string, string | undefined>;

/** The agent API reads what the intake reads to convert suspended messages, plus its sign-in facts. */
const AgentApiEnvSchema = IntakeEnvSchema.pick({
  AWS_REGION: true,
  TABLE_NAME: true,
  POWERTOOLS_SERVICE_NAME: true,
  POWERTOOLS_METRICS_NAMESPACE: true,
  LOG_LEVEL: true,
  RAW_MAIL_BUCKET: true,
  RAW_MAIL_PREFIX: true,
  ATTACHMENTS_PREFIX: true,
  SERVICE_DESK_CONFIG: true,
  MAX_ATTACHMENT_BYTES: true,
  /** Replies and notifications go through it, so that their bounces come back (bounce recorder). */
  SES_CONFIGURATION_SET: true,
}).extend({
  /** The Cognito hosted UI, e.g. https://exodata-agents.auth.eu-west-3.amazoncognito.com */
  COGNITO_DOMAIN: z.url({ protocol: /^https$/ }).transform((u) => u.replace(/\/+$/, '')),
  COGNITO_CLIENT_ID: z.string().trim().min(1),
  /** Lifetime of attachment download links. */
  ATTACHMENT_LINK_SECONDS: z.coerce.number().int().min(30).max(3600).default(300),
  /** Agents' reply files in the mail bucket: `<prefix><reference>/replies/<uploadId>`. */
  UPLOADS_PREFIX: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*\/$/, 'a key prefix ending in "/", like uploads/')
    .default('uploads/'),
});
export type AgentApiEnv = z.infer<typeof AgentApiEnvSchema>;

/** `{"reunion": "arn:aws:sns:…:exodata-sla-reunion", …}`: one topic per desk. */
const TopicArnsJson = z
  .string()
  .trim()
  .min(2)
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: `not valid JSON (${(err as Error).message})` });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.string(), z.string().startsWith('arn:')));

const SlaWatcherEnvSchema = IntakeEnvSchema.pick({
  AWS_REGION: true,
  TABLE_NAME: true,
  POWERTOOLS_SERVICE_NAME: true,
  POWERTOOLS_METRICS_NAMESPACE: true,
  LOG_LEVEL: true,
  SERVICE_DESK_CONFIG: true,
})
  .extend({ SLA_TOPIC_ARNS: TopicArnsJson })
  .superRefine((env, ctx) => {
    for (const desk of env.SERVICE_DESK_CONFIG.desks) {
      if (!env.SLA_TOPIC_ARNS[desk.id])
        ctx.addIssue({ code: 'custom', path: ['SLA_TOPIC_ARNS'], message: `no topic for desk "${desk.id}"` });
    }
  });
export type SlaWatcherEnv = z.infer<typeof SlaWatcherEnvSchema>;

export function loadAgentApiEnv(env: Env): AgentApiEnv {
  return parseEnv(AgentApiEnvSchema, env, 'agent-api function');
}

export function loadSlaWatcherEnv(env: Env): SlaWatcherEnv {
  return parseEnv(SlaWatcherEnvSchema, env, 'sla-watcher function');
}

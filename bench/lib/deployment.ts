import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DEPLOYMENT_EXAMPLE = fileURLToPath(new URL('../../config/cdk.example.json', import.meta.url));

/** The few settings of the example deployment (config/cdk.example.json) the bench runs with. */
const DeploymentSettingsSchema = z.object({
  region: z.string(),
  maxMessageBytes: z.number().int().positive(),
  rawMailRetentionDays: z.number().int().positive(),
});
export type DeploymentSettings = z.infer<typeof DeploymentSettingsSchema>;

export function deploymentSettings(path = DEPLOYMENT_EXAMPLE): DeploymentSettings {
  return DeploymentSettingsSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

import {
  DescribeActiveReceiptRuleSetCommand,
  SESClient,
  SetActiveReceiptRuleSetCommand,
} from '@aws-sdk/client-ses';
import * as z from 'zod';

/**
 * The Delete path of the rule-set activation (infra/constructs/inbound-mail.ts): SES has one active
 * receipt rule set per account and region, and `SetActiveReceiptRuleSet` without a name disables
 * whichever set is active — possibly another stage's or one an operator activated since. So this
 * deactivates only when the active set is still ours, and otherwise leaves receiving alone.
 */

/** What the activation's Delete passes (as the invocation payload). */
export const DeactivationRequestSchema = z.object({ ruleSetName: z.string().min(1) }).strict();
export type DeactivationRequest = z.infer<typeof DeactivationRequestSchema>;

export type DeactivationResult =
  | { outcome: 'deactivated'; ruleSetName: string }
  | { outcome: 'left-alone'; ruleSetName: string; activeRuleSet: string | null };

/** The two SES calls used; a structural type so tests can pass a stand-in for the client. */
export type SesReceiptClient = Pick<SESClient, 'send'>;

export async function deactivateIfOurs(
  ses: SesReceiptClient,
  request: DeactivationRequest,
): Promise<DeactivationResult> {
  const active = await ses.send(new DescribeActiveReceiptRuleSetCommand({}));
  // No active set at all: the response has no Metadata.
  const activeRuleSet = active.Metadata?.Name ?? null;
  if (activeRuleSet !== request.ruleSetName)
    return { outcome: 'left-alone', ruleSetName: request.ruleSetName, activeRuleSet };
  // Without a name, SetActiveReceiptRuleSet disables the active set: ours, as just checked.
  await ses.send(new SetActiveReceiptRuleSetCommand({}));
  return { outcome: 'deactivated', ruleSetName: request.ruleSetName };
}

// Region from the Lambda environment; created at cold start and reused.
const ses = new SESClient({});

/**
 * Invoked synchronously by the activation custom resource's Delete (Lambda Invoke). An error is
 * thrown back to it: the stack deletion then stops on the rule set, which SES refuses to delete
 * while active, instead of carrying on with a half-known state.
 */
export async function handler(event: unknown): Promise<DeactivationResult> {
  const request = DeactivationRequestSchema.parse(event);
  const result = await deactivateIfOurs(ses, request);
  console.log(JSON.stringify({ message: 'receipt rule set deactivation', ...result }));
  return result;
}

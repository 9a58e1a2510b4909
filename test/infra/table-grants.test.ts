import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { type SynthesizedIntake, synthIntake } from './synth';

/** The logical-id parts of our functions' roles. */
const FUNCTIONS = [
  'Intake',
  'BounceRecorder',
  'AgentApiHandler',
  'ClientPortalHandler',
  'SlaWatcherHandler',
] as const;
/** The only functions whose code deletes items: the SLA watcher withdraws its alert markers. */
const DELETERS = new Set(['SlaWatcherHandler']);

const DYNAMO_ADAPTERS = fileURLToPath(new URL('../../shared/adapters/aws/dynamodb/', import.meta.url));

type Statement = { Action: string | string[] };

function dynamoActionsOf(synth: SynthesizedIntake, rolePart: string): string[] {
  const policies = Object.entries(synth.stateless$.findResources('AWS::IAM::Policy')).filter(([id]) =>
    id.includes(`${rolePart}RoleDefaultPolicy`),
  );
  expect(policies).toHaveLength(1);
  const statements = (policies[0]![1] as { Properties: { PolicyDocument: { Statement: Statement[] } } })
    .Properties.PolicyDocument.Statement;
  return statements
    .flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]))
    .filter((a) => a.startsWith('dynamodb:'));
}

describe('Table grants (issue 13 §13)', () => {
  let synth: SynthesizedIntake;
  beforeAll(() => {
    synth = synthIntake();
  });

  it.each(FUNCTIONS)('%s: no BatchWriteItem, no Scan, DeleteItem only where its code deletes', (fn) => {
    const actions = dynamoActionsOf(synth, fn);
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']));
    expect(actions).not.toContain('dynamodb:BatchWriteItem');
    expect(actions).not.toContain('dynamodb:Scan');
    expect(actions.some((a) => a.includes('*'))).toBe(false);
    if (DELETERS.has(fn)) expect(actions).toContain('dynamodb:DeleteItem');
    else expect(actions).not.toContain('dynamodb:DeleteItem');
  });

  it('the code deletes only where DELETERS says and never batch-writes', () => {
    // A new DeleteCommand, transaction Delete or BatchWriteCommand must come with its grant and
    // with an update of DELETERS: this test then points at the file.
    const deleting = readdirSync(DYNAMO_ADAPTERS)
      .filter((f) => f.endsWith('.ts'))
      .filter((f) =>
        /\bDeleteCommand\b|\bDelete:\s*\{|\bBatchWriteCommand\b/.test(
          readFileSync(join(DYNAMO_ADAPTERS, f), 'utf8'),
        ),
      );
    expect(deleting).toEqual(['agent-store.ts']);
    const agentStore = readFileSync(join(DYNAMO_ADAPTERS, 'agent-store.ts'), 'utf8');
    expect(agentStore).not.toMatch(/BatchWriteCommand/);
    expect(agentStore.match(/new DeleteCommand\(/g)).toHaveLength(1);
  });
});

import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resourceOf, type SynthesizedIntake, synthIntake } from './synth';

const run = promisify(execFile);

/** Generous ceilings: they catch a dependency bundled by mistake (aws-cdk-lib, a test library), not growth. */
const MAX_BUNDLE_BYTES = {
  Intake: 10 * 1024 * 1024,
  BounceRecorder: 10 * 1024 * 1024,
  AgentApiHandler: 10 * 1024 * 1024,
  SlaWatcherHandler: 10 * 1024 * 1024,
  // The rule-set deactivator needs only the SES client and zod.
  InboundMailDeactivator: 2 * 1024 * 1024,
} as const;
type FunctionPart = keyof typeof MAX_BUNDLE_BYTES;
const FUNCTIONS = Object.keys(MAX_BUNDLE_BYTES) as FunctionPart[];

/**
 * References that resolve only at deploy time (other stack's outputs, topic ARNs, the client id),
 * replaced by values the functions' environment schemas accept; any other token gets a placeholder name.
 */
const PLACEHOLDERS: Record<string, string> = {
  COGNITO_DOMAIN: 'https://exodata-agents-test.auth.eu-west-1.amazoncognito.com',
  COGNITO_CLIENT_ID: 'placeholder-client-id',
  SLA_TOPIC_ARNS: JSON.stringify(
    Object.fromEntries(
      ['reunion', 'martinique', 'guadeloupe', 'nouvelle-caledonie'].map((d) => [
        d,
        `arn:aws:sns:eu-west-1:123456789012:${d}`,
      ]),
    ),
  ),
};

/**
 * The real bundling of `cdk synth`: the local esbuild, no Docker, no AWS credentials. Then each
 * bundle is imported by Node with the environment the template gives the function, which proves
 * that the ESM bundle loads (no "Dynamic require" of a CommonJS dependency) and that the function
 * accepts the environment the stack sets at cold start. One synth serves every test of the file.
 */
describe('Check: function bundles', () => {
  let outdir: string;
  let synth: SynthesizedIntake;

  beforeAll(() => {
    outdir = mkdtempSync(join(tmpdir(), 'exodata-cdk-bundle-'));
    synth = synthIntake(undefined, { bundle: true, outdir });
    synth.app.synth();
  }, 300_000);

  afterAll(() => {
    rmSync(outdir, { recursive: true, force: true });
  });

  function bundleOf(part: FunctionPart) {
    const fn = resourceOf(synth.stateless$, 'AWS::Lambda::Function', `${part}Function`);
    // The asset is staged in the cloud assembly as asset.<hash>; the template names it <hash>.zip.
    const assetDir = join(outdir, `asset.${String(fn.props.Code.S3Key).replace(/\.zip$/, '')}`);
    const env: Record<string, string> = { PATH: process.env.PATH ?? '', AWS_REGION: 'eu-west-1' };
    for (const [key, value] of Object.entries(fn.props.Environment.Variables as Record<string, unknown>)) {
      env[key] =
        PLACEHOLDERS[key] ??
        (typeof value === 'string' ? value : `placeholder-${key.toLowerCase().replaceAll('_', '-')}`);
    }
    return { assetDir, file: join(assetDir, 'index.mjs'), env };
  }

  async function runInNode(env: Record<string, string>, script: string): Promise<string> {
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { env });
    return stdout.trim().split('\n').at(-1) ?? '';
  }

  it.each(FUNCTIONS)('builds %s into one minified ESM file with its source map', (part) => {
    const { file } = bundleOf(part);
    expect(existsSync(file)).toBe(true);
    expect(existsSync(`${file}.map`)).toBe(true);
    const size = statSync(file).size;
    expect(size).toBeLessThan(MAX_BUNDLE_BYTES[part]);
    const code = readFileSync(file, 'utf8');
    expect(code.startsWith("import { createRequire as __exodataCreateRequire } from 'node:module';")).toBe(
      true,
    );
    expect(code).toMatch(/\/\/# sourceMappingURL=index\.mjs\.map\s*$/);
  });

  it.each(FUNCTIONS)(
    'loads the %s bundle in Node with the environment of the template and exports a handler',
    async (part) => {
      const { file, env } = bundleOf(part);
      const script = `const m = await import(${JSON.stringify(file)}); console.log(typeof m.handler);`;
      expect(await runInNode(env, script)).toBe('function');
    },
    60_000,
  );

  it('copies the portal files next to the agent-api bundle, and only there', () => {
    const { assetDir } = bundleOf('AgentApiHandler');
    for (const name of ['portal/index.html', 'portal/app.js', 'portal/styles.css'])
      expect(existsSync(join(assetDir, name)), name).toBe(true);
    // Built from portal-src/agent (TypeScript): one self-contained module, zod's runtime left out.
    const app = readFileSync(join(assetDir, 'portal/app.js'), 'utf8');
    expect(app).toContain('exodata.agent.token');
    expect(app).not.toMatch(/^\s*import\s/m);
    expect(app).not.toContain('ZodError');
    expect(readFileSync(join(assetDir, 'portal/styles.css'), 'utf8')).not.toContain('@import');
    expect(existsSync(join(bundleOf('SlaWatcherHandler').assetDir, 'portal'))).toBe(false);
  });

  it('serves the portal, refuses a ticket route without authorizer claims and reads the desks from the claims', async () => {
    const { file, env } = bundleOf('AgentApiHandler');
    const event = (path: string, claims?: Record<string, string>) => ({
      version: '2.0',
      routeKey: `GET ${path}`,
      rawPath: path,
      rawQueryString: '',
      headers: { host: 'example.execute-api.eu-west-1.amazonaws.com' },
      requestContext: {
        http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
        domainName: 'example.execute-api.eu-west-1.amazonaws.com',
        stage: '$default',
        ...(claims ? { authorizer: { jwt: { claims, scopes: null } } } : {}),
      },
      isBase64Encoded: false,
    });
    const script = `
      const { handler } = await import(${JSON.stringify(file)});
      const page = await handler(${JSON.stringify(event('/'))}, {});
      const tickets = await handler(${JSON.stringify(event('/api/tickets'))}, {});
      const me = await handler(${JSON.stringify(event('/api/me', { username: 'alice', 'cognito:groups': '[reunion admins]' }))}, {});
      console.log(JSON.stringify({ page: page.statusCode, csp: page.headers['content-security-policy'], html: page.body.includes('/portal/app.js'), tickets: tickets.statusCode, me: me.statusCode, agent: JSON.parse(me.body).agent }));
    `;
    const out = JSON.parse((await runInNode(env, script)) || '{}');
    expect(out).toMatchObject({
      page: 200,
      html: true,
      tickets: 401,
      me: 200,
      agent: { id: 'alice', desks: ['reunion'] },
    });
    expect(out.csp).toContain("default-src 'none'");
  }, 60_000);
});

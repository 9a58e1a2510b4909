import { relative } from 'node:path';
import type { LocalStack } from '../../shared/wiring/local';

/** What a newcomer reads once `npm start` is up: every URL and port, where the data is, what to try. */
export function startBanner(stack: LocalStack, clientsPath: string | null): string {
  const here = (path: string) => relative(process.cwd(), path) || '.';
  const desks = stack.config.desks.map((d) => d.address).join(', ');
  const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  const smtp = `smtp://${stack.smtp.host}:${stack.smtp.port}`;
  const rows: Array<[string, string, string]> = [
    ['SMTP listener', smtp, `mail for ${desks} only; max ${mb(stack.maxMessageBytes)}`],
    [
      'Agent portal',
      `${stack.apiUrl}/`,
      'tickets and queues (portal and /api); dev login: any name, any desk',
    ],
    [
      'Portail client :',
      `${stack.clientUrl}/`,
      'client portal: the links in the acknowledgements open it (portalBaseUrl)',
    ],
    ['SES emulator', stack.ses.viewerUrl, 'acknowledgements sent: open it in a browser (kept in memory)'],
    [
      'DynamoDB Local',
      stack.dynamodb.endpoint,
      `table ${stack.tableName}, JVM pid ${stack.dynamodb.pid}, data ${here(stack.dynamodb.dbPath)}`,
    ],
    ['S3 (s3rver)', stack.s3.endpoint, `bucket ${stack.bucket}, data ${here(stack.s3.directory)}`],
    [
      'Clients',
      `${stack.clientsLoaded} loaded`,
      clientsPath ? `from ${clientsPath}; other senders are unknown clients (standard)` : 'none',
    ],
    [
      'SLA watcher',
      stack.slaIntervalMs ? `every ${stack.slaIntervalMs / 1000} s` : 'off',
      'warnings and breaches are printed here',
    ],
    ['Verdicts', 'not checked', 'no spam, virus, SPF, DKIM or DMARC check locally (SES does them on AWS)'],
  ];
  const width = Math.max(...rows.map(([, url]) => url.length));
  const lines = [
    '',
    'Exodata intake: the local stack is up. Ctrl-C stops it (data is kept).',
    '',
    ...rows.map(([name, url, note]) => `  ${name.padEnd(15)} ${url.padEnd(width)}  ${note}`),
    ...(stack.indexesAdded.length > 0 ? [`  (table migrated: added ${stack.indexesAdded.join(', ')})`] : []),
    '',
    'Try it:',
    '  npm run demo                                   five realistic emails, then the tickets',
    '  npx exo-intake send FILE.eml…                  send .eml files through the SMTP listener',
    `  swaks --server ${stack.smtp.host}:${stack.smtp.port} --to reunion@exodata.fr --from marie@hotel-lagon-bleu.re \\`,
    `        --header "Subject: Serveur en panne" --body "Plus personne ne peut travailler, aucun contournement."`,
    '',
  ];
  return lines.join('\n');
}

import type { ClientEntry } from '../../shared/domain/desk/client-directory';

/** The directory the benchmark intake knows: one premium and one standard client per desk. */
export const BENCH_CLIENTS: readonly ClientEntry[] = [
  client('CLI-RE-0012', 'Hôtel Lagon Bleu', 'premium', 'reunion', 'hotel-lagon-bleu.re'),
  client('CLI-RE-0027', 'Quincaillerie du Port', 'standard', 'reunion', 'quincaillerie-du-port.re'),
  client('CLI-MQ-0019', 'Pharmacie du Lamentin', 'standard', 'martinique', 'pharmacie-du-lamentin.mq'),
  client('CLI-MQ-0031', 'Distillerie du Morne Vert', 'premium', 'martinique', 'distillerie-morne-vert.mq'),
  client('CLI-GP-0008', 'Clinique des Abymes', 'premium', 'guadeloupe', 'clinique-abymes.gp'),
  client('CLI-GP-0014', 'Transports Basse-Terre', 'standard', 'guadeloupe', 'transports-basse-terre.gp'),
  client('CLI-NC-0003', 'Mine du Grand Sud', 'premium', 'nouvelle-caledonie', 'mine-grand-sud.nc'),
  client('CLI-NC-0011', 'Cabinet Nouméa Conseil', 'standard', 'nouvelle-caledonie', 'noumea-conseil.nc'),
];

/** Senders the directory does not know: served on the standard contract. */
export const UNKNOWN_DOMAINS: readonly string[] = ['gmail.com', 'orange.fr', 'outlook.com', 'wanadoo.fr'];

export const PEOPLE: readonly { first: string; last: string }[] = [
  { first: 'Marie', last: 'Payet' },
  { first: 'Jean-Luc', last: 'Hoarau' },
  { first: 'Sophie', last: 'Grondin' },
  { first: 'James', last: 'Holloway' },
  { first: 'Émilie', last: 'Rivière' },
  { first: 'Kévin', last: 'Nativel' },
  { first: 'Laura', last: 'Smith' },
  { first: 'Paul', last: 'Wamytan' },
];

function client(
  clientId: string,
  name: string,
  contract: ClientEntry['contract'],
  homeDesk: string,
  domain: string,
): ClientEntry {
  return { clientId, name, contract, homeDesk, addresses: [], domains: [domain] };
}

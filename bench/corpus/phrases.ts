/**
 * What service-desk mail looks like, in French and English: subjects, problem descriptions with the
 * words triage weighs (blocked, workaround, several users), declared priorities, signatures and the
 * reply headers of the clients' mail programs. Enough variety to exercise every triage path.
 */
export type Lang = 'fr' | 'en';

export const SUBJECTS: Record<Lang, readonly string[]> = {
  fr: [
    "Imprimante de l'accueil en panne",
    'Plus d’accès à la messagerie',
    'VPN qui coupe toutes les 10 minutes',
    'Serveur de fichiers très lent',
    'Demande de création de compte pour une nouvelle collaboratrice',
    'Sauvegarde en échec cette nuit',
    'Écran noir sur le poste de caisse n°2',
    'Question sur la facture de novembre',
    'Wi-Fi des chambres indisponible',
    'Logiciel de paie : erreur à l’ouverture',
  ],
  en: [
    'Reception printer not working',
    'Cannot access email since this morning',
    'VPN drops every 10 minutes',
    'File server extremely slow',
    'New starter account request',
    'Backup failed last night',
    'Black screen on till number 2',
    'Question about the November invoice',
    'Guest Wi-Fi down',
    'Payroll software error on start-up',
  ],
};

export const SUBJECT_TAGS: Record<Lang, readonly string[]> = {
  fr: ['[Haute] ', '[Critique] ', '[Normale] ', '[P2] ', 'URGENT : ', ''],
  en: ['[High] ', '[Critical] ', '[Normal] ', '[P3] ', 'URGENT: ', ''],
};

export const GREETINGS: Record<Lang, readonly string[]> = {
  fr: ['Bonjour,', 'Bonjour à tous,', 'Bonsoir,', 'Bonjour Madame, Monsieur,'],
  en: ['Hi,', 'Hello team,', 'Good morning,', 'Dear support,'],
};

export const PROBLEMS: Record<Lang, readonly string[]> = {
  fr: [
    'Depuis ce matin, plus personne ne peut imprimer. Nous sommes bloqués, aucune solution de contournement.',
    'Toute l’équipe comptable (6 personnes) est bloquée, impossible de se connecter au logiciel.',
    'Un seul poste est concerné, nous pouvons utiliser celui d’à côté en attendant.',
    'Ce n’est pas urgent, mais pourriez-vous regarder quand vous aurez un moment ?',
    'Le problème revient tous les jours vers 14 h, cela dure une vingtaine de minutes.',
    'Nous avons redémarré le routeur et le serveur, sans effet.',
    'Le message d’erreur indique « accès refusé » puis l’application se ferme.',
    'La réception ne peut plus encaisser les clients, plusieurs utilisateurs sont concernés.',
  ],
  en: [
    'Since this morning nobody can print. We are blocked and there is no workaround.',
    'The whole accounts team (6 people) is blocked, nobody can log in to the software.',
    'Only one computer is affected; we can use the one next to it meanwhile.',
    'Not urgent at all, but could you have a look when you have a moment?',
    'It happens every day around 2 pm and lasts about twenty minutes.',
    'We restarted the router and the server, no change.',
    'The error message says "access denied" and then the application closes.',
    'Reception cannot take payments any more, several users are affected.',
  ],
};

export const PRIORITY_LINES: Record<Lang, readonly string[]> = {
  fr: ['Priorité : haute', 'Priorité : critique', 'Priorite: normale', 'Priorité : P3'],
  en: ['Priority: high', 'Priority: critical', 'Priority: low', 'Priority: P2'],
};

export const CLOSINGS: Record<Lang, readonly string[]> = {
  fr: ['Merci d’avance,', 'Cordialement,', 'Bien à vous,', 'Merci pour votre aide,'],
  en: ['Thanks in advance,', 'Best regards,', 'Kind regards,', 'Thanks,'],
};

export const REPLY_PREFIX: Record<Lang, readonly string[]> = {
  fr: ['RE: ', 'Re : ', 'TR: '],
  en: ['RE: ', 'Re: ', 'Fwd: '],
};

export const OUT_OF_OFFICE: Record<Lang, { subject: string; body: string }> = {
  fr: {
    subject: 'Réponse automatique : ',
    body: 'Je suis absente du bureau jusqu’au lundi 11 mai inclus, avec un accès limité à ma messagerie.',
  },
  en: {
    subject: 'Automatic reply: ',
    body: 'I am out of the office until Monday 11 May with limited access to email.',
  },
};

/** Lines of a pasted log: what makes plain-text messages large without any attachment. */
export const LOG_LINES: readonly string[] = [
  'ERROR [backup-agent] job "NAS-daily" failed: volume snapshot timed out after 3600 s',
  'WARN  [vpn] tunnel 10.8.0.0/24 renegotiation (DPD timeout), peer 203.0.113.14',
  'INFO  [spooler] job 4412 queued on PRN-ACCUEIL-01 (42 pages)',
  'ERROR [smtp] 451 4.7.1 temporary failure from mx.example.net, will retry',
  'WARN  [disk] C: 94 % used on SRV-FICHIERS',
];

export function quoteHeader(lang: Lang, name: string, address: string, when: Date, style: number): string {
  const date = when.toISOString().slice(0, 16).replace('T', ' ');
  if (style % 3 === 2) {
    return lang === 'fr'
      ? `-----Message d'origine-----\nDe : ${name} <${address}>\nEnvoyé : ${date}\nÀ : support\nObjet : suivi`
      : `-----Original Message-----\nFrom: ${name} <${address}>\nSent: ${date}\nTo: support\nSubject: follow-up`;
  }
  return lang === 'fr'
    ? `Le ${date}, ${name} <${address}> a écrit :`
    : `On ${date}, ${name} <${address}> wrote:`;
}

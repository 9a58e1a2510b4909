import type { Contact, Contract, Desk, PriorityLevel } from '../desk/service-desk-config';
import { ConfigError, InputError } from '../errors';
import type { Language } from '../mail/inbound-email';
import { formatDeadline } from '../sla/deadline-format';
import type { PriorityResult, UncertainFact } from '../triage/priority';
import { PRIORITY_QUESTIONS } from '../triage/priority-answer';
import { type Block, type Inline, type MailDocument, renderHtml, renderText } from './mail-document';
import { ackSubject, displaySubject, stripControlCharacters } from './subject';

export type AcknowledgementInput = {
  reference: string;
  desk: Desk;
  contact: Pick<Contact, 'portalBaseUrl' | 'emergencyPhone'>;
  language: Language;
  contract: Contract;
  priority: Pick<PriorityResult, 'level' | 'source' | 'evidence'> & {
    /** Facts the triage could not settle (issue 11): the acknowledgement asks about them. */
    uncertain?: readonly UncertainFact[];
  };
  gtiDueAt: Date;
  gtrDueAt: Date;
  /** The client's subject as received (untrusted). */
  originalSubject: string;
  /** The message was over the size limit: its attachments were not processed. */
  attachmentsSkipped: boolean;
  /** The ticket's portal link secret minted for this mail (docs/client-portal.md). */
  linkSecret: string;
};

/** The acknowledgement's content; the MIME adapter turns it (with the headers) into a message. */
export type AcknowledgementContent = { subject: string; text: string; html: string };

/** Evidence comes from the client's text: show a few short phrases, never a wall of their mail. */
const MAX_EVIDENCE_SHOWN = 5;
const MAX_EVIDENCE_CHARS = 100;
const FULL_REFERENCE = /^EXO-\d{4}-\d{6}$/;

/** acknowledgement.md, "Body": reference, priority, deadlines and hours, portal, phone. */
export function buildAcknowledgement(input: AcknowledgementInput): AcknowledgementContent {
  if (!FULL_REFERENCE.test(input.reference))
    throw new InputError(`"${input.reference}" is not a ticket reference`, {
      hint: 'acknowledge with a reference like EXO-2026-000123 (formatReference)',
    });
  const subject = ackSubject(input.reference, input.originalSubject, input.language);
  const wording = WORDING[input.language];
  const facts: Facts = {
    reference: input.reference,
    subject: displaySubject(input.originalSubject, input.language),
    ticketUrl: ticketUrl(input.contact.portalBaseUrl, input.reference, input.linkSecret),
    emergencyPhone: input.contact.emergencyPhone,
    level: input.priority.level,
    source: input.priority.source,
    evidence: shownEvidence(input.priority.evidence),
    contract: input.contract,
    zoneLabel: input.language === 'fr' ? input.desk.zoneLabelFr : input.desk.zoneLabelEn,
    gti: formatDeadline(input.gtiDueAt, input.desk, input.language),
    gtr: formatDeadline(input.gtrDueAt, input.desk, input.language),
    attachmentsSkipped: input.attachmentsSkipped,
    deskName: input.desk.displayName,
    questions: (input.priority.uncertain ?? []).map((fact) => PRIORITY_QUESTIONS[input.language][fact]),
  };
  const doc: MailDocument = { language: input.language, title: subject, blocks: wording(facts) };
  return { subject, text: renderText(doc), html: renderHtml(doc) };
}

/**
 * The client portal's link to a ticket (docs/client-portal.md): `${portalBaseUrl}/t/${reference}#k=${secret}`.
 * The secret rides in the fragment, which browsers never send to a server nor put in a Referer. Without a
 * secret (null): the bare `${portalBaseUrl}/t/${reference}`, what stored copies of a mail show (a
 * secret is never stored). Only an http(s) portal is accepted.
 */
export function ticketUrl(portalBaseUrl: string, reference: string, secret: string | null): string {
  let url: URL;
  try {
    url = new URL(portalBaseUrl);
  } catch (cause) {
    throw new ConfigError(`portal base URL "${portalBaseUrl}" is not a URL`, {
      hint: 'set contact.portalBaseUrl to e.g. https://support.exodata.fr',
      cause,
    });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new ConfigError(`portal base URL "${portalBaseUrl}" is not a web address`, {
      hint: 'contact.portalBaseUrl must start with https://',
    });
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/t/${encodeURIComponent(reference)}`;
  url.search = '';
  url.hash = secret === null ? '' : `k=${secret}`;
  return url.toString();
}

type Facts = {
  reference: string;
  subject: string;
  ticketUrl: string;
  emergencyPhone: string;
  level: PriorityLevel;
  source: PriorityResult['source'];
  evidence: string[];
  contract: Contract;
  zoneLabel: string;
  gti: string;
  gtr: string;
  attachmentsSkipped: boolean;
  deskName: string;
  /** One or two questions whose answers settle a level the triage left open. */
  questions: string[];
};

function shownEvidence(evidence: readonly string[]): string[] {
  const shown: string[] = [];
  for (const raw of evidence) {
    const phrase = stripControlCharacters(raw);
    if (phrase === '' || shown.includes(phrase)) continue;
    const chars = Array.from(phrase);
    shown.push(
      chars.length > MAX_EVIDENCE_CHARS ? `${chars.slice(0, MAX_EVIDENCE_CHARS - 1).join('')}…` : phrase,
    );
    if (shown.length === MAX_EVIDENCE_SHOWN) break;
  }
  return shown;
}

const LEVELS: readonly PriorityLevel[] = ['normale', 'moyenne', 'haute', 'critique'];

export const LEVEL_NAME: Record<Language, Record<PriorityLevel, string>> = {
  fr: { normale: 'Normale', moyenne: 'Moyenne', haute: 'Haute', critique: 'Critique' },
  en: { normale: 'Normal', moyenne: 'Medium', haute: 'High', critique: 'Critical' },
};

/** The brochure's definitions (service-desk.md, "Priorities and targets"), word for word in French (the client portal shows the same words: test/unit/portal/client-portal.test.ts). */
export const LEVEL_DEFINITION: Record<Language, Record<PriorityLevel, string>> = {
  fr: {
    normale: "l'utilisateur n'est pas bloqué dans son travail.",
    moyenne:
      "l'utilisateur est bloqué dans son travail, mais il existe une solution de contournement pour lui permettre de continuer son travail.",
    haute:
      "l'utilisateur est bloqué dans son travail et il n'y a pas de solution de contournement pour lui permettre de continuer son travail.",
    critique:
      "plusieurs utilisateurs sont bloqués dans leur travail et il n'y a pas de solution de contournement pour leur permettre de continuer leur travail.",
  },
  en: {
    normale: 'the user is not blocked in their work.',
    moyenne: 'the user is blocked in their work, but a workaround lets them carry on working.',
    haute: 'the user is blocked in their work and there is no workaround to let them carry on working.',
    critique:
      'several users are blocked in their work and there is no workaround to let them carry on working.',
  },
};

const WORDING: Record<Language, (f: Facts) => Block[]> = {
  fr: (f) => [
    p('Bonjour,'),
    p(
      'Nous avons bien reçu votre demande. Elle est enregistrée sous la référence ',
      { strong: f.reference },
      '.',
    ),
    p('Objet : ', f.subject),
    ...(f.attachmentsSkipped
      ? [
          p(
            { strong: 'Pièces jointes non traitées : ' },
            'votre message dépassait la taille que nous pouvons recevoir par e-mail, ses pièces jointes ',
            "n'ont donc pas été prises en compte. Merci de les déposer sur le portail, dans votre demande : ",
            { link: f.ticketUrl },
          ),
        ]
      : []),
    h('Priorité'),
    p('Priorité retenue : ', { strong: LEVEL_NAME.fr[f.level] }, '.'),
    p(howDeterminedFr(f)),
    ...(f.questions.length > 0
      ? [
          p(
            { strong: 'Priorité à confirmer : ' },
            "votre message ne nous permet pas d'en être sûrs. Pouvez-vous répondre à ce message pour nous le dire ?",
          ),
          list(f.questions.map((q) => [q])),
          p(
            'Une réponse simple suffit (par exemple « oui, nous sommes 5 bloqués » ou « non, je suis seul concerné ») : la priorité sera ajustée.',
          ),
          p("Vous pouvez aussi répondre d'un clic sur le portail : ", { link: f.ticketUrl }),
        ]
      : []),
    p(
      'Si elle ne correspond pas à votre situation, répondez à ce message en ajoutant la ligne ',
      { code: 'Priorité : <niveau>' },
      ' (Normale, Moyenne, Haute ou Critique). Les niveaux :',
    ),
    list(LEVELS.map((level) => [{ strong: LEVEL_NAME.fr[level] }, ` : ${LEVEL_DEFINITION.fr[level]}`])),
    h('Nos engagements'),
    list([
      [
        { strong: 'GTI (intervention)' },
        ` : un membre de notre équipe support vous contacte au plus tard le ${f.gti}.`,
      ],
      [{ strong: 'GTR (résolution)' }, ` : votre demande est résolue ou traitée au plus tard le ${f.gtr}.`],
    ]),
    p(
      f.contract === 'premium'
        ? 'Votre contrat Premium : le Service Desk vous répond 24h/24, 7j/7.'
        : `Votre contrat Standard : le Service Desk vous répond du lundi au vendredi de 8h à minuit (${f.zoneLabel}), hors jours fériés. Les délais ne courent que pendant ces horaires.`,
    ),
    h('Suivre votre demande'),
    p('Suivez son avancement sur notre portail : ', { link: f.ticketUrl }),
    p(
      'Pour la compléter, répondez simplement à ce message en gardant la référence ',
      { strong: `[${f.reference}]` },
      " dans l'objet : votre réponse sera ajoutée à la même demande.",
    ),
    p(
      "En cas d'urgence, ou si vous ne pouvez pas accéder au portail, appelez le Service Desk au ",
      { strong: f.emergencyPhone },
      '.',
    ),
    signature('Cordialement,', f.deskName),
    note('Ce message a été envoyé automatiquement à la réception de votre demande.'),
  ],
  en: (f) => [
    p('Hello,'),
    p('We have received your request. It is registered under the reference ', { strong: f.reference }, '.'),
    p('Subject: ', f.subject),
    ...(f.attachmentsSkipped
      ? [
          p(
            { strong: 'Attachments not processed: ' },
            'your message was larger than we can receive by email, so its attachments were not processed. ',
            'Please upload them to your request on the portal: ',
            { link: f.ticketUrl },
          ),
        ]
      : []),
    h('Priority'),
    p('Priority set: ', { strong: LEVEL_NAME.en[f.level] }, '.'),
    p(howDeterminedEn(f)),
    ...(f.questions.length > 0
      ? [
          p(
            { strong: 'Priority to be confirmed: ' },
            'your message does not let us be sure. Could you reply to this email to tell us?',
          ),
          list(f.questions.map((q) => [q])),
          p(
            'A plain answer is enough (for example “yes, five of us are blocked” or “no, only me”): the priority will be adjusted.',
          ),
          p('You can also answer in one click on our portal: ', { link: f.ticketUrl }),
        ]
      : []),
    p(
      'If it does not match your situation, reply to this email with the line ',
      { code: 'Priority: <level>' },
      ' (Normal, Medium, High or Critical). The levels:',
    ),
    list(LEVELS.map((level) => [{ strong: LEVEL_NAME.en[level] }, `: ${LEVEL_DEFINITION.en[level]}`])),
    h('Our commitments'),
    list([
      [{ strong: 'GTI (response)' }, `: a member of our support team contacts you by ${f.gti}.`],
      [{ strong: 'GTR (resolution)' }, `: your request is resolved or handled by ${f.gtr}.`],
    ]),
    p(
      f.contract === 'premium'
        ? 'Your Premium contract: the Service Desk answers 24 hours a day, 7 days a week.'
        : `Your Standard contract: the Service Desk answers Monday to Friday from 8 am to midnight (${f.zoneLabel}), except public holidays. Deadlines only run during these hours.`,
    ),
    h('Follow your request'),
    p('Follow its progress on our portal: ', { link: f.ticketUrl }),
    p(
      'To add to it, simply reply to this email, keeping the reference ',
      { strong: `[${f.reference}]` },
      ' in the subject: your reply will be added to the same request.',
    ),
    p(
      'For an emergency, or if you cannot reach the portal, call the Service Desk on ',
      { strong: f.emergencyPhone },
      '.',
    ),
    signature('Kind regards,', f.deskName),
    note('This message was sent automatically when we received your request.'),
  ],
};

function howDeterminedFr(f: Facts): string {
  const quoted = f.evidence.map((e) => `« ${e} »`).join(', ');
  switch (f.source) {
    case 'declared':
      return `Vous l'avez indiquée dans votre message${quoted ? ` (${quoted})` : ''}.`;
    case 'inferred':
      return quoted
        ? `Votre message n'indiquait pas de priorité : nous l'avons déduite de votre description, d'après ${quoted}.`
        : "Votre message n'indiquait pas de priorité : nous l'avons déduite de votre description.";
    case 'default':
      return "Votre message n'indiquait pas de priorité et ne permettait pas de la déduire : la priorité par défaut, Normale, s'applique.";
  }
}

function howDeterminedEn(f: Facts): string {
  const quoted = f.evidence.map((e) => `“${e}”`).join(', ');
  switch (f.source) {
    case 'declared':
      return `You stated it in your message${quoted ? ` (${quoted})` : ''}.`;
    case 'inferred':
      return quoted
        ? `Your message did not state a priority: we inferred it from your description, based on ${quoted}.`
        : 'Your message did not state a priority: we inferred it from your description.';
    case 'default':
      return 'Your message did not state a priority and we could not infer one: the default priority, Normal, applies.';
  }
}

function p(...content: Inline[]): Block {
  return { kind: 'paragraph', content };
}
function h(content: string): Block {
  return { kind: 'heading', content };
}
function list(items: Inline[][]): Block {
  return { kind: 'list', items };
}
function signature(...lines: string[]): Block {
  return { kind: 'signature', lines };
}
function note(...content: Inline[]): Block {
  return { kind: 'note', content };
}

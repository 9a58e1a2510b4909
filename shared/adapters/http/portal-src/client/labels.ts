import type { PriorityLevel } from '../../../../domain/desk/service-desk-config';
import type { Language } from '../../../../domain/mail/inbound-email';
import type { TicketStatus } from '../../../../domain/ticket/ticket';
import type { ClientErrorCode, ClientPrioritySource } from './api-types';

/**
 * Every word the client portal shows, one table per language (French by default, English for a ticket
 * written in English). Each domain value is a `Record` over the domain's own type: a new status or
 * priority without its words here fails `tsc` (npm test) instead of showing an identifier to a client.
 * The priority definitions are the brochure's, word for word as in the acknowledgement (a unit test
 * compares them with the domain's).
 */
export type ClientLabels = {
  /** BCP 47 tag for <html lang> and Intl. */
  locale: string;
  status: Record<TicketStatus, string>;
  priority: Record<PriorityLevel, string>;
  definition: Record<PriorityLevel, string>;
  prioritySource: Record<ClientPrioritySource, string>;
  messageKind: Record<'client' | 'agent', string>;
  text: {
    brand: string;
    myRequests: string;
    signOut: string;
    reference: string;
    statusLabel: string;
    priorityLabel: string;
    why: string;
    desk: string;
    receivedAt: string;
    deadlines: string;
    gti: string;
    gtr: string;
    dueBy: (at: string) => string;
    met: string;
    metAt: (at: string) => string;
    missed: string;
    conversation: string;
    noMessages: string;
    attachments: string;
    download: (name: string, size: string) => string;
    refresh: string;
    refreshed: string;
    addMessage: string;
    messageLabel: string;
    filesLabel: string;
    filesHint: string;
    send: string;
    sending: string;
    sent: string;
    emptyMessage: string;
    removeFile: (name: string) => string;
    uploadProgress: (name: string) => string;
    uploaded: string;
    uploadFailed: (reason: string) => string;
    tooBig: (max: string) => string;
    tooMany: (max: number) => string;
    waitUploads: string;
    emptyFile: string;
    storageFailed: string;
    priorityTitle: string;
    priorityHint: string;
    priorityFixedByAgent: string;
    declare: string;
    declared: string;
    /** The card of the acknowledgement's priority questions (issue 11). */
    questionsTitle: string;
    questionsWhy: string;
    yes: string;
    no: string;
    /** A Oui/Non button's accessible name: its visible word, then the question it answers. */
    answerName: (answer: string, question: string) => string;
    answerNoted: string;
    priorityMoved: (level: string) => string;
    priorityConfirmed: (level: string) => string;
    resolvedTitle: string;
    resolvedHint: string;
    confirmResolved: string;
    confirmed: string;
    closedHint: string;
    timeZone: (zone: string) => string;
    sizeUnits: readonly [string, string, string];
  };
  /**
   * The API's error codes in the client's words. For UPLOAD_REFUSED and CONFLICT the server's own message
   * (in the ticket's language) says more — which file, why — and is shown instead (api.ts, `explain`).
   */
  error: Record<ClientErrorCode, string>;
  /** What went wrong on the way, not at the server. */
  trouble: { network: string; unexpected: string };
};

const fr = {
  locale: 'fr-FR',
  status: {
    nouveau: 'reçue',
    'en cours': 'prise en charge',
    'en attente client': 'en attente de votre réponse',
    résolu: 'résolue',
    fermé: 'clôturée',
  } satisfies Record<TicketStatus, string>,
  priority: { normale: 'Normale', moyenne: 'Moyenne', haute: 'Haute', critique: 'Critique' } satisfies Record<
    PriorityLevel,
    string
  >,
  definition: {
    normale: "l'utilisateur n'est pas bloqué dans son travail.",
    moyenne:
      "l'utilisateur est bloqué dans son travail, mais il existe une solution de contournement pour lui permettre de continuer son travail.",
    haute:
      "l'utilisateur est bloqué dans son travail et il n'y a pas de solution de contournement pour lui permettre de continuer son travail.",
    critique:
      "plusieurs utilisateurs sont bloqués dans leur travail et il n'y a pas de solution de contournement pour leur permettre de continuer leur travail.",
  } satisfies Record<PriorityLevel, string>,
  prioritySource: {
    declared: 'déclarée par vous',
    inferred: 'déduite de votre message',
    agent: 'fixée par notre équipe',
    answered: 'ajustée selon votre réponse',
  } satisfies Record<ClientPrioritySource, string>,
  messageKind: { client: 'Vous', agent: 'Exodata' },
  text: {
    brand: 'Exodata — Centre de services',
    myRequests: 'Mes demandes',
    signOut: 'Se déconnecter',
    reference: 'Référence',
    statusLabel: 'Statut',
    priorityLabel: 'Priorité',
    why: 'Pourquoi',
    desk: 'Centre qui traite votre demande',
    receivedAt: 'Reçue le',
    deadlines: 'Nos engagements',
    gti: 'Prise en charge (GTI)',
    gtr: 'Résolution (GTR)',
    dueBy: (at) => `au plus tard ${at}`,
    met: 'respectée',
    metAt: (at) => `respectée (${at})`,
    missed: 'dépassée',
    conversation: 'Échanges',
    noMessages: 'Aucun message pour le moment.',
    attachments: 'Pièces jointes',
    download: (name, size) => `Télécharger ${name} (${size})`,
    refresh: 'Actualiser',
    refreshed: 'Demande actualisée.',
    addMessage: 'Ajouter un message',
    messageLabel: 'Votre message',
    filesLabel: 'Joindre des fichiers',
    filesHint: 'Jusqu’à 10 fichiers de 25 Mo chacun ; les programmes (.exe, .bat…) sont refusés.',
    send: 'Envoyer',
    sending: 'Envoi en cours…',
    sent: 'Message envoyé : il est ajouté à votre demande.',
    emptyMessage: 'Écrivez un message avant de l’envoyer.',
    removeFile: (name) => `Retirer ${name}`,
    uploadProgress: (name) => `Envoi de ${name}`,
    uploaded: 'prêt',
    uploadFailed: (reason) => `refusé : ${reason}`,
    tooBig: (max) => `Fichier trop volumineux : ${max} au plus par fichier.`,
    tooMany: (max) => `Pas plus de ${max} fichiers par message.`,
    waitUploads: 'Attendez la fin de l’envoi des fichiers, ou retirez ceux qui sont refusés.',
    emptyFile: 'Ce fichier est vide.',
    storageFailed: 'Le fichier n’a pas pu être déposé : réessayez.',
    priorityTitle: 'Corriger la priorité',
    priorityHint: 'Choisissez la définition qui décrit votre situation.',
    priorityFixedByAgent:
      'Notre équipe a fixé la priorité : répondez-nous par un message si elle ne convient pas.',
    declare: 'Déclarer cette priorité',
    declared: 'Priorité enregistrée.',
    questionsTitle: 'Priorité à confirmer',
    questionsWhy:
      'Votre message ne nous permet pas d’établir la priorité : votre réponse fixe nos délais d’intervention.',
    yes: 'Oui',
    no: 'Non',
    answerName: (answer, question) => `${answer} — ${question}`,
    answerNoted: 'Merci : votre réponse est enregistrée.',
    priorityMoved: (level) => `Merci : la priorité passe à ${level}, nos délais sont recalculés.`,
    priorityConfirmed: (level) => `Merci : la priorité ${level} est confirmée.`,
    resolvedTitle: 'Votre demande est résolue',
    resolvedHint: 'Si la solution vous convient, confirmez-le : la demande sera clôturée.',
    confirmResolved: 'C’est résolu, merci',
    confirmed: 'Merci ! La demande est clôturée.',
    closedHint: 'Cette demande est clôturée. Pour un nouveau problème, écrivez-nous un nouvel e-mail.',
    timeZone: (zone) => `heure de ${zone}`,
    sizeUnits: ['o', 'Ko', 'Mo'],
  },
  error: {
    INVALID_LINK: 'Ce lien n’est pas valide.',
    RATE_LIMITED: 'Trop de tentatives : patientez quelques minutes puis réessayez.',
    NO_SESSION: 'Votre session a expiré : rouvrez le lien reçu par e-mail.',
    CSRF: 'La page a expiré : rechargez-la puis recommencez.',
    INPUT_INVALID: 'Demande refusée : un champ manque ou n’est pas valable. Vérifiez le formulaire.',
    UPLOAD_REFUSED: 'Fichier refusé.',
    CONFLICT: 'Impossible pour le moment : la demande a changé entre-temps. Actualisez la page.',
    TRANSIENT: 'Service momentanément indisponible : réessayez dans quelques secondes.',
    INTERNAL: 'Une erreur est survenue de notre côté : réessayez dans un instant.',
  } satisfies Record<ClientErrorCode, string>,
  trouble: {
    network: 'Pas de réponse du serveur : vérifiez votre connexion puis réessayez.',
    unexpected: 'Une erreur est survenue : réessayez dans un instant.',
  },
} satisfies ClientLabels;

const en = {
  locale: 'en-GB',
  status: {
    nouveau: 'received',
    'en cours': 'in progress',
    'en attente client': 'waiting for your reply',
    résolu: 'resolved',
    fermé: 'closed',
  } satisfies Record<TicketStatus, string>,
  priority: { normale: 'Normal', moyenne: 'Medium', haute: 'High', critique: 'Critical' } satisfies Record<
    PriorityLevel,
    string
  >,
  definition: {
    normale: 'the user is not blocked in their work.',
    moyenne: 'the user is blocked in their work, but a workaround lets them carry on working.',
    haute: 'the user is blocked in their work and there is no workaround to let them carry on working.',
    critique:
      'several users are blocked in their work and there is no workaround to let them carry on working.',
  } satisfies Record<PriorityLevel, string>,
  prioritySource: {
    declared: 'declared by you',
    inferred: 'inferred from your message',
    agent: 'set by our team',
    answered: 'adjusted to your answer',
  } satisfies Record<ClientPrioritySource, string>,
  messageKind: { client: 'You', agent: 'Exodata' },
  text: {
    brand: 'Exodata — Service desk',
    myRequests: 'My requests',
    signOut: 'Sign out',
    reference: 'Reference',
    statusLabel: 'Status',
    priorityLabel: 'Priority',
    why: 'Why',
    desk: 'Desk handling your request',
    receivedAt: 'Received',
    deadlines: 'Our commitments',
    gti: 'First response (GTI)',
    gtr: 'Resolution (GTR)',
    dueBy: (at) => `by ${at}`,
    met: 'met',
    metAt: (at) => `met (${at})`,
    missed: 'missed',
    conversation: 'Messages',
    noMessages: 'No messages yet.',
    attachments: 'Attachments',
    download: (name, size) => `Download ${name} (${size})`,
    refresh: 'Refresh',
    refreshed: 'Request refreshed.',
    addMessage: 'Add a message',
    messageLabel: 'Your message',
    filesLabel: 'Attach files',
    filesHint: 'Up to 10 files of 25 MB each; programs (.exe, .bat…) are refused.',
    send: 'Send',
    sending: 'Sending…',
    sent: 'Message sent: it is added to your request.',
    emptyMessage: 'Write a message before sending it.',
    removeFile: (name) => `Remove ${name}`,
    uploadProgress: (name) => `Uploading ${name}`,
    uploaded: 'ready',
    uploadFailed: (reason) => `refused: ${reason}`,
    tooBig: (max) => `File too large: ${max} at most per file.`,
    tooMany: (max) => `No more than ${max} files per message.`,
    waitUploads: 'Wait until the files are uploaded, or remove the refused ones.',
    emptyFile: 'This file is empty.',
    storageFailed: 'The file could not be stored: try again.',
    priorityTitle: 'Correct the priority',
    priorityHint: 'Choose the definition that describes your situation.',
    priorityFixedByAgent: 'Our team set the priority: send us a message if it does not fit.',
    declare: 'Declare this priority',
    declared: 'Priority saved.',
    questionsTitle: 'Priority to confirm',
    questionsWhy: 'We could not tell the priority from your message: your answer sets our deadlines.',
    yes: 'Yes',
    no: 'No',
    answerName: (answer, question) => `${answer} — ${question}`,
    answerNoted: 'Thank you: your answer is recorded.',
    priorityMoved: (level) => `Thank you: the priority is now ${level}, our deadlines are recalculated.`,
    priorityConfirmed: (level) => `Thank you: the ${level} priority is confirmed.`,
    resolvedTitle: 'Your request is resolved',
    resolvedHint: 'If the solution works for you, confirm it: the request will be closed.',
    confirmResolved: 'It’s resolved, thank you',
    confirmed: 'Thank you! The request is closed.',
    closedHint: 'This request is closed. For a new problem, send us a new e-mail.',
    timeZone: (zone) => `${zone} time`,
    sizeUnits: ['B', 'KB', 'MB'],
  },
  error: {
    INVALID_LINK: 'This link is not valid.',
    RATE_LIMITED: 'Too many attempts: wait a few minutes and try again.',
    NO_SESSION: 'Your session has expired: open the link from your e-mail again.',
    CSRF: 'The page has expired: reload it and try again.',
    INPUT_INVALID: 'Request refused: a field is missing or not valid. Check the form.',
    UPLOAD_REFUSED: 'File refused.',
    CONFLICT: 'Not possible right now: the request changed in the meantime. Refresh the page.',
    TRANSIENT: 'Service temporarily unavailable: try again in a few seconds.',
    INTERNAL: 'Something went wrong on our side: try again in a moment.',
  } satisfies Record<ClientErrorCode, string>,
  trouble: {
    network: 'No answer from the server: check your connection and try again.',
    unexpected: 'Something went wrong: try again in a moment.',
  },
} satisfies ClientLabels;

export const CLIENT_LABELS = { fr, en } satisfies Record<Language, ClientLabels>;

export function labelsFor(language: Language): ClientLabels {
  return CLIENT_LABELS[language];
}

/** Highest first, as a client reads a scale. */
export const LEVELS_HIGH_FIRST: readonly PriorityLevel[] = ['critique', 'haute', 'moyenne', 'normale'];

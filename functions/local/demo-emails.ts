import type { LocalOutgoingMessage } from '../../shared/wiring/local-client';

/** One demo email: what it shows, and the message (a function when it needs an earlier result). */
export type DemoEmail = {
  title: string;
  expect: string;
  message: LocalOutgoingMessage & { raw?: never };
};

/** The request the follow-up answers: its sender, subject and how the reply quotes the acknowledgement. */
export const OUTAGE = {
  from: 'Marie Payet <marie.payet@hotel-lagon-bleu.re>',
  to: ['reunion@exodata.fr'],
  subject: 'Plus aucun poste de la réception ne se connecte au logiciel de réservation',
  text: [
    'Bonjour,',
    '',
    "Depuis 7h ce matin, plus aucun poste de la réception ne peut se connecter au logiciel de réservation : l'écran reste bloqué sur « Connexion au serveur… ».",
    "Toute l'équipe de la réception est bloquée, nous n'avons aucune solution de contournement et les clients arrivent.",
    '',
    'Merci de nous rappeler au plus vite.',
    '',
    'Marie Payet',
    'Responsable hébergement – Hôtel Lagon Bleu',
    '0262 24 00 00',
  ].join('\n'),
};

export function outage(): DemoEmail {
  return {
    title: 'A critical outage (Hôtel Lagon Bleu, premium, → reunion)',
    expect: 'critique, inferred: the whole team is blocked and there is no workaround',
    message: { ...OUTAGE },
  };
}

export function declaredPriority(): DemoEmail {
  return {
    title: 'A declared priority (Pharmacie du Lamentin, standard, → martinique)',
    expect: 'haute, declared by the [Haute] subject tag',
    message: {
      from: 'Comptoir Pharmacie du Lamentin <comptoir@pharmacie-du-lamentin.mq>',
      to: ['martinique@exodata.fr'],
      subject: "[Haute] L'imprimante des ordonnances n'imprime plus",
      text: [
        'Bonjour,',
        '',
        "L'imprimante du comptoir affiche « Erreur 0x61 » et n'imprime plus les ordonnances.",
        "On peut encore servir les clients mais c'est très pénible.",
        '',
        'Cordialement,',
        'Le comptoir',
      ].join('\n'),
    },
  };
}

/** The client answers our acknowledgement: In-Reply-To carries the Message-ID SES gave it. */
export function followUp(
  reference: string,
  ackMessageId: string,
  originalMessageId: string | null,
): DemoEmail {
  return {
    title: `A reply to the acknowledgement of ${reference} (threads by In-Reply-To)`,
    expect: `added to ${reference}: no new ticket, no new acknowledgement`,
    message: {
      from: OUTAGE.from,
      to: OUTAGE.to,
      subject: `RE: [${reference}] ${OUTAGE.subject}`,
      inReplyTo: ackMessageId,
      references: [...(originalMessageId ? [originalMessageId] : []), ackMessageId],
      text: [
        'Précision : le terminal de paiement fonctionne toujours, seul le logiciel de réservation est touché.',
        '',
        'Marie',
        '',
        `> [${reference}] Votre demande a bien été enregistrée.`,
      ].join('\n'),
    },
  };
}

/** The client's answer to an agent's reply (demo step 7): In-Reply-To is the reply's SES Message-ID. */
export function answerToReply(reference: string, replyMessageId: string): DemoEmail {
  return {
    title: `The client answers the agent's reply on ${reference} (threads by In-Reply-To)`,
    expect: `added to ${reference}: no new ticket, no new acknowledgement`,
    message: {
      from: OUTAGE.from,
      to: OUTAGE.to,
      subject: `RE: [${reference}] ${OUTAGE.subject}`,
      inReplyTo: replyMessageId,
      references: [replyMessageId],
      text: ['Merci, le logiciel redémarre bien maintenant.', '', 'Marie'].join('\n'),
    },
  };
}

export function outOfOffice(): DemoEmail {
  return {
    title: 'An out-of-office reply (null sender, Auto-Submitted)',
    expect: 'suspended for review, never acknowledged (no mail loop)',
    message: {
      from: 'Jean Hoarau <jean.hoarau@quincaillerie-du-port.re>',
      to: ['reunion@exodata.fr'],
      subject: 'Réponse automatique : absent du bureau',
      envelopeFrom: '',
      headers: { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' },
      text: "Je suis absent du bureau jusqu'au 4 janvier. Pour toute urgence, appelez le magasin au 0262 42 00 00.",
    },
  };
}

export function englishRequest(): DemoEmail {
  return {
    title: 'An English request (Nickel Sud, premium, → nouvelle-caledonie)',
    expect: 'acknowledged in English, deadlines in New Caledonia time',
    message: {
      from: 'Sarah Martin <s.martin@nickel-sud.nc>',
      to: ['nouvelle-caledonie@exodata.fr'],
      subject: 'VPN not working since this morning',
      text: [
        'Hello,',
        '',
        "Since this morning I can't connect to the VPN from the Thio site: the client says the certificate has expired.",
        "I can't work on the plant reports and there is no workaround on my side.",
        '',
        'Could you have a look?',
        '',
        'Thanks,',
        'Sarah Martin',
        'Nickel Sud – Maintenance planning',
      ].join('\n'),
    },
  };
}

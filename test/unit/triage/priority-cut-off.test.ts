import { describe, expect, it } from 'vitest';
import { readPriorityFacts } from '../../../shared/domain/triage/priority-facts';

const blocked = (text: string) => readPriorityFacts(text).blocked;

// Issue 11, after the holdout: being cut off from a tool is being blocked, in every register.
describe('Rule: being cut off from a tool or a system is being blocked', () => {
  it.each([
    "Je suis privée d'accès au logiciel de paie depuis hier.",
    'Nous sommes prives de messagerie depuis ce matin.',
    'Je suis privé de ma session Windows.',
    'Je suis coupé du réseau depuis la mise à jour.',
    "J'ai perdu l'accès à mes dossiers.",
    "Je n'ai plus la main sur mon compte comptable.",
    "J'ai plus la main sur le serveur.",
    'Accès refusé quand je lance le logiciel.',
    'Mon compte a été suspendu ce matin.',
    'Mon badge est desactive.',
    'Je ne rentre plus dans le logiciel de caisse.',
    'je rentre plus dans mon appli',
    "I'm locked out of the accounting portal.",
    'They shut me out of the CRM after the update.',
    "We've been cut off from the file server since 9.",
    'I cant get into my mailbox.',
    "I can't log into the booking tool.",
    'My account has been suspended.',
    'Access denied when I open the shared drive.',
    "The portal won't let me in.",
    'It doesnt let me log in anymore.',
  ])('blocked: %s', (text) => {
    expect(blocked(text)).toBe(true);
  });

  it.each([
    "Je ne suis pas privée d'accès, je voulais juste signaler un détail d'affichage.",
    'Pouvez-vous ajouter un accès au dossier partagé pour ma nouvelle collègue ?',
    'Je souhaite un compte pour le stagiaire qui arrive lundi.',
    "I'm not locked out, I just want to change my password.",
    'Could you give me access to the shared drive? It is not urgent.',
  ])('not blocked: %s', (text) => {
    expect(blocked(text)).toBe(false);
  });
});

describe('Rule: `vouloir` with a negation, `refuse de`, `won’t` say the thing cannot', () => {
  it.each([
    'Mon ordi veut plus démarrer.',
    "Mon ordinateur ne veut plus s'allumer depuis ce matin.",
    "L'imprimante veut pas imprimer.",
    "Outlook ne veut pas s'ouvrir.",
    'La caisse veut plus se connecter au réseau.',
    'le pc veut toujours pas demarrer',
    "L'imprimante refuse d'imprimer.",
    "My laptop won't boot.",
    'The printer wont print.',
    'Outlook refuses to open.',
    'The till keeps refusing to connect.',
    'The scanner will not start.',
  ])('blocked: %s', (text) => {
    expect(blocked(text)).toBe(true);
  });

  it.each([
    'Je ne veux pas vous déranger, mais pourriez-vous changer mon écran de veille ?',
    "Je veux plus de place sur l'espace partagé, quand vous aurez le temps.",
    'Mon collègue ne veut pas changer de mot de passe, pouvez-vous lui expliquer ?',
    "I won't be in the office on Friday, please call me on Monday about the new screen.",
    "We don't want to start the migration before June.",
  ])('not blocked: %s', (text) => {
    expect(blocked(text)).toBe(false);
  });
});

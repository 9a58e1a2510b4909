import type { Language } from './inbound-email';

/**
 * Short, frequent words that only one of the two languages uses. Words both share in business mail
 * ("a", "on", "ce", "pour"…) are left out, so a mixed word does not tip the score.
 */
const FRENCH_WORDS = new Set(
  (
    'le la les un une des du de au aux et est sont ou où je tu il elle nous vous ils elles ne pas plus ' +
    'que qui quoi dans sur avec sans pour par mais donc car ce cette ces mon ma mes notre nos votre vos ' +
    'leur leurs son sa ses se suis êtes avons avez ont fait faire peut peux depuis aussi très bien merci ' +
    'bonjour bonsoir cordialement madame monsieur svp depuis hier aujourd demain encore toujours rien ' +
    'personne tous toutes quand comment pourquoi voici chez lors après avant entre sous dont y en c j n l qu d s'
  ).split(' '),
);

const ENGLISH_WORDS = new Set(
  (
    'the a an and is are was were be been i you he she we they it its this that these those not no ' +
    'with without for from by but so or if when what which who how why our your their my me us them ' +
    'have has had do does did can could would should will please thanks thank regards hello hi dear ' +
    'since yesterday today tomorrow still again nothing anyone everyone all any of to in at into there here ' +
    "don't can't won't isn't doesn't we're i'm it's"
  ).split(' '),
);

/** Letters only French writes; each one found counts as a French word. */
const FRENCH_LETTERS = /[éèêëàâùûüîïôœç]/gi;

/**
 * triage.md / acknowledgement.md: answer in English when the client wrote in English. Scores the
 * subject and the new text by stop words (accents count for French); French when unsure, as the
 * desks are French-speaking.
 */
export function detectLanguage(subject: string, text: string): Language {
  const sample = `${subject}\n${text}`.slice(0, 20_000).toLowerCase().replace(/[’‘]/g, "'");
  let french = (sample.match(FRENCH_LETTERS) ?? []).length;
  let english = 0;
  // Stryker disable next-line ArrayDeclaration: no word at all and the one word "Stryker was here" both count nothing
  for (const word of sample.match(/[\p{L}']+/gu) ?? []) {
    const bare = word.replace(/^'+|'+$/g, '');
    // French elisions (l'écran, j'ai, qu'il) are French whatever follows the apostrophe.
    if (/^(?:[ljdcmnst]|qu|jusqu|lorsqu|puisqu)'\p{L}/u.test(bare)) french += 1;
    if (ENGLISH_WORDS.has(bare)) english += 1;
    else if (FRENCH_WORDS.has(bare)) french += 1;
  }
  return english > french * 1.2 && english >= 3 ? 'en' : 'fr';
}

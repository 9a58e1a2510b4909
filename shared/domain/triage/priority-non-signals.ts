import { foldText, originalSpan } from './text-normalize';

/**
 * triage.md, "Not signals": mail-client flags, the word urgent, capitals and exclamation marks never
 * change the level. They are still collected so that an agent sees what the client tried to say.
 */
const FLAG_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['x-priority', 'X-Priority'],
  ['x-msmail-priority', 'X-MSMail-Priority'],
  ['importance', 'Importance'],
  ['x-importance', 'X-Importance'],
  ['priority', 'Priority'],
  ['urgency', 'Urgency'],
];

const URGENCY_WORDS =
  /\b(?:(?:pas|not|non|nothing|n'est pas|isn't|is not) |rien d')?(?:urgent\w*|urgence|urgemment|asap|au plus vite|des que possible|le plus vite possible|le plus rapidement possible|au plus tot|tres important|as soon as possible|emergency|immediately|right away|no rush|pas presse|rien ne presse|critical|critique)\b/gu;
const EXCLAMATIONS = /!{2,}/gu;
/** Two or more words in capitals (`NE MARCHE PLUS`); a lone acronym (ERP, NAS) is not shouting. */
const SHOUTING = /(?<!\p{L})\p{Lu}{3,}(?:[\s,!']+\p{Lu}{2,})+(?!\p{L})/gu;
const MAX_NON_SIGNALS = 12;

export function findNonSignals(
  subject: string,
  newText: string,
  headers: Record<string, string[]>,
): string[] {
  const found: string[] = [];
  for (const [name, display] of FLAG_HEADERS) {
    for (const value of headers[name] ?? []) found.push(`${display}: ${value.trim()}`);
  }
  for (const text of [subject, newText]) {
    const folded = foldText(text);
    for (const m of folded.text.matchAll(URGENCY_WORDS)) {
      found.push(`"${originalSpan(folded, m.index, m.index + m[0].length)}"`);
    }
    for (const m of text.matchAll(EXCLAMATIONS)) found.push(`"${m[0]}"`);
    // A match starts and ends with a capital: nothing to trim.
    for (const m of text.matchAll(SHOUTING)) found.push(`capitals "${m[0]}"`);
    if (isMostlyCapitals(text)) found.push(`capitals "${text.trim().slice(0, 80)}"`);
  }
  return [...new Set(found)].slice(0, MAX_NON_SIGNALS);
}

function isMostlyCapitals(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const capitals = text.match(/\p{Lu}/gu)?.length ?? 0;
  return letters >= 12 && capitals / letters >= 0.8;
}

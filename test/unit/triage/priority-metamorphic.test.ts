import { describe, expect, it } from 'vitest';
import { splitNewText } from '../../../shared/domain/triage/new-text';
import { triagePriority } from '../../../shared/domain/triage/priority';
import { type CorpusMail, readCorpusSource } from '../../support/triage-corpus';

/**
 * Issue 11: rewordings that say the same thing never change the level. Each transformation is
 * applied to every labelled mail of test/fixtures/triage-corpus (tuning and holdout alike: the
 * expected level is the one the untouched mail gets, not its label).
 */
const mails = readCorpusSource();

function levelOf(subject: string, body: string): string {
  const { newText, quotedText } = splitNewText(body);
  return triagePriority({ subject, newText, quotedText, headers: {} }).level;
}

const isFrench = (m: CorpusMail) => /\b(?:je|nous|on|le|la|les|est|pas|bonjour)\b/iu.test(m.body);

/** The new text is what the client wrote above any history: the transformations edit only that. */
function editNewPart(body: string, edit: (text: string) => string): string {
  const at = body.search(
    /\n(?:Le .{0,80}a écrit|On .{0,80}wrote|-{5}|-{8,} ?(?:Message|Forwarded)|From: |>)/u,
  );
  return at < 0 ? edit(body) : edit(body.slice(0, at)) + body.slice(at);
}

const transformations: Record<string, (m: CorpusMail) => { subject: string; body: string }> = {
  'stripping accents': (m) => ({ subject: stripAccents(m.subject), body: stripAccents(m.body) }),
  'dropping "ne"': (m) => ({
    subject: m.subject,
    body: isFrench(m) ? editNewPart(m.body, dropNe) : m.body,
  }),
  'upper case': (m) => ({ subject: m.subject.toUpperCase(), body: m.body.toUpperCase() }),
  'lower case': (m) => ({ subject: m.subject.toLowerCase(), body: m.body.toLowerCase() }),
  'adding a greeting': (m) => ({
    subject: m.subject,
    body: `${isFrench(m) ? 'Bonjour à toute l’équipe,' : 'Hello team,'}\n\n${m.body}`,
  }),
  'adding a signature': (m) => ({
    subject: m.subject,
    body: editNewPart(
      m.body,
      (t) =>
        `${t}\n\n-- \nMarie Hoarau\nTous nos collaborateurs sont bloqués le samedi : aucune permanence.\nOur whole team cannot reply at weekends, no workaround.\n`,
    ),
  }),
  'adding a quoted older message': (m) => ({
    subject: m.subject,
    body: `${m.body}\n\nLe lun. 30 nov. 2026 à 10:00, Marie Hoarau <marie@client.example> a écrit :\n> Plus personne ne peut travailler, aucune solution de contournement.\n> Priorité : critique\n`,
  }),
  // Phone keyboards drop apostrophes (issue 11, after holdout4): `l'accès` → `l accès`, `don't` → `don t`.
  'dropping apostrophes': (m) => ({
    subject: m.subject,
    body: editNewPart(m.body, (t) => t.replace(/(?<=\p{L})['’](?=\p{L})/gu, ' ')),
  }),
  '"nous n\'avons pas" → "on a pas"': (m) => ({
    subject: m.subject,
    body: m.body.replace(
      /\b([Nn])ous n['’]avons (pas|plus)\b/gu,
      (_all, n: string, neg: string) => `${n === 'N' ? 'O' : 'o'}n a ${neg}`,
    ),
  }),
};

function stripAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}

/** Spoken French drops the `ne` of a negation: `je ne peux pas` → `je peux pas`, `n'a plus` → `a plus`. */
function dropNe(text: string): string {
  return text
    .replace(/\b([Jj])e n['’]/gu, "$1'")
    .replace(/\b([Nn])e (?=\S+ (?:\S+ )?(?:pas|plus|rien|jamais|aucune?|personne|que)\b)/gu, '')
    .replace(
      /\b[Nn]['’](?=[aeiouyhéèêâîôû]\S* (?:\S+ )?(?:pas|plus|rien|jamais|aucune?|personne|que)\b)/giu,
      '',
    );
}

/**
 * The level of each untouched mail, read once for the nine rewordings (the corpus is ~5,000 mails,
 * each read twice per rewording otherwise). Filled inside the tests, never at collection.
 */
const untouched = new Map<CorpusMail, string>();
function untouchedLevel(mail: CorpusMail): string {
  let level = untouched.get(mail);
  if (level === undefined) {
    level = levelOf(mail.subject, mail.body);
    untouched.set(mail, level);
  }
  return level;
}

describe('Triage corpus: rewordings that never change the level (metamorphic)', () => {
  it('reads the corpus', () => {
    expect(mails.length).toBeGreaterThanOrEqual(300);
  });

  for (const [name, transform] of Object.entries(transformations)) {
    it(`keeps the level of every mail when ${name}`, () => {
      const changed: string[] = [];
      for (const mail of mails) {
        const before = untouchedLevel(mail);
        const t = transform(mail);
        const after = levelOf(t.subject, t.body);
        if (after !== before) changed.push(`${mail.file}: ${before} → ${after}`);
      }
      expect(changed).toEqual([]);
    });
  }

  it('does transform something: the rewordings are not no-ops on the corpus', () => {
    const differs = (name: string) =>
      mails.filter((m) => {
        const t = transformations[name]!(m);
        return t.body !== m.body || t.subject !== m.subject;
      }).length;
    expect(differs('dropping "ne"')).toBeGreaterThan(50);
    expect(differs('"nous n\'avons pas" → "on a pas"')).toBeGreaterThan(3);
    expect(differs('stripping accents')).toBeGreaterThan(100);
    expect(differs('dropping apostrophes')).toBeGreaterThan(100);
  });
});

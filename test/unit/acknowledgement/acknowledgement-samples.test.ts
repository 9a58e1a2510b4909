import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildAcknowledgement } from '../../../shared/domain/acknowledgement/acknowledgement';
import { ackInput, desk } from './support';

const SECRET = 'AbCdEfGhIjKlMnOpQrStUvWxYz012345';

/** The samples of docs/acknowledgement.md ("Sample (…)"), the portal secret filled in. */
function documentedSample(reference: string): { subject: string; text: string } {
  const doc = readFileSync(new URL('../../../docs/acknowledgement.md', import.meta.url), 'utf8');
  const sample = [...doc.matchAll(/```\n(Subject: [^\n]*)\n\n([\s\S]*?)```/g)].find((m) =>
    m[1]?.includes(`[${reference}]`),
  );
  if (!sample?.[1] || sample[2] === undefined) throw new Error(`no sample for ${reference} in the docs`);
  return {
    subject: sample[1].replace(/^Subject: /, ''),
    text: sample[2].replaceAll('#k=…', `#k=${SECRET}`),
  };
}

/** The HTML as a reader sees it: one line per block, tags dropped, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<br>|<\/li>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

// The whole mail, word for word: what the client reads is the behaviour (acknowledgement.md, "Body").
describe('Function: buildAcknowledgement (the documented samples)', () => {
  it('writes the French sample: standard contract, inferred priority', () => {
    const expected = documentedSample('EXO-2026-000123');
    const ack = buildAcknowledgement(ackInput({ linkSecret: SECRET }));
    expect(ack.subject).toBe(expected.subject);
    expect(ack.text).toBe(expected.text);
  });

  it('writes the English sample: premium contract, declared priority, attachments skipped', () => {
    const expected = documentedSample('EXO-2026-000124');
    const ack = buildAcknowledgement(
      ackInput({
        reference: 'EXO-2026-000124',
        desk: desk('nouvelle-caledonie'),
        language: 'en',
        contract: 'premium',
        priority: { level: 'haute', source: 'declared', evidence: ['[High]'] },
        gtiDueAt: new Date('2026-11-28T12:30:00Z'),
        gtrDueAt: new Date('2026-11-29T12:00:00Z'),
        originalSubject: 'RE: [High] VPN down for the accounting team',
        attachmentsSkipped: true,
        linkSecret: SECRET,
      }),
    );
    expect(ack.subject).toBe(expected.subject);
    expect(ack.text).toBe(expected.text);
  });

  it('asks about the facts the triage left open, says a plain answer is enough, and links the one-click answer on the portal', () => {
    const priority = {
      level: 'moyenne' as const,
      source: 'inferred' as const,
      evidence: ['bloqué'],
      uncertain: ['severalUsers', 'workaround'] as const,
    };
    const fr = buildAcknowledgement(ackInput({ priority }));
    expect(fr.text).toContain(
      [
        "Votre message n'indiquait pas de priorité : nous l'avons déduite de votre description, d'après « bloqué ».",
        "Priorité à confirmer : votre message ne nous permet pas d'en être sûrs. Pouvez-vous répondre à ce message pour nous le dire ?",
        '- Êtes-vous plusieurs à être bloqués ?\n- Pouvez-vous continuer à travailler autrement en attendant ?',
        'Une réponse simple suffit (par exemple « oui, nous sommes 5 bloqués » ou « non, je suis seul concerné ») : la priorité sera ajustée.',
        "Vous pouvez aussi répondre d'un clic sur le portail : https://support.exodata.fr/t/EXO-2026-000123#k=AbCdEfGhIjKlMnOpQrStUvWxYz012345",
        'Si elle ne correspond pas',
      ].join('\n\n'),
    );
    const en = buildAcknowledgement(ackInput({ language: 'en', priority }));
    expect(en.text).toContain(
      [
        'Your message did not state a priority: we inferred it from your description, based on “bloqué”.',
        'Priority to be confirmed: your message does not let us be sure. Could you reply to this email to tell us?',
        '- Are several of you blocked?\n- Can you carry on working another way in the meantime?',
        'A plain answer is enough (for example “yes, five of us are blocked” or “no, only me”): the priority will be adjusted.',
        'You can also answer in one click on our portal: https://support.exodata.fr/t/EXO-2026-000123#k=AbCdEfGhIjKlMnOpQrStUvWxYz012345',
        'If it does not match',
      ].join('\n\n'),
    );
    const settled = buildAcknowledgement(ackInput({ priority: { ...priority, uncertain: [] } }));
    expect(settled.text).not.toContain('Priorité à confirmer');
    const settledEn = buildAcknowledgement(
      ackInput({ language: 'en', priority: { ...priority, uncertain: [] } }),
    );
    expect(settledEn.text).not.toContain('Priority to be confirmed');
  });

  it('shows every line of the text in the HTML, in the same order, in both languages', () => {
    for (const language of ['fr', 'en'] as const) {
      const ack = buildAcknowledgement(
        ackInput({
          language,
          attachmentsSkipped: true,
          priority: { level: 'moyenne', source: 'inferred', evidence: ['x'], uncertain: ['workaround'] },
        }),
      );
      const textLines = ack.text.split('\n').filter((l) => l !== '' && !/^-+$/.test(l));
      const htmlLines = visibleText(ack.html.slice(ack.html.indexOf('<body')))
        .split('\n')
        .filter((l) => l !== '');
      expect(htmlLines).toEqual(textLines.map((l) => l.replace(/^- /, '')));
    }
  });
});

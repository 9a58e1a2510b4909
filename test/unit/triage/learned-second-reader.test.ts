import { describe, expect, it } from 'vitest';
import { mailWords } from '../../../shared/domain/triage/learned/hashed-features';
import { type LearnedReading, readLearned } from '../../../shared/domain/triage/learned/learned-model';
import { withSecondReader } from '../../../shared/domain/triage/learned/second-reader';
import { LEARNED_FACTS } from '../../../shared/domain/triage/learned/weights-codec';
import { splitNewText } from '../../../shared/domain/triage/new-text';
import { type PriorityResult, priorityText, triagePriority } from '../../../shared/domain/triage/priority';
import { readCorpusSource } from '../../support/triage-corpus';

/** A learned reading with the given probabilities, naming `words` behind every fact. */
const reading =
  (p: LearnedReading['p'], words = ['en attendant', 'on imprime']) =>
  (): LearnedReading => ({ p, words: () => words });

const TEXT = { subject: 'Imprimante', body: "L'imprimante ne marche plus." };

/** A haute the rules read: blocked, no workaround said (medium), one user (high). */
function rulesHaute(overrides: Partial<PriorityResult['facts']> = {}): PriorityResult {
  return {
    level: 'haute',
    source: 'inferred',
    evidence: ["L'imprimante ne marche plus"],
    inferredLevel: 'haute',
    disagreement: false,
    nonSignals: [],
    confidence: 'high',
    uncertain: [],
    facts: {
      blocked: { state: 'yes', confidence: 'high', evidence: ["L'imprimante ne marche plus"] },
      workaround: { state: 'not-mentioned', confidence: 'medium', evidence: [] },
      severalUsers: { state: 'no', confidence: 'high', evidence: ['je'] },
      ...overrides,
    },
  };
}

describe('the learned second reader (issue 11, H4 at t = 0.9)', () => {
  it('decides a fact the rules read unsure when confident, and asks the client about the level it changed', () => {
    const result = withSecondReader(
      rulesHaute(),
      TEXT,
      reading({ blocked: 0.99, workaround: 0.95, severalUsers: 0.2 }),
    );
    expect(result.level).toBe('moyenne');
    expect(result.inferredLevel).toBe('moyenne');
    expect(result.facts.workaround).toEqual({
      state: 'exists',
      confidence: 'medium',
      evidence: ['learned (p=0.95): « en attendant », « on imprime »'],
    });
    expect(result.confidence).toBe('low');
    expect(result.uncertain).toEqual(['workaround']);
    // The acknowledgement quotes the client's words, the rules' and the model's.
    expect(result.evidence).toEqual(["L'imprimante ne marche plus", 'en attendant', 'on imprime']);
  });

  it('never overrides a fact the rules are sure of: short of critique, the level stays and the client is asked', () => {
    const rules = rulesHaute({
      workaround: { state: 'none', confidence: 'high', evidence: ['aucune solution'] },
    });
    const result = withSecondReader(
      rules,
      TEXT,
      reading({ blocked: 0.99, workaround: 0.97, severalUsers: 0.5 }),
    );
    expect(result.level).toBe('haute');
    expect(result.facts).toEqual(rules.facts);
    expect(result.evidence).toEqual(rules.evidence);
    expect(result.confidence).toBe('low');
    expect(result.uncertain).toEqual(['workaround']);
  });

  it('takes critique by the tie rule when it confidently reads several users against a sure « one user », and asks', () => {
    // A team's only device read by the rules as one person's (holdout32…35: the reception scanner).
    const result = withSecondReader(
      rulesHaute({ workaround: { state: 'none', confidence: 'high', evidence: ['pas d’autre scanner'] } }),
      TEXT,
      reading({ blocked: 0.99, workaround: 0.03, severalUsers: 0.97 }, ['l accueil']),
    );
    expect(result.level).toBe('critique');
    expect(result.facts.severalUsers).toEqual({
      state: 'yes',
      confidence: 'medium',
      evidence: ['learned (p=0.97): « l accueil »'],
    });
    expect(result.confidence).toBe('low');
    expect(result.uncertain).toEqual(['severalUsers']);
  });

  it('takes critique by the tie rule when it confidently reads no way around against a sure one, for several blocked', () => {
    const moyenne = {
      ...rulesHaute({
        workaround: { state: 'exists', confidence: 'high', evidence: ['sur papier'] },
        severalUsers: { state: 'yes', confidence: 'high', evidence: ['toute l’équipe'] },
      }),
      level: 'moyenne' as const,
      inferredLevel: 'moyenne' as const,
    };
    const result = withSecondReader(
      moyenne,
      TEXT,
      reading({ blocked: 0.99, workaround: 0.04, severalUsers: 0.98 }),
    );
    expect(result.level).toBe('critique');
    expect(result.facts.workaround.state).toBe('none');
    expect(result.uncertain).toEqual(['workaround']);
  });

  it('keeps a level no one is blocked at, and asks, even when the other reading would be critique', () => {
    // « La messagerie ne fonctionne plus. Ce n'est pas bloquant. »: the rules are sure.
    const rules = rulesHaute({
      blocked: { state: 'no', confidence: 'high', evidence: ['pas bloquant'] },
      severalUsers: { state: 'yes', confidence: 'high', evidence: ['toute l’équipe'] },
      workaround: { state: 'none', confidence: 'high', evidence: [] },
    });
    const normale = { ...rules, level: 'normale' as const, inferredLevel: 'normale' as const };
    const result = withSecondReader(
      normale,
      TEXT,
      reading({ blocked: 0.99, workaround: 0.02, severalUsers: 0.99 }),
    );
    expect(result.level).toBe('normale');
    expect(result.facts).toEqual(rules.facts);
    expect(result.uncertain).toEqual(['blocked']);
  });

  it('asks only about the sure facts whose other reading moves the level on its own', () => {
    const rules = rulesHaute({
      blocked: { state: 'no', confidence: 'high', evidence: ['rien de bloquant'] },
      workaround: { state: 'none', confidence: 'high', evidence: [] },
    });
    const normale = { ...rules, level: 'normale' as const, inferredLevel: 'normale' as const };
    // Blocked would make it haute; several users alone changes nothing while nobody is blocked.
    const result = withSecondReader(
      normale,
      TEXT,
      reading({ blocked: 0.97, workaround: 0.5, severalUsers: 0.95 }),
    );
    expect(result.level).toBe('normale');
    expect(result.uncertain).toEqual(['blocked']);
  });

  it('keeps the rules’ own state and phrases when it settles an unsure fact the same way', () => {
    const rules = rulesHaute({
      workaround: { state: 'failed', confidence: 'medium', evidence: ['marche pas non plus'] },
    });
    const result = withSecondReader(
      rules,
      TEXT,
      reading({ blocked: 0.5, workaround: 0.02, severalUsers: 0.5 }),
    );
    expect(result.level).toBe('haute');
    expect(result.facts.workaround).toEqual({
      state: 'failed',
      confidence: 'medium',
      evidence: ['marche pas non plus', 'learned (p=0.02): « en attendant », « on imprime »'],
    });
    expect(result.confidence).toBe('high');
  });

  it('does not ask when its confident reading of a sure fact would give the same level', () => {
    const rules = rulesHaute({ blocked: { state: 'no', confidence: 'high', evidence: ['pas bloquant'] } });
    const normale = { ...rules, level: 'normale' as const, inferredLevel: 'normale' as const };
    // One user or several, a workaround or none: not blocked is normale all the same.
    const result = withSecondReader(
      normale,
      TEXT,
      reading({ blocked: 0.5, workaround: 0.97, severalUsers: 0.99 }),
    );
    expect(result.level).toBe('normale');
    expect(result.confidence).toBe('high');
    expect(result.uncertain).toEqual([]);
  });

  it('changes nothing when it is not confident (0.1 < p < 0.9), but for the probabilities it shows', () => {
    const rules = rulesHaute();
    const p = { blocked: 0.89, workaround: 0.11, severalUsers: 0.5 };
    expect(withSecondReader(rules, TEXT, reading(p))).toEqual({ ...rules, learned: p });
  });

  it('settles the fact the rules asked about when it reads the same, and the question goes', () => {
    const rules = {
      ...rulesHaute({
        severalUsers: { state: 'no' as const, confidence: 'medium' as const, evidence: ['le PC'] },
      }),
      confidence: 'low' as const,
      uncertain: ['severalUsers' as const],
    };
    const result = withSecondReader(
      rules,
      TEXT,
      reading({ blocked: 0.99, workaround: 0.5, severalUsers: 0.04 }),
    );
    expect(result.level).toBe('haute');
    expect(result.confidence).toBe('high');
    expect(result.uncertain).toEqual([]);
    expect(result.facts.severalUsers.evidence).toEqual([
      'le PC',
      'learned (p=0.04): « en attendant », « on imprime »',
    ]);
  });

  it('leaves a declared level alone and does not read the mail', () => {
    const declared = { ...rulesHaute(), source: 'declared' as const };
    const unread = () => {
      throw new Error('read');
    };
    expect(withSecondReader(declared, TEXT, unread)).toBe(declared);
  });

  it('names the learned reader and words of the mail in the evidence of every fact it decides (corpus)', () => {
    const decided: string[] = [];
    for (const mail of readCorpusSource().slice(0, 600)) {
      const { newText, quotedText } = splitNewText(mail.body);
      const input = { subject: mail.subject, newText, quotedText, headers: {} };
      const result = triagePriority(input);
      const text = priorityText(input);
      const written = ` ${mailWords(`${text.subject}\n${text.body}`).join(' ')} `;
      for (const fact of Object.values(result.facts)) {
        const line = fact.evidence.find((e) => e.startsWith('learned'));
        if (line === undefined) continue;
        expect(line).toMatch(/^learned \(p=[01]\.\d\d\)(?:: « .+ »)?$/u);
        for (const [, word] of line.matchAll(/« ([^»]+) »/gu)) {
          expect(written, `${mail.file}: ${word}`).toContain(` ${word} `);
        }
        decided.push(mail.file);
      }
    }
    expect(decided.length).toBeGreaterThan(0);
  }, 60_000);
});

describe('the learned reader’s evidence names words an agent can read', () => {
  it('never names a lone function word (« est », « sont », « the »), only inside a pair', () => {
    // Read straight from the model, for both answers of every fact: whether the reader acts on this mail
    // depends on the weights of the day, the words it would name must not.
    const learned = readLearned(
      'Impossible d’enregistrer les admissions',
      "L'ensemble de l'accueil de la clinique est dans l'impossibilité d'enregistrer les admissions : le logiciel est en erreur sur les cinq postes, les entrées sont notées nulle part.",
    );
    const named = LEARNED_FACTS.flatMap((fact) => [
      ...learned.words(fact, true),
      ...learned.words(fact, false),
    ]);
    expect(named.length).toBeGreaterThan(0);
    const lone = ['est', 'sont', 'the', 'is', 'de', 'les', 'la', 'le', 'non'];
    expect(named.filter((w) => lone.includes(w))).toEqual([]);
  });
});

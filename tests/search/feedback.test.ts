/**
 * Pseudo-relevance feedback (`search/feedback.ts`) on the bundled corpus: the feedback words of real English
 * queries' best passages checked against a brute-force count (every character pair of the passages, corpus
 * counts from every passage's words), and the reranked order recomputed by hand.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { FEEDBACK, feedbackRerank, feedbackShares, feedbackTerms, type FeedbackSettings, type FeedbackTerm, type WordCounts } from '../../src/search/feedback.js';
import type { SearchHit } from '../../src/search/types.js';
import { phraseKey, wordFieldTerms } from '../../src/text/analyzer.js';
import { vocabularyCount, vocabularyOf } from '../../src/index/vocabulary.js';
import { seedIndex } from '../index/seed-index.js';
import { useBundledEngine } from './bundled-engine.js';

const bundled = useBundledEngine();
const QUERIES = ['tourism border', 'herders jobs', 'ecological protection', 'tax cuts', 'rural roads'];
/** Two Han characters (of the Basic Multilingual Plane: two code units, as feedback pairs them). */
const HAN_PAIR = /^\p{Script=Han}{2}$/u;

/** Every passage's words, and the corpus counts brute-forced from them. */
let wordSets: Array<Set<string>>;
let corpus: WordCounts;
/** Each query's hits (best 50) and its concepts' Chinese terms as match keys. */
let answers: Array<{ q: string; hits: SearchHit[]; known: string[]; feedback: string[] | undefined }>;

beforeAll(async () => {
  const engine = bundled.engine();
  wordSets = [];
  for (const doc of engine.documents()) for (const p of (await engine.document(doc.id))?.passages ?? []) wordSets.push(new Set(wordFieldTerms(p.text)));
  corpus = { holders: (term) => wordSets.filter((s) => s.has(term)).length, size: wordSets.length };
  answers = [];
  for (const q of QUERIES) {
    const answer = await engine.search(q, { limit: 50 });
    answers.push({ q, hits: answer.hits, known: (answer.concepts ?? []).flatMap((c) => c.terms.map((t) => phraseKey(t.zh))), feedback: answer.feedback });
  }
}, 60_000);

/** The oracle: every two-character Han substring of the top keys that is a corpus word, scored from scratch. */
function bruteFeedback(keys: readonly string[], counts: WordCounts, known: readonly string[], settings: FeedbackSettings): FeedbackTerm[] {
  const top = keys.slice(0, settings.passages);
  const pairs = new Set(top.flatMap((k) => [...Array(Math.max(0, k.length - 1)).keys()].map((i) => k.slice(i, i + 2))));
  const out: FeedbackTerm[] = [];
  for (const term of pairs) {
    const held = top.filter((k) => k.includes(term)).length;
    const related = known.some((k) => k !== '' && (k.includes(term) || term.includes(k)));
    const idf = Math.log((counts.size + 1) / (counts.holders(term) + 1));
    if (HAN_PAIR.test(term) && counts.holders(term) > 0 && held >= settings.minHolders && !related && idf > 0) out.push({ term, weight: held * idf });
  }
  return out.sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0)).slice(0, settings.terms);
}

describe('feedback words', () => {
  it('are the Chinese words most over-represented in a real query’s best passages, as a brute-force count finds them', () => {
    for (const { hits, known } of answers) {
      const keys = hits.map((h) => phraseKey(h.text));
      const words = feedbackTerms(keys, corpus, known, FEEDBACK);
      expect(words).toEqual(bruteFeedback(keys, corpus, known, FEEDBACK));
      for (const { term } of words) {
        expect(keys.slice(0, FEEDBACK.passages).filter((k) => k.includes(term)).length).toBeGreaterThanOrEqual(FEEDBACK.minHolders);
        expect(corpus.holders(term)).toBeGreaterThan(0);
        expect(known.some((k) => k.includes(term) || term.includes(k))).toBe(false);
      }
    }
  });

  it('finds some feedback words for a real query with several good passages', () => {
    const [first] = answers;
    expect(first && feedbackTerms(first.hits.map((h) => phraseKey(h.text)), corpus, first.known, FEEDBACK).length).toBeGreaterThan(0);
  });

  it('match the oracle for any subset of real passages, any settings and any known terms', () => {
    const texts = answers.flatMap((a) => a.hits.map((h) => phraseKey(h.text)));
    // Known terms cut from the passages themselves (one to four characters), so that they touch feedback words.
    const knownTerm = fc.tuple(fc.nat(texts.length - 1), fc.nat(400), fc.integer({ min: 1, max: 4 })).map(([t, at, length]) => {
      const text = texts[t] ?? '';
      const from = text.length > 0 ? at % text.length : 0;
      return text.slice(from, from + length);
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat(texts.length - 1), { minLength: 1, maxLength: 12 }),
        fc.record({ passages: fc.integer({ min: 1, max: 12 }), terms: fc.integer({ min: 1, max: 30 }), minHolders: fc.integer({ min: 1, max: 4 }) }),
        fc.array(knownTerm, { maxLength: 12 }),
        (picked, settings, known) => {
          const chosen = picked.map((i) => texts[i] ?? '');
          expect(feedbackTerms(chosen, corpus, known, settings)).toEqual(bruteFeedback(chosen, corpus, known, settings));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('pairs every Han character the analyzer’s scripts know (〇 and 々 too), as the oracle does, and nothing else', () => {
    // The bundled reports write 二〇三五年: 〇 is Han (\p{Script=Han}), as 々 is.
    const keys = ['到二〇三五年，人々', '二〇三五年人々', 'ab二〇', '𠀀𠀀'];
    const everyPair: WordCounts = { holders: () => 1, size: 100 };
    const settings: FeedbackSettings = { passages: 4, terms: 50, minHolders: 2 };
    const words = feedbackTerms(keys, everyPair, [], settings);
    expect(words).toEqual(bruteFeedback(keys, everyPair, [], settings));
    expect(words.map((w) => w.term).sort()).toEqual(['〇三', '三五', '二〇', '五年', '人々'].sort());
  });
});

describe('feedback reranking', () => {
  it('reorders a real answer by the share of feedback words each passage holds, keeping the same passages', () => {
    for (const { hits, known } of answers) {
      const ranked = hits.map((h, i) => ({ index: i, score: h.score, key: phraseKey(h.text) }));
      const { hits: reranked, words: used } = feedbackRerank(ranked, { keyOf: (h) => h.key, corpus, known, settings: FEEDBACK, weight: 0.6 });
      const words = bruteFeedback(ranked.map((h) => h.key), corpus, known, FEEDBACK);
      const total = words.reduce((sum, w) => sum + w.weight, 0);
      const expected = ranked
        .map((h) => {
          const held = words.filter((w) => h.key.includes(w.term)).reduce((sum, w) => sum + w.weight, 0);
          return { index: h.index, score: h.score * (1 + 0.6 * (total > 0 ? held / total : 0)) };
        })
        .sort((a, b) => b.score - a.score || a.index - b.index);
      expect(reranked.map((h) => h.index)).toEqual(expected.map((h) => h.index));
      expect(reranked.map((h) => h.score)).toEqual(expected.map((h) => h.score));
      expect(used).toEqual(words);
    }
  });

  it('is what the engine did: its English answers name the words that reordered them, each a corpus word held by two of the window', () => {
    const fed = answers.filter((a) => (a.feedback ?? []).length > 0);
    expect(fed.length).toBeGreaterThan(0);
    for (const { feedback, hits, known } of fed) {
      const keys = hits.map((h) => phraseKey(h.text));
      for (const word of feedback ?? []) {
        expect(word).toMatch(HAN_PAIR);
        expect(corpus.holders(word)).toBeGreaterThan(0);
        expect(keys.filter((k) => k.includes(word)).length).toBeGreaterThanOrEqual(FEEDBACK.minHolders);
        expect(known.some((k) => k.includes(word) || word.includes(k))).toBe(false);
      }
    }
  });

  it('never touches a Chinese query, a quoted phrase or a one-concept English query', async () => {
    for (const q of ['乡村振兴', '"tax cuts"', 'tourism', 'tax 减税']) {
      expect((await bundled.engine().search(q, { limit: 50 })).feedback, q).toBeUndefined();
    }
  });

  it('gives the engine’s English answers scores in order, best first', () => {
    for (const { hits } of answers) for (let i = 1; i < hits.length; i++) expect(hits[i - 1]?.score ?? 0).toBeGreaterThanOrEqual(hits[i]?.score ?? 0);
  });
});

describe('feedback share and corpus counts', () => {
  it('share is the weight of the words a key holds over the weight of all, as summed by hand', () => {
    const keys = answers.flatMap((a) => a.hits.map((h) => phraseKey(h.text)));
    // Words as feedback takes them: pairs of Han characters, here every pair of the answers' passages.
    const words = [...new Set(keys.flatMap((k) => [...Array(Math.max(0, k.length - 1)).keys()].map((i) => k.slice(i, i + 2))))].filter((w) => HAN_PAIR.test(w));
    fc.assert(
      fc.property(fc.nat(keys.length - 1), fc.array(fc.record({ i: fc.nat(words.length - 1), weight: fc.double({ min: 0.01, max: 10, noNaN: true }) }), { maxLength: 8 }), (k, picked) => {
        const key = keys[k] ?? '';
        const terms = picked.map(({ i, weight }) => ({ term: words[i] ?? '', weight }));
        const all = terms.reduce((s, t) => s + t.weight, 0);
        const held = terms.filter((t) => key.includes(t.term)).reduce((s, t) => s + t.weight, 0);
        expect(feedbackShares(terms)(key)).toBeCloseTo(all > 0 ? held / all : 0, 12);
      }),
      { numRuns: 100 },
    );
  });

  it('the index’s count of each feedback word is the number of passages whose words hold it', async () => {
    const vocabulary = vocabularyOf((await seedIndex()).index.fields.words);
    const words = answers.flatMap(({ hits, known }) => feedbackTerms(hits.map((h) => phraseKey(h.text)), corpus, known, FEEDBACK).map((w) => w.term));
    expect(words.length).toBeGreaterThan(0);
    for (const term of words) expect(vocabularyCount(vocabulary, term)).toBe(corpus.holders(term));
  });

  it('a vocabulary count is the count of the term when the sorted vocabulary has it, else 0', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ maxLength: 3 }), { maxLength: 20 }), fc.string({ maxLength: 3 }), (words, probe) => {
        const terms = [...words].sort();
        const counts = terms.map((_, i) => i + 1);
        const at = terms.indexOf(probe);
        expect(vocabularyCount({ terms, counts }, probe)).toBe(at < 0 ? 0 : (counts[at] ?? 0));
      }),
    );
  });
});

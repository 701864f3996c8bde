import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dedupeSenses } from '../../src/crosslang/dedupe-senses.js';
import { createCrossLang, type Sense } from '../../src/crosslang/expand.js';
import { loadLexicon } from '../../src/crosslang/lexicon.js';
import { GLOSSARY_PATH, TEST_CACHE_DIR, testCrossLang } from './helpers.js';

const sense = fc.record({
  term: fc.constantFrom('中国', '东北', '经济', '国家', '社稷'),
  source: fc.constantFrom<Sense['source']>('glossary', 'learned', 'dictionary', 'synonym'),
  weight: fc.double({ min: 0, max: 1, noNaN: true }),
});

describe('one list of senses per concept', () => {
  it('keeps each term once, where it first stands, with its first source and its best weight, never raised by a synonym (a brute-force oracle)', () => {
    fc.assert(
      fc.property(fc.array(sense, { maxLength: 12 }), (senses) => {
        const out = dedupeSenses(senses);
        const terms = senses.map((s) => s.term).filter((t, i, all) => all.indexOf(t) === i);
        expect(out.map((s) => s.term)).toEqual(terms);
        for (const kept of out) {
          const mentions = senses.filter((s) => s.term === kept.term);
          expect(kept.source).toBe(mentions[0]?.source);
          const [first, ...later] = mentions;
          expect(kept.weight).toBe(Math.max(first?.weight ?? 0, ...later.filter((s) => s.source !== 'synonym').map((s) => s.weight)));
        }
      }),
    );
  });

  it('never weighs a term lower for the learned lexicon naming it too (China: 中国 above 东北, "Northeast China")', () => {
    const withLexicon = createCrossLang({ glossaryPath: GLOSSARY_PATH, cacheDir: TEST_CACHE_DIR, lexicon: loadLexicon() });
    const weights = (units: ReturnType<typeof withLexicon.expandEnglish>): Map<string, number> =>
      new Map(units.flatMap((u) => u.zh.map((s): [string, number] => [s.term, s.weight])));
    for (const word of ['China', 'country', 'economy', 'cities', 'government', 'poverty', 'Hong Kong', 'area', 'open', 'target']) {
      const alone = weights(testCrossLang().expandEnglish(word));
      const both = weights(withLexicon.expandEnglish(word));
      for (const [term, weight] of alone) if (both.has(term)) expect(both.get(term), `${word}: ${term}`).toBeGreaterThanOrEqual(weight);
    }
    const china = weights(withLexicon.expandEnglish('China'));
    expect(china.get('中国')).toBeGreaterThan(china.get('东北') ?? 0);
  });
});

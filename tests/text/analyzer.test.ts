import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ANALYZER_VERSION,
  analyze,
  analyzerComponents,
  analyzerFingerprint,
  analyzeWords,
  phraseKey,
  type Token,
  wordFieldTokens,
  wordsAmong,
} from '../../src/text/analyzer.js';
import { latinTerm } from '../../src/text/latin-segmenter.js';
import { splitScriptRuns } from '../../src/text/scripts.js';
import { USER_DICT_PATH } from '../../src/paths.js';
import { readUserDictionary } from '../../src/text/user-dictionary.js';
import { readSeeds, repoRoot, unicodeText } from './fixtures.js';

/** Words as `term@start-end`, for compact golden outputs. */
const golden = (text: string): string[] => analyzeWords(text).map((t) => `${t.term}@${t.start}-${t.end}`);

/**
 * What a word's own original text must normalize to: the Latin term for Latin words, the phrase key otherwise
 * (which drops the space a compatibility character may normalize to: `ﱞ` → ` ٌّ`).
 */
function expectedTerm(surface: string): string | null {
  return splitScriptRuns(surface)[0]?.script === 'latin' ? latinTerm(surface) : phraseKey(surface);
}

/** The words that break an invariant: out of order, overlapping, empty, outside the text, or not their text's term. */
function malformed(text: string, words: Token[]): string[] {
  const problems: string[] = [];
  let end = 0;
  for (const word of words) {
    const surface = text.slice(word.start, word.end);
    if (word.start < end || word.end <= word.start || word.end > text.length || word.term.replace(/\s/gu, '') !== expectedTerm(surface)) {
      problems.push(`${word.term}@${word.start}-${word.end} (${surface})`);
    }
    end = word.end;
  }
  return problems;
}

describe('analyze', () => {
  it('keeps numbers and codes whole next to Chinese', { tags: ['slow'] }, () => {
    expect(golden('12.3亿元')).toEqual(['12.3@0-4', '亿元@4-6']);
    expect(golden('6.8级地震')).toEqual(['6.8@0-3', '级@3-4', '地震@4-6']);
    expect(golden('增长3%')).toEqual(['增长@0-2', '3%@2-4']);
    expect(golden('5G基站')).toEqual(['5g@0-2', '基站@2-4']);
    expect(golden('G318国道')).toEqual(['g318@0-4', '国道@4-6']);
    expect(golden('研究与试验发展(R&D)经费')).toEqual(['研究@0-2', '与@2-3', '试验@3-5', '发展@5-7', 'r&d@8-11', '经费@12-14']);
    expect(golden('2023年')).toEqual(['2023@0-4', '年@4-5']);
    expect(golden('2023 年')).toEqual(['2023@0-4', '年@5-6']);
  });

  it('analyzes mixed Chinese, English, Tibetan and Cyrillic text, dropping punctuation', () => {
    expect(golden('西藏 Tibet བོད་ཀྱི། Тибет！')).toEqual(['西藏@0-2', 'tibet@3-8', 'བོད@9-12', 'ཀྱི@13-16', 'тибет@18-23']);
    expect(golden('The 14th Five-Year Plan（十四五规划）')).toEqual(['14th@4-8', 'five@9-13', 'year@14-18', 'plan@19-23', '十四五@24-27', '规划@27-29']);
  });

  it('analyzes traditional and full-width text like its simplified, half-width form', () => {
    expect(golden('鄉村振興，脫貧攻堅')).toEqual(['乡村振兴@0-4', '脱贫攻坚@5-9']);
    expect(analyzeWords('民族團結進步、生態文明、電力裝機').map((t) => t.term)).toEqual(['民族团结进步', '生态文明', '电力装机']);
    expect(analyzeWords('２０２３年ＧＤＰ增长５．２％').map((t) => t.term)).toEqual(['2023', '年', 'gdp', '增长', '5.2%']);
  });

  it('keeps every entry of the user dictionary whole', () => {
    const { terms } = readUserDictionary();
    const cut = terms.filter((term) => golden(term).join(' ') !== `${term}@0-${term.length}`);
    expect(cut).toEqual([]);
  });

  it('gives in-order, non-overlapping words whose original text normalizes to the term, over every seed report', () => {
    for (const seed of readSeeds()) {
      const words = analyzeWords(seed.text);
      expect(words.length).toBeGreaterThan(1000);
      expect(malformed(seed.text, words)).toEqual([]);
    }
  });

  it('analyzes a sentence copied from a report into exactly the words the report has there', { tags: ['slow'] }, () => {
    for (const seed of readSeeds()) {
      const words = analyzeWords(seed.text);
      const sentences = [...seed.text.matchAll(/[^。！？；]+[。！？；]?/gu)];
      expect(sentences.length).toBeGreaterThan(100);
      let w = 0;
      for (const sentence of sentences) {
        const start = sentence.index ?? 0;
        const end = start + sentence[0].length;
        const inReport: string[] = [];
        while (w < words.length && words[w].start < end) {
          expect(words[w].end).toBeLessThanOrEqual(end);
          inReport.push(`${words[w].term}@${words[w].start - start}`);
          w++;
        }
        const alone = analyzeWords(sentence[0]).map((t) => `${t.term}@${t.start}`);
        expect(alone, sentence[0]).toEqual(inReport);
      }
    }
  });

  it('keeps a phrase cut by a line break in the PDF-wrapped report as one word', () => {
    const report = readSeeds().find((seed) => seed.text.includes('民族团结进\n'));
    expect(report).toBeDefined();
    const text = report?.text ?? '';
    const at = text.indexOf('民族团结进\n');
    const word = analyzeWords(text).find((t) => t.start === at);
    expect(word?.term.startsWith('民族团结进步')).toBe(true);
  });

  it('gives bigrams alongside the words', () => {
    const { words, bigrams } = analyze('西藏 G318');
    expect(words.map((t) => t.term)).toEqual(['西藏', 'g318']);
    expect(bigrams.map((t) => t.term)).toEqual(['西藏', '藏g', 'g3', '31', '18', '8']);
  });
});

describe('phraseKey', () => {
  it('normalizes and removes whitespace so that a wrapped or traditional phrase matches its plain form', () => {
    expect(phraseKey('民族團結 進\n步')).toBe('民族团结进步');
    // Quotation marks as the typed ones: curly, corner or straight, a phrase typed with any finds the others.
    expect(phraseKey('“两带”')).toBe('"两带"');
    expect(phraseKey('「兩帶」')).toBe('"两带"');
    expect(phraseKey('‘两带’')).toBe("'两带'");
    expect(phraseKey('６．８ 级 地 震')).toBe('6.8级地震');
  });
});

describe('analyzerFingerprint', () => {
  it('hashes the analyzer version, the user dictionary and the library versions', () => {
    const components = analyzerComponents();
    const dictionarySha = createHash('sha256').update(readFileSync(USER_DICT_PATH)).digest('hex');
    const jiebaVersion = (JSON.parse(readFileSync(path.join(repoRoot, 'node_modules/nodejieba/package.json'), 'utf8')) as { version: string }).version;
    expect(components).toMatchObject({ analyzer: ANALYZER_VERSION, userDictionary: dictionarySha, nodejieba: jiebaVersion });
    expect(components.openccJs).toMatch(/^\d+\.\d+\.\d+/);
    expect(components.stemmer).toMatch(/^\d+\.\d+\.\d+/);
    const expected = `sha256:${createHash('sha256').update(JSON.stringify(components)).digest('hex')}`;
    expect(analyzerFingerprint()).toBe(expected);
    expect(analyzerFingerprint()).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

describe('wordsAmong', () => {
  /** The oracle: every word and compound the word fields index for the text, kept when wanted. */
  const oracle = (text: string, wanted: Set<string>): Token[] => wordFieldTokens(analyze(text)).filter((t) => wanted.has(t.term));

  it('finds exactly the wanted words and compounds the index has, in every paragraph of the seeds', () => {
    const paragraphs = readSeeds().flatMap((s) => s.text.split(/\n{2,}/)).filter((p) => p.trim().length > 0);
    let found = 0;
    paragraphs.forEach((paragraph, i) => {
      const own = analyzeWords(paragraph).map((t) => t.term);
      // A few of the paragraph's own words, English words (most paragraphs have no Latin letter), and words it lacks.
      const wanted = new Set([own[i % Math.max(1, own.length)] ?? '发展', own[(i * 7) % Math.max(1, own.length)] ?? '', 'tourism', 'gdp', '5g', '旅游业', '乡村振兴', 'covid19', 'covid']);
      const words = wordsAmong(paragraph, wanted);
      expect(words).toEqual(oracle(paragraph, wanted));
      found += words.length;
    });
    expect(found).toBeGreaterThan(paragraphs.length);
  });

  it("agrees with the indexed words on random Unicode, with and without the caller's key", () => {
    fc.assert(
      fc.property(unicodeText, fc.array(fc.nat(20), { maxLength: 4 }), (text, picks) => {
        const own = wordFieldTokens(analyze(text)).map((t) => t.term);
        const wanted = new Set([...picks.map((p) => own[p % Math.max(1, own.length)] ?? 'x'), 'a', '中国']);
        expect(wordsAmong(text, wanted)).toEqual(oracle(text, wanted));
        expect(wordsAmong(text, wanted, phraseKey(text))).toEqual(oracle(text, wanted));
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with the indexed words when every wanted word is Han, or none is (the runs of the other scripts are skipped)', () => {
    const allHan = /^\p{Script=Han}+$/u;
    // A compatibility character in a Latin run whose word holds a Han character; a Thai vowel whose match form
    // starts with a mark, so that it joins a Han run and makes a word there without a Han character.
    for (const [text, term] of [['㋀发展', '1月'], ['中ำ', 'ํา']] as const) {
      expect(wordsAmong(text, new Set([term]))).toEqual(oracle(text, new Set([term])));
      expect(oracle(text, new Set([term]))).toHaveLength(1);
    }
    fc.assert(
      fc.property(unicodeText, fc.array(fc.nat(20), { maxLength: 4 }), fc.boolean(), (text, picks, hanOnly) => {
        const own = wordFieldTokens(analyze(text)).map((t) => t.term).filter((term) => allHan.test(term) === hanOnly);
        const wanted = new Set([...picks.map((p) => own[p % Math.max(1, own.length)] ?? (hanOnly ? '中国' : 'x')), hanOnly ? '发展' : 'tourism']);
        expect(wordsAmong(text, wanted)).toEqual(oracle(text, wanted));
        expect(wordsAmong(text, wanted, phraseKey(text))).toEqual(oracle(text, wanted));
      }),
      { numRuns: 2000 },
    );
    const paragraphs = readSeeds().flatMap((s) => s.text.split(/\n{2,}/)).filter((p) => /[A-Za-z0-9]/.test(p));
    for (const [i, paragraph] of paragraphs.entries()) {
      const own = analyzeWords(paragraph).map((t) => t.term);
      for (const hanOnly of [true, false]) {
        const mine = own.filter((term) => allHan.test(term) === hanOnly);
        const wanted = new Set([mine[i % Math.max(1, mine.length)] ?? '发展', mine[(i * 5) % Math.max(1, mine.length)] ?? '发展']);
        expect(wordsAmong(paragraph, wanted)).toEqual(oracle(paragraph, wanted));
      }
    }
  });
});

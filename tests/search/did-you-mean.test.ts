import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSuggester, type Suggester } from '../../src/search/did-you-mean.js';
import { createEngine } from '../../src/search/engine.js';
import { memoryReader } from '../../src/search/passage-reader.js';
import type { SearchBackend } from '../../src/index/backend.js';
import { testCrossLang } from '../crosslang/helpers.js';
import { seedBackend } from '../index/seed-index.js';
import { openEngine } from '../../src/runtime/open-engine.js';
import { REPO_ROOT } from '../../src/paths.js';
import type { WordCount } from '../../src/search/near-words.js';
import type { Engine, SearchResponse } from '../../src/search/types.js';
import { bundledVocabulary } from './bundled-vocabulary.js';
import { openTestEngine, type TestEngine } from '../server/test-engine.js';

let engine: Engine;
let opened: TestEngine;
let chinese: WordCount[];

beforeAll(async () => {
  opened = await openTestEngine();
  engine = opened.engine;
  chinese = (await bundledVocabulary()).chinese.filter((w) => w.count >= 2 && [...w.word].length <= 6);
});
afterAll(() => opened?.dispose());

const first = (r: SearchResponse) => r.didYouMean?.[0];

/** English words of a response that nothing translated. */
const untranslated = (r: SearchResponse): number => (r.concepts ?? []).filter((c) => c.status === 'untranslated').length;

/**
 * Every proposal differs from the query, finds what it says it finds, and finds more than the query or, finding
 * something, translates a word the query left untranslated.
 */
async function checkProposals(query: string): Promise<SearchResponse> {
  const response = await engine.search(query, { limit: 1 });
  for (const proposal of response.didYouMean ?? []) {
    expect(proposal.query).not.toBe(query);
    const found = await engine.search(proposal.query, { limit: 1, suggest: false });
    expect(found.total).toBe(proposal.total);
    if (proposal.total <= response.total) {
      expect(proposal.total).toBeGreaterThan(0);
      expect(untranslated(found)).toBeLessThan(untranslated(response));
    }
  }
  return response;
}

describe('did you mean, over the bundled corpus', () => {
  it('offers 乡村振兴 for the near miss 乡村振新', async () => {
    const response = await checkProposals('乡村振新');
    expect(response.total).toBe(0);
    expect(first(response)).toMatchObject({ query: '乡村振兴', reason: 'chinese-near-miss' });
  });

  it('offers tourism for the misspelling toursim', async () => {
    expect(first(await checkProposals('toursim'))).toMatchObject({ query: 'tourism', reason: 'spelling' });
  });

  it('offers 乡村振兴 for the pinyin xiangcun zhenxing, also run together and with tone numbers', async () => {
    for (const typed of ['xiangcun zhenxing', 'xiangcunzhenxing', 'xiang1cun1 zhen4xing1']) {
      expect(first(await checkProposals(typed))).toMatchObject({ query: '乡村振兴', reason: 'pinyin' });
    }
  });

  it('reads traditional and full-width forms as the index does', async () => {
    expect(first(await checkProposals('鄉村振新'))?.query).toBe('乡村振兴');
    expect(first(await checkProposals('ｔｏｕｒｓｉｍ'))?.query).toBe('tourism');
  });

  it('keeps the rest of the query: filters, quotes and other words', async () => {
    expect(first(await checkProposals('"乡村振新"'))?.query).toBe('"乡村振兴"');
    expect(first(await checkProposals('推进乡村振新'))?.query).toBe('推进乡村振兴');
    const filtered = await checkProposals('乡村振新 year:2024');
    expect(first(filtered)?.query).toBe('乡村振兴 year:2024');
    // The proposal is counted under the filter it keeps.
    expect(first(filtered)?.total).toBe((await engine.search('乡村振兴', { year: 2024, limit: 1 })).total);
  });

  it('offers a Chinese question or phrase of one\'s own as its words apart, without its question words and particles', async () => {
    const asked = await checkProposals('怎样发展清洁能源');
    expect(asked.total).toBe(0);
    expect(asked.didYouMean).toContainEqual(expect.objectContaining({ query: '发展 清洁能源', reason: 'chinese-words' }));
    const question = await checkProposals('西藏旅游收入增长了多少');
    expect(question.didYouMean).toContainEqual(expect.objectContaining({ query: '西藏 旅游 收入 增长', reason: 'chinese-words' }));
    // A quoted phrase stays one: without its quotes is what the page offers it (`looser-queries.js`).
    expect((await checkProposals('"怎样发展清洁能源"')).didYouMean?.some((p) => p.reason === 'chinese-words')).not.toBe(true);
  });

  it('reads a region written with another key as the region filter, first, and a filter the language does not have as its value', async () => {
    const response = await checkProposals('place:西藏 旅游');
    expect(response.total).toBe(0);
    expect(first(response)).toMatchObject({ query: 'region:西藏 旅游', reason: 'region-filter' });
    expect(response.didYouMean).toContainEqual(expect.objectContaining({ query: '西藏 旅游', reason: 'not-a-filter' }));
    const asRegion = (q: string) => createSuggester({ words: () => [], englishTexts: () => [], englishForms: () => [] }).candidates(q).filter((c) => c.reason === 'region-filter').map((c) => c.query);
    expect(asRegion('province：广东 乡村振兴')).toEqual(['region:广东 乡村振兴']);
    expect(asRegion('地区：西藏 旅游')).toEqual(['region:西藏 旅游']);
    for (const q of ['year:2024 旅游', 'topic:旅游', '-place:西藏 旅游', 'place:12 旅游', 'region:西藏 旅游']) expect(asRegion(q), q).toEqual([]);
    const suggester = createSuggester({ words: () => [], englishTexts: () => [], englishForms: () => [] });
    const asWord = (q: string) => suggester.candidates(q).filter((c) => c.reason === 'not-a-filter').map((c) => c.query);
    expect(asWord('province：广东 乡村振兴')).toEqual(['广东 乡村振兴']);
    for (const q of ['year:2024 旅游', 'kind:chair 旅游', '12:30 旅游', 'http://example.org', '-place:西藏 旅游', 'region:西藏 旅游']) expect(asWord(q), q).toEqual([]);
  });

  it('keeps a number with the one character that counts it, a run between punctuation whole, and proposes nothing for filler alone', () => {
    const suggester = createSuggester({ words: () => [], englishTexts: () => [], englishForms: () => [] });
    const apart = (q: string) => suggester.candidates(q).filter((c) => c.reason === 'chinese-words').map((c) => c.query);
    expect(apart('2025年经济增长目标是多少')).toEqual(['2025年 经济 增长 目标']);
    expect(apart('增长5%的目标')).toEqual(['增长 5% 目标']);
    expect(apart('的了吗')).toEqual([]);
    // Punctuation parts a phrase into runs, each whole, before its words.
    expect(apart('《政府工作报告》')).toEqual(['政府工作报告', '政府 工作 报告']);
    expect(apart('乡村振兴、共同富裕')).toEqual(['乡村振兴 共同富裕']);
    expect(apart('乡村振兴')).toEqual([]);
  });

  it('offers the spelling of a word nothing translates however much the rest of the query finds', async () => {
    const response = await checkProposals('clean enrgy');
    expect(response.total).toBeGreaterThanOrEqual(3);
    expect(response.didYouMean?.map((p) => p.query)).toContain('clean energy');
    // A word translated is no misspelling to correct: a query that finds enough is left as it is.
    expect((await engine.search('clean energy', { limit: 1 })).didYouMean).toBeUndefined();
  });

  it('proposes nothing for a query that finds enough, nor for one with nothing to search', async () => {
    expect((await engine.search('乡村振兴', { limit: 1 })).didYouMean).toBeUndefined();
    expect((await engine.search('tourism', { limit: 1 })).didYouMean).toBeUndefined();
    expect((await engine.search('？？', { limit: 1 })).didYouMean).toBeUndefined();
  });

  it('proposes nothing for a query of more than eight pieces', async () => {
    expect((await engine.search('toursim '.repeat(9), { limit: 1 })).didYouMean).toBeUndefined();
    expect((await engine.search('toursim '.repeat(8), { limit: 1 })).didYouMean?.[0]?.query).toBe('tourism '.repeat(8).trim());
  });

  it('proposes nothing when asked not to', async () => {
    expect((await engine.search('乡村振新', { limit: 1, suggest: false })).didYouMean).toBeUndefined();
  });

  it('for any corpus word with one character changed, every proposal finds more than the query and is not the query', async () => {
    const corrupted = fc
      .record({ w: fc.nat(), at: fc.nat(), by: fc.nat(), kind: fc.constantFrom('substitute', 'delete', 'insert') })
      .map(({ w, at, by, kind }) => {
        const chars = [...(chinese[w % chinese.length] as WordCount).word];
        const other = [...(chinese[by % chinese.length] as WordCount).word][0] ?? '之';
        const i = at % chars.length;
        if (kind === 'substitute') chars[i] = other;
        else if (kind === 'delete') chars.splice(i, 1);
        else chars.splice(i, 0, other);
        return chars.join('');
      });
    await fc.assert(
      fc.asyncProperty(corrupted, async (query) => {
        await checkProposals(query);
      }),
      { numRuns: 40 },
    );
  });

  it('for any English word with two letters swapped, every proposal finds more than the query and is not the query', async () => {
    const words = ['tourism', 'economic', 'development', 'infrastructure', 'ecological', 'poverty', 'education', 'investment'];
    const swapped = fc.record({ w: fc.constantFrom(...words), at: fc.nat() }).map(({ w, at }) => {
      const i = at % (w.length - 1);
      return w.slice(0, i) + (w[i + 1] ?? '') + (w[i] ?? '') + w.slice(i + 2);
    });
    await fc.assert(
      fc.asyncProperty(swapped, async (query) => {
        await checkProposals(query);
      }),
      { numRuns: 20 },
    );
  });
});

describe('names by pinyin', () => {
  it('finds the corpus words a romanized name is the pinyin of, from the engine', () => {
    const named = engine as Engine & { namesByPinyin(name: string): string[] };
    expect(named.namesByPinyin('Dingri')).toContain('定日');
    expect(named.namesByPinyin("Ri'kaze")[0]).toBe('日喀则');
  });

  it('builds nothing until asked', () => {
    let reads = 0;
    const suggester = createSuggester({
      words: () => (reads++, []),
      englishTexts: () => (reads++, []),
      englishForms: () => (reads++, []),
    });
    expect(reads).toBe(0);
    expect(suggester.candidates('toursim')).toEqual([]);
    expect(reads).toBeGreaterThan(0);
  });
});

describe('what a proposal builds', () => {
  it('builds no pinyin or English vocabulary for Chinese words beside a filter, and proposes as before', async () => {
    const suggester = createSuggester((await bundledVocabulary()).source);
    expect(suggester.candidates('乡村振新 kind:paragraph').map((c) => c.query)).toContain('乡村振兴 kind:paragraph');
    expect(Object.keys(suggester.buildTimes()).sort()).toEqual(['chinese', 'chinese words']);
    // Letters that may be pinyin build both: `toursim` is read as pinyin before it is read as English.
    expect(suggester.candidates('toursim').map((c) => c.query)).toContain('tourism');
    expect(Object.keys(suggester.buildTimes()).sort()).toEqual(['chinese', 'chinese words', 'english', 'pinyin']);
  });
});

describe('candidates kept with the plans', () => {
  let seeds: Awaited<ReturnType<typeof seedBackend>>['built'];
  let suggester: Suggester;
  beforeAll(async () => {
    seeds = (await seedBackend()).built;
    suggester = createSuggester((await bundledVocabulary()).source);
  });

  /** An engine over the seeds' own backend (or that backend marked unstable, as a cluster is), counting the suggester's calls. */
  function countingEngine(stable: boolean): { engine: Engine; asked: () => number } {
    let asked = 0;
    const counting: Suggester = { ...suggester, candidates: (query) => (asked++, suggester.candidates(query)) };
    const backend: SearchBackend = stable ? seeds.backend : Object.create(seeds.backend, { stable: { value: false } });
    const manifest = { builtAt: '', formatVersion: 0, analyzer: '' };
    const engine = createEngine({ ...seeds.data, reader: memoryReader(seeds.data.passages, seeds.keys), backend, manifest, baseUrl: undefined, crossLang: testCrossLang(), suggester: counting });
    return { engine, asked: () => asked };
  }

  it('reads a stable index\'s candidates once per query text, and proposes the same each time, with their totals', async () => {
    const { engine: kept, asked } = countingEngine(true);
    const answers = [];
    for (const options of [{}, { year: 2024 }, {}, { limit: 1 }]) answers.push((await kept.search('乡村振新', options)).didYouMean);
    expect(asked()).toBe(1);
    expect(answers[2]).toEqual(answers[0]);
    expect(answers[0]?.[0]).toMatchObject({ query: '乡村振兴', reason: 'chinese-near-miss' });
    // Under a filter the same candidates are counted again, under that filter.
    expect(answers[1]?.[0]?.total).toBe((await engine.search('乡村振兴', { year: 2024, limit: 1 })).total);
    expect(answers[0]).toEqual((await engine.search('乡村振新')).didYouMean);
  });

  it('asks the suggester at every search on an unstable backend, and proposes what a stable one does', async () => {
    const { engine: fresh, asked } = countingEngine(false);
    const { engine: kept } = countingEngine(true);
    for (const q of ['乡村振新', 'toursim', '乡村振新']) {
      expect((await fresh.search(q, { limit: 3 })).didYouMean).toEqual((await kept.search(q, { limit: 3 })).didYouMean);
    }
    expect(asked()).toBe(3);
  });
});

import { describe, expect, it } from 'vitest';
import { singularWord } from '../../src/crosslang/english.js';
import type { ExpansionUnit, Sense } from '../../src/crosslang/expand.js';
import { composeCompounds, headed, morphemes, pairs } from '../../src/search/compounds.js';
import type { Evidence } from '../../src/search/senses.js';
import { testCrossLang } from '../crosslang/helpers.js';
import { useBundledEngine } from './bundled-engine.js';

const unit = (en: string, terms: string[], source: Sense['source'] = 'dictionary'): ExpansionUnit => ({
  en,
  words: [en],
  zh: terms.map((term) => ({ term, source, weight: 1 })),
  status: terms.length > 0 ? 'translated' : 'untranslated',
});

describe('morphemes and pairs', () => {
  it('take the first character of each sense, numerals only for a number', () => {
    expect(morphemes(unit('coal', ['煤炭', '煤矿', '原煤']))).toEqual(['煤', '原']);
    expect(morphemes(unit('first', ['第一', '一次', '首次']))).toEqual(['第', '首']);
    expect(morphemes(unit('zero', ['零点', '零度']))).toEqual(['零']);
  });

  it('take no morpheme from a guess: a synonym\'s sense or a dictionary sense in reserve', () => {
    // aging → 秋熟 ("autumn ripening", through "ripening") made 秋种 ("autumn sowing") of aging population.
    const aging: ExpansionUnit = { ...unit('aging', ['老龄化', '变老']), zh: [...unit('aging', ['老龄化', '变老']).zh, { term: '秋熟', source: 'synonym', weight: 0.2 }, { term: '时效', source: 'dictionary', weight: 0.2, reserve: true }] };
    expect(morphemes(aging)).toEqual(['老', '变']);
  });

  it('put the query order first, then the other', () => {
    expect(pairs(['煤'], ['电', '发'])).toEqual(['煤电', '煤发', '电煤', '发煤']);
  });

  it('join a sense of the first concept to the head (last) character of the second\'s', () => {
    expect(headed(['赤字', '亏'], ['比率', '比例', '速率', '第三'])).toEqual(['赤字率', '赤字例']);
    // A sense that already ends with the head is not doubled.
    expect(headed(['利率'], ['比率'])).toEqual([]);
  });
});

describe('composing compounds against a corpus', () => {
  // A corpus of "passages" as the segmenter cut them, judged by brute force: their words and substring counts.
  const segmented = [
    ['推进', '煤电', '改造'],
    ['长江', '十年', '禁渔'],
    ['公共', '服务'],
    ['实施', '零关税'],
    ['发展', '超高清', '视频'],
    ['保护', '产权'],
    // 中稳 is a word in one passage of the four that hold it: elsewhere 其中 meets 稳定.
    ['中稳', '有进'],
    ['其中', '稳定', '增长'],
    ['其中', '稳步', '推进'],
    ['其中', '稳妥', '处置'],
    ['提高', '小麦', '收购价'],
  ];
  const passages = segmented.map((words) => words.join(''));
  const vocabulary = [...new Set(segmented.flat())];
  const evidence: Evidence = {
    holders: async (term) => passages.filter((p) => p.includes(term)).length,
    together: async () => 0,
    wordsBeginning: (prefix) => vocabulary.filter((w) => w.startsWith(prefix)),
    wordCount: (term) => segmented.filter((words) => words.includes(term)).length,
    glossStems: (term: string) => ({ 公共: ['public', 'common'], 禁渔: ['ban', 'fishing'], 产权: ['property', 'right'] })[term] ?? null,
  };

  it('adds an attested compound of two neighbours to both, marked as composed', async () => {
    const [coal, power] = await composeCompounds([unit('coal', ['煤炭']), unit('power', ['电力', '动力'])], evidence);
    expect(coal?.zh.map((s) => s.term)).toEqual(['煤炭', '煤电']);
    expect(power?.zh.at(-1)).toMatchObject({ term: '煤电', source: 'compound' });
  });

  it('reads a compound in either order (ban + fishing → 禁渔)', async () => {
    const [fishing] = await composeCompounds([unit('fishing', ['渔业']), unit('ban', ['禁止'])], evidence);
    expect(fishing?.zh.map((s) => s.term)).toContain('禁渔');
  });

  it('leaves out words the dictionary glosses with neither concept, and words the corpus lacks', async () => {
    const out = await composeCompounds([unit('community', ['公社', '社区']), unit('shared', ['共享'])], evidence);
    expect(out.flatMap((u) => u.zh).map((s) => s.term)).not.toContain('公共');
    const none = await composeCompounds([unit('coal', ['煤炭']), unit('water', ['水利'])], evidence);
    expect(none.flatMap((u) => u.zh).some((s) => s.source === 'compound')).toBe(false);
  });

  it('composes no compound of a guessed sense (a synonym\'s), neither as a morpheme nor as a headed word', async () => {
    const [coal] = await composeCompounds([unit('coal', ['煤炭']), unit('power', ['电力'], 'synonym')], evidence);
    expect(coal?.zh.map((s) => s.term)).toEqual(['煤炭']);
    const [purchase] = await composeCompounds([unit('purchase', ['收购'], 'synonym'), unit('prices', ['价格'])], evidence);
    expect(purchase?.zh.map((s) => s.term)).toEqual(['收购']);
  });

  it('keeps a pair that only begins a word when the word goes on with the concepts\' own characters', async () => {
    // 零关 begins 零关税, whose 税 is a character of 关税 (tariffs): kept.
    const [zero] = await composeCompounds([unit('zero', ['零点']), unit('tariffs', ['关税'])], evidence);
    expect(zero?.zh.filter((s) => s.source === 'compound').map((s) => s.term)).toEqual(['零关']);
    // 超高 begins 超高清, whose 清 neither high-speed nor rail says: left out.
    const out = await composeCompounds([unit('high-speed', ['超速', '高速']), unit('rail', ['高铁'])], evidence);
    expect(out.flatMap((u) => u.zh).some((s) => s.source === 'compound')).toBe(false);
  });

  it('finds a word of one concept\'s sense and the other\'s head morpheme (purchase prices → 收购价)', async () => {
    const [purchase, prices] = await composeCompounds([unit('purchase', ['购买', '收购']), unit('prices', ['价格', '物价'])], evidence);
    expect(purchase?.zh.filter((s) => s.source === 'compound').map((s) => s.term)).toEqual(['收购价']);
    expect(prices?.zh.filter((s) => s.source === 'compound').map((s) => s.term)).toEqual(['收购价']);
  });

  it('makes a compound the dictionary glosses a sense of the concepts its gloss names only', async () => {
    // 产权 is "property rights": a passage holding it says rights, not delivery.
    const [delivery, rights] = await composeCompounds([unit('delivery', ['产出', '递送']), unit('rights', ['权利'])], evidence);
    expect(rights?.zh.filter((s) => s.source === 'compound').map((s) => s.term)).toEqual(['产权']);
    expect(delivery?.zh.some((s) => s.source === 'compound')).toBe(false);
  });

  it('reads a concept of several words as named by its head only: 新高 "new high" says nothing of high-speed rail', async () => {
    const glossed: Evidence = {
      ...evidence,
      holders: async (term) => (term === '新高' || term === '高新' ? 3 : 0),
      wordsBeginning: (prefix) => ['新高', '高新区'].filter((w) => w.startsWith(prefix)),
      glossStems: (term: string) => ({ 新高: ['new', 'high', 'height'], 高新: ['high', 'tech'] })[term] ?? null,
    };
    const rail: ExpansionUnit = { ...unit('high speed rail', ['高铁']), words: ['high', 'speed', 'rail'] };
    const out = await composeCompounds([rail, unit('construction', ['新建'])], glossed);
    expect(out.flatMap((u) => u.zh).filter((s) => s.source === 'compound')).toEqual([]);
    // The head names it: 新高 of `new` + `high`, one word each.
    const [fresh, high] = await composeCompounds([unit('new', ['新建']), unit('high', ['高铁'])], glossed);
    expect([fresh, high].map((u) => u?.zh.filter((s) => s.source === 'compound').map((s) => s.term))).toEqual([['新高'], ['新高']]);
  });

  it('leaves out a pair the segmenter made a word in too few of the passages holding it', async () => {
    // 中稳 is a word in 1 of the 4 passages that hold it (under MADE_A_WORD's 0.4); 煤电 in 1 of 1.
    const out = await composeCompounds([unit('secondary school', ['中学']), unit('safe', ['稳妥'])], evidence);
    expect(out.flatMap((u) => u.zh).some((s) => s.source === 'compound')).toBe(false);
    const kept = await composeCompounds([unit('secondary school', ['中学']), unit('safe', ['稳妥'])], { ...evidence, wordCount: (term) => (term === '中稳' ? 2 : 0) });
    expect(kept[0]?.zh.filter((s) => s.source === 'compound').map((s) => s.term)).toEqual(['中稳']);
  });

  it('adds a compound once to a concept between two that compose it', async () => {
    const [, power] = await composeCompounds([unit('coal', ['煤炭']), unit('power', ['电力']), unit('coal', ['煤炭'])], evidence);
    expect(power?.zh.filter((s) => s.term === '煤电')).toHaveLength(1);
  });

  it('adds nothing without a vocabulary to judge by (a cluster)', async () => {
    const { wordsBeginning: _, ...blind } = evidence;
    const out = await composeCompounds([unit('coal', ['煤炭']), unit('power', ['电力'])], blind);
    expect(out.flatMap((u) => u.zh).some((s) => s.source === 'compound')).toBe(false);
  });
});

describe('on the bundled corpus', () => {
  const bundled = useBundledEngine();

  it('finds 零碳 for "zero carbon", which no dictionary holds', async () => {
    const r = await bundled.engine().search('zero carbon', { limit: 10 });
    expect(r.expansions.filter((e) => e.source === 'compound').map((e) => e.to)).toContain('零碳');
    expect(r.hits.some((h) => h.text.includes('零碳'))).toBe(true);
  });

  it('composes only words the corpus holds and the dictionary lacks or glosses with a word of the query', async () => {
    const dictionary = testCrossLang().dictionary();
    let composed = 0;
    for (const q of ['zero carbon', 'hydro power', 'power grid', 'border trade', 'tax cuts', 'clean energy', 'ecological security', 'farmer income']) {
      const r = await bundled.engine().search(q, { limit: 1 });
      for (const e of r.expansions.filter((x) => x.source === 'compound')) {
        composed += 1;
        const glosses = dictionary.glosses(e.to);
        const words = q.split(' ').map((w) => singularWord(w));
        expect(glosses === null || glosses.some((g) => words.includes(g)), `${q}: ${e.to}`).toBe(true);
        expect((await bundled.engine().search(`"${e.to}"`, { limit: 1 })).total, `${q}: ${e.to}`).toBeGreaterThan(0);
      }
    }
    // The checks above ran on something: at least 零碳 for "zero carbon" is composed.
    expect(composed).toBeGreaterThan(0);
  });
});

/**
 * Sense selection from corpus evidence, with the evidence counted by a brute-force scan of the shipped
 * corpus (the oracle of what the index counts), and end to end through the engine.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExpansionUnit, Sense } from '../../src/crosslang/expand.js';
import type { EnglishRun } from '../../src/search/plan.js';
import { chooseSenses, type Evidence } from '../../src/search/senses.js';
import { sentenceProximity } from '../../src/search/proximity.js';
import { phraseKey } from '../../src/text/analyzer.js';
import { seedIndex } from '../index/seed-index.js';

let keys: string[];
let evidence: Evidence;
const holding = (term: string): number[] => keys.flatMap((k, i) => (k.includes(phraseKey(term)) ? [i] : []));

beforeAll(async () => {
  const { data } = await seedIndex();
  keys = data.passages.map((p) => phraseKey(p.text));
  evidence = {
    holders: async (term) => holding(term).length,
    together: async (term, others) => {
      const rest = new Set(others.flatMap(holding));
      return holding(term).filter((i) => rest.has(i)).length;
    },
  };
});

const unit = (en: string, terms: string[], parts?: ExpansionUnit[]): ExpansionUnit => ({
  en,
  words: en.split(' '),
  zh: terms.map((term, i) => ({ term, source: 'dictionary', weight: 0.6 - i * 0.1 })),
  status: terms.length > 0 ? 'translated' : 'untranslated',
  ...(parts ? { parts } : {}),
});
const run = (...units: ExpansionUnit[]): EnglishRun[] => [{ start: 0, end: units.length, units }];

describe('sense selection', () => {
  it('drops the senses the corpus does not hold, and marks a concept with none left untranslated', async () => {
    const [chosen] = await chooseSenses(run(unit('summit', ['顶端', '峰会', '绝顶']), unit('qwerty', ['不存在的词语'])), evidence);
    const [summit, qwerty] = chosen?.units ?? [];
    for (const sense of summit?.zh ?? []) expect(holding(sense.term).length).toBeGreaterThan(0);
    expect(summit?.zh.map((s) => s.term)).not.toContain('绝顶');
    expect(qwerty).toMatchObject({ status: 'untranslated', zh: [] });
  });

  it('falls back on the single characters a word may be written as only when the corpus holds none of its longer terms', async () => {
    const characters = [{ term: '茶', source: 'dictionary' as const, weight: 0.4 }];
    const [lacking] = await chooseSenses(run({ ...unit('tea', ['茶叶', '茶树']), characters }), evidence);
    expect(holding('茶叶')).toEqual([]); // the seeds say 甜茶, 健康茶, 茶马古道: never 茶叶
    expect(lacking?.units[0]).toMatchObject({ status: 'translated', zh: characters });
    const [holding2] = await chooseSenses(run({ ...unit('tourism', ['旅游']), characters: [{ term: '游', source: 'dictionary', weight: 0.4 }] }), evidence);
    expect(holding2?.units[0]?.zh.map((s) => s.term)).toEqual(['旅游']);
    const [none] = await chooseSenses(run({ ...unit('qwerty', ['不存在的词语']), characters: [{ term: '龘', source: 'dictionary', weight: 0.4 }] }), evidence);
    expect(none?.units[0]).toMatchObject({ status: 'untranslated', zh: [] });
  });

  it('falls back on the words of a multiword unit whose own terms the corpus lacks', async () => {
    const parts = [unit('herders', ['牧民']), unit('income', ['收入'])];
    const [chosen] = await chooseSenses(run(unit('herders income', ['牧民收入增长率甲'], parts)), evidence);
    expect(chosen?.units.map((u) => u.en)).toEqual(['herders', 'income']);
  });

  it('reads a unit only the dictionary knows as its words when the corpus says its words together ten times as often', async () => {
    // A corpus counted by brute force: 有利 beside 条件 in 12 passages, CC-CEDICT's 春风 in one; 生活水平 in 5.
    const passages = [...Array(12).fill('创造有利条件。'), '春风化雨。', ...Array(5).fill('提高生活水平。'), ...Array(12).fill('生活质量和服务水平。')];
    const has = (term: string): number[] => passages.flatMap((p, i) => (p.includes(term) ? [i] : []));
    const counted: Evidence = {
      holders: async (term) => has(term).length,
      together: async (term, others) => has(term).filter((i) => others.some((o) => has(o).includes(i))).length,
    };
    const favorable = unit('favorable conditions', ['春风'], [unit('favorable', ['有利']), unit('conditions', ['条件'])]);
    const [split] = await chooseSenses(run(favorable), counted);
    expect(split?.units.map((u) => [u.en, u.zh.map((z) => z.term)])).toEqual([['favorable', ['有利', '春风']], ['conditions', ['条件', '春风']]]);
    // 5 passages of the unit's own against 12 of its words together: kept whole.
    const living = unit('living standards', ['生活水平'], [unit('living', ['生活']), unit('standards', ['水平'])]);
    const [whole] = await chooseSenses(run(living), counted);
    expect(whole?.units.map((u) => u.en)).toEqual(['living standards']);
    // A curated unit is never split.
    const curated = { ...favorable, zh: [{ term: '春风', source: 'glossary' as const, weight: 1 }] };
    const [kept] = await chooseSenses(run(curated), counted);
    expect(kept?.units.map((u) => u.en)).toEqual(['favorable conditions']);
  });

  it('weighs up the senses that stand beside the other concepts, and down those that never do', async () => {
    // 体系 and 系统 both occur; beside 信用 (credit) only one of them may: the scan decides which.
    const credit = unit('credit', ['信用']);
    const system = unit('system', ['系统', '体系', '制度']);
    const [chosen] = await chooseSenses(run(credit, system), evidence);
    const weighed = chosen?.units[1]?.zh ?? [];
    const beside = (term: string): number => holding(term).filter((i) => holding('信用').includes(i)).length;
    const best = [...weighed].sort((a, b) => beside(b.term) - beside(a.term))[0];
    expect(beside(best?.term ?? '')).toBeGreaterThan(0);
    expect(weighed[0]?.term).toBe(best?.term);
    for (const sense of weighed) if (beside(sense.term) === 0) expect(sense.weight).toBeLessThan(0.6 * 0.5);
  });

  it('leaves a concept alone when nothing else in the query can vouch for its senses', async () => {
    const only = unit('system', ['系统', '体系', '制度']);
    const [chosen] = await chooseSenses(run(only), evidence);
    expect(chosen?.units[0]?.zh).toEqual(only.zh);
  });

  /**
   * `employment` (就业) with guesses made by `guess`: searched alone it keeps 就业 only; beside `herders` (牧民) it
   * keeps exactly the guesses a passage holds beside 牧民, by a scan of the corpus.
   */
  async function expectGuessesKeptBeside(guess: (term: string) => Sense, isGuess: (sense: Sense) => boolean): Promise<void> {
    const guesses = ['使用', '工作', '利用', '雇佣', '不存在的词语'];
    const employment: ExpansionUnit = { ...unit('employment', ['就业']), zh: [{ term: '就业', source: 'dictionary', weight: 0.6 }, ...guesses.map(guess)] };
    const [alone] = await chooseSenses(run(employment), evidence);
    expect(alone?.units[0]?.zh.map((s) => s.term)).toEqual(['就业']);
    const [withHerders] = await chooseSenses(run(unit('herders', ['牧民']), employment), evidence);
    const kept = withHerders?.units[1]?.zh.filter(isGuess).map((s) => s.term) ?? [];
    const herders = new Set(holding('牧民'));
    const oracle = guesses.filter((term) => holding(term).some((i) => herders.has(i)));
    expect(oracle.length).toBeGreaterThan(0);
    expect(oracle.length).toBeLessThan(guesses.length);
    expect(kept.sort()).toEqual(oracle.sort());
  }

  it('keeps a synonym’s sense only beside another concept, and a word searched alone its own senses only', async () => {
    await expectGuessesKeptBeside((term) => ({ term, source: 'synonym', weight: 0.3 }), (s) => s.source === 'synonym');
  });

  it('keeps a dictionary sense ranked in reserve only beside another concept, as a synonym’s', async () => {
    await expectGuessesKeptBeside((term) => ({ term, source: 'dictionary', weight: 0.2, reserve: true }), (s) => s.reserve === true);
  });

  it('keeps the synonyms’ senses of a word whose own senses the corpus lacks', async () => {
    const job: ExpansionUnit = {
      ...unit('job', ['不存在的词语']),
      zh: [{ term: '不存在的词语', source: 'dictionary', weight: 0.6 }, { term: '就业', source: 'synonym', weight: 0.3 }],
    };
    expect(holding('就业').length).toBeGreaterThan(0);
    const [chosen] = await chooseSenses(run(job), evidence);
    expect(chosen?.units[0]?.zh.map((s) => s.term)).toEqual(['就业']);
  });
});

describe('senses in reserve', () => {
  it('falls back on the characters before a sense in reserve: old is 老 and 旧, not 故事', async () => {
    const old: ExpansionUnit = {
      ...unit('old', ['不存在的词语']),
      zh: [{ term: '不存在的词语', source: 'dictionary', weight: 0.6 }, { term: '发展', source: 'dictionary', weight: 0.2, reserve: true }],
      characters: ['老', '旧'].map((term) => ({ term, source: 'dictionary' as const, weight: 0.4 })),
    };
    expect(holding('发展').length).toBeGreaterThan(0);
    expect(holding('老').length).toBeGreaterThan(0);
    const [alone] = await chooseSenses(run(old), evidence);
    expect(alone?.units[0]?.zh.map((s) => s.term)).toEqual(['老', '旧'].filter((c) => holding(c).length > 0));
    const onlyReserve: ExpansionUnit = { ...old, characters: undefined };
    const [reserveAlone] = await chooseSenses(run(onlyReserve), evidence);
    expect(reserveAlone?.units[0]?.zh.map((s) => s.term)).toEqual(['发展']);
  });

  it('searches the first six senses of a source the corpus holds, past those it lacks', async () => {
    const offered = ['不存在的词语', '不存在的短语', '发展', '建设', '推进', '加强', '提高', '保护', '旅游', '生态'];
    const held = offered.filter((term) => holding(term).length > 0);
    expect(held.length).toBeGreaterThan(6);
    const [chosen] = await chooseSenses(run(unit('work', offered)), evidence);
    expect(chosen?.units[0]?.zh.map((s) => s.term)).toEqual(held.slice(0, 6));
  });
});

describe('sentence proximity', () => {
  it('counts the pairs of concepts whose terms share a sentence', () => {
    expect(sentenceProximity('稳住楼市。促进房地产市场止跌回稳。', [['房地产'], ['止跌', '稳定']])).toBe(1);
    expect(sentenceProximity('房地产市场。止跌回稳。', [['房地产'], ['止跌']])).toBe(0);
    expect(sentenceProximity('甲乙。丙。', [['甲'], ['乙'], ['丙']])).toBe(0.5);
    expect(sentenceProximity('甲乙丙', [['甲']])).toBe(0);
  });

  it('agrees with a brute force over sentences on the corpus', () => {
    const concepts = [['旅游'], ['边境', '口岸'], ['发展']];
    for (const key of keys.slice(0, 300)) {
      const sentences = key.split(/[。！？；!?;\n]/u);
      const present = concepts.filter((terms) => terms.some((t) => key.includes(t)));
      let together = 0;
      for (let i = 0; i + 1 < present.length; i++) {
        if (sentences.some((s) => present[i]?.some((t) => s.includes(t)) && present[i + 1]?.some((t) => s.includes(t)))) together++;
      }
      expect(sentenceProximity(key, concepts)).toBeCloseTo(together / 2, 10);
    }
  });
});

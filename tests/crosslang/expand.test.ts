import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type ExpansionUnit, createCrossLang } from '../../src/crosslang/expand.js';
import { DICTIONARY_CACHE_FILE } from '../../src/crosslang/dictionary.js';
import { loadGlossary } from '../../src/crosslang/glossary.js';
import { GLOSSARY_PATH, TEST_CACHE_DIR, parallelPairs, seedTextWithoutSpaces } from './helpers.js';
import { describeWithShared } from '../shared-data.js';

const crossLang = createCrossLang({ glossaryPath: GLOSSARY_PATH, cacheDir: TEST_CACHE_DIR });
const seeds = seedTextWithoutSpaces();
const chineseOf = (query: string): string[] => crossLang.expandEnglish(query).flatMap((u) => u.zh.map((z) => z.term));

beforeAll(() => {
  crossLang.dictionary(); // build (first run) or open the cache outside the tests' own time
});

/** The queries of the brief, with the Chinese that may answer each. */
const BRIEF: Array<[string, string[]]> = [
  ['artificial intelligence', ['人工智能']],
  ['cookware', ['炊具']],
  ['Asian water tower', ['亚洲水塔']],
  ['Third Pole', ['第三极', '地球第三极']],
  ['5G base stations', ['5G基站', '基站']],
  ['installed power capacity', ['电力装机', '装机']],
  ['employment', ['就业']],
  ['tourism', ['旅游']],
  ['border trade', ['边贸', '边境贸易']],
  ['Kashin-Beck disease', ['大骨节病']],
  ['Yarlung Tsangpo', ['雅鲁藏布', '雅鲁藏布江']],
  ['earthquake', ['地震']],
];

/** Official English of the national reports 2024/2025 (as written there), with the Chinese the seeds use. */
const OFFICIAL: Array<[string, string[]]> = [
  ['high-quality development', ['高质量发展']],
  ['new quality productive forces', ['新质生产力']],
  ['rural revitalization', ['乡村振兴']],
  ['clean energy', ['清洁能源']],
  ['business environment', ['营商环境']],
  ['private enterprises', ['民营企业']],
  ['state-owned enterprises', ['国有企业']],
  ['digital economy', ['数字经济']],
  ['strategic emerging industries', ['战略性新兴产业']],
  ['scientific and technological innovation', ['科技创新']],
  ['big data', ['大数据']],
  ['renewable energy', ['可再生能源']],
  ['energy storage', ['储能']],
  ['carbon neutrality', ['碳中和']],
  ['lucid waters and lush mountains are invaluable assets', ['绿水青山就是金山银山']],
  ['air quality', ['空气质量']],
  ['soil erosion', ['水土流失']],
  ['water conservancy', ['水利']],
  ['national defense', ['国防']],
  ['ex-service members', ['退役军人']],
  ['forging a strong sense of community for the Chinese nation', ['铸牢中华民族共同体意识']],
  ['religious affairs', ['宗教事务']],
  ['workplace safety', ['安全生产']],
  ['natural disasters', ['自然灾害']],
  ['poverty alleviation', ['脱贫攻坚', '扶贫', '脱贫']],
  ['high-standard cropland', ['高标准农田']],
  ['surveyed urban unemployment rate', ['城镇调查失业率']],
  ['college graduates', ['高校毕业生']],
  ['vocational skills training', ['职业技能培训']],
  ['per capita disposable income', ['人均可支配收入']],
  ['elderly care', ['养老']],
  ['compulsory education', ['义务教育']],
  ['intangible cultural heritage', ['非物质文化遗产']],
  ['public cultural services', ['公共文化服务']],
  ['socialism with Chinese characteristics', ['中国特色社会主义']],
  ['Party Central Committee', ['党中央']],
  ['14th Five-Year Plan', ['十四五']],
  ['pointless formalities', ['形式主义']],
  ['people with disabilities', ['残疾人']],
  ['new urbanization', ['新型城镇化']],
  ['Belt and Road', ['一带一路']],
  ['photovoltaic products', ['光伏']],
  ['earthquakes', ['地震']],
  ['tourism market', ['旅游']],
];

/** Tibet-specific terms of the seed reports, in their usual official English. */
const TIBET: Array<[string, string[]]> = [
  ['highland barley', ['青稞']],
  ['Sichuan-Tibet Railway', ['川藏铁路']],
  ['assistance to Tibet', ['援藏']],
  ['aid to Tibet', ['援藏']],
  ['moderately prosperous border villages', ['边境小康村']],
  ['poverty-alleviation relocation', ['易地扶贫搬迁']],
  ['Qinghai-Tibet Plateau', ['青藏高原']],
  ['ecological security barrier', ['生态安全屏障']],
  ['Shigatse', ['日喀则']],
  ['Nyingchi', ['林芝']],
  ['echinococcosis', ['包虫病']],
  ['Tibetan Buddhism', ['藏传佛教']],
];

describe('expandEnglish on the queries of the brief', () => {
  it.each(BRIEF)('expands "%s" to Chinese that the seed reports contain', (query, expected) => {
    const found = chineseOf(query).filter((zh) => expected.includes(zh));
    expect(found.length, `${query} → ${chineseOf(query).join(', ')}`).toBeGreaterThan(0);
    expect(found.some((zh) => seeds.includes(zh))).toBe(true);
  });
});

describeWithShared('corpora/parallel-zh-en', 'expandEnglish on official English of the national reports', () => {
  const english = parallelPairs().map((p) => p.en.toLowerCase()).join('\n');

  it('checks more than 30 queries, each written so in the official translation', () => {
    expect(OFFICIAL.length).toBeGreaterThanOrEqual(30);
    for (const [query] of OFFICIAL) expect(english, query).toContain(query.toLowerCase());
  });

  it.each(OFFICIAL)('expands "%s" to Chinese that the seed reports contain', (query, expected) => {
    const found = chineseOf(query).filter((zh) => expected.includes(zh) && seeds.includes(zh));
    expect(found.length, `${query} → ${chineseOf(query).join(', ')}`).toBeGreaterThan(0);
  });
});

describe('expandEnglish on Tibet-specific terms', () => {
  it.each(TIBET)('expands "%s" to Chinese that the seed reports contain', (query, expected) => {
    const found = chineseOf(query).filter((zh) => expected.includes(zh) && seeds.includes(zh));
    expect(found.length, `${query} → ${chineseOf(query).join(', ')}`).toBeGreaterThan(0);
  });
});

describe('expandEnglish through the dictionary', () => {
  it.each([
    ['herdsman', '牧民'],
    ['poverty', '贫困'],
    ['bridges', '桥梁'],
    ['museum', '博物馆'],
    ['doctors', '医生'],
    ['subsidies', '补贴'],
  ])('finds "%s" → %s in CC-CEDICT for a word the glossary lacks', (query, zh) => {
    const [unit] = crossLang.expandEnglish(query);
    expect(unit?.zh).toContainEqual(expect.objectContaining({ term: zh, source: 'dictionary' }));
    expect(seeds).toContain(zh);
  });

  it('offers six dictionary senses as a rule and six more in reserve, for the corpus to vouch for: vacation → 休假', () => {
    const [unit] = crossLang.expandEnglish('vacation');
    const dictionary = unit?.zh.filter((z) => z.source === 'dictionary') ?? [];
    expect(dictionary.length).toBeGreaterThan(6);
    expect(dictionary.length).toBeLessThanOrEqual(12);
    expect(dictionary.map((z) => Boolean(z.reserve))).toEqual(dictionary.map((_, i) => i >= 6));
    expect(dictionary.find((z) => z.term === '休假')).toEqual(expect.objectContaining({ reserve: true }));
    for (const unit of crossLang.expandEnglish('vacation lifts')) expect(unit.zh.filter((z) => z.source === 'synonym').length).toBeLessThanOrEqual(6);
  });

  it('holds in reserve the doing of a person named by it: unemployed → 失业者, then 失业', () => {
    const [unit] = crossLang.expandEnglish('unemployed');
    const terms = unit?.zh.map((z) => z.term) ?? [];
    expect(terms).toContain('失业者');
    expect(unit?.zh.find((z) => z.term === '失业')).toEqual(expect.objectContaining({ source: 'dictionary', reserve: true }));
    expect(terms.indexOf('失业')).toBeGreaterThan(terms.indexOf('失业者'));
    // A single character is no doing of its own (读者 gives no 读).
    expect(crossLang.expandEnglish('readers')[0]?.zh.map((z) => z.term)).not.toContain('读');
  });

  it('reads no synonym of a single letter: `x` is no ten, `e` no east, `c` no century', () => {
    for (const letter of 'abcdefghijklmnopqrstuvwxyz') {
      for (const unit of crossLang.expandEnglish(letter)) expect(unit.zh.filter((z) => z.source === 'synonym')).toEqual([]);
    }
    expect(chineseOf('plan x')).not.toContain('千万');
    expect(crossLang.expandEnglish('scam')[0]?.zh).toContainEqual(expect.objectContaining({ term: '诈骗', source: 'synonym' }));
  });

  it('tries an adjacent word pair before single words', () => {
    const units = crossLang.expandEnglish('natural gas');
    expect(units).toHaveLength(1);
    expect(units[0]?.zh.map((z) => z.term)).toContain('天然气');
  });
});

describe('expandEnglish units', () => {
  it('splits a query by greedy longest glossary match, in query order', () => {
    const units = crossLang.expandEnglish('clean energy in Tibet, tourism and employment');
    expect(units.map((u) => u.en)).toEqual(['clean energy', 'Tibet', 'tourism', 'employment']);
    expect(units[0]?.zh[0]).toEqual({ term: '清洁能源', source: 'glossary', weight: 1 });
  });

  it('prefers the longest glossary term to its parts', () => {
    const units = crossLang.expandEnglish('installed power capacity');
    expect(units).toHaveLength(1);
    expect(units[0]?.words).toEqual(['installed', 'power', 'capacity']);
  });

  it('never ends a unit inside a hyphenated compound: `consumer goods trade-in` is consumer goods + trade-in', () => {
    // A lexicon learned from "consumer goods trade-in program" (English words split at hyphens) knows `consumer goods trade`.
    const lexicon = {
      maxWords: 3,
      lookup: (words: string[]) => (words.join(' ').toLowerCase() === 'consumer goods trade' ? [{ zh: '消费品', p: 0.6 }] : []),
      englishFor: () => [],
    };
    const withLexicon = createCrossLang({ glossaryPath: GLOSSARY_PATH, cacheDir: TEST_CACHE_DIR, lexicon });
    const units = withLexicon.expandEnglish('consumer goods trade-in');
    expect(units.map((u) => u.en)).toEqual(['consumer goods', 'trade-in']);
    expect(units[1]?.zh[0]).toEqual({ term: '以旧换新', source: 'glossary', weight: 1 });
    // Where no hyphen follows, the learned unit stands.
    expect(withLexicon.expandEnglish('consumer goods trade fairs')[0]?.en).toBe('consumer goods trade');
  });

  it('makes several words one concept only through a learned pair seen often enough to trust', () => {
    // An aligner's unsure pair (p 0.07, as learned from two sentences) beside a sure one.
    const pairs: Record<string, Array<{ zh: string; p: number }>> = { 'mental health': [{ zh: '优质', p: 0.07 }], 'fiscal policy': [{ zh: '财政政策', p: 0.8 }] };
    const lexicon = { maxWords: 2, lookup: (words: string[]) => pairs[words.join(' ').toLowerCase()] ?? [], englishFor: () => [] };
    const withLexicon = createCrossLang({ glossaryPath: GLOSSARY_PATH, cacheDir: TEST_CACHE_DIR, lexicon });
    const mental = withLexicon.expandEnglish('mental health');
    expect(mental.flatMap((u) => u.zh.map((z) => z.term))).not.toContain('优质');
    expect(mental.flatMap((u) => u.zh.map((z) => z.term))).toContain('精神健康');
    expect(withLexicon.expandEnglish('fiscal policy')[0]?.zh.map((z) => z.term)).toContain('财政政策');
  });

  it('keeps numbers and codes in the unit words', () => {
    expect(crossLang.expandEnglish('5G base stations')[0]?.words).toEqual(['5G', 'base', 'stations']);
    const units = crossLang.expandEnglish('5G coverage');
    expect(units[0]).toEqual({ en: '5G', words: ['5G'], zh: [], status: 'untranslated' });
  });

  it('searches a number in digits and in Chinese numerals, ordinals with 第', () => {
    const terms = (query: string, en: string): string[] =>
      crossLang.expandEnglish(query).find((u) => u.en === en)?.zh.map((s) => s.term) ?? [];
    expect(terms("Chang'e 6 probe", '6')).toEqual(['6', '六']);
    expect(terms('the 9th games', '9th')).toEqual(['9', '九', '第九']);
    expect(terms('15th plan', '15th')).toEqual(['15', '十五', '第十五']);
    expect(terms('40 cities', '40')).toEqual(['40', '四十']);
    expect(terms('2 sessions', '2')).toEqual(['2', '二', '两']);
    expect(terms('2025 report', '2025')).toEqual(['2025']);
    expect(terms('0 tariffs', '0')).toEqual(['0']);
    expect(terms('6.5 tons', '6.5')).toEqual(['6.5']);
    expect(terms('1,000 yuan', '1,000')).toEqual(['1000', '1,000']);
    // A number word is its number (CC-CEDICT's three is 立体, "three-dimensional"); one is a pronoun too.
    expect(terms('three critical battles', 'three')).toEqual(['3', '三']);
    expect(terms('two sessions', 'two')).toEqual(['2', '二', '两']);
    expect(terms('ninety days', 'ninety')).toEqual(['90', '九十']);
    expect(terms('one belt', 'one')).not.toContain('1');
    // A decade is its years, as the reports name them.
    expect(terms('the 1990s reforms', '1990s')).toEqual(['90年代', '九十年代']);
    expect(terms('the 50s', '50s')).toEqual(['50年代', '五十年代']);
  });

  it('reads a number with its scale as one concept written as Chinese writes it: percent, per cent, %, percentage points, million, billion, trillion', () => {
    const read = (query: string): Array<[string, string[]]> => crossLang.expandEnglish(query).map((u) => [u.en, u.zh.map((s) => s.term)]);
    expect(read('5 percent growth')[0]).toEqual(['5 percent', ['5%', '百分之五']]);
    expect(read('deficit ratio 3 per cent').at(-1)).toEqual(['3 per cent', ['3%', '百分之三']]);
    expect(read('growth of 6.5%').at(-1)).toEqual(['6.5', ['6.5%']]);
    expect(read('0.5 percentage points')).toEqual([['0.5 percentage points', ['0.5个百分点']]]);
    expect(read('10 million jobs')[0]).toEqual(['10 million', ['1000万']]);
    expect(read('650 million tons')[0]).toEqual(['650 million', ['6.5亿']]);
    expect(read('1.4 billion people')[0]).toEqual(['1.4 billion', ['14亿']]);
    expect(read('1.3 trillion yuan')[0]).toEqual(['1.3 trillion', ['1.3万亿']]);
    expect(read('ten million jobs')[0]).toEqual(['ten million', ['1000万']]);
    // Its words stay at hand, for a corpus that holds neither form.
    expect(crossLang.expandEnglish('10 million')[0]?.parts?.map((u) => u.en)).toEqual(['10', 'million']);
    // An ordinal is no amount, and a scale word alone is a word.
    expect(read('15th million')[0]?.[0]).toBe('15th');
  });

  it('reads a British spelling as the American one: the same concepts, the same Chinese', () => {
    const pairs: Array<[string, string]> = [
      ['organisations', 'organizations'], ['prioritise employment', 'prioritize employment'], ['labour market', 'labor market'],
      ['city centre', 'city center'], ['defence', 'defense'], ['programmes', 'programs'], ['modernisation of agriculture', 'modernization of agriculture'],
    ];
    for (const [british, american] of pairs) {
      const senses = (query: string) => crossLang.expandEnglish(query).map((u) => [u.status, u.zh.map((z) => z.term)]);
      expect(senses(british), british).toEqual(senses(american));
      expect(crossLang.expandEnglish(british).some((u) => u.status === 'translated'), british).toBe(true);
    }
  });

  it('looks an abbreviation up whole: R&D, M&A, COVID-19, PM2.5 are one unit each', () => {
    expect(chineseOf('R&D')).toContain('研发');
    expect(chineseOf('M&A')).toContain('兼并与收购');
    expect(chineseOf('COVID-19')).toContain('新冠肺炎');
    expect(crossLang.expandEnglish('PM2.5 concentration').map((u) => u.en)).toEqual(['PM2.5', 'concentration']);
  });

  it('gives stopwords no unit, and leaves them out of the unit words', () => {
    expect(crossLang.expandEnglish('the of and to')).toEqual([]);
    const [unit] = crossLang.expandEnglish('the rule of law');
    expect(unit?.en).toBe('rule of law');
    expect(unit?.words).toEqual(['rule', 'law']);
  });

  it('expands a query of nonsense words to no Chinese, keeping the words for the English search', () => {
    const units = crossLang.expandEnglish('qwzxv blorfty');
    expect(units.map((u) => u.words)).toEqual([['qwzxv'], ['blorfty']]);
    expect(units.flatMap((u) => u.zh)).toEqual([]);
  });

  it('matches glossary terms written with another plural, hyphen or case', () => {
    expect(chineseOf('Kashin Beck diseases')).toContain('大骨节病');
    expect(chineseOf('KASHIN-BECK DISEASE')).toContain('大骨节病');
    expect(chineseOf('eco-tourism')).toContain('生态旅游');
    expect(chineseOf('ecotourism')).toContain('生态旅游');
    expect(chineseOf('public well-being')).toContain('民生');
    expect(chineseOf('5G base station')).toContain('5G基站');
    expect(chineseOf('Data Centres')).toContain('数据中心');
  });

  it('does not match a glossary phrase across punctuation other than a comma', () => {
    expect(crossLang.expandEnglish('border; trade').map((u) => u.en)).toEqual(['border', 'trade']);
    expect(crossLang.expandEnglish('(border) trade').map((u) => u.en)).toEqual(['border', 'trade']);
    expect(crossLang.expandEnglish('disaster prevention, mitigation and relief')[0]?.zh[0]?.term).toBe('防灾减灾救灾');
  });

  it('expands every English form of the glossary, as a query, to a single unit holding its Chinese term', { tags: ['slow'] }, () => {
    const misses: string[] = [];
    for (const entry of loadGlossary(GLOSSARY_PATH).entries) {
      for (const form of [entry.en, ...entry.alternatives]) {
        const units = crossLang.expandEnglish(form);
        if (units.length !== 1 || !units[0]?.zh.some((z) => z.term === entry.zh)) misses.push(`${form} → ${entry.zh}`);
      }
    }
    expect(misses).toEqual([]);
  });

  it('reads a query once and shares the reading, frozen all the way down', () => {
    const first = crossLang.expandEnglish('clean energy for rural tourism');
    expect(crossLang.expandEnglish('clean energy for rural tourism')).toBe(first);
    const unit = first[0] as ExpansionUnit;
    expect(Object.isFrozen(first) && Object.isFrozen(unit) && Object.isFrozen(unit.zh) && Object.isFrozen(unit.zh[0])).toBe(true);
    expect(() => (unit.zh as unknown as string[]).push('x')).toThrow(TypeError);
    expect(() => {
      (unit as { status: string }).status = 'ignored';
    }).toThrow(TypeError);
    // A fresh expander reads it afresh, to the same concepts.
    const other = createCrossLang({ glossaryPath: GLOSSARY_PATH, cacheDir: TEST_CACHE_DIR }).expandEnglish('clean energy for rural tourism');
    expect(other).not.toBe(first);
    expect(other).toEqual(first);
  });

  it('is deterministic', () => {
    const query = 'Tibetan medicine, poverty alleviation and herdsman income';
    expect(crossLang.expandEnglish(query)).toEqual(crossLang.expandEnglish(query));
  });

  it('never throws, and every unit is a piece of the query with its words in order', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (query) => {
        const normalized = query.normalize('NFKC');
        let from = 0;
        for (const unit of crossLang.expandEnglish(query) as ExpansionUnit[]) {
          const at = normalized.indexOf(unit.en, from);
          expect(at).toBeGreaterThanOrEqual(0);
          let inUnit = 0;
          for (const word of unit.words) {
            inUnit = unit.en.indexOf(word, inUnit);
            expect(inUnit).toBeGreaterThanOrEqual(0);
          }
          from = at + unit.en.length;
        }
      }),
    );
  });
});

describe('an expander of its own', () => {
  it('expands English and gives the English of a Chinese term', () => {
    expect(crossLang.expandEnglish('artificial intelligence')[0]?.zh).toEqual([{ term: '人工智能', source: 'glossary', weight: 1 }]);
    expect(crossLang.englishFor('人工智能')).toContainEqual({ en: 'artificial intelligence', source: 'glossary' });
    expect(crossLang.englishFor('边贸').filter((e) => e.source === 'glossary')).toEqual([{ en: 'border trade', source: 'glossary' }]);
  });

  it('caches its dictionary where it is told, and nowhere else', { tags: ['slow'] }, () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'crosslang-own-'));
    const own = createCrossLang({ glossaryPath: GLOSSARY_PATH, cacheDir: dir });
    expect(own.dictionary().lookup(['wheat'])).toContain('小麦');
    expect(readdirSync(dir)).toEqual([DICTIONARY_CACHE_FILE]);
  });
});

describe('concepts of a query', () => {
  it('marks query filler ignored, so that it never requires a match', () => {
    const units = crossLang.expandEnglish('help herders find jobs');
    expect(units.filter((u) => u.status === 'ignored').map((u) => u.en)).toEqual(['help', 'find']);
    expect(units.filter((u) => u.status !== 'ignored').map((u) => u.en)).toEqual(['herders', 'jobs']);
  });

  it('marks the quantifier and the verbs of a question ignored: how many, how much, say, tell', () => {
    const units = crossLang.expandEnglish('how many people were lifted out of poverty');
    expect(units.filter((u) => u.status === 'ignored').map((u) => u.en)).toEqual(['many']);
    expect(crossLang.expandEnglish('how much money').filter((u) => u.status !== 'ignored').map((u) => u.en)).toEqual(['money']);
    // And the verbs of a question about what a text says.
    expect(crossLang.expandEnglish('what does the report say about Taiwan').filter((u) => u.status === 'ignored').map((u) => u.en)).toEqual(['say']);
    expect(crossLang.expandEnglish('tell me about poverty').filter((u) => u.status !== 'ignored').map((u) => u.en)).toEqual(['poverty']);
  });

  it('marks an irregular form of a filler verb ignored, as the verb is: made, taken, gave', () => {
    const ignored = (q: string): string[] => crossLang.expandEnglish(q).filter((u) => u.status === 'ignored').map((u) => u.en);
    expect(ignored('progress made in poverty alleviation')).toEqual(['made']);
    expect(ignored('steps taken to curb pollution')).toEqual(['steps', 'taken']);
    // An irregular form of another verb is a concept, with its verb's senses: grew → 增长.
    const grew = crossLang.expandEnglish('income grew').find((u) => u.en === 'grew');
    expect(grew?.status).toBe('translated');
    expect(grew?.zh.map((z) => z.term)).toContain('增长');
  });

  it('keeps a filler word that modifies the next word, or stands in a name beside another capitalized word: information security, Pudong New Area', () => {
    const status = (q: string, word: string): string | undefined => crossLang.expandEnglish(q).find((u) => u.words.includes(word))?.status;
    const cases: Array<[query: string, word: string, status: string]> = [
      ['Pudong New Area', 'New', 'translated'],
      ['New Development Bank', 'New', 'translated'],
      ['Made in China 2025', 'Made', 'translated'],
      // Not a lowercase one, nor a filler word beside a lowercase one, nor an instruction that opens the query.
      ['new roads in Pudong', 'new', 'ignored'],
      ['New roads in mountains', 'New', 'ignored'],
      ['Find Tibet tourism', 'Find', 'ignored'],
      // A query in capitals says nothing of names.
      ['HELP HERDERS FIND JOBS', 'FIND', 'ignored'],
      // information and related modify the word after them (信息安全, 相关产业), not a word before.
      ['information security', 'information', 'translated'],
      ['related industries', 'related', 'translated'],
      ['information about floods', 'information', 'ignored'],
      ['government information', 'information', 'ignored'],
    ];
    for (const [query, word, expected] of cases) expect(status(query, word), query).toBe(expected);
  });

  it('reads a hyphenated prefix with its word as one concept, the prefix\'s morpheme before the word\'s senses', () => {
    const unit = (q: string): ExpansionUnit | undefined => crossLang.expandEnglish(q)[0];
    const nonFossil = unit('non-fossil energy');
    expect(nonFossil?.en).toBe('non-fossil');
    expect(nonFossil?.zh.map((z) => z.term)).toContain('非化石');
    // A negating prefix: the word alone is only a fallback part, never a sense (under-developed is not 发达).
    const under = unit('under-developed areas');
    expect(under?.zh.map((z) => z.term)).toContain('欠发达');
    expect(under?.zh.map((z) => z.term)).not.toContain('发达');
    expect(under?.parts?.map((p) => p.en)).toEqual(['developed']);
    // Another prefix keeps the word's senses, weighing less than the prefixed ones: cross-regional → 跨地方, then 地方.
    const cross = unit('cross-regional cooperation');
    const weight = (term: string): number => cross?.zh.find((z) => z.term === term)?.weight ?? 0;
    expect(weight('跨地方')).toBeGreaterThan(weight('地方'));
    expect(weight('地方')).toBeGreaterThan(0);
    // The joined word, when the dictionary knows it: co-operation is cooperation.
    expect(unit('co-operation')?.zh.map((z) => z.term)).toContain('合作');
    // The prefix is no concept of its own: non → 有色金属 ("non-ferrous metals") is gone.
    expect(chineseOf('non-public economy')).not.toContain('有色金属');
    // A prefix that is no word of its own may stand apart (non public), and one joined to a word nothing
    // translates is taken off it (nonfossil, reemployment); a word something translates stays whole.
    expect(unit('non public economy')?.zh.map((z) => z.term)).toContain('非公共');
    expect(unit('nonfossil energy')?.zh.map((z) => z.term)).toContain('非化石');
    expect(unit('reemployment')?.zh.map((z) => z.term)).toContain('再就业');
    expect(unit('interest rates')?.zh.map((z) => z.term)).toContain('利率');
    // Joined, only the built senses: relending → 再贷款, but presold never searches 销售 (sold) alone.
    expect(unit('relending facility')?.zh.map((z) => z.term)).toContain('再贷款');
    expect(unit('presold apartments')?.zh.map((z) => z.term)).not.toContain('销售');
    // -less is 无 before its word (cashless → 无现金); a prefix before a number is no morpheme (not 欠五).
    expect(unit('cashless payments')?.zh.map((z) => z.term)).toContain('无现金');
    expect(chineseOf('under-five mortality').some((t) => t.startsWith('欠'))).toBe(false);
    expect(unit('cross border')?.en).toBe('cross border');
    // A unit the dictionary knows whole stands (self-reliance → 自力更生).
    expect(unit('self-reliance')?.zh.map((z) => z.term)).toContain('自力更生');
  });

  it('reads a word after a hyphen as the suffix it is there (employment-first: 优先), not elsewhere (first employment)', () => {
    const senses = (q: string, en: string): string[] => crossLang.expandEnglish(q).find((u) => u.en === en)?.zh.map((z) => z.term) ?? [];
    expect(senses('employment-first policy', 'first')[0]).toBe('优先');
    expect(senses('consumption-led growth', 'led').slice(0, 2)).toEqual(['主导', '引领']);
    expect(senses('first employment', 'first')).not.toContain('优先');
    expect(senses('employment first', 'first')).not.toContain('优先');
  });

  it('looks a hyphenated compound up written as one word too: on-line is online, eco-system ecosystem', () => {
    const first = (q: string): ExpansionUnit | undefined => crossLang.expandEnglish(q)[0];
    expect(first('on-line shopping')?.en).toBe('on-line');
    expect(first('on-line shopping')?.zh.map((z) => z.term)).toEqual(first('online')?.zh.map((z) => z.term));
    expect(first('eco-system protection')?.zh.map((z) => z.term)).toContain('生态系统');
    expect(first('e-mail')?.zh.map((z) => z.term)).toEqual(first('email')?.zh.map((z) => z.term));
    // Both sides translated: equal lists of nothing would prove nothing.
    expect(first('online')?.zh.length).toBeGreaterThan(0);
    expect(first('email')?.zh.length).toBeGreaterThan(0);
  });

  it('reads a query typed in capitals as the same query in lower case: its AND and OF are no abbreviations', () => {
    const concepts = (q: string) => crossLang.expandEnglish(q).map((u) => [u.en.toLowerCase(), u.zh.map((z) => z.term)]);
    expect(concepts('RULE OF LAW')).toEqual(concepts('rule of law'));
    expect(concepts('BELT AND ROAD')).toEqual(concepts('belt and road'));
    // Within lower-case words, a stopword in capitals is still an abbreviation to look up.
    expect(crossLang.expandEnglish('WHO guidelines').some((u) => u.en === 'WHO')).toBe(true);
  });

  it('never splits a filler word at a prefix: regarding and related stay filler', () => {
    for (const q of ['floods regarding Tibet', 'news related to floods']) {
      const filler = crossLang.expandEnglish(q).filter((u) => u.en === 'regarding' || u.en === 'related');
      expect(filler.map((u) => u.status), q).toEqual(['ignored']);
    }
  });

  it('marks a word nothing translates untranslated, keeping it for the English search', () => {
    const [unit] = crossLang.expandEnglish('Zbrgwq');
    expect(unit).toMatchObject({ en: 'Zbrgwq', status: 'untranslated', zh: [] });
  });

  it('weighs senses: the glossary above the dictionary, earlier dictionary senses above later ones', () => {
    for (const unit of crossLang.expandEnglish('clean energy bridges museum doctors')) {
      for (const sense of unit.zh) expect(sense.weight).toBeGreaterThan(0);
      const dictionary = unit.zh.filter((z) => z.source === 'dictionary').map((z) => z.weight);
      expect(dictionary).toEqual([...dictionary].sort((a, b) => b - a));
      for (const g of unit.zh.filter((z) => z.source === 'glossary')) for (const d of dictionary) expect(g.weight).toBeGreaterThan(d);
    }
  });

  it('keeps the words of a multiword unit as parts to fall back on', () => {
    const [unit] = crossLang.expandEnglish('installed power capacity');
    expect(unit?.parts?.map((p) => p.en)).toEqual(['installed', 'power', 'capacity']);
  });

  it('reads a word and the particle after it as the phrasal verb CC-CEDICT gives, the word alone its part', () => {
    // The particle is a stopword: without it, hand is 双手 and lead 领导.
    const [hand] = crossLang.expandEnglish('hand over land');
    expect(hand?.en).toBe('hand over');
    expect(hand?.zh.map((s) => s.term)).toContain('移交');
    expect(hand?.parts?.map((p) => p.en)).toEqual(['hand']);
    expect(crossLang.expandEnglish('deal with pollution')[0]?.zh.map((s) => s.term)).toContain('处理');
    const [lead] = crossLang.expandEnglish('lead to higher prices');
    expect(lead?.zh[0]?.term).toBe('导致');
    // The word's own senses stay, below the verb's: investing in is 投入 and still 投资.
    const [investing] = crossLang.expandEnglish('investing in people');
    expect(investing?.zh.map((s) => s.term)).toEqual(expect.arrayContaining(['投入', '投资']));
    // Never a pronoun (making it), nor a word of a longer unit, nor with nothing CC-CEDICT knows (investment in).
    expect(crossLang.expandEnglish('investment in education').map((u) => u.en)).toEqual(['investment', 'education']);
  });

  it('reads a glossary word and its particle as the glossary’s hyphenated term: trade in, trading in → 以旧换新', () => {
    for (const query of ['trade in old cars', 'trading in old appliances', 'traded in']) {
      const [trade] = crossLang.expandEnglish(query);
      expect([query, trade?.zh[0]]).toEqual([query, expect.objectContaining({ term: '以旧换新', source: 'glossary' })]);
      // The word's own sense stays, below: trade is still 贸易.
      expect(trade?.zh.map((s) => s.term)).toContain('贸易');
      expect(trade?.parts?.map((p) => p.en)).toEqual([trade?.words[0]]);
    }
    // A longer glossary term still wins, and a glossary word takes no CC-CEDICT verb with its particle.
    expect(crossLang.expandEnglish('trade in services').map((u) => u.zh[0]?.term)).toEqual(['服务贸易']);
    const [floods] = crossLang.expandEnglish('floods in the south');
    expect(floods?.en).toBe('floods');
    expect(floods?.zh.map((s) => s.term)).not.toContain('长驱直入');
  });

  it('reads three words CC-CEDICT knows as one entry as one concept, falling back on a pair it knows and a word', () => {
    const [plant] = crossLang.expandEnglish('nuclear power plants');
    expect(plant?.en).toBe('nuclear power plants');
    expect(plant?.zh.map((s) => s.term)).toContain('核电站');
    // personal income tax is 个税; should the corpus say 个人 and 所得税 apart, its parts are personal and income tax.
    const [tax] = crossLang.expandEnglish('personal income tax');
    expect(tax?.zh.map((s) => s.term)).toContain('个税');
    expect(tax?.parts?.map((p) => p.en)).toEqual(['personal', 'income tax']);
    expect(tax?.parts?.[1]?.zh.map((s) => s.term)).toContain('所得税');
    // A part never runs past its unit into the next word (plant + protection is no part of nuclear power plant).
    const [plantUnit, protection] = crossLang.expandEnglish('nuclear power plant protection');
    expect(plantUnit?.parts?.map((p) => p.en)).toEqual(['nuclear power', 'plant']);
    expect(protection?.en).toBe('protection');
  });

  it('reads words CC-CEDICT knows as one entry with the stopwords between them as one concept', () => {
    const [sense, ...rest] = crossLang.expandEnglish('sense of responsibility');
    expect(rest).toEqual([]);
    expect(sense?.en).toBe('sense of responsibility');
    expect(sense?.zh.map((s) => s.term)).toEqual(['责任感', '责任心']);
    // Its words stay the parts to fall back on.
    expect(sense?.parts?.map((p) => p.en)).toEqual(['sense', 'responsibility']);
    expect(crossLang.expandEnglish('live in harmony').map((u) => u.en)).toEqual(['live in harmony']);
    expect(crossLang.expandEnglish('people with a sense of gain').map((u) => u.zh[0]?.term)).toContain('获得感');
    // Punctuation between the words keeps them apart; a stopword that leads belongs to no entry.
    expect(crossLang.expandEnglish('sense, of responsibility').map((u) => u.en)).toEqual(['sense', 'responsibility']);
    expect(crossLang.expandEnglish('all categories').map((u) => u.en)).toEqual(['categories']);
  });

  it('gives two neighbouring words the headword CC-CEDICT defines by them in other words, as a sense of both', () => {
    // 城中村 is "village within a city"; `urban` reaches city through WordNet (urban pertains to city).
    const [urban, village] = crossLang.expandEnglish('urban village');
    for (const unit of [urban, village]) expect(unit?.zh).toContainEqual(expect.objectContaining({ term: '城中村', source: 'synonym' }));
    // Only neighbours: a word between them, or punctuation, keeps them apart.
    expect(chineseOf('urban green village')).not.toContain('城中村');
    expect(chineseOf('urban. village')).not.toContain('城中村');
  });

  it('does not match a glossary entry through a stem that changes the meaning', () => {
    expect(chineseOf('cooperation')).not.toContain('合作社');
    expect(chineseOf('cooperatives')).toContain('合作社');
  });
});

describe('a long or repetitive query', () => {
  it('reads a repeated word as one concept', () => {
    const units = crossLang.expandEnglish(Array.from({ length: 41 }, () => 'development').join(' '));
    expect(units.map((u) => u.en)).toEqual(['development']);
  });

  it('searches Chinese senses for 16 concepts at most, the rest in English only', () => {
    const words = 'tourism employment education health energy water forest village road railway airport school hospital museum bridge market grassland';
    const units = crossLang.expandEnglish(words);
    expect(units).toHaveLength(17);
    expect(units.filter((u) => u.zh.length > 0)).toHaveLength(16);
    expect(units.slice(16)).toMatchObject([{ en: 'grassland', status: 'untranslated', zh: [] }]);
  });
});

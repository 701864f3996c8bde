import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateCedict, parseCedictModule } from '../../src/crosslang/cedict-source.js';
import { hashParts } from '../../src/index/checksum-thread.js';
import { DICTIONARY_CACHE_FILE, type Dictionary, dictionaryCacheClaim, loadDictionary } from '../../src/crosslang/dictionary.js';
import { isCrossLangError } from '../../src/crosslang/errors.js';
import { phraseLightKey } from '../../src/crosslang/english.js';
import { MAX_PER_KEY, abbreviates, alternativeNames, buildReverseTable, characterEntries, paraphraseEntries, paraphraseKey, placeKey, redirects } from '../../src/crosslang/reverse-index.js';
import { openSortedTable, serializeTable } from '../../src/crosslang/sorted-table.js';

const SAMPLE = [
  'cookware', 'earthquake', 'employment', 'tourism', 'water', 'company', 'museum', 'bridge', 'poverty',
  'doctor', 'capacity', 'market', 'power', 'base station', 'natural gas', 'grassland',
];
const words = (phrase: string): string[] => phrase.split(' ');

let dir: string;
let dictionary: Dictionary;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'crosslang-dictionary-'));
  dictionary = loadDictionary({ cacheDir: dir });
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the CC-CEDICT reverse index', () => {
  it('says what a Chinese headword means, as the singular words of its glosses, and null for a word it lacks', () => {
    expect(dictionary.glosses('禁渔')).toEqual(expect.arrayContaining(['ban', 'fishing']));
    expect(dictionary.glosses('地震')).toContain('earthquake');
    expect(dictionary.glosses('零碳')).toBeNull();
  });

  it('finds the entry whose definition is exactly the English word, first', () => {
    expect(dictionary.lookup(['cookware'])[0]).toBe('炊具');
    expect(dictionary.lookup(['earthquake'])[0]).toBe('地震');
    expect(dictionary.lookup(['employment'])[0]).toBe('就业');
    expect(dictionary.lookup(['tourism'])[0]).toBe('旅游');
    expect(dictionary.lookup(['base', 'station'])).toContain('基站');
  });

  it('matches plurals and -ed / -ing forms of the last word', () => {
    expect(dictionary.lookup(['earthquakes'])).toEqual(dictionary.lookup(['earthquake']));
    expect(dictionary.lookup(['base', 'stations'])).toEqual(dictionary.lookup(['base', 'station']));
    expect(dictionary.lookup(['museums'])).toContain('博物馆');
  });

  it('skips entries marked old or Taiwanese, surnames, and single characters', () => {
    expect(dictionary.lookup(['earthquake'])).not.toContain('地动'); // "earthquake (old term)"
    expect(dictionary.lookup(['earthquake'])).not.toContain('地牛翻身'); // "(Tw) (coll.) earthquake"
    expect(dictionary.lookup(words('two character surname ouyang'))).toEqual([]);
    for (const phrase of SAMPLE) {
      for (const zh of dictionary.lookup(words(phrase))) expect([...zh].length, `${phrase} → ${zh}`).toBeGreaterThan(1);
    }
  });

  it('caps the candidates of every word', () => {
    for (const phrase of SAMPLE) expect(dictionary.lookup(words(phrase)).length).toBeLessThanOrEqual(MAX_PER_KEY);
  });

  it('keeps a sense whose note cites other headwords: 亚洲 is Asia, 奥运会 the Olympic Games, 香烟 a cigarette', () => {
    // CC-CEDICT: "Asia (abbr. for 亞細亞洲|亚细亚洲[…])", "Olympic Games; … (abbr. for 奧林匹克運動會|…)", "cigarette (CL:支[zhi1],…)".
    expect(dictionary.lookup(['asia'])).toContain('亚洲');
    expect(dictionary.lookup(words('olympic games'))).toContain('奥运会');
    expect(dictionary.lookup(['cigarette'])).toContain('香烟');
  });

  it('knows nothing of nonsense words', () => {
    expect(dictionary.lookup(['qwzxv'])).toEqual([]);
    expect(dictionary.lookup([])).toEqual([]);
  });
});

describe('buildReverseTable ranking rules', () => {
  const entry = (simplified: string, senses: string[]) => ({ traditional: simplified, simplified, pinyin: '', senses });
  const entries = [
    entry('拉萨', ['Lhasa, capital city of Tibet']),
    entry('拉萨市', ['Lhasa']),
    entry('常见词', ['thing']),
    entry('罕见词', ['thing']),
    entry('变体词', ['variant of 常见词[chang2 jian4 ci2]']),
    entry('量词词', ['classifier for things']),
    entry('古词语', ['thing (archaic)']),
    entry('简称词', ['thing (abbr. for 常见词|常見詞[chang2 jian4 ci2])']),
    entry('参见词', ['see 常见词|常見詞[chang2 jian4 ci2]']),
  ];
  const table = buildReverseTable(entries, new Map([['常见词', 5000], ['罕见词', 3]]));

  it('ranks a definition that is the key above the head of a comma list', () => {
    expect(table.get('lhasa')).toEqual(['拉萨市', '拉萨']);
  });

  it('orders equal definitions by word frequency and leaves out variants, classifiers, archaic senses', () => {
    expect(table.get('thing')).toEqual(['常见词', '罕见词', '简称词']);
    expect([...table.values()].flat()).not.toContain('变体词');
    expect([...table.values()].flat()).not.toContain('量词词');
    expect([...table.values()].flat()).not.toContain('古词语');
    expect([...table.values()].flat()).not.toContain('参见词');
  });

  it('keys a sense by the abbreviation it ends with, when the abbreviation is the words\' initials', () => {
    const abbreviated = buildReverseTable(
      [
        entry('兼并与收购', ['mergers and acquisitions (M&A)']),
        entry('国内生产总值', ['gross domestic product (GDP)']),
        entry('美式足球', ['football (USA)']),
        entry('调幅', ['amplitude modulation (AM)']),
      ],
      new Map(),
    );
    expect(abbreviated.get('m&a')).toEqual(['兼并与收购']);
    expect(abbreviated.get('merger and acquisition')).toEqual(['兼并与收购']);
    expect(abbreviated.get('gdp')).toEqual(['国内生产总值']);
    // Keyed as a query looks it up (singular): SARS is found by SARS.
    const sars = buildReverseTable([entry('非典', ['severe acute respiratory syndrome (SARS)'])], new Map());
    expect(sars.get(phraseLightKey('SARS'))).toEqual(['非典']);
    // A usage note is no abbreviation, and two letters stand for too much.
    expect(abbreviated.get('usa')).toBeUndefined();
    expect(abbreviated.get('am')).toBeUndefined();
    const noted = { anchored: true, minLetters: 2 };
    expect(abbreviates('M&A', ['merger', 'and', 'acquisition'], noted)).toBe(true);
    expect(abbreviates('USA', ['football'], noted)).toBe(false);
    expect(abbreviates('G20', ['group', 'of', 'twenty'], noted)).toBe(false); // one letter
    expect(abbreviates('CIA', ['us', 'central', 'intelligence', 'agency'], noted)).toBe(false);
    // Unanchored, as a later item of a sense is read against the first: its letters may begin anywhere.
    const later = { anchored: false, minLetters: 1 };
    expect(abbreviates('CIA', ['us', 'central', 'intelligence', 'agency'], later)).toBe(true);
    expect(abbreviates('G20', ['group', 'of', 'twenty'], later)).toBe(true);
    expect(abbreviates('US', ['china', 'north', 'korea'], later)).toBe(false);
    expect(abbreviates('&', ['and'], later)).toBe(false); // no letter
  });

  it('keys British and American spellings of a sense alike', () => {
    const spelled = buildReverseTable([entry('中心', ['centre']), entry('组织', ['organization']), entry('劳动', ['labour'])], new Map());
    expect(spelled.get('center')).toEqual(['中心']);
    expect(spelled.get('organization')).toEqual(['组织']);
    expect(spelled.get('labor')).toEqual(['劳动']);
  });
});

describe('paraphrases: headwords by the content words of a short definition, in any order', () => {
  const entry = (simplified: string, senses: string[]) => ({ traditional: simplified, simplified, pinyin: '', senses });
  const table = paraphraseEntries(
    [
      entry('城中村', ['village within a city', 'shantytown']),
      entry('挑大梁', ['to play a leading role', 'to bear a heavy responsibility']),
      entry('四词词', ['large old wooden boat']),
      entry('参见词', ['see 城中村|城中村[cheng2 zhong1 cun1]']),
      entry('简称词', ['city village (abbr. for 城中村|城中村)']),
    ],
    new Map([['城中村', 100]]),
  );

  it('keys a definition of two or three content words by their singular forms, sorted', () => {
    expect(table.get(paraphraseKey(['villages', 'city']))).toEqual(['城中村', '简称词']);
    expect(table.get(paraphraseKey(['responsibility', 'heavy', 'bear']))).toEqual(['挑大梁']);
    expect(table.get(paraphraseKey(['role', 'leading', 'play']))).toEqual(['挑大梁']);
  });

  it('keys neither a single word, nor four content words, nor a cross-reference', () => {
    expect(paraphraseKey(['shantytown'])).toBe('');
    expect(paraphraseKey(['the', 'city'])).toBe('');
    expect([...table.values()].flat()).not.toContain('四词词');
    expect([...table.values()].flat()).not.toContain('参见词');
  });

  it('finds a three-word definition by any two of its words, apart from the whole ones', () => {
    const partial = (words: string[]) => table.get(`\u0004${paraphraseKey(words).slice(1)}`);
    expect(partial(['heavy', 'responsibility'])).toEqual(['挑大梁']);
    expect(partial(['bear', 'responsibility'])).toEqual(['挑大梁']);
    expect(partial(['city', 'village'])).toBeUndefined(); // a two-word definition is whole, never partial
    expect(table.get(paraphraseKey(['heavy', 'responsibility']))).toBeUndefined();
    expect(dictionary.partialParaphrases(['reduce', 'tax'])).toContain('减税'); // "to reduce the tax rate"
  });

  it('answers from the real dictionary without regard to order', () => {
    expect(dictionary.paraphrases(['city', 'village'])).toContain('城中村');
    expect(dictionary.paraphrases(['village', 'city'])).toEqual(dictionary.paraphrases(['city', 'village']));
    expect(dictionary.paraphrases(['heavy', 'responsibility'])).toContain('重任');
    expect(dictionary.paraphrases(['city'])).toEqual([]);
  });
});

describe('single characters, for when the corpus holds none of a word\'s longer terms', () => {
  const entry = (simplified: string, senses: string[]) => ({ traditional: simplified, simplified, pinyin: '', senses });

  it('keys a character by the items of its first meaning only, surnames skipped', () => {
    const table = characterEntries(
      [
        entry('茶', ['tea', 'tea plant']),
        entry('麦', ['wheat; barley; oats', 'mic (abbr. for 麥克風|麦克风[mai4 ke4 feng1])']),
        entry('离', ['surname Li']),
        entry('离', ['to leave', 'to part from', 'without (something)']),
        entry('茶叶', ['tea']),
      ],
      new Map(),
    );
    expect(table.get('\u0003tea')).toEqual(['茶']);
    expect(table.get('\u0003barley')).toEqual(['麦']);
    expect(table.get('\u0003leave')).toEqual(['离']);
    expect(table.has('\u0003without')).toBe(false);
    expect(table.has('\u0003mic')).toBe(false);
  });

  it('answers from the real dictionary, apart from the longer words', () => {
    expect(dictionary.characters('tea')).toContain('茶');
    expect(dictionary.characters('teas')).toContain('茶');
    expect(dictionary.characters('coal')).toContain('煤');
    expect(dictionary.characters('without')).toEqual([]);
    expect(dictionary.lookup(['tea']).every((zh) => [...zh].length > 1)).toBe(true);
  });
});

describe('places by their names', () => {
  // Every provincial-level division, with the name its report is filed under: CC-CEDICT gives most of them only
  // as a redirect (云南: "see 雲南省|云南省[…]"), and the full name's sense cites its capital (昆明市), so before
  // these rules `Yunnan` found 云贵川, and `Guangdong` 京广.
  const PROVINCES: Array<[string, string]> = [
    ['Beijing', '北京'], ['Tianjin', '天津'], ['Hebei', '河北'], ['Shanxi', '山西'], ['Inner Mongolia', '内蒙古'],
    ['Liaoning', '辽宁'], ['Jilin', '吉林'], ['Heilongjiang', '黑龙江'], ['Shanghai', '上海'], ['Jiangsu', '江苏'],
    ['Zhejiang', '浙江'], ['Anhui', '安徽'], ['Fujian', '福建'], ['Jiangxi', '江西'], ['Shandong', '山东'],
    ['Henan', '河南'], ['Hubei', '湖北'], ['Hunan', '湖南'], ['Guangdong', '广东'], ['Guangxi', '广西'],
    ['Hainan', '海南'], ['Chongqing', '重庆'], ['Sichuan', '四川'], ['Guizhou', '贵州'], ['Yunnan', '云南'],
    ['Shaanxi', '陕西'], ['Gansu', '甘肃'], ['Qinghai', '青海'], ['Ningxia', '宁夏'], ['Xinjiang', '新疆'],
  ];

  it('finds every province, region and municipality by its English name, its short Chinese name among the first two', () => {
    const missed = PROVINCES.filter(([en, zh]) => !dictionary.lookup(words(en.toLowerCase())).slice(0, 2).some((found) => found.startsWith(zh)));
    expect(missed).toEqual([]);
  });

  it('finds cities CC-CEDICT describes after a comma (Shenzhen, sub-provincial city in Guangdong Province)', () => {
    for (const [en, zh] of [['Shenzhen', '深圳'], ['Guangzhou', '广州'], ['Chengdu', '成都'], ['Kunming', '昆明'], ['Wuhan', '武汉']]) {
      expect(dictionary.lookup([en.toLowerCase()]).slice(0, 2)).toContain(zh);
    }
  });

  it('leaves out a prefecture\'s or region\'s two- and three-character suffix too, and no half of one', () => {
    expect(dictionary.lookup(['kashgar']).slice(0, 2)).toContain('喀什');
    expect(dictionary.lookup(['ngari']).slice(0, 2)).toContain('阿里');
    for (const [en, leftover] of [['inner mongolia', '内蒙古自治'], ['tibet', '西藏自治'], ["xiong'an", '雄安新']]) {
      expect(dictionary.lookup(words(en))).not.toContain(leftover);
    }
  });

  it('reads the name of a place before the kind of place, and nothing from other senses', () => {
    expect(placeKey('Yunnan Province, capital Kunming 昆明市[Kun1 ming2 Shi4] (abbr. to 雲|云[Yun2] or 滇[Dian1])')).toBe('yunnan');
    expect(placeKey('Inner Mongolia Autonomous Region, capital Hohhot 呼和浩特市[Hu1 he2 hao4 te4 Shi4]')).toBe('inner mongolia');
    expect(placeKey('Shenzhen, sub-provincial city in Guangdong Province 廣東省|广东省[Guang3 dong1 Sheng3]')).toBe('shenzhen');
    expect(placeKey("Xiong'an New Area, a state-level new area in the Baoding area of Hebei")).toBe(phraseLightKey("Xiong'an"));
    expect(placeKey('Lhasa, capital of Tibet')).toBeNull();
    expect(placeKey('city wall')).toBeNull();
    expect(placeKey('the provincial city of Hangzhou')).toBeNull();
    expect(placeKey('')).toBeNull();
  });

  it('gives a redirect to a longer place name the place\'s senses, under its own pinyin when that is the first word of the name', () => {
    const entry = (simplified: string, pinyin: string, senses: string[]) => ({ traditional: simplified, simplified, pinyin, senses });
    const entries = [
      entry('宁夏', 'Ning2 xia4', ['see 寧夏回族自治區|宁夏回族自治区[Ning2 xia4 Hui2 zu2 Zi4 zhi4 qu1]']),
      entry('宁夏回族自治区', 'Ning2 xia4 Hui2 zu2 Zi4 zhi4 qu1', ['Ningxia Hui Autonomous Region, capital Yinchuan 銀川市|银川市[Yin2 chuan1 Shi4]']),
      // A redirect to a word that does not begin with the headword, or to a common word, is no short name.
      entry('宁', 'ning2', ['see 寧夏回族自治區|宁夏回族自治区[Ning2 xia4 Hui2 zu2 Zi4 zhi4 qu1]']),
      entry('夏', 'Xia4', ['see 寧夏回族自治區|宁夏回族自治区[Ning2 xia4 Hui2 zu2 Zi4 zhi4 qu1]']),
      entry('葡萄', 'pu2 tao5', ['see 葡萄酒[pu2 tao5 jiu3]']),
      entry('葡萄酒', 'pu2 tao5 jiu3', ['wine']),
    ];
    expect(redirects(entries).map(({ alias, spelled }) => [alias.simplified, alias.pinyin, spelled])).toEqual([['宁夏', 'Ning2 xia4', 'ningxia']]);
    const table = buildReverseTable(entries, new Map());
    expect(table.get('ningxia')).toEqual(['宁夏']);
    expect(table.get('ningxia hui')?.[0]).toBe('宁夏回族自治区');
    expect(table.get('ningxia hui')).toContain('宁夏');
    expect(table.get('wine')).toEqual(['葡萄酒']);
  });
});

describe('two names of one thing', () => {
  it('finds a headword by either name a sense gives it ("Yellow River or Huang He"), not a person\'s name variants', () => {
    expect(dictionary.lookup(['yellow', 'river'])).toContain('黄河');
    expect(dictionary.lookup(['huang', 'he'])).toContain('黄河');
    expect(dictionary.lookup(['wechat'])).toContain('微信');
    expect(dictionary.lookup(['kuomintang'])).toContain('国民党');
    expect(alternativeNames('Clark or Clarke (name)')).toEqual(['Clark or Clarke (name)']);
    expect(alternativeNames('to cry or weep')).toEqual(['to cry or weep']);
    const table = buildReverseTable([{ traditional: '黃河', simplified: '黄河', pinyin: 'Huang2 He2', senses: ['Yellow River or Huang He'] }], new Map());
    expect([table.get('yellow river'), table.get('huang he'), table.get('yellow river or huang he')]).toEqual([['黄河'], ['黄河'], undefined]);
  });
});

describe('wider look-ups', () => {
  it('reads a lone word with points as an abbreviation in any case, and one among words as its letters', () => {
    for (const written of ['U.S.', 'u.s.', 'u.s', 'U.S']) expect(dictionary.lookup([written]), written).toEqual(dictionary.abbreviations('US'));
    expect(dictionary.lookup(['U.S.'])).toContain('美国');
    expect(dictionary.lookup(['U.S.', 'dollar'])).toEqual(dictionary.lookup(['US', 'dollar']));
    expect(dictionary.lookup(['U.S.', 'dollar'])).toContain('美元');
  });

  it('finds a word of a short definition, after the definitions that are the word', () => {
    const summit = dictionary.lookup(['summit']);
    expect(summit[0]).toBe('顶端');
    expect(buildReverseTable([{ traditional: '峰會', simplified: '峰会', pinyin: 'feng1 hui4', senses: ['summit meeting'] }], new Map()).get('summit')).toEqual(['峰会']);
  });

  it('gives a word up to as many candidates as a key keeps, more than the six searched as a rule', () => {
    // The expander searches the first six; the rest are in reserve, for the corpus to vouch for (栽培, 执教 for train).
    const train = dictionary.lookup(['train']);
    expect(train.length).toBeGreaterThan(8);
    expect(train.length).toBeLessThanOrEqual(MAX_PER_KEY);
    expect(train.slice(6)).toContain('栽培');
  });

  it('gives a noun of action its verb\'s senses in turns with its own (CC-CEDICT defines 合作 as "to cooperate")', () => {
    expect(dictionary.lookup(['cooperation'])).toContain('合作');
    expect(dictionary.lookup(['investment'])).toContain('投资');
    // irrigation's own words are six of a longer sense (渠道, "irrigation ditch"); the verb's 灌溉 comes second, not ninth.
    expect(dictionary.lookup(['irrigation']).indexOf('灌溉')).toBe(1);
  });

  it('never gives a word of a longer sense a headword of four characters: idioms and terms named by the whole sense', () => {
    // "heart-stopping", "hair-raising" (惊心动魄) are no senses of stopping or raising; 基础设施 is infrastructure itself.
    expect(dictionary.lookup(['stopping'])).not.toContain('惊心动魄');
    expect(dictionary.lookup(['stopping'])).toContain('停止');
    expect(dictionary.lookup(['raising'])).not.toContain('惊心动魄');
    expect(dictionary.lookup(['infrastructure'])[0]).toBe('基础设施');
    expect(dictionary.lookup(['preschool', 'education'])).toContain('学前教育');
    // Among verbs too: "to aim too high" (好高骛远) is no verb sense of aim, and an adverb first is no verb.
    expect(dictionary.verbs(['aim'])).not.toContain('好高骛远');
    expect(dictionary.verbs(['aim'])).toContain('对准');
    expect(dictionary.verbs(['anxiously'])).toEqual([]);
  });

  it('reads a noun of action as its verb only where CC-CEDICT gives the verb ("to reduce"), never through a word that is no verb', () => {
    // petit (of "petit bourgeois", 小资), apart (除了), plant the noun (植物), present the noun (礼物), state the
    // nation (社稷), ship the vessel (船只), implement the tool (器具) are no verbs of these nouns.
    const read = (word: string): string[] => dictionary.lookup([word]);
    expect(read('petition')).not.toContain('小资');
    expect(read('apartment')).not.toContain('除了');
    expect(read('plantation')).not.toContain('植物');
    expect(read('presentation')).not.toContain('礼物');
    expect(read('statement')).not.toContain('社稷');
    expect(read('shipment')).not.toContain('船只');
    expect(read('implementation')).not.toContain('器具');
    // Endings other than -ation: reduction → reduce, production → produce, restoration → restore,
    // consumption → consume, description → describe, decision → decide, expansion → expand.
    expect(read('reduction')).toContain('降低');
    expect(read('production')).toContain('生产');
    expect(read('restoration')).toContain('修复');
    expect(read('consumption')).toContain('消费');
    expect(read('description')).toContain('描述');
    expect(read('decision')).toContain('决定');
    expect(read('expansion')).toContain('扩大');
    // In the plural as in the singular: deductions is "to deduct" (扣除), whose noun has no sense of its own.
    for (const word of ['deduction', 'reduction', 'investment', 'decision', 'expansion']) expect(read(`${word}s`)).toEqual(read(word));
    expect(read('deductions')).toContain('扣除');
  });

  it('gives an inflected word its base verb\'s senses in turns with its own (reducing: 还原剂 "reducing agent", then reduce\'s 降低)', () => {
    expect(dictionary.lookup(['reducing']).slice(0, 3)).toContain('降低');
    expect(dictionary.lookup(['strengthening']).slice(0, 3)).toEqual(expect.arrayContaining(['强化']));
    expect(dictionary.lookup(['preventing']).slice(0, 3)).toContain('防止');
    // A doubled consonant (cutting → cut) and -ied (supplied → supply).
    expect(dictionary.lookup(['cutting'])).toContain('缩减');
    expect(dictionary.lookup(['supplied']).slice(0, 4)).toContain('供应');
    // The word's own first entry stays first, and a word that is no inflection is looked up as it is.
    expect(dictionary.lookup(['training'])[0]).toBe('训练');
    expect(dictionary.lookup(['housing'])[0]).toBe('住房');
    expect(dictionary.lookup(['earthquakes'])).toEqual(dictionary.lookup(['earthquake']));
  });

  it('gives an irregular past tense, participle or plural its base word\'s senses: grew → grow, sought → seek, wolves → wolf', () => {
    // Each irregular form reaches the first sense of its base, which none of them reached by suffix rules.
    for (const [form, base] of [['grew', 'grow'], ['sought', 'seek'], ['brought', 'bring'], ['built', 'build'], ['spent', 'spend'], ['won', 'win'], ['wolves', 'wolf'], ['crises', 'crisis'], ['criteria', 'criterion']]) {
      const first = dictionary.lookup([base])[0];
      expect(first, base).toBeDefined();
      expect(dictionary.lookup([form]).slice(0, 4), `${form} → ${base}`).toContain(first);
    }
    // A form that is a word of its own keeps its own first entry first (rose, the flower; fell, to fell trees).
    expect(dictionary.lookup(['rise'])).not.toContain(dictionary.lookup(['rose'])[0]);
    expect(dictionary.lookup(['rose'])).toContain(dictionary.lookup(['rise'])[0]);
  });

  it('reads a phrasal verb inflected on its first word as the verb: carried out → carry out, laid off → lay off', () => {
    for (const [inflected, base] of [['carried out', 'carry out'], ['stepped up', 'step up'], ['setting up', 'set up'], ['laid off', 'lay off'], ['phased out', 'phase out']]) {
      const senses = dictionary.lookup(words(base));
      expect(senses.length, base).toBeGreaterThan(0);
      expect(dictionary.lookup(words(inflected)), inflected).toEqual(senses);
    }
    // A head the dictionary knows as written is not replaced by its base form's.
    expect(dictionary.lookup(words('base stations'))).toContain('基站');
  });

  it('reads a comparative or superlative CC-CEDICT lacks as its adjective, and leaves a word it has alone', () => {
    expect(dictionary.lookup(['stronger'])).toEqual(dictionary.lookup(['strong']));
    expect(dictionary.lookup(['poorest'])).toEqual(dictionary.lookup(['poor']));
    expect(dictionary.lookup(['richer'])).toEqual(dictionary.lookup(['rich']));
    expect(dictionary.lookup(['happier'])).toEqual(dictionary.lookup(['happy']));
    // number is no comparative of numb, nor center of cent.
    expect(dictionary.lookup(['number'])).not.toEqual(expect.arrayContaining(dictionary.lookup(['numb']).slice(0, 1)));
    expect(dictionary.lookup(['center'])[0]).toBe('中心');
  });
});

describe('the dictionary cache', () => {
  it('is written on the first load and opened on the next with the same answers', () => {
    expect(dictionary.origin).toBe('built');
    expect(dictionary.cacheFile).toBe(path.join(dir, DICTIONARY_CACHE_FILE));
    const reopened = loadDictionary({ cacheDir: dir });
    expect(reopened.origin).toBe('cache');
    expect(reopened.keys).toBe(dictionary.keys);
    for (const phrase of SAMPLE) expect(reopened.lookup(words(phrase))).toEqual(dictionary.lookup(words(phrase)));
  });

  it('names the sha256 of its table in its manifest line, and leaves no temporary file', () => {
    const file = path.join(dir, DICTIONARY_CACHE_FILE);
    const text = readFileSync(file, 'utf8');
    const body = text.slice(text.indexOf('\n') + 1);
    const manifest = JSON.parse(text.slice(1, text.indexOf('\n'))) as Record<string, unknown>;
    expect(manifest.sha256).toBe(createHash('sha256').update(body).digest('hex'));
    expect(Object.keys(manifest).sort()).toEqual(['cedict', 'frequencies', 'sha256', 'version']);
    expect(readdirSync(dir)).toEqual([DICTIONARY_CACHE_FILE]);
  });

  it('opens a cache written before, whose manifest also gives the table\'s length, as it is', () => {
    const older = mkdtempSync(path.join(os.tmpdir(), 'crosslang-dictionary-older-'));
    try {
      const text = readFileSync(path.join(dir, DICTIONARY_CACHE_FILE), 'utf8');
      const body = text.slice(text.indexOf('\n') + 1);
      const manifest = { ...(JSON.parse(text.slice(1, text.indexOf('\n'))) as Record<string, unknown>), chars: body.length };
      writeFileSync(path.join(older, DICTIONARY_CACHE_FILE), `#${JSON.stringify(manifest)}\n${body}`);
      const reopened = loadDictionary({ cacheDir: older, onRebuild: () => {} });
      expect(reopened.origin).toBe('cache');
      expect(reopened.lookup(['cookware'])).toEqual(dictionary.lookup(['cookware']));
    } finally {
      rmSync(older, { recursive: true, force: true });
    }
  });

  it('says from its first line and the sha256 of the rest (what a start hashes on a second thread) why a damaged cache would be rebuilt, and nothing for an intact or missing one', () => {
    const file = path.join(dir, DICTIONARY_CACHE_FILE);
    const text = readFileSync(file, 'utf8');
    /** The claim's verdict, the rest of the file hashed as a second thread would hash it; or the claim's reason. */
    const judged = (): string | null => {
      const claim = dictionaryCacheClaim(dir);
      return 'verdict' in claim ? claim.verdict(hashParts([{ file: claim.file, from: claim.tableStart }])) : claim.reason;
    };
    try {
      expect(judged()).toBeNull();
      expect(loadDictionary({ cacheDir: dir }).origin).toBe('cache');
      const firstLine = text.slice(0, text.indexOf('\n'));
      const at = text.indexOf('\ntea\t') + 1;
      const damaged: Array<[string, RegExp]> = [
        [text.slice(0, at) + 'tee' + text.slice(at + 3), /truncated or edited/],
        [text.slice(0, text.indexOf('\nsnow\t') + 1), /truncated or edited/],
        [text.replace(firstLine, firstLine.replace(/"size":\d+/, '"size":1')), /other sources/],
        [text.slice(0, 40), /no manifest line/],
        ['', /no manifest line/],
      ];
      for (const [content, why] of damaged) {
        writeFileSync(file, content);
        const reason = judged();
        expect(reason, content.slice(0, 50)).toMatch(why);
        expect(reason).toContain(file);
      }
      rmSync(file);
      expect(judged()).toBeNull();
      expect(dictionaryCacheClaim(dir)).toEqual({ reason: null });
    } finally {
      writeFileSync(file, text);
    }
  });

  it('is rebuilt when its manifest does not match the sources', { tags: ['slow'] }, () => {
    const file = path.join(dir, DICTIONARY_CACHE_FILE);
    const text = readFileSync(file, 'utf8');
    const firstLine = text.slice(0, text.indexOf('\n'));
    expect(firstLine).toContain(String(locateCedict().size));
    writeFileSync(file, text.replace(firstLine, firstLine.replace(/"size":\d+/, '"size":1')));
    const reasons: string[] = [];
    const rebuilt = loadDictionary({ cacheDir: dir, onRebuild: (reason) => reasons.push(reason) });
    expect(rebuilt.origin).toBe('rebuilt');
    expect(rebuilt.reason).toMatch(/other sources/);
    expect(reasons).toEqual([rebuilt.reason]);
    expect(rebuilt.lookup(['cookware'])).toEqual(dictionary.lookup(['cookware']));
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('is rebuilt when truncated, saying so, so that wheat, tea and snow translate again', { tags: ['slow'] }, () => {
    const file = path.join(dir, DICTIONARY_CACHE_FILE);
    const text = readFileSync(file, 'utf8');
    const lost = ['snow', 'tea', 'wheat'];
    for (const word of lost) expect(dictionary.lookup([word]).length, word).toBeGreaterThan(0);
    // Cut the file where the line of `snow` starts: every key after it in the sorted table is gone.
    writeFileSync(file, text.slice(0, text.indexOf('\nsnow\t') + 1));
    const reasons: string[] = [];
    const rebuilt = loadDictionary({ cacheDir: dir, onRebuild: (reason) => reasons.push(reason) });
    expect(rebuilt.origin).toBe('rebuilt');
    expect(rebuilt.reason).toContain(file);
    expect(rebuilt.reason).toMatch(/truncated or edited/);
    expect(reasons).toEqual([rebuilt.reason]);
    for (const word of lost) expect(rebuilt.lookup([word]), word).toEqual(dictionary.lookup([word]));
    expect(readFileSync(file, 'utf8')).toBe(text);
    const reopened = loadDictionary({ cacheDir: dir });
    expect([reopened.origin, reopened.reason]).toEqual(['cache', null]);
  });

  it('is rebuilt when an entry is edited in place or the manifest line is cut off', { tags: ['slow'] }, () => {
    const file = path.join(dir, DICTIONARY_CACHE_FILE);
    const text = readFileSync(file, 'utf8');
    const at = text.indexOf('\ntea\t') + 1;
    const damaged = [text.slice(0, at) + 'tee' + text.slice(at + 3), text.slice(0, 40), ''];
    for (const content of damaged) {
      writeFileSync(file, content);
      const rebuilt = loadDictionary({ cacheDir: dir, onRebuild: () => undefined });
      expect(rebuilt.origin, content.slice(0, 50)).toBe('rebuilt');
      expect(rebuilt.lookup(['tea'])).toEqual(dictionary.lookup(['tea']));
      expect(readFileSync(file, 'utf8')).toBe(text);
    }
  });
});

describe('CC-CEDICT source errors', () => {
  it('reports a missing data file and a data file of another shape with codes', () => {
    expect(() => locateCedict('/nonexistent/all.js')).toThrow(expect.objectContaining({ code: 'CROSSLANG_CEDICT_MISSING' }));
    let caught: unknown;
    try {
      parseCedictModule('export default {"entries": []}');
    } catch (error) {
      caught = error;
    }
    expect(isCrossLangError(caught, 'CROSSLANG_CEDICT_INVALID')).toBe(true);
  });
});

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

describe('the sorted table', () => {
  it('leaves out a key UTF-8 cannot hold (a lone surrogate), and finds the rest', () => {
    const table = openSortedTable(serializeTable(new Map([['a\uD800', ['甲']], ['𠀀', ['乙']], ['\uFFFF', ['丙']]])));
    expect(table.size).toBe(2);
    expect(table.get('a\uD800')).toEqual([]);
    expect(table.get('𠀀')).toEqual(['乙']); // beyond the BMP: after U+FFFF in UTF-8, before it in UTF-16
    expect(table.get('\uFFFF')).toEqual(['丙']);
  });

  it('finds every key it was built from and nothing else', () => {
    // Any Unicode text (characters beyond the BMP, whose UTF-16 and UTF-8 orders differ, included), control
    // characters below the tab (the prefixes of the gloss, paraphrase and character entries) too.
    const key = fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }).filter((k) => !/[\t\n]/.test(k) && !LONE_SURROGATE.test(k));
    const value = fc.array(fc.string({ minLength: 1, maxLength: 4 }).filter((v) => !/[\s]/.test(v)), { maxLength: 3 });
    fc.assert(
      fc.property(fc.dictionary(key, value), fc.oneof(key, fc.constantFrom('', '\u0001', '\u0002a')), (record, probe) => {
        const map = new Map(Object.entries(record));
        const table = openSortedTable(serializeTable(map));
        for (const [k, v] of map) expect(table.get(k)).toEqual(v);
        if (!map.has(probe)) expect(table.get(probe)).toEqual([]);
      }),
    );
  });
});

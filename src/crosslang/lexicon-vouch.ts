/**
 * Who may vouch for a phrase pair the parallel reports show once: a term a report names once or twice is
 * learned from its one aligned sentence pair only when the dictionary agrees with it (one of the English
 * side's dictionary senses shares a character with its Chinese: `marine` ↔ 海洋经济 beside 海产, `deficit` ↔
 * 赤字) or knows nothing of the English side (`unswervingly` ↔ 毫不动摇, `Beidou` ↔ 北斗). Of a phrase it does
 * not know, the words speak: one of them must agree, unless it knows none (`33 million` ↔ 脱贫人口务工 is out). Rare words are what
 * IBM Model 1 aligns worst: in a small corpus a rare English word soaks up whichever rare Chinese word shares
 * its sentence (`latest` ↔ 建筑), and there the dictionary disagrees. Pure over a loaded dictionary.
 */
import { DICTIONARY_VERSION, type Dictionary } from './dictionary.js';
import { CHINESE_STOPWORDS } from './learn.js';

/** A judge of pairs seen once: its name (written to the lexicon's header) and its verdict. */
export interface RareVouch {
  by: string;
  /** True when the pair of these English words (lowercase, singular) and this Chinese may be learned from one sentence. */
  vouches(en: readonly string[], zh: string): boolean;
}

const HAN = /\p{Script=Han}/u;

/** A character shared with a sense is evidence when it carries meaning: 是 of 更是 ("more") says nothing of 稳是. */
const meaningful = (ch: string): boolean => HAN.test(ch) && !CHINESE_STOPWORDS.has(ch);

/**
 * The dictionary as a judge of pairs seen once: it vouches where it is silent on the English or one of its
 * senses shares a Han character with the Chinese.
 * @example dictionaryVouch(dictionary).vouches(['latest'], '建筑') // false: 最新, 新式, … share no character
 */
export function dictionaryVouch(dictionary: Pick<Dictionary, 'lookup'>): RareVouch {
  return {
    by: DICTIONARY_VERSION,
    vouches(en, zh) {
      const characters = new Set([...zh].filter(meaningful));
      const agrees = (senses: readonly string[]): boolean => senses.some((sense) => [...sense].some((ch) => characters.has(ch)));
      const whole = dictionary.lookup([...en]);
      if (whole.length > 0 || en.length === 1) return whole.length === 0 || agrees(whole);
      // Silent on the phrase: its words speak, one of them agreeing, or none known.
      const words = en.map((word) => dictionary.lookup([word]));
      return words.every((senses) => senses.length === 0) || words.some(agrees);
    },
  };
}

/**
 * `dictionaryVouch` over a dictionary opened only when a pair seen once is first judged: a lexicon read back
 * from its file, or learned from pairs each seen twice, never opens it.
 * @example lazyDictionaryVouch(() => loadDictionary({ cacheDir: 'index' })).by // 'crosslang-dictionary/24'
 */
export function lazyDictionaryVouch(open: () => Pick<Dictionary, 'lookup'>): RareVouch {
  let judge: RareVouch | null = null;
  return {
    by: DICTIONARY_VERSION,
    vouches: (en, zh) => (judge ??= dictionaryVouch(open())).vouches(en, zh),
  };
}

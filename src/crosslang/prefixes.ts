/**
 * English prefixes written with a hyphen before a word (`non-public`, `post-pandemic`, `cross-border`,
 * `under-developed`) and the Chinese morphemes that say the same before a word (非公有, 后疫情, 跨区域, 欠发达);
 * the suffix `-less`, which Chinese writes before the word too (`cashless` 无现金); and the words policy English
 * writes after a hyphen as suffixes (`employment-first`, `innovation-driven`), with what Chinese writes after the
 * word for them (就业优先, 创新驱动).
 * Read apart, the prefix is a word of its own in the dictionaries (`non` → 有色金属 of "non-ferrous metals",
 * `post` → 岗位 "a post", `over` and `under` stopwords), and the word after it alone may say the opposite
 * (`under-developed` is not `developed`). Pure data and functions.
 */
import type { Sense } from './expand.js';

/** What a prefix means: the morphemes Chinese writes before a word for it, and whether it turns the word around. */
export interface PrefixMeaning {
  morphemes: readonly string[];
  /** True when the word without the prefix says the opposite (`non-`, `anti-`, `under-`): not a sense of the whole. */
  negates: boolean;
}

/**
 * `prefix morpheme`, a `!` after the prefix when it negates the word (`/` would separate more morphemes). One
 * morpheme each, the one Chinese writes most often (非, 跨, 再): every morpheme is also the first character of
 * the concept's senses, which abbreviations of neighbouring concepts are composed from (`search/compounds.ts`),
 * so a second one (不 beside 非) brings noise like 不高 for `non-performing loans` and finds little.
 */
const TABLE = `
non! 非 anti! 反 counter! 反 un! 不 under! 欠 de! 去 dis! 不
post 后 pre 前 cross 跨 trans 跨 multi 多 inter 跨 intra 内 sub 次 self 自 semi 半 over 过 re 再
co 共 ex 前 mid 中 ultra 超 super 超 extra 超 mini 微 micro 微 mega 超大 pan 泛 pro 亲 neo 新
quasi 准 vice 副 bi 双 tri 三 uni 单 mono 单 out 外 inner 内 outer 外 all 全 eco 生态 bio 生物 cyber 网络 tele 远程`;

const PREFIXES: ReadonlyMap<string, PrefixMeaning> = new Map(
  Array.from(TABLE.matchAll(/([a-z]+)(!?) (\S+)/g), (m) => [m[1] ?? '', { morphemes: (m[3] ?? '').split('/'), negates: m[2] === '!' }]),
);

/**
 * Prefixes that are no English word of their own, so a space may stand for the hyphen (`non public`,
 * `anti corruption`). Not the two-letter ones (`co`, `de`, `un`, `bi`: `Co` is also company).
 */
const BOUND = new Set('non anti multi inter intra semi pre mid ultra extra mini micro mega pan neo quasi tri uni mono eco bio cyber tele'.split(' '));

/**
 * True for a prefix that may also be written apart from its word, with a space.
 * @example standsApart('non') // true
 * @example standsApart('cross') // false
 */
export function standsApart(lower: string): boolean {
  return BOUND.has(lower);
}

/** The shortest word a prefix may be taken off, so that `interest` is no inter + est. */
const MIN_REST = 4;

/**
 * A word written with its prefix joined (`postpandemic`, `nonfossil`, `overcapacity`) split into what the
 * prefix means and the rest, the longest prefix first; [] when it begins with none or the rest is shorter than
 * four letters.
 * @example joinedPrefixes('nonfossil') // [[{ morphemes: ['非'], negates: true }, 'fossil']]
 */
export function joinedPrefixes(lower: string): Array<[meaning: PrefixMeaning, rest: string]> {
  const splits: Array<[string, PrefixMeaning, string]> = [];
  for (const [prefix, meaning] of PREFIXES) {
    const rest = lower.slice(prefix.length);
    if (lower.startsWith(prefix) && rest.length >= MIN_REST) splits.push([prefix, meaning, rest]);
  }
  return splits.sort((a, b) => b[0].length - a[0].length).map(([, meaning, rest]) => [meaning, rest]);
}

/** `-less`, a suffix Chinese writes as a morpheme before the word: `cashless` 无现金, `landless` 无地. */
const LESS: PrefixMeaning = { morphemes: ['无'], negates: true };
/** The shortest word `-less` may be taken off (`job` of `jobless`). */
const MIN_LESS_REST = 3;

/**
 * A word ending in `-less` (`cashless`, `childless`) as the morpheme that says "without" and the word before
 * the suffix; null for any other word.
 * @example lessWord('cashless') // [{ morphemes: ['无'], negates: true }, 'cash']
 */
export function lessWord(lower: string): [PrefixMeaning, string] | null {
  const rest = lower.endsWith('less') ? lower.slice(0, -4) : '';
  return rest.length >= MIN_LESS_REST ? [LESS, rest] : null;
}

/**
 * What a lowercased word means as a hyphenated prefix, or undefined when it is none.
 * @example prefixMeaning('non')?.morphemes // ['非']
 */
export function prefixMeaning(lower: string): PrefixMeaning | undefined {
  return PREFIXES.get(lower);
}

/** The senses of the word after a prefix that a prefixed sense is built on. */
const BUILT_ON = 4;
/** A sense of the word without its prefix, for a prefix that does not turn it around, weighs this share. */
const UNPREFIXED_SHARE = 0.5;

/**
 * The senses of a prefixed word built from its prefix's morphemes and the first senses of the word after it
 * (后 + 疫情 → 后疫情), as likely as the sense each is built on; the corpus then keeps those it holds.
 * @example builtSenses({ morphemes: ['再'], negates: false }, [{ term: '贷款', source: 'glossary', weight: 1 }]).map((s) => s.term) // ['再贷款']
 */
export function builtSenses(prefix: PrefixMeaning, senses: readonly Sense[]): Sense[] {
  return prefix.morphemes.flatMap((m) =>
    senses.slice(0, BUILT_ON).flatMap((s): Sense[] => (s.term.startsWith(m) ? [] : [{ term: m + s.term, source: 'compound', weight: s.weight }])),
  );
}

/**
 * The senses of a prefixed word written with a hyphen (`post-pandemic`): the built ones (`builtSenses`), then,
 * when the prefix does not turn the word around, the word's own senses at half their weight (`cross-regional`
 * is still 区域); a negating prefix's word is only a fallback (`non-public` is not 公共).
 * @example prefixedSenses({ morphemes: ['后'], negates: false }, [{ term: '疫情', source: 'glossary', weight: 1 }]).map((s) => s.term) // ['后疫情', '疫情']
 */
export function prefixedSenses(prefix: PrefixMeaning, senses: readonly Sense[]): Sense[] {
  const own = prefix.negates ? [] : senses.map((s) => ({ ...s, weight: s.weight * UNPREFIXED_SHARE }));
  return [...builtSenses(prefix, senses), ...own];
}

/**
 * `word morpheme…`: a word that, after a hyphen, says what a Chinese word written after the other one says
 * (`employment-first` 就业优先, `consumption-led` 消费主导, `innovation-driven` 创新驱动), where the word alone
 * means something else (`first` 第一, `led` 领导, `driven` 驾驶). Only words whose own senses miss it
 * (`-oriented` has 导向, `-intensive` 密集, `-friendly` 友好), and no single character, which a passage holds
 * everywhere (级 of `provincial-level`, 有 of `state-owned`).
 */
const SUFFIX_TABLE = `first 优先 led 主导/引领 driven 驱动`;

const SUFFIXES: ReadonlyMap<string, readonly string[]> = new Map(
  Array.from(SUFFIX_TABLE.matchAll(/([a-z]+) (\S+)/g), (m) => [m[1] ?? '', (m[2] ?? '').split('/')]),
);

/**
 * The morphemes a word says after a hyphen (`first` of `employment-first`: 优先), or [] when it is no such suffix.
 * @example suffixMorphemes('first') // ['优先']
 */
export function suffixMorphemes(lower: string): readonly string[] {
  return SUFFIXES.get(lower) ?? [];
}

/**
 * Competitive linking (Melamed 2000, "Models of translational equivalence among words"): in each sentence
 * pair, the English and Chinese words are linked one to one, the most strongly associated pair first, each
 * word at most once, and only pairs whose association is significant. Association is Dunning's log-likelihood
 * ratio (G²) of the two words' sentence co-occurrence, which discounts a word that is frequent on its own side:
 * 增长 stands in many sentences that say `percent`, but `percent` stands with `%` in all of them, so `%` wins
 * `percent` and 增长 is left for `grew` or `growth`. Pure and deterministic.
 */
import { type Alignment, type TokenizedPair, Vocabulary } from './align.js';

/** G² above which a pair of words is linked: p < 0.001 with one degree of freedom. */
export const MIN_ASSOCIATION = 10.83;

const xlogx = (x: number): number => (x > 0 ? x * Math.log(x) : 0);

/**
 * Dunning's log-likelihood ratio G² of a 2 × 2 table of sentences: `both` hold the two words, `a` the first,
 * `b` the second, of `total`; 0 when they occur together less often than chance would have it.
 * @example logLikelihood(2, 2, 2, 863) > 10.83 // true: two rare words always together
 */
export function logLikelihood(both: number, a: number, b: number, total: number): number {
  if (both * total <= a * b) return 0;
  const cells = [both, a - both, b - both, total - a - b + both];
  const sum = cells.reduce((s, k) => s + xlogx(k), 0);
  return 2 * (sum - xlogx(a) - xlogx(total - a) - xlogx(b) - xlogx(total - b) + xlogx(total));
}

/** The sentences' words numbered by one vocabulary (from 1: see `Vocabulary`), and its size. */
function numbered(sentences: ReadonlyArray<readonly string[]>): { ids: Int32Array[]; size: number } {
  const vocabulary = new Vocabulary();
  return { ids: sentences.map((words) => vocabulary.sentence(words)), size: vocabulary.size };
}

/** In how many sentences each word, and each pair of words (`en * zhSize + zh`), occurs (once a sentence). */
function sentenceCounts(en: Int32Array[], zh: Int32Array[], enSize: number, zhSize: number): { en: Int32Array; zh: Int32Array; both: Map<number, number> } {
  const enCounts = new Int32Array(enSize);
  const zhCounts = new Int32Array(zhSize);
  const both = new Map<number, number>();
  en.forEach((enIds, s) => {
    const enWords = [...new Set(enIds)];
    const zhWords = [...new Set(zh[s] ?? [])];
    for (const e of enWords) enCounts[e] += 1;
    for (const z of zhWords) zhCounts[z] += 1;
    for (const e of enWords) for (const z of zhWords) both.set(e * zhSize + z, (both.get(e * zhSize + z) ?? 0) + 1);
  });
  return { en: enCounts, zh: zhCounts, both };
}

/**
 * The one-to-one links of each sentence pair: cells by descending G² (ties: nearer the diagonal, then
 * earlier), a cell linked when neither of its words is yet and its G² reaches `minAssociation`.
 * @example competitiveLinks([{ en: ['tax'], zh: ['税'] }, { en: ['tax', 'cut'], zh: ['减', '税'] }])[1] // [[0, 1]]
 */
export function competitiveLinks(pairs: readonly TokenizedPair[], minAssociation = MIN_ASSOCIATION): Alignment[] {
  const en = numbered(pairs.map((p) => p.en));
  const zh = numbered(pairs.map((p) => p.zh));
  const counts = sentenceCounts(en.ids, zh.ids, en.size, zh.size);
  const total = pairs.length;
  const scoreOf = (e: number, z: number): number => logLikelihood(counts.both.get(e * zh.size + z) ?? 0, counts.en[e] ?? 0, counts.zh[z] ?? 0, total);
  return pairs.map((_, s) => {
    const enIds = en.ids[s] as Int32Array;
    const zhIds = zh.ids[s] as Int32Array;
    const m = enIds.length;
    const n = zhIds.length;
    const cells: Array<{ i: number; j: number; score: number; skew: number }> = [];
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        const score = scoreOf(enIds[i] as number, zhIds[j] as number);
        if (score >= minAssociation) cells.push({ i, j, score, skew: Math.abs((i + 0.5) / m - (j + 0.5) / n) });
      }
    }
    cells.sort((a, b) => b.score - a.score || a.skew - b.skew || a.i - b.i || a.j - b.j);
    const enLinked = new Uint8Array(m);
    const zhLinked = new Uint8Array(n);
    const links: Alignment = [];
    for (const { i, j } of cells) {
      if (enLinked[i] || zhLinked[j]) continue;
      enLinked[i] = 1;
      zhLinked[j] = 1;
      links.push([i, j]);
    }
    return links.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  });
}

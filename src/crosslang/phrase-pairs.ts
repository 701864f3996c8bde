/**
 * Phrase pairs from word-aligned sentence pairs: every English span of 1–4 content words and Chinese span
 * of 1–3 contiguous words whose alignment points stay inside the pair (consistent; the Chinese span begins
 * and ends on aligned words, the English one begins on one and may end on unaligned words, so
 * `high quality development` ↔ `高质量发展` is found even where `development` went to no word), never across
 * a comma or other break. A pair must be seen twice, unless both its sides are rare (a term named once or
 * twice in the reports, in one aligned sentence pair) and the caller's `vouch` agrees (`lexicon-vouch.ts`).
 * Pairs are scored by relative frequency combined with the Model 1 lexical probabilities of both directions.
 */
import type { AlignedCorpus, Alignment, TokenizedPair } from './align.js';
import { compare as compareStrings } from './sorted-table.js';
import { MIN_ASSOCIATION, competitiveLinks, logLikelihood } from './competitive-links.js';

/** A tokenized sentence pair with the segment of each word: a phrase never spans two segments. */
export interface SegmentedPair extends TokenizedPair {
  /** Segment id of each English word (same length as `en`); absent: one segment. */
  enSegments?: number[];
  /** Segment id of each Chinese word (same length as `zh`); absent: one segment. */
  zhSegments?: number[];
}

/** Limits and thresholds of phrase extraction and scoring, written to the lexicon header. */
export interface PhraseParams {
  maxEnWords: number;
  maxZhWords: number;
  /** Pairs seen fewer times are dropped, except strong single words and pairs of rare sides (`rareSentences`). */
  minCount: number;
  /**
   * A pair seen fewer than `minCount` times is kept when each of its sides occurs in at most this many
   * sentences (0: never) and the extraction's `vouch` agrees (`lexicon-vouch.ts`): a term a report names once
   * or twice (`marine` ↔ 海洋经济), not a frequent word the alignment of one sentence tied to another (`home` ↔ 需要).
   */
  rareSentences: number;
  /** A single-word pair seen once is kept when both Model 1 probabilities reach this. */
  strongSingle: number;
  /** Pairs whose two lexical weights have a smaller geometric mean are dropped (noise of loose sentence alignments). */
  minLexical: number;
  /** Candidates with a smaller p are dropped… */
  minP: number;
  /** …and at most this many are kept per key. */
  maxPerKey: number;
  /**
   * A span pair whose words competitive linking (links of at least this G², `competitive-links.ts`) joins
   * to other words counts only when it links two of its own; 0: every consistent span pair counts.
   */
  minLinkAssociation: number;
  /** A phrase pair whose two sides' sentence co-occurrence has a smaller G² is dropped (where it can be reached); 0: none is. */
  minPairAssociation: number;
}

export const DEFAULT_PHRASE_PARAMS: PhraseParams = {
  maxEnWords: 4, maxZhWords: 3, minCount: 2, rareSentences: 2, strongSingle: 0.5, minLexical: 0.03, minP: 0.02, maxPerKey: 6, minLinkAssociation: MIN_ASSOCIATION, minPairAssociation: MIN_ASSOCIATION,
};

/** Word spans of one phrase pair, end exclusive. */
export interface SpanPair {
  en: [number, number];
  zh: [number, number];
}

/** A scored phrase pair: English words (keys), Chinese words (keys), how often extracted, p(zh | en). */
export interface ScoredPair {
  en: string[];
  zh: string[];
  count: number;
  p: number;
}

function sameSegment(segments: number[] | undefined, start: number, end: number): boolean {
  return segments === undefined || segments.slice(start, end).every((s) => s === segments[start]);
}

/**
 * The consistent phrase pairs of one aligned sentence pair, English span first, in span order.
 * @example extractSpanPairs({ en: ['tax', 'cut'], zh: ['减税'] }, [[0, 0], [1, 0]], DEFAULT_PHRASE_PARAMS) // [{ en: [0, 2], zh: [0, 1] }]
 */
export function extractSpanPairs(pair: SegmentedPair, alignment: Alignment, params: PhraseParams): SpanPair[] {
  const m = pair.en.length;
  const byEn: number[][] = Array.from({ length: m }, () => []);
  const byZh: number[][] = Array.from({ length: pair.zh.length }, () => []);
  for (const [i, j] of alignment) {
    byEn[i].push(j);
    byZh[j].push(i);
  }
  const spans: SpanPair[] = [];
  for (let e1 = 0; e1 < m; e1++) {
    if (byEn[e1].length === 0) continue;
    for (let e2 = e1 + 1; e2 <= Math.min(m, e1 + params.maxEnWords); e2++) {
      if (!sameSegment(pair.enSegments, e1, e2)) break;
      const points = byEn.slice(e1, e2).flat();
      const f1 = points.reduce((low, x) => Math.min(low, x), Infinity);
      const f2 = points.reduce((high, x) => Math.max(high, x), -Infinity) + 1;
      if (f2 - f1 > params.maxZhWords || !sameSegment(pair.zhSegments, f1, f2)) continue;
      const consistent = byZh.slice(f1, f2).every((is) => is.every((i) => i >= e1 && i < e2));
      if (consistent) spans.push({ en: [e1, e2], zh: [f1, f2] });
    }
  }
  return spans;
}

/** Geometric mean over `targets` of the best t(target | source) among `sources`. */
function lexicalWeight(prob: (source: string, target: string) => number, sources: string[], targets: string[]): number {
  const logs = targets.map((t) => Math.log(sources.reduce((best, s) => Math.max(best, prob(s, t)), 1e-12)));
  return Math.exp(logs.reduce((a, b) => a + b, 0) / targets.length);
}

interface Tally {
  en: string[];
  zh: string[];
  count: number;
}

/**
 * True when the links allow a span pair: one of them lies inside both spans, or none touches either (where
 * no association is significant, as in a small corpus, competitive linking has no say).
 */
function linksAllow(span: SpanPair, links: Alignment): boolean {
  const inEn = (i: number): boolean => i >= span.en[0] && i < span.en[1];
  const inZh = (j: number): boolean => j >= span.zh[0] && j < span.zh[1];
  return links.some(([i, j]) => inEn(i) && inZh(j)) || !links.some(([i, j]) => inEn(i) || inZh(j));
}

/**
 * Collect every extracted pair with its count, keyed `en<TAB>zh`, in order of first extraction, and how often
 * each English key was extracted in all. With a link threshold, a span pair whose words competitive linking
 * joins to others counts only when it joins two of its words too (`percent` ↔ 增长, consistent with an
 * alignment that gave `percent` to nothing, is no pair where `percent` is linked to `%` and 增长 to `grew`);
 * the key's total still counts every extraction, so the pairs kept have the share of them they had.
 */
function tallyPairs(pairs: SegmentedPair[], corpus: AlignedCorpus, params: PhraseParams): { tallies: Map<string, Tally>; enTotals: Map<string, number> } {
  const tallies = new Map<string, Tally>();
  const enTotals = new Map<string, number>();
  const links = params.minLinkAssociation > 0 ? competitiveLinks(pairs, params.minLinkAssociation) : null;
  pairs.forEach((pair, s) => {
    for (const span of extractSpanPairs(pair, corpus.alignments[s], params)) {
      const en = pair.en.slice(...span.en);
      const enKey = en.join(' ');
      enTotals.set(enKey, (enTotals.get(enKey) ?? 0) + 1);
      if (links !== null && !linksAllow(span, links[s] ?? [])) continue;
      const zh = pair.zh.slice(...span.zh);
      const key = `${enKey}\t${zh.join('')}`; // 就业 优先 and 就业优先 are one pair
      const tally = tallies.get(key) ?? { en, zh, count: 0 };
      tally.count++;
      tallies.set(key, tally);
    }
  });
  return { tallies, enTotals };
}

/**
 * The sentences each `wanted` run of up to `max` words occurs in, keyed by the words joined with `separator`
 * (only the runs some pair has as a side: the others are never asked about).
 */
function sentencesOf(sentences: ReadonlyArray<readonly string[]>, max: number, separator: string, wanted: ReadonlySet<string>): Map<string, number[]> {
  const where = new Map<string, number[]>();
  sentences.forEach((words, s) => {
    for (let start = 0; start < words.length; start++) {
      for (let end = start + 1; end <= Math.min(words.length, start + max); end++) {
        const key = words.slice(start, end).join(separator);
        if (!wanted.has(key)) continue;
        const list = where.get(key) ?? [];
        if (list[list.length - 1] !== s) list.push(s);
        where.set(key, list);
      }
    }
  });
  return where;
}

/** The sentences each side of the tallied pairs occurs in: English by its words joined with spaces, Chinese joined. */
interface SideSentences {
  english: Map<string, number[]>;
  chinese: Map<string, number[]>;
}

/**
 * The sentences of every side of the tallied pairs (the Chinese side whatever its split: 就业 优先 and 就业优先 are one).
 */
function sideSentences(pairs: readonly SegmentedPair[], params: PhraseParams, tallies: Iterable<Tally>): SideSentences {
  const sides = [...tallies];
  return {
    english: sentencesOf(pairs.map((p) => p.en), params.maxEnWords, ' ', new Set(sides.map((t) => t.en.join(' ')))),
    chinese: sentencesOf(pairs.map((p) => p.zh), params.maxZhWords, '', new Set(sides.map((t) => t.zh.join('')))),
  };
}

/**
 * Whether a phrase pair's two sides occur in the same sentences more often than chance would have them, by
 * the G² of their sentence co-occurrence (Dunning 1993): `good` ↔ 不断, two frequent words seen together a
 * few times, is not. The test is made only where it can be passed: a pair seen `count` times reaches at most
 * the G² of two sides seen only together, which in a corpus of a few sentences stays below any threshold. The
 * Chinese side is counted whatever its split (就业 优先 and 就业优先 are one side, as they are one pair).
 */
function significance(total: number, params: PhraseParams, sides: SideSentences): (en: string[], zh: string[], count: number) => boolean {
  return (en, zh, count) => {
    if (logLikelihood(count, count, count, total) < params.minPairAssociation) return true;
    const a = sides.english.get(en.join(' ')) ?? [];
    const b = new Set(sides.chinese.get(zh.join('')) ?? []);
    const both = a.filter((s) => b.has(s)).length;
    return logLikelihood(both, a.length, b.size, total) >= params.minPairAssociation;
  };
}

/**
 * Extract, count and score the phrase pairs of an aligned corpus. `keep` rejects pairs whose sides carry no
 * meaning (stopwords, digits); `vouch` decides which pairs of rare sides seen once are kept (none by default). p(zh | en) is the pair's share of all phrase pairs extracted for the English
 * key, discounted by the geometric mean of its two Model 1 lexical weights, so the p of one key sum to at
 * most 1 and a pair the word alignment barely supports gets a low p (held out on the 2025 report, a top
 * translation with p ≥ 0.7 is in the aligned sentence about 3 times in 4, one with p < 0.1 about 1 in 4).
 * Sorted by English key, then p descending, then Chinese words.
 * @example scorePhrasePairs(fiscalAndMonetaryPolicyPairs, alignCorpus(fiscalAndMonetaryPolicyPairs), DEFAULT_PHRASE_PARAMS, () => true)[0] // { en: ['fiscal', 'policy'], zh: ['财政政策'], count: 2, p: 0.7012 }
 */
export function scorePhrasePairs(
  pairs: SegmentedPair[],
  corpus: AlignedCorpus,
  params: PhraseParams,
  keep: (en: string[], zh: string[]) => boolean,
  vouch: (en: string[], zh: string[]) => boolean = () => false,
): ScoredPair[] {
  const byEn = new Map<string, Array<Tally & { weight: number }>>();
  const tallied = tallyPairs(pairs, corpus, params);
  const { enTotals } = tallied;
  const sides = params.minPairAssociation > 0 || params.rareSentences > 0 ? sideSentences(pairs, params, tallied.tallies.values()) : null;
  const significant = sides !== null && params.minPairAssociation > 0 ? significance(pairs.length, params, sides) : null;
  // A pair seen fewer than minCount times, both of whose sides are rare, where `vouch` agrees.
  const rare = (en: string[], zh: string[]): boolean =>
    sides !== null &&
    (sides.english.get(en.join(' '))?.length ?? Infinity) <= params.rareSentences &&
    (sides.chinese.get(zh.join(''))?.length ?? Infinity) <= params.rareSentences &&
    vouch(en, zh);
  for (const t of tallied.tallies.values()) {
    if (!keep(t.en, t.zh) || (significant !== null && !significant(t.en, t.zh, t.count))) continue;
    const forward = lexicalWeight((e, z) => corpus.enToZh.prob(e, z), t.en, t.zh);
    const backward = lexicalWeight((z, e) => corpus.zhToEn.prob(z, e), t.zh, t.en);
    const single = t.en.length === 1 && t.zh.length === 1 && Math.min(forward, backward) >= params.strongSingle;
    if ((t.count < params.minCount && !single && !rare(t.en, t.zh)) || Math.sqrt(forward * backward) < params.minLexical) continue;
    const enKey = t.en.join(' ');
    const weight = (t.count / (enTotals.get(enKey) ?? t.count)) * Math.sqrt(forward * backward);
    byEn.set(enKey, [...(byEn.get(enKey) ?? []), { ...t, weight }]);
  }
  const scored: ScoredPair[] = [];
  for (const enKey of [...byEn.keys()].sort(compareStrings)) {
    const candidates = byEn.get(enKey) ?? [];
    const ranked = candidates
      .map((c) => ({ en: c.en, zh: c.zh, count: c.count, p: Number(c.weight.toPrecision(4)) }))
      .sort((a, b) => b.p - a.p || b.count - a.count || compareStrings(a.zh.join(' '), b.zh.join(' ')))
      .filter((c) => c.p >= params.minP)
      .slice(0, params.maxPerKey);
    for (const pair of ranked) scored.push(pair);
  }
  return scored;
}


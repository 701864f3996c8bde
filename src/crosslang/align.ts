/**
 * Word alignment of sentence pairs: IBM Model 1 trained by EM in both directions (each target word comes
 * from a source word or from NULL), with a fast_align-style preference for the diagonal, then the two
 * one-to-many Viterbi alignments symmetrized (intersection, grown along neighbours, then the union points
 * that join two unaligned words). Pure and deterministic: words are numbered in order of appearance and
 * every loop runs in a fixed order, so the same input always gives the same numbers.
 */

/** One sentence pair, already tokenized: English content words and Chinese words, as match keys. */
export interface TokenizedPair {
  en: string[];
  zh: string[];
}

/** The knobs of the aligner, written to the lexicon header. */
export interface AlignParams {
  /** EM iterations per direction. */
  iterations: number;
  /** Prior probability that a word comes from NULL (is left unaligned). */
  nullProbability: number;
  /** How strongly positions near the diagonal are preferred (0: plain Model 1). */
  diagonalTension: number;
}

/** Defaults tuned by eye on the national reports: five iterations converge; the diagonal is a mild hint. */
export const DEFAULT_ALIGN_PARAMS: AlignParams = { iterations: 5, nullProbability: 0.08, diagonalTension: 1 };

/** A trained lexical translation table: t(target word | source word). */
export interface TranslationTable {
  /** t(target | source); 0 when the pair never co-occurred. `source` null is the NULL word. */
  prob(source: string | null, target: string): number;
}

/** Alignment points of one sentence pair: `[enIndex, zhIndex]`, sorted by English then Chinese index. */
export type Alignment = Array<[number, number]>;

/** The two trained tables and the symmetrized alignment of every sentence pair. */
export interface AlignedCorpus {
  /** t(zh | en). */
  enToZh: TranslationTable;
  /** t(en | zh). */
  zhToEn: TranslationTable;
  alignments: Alignment[];
}

/**
 * Words numbered in order of appearance, from 1 (id 0 is NULL, the word a source position may align to), so
 * that a pair of words is one number; `size` is one more than the words numbered.
 * @example new Vocabulary().sentence(['tax', 'cut', 'tax']) // Int32Array [1, 2, 1]
 */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  size = 1;
  id(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.size++;
      this.ids.set(word, id);
    }
    return id;
  }
  /** The ids of a sentence's words, numbering the new ones. */
  sentence(words: readonly string[]): Int32Array {
    return Int32Array.from(words, (w) => this.id(w));
  }
  find(word: string): number | undefined {
    return this.ids.get(word);
  }
}

interface Direction {
  sources: Int32Array[];
  targets: Int32Array[];
  sourceVocabulary: number;
  targetVocabulary: number;
}

/**
 * Prior of each cell of an m × n sentence pair, at `i * n + j` (i = 0: NULL; i ≥ 1: source word i - 1):
 * NULL gets `nullProbability`, the rest is shared by closeness to the diagonal (fast_align's tension).
 */
function priorCells(m: number, n: number, params: AlignParams): Float64Array {
  const cells = new Float64Array((m + 1) * n);
  for (let j = 0; j < n; j++) {
    let sum = 0;
    for (let i = 1; i <= m; i++) {
      const w = Math.exp(-params.diagonalTension * Math.abs((i - 0.5) / m - (j + 0.5) / n));
      cells[i * n + j] = w;
      sum += w;
    }
    for (let i = 1; i <= m; i++) cells[i * n + j] = ((1 - params.nullProbability) * cells[i * n + j]) / sum;
    cells[j] = params.nullProbability;
  }
  return cells;
}

/**
 * One direction of Model 1 with its parameters numbered densely: every (source, target) word pair that
 * co-occurs (source 0 = NULL) has an id; each sentence keeps the id of every (position, position) cell.
 */
interface Model1 {
  /** Pair id of `source * width + target`. */
  pairIds: Map<number, number>;
  width: number;
  /** Source word of each pair id. */
  sourceOf: Int32Array;
  /** t(target | source) per pair id. */
  t: Float64Array;
  /** Per sentence, the pair id of cell (i, j) at `i * n + j`, i = 0 for NULL and i - 1 for source word i. */
  cells: Int32Array[];
  /** Per sentence, the prior of each cell. */
  priors: Float64Array[];
}

function numberPairs(direction: Direction, params: AlignParams): Model1 {
  const width = direction.targetVocabulary;
  const pairIds = new Map<number, number>();
  const sources: number[] = [];
  const idOf = (e: number, f: number): number => {
    let id = pairIds.get(e * width + f);
    if (id === undefined) {
      id = sources.length;
      pairIds.set(e * width + f, id);
      sources.push(e);
    }
    return id;
  };
  const cells = direction.targets.map((targets, s) => {
    const source = direction.sources[s];
    const n = targets.length;
    const ids = new Int32Array((source.length + 1) * n);
    for (let j = 0; j < n; j++) {
      ids[j] = idOf(0, targets[j]);
      for (let i = 0; i < source.length; i++) ids[(i + 1) * n + j] = idOf(source[i], targets[j]);
    }
    return ids;
  });
  const priors = direction.targets.map((targets, s) => priorCells(direction.sources[s].length, targets.length, params));
  const t = new Float64Array(sources.length).fill(1 / width);
  return { pairIds, width, sourceOf: Int32Array.from(sources), t, cells, priors };
}

/** Weights of each source position (0 = NULL) for target position j of sentence s, into `out`; returns their sum. */
function cellWeights(model: Model1, s: number, m: number, n: number, j: number, out: Float64Array): number {
  const ids = model.cells[s];
  const prior = model.priors[s];
  let sum = 0;
  for (let i = 0; i <= m; i++) {
    out[i] = prior[i * n + j] * model.t[ids[i * n + j]];
    sum += out[i];
  }
  return sum;
}

/** EM for one direction: `iterations` rounds of expected counts over every sentence, then t = count / total. */
function trainModel1(direction: Direction, params: AlignParams): Model1 {
  const model = numberPairs(direction, params);
  const totals = new Float64Array(direction.sourceVocabulary);
  for (let iteration = 0; iteration < params.iterations; iteration++) {
    const counts = new Float64Array(model.t.length);
    totals.fill(0);
    for (let s = 0; s < direction.targets.length; s++) {
      const m = direction.sources[s].length;
      const n = direction.targets[s].length;
      const ids = model.cells[s];
      const weights = new Float64Array(m + 1);
      for (let j = 0; j < n; j++) {
        const sum = cellWeights(model, s, m, n, j, weights);
        if (sum > 0) for (let i = 0; i <= m; i++) counts[ids[i * n + j]] += weights[i] / sum;
      }
    }
    for (let id = 0; id < counts.length; id++) totals[model.sourceOf[id]] += counts[id];
    for (let id = 0; id < counts.length; id++) model.t[id] = counts[id] / (totals[model.sourceOf[id]] || 1);
  }
  return model;
}

/** For each target position, the best source position (0-based), or -1 for NULL; ties go to the first. */
function viterbi(model: Model1, s: number, m: number, n: number): number[] {
  const weights = new Float64Array(m + 1);
  return Array.from({ length: n }, (_, j) => {
    cellWeights(model, s, m, n, j, weights);
    let best = 0;
    for (let i = 1; i <= m; i++) if (weights[i] > weights[best]) best = i;
    return best - 1;
  });
}

const NEIGHBOURS: ReadonlyArray<readonly [number, number]> = [[-1, 0], [0, -1], [1, 0], [0, 1], [-1, -1], [-1, 1], [1, -1], [1, 1]];

/**
 * Symmetrize two one-to-many alignments (grow-diag-final-and): start from their intersection, add union
 * points next to an existing point while either word is still unaligned, then union points joining two
 * unaligned words.
 * @example symmetrize(2, 2, [0, 1], [0, 1]) // [[0, 0], [1, 1]]
 */
export function symmetrize(m: number, n: number, zhToEnPoints: number[], enToZhPoints: number[]): Alignment {
  const union = new Uint8Array(m * n);
  const inter = new Uint8Array(m * n);
  zhToEnPoints.forEach((i, j) => { if (i >= 0) union[i * n + j] |= 1; });
  enToZhPoints.forEach((j, i) => { if (j >= 0) union[i * n + j] |= 2; });
  union.forEach((v, k) => { if (v === 3) inter[k] = 1; });
  const enAligned = new Uint8Array(m);
  const zhAligned = new Uint8Array(n);
  const add = (i: number, j: number): void => {
    inter[i * n + j] = 1;
    enAligned[i] = 1;
    zhAligned[j] = 1;
  };
  inter.forEach((v, k) => { if (v) add(Math.floor(k / n), k % n); });
  for (let grown = true; grown; ) {
    grown = false;
    for (let k = 0; k < m * n; k++) {
      if (!inter[k]) continue;
      for (const [di, dj] of NEIGHBOURS) {
        const i = Math.floor(k / n) + di;
        const j = (k % n) + dj;
        if (i < 0 || j < 0 || i >= m || j >= n || inter[i * n + j] || !union[i * n + j]) continue;
        if (enAligned[i] && zhAligned[j]) continue;
        add(i, j);
        grown = true;
      }
    }
  }
  union.forEach((v, k) => {
    const i = Math.floor(k / n);
    const j = k % n;
    if (v && !enAligned[i] && !zhAligned[j]) add(i, j);
  });
  const points: Alignment = [];
  inter.forEach((v, k) => { if (v) points.push([Math.floor(k / n), k % n]); });
  return points;
}

function tableOf(model: Model1, sources: Vocabulary, targets: Vocabulary): TranslationTable {
  return {
    prob(source, target) {
      const f = targets.find(target);
      const e = source === null ? 0 : sources.find(source);
      const id = f === undefined || e === undefined ? undefined : model.pairIds.get(e * model.width + f);
      return id === undefined ? 0 : model.t[id];
    },
  };
}

/**
 * Train Model 1 both ways over the sentence pairs and align each pair.
 * @example alignCorpus([{ en: ['house'], zh: ['房子'] }]).alignments // [[[0, 0]]]
 */
export function alignCorpus(pairs: TokenizedPair[], params: AlignParams = DEFAULT_ALIGN_PARAMS): AlignedCorpus {
  const enVocabulary = new Vocabulary();
  const zhVocabulary = new Vocabulary();
  const en = pairs.map((p) => enVocabulary.sentence(p.en));
  const zh = pairs.map((p) => zhVocabulary.sentence(p.zh));
  const forward = trainModel1({ sources: en, targets: zh, sourceVocabulary: enVocabulary.size, targetVocabulary: zhVocabulary.size }, params);
  const backward = trainModel1({ sources: zh, targets: en, sourceVocabulary: zhVocabulary.size, targetVocabulary: enVocabulary.size }, params);
  const alignments = pairs.map((_, s) =>
    symmetrize(
      en[s].length,
      zh[s].length,
      viterbi(forward, s, en[s].length, zh[s].length),
      viterbi(backward, s, zh[s].length, en[s].length),
    ),
  );
  return { enToZh: tableOf(forward, enVocabulary, zhVocabulary), zhToEn: tableOf(backward, zhVocabulary, enVocabulary), alignments };
}

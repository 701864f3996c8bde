/**
 * The seam between the search core and whatever holds the index. The embedded default is the flat postings
 * index (`postings-backend.ts`), checked against a plain MiniSearch reference (`minisearch-backend.ts`); a
 * distributed engine (`sphinx/`) can take its place by implementing this interface.
 * Query parsing, phrase verification, snippets and highlights live above it, in `src/search/`.
 */
import type { Passage, PassageKind } from '../model.js';

/** One indexed field. */
export type IndexField = 'words' | 'bigrams' | 'heading' | 'en';

/** How close two keys of a `near` check must stand: one sentence, one passage, or within n characters. */
export type NearScope = 'sentence' | 'paragraph' | number;

/**
 * What a candidate's match keys must hold for an alternative to match it: plain data, decided by the one
 * interpreter (`checks.ts`) through the backend's `Verifier`.
 * - `contains`: `key` occurs in the passage's text or English text (an exact phrase, a substring).
 * - `containsAny`: one of `keys` does (the phrases an English rendering may be written as).
 * - `near`: `a` and `b` occur within `scope`, in the text or in the English text (`A /s B`, `A NEAR/5 B`).
 * - `crossCut`: a phrase split across a forced cut: the piece where it begins ends with `head` and the next
 *   piece of the paragraph starts with `tail`; `side` says which piece the hit is (`left`: where it begins).
 * - `number`: a number written in Chinese numerals (an English query's `4%` as 百分之四) occurs in the text as that
 *   number: where the key begins or ends with a numeral, no numeral goes on from it (百分之四 is not in 百分之四十
 *   nor 百分之四点五, 四 not in 十四).
 */
export type Check =
  | { kind: 'contains'; key: string }
  | { kind: 'containsAny'; keys: readonly string[] }
  | { kind: 'near'; a: string; b: string; scope: NearScope }
  | { kind: 'crossCut'; head: string; tail: string; side: 'left' | 'right' }
  | { kind: 'number'; key: string };

/**
 * A phrase that earns its holders `weight` more score (two query words standing side by side): it ranks,
 * it decides no match. `alternative`, when present, finds its holders through the index (for a backend that
 * reads match keys over the network); the embedded backends read the key.
 */
export interface Adjacency {
  key: string;
  weight: number;
  alternative?: Alternative;
}

/**
 * The most a query's adjacency can add to a passage's score (before its prior): the sum of the weights.
 * @example adjacencyBound([{ key: '乡村振兴', weight: 2 }]) // 2
 */
export function adjacencyBound(adjacency: readonly Adjacency[] | undefined): number {
  let sum = 0;
  for (const pair of adjacency ?? []) sum += pair.weight;
  return sum;
}

/**
 * Decides checks and scores adjacency over one key source: what a backend is given (or makes over the keys it
 * fetched) to verify a query's candidates. Built by `verifierOver` (`checks.ts`).
 */
export interface Verifier {
  holds(check: Check, index: number): boolean;
  /** The adjacency score of the passage: the weights of the pairs its text holds. */
  bonus(adjacency: readonly Adjacency[], index: number): number;
}

/**
 * One way a query unit can match a passage.
 * - `tokens`: every term must occur (in any of `fields`); `prefix` makes the terms prefix matches.
 * - `scan`: no index help possible (e.g. a phrase of punctuation only): every passage is a candidate.
 * `check`, when given, is the final word on a candidate (used for exact phrases and substrings).
 * `rank` adds score from fields that do not decide matching (jieba words, headings).
 * Plain data: a plan survives `structuredClone` and JSON.
 */
export interface Alternative {
  kind: 'tokens' | 'scan';
  fields: IndexField[];
  terms: string[];
  prefix?: boolean;
  check?: Check;
  rank?: { fields: IndexField[]; terms: string[]; weight: number };
  /** A label reported back for hits this alternative matched (e.g. an expansion `清洁能源`). */
  label?: string;
  /**
   * Multiplies the alternative's score (default 1): how likely a cross-language alternative says what the
   * query word means (a translation's probability). It ranks; it decides no match.
   */
  weight?: number;
  /**
   * For a phrase found through its bigrams: the phrase's bigram tokens in order (pairs, and the single that
   * ends each run but the last). Every passage holding the phrase holds them at adjacent positions, so a
   * backend with positions may require that (a narrower superset of the matches; `check` still decides).
   * A hint: the embedded backends, which keep no positions, ignore it.
   */
  sequence?: string[];
  /**
   * True when the sequence alone decides the match: the phrase is one run of letters and digits (no
   * punctuation to check) of three or more, so adjacent pairs in order are exactly its occurrences; a
   * backend that requires the sequence may then skip `check`. A hint, like `sequence`.
   */
  sequenceDecides?: boolean;
}

export interface BackendFilters {
  doc?: string;
  /** Restricts to these reports (a date group of a search sorted by date, `src/search/date-order.ts`). */
  docs?: readonly string[];
  year?: number;
  kind?: PassageKind;
}

/**
 * Groups of which enough must match (a soft AND, for the concepts of an English query): a passage
 * qualifies when it matches at least `minimum` of them (and every required group), and ranks higher the
 * more of them it matches (see `coordination`).
 */
export interface SoftGroups {
  groups: Alternative[][];
  minimum: number;
}

/**
 * The factor a passage's score is multiplied by when it matches `matched` of a query's `soft` groups:
 * the square of the share matched, so that matching every concept outranks matching some.
 * @example coordination(2, 4) // 0.25
 */
export function coordination(matched: number, soft: number): number {
  return soft === 0 ? 1 : (matched / soft) ** 2;
}

export interface BackendQuery {
  /** Every group must match; a group matches when any of its alternatives does. */
  groups: Alternative[][];
  /** Groups of which at least `minimum` must match, besides every group of `groups`. */
  soft?: SoftGroups;
  exclude: Alternative[];
  filters: BackendFilters;
  offset: number;
  limit: number;
  /**
   * Extra score per matching passage, after matching: each pair's weight when the passage holds it. Bounded
   * by `adjacencyBound` (the sum of the weights), which the postings index uses to skip passages that
   * cannot enter the page.
   */
  adjacency?: Adjacency[];
}

export interface BackendHit {
  /** Position of the passage in the backend's passage list (document order). */
  index: number;
  score: number;
  /** Labels of the alternatives that matched it. */
  labels: string[];
}

export interface BackendResult {
  total: number;
  hits: BackendHit[];
  facets: { doc: Record<string, number>; year: Record<string, number>; kind: Record<string, number> };
  /** Set when some part of a distributed index did not answer: the results are incomplete. */
  partial?: { failed: string[]; message: string };
}

/** The state of one node of a backend, for `/api/health`. */
export interface BackendNode {
  name: string;
  role: string;
  address?: string;
  state: 'up' | 'down';
  message?: string;
}

/** A completion of a prefix, with the number of passages holding it. */
export interface Completion {
  term: string;
  count: number;
}

/** A passage as a backend that holds the text returns it: its position, and the match keys checks read. */
export interface StoredPassage {
  index: number;
  passage: Passage;
  /** `phraseKey` of the text, and of the English text ('' when it has none). */
  key: string;
  keyEn: string;
}

export { WriteRejectedError } from './errors.js';

/** A passage to hold at a position. */
export interface PassageAt {
  index: number;
  passage: Passage;
}

/** What an index backend provides. Passages are addressed by their position in document order. */
export interface SearchBackend {
  readonly name: string;
  /**
   * True when the same query always gets the same answer while this process runs (an index held in this
   * process, changed only by its own writes): answers may then be kept and tagged. False for a cluster,
   * which may lose a shard (a partial answer) or be reloaded by another process.
   */
  readonly stable: boolean;
  /** Number of passages held. */
  size(): number;
  /**
   * Runs a query, its checks decided by the backend's own `Verifier` (a backend that holds the passages'
   * text fetches the keys of the candidates it verifies). The embedded backends answer at once; a
   * distributed one returns a promise.
   */
  search(query: BackendQuery): BackendResult | Promise<BackendResult>;
  /**
   * Present on a backend that holds the passages' text itself (a cluster): the passages at these
   * positions, in the order asked; a position it does not hold is left out.
   */
  passagesAt?(indexes: readonly number[]): Promise<StoredPassage[]>;
  /**
   * Present on a backend written in place (the cluster, which outlives the server; the MiniSearch
   * reference): holds each passage at its position, replacing the passage there, or adding one (positions
   * past the last extend the corpus, by no more than the passages written). The passages must belong to
   * documents the backend was opened with. The embedded postings index is never written in place: it is
   * rebuilt whole, as a new generation swapped in atomically (`store.ts`).
   */
  upsert?(passages: readonly PassageAt[]): Promise<void>;
  /** Present with `upsert`: deletes the passages at these positions (nothing matches there afterwards). */
  remove?(indexes: readonly number[]): Promise<void>;
  /** Terms of a field starting with `prefix`, most frequent first. */
  completions(field: IndexField, prefix: string, limit: number): Completion[] | Promise<Completion[]>;
  /** The nodes behind this backend and whether each answers. */
  nodes(): BackendNode[] | Promise<BackendNode[]>;
  close(): void | Promise<void>;
}

/** The metadata a backend needs per passage for filters and facets. */
export interface PassageFacts {
  docId: string;
  year: number | null;
  kind: PassageKind;
}

/** Facts of a passage list, in order. */
export function passageFacts(passages: Passage[], yearOf: (docId: string) => number | null): PassageFacts[] {
  return passages.map((p) => ({ docId: p.docId, year: yearOf(p.docId), kind: p.kind }));
}

/**
 * The seam between the search core and whatever holds the index. The embedded default is the flat postings
 * index (`postings-backend.ts`), checked against a plain MiniSearch reference (`minisearch-backend.ts`); a
 * distributed engine (`sphinx/`) can take its place by implementing this interface.
 * Query parsing, phrase verification, snippets and highlights live above it, in `src/search/`.
 */
import type { Passage, PassageKind } from '../model.js';

/** One indexed field. */
export type IndexField = 'words' | 'bigrams' | 'heading' | 'en';

/**
 * One way a query unit can match a passage.
 * - `tokens`: every term must occur (in any of `fields`); `prefix` makes the terms prefix matches.
 * - `scan`: no index help possible (e.g. a phrase of punctuation only): every passage is a candidate.
 * `verify`, when given, is the final word on a candidate (used for exact phrases and substrings).
 * `rank` adds score from fields that do not decide matching (jieba words, headings).
 */
export interface Alternative {
  kind: 'tokens' | 'scan';
  fields: IndexField[];
  terms: string[];
  prefix?: boolean;
  verify?: (passageIndex: number) => boolean;
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
   * backend with positions may require that (a narrower superset of the matches; `verify` still decides).
   */
  sequence?: string[];
  /**
   * True when the sequence alone decides the match: the phrase is one run of letters and digits (no
   * punctuation to check) of three or more, so adjacent pairs in order are exactly its occurrences; a
   * backend that requires the sequence may then skip `verify`.
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
  /** Extra score per matching passage, after matching (proximity, adjacency). */
  bonus?: (passageIndex: number) => number;
  /**
   * The most `bonus` can give a passage (for adjacency: its weight × the pairs). A backend that picks the
   * page without scoring every match (the postings index) then skips the bonus of passages that cannot
   * enter; without it, the bonus of every match is computed.
   */
  bonusBound?: number;
  /**
   * The same bonus as phrases (planned when called): a passage holding one earns its weight. For a backend
   * that reads match keys over the network (a cluster), which finds the holders through the index instead
   * of reading every matched passage's key; it ranks, it decides no match.
   */
  adjacency?: () => Array<{ alternative: Alternative; weight: number }>;
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

/** A passage as a backend that holds the text returns it: its position, and the match keys verifiers read. */
export interface StoredPassage {
  index: number;
  passage: Passage;
  /** `phraseKey` of the text, and of the English text ('' when it has none). */
  key: string;
  keyEn: string;
}

/**
 * Where a backend that holds the text puts the match keys of the candidates it fetched during one search,
 * so that the query's verifiers (and its adjacency bonus) read them: verification happens in Node, over
 * what the cluster returned.
 */
export interface KeySink {
  put(index: number, key: string, keyEn: string): void;
  has(index: number): boolean;
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
   * Runs a query. The embedded backends answer at once; a distributed one returns a promise. A backend
   * that holds the passages' text fills `keys` with the match keys of every candidate a verifier or the
   * bonus will ask about, before asking.
   */
  search(query: BackendQuery, keys?: KeySink): BackendResult | Promise<BackendResult>;
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

/**
 * The inverted index of one field, in flat typed arrays: the field's terms sorted (UTF-16 code unit order),
 * and for term t the passages holding it, ascending, in `docs[offsets[t] .. offsets[t + 1])`, each with the
 * term's number of occurrences there (`tfs`). Per passage, the field's length in distinct terms (what BM25
 * normalizes by). A term is found by binary search and a prefix is a contiguous range of terms, so nothing
 * fans out over the thousands of Han characters a radix tree would branch on at its root.
 */

/** One field's postings. Arrays are read-only once built. */
export interface FieldPostings {
  terms: string[];
  offsets: Uint32Array;
  docs: Uint32Array;
  tfs: Uint16Array;
  /** Distinct terms of the field in each passage. */
  lengths: Uint32Array;
  averageLength: number;
}

/** The passages (and term frequencies) of one term: views into the field's arrays. */
export interface Posting {
  docs: Uint32Array;
  tfs: Uint16Array;
}

const MAX_TF = 0xffff;

/**
 * Where the terms of each first UTF-16 code unit begin, per sorted array of terms (a field's, which its
 * vocabulary shares): `starts[u]` is the first term not below the one-unit string `u` (-1 until asked), so
 * the terms starting with unit `u` are at `[starts[u], starts[u + 1])` and a lookup searches the few that
 * share its first unit (a few hundred of the 143,000 bigrams at the real scale) instead of all of them. A
 * unit's start is found by one search of every term the first time a key of that unit is looked up, and kept
 * for the array's life (256 KB an array): a property of the index, whatever the query; reading every term at
 * the first lookup instead would cost the first search some 20 ms at the real scale.
 */
const unitStarts = new WeakMap<readonly string[], Int32Array>();

/** The first of the sorted `terms` not below the one-unit string `unit` (0x10000: past the last term). */
function unitStart(terms: readonly string[], unit: number): number {
  let starts = unitStarts.get(terms);
  if (!starts) unitStarts.set(terms, (starts = new Int32Array(0x10001).fill(-1)));
  let start = starts[unit];
  if (start < 0) starts[unit] = start = unit === 0x10000 ? terms.length : lowerBound(terms, String.fromCharCode(unit));
  return start;
}

/**
 * First position in the sorted `terms` (an array kept for its life: a field's or its vocabulary's) whose
 * term is >= `key`: `lowerBound(terms, key)`, searched among the terms that share the key's first code unit.
 * @example termLowerBound(postings.terms, '西藏') === lowerBound(postings.terms, '西藏') // true
 */
export function termLowerBound(terms: readonly string[], key: string): number {
  if (key.length === 0) return 0;
  const unit = key.charCodeAt(0);
  return lowerBound(terms, key, unitStart(terms, unit), unitStart(terms, unit + 1));
}

/**
 * Position of `term` in the sorted terms, or -1.
 * @example termIndex(postings, '西藏') // 1234
 */
export function termIndex(field: FieldPostings, term: string): number {
  const at = termLowerBound(field.terms, term);
  return field.terms[at] === term ? at : -1;
}

/**
 * First position in `[lo, hi)` whose term is >= `key` (terms sorted by UTF-16 code units); `hi` when none is.
 * @example lowerBound(['a', 'c'], 'b') // 1
 */
export function lowerBound(terms: readonly string[], key: string, lo = 0, hi = terms.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The range [from, to) of term positions starting with `prefix`.
 * @example prefixRange(postings, '藏') // [812, 1040]
 */
export function prefixRange(field: FieldPostings, prefix: string): [number, number] {
  const from = termLowerBound(field.terms, prefix);
  let to = from;
  while (to < field.terms.length && field.terms[to].startsWith(prefix)) to++;
  return [from, to];
}

/**
 * The posting of the term at position `t`: views, no copy.
 * @example postingAt(field, termIndex(field, '西藏')).docs // Uint32Array [3, 17, …]
 */
export function postingAt(field: FieldPostings, t: number): Posting {
  const from = field.offsets[t];
  const to = field.offsets[t + 1];
  return { docs: field.docs.subarray(from, to), tfs: field.tfs.subarray(from, to) };
}

/**
 * Number of passages holding the term at position `t`.
 * @example documentFrequency(field, termIndex(field, '西藏')) // 412
 */
export function documentFrequency(field: FieldPostings, t: number): number {
  return field.offsets[t + 1] - field.offsets[t];
}

/** A growable Uint32Array. */
class U32List {
  data = new Uint32Array(1024);
  length = 0;
  push(x: number): void {
    if (this.length === this.data.length) {
      const bigger = new Uint32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = x;
  }
}

/** An open-addressing hash table from int32 keys to term ids (no per-entry allocation). */
class IntTable {
  private keys = new Int32Array(1 << 12);
  private values = new Int32Array(1 << 12).fill(-1);
  /** 32 − log2(capacity): the slot is the top bits of the key times the golden ratio (Fibonacci hashing). */
  private shift = 20;
  private size = 0;

  get(key: number): number | undefined {
    const mask = this.keys.length - 1;
    for (let i = Math.imul(key, 0x9e3779b1) >>> this.shift; ; i++) {
      const slot = i & mask;
      const value = this.values[slot];
      if (value < 0) return undefined;
      if (this.keys[slot] === key) return value;
    }
  }

  set(key: number, value: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    this.insert(key, value);
    this.size++;
  }

  private insert(key: number, value: number): void {
    const mask = this.keys.length - 1;
    for (let i = Math.imul(key, 0x9e3779b1) >>> this.shift; ; i++) {
      const slot = i & mask;
      if (this.values[slot] < 0) {
        this.keys[slot] = key;
        this.values[slot] = value;
        return;
      }
    }
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.values = new Int32Array(keys.length * 2).fill(-1);
    this.shift--;
    for (let i = 0; i < keys.length; i++) if (values[i] >= 0) this.insert(keys[i], values[i]);
  }
}

/**
 * Collects the terms of one field passage by passage (in passage order), then packs them.
 * @example
 *   const b = new FieldPostingsBuilder(); b.add(0, ['西藏', '发展']); b.add(1, ['发展']);
 *   b.finish(2).terms // ['发展', '西藏']
 */
export class FieldPostingsBuilder {
  private readonly ids = new Map<string, number>();
  /** Ids of terms of two UTF-16 code units (most bigrams) and of one, keyed by their code units. */
  private readonly pairIds = new IntTable();
  private readonly unitIds = new IntTable();
  private readonly byId: string[] = [];
  private readonly entryTerm = new U32List();
  private readonly entryDoc = new U32List();
  private readonly entryTf = new U32List();
  private readonly lengths = new U32List();
  /** Per term id: the last passage it was seen in (+1, 0 = never) and its entry there. */
  private lastDoc = new Uint32Array(1024);
  private lastEntry = new Uint32Array(1024);

  /** Adds the terms of passage `doc`; passages must come in increasing order. */
  add(doc: number, terms: readonly string[]): void {
    while (this.lengths.length < doc) this.lengths.push(0);
    let distinct = 0;
    for (const term of terms) {
      // Hashing a number is much cheaper than hashing a freshly cut string, and most terms are bigrams.
      const map = term.length === 2 ? this.pairIds : term.length === 1 ? this.unitIds : null;
      const key = term.length === 2 ? (term.charCodeAt(0) << 16) | term.charCodeAt(1) : term.charCodeAt(0);
      let id = map ? map.get(key) : this.ids.get(term);
      if (id === undefined) {
        id = this.byId.length;
        if (map) map.set(key, id);
        else this.ids.set(term, id);
        this.byId.push(term);
        if (id >= this.lastDoc.length) this.growTermTables();
      }
      if (this.lastDoc[id] === doc + 1) {
        const entry = this.lastEntry[id];
        if (this.entryTf.data[entry] < MAX_TF) this.entryTf.data[entry]++;
      } else {
        this.lastDoc[id] = doc + 1;
        this.lastEntry[id] = this.entryTerm.length;
        this.entryTerm.push(id);
        this.entryDoc.push(doc);
        this.entryTf.push(1);
        distinct++;
      }
    }
    this.lengths.push(distinct);
  }

  /** The id of a term already added. */
  private idOf(term: string): number {
    const id =
      term.length === 2
        ? this.pairIds.get((term.charCodeAt(0) << 16) | term.charCodeAt(1))
        : term.length === 1
          ? this.unitIds.get(term.charCodeAt(0))
          : this.ids.get(term);
    if (id === undefined) throw new Error(`term ${term} was never added`);
    return id;
  }

  private growTermTables(): void {
    const lastDoc = new Uint32Array(this.lastDoc.length * 2);
    lastDoc.set(this.lastDoc);
    this.lastDoc = lastDoc;
    const lastEntry = new Uint32Array(this.lastEntry.length * 2);
    lastEntry.set(this.lastEntry);
    this.lastEntry = lastEntry;
  }

  /** Packs what was added into sorted terms and flat postings for `passages` passages. */
  finish(passages: number): FieldPostings {
    while (this.lengths.length < passages) this.lengths.push(0);
    // The default sort compares strings by UTF-16 code units, natively: the order binary search relies on.
    const sorted = this.byId.slice().sort();
    const order = sorted.map((term) => this.idOf(term));
    const rank = new Uint32Array(order.length);
    order.forEach((id, r) => (rank[id] = r));
    const n = this.entryTerm.length;
    const offsets = new Uint32Array(order.length + 1);
    for (let i = 0; i < n; i++) offsets[rank[this.entryTerm.data[i]] + 1]++;
    for (let t = 0; t < order.length; t++) offsets[t + 1] += offsets[t];
    const cursor = offsets.slice(0, order.length);
    const docs = new Uint32Array(n);
    const tfs = new Uint16Array(n);
    for (let i = 0; i < n; i++) {
      const t = rank[this.entryTerm.data[i]];
      const at = cursor[t]++;
      docs[at] = this.entryDoc.data[i];
      tfs[at] = this.entryTf.data[i];
    }
    const lengths = this.lengths.data.slice(0, passages);
    let total = 0;
    for (const l of lengths) total += l;
    return {
      terms: sorted,
      offsets,
      docs,
      tfs,
      lengths,
      averageLength: passages === 0 ? 0 : total / passages,
    };
  }
}

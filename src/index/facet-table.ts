/**
 * Per-passage facts (document, year, kind) as small integers, so filtering a candidate and counting facets
 * over thousands of results are array lookups rather than string hashing.
 */
import type { PassageKind } from '../model.js';
import type { BackendFilters, BackendResult, PassageFacts } from './backend.js';
import { newestYear, passagePrior } from './prior.js';

/** Passages per block of the prior's block maxima. */
const PRIOR_BLOCK = 64;

/** The filters' test on a passage, or null when there are none. */
export type Keep = ((p: number) => boolean) | null;

/**
 * The positions of `ids` that pass `keep` (`ids` itself when there is no filter).
 * @example passing(Uint32Array.of(1, 2, 3), (p) => p !== 2) // Uint32Array [1, 3]
 */
export function passing(ids: Uint32Array, keep: Keep): Uint32Array {
  if (!keep) return ids;
  const out = new Uint32Array(ids.length);
  let n = 0;
  for (let i = 0; i < ids.length; i++) if (keep(ids[i])) out[n++] = ids[i];
  return out.subarray(0, n);
}

export class FacetTable {
  private readonly docNames: string[] = [];
  private readonly docIds = new Map<string, number>();
  private readonly yearNames: number[] = [];
  private readonly kindNames: PassageKind[] = [];
  private readonly years = new Map<number, number>();
  private readonly kinds = new Map<PassageKind, number>();
  private docOf: Uint32Array;
  /** Index into yearNames, or -1 when the year is unknown. */
  private yearOf: Int32Array;
  private kindOf: Uint8Array;
  /**
   * The passage's cell: one per distinct document × year × kind, so `count` reads one array a passage and
   * spreads each cell's count over its three facets afterwards.
   */
  private cellOf: Uint32Array;
  private readonly cells = new Map<number, number>();
  private readonly cellDoc: number[] = [];
  private readonly cellYear: number[] = [];
  private readonly cellKind: number[] = [];
  /** Per cell, document, year and kind, the counts of the `count` under way (all zero between calls). */
  private cellCounts = new Uint32Array(0);
  private docCounts = new Uint32Array(0);
  private yearCounts = new Uint32Array(0);
  private kindCounts = new Uint32Array(0);
  /** The prior (`prior.ts`) of each kind × year pair: `[kind * (years + 1) + year + 1]`. */
  private priors: Float64Array;
  /** The largest prior in each block of PRIOR_BLOCK passages (stale blocks are recomputed on demand). */
  private blockPriors = new Float64Array(0);
  private blocksStale = true;

  /** @example new FacetTable(passageFacts(passages, yearOf)).count([0, 1]).kind // { paragraph: 2 } */
  constructor(facts: readonly PassageFacts[]) {
    this.docOf = new Uint32Array(facts.length);
    this.yearOf = new Int32Array(facts.length);
    this.kindOf = new Uint8Array(facts.length);
    this.cellOf = new Uint32Array(facts.length);
    this.priors = new Float64Array(0);
    facts.forEach((f, p) => this.record(p, f));
  }

  /**
   * Sets the facts of the passage at `p` (a backend written in place); a position beyond the table grows it.
   * @example table.set(table.length, { docId: 'xizang-2024', year: 2024, kind: 'paragraph' })
   */
  set(p: number, facts: PassageFacts): void {
    if (p >= this.docOf.length) {
      const capacity = Math.max(p + 1, this.docOf.length * 2);
      const grow = <T extends Uint32Array | Int32Array | Uint8Array>(from: T, to: T): T => (to.set(from), to);
      this.docOf = grow(this.docOf, new Uint32Array(capacity));
      this.yearOf = grow(this.yearOf, new Int32Array(capacity));
      this.kindOf = grow(this.kindOf, new Uint8Array(capacity));
      this.cellOf = grow(this.cellOf, new Uint32Array(capacity));
    }
    this.record(p, facts);
  }

  private record(p: number, f: PassageFacts): void {
    this.blocksStale = true;
    let d = this.docIds.get(f.docId);
    if (d === undefined) {
      d = this.docNames.push(f.docId) - 1;
      this.docIds.set(f.docId, d);
    }
    this.docOf[p] = d;
    let y = f.year === null ? -1 : this.years.get(f.year);
    if (y === undefined && f.year !== null) {
      y = this.yearNames.push(f.year) - 1;
      this.years.set(f.year, y);
    }
    this.yearOf[p] = y ?? -1;
    let k = this.kinds.get(f.kind);
    if (k === undefined) {
      k = this.kindNames.push(f.kind) - 1;
      this.kinds.set(f.kind, k);
    }
    this.kindOf[p] = k;
    this.cellOf[p] = this.cellFor(d, y ?? -1, k);
    if (this.priors.length !== this.kindNames.length * (this.yearNames.length + 1)) this.weighPriors();
  }

  /** The cell of a document × year × kind, made when first met. */
  private cellFor(d: number, y: number, k: number): number {
    // One number per triple, exact in a double: kinds (a handful) under 2^8, years under 2^24, documents under 2^21.
    const name = d * 2 ** 32 + (y + 1) * 2 ** 8 + k;
    let c = this.cells.get(name);
    if (c === undefined) {
      c = this.cellDoc.push(d) - 1;
      this.cellYear.push(y);
      this.cellKind.push(k);
      this.cells.set(name, c);
    }
    return c;
  }

  /** Recomputes the prior of every kind × year pair (a new kind or year; a new newest year changes them all). */
  private weighPriors(): void {
    const stride = this.yearNames.length + 1;
    const newest = this.newestYear();
    this.priors = new Float64Array(this.kindNames.length * stride);
    this.kindNames.forEach((kind, k) => {
      for (let y = -1; y < this.yearNames.length; y++) {
        this.priors[k * stride + y + 1] = passagePrior(kind, y < 0 ? null : (this.yearNames[y] ?? null), newest);
      }
    });
  }

  /**
   * The newest year of the passages recorded (null when none has a year): the recency prior's reference.
   * @example new FacetTable([{ docId: 'a', year: 2023, kind: 'paragraph' }, { docId: 'b', year: 2024, kind: 'heading' }]).newestYear() // 2024
   */
  newestYear(): number | null {
    return newestYear(this.yearNames);
  }

  /**
   * The kinds of the passages recorded, in the order `count` lists them (first recorded first).
   * @example new FacetTable([{ docId: 'a', year: 2023, kind: 'heading' }]).kindOrder() // ['heading']
   */
  kindOrder(): readonly PassageKind[] {
    return this.kindNames;
  }

  /** The passage's static ranking factor (`prior.ts`: its kind, its report's recency). */
  prior(p: number): number {
    return this.priors[this.kindOf[p] * (this.yearNames.length + 1) + this.yearOf[p] + 1];
  }

  /**
   * The largest prior of the passages from `from` to `to` (inclusive), a bound for a window of passages not
   * looked at: the maxima of blocks of PRIOR_BLOCK passages, kept up to date as passages are recorded.
   * @example table.maxPriorIn(0, 63) // 1 when a body paragraph of the newest year is among the first 64
   */
  maxPriorIn(from: number, to: number): number {
    const last = Math.min(to, this.docOf.length - 1);
    if (from > last) return 0;
    if (this.blocksStale) this.weighBlocks();
    let best = 0;
    for (let b = Math.floor(from / PRIOR_BLOCK); b <= Math.floor(last / PRIOR_BLOCK); b++) {
      const value = this.blockPriors[b] ?? 0;
      if (value > best) best = value;
    }
    return best;
  }

  /** Recomputes the block maxima of `maxPriorIn`. */
  private weighBlocks(): void {
    this.blocksStale = false;
    this.blockPriors = new Float64Array(Math.ceil(this.docOf.length / PRIOR_BLOCK));
    for (let p = 0; p < this.docOf.length; p++) {
      const value = this.prior(p);
      const b = Math.floor(p / PRIOR_BLOCK);
      if (value > (this.blockPriors[b] ?? 0)) this.blockPriors[b] = value;
    }
  }

  /** A test for the filters, or null when there are none. */
  filter(filters: BackendFilters): Keep {
    const { doc, docs, year, kind } = filters;
    if (doc === undefined && docs === undefined && year === undefined && kind === undefined) return null;
    const d = doc === undefined ? -1 : (this.docIds.get(doc) ?? -2);
    const y = year === undefined ? -1 : this.yearNames.indexOf(year);
    const k = kind === undefined ? -1 : this.kindNames.indexOf(kind);
    if (d === -2 || (year !== undefined && y < 0) || (kind !== undefined && k < 0)) return () => false;
    const among = docs === undefined ? null : new Set(docs.flatMap((id) => this.docIds.get(id) ?? []));
    return (p) =>
      (d < 0 || this.docOf[p] === d) && (among === null || among.has(this.docOf[p])) && (y < 0 || this.yearOf[p] === y) && (k < 0 || this.kindOf[p] === k);
  }

  /**
   * Facet counts of the passages, documents in corpus order: one pass over the passages into their cells,
   * then one over the cells (a few hundred) into documents, years and kinds, each read back in its order. No
   * list of what was seen is kept or sorted; the arrays are the table's, left at zero for the next call.
   * @example table.count(Uint32Array.of(0, 1)).kind // { paragraph: 2 }
   */
  count(ids: ArrayLike<number>): BackendResult['facets'] {
    const cells = this.cellDoc.length;
    if (this.cellCounts.length < cells) this.cellCounts = new Uint32Array(cells);
    if (this.docCounts.length < this.docNames.length) this.docCounts = new Uint32Array(this.docNames.length);
    if (this.yearCounts.length < this.yearNames.length) this.yearCounts = new Uint32Array(this.yearNames.length);
    if (this.kindCounts.length < this.kindNames.length) this.kindCounts = new Uint32Array(this.kindNames.length);
    const { cellCounts: counts, cellOf, docCounts: docs, yearCounts: years, kindCounts: kinds } = this;
    for (let i = 0; i < ids.length; i++) counts[cellOf[ids[i]]]++;
    for (let c = 0; c < cells; c++) {
      const n = counts[c];
      if (n === 0) continue;
      counts[c] = 0;
      docs[this.cellDoc[c]] += n;
      const y = this.cellYear[c];
      if (y >= 0) years[y] += n;
      kinds[this.cellKind[c]] += n;
    }
    return lazyFacets(drained(docs, this.docNames), drained(years, this.yearNames), drained(kinds, this.kindNames));
  }
}

/** One facet's non-zero counts, by name in the names' order. */
interface Counted {
  names: Array<string | number>;
  counts: number[];
}

/** The non-zero counts by name, in the names' order, each count left at zero for the next call. */
function drained(counts: Uint32Array, names: ReadonlyArray<string | number>): Counted {
  const out: Counted = { names: [], counts: [] };
  for (let i = 0; i < names.length; i++) {
    if (counts[i] === 0) continue;
    out.names.push(names[i] as string | number);
    out.counts.push(counts[i]);
    counts[i] = 0;
  }
  return out;
}

/**
 * The key under which counted facets answer their JSON (`JSON.stringify`'s very text) without making their
 * objects, or null once one of them was made (it may have been changed since).
 */
export const FACETS_JSON: unique symbol = Symbol('facets JSON');

const FACET_NAMES = ['doc', 'year', 'kind'] as const;

/** Where lazy facets keep their counts and the objects made of them (not enumerable, not written as JSON). */
const STATE: unique symbol = Symbol('facets state');

interface LazyState {
  counted: Record<FacetName, Counted>;
  made: Partial<BackendResult['facets']>;
}

type FacetName = (typeof FACET_NAMES)[number];
type LazyFacets = BackendResult['facets'] & { [STATE]: LazyState };

/**
 * Each facet as an accessor: the same getter and setter functions for every facets object (reading the object's
 * own state), so that V8 gives all of them one hidden class. Closures made per object gave each its own, and
 * the transitions to those, kept from the first object's, held every facets object through the young
 * generation's collections until a full one (2.8 KB a search promoted, the most of any part of a search).
 */
const ACCESSORS: PropertyDescriptorMap = Object.fromEntries(
  FACET_NAMES.map((name) => [
    name,
    {
      enumerable: true,
      configurable: true,
      get(this: LazyFacets) {
        const state = this[STATE];
        return (state.made[name] ??= objectOf(state.counted[name]));
      },
      set(this: LazyFacets, value: Record<string, number>) {
        this[STATE].made[name] = value;
      },
    },
  ]),
);

/** `FACETS_JSON`'s method, the same for every facets object: their JSON, or null once an object was made. */
function facetsJson(this: LazyFacets): string | null {
  const { counted, made } = this[STATE];
  if (made.doc !== undefined || made.year !== undefined || made.kind !== undefined) return null;
  return `{"doc":${jsonOf(counted.doc)},"year":${jsonOf(counted.year)},"kind":${jsonOf(counted.kind)}}`;
}

/**
 * Facets whose objects are made when first read: an object of a hundred reports' counts is one V8 keeps as a
 * dictionary, and making the three took 8–9 % of a search at the real scale, for an answer that writes them as
 * JSON (`FACETS_JSON`, a method: call it on the facets) or a caller that never reads them.
 */
function lazyFacets(doc: Counted, year: Counted, kind: Counted): BackendResult['facets'] {
  const facets = {} as LazyFacets;
  Object.defineProperty(facets, STATE, { value: { counted: { doc, year, kind }, made: {} } satisfies LazyState });
  Object.defineProperties(facets, ACCESSORS);
  Object.defineProperty(facets, FACETS_JSON, { value: facetsJson });
  return facets;
}

function objectOf({ names, counts }: Counted): Record<string, number> {
  const out: Record<string, number> = {};
  for (let i = 0; i < names.length; i++) out[names[i] as string] = counts[i] as number;
  return out;
}

/** An array index as a property key (`"2024"`), which an object lists first, in ascending order. */
const isIndexKey = (key: string): boolean => /^(?:0|[1-9]\d{0,9})$/u.test(key) && Number(key) < 4294967295;

/**
 * The JSON `JSON.stringify(objectOf(counted))` writes: index keys first in ascending order, the others in
 * the order they were counted.
 * @example jsonOf({ names: ['b', 2025, 2020], counts: [1, 2, 3] }) // '{"2020":3,"2025":2,"b":1}'
 */
function jsonOf({ names, counts }: Counted): string {
  const indexed: Array<[number, number]> = [];
  let named = '';
  for (let i = 0; i < names.length; i++) {
    const key = String(names[i]);
    if (isIndexKey(key)) indexed.push([Number(key), counts[i] as number]);
    else named += `${named === '' ? '' : ','}${JSON.stringify(key)}:${counts[i]}`;
  }
  if (indexed.length === 0) return `{${named}}`;
  indexed.sort((a, b) => a[0] - b[0]);
  const first = indexed.map(([key, n]) => `"${key}":${n}`).join(',');
  return `{${first}${named === '' ? '' : `,${named}`}}`;
}

/**
 * Set algebra over ascending lists of passage positions (Uint32Array), the currency of the postings
 * backend: intersection by galloping from the shorter list, union by a mark table, and a cursor that finds
 * ascending positions in a list in amortized O(log gap).
 */

/**
 * Finds positions in an ascending list; successive `seek` targets must not decrease.
 * @example const c = new GallopCursor(Uint32Array.of(2, 5, 9)); c.seek(5) // 1; c.seek(6) // -1
 */
export class GallopCursor {
  private at = 0;

  constructor(private readonly ids: Uint32Array) {}

  /** Index in the list of `id`, or -1 when absent. */
  seek(id: number): number {
    const at = firstAbove(this.ids, this.at, id - 1);
    this.at = at;
    return at < this.ids.length && this.ids[at] === id ? at : -1;
  }
}

/**
 * The first index from `from` on whose position is above `value` (the list's length when none is), found by
 * galloping: cheap when it is near.
 * @example firstAbove(Uint32Array.of(1, 4, 9), 0, 4) // 2
 */
export function firstAbove(ids: Uint32Array, from: number, value: number): number {
  const n = ids.length;
  if (from >= n || ids[from] > value) return from;
  // ids[lo] <= value: gallop to hi with ids[hi] > value (or the end), then binary search (lo, hi].
  let lo = from;
  let step = 1;
  let hi = lo + 1;
  while (hi < n && ids[hi] <= value) {
    lo = hi;
    step *= 2;
    hi = lo + step;
  }
  if (hi > n) hi = n;
  while (lo + 1 < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid] <= value) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * The positions in both lists.
 * @example intersect(Uint32Array.of(1, 3, 5), Uint32Array.of(3, 4, 5)) // Uint32Array [3, 5]
 */
export function intersect(a: Uint32Array, b: Uint32Array): Uint32Array {
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  const out = working(small.length);
  return out.slice(0, intersectInto(small, small.length, large, out));
}

/**
 * Where the lists in the making are written (`intersect`, `intersectAll`, `union`'s merges): one array kept
 * and grown, the answer copied out at its length. A typed array of more than 16 positions is allocated outside
 * V8's heap (~0.3 µs, more as it grows), and an intersection of a phrase's bigrams made one per list.
 */
let scratch = new Uint32Array(1024);
/** The second array `union` merges between. */
let spare = new Uint32Array(1024);
/**
 * The most positions a scratch array is kept at (4 MB): a longer list in the making (a corpus of millions of
 * passages) gets an array of its own, so the two kept arrays never hold more than this for the process's life.
 */
const MAX_KEPT = 1 << 20;

/** An array of at least `size` positions to write a list in the making to: the scratch array, grown, or one of its own past MAX_KEPT. */
function working(size: number): Uint32Array {
  if (size > MAX_KEPT) return new Uint32Array(size);
  if (scratch.length < size) scratch = new Uint32Array(Math.min(MAX_KEPT, Math.max(size, 2 * scratch.length)));
  return scratch;
}

/** The second array to merge into, as long as `into` (the spare array when `into` is the scratch array). */
function other(into: Uint32Array): Uint32Array {
  if (into !== scratch) return new Uint32Array(into.length);
  if (spare.length < into.length) spare = new Uint32Array(into.length);
  return spare;
}

/**
 * Writes the positions of `small[0 .. count)` that `large` holds to `out` (which may be `small` itself: a
 * position is written no later than it is read) and returns how many.
 */
function intersectInto(small: Uint32Array, count: number, large: Uint32Array, out: Uint32Array): number {
  const cursor = new GallopCursor(large);
  let n = 0;
  for (let i = 0; i < count; i++) {
    const p = small[i];
    if (cursor.seek(p) >= 0) out[n++] = p;
  }
  return n;
}

/**
 * The positions in all lists, intersected from the shortest up (the rarest term first); null stands for
 * "every passage" and is the identity. The lists in between are written over each other in the scratch
 * array, and only the answer is allocated.
 * @example intersectAll([Uint32Array.of(1, 2, 3), null, Uint32Array.of(2, 3)]) // Uint32Array [2, 3]
 */
export function intersectAll(lists: ReadonlyArray<Uint32Array | null>): Uint32Array | null {
  const real = lists.filter((l): l is Uint32Array => l !== null).sort((x, y) => x.length - y.length);
  if (real.length === 0) return null;
  if (real.length === 1) return real[0];
  // The shortest list first: each intersection is at most as long as it, and shorter than every list still to go.
  const out = working(real[0].length);
  let n = intersectInto(real[0], real[0].length, real[1], out);
  for (let i = 2; i < real.length && n > 0; i++) n = intersectInto(out, n, real[i], out);
  return out.slice(0, n);
}

/** Up to this many lists, a union merges them two at a time (shortest first) instead of marking a table. */
const MERGED_LISTS = 4;

/**
 * The positions in either list (each ascending), ascending, each once.
 * @example merge(Uint32Array.of(1, 4), Uint32Array.of(2, 4)) // Uint32Array [1, 2, 4]
 */
export function merge(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(a.length + b.length);
  return out.subarray(0, mergeInto(a, a.length, b, out));
}

/** Writes the positions of `a[0 .. count)` and of `b` to `out` (another array), ascending, each once; returns how many. */
function mergeInto(a: Uint32Array, count: number, b: Uint32Array, out: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < count && j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x <= y) i++;
    if (y <= x) j++;
    out[n++] = x <= y ? x : y;
  }
  while (i < count) out[n++] = a[i++];
  while (j < b.length) out[n++] = b[j++];
  return n;
}

/**
 * The positions in any of the lists (each ascending), ascending, for positions below `size`.
 * @example union([Uint32Array.of(1, 4), Uint32Array.of(2, 4)], 8) // Uint32Array [1, 2, 4]
 */
export function union(all: readonly Uint32Array[], size: number): Uint32Array {
  // One list is its own union (the term of an alternative in one field, the commonest case: no list is made).
  if (all.length === 1) return all[0];
  // Empty lists (an alternative nothing holds) change nothing.
  const lists = all.filter((l) => l.length > 0);
  if (lists.length === 0) return new Uint32Array(0);
  if (lists.length === 1) return lists[0];
  if (lists.length <= MERGED_LISTS) {
    // A few lists (a word and its translations): merging reads their positions only, not every passage; the
    // merges in between are written to the two scratch arrays, only the union is allocated.
    lists.sort((x, y) => x.length - y.length);
    const total = lists.reduce((a, l) => a + l.length, 0);
    let into = working(total);
    let from = lists.length > 2 ? other(into) : into;
    let n = mergeInto(lists[0], lists[0].length, lists[1], into);
    for (let i = 2; i < lists.length; i++) {
      const merged = into;
      into = from;
      from = merged;
      n = mergeInto(from, n, lists[i], into);
    }
    return into.slice(0, n);
  }
  const total = lists.reduce((a, l) => a + l.length, 0);
  if (total * 16 < size) {
    // Few positions: sort them together and drop repeats, cheaper than a table over every passage.
    const all = new Uint32Array(total);
    let at = 0;
    for (const list of lists) {
      all.set(list, at);
      at += list.length;
    }
    all.sort();
    let n = 0;
    for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[n++] = all[i];
    return all.subarray(0, n);
  }
  const marks = new Uint8Array(size);
  let count = 0;
  for (const list of lists) {
    for (let i = 0; i < list.length; i++) {
      if (marks[list[i]] === 0) {
        marks[list[i]] = 1;
        count++;
      }
    }
  }
  const out = new Uint32Array(count);
  let n = 0;
  for (let id = 0; id < size && n < count; id++) if (marks[id] === 1) out[n++] = id;
  return out;
}

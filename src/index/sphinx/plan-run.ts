/**
 * Runs a backend query against the cluster with the embedded backend's semantics: Sphinx finds the
 * candidates of each alternative (narrowed by the other groups and by exact exclusions, filtered by
 * attributes), Node decides their checks over the keys fetched with them, unions each group, intersects
 * the groups, subtracts verified exclusions, counts facets, adds the bonus, weighs kinds and pages — so
 * totals are exact after verification and ties fall in document order, as in the embedded backend
 * (`postings-backend.ts`).
 */
import type { Alternative, BackendQuery, BackendResult, Verifier } from '../backend.js';
import type { FacetTable } from '../facet-table.js';
import { alternativeExpression, checkOf, combine, coreOf, groupSuperset, isExactExclusion } from './match-expression.js';
import { attributeFilter } from './rows.js';
import { atLeast, intersect, unite, type MatchSet } from '../match-set.js';

/**
 * Where candidates come from: passage indexes (0-based) matching an expression, with weights; and the
 * verifier over the match keys this search fetched.
 */
export interface MatchSource {
  /**
   * Passages matching `match` and the attribute conditions (every passage passing the conditions when
   * `match` is ''), with their weights. With `withKeys`, their match keys are fetched too, for `verifier`.
   */
  fetch(match: string, conditions: string[], withKeys?: boolean): Promise<Map<number, number>>;
  /** Fetches the match keys of these passages that this search has not fetched yet. */
  ensureKeys(indexes: Iterable<number>): Promise<void>;
  /** Decides checks and adjacency over the keys fetched so far. */
  readonly verifier: Verifier;
}

/** What the run needs to know about the passages held in Node. */
export interface PassageTable {
  /** Number of passages in the corpus. */
  size: number;
  /** Each passage's document, year and kind, as small integers (the embedded backend's table). */
  facets: FacetTable;
  docOrdinals: ReadonlyMap<string, number>;
}


/** Sphinx weights are integers around 1000 per matched keyword: scale them to a few units. */
const WEIGHT_SCALE = 1000;

const round = (x: number): number => Math.round(x * 1000) / 1000;
const emptyResult = (): BackendResult => ({ total: 0, hits: [], facets: { doc: {}, year: {}, kind: {} } });

/**
 * Answers a backend query from a match source.
 * @example await runQuery({ groups: [[alt]], exclude: [], filters: {}, offset: 0, limit: 10 }, table, source)
 */
export async function runQuery(query: BackendQuery, table: PassageTable, source: MatchSource): Promise<BackendResult> {
  const filter = attributeFilter(query.filters, table.docOrdinals);
  const soft = query.soft?.groups ?? [];
  if (filter === null || (query.groups.length === 0 && soft.length === 0)) return emptyResult();
  // Alternatives are narrowed by the required groups only: a soft group need not match.
  const supersets = query.groups.map(groupSuperset);
  if (supersets.some((s) => s.kind === 'none')) return emptyResult();
  const accept = table.facets.filter(query.filters) ?? ((): boolean => true);
  const exactNots = query.exclude.filter(isExactExclusion).map((x) => expressionOf(x));
  const { verifier } = source;
  let scannedInNode = false;

  const matchAlternative = async (alternative: Alternative, groupIndex: number): Promise<MatchSet> => {
    const found: MatchSet = new Map();
    const labels = alternative.label ? [alternative.label] : [];
    const narrowing = supersets.flatMap((s, i) => (i !== groupIndex && s.kind === 'expr' ? [`(${s.text})`] : []));
    const core = coreOf(alternative);
    if (core.kind === 'none') return found;
    if (core.kind === 'expr') {
      const check = checkOf(alternative);
      const weights = await source.fetch(combine([alternativeExpression(alternative) ?? '', ...narrowing], exactNots), filter.conditions, check !== undefined);
      for (const [index, weight] of weights) {
        if (check && !verifier.holds(check, index)) continue;
        found.set(index, { score: (weight / WEIGHT_SCALE) * (alternative.weight ?? 1), labels });
      }
      return found;
    }
    const { check } = alternative;
    if (!check) return found; // a scan without a check matches nothing, as in the embedded backend
    if (narrowing.length > 0) {
      for (const index of (await source.fetch(combine(narrowing, exactNots), filter.conditions, true)).keys()) {
        if (verifier.holds(check, index)) found.set(index, { score: 1, labels });
      }
    } else {
      // Nothing for the index to look up (a phrase of punctuation and spaces): every passage the filters
      // pass is a candidate, verified in Node.
      scannedInNode = true;
      for (const index of (await source.fetch('', filter.conditions, true)).keys()) {
        if (accept(index) && verifier.holds(check, index)) found.set(index, { score: 1, labels });
      }
    }
    return found;
  };

  const groupSets = await Promise.all(
    query.groups.map(async (group, g) => unite(await Promise.all(group.map((alternative) => matchAlternative(alternative, g))))),
  );
  groupSets.sort((a, b) => a.size - b.size);
  let matched: MatchSet | null = groupSets[0] ?? null;
  for (const set of groupSets.slice(1)) matched = intersect(matched as MatchSet, set);
  if (soft.length > 0) {
    const minimum = Math.min(soft.length, Math.max(1, query.soft?.minimum ?? soft.length));
    const softSets = await Promise.all(
      soft.map(async (group) => unite(await Promise.all(group.map((alternative) => matchAlternative(alternative, -1))))),
    );
    matched = atLeast(softSets, minimum, matched);
  }
  matched ??= new Map();

  const narrowingAll = supersets.flatMap((s) => (s.kind === 'expr' ? [`(${s.text})`] : []));
  await Promise.all(
    query.exclude.map(async (exclusion) => {
      const core = coreOf(exclusion);
      if (matched.size === 0 || core.kind === 'none') return;
      if (core.kind === 'scan') {
        const { check } = exclusion;
        if (!check) return;
        await source.ensureKeys(matched.keys());
        for (const index of [...matched.keys()]) if (verifier.holds(check, index)) matched.delete(index);
        return;
      }
      if (isExactExclusion(exclusion) && !scannedInNode) return; // already a NOT in every fetch
      const check = checkOf(exclusion);
      const candidates = await source.fetch(combine([expressionOf(exclusion), ...narrowingAll]), filter.conditions, check !== undefined);
      for (const index of candidates.keys()) {
        if (matched.has(index) && (!check || verifier.holds(check, index))) matched.delete(index);
      }
    }),
  );

  const kept: MatchSet = new Map();
  for (const [index, m] of matched) if (accept(index)) kept.set(index, m);
  const facets = table.facets.count([...kept.keys()].sort((a, b) => a - b));
  // The adjacency bonus: its phrases' holders found through the index (ids only: it ranks, so the phrase
  // operator's answer is taken as it is), or else every matched passage's key read.
  const adjacency = query.adjacency ?? [];
  const found = adjacency.flatMap(({ alternative, weight }) => (alternative ? [{ alternative, weight }] : []));
  const byIndex = found.length > 0 && found.length === adjacency.length;
  if (byIndex && kept.size > 0) {
    await Promise.all(
      found.map(async ({ alternative, weight }) => {
        const expression = alternativeExpression({ ...alternative, rank: undefined });
        if (expression === null) return;
        for (const index of (await source.fetch(combine([expression, ...narrowingAll]), filter.conditions)).keys()) {
          const m = kept.get(index);
          if (m) m.score += weight;
        }
      }),
    );
  } else if (adjacency.length > 0) await source.ensureKeys(kept.keys());
  for (const [index, m] of kept) {
    if (adjacency.length > 0 && !byIndex) m.score += verifier.bonus(adjacency, index);
    m.score *= table.facets.prior(index);
    // Ranked by the score as reported: scores that differ below the rounding are ties, in document order.
    m.score = round(m.score);
  }
  const ranked = [...kept].sort((a, b) => b[1].score - a[1].score || a[0] - b[0]);
  const page = ranked.slice(query.offset, query.offset + query.limit);
  return {
    total: ranked.length,
    facets,
    hits: page.map(([index, m]) => ({ index, score: m.score, labels: [...new Set(m.labels)] })),
  };
}

function expressionOf(alternative: Alternative): string {
  const core = coreOf(alternative);
  return core.kind === 'expr' ? `(${core.text})` : '';
}

/**
 * Runs a backend query against the cluster with the embedded backend's semantics: Sphinx finds the
 * candidates of each alternative (narrowed by the other groups and by exact exclusions, filtered by
 * attributes), Node verifies them, unions each group, intersects the groups, subtracts verified
 * exclusions, counts facets, adds the bonus, weighs kinds and pages — so totals are exact after
 * verification and ties fall in document order, as in the embedded backend (`postings-backend.ts`).
 */
import type { Alternative, BackendQuery, BackendResult, PassageFacts } from '../backend.js';
import { KIND_WEIGHTS } from '../schema.js';
import { alternativeExpression, combine, coreOf, groupSuperset, isExactExclusion } from './match-expression.js';
import { attributeFilter } from './rows.js';
import { intersect, unite, type MatchSet } from '../match-set.js';

/** Where candidates come from: passage indexes (0-based) matching an expression, with weights. */
export interface MatchSource {
  fetch(match: string, conditions: string[]): Promise<Map<number, number>>;
}

/** What the run needs to know about the passages held in Node. */
export interface PassageTable {
  facts: PassageFacts[];
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
  if (filter === null || query.groups.length === 0) return emptyResult();
  const supersets = query.groups.map(groupSuperset);
  if (supersets.some((s) => s.kind === 'none')) return emptyResult();
  const accept = acceptor(query, table.facts);
  const exactNots = query.exclude.filter(isExactExclusion).map((x) => expressionOf(x));
  let scannedInNode = false;

  const matchAlternative = async (alternative: Alternative, groupIndex: number): Promise<MatchSet> => {
    const found: MatchSet = new Map();
    const labels = alternative.label ? [alternative.label] : [];
    const narrowing = supersets.flatMap((s, i) => (i !== groupIndex && s.kind === 'expr' ? [`(${s.text})`] : []));
    const core = coreOf(alternative);
    if (core.kind === 'none') return found;
    if (core.kind === 'expr') {
      const weights = await source.fetch(combine([alternativeExpression(alternative) ?? '', ...narrowing], exactNots), filter.conditions);
      for (const [index, weight] of weights) {
        if (alternative.verify && !alternative.verify(index)) continue;
        found.set(index, { score: weight / WEIGHT_SCALE, labels });
      }
      return found;
    }
    const verify = alternative.verify;
    if (!verify) return found; // a scan without a verifier matches nothing, as in the embedded backend
    if (narrowing.length > 0) {
      for (const index of (await source.fetch(combine(narrowing, exactNots), filter.conditions)).keys()) {
        if (verify(index)) found.set(index, { score: 1, labels });
      }
    } else {
      scannedInNode = true;
      for (let index = 0; index < table.facts.length; index++) {
        if (accept(index) && verify(index)) found.set(index, { score: 1, labels });
      }
    }
    return found;
  };

  const groupSets = await Promise.all(
    query.groups.map(async (group, g) => unite(await Promise.all(group.map((alternative) => matchAlternative(alternative, g))))),
  );
  groupSets.sort((a, b) => a.size - b.size);
  let matched: MatchSet = groupSets[0] ?? new Map();
  for (const set of groupSets.slice(1)) matched = intersect(matched, set);

  const narrowingAll = supersets.flatMap((s) => (s.kind === 'expr' ? [`(${s.text})`] : []));
  await Promise.all(
    query.exclude.map(async (exclusion) => {
      const core = coreOf(exclusion);
      if (matched.size === 0 || core.kind === 'none') return;
      if (core.kind === 'scan') {
        if (exclusion.verify) for (const index of [...matched.keys()]) if (exclusion.verify(index)) matched.delete(index);
        return;
      }
      if (isExactExclusion(exclusion) && !scannedInNode) return; // already a NOT in every fetch
      const candidates = await source.fetch(combine([expressionOf(exclusion), ...narrowingAll]), filter.conditions);
      for (const index of candidates.keys()) {
        if (matched.has(index) && (!exclusion.verify || exclusion.verify(index))) matched.delete(index);
      }
    }),
  );

  const kept: MatchSet = new Map();
  for (const [index, m] of matched) if (accept(index)) kept.set(index, m);
  const facets = countFacets(kept, table.facts);
  for (const [index, m] of kept) {
    if (query.bonus) m.score += query.bonus(index);
    m.score *= KIND_WEIGHTS[table.facts[index]?.kind ?? 'paragraph'];
  }
  const ranked = [...kept].sort((a, b) => b[1].score - a[1].score || a[0] - b[0]);
  const page = ranked.slice(query.offset, query.offset + query.limit);
  return {
    total: ranked.length,
    facets,
    hits: page.map(([index, m]) => ({ index, score: round(m.score), labels: [...new Set(m.labels)] })),
  };
}

function expressionOf(alternative: Alternative): string {
  const core = coreOf(alternative);
  return core.kind === 'expr' ? `(${core.text})` : '';
}

/** The filters as a predicate over passage positions (for passages found in Node, and as a check). */
function acceptor(query: BackendQuery, facts: PassageFacts[]): (index: number) => boolean {
  const { doc, year, kind } = query.filters;
  return (index) => {
    const f = facts[index];
    if (!f) return false;
    return (doc === undefined || f.docId === doc) && (year === undefined || f.year === year) && (kind === undefined || f.kind === kind);
  };
}

function countFacets(matched: MatchSet, facts: PassageFacts[]): BackendResult['facets'] {
  const facets: BackendResult['facets'] = { doc: {}, year: {}, kind: {} };
  for (const index of matched.keys()) {
    const f = facts[index];
    if (!f) continue;
    facets.doc[f.docId] = (facets.doc[f.docId] ?? 0) + 1;
    if (f.year !== null) facets.year[f.year] = (facets.year[f.year] ?? 0) + 1;
    facets.kind[f.kind] = (facets.kind[f.kind] ?? 0) + 1;
  }
  return facets;
}

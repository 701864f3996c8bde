/**
 * The embedded backend: MiniSearch for term lookup and BM25, plus the set algebra of the query plan
 * (AND of OR-groups, exclusions, filters), exact totals, facets and top-k.
 */
import MiniSearch from 'minisearch';
import type { PassageKind } from '../model.js';
import type { Alternative, BackendNode, BackendQuery, BackendResult, IndexField, PassageFacts, SearchBackend } from './backend.js';
import { MINISEARCH_OPTIONS, type IndexedDoc } from './schema.js';
import type { Vocabulary } from './vocabulary.js';
import { completeFromVocabulary } from './vocabulary.js';

interface Matched {
  score: number;
  labels: string[];
}

type MatchSet = Map<number, Matched>;

/** Contents lines and front matter rank below the body text that says the same words. */
const KIND_WEIGHTS: Record<PassageKind, number> = { paragraph: 1, heading: 1, table: 1, toc: 0.2, front: 0.5 };

export class MiniSearchBackend implements SearchBackend {
  readonly name = 'minisearch';

  constructor(
    private readonly index: MiniSearch<IndexedDoc>,
    private readonly facts: PassageFacts[],
    private readonly vocabulary: Vocabulary,
  ) {}

  /** Loads a backend from MiniSearch's JSON. */
  static fromJSON(json: string, facts: PassageFacts[], vocabulary: Vocabulary): MiniSearchBackend {
    return new MiniSearchBackend(MiniSearch.loadJSON<IndexedDoc>(json, MINISEARCH_OPTIONS), facts, vocabulary);
  }

  size(): number {
    return this.facts.length;
  }

  search(query: BackendQuery): BackendResult {
    let matched: MatchSet | null = null;
    const groups = query.groups.map((group) => this.matchGroup(group));
    groups.sort((a, b) => a.size - b.size);
    for (const group of groups) matched = matched ? intersect(matched, group) : group;
    matched ??= new Map();
    for (const alternative of query.exclude) {
      for (const index of this.matchAlternative(alternative).keys()) matched.delete(index);
    }
    const kept = this.applyFilters(matched, query);
    const facets = this.countFacets(kept);
    for (const [index, m] of kept) {
      if (query.bonus) m.score += query.bonus(index);
      m.score *= KIND_WEIGHTS[this.facts[index]?.kind ?? 'paragraph'];
    }
    const ranked = [...kept].sort((a, b) => b[1].score - a[1].score || a[0] - b[0]);
    const page = ranked.slice(query.offset, query.offset + query.limit);
    return {
      total: ranked.length,
      facets,
      hits: page.map(([index, m]) => ({ index, score: round(m.score), labels: [...new Set(m.labels)] })),
    };
  }

  completions(field: IndexField, prefix: string, limit: number): Array<{ term: string; count: number }> {
    return field === 'words' ? completeFromVocabulary(this.vocabulary, prefix, limit) : [];
  }

  nodes(): BackendNode[] {
    return [{ name: 'embedded', role: 'in-process MiniSearch index', state: 'up' }];
  }

  close(): void {
    // Nothing to release: the index lives in this process's memory.
  }

  private matchGroup(group: Alternative[]): MatchSet {
    const union: MatchSet = new Map();
    for (const alternative of group) {
      for (const [index, m] of this.matchAlternative(alternative)) {
        const seen = union.get(index);
        if (!seen) union.set(index, { score: m.score, labels: [...m.labels] });
        else {
          seen.score = Math.max(seen.score, m.score);
          seen.labels.push(...m.labels);
        }
      }
    }
    return union;
  }

  private matchAlternative(alternative: Alternative): MatchSet {
    const found: MatchSet = new Map();
    const labels = alternative.label ? [alternative.label] : [];
    if (alternative.kind === 'scan' || alternative.terms.length === 0) {
      if (!alternative.verify) return found;
      for (let index = 0; index < this.facts.length; index++) {
        if (alternative.verify(index)) found.set(index, { score: 1, labels });
      }
    } else {
      const results = this.index.search(
        { queries: alternative.terms, combineWith: 'AND' },
        { fields: alternative.fields, prefix: alternative.prefix ?? false },
      );
      for (const r of results) {
        const index = r.id as number;
        if (alternative.verify && !alternative.verify(index)) continue;
        found.set(index, { score: r.score, labels });
      }
    }
    const rank = alternative.rank;
    if (rank && rank.terms.length > 0 && found.size > 0) {
      const extra = this.index.search(
        { queries: rank.terms, combineWith: 'OR' },
        { fields: rank.fields, filter: (r) => found.has(r.id as number) },
      );
      for (const r of extra) {
        const m = found.get(r.id as number);
        if (m) m.score += rank.weight * r.score;
      }
    }
    return found;
  }

  private applyFilters(matched: MatchSet, query: BackendQuery): MatchSet {
    const { doc, year, kind } = query.filters;
    if (doc === undefined && year === undefined && kind === undefined) return matched;
    const kept: MatchSet = new Map();
    for (const [index, m] of matched) {
      const f = this.facts[index];
      if (!f) continue;
      if (doc !== undefined && f.docId !== doc) continue;
      if (year !== undefined && f.year !== year) continue;
      if (kind !== undefined && f.kind !== kind) continue;
      kept.set(index, m);
    }
    return kept;
  }

  private countFacets(matched: MatchSet): BackendResult['facets'] {
    const facets: BackendResult['facets'] = { doc: {}, year: {}, kind: {} };
    for (const index of matched.keys()) {
      const f = this.facts[index];
      if (!f) continue;
      facets.doc[f.docId] = (facets.doc[f.docId] ?? 0) + 1;
      if (f.year !== null) facets.year[f.year] = (facets.year[f.year] ?? 0) + 1;
      facets.kind[f.kind] = (facets.kind[f.kind] ?? 0) + 1;
    }
    return facets;
  }
}

function intersect(a: MatchSet, b: MatchSet): MatchSet {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const out: MatchSet = new Map();
  for (const [index, m] of small) {
    const other = large.get(index);
    if (other) out.set(index, { score: m.score + other.score, labels: [...m.labels, ...other.labels] });
  }
  return out;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * The embedded backend over flat postings (`postings.ts`): the set algebra of the query plan (AND of
 * OR-groups, exclusions, filters) done on sorted passage lists, rarest term first; then, passage by passage
 * in ascending order, verification (exact phrases), exclusions, and only then scoring — so a passage that
 * fails verification is never scored. Exact totals and facets count every survivor; the page is picked from
 * them with a bounded heap instead of sorting them all.
 *
 * Scores follow MiniSearch's (BM25+, field boosts, prefix weights, × number of query terms matched), the
 * ranking the engine had when MiniSearch held the index.
 */
import { coordination, type Alternative, type BackendNode, type BackendQuery, type BackendResult, type IndexField, type PassageFacts, type SearchBackend } from './backend.js';
import { bm25, idf, prefixWeight } from './bm25.js';
import type { PostingsIndex } from './postings-file.js';
import { documentFrequency, postingAt, prefixRange, termIndex, type FieldPostings } from './postings.js';
import { FacetTable } from './facet-table.js';
import { FIELD_BOOSTS } from './schema.js';
import { topK } from './top-k.js';
import { GallopCursor, intersectAll, union } from './sorted-ids.js';
import { completeFromVocabulary, vocabularyOf, type Vocabulary } from './vocabulary.js';

/** One posting that adds score: a term (or a term found by prefix) in one field. */
interface ScoreSource {
  docs: Uint32Array;
  tfs: Uint16Array;
  cursor: GallopCursor;
  idf: number;
  /** Field boost × term weight. */
  weight: number;
  field: FieldPostings;
}

/** The score sources of each query term of an alternative (or of its `rank` terms). */
type TermSources = ScoreSource[][];

const EMPTY = new Uint32Array(0);

/** An alternative made ready for one search: its candidate passages, a membership test and a scorer. */
class PreparedAlternative {
  /** Passages the index says may match (before verification), ascending; null = every passage. */
  readonly candidates: Uint32Array | null;
  readonly label: string | undefined;
  private readonly weight: number;
  private readonly member: GallopCursor | null;
  private readonly verify: ((index: number) => boolean) | undefined;
  private readonly exact: TermSources = [];
  private readonly prefixed: Float64Array[] = [];
  private readonly rank: TermSources = [];
  private readonly rankWeight: number;
  private readonly constantScore: boolean;

  constructor(alternative: Alternative, index: PostingsIndex) {
    const n = index.passages;
    this.label = alternative.label;
    this.weight = alternative.weight ?? 1;
    this.verify = alternative.verify;
    this.constantScore = alternative.kind === 'scan' || alternative.terms.length === 0;
    if (this.constantScore) {
      this.candidates = alternative.verify ? null : EMPTY;
    } else if (alternative.prefix) {
      const perTerm = alternative.terms.map((term) => this.prefixTerm(term, alternative.fields, index));
      this.candidates = intersectAll(perTerm) ?? EMPTY;
    } else {
      const perTerm = alternative.terms.map((term) => {
        const sources = sourcesOf(term, alternative.fields, index);
        this.exact.push(sources);
        return union(sources.map((s) => s.docs), n);
      });
      this.candidates = intersectAll(perTerm) ?? EMPTY;
    }
    this.member = this.candidates ? new GallopCursor(this.candidates) : null;
    const rank = alternative.rank;
    this.rankWeight = rank?.weight ?? 0;
    if (rank && rank.terms.length > 0 && this.candidates?.length !== 0) {
      for (const term of new Set(rank.terms)) this.rank.push(sourcesOf(term, rank.fields, index));
    }
  }

  /** Scores every passage holding a term that starts with `term` (in any field); returns them, ascending. */
  private prefixTerm(term: string, fields: readonly IndexField[], index: PostingsIndex): Uint32Array {
    const n = index.passages;
    const scores = new Float64Array(n);
    const lists: Uint32Array[] = [];
    for (const name of fields) {
      const field = index.fields[name];
      const [from, to] = prefixRange(field, term);
      for (let t = from; t < to; t++) {
        const { docs, tfs } = postingAt(field, t);
        const termIdf = idf(documentFrequency(field, t), n);
        const weight = FIELD_BOOSTS[name] * prefixWeight(term, field.terms[t]);
        for (let i = 0; i < docs.length; i++) {
          const doc = docs[i];
          scores[doc] += weight * bm25(tfs[i], termIdf, field.lengths[doc], field.averageLength);
        }
        lists.push(docs);
      }
    }
    this.prefixed.push(scores);
    return union(lists, n);
  }

  /** True when the passage is a candidate and passes verification. Ascending `p` across calls. */
  matches(p: number): boolean {
    if (this.member && this.member.seek(p) < 0) return false;
    return this.verify ? this.verify(p) : true;
  }

  /** The passage's score (MiniSearch's, plus the weighted `rank` score). Ascending `p` across calls. */
  score(p: number): number {
    let score: number;
    if (this.constantScore) score = 1;
    else if (this.prefixed.length > 0) {
      score = 0;
      for (const scores of this.prefixed) score += scores[p];
      score *= this.prefixed.length;
    } else {
      const { sum, matched } = scoreTerms(this.exact, p);
      score = sum * matched;
    }
    if (this.rank.length > 0) {
      const { sum, matched } = scoreTerms(this.rank, p);
      score += this.rankWeight * sum * matched;
    }
    return score * this.weight;
  }
}

/** The postings of `term` in each of `fields` that holds it. */
function sourcesOf(term: string, fields: readonly IndexField[], index: PostingsIndex): ScoreSource[] {
  const sources: ScoreSource[] = [];
  for (const name of fields) {
    const field = index.fields[name];
    const t = termIndex(field, term);
    if (t < 0) continue;
    const { docs, tfs } = postingAt(field, t);
    sources.push({ docs, tfs, cursor: new GallopCursor(docs), idf: idf(docs.length, index.passages), weight: FIELD_BOOSTS[name], field });
  }
  return sources;
}

/** Sum of BM25 over the terms' sources holding passage `p`, and how many terms matched it. */
function scoreTerms(terms: TermSources, p: number): { sum: number; matched: number } {
  let sum = 0;
  let matched = 0;
  for (const sources of terms) {
    let hit = false;
    for (const s of sources) {
      const at = s.cursor.seek(p);
      if (at < 0) continue;
      sum += s.weight * bm25(s.tfs[at], s.idf, s.field.lengths[p], s.field.averageLength);
      hit = true;
    }
    if (hit) matched++;
  }
  return { sum, matched };
}

export class PostingsBackend implements SearchBackend {
  readonly name = 'postings';
  private vocabulary: Vocabulary | null = null;
  private readonly facts: FacetTable;
  private readonly passages: number;

  constructor(
    private readonly index: PostingsIndex,
    facts: readonly PassageFacts[],
  ) {
    this.facts = new FacetTable(facts);
    this.passages = facts.length;
  }

  size(): number {
    return this.passages;
  }

  search(query: BackendQuery): BackendResult {
    const n = this.passages;
    const prepare = (group: Alternative[]): PreparedAlternative[] => group.map((a) => new PreparedAlternative(a, this.index));
    const groups = query.groups.map(prepare);
    const soft = (query.soft?.groups ?? []).map(prepare);
    const minimum = soft.length === 0 ? 0 : Math.min(soft.length, Math.max(1, query.soft?.minimum ?? soft.length));
    const exclude = query.exclude.map((a) => new PreparedAlternative(a, this.index));
    const result: BackendResult = { total: 0, hits: [], facets: { doc: {}, year: {}, kind: {} } };
    if (groups.length === 0 && soft.length === 0) return result;

    // Candidates by the index alone: in every required group, and in enough soft groups, through any of
    // a group's alternatives.
    const groupCandidates = (g: PreparedAlternative[]): Uint32Array | null =>
      g.some((a) => a.candidates === null) ? null : union(g.map((a) => a.candidates ?? EMPTY), n);
    const perGroup = groups.map(groupCandidates);
    if (soft.length > 0) perGroup.push(this.atLeast(soft.map(groupCandidates), minimum));
    const candidates = intersectAll(perGroup);
    const count = candidates ? candidates.length : n;

    const ids: number[] = [];
    const scores: number[] = [];
    const labels: Array<string[] | undefined> = [];
    const matched: PreparedAlternative[][] = groups.map(() => []);
    const matchedSoft: PreparedAlternative[][] = soft.map(() => []);
    const keep = this.facts.filter(query.filters);
    for (let i = 0; i < count; i++) {
      const p = candidates ? candidates[i] : i;
      if (keep && !keep(p)) continue;
      if (!this.matchesAll(p, groups, matched)) continue;
      const softMatched = soft.length === 0 ? 0 : this.matchesSome(p, soft, matchedSoft);
      if (softMatched < minimum) continue;
      if (exclude.some((x) => x.matches(p))) continue;
      let score = 0;
      let found: string[] | undefined;
      for (const alternatives of soft.length === 0 ? matched : [...matched, ...matchedSoft]) {
        let best = 0;
        for (const a of alternatives) {
          best = Math.max(best, a.score(p));
          if (a.label) (found ??= []).push(a.label);
        }
        score += best;
      }
      ids.push(p);
      scores.push(score * coordination(softMatched, soft.length));
      labels.push(found);
    }

    result.total = ids.length;
    result.facets = this.facts.count(ids);
    for (let i = 0; i < ids.length; i++) {
      if (query.bonus) scores[i] += query.bonus(ids[i]);
      scores[i] *= this.facts.kindWeight(ids[i]);
    }
    const page = topK(ids, scores, query.offset + query.limit).slice(query.offset);
    result.hits = page.map((i) => ({ index: ids[i], score: round(scores[i]), labels: [...new Set(labels[i] ?? [])] }));
    return result;
  }

  /** Passages in at least `minimum` of the lists (null = every passage), ascending; null when that may be every one. */
  private atLeast(lists: Array<Uint32Array | null>, minimum: number): Uint32Array | null {
    if (lists.some((l) => l === null)) return null;
    const present = lists as Uint32Array[];
    if (minimum <= 1) return union(present, this.passages);
    const counts = new Uint16Array(this.passages);
    const out: number[] = [];
    for (const list of present) {
      for (let i = 0; i < list.length; i++) if (++counts[list[i]] === minimum) out.push(list[i]);
    }
    return Uint32Array.from(out).sort();
  }

  completions(field: IndexField, prefix: string, limit: number): Array<{ term: string; count: number }> {
    if (field !== 'words') return [];
    return completeFromVocabulary(this.words(), prefix, limit);
  }

  /** Every term of the `words` field with its passage count, sorted by term (for "did you mean"). */
  words(): Vocabulary {
    this.vocabulary ??= vocabularyOf(this.index.fields.words);
    return this.vocabulary;
  }

  nodes(): BackendNode[] {
    return [{ name: 'embedded', role: 'in-process postings index', state: 'up' }];
  }

  close(): void {
    // Nothing to release: the index lives in this process's memory.
  }

  /** Fills `matched` with each group's alternatives that match `p`; returns how many groups had one. */
  private matchesSome(p: number, groups: PreparedAlternative[][], matched: PreparedAlternative[][]): number {
    let count = 0;
    for (let g = 0; g < groups.length; g++) {
      const out = matched[g];
      out.length = 0;
      for (const a of groups[g]) if (a.matches(p)) out.push(a);
      if (out.length > 0) count++;
    }
    return count;
  }

  /** Fills `matched` with each group's alternatives that match `p`; false when a group has none. */
  private matchesAll(p: number, groups: PreparedAlternative[][], matched: PreparedAlternative[][]): boolean {
    for (let g = 0; g < groups.length; g++) {
      const out = matched[g];
      out.length = 0;
      for (const a of groups[g]) if (a.matches(p)) out.push(a);
      if (out.length === 0) return false;
    }
    return true;
  }
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

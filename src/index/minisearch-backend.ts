/**
 * The reference backend: the same fields, terms and query semantics as the postings index, held in a plain
 * MiniSearch index and answered through MiniSearch's own AND/OR search and BM25. It is what the index was
 * before the benchmark showed flat postings ~4-10x faster (docs/performance.md); it stays as an independent
 * implementation that the postings index is checked against (tests/index/backends-agree.test.ts), and can
 * serve as the embedded backend with `INDEX_BACKEND=minisearch`. It verifies over the match keys of the
 * passages it holds, written in place with them.
 */
import MiniSearch, { type Options } from 'minisearch';
import type { Passage } from '../model.js';
import { analyze, wordFieldTerms, wordFieldTokens } from '../text/analyzer.js';
import { WriteRejectedError, type Alternative, type BackendNode, type BackendQuery, type BackendResult, type IndexField, type PassageAt, type PassageFacts, type SearchBackend, type Verifier } from './backend.js';
import { verifierOver } from './checks.js';
import { atLeast, intersect, unite, type Matched, type MatchSet } from './match-set.js';
import { PassageKeys } from './passage-keys.js';
import { newestYear, passagePrior } from './prior.js';
import { FIELD_BOOSTS, INDEX_FIELDS } from './schema.js';

/** Separates pre-analyzed terms inside a field value; the analyzer never produces it. */
const TERM_SEPARATOR = '\u0001';

type IndexedDoc = { id: number } & Record<IndexField, string>;

const keepTerm = (term: string): string => term;

const MINISEARCH_OPTIONS: Options<IndexedDoc> = {
  idField: 'id',
  fields: INDEX_FIELDS,
  storeFields: [],
  tokenize: (text: string) => (text ? text.split(TERM_SEPARATOR) : []),
  processTerm: keepTerm,
  searchOptions: { tokenize: (text: string) => [text], processTerm: keepTerm, boost: FIELD_BOOSTS },
};


/** The MiniSearch document of a passage: the analyzer's terms per field, exactly as the postings index has them. */
function indexedDoc(passage: Passage, id: number): IndexedDoc {
  const analyzed = analyze(passage.text);
  const join = (terms: string[]): string => terms.join(TERM_SEPARATOR);
  return {
    id,
    words: join(wordFieldTokens(analyzed).map((t) => t.term)),
    bigrams: join(analyzed.bigrams.map((t) => t.term)),
    heading: join(wordFieldTerms(passage.sectionPath[passage.sectionPath.length - 1] ?? '')),
    en: join(passage.textEn ? wordFieldTerms(passage.textEn) : []),
  };
}

export class MiniSearchBackend implements SearchBackend {
  readonly name = 'minisearch';
  readonly stable = true;
  private readonly index = new MiniSearch<IndexedDoc>(MINISEARCH_OPTIONS);
  /** Passages holding each word (for completions), the words of each held passage, and the words in order (rebuilt after a write). */
  private readonly wordCounts = new Map<string, number>();
  private readonly wordsAt = new Map<number, string[]>();
  private words: string[] | null = null;
  /** Facts per position; a hole where a passage was removed. */
  private readonly facts: Array<PassageFacts | undefined>;
  private readonly years: Map<string, number | null>;
  /** The newest report year, for the static prior (writes only hold passages of the reports it opened with). */
  private readonly newest: number | null;
  /** The passages held, by position (a hole where one was removed), and the verifier over their keys. */
  private readonly held: Array<Passage | undefined>;
  private verifier: Verifier;

  /**
   * Indexes the passages (in order; their positions are their ids).
   * @example new MiniSearchBackend(passages, facts).size() === passages.length
   */
  constructor(passages: readonly Passage[], facts: PassageFacts[]) {
    this.facts = [...facts];
    this.years = new Map(facts.map((f) => [f.docId, f.year]));
    this.newest = newestYear(facts.map((f) => f.year));
    this.held = [...passages];
    this.verifier = verifierOver(new PassageKeys(this.held));
    passages.forEach((passage, i) => this.hold(i, passage));
  }

  size(): number {
    return this.index.documentCount;
  }

  /** Holds each passage at its position (see `SearchBackend.upsert`). */
  async upsert(passages: readonly PassageAt[]): Promise<void> {
    for (const { index, passage } of passages) {
      if (!Number.isSafeInteger(index) || index < 0 || index >= this.facts.length + passages.length) {
        throw new WriteRejectedError(`position ${index} is not a whole number from 0 to ${this.facts.length + passages.length - 1}`);
      }
      if (!this.years.has(passage.docId)) throw new WriteRejectedError(`passage ${passage.id} belongs to "${passage.docId}", which the backend was not opened with`);
    }
    for (const { index, passage } of passages) {
      this.drop(index);
      this.facts[index] = { docId: passage.docId, year: this.years.get(passage.docId) ?? null, kind: passage.kind };
      this.held[index] = passage;
      this.hold(index, passage);
    }
    this.verifier = verifierOver(new PassageKeys(this.held));
  }

  /** Deletes the passages at these positions (see `SearchBackend.remove`). */
  async remove(indexes: readonly number[]): Promise<void> {
    for (const index of indexes) {
      this.drop(index);
      this.facts[index] = undefined;
      if (index < this.held.length) this.held[index] = undefined;
    }
    this.verifier = verifierOver(new PassageKeys(this.held));
  }

  private hold(index: number, passage: Passage): void {
    const doc = indexedDoc(passage, index);
    const words = [...new Set(doc.words.split(TERM_SEPARATOR))].filter(Boolean);
    for (const term of words) this.wordCounts.set(term, (this.wordCounts.get(term) ?? 0) + 1);
    this.wordsAt.set(index, words);
    this.index.add(doc);
    this.words = null;
  }

  private drop(index: number): void {
    if (!this.index.has(index)) return;
    for (const term of this.wordsAt.get(index) ?? []) {
      const count = (this.wordCounts.get(term) ?? 0) - 1;
      if (count > 0) this.wordCounts.set(term, count);
      else this.wordCounts.delete(term);
    }
    this.wordsAt.delete(index);
    this.index.discard(index);
    this.words = null;
  }

  search(query: BackendQuery): BackendResult {
    let matched: MatchSet | null = null;
    const groups = query.groups.map((group) => this.matchGroup(group)).sort((a, b) => a.size - b.size);
    for (const group of groups) matched = matched ? intersect(matched, group) : group;
    const soft = query.soft?.groups ?? [];
    if (soft.length > 0) {
      const minimum = Math.min(soft.length, Math.max(1, query.soft?.minimum ?? soft.length));
      matched = atLeast(soft.map((group) => this.matchGroup(group)), minimum, matched);
    }
    matched ??= new Map();
    for (const alternative of query.exclude) {
      for (const index of this.matchAlternative(alternative).keys()) matched.delete(index);
    }
    const { doc, docs, year, kind } = query.filters;
    const among = docs === undefined ? null : new Set(docs);
    const facets: BackendResult['facets'] = { doc: {}, year: {}, kind: {} };
    const kept: Array<[number, Matched]> = [];
    const newest = this.newest;
    for (const [index, m] of matched) {
      const f = this.facts[index];
      if (!f || (doc !== undefined && f.docId !== doc) || (among !== null && !among.has(f.docId)) || (year !== undefined && f.year !== year) || (kind !== undefined && f.kind !== kind)) continue;
      facets.doc[f.docId] = (facets.doc[f.docId] ?? 0) + 1;
      if (f.year !== null) facets.year[f.year] = (facets.year[f.year] ?? 0) + 1;
      facets.kind[f.kind] = (facets.kind[f.kind] ?? 0) + 1;
      m.score = (m.score + (query.adjacency ? this.verifier.bonus(query.adjacency, index) : 0)) * passagePrior(f.kind, f.year, newest);
      kept.push([index, m]);
    }
    kept.sort((a, b) => b[1].score - a[1].score || a[0] - b[0]);
    return {
      total: kept.length,
      facets,
      hits: kept.slice(query.offset, query.offset + query.limit).map(([index, m]) => ({ index, score: m.score, labels: [...new Set(m.labels)] })),
    };
  }

  completions(field: IndexField, prefix: string, limit: number): Array<{ term: string; count: number }> {
    if (field !== 'words' || !prefix) return [];
    this.words ??= [...this.wordCounts.keys()].sort();
    return this.words.filter((t) => t.startsWith(prefix)).slice(0, limit).map((term) => ({ term, count: 0 }));
  }

  nodes(): BackendNode[] {
    return [{ name: 'embedded', role: 'in-process MiniSearch index (reference)', state: 'up' }];
  }

  close(): void {
    // Nothing to release: the index lives in this process's memory.
  }

  private matchGroup(group: Alternative[]): MatchSet {
    return unite(group.map((alternative) => this.matchAlternative(alternative)));
  }

  private matchAlternative(alternative: Alternative): MatchSet {
    const found: MatchSet = new Map();
    const labels = alternative.label ? [alternative.label] : [];
    const { check } = alternative;
    if (alternative.kind === 'scan' || alternative.terms.length === 0) {
      if (!check) return found;
      for (let index = 0; index < this.facts.length; index++) if (this.verifier.holds(check, index)) found.set(index, { score: alternative.weight ?? 1, labels });
      return found;
    }
    const results = this.index.search(
      { queries: alternative.terms, combineWith: 'AND' },
      { fields: alternative.fields, prefix: alternative.prefix ?? false },
    );
    for (const r of results) {
      const index = r.id as number;
      if (!check || this.verifier.holds(check, index)) found.set(index, { score: r.score, labels });
    }
    const rank = alternative.rank;
    if (rank && rank.terms.length > 0 && found.size > 0) {
      const extra = this.index.search({ queries: rank.terms, combineWith: 'OR' }, { fields: rank.fields, filter: (r) => found.has(r.id as number) });
      for (const r of extra) {
        const m = found.get(r.id as number);
        if (m) m.score += rank.weight * r.score;
      }
    }
    if (alternative.weight !== undefined) for (const m of found.values()) m.score *= alternative.weight;
    return found;
  }
}

/**
 * The corpus evidence sense selection asks for (`senses.ts`), counted by the backend with the engine's own
 * matching (a term is a normalized substring, verified), over the whole corpus whatever the filters. Counts
 * are kept in a map the engine owns for its life: the corpus does not change under an open engine.
 */
import type { Alternative, SearchBackend } from '../index/backend.js';
import { substringAlternatives } from './plan.js';
import type { Evidence } from './senses.js';

/** Past this many kept counts the map starts afresh (a bound on memory, not a cache policy). */
const MAX_KEPT = 50_000;

export class CorpusEvidence implements Evidence {
  constructor(
    private readonly backend: SearchBackend,
    private readonly kept: Map<string, number>,
    private readonly pinyinNames?: (word: string) => string[],
    /** Set when the engine has the corpus vocabulary (`Evidence.wordsBeginning`). */
    readonly wordsBeginning?: (prefix: string) => readonly string[],
    private readonly dictionaryGlosses?: (term: string) => readonly string[] | null,
    /** Set with `wordsBeginning` (`Evidence.wordCount`). */
    readonly wordCount?: (term: string) => number,
  ) {}

  glossStems(term: string): readonly string[] | null {
    return this.dictionaryGlosses?.(term) ?? null;
  }

  names(word: string): string[] {
    return this.pinyinNames?.(word) ?? [];
  }

  holders(term: string): Promise<number> {
    return this.count(`1\0${term}`, () => [this.alternatives(term)]);
  }

  together(term: string, others: readonly string[]): Promise<number> {
    return this.count(`2\0${term}\0${others.join('\0')}`, () => [this.alternatives(term), others.flatMap((o) => this.alternatives(o))]);
  }

  private alternatives(term: string): Alternative[] {
    return substringAlternatives(term).alternatives;
  }

  /** The count kept under `key`, else the backend's for the groups (planned only then: planning segments the terms). */
  private async count(key: string, groupsOf: () => Alternative[][]): Promise<number> {
    const known = this.kept.get(key);
    if (known !== undefined) return known;
    const groups = groupsOf();
    if (groups.some((g) => g.length === 0)) return 0;
    const result = await this.backend.search({ groups, exclude: [], filters: {}, offset: 0, limit: 0 });
    if (this.kept.size >= MAX_KEPT) this.kept.clear();
    this.kept.set(key, result.total);
    return result.total;
  }
}

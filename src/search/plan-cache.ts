/**
 * The plans an engine has made, kept for its life by query text: a plan depends on the query, the corpus (its
 * forced cuts and, for English, the evidence senses are chosen by) and the expander, none of which changes under
 * an open engine over a stable index (a cluster's plans are not kept: `SearchBackend.stable`). The next page of
 * a query, the same query with another filter or sort, and the checks "did you mean" makes are planned once. Plans are frozen all the way down, as every search of the text shares them; at
 * most `max` are kept, then afresh (a bound on memory). A plan that failed is not kept.
 */
import type { ParsedQuery } from './query-parser.js';
import type { QueryPlan } from './plan.js';
import { deepFrozen } from '../text/deep-frozen.js';

/** A parsed query and its plan. */
export interface Planned {
  parsed: ParsedQuery;
  plan: QueryPlan;
}

export class PlanCache {
  private readonly kept = new Map<string, Promise<Planned>>();

  constructor(private readonly max: number) {}

  /** The plan of `query`, made by `make` the first time (or once more after a failure), the same promise after. */
  planOf(query: string, make: () => Promise<Planned>): Promise<Planned> {
    const known = this.kept.get(query);
    if (known) return known;
    if (this.kept.size >= this.max) this.kept.clear();
    const made = make().then(deepFrozen);
    this.kept.set(query, made);
    made.catch(() => {
      if (this.kept.get(query) === made) this.kept.delete(query);
    });
    return made;
  }
}

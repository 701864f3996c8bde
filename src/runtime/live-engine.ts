/**
 * An engine whose index can be replaced while it serves: every call goes to the engine current when it is
 * made, and an engine replaced is closed once the calls it was serving have returned. The server holds one,
 * and `index-reload.ts` replaces its engine when `npm run ingest` has written a new index.
 */
import type { ConcordanceOptions, ConcordanceResponse, TrendSeries } from '../search/research.js';
import type { Engine, SearchOptions } from '../search/types.js';

export class LiveEngine implements Engine {
  private current: Engine;
  /** Calls in flight, by the engine serving them. */
  private readonly inFlight = new Map<Engine, number>();
  /** Engines replaced whose calls have not all returned: each is closed by its last one. */
  private readonly retiring = new Set<Engine>();

  constructor(engine: Engine) {
    this.current = engine;
  }

  /** The engine answering new calls. */
  get engine(): Engine {
    return this.current;
  }

  get stableAnswers(): boolean {
    return this.current.stableAnswers;
  }

  /**
   * Makes `next` answer every call from now on; the engine it replaces is closed once its calls in flight
   * have returned (at once when there are none).
   * @example await live.replace(await openEngine(options))
   */
  async replace(next: Engine): Promise<void> {
    const old = this.current;
    if (old === next) return;
    this.current = next;
    if ((this.inFlight.get(old) ?? 0) === 0) await old.close();
    else this.retiring.add(old);
  }

  /** Runs an asynchronous call on the current engine, counted while it is in flight. */
  private async use<T>(call: (engine: Engine) => Promise<T>): Promise<T> {
    const engine = this.current;
    this.inFlight.set(engine, (this.inFlight.get(engine) ?? 0) + 1);
    try {
      return await call(engine);
    } finally {
      const left = (this.inFlight.get(engine) ?? 1) - 1;
      if (left > 0) this.inFlight.set(engine, left);
      else {
        this.inFlight.delete(engine);
        if (this.retiring.delete(engine)) await engine.close();
      }
    }
  }

  search(query: string, options?: SearchOptions): ReturnType<Engine['search']> {
    return this.use((engine) => engine.search(query, options));
  }

  suggest(prefix: string, limit?: number): Promise<string[]> {
    return this.use((engine) => engine.suggest(prefix, limit));
  }

  concordance(q: string, options?: ConcordanceOptions): Promise<ConcordanceResponse> {
    return this.use((engine) => engine.concordance(q, options));
  }

  trend(q: string): Promise<TrendSeries> {
    return this.use((engine) => engine.trend(q));
  }

  passage(id: string): ReturnType<Engine['passage']> {
    return this.use((engine) => engine.passage(id));
  }

  documents(): ReturnType<Engine['documents']> {
    return this.current.documents();
  }

  document(id: string): ReturnType<Engine['document']> {
    return this.use((engine) => engine.document(id));
  }

  stats(): ReturnType<Engine['stats']> {
    return this.current.stats();
  }

  backend(): ReturnType<Engine['backend']> {
    return this.use((engine) => engine.backend());
  }

  /** The current engine's steps (an engine that replaces it later has its own). */
  warmUp(): Array<() => void> {
    return this.current.warmUp();
  }

  /** Closes the current engine, and those replaced that were still serving. */
  async close(): Promise<void> {
    const all = [this.current, ...this.retiring];
    this.retiring.clear();
    await Promise.all(all.map((engine) => engine.close()));
  }
}

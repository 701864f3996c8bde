/**
 * A running server follows its index: when `npm run ingest` (or any other build) has made a new generation
 * current in the index folder, the server opens it and answers from it, without a restart. The folder's
 * `CURRENT` pointer is read every few seconds (a stat-sized read); a generation that fails to open is logged
 * and skipped, and the engine already serving goes on.
 */
import { currentGeneration } from '../index/store.js';
import type { Engine } from '../search/types.js';
import type { LiveEngine } from './live-engine.js';

/** How often the index folder's pointer is read. */
const RELOAD_CHECK_MS = 3000;

export interface IndexReload {
  /** Reads the pointer now and switches when it names a new generation; what it did. */
  check(): Promise<'unchanged' | 'switched' | 'failed'>;
  /** Stops reading the pointer. */
  stop(): void;
}

/**
 * Follows `indexDir` for `live`: `served` is the generation its engine was opened on (`currentGeneration`), `open`
 * opens an engine on the folder's current index (the server's own options).
 * @example const reload = followIndex(live, { indexDir: 'index', open: () => openEngine(options), served, log }); reload.stop();
 */
export function followIndex(
  live: LiveEngine,
  options: { indexDir: string; open: () => Promise<Engine>; served: string | null; log?: (line: string) => void; intervalMs?: number },
): IndexReload {
  const log = options.log ?? (() => {});
  /** The generation the live engine answers from, and the last one that failed to open. */
  let served = options.served;
  let failed: string | null = null;
  let running: Promise<'unchanged' | 'switched' | 'failed'> | null = null;

  const checkNow = async (): Promise<'unchanged' | 'switched' | 'failed'> => {
    const named = await currentGeneration(options.indexDir);
    if (named === null || named === served || named === failed) return 'unchanged';
    try {
      const next = await options.open();
      await live.replace(next);
      served = named;
      const { documents, passages } = next.stats();
      log(`index ${named} opened: now serving ${documents} reports, ${passages} passages`);
      return 'switched';
    } catch (error) {
      failed = named;
      log(`index ${named} could not be opened (${error instanceof Error ? error.message : String(error)}); still serving the previous index`);
      return 'failed';
    }
  };
  const check = (): Promise<'unchanged' | 'switched' | 'failed'> => {
    running ??= checkNow().finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => void check().catch(() => undefined), options.intervalMs ?? RELOAD_CHECK_MS);
  timer.unref();
  return { check, stop: () => clearInterval(timer) };
}

/**
 * What an engine would otherwise read or build for its first users, done while the server waits for requests:
 * the cross-language dictionary and synonyms (about 70 ms at the real scale, which the first English query would
 * wait for) and the suggestion vocabularies (did-you-mean's Chinese near words, the corpus's words by pinyin, the
 * English spelling vocabulary: about 250 ms, which the first query with few results, or the first English query
 * naming a place in pinyin, would wait for). The steps start a while after the server
 * is ready (a start's first answers come first) and each runs in its own turn of the event loop, so a request
 * arriving meanwhile waits for one step at most. The timers do not keep the process alive, nor wake an idle event
 * loop: on a server that nobody asks, the steps may run a second apart (at 1x, 7-121 ms each and about 200 ms in
 * all, over about 1.2 s), so the log gives their own time beside the whole.
 */

/** How long after `schedule` the first step runs. */
export const WARM_UP_DELAY_MS = 3000;

interface WarmUp {
  /** Runs the steps `steps` gives then (none when all is built), WARM_UP_DELAY_MS from now; a second call restarts the wait. */
  schedule(): void;
  /** Runs no further step. */
  stop(): void;
}

/**
 * A warm-up of what `steps` returns when its time comes (read then, so that it is the engine serving then).
 * A step that throws ends the warm-up with a line in the log: the vocabularies are then built on first use,
 * as without it.
 * @example const warm = warmUpLater(() => engine.warmUp(), { log }); warm.schedule()
 */
export function warmUpLater(steps: () => Array<() => void>, options: { delayMs?: number; log?: (line: string) => void } = {}): WarmUp {
  const delayMs = options.delayMs ?? WARM_UP_DELAY_MS;
  const log = options.log ?? (() => {});
  let timer: NodeJS.Timeout | null = null;
  let next: NodeJS.Immediate | null = null;
  // Each schedule starts a run of its own; stop (even from inside a step) ends the current one.
  let generation = 0;
  const stop = (): void => {
    generation++;
    if (timer) clearTimeout(timer);
    if (next) clearImmediate(next);
    timer = null;
    next = null;
  };
  const start = (): void => {
    timer = null;
    const current = generation;
    const todo = steps();
    if (todo.length === 0) return;
    const started = performance.now();
    // The steps' own time: between two of them the loop may idle (an unreferenced immediate does not wake it).
    let working = 0;
    const step = (i: number): void => {
      next = null;
      const begun = performance.now();
      try {
        todo[i]?.();
        working += performance.now() - begun;
      } catch (error) {
        log(`warm-up stopped: ${error instanceof Error ? error.message : String(error)} (the rest is built on first use)`);
        return;
      }
      if (current !== generation) return;
      if (i + 1 < todo.length) next = setImmediate(step, i + 1).unref();
      else log(`warm-up done in ${Math.round(performance.now() - started)} ms (${todo.length} steps, ${Math.round(working)} ms of work)`);
    };
    step(0);
  };
  return {
    schedule() {
      stop();
      timer = setTimeout(start, delayMs).unref();
    },
    stop,
  };
}

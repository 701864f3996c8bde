/**
 * Which index an engine serves, as one string: a running server switches to a rebuilt index
 * (`runtime/index-reload.ts`), and what the server kept of the old one (answers, the list of reports) goes
 * when this changes.
 */
import type { Engine } from '../search/types.js';

/**
 * The served index's build time, version and size.
 * @example servedIndex(engine) // '2026-12-06T16:27:28.036Z 6/sha256:7fc3ea2e0d23 657'
 */
export function servedIndex(engine: Pick<Engine, 'stats'>): string {
  const { builtAt, indexVersion, passages } = engine.stats();
  return `${builtAt} ${indexVersion} ${passages}`;
}

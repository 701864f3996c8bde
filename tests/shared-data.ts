/**
 * The real data beside the repository (`../shared`: corpora, eval, seeds, pdf) as the tests read it, and the
 * one way a test says it needs it. `describeWithShared('corpora', 'readCorpus', fn)` is titled
 * "readCorpus (needs ../shared/corpora)"; when that folder is absent it is skipped with a message saying
 * where the data goes, except under CI, where a missing folder fails the run instead of passing it quietly.
 * `SHARED_DATA_DIR` points the tests at another copy (or at nothing, to see what skips).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';

export const repoRoot = path.resolve(import.meta.dirname, '..');
export const SHARED_ROOT = path.resolve(process.env.SHARED_DATA_DIR || path.join(repoRoot, '../shared'));

/**
 * A path inside the shared data.
 * @example sharedPath('eval/open-queries.json') // '/…/shared/eval/open-queries.json'
 */
export function sharedPath(...parts: string[]): string {
  return path.join(SHARED_ROOT, ...parts);
}

/** How a suite that needs shared data runs: its title, and whether its folder is there. */
export interface SharedSuite {
  title: string;
  present: boolean;
}

/** Where to look and whether this is a CI run (parameters so both branches can be tested). */
export interface SharedLookup {
  root?: string;
  env?: Record<string, string | undefined>;
}

/**
 * True when the environment says this is a CI run (`CI` set to anything but empty, `0` or `false`).
 * @example isCiRun({ CI: 'true' }) // true
 */
export function isCiRun(env: Record<string, string | undefined>): boolean {
  const value = (env.CI ?? '').trim().toLowerCase();
  return value !== '' && value !== '0' && value !== 'false';
}

/**
 * The title and presence of a suite needing `need` (a folder or file under the shared root). Throws when it
 * is missing in a CI run: CI must run every test.
 * @example sharedSuite('corpora', 'reads every report').title // 'reads every report (needs ../shared/corpora)'
 */
export function sharedSuite(need: string, title: string, lookup: SharedLookup = {}): SharedSuite {
  const root = lookup.root ?? SHARED_ROOT;
  const where = path.join(root, need);
  const label = `../shared/${need}`;
  if (existsSync(where)) return { title: `${title} (needs ${label})`, present: true };
  if (isCiRun(lookup.env ?? process.env)) {
    throw new Error(
      `${label} is missing (looked for ${where}) and CI is set, so "${title}" cannot be skipped: ` +
        'put the shared data beside the repository, or set SHARED_DATA_DIR to where it is.',
    );
  }
  return { title: `${title} (skipped: needs ${label}, missing at ${where}; put the shared data beside the repository)`, present: false };
}

/**
 * `describe` for tests that read shared data: runs when `need` is there, skips with a message when it is
 * not, fails when it is not under CI. When it skips, `body` is not called, so the body may read the data.
 * `options.tags` tags the suite (`slow` leaves it out of the fast tier).
 * @example describeWithShared('eval/open-queries.json', 'the open phrases', () => { it('…', () => {}); });
 */
export function describeWithShared(need: string, title: string, body: () => void, options: { tags?: string[] } = {}): void {
  const suite = sharedSuite(need, title);
  if (suite.present) describe(suite.title, options, body);
  else describe.skip(suite.title, options, () => it.skip(`all tests here need ../shared/${need}`, () => {}));
}

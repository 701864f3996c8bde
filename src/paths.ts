/**
 * Where the repository's own folders are: written once, for every default that points into the checkout.
 * The root is found from this module's own place, so it holds both for `src/` run through tsx and for the
 * server compiled ahead of time into `dist/` (`scripts/build-server.mjs`), where every module shares one file's URL.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The nearest folder at or above `from` that holds a `package.json` (the checkout's root), or `from`'s parent
 * when none does.
 * @example repoRootFrom('/work/repo/src') // '/work/repo'
 */
export function repoRootFrom(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.dirname(from);
  }
}

/** The repository root: `src/`'s parent, or `dist/`'s for the compiled server. */
export const REPO_ROOT = repoRootFrom(path.dirname(fileURLToPath(import.meta.url)));

/** The index folder when `INDEX_DIR` is not set. */
export const DEFAULT_INDEX_DIR = path.join(REPO_ROOT, 'index');

/** The bundled corpus, read when `CORPUS_DIR` is not set. */
export const DEFAULT_CORPUS_DIR = path.join(REPO_ROOT, 'corpus');

/** The page's static files (HTML, CSS, script). */
export const PUBLIC_DIR = path.join(REPO_ROOT, 'public');

/** The shipped user dictionary of government-report terms. */
export const USER_DICT_PATH = path.join(REPO_ROOT, 'data', 'dict', 'gov-terms.txt');

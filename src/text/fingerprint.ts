/**
 * The analyzer's identity, for the index manifest: an index built by one analyzer must not be
 * queried through another. Bump ANALYZER_VERSION whenever the code changes what tokens a text gives.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readUserDictionary } from './user-dictionary.js';

/** Version of the analyzer's code (script rules, normalization, segmenters, bigrams). 1.1.0: hyphenated
 * compounds give a word per part plus their joined form. 1.2.0: English words are spelled American before
 * stemming (`labour` = `labor`). 1.3.0: the typographic apostrophe is the typed one (`people’s` = `people's`).
 * 1.4.0: a soft hyphen between letters keeps a Latin word whole (`sust\u00ADained` = `sustained`). 1.5.0: the
 * circles typed for zero are the numeral zero (`一九八○年` = `一九八〇年`). 1.6.0: quotation marks are the typed ones
 * (`“十四五”` = `"十四五"` = `「十四五」`). */
export const ANALYZER_VERSION = '1.6.0';

const require = createRequire(import.meta.url);

/** The version of an installed package, found by walking up from its resolved entry file. */
function packageVersion(name: string): string {
  let dir = dirname(require.resolve(name));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const parsed: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
      if (typeof parsed === 'object' && parsed !== null && 'name' in parsed && parsed.name === name && 'version' in parsed) {
        return String(parsed.version);
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
}

/**
 * What decides the analyzer's output, readable (for the index manifest and mismatch messages):
 * ANALYZER_VERSION, the user dictionary's sha256, the versions of opencc-js, nodejieba and stemmer, and
 * the Unicode and ICU versions of the running Node (NFKC and Intl.Segmenter come from them).
 * @example analyzerComponents().nodejieba // '3.5.8'
 */
export function analyzerComponents(): Record<string, string> {
  return {
    analyzer: ANALYZER_VERSION,
    userDictionary: createHash('sha256').update(readUserDictionary().bytes).digest('hex'),
    openccJs: packageVersion('opencc-js'),
    nodejieba: packageVersion('nodejieba'),
    stemmer: packageVersion('stemmer'),
    unicode: process.versions.unicode ?? 'unknown',
    icu: process.versions.icu ?? 'unknown',
  };
}

let fingerprint: string | null = null;

/**
 * `sha256:<hex>` of `analyzerComponents()`: equal fingerprints mean equal tokens for equal text.
 * Computed once per process.
 * @example analyzerFingerprint() // 'sha256:3f1c…'
 */
export function analyzerFingerprint(): string {
  fingerprint ??= `sha256:${createHash('sha256').update(JSON.stringify(analyzerComponents())).digest('hex')}`;
  return fingerprint;
}

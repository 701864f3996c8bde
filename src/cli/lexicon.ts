/**
 * `npm run lexicon [-- --out data/lexicon.tsv] [--exclude-year 2025] [--input <csv>…] [--dictionary-cache <dir>]`:
 * learns the translation lexicon from the parallel reports (default: ../shared/corpora/parallel-zh-en/*.csv plus
 * the parallel CSVs of the corpus folders, `CORPUS_DIR` or `corpus/`), prints its sources and counts, and writes
 * it atomically (temporary file, then rename). CC-CEDICT vouches for the pairs seen once (`lexicon-vouch.ts`):
 * built in memory (seconds), or read from and kept in `--dictionary-cache` (an index folder, say).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { configFromEnv } from '../config.js';
import { writeFileAtomically } from '../atomic-write.js';
import { loadDictionary } from '../crosslang/dictionary.js';
import { buildLexicon } from '../crosslang/lexicon-build.js';
import { dictionaryVouch } from '../crosslang/lexicon-vouch.js';
import { DEFAULT_LEXICON_PATH } from '../crosslang/paths.js';

/** What the command line asks for. */
interface LexiconArgs {
  out: string;
  excludeYears: number[];
  /** Undefined: the default inputs. */
  inputs?: string[];
  /** Where the dictionary is cached (undefined: built in memory, not kept). */
  dictionaryCache?: string;
}

/**
 * Parse the command line; throws an Error naming the bad argument.
 * @example parseLexiconArgs(['--exclude-year', '2025']).excludeYears // [2025]
 */
function parseLexiconArgs(argv: string[]): LexiconArgs {
  const args: LexiconArgs = { out: DEFAULT_LEXICON_PATH, excludeYears: [] };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const values: string[] = [];
    while (i + 1 < argv.length && !argv[i + 1].startsWith('--')) values.push(argv[++i]);
    if (flag === '--input' && values.length > 0) args.inputs = [...(args.inputs ?? []), ...values.map((v) => path.resolve(v))];
    else if (flag === '--out' && values.length === 1) args.out = path.resolve(values[0]);
    else if (flag === '--dictionary-cache' && values.length === 1) args.dictionaryCache = path.resolve(values[0]);
    else if (flag === '--exclude-year' && values.length > 0) {
      const years = values.flatMap((v) => v.split(',')).map(Number);
      if (!years.every((y) => Number.isInteger(y))) throw new Error(`--exclude-year takes years such as 2025, got "${values.join(' ')}"`);
      args.excludeYears.push(...years);
    } else throw new Error(`unexpected argument "${[flag, ...values].join(' ')}"; usage: --out <file> --exclude-year <year>… --input <csv>… --dictionary-cache <dir>`);
  }
  return args;
}

function main(): void {
  const args = parseLexiconArgs(process.argv.slice(2));
  const corpusDirs = [...configFromEnv(process.env).corpusDirs];
  const started = Date.now();
  if (args.dictionaryCache !== undefined) mkdirSync(args.dictionaryCache, { recursive: true });
  const vouch = dictionaryVouch(loadDictionary({ cacheDir: args.dictionaryCache ?? null }));
  const built = buildLexicon({ inputs: args.inputs, corpusDirs, excludeYears: args.excludeYears, learn: { vouch } });
  for (const w of built.warnings) console.warn(`warning: ${w}`);
  console.log('sources');
  for (const s of built.header.sources) console.log(`  ${s.file}  ${s.rows} rows, ${s.pairs} sentence pairs used  ${s.sha256}`);
  const keys = new Set(built.entries.map((e) => e.en));
  const multiword = [...keys].filter((k) => k.includes(' ')).length;
  console.log(`excluded years: ${built.header.params.excludeYears}; pairs seen once vouched for by ${vouch.by}`);
  console.log(`entries: ${built.entries.length} pairs for ${keys.size} English keys (${multiword} multiword), learned in ${Date.now() - started} ms`);
  writeFileAtomically(args.out, built.text);
  console.log(`wrote ${path.relative(process.cwd(), args.out) || args.out} (${Buffer.byteLength(built.text)} bytes)`);
}

try {
  main();
} catch (e: unknown) {
  const err = e as { code?: string; message?: string; hint?: string };
  console.error(`lexicon failed${err.code ? ` [${err.code}]` : ''}: ${err.message ?? String(e)}${err.hint ? `. To fix: ${err.hint}` : ''}`);
  process.exit(1);
}

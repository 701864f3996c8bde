/**
 * Compiles the server ahead of time (`npm start`'s `prestart`): `src/server/main.ts` and every module it
 * imports, bundled by esbuild into `dist/server/main.js`, with what the server imports only on first use (the
 * Sphinx backend, the rendered pages' parser, ingest for a build) split into `dist/chunks/`. Node then loads a
 * few plain JavaScript files instead of a hundred TypeScript modules through tsx's loader hooks, which took
 * about half of a start. The packages every start loads (Express and its middleware, the text libraries) are
 * bundled too, which saves resolving and reading some sixty files of theirs; the others (native, or loaded
 * on first use) stay in `node_modules` and load as they do under tsx.
 *
 *   node scripts/build-server.mjs [--outdir dist]
 *
 * Plain JavaScript, so that `npm start` runs it with bare Node. It compiles every time (a few hundred ms), so
 * `dist/` never lags behind `src/`; it types nothing (`npm run typecheck` does). It is safe against a server
 * starting from the same folder meanwhile: chunks are named by their content and written before the entry,
 * which replaces the old one by a rename; chunks no entry names are removed a day after they were written.
 */
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The entry of the compiled server, relative to the output folder. */
export const SERVER_ENTRY = 'server/main.js';

/** Packages imported at every start, bundled with the server; any other package stays in node_modules. */
const BUNDLED_PACKAGES = new Set(['express', 'compression', 'helmet', 'lru-cache', 'stemmer', 'opencc-js']);

/**
 * The package a bare import names (`@scope/name` or `name`).
 * @param {string} specifier
 */
const packageOf = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

/**
 * Leaves out of the bundle every package the project's code imports, except `BUNDLED_PACKAGES` (whose own
 * imports are then bundled with them), and Node's built-in modules.
 * @type {import('esbuild').Plugin}
 */
const pickPackages = {
  name: 'pick-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return { external: true };
      if (args.importer.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      return BUNDLED_PACKAGES.has(packageOf(args.path)) ? undefined : { external: true };
    });
  },
};

/** How long an unreferenced chunk is kept, for a server started from an earlier build that may still import it. */
const KEEP_OLD_CHUNKS_MS = 24 * 3600 * 1000;

/**
 * Writes `bytes` to `file` unless it already holds them, through a temporary name and a rename, so that a
 * reader sees the old file or the new one, never a part.
 * @param {string} file
 * @param {Uint8Array} bytes
 * @returns {boolean} whether the file was written
 */
function writeIfChanged(file, bytes) {
  try {
    if (Buffer.from(bytes).equals(readFileSync(file))) return false;
  } catch {
    // not there yet
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, file);
  return true;
}

/**
 * Removes chunks that this build does not name and that are older than a day.
 * @param {string} chunksDir
 * @param {Set<string>} current absolute paths of this build's files
 * @param {number} now
 */
function pruneChunks(chunksDir, current, now) {
  let entries;
  try {
    entries = readdirSync(chunksDir);
  } catch {
    return;
  }
  for (const name of entries) {
    const file = path.join(chunksDir, name);
    if (current.has(file)) continue;
    if (now - statSync(file).mtimeMs > KEEP_OLD_CHUNKS_MS) rmSync(file, { force: true });
  }
}

/**
 * Compiles the server into `outdir` (absolute, or relative to the repository).
 * @example await buildServer('dist') // { entry: '/…/dist/server/main.js', written: 4, files: 12, ms: 240 }
 * @param {string} outdir
 * @returns {Promise<{ entry: string, written: number, files: number, ms: number }>}
 */
export async function buildServer(outdir = 'dist') {
  const t0 = performance.now();
  const out = path.resolve(REPO, outdir);
  const result = await build({
    absWorkingDir: REPO,
    entryPoints: ['src/server/main.ts'],
    outbase: 'src',
    outdir: out,
    entryNames: '[dir]/[name]',
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    plugins: [pickPackages],
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // The bundled CommonJS packages call require(); an ES module has none of its own.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    write: false,
    logLevel: 'warning',
  });
  const entry = path.join(out, SERVER_ENTRY);
  const files = [...result.outputFiles].sort((a, b) => Number(a.path === entry) - Number(b.path === entry));
  let written = 0;
  // Chunks first, the entry last: a server starting meanwhile loads the old entry with its chunks, or the new one with its.
  for (const file of files) if (writeIfChanged(file.path, file.contents)) written++;
  pruneChunks(path.join(out, 'chunks'), new Set(files.map((f) => f.path)), Date.now());
  return { entry, written, files: files.length, ms: Math.round(performance.now() - t0) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--outdir');
  const outdir = at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : 'dist';
  buildServer(outdir).then(
    ({ entry, written, files, ms }) => {
      process.stdout.write(`compiled the server into ${path.relative(REPO, entry)} in ${ms} ms (${written} of ${files} files changed)\n`);
    },
    (e) => {
      process.stderr.write(`The server could not be compiled [BUILD_FAILED]: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}

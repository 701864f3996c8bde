/**
 * `npm run eval:clir [-- --target 2024] [--no-held-out] [--depth N] [--json results.json] [--keep]`: how well
 * English queries find the Chinese passages of a report the engine has never seen translated. Builds a corpus
 * in a temporary folder (the evaluated national report as Chinese-only text, with two other national reports
 * and the bundled corpus as distractors), learns a lexicon from the parallel reports with the evaluated year
 * left out (when the lexicon command is in this tree), opens the engine on it in-process, runs the direction's
 * query sets, and prints recall@k, MRR and zero-result queries by kind, then every failing query with its top
 * hits and the expansions searched (not those of a held-out set).
 * - `--target` picks the direction (`src/eval/clir-direction.ts`, which lists each one's query sets): 2025 (the
 *   default) learns from 2024, 2024 learns from 2025.
 * - `--no-held-out` leaves the held-out sets out, to measure while developing without looking at them.
 * - `--depth N` asks for N hits a query (at most 100, a page's most) and writes the rank of the first passing
 *   hit within them to --json as `deepRank`: how far a miss is from the top 10 (judging stays at each set's k).
 * Always exits 0 once it has measured: it is a measurement, not a gate. Exits 2 when a source file is missing,
 * a query file is malformed or an option is wrong.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseQuerySet, type ClirQuerySet } from '../src/eval/clir-queries.js';
import { writeClirCorpus, type ClirCorpus, type ClirSources } from '../src/eval/clir-corpus.js';
import { CLIR_TARGET_YEARS, clirDirection, type ClirDirection } from '../src/eval/clir-direction.js';
import { firstPassingRank, passes, summarizeByKind, type QueryOutcome } from '../src/eval/clir-metrics.js';
import { failureLines, summaryLines } from '../src/eval/clir-report.js';
import { EvalError } from '../src/eval/errors.js';
import { paragraphsContaining, paragraphsOfPassage, reportParagraphs } from '../src/eval/report-paragraphs.js';
import { heldOutGlossary, unseenGlossaryTerms } from '../src/eval/unseen-terms.js';
import { createCrossLang } from '../src/crosslang/expand.js';
import { loadLexicon } from '../src/crosslang/lexicon.js';
import { DEFAULT_GLOSSARY_PATH } from '../src/crosslang/paths.js';
import { openEngine, type EngineOptions } from '../src/runtime/open-engine.js';
import { REPO_ROOT } from '../src/paths.js';
import type { Engine } from '../src/search/types.js';

const SHARED = path.resolve(REPO_ROOT, '../shared');
/** The sources of the corpus besides the evaluated report's CSV (the direction's): the national reports, the bundled corpus. */
const SOURCES: ClirSources = {
  nationalJsonl: path.join(SHARED, 'corpora/national-zh/government_work_reports.jsonl'),
  bundledCorpus: path.join(REPO_ROOT, 'corpus'),
};
const LEXICON_CLI = path.join(REPO_ROOT, 'src/cli/lexicon.ts');
/** The lexicon an engine may load when given none: learned from every parallel report, 2025 included. */
const SHOWN_HITS = 3;

interface Args {
  json: string | null;
  keep: boolean;
  /** Run the held-out sets too (the default). */
  heldOut: boolean;
  /** Hits asked for per query, at least each set's k. */
  depth: number;
  /** The year evaluated. */
  target: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { json: null, keep: false, heldOut: true, depth: 0, target: CLIR_TARGET_YEARS[0] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--keep') args.keep = true;
    else if (argv[i] === '--no-held-out') args.heldOut = false;
    // The engine gives at most 100 hits a page.
    else if (argv[i] === '--depth' && /^[1-9]\d?$|^100$/u.test(argv[i + 1] ?? '')) args.depth = Number(argv[++i]);
    else if (argv[i] === '--json' && argv[i + 1] && !argv[i + 1].startsWith('--')) args.json = path.resolve(argv[++i]);
    else if (argv[i] === '--target' && /^\d{4}$/u.test(argv[i + 1] ?? '')) args.target = Number(argv[++i]);
    else throw new EvalError('EVAL_ARGS', argv[i]);
  }
  return args;
}

function loadQuerySets(direction: ClirDirection, heldOut: boolean): ClirQuerySet[] {
  return direction.querySets.filter((set) => heldOut || !set.heldOut).map(({ name, file }) => {
    if (!existsSync(file)) throw new EvalError('EVAL_FILE_MISSING', file);
    return parseQuerySet(readFileSync(file, 'utf8'), name);
  });
}

/** A lexicon learned with the evaluated year left out, or null (with the reason printed) when there is none. */
async function learnLexicon(dir: string, targetYear: number): Promise<{ path: string; header: string[] } | null> {
  if (!existsSync(LEXICON_CLI)) {
    console.log(`No learned lexicon: ${path.relative(REPO_ROOT, LEXICON_CLI)} is not in this tree; measuring without one.`);
    return null;
  }
  const out = path.join(dir, 'lexicon.tsv');
  // The dictionary that vouches for pairs seen once is cached where the engine will look for it.
  const run = spawnSync('npx', ['tsx', LEXICON_CLI, '--exclude-year', String(targetYear), '--out', out, '--dictionary-cache', path.join(dir, 'index')], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'inherit', 'pipe'],
    maxBuffer: 16 * 1024 * 1024,
  });
  if (run.status !== 0 || !existsSync(out)) {
    console.log(`No learned lexicon: the lexicon command failed (exit ${run.status}); measuring without one.\n${(run.stderr ?? '').trim()}`);
    return null;
  }
  const header = (await readFile(out, 'utf8')).split('\n').filter((l) => l.startsWith('#'));
  console.log(`Lexicon learned with ${targetYear} excluded: ${out}\n${header.map((l) => `  ${l}`).join('\n')}`);
  return { path: out, header };
}

/**
 * A check of the corpus and the judging, not of the engine's English: each query's expected Chinese,
 * searched as a quoted phrase in the evaluated document, must give a passing hit. Returns the queries that do not.
 */
async function unreachable(engine: Engine, set: ClirQuerySet, corpus: ClirCorpus): Promise<string[]> {
  const missed: string[] = [];
  for (const query of set.queries) {
    let found = false;
    for (const phrase of query.expect) {
      const response = await engine.search(`"${phrase}"`, { limit: set.k, doc: corpus.targetDocId });
      found ||= firstPassingRank(response.hits, corpus.targetDocId, query.expect, set.k) !== null;
    }
    if (!found) missed.push(query.q);
  }
  return missed;
}

/** Each query of a set, searched and judged; the detail kept for --json. */
async function runSet(engine: Engine, set: ClirQuerySet, corpus: ClirCorpus, learnedText: string, depth: number) {
  const evaluatedText = corpus.paragraphs.map((p) => p.text).join('\n');
  const limit = Math.max(set.k, depth);
  const results = [];
  for (const query of set.queries) {
    const response = await engine.search(query.q, { limit });
    const rank = firstPassingRank(response.hits, corpus.targetDocId, query.expect, set.k);
    const deepRank = firstPassingRank(response.hits, corpus.targetDocId, query.expect, limit);
    const computed = paragraphsContaining(corpus.paragraphs, query.expect);
    results.push({
      ...query,
      computedParagraphs: computed,
      rank,
      deepRank,
      total: response.total,
      expansions: response.expansions.map((e) => `${e.from} → ${e.to} (${e.source})`),
      unseenGlossaryTerms: unseenGlossaryTerms(response.expansions, learnedText, evaluatedText),
      notice: response.notice,
      hits: response.hits.map((h, i) => ({
        rank: i + 1,
        id: h.id,
        docId: h.docId,
        score: h.score,
        passes: passes(h, corpus.targetDocId, query.expect),
        paragraphs: h.docId === corpus.targetDocId ? paragraphsOfPassage(corpus.paragraphs, h.text) : [],
        text: h.text,
      })),
    });
  }
  return results;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const direction = clirDirection(args.target, { shared: SHARED, repo: REPO_ROOT });
  const sets = loadQuerySets(direction, args.heldOut);
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'eval-clir-'));
  let engine: Engine | null = null;
  try {
    const corpus = await writeClirCorpus(SOURCES, path.join(tmp, 'corpus'), direction);
    console.log(`Corpus: ${corpus.entries.map((e) => e.id).join(', ')}`);
    console.log(`Evaluated: ${corpus.targetDocId} (${corpus.paragraphs.length} paragraphs, Chinese only)`);
    if (!existsSync(direction.learnedCsv)) throw new EvalError('EVAL_FILE_MISSING', direction.learnedCsv);
    const learnedText = reportParagraphs(readFileSync(direction.learnedCsv, 'utf8'), direction.learnedYear).map((p) => p.text).join('\n');
    const lexicon = await learnLexicon(tmp, direction.targetYear);
    // The shipped glossary was curated from both reports' English: the entries only the evaluated report
    // could have taught are held out, as the learned lexicon holds out its year.
    const evaluatedText = corpus.paragraphs.map((p) => p.text).join('\n');
    const glossary = heldOutGlossary(readFileSync(DEFAULT_GLOSSARY_PATH, 'utf8'), learnedText, evaluatedText);
    const glossaryPath = path.join(tmp, 'glossary.tsv');
    await writeFile(glossaryPath, glossary.kept);
    console.log(`Glossary: ${glossary.dropped.length} entries held out (their Chinese occurs in ${direction.targetYear} only): ${glossary.dropped.join(' ')}`);
    const indexDir = path.join(tmp, 'index');
    const options: EngineOptions = {
      corpusDirs: [corpus.dir],
      indexDir,
      crossLang: createCrossLang({ glossaryPath, cacheDir: indexDir, lexicon: lexicon ? loadLexicon(lexicon.path) : null }),
    };
    engine = await openEngine(options);
    const report = [];
    for (const set of sets) {
      const results = await runSet(engine, set, corpus, learnedText, args.depth);
      const outcomes: QueryOutcome[] = results.map(({ q, kind, rank, total }) => ({ q, kind, rank, total }));
      const byKind = summarizeByKind(outcomes);
      console.log(`\n${summaryLines(set.name, set.k, byKind).join('\n')}`);
      const missed = await unreachable(engine, set, corpus);
      console.log(`  judging check: the expected Chinese, searched as a phrase, is found for ${set.queries.length - missed.length} of ${set.queries.length} queries${missed.length > 0 ? ` (not: ${missed.join('; ')})` : ''}`);
      const flagged = results.filter((r) => r.unseenGlossaryTerms.length > 0);
      const flaggedPasses = flagged.filter((r) => r.rank !== null).length;
      console.log(
        `  glossary check: ${flagged.length} queries expanded to a glossary term found in ${direction.targetYear} but not ${direction.learnedYear} (${flaggedPasses} of them pass)` +
          (flagged.length > 0 ? `: ${flagged.map((r) => `${r.q} → ${r.unseenGlossaryTerms.join(',')}`).join('; ')}` : ''),
      );
      const stale = results.filter((r) => r.computedParagraphs.join() !== [...r.paragraphs].sort((a, b) => a - b).join());
      for (const r of stale) console.log(`  note: "${r.q}" lists paragraphs ${r.paragraphs.join(',')} but ${r.computedParagraphs.join(',') || 'none'} contain its expected text`);
      report.push({ name: set.name, k: set.k, byKind, results });
    }
    for (const { name, results } of report) {
      const failures = results.filter((r) => r.rank === null);
      console.log(`\nFailing queries, ${name}: ${failures.length}`);
      if (direction.querySets.find((f) => f.name === name)?.heldOut) {
        console.log('  (held out: not listed)');
        continue;
      }
      for (const r of failures) {
        const top = r.hits.slice(0, SHOWN_HITS).map((h) => ({ docId: h.docId, text: h.text }));
        console.log(failureLines({ q: r.q, kind: r.kind, expect: r.expect, total: r.total, top, expansions: r.expansions }).join('\n'));
      }
    }
    if (args.json) {
      const doc = { measuredAt: new Date().toISOString(), targetDocId: corpus.targetDocId, corpus: corpus.entries.map((e) => e.id), lexicon: lexicon?.header ?? null, sets: report };
      await writeFile(args.json, `${JSON.stringify(doc, null, 2)}\n`);
      console.log(`\nResults written to ${args.json}`);
    }
  } finally {
    await engine?.close();
    if (args.keep) console.log(`Kept ${tmp}`);
    else await rm(tmp, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  if (error instanceof EvalError) {
    console.error(`eval:clir: ${error.code}: ${error.message}\n  fix: ${error.hint}`);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});

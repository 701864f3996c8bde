/**
 * The direction of a cross-language measurement: which report is evaluated (ingested as Chinese only),
 * which report the engine's translation knowledge may come from, the national reports added as
 * distractors, and the query sets judged. Two directions exist: learn from 2024 and evaluate on 2025 (the
 * default, the one every earlier figure was measured in), and learn from 2025 and evaluate on 2024.
 * Pure: paths are joined, never read.
 */
import path from 'node:path';
import { EvalError } from './errors.js';

/** A query file of a direction, and how the report prints it. */
export interface ClirQueryFile {
  /** Printed as the set's name. */
  name: string;
  file: string;
  /** Its failing queries are not printed (written to --json only), so nobody tunes on it. */
  heldOut?: boolean;
}

/** Everything that differs between the two directions of years. */
export interface ClirDirection {
  /** The report evaluated, ingested as Chinese-only text. */
  targetYear: number;
  /** The report learned from: the lexicon is learned with `targetYear` excluded, i.e. from this one. */
  learnedYear: number;
  /** National reports in Chinese added as distractors, in manifest order. */
  distractorYears: readonly number[];
  /** The parallel CSV holding the evaluated report (its 中文 column is the evaluated text). */
  targetCsv: string;
  /** The parallel CSV of the report learned from (the text glossary terms are checked against). */
  learnedCsv: string;
  querySets: readonly ClirQueryFile[];
}

/** Where a direction's files live: the shared data folder beside the repository, and the repository. */
export interface ClirRoots {
  shared: string;
  repo: string;
}

/** The years that can be evaluated; the first is the default. */
export const CLIR_TARGET_YEARS = [2025, 2024] as const;

/**
 * The parallel CSV of one year's national report in the shared corpora.
 * @example parallelCsvOf('/work/shared', 2024) // '/work/shared/corpora/parallel-zh-en/04_2024_auto_usable_parallel.csv'
 */
export function parallelCsvOf(shared: string, year: number): string {
  return path.join(shared, `corpora/parallel-zh-en/04_${year}_auto_usable_parallel.csv`);
}

/*
 * Since session 22 every set judged before is one development set, its failures printed: open, own, held out 1–12
 * for 2025; own 2024, dev 2024 b and c, held out 2024 2 and 4–11 (held out 10 and held out 2024 9 judged in session
 * 24, held out 11 and held out 2024 10 in session 26, held out 12 and held out 2024 11 in session 31). Held out 13 and
 * held out 2024 12 stay held out (unprinted, and left out by --no-held-out), for the next change worth judging;
 * `--no-held-out` runs the rest.
 */
function querySetsOf(targetYear: number, { shared, repo }: ClirRoots): ClirQueryFile[] {
  if (targetYear === 2024) {
    return [
      { name: 'own 2024 (eval/clir-2024-queries.json)', file: path.join(repo, 'eval/clir-2024-queries.json') },
      // Written blind (neither the engine's cross-language code or data read nor the engine run on it) and judged
      // once, at the end of session 13's first part (0.76 / 0.47); a development set since: its failures are printed.
      { name: 'dev 2024 b (eval/clir-2024-heldout.json)', file: path.join(repo, 'eval/clir-2024-heldout.json') },
      // Written blind as well, after the first held-out 2024 set had been judged once; judged once, also unprinted until session 22.
      { name: 'held out 2024 2 (eval/clir-2024-heldout2.json)', file: path.join(repo, 'eval/clir-2024-heldout2.json') },
      // Written blind as well, after the first two 2024 held-out sets had each been judged once; judged once, on
      // session 13's final code (0.62 / 0.28), then its failures read: a development set since, printed.
      { name: 'dev 2024 c (eval/clir-2024-heldout3.json)', file: path.join(repo, 'eval/clir-2024-heldout3.json') },
      // Written blind in session 15 (neither the engine's code or data read nor the engine run on it), after the
      // earlier 2024 sets had been judged; judged once, on session 14's final answers (0.64 / 0.31), also unprinted until session 22.
      { name: 'held out 2024 4 (eval/clir-2024-heldout4.json)', file: path.join(repo, 'eval/clir-2024-heldout4.json') },
      // Written blind in session 16 (neither the engine's code or data read nor the engine run on it), after the
      // earlier 2024 sets had been judged; judged once, also unprinted until session 22.
      { name: 'held out 2024 5 (eval/clir-2024-heldout5.json)', file: path.join(repo, 'eval/clir-2024-heldout5.json') },
      // Written blind in session 16 after the earlier 2024 sets had been judged (neither the engine's code or data read nor the engine run on it); judged once, unprinted until session 22.
      { name: 'held out 2024 6 (eval/clir-2024-heldout6.json)', file: path.join(repo, 'eval/clir-2024-heldout6.json') },
      // Written blind in session 17 after the earlier 2024 sets had been judged (neither the engine's code or data read nor the engine run on it); judged once, unprinted until session 22.
      { name: 'held out 2024 7 (eval/clir-2024-heldout7.json)', file: path.join(repo, 'eval/clir-2024-heldout7.json') },
      // Written blind in session 19 after the earlier 2024 sets had been judged (neither the engine's code or data read nor the engine run on it); judged once, unprinted until session 22.
      { name: 'held out 2024 8 (eval/clir-2024-heldout8.json)', file: path.join(repo, 'eval/clir-2024-heldout8.json') },
      // Written blind in session 20 after the earlier 2024 sets had been judged (neither the engine's code or data read nor the engine run on it); judged once, in session 24, unprinted until then.
      { name: 'held out 2024 9 (eval/clir-2024-heldout9.json)', file: path.join(repo, 'eval/clir-2024-heldout9.json') },
      // Written blind in session 24 after held out 2024 9 had been judged (neither the engine's code or data read nor the engine run on it); judged once, in session 26, unprinted until then.
      { name: 'held out 2024 10 (eval/clir-2024-heldout10.json)', file: path.join(repo, 'eval/clir-2024-heldout10.json') },
      // Written blind in session 26 after held out 2024 10 had been judged (neither the engine's code or data read nor the engine run on it); judged once, in session 31, unprinted until then.
      { name: 'held out 2024 11 (eval/clir-2024-heldout11.json)', file: path.join(repo, 'eval/clir-2024-heldout11.json') },
      // Written blind in session 31 after held out 2024 11 had been judged (neither the engine's code or data read nor the engine run on it); not yet judged, unprinted.
      { name: 'held out 2024 12 (eval/clir-2024-heldout12.json)', file: path.join(repo, 'eval/clir-2024-heldout12.json'), heldOut: true },
    ];
  }
  return [
    { name: 'open (../shared/eval/open-clir-2025.json)', file: path.join(shared, 'eval/open-clir-2025.json') },
    { name: 'own (eval/clir-2025-queries.json)', file: path.join(repo, 'eval/clir-2025-queries.json') },
    // Written after the engine was tuned on the two sets above: its failures were not printed (until session 22), so that nobody
    // tunes on it in turn (they are in the --json output for whoever must look).
    { name: 'held out (eval/clir-2025-heldout.json)', file: path.join(repo, 'eval/clir-2025-heldout.json') },
    // Written after the first held-out set had been used for keep/revert decisions; judged once, also unprinted until session 22.
    { name: 'held out 2 (eval/clir-2025-heldout2.json)', file: path.join(repo, 'eval/clir-2025-heldout2.json') },
    // Written blind after held out 2 had been judged (neither the engine's code or data read nor the engine run
    // on it); judged on session 14's first and last code (0.73 / 0.59 both), also unprinted until session 22.
    { name: 'held out 3 (eval/clir-2025-heldout3.json)', file: path.join(repo, 'eval/clir-2025-heldout3.json') },
    // Written blind after held out 3 had been judged (neither the engine's code or data read nor the engine run
    // on it); judged once, on session 14's final code (0.82 / 0.50), also unprinted until session 22.
    { name: 'held out 4 (eval/clir-2025-heldout4.json)', file: path.join(repo, 'eval/clir-2025-heldout4.json') },
    // Written blind after held out 4 had been judged (neither the engine's code or data read nor the engine run
    // on it); judged once, on session 14's final answers (0.78 / 0.50), also unprinted until session 22.
    { name: 'held out 5 (eval/clir-2025-heldout5.json)', file: path.join(repo, 'eval/clir-2025-heldout5.json') },
    // Written blind after held out 5 had been judged (neither the engine's code or data read nor the engine run on it); judged once, unprinted until session 22.
    { name: 'held out 6 (eval/clir-2025-heldout6.json)', file: path.join(repo, 'eval/clir-2025-heldout6.json') },
    // Written blind after held out 6 had been judged (neither the engine's code or data read nor the engine run on it); judged once, unprinted until session 22.
    { name: 'held out 7 (eval/clir-2025-heldout7.json)', file: path.join(repo, 'eval/clir-2025-heldout7.json') },
    // Written blind in session 17 after held out 7 had been judged (neither the engine's code or data read nor the engine run on it); judged once, unprinted until session 22.
    { name: 'held out 8 (eval/clir-2025-heldout8.json)', file: path.join(repo, 'eval/clir-2025-heldout8.json') },
    // Written blind in session 19 after held out 8 had been judged (neither the engine's code or data read nor the engine run on it); judged once, unprinted until session 22.
    { name: 'held out 9 (eval/clir-2025-heldout9.json)', file: path.join(repo, 'eval/clir-2025-heldout9.json') },
    // Written blind in session 20 after held out 9 had been judged (neither the engine's code or data read nor the engine run on it); judged once, in session 24, unprinted until then.
    { name: 'held out 10 (eval/clir-2025-heldout10.json)', file: path.join(repo, 'eval/clir-2025-heldout10.json') },
    // Written blind in session 24 after held out 10 had been judged (neither the engine's code or data read nor the engine run on it); judged once, in session 26, unprinted until then.
    { name: 'held out 11 (eval/clir-2025-heldout11.json)', file: path.join(repo, 'eval/clir-2025-heldout11.json') },
    // Written blind in session 26 after held out 11 had been judged (neither the engine's code or data read nor the engine run on it); judged once, in session 31, unprinted until then.
    { name: 'held out 12 (eval/clir-2025-heldout12.json)', file: path.join(repo, 'eval/clir-2025-heldout12.json') },
    // Written blind in session 31 after held out 12 had been judged (neither the engine's code or data read nor the engine run on it); not yet judged, unprinted.
    { name: 'held out 13 (eval/clir-2025-heldout13.json)', file: path.join(repo, 'eval/clir-2025-heldout13.json'), heldOut: true },
  ];
}

/**
 * The direction that evaluates `targetYear`. Throws `EVAL_ARGS` for a year with no direction.
 * @example clirDirection(2024, { shared: '/s', repo: '/r' }).learnedYear // 2025
 */
export function clirDirection(targetYear: number, roots: ClirRoots): ClirDirection {
  const [first, second] = CLIR_TARGET_YEARS;
  if (targetYear !== first && targetYear !== second) {
    throw new EvalError('EVAL_ARGS', `--target ${targetYear}: the years that can be evaluated are ${CLIR_TARGET_YEARS.join(' and ')}`);
  }
  const learnedYear = targetYear === first ? second : first;
  return {
    targetYear,
    learnedYear,
    distractorYears: [learnedYear, 2023],
    targetCsv: parallelCsvOf(roots.shared, targetYear),
    learnedCsv: parallelCsvOf(roots.shared, learnedYear),
    querySets: querySetsOf(targetYear, roots),
  };
}

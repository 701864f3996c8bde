/**
 * The catalogue of evaluation errors: a code, a message naming the problem and a hint saying how to fix it.
 * The evaluation scripts print them and exit non-zero; nothing here is thrown past a script's edge.
 */
import { CodedError } from '../coded-error.js';

const CATALOGUE = {
  EVAL_FILE_MISSING: {
    message: 'a file the evaluation reads does not exist',
    hint: 'the shared corpora and eval files live in ../shared beside the repository; check out the project next to them',
  },
  EVAL_CSV_INVALID: {
    message: 'the parallel CSV does not have the expected columns or rows',
    hint: 'use a parallel-zh-en CSV with 报告年份, 年度文件内行号, 段内对齐序号, 中文 and 英文 columns',
  },
  EVAL_REPORT_MISSING: {
    message: 'a report the evaluation needs is not in the source',
    hint: 'check that the parallel CSV or the national-zh JSON Lines file holds that year',
  },
  EVAL_QUERIES_INVALID: {
    message: 'a query file is malformed',
    hint: 'write { "k": 10, "queries": [{ "q", "kind", "expect": [Chinese substrings], "paragraphs": [numbers] }] } as in ../shared/eval/open-clir-2025.json',
  },
  EVAL_ARGS: {
    message: 'unknown or incomplete command-line option',
    hint: 'usage: npm run eval:clir [-- --target 2025|2024] [--json results.json] [--keep]',
  },
} as const;

/** Every code an evaluation error can carry. */
export type EvalErrorCode = keyof typeof CATALOGUE;

/**
 * An error of the evaluation: a code from the catalogue, its message (with the detail naming what is at
 * fault) and the hint saying how to fix it.
 * @example new EvalError('EVAL_FILE_MISSING', '../shared/eval/open-clir-2025.json').hint // 'the shared corpora …'
 */
export class EvalError extends CodedError<EvalErrorCode> {
  declare readonly hint: string;

  constructor(code: EvalErrorCode, detail?: string) {
    super(code, detail ? `${CATALOGUE[code].message}: ${detail}` : CATALOGUE[code].message, { hint: CATALOGUE[code].hint });
  }
}

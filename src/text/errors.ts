/**
 * Errors raised by the text stage. Each carries a stable `code` that callers (the index build, the
 * server) can map to a message or a status without parsing the text.
 */
import { CodedError } from '../coded-error.js';

/** The codes the text stage can raise. */
export type TextErrorCode =
  /** The user dictionary file is missing or unreadable. */
  | 'TEXT_USER_DICT_MISSING'
  /** The user dictionary has a line the segmenter cannot read. */
  | 'TEXT_USER_DICT_INVALID'
  /** The user dictionary path contains `|` or `;`, which the segmenter treats as path separators. */
  | 'TEXT_USER_DICT_PATH'
  /** The native Chinese segmenter could not be loaded. */
  | 'TEXT_SEGMENTER_LOAD';

/** An error of the text stage, with a code. */
export class TextError extends CodedError<TextErrorCode> {}

/**
 * Builds a coded text-stage error.
 * @example throw createTextError('TEXT_USER_DICT_MISSING', 'data/dict/gov-terms.txt not found')
 */
export function createTextError(code: TextErrorCode, message: string, cause?: unknown): TextError {
  return new TextError(code, message, { cause });
}

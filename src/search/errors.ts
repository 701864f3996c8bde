/**
 * The errors of the search stage, one catalogue: each code has its message in English and Chinese. A query a
 * research view cannot look for, or one with nothing to look for, is the caller's fault (the server answers it as `INVALID_QUERY`, 400); a
 * passage the store lacks is a fault of a backend (500) and names the passage.
 */
import { CodedError, type Messages } from '../coded-error.js';

const SEARCH_ERRORS = {
  RESEARCH_QUERY_INVALID: { message: 'The query cannot be looked for in a concordance or trend', zh: '这个检索式无法用于语境或趋势分析' },
  QUERY_EMPTY: { message: 'The query has nothing to search for', zh: '检索式中没有可查的内容' },
  PASSAGE_MISSING: { message: 'The backend found a passage that the passage store does not hold', zh: '检索后端找到的段落不在段落存储中' },
} as const satisfies Record<string, { message: string; zh: string }>;

export type SearchErrorCode = keyof typeof SEARCH_ERRORS;

/** An error of the search stage. */
export class SearchError extends CodedError<SearchErrorCode> {}

/**
 * Builds a coded error of the search stage: the message given (with the details, in English, or in both
 * languages), else the catalogue's; `zh` is the Chinese given, else the catalogue's.
 * @example createSearchError('PASSAGE_MISSING').zh // '检索后端找到的段落不在段落存储中'
 */
export function createSearchError(code: SearchErrorCode, message?: string | Messages): SearchError {
  const entry = SEARCH_ERRORS[code];
  if (typeof message === 'object') return new SearchError(code, message.en, { zh: message.zh });
  return new SearchError(code, message ?? entry.message, { zh: entry.zh });
}

/**
 * The one catalogue of errors the HTTP server answers with: each code has its HTTP status and a message a
 * person understands, in English and in Chinese. It is the server's code → status table: routes throw
 * `createError(code, message?)`, the codes of the stages below are mapped to these in `STAGE_CODES`
 * (`error-handler.ts`), and the error middleware turns every error into
 * `{ "error": { "code", "message", "messages": { "en", "zh" } } }`.
 */
import { CodedError, type Messages } from '../coded-error.js';

export const ERROR_CATALOGUE = {
  MISSING_PARAMETER: { status: 400, message: 'A required parameter is missing.', zh: '缺少必需的参数。' },
  EMPTY_PARAMETER: { status: 400, message: 'A parameter is empty.', zh: '参数不能为空。' },
  PARAMETER_TOO_LONG: { status: 400, message: 'A parameter is too long.', zh: '参数太长。' },
  INVALID_PARAMETER: { status: 400, message: 'A parameter has a value this endpoint does not accept.', zh: '参数的值无效。' },
  REPEATED_PARAMETER: { status: 400, message: 'A parameter is given more than once; give it once.', zh: '同一参数只能给一次。' },
  NESTED_PARAMETER: { status: 400, message: 'Parameters are plain name=value pairs, not objects or arrays.', zh: '参数须为简单的“名称=值”。' },
  UNKNOWN_PARAMETER: { status: 400, message: 'This endpoint does not take that parameter.', zh: '此接口不接受该参数。' },
  MALFORMED_URL: { status: 400, message: 'The address is not valid: check its percent-encoding (%XX).', zh: '网址无效：请检查其中的百分号编码（%XX）。' },
  MALFORMED_REQUEST: { status: 400, message: 'The request is not valid HTTP.', zh: '请求不是有效的 HTTP 请求。' },
  UNKNOWN_CITATION_FORMAT: { status: 400, message: 'Citations are exported as ris, bibtex or csl-json: give one as format.', zh: '引文只能导出为 ris、bibtex 或 csl-json，请用 format 参数指定其一。' },
  INVALID_QUERY: { status: 400, message: 'The query cannot be searched.', zh: '这个检索式无法检索。' },
  NOT_FOUND: { status: 404, message: 'Nothing is at this address.', zh: '此地址没有内容。' },
  PASSAGE_NOT_FOUND: { status: 404, message: 'No passage has this id.', zh: '没有这个编号的段落。' },
  DOCUMENT_NOT_FOUND: { status: 404, message: 'No report has this id.', zh: '没有这个编号的报告。' },
  METHOD_NOT_ALLOWED: { status: 405, message: 'This address only answers GET and HEAD requests.', zh: '此地址只接受 GET 和 HEAD 请求。' },
  REQUEST_TIMEOUT: { status: 408, message: 'The request took too long to arrive; send it again.', zh: '请求传送时间过长，请重新发送。' },
  PRECONDITION_FAILED: { status: 412, message: 'A precondition in the request headers did not hold.', zh: '请求头中的前提条件不成立。' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'This server takes no request bodies.', zh: '本服务器不接受请求正文。' },
  URL_TOO_LONG: { status: 414, message: 'The address is too long.', zh: '网址太长。' },
  RANGE_NOT_SATISFIABLE: { status: 416, message: 'The requested byte range is outside the file.', zh: '请求的字节范围超出文件。' },
  EXPECTATION_FAILED: { status: 417, message: 'This server only understands the Expect header 100-continue.', zh: '本服务器只理解 Expect: 100-continue。' },
  RATE_LIMITED: { status: 429, message: 'Too many requests from this address; wait a moment, then try again.', zh: '此地址的请求过多，请稍候再试。' },
  HEADERS_TOO_LARGE: { status: 431, message: 'The request headers are too large.', zh: '请求头太大。' },
  INDEX_CHANGED: { status: 503, message: 'The index was replaced while the list was being read; ask again.', zh: '读取列表时索引已更新，请重新请求。' },
  BACKEND_UNAVAILABLE: { status: 503, message: 'The search cluster is not answering right now. Try again shortly.', zh: '检索集群暂时没有响应，请稍后再试。' },
  INTERNAL_ERROR: { status: 500, message: 'Something went wrong on the server. The request was not completed.', zh: '服务器出错，请求没有完成。' },
} as const satisfies Record<string, { status: number; message: string; zh: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/**
 * An error the server knows how to answer: a catalogue code, its HTTP status and a message in English
 * (`message`) and Chinese (`zh`), each with the request's details when they were given in that language.
 */
export class ServerError extends CodedError<ErrorCode> {
  readonly status: number;
  /** Extra response headers (e.g. `Allow` for 405). */
  readonly headers: Readonly<Record<string, string>>;

  constructor(code: ErrorCode, message?: string | Messages, headers: Record<string, string> = {}) {
    const entry = ERROR_CATALOGUE[code];
    const en = typeof message === 'string' ? message : (message?.en ?? entry.message);
    super(code, en, { zh: typeof message === 'string' ? entry.zh : (message?.zh ?? entry.zh) });
    this.status = entry.status;
    this.headers = headers;
  }
}

/**
 * Makes a catalogued error; the message defaults to the catalogue's. Give the details in both languages, so
 * that a client reading Chinese gets them too (a plain string is English only: Chinese gets the catalogue's).
 * @example
 * throw createError('PASSAGE_NOT_FOUND', { en: 'No passage has the id "x-p0001".', zh: '没有编号为“x-p0001”的段落。' });
 */
export function createError(code: ErrorCode, message?: string | Messages, headers?: Record<string, string>): ServerError {
  return new ServerError(code, message, headers);
}

/**
 * The JSON body of every error response: the code, the message with the request's details in the language
 * the request asked for (`?lang=`, else Accept-Language, else English), and the catalogue's message in both
 * languages, for a page to show in its own.
 */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; messages: { en: string; zh: string } };
}

/**
 * The catalogue's messages of a code in both languages.
 * @example messagesOf('PASSAGE_NOT_FOUND').zh // '没有这个编号的段落。'
 */
export function messagesOf(code: ErrorCode): { en: string; zh: string } {
  return { en: ERROR_CATALOGUE[code].message, zh: ERROR_CATALOGUE[code].zh };
}

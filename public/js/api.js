// @ts-check
// The JSON API, as the page uses it. Errors carry the server's code and message.

/** @typedef {import('./types.js').ApiAnswers} ApiAnswers */
/** @typedef {import('./types.js').DocMeta} DocMeta */
/** @typedef {import('./types.js').RegionGroup} RegionGroup */
/** @typedef {import('./types.js').ParamValue} ParamValue */

export class ApiError extends Error {
  /**
   * `messages`: the server's catalogue message in each language, `{ en, zh }`, when it sent them;
   * `language`: the language of `message` (the answer's Content-Language), when the server said.
   * @param {number} status
   * @param {string} code
   * @param {string} message
   * @param {Record<string, string> | null | undefined} messages
   * @param {string | null} [language]
   */
  constructor(status, code, message, messages, language = null) {
    super(message);
    this.status = status;
    this.code = code;
    this.messages = messages || null;
    this.language = language;
  }

  /**
   * The message for a person reading in `language`: the server's own, which names the parameter and the value
   * at fault, when it is in that language (the request asked with `lang`); else the catalogue's general one.
   * @param {string} language
   */
  messageIn(language) {
    if (this.language === language) return this.message;
    return (this.messages && this.messages[language]) || this.message;
  }
}

/**
 * GETs `/api/<path>` with query parameters (undefined/'' values are left out; an array gives the parameter
 * once per value).
 * @example await getJson('search', { q: '光伏', limit: 10 })
 * @template {keyof ApiAnswers} P
 * @param {P} path
 * @param {Record<string, ParamValue>} [params]
 * @param {AbortSignal} [signal]
 * @returns {Promise<ApiAnswers[P]>}
 */
export async function getJson(path, params = {}, signal) {
  return /** @type {Promise<ApiAnswers[P]>} */ (fetchJson(path, params, signal));
}

/**
 * GETs any `/api/<path>` and returns its JSON as it came.
 * @param {string} path
 * @param {Record<string, ParamValue>} [params]
 * @param {AbortSignal} [signal]
 * @returns {Promise<unknown>}
 */
async function fetchJson(path, params = {}, signal) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    for (const value of Array.isArray(v) ? v : [v]) {
      if (value !== undefined && value !== null && value !== '') query.append(k, String(value));
    }
  }
  const qs = query.toString();
  const headers = { Accept: 'application/json' };
  const response = await fetch(`/api/${path}${qs ? `?${qs}` : ''}`, { signal, headers });
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const error = body && body.error ? body.error : { code: 'HTTP_' + response.status, message: response.statusText };
    throw new ApiError(response.status, error.code, error.message, error.messages, response.headers.get('Content-Language'));
  }
  return body;
}

/** @type {Promise<{ byId: Map<string, DocMeta>, regions: RegionGroup[] }> | null} */
let corpusPromise = null;

/** The reports' metadata and regions, fetched once (again after a failure). */
function corpus() {
  corpusPromise ??= getJson('documents').then((r) => ({ byId: new Map(r.documents.map((d) => [d.id, d])), regions: r.regions }));
  corpusPromise.catch(() => {
    corpusPromise = null;
  });
  return corpusPromise;
}

/**
 * The reports' metadata, fetched once: a Map id → DocMeta.
 * @example (await documentsById()).get('xizang-2024-government-work-report')?.year // 2024
 * @returns {Promise<Map<string, DocMeta>>}
 */
export function documentsById() {
  return corpus().then((c) => c.byId);
}

/**
 * The regions of the reports, each once with its reports' ids (src/search/region-groups.ts).
 * @example (await corpusRegions())[0].value // '全国'
 * @returns {Promise<RegionGroup[]>}
 */
export function corpusRegions() {
  return corpus().then((c) => c.regions);
}

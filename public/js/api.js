// The JSON API, as the page uses it. Errors carry the server's code and message.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/**
 * GETs `/api/<path>` with query parameters (undefined/'' values are left out; an array gives the parameter
 * once per value).
 * @example await getJson('search', { q: '光伏', limit: 10 })
 */
export async function getJson(path, params = {}, signal) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    for (const value of Array.isArray(v) ? v : [v]) if (value !== undefined && value !== null && value !== '') query.append(k, String(value));
  }
  const qs = query.toString();
  const response = await fetch(`/api/${path}${qs ? `?${qs}` : ''}`, { signal, headers: { Accept: 'application/json' } });
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const error = body && body.error ? body.error : { code: 'HTTP_' + response.status, message: response.statusText };
    throw new ApiError(response.status, error.code, error.message);
  }
  return body;
}

let documentsPromise = null;

/** The reports' metadata, fetched once: a Map id → DocMeta. */
export function documentsById() {
  documentsPromise ??= getJson('documents').then((r) => new Map(r.documents.map((d) => [d.id, d])));
  documentsPromise.catch(() => {
    documentsPromise = null;
  });
  return documentsPromise;
}

/**
 * Raw HTTP that a browser would never send, written byte for byte to the real server (tests/server covers
 * what supertest can send): every answer is a 4xx with a JSON error body (Node's own refusals included),
 * never a 5xx, never a stack trace, never a file from outside public/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/http-server.js';
import { openEngineOver, parseRawResponse, rawExchange, removeTempDirs, seedCorpus, serve } from './helpers.js';

let running: RunningServer;
/** The security headers of the app's own answers (a 404 through Express and helmet), by name. */
let appSecurity: Map<string, string>;

/** A raw response head's headers, lower-cased names. */
function headerMap(head: string): Map<string, string> {
  return new Map(head.split('\r\n').slice(1).map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
}

const SECURITY_HEADERS = [
  'content-security-policy',
  'x-content-type-options',
  'x-frame-options',
  'referrer-policy',
  'strict-transport-security',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'x-permitted-cross-domain-policies',
];

beforeAll(async () => {
  const { engine } = await openEngineOver([seedCorpus()]);
  running = await serve(engine);
  appSecurity = headerMap(parseRawResponse(await rawExchange(running.url, `GET /nothing-here HTTP/1.1\r\nHost: x\r\n\r\n`)).headers);
}, 120_000);
afterAll(async () => {
  await running?.close();
  removeTempDirs();
});

const H = 'Host: x\r\n';
const STACK = /\n\s+at |node_modules|\.ts:\d+|Error:/;
const SECRETS = [/root:.*:0:0:/, /"name": "gov-report-search"/, /compilerOptions/, /BEGIN .*PRIVATE KEY/];

/** Sends raw bytes and checks the common promises; returns status and JSON body. */
async function send(raw: string): Promise<{ status: number; code: string | undefined; headers: string }> {
  const answer = await rawExchange(running.url, raw);
  const { status, headers, body } = parseRawResponse(answer);
  expect(status, raw.slice(0, 80)).toBeGreaterThanOrEqual(200);
  expect(status, raw.slice(0, 80)).toBeLessThan(500);
  expect(answer).not.toMatch(STACK);
  for (const secret of SECRETS) expect(answer).not.toMatch(secret);
  const isHead = raw.startsWith('HEAD ');
  if (status >= 400 && !isHead) expect(headers, raw.slice(0, 80)).toMatch(/\r\ncontent-type: application\/json/i);
  // Every answer, Node's own refusals (400, 408, 431, CONNECT's 405) included, carries the app's security headers.
  const own = headerMap(headers);
  for (const name of SECURITY_HEADERS) expect(own.get(name), `${name} on ${raw.slice(0, 40)}`).toBe(appSecurity.get(name));
  const code = typeof body === 'object' && body !== null && 'error' in body ? (body as { error: { code: string } }).error.code : undefined;
  return { status, code, headers };
}

describe('the reference answer', () => {
  it('carries the security headers the refusals are compared with', () => {
    for (const name of SECURITY_HEADERS) expect(appSecurity.get(name), name).toMatch(/\S/);
  });
});

describe('request lines and methods', () => {
  it.each([
    ['an unknown method', 400, 'MALFORMED_REQUEST', `FOO /api/health HTTP/1.1\r\n${H}\r\n`],
    ['a lower-case method', 400, 'MALFORMED_REQUEST', `get /api/health HTTP/1.1\r\n${H}\r\n`],
    ['TRACE', 405, 'METHOD_NOT_ALLOWED', `TRACE /api/health HTTP/1.1\r\n${H}\r\n`],
    ['OPTIONS', 405, 'METHOD_NOT_ALLOWED', `OPTIONS /api/search?q=a HTTP/1.1\r\n${H}\r\n`],
    ['PROPFIND', 405, 'METHOD_NOT_ALLOWED', `PROPFIND / HTTP/1.1\r\n${H}\r\n`],
    ['CONNECT (this is not a proxy)', 405, 'METHOD_NOT_ALLOWED', 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n'],
    ['an HTTP/2 preface', 400, 'MALFORMED_REQUEST', 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'],
    ['HTTP/9.9', 400, 'MALFORMED_REQUEST', `GET /api/health HTTP/9.9\r\n${H}\r\n`],
    ['bare line feeds', 400, 'MALFORMED_REQUEST', 'GET /api/health HTTP/1.1\nHost: x\n\n'],
    ['raw UTF-8 in the address', 400, 'MALFORMED_REQUEST', `GET /api/search?q=西藏 HTTP/1.1\r\n${H}\r\n`],
    ['an HTTP/1.1 request without Host', 400, 'MALFORMED_REQUEST', 'GET /api/health HTTP/1.1\r\n\r\n'],
  ])('answers %s with %i %s in JSON', async (_name, status, code, raw) => {
    expect(await send(raw)).toMatchObject({ status, code });
  });

  it('accepts an HTTP/1.0 request without Host and an absolute-form address', async () => {
    expect((await send('GET /api/health HTTP/1.0\r\n\r\n')).status).toBe(200);
    expect((await send(`GET http://elsewhere.example/api/health HTTP/1.1\r\n${H}\r\n`)).status).toBe(200);
  });
});

describe('headers', () => {
  it.each([
    ['one header over 16 KiB', 431, 'HEADERS_TOO_LARGE', `GET /api/health HTTP/1.1\r\n${H}X-Big: ${'a'.repeat(20_000)}\r\n\r\n`],
    ['3,000 small headers', 431, 'HEADERS_TOO_LARGE', `GET /api/health HTTP/1.1\r\n${H}${Array.from({ length: 3000 }, (_, i) => `X-H${i}: v\r\n`).join('')}\r\n`],
    ['an address of 20,000 characters (over the head limit)', 431, 'HEADERS_TOO_LARGE', `GET /api/search?q=${'a'.repeat(20_000)} HTTP/1.1\r\n${H}\r\n`],
    ['Content-Length with Transfer-Encoding (request smuggling)', 400, 'MALFORMED_REQUEST', `POST /api/search HTTP/1.1\r\n${H}Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`],
    ['two Content-Length headers', 400, 'MALFORMED_REQUEST', `GET /api/health HTTP/1.1\r\n${H}Content-Length: 1\r\nContent-Length: 2\r\n\r\n`],
    ['a folded header line', 400, 'MALFORMED_REQUEST', `GET /api/health HTTP/1.1\r\n${H}X-Folded: a\r\n b\r\n\r\n`],
    ['a NUL in a header', 400, 'MALFORMED_REQUEST', `GET /api/health HTTP/1.1\r\n${H}X-Nul: a\u0000b\r\n\r\n`],
    ['an Expect header other than 100-continue', 417, 'EXPECTATION_FAILED', `GET /api/health HTTP/1.1\r\n${H}Expect: nonsense\r\n\r\n`],
    ['a chunked body', 413, 'PAYLOAD_TOO_LARGE', `GET /api/health HTTP/1.1\r\n${H}Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n`],
  ])('answers %s with %i %s in JSON', async (_name, status, code, raw) => {
    expect(await send(raw)).toMatchObject({ status, code });
  });

  it('ignores an Upgrade it does not speak and answers the request', async () => {
    const answer = await send(`GET /api/health HTTP/1.1\r\n${H}Connection: Upgrade\r\nUpgrade: websocket\r\n\r\n`);
    expect(answer.status).toBe(200);
  });
});

describe('parameters', () => {
  it.each([
    ['__proto__', '/api/search?__proto__=1&q=a', 'UNKNOWN_PARAMETER'],
    ['__proto__[x]', '/api/search?q=a&__proto__[x]=1', 'NESTED_PARAMETER'],
    ['constructor[prototype][x]', '/api/search?q=a&constructor[prototype][x]=1', 'NESTED_PARAMETER'],
    ['constructor', '/api/search?q=a&constructor=1', 'UNKNOWN_PARAMETER'],
    ['hasOwnProperty', '/api/search?q=a&hasOwnProperty=1', 'UNKNOWN_PARAMETER'],
    ['Q (names are case-sensitive)', '/api/search?q=a&Q=b', 'UNKNOWN_PARAMETER'],
    ['limit given plainly and as an array', '/api/search?q=a&limit=1&limit[]=2', 'NESTED_PARAMETER'],
    ['q three times', '/api/search?q=a&q=b&q=c', 'REPEATED_PARAMETER'],
    ['a parameter where none is taken', '/api/health?x', 'UNKNOWN_PARAMETER'],
    ['an overlong UTF-8 escape (%C0%AF is "/")', '/api/search?q=%C0%AF', 'MALFORMED_URL'],
    ['an escaped lone surrogate', '/api/search?q=%ED%A0%80', 'MALFORMED_URL'],
    ['an escape beyond U+10FFFF', '/api/search?q=%F4%90%80%80', 'MALFORMED_URL'],
    ['an IE-style %u escape', '/api/search?q=%u4E2D', 'MALFORMED_URL'],
    ['a lone %', '/api/search?q=%', 'MALFORMED_URL'],
    ['an escaped NUL', '/api/search?q=a%00b', 'INVALID_PARAMETER'],
  ])('answers %s with 400 JSON and a message', async (_name, url, code) => {
    expect(await send(`GET ${url} HTTP/1.1\r\n${H}\r\n`)).toMatchObject({ status: 400, code });
  });

  it('says so when an address takes no parameters at all', async () => {
    const answer = await rawExchange(running.url, `GET /api/health?verbose HTTP/1.1\r\n${H}\r\n`);
    expect(parseRawResponse(answer).body).toMatchObject({ error: { message: 'Unknown parameter "verbose". This address takes no parameters but lang (zh or en).' } });
  });
});

describe('paths', () => {
  it.each([
    '/../package.json',
    '/../../../../etc/passwd',
    '/..;/package.json',
    '/%2e%2e/%2e%2e/package.json',
    '/public/../package.json',
    '/index.html/..%2f..%2fpackage.json',
    '/js/../../tsconfig.json',
    '//api//search?q=a',
    '/api/search;x=1?q=a',
    '/api/passages/',
    '/.git/HEAD',
    '/p/../../package.json',
  ])('answers %s, sent unnormalised, with a 4xx and nothing from outside public/', async (url) => {
    const { status } = await send(`GET ${url} HTTP/1.1\r\n${H}\r\n`);
    expect(status).toBeGreaterThanOrEqual(400);
  });
});

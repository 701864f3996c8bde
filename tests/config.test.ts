/**
 * The configuration: every variable read in one place, its defaults, and one coded error, in English and
 * Chinese, naming the variable, the value and what is accepted, for every value it cannot use.
 */
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../src/config.js';
import { ConfigError } from '../src/config-error.js';
import { DEFAULT_CORPUS_DIR, DEFAULT_INDEX_DIR } from '../src/paths.js';

describe('configFromEnv', () => {
  it('gives every default for an empty environment, as a frozen plain object', () => {
    const config = configFromEnv({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      indexDir: DEFAULT_INDEX_DIR,
      corpusDirs: [DEFAULT_CORPUS_DIR],
      baseUrl: undefined,
      maxFileBytes: undefined,
      searchCacheBytes: 64 * 1024 * 1024,
      rateLimit: null,
      backend: 'postings',
    });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.timeouts)).toBe(true);
    expect(Object.getPrototypeOf(config)).toBe(Object.prototype);
  });

  it('reads each variable it documents', () => {
    const config = configFromEnv({
      PORT: '8080',
      HOST: '0.0.0.0',
      INDEX_DIR: 'tmp/idx',
      CORPUS_DIR: `a${path.delimiter}b`,
      BASE_URL: 'https://reports.example.org/',
      MAX_FILE_BYTES: '1048576',
      SEARCH_CACHE_MB: '0',
      HEADERS_TIMEOUT_MS: '2000',
      MAX_CONNECTIONS_PER_CLIENT: '16',
      INDEX_BACKEND: 'minisearch',
    });
    expect(config).toMatchObject({
      port: 8080,
      indexDir: path.resolve('tmp/idx'),
      corpusDirs: [path.resolve('a'), path.resolve('b')],
      baseUrl: 'https://reports.example.org',
      maxFileBytes: 1048576,
      searchCacheBytes: 0,
      rateLimit: { ratePerSecond: 10, burst: 40 },
      rateLimitSet: false,
      backend: 'minisearch',
    });
    expect(config.timeouts.headersTimeoutMs).toBe(2000);
    expect(config.connections.maxPerClient).toBe(16);
  });

  it('splits CORPUS_DIR on the path delimiter, skipping blanks, else reads the bundled corpus', () => {
    expect(configFromEnv({ CORPUS_DIR: `corpus${path.delimiter} ../shared/corpora ${path.delimiter}` }).corpusDirs).toEqual([path.resolve('corpus'), path.resolve('../shared/corpora')]);
    expect(configFromEnv({ CORPUS_DIR: '' }).corpusDirs).toEqual([DEFAULT_CORPUS_DIR]);
  });

  it('reads an empty MAX_FILE_BYTES as unset: the ingest default applies', () => {
    expect(configFromEnv({ MAX_FILE_BYTES: '' }).maxFileBytes).toBeUndefined();
  });

  it('takes a BASE_URL that is a path (as build tools set it) for no public address', () => {
    expect(configFromEnv({ BASE_URL: '/' }).baseUrl).toBeUndefined();
    expect(configFromEnv({ BASE_URL: 'http://example.org//' }).baseUrl).toBe('http://example.org');
  });

  it.each([
    ['PORT', 'eighty', 'a number from 0 to 65535'],
    ['MAX_FILE_BYTES', 'abc', 'a whole number of bytes above 0, e.g. 67108864 for 64 MiB'],
    ['MAX_FILE_BYTES', '0', 'a whole number of bytes above 0'],
    ['MAX_FILE_BYTES', '64M', 'a whole number of bytes above 0'],
    ['MAX_FILE_BYTES', '1.5', 'a whole number of bytes above 0'],
    ['MAX_FILE_BYTES', '-5', 'a whole number of bytes above 0'],
    ['SEARCH_CACHE_MB', '-1', 'a whole number of megabytes from 0 to 65536'],
    ['RATE_LIMIT', 'fast', 'off, on, <requests per second>'],
    ['HEADERS_TIMEOUT_MS', 'soon', 'a whole number of milliseconds'],
    ['MAX_CONNECTIONS_PER_CLIENT', '0', 'a whole number from 1'],
    ['BASE_URL', 'reports.example.org', 'an absolute http(s) URL'],
    ['BASE_URL', 'javascript:alert(1)', 'an absolute http(s) URL'],
    ['INDEX_BACKEND', 'lucene', 'postings or minisearch'],
  ])('refuses %s=%s with CONFIG_INVALID naming the variable, the value and what is accepted', (name, value, accepted) => {
    let error: unknown;
    try {
      configFromEnv({ [name]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { code, message, zh } = error as ConfigError;
    expect(code).toBe('CONFIG_INVALID');
    expect(message).toContain(`${name} must be ${accepted}`);
    expect(message).toContain(`(got "${value}")`);
    expect(zh).toContain(name);
    expect(zh).toContain(`“${value}”`);
  });

  it('accepts every whole PORT from 0 to 65535 and refuses every other text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 65535 }), (port) => configFromEnv({ PORT: String(port) }).port === port),
    );
    fc.assert(
      fc.property(fc.string().filter((s) => s.trim() !== '' && !/^\s*\d{1,5}\s*$/.test(s)), (text) => {
        expect(() => configFromEnv({ PORT: text })).toThrow(ConfigError);
      }),
    );
  });
});

/**
 * Per-client rate limiting: the token bucket itself (with a clock the test controls), how RATE_LIMIT and
 * HOST turn it on, how clients are told apart, and the 429 answers of the real app.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/search/types.js';
import type { RunningServer } from '../../src/server/http-server.js';
import {
  clientKey,
  DEFAULT_RATE_LIMIT,
  isLoopbackHost,
  RateLimiter,
  rateLimitFromEnv,
} from '../../src/server/rate-limit.js';
import { openEngineOver, removeTempDirs, seedCorpus, serve } from './helpers.js';

describe('the token bucket', () => {
  it('lets a burst through, then refuses with the seconds until the next token', () => {
    const limiter = new RateLimiter({ ratePerSecond: 0.5, burst: 3 });
    expect([0, 0, 0].map((t) => limiter.take('a', t).allowed)).toEqual([true, true, true]);
    expect(limiter.take('a', 0)).toEqual({ allowed: false, retryAfterSeconds: 2 });
    expect(limiter.take('a', 1_000)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.take('a', 2_000)).toEqual({ allowed: true, remaining: 0 });
    expect(limiter.take('a', 2_000).allowed).toBe(false);
  });

  it('counts every client on its own', () => {
    const limiter = new RateLimiter({ ratePerSecond: 1, burst: 1 });
    expect(limiter.take('a', 0).allowed).toBe(true);
    expect(limiter.take('a', 0).allowed).toBe(false);
    expect(limiter.take('b', 0).allowed).toBe(true);
  });

  it('refills to the burst and no further, however long a client was away', () => {
    const limiter = new RateLimiter({ ratePerSecond: 100, burst: 5 });
    for (let i = 0; i < 5; i += 1) limiter.take('a', 0);
    const later = Array.from({ length: 7 }, () => limiter.take('a', 3_600_000).allowed);
    expect(later).toEqual([true, true, true, true, true, false, false]);
  });

  it('never allows more than burst + rate × elapsed time in any window (random traffic)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 50, noNaN: true }),
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 0, max: 400 })), { minLength: 1, maxLength: 300 }),
        (rate, burst, events) => {
          const limiter = new RateLimiter({ ratePerSecond: rate, burst });
          let now = 0;
          const allowed: Record<string, number[]> = { a: [], b: [], c: [] };
          for (const [key, gap] of events) {
            now += gap;
            if (limiter.take(key, now).allowed) allowed[key]?.push(now);
          }
          for (const times of Object.values(allowed)) {
            for (let i = 0; i < times.length; i += 1) {
              for (let j = i; j < times.length; j += 1) {
                const window = ((times[j] ?? 0) - (times[i] ?? 0)) / 1000;
                expect(j - i + 1).toBeLessThanOrEqual(burst + rate * window + 1e-9);
              }
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('remembers a bounded number of clients, forgetting the one seen least recently', () => {
    const limiter = new RateLimiter({ ratePerSecond: 1, burst: 1, maxClients: 100 });
    expect(limiter.take('first', 0).allowed).toBe(true);
    for (let i = 0; i < 10_000; i += 1) limiter.take(`10.0.${i >> 8}.${i & 255}`, 0);
    expect(limiter.size()).toBe(100);
    // Forgotten, so it starts again with a full bucket.
    expect(limiter.take('first', 0).allowed).toBe(true);
  });

  it('refuses a limit that would let nothing through', () => {
    expect(() => new RateLimiter({ ratePerSecond: 0, burst: 5 })).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
    expect(() => new RateLimiter({ ratePerSecond: 5, burst: 0 })).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
  });
});

describe('RATE_LIMIT and HOST', () => {
  it('turn the limit on by default for a public host and off for a loopback one', () => {
    expect(rateLimitFromEnv(undefined, '0.0.0.0')).toEqual(DEFAULT_RATE_LIMIT);
    expect(rateLimitFromEnv('', '192.168.1.20')).toEqual(DEFAULT_RATE_LIMIT);
    expect(rateLimitFromEnv(undefined, '::')).toEqual(DEFAULT_RATE_LIMIT);
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1']) {
      expect(isLoopbackHost(host)).toBe(true);
      expect(rateLimitFromEnv(undefined, host)).toBeNull();
    }
    expect(isLoopbackHost('128.0.0.1')).toBe(false);
  });

  it('read off, on, a rate, or a rate and a burst', () => {
    expect(rateLimitFromEnv('off', '0.0.0.0')).toBeNull();
    expect(rateLimitFromEnv('OFF', '0.0.0.0')).toBeNull();
    expect(rateLimitFromEnv('on', '127.0.0.1')).toEqual(DEFAULT_RATE_LIMIT);
    expect(rateLimitFromEnv('5', '127.0.0.1')).toEqual({ ratePerSecond: 5, burst: 5, maxClients: 10_000 });
    expect(rateLimitFromEnv('2.5,30', '0.0.0.0')).toEqual({ ratePerSecond: 2.5, burst: 30, maxClients: 10_000 });
  });

  it.each(['fast', '-1', '10,', ',10', '10,0', '1e3', '10/s', '10,20,30'])('refuse RATE_LIMIT=%s with a message saying what is accepted', (value) => {
    expect(() => rateLimitFromEnv(value, '0.0.0.0')).toThrow(/RATE_LIMIT must be off, on, <requests per second>/);
  });
});

describe('clientKey', () => {
  it('counts an IPv4 client by its address, also when it arrives IPv4-mapped', () => {
    expect(clientKey('203.0.113.9')).toBe('203.0.113.9');
    expect(clientKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
  });

  it('counts an IPv6 client by its /64 network, however the address is written', () => {
    const key = clientKey('2001:db8:0:12::1');
    expect(key).toBe('2001:db8:0:12::/64');
    expect(clientKey('2001:0db8:0000:0012:ffff:1:2:3')).toBe(key);
    expect(clientKey('2001:db8:0:13::1')).not.toBe(key);
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
    expect(clientKey(undefined)).toBe('unknown');
  });
});

describe('the app with a rate limit', () => {
  let engine: Engine;
  let running: RunningServer;
  beforeAll(async () => {
    ({ engine } = await openEngineOver([seedCorpus()]));
    // One request in 100 s after a burst of 5: no token comes back while the test runs.
    running = await serve(engine, { rateLimit: { ratePerSecond: 0.01, burst: 5 } });
  });
  afterAll(async () => {
    await running?.close();
    removeTempDirs();
  });

  it('answers the burst, then 429 JSON with Retry-After and the usual security headers', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await fetch(`${running.url}/api/search?q=${encodeURIComponent('西藏')}`)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    for (const url of ['/api/search?q=x', '/api/health', '/', '/no-such-page']) {
      const res = await fetch(`${running.url}${url}`);
      expect(res.status).toBe(429);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(90);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('RATE_LIMITED');
      expect(body.error.message).toMatch(/try again in \d+ s/);
    }
  });
});

/**
 * Per-client rate limiting: a token bucket per client address. Each request takes a token; tokens come
 * back at `ratePerSecond` up to `burst`. A client with no token left gets a 429 JSON answer with a
 * `Retry-After` header saying how many seconds until it has one again.
 *
 * On by default when the server listens on a public address, off on a loopback address (`main.ts`);
 * RATE_LIMIT=`off`, `on`, `<requests per second>` or `<requests per second>,<burst>` overrides that.
 * The client is the TCP peer address (an IPv6 client is its /64 network); behind a reverse proxy every
 * request comes from the proxy, so limit there instead (RATE_LIMIT=off here).
 */
import type { RequestHandler } from 'express';
import { ConfigError, invalidSetting } from '../config-error.js';
import { createError } from './errors.js';

export interface RateLimitConfig {
  /** Sustained requests per second per client. */
  ratePerSecond: number;
  /** Requests a client may make at once after being quiet (the bucket's size). */
  burst: number;
  /** Most clients remembered at once; the one seen least recently is forgotten first. Default 10,000. */
  maxClients?: number;
}

/** A client's answer: allowed, or refused with the seconds to wait. */
export type RateDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

/** The limit for a public address: a person typing (a suggestion a keystroke) never meets it. */
export const DEFAULT_RATE_LIMIT: Required<RateLimitConfig> = { ratePerSecond: 10, burst: 40, maxClients: 10_000 };

/**
 * True for an address that only this machine can reach.
 * @example
 * isLoopbackHost('127.0.0.1'); // true
 * isLoopbackHost('0.0.0.0'); // false
 */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/**
 * The rate limit from RATE_LIMIT and the listening host: unset means on for a public host and off for a
 * loopback one. Throws `CONFIG_INVALID` for a value it cannot read.
 * @example
 * rateLimitFromEnv(undefined, '0.0.0.0'); // DEFAULT_RATE_LIMIT
 * rateLimitFromEnv('5,20', '127.0.0.1'); // { ratePerSecond: 5, burst: 20, maxClients: 10000 }
 * rateLimitFromEnv('off', '0.0.0.0'); // null
 */
export function rateLimitFromEnv(value: string | undefined, host: string): Required<RateLimitConfig> | null {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '') return isLoopbackHost(host) ? null : { ...DEFAULT_RATE_LIMIT };
  if (v === 'off' || v === '0') return null;
  if (v === 'on') return { ...DEFAULT_RATE_LIMIT };
  const match = /^(\d{1,6}(?:\.\d{1,3})?)(?:,(\d{1,6}))?$/.exec(v);
  const rate = match ? Number(match[1]) : NaN;
  const burst = match?.[2] === undefined ? Math.max(1, Math.ceil(rate)) : Number(match[2]);
  if (!(rate > 0) || !(burst >= 1)) {
    throw invalidSetting('RATE_LIMIT', value ?? '', {
      en: 'off, on, <requests per second> or <requests per second>,<burst> such as 10,40',
      zh: 'off、on、<每秒请求数> 或 <每秒请求数>,<突发数>，例如 10,40',
    });
  }
  return { ratePerSecond: rate, burst, maxClients: DEFAULT_RATE_LIMIT.maxClients };
}

/**
 * The key a client is counted under: its IPv4 address, or the /64 network of an IPv6 address (one
 * household or server usually holds a whole /64).
 * @example
 * clientKey('::ffff:10.0.0.7'); // '10.0.0.7'
 * clientKey('2001:db8:1:2:aaaa::1'); // '2001:db8:1:2::/64'
 */
export function clientKey(address: string | undefined): string {
  if (!address) return 'unknown';
  const a = address.toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(a);
  if (mapped?.[1]) return mapped[1];
  if (!a.includes(':')) return a;
  return `${expandIpv6(a).slice(0, 4).join(':')}::/64`;
}

/** The eight groups of an IPv6 address, leading zeros dropped (`2001:db8::1` → 2001,db8,0,0,0,0,0,1). */
function expandIpv6(address: string): string[] {
  const [head = '', tail] = address.split('%')[0]?.split('::') ?? [''];
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const zeros = tail === undefined ? [] : new Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0');
  return [...left, ...zeros, ...right].map((g) => g.replace(/^0+(?=.)/, ''));
}

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/**
 * Token buckets per key, bounded in memory. Pure apart from its own state: the clock is passed in.
 * @example
 * const limiter = new RateLimiter({ ratePerSecond: 1, burst: 2 });
 * limiter.take('a', 0).allowed; // true
 * limiter.take('a', 0).allowed; // true
 * limiter.take('a', 0); // { allowed: false, retryAfterSeconds: 1 }
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly maxClients: number;

  constructor(private readonly config: RateLimitConfig) {
    if (!(config.ratePerSecond > 0) || !(config.burst >= 1)) {
      throw new ConfigError(
        `A rate limit needs ratePerSecond > 0 and burst >= 1 (got ${config.ratePerSecond}, ${config.burst}).`,
        `限流须满足 ratePerSecond > 0 且 burst >= 1（实际为 ${config.ratePerSecond}、${config.burst}）。`,
      );
    }
    this.maxClients = Math.max(1, config.maxClients ?? DEFAULT_RATE_LIMIT.maxClients);
  }

  /** Takes a token for `key` at time `nowMs` (any monotonic clock in milliseconds). */
  take(key: string, nowMs: number): RateDecision {
    const { ratePerSecond, burst } = this.config;
    const previous = this.buckets.get(key);
    const elapsed = previous ? Math.max(0, nowMs - previous.updatedMs) : 0;
    const tokens = previous ? Math.min(burst, previous.tokens + (elapsed / 1000) * ratePerSecond) : burst;
    // Re-insert so that the Map's order is least recently seen first.
    this.buckets.delete(key);
    if (tokens >= 1) {
      this.buckets.set(key, { tokens: tokens - 1, updatedMs: nowMs });
      this.evict();
      return { allowed: true, remaining: Math.floor(tokens - 1) };
    }
    this.buckets.set(key, { tokens, updatedMs: nowMs });
    this.evict();
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / ratePerSecond)) };
  }

  /** How many clients are remembered now. */
  size(): number {
    return this.buckets.size;
  }

  private evict(): void {
    while (this.buckets.size > this.maxClients) {
      const oldest = this.buckets.keys().next();
      if (oldest.done) return;
      this.buckets.delete(oldest.value);
    }
  }
}

/**
 * The middleware: 429 `RATE_LIMITED` with `Retry-After` for a client over its limit.
 * @example
 * app.use(rateLimit({ ratePerSecond: 10, burst: 40 }));
 */
export function rateLimit(config: RateLimitConfig, now: () => number = () => performance.now()): RequestHandler {
  const limiter = new RateLimiter(config);
  return (req, _res, next) => {
    const decision = limiter.take(clientKey(req.socket.remoteAddress), now());
    if (decision.allowed) {
      next();
      return;
    }
    const wait = decision.retryAfterSeconds;
    throw createError(
      'RATE_LIMITED',
      {
        en: `Too many requests from this address (more than ${config.burst} at once or ${config.ratePerSecond} a second); try again in ${wait} s.`,
        zh: `此地址的请求过多（一次超过 ${config.burst} 个或每秒超过 ${config.ratePerSecond} 个），请 ${wait} 秒后再试。`,
      },
      { 'Retry-After': String(wait) },
    );
  };
}

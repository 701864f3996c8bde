/**
 * `createApp(engine)`: the Express application, what tests import (supertest) and `main.ts` serves.
 * Order: request log → security headers → rate limit (when configured) → limits → compression → API → page →
 * 404 → error middleware.
 */
import compression from 'compression';
import express from 'express';
import { PUBLIC_DIR } from '../paths.js';
import type { Engine } from '../search/types.js';
import { apiRouter } from './api.js';
import { errorHandler } from './error-handler.js';
import { createError } from './errors.js';
import { exportRouter } from './export-api.js';
import { DEFAULT_LIMITS, requestLimits } from './limits.js';
import type { LimitOptions } from './limits.js';
import { pageRouter } from './pages.js';
import { rateLimit } from './rate-limit.js';
import type { RateLimitConfig } from './rate-limit.js';
import { requestLog } from './request-log.js';
import { researchRouter } from './research-api.js';
import { DEFAULT_SEARCH_CACHE_BYTES, SearchCache } from './search-cache.js';
import { securityHeaders } from './security.js';

export interface AppOptions {
  /** Receives one line per request and the details of unexpected errors. Default: none. */
  log?: (line: string) => void;
  /** The folder of the page. Default: `public/` at the repository root. */
  publicDir?: string;
  limits?: LimitOptions;
  /** Per-client rate limit; default none (`main.ts` turns it on for public hosts, see `rate-limit.ts`). */
  rateLimit?: RateLimitConfig | null;
  /** Bytes of search answers kept for repeated queries (`search-cache.ts`); 0 keeps none. Default 64 MiB. */
  searchCacheBytes?: number;
}

/**
 * Builds the application over a loaded engine.
 * @example
 * const app = createApp(await openEngine(), { log: console.log });
 * app.listen(3000);
 */
export function createApp(engine: Engine, options: AppOptions = {}): express.Express {
  const log = options.log ?? (() => {});
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', false);
  app.set('json escape', true);

  app.use(requestLog(log));
  app.use(securityHeaders());
  if (options.rateLimit) app.use(rateLimit(options.rateLimit));
  app.use(requestLimits(options.limits ?? DEFAULT_LIMITS));
  const compress = compression();
  app.use((req, res, next) => {
    // A client that accepts no encoding (scripts, curl, load generators; never a browser) gets its body as is
    // without setting up the compressor, which cost a fifth of a cached answer's time under load. The Vary
    // header the compressor would add is kept, for caches in between.
    if (req.headers['accept-encoding'] === undefined) {
      res.setHeader('Vary', 'Accept-Encoding');
      next();
      return;
    }
    compress(req, res, next);
  });
  app.use(apiRouter(engine, { searchCache: new SearchCache(options.searchCacheBytes ?? DEFAULT_SEARCH_CACHE_BYTES) }));
  app.use(researchRouter(engine));
  app.use(exportRouter(engine));
  app.use(pageRouter(engine, options.publicDir ?? PUBLIC_DIR));
  app.use((req) => {
    const short = req.path.length <= 80;
    throw createError('NOT_FOUND', {
      en: `Nothing is at ${short ? req.path : 'this address'}. The API is under /api/ (e.g. /api/search?q=…); the page is at /.`,
      zh: `${short ? req.path : '此地址'} 没有内容。接口在 /api/ 下（例如 /api/search?q=…），页面在 /。`,
    });
  });
  app.use(errorHandler(log));
  return app;
}

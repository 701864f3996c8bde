/**
 * The page: static files from public/ with caching headers, and `/p/:id`, which serves the same app
 * (it reads the passage id from the path). Dotfiles and anything outside public/ are never served.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import express from 'express';
import type { Response, Router } from 'express';
import type { Engine } from '../search/types.js';
import { methodNotAllowed } from './api.js';

/** How long browsers may reuse a script, style or image before revalidating (no build step, no hashes). */
export const ASSET_MAX_AGE_SECONDS = 300;

function setCacheHeaders(res: Response, file: string): void {
  const html = file.endsWith('.html');
  res.setHeader('Cache-Control', html ? 'no-cache' : `public, max-age=${ASSET_MAX_AGE_SECONDS}`);
}

/**
 * The URL paths of every file under `dir` (`/app.js`, `/js/chart.js`, …), skipping dotfiles.
 * @example
 * publicPaths('/work/main/public').has('/index.html'); // true
 */
export function publicPaths(dir: string, prefix = ''): Set<string> {
  const paths = new Set<string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const urlPath = `${prefix}/${entry.name}`;
    if (entry.isDirectory()) for (const p of publicPaths(path.join(dir, entry.name), urlPath)) paths.add(p);
    else if (entry.isFile()) paths.add(urlPath);
  }
  return paths;
}

/**
 * Serves public/ and the reader route. Other methods on these paths get 405; unknown paths fall through.
 * @example
 * app.use(pageRouter(engine, path.resolve('public')));
 */
export function pageRouter(engine: Engine, publicDir: string): Router {
  const router = express.Router();
  const files = publicPaths(publicDir);

  const sendApp = (res: Response, status: number): void => {
    res.status(status);
    res.sendFile('index.html', { root: publicDir, dotfiles: 'deny', headers: { 'Cache-Control': 'no-cache' } });
  };

  router
    .route('/p/:id')
    .get(async (req, res) => sendApp(res, (await engine.passage(String(req.params.id))) ? 200 : 404))
    .all(methodNotAllowed);

  router.use(
    express.static(publicDir, {
      dotfiles: 'ignore',
      fallthrough: true,
      index: 'index.html',
      redirect: false,
      setHeaders: setCacheHeaders,
    }),
  );

  // The page's own paths answer other methods with 405; unknown paths go on to the 404.
  router.all('/{*rest}', (req, res, next) => {
    const known = req.path === '/' || files.has(req.path);
    if (known && req.method !== 'GET' && req.method !== 'HEAD') methodNotAllowed(req, res, next);
    else next();
  });

  return router;
}

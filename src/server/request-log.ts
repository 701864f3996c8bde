/** One log line per request: method, path, status and milliseconds, written when the response ends. */
import type { RequestHandler } from 'express';

/**
 * A path made safe for a log line: control characters escaped, at most 200 characters.
 * @example
 * loggablePath('/api/search\n'); // '/api/search\\x0a'
 */
function loggablePath(path: string): string {
  const safe = path.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return safe.length > 200 ? `${safe.slice(0, 200)}…` : safe;
}

/**
 * Logs `GET /api/search 200 3.1ms` for every request (status 499 when the client went away first).
 * @example
 * app.use(requestLog((line) => process.stdout.write(line + '\n')));
 */
export function requestLog(log: (line: string) => void): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const path = loggablePath(req.originalUrl.split('?')[0] ?? '');
    let done = false;
    const finish = (status: number): void => {
      if (done) return;
      done = true;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log(`${req.method} ${path} ${status} ${ms.toFixed(1)}ms`);
    };
    res.on('finish', () => finish(res.statusCode));
    res.on('close', () => finish(res.writableFinished ? res.statusCode : 499));
    next();
  };
}

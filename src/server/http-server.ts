/**
 * The HTTP server around the app: timeouts and header limits, JSON answers to requests Node cannot parse,
 * and a graceful close that stops accepting, lets in-flight requests finish, then ends idle connections.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { RequestListener } from 'node:http';
import { ERROR_CATALOGUE } from './errors.js';
import type { ErrorCode } from './errors.js';

export interface ServerOptions {
  port: number;
  host: string;
  /** After this long, `close()` cuts connections still busy. Default 10 s. */
  drainTimeoutMs?: number;
}

export interface RunningServer {
  server: http.Server;
  /** `http://host:port`, with the port actually bound (useful with port 0). */
  url: string;
  /** Stops accepting, waits for in-flight requests (at most `drainTimeoutMs`), resolves when all are closed. */
  close(): Promise<void>;
}

/** Largest request head accepted, in bytes. */
export const MAX_HEADER_BYTES = 16 * 1024;

/** A complete HTTP response for a catalogued error, written straight to a socket Express never saw. */
function rawErrorResponse(code: ErrorCode): string {
  const { status, message } = ERROR_CATALOGUE[code];
  const body = JSON.stringify({ error: { code, message } });
  return (
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json; charset=utf-8\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
  );
}

function answerClientError(err: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable || err.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  socket.end(rawErrorResponse(err.code === 'HPE_HEADER_OVERFLOW' ? 'HEADERS_TOO_LARGE' : 'MALFORMED_REQUEST'));
}

/**
 * Listens with `app` and resolves once the port is bound.
 * @example
 * const running = await startServer(createApp(engine), { port: 0, host: '127.0.0.1' });
 * console.log(running.url); await running.close();
 */
export function startServer(app: RequestListener, options: ServerOptions): Promise<RunningServer> {
  const server = http.createServer({ maxHeaderSize: MAX_HEADER_BYTES, requestTimeout: 30_000, headersTimeout: 20_000 }, app);
  server.keepAliveTimeout = 5_000;
  server.on('clientError', answerClientError);

  let closing: Promise<void> | null = null;
  // While closing, a keep-alive connection whose last response just ended is idle: end it at once rather
  // than after keepAliveTimeout.
  server.on('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
    res.on('finish', () => {
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
  });
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      const timer = setTimeout(() => server.closeAllConnections(), options.drainTimeoutMs ?? 10_000);
      timer.unref();
      server.close(() => {
        clearTimeout(timer);
        resolve();
      });
      // Keep-alive connections with no request in flight would hold close() open: end them now.
      server.closeIdleConnections();
    });
    return closing;
  };

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      const host = options.host.includes(':') ? `[${options.host}]` : options.host;
      resolve({ server, url: `http://${host}:${port}`, close });
    });
  });
}

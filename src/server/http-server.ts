/**
 * The HTTP server around the app: timeouts (`timeouts.ts`), connection limits per client and in all
 * (`connection-limits.ts`) and header limits, JSON answers to requests Node
 * cannot parse or that arrive too slowly, and a graceful close that stops accepting, lets in-flight requests
 * finish, then ends idle connections.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { RequestListener } from 'node:http';
import { limitConnections, resolveConnectionLimits } from './connection-limits.js';
import type { ConnectionLimits } from './connection-limits.js';
import { ERROR_CATALOGUE, messagesOf } from './errors.js';
import type { ErrorCode } from './errors.js';
import { securityHeaderPairs } from './security.js';
import { applyTimeouts, resolveTimeouts, serverTimeoutOptions } from './timeouts.js';
import type { ServerTimeouts } from './timeouts.js';

export interface ServerOptions {
  port: number;
  host: string;
  /** After this long, `close()` cuts connections still busy. Default 10 s. */
  drainTimeoutMs?: number;
  /** Deadlines for slow clients; defaults in `DEFAULT_TIMEOUTS`. */
  timeouts?: Partial<ServerTimeouts>;
  /** Connections open at once, in all and per client (`connection-limits.ts`); more are closed at once. */
  connections?: Partial<ConnectionLimits>;
  /** Receives the (at most one a second) reports of refused connections. Default: none. */
  log?: (line: string) => void;
}

export interface RunningServer {
  server: http.Server;
  /** `http://host:port`, with the port actually bound (useful with port 0). */
  url: string;
  /** Stops accepting, waits for in-flight requests (at most `drainTimeoutMs`), resolves when all are closed. */
  close(): Promise<void>;
}

/** Largest request head accepted, in bytes. */
const MAX_HEADER_BYTES = 16 * 1024;

/** The JSON body of a catalogued error, for answers Express never sees. */
function errorJson(code: ErrorCode, message?: string): string {
  return JSON.stringify({ error: { code, message: message ?? ERROR_CATALOGUE[code].message, messages: messagesOf(code) } });
}

/**
 * A complete HTTP response for a catalogued error, written straight to a socket Express never saw, with the
 * security headers of every other answer.
 */
function rawErrorResponse(code: ErrorCode, extraHeaders = ''): string {
  const { status } = ERROR_CATALOGUE[code];
  const body = errorJson(code);
  const security = securityHeaderPairs().map(([name, value]) => `${name}: ${value}\r\n`).join('');
  return (
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json; charset=utf-8\r\n${extraHeaders}` +
    `${security}Cache-Control: no-store\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
  );
}

/** Answers a request with a catalogued error as JSON, outside Express, with the security headers. */
function sendError(res: http.ServerResponse, code: ErrorCode, message?: string): void {
  const body = errorJson(code, message);
  for (const [name, value] of securityHeaderPairs()) res.setHeader(name, value);
  res.writeHead(ERROR_CATALOGUE[code].status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

/**
 * The requests Node answers by itself unless told otherwise, answered in JSON like every other error: an
 * HTTP/1.1 request without a Host header (400), CONNECT (405: this is not a proxy) and an `Expect` header
 * other than `100-continue` (417).
 */
function answerInJson(server: http.Server, app: RequestListener): RequestListener {
  server.on('connect', (_req: http.IncomingMessage, socket: Socket) => {
    socket.end(rawErrorResponse('METHOD_NOT_ALLOWED', 'Allow: GET, HEAD\r\n'));
  });
  server.on('checkExpectation', (_req: http.IncomingMessage, res: http.ServerResponse) => sendError(res, 'EXPECTATION_FAILED'));
  return (req, res) => {
    if (req.httpVersionMajor === 1 && req.httpVersionMinor === 1 && req.headers.host === undefined) {
      sendError(res, 'MALFORMED_REQUEST', 'An HTTP/1.1 request needs a Host header.');
    } else app(req, res);
  };
}

/** Node's error codes for requests it refuses before Express sees them, and what to answer. */
const CLIENT_ERRORS: Readonly<Record<string, ErrorCode>> = {
  HPE_HEADER_OVERFLOW: 'HEADERS_TOO_LARGE',
  ERR_HTTP_REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
};

function answerClientError(err: Error & { code?: string }, socket: Socket): void {
  // A response already under way on this socket cannot be followed by another one: just cut it.
  const current = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (!socket.writable || err.code === 'ECONNRESET' || current?.headersSent) {
    socket.destroy();
    return;
  }
  socket.end(rawErrorResponse(CLIENT_ERRORS[err.code ?? ''] ?? 'MALFORMED_REQUEST'));
}

/**
 * Counts, per connection, the responses not yet handed to the operating system, and replaces the server's
 * `closeIdleConnections` with one that spares connections that still have one. Node's own counts a
 * connection idle as soon as its request is read and its response *ended*, so on close it would cut a large
 * answer still being written to a slow reader, and pipelined answers still queued. While closing, each
 * connection is ended once its last response is out, and answers say `Connection: close`.
 */
function trackResponses(server: http.Server): { startClosing(): void } {
  const pending = new Map<Socket, number>();
  let closing = false;
  const endIfIdle = (socket: Socket): void => {
    if ((pending.get(socket) ?? 0) === 0) socket.destroy();
  };
  server.on('connection', (socket: Socket) => {
    pending.set(socket, 0);
    socket.once('close', () => pending.delete(socket));
  });
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const socket = req.socket;
    pending.set(socket, (pending.get(socket) ?? 0) + 1);
    if (closing) res.setHeader('Connection', 'close');
    let settled = false;
    const settle = (): void => {
      if (settled) return;
      settled = true;
      if (pending.has(socket)) pending.set(socket, Math.max(0, (pending.get(socket) ?? 1) - 1));
      if (closing) setImmediate(() => endIfIdle(socket));
    };
    res.once('finish', settle);
    res.once('close', settle);
  });
  server.closeIdleConnections = () => {
    for (const socket of pending.keys()) endIfIdle(socket);
  };
  return {
    startClosing: () => {
      closing = true;
    },
  };
}

/**
 * Listens with `app` and resolves once the port is bound.
 * @example
 * const running = await startServer(createApp(engine), { port: 0, host: '127.0.0.1' });
 * console.log(running.url); await running.close();
 */
export function startServer(app: RequestListener, options: ServerOptions): Promise<RunningServer> {
  const timeouts = resolveTimeouts(options.timeouts);
  const server = http.createServer({ maxHeaderSize: MAX_HEADER_BYTES, requireHostHeader: false, ...serverTimeoutOptions(timeouts) });
  applyTimeouts(server, timeouts);
  limitConnections(server, resolveConnectionLimits(options.connections), options.log ?? (() => {}));
  server.on('clientError', answerClientError);
  const drain = trackResponses(server);
  server.on('request', answerInJson(server, app));

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      drain.startClosing();
      const timer = setTimeout(() => server.closeAllConnections(), options.drainTimeoutMs ?? 10_000);
      timer.unref();
      // Stops accepting and ends the idle connections (through the closeIdleConnections below).
      server.close(() => {
        clearTimeout(timer);
        resolve();
      });
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

/**
 * Slow clients cannot hold the server: the request head and the whole request have deadlines (slowloris),
 * idle keep-alive connections and connections on which nothing moves are closed, and the server goes on
 * answering everyone else meanwhile. Deadlines are shortened here so that the test is quick; the defaults
 * are checked against their documented values.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/search/types.js';
import { startServer } from '../../src/server/http-server.js';
import type { RunningServer } from '../../src/server/http-server.js';
import { DEFAULT_TIMEOUTS, resolveTimeouts, serverTimeoutOptions, timeoutsFromEnv } from '../../src/server/timeouts.js';
import type { ServerTimeouts } from '../../src/server/timeouts.js';
import { addressOf, openEngineOver, parseRawResponse, pause, removeTempDirs, seedCorpus, serve } from './helpers.js';

const SHORT: ServerTimeouts = {
  headersTimeoutMs: 1_000,
  requestTimeoutMs: 1_500,
  keepAliveTimeoutMs: 300,
  socketIdleTimeoutMs: 1_000,
  checkIntervalMs: 100,
};

let engine: Engine;
let running: RunningServer;

beforeAll(async () => {
  ({ engine } = await openEngineOver([seedCorpus()]));
  running = await serve(engine, {}, { timeouts: SHORT });
});
afterAll(async () => {
  await running?.close();
  removeTempDirs();
});

/** What a slowloris connection saw: bytes it managed to send, and everything the server answered. */
interface SlowResult {
  sent: number;
  total: number;
  answer: string;
}

/**
 * Opens a connection and sends `head` one byte every `intervalMs` until the server closes the connection
 * or the whole head is sent.
 */
function slowloris(url: string, head: string, intervalMs: number): Promise<SlowResult> {
  const { host, port } = addressOf(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, host);
    let sent = 0;
    let answer = '';
    let closed = false;
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
    socket.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'ECONNRESET' && e.code !== 'EPIPE') reject(e);
    });
    socket.on('close', () => {
      closed = true;
      resolve({ sent, total: head.length, answer });
    });
    socket.on('connect', async () => {
      while (!closed && sent < head.length) {
        socket.write(head[sent] ?? '');
        sent += 1;
        await pause(intervalMs);
      }
      // The whole head went out: the server did not cut the connection. Wait briefly for an answer, then stop.
      if (!closed) {
        await pause(500);
        socket.destroy();
      }
    });
  });
}

async function getJson(url: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url);
  return { status: res.status, body: await res.json() };
}

describe('a slowloris client (request head sent one byte at a time)', () => {
  it('is cut off with a JSON 408 before it can finish its head, while other clients are answered', async () => {
    // 60 bytes at one byte per 100 ms would take 6 s; the head deadline is 1 s.
    const head = `GET /api/search?q=x HTTP/1.1\r\nHost: x\r\nX-Slow: ${'a'.repeat(60)}\r\n\r\n`;
    const attackers = Array.from({ length: 8 }, () => slowloris(running.url, head, 100));
    const answers: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      answers.push((await getJson(`${running.url}/api/search?q=${encodeURIComponent('西藏')}`)).status);
      await pause(50);
    }
    const results = await Promise.all(attackers);
    expect(answers).toEqual(new Array(10).fill(200));
    for (const r of results) {
      expect(r.sent).toBeLessThan(r.total);
      const { status, body, headers } = parseRawResponse(r.answer);
      expect(status).toBe(408);
      expect(body).toEqual({ error: { code: 'REQUEST_TIMEOUT', message: expect.stringMatching(/too long/), messages: { en: expect.stringMatching(/too long/), zh: '请求传送时间过长，请重新发送。' } } });
      // Written by the server outside the app, with the app's security headers all the same.
      expect(headers).toMatch(/\r\ncontent-security-policy: default-src 'self';/i);
      expect(headers).toMatch(/\r\nx-content-type-options: nosniff\r\n/i);
    }
  });

  it('is cut off also when it connects and sends nothing at all', async () => {
    const { host, port } = addressOf(running.url);
    // The client never writes and never closes: only the server can end these connections.
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => new Promise<string>((resolve) => {
        const socket = net.connect(port, host);
        let answer = '';
        socket.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
        socket.on('close', () => resolve(answer));
        socket.on('error', () => undefined);
      })),
    );
    for (const answer of answers) if (answer !== '') expect(parseRawResponse(answer).status).toBe(408);
    expect((await getJson(`${running.url}/api/health`)).status).toBe(200);
  });

  it('cannot trickle a request body past the request deadline either', async () => {
    // A complete head that announces a body, then the body at one byte per 200 ms (would take 4 s).
    const result = await slowloris(running.url, `GET /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: 20\r\n\r\n${'b'.repeat(20)}`, 200);
    expect(result.sent).toBeLessThan(result.total);
  });
});

describe('idle and stalled connections', () => {
  it('closes an idle keep-alive connection after the keep-alive timeout', async () => {
    // A raw socket that never closes by itself: only the server's keep-alive timeout can end it.
    const answer = await new Promise<string>((resolve) => {
      const { host, port } = addressOf(running.url);
      const socket = net.connect(port, host, () => socket.write('GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n'));
      let data = '';
      socket.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      socket.on('close', () => resolve(data));
      socket.on('error', () => undefined);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(answer).toMatch(/\r\nConnection: keep-alive\r\n/i);
    expect(answer.match(/HTTP\/1\.1 /g)).toHaveLength(1);
  });

  it('destroys a connection whose client stopped reading a large answer', async () => {
    const big = Buffer.alloc(64 * 1024 * 1024, 0x61);
    const stalled = await startServer(
      (_req, res) => {
        res.setHeader('Content-Length', String(big.length));
        res.end(big);
      },
      { port: 0, host: '127.0.0.1', timeouts: SHORT },
    );
    try {
      const { host, port } = addressOf(stalled.url);
      const received = await new Promise<number>((resolve) => {
        const socket = net.connect(port, host, () => socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n'));
        socket.pause();
        let bytes = 0;
        // The client reads nothing for longer than the idle timeout, then takes what is left.
        setTimeout(() => {
          socket.on('data', (chunk: Buffer) => (bytes += chunk.length));
          socket.resume();
        }, 2_500);
        socket.on('close', () => resolve(bytes));
        socket.on('error', () => undefined);
      });
      // The server gave up on the client: far less than the 64 MiB it was sending arrived.
      expect(received).toBeGreaterThan(0);
      expect(received).toBeLessThan(big.length);
    } finally {
      await stalled.close();
    }
  });
});

describe('the timeout settings', () => {
  it('default to 10 s for the head, 15 s for the request, 5 s keep-alive, 30 s idle, checked every second', () => {
    expect(DEFAULT_TIMEOUTS).toEqual({
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 15_000,
      keepAliveTimeoutMs: 5_000,
      socketIdleTimeoutMs: 30_000,
      checkIntervalMs: 1_000,
    });
    expect(serverTimeoutOptions(DEFAULT_TIMEOUTS)).toEqual({
      headersTimeout: 10_000,
      requestTimeout: 15_000,
      keepAliveTimeout: 5_000,
      connectionsCheckingInterval: 1_000,
    });
  });

  it('are read from the environment, and a bad value is refused naming the variable', () => {
    expect(timeoutsFromEnv({ HEADERS_TIMEOUT_MS: '2000', REQUEST_TIMEOUT_MS: '4000', SOCKET_IDLE_TIMEOUT_MS: '0' })).toEqual({
      ...DEFAULT_TIMEOUTS,
      headersTimeoutMs: 2000,
      requestTimeoutMs: 4000,
      socketIdleTimeoutMs: 0,
    });
    expect(() => timeoutsFromEnv({ HEADERS_TIMEOUT_MS: 'soon' })).toThrow(/HEADERS_TIMEOUT_MS must be a whole number/);
    expect(() => timeoutsFromEnv({ HEADERS_TIMEOUT_MS: '0' })).toThrow(/HEADERS_TIMEOUT_MS must be a whole number of milliseconds from 1/);
    expect(() => timeoutsFromEnv({ HEADERS_TIMEOUT_MS: '20000' })).toThrow(/HEADERS_TIMEOUT_MS \(20000\) must not exceed REQUEST_TIMEOUT_MS \(15000\)/);
    expect(() => resolveTimeouts({ keepAliveTimeoutMs: 1.5 })).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
  });
});

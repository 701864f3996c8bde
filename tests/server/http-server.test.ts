import http from 'node:http';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from '../../src/server/http-server.js';
import type { RunningServer } from '../../src/server/http-server.js';

let running: RunningServer | null = null;
afterEach(async () => {
  await running?.close();
  running = null;
});

/** Sends raw bytes and resolves with everything the server answers before closing. */
function raw(url: string, bytes: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(bytes));
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString('utf8')));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
}

function getText(url: string, agent?: http.Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

describe('startServer', () => {
  it('listens on the port it reports when asked for port 0', async () => {
    running = await startServer((_req, res) => res.end('hello'), { port: 0, host: '127.0.0.1' });
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await getText(`${running.url}/`)).body).toBe('hello');
  });

  it('answers a request that is not HTTP with a JSON 400', async () => {
    running = await startServer((_req, res) => res.end('never'), { port: 0, host: '127.0.0.1' });
    const answer = await raw(running.url, 'THIS IS NOT HTTP\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(answer).toContain('Content-Type: application/json');
    expect(JSON.parse(answer.split('\r\n\r\n')[1] ?? '')).toEqual({
      error: { code: 'MALFORMED_REQUEST', message: 'The request is not valid HTTP.', messages: { en: 'The request is not valid HTTP.', zh: '请求不是有效的 HTTP 请求。' } },
    });
  });

  it('answers oversized request headers with a JSON 431', async () => {
    running = await startServer((_req, res) => res.end('never'), { port: 0, host: '127.0.0.1' });
    const answer = await raw(running.url, `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(answer).toContain('"code":"HEADERS_TOO_LARGE"');
  });

  it('on close, finishes the request in flight, then refuses new connections', async () => {
    let release: () => void = () => {};
    let arrived: () => void = () => {};
    const inFlight = new Promise<void>((resolve) => (arrived = resolve));
    running = await startServer(
      (_req, res) => {
        arrived();
        release = () => res.end('finished');
      },
      { port: 0, host: '127.0.0.1' },
    );
    const { url } = running;
    const agent = new http.Agent({ keepAlive: true });
    const pending = getText(`${url}/slow`, agent);
    await inFlight;
    let closed = false;
    const closing = running.close().then(() => (closed = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(closed).toBe(false);
    await expect(getText(`${url}/new`)).rejects.toThrow(/ECONNREFUSED/);
    release();
    expect(await pending).toEqual({ status: 200, body: 'finished' });
    await closing;
    expect(closed).toBe(true);
    agent.destroy();
    running = null;
  });
});

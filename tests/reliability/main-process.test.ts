/**
 * The server as `npm start` runs it (`src/server/main.ts` in its own process): settings it cannot read stop
 * it before it loads anything, a public address turns the rate limit on by itself, and SIGTERM lets every
 * answer in flight reach its client before the process exits.
 */
import net from 'node:net';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { addressOf, killChildren, removeTempDirs, runTs, seedCorpus, tempDir, waitForOutput } from './helpers.js';

afterEach(killChildren);
afterAll(removeTempDirs);

const PLAN = 'xizang-14th-five-year-plan.txt';

/** Starts main.ts over a one-report corpus and resolves with its URL (on 127.0.0.1) once it is ready. */
async function startMain(env: Record<string, string>, file = PLAN) {
  const started = runTs('src/server/main.ts', [], { PORT: '0', CORPUS_DIR: seedCorpus([file]), INDEX_DIR: tempDir('index'), ...env });
  const [, port] = await waitForOutput(started, /open http:\/\/[^\s]+:(\d+)\//);
  return { started, url: `http://127.0.0.1:${port}` };
}

/** Splits bytes holding consecutive HTTP/1.1 responses (each with a Content-Length) into status and body. */
function splitResponses(data: Buffer): Array<{ status: number; body: string; complete: boolean }> {
  const out: Array<{ status: number; body: string; complete: boolean }> = [];
  let at = 0;
  while (at < data.length) {
    const headEnd = data.indexOf('\r\n\r\n', at);
    if (headEnd === -1) break;
    const head = data.toString('latin1', at, headEnd);
    const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
    const start = headEnd + 4;
    const body = data.subarray(start, Math.min(data.length, start + length));
    out.push({ status: Number(head.slice(9, 12)), body: body.toString('utf8'), complete: body.length === length });
    at = start + length;
  }
  return out;
}

describe('settings main.ts cannot read', () => {
  it.each([
    ['RATE_LIMIT', 'fast', /RATE_LIMIT must be off, on, <requests per second> or <requests per second>,<burst>/],
    ['HEADERS_TIMEOUT_MS', '-5', /HEADERS_TIMEOUT_MS must be a whole number of milliseconds/],
    ['REQUEST_TIMEOUT_MS', '500', /HEADERS_TIMEOUT_MS \(10000\) must not exceed REQUEST_TIMEOUT_MS \(500\)/],
    ['MAX_FILE_BYTES', 'abc', /MAX_FILE_BYTES must be a whole number of bytes above 0, e\.g\. 67108864 for 64 MiB \(got "abc"\)\. \[CONFIG_INVALID\]/],
    ['MAX_CONNECTIONS_PER_CLIENT', '0', /MAX_CONNECTIONS_PER_CLIENT must be a whole number from 1/],
  ])('stop it with exit code 1 and a message, before it loads anything (%s=%s)', async (name, value, message) => {
    const started = runTs('src/server/main.ts', [], { PORT: '0', [name]: value });
    expect((await started.exited).code).toBe(1);
    expect(started.output()).toMatch(message);
    expect(started.output()).not.toContain('loading the search index');
  });
});

describe('settings the ingest command cannot read', () => {
  it('stop it with exit code 1 and a coded message naming the variable, before it reads anything (MAX_FILE_BYTES=abc)', async () => {
    const started = runTs('src/cli/ingest.ts', [], { MAX_FILE_BYTES: 'abc', INDEX_DIR: tempDir('index') });
    expect((await started.exited).code).toBe(1);
    expect(started.output()).toMatch(/ingest failed \[CONFIG_INVALID\]: .*MAX_FILE_BYTES must be a whole number of bytes above 0.*\(got "abc"\)/);
    expect(started.output()).not.toContain('ingesting');
  });
});

describe('main.ts on a public address', () => {
  it('limits each client by default: a burst of 100 requests gets 429s with Retry-After', async () => {
    // fetch opens a connection a request: 100 at once from one address is over the default per-client
    // connection cap (64), which would close the extra ones before the rate limit could answer them.
    const { started, url } = await startMain({ HOST: '0.0.0.0', MAX_CONNECTIONS_PER_CLIENT: '128' }, 'xizang-2024-government-work-report.txt');
    expect(started.output()).toContain('rate limit: 10 requests a second per client, bursts of 40');
    const answers = await Promise.all(
      Array.from({ length: 100 }, async () => {
        const res = await fetch(`${url}/api/health`);
        await res.arrayBuffer();
        return { status: res.status, retryAfter: res.headers.get('retry-after') };
      }),
    );
    const limited = answers.filter((a) => a.status === 429);
    expect(answers.every((a) => a.status === 200 || a.status === 429)).toBe(true);
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(40);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited.every((a) => Number(a.retryAfter) >= 1)).toBe(true);
    started.child.kill('SIGTERM');
    expect((await started.exited).code).toBe(0);
  });
});

describe('SIGTERM', () => {
  it('lets every answer in flight reach a slow client in full before the process exits 0', async () => {
    const { started, url } = await startMain({ HOST: '127.0.0.1' });
    expect(started.output()).toContain('rate limit: off on a loopback address');
    const { documents } = (await (await fetch(`${url}/api/documents`)).json()) as { documents: Array<{ id: string }> };
    const docId = documents[0]?.id ?? '';
    const path = `/api/documents/${docId}`;
    const count = 40;
    const { host, port } = addressOf(url);
    // One connection, 40 pipelined requests for a large report, and a client that does not read yet: most of
    // the answers are still queued in the server when SIGTERM comes.
    const socket = net.connect(port, host, () => socket.write(`GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`.repeat(count)));
    socket.pause();
    const chunks: Buffer[] = [];
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.on('error', () => undefined);
    await waitForOutput(started, new RegExp(`GET ${path} 200`));
    started.child.kill('SIGTERM');
    await waitForOutput(started, /SIGTERM: no longer accepting connections/);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.resume();
    await closed;
    const exit = await started.exited;

    const data = Buffer.concat(chunks);
    const responses = splitResponses(data);
    expect(responses.map((r) => [r.status, r.complete])).toEqual(new Array(count).fill([200, true]));
    for (const r of responses) expect((JSON.parse(r.body) as { doc: { id: string } }).doc.id).toBe(docId);
    // More than a loopback socket can buffer: much of it was written after the signal.
    expect(data.length).toBeGreaterThan(8 * 1024 * 1024);
    const output = started.output();
    const signalAt = output.indexOf('SIGTERM: no longer accepting connections');
    expect(output.slice(signalAt).match(new RegExp(`GET ${path} 200`, 'g'))?.length ?? 0).toBeGreaterThan(0);
    expect(exit.code).toBe(0);
    expect(output.slice(signalAt)).toContain('stopped');
  });
});

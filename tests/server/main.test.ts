import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './test-engine.js';

const indexDir = mkdtempSync(path.join(os.tmpdir(), 'gov-search-main-index-'));
afterAll(() => rmSync(indexDir, { recursive: true, force: true }));

// A failed assertion must not leave a server running: stop every child this file started.
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Runs `src/server/main.ts` as `npm start` does, with the given environment. */
function startMain(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, INDEX_DIR: indexDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Resolves with the first match of `pattern` in the output, or rejects if the process exits first. */
function waitFor(started: Started, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const match = started.output().match(pattern);
      if (match) resolve(match);
      return match !== null;
    };
    if (check()) return;
    const onData = (): void => {
      if (check()) {
        started.child.stdout?.off('data', onData);
        started.child.stderr?.off('data', onData);
      }
    };
    started.child.stdout?.on('data', onData);
    started.child.stderr?.on('data', onData);
    void started.exited.then((code) => {
      if (!check()) reject(new Error(`main.ts exited with ${code} before printing ${pattern}:\n${started.output()}`));
    });
  });
}

describe('main.ts', () => {
  it('prints the URL when ready, serves it, and exits 0 after SIGTERM', async () => {
    const started = startMain({ PORT: '0', HOST: '127.0.0.1' });
    const [, url] = await waitFor(started, /open (http:\/\/127\.0\.0\.1:\d+)\//);
    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { status: string }).status).toBe('ok');
    await waitFor(started, /GET \/api\/health 200 \d+\.\dms/);
    // A while after it is ready, it reads and builds what its first English query and first query with few results would wait for.
    await waitFor(started, /warm-up done in \d+ ms \(4 steps, \d+ ms of work\)/);
    started.child.kill('SIGTERM');
    expect(await started.exited).toBe(0);
    expect(started.output()).toContain('SIGTERM: no longer accepting connections');
    expect(started.output()).toContain('stopped');
    await expect(fetch(`${url}/api/health`)).rejects.toThrow();
  });

  it('says the port is in use, and exits 1, when another server holds it', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const started = startMain({ PORT: String(port), HOST: '127.0.0.1' });
      expect(await started.exited).toBe(1);
      expect(started.output()).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
    }
  });

  it('refuses a PORT that is not a number, before loading anything', async () => {
    const started = startMain({ PORT: 'eighty' });
    expect(await started.exited).toBe(1);
    expect(started.output()).toContain('PORT must be a number from 0 to 65535 (got "eighty")');
    expect(started.output()).not.toContain('loading the search index');
  });
});

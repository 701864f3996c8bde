/**
 * Shared by the reliability tests: temporary corpora and index folders, the real engine over them, a real
 * HTTP server on 127.0.0.1, raw sockets, and child processes (`main.ts`, the ingest CLI) that a test can
 * watch, signal and kill.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { openEngine } from '../../src/runtime/open-engine.js';
import type { Engine } from '../../src/search/types.js';
import { createApp } from '../../src/server/app.js';
import type { AppOptions } from '../../src/server/app.js';
import { startServer } from '../../src/server/http-server.js';
import { SHARED_ROOT } from '../shared-data.js';
import type { RunningServer, ServerOptions } from '../../src/server/http-server.js';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const CORPUS_DIR = path.join(REPO_ROOT, 'corpus');
export const SHARED_DIR = SHARED_ROOT;
/** The smallest seed: a whole real report that indexes in a second. */
export const SMALL_SEED = 'xizang-2024-government-work-report.txt';

const made: string[] = [];

/** A fresh temporary folder, removed by `removeTempDirs()`. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `gov-search-rel-${prefix}-`));
  made.push(dir);
  return dir;
}

/** Removes every folder `tempDir` made in this test file. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A corpus folder holding copies of the given files of `corpus/` (default: the smallest seed only). */
export function seedCorpus(files: string[] = [SMALL_SEED]): string {
  const dir = tempDir('corpus');
  for (const file of files) copyFileSync(path.join(CORPUS_DIR, file), path.join(dir, file));
  return dir;
}

/** The real engine over `corpusDirs`, with its index in a fresh temporary folder. */
export async function openEngineOver(corpusDirs: string[], log?: (line: string) => void): Promise<{ engine: Engine; indexDir: string }> {
  const indexDir = tempDir('index');
  const engine = await openEngine({ corpusDirs, indexDir, log });
  return { engine, indexDir };
}

/** The app over `engine`, served by the real HTTP server on 127.0.0.1 and a free port. */
export function serve(engine: Engine, app: AppOptions = {}, server: Partial<ServerOptions> = {}): Promise<RunningServer> {
  return startServer(createApp(engine, app), { port: 0, host: '127.0.0.1', ...server });
}

/** Host and port of a server URL, for raw sockets. */
export function addressOf(url: string): { host: string; port: number } {
  const { hostname, port } = new URL(url);
  return { host: hostname, port: Number(port) };
}

/**
 * Sends `bytes` on a new connection and resolves with the server's answer: as soon as one whole response
 * has arrived (by its Content-Length, chunked end, or head only for HEAD), else when the server closes.
 */
export function rawExchange(url: string, bytes: string | Buffer): Promise<string> {
  const { host, port } = addressOf(url);
  const headOnly = bytes.toString('latin1', 0, 5) === 'HEAD ';
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, host, () => socket.write(bytes));
    let data = Buffer.alloc(0);
    const done = (): void => {
      socket.destroy();
      resolve(data.toString('utf8'));
    };
    socket.on('data', (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      const headEnd = data.indexOf('\r\n\r\n');
      if (headEnd === -1) return;
      const head = data.toString('latin1', 0, headEnd);
      const length = /\r\ncontent-length: *(\d+)/i.exec(head)?.[1];
      const body = data.length - headEnd - 4;
      if (/^HTTP\/1\.1 1\d\d /.test(head)) return; // an interim answer: the real one follows
      const chunkedEnd = /\r\ntransfer-encoding: *chunked/i.test(head) && data.includes('\r\n0\r\n\r\n', headEnd);
      if (headOnly || chunkedEnd || (length !== undefined && body >= Number(length))) done();
    });
    socket.on('close', () => resolve(data.toString('utf8')));
    socket.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' ? resolve(data.toString('utf8')) : reject(e)));
  });
}

/** Status line and parsed JSON body of a raw HTTP/1.1 response (no chunked encoding expected). */
export function parseRawResponse(raw: string): { status: number; headers: string; body: unknown } {
  const [head = '', ...rest] = raw.split('\r\n\r\n');
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? NaN);
  const text = rest.join('\r\n\r\n');
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status, headers: head, body };
}

/** A child process whose output is collected; `exited` resolves with its exit code and signal once all output is in. */
export interface Child {
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const children: ChildProcess[] = [];

/**
 * Runs a TypeScript file of the repository with tsx, as `npm start` / `npm run ingest` do; `preload` are
 * modules to `--import` after tsx (e.g. the crash-point fixture).
 */
export function runTs(file: string, args: string[], env: Record<string, string>, preload: string[] = []): Child {
  const imports = ['tsx', ...preload].flatMap((m) => ['--import', m]);
  return runNode([...imports, file, ...args], env);
}

/** Runs Node with `nodeArgs` in the repository (e.g. the compiled server, `dist/server/main.js`), its output collected. */
export function runNode(nodeArgs: string[], env: Record<string, string>): Child {
  const child = spawn(process.execPath, nodeArgs, {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  // 'close' comes after the process exited and its output was read to the end.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}

/** Kills every child still running (a failed assertion must not leave a server behind). */
export function killChildren(): void {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/** Resolves with the first match of `pattern` in the child's output; rejects if it exits first. */
export function waitForOutput(started: Child, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const check = (): void => {
      const match = started.output().match(pattern);
      if (match && !settled) {
        settled = true;
        started.child.stdout?.off('data', check);
        started.child.stderr?.off('data', check);
        resolve(match);
      }
    };
    started.child.stdout?.on('data', check);
    started.child.stderr?.on('data', check);
    check();
    void started.exited.then(({ code, signal }) => {
      check();
      if (!settled) reject(new Error(`exited (${code ?? signal}) before printing ${pattern}:\n${started.output()}`));
    });
  });
}

/** Resolves after `ms` milliseconds (for pacing a slow client, never for asserting on time). */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

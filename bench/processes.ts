/**
 * The side effects of the benchmark: child processes, ports, HTTP probes and memory readings.
 * Every server it starts listens on 127.0.0.1 and is stopped by its own pid.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A field of /proc/<pid>/status in MB (`VmHWM`: peak resident set, `VmRSS`: current), or null off Linux.
 * @example procMemoryMb(process.pid, 'VmHWM') // 612.3
 */
export function procMemoryMb(pid: number, field: 'VmHWM' | 'VmRSS'): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return m ? Math.round((Number(m[1]) * 1024) / 1e5) / 10 : null;
  } catch {
    return null;
  }
}

/** Peak resident set of this process so far, in MB. */
export function peakRssMb(): number {
  return procMemoryMb(process.pid, 'VmHWM') ?? Math.round(process.resourceUsage().maxRSS / 100) / 10;
}

/** Runs `node --import tsx <script> …args` to completion and returns its stdout (throws on failure). */
export async function runTsx(script: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs: number }): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`BENCH_CHILD_FAILED: ${script} exited with ${code}: ${err.trim().slice(-800)}`));
    });
  });
}

/** GET a URL with a timeout; resolves to the status and body (status 0 when nothing answered). */
export async function httpGet(url: string, timeoutMs = 5000): Promise<{ status: number; body: string }> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    return { status: res.status, body: await res.text() };
  } catch {
    return { status: 0, body: '' };
  }
}

/** A server started for a measurement. */
export interface StartedServer {
  child: ChildProcess;
  url: string;
  /** Milliseconds from spawn to the first 200 of the probe (/api/health unless `StartProbe` names another path). */
  readyMs: number;
  /** The body of that answer. */
  health: string;
  /** How long jieba took in this very start, as the server logged it (null when it logged nothing). */
  segmenterMs: number | null;
}

/**
 * The segmenter's load time in a server's log, or null: `Chinese dictionary opened in 41 ms` (the TypeScript cut's
 * dictionaries, what a server loads now), `Chinese segmenter loaded in 2863 ms` (jieba, in earlier servers).
 */
export function segmenterMsOf(log: string): number | null {
  const found = /Chinese (?:segmenter loaded|dictionary opened) in (\d+) ms/.exec(log);
  return found ? Number(found[1]) : null;
}

/** The start scripts of a checkout's package.json. */
function startScripts(repoRoot: string): { start: string; prestart: string | null } {
  const { scripts } = JSON.parse(readFileSync(`${repoRoot}/package.json`, 'utf8')) as { scripts?: Record<string, string> };
  return { start: scripts?.start ?? 'tsx src/server/main.ts', prestart: scripts?.prestart ?? null };
}

/**
 * The Node arguments of what a checkout's `npm start` runs, without npm: `node dist/server/main.js` (the server
 * compiled ahead of time) or, in checkouts from before that, `tsx src/server/main.ts` as `node --import tsx …`.
 * @example startArgs('.') // ['dist/server/main.js']
 */
export function startArgs(repoRoot: string): string[] {
  const [runner = '', ...args] = startScripts(repoRoot).start.split(/\s+/);
  if (runner === 'node') return args;
  if (runner === 'tsx') return ['--import', 'tsx', ...args];
  throw new Error(`BENCH_START_SCRIPT: cannot start "${runner}" without npm; package.json's start should run node or tsx`);
}

const prepared = new Set<string>();

/** Runs a checkout's `prestart` (compiling the server) once per process, before any start is timed. */
export function prepareStart(repoRoot: string): void {
  const { prestart } = startScripts(repoRoot);
  if (prestart === null || prepared.has(repoRoot)) return;
  const done = spawnSync('npm', ['run', '--silent', 'prestart'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
  if (done.status !== 0) throw new Error(`BENCH_PRESTART_FAILED: ${prestart} in ${repoRoot}: ${String(done.stderr).trim().slice(-500)}`);
  prepared.add(repoRoot);
}

/**
 * Spawns what `npm start` runs (without npm's own start-up; `prepareStart` first) on 127.0.0.1:`port`
 * with `env` added to this process's environment; its stderr is collected in `stderr`.
 */
export function spawnServer(repoRoot: string, env: Record<string, string>, port: number): { child: ChildProcess; stderr: string[] } {
  const child = spawn(process.execPath, startArgs(repoRoot), {
    cwd: repoRoot,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr?.on('data', (d: Buffer) => stderr.push(d.toString()));
  return { child, stderr };
}

/** What a start waits for: a 200 of `path` (default `/api/health`), asked every `pollMs` (20), each try given `requestMs` (2000). */
export interface StartProbe {
  path?: string;
  pollMs?: number;
  requestMs?: number;
}

/**
 * Starts the server as `npm start` runs it (its `prestart` once, untimed; then the server without npm's own
 * start-up) with the given index and corpus folders on a free 127.0.0.1 port and waits for the probe (/api/health)
 * to answer 200. A server that exits or does not answer within `timeoutMs` is stopped and the start throws.
 * @example const { child, readyMs } = await startServer('.', { INDEX_DIR, CORPUS_DIR }, 600_000); await stopServer(child);
 */
export async function startServer(
  repoRoot: string,
  env: { INDEX_DIR: string; CORPUS_DIR: string } & Record<string, string>,
  timeoutMs: number,
  probe: StartProbe = {},
): Promise<StartedServer> {
  const { path = '/api/health', pollMs = 20, requestMs = 2000 } = probe;
  prepareStart(repoRoot);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  const { child, stderr: errors } = spawnServer(repoRoot, env, port);
  const stderr = (): string => errors.join('');
  // The start-up lines of its log (read on, and dropped, after that: a log line per request follows).
  let stdout = '';
  child.stdout?.on('data', (d: Buffer) => {
    if (stdout.length < 16_384) stdout += d.toString();
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`BENCH_SERVER_EXITED: the server exited with ${child.exitCode}: ${stderr().trim().slice(-500)}`);
    const res = await httpGet(`${url}${path}`, requestMs);
    if (res.status === 200) return { child, url, readyMs: performance.now() - t0, health: res.body, segmenterMs: segmenterMsOf(stdout) };
    if (performance.now() - t0 > timeoutMs) {
      await stopServer(child);
      throw new Error(`BENCH_SERVER_TIMEOUT: no answer to ${path} within ${timeoutMs} ms`);
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

/** Stops a server this benchmark started (SIGTERM, then SIGKILL after 5 s). */
export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Forces a full garbage collection when node runs with --expose-gc (the benchmark's children do). */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
}

/** Heap plus off-heap memory in use, in bytes (after a forced GC when available). */
export function usedMemory(): number {
  collectGarbage();
  const m = process.memoryUsage();
  return m.heapUsed + m.external; // external includes array buffers
}

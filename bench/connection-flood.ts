/**
 * The flood phases of `npm run bench:load`: one address (127.0.0.2, bound with `localAddress`; Linux routes
 * all of 127/8 to loopback) opens up to `sockets` connections that never send a request, either holding them
 * (idle) or reopening each as soon as the server closes it (reopen), while normal searches from 127.0.0.1
 * are measured. All traffic stays on this machine and is bounded: at most 2,000 flood sockets at once,
 * 200,000 opened in all, 30 s a phase.
 */
import http from 'node:http';
import net from 'node:net';

export const FLOOD_LIMITS = { sockets: 2000, seconds: 30, opened: 200_000 };
const FLOOD_FROM = '127.0.0.2';
const CLIENT_FROM = '127.0.0.1';
/** Normal clients searching at once, each on a fresh connection per request (the worst case for them). */
const NORMAL_CLIENTS = 4;

export interface FloodResult {
  phase: 'idle' | 'reopen';
  floodSockets: number;
  seconds: number;
  /** Flood connections opened in all, and how many of them the server closed before the phase ended. */
  floodOpened: number;
  floodClosedByServer: number;
  normal: { requests: number; failed: number; p50Ms: number; p99Ms: number; maxMs: number };
}

/** One search on a fresh connection from 127.0.0.1: its status (0 when the connection failed) and time. */
function search(port: number, path: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const done = (status: number): void => resolve({ status, ms: performance.now() - started });
    const req = http.get({ host: '127.0.0.1', port, path, agent: false, localAddress: CLIENT_FROM, timeout: 30_000 }, (res) => {
      res.resume();
      res.on('end', () => done(res.statusCode ?? 0));
      res.on('error', () => done(0));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => done(0));
  });
}

const at = (sorted: number[], p: number): number => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0);

/**
 * Floods the server at `port` for `seconds` and measures normal searches (the `paths`, in turn) meanwhile.
 * @example const idle = await floodPhase(3000, 'idle', 1100, 12, ['/api/search?q=%E8%A5%BF%E8%97%8F']);
 */
export async function floodPhase(port: number, phase: FloodResult['phase'], sockets: number, seconds: number, paths: string[]): Promise<FloodResult> {
  if (!(sockets >= 1 && sockets <= FLOOD_LIMITS.sockets) || !(seconds >= 1 && seconds <= FLOOD_LIMITS.seconds)) {
    throw new Error(`BENCH_BAD_ARGUMENT: a flood takes 1 to ${FLOOD_LIMITS.sockets} sockets for 1 to ${FLOOD_LIMITS.seconds} s`);
  }
  const open = new Set<net.Socket>();
  let opened = 0;
  let closedByServer = 0;
  let running = true;
  const connect = (): void => {
    if (!running || opened >= FLOOD_LIMITS.opened) return;
    opened++;
    const socket = net.connect({ host: '127.0.0.1', port, localAddress: FLOOD_FROM });
    open.add(socket);
    socket.on('error', () => {});
    socket.once('close', () => {
      open.delete(socket);
      if (!running) return;
      closedByServer++;
      if (phase === 'reopen') setImmediate(connect);
    });
  };
  for (let i = 0; i < sockets; i++) connect();

  const times: number[] = [];
  let failed = 0;
  let next = 0;
  const endAt = performance.now() + seconds * 1000;
  const client = async (): Promise<void> => {
    while (performance.now() < endAt) {
      const { status, ms } = await search(port, paths[next++ % paths.length] ?? '/api/health');
      times.push(ms);
      if (status !== 200) failed++;
    }
  };
  await Promise.all(Array.from({ length: NORMAL_CLIENTS }, client));
  running = false;
  for (const socket of open) socket.destroy();
  times.sort((a, b) => a - b);
  return {
    phase,
    floodSockets: sockets,
    seconds,
    floodOpened: opened,
    floodClosedByServer: closedByServer,
    normal: { requests: times.length, failed, p50Ms: at(times, 0.5), p99Ms: at(times, 0.99), maxMs: at(times, 1) },
  };
}

/** One line of the report for a flood phase. */
export function describeFlood(r: FloodResult): string {
  const { normal: n } = r;
  return (
    `flood ${r.phase.padEnd(6)} ${r.floodSockets} sockets from ${FLOOD_FROM} for ${r.seconds} s (${r.floodOpened} opened, ${r.floodClosedByServer} closed by the server): ` +
    `normal searches ${n.requests - n.failed}/${n.requests} ok, p50 ${n.p50Ms} ms, p99 ${n.p99Ms} ms, max ${n.maxMs} ms`
  );
}

/**
 * The two flood phases, idle then reopen, printed; their results and the checks that no normal search
 * failed. `paths` are the requests to measure (the searches among them are used).
 * @example const { checks } = await floods(3000, ['/api/search?q=a'], 1100, 12);
 */
export async function floods(port: number, paths: string[], sockets: number, seconds: number): Promise<{ results: FloodResult[]; checks: Array<[string, boolean]> }> {
  const searches = paths.filter((p) => p.startsWith('/api/search'));
  console.log(`\nconnection floods: ${sockets} sockets from one address, ${seconds} s each…`);
  const results: FloodResult[] = [];
  for (const phase of ['idle', 'reopen'] as const) {
    results.push(await floodPhase(port, phase, sockets, seconds, searches));
    console.log(describeFlood(results[results.length - 1] as FloodResult));
  }
  const checks = results.map((r): [string, boolean] => [`no normal search failed during the ${r.phase} flood`, r.normal.failed === 0]);
  console.log(checks.map(([name, ok]) => `${ok ? 'PASS' : 'FAIL'}  ${name}`).join('\n'));
  return { results, checks };
}

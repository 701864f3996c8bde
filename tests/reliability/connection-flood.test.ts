/**
 * One client cannot take every connection (the audit's flood: 1,050 sockets that never send a request made
 * half the normal requests fail for ~10 s; sockets reopened as soon as closed made nearly all fail). The
 * flood comes from 127.0.0.2 (`localAddress`; Linux routes all of 127/8 to loopback), the normal requests
 * from 127.0.0.1, so the server sees two clients. All traffic stays on this machine, bounded in count.
 */
import http from 'node:http';
import net from 'node:net';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionTable, connectionLimitsFromEnv, DEFAULT_CONNECTION_LIMITS, limitConnections, RESERVE_SHARE, resolveConnectionLimits } from '../../src/server/connection-limits.js';
import type { ConnectionLimits } from '../../src/server/connection-limits.js';
import type { Engine } from '../../src/search/types.js';
import type { RunningServer } from '../../src/server/http-server.js';
import { addressOf, openEngineOver, removeTempDirs, seedCorpus, serve } from './helpers.js';

const FLOOD_FROM = '127.0.0.2';
let engine: Engine;
let running: RunningServer | null = null;
const flood: net.Socket[] = [];

beforeAll(async () => {
  ({ engine } = await openEngineOver([seedCorpus()]));
}, 120_000);
afterEach(async () => {
  for (const socket of flood.splice(0)) socket.destroy();
  await running?.close();
  running = null;
});
afterAll(removeTempDirs);

/** Resolves with a counter of events and a wait for it to reach a number (no clock involved). */
function counter(): { add: () => void; value: () => number; reach: (n: number) => Promise<void> } {
  let value = 0;
  const waiting: Array<[number, () => void]> = [];
  return {
    add: () => {
      value++;
      for (const [n, resolve] of waiting) if (value >= n) resolve();
    },
    value: () => value,
    reach: (n) => (value >= n ? Promise.resolve() : new Promise((resolve) => waiting.push([n, resolve]))),
  };
}

/** Flood sockets opened at a time: below the listen backlog (511), so that none waits unaccepted. */
const BATCH = 200;

/**
 * Opens `count` sockets from FLOOD_FROM that send nothing, a batch at a time, each batch once the server has
 * accepted the one before. `closed()` counts those the server has closed since (a refused socket is closed
 * at once, without a byte of answer).
 */
async function idleFlood(
  on: RunningServer,
  count: number,
): Promise<{ closed: () => number; answered: () => number; closedReach: (n: number) => Promise<void> }> {
  const { host, port } = addressOf(on.url);
  const closed = counter();
  const accepted = counter();
  let answered = 0;
  on.server.on('connection', accepted.add);
  for (let start = 0; start < count; start += BATCH) {
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const socket = net.connect({ host, port, localAddress: FLOOD_FROM });
      flood.push(socket);
      socket.on('error', () => {});
      socket.on('data', () => answered++);
      socket.once('close', closed.add);
    }
    await accepted.reach(Math.min(count, start + BATCH));
  }
  on.server.off('connection', accepted.add);
  return { closed: closed.value, answered: () => answered, closedReach: closed.reach };
}

/** `n` searches from 127.0.0.1 on fresh connections, all at once; their statuses (0 for a failed connection). */
function normalRequests(n: number): Promise<number[]> {
  const url = `${running?.url}/api/search?q=${encodeURIComponent('西藏 旅游')}`;
  return Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<number>((resolve) => {
          http
            .get(url, { agent: false, localAddress: '127.0.0.1' }, (res) => {
              res.resume();
              res.on('end', () => resolve(res.statusCode ?? 0));
            })
            .on('error', () => resolve(0));
        }),
    ),
  );
}

describe('a flood of idle connections from one address', () => {
  it('gets MAX_CONNECTIONS_PER_CLIENT of its 300 sockets, and everyone else is still served', async () => {
    running = await serve(engine, {}, { connections: { maxPerClient: 20 } });
    const { closed, answered, closedReach } = await idleFlood(running, 300);
    await closedReach(280);
    expect(answered()).toBe(0);
    expect(await normalRequests(30)).toEqual(new Array(30).fill(200));
    // The 20 admitted are still open: nothing but the refusals was closed.
    expect(closed()).toBe(280);
  }, 60_000);

  it('of 1,100 sockets under the default limits (the audit case) leaves every normal request served', async () => {
    running = await serve(engine);
    const { closedReach } = await idleFlood(running, 1100);
    await closedReach(1100 - DEFAULT_CONNECTION_LIMITS.maxPerClient);
    expect(await normalRequests(50)).toEqual(new Array(50).fill(200));
  }, 60_000);

  it('that reopens each socket as soon as it is closed leaves every normal request served', async () => {
    running = await serve(engine, {}, { connections: { maxPerClient: 20 } });
    const { host, port } = addressOf(running.url);
    let opened = 0;
    let stop = false;
    let thousand: () => void = () => {};
    const reachedThousand = new Promise<void>((resolve) => (thousand = resolve));
    const reopen = (): void => {
      if (stop || opened >= 20_000) return;
      if (++opened === 1000) thousand();
      const socket = net.connect({ host, port, localAddress: FLOOD_FROM });
      flood.push(socket);
      socket.on('error', () => {});
      socket.once('close', reopen);
    };
    for (let i = 0; i < 200; i++) reopen();
    await reachedThousand;
    const statuses = await normalRequests(50);
    stop = true;
    expect(statuses).toEqual(new Array(50).fill(200));
  }, 60_000);

  it('from an address whose own cap is high still leaves the reserve to others (a client holding fewer than RESERVE_SHARE)', async () => {
    running = await serve(engine, {}, { connections: { maxConnections: 60, maxPerClient: 1000, reserve: 10 } });
    const { closedReach } = await idleFlood(running, 300);
    await closedReach(250);
    expect(await normalRequests(RESERVE_SHARE - 1)).toEqual(new Array(RESERVE_SHARE - 1).fill(200));
  }, 60_000);
});

describe('the refusal log', () => {
  it('says at most one line a second, counting the refusals since the last line', async () => {
    const lines: string[] = [];
    let clock = 0;
    const bare = http.createServer((_req, res) => res.end());
    limitConnections(bare, resolveConnectionLimits({ maxPerClient: 5 }), (line) => lines.push(line), () => clock);
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
    running = { server: bare, url: `http://127.0.0.1:${(bare.address() as net.AddressInfo).port}`, close: () => new Promise((r) => bare.close(() => r())) };
    const first = await idleFlood(running, 50);
    await first.closedReach(45);
    expect(lines).toEqual([expect.stringMatching(/^refused 1 connection\(s\) since the last report; the latest from 127\.0\.0\.2, holding 5: over its MAX_CONNECTIONS_PER_CLIENT/)]);
    clock = 1000;
    const second = await idleFlood(running, 1);
    await second.closedReach(1);
    expect(lines[1]).toMatch(/^refused 45 connection\(s\) since the last report/);
    for (const socket of flood.splice(0)) socket.destroy();
  });
});

describe('the connection table', () => {
  const limits = fc.record({
    maxConnections: fc.integer({ min: 2, max: 40 }),
    maxPerClient: fc.integer({ min: 1, max: 16 }),
    reserve: fc.integer({ min: 0, max: 39 }),
  }).filter((l) => l.reserve < l.maxConnections);
  const events = fc.array(fc.oneof(fc.record({ open: fc.constantFrom('a', 'b', 'c', 'd') }), fc.record({ close: fc.nat(20) })), { maxLength: 120 });

  it('admits exactly what a recount of the open connections allows', () => {
    fc.assert(
      fc.property(limits, events, (l: ConnectionLimits, list) => {
        const table = new ConnectionTable(l);
        const open: string[] = [];
        for (const event of list) {
          if ('close' in event) {
            const [key] = open.splice(event.close % Math.max(1, open.length), 1);
            if (key !== undefined) table.close(key);
          } else {
            const mine = open.filter((k) => k === event.open).length;
            const allowed = open.length < l.maxConnections && mine < l.maxPerClient && (mine < RESERVE_SHARE || open.length < l.maxConnections - l.reserve);
            expect(table.open(event.open) === null).toBe(allowed);
            if (allowed) open.push(event.open);
          }
          expect(table.count()).toBe(open.length);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reads its limits from the environment, and names the variable of a bad value', () => {
    expect(connectionLimitsFromEnv({})).toEqual(DEFAULT_CONNECTION_LIMITS);
    expect(connectionLimitsFromEnv({ MAX_CONNECTIONS_PER_CLIENT: '16', CONNECTION_RESERVE: '0' })).toMatchObject({ maxPerClient: 16, reserve: 0 });
    expect(() => connectionLimitsFromEnv({ MAX_CONNECTIONS_PER_CLIENT: 'many' })).toThrow(/MAX_CONNECTIONS_PER_CLIENT must be a whole number \(got "many"\)/);
    expect(() => connectionLimitsFromEnv({ MAX_CONNECTIONS_PER_CLIENT: '0' })).toThrow(/MAX_CONNECTIONS_PER_CLIENT must be a whole number from 1/);
    expect(() => connectionLimitsFromEnv({ MAX_CONNECTIONS: '50' })).toThrow(/CONNECTION_RESERVE \(100\) must be below MAX_CONNECTIONS \(50\)/);
  });
});

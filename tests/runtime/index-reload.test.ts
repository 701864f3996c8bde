/**
 * A running server follows its index: after a rebuild (what `npm run ingest` does) it answers from the new index,
 * drops the answers it kept for the old one, lists the new reports, and closes the old engine once the calls it
 * was serving have returned. A generation that cannot be opened leaves the server on the index it had.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentGeneration } from '../../src/index/store.js';
import { rebuildIndex } from '../../src/runtime/build-index.js';
import { followIndex, type IndexReload } from '../../src/runtime/index-reload.js';
import { LiveEngine } from '../../src/runtime/live-engine.js';
import { openEngine } from '../../src/runtime/open-engine.js';
import type { Engine } from '../../src/search/types.js';
import { createApp } from '../../src/server/app.js';

const FIRST = '西藏自治区政府工作报告\n\n一、过去一年的工作\n\n我们大力发展青稞种植，农牧民收入持续增长。\n';
const SECOND = '拉萨市政府工作报告\n\n一、过去一年的工作\n\n我们建成了雅鲁藏布江大桥，交通更加便捷。\n';

describe('a running server and a rebuilt index', () => {
  let dir: string;
  let live: LiveEngine;
  let reload: IndexReload;
  let app: ReturnType<typeof createApp>;
  const logged: string[] = [];
  const place = () => ({ corpusDirs: [path.join(dir, 'corpus')], indexDir: path.join(dir, 'index') });

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'index-reload-'));
    mkdirSync(path.join(dir, 'corpus'));
    writeFileSync(path.join(dir, 'corpus', 'xizang.txt'), FIRST);
    live = new LiveEngine(await openEngine(place()));
    // Checked by hand below: the timer's interval is beyond the test's life.
    reload = followIndex(live, { indexDir: place().indexDir, open: () => openEngine(place()), log: (line) => logged.push(line), intervalMs: 3_600_000, served: await currentGeneration(place().indexDir) });
    app = createApp(live);
  }, 120_000);

  afterAll(async () => {
    reload.stop();
    await live.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers from the new index after a rebuild, without the answers it kept for the old one', async () => {
    const bridge = encodeURIComponent('大桥');
    expect((await request(app).get(`/api/search?q=${bridge}`).expect(200)).body.total).toBe(0);
    const kept = await request(app).get(`/api/search?q=${bridge}`).expect(200);
    expect(kept.headers['x-cache']).toBe('hit');
    expect(await reload.check()).toBe('unchanged');

    const old = live.engine;
    writeFileSync(path.join(dir, 'corpus', 'lhasa.txt'), SECOND);
    await rebuildIndex(place());
    expect(await reload.check()).toBe('switched');
    expect(live.engine).not.toBe(old);
    expect(logged.at(-1)).toMatch(/now serving 2 reports/);

    const fresh = await request(app).get(`/api/search?q=${bridge}`).expect(200);
    expect(fresh.headers['x-cache']).toBe('miss');
    expect(fresh.body.total).toBe(1);
    expect(fresh.body.hits[0].docTitle).toContain('拉萨');
    expect((await request(app).get('/api/documents').expect(200)).body.documents).toHaveLength(2);
    // The page's list of reports too.
    expect((await request(app).get('/reports').expect(200)).text).toContain('拉萨市政府工作报告');
    expect(await reload.check()).toBe('unchanged');
  }, 120_000);

  it('stays on the index it serves when the new one cannot be opened, and says so', async () => {
    const before = live.engine;
    // A pointer to a generation that is not there, and no corpus to build one from.
    const corpus = place().corpusDirs[0] as string;
    rmSync(corpus, { recursive: true, force: true });
    writeFileSync(path.join(place().indexDir, 'CURRENT'), 'gen-20990101T000000000Z-1');
    expect(await reload.check()).toBe('failed');
    expect(live.engine).toBe(before);
    expect(logged.at(-1)).toMatch(/could not be opened.*still serving the previous index/);
    expect((await request(app).get(`/api/search?q=${encodeURIComponent('青稞')}`).expect(200)).body.total).toBe(1);
    // The same broken generation is not tried again at every check.
    expect(await reload.check()).toBe('unchanged');
  }, 120_000);
});

describe('an engine replaced while it serves', () => {
  /** A stand-in engine whose searches wait for `release`, and which records its closing. */
  function slowEngine(): { engine: Engine; release: () => void; closed: () => boolean } {
    let release = (): void => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let closed = false;
    const engine = {
      search: async () => {
        await gate;
        return { query: 'x', total: 0, tookMs: 0, expansions: [], facets: { year: {}, doc: {}, kind: {} }, hits: [] };
      },
      close: async () => {
        closed = true;
      },
      stats: () => ({ documents: 0, passages: 0, builtAt: '', indexVersion: '' }),
      stableAnswers: true,
    } as unknown as Engine;
    return { engine, release, closed: () => closed };
  }

  it('is closed once the calls it was serving have returned, and new calls go to its successor', async () => {
    const first = slowEngine();
    const second = slowEngine();
    const live = new LiveEngine(first.engine);
    const pending = live.search('x');
    await live.replace(second.engine);
    expect(first.closed()).toBe(false);
    expect(live.engine).toBe(second.engine);
    first.release();
    await pending;
    expect(first.closed()).toBe(true);
    expect(second.closed()).toBe(false);
    // An engine with nothing in flight is closed as soon as it is replaced.
    await live.replace(slowEngine().engine);
    expect(second.closed()).toBe(true);
  });
});

/**
 * The server compiled ahead of time, as `npm start` runs it (`scripts/build-server.mjs`, then `node
 * dist/server/main.js`): it finds the repository's folders from its bundle, answers a search as the engine
 * in-process does, serves the page through the bundled Express middleware, and refuses a damaged index
 * (rebuilding it) as the source does.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, SERVER_ENTRY } from '../../scripts/build-server.mjs';
import { POSTINGS_FILE } from '../../src/index/schema.js';
import { readManifest } from '../../src/index/store.js';
import { REPO_ROOT, repoRootFrom } from '../../src/paths.js';
import type { SearchHit } from '../../src/search/types.js';
import { killChildren, runNode, waitForOutput } from '../reliability/helpers.js';
import { copyBundledIndex, openTestEngine, type TestEngine } from './test-engine.js';

let outDir: string;
let indexDir: string;

/** Starts the compiled server on a free port over the bundled corpus and `indexDir`; its URL and its log so far. */
async function startCompiled(): Promise<{ url: string; log: () => string; stop: () => Promise<void> }> {
  const started = runNode([path.join(outDir, SERVER_ENTRY)], { PORT: '0', HOST: '127.0.0.1', INDEX_DIR: indexDir });
  const [, url = ''] = await waitForOutput(started, /open (http:\/\/127\.0\.0\.1:\d+)\//);
  const stop = async (): Promise<void> => {
    started.child.kill('SIGTERM');
    expect((await started.exited).code).toBe(0);
  };
  return { url, log: started.output, stop };
}

async function searchOver(url: string, query: string): Promise<{ total: number; ids: string[] }> {
  const res = await fetch(`${url}/api/search?q=${encodeURIComponent(query)}&limit=10`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { total: number; hits: SearchHit[] };
  return { total: body.total, ids: body.hits.map((h) => h.id) };
}

/** The engine in this process that the compiled server's answers are compared with: opened on first use, once. */
let inProcess: TestEngine | undefined;

async function searchInProcess(query: string): Promise<{ total: number; ids: string[] }> {
  inProcess ??= await openTestEngine();
  const { total, hits } = await inProcess.engine.search(query, { limit: 10 });
  return { total, ids: hits.map((h) => h.id) };
}

describe('npm start', () => {
  it('runs the compiled server, compiled first by prestart', () => {
    const { scripts } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.prestart).toBe('node scripts/build-server.mjs');
    expect(scripts.start).toBe(`node dist/${SERVER_ENTRY}`);
  });
});

describe('the compiled server', () => {
  beforeAll(async () => {
    // Inside the checkout, as dist/ is: the compiled server finds the repository's root by walking up from itself.
    mkdirSync(path.join(REPO_ROOT, '.tmp'), { recursive: true });
    outDir = mkdtempSync(path.join(REPO_ROOT, '.tmp', 'compiled-'));
    await buildServer(outDir);
    indexDir = await copyBundledIndex('gov-search-compiled-');
  }, 180_000);

  afterAll(async () => {
    killChildren();
    await inProcess?.engine.close();
    inProcess?.dispose();
    rmSync(outDir, { recursive: true, force: true });
    rmSync(indexDir, { recursive: true, force: true });
  });

  it('opens the saved index as current (the user dictionary found from dist), answers as in-process, serves the page', { tags: ['slow'] }, async () => {
    const server = await startCompiled();
    try {
      expect(server.log()).toMatch(/index gen-\S+ opened in \d+ ms/);
      expect(server.log()).not.toContain('rebuilding');
      for (const query of ['乡村振兴', '"高质量发展" year:2024', 'tourism']) {
        const over = await searchOver(server.url, query);
        expect(over.total, query).toBeGreaterThan(0);
        expect(over, query).toEqual(await searchInProcess(query));
      }
      // The page, compressed and with the security headers: Express and its middleware are bundled into dist/.
      const page = await fetch(`${server.url}/`, { headers: { 'accept-encoding': 'gzip' } });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-encoding')).toBe('gzip');
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
      expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(await page.text()).toContain('<html');
      const script = await fetch(`${server.url}/js/i18n.js`);
      expect(script.status).toBe(200);
    } finally {
      await server.stop();
    }
  });

  it('refuses a postings file with one byte altered, rebuilds, and answers the same', { tags: ['slow'] }, async () => {
    const { generation } = await readManifest(indexDir);
    const file = path.join(indexDir, generation, POSTINGS_FILE);
    const bytes = readFileSync(file);
    bytes[bytes.length >> 1] ^= 0x10;
    writeFileSync(file, bytes);
    const server = await startCompiled();
    try {
      expect(server.log()).toMatch(/index not usable \(INDEX_CORRUPT: postings\.bin does not match its checksum/);
      expect(await searchOver(server.url, '乡村振兴')).toEqual(await searchInProcess('乡村振兴'));
    } finally {
      await server.stop();
    }
  });
});

describe('repoRootFrom', () => {
  it('finds the checkout from src/, from the compiled output, and from any folder below it', () => {
    for (const from of ['src', 'dist/server', '.tmp/compiled-x/server', 'src/search']) {
      expect(repoRootFrom(path.join(REPO_ROOT, from)), from).toBe(REPO_ROOT);
    }
  });

  it('falls back to the parent folder where no package.json lies above', () => {
    const lonely = mkdtempSync(path.join(os.tmpdir(), 'no-package-'));
    try {
      expect(repoRootFrom(path.join(lonely, 'src'))).toBe(lonely);
    } finally {
      rmSync(lonely, { recursive: true, force: true });
    }
  });
});

/**
 * English place names over provincial reports nobody translated: a reader who types `Yunnan` or `Guangdong
 * manufacturing` reaches the passages of that province's report, through the dictionary's name of the place
 * (CC-CEDICT lists 云南 only as a redirect to 云南省, whose own sense cites its capital).
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCrossLang } from '../../src/crosslang/expand.js';
import { openEngine } from '../../src/runtime/open-engine.js';
import type { Engine } from '../../src/search/types.js';
import { TEST_CACHE_DIR } from '../crosslang/helpers.js';
import { describeWithShared, sharedPath } from '../shared-data.js';

/** English name, the report's file, and the Chinese name its passages use. */
const REPORTS: Array<[string, string, string]> = [
  ['Yunnan', '2025年云南省政府工作报告.docx', '云南'],
  ['Guangdong', '2025年广东省政府工作报告.docx', '广东'],
  ['Sichuan', '2025年四川省政府工作报告.docx', '四川'],
  ['Ningxia', '2025年宁夏政府工作报告.docx', '宁夏'],
  ['Xinjiang', '2025年新疆政府工作报告.docx', '新疆'],
];

describeWithShared('corpora/provincial-2025', 'English place names over provincial reports', () => {
  let dir: string;
  let engine: Engine;
  const docOf = new Map<string, string>();

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'gov-search-places-'));
    const corpus = path.join(dir, 'corpus');
    const indexDir = path.join(dir, 'index');
    mkdirSync(corpus);
    for (const [, file] of REPORTS) {
      copyFileSync(sharedPath('corpora/provincial-2025/docx', file), path.join(corpus, file));
    }
    engine = await openEngine({ corpusDirs: [corpus], indexDir, crossLang: createCrossLang({ cacheDir: TEST_CACHE_DIR }) });
    for (const doc of engine.documents()) docOf.set(path.basename(doc.file ?? ''), doc.id);
  }, 120_000);

  afterAll(async () => {
    await engine?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('translates each province\'s English name into the Chinese name its report uses, from the dictionary', async () => {
    for (const [en, , zh] of REPORTS) {
      const answer = await engine.search(en, { limit: 10 });
      const terms = answer.concepts?.[0]?.terms ?? [];
      expect(terms.map((t) => t.zh), en).toContain(zh);
      expect(terms.find((t) => t.zh === zh)?.source, en).toBe('dictionary');
    }
  });

  it('puts the province\'s own report first for its name, alone or with a topic', async () => {
    for (const [en, file, zh] of REPORTS) {
      for (const q of [en, `${en} tourism`]) {
        const answer = await engine.search(q, { limit: 10 });
        expect(answer.hits[0]?.docId, q).toBe(docOf.get(file));
        expect(answer.hits[0]?.text, q).toContain(zh);
      }
    }
  });
});

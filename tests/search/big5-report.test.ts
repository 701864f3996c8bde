/**
 * A report in traditional characters, saved in Big5, end to end: read, its metadata inferred from its own
 * traditional text, indexed, and found by a query in simplified characters, its hit titled and cited as the
 * simplified original would be but for the script of its title.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { Converter } from 'opencc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine } from '../../src/runtime/open-engine.js';
import type { Engine } from '../../src/search/types.js';
import { testCrossLang } from '../crosslang/helpers.js';
import { corpusDir, tempDirs } from '../ingest/helpers.js';

const toTraditional = Converter({ from: 'cn', to: 'tw' });
const tempDir = tempDirs('gov-search-big5-report-');

describe('a Big5 report in traditional characters', () => {
  let engine: Engine;

  beforeAll(async () => {
    const dir = await tempDir();
    const corpus = path.join(dir, 'corpus');
    mkdirSync(corpus);
    const simplified = readFileSync(path.join(corpusDir, 'xizang-2020-government-work-report.txt'), 'utf8');
    writeFileSync(path.join(corpus, 'report-big5.txt'), iconv.encode(toTraditional(simplified), 'big5'));
    engine = await openEngine({ corpusDirs: [corpus], indexDir: path.join(dir, 'index'), crossLang: testCrossLang(), log: () => {} });
  }, 120_000);

  afterAll(async () => engine?.close());

  it('is listed under its own title in traditional characters, with its year, kind and region', () => {
    expect(engine.documents()).toMatchObject([
      {
        id: 'xizang-2020-government-work-report',
        title: '2020年西藏自治區政府工作報告',
        titleEn: 'Report on the Work of the Government of Xizang (Tibet) Autonomous Region (2020)',
        type: 'government work report',
        region: 'Xizang (Tibet) Autonomous Region',
        year: 2020,
        date: '2020-01-07',
        issuer: '齊扎拉',
      },
    ]);
  });

  it('is found by a simplified query and a year filter, its text kept in traditional characters', async () => {
    const answer = await engine.search('"乡村振兴" year:2020', { limit: 5 });
    expect(answer.total).toBeGreaterThan(0);
    const hit = answer.hits[0];
    expect(hit.docTitle).toBe('2020年西藏自治區政府工作報告');
    expect(hit.text).toContain('鄉村振興');
    // The dateline under the title, read in traditional characters, is the citation's subtitle as written, and the
    // publisher and its seat are named in the report's script.
    expect(hit.citation.zh).toContain('西藏自治區人民政府. 2020年西藏自治區政府工作報告: 2020年1月7日在西藏自治區第十一屆人民代表大會第三次會議上[R]. 拉薩: 西藏自治區人民政府, 2020');
    expect(hit.citation.en).toContain("People's Government of Xizang (Tibet) Autonomous Region. (2020). Report on the Work of the Government");
  });
});

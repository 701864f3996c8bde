/**
 * A report in traditional characters is cut into the passages its simplified text is: the same kinds, paragraph
 * numbers, sections and lengths. Each seed report is turned into traditional characters here (OpenCC's
 * simplified → Taiwan converter, a conversion by phrases, not the engine's own character map), so every word the
 * chunker looks for (目录, 专栏, a dateline's 会议, a page's 页) is met in its other script. Before the chunker's
 * patterns were matched against the line folded to simplified, the five-year plan lost its contents page and its
 * boxed tables (377 passages became 449) and the gazette's dateline became a paragraph.
 */
import { Converter } from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../src/chunk/chunk.js';
import type { Passage } from '../../src/model.js';
import { isPageFurniture } from '../../src/chunk/front.js';
import { isTocTitle } from '../../src/chunk/toc.js';
import { pageNumberOf } from '../../src/ingest/page-number.js';
import { SEEDS, seedDoc } from './seeds.js';

const toTraditional = Converter({ from: 'cn', to: 'tw' });

/** What a passage is, its script aside. */
const shape = (p: Passage) => ({ kind: p.kind, paragraph: p.paragraph, depth: p.sectionPath.length, length: p.text.length, page: p.page });

describe('a report in traditional characters', () => {
  for (const { id } of SEEDS) {
    it(`is cut as its simplified text is: ${id}`, () => {
      const doc = seedDoc(id);
      const traditional = toTraditional(doc.text);
      // The converter keeps lengths (one character for one), so offsets and lengths compare.
      expect(traditional.length).toBe(doc.text.length);
      expect(traditional).not.toBe(doc.text);
      const simplified = chunkDocument(doc);
      const converted = chunkDocument({ ...doc, text: traditional });
      expect(converted.map(shape)).toEqual(simplified.map(shape));
    });
  }

  it('knows its contents title, page numbers and a newspaper\'s jump lines', () => {
    expect(isTocTitle('目 錄')).toBe(true);
    expect(isPageFurniture('第 3 頁 共 20 頁')).toBe(true);
    expect(isPageFurniture('（下轉第三版）')).toBe(true);
    expect(pageNumberOf('第３頁')).toBe(3);
  });
});

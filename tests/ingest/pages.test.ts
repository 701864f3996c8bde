import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { paginate } from '../../src/ingest/pages.js';
import { readTxt } from '../../src/ingest/txt.js';
import { corpusDir, testContext } from './helpers.js';

/** Pages of real text (lines of the bundled 2024 report), ten lines each, with what goes between them. */
function threePages(between: (page: number) => string, before = '', after = (page: number) => between(page), count = 3): { text: string; firsts: string[] } {
  const lines = readFileSync(path.join(corpusDir, 'xizang-2024-government-work-report.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^\d+$/u.test(l))
    .slice(20, 20 + 10 * count);
  const pages = Array.from({ length: count }, (_, k) => lines.slice(k * 10, k * 10 + 10));
  const text = `${before}${pages.map((p, k) => `${p.join('\n')}\n${k < count - 1 ? between(k + 1) : after(k + 1)}`).join('\n')}`;
  return { text, firsts: pages.map((p) => p[0]) };
}

describe('paginate', () => {
  it('makes a page of each stretch between footers, with the printed number of its footer', () => {
    const { text, firsts } = threePages((n) => `— ${n + 11} —`);
    const layout = paginate(text);
    expect(layout?.pages.map((p) => [p.index, p.printed])).toEqual([[1, 12], [2, 13], [3, 14]]);
    expect(layout?.pages.map((p, k) => text.slice(p.start, p.start + firsts[k].length))).toEqual(firsts);
    expect(layout?.furniture).toEqual([{ page: 1, text: '— 12 —' }, { page: 2, text: '— 13 —' }, { page: 3, text: '— 14 —' }]);
  });

  it('reads page numbers at the top of a page as headers of the page they open', () => {
    const { text, firsts } = threePages((n) => `- ${n + 1} -`, '- 1 -\n', () => '');
    const layout = paginate(text);
    expect(layout?.pages.map((p) => [p.index, p.printed])).toEqual([[1, 1], [2, 2], [3, 3]]);
    expect(layout?.pages.map((p, k) => text.slice(p.start, p.start + firsts[k].length))).toEqual(firsts);
  });

  it('closes one page and opens the next at a break holding both numbers, and keeps the running header with the next page', () => {
    const { text } = threePages((n) => `第${n}页\n政府工作报告\n第${n + 1}页`, '', (n) => `第${n}页`, 4);
    const layout = paginate(text);
    expect(layout?.pages.map((p) => p.printed)).toEqual([1, 2, 3, 4]);
    expect(layout?.furniture.filter((f) => f.text === '政府工作报告').map((f) => f.page)).toEqual([2, 3, 4]);
  });

  it('breaks pages at form feeds, with no printed number', () => {
    const { text } = threePages(() => '\f', '', () => '');
    expect(paginate(text)?.pages.map((p) => [p.index, p.printed])).toEqual([[1, null], [2, null], [3, null]]);
  });

  it('finds no pages in a report without furniture', () => {
    expect(paginate(readFileSync(path.join(corpusDir, 'xizang-2020-government-work-report.txt'), 'utf8'))).toBeNull();
  });
});

describe('the plain-text reader on text extracted from a PDF', () => {
  it('records the pages and the furniture, and keeps the text verbatim', () => {
    const { text } = threePages((n) => `— ${n} —`);
    const [doc] = readTxt(Buffer.from(text), testContext('wrapped.txt'));
    expect(doc.text).toBe(text);
    expect(doc.pages?.map((p) => p.printed)).toEqual([1, 2, 3]);
    expect(doc.furniture?.map((f) => f.text)).toEqual(['— 1 —', '— 2 —', '— 3 —']);
  });

  it('records no pages for the bundled reports', () => {
    for (const file of readdirSync(corpusDir).filter((f) => f.endsWith('.txt'))) {
      const [doc] = readTxt(readFileSync(path.join(corpusDir, file)), testContext(file));
      expect(doc.pages, file).toBeUndefined();
      expect(doc.furniture, file).toBeUndefined();
    }
  });
});

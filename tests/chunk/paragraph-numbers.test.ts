import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chunkDocument } from '../../src/chunk/chunk.js';
import { pageLocator } from '../../src/chunk/pages.js';
import type { PageSpan, SourceDoc } from '../../src/model.js';
import { SEEDS, seedDoc, seedPassages } from './seeds.js';

describe('paragraph numbers a reader can count', () => {
  const report = seedPassages('xizang-2020-government-work-report');
  const numberOf = (start: string): number | null | undefined => report.find((p) => p.text.startsWith(start))?.paragraph;

  it('numbers the 2020 report as counted by hand, from the salutation on, skipping the title block and headings', () => {
    // Counted by hand in corpus/xizang-2020-government-work-report.txt: the title and dateline are not
    // paragraphs, 各位代表: is the first, 2019年工作回顾 and 一、… are headings.
    expect(numberOf('政府工作报告')).toBeNull();
    expect(numberOf('各位代表:')).toBe(1);
    expect(numberOf('现在，我代表西藏自治区人民政府')).toBe(2);
    expect(numberOf('2019年工作回顾')).toBeNull();
    expect(numberOf('2019年是令人振奋的一年')).toBe(3);
    expect(numberOf('一、坚定不移打赢三大攻坚战')).toBeNull();
    expect(numberOf('(一)脱贫攻坚任务全面完成')).toBe(11);
    expect(numberOf('(四)公共文化服务取得新业绩')).toBe(25);
    expect(numberOf('(三)推进产业发展。')).toBeNull();
    expect(numberOf('高原生物产业')).toBe(54);
  });

  it('numbers the body paragraphs of every bundled report 1, 2, 3, … and nothing else', () => {
    for (const { id } of SEEDS) {
      const passages = seedPassages(id);
      const numbers = passages.filter((p) => p.kind === 'paragraph').map((p) => p.paragraph);
      expect(numbers, id).toEqual(numbers.map((_, k) => k + 1));
      for (const p of passages.filter((x) => x.kind !== 'paragraph')) expect(p.paragraph, `${id} ${p.kind}`).toBeNull();
    }
  });

  it('gives passages of an unpaged source no page', () => {
    expect(report.every((p) => p.page === undefined && p.pageEnd === undefined)).toBe(true);
  });
});

describe('pages of passages', () => {
  /** The 2020 report cut into pages of `size` characters, printed numbers starting at `first` after `unnumbered` pages. */
  function paged(size: number, first: number, unnumbered: number): SourceDoc {
    const doc = seedDoc('xizang-2020-government-work-report');
    const pages: PageSpan[] = [];
    for (let start = 0, index = 1; start < doc.text.length; start += size, index++) {
      pages.push({ index, start, printed: index > unnumbered ? index - unnumbered - 1 + first : null });
    }
    return { ...doc, pages };
  }

  it('gives each passage the printed page where it begins and ends, none on the unnumbered page before page 1', () => {
    const doc = paged(1000, 1, 1);
    const passages = chunkDocument(doc);
    // Its first page, unnumbered before the one printed 1, is front matter with no number to cite.
    const brute = (offset: number): number | undefined => {
      const page = [...(doc.pages ?? [])].reverse().find((p) => p.start <= offset);
      return page?.printed ?? undefined;
    };
    for (const p of passages) {
      expect(p.page).toBe(brute(p.start) ?? brute(p.end - 1));
      expect(p.pageEnd).toBe(brute(p.end - 1));
      expect(p.pageEnd ?? 0).toBeGreaterThanOrEqual(p.page ?? 0);
    }
    expect(passages[0].page).toBeUndefined();
    expect(passages.find((p) => p.start >= 1000)?.page).toBe(1);
    expect(passages.some((p) => (p.pageEnd ?? 0) > (p.page ?? 0))).toBe(true);
  });

  it('locates any offset on the last page starting at or before it (property, against a linear scan)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(500), { minLength: 1, maxLength: 20 }), fc.nat(600), (starts, offset) => {
        const pages = [...starts].sort((a, b) => a - b).map((start, k) => ({ index: k + 1, start, printed: k % 3 === 0 ? null : k + 10 }));
        const expected = [...pages].reverse().find((p) => p.start <= offset) ?? pages[0];
        // A numbered page gives its printed number; an unnumbered one the number its neighbours imply (k + 10).
        expect(pageLocator(pages)?.(offset)).toBe(expected.printed ?? (pages.length > 1 ? expected.index + 9 : expected.index));
      }),
    );
    expect(pageLocator(undefined)).toBeNull();
  });

  it('gives a page without a printed number the number its numbered neighbours imply, as the reader counts it', () => {
    // The white paper's chapter title pages and its appendix print no number: PDF page 14 lies between
    // printed 8 (page 13) and printed 10 (page 15), and its contents list says 研究内容 … 09.
    const printed = [null, null, null, null, null, null, 2, 3, 4, 5, 6, 7, 8, null, 10, 11, null, null];
    const pages = printed.map((n, k) => ({ index: k + 1, start: k * 10, printed: n }));
    const at = pageLocator(pages);
    // Its cover, foreword and contents (PDF pages 1-5) come before printed page 1 (PDF page 6): they have
    // no number a reader could find, and their file positions 1-5 are the body's pages 1-5.
    expect(pages.map((p) => at?.(p.start))).toEqual([null, null, null, null, null, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
  });

  it('gives no page to the passages of unnumbered front pages, and a passage running into page 1 that page', () => {
    // A white paper printed with its cover and contents unnumbered, the body numbered from 1 on PDF page 3.
    const text = '某某市数字经济发展白皮书\n目录\n一、发展现状……1\n一、发展现状\n发展现状良好，\n继续向好。\n二、主要问题\n问题不少。';
    const at = (line: string): number => text.indexOf(line);
    const pages: PageSpan[] = [
      { index: 1, start: 0, printed: null },
      { index: 2, start: at('目录'), printed: null },
      { index: 3, start: at('一、发展现状\n'), printed: 1 },
      { index: 4, start: at('继续向好'), printed: null },
      { index: 5, start: at('二、主要问题'), printed: 3 },
    ];
    const doc: SourceDoc = { ...seedDoc('xizang-2020-government-work-report'), format: 'pdf', text, pages };
    const cited = chunkDocument(doc).map((p) => [p.text.slice(0, 6), p.page, p.pageEnd]);
    expect(cited).toEqual([
      ['某某市数字经', undefined, undefined],
      ['目录\n一、发', undefined, undefined],
      ['一、发展现状', 1, 1],
      ['发展现状良好', 1, 2],
      ['二、主要问题', 3, 3],
      ['问题不少。', 3, 3],
    ]);
  });

  it('keeps the file position of an unnumbered page whose neighbours disagree (the numbering restarts)', () => {
    const pages = [3, null, 1, 2].map((n, k) => ({ index: k + 1, start: k * 10, printed: n }));
    expect(pages.map((p) => pageLocator(pages)?.(p.start))).toEqual([3, 2, 1, 2]);
  });
});

describe('tables keep their empty cells', () => {
  it('gives every row of every table of the five-year plan the column count of its header', () => {
    const tables = seedPassages('xizang-14th-five-year-plan').filter((p) => p.kind === 'table');
    let rows = 0;
    let leadingEmpty = 0;
    for (const table of tables) {
      const tabRows = table.text.split('\n').filter((row) => row.includes('\t'));
      // A table continued on the next page repeats its header, which sets the count for the rows after it.
      const headerKey = (row: string): string => row.split('\t').slice(0, 2).join('\t');
      let header = tabRows[0]?.split('\t').length;
      for (const row of tabRows) {
        if (headerKey(row) === headerKey(tabRows[0])) header = row.split('\t').length;
        expect(row.split('\t').length, `${table.id}: ${row}`).toBe(header);
        rows++;
        if (row.startsWith('\t')) leadingEmpty++;
      }
    }
    expect(rows).toBeGreaterThan(100);
    expect(leadingEmpty).toBe(57);
  });

  it('keeps a table passage’s range on its first cell, empty or not', () => {
    const doc = seedDoc('xizang-14th-five-year-plan');
    for (const table of seedPassages('xizang-14th-five-year-plan').filter((p) => p.kind === 'table')) {
      expect(doc.text.slice(table.start, table.end).replace(/\s+/gu, '')).toBe(table.text.replace(/\s+/gu, ''));
    }
  });
});

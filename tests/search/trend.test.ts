import { describe, expect, it } from 'vitest';
import type { DocMeta } from '../../src/model.js';
import { countChars, reportSizes, yearSizes, yearTrend } from '../../src/search/trend.js';

const doc = (id: string, year: number | null): DocMeta => ({ id, year, title: id, titleEn: id, type: 'report', region: 'r', date: null, issuer: null, language: 'zh', file: `${id}.txt`, checksum: 'sha256:0' });

describe('trend', () => {
  it('counts characters without whitespace, a surrogate pair as one', () => {
    expect(countChars('乡村 振兴\n\u3000𠀀')).toBe(5);
  });

  it('lists every year from the first to the last, a year without reports as a gap', () => {
    const docs = [doc('a', 2018), doc('b', 2021), doc('c', null)];
    const sizes = yearSizes(docs, reportSizes([
      { docId: 'a', kind: 'paragraph', text: '发展 发展' },
      { docId: 'b', kind: 'paragraph', text: '一二三四', textEn: 'ab' },
      { docId: 'c', kind: 'paragraph', text: '发展' },
    ]));
    const { years, undated } = yearTrend([{ year: 2018, occurrences: 2 }, { year: null, occurrences: 1 }, { year: 2021, occurrences: 0 }], sizes);
    expect(years).toEqual([
      { year: 2018, reports: 1, occurrences: 2, passages: 1, chars: 4, perTenThousand: 5000 },
      { year: 2019, reports: 0, occurrences: 0, passages: 0, chars: 0, perTenThousand: null },
      { year: 2020, reports: 0, occurrences: 0, passages: 0, chars: 0, perTenThousand: null },
      { year: 2021, reports: 1, occurrences: 0, passages: 0, chars: 6, perTenThousand: 0 },
    ]);
    expect(undated).toEqual({ occurrences: 1, passages: 1 });
  });

  it('sizes the years of the reports and passage kinds a scope admits', () => {
    const docs = [doc('a', 2018), doc('b', 2021), doc('c', 2021), doc('d', null)];
    const sizes = reportSizes([
      { docId: 'a', kind: 'paragraph', text: '一二三' },
      { docId: 'a', kind: 'table', text: '一二' },
      { docId: 'b', kind: 'paragraph', text: '一二三四' },
      { docId: 'c', kind: 'table', text: '一', textEn: 'ab' },
      { docId: 'd', kind: 'paragraph', text: '一' },
    ]);
    expect(sizes.get('a')).toEqual({ paragraph: 3, table: 2 });
    expect([...yearSizes(docs, sizes)]).toEqual([[2018, { reports: 1, chars: 5 }], [2021, { reports: 2, chars: 7 }]]);
    expect([...yearSizes(docs, sizes, { kind: 'table' })]).toEqual([[2018, { reports: 1, chars: 2 }], [2021, { reports: 2, chars: 3 }]]);
    expect([...yearSizes(docs, sizes, { docs: ['b', 'd'] })]).toEqual([[2021, { reports: 1, chars: 4 }]]);
    expect([...yearSizes(docs, sizes, { doc: 'c', kind: 'paragraph' })]).toEqual([[2021, { reports: 1, chars: 0 }]]);
    expect([...yearSizes(docs, sizes, { year: 2018 })]).toEqual([[2018, { reports: 1, chars: 5 }]]);
  });

  it('is empty for a corpus without dated reports', () => {
    expect(yearTrend([{ year: null, occurrences: 3 }], yearSizes([doc('c', null)], new Map())).years).toEqual([]);
  });
});

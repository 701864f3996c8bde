/** public/js/corpus-facts.js: what the search covers, counted from the reports' list. */
import { describe, expect, it } from 'vitest';
import { corpusFacts } from '../../public/js/corpus-facts.js';

describe('corpusFacts', () => {
  it('counts the reports, the years of the dated ones and the regions whose name was read', () => {
    const docs = [{ year: 2020 }, { year: 1954 }, { year: null }, { year: 2025 }];
    expect(corpusFacts(docs, [{ value: '全国' }, { value: '西藏自治区' }, { value: 'unknown' }])).toEqual({ reports: 4, from: 1954, to: 2025, regions: 2 });
    expect(corpusFacts([{ year: null }], [])).toEqual({ reports: 1, from: null, to: null, regions: 0 });
  });
});

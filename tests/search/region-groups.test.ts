/**
 * The regions of a corpus as the Region lists show them (`region-groups.ts`): each region once however its reports
 * name it, in the official order, and each entry's value finding exactly its reports. The oracle is `regionIs`, what
 * a query's `region:` filter searches: an entry's value must find its reports and no other, for any mix of regions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NATIONAL, PROVINCES } from '../../src/ingest/regions.js';
import { regionGroups } from '../../src/search/region-groups.js';
import { regionIs } from '../../src/search/report-scope.js';

/** Regions as `DocMeta.region` holds them: the table's English names, and places named in Chinese as reports name them. */
const REGIONS = [
  NATIONAL.en,
  ...PROVINCES.map((p) => p.en),
  '海拉尔区',
  '呼伦贝尔市海拉尔区',
  '海拉爾區',
  '海淀区',
  '北京市海淀区',
  '浦东新区',
  '红山区',
  '赤峰市红山区',
  '鄂温克族自治旗',
  '广东省深圳市',
  'unknown',
];

describe('regionGroups', () => {
  it('lists the nation first, the provinces in the official order, then other places; one district named two ways once', () => {
    const docs = ['Guangdong Province', '海拉尔区', 'China (national)', 'Beijing Municipality', '呼伦贝尔市海拉尔区', 'Xizang (Tibet) Autonomous Region', '海拉尔区'].map((region, i) => ({ id: `d${i}`, region }));
    const groups = regionGroups(docs);
    expect(groups.map((g) => [g.value, g.zh, g.en])).toEqual([
      ['全国', '全国', 'National'],
      ['北京市', '北京市', 'Beijing Municipality'],
      ['广东省', '广东省', 'Guangdong Province'],
      ['西藏自治区', '西藏自治区', 'Xizang (Tibet) Autonomous Region'],
      ['呼伦贝尔市海拉尔区', '呼伦贝尔市海拉尔区', 'Hailar District, Hulunbuir City'],
    ]);
    expect(groups.at(-1)?.docs.sort()).toEqual(['d1', 'd4', 'd6']);
  });

  it('joins a place named within another\'s full name, named in full and found by the shorter name', () => {
    const red = regionGroups([{ id: 'a', region: '红山区' }, { id: 'b', region: '赤峰市红山区' }]);
    expect(red).toEqual([{ value: '红山区', zh: '赤峰市红山区', en: 'Hongshan District, Chifeng City', docs: ['a', 'b'] }]);
  });

  it('holds in a province\'s entry the reports of the places within it, which have their own', () => {
    const groups = regionGroups([{ id: 'a', region: '海淀区' }, { id: 'b', region: '北京市海淀区' }, { id: 'c', region: 'Beijing Municipality' }, { id: 'd', region: '浦东新区' }, { id: 'e', region: 'unknown' }]);
    expect(groups).toEqual([
      { value: '北京市', zh: '北京市', en: 'Beijing Municipality', docs: ['b', 'c'] },
      // Other places by their Chinese names' pinyin: Beijing Shi Haidian Qu before Pudong Xinqu.
      { value: '海淀区', zh: '北京市海淀区', en: 'Haidian District, Beijing City', docs: ['a', 'b'] },
      { value: '浦东新区', zh: '浦东新区', en: 'Pudong New Area', docs: ['d'] },
      { value: 'unknown', zh: '地区不详', en: 'Region unknown', docs: ['e'] },
    ]);
  });

  it('gives each region a value of one word, which finds exactly its reports, each report under its own region, for any mix of regions', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...REGIONS), { minLength: 1, maxLength: 30 }), (regions) => {
        const docs = regions.map((region, i) => ({ id: `d${i}`, region }));
        const groups = regionGroups(docs);
        for (const group of groups) {
          expect(group.value).not.toMatch(/\s/);
          expect(group.docs, group.value).toEqual(docs.filter((d) => regionIs(d.region, group.value)).map((d) => d.id));
        }
        // Each report is under the entry of its own region (of those that find it, the one fewest reports share).
        for (const doc of docs) {
          const holding = groups.filter((g) => g.docs.includes(doc.id));
          expect(holding.length, doc.region).toBeGreaterThan(0);
          const own = holding.reduce((a, b) => (b.docs.length < a.docs.length ? b : a));
          for (const other of docs.filter((d) => d.region === doc.region)) expect(own.docs).toContain(other.id);
        }
        // No two entries read the same in either language.
        expect(new Set(groups.map((g) => g.zh)).size).toBe(groups.length);
        expect(new Set(groups.map((g) => g.en)).size).toBe(groups.length);
      }),
    );
  });
});

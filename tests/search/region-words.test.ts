/**
 * A query word that names a region of the reports, proposed as that region's filter (`region-words.ts`): which
 * words name a region (full and short names, a district's own name), and which queries are left alone.
 */
import { describe, expect, it } from 'vitest';
import { regionGroups } from '../../src/search/region-groups.js';
import { regionWord } from '../../src/search/region-words.js';

const regions = regionGroups(
  ['China (national)', 'Guangdong Province', 'Xizang (Tibet) Autonomous Region', 'Shanxi Province', 'Shaanxi Province', '海拉尔区', '呼伦贝尔市海拉尔区'].map((region, i) => ({ id: `d${i}`, region })),
);

describe('regionWord', () => {
  it('turns the word that names a region, by its full or short name, in either script, into its filter', () => {
    expect(regionWord('广东 制造业', regions)).toEqual({ query: '制造业 region:广东省', region: '广东省' });
    expect(regionWord('制造业 广东省', regions)).toEqual({ query: '制造业 region:广东省', region: '广东省' });
    expect(regionWord('西藏 "边境小康村" 旅游', regions)).toEqual({ query: '"边境小康村" 旅游 region:西藏自治区', region: '西藏自治区' });
    expect(regionWord('廣東 製造業', regions)).toEqual({ query: '製造業 region:广东省', region: '广东省' });
    expect(regionWord('海拉尔 城市建设', regions)?.region).toBe('呼伦贝尔市海拉尔区');
    expect(regionWord('海拉尔区 城市建设 year:2019', regions)).toEqual({ query: '城市建设 year:2019 region:呼伦贝尔市海拉尔区', region: '呼伦贝尔市海拉尔区' });
    // 山西 and 陕西 are two provinces: each its own.
    expect(regionWord('山西 煤炭', regions)?.region).toBe('山西省');
    expect(regionWord('陕西 煤炭', regions)?.region).toBe('陕西省');
  });

  it('leaves alone a query with nothing else to search, a region already, OR, the nation, or a region the reports lack', () => {
    for (const q of ['广东', '广东 -制造业', '广东 year:2025', '广东 制造业 region:西藏', '广东 OR 制造业', '全国 就业', '中国 制造业', '浙江 制造业', '广东省制造业', '"广东" 制造业', '-广东 制造业']) {
      expect(regionWord(q, regions), q).toBeNull();
    }
  });

  it('proposes nothing when two words name regions', () => {
    expect(regionWord('广东 西藏 合作', regions)).toBeNull();
  });
});

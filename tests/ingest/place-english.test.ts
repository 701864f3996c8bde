import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { inferDocMeta } from '../../src/ingest/doc-meta.js';
import { nameInPinyin, placeInEnglish, placeUnits } from '../../src/ingest/place-english.js';
import { describeWithShared, sharedPath } from '../shared-data.js';

describe('a Chinese place name in English', () => {
  it('writes each unit in pinyin with its kind translated, the smallest first', () => {
    expect(placeInEnglish('红山区')).toBe('Hongshan District');
    expect(placeInEnglish('赤峰市红山区')).toBe('Hongshan District, Chifeng City');
    expect(placeInEnglish('鄂伦春自治旗')).toBe('Oroqen Autonomous Banner');
    expect(placeInEnglish('浦东新区')).toBe('Pudong New Area');
  });

  it('never takes a name’s first character for its kind (市中区 is Shizhong District), and keeps what is not Chinese', () => {
    expect(placeInEnglish('市中区')).toBe('Shizhong District');
    expect(placeInEnglish('Xizang (Tibet) Autonomous Region')).toBe('Xizang (Tibet) Autonomous Region');
  });

  it('writes a name known in English by another spelling than its pinyin in that spelling', () => {
    expect(placeInEnglish('海拉尔区')).toBe('Hailar District');
    expect(placeInEnglish('呼伦贝尔市海拉尔区')).toBe('Hailar District, Hulunbuir City');
    expect(placeInEnglish('锡林郭勒盟锡林浩特市')).toBe('Xilinhot City, Xilingol League');
    expect(placeInEnglish('喀什地区')).toBe('Kashgar Prefecture');
    expect(placeInEnglish('日喀则市定日县')).toBe('Tingri County, Shigatse City');
    // A name the table does not hold is written in pinyin.
    expect(placeInEnglish('通辽市科尔沁区')).toBe("Ke'erqin District, Tongliao City");
  });

  it('reads a place written in traditional characters as the same place (the names kept as written)', () => {
    expect(placeInEnglish('呼倫貝爾市海拉爾區')).toBe('Hailar District, Hulunbuir City');
    expect(placeInEnglish('赤峰市紅山區')).toBe('Hongshan District, Chifeng City');
    expect(placeInEnglish('鄂倫春自治旗')).toBe('Oroqen Autonomous Banner');
    expect(placeUnits('呼倫貝爾市海拉爾區')).toEqual([{ name: '呼倫貝爾', kind: 'City' }, { name: '海拉爾', kind: 'District' }]);
  });

  it('marks a syllable starting with a, o or e, as pinyin does', () => {
    expect(nameInPinyin('西安')).toBe("Xi'an");
    expect(nameInPinyin('长安')).toBe("Chang'an");
  });
});

describeWithShared('corpora/district-gbk', 'the English title of a district report', () => {
  it('names the district in English, with no Chinese left in it', () => {
    for (const year of [2012, 2017, 2019]) {
      const file = `district-gbk/${year}.txt`;
      const meta = inferDocMeta(iconv.decode(readFileSync(sharedPath(`corpora/${file}`)), 'gbk'), { file, checksum: 'sha256:0' });
      expect(meta.titleEn).toMatch(new RegExp(`^Report on the Work of the Government of Hailar District.* \\(${year}\\)$`));
      expect(meta.titleEn).not.toMatch(/\p{Script=Han}/u);
      expect(meta.region).toMatch(/海拉尔区$/);
    }
  });
});

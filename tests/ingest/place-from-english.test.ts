import { describe, expect, it } from 'vitest';
import { placeInEnglish } from '../../src/ingest/place-english.js';
import { placeFromEnglish } from '../../src/ingest/place-from-english.js';
import { PROVINCES } from '../../src/ingest/regions.js';

describe('a place named in English, as the Chinese reports name it', () => {
  it('reads every province by its English name, its name alone, and its adjective', () => {
    for (const region of PROVINCES) expect(placeFromEnglish(region.en), region.en).toBe(region.zh[0]);
    expect(['Beijing Municipal', 'beijing', 'the Tibet Autonomous Region', 'Xizang Autonomous Region', 'Guangdong Provincial'].map(placeFromEnglish)).toEqual([
      '北京市',
      '北京市',
      '西藏自治区',
      '西藏自治区',
      '广东省',
    ]);
    expect(placeFromEnglish('Xinjiang Uyghur Autonomous Region')).toBe('新疆维吾尔自治区');
  });

  it('is the nation for the National People’s Congress and the People’s Republic of China', () => {
    expect(placeFromEnglish('National')).toBe('全国');
    expect(placeFromEnglish('the People’s Republic of China')).toBe('全国');
  });

  it('reads back the English place names the engine writes, and no other', () => {
    for (const place of ['海拉尔区', '呼伦贝尔市海拉尔区', '锡林郭勒盟锡林浩特市', '鄂伦春自治旗', '日喀则市定日县']) {
      expect(placeFromEnglish(placeInEnglish(place)), place).toBe(place);
    }
    expect(placeFromEnglish('Hohhot Municipal')).toBe('呼和浩特市');
    // A name in pinyin, a kind that reads two ways (地区 or 州), a city that shares a province's name.
    expect(['Hongshan District', 'Kashgar Prefecture', 'Jilin City', 'Lhasa'].map(placeFromEnglish)).toEqual([null, null, null, null]);
  });
});

/**
 * The 31 provincial-level regions of mainland China, and the nation, with the names the reports use
 * (full and short), the English name used in `DocMeta.region` and a slug used in inferred ids. Names are
 * written in simplified characters and found in either script (`西藏自治區` is Xizang too).
 */
import { foldToSimplified } from '../simplified-chinese.js';

/** One region: how the reports name it and how the engine names it. */
export interface Region {
  /** Names as they appear in report text, full name first (e.g. `西藏自治区`, `西藏`). */
  zh: string[];
  /** English name for `DocMeta.region`. */
  en: string;
  /** Slug for ids, e.g. `xizang`. */
  slug: string;
}

/** The nation: a report of the State Council to the National People's Congress. */
export const NATIONAL: Region = { zh: ['全国', '国务院', '中华人民共和国'], en: 'China (national)', slug: 'national' };

/** The region of the project's own corpus, spelled the same way everywhere. */
const XIZANG_EN = 'Xizang (Tibet) Autonomous Region';

/** Provincial-level regions. */
export const PROVINCES: readonly Region[] = [
  { zh: ['北京市', '北京'], en: 'Beijing Municipality', slug: 'beijing' },
  { zh: ['天津市', '天津'], en: 'Tianjin Municipality', slug: 'tianjin' },
  { zh: ['河北省', '河北'], en: 'Hebei Province', slug: 'hebei' },
  { zh: ['山西省', '山西'], en: 'Shanxi Province', slug: 'shanxi' },
  { zh: ['内蒙古自治区', '内蒙古'], en: 'Inner Mongolia Autonomous Region', slug: 'inner-mongolia' },
  { zh: ['辽宁省', '辽宁'], en: 'Liaoning Province', slug: 'liaoning' },
  { zh: ['吉林省', '吉林'], en: 'Jilin Province', slug: 'jilin' },
  { zh: ['黑龙江省', '黑龙江'], en: 'Heilongjiang Province', slug: 'heilongjiang' },
  { zh: ['上海市', '上海'], en: 'Shanghai Municipality', slug: 'shanghai' },
  { zh: ['江苏省', '江苏'], en: 'Jiangsu Province', slug: 'jiangsu' },
  { zh: ['浙江省', '浙江'], en: 'Zhejiang Province', slug: 'zhejiang' },
  { zh: ['安徽省', '安徽'], en: 'Anhui Province', slug: 'anhui' },
  { zh: ['福建省', '福建'], en: 'Fujian Province', slug: 'fujian' },
  { zh: ['江西省', '江西'], en: 'Jiangxi Province', slug: 'jiangxi' },
  { zh: ['山东省', '山东'], en: 'Shandong Province', slug: 'shandong' },
  { zh: ['河南省', '河南'], en: 'Henan Province', slug: 'henan' },
  { zh: ['湖北省', '湖北'], en: 'Hubei Province', slug: 'hubei' },
  { zh: ['湖南省', '湖南'], en: 'Hunan Province', slug: 'hunan' },
  { zh: ['广东省', '广东'], en: 'Guangdong Province', slug: 'guangdong' },
  { zh: ['广西壮族自治区', '广西'], en: 'Guangxi Zhuang Autonomous Region', slug: 'guangxi' },
  { zh: ['海南省', '海南'], en: 'Hainan Province', slug: 'hainan' },
  { zh: ['重庆市', '重庆'], en: 'Chongqing Municipality', slug: 'chongqing' },
  { zh: ['四川省', '四川'], en: 'Sichuan Province', slug: 'sichuan' },
  { zh: ['贵州省', '贵州'], en: 'Guizhou Province', slug: 'guizhou' },
  { zh: ['云南省', '云南'], en: 'Yunnan Province', slug: 'yunnan' },
  { zh: ['西藏自治区', '西藏'], en: XIZANG_EN, slug: 'xizang' },
  { zh: ['陕西省', '陕西'], en: 'Shaanxi Province', slug: 'shaanxi' },
  { zh: ['甘肃省', '甘肃'], en: 'Gansu Province', slug: 'gansu' },
  { zh: ['青海省', '青海'], en: 'Qinghai Province', slug: 'qinghai' },
  { zh: ['宁夏回族自治区', '宁夏'], en: 'Ningxia Hui Autonomous Region', slug: 'ningxia' },
  { zh: ['新疆维吾尔自治区', '新疆'], en: 'Xinjiang Uygur Autonomous Region', slug: 'xinjiang' },
];

/**
 * The provincial-level region a Chinese place name is, in either script; `null` for other places (a district
 * such as `海拉尔区` or a city inside a province is not the province).
 * @example regionOfPlace('西藏自治区')?.slug // 'xizang'
 * @example regionOfPlace('西藏自治區')?.slug // 'xizang'
 */
export function regionOfPlace(place: string): Region | null {
  const key = foldToSimplified(place);
  if (key === '' || key === '全国' || key === '中华人民共和国') return NATIONAL;
  for (const region of PROVINCES) {
    if (region.zh.includes(key)) return region;
  }
  return null;
}

/**
 * The first provincial-level region named in a title such as `2025年宁夏政府工作报告` (in either script); `null`
 * if none.
 * @example regionInTitle('2025年宁夏政府工作报告')?.en // 'Ningxia Hui Autonomous Region'
 * @example regionInTitle('2025年寧夏政府工作報告')?.en // 'Ningxia Hui Autonomous Region'
 */
export function regionInTitle(title: string): Region | null {
  const key = foldToSimplified(title);
  let best: { region: Region; at: number } | null = null;
  for (const region of PROVINCES) {
    for (const name of region.zh) {
      const at = key.indexOf(name);
      if (at >= 0 && (best === null || at < best.at)) best = { region, at };
    }
  }
  if (best) return best.region;
  return /国务院|全国人民代表大会|中华人民共和国/.test(key) ? NATIONAL : null;
}

/** The units a place's full name ends with (place-english.ts's, without the town and township, never a report's author). */
const PLACE_END = '(?:特别行政区|自治区|自治州|自治县|自治旗|新区|地区|省|市|区|县|旗|盟|州)';
const YEAR = '(?:[0-9]{4}|[〇零一二三四五六七八九]{4})年(?:度)?';

/** A work report's title that names its place in full: `2024年北京市海淀区政府工作报告`, `海拉尔区2018年人民政府工作报告`. */
const PLACE_TITLE = new RegExp(`^(?:${YEAR})?(\\p{Script=Han}{1,20}?${PLACE_END})(?:${YEAR})?(?:人民)?政府工作报告$`, 'u');

/**
 * The place a government work report's title names in full (ending with its unit: 省, 市, 区, 县, 旗 …), in
 * simplified characters, or null: the place of a report whose text names it nowhere else, and the one that tells a
 * district within a province (`北京市海淀区`) from the province.
 * @example placeInTitle('2018年海拉尔区政府工作报告') // '海拉尔区'
 * @example placeInTitle('2024年北京市海淀区政府工作报告') // '北京市海淀区'
 * @example placeInTitle('2025年宁夏政府工作报告') // null (no unit: `regionInTitle` reads it)
 */
export function placeInTitle(title: string): string | null {
  const key = foldToSimplified(title).replace(/\s+/gu, '');
  return PLACE_TITLE.exec(key)?.[1] ?? null;
}

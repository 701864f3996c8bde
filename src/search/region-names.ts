/**
 * Who publishes a region's reports, and where, for citations: the region's people's government and the seat
 * of that government. Region names come from the one region table (`src/ingest/regions.ts`); this module adds
 * the seats, the one sub-provincial place of the corpora known by an English name too (Hailar District), and
 * any other place by its Chinese name (a district, a county: `placeName`).
 */
import { placeInEnglish, placeUnits } from '../ingest/place-english.js';
import { NATIONAL, PROVINCES, type Region } from '../ingest/regions.js';
import { foldToSimplified } from '../simplified-chinese.js';
import { remembered } from '../text/remembered.js';

/** A region's publisher for citations. */
export interface RegionName {
  /** e.g. `西藏自治区`. */
  zh: string;
  /** e.g. `西藏自治区人民政府`. */
  government: string;
  /** Place of publication, e.g. `拉萨`. */
  seat: string;
  /** e.g. `People's Government of Xizang (Tibet) Autonomous Region`. */
  governmentEn: string;
  /** The place of publication in English, e.g. `Lhasa`. */
  seatEn: string;
}

/** Seat of each provincial-level government, by region slug: in Chinese, and by its usual English name (Lhasa, Hohhot, Urumqi). */
const SEATS: Readonly<Record<string, readonly [string, string]>> = {
  national: ['北京', 'Beijing'], beijing: ['北京', 'Beijing'], tianjin: ['天津', 'Tianjin'],
  hebei: ['石家庄', 'Shijiazhuang'], shanxi: ['太原', 'Taiyuan'], 'inner-mongolia': ['呼和浩特', 'Hohhot'],
  liaoning: ['沈阳', 'Shenyang'], jilin: ['长春', 'Changchun'], heilongjiang: ['哈尔滨', 'Harbin'],
  shanghai: ['上海', 'Shanghai'], jiangsu: ['南京', 'Nanjing'], zhejiang: ['杭州', 'Hangzhou'], anhui: ['合肥', 'Hefei'],
  fujian: ['福州', 'Fuzhou'], jiangxi: ['南昌', 'Nanchang'], shandong: ['济南', 'Jinan'], henan: ['郑州', 'Zhengzhou'],
  hubei: ['武汉', 'Wuhan'], hunan: ['长沙', 'Changsha'], guangdong: ['广州', 'Guangzhou'], guangxi: ['南宁', 'Nanning'],
  hainan: ['海口', 'Haikou'], chongqing: ['重庆', 'Chongqing'], sichuan: ['成都', 'Chengdu'], guizhou: ['贵阳', 'Guiyang'],
  yunnan: ['昆明', 'Kunming'], xizang: ['拉萨', 'Lhasa'], shaanxi: ['西安', "Xi'an"], gansu: ['兰州', 'Lanzhou'],
  qinghai: ['西宁', 'Xining'], ningxia: ['银川', 'Yinchuan'], xinjiang: ['乌鲁木齐', 'Urumqi'],
};

const HAILAR: RegionName = {
  zh: '呼伦贝尔市海拉尔区',
  government: '呼伦贝尔市海拉尔区人民政府',
  seat: '海拉尔',
  governmentEn: "People's Government of Hailar District, Hulunbuir",
  seatEn: 'Hailar',
};

const NATIONAL_NAME: RegionName = {
  zh: '中华人民共和国',
  government: '中华人民共和国国务院',
  seat: '北京',
  governmentEn: "State Council of the People's Republic of China",
  seatEn: 'Beijing',
};

/**
 * A place the region table does not know, named in Chinese as its reports name it (`某某县`, `某某市某某区`): its
 * people's government, seated at its smallest unit (`某某`), named in English by `placeInEnglish`; null for
 * anything else.
 * @example placeName('浦东新区')?.governmentEn // "People's Government of Pudong New Area"
 */
function placeName(place: string): RegionName | null {
  const trimmed = place.trim();
  if (!/^\p{Script=Han}{2,}$/u.test(trimmed)) return null;
  const smallest = placeUnits(trimmed).at(-1)?.name ?? trimmed;
  return { zh: trimmed, government: `${trimmed}人民政府`, seat: smallest, governmentEn: `People's Government of ${placeInEnglish(trimmed)}`, seatEn: placeInEnglish(smallest) };
}

/** The region `DocMeta.region` names: its English name, a Chinese name, or its slug in words (`tibet` too). */
function findRegion(region: string): Region | null {
  const key = region.trim().toLowerCase();
  if (key.length === 0) return null;
  const all = [NATIONAL, ...PROVINCES];
  const exact = all.find((r) => r.en.toLowerCase() === key || r.zh.includes(region.trim()));
  if (exact) return exact;
  // Word match on the slug (Shanxi must not match Shaanxi: whole words only), then Chinese names inside.
  const words = key.split(/[^a-z]+/).filter((w) => w.length > 0).join(' ');
  const bySlug = PROVINCES.find((r) => ` ${words} `.includes(` ${r.slug.replace(/-/g, ' ')} `));
  if (bySlug) return bySlug;
  if (` ${words} `.includes(' tibet ')) return PROVINCES.find((r) => r.slug === 'xizang') ?? null;
  if (` ${words} `.includes(' national ')) return NATIONAL;
  // A place written in Chinese that is not a province is a place of its own, even within one (`北京市海淀区`, `广东省深圳市`).
  if (/^\p{Script=Han}+$/u.test(region.trim())) return null;
  return PROVINCES.find((r) => r.zh.some((name) => name.length > 1 && region.includes(name))) ?? null;
}

/**
 * The publisher of a region's reports, or null when the region is not one the tables know. A Chinese name is
 * looked up in simplified characters (`海拉爾區` is Hailar District); a place the tables do not know keeps its
 * name as written.
 *
 * @example
 * regionName('Xizang (Tibet) Autonomous Region')?.government // → '西藏自治区人民政府'
 * regionName('China (national)')?.seat                       // → '北京'
 */
export const regionName: (region: string) => RegionName | null = remembered((region: string) => {
  // A corpus has a few regions, each asked for often (every report's citation, every region filter): read once,
  // frozen, as every caller shares the one read.
  const read = readRegionName(region);
  return read === null ? null : Object.freeze(read);
}, 10_000);

function readRegionName(region: string): RegionName | null {
  const key = foldToSimplified(region);
  if (/hailar|海拉尔/i.test(key)) return HAILAR;
  const found = findRegion(key);
  if (found === null) return placeName(region);
  if (found === NATIONAL) return NATIONAL_NAME;
  const zh = found.zh[0];
  return { zh, government: `${zh}人民政府`, seat: SEATS[found.slug]?.[0] ?? '[出版地不详]', governmentEn: `People's Government of ${found.en}`, seatEn: SEATS[found.slug]?.[1] ?? '' };
}

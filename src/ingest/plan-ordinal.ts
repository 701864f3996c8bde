/**
 * The ordinal of a five-year plan as its title writes it: `第十四个五年规划` (also `第14个五年`, `第十二個五年規劃`)
 * or the short `“十三五”规划`, and the English ordinal that names it (`14th`).
 */
import { foldToSimplified } from '../simplified-chinese.js';
import { chineseNumber } from './infer-meta.js';

/** `第十四个五年规划`, `第14个五年计划`; group 1 is the numeral. */
const FULL = /第([一二三四五六七八九十]{1,3}|[0-9]{1,2})个五年(?:规划|计划)/u;
/** `“十三五”规划`, `十四五时期`; group 1 is the numeral before 五. */
const SHORT = /(?:^|[^一二三四五六七八九十])[“"‘']?([一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])五[”"’']?(?:规划|计划|时期)/u;

/**
 * The number of the five-year plan a title names, or null.
 * @example planOrdinal('西藏自治区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要') // 14
 * @example planOrdinal('四川省“十三五”规划纲要') // 13
 */
export function planOrdinal(title: string): number | null {
  const key = foldToSimplified(title);
  const m = FULL.exec(key) ?? SHORT.exec(key);
  const n = m ? chineseNumber(m[1]) : null;
  return n !== null && n > 0 ? n : null;
}

/**
 * An English ordinal in figures.
 * @example ordinalInFigures(14) // '14th'; ordinalInFigures(21) // '21st'
 */
export function ordinalInFigures(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

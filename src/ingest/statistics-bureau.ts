/**
 * A statistics bureau's name, in either script (`某某县统计局`, `国家统计局北京调查总队`, `北京市統計局`): the issuer of
 * a statistical communiqué, as the ingest reads it off the line under the title and the citations name it. Pure.
 */
import { foldToSimplified } from '../simplified-chinese.js';

/** A bureau's name: a place or office, then 统计局, 调查总队 or 调查队. */
const BUREAU = /^[\u4e00-\u9fff]{2,24}(?:统计局|调查总队|调查队)$/u;

/**
 * True when `name` is a statistics bureau's name.
 * @example isStatisticsBureau('國家統計局北京調查總隊') // true; isStatisticsBureau('北京市人民政府') // false
 */
export function isStatisticsBureau(name: string): boolean {
  return BUREAU.test(foldToSimplified(name));
}

/**
 * True when `name` is the national bureau itself (国家统计局, in either script).
 * @example isNationalBureau('國家統計局') // true; isNationalBureau('国家统计局北京调查总队') // false
 */
export function isNationalBureau(name: string): boolean {
  return foldToSimplified(name) === '国家统计局';
}

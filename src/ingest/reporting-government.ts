/**
 * The government a work report's opening names: `我代表北京市人民政府，向大会报告政府工作` (the people's government
 * of a place), `我代表国务院，向大会报告政府工作` (the State Council: the nation), in either script. A report
 * without a title line still says in it what it is and whose it is. Pure.
 */
import { inScriptOf } from './report-script.js';
import { groupText, written } from './written-text.js';

/** The opening of a government work report, matched in simplified characters. */
const REPORTING_GOVERNMENT = /我代表(?:(\S{2,20}?)人民政府|国务院)[，,]\s*向大会报告(?:政府)?工作/du;

/** How much of the text the opening is looked for in. */
const HEAD_CHARS = 3000;

/** What an opening says: the place as written (`北京市`; `全国` for the State Council) and the title it implies. */
export interface ReportingGovernment {
  place: string;
  /** `政府工作报告`, in the script of the text. */
  title: string;
}

/**
 * The government that delivers the report, by its opening; null when the head of the text has no such opening.
 * @example reportingGovernment('现在，我代表国务院，向大会报告政府工作')?.place // '全国'
 * @example reportingGovernment('我代表北京市人民政府，向大会报告政府工作')?.place // '北京市'
 */
export function reportingGovernment(text: string): ReportingGovernment | null {
  const head = written(text.slice(0, HEAD_CHARS));
  const m = REPORTING_GOVERNMENT.exec(head.key);
  if (!m) return null;
  return { place: m[1] === undefined ? '全国' : groupText(head, m, 1), title: inScriptOf('政府工作报告', head.text) };
}

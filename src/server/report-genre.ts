/**
 * A report's kind as a citation record names it (RIS `M3`, BibTeX `type`, CSL `genre`: Zotero's report type), in
 * the record's language: a record of a Chinese (or parallel) report is Chinese, its title too, and a reference
 * manager shows the kind beside the title and prints it in a Chinese style (GB/T 7714); a record of a report in
 * English is English. The catalogue's kinds are English words (`government work report`).
 */
import { inScriptOf } from '../ingest/report-script.js';

/** The catalogue's kinds of report, named in Chinese (simplified; written in the title's script). */
const CHINESE_KINDS: Readonly<Record<string, string>> = {
  'government work report': '政府工作报告',
  'five-year plan': '五年规划',
  'plan report': '计划报告',
  resolution: '决议',
  'statistical communiqué': '统计公报',
};

const HAN = /\p{Script=Han}/u;

/**
 * The kind of a report in the language of its record (`zh…` or another), in the script of its `title`; a kind
 * already written in the record's language as given (sentence case in English); undefined for a kind the record's
 * language has no name for here, rather than a record in two languages.
 * @example reportGenre('government work report', 'zh-CN', '2024年西藏自治区政府工作报告') // '政府工作报告'
 * @example reportGenre('government work report', 'en', 'Report on the Work of the Government') // 'Government work report'
 */
export function reportGenre(type: string, language: string, title: string): string | undefined {
  const kind = type.trim();
  if (kind === '') return undefined;
  if (language.startsWith('zh')) {
    const chinese = CHINESE_KINDS[kind.toLowerCase()] ?? (HAN.test(kind) ? kind : undefined);
    return chinese === undefined ? undefined : inScriptOf(chinese, title);
  }
  return HAN.test(kind) ? undefined : `${kind.charAt(0).toUpperCase()}${kind.slice(1)}`;
}

/**
 * Inferring a report's metadata from its own text: the title line (`政府工作报告`), the dateline
 * (`——2024年1月7日在西藏自治区第十二届人民代表大会第二次会议上`, also `—2024 年 1 月 7日…`,
 * `----2012年2月29日在…`, `（2023年3月13日第十四届全国人民代表大会第一次会议通过）`) and the speaker line
 * (`自治区主席 严金海`). Pure functions; only the head of the text is looked at.
 *
 * A report in traditional characters says the same things (`政府工作報告`, `第十二屆人民代表大會`, `自治區主席`):
 * the patterns, written in simplified characters, are matched against the head folded to simplified
 * (`foldToSimplified`, of the same length), and what they find is read from the head as it is written.
 *
 * A report written in English has its dateline (`Delivered at the Second Session of the 14th National People's
 * Congress on March 5, 2024`: `english-dateline.ts`) and its opening (`On behalf of the State Council, I will now
 * report…`: `english-reporting-government.ts`) read where the Chinese ones are missing, and gets the same year,
 * date and place.
 */
import { parseNumeral } from '../chinese-numerals.js';
import { foldToSimplified } from '../simplified-chinese.js';
import { findEnglishSpeaker } from './english-speaker.js';
import { findEnglishDateline } from './english-dateline.js';
import { englishTypeOfTitle, findEnglishTitle } from './english-title.js';
import { reportingGovernmentInEnglish } from './english-reporting-government.js';
import { inScriptOf } from './report-script.js';
import { reportingGovernment } from './reporting-government.js';
import { withoutFullTextMark } from './full-text-mark.js';
import { isStatisticsBureau } from './statistics-bureau.js';
import { edited, groupText, linesOf, sliceOf, written, type Written } from './written-text.js';
import { titleBlock } from './title-block.js';

/** What the text itself says about the report. Every field is `null` when the text does not say. */
export interface InferredMeta {
  /** The title line, inner spaces removed (`政 府 工 作 报 告` → `政府工作报告`); a title set over several lines, joined (`title-block.ts`). */
  title: string | null;
  /** `government work report`, `five-year plan`, `plan report`, `gazette` or `resolution`. */
  type: string | null;
  /** The dateline year, Chinese or English (for a resolution without a dateline: the year of its NPC session). */
  year: number | null;
  /** The dateline as an ISO date (`2024-01-07`). */
  date: string | null;
  /** The speaker's name (`严金海`). */
  issuer: string | null;
  /** The speaker's office as written (`自治区主席`, `海拉尔区人民政府区长`). */
  issuerRole: string | null;
  /** The session the report went to (`西藏自治区第十二届人民代表大会第二次会议`). */
  body: string | null;
  /**
   * The place of that congress as written (`西藏自治区`, `海拉尔区`; `全国` for the NPC); for a report in English, in
   * Chinese when the tables know it (`Tibet Autonomous Region` → `西藏自治区`), else as written (`Hongshan District`).
   */
  place: string | null;
}

/** How much of the text to look at: metadata sits at the top (the gazette's masthead is ~1,500 chars). */
const HEAD_CHARS = 5000;
/** Spaces inside a line: ASCII, no-break, en, em and ideographic (full-width). */
const SPACE_CHARS = ' \\t\\u00a0\\u2002\\u2003\\u3000';
const SPACE = `[${SPACE_CHARS}]`;
const CJK = '\\u4e00-\\u9fff';
const CN_NUM = '[一二三四五六七八九十〇零\\d]+';
/** `在西藏自治区第十二届人民代表大会第二次会议` (also 全国); matched against simplified (folded) text. */
const BODY_RE = new RegExp(
  `^(?:.{0,24}?在)?(.{0,16}?)第(${CN_NUM})届(全国)?人民代表大会(常务委员会)?第(${CN_NUM})次会议`,
  'd',
);
/** What stands before the place in a session's name: `在` and the words before it. */
const BEFORE_BODY_RE = /^.{0,24}?在(?=.{0,16}?第)/;
/** `2024年1月7日`, also in Chinese numerals (`二〇二五年一月十九日`, `二零二五年元月十九日`). */
const DATE = '(\\d{4}|[〇零一二三四五六七八九]{4})年(\\d{1,2}|元|[一二三四五六七八九十]{1,2})月(\\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])日';
const DATE_RE = new RegExp(DATE, 'g');
/** A year written digit by digit in Chinese numerals: `二〇二五` → 2025. */
const yearNumber = (year: string): number => Number([...year].map((c) => ('〇零'.includes(c) ? '0' : String(chineseNumber(c) ?? c))).join(''));
/** A place's name as a title opens with it, before its year: `杭州市`, `某某县`, `中华人民共和国`. */
const TITLE_PLACE = '(?:[\\u4e00-\\u9fff]{1,24}(?:省|市|自治区|自治州|地区|区|县|州|盟|旗)|中华人民共和国)';
/** A year at the start of a title (`2020年…`, `二〇二四年…`), or after its place (`某某县2025年…统计公报`). */
const TITLE_YEAR_RE = new RegExp(`^${TITLE_PLACE}?(\\d{4}|[〇零一二三四五六七八九]{4})年`);
/** The year of an ISO date, or null. */
const yearOfDate = (date: string | null | undefined): number | null => (date ? Number(date.slice(0, 4)) : null);
/** A month or day in either numerals: `一`, `十二`, `二十八`, `元` (the first month), `07`. */
const dayNumber = (numeral: string): number => (numeral === '元' ? 1 : chineseNumber(numeral) ?? 0);
const ROLE = '(?:主席|省长|市长|区长|县长|州长|旗长|盟长|总理|主任)';
/** `自治区主席　齐扎拉`, `海拉尔区人民政府区长　　张天喜`, `自治区主席 艾尔肯·吐尼亚孜`. */
const SPEAKER_LINE_RE = new RegExp(`^(\\S{0,24}?${ROLE})${SPACE}*([${CJK}·][${CJK}·${SPACE_CHARS}]{1,12})$`);
/** A role alone on its line, the name on the next: `国务院总理` / `李　强`. */
const ROLE_LINE_RE = new RegExp(`^(\\S{0,24}?${ROLE})$`);
const NAME_LINE_RE = new RegExp(`^[${CJK}](?:${SPACE}*[${CJK}·]){1,5}$`);
const NAME = `(?:[${CJK}]{1,4}·[${CJK}]{1,6}|[${CJK}]{2,4}?)`;
/** A speaker named inside the dateline: `…会议上北京市市长 殷勇同志作政府工作报告`, `龚正市长在…`. */
const INLINE_SPEAKER_RES = [
  new RegExp(`((?:副|代理|代)?${ROLE})${SPACE}*(${NAME})(?:同志)?(?:所作|作|在|各位代表|${SPACE}|$)`, 'dm'),
  new RegExp(`(?:日|^|${SPACE})([${CJK}]{2,3})((?:代理|代)?(?:市长|省长|主席|区长))在`, 'dm'),
];
/** A title line; quotation marks of either script (`“”`, `「」`). */
const TITLE_RE =
  /^(?:\d{4}年)?[\u4e00-\u9fff（）()〇“”「」《》·、]{0,60}?(政府工作报告|工作报告|纲要|公报|决议|报告)(?:（摘要）|\(摘要\)|（全文）|\(全文\)|【全文】|全文)?$/;
/**
 * A year inside a title line, after its place or a `关于` (`杭州市2024年政府工作报告`, `关于2023年…计划执行情况…的报告`):
 * not after a verb (`听取和审议了2023年政府工作报告`, a sentence cut at the end of a line).
 */
const YEAR_INSIDE_TITLE_RE = new RegExp(`^(?:${TITLE_PLACE}|关于)\\d{4}年`);
/** Where a dateline starts on a title's line: `政府工作报告——2024年…`. */
const DATELINE_START_RE = /[—－\-]{1,4}\s*\d{4}年/;

/**
 * The opening every government work report is read with, when the title line is missing: the speaker
 * reports on the government's work to the congress on its behalf (`我代表国务院，向大会报告政府工作`,
 * `我代表海拉尔区人民政府向大会作工作报告`). A plan or budget report is made "受…委托", never so.
 */
const WORK_REPORT_OPENING_RE = /我代表[^。！？\n]{0,30}?(?:人民政府|国务院)[，,、\s]*向大会(?:作|报告)[^。！？\n]{0,6}?工作/;

/**
 * Turn full-width digits into ASCII digits.
 * @example toAsciiDigits('２０２４年') // '2024年'
 */
export function toAsciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** A numeral `chineseNumber` reads: digits, or a Chinese numeral up to 99 (`十四`, `二十`, `九`). */
const UP_TO_99 = /^(?:\d+|[一二三四五六七八九]?十?[一二三四五六七八九]?)$/;

/**
 * Read a Chinese (or Arabic) numeral up to 99: `十四` → 14, `二` → 2, `12` → 12; null for any other.
 * @example chineseNumber('十四') // 14
 */
export function chineseNumber(numeral: string): number | null {
  return numeral !== '' && UP_TO_99.test(numeral) ? parseNumeral(numeral) : null;
}

/** Years of the sessions of the 1st–5th National People's Congress (irregular); from the 6th on, annual. */
const EARLY_NPC_SESSIONS: Record<number, number[]> = {
  1: [1954, 1955, 1956, 1957, 1958],
  2: [1959, 1960, 1962, 1963],
  3: [1964],
  4: [1975],
  5: [1978, 1979, 1980, 1981, 1982],
};

/**
 * The year a session of the National People's Congress was held (1st–5th NPC from a table; from the 6th
 * NPC, 1983, one session a year, five a term). `null` for a session that did not exist.
 * @example npcSessionYear(14, 3) // 2025
 */
export function npcSessionYear(term: number, session: number): number | null {
  if (session < 1) return null;
  if (term >= 6) return session <= 5 ? 1983 + (term - 6) * 5 + (session - 1) : null;
  return EARLY_NPC_SESSIONS[term]?.[session - 1] ?? null;
}

/** The head of the text with full-width digits made ASCII and spaces inside dates removed. */
function normalizeHead(text: string): string {
  return toAsciiDigits(text.slice(0, HEAD_CHARS))
    .replace(/\r/g, '')
    .replace(new RegExp(`(\\d)${SPACE}+(?=[\\d年月日])`, 'g'), '$1')
    .replace(new RegExp(`([年月])${SPACE}+(?=\\d)`, 'g'), '$1');
}

function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const withoutSpaces = (s: string): string => s.replace(/\s/g, '');

/** A session of a people's congress a report went to: its name as written, its place (as `InferredMeta.place`), its term and number. */
export interface Session {
  body: string;
  place: string;
  term: number | null;
  session: number | null;
}

/**
 * Find the session a text names at its start: `在西藏自治区第十二届人民代表大会第二次会议上…` (in either script;
 * the body and place as written).
 * @example parseSession('在第十四届全国人民代表大会第二次会议上')?.place // '全国'
 * @example parseSession('在西藏自治區第十二屆人民代表大會第三次會議上')?.body // '西藏自治區第十二屆人民代表大會第三次會議'
 */
export function parseSession(text: string): Session | null {
  const compact = written(withoutSpaces(text));
  const m = BODY_RE.exec(compact.key);
  if (!m) return null;
  const place = m[3] || m[1] === '中华人民共和国' ? '全国' : groupText(compact, m, 1);
  const before = BEFORE_BODY_RE.exec(m[0])?.[0].length ?? 0;
  return { body: compact.text.slice(before, m[0].length), place, term: chineseNumber(m[2]), session: chineseNumber(m[5]) };
}

interface Dateline {
  /** Offset of the date in the normalized head. */
  index: number;
  year: number;
  date: string | null;
  session: Session | null;
}

/** The first date in the head that is followed, before any full stop, by a people's congress. */
function findDateline(head: Written): Dateline | null {
  for (const m of head.key.matchAll(DATE_RE)) {
    const from = (m.index ?? 0) + m[0].length;
    const after = sliceOf(head, from, from + 120);
    const compact = withoutSpaces(after.key);
    const congress = compact.search(/人民代表大会/);
    const stop = compact.search(/[。！？]/);
    if (congress < 0 || congress > 60 || (stop >= 0 && stop < congress)) continue;
    const year = yearNumber(m[1]);
    return { index: m.index ?? 0, year, date: isoDate(year, dayNumber(m[2]), dayNumber(m[3])), session: parseSession(after.text) };
  }
  return null;
}

function cleanName(name: string): string {
  return name.replace(/\s/g, '').replace(/同志$/, '');
}

/** A line trimmed, and without the brackets around it: `（自治区代理主席　嘎玛泽登）`. */
const bareLine = (l: string): string => l.trim().replace(/^[(（](.*)[)）]$/, '$1').trim();

/** A day alone: `2025年3月15日`, `二〇二五年三月十九日`. */
const DAY_RE = new RegExp(`^${DATE}$`);

/** The ISO date of a day alone (`DAY_RE`), or null. */
function dayOf(text: string): string | null {
  const m = DAY_RE.exec(text);
  return m ? isoDate(yearNumber(m[1] ?? ''), dayNumber(m[2] ?? ''), dayNumber(m[3] ?? '')) : null;
}

/**
 * The bureaus a communiqué names on the line under its title (joined by 、, in the report's script) and the day
 * it came out, after them or on the next line alone: `某某县统计局　2025年3月15日`, `北京市统计局　国家统计局北京调查总队`
 * then `二〇二五年三月十九日`. Null when no line of the opening is such names.
 */
function findBureaus(head: Written): { names: string; date: string | null } | null {
  const lines = linesOf(head).slice(0, 12).map((l) => ({ keys: l.key.trim().split(/\s+/u), words: l.text.trim().split(/\s+/u) })).filter((l) => l.keys[0] !== '');
  for (const [k, line] of lines.entries()) {
    const day = dayOf(line.keys[line.keys.length - 1] ?? '');
    const names = day === null ? line.keys.length : line.keys.length - 1;
    if (names === 0 || !line.keys.slice(0, names).every(isStatisticsBureau)) continue;
    const next = lines[k + 1]?.keys;
    return { names: line.words.slice(0, names).join('、'), date: day ?? (next?.length === 1 ? dayOf(next[0] ?? '') : null) };
  }
  return null;
}

function findSpeaker(head: Written, dateline: Dateline | null): { name: string; role: string | null } | null {
  const lines = linesOf(head).map((l) => edited(l, bareLine));
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i];
    if (line.key.length === 0 || line.key.length > 40) continue;
    // Both patterns are anchored at the line's ends, so their groups are its first and last characters.
    const m = SPEAKER_LINE_RE.exec(line.key);
    if (m) return { role: line.text.slice(0, m[1].length), name: cleanName(line.text.slice(line.text.length - m[2].length)) };
    const r = ROLE_LINE_RE.exec(line.key);
    const next = lines.slice(i + 1).find((l) => l.key.length > 0);
    if (r && next && NAME_LINE_RE.test(next.key)) return { role: line.text, name: cleanName(next.text) };
  }
  // Only near the dateline (or at the very top): report prose names people too (`毛泽东主席在…`).
  const window = dateline ? sliceOf(head, Math.max(0, dateline.index - 60), dateline.index + 160) : sliceOf(head, 0, 300);
  for (const re of INLINE_SPEAKER_RES) {
    const m = re.exec(window.key);
    if (!m) continue;
    const [role, name] = re === INLINE_SPEAKER_RES[0] ? [1, 2] : [2, 1];
    return { role: groupText(window, m, role), name: cleanName(groupText(window, m, name)) };
  }
  // A bare name on the first line after the dateline: `——1957年6月26日在…会議上` / `周恩来`.
  if (dateline) {
    const after = linesOf(sliceOf(head, dateline.index)).slice(1).map((l) => edited(l, (s) => s.trim())).find((l) => l.key.length > 0);
    if (after && NAME_LINE_RE.test(after.key) && cleanName(after.text).length <= 4) return { role: null, name: cleanName(after.text) };
  }
  return null;
}

function findTitle(head: Written): string | null {
  const lines = linesOf(head).slice(0, 80);
  for (const [at, raw] of lines.entries()) {
    const dateline = raw.key.search(DATELINE_START_RE);
    const line = edited(dateline < 0 ? raw : sliceOf(raw, 0, dateline), withoutSpaces);
    if (line.key.length < 4 || line.key.length > 80) continue;
    if (TITLE_RE.test(line.key) || (YEAR_INSIDE_TITLE_RE.test(line.key) && readsAsTitle(line.key))) {
      return titleBlock(lines, at, line, readsAsTitle, dateline < 0).text;
    }
  }
  return null;
}

/** A title's words, years inside it allowed (`西藏自治区2020年政府工作报告`), at most 80 characters. */
const readsAsTitle = (key: string): boolean => key.length <= 80 && TITLE_RE.test(key.replace(/\d{4}年/gu, ''));

/**
 * The kind of report a title names, in either script, or in English (`englishTypeOfTitle`).
 * @example typeOfTitle('西藏自治区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要') // 'five-year plan'
 * @example typeOfTitle('政府工作報告') // 'government work report'
 */
export function typeOfTitle(title: string): string | null {
  const key = foldToSimplified(title);
  if (/决议/.test(key)) return 'resolution';
  // A statistics bureau's yearly communiqué (国民经济和社会发展统计公报) is no government's gazette.
  if (/统计公报/.test(key)) return 'statistical communiqué';
  if (/公报/.test(key)) return 'gazette';
  if (/政府工作报告/.test(key)) return 'government work report';
  if (/五年规划|五年计划.*纲要|规划.*纲要/.test(key)) return 'five-year plan';
  if (/计划.*(执行情况|草案)/.test(key)) return 'plan report';
  return englishTypeOfTitle(title);
}

/** `政府工作报告` (in the report's script) when the opening says the report is one, else null. */
function openingTitle(head: Written): string | null {
  const m = WORK_REPORT_OPENING_RE.exec(head.key);
  return m ? inScriptOf('政府工作报告', head.text.slice(m.index, m.index + m[0].length)) : null;
}

/** The session a title names: `第十四届全国人民代表大会第三次会议关于政府工作报告的决议`. */
function sessionInTitle(title: string): Session | null {
  const key = foldToSimplified(title);
  const at = key.search(/第[一二三四五六七八九十]+届/);
  return parseSession(at < 0 ? title : title.slice(at));
}

/**
 * Infer title, type, year, date, speaker and session from a report's own text, in simplified or traditional
 * characters (each field as the text writes it). A report without a dateline gets `year: null` rather than a
 * guess (unless its title starts with a year or names an NPC session). Pass `known.title` when the title
 * comes from elsewhere (a collection record).
 * @example inferMeta('政府工作报告\n——2024年1月7日在西藏自治区第十二届人民代表大会第二次会议上\n自治区主席 严金海').issuer // '严金海'
 * @example inferMeta('政府工作報告\n——2024年1月7日在西藏自治區第十二屆人民代表大會第二次會議上').title // '政府工作報告'
 */
export function inferMeta(text: string, known: { title?: string } = {}): InferredMeta {
  const head = written(normalizeHead(text));
  // The language is sampled once, and only when a Chinese title or speaker is missing.
  let language: 'zh' | 'en' | undefined;
  const inEnglish = (): boolean => (language ??= detectLanguage(text)) === 'en';
  // Without a title line, the opening still says what the report is: a bare 政府工作报告 (in the report's
  // script), completed from its year and place by `metaFromInference`.
  const found = known.title
    ? toAsciiDigits(known.title).replace(/\s/g, '')
    : (findTitle(head) ?? openingTitle(head) ?? (inEnglish() ? findEnglishTitle(text) : null));
  const title = found === null ? null : withoutFullTextMark(found);
  const dateline = findDateline(head);
  // A report written in English: its dateline stands where the Chinese one would.
  const english = dateline ? null : findEnglishDateline(text);
  const speaker = findSpeaker(head, dateline) ?? (dateline === null && inEnglish() ? findEnglishSpeaker(text) : null);
  const titleSession = title ? sessionInTitle(title) : null;
  const session = dateline?.session ?? english?.session ?? titleSession;
  const sessionYear = session?.term && session.session && session.place === '全国' ? npcSessionYear(session.term, session.session) : null;
  // A title that starts with its year, in digits or digit by digit in Chinese numerals (`二〇二四年施政报告`).
  const titleYear = title ? TITLE_YEAR_RE.exec(title)?.[1] : undefined;
  const type = title ? typeOfTitle(title) : null;
  // A communiqué is the statistics bureaus': its date the day it came out, and its year that day's (its title names
  // the year it reports on, the year it has without a day).
  const bureaus = type === 'statistical communiqué' ? findBureaus(head) : null;
  return {
    title,
    type,
    year: dateline?.year ?? english?.year ?? sessionYear ?? yearOfDate(bureaus?.date) ?? (titleYear ? yearNumber(titleYear) : null),
    date: dateline?.date ?? english?.date ?? bureaus?.date ?? null,
    issuer: speaker?.name ?? bureaus?.names ?? null,
    issuerRole: speaker?.role ?? null,
    body: session?.body ?? null,
    // Without a session, the opening names whose report it is (`我代表北京市人民政府，向大会报告政府工作`,
    // `On behalf of the Beijing Municipal People's Government, I now report…`).
    place: session?.place ?? reportingGovernment(text)?.place ?? reportingGovernmentInEnglish(text)?.place ?? null,
  };
}

/**
 * `zh` when the text is mainly Chinese, `en` when mainly Latin script.
 * @example detectLanguage('Report on the Work of the Government') // 'en'
 */
export function detectLanguage(text: string): 'zh' | 'en' {
  const sample = text.slice(0, 20000);
  const cjk = (sample.match(/[\u3400-\u9fff]/g) ?? []).length;
  const latin = (sample.match(/[A-Za-z]/g) ?? []).length;
  return cjk * 3 >= latin ? 'zh' : 'en';
}

/**
 * The dateline of a report written in English, read as `infer-meta.ts` reads a Chinese one: the session it was
 * delivered at (`Delivered at the Second Session of the 14th National People's Congress on March 5, 2024`,
 * `…of the Twelfth People's Congress of Tibet Autonomous Region on 7 January 2024`) and its date, or a date
 * standing alone on its line under the title (`March 5, 2024`). A date in the prose (`On March 5, 2024, we…`)
 * is no dateline. The place comes out as the Chinese path gives it (`全国`, `西藏自治区`: `placeFromEnglish`),
 * else as written. Pure; only the head of the text is looked at.
 */
import type { Session } from './infer-meta.js';
import { placeFromEnglish } from './place-from-english.js';

/** How much of the text to look at, as for a Chinese dateline. */
const HEAD_CHARS = 5000;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** A month's name, or its usual abbreviation (`Jan.`, `Sept.`). */
const MONTH = '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?';
/** `March 5, 2024`, `March 5th 2024`, `5 March 2024`, `5th of March, 2024`. */
const DATE_RE = new RegExp(`\\b(?:${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?|(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?)\\s+(\\d{4})\\b`, 'gi');
/** `January 2023`: a month and a year, as a white paper's cover dates it. */
const MONTH_YEAR_RE = new RegExp(`\\b${MONTH}\\s+(\\d{4})\\b`, 'gi');

const ORDINAL = '(\\d{1,2}(?:st|nd|rd|th)|[a-z]+(?:-[a-z]+)?)';
const APOSTROPHE = "['’]";
/**
 * `Second Session of the 14th National People's Congress`, `… of the 12th People's Congress of Tibet Autonomous
 * Region`: the session, the term, the place before `People's Congress` and the place after it.
 */
const SESSION_RE = new RegExp(
  `\\b${ORDINAL}\\s+session\\s+of\\s+the\\s+${ORDINAL}\\s+([^\\n.,;]{0,60}?)\\s*people${APOSTROPHE}s\\s+congress(?:\\s+of\\s+(?:the\\s+)?([^\\n.,;]{2,60}?))?(?=\\s*(?:[,.;:)]|\\n|\\bon\\b|\\bin\\b|\\bheld\\b|$))`,
  'gi',
);

/** How far a date may stand from its session, with no sentence ending between them. */
const NEAR = 80;
/** A sentence ending between a session and a date: a full stop, question or exclamation mark before a space. */
const SENTENCE_END = /[.!?]\s/u;
/** What may stand around a date alone on its line: dashes, brackets, spaces. */
const LINE_FRAME = /^[\s—–\-－(（]*$|^[\s—–\-－)）.]*$/u;

const UNITS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9 };
const TEENS: Record<string, number> = {
  tenth: 10, eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19,
  twentieth: 20, thirtieth: 30,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30 };

/**
 * An English ordinal up to the thirties, in figures or words: `14th` → 14, `Second` → 2, `twenty-first` → 21.
 * @example englishOrdinal('Twelfth') // 12
 */
export function englishOrdinal(ordinal: string): number | null {
  const key = ordinal.toLowerCase();
  const figures = /^(\d{1,2})(?:st|nd|rd|th)$/u.exec(key);
  if (figures) return Number(figures[1]);
  const [tens, unit] = key.split('-');
  if (unit !== undefined) return TENS[tens] !== undefined && UNITS[unit] !== undefined ? TENS[tens] + UNITS[unit] : null;
  return UNITS[key] ?? TEENS[key] ?? null;
}

/** An English date found in the head. */
interface FoundDate {
  start: number;
  end: number;
  year: number;
  date: string | null;
}

/** Every date written in English in a text, in order. */
function datesIn(text: string): FoundDate[] {
  return [...text.matchAll(DATE_RE)].map((m) => {
    const month = MONTHS.findIndex((name) => name.startsWith((m[1] ?? m[4]).toLowerCase())) + 1;
    const day = Number(m[2] ?? m[3]);
    const year = Number(m[5]);
    const valid = day >= 1 && day <= 31;
    const date = valid ? `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` : null;
    return { start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, year, date };
  });
}

/** Every month and year written in English in a text (`January 2023`), in order: a year without a day. */
function monthsIn(text: string): FoundDate[] {
  return [...text.matchAll(MONTH_YEAR_RE)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, year: Number(m[2]), date: null }));
}

/** A session named in English, where it stands in the text. */
interface FoundSession {
  start: number;
  end: number;
  session: Session;
}

/** The sessions of people's congresses a text names, in order (those whose ordinals read as numbers). */
function sessionsIn(text: string): FoundSession[] {
  const found: FoundSession[] = [];
  for (const m of text.matchAll(SESSION_RE)) {
    const session = englishOrdinal(m[1]);
    const term = englishOrdinal(m[2]);
    if (session === null || term === null) continue;
    const before = m[3].trim();
    const after = (m[4] ?? '').trim();
    const written = before === '' ? after : before;
    const place = placeFromEnglish(written) ?? written;
    found.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, session: { body: m[0].replace(/\s+/gu, ' '), place, term, session } });
  }
  return found;
}

/**
 * A session named in English, at the start of the text or anywhere in it; null when none.
 * @example parseEnglishSession("the Second Session of the 14th National People's Congress")?.place // '全国'
 */
export function parseEnglishSession(text: string): Session | null {
  return sessionsIn(text)[0]?.session ?? null;
}

/** True when the text between a session and a date keeps them in one sentence, close together. */
function together(between: string): boolean {
  return between.length <= NEAR && !SENTENCE_END.test(between);
}

/** True when a date stands alone on its line, but for dashes and brackets. */
function aloneOnLine(text: string, date: FoundDate): boolean {
  const lineStart = text.lastIndexOf('\n', date.start - 1) + 1;
  const lineEnd = text.indexOf('\n', date.end);
  const before = text.slice(lineStart, date.start);
  const after = text.slice(date.end, lineEnd < 0 ? text.length : lineEnd);
  return LINE_FRAME.test(before) && LINE_FRAME.test(after);
}

/** What an English dateline says: the year and date (null when it names only a session) and the session. */
export interface EnglishDateline {
  year: number | null;
  date: string | null;
  session: Session | null;
}

/** A line that ends with an article, a preposition or a conjunction runs on: no title-block line ends so. */
const RUNS_ON = /\b(of|the|and|at|in|on|for|to|by)[ \t]*\n[ \t]*(?=\p{L})/giu;

/**
 * The head with each line that ends in a function word joined to the next by a space (of the same length), so that
 * a dateline wrapped after `of` (`…Congress of the People's Republic of` / `China on March 5, 2025`) reads whole.
 * @example unwrapped("People's Republic of\nChina") // "People's Republic of China"
 */
export function unwrapped(head: string): string {
  return head.replace(RUNS_ON, (m, word: string) => `${word}${' '.repeat(m.length - word.length)}`);
}

/**
 * The dateline of a report in English: the first session named in the head with the date in the same sentence,
 * else a date alone on its line (and the first session, if any), else the first session without a date; null
 * when the head has none of them.
 * @example findEnglishDateline("Delivered at the Second Session of the 14th National People's Congress on March 5, 2024")?.date // '2024-03-05'
 * @example findEnglishDateline('Report on the Work of the Government\nJanuary 21, 2024')?.year // 2024
 */
export function findEnglishDateline(text: string): EnglishDateline | null {
  const head = unwrapped(text.slice(0, HEAD_CHARS).replace(/\r/gu, ''));
  const sessions = sessionsIn(head);
  const dates = datesIn(head);
  for (const { start, end, session } of sessions) {
    const date = dates.find((d) => (d.start >= end ? together(head.slice(end, d.start)) : d.end <= start && together(head.slice(d.end, start))));
    if (date) return { year: date.year, date: date.date, session };
  }
  const alone = dates.find((d) => aloneOnLine(head, d)) ?? monthsIn(head).find((d) => aloneOnLine(head, d));
  const session = sessions[0]?.session ?? null;
  if (alone) return { year: alone.year, date: alone.date, session };
  return session ? { year: null, date: null, session } : null;
}

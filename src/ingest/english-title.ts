/**
 * The title of a report written in English, read from its first lines as `infer-meta.ts` reads a Chinese one:
 * a line naming a kind of report (`Report on the Work of the Government`, `Outline of the 14th Five-Year Plan…`,
 * `Resolution on…`), else a first line that reads as a title (a few words, no sentence end, not a date nor a
 * dateline). Pure; only the head of the text is looked at.
 */

/** How many non-empty lines from the top may hold the title. */
const TITLE_LINES = 12;
/** A title is at most this many words. */
const MAX_TITLE_WORDS = 25;
/** The first line stands as a title without naming a kind only when it is this short. */
const MAX_PLAIN_TITLE_WORDS = 12;

/**
 * The kind of report an English title names, as `typeOfTitle` names a Chinese one; null when it names none.
 * @example englishTypeOfTitle('Report on the Work of the Government') // 'government work report'
 * @example englishTypeOfTitle('Report on the Implementation of the 2024 Plan for National Economic and Social Development') // 'plan report'
 */
export function englishTypeOfTitle(title: string): string | null {
  if (/\bresolution\b/i.test(title)) return 'resolution';
  if (/\bstatistical communiqu[eé](?!\p{L})/iu.test(title)) return 'statistical communiqué';
  if (/\b(?:gazette|communiqu[eé])(?!\p{L})/iu.test(title)) return 'gazette';
  if (/\breport on the work of the\b.*\bgovernment\b/i.test(title)) return 'government work report';
  if (/\bfive-year plan\b/i.test(title)) return 'five-year plan';
  if (/\b(?:implementation of the|draft)\b.*\bplan\b/i.test(title)) return 'plan report';
  return null;
}

/** A sentence, a salutation or a label: it ends with a stop or a comma. */
const ENDS_PUNCTUATED = /[.,;:!?]$/u;
/** A dateline: `Delivered at the Second Session of…`. */
const DATELINE_OPENING = /^(?:delivered|adopted|approved|presented|submitted)\b/i;
/** A date that ends its line: a month named, a year last (`March 5, 2024`, `Beijing, 5 March 2024`). */
const ENDS_WITH_DATE = /\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\b.*\b(?:19|20)\d{2}\s*$/iu;
/** A subtitle line: it opens with a dash or a bracket. */
const OPENS_AS_SUBTITLE = /^[—–\-(（]/u;

/** A line that is not a title: a sentence, a dateline, a date, a salutation, a label, a subtitle. */
function notTitle(line: string): boolean {
  return ENDS_PUNCTUATED.test(line) || DATELINE_OPENING.test(line) || ENDS_WITH_DATE.test(line) || OPENS_AS_SUBTITLE.test(line);
}

/**
 * The title of a report in English, or null: among its first lines without Chinese, the first that names a
 * kind of report; else its first line when that reads as a title.
 * @example findEnglishTitle('Report on the Work of the Government\n\nDelivered at…\n\nFellow Deputies,') // 'Report on the Work of the Government'
 */
export function findEnglishTitle(text: string): string | null {
  const lines = text
    .slice(0, 4000)
    .split(/\r\n|\r|\n/u)
    .map((line) => line.replace(/\s+/gu, ' ').trim())
    .filter((line) => line !== '')
    .slice(0, TITLE_LINES);
  const candidates = lines.filter((line) => /\p{Script=Latin}/u.test(line) && !/\p{Script=Han}/u.test(line) && !notTitle(line));
  const words = (line: string): number => line.split(' ').length;
  const named = candidates.find((line) => words(line) <= MAX_TITLE_WORDS && englishTypeOfTitle(line) !== null);
  if (named) return named;
  const first = lines[0];
  return first !== undefined && candidates[0] === first && words(first) <= MAX_PLAIN_TITLE_WORDS ? first : null;
}

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
  if (/\b(?:gazette|communiqu[eé])(?!\p{L})/iu.test(title)) return 'gazette';
  if (/\breport on the work of the\b.*\bgovernment\b/i.test(title)) return 'government work report';
  if (/\bfive-year plan\b/i.test(title)) return 'five-year plan';
  if (/\b(?:implementation of the|draft)\b.*\bplan\b/i.test(title)) return 'plan report';
  return null;
}

/** A line that is not a title: a sentence, a dateline, a date, a salutation, a label and value. */
function notTitle(line: string): boolean {
  return (
    /[.,;:!?]$/u.test(line) ||
    /^(?:delivered|adopted|approved|presented|submitted)\b/i.test(line) ||
    /\b(?:19|20)\d{2}\b\s*$/u.test(line) && /\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\b/i.test(line) ||
    /^[—–\-(（]/u.test(line)
  );
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

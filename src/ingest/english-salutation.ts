/**
 * The salutation that opens an English speech, on a line of its own: `Fellow Deputies,`, `Ladies and gentlemen:`.
 * It is a paragraph of its own although it ends with a comma, in a text's lines (`chunk/rejoin.ts`) and a PDF's
 * (`pdf-blocks.ts`), and it opens the body (`chunk/front.ts`, `english-speaker.ts`). Pure.
 */

/** A turn to the audience that opens a speech. */
const ENGLISH_SALUTATION = /^(?:fellow|dear|distinguished|honou?rable|ladies)\b[\p{L}\s'’]{0,40}[,:!]$/iu;

/**
 * Whether a line is an English speech's salutation.
 * @example isEnglishSalutation('Fellow Deputies,') // true; isEnglishSalutation('On behalf of the State Council,') // false
 */
export function isEnglishSalutation(text: string): boolean {
  return ENGLISH_SALUTATION.test(text);
}

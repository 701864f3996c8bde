/** The unit every segmenter and the analyzer produce. */

/** A term with the range of the ORIGINAL text it came from (UTF-16 code units, end exclusive). */
export interface Token {
  term: string;
  start: number;
  end: number;
}

/** Cuts one script run into tokens; offsets are relative to `run`. Must never throw. */
export type Segmenter = (run: string) => Token[];

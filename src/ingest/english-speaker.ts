/**
 * Who delivered a report written in English, as its title block names them: a name and an office on one line
 * (`Li Qiang, Premier of the State Council`) or on two, either first (`Li Qiang` / `Premier of the State
 * Council`). Only the lines before the body are read (the salutation or the first sentence ends them), so a name
 * in the prose is never taken. Pure; the English counterpart of `findSpeaker` in `infer-meta.ts`.
 */

import { isEnglishSalutation } from './english-salutation.js';

/** The lines read at most, from the top. */
const HEAD_LINES = 30;
/** An office that delivers a report: premier, governor, mayor, chairman of a region's government…, acting or vice. */
const OFFICE = /^(?:(?:acting|executive)\s+)?(?:vice\s+)?(?:premier|governor|mayor|chairman|chairwoman|chairperson|chair|president|chief executive|head|director)\b(?:\s+of\s+[^,;:]{2,80})?$/iu;
/** A word of a person's name in Latin letters, capitalized (`Li`, `Qiang`, `Weizhong`). */
const NAME_WORD = /^\p{Lu}[\p{Ll}'’-]+$/u;
/** Words of a body's or a place's name, never of a person's (`The State Council`, `Guangdong Province`). */
const NOT_A_PERSON = /\b(?:the|state|council|government|people['’]?s?|report|congress|province|region|city|municipal(?:ity)?|committee|office|session)\b/iu;
/** A line that ends a sentence: the body has begun. */
const SENTENCE_END = /[.!?]["'”’)]*$/u;

/**
 * The speaker and their office, or null.
 * @example findEnglishSpeaker('Report on the Work of the Government\n\nLi Qiang\nPremier of the State Council\n\nFellow Deputies,') // { name: 'Li Qiang', role: 'Premier of the State Council' }
 * @example findEnglishSpeaker('Report\n\nFellow Deputies,\nLi Qiang, Premier of the State Council, said…') // null
 */
export function findEnglishSpeaker(text: string): { name: string; role: string } | null {
  const lines: string[] = [];
  for (const raw of text.split('\n', HEAD_LINES * 4)) {
    const line = raw.trim();
    if (line === '') continue;
    if (isEnglishSalutation(line) || SENTENCE_END.test(line) || lines.length === HEAD_LINES) break;
    lines.push(line);
  }
  // A person's name: two to four capitalized words (`Li Qiang`, `Wang Weizhong`).
  const isName = (line: string): boolean => {
    const words = line.split(/\s+/u);
    return words.length >= 2 && words.length <= 4 && words.every((word) => NAME_WORD.test(word)) && !NOT_A_PERSON.test(line);
  };
  for (const [i, line] of lines.entries()) {
    const comma = line.indexOf(',');
    if (comma > 0 && isName(line.slice(0, comma).trim()) && OFFICE.test(line.slice(comma + 1).trim())) {
      return { name: line.slice(0, comma).trim(), role: line.slice(comma + 1).trim() };
    }
    const next = lines[i + 1] ?? '';
    if (isName(line) && OFFICE.test(next)) return { name: line, role: next };
    if (OFFICE.test(line) && isName(next)) return { name: next, role: line };
  }
  return null;
}

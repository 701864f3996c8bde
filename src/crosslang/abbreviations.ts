/**
 * Abbreviations as CC-CEDICT writes them, keyed apart from English words. The reverse index lowercases its
 * keys, so `US` (美国, "United States; USA; US") and the pronoun `us` (我们) were one key, `IT` one with `it`,
 * and `U.S.`, written with points, was a key of its own that only "pro-U.S." (亲美) held. Here an
 * abbreviation is keyed as it is written, in capitals and without points, under ABBREVIATION_PREFIX, by:
 * - a sense that is the abbreviation ("US", "USA", "WTO (World Trade Organization)"; tier 0);
 * - an abbreviation in brackets after the words it abbreviates ("United Kingdom (UK)", "European Union
 *   (EU)"; tier 0), or an item of a comma list ("US Central Intelligence Agency, CIA"; tier 1);
 * - the initials of a proper name ("United Nations" is UN, "United States of America" USA; tier 1);
 * - a word of a short sense that mentions it ("US dollar", "pro-U.S."; tier 2).
 * A key keeps the headwords of its best tier only: one that mentions the United States is something else.
 * Pure: entries and word frequencies in, a table out.
 */
import type { CedictEntry } from './cedict-source.js';
import { type InitialsRule, MAX_KEY_WORDS, type ReverseTable, abbreviates, bestCandidates, isHeadword, rankedTable, skipSense, withoutNotes } from './reverse-index.js';

/** Keys of the abbreviation entries: never an English key (which is lowercase), sorted before them all. */
export const ABBREVIATION_PREFIX = '\u0005';

/** An abbreviation without its points: a capital, then capitals, digits or an ampersand (`US`, `G20`, `R&D`). */
const ABBREVIATION = /^[A-Z][A-Z0-9&]{1,5}$/u;
/** Small words a name holds that give no initial ("Bank of China", "United States of America"). */
const NAME_LINKS = new Set(['of', 'and', 'the', 'for', 'on', 'in']);
/** A sense's first words and the abbreviation in brackets right after them. */
const NOTED = /^([^,:;()]+?)\s*\(([A-Z][A-Z0-9&.]{1,7})\)/u;

/**
 * The key of a word written as an abbreviation, or null: capitals (two at least, or a capital and digits),
 * points left out (`U.S.` and `US` are `US`); a word in lower or title case is none (`us`, `It`).
 * @example abbreviationOf('U.S.') // 'US'
 * @example abbreviationOf('us') // null
 */
export function abbreviationOf(word: string): string | null {
  const bare = word.replace(/\./g, '');
  return ABBREVIATION.test(bare) ? bare : null;
}

/**
 * The keys a query word may be found by, as written first: an abbreviation, then its singular when it ends
 * in a plural's `s` (`SOEs`, `SMEs`: SOE, SME; `SARS` is SARS before SAR). [] for a word that is none.
 * @example abbreviationKeys('SOEs') // ['SOE']
 */
export function abbreviationKeys(word: string): string[] {
  const bare = word.replace(/\./g, '');
  const singular = bare.endsWith('s') ? abbreviationOf(bare.slice(0, -1)) : null;
  return [abbreviationOf(bare), singular].filter((k): k is string => k !== null);
}

/**
 * True when a name defines an abbreviation (Schwartz and Hearst's test, 2003): its letters occur in the
 * name in order, the first one beginning the name (`RMB` of "Renminbi", `SAR` of "special administrative
 * region"); a usage note is none (`UK` of "Parliament", `US` of "income statement").
 * @example definesAbbreviation('RMB', 'Renminbi') // true
 */
export function definesAbbreviation(abbreviation: string, name: string): boolean {
  const letters = abbreviation.toLowerCase().replace(/[^a-z0-9]/g, '');
  const long = name.toLowerCase().trim();
  if (letters === '' || long[0] !== letters[0]) return false;
  let at = long.length - 1;
  for (let k = letters.length - 1; k >= 1; k--) {
    while (at > 0 && long[at] !== letters[k]) at--;
    if (at <= 0) return false;
    at--;
  }
  return true;
}

interface Candidate {
  zh: string;
  tier: number;
  score: number;
}

/** The initials of a proper name's capitalized words ("United Nations" → UN), or null when it is no such name. */
function initialsOf(item: string): string | null {
  const words = item.split(/\s+/).filter((w) => w !== '');
  const named = words.filter((w) => !NAME_LINKS.has(w));
  if (named.length < 2 || named.length > 5 || !named.every((w) => /^\p{Lu}[\p{Ll}'’]+$/u.test(w))) return null;
  return named.map((w) => w[0]).join('');
}

/** A later item that abbreviates the first: its letters initials of the first's words, wherever they begin ("US Central Intelligence Agency, CIA"; `G20`'s one letter too). */
const LATER_ITEM: InitialsRule = { anchored: false, minLetters: 1 };

/** The abbreviations a sense of a headword gives, each with its tier (see the module comment). */
function senseAbbreviations(sense: string, proper: boolean): Array<{ key: string; tier: number }> {
  const trimmed = sense.trim();
  const out: Array<{ key: string; tier: number }> = [];
  // "gross domestic product (GDP)", "special administrative region (SAR), of which there are two …: Hong Kong
  // 香港 and …": the first item's name and note, whatever headwords the rest of the sense cites.
  const noted = NOTED.exec(trimmed);
  const noteKey = noted === null ? null : abbreviationOf(noted[2] ?? '');
  if (noted !== null && noteKey !== null && !skipSense(noted[0]) && definesAbbreviation(noteKey, (noted[1] ?? '').replace(/^(?:the|a|an)\s+/i, ''))) {
    out.push({ key: noteKey, tier: 0 });
  }
  if (trimmed === '' || skipSense(trimmed)) return out;
  const core = withoutNotes(trimmed).replace(/\s+/g, ' ').trim();
  const items = core.split(/[,:]/).map((item) => item.trim().replace(/^(?:the|a|an)\s+/i, ''));
  const first = items[0] ?? '';
  items.forEach((item, i) => {
    const whole = abbreviationOf(item);
    // A later item is the first one's abbreviation ("US Central Intelligence Agency, CIA"), not one of a list
    // ("… involving China, the US, North Korea").
    if (whole !== null && (i === 0 || abbreviates(whole, first.toLowerCase().split(/[\s-]+/), LATER_ITEM))) out.push({ key: whole, tier: i === 0 && items.length === 1 ? 0 : 1 });
    else if (whole === null && i === 0 && proper) {
      const initials = initialsOf(item);
      if (initials !== null && initials.length >= 2) out.push({ key: initials, tier: 1 });
    }
  });
  const words = first.split(/[\s-]+/).filter((w) => w !== '');
  if (words.length >= 2 && words.length <= MAX_KEY_WORDS) {
    for (const word of words) {
      const key = abbreviationOf(word);
      if (key !== null) out.push({ key, tier: 2 });
    }
  }
  return out;
}

/**
 * A key's candidates of its best tier only, frequent and early first: a headword that a sense names by the
 * abbreviation hides the ones whose name only has its initials (山姆大叔, "Uncle Sam", for US), and those
 * hide the ones that mention it (美元, "US dollar").
 */
function rank(candidates: Candidate[]): string[] {
  const best = candidates.reduce((low, c) => Math.min(low, c.tier), Infinity);
  return bestCandidates(candidates.filter((c) => c.tier === best).sort((a, b) => b.score - a.score));
}

/**
 * Headwords by the abbreviations their senses give, keyed ABBREVIATION_PREFIX + the abbreviation as
 * `abbreviationOf` writes it; ranked by tier, then jieba frequency and the sense's place.
 * @example abbreviationEntries([{ traditional: '美國', simplified: '美国', pinyin: 'Mei3 guo2', senses: ['United States; USA; US'] }], new Map()).get('\u0005US') // ['美国']
 */
export function abbreviationEntries(entries: readonly CedictEntry[], frequencies: Map<string, number>): ReverseTable {
  const byKey = new Map<string, Candidate[]>();
  for (const entry of entries) {
    const zh = entry.simplified;
    if (!isHeadword(zh)) continue;
    const proper = /^[A-Z]/.test(entry.pinyin);
    const weight = Math.log10((frequencies.get(zh) ?? 0) + 10);
    entry.senses.flatMap((sense) => sense.split(/;\s*/)).forEach((sense, senseIndex) => {
      for (const { key, tier } of senseAbbreviations(sense, proper)) {
        const list = byKey.get(ABBREVIATION_PREFIX + key) ?? [];
        list.push({ zh, tier, score: weight / (1 + 0.5 * senseIndex) });
        byKey.set(ABBREVIATION_PREFIX + key, list);
      }
    });
  }
  return rankedTable(byKey, rank);
}

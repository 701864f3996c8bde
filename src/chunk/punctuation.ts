/**
 * Character classes the chunker reasons with: which characters end a sentence, which belong to
 * scripts written without spaces, and what goes between two lines when they are rejoined.
 */

/** Characters that end a sentence or a clause a line may stop at (Chinese and Western forms). */
const TERMINAL = new Set(['。', '！', '？', '!', '?', '；', ';', '：', ':', '…', '.', '．', '｡']);
/** Characters that end a sentence strongly enough to split a long paragraph after them. */
const SENTENCE_END = new Set(['。', '！', '？', '!', '?', '｡']);
/** Closing quotes and brackets that may follow a sentence end and belong to the same sentence. */
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '】', '》', '〉', '"', "'", '］', ']']);
/** Opening → closing pairs tracked to avoid splitting inside a quotation or a bracket. */
const PAIRS: ReadonlyMap<string, string> = new Map([
  ['“', '”'],
  ['‘', '’'],
  ['「', '」'],
  ['『', '』'],
  ['（', '）'],
  ['(', ')'],
  ['【', '】'],
  ['《', '》'],
  ['〈', '〉'],
]);

const NO_SPACE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u;
/**
 * CJK symbols and punctuation, full-width forms, the punctuation Chinese text borrows (“”—…·), and the
 * enclosed numbers and shapes it writes without spaces (⑴ ① ○ as the zero of 二○○○, ■ ●).
 */
const CJK_PUNCTUATION = /[\u3000-\u303f\uff00-\uffef\u2010-\u206f\u00b7\ufe30-\ufe4f\u2460-\u24ff\u25a0-\u25ff]/u;

/**
 * Whether a character is written without spaces around it: a CJK ideograph or kana/hangul, or CJK or
 * full-width punctuation (including the “” quotes and dashes Chinese text uses).
 * @example isNoSpaceChar('中') // true; isNoSpaceChar('a') // false
 */
function isNoSpaceChar(ch: string): boolean {
  return NO_SPACE_SCRIPT.test(ch) || CJK_PUNCTUATION.test(ch);
}

/**
 * What to put between two rejoined pieces of text: nothing when either side is CJK (ideograph or CJK
 * punctuation); nothing inside a number or word the wrap cut (`3` + `000`, `6.` + `1%`, `5` + `%`,
 * `13` + `.5`, `eco-` + `tourism`); one space otherwise, where Latin words meet (two words, a number and a word).
 * @example joinSeparator('同', '志') // ''; joinSeparator('2023', 'GDP') // ' '; joinSeparator('增长6.', '1%') // ''
 */
export function joinSeparator(before: string, after: string): string {
  const last = lastChar(before);
  const first = firstChar(after);
  if (last === '' || first === '') return '';
  if (isNoSpaceChar(last) || isNoSpaceChar(first)) return '';
  const cut = (CUT_NUMBER.test(before.slice(-2)) && /^[0-9]/u.test(first)) || CUT_AFTER.test(last + after.slice(0, 2)) || cutsEmbeddedWord(before, after);
  return cut ? '' : ' ';
}

/**
 * A Latin word, number or code inside Chinese text cut by the wrap: a run without spaces that has CJK
 * (or the text's edge) right before its first part and right after its second, one side at least CJK
 * (`（P` + `M2.5）`, `完成"` + `9070"目标`): it never had a space in it.
 */
function cutsEmbeddedWord(before: string, after: string): boolean {
  const head = runEdge(Array.from(before.slice(-40)).reverse());
  const tail = runEdge(Array.from(after.slice(0, 40)));
  return head !== 'space' && tail !== 'space' && (head === 'cjk' || tail === 'cjk');
}

/** What ends the run of Latin characters at the start of `chars`: CJK, a space, or the edge of the text. */
function runEdge(chars: readonly string[]): 'cjk' | 'space' | 'edge' {
  for (const ch of chars) {
    if (/\s/u.test(ch)) return 'space';
    if (isNoSpaceChar(ch)) return 'cjk';
  }
  return 'edge';
}

/** A number cut after a digit or after its decimal point or thousands comma (`6.`, `3,`). */
const CUT_NUMBER = /(?:[0-9]|[0-9][.,])$/u;
/** A digit before a unit sign or a decimal point (`13` + `.5`), or a word hyphenated at the line end. */
const CUT_AFTER = /^(?:[0-9][%‰°℃]|[0-9][.,][0-9]|-[A-Za-z0-9])/u;

/**
 * Whether a line ends a sentence or clause (。！？；： and Western forms, possibly followed by closing
 * quotes or brackets). A line that does not is cut mid-sentence.
 * A bracketed aside after a sentence end (`…依据。（热烈鼓掌）`) still ends it.
 * @example endsSentence('志提出意见。') // true; endsSentence('列席的同') // false; endsSentence('（户）') // false
 */
export function endsSentence(text: string): boolean {
  const chars = Array.from(text.trimEnd());
  let i = chars.length - 1;
  while (i >= 0 && (CLOSERS.has(chars[i]) || INVISIBLE.test(chars[i]))) i--;
  if (i >= 0 && TERMINAL.has(chars[i])) return true;
  const aside = TRAILING_ASIDE.exec(text.trimEnd());
  return aside !== null && TERMINAL.has(aside[1]);
}

/** A bracketed aside after a sentence: `…依据。（热烈鼓掌）`; group 1 is the character before it. */
const TRAILING_ASIDE = /(.)[（(][^（()）]{1,20}[)）][\p{Cf}\p{Co}]*$/u;

/**
 * Offsets just after each sentence end (。！？ and trailing closers) in `text`. With `topLevelOnly`, only
 * ends outside any quotation or bracket count. With `clauses`, semicolons count as ends too.
 * @example sentenceEnds('甲。乙“丙。”丁。', { topLevelOnly: true }) // [2, 7]
 */
export function sentenceEnds(text: string, options: { topLevelOnly?: boolean; clauses?: boolean } = {}): number[] {
  const ends: number[] = [];
  const stack: string[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (PAIRS.has(ch)) stack.push(PAIRS.get(ch) ?? '');
    else if (stack.length > 0 && ch === stack[stack.length - 1]) stack.pop();
    const isEnd = SENTENCE_END.has(ch) || (options.clauses === true && (ch === '；' || ch === ';'));
    if (isEnd) {
      let j = i + 1;
      while (j < text.length && (SENTENCE_END.has(text[j]) || CLOSERS.has(text[j]))) {
        if (stack.length > 0 && text[j] === stack[stack.length - 1]) stack.pop();
        j++;
      }
      if (j < text.length && (!options.topLevelOnly || stack.length === 0)) ends.push(j);
      i = j;
      continue;
    }
    i++;
  }
  return ends;
}

/**
 * Whether a line reads like running prose (has clause punctuation or is long), as opposed to a title,
 * a name or a label.
 * @example looksLikeProse('加强顶层设计，以应用为') // true; looksLikeProse('编辑委员会') // false
 */
export function looksLikeProse(text: string): boolean {
  return /[，、。；：“”,;]/u.test(text) || Array.from(text).length >= 24;
}

/**
 * Whether a text contains at least one Chinese ideograph.
 * @example hasHan('2025') // false; hasHan('第1期') // true
 */
export function hasHan(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}

function lastChar(s: string): string {
  const chars = Array.from(s);
  return chars.length > 0 ? chars[chars.length - 1] : '';
}

function firstChar(s: string): string {
  const first = s.codePointAt(0);
  return first === undefined ? '' : String.fromCodePoint(first);
}

/** Format and private-use characters: invisible, and no evidence of anything. */
const INVISIBLE = /^[\p{Cf}\p{Co}]$/u;

/**
 * Whether a (trimmed) line holds only invisible characters, such as a lone zero-width space.
 * @example isInvisible('\u200b') // true; isInvisible('甲') // false
 */
export function isInvisible(text: string): boolean {
  return /^[\p{Cf}\p{Co}\s]+$/u.test(text);
}

/** Characters no sentence or title starts with: a line opening with one continues the line before. */
const CONTINUATION_START = /^[、，,。．；;：:！？!?）)】》〉”’」』…％%]/u;

/**
 * Whether a line starts in the middle of a sentence (with a comma, a closing bracket or quote…).
 * @example startsMidSentence('、法规') // true; startsMidSentence('（RCEP）生效实施') // false
 */
export function startsMidSentence(text: string): boolean {
  return CONTINUATION_START.test(text);
}

/**
 * A static audit of the regular expressions in `src/`: every regex literal, and every `RegExp(…)` whose
 * pattern can be computed from string constants of its file, checked for the shapes that make a
 * backtracking engine take exponential time: a repeated group that itself contains a repetition
 * (`(a+)+`, `(?:\s*x)*`), and an unbounded repeated group with alternatives (`(a|ab)*`).
 *
 * The project's TypeScript (7, native) has no JavaScript compiler API, so the source is scanned here: a
 * small tokenizer that knows comments, strings, template literals and where a `/` starts a regex.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface FoundRegex {
  /** Path relative to the repository root, with its line. */
  where: string;
  /** The pattern, or null when it could not be computed from constants. */
  pattern: string | null;
  /** The source text, for messages. */
  source: string;
}

export interface RegexRisk {
  kind: 'nested quantifier' | 'quantified alternation';
  /** The repeated group, as written. */
  group: string;
}

/** Every `.ts` file under `dir`, recursively. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.isFile() && e.name.endsWith('.ts') ? [full] : [];
  });
}

/** Index just past the string literal opening at `i`. */
function skipString(text: string, i: number): number {
  const quote = text[i];
  let j = i + 1;
  while (j < text.length && text[j] !== quote) j += text[j] === '\\' ? 2 : 1;
  return j + 1;
}

/** Index just past the template literal opening at `i` (substitutions skipped with their nesting). */
function skipTemplate(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length && text[j] !== '`') {
    if (text[j] === '\\') j += 2;
    else if (text[j] === '$' && text[j + 1] === '{') j = skipBalanced(text, j + 1);
    else j += 1;
  }
  return j + 1;
}

/** Index just past the bracket that closes the one at `open` (`(`, `[` or `{`), strings and templates skipped. */
function skipBalanced(text: string, open: number): number {
  let depth = 0;
  let j = open;
  while (j < text.length) {
    const c = text[j] ?? '';
    if (c === '"' || c === "'") j = skipString(text, j);
    else if (c === '`') j = skipTemplate(text, j);
    else {
      if ('([{'.includes(c)) depth += 1;
      if (')]}'.includes(c)) depth -= 1;
      j += 1;
      if (depth === 0) return j;
    }
  }
  return j;
}

/** Index just past the closing `/` of the regex literal opening at `i` (flags not included). */
function skipRegex(text: string, i: number): number {
  let j = i + 1;
  let inClass = false;
  while (j < text.length && (text[j] !== '/' || inClass)) {
    if (text[j] === '\\') j += 1;
    else if (text[j] === '[') inClass = true;
    else if (text[j] === ']') inClass = false;
    j += 1;
  }
  return j + 1;
}

const REGEX_AFTER = new Set(['', '(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^']);
const REGEX_AFTER_WORDS = new Set(['return', 'typeof', 'case', 'of', 'in', 'void', 'yield', 'await', 'else', 'do', 'new', 'delete', 'throw']);

/** Regex literals (pattern as written), `RegExp(` argument texts, and `const` initialiser texts of a file. */
function scan(text: string): { literals: Array<[number, string]>; calls: Array<[number, string]>; constants: Map<string, string> } {
  const literals: Array<[number, string]> = [];
  const calls: Array<[number, string]> = [];
  const constants = new Map<string, string>();
  let prev = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? '';
    if (c === '/' && text[i + 1] === '/') i = text.indexOf('\n', i) === -1 ? text.length : text.indexOf('\n', i);
    else if (c === '/' && text[i + 1] === '*') i = text.indexOf('*/', i + 2) + 2;
    else if (c === '"' || c === "'") [i, prev] = [skipString(text, i), ')'];
    else if (c === '`') [i, prev] = [skipTemplate(text, i), ')'];
    else if (c === '/' && (REGEX_AFTER.has(prev) || REGEX_AFTER_WORDS.has(prev))) {
      const j = skipRegex(text, i) - 1;
      literals.push([i, text.slice(i + 1, j)]);
      i = j + 1;
      while (/[a-z]/.test(text[i] ?? '')) i += 1;
      prev = ')';
    } else if (/[A-Za-z_$]/.test(c)) {
      const word = /^[\w$]+/.exec(text.slice(i, i + 80))?.[0] ?? c;
      const after = text.slice(i + word.length).match(/^\s*/)?.[0].length ?? 0;
      if (word === 'RegExp' && text[i + word.length + after] === '(') {
        const open = i + word.length + after;
        calls.push([i, firstArgument(text.slice(open + 1, skipBalanced(text, open) - 1))]);
      }
      if (word === 'const') {
        const decl = /^const\s+([\w$]+)\s*(?::[^=;]+)?=\s*/.exec(text.slice(i, i + 200));
        if (decl?.[1]) constants.set(decl[1], untilSemicolon(text, i + decl[0].length));
      }
      prev = REGEX_AFTER_WORDS.has(word) ? word : ')';
      i += word.length;
    } else {
      if (!/\s/.test(c)) prev = /[\d)\]]/.test(c) ? ')' : c;
      i += 1;
    }
  }
  return { literals, calls, constants };
}

/** The text of a call's first argument. */
function firstArgument(args: string): string {
  let j = 0;
  while (j < args.length && args[j] !== ',') {
    const c = args[j] ?? '';
    if (c === '"' || c === "'") j = skipString(args, j);
    else if (c === '`') j = skipTemplate(args, j);
    else if ('([{'.includes(c)) j = skipBalanced(args, j);
    else j += 1;
  }
  return args.slice(0, j).trim();
}

/** An initialiser's text, up to the `;` or line end that ends it. */
function untilSemicolon(text: string, start: number): string {
  let j = start;
  while (j < text.length && text[j] !== ';' && text[j] !== '\n') {
    const c = text[j] ?? '';
    if (c === '"' || c === "'") j = skipString(text, j);
    else if (c === '`') j = skipTemplate(text, j);
    else if ('([{'.includes(c)) j = skipBalanced(text, j);
    else j += 1;
  }
  return text.slice(start, j).trim();
}

/** The value of a JavaScript string escape body (`\\` + …) and its length in the source. */
function cook(raw: string): string {
  return raw.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[\s\S])/g, (_m, e: string) => {
    if (e.startsWith('u{')) return String.fromCodePoint(parseInt(e.slice(2, -1), 16));
    if (e[0] === 'u' && e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16));
    if (e[0] === 'x' && e.length === 3) return String.fromCharCode(parseInt(e.slice(1), 16));
    return ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' } as Record<string, string>)[e] ?? e;
  });
}

/** The string an expression of literals, templates, `+` and constants evaluates to; null if unknown. */
function evaluate(expr: string, constants: Map<string, string>, depth = 0): string | null {
  const e = expr.trim().replace(/\s+as\s+const$/, '');
  if (depth > 20 || e === '') return null;
  const parts: string[] = [];
  let j = 0;
  while (j < e.length) {
    const c = e[j] ?? '';
    let end = j + 1;
    if (c === '"' || c === "'") end = skipString(e, j);
    else if (c === '`') end = skipTemplate(e, j);
    else if (c === '(') end = skipBalanced(e, j);
    else if (/[\w$]/.test(c)) end = j + (/^[\w$]+/.exec(e.slice(j))?.[0].length ?? 1);
    else if (/[\s+]/.test(c)) {
      j += 1;
      continue;
    } else return null;
    parts.push(e.slice(j, end));
    j = end;
  }
  let out = '';
  for (const part of parts) {
    const value = valueOf(part, constants, depth);
    if (value === null) return null;
    out += value;
  }
  return out;
}

function valueOf(part: string, constants: Map<string, string>, depth: number): string | null {
  const c = part[0];
  if (c === '"' || c === "'") return cook(part.slice(1, -1));
  if (c === '(') return evaluate(part.slice(1, -1), constants, depth + 1);
  if (c === '`') {
    let out = '';
    let j = 1;
    let literal = '';
    while (j < part.length - 1) {
      if (part[j] === '\\') {
        literal += part.slice(j, j + 2);
        j += 2;
      } else if (part[j] === '$' && part[j + 1] === '{') {
        const end = skipBalanced(part, j + 1);
        const value = evaluate(part.slice(j + 2, end - 1), constants, depth + 1);
        if (value === null) return null;
        out += cook(literal) + value;
        literal = '';
        j = end;
      } else literal += part[j++];
    }
    return out + cook(literal);
  }
  const init = constants.get(part);
  return init === undefined ? null : evaluate(init, constants, depth + 1);
}

/**
 * The regular expressions of one file.
 * @example findRegexes('/work/main/src/server/schema.ts', '/work/main')[0]?.pattern // '^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$'
 */
export function findRegexes(file: string, root: string): FoundRegex[] {
  const text = readFileSync(file, 'utf8');
  const lineOf = (index: number): number => text.slice(0, index).split('\n').length;
  const where = (index: number): string => `${path.relative(root, file)}:${lineOf(index)}`;
  const { literals, calls, constants } = scan(text);
  return [
    ...literals.map(([at, pattern]) => ({ where: where(at), pattern, source: `/${pattern}/` })),
    ...calls.map(([at, arg]) => ({ where: where(at), pattern: evaluate(arg, constants), source: `RegExp(${arg})` })),
  ];
}

interface Group {
  start: number;
  alternation: boolean;
  /** Some quantifier inside can repeat without bound. */
  unbounded: boolean;
}

/** Length of the escape starting at `i` (a backslash): 2 for `\d`, 6 for `\u4e00`, 15 for `\p{Script=Han}`. */
function escapeLength(p: string, i: number): number {
  const c = p[i + 1] ?? '';
  if ((c === 'u' || c === 'p' || c === 'P') && p[i + 2] === '{') return p.indexOf('}', i) - i + 1;
  if (c === 'k' && p[i + 2] === '<') return p.indexOf('>', i) - i + 1;
  if (c === 'u') return 6;
  if (c === 'x') return 4;
  if (c === 'c') return 3;
  return 2;
}

/** The quantifier at `i`, if any: its length, whether it repeats, and whether without bound. */
function quantifierAt(p: string, i: number): { length: number; repeats: boolean; unbounded: boolean } | null {
  const c = p[i];
  let q: { length: number; repeats: boolean; unbounded: boolean } | null = null;
  if (c === '*' || c === '+') q = { length: 1, repeats: true, unbounded: true };
  else if (c === '?') q = { length: 1, repeats: false, unbounded: false };
  else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(p.slice(i, i + 24));
    if (m) {
      const max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
      q = { length: m[0].length, repeats: max > 1, unbounded: max === Infinity };
    }
  }
  if (q && p[i + q.length] === '?') q.length += 1;
  return q;
}

/**
 * The risky shapes in a pattern: a repeated group containing a quantifier that repeats without bound, and
 * an unboundedly repeated group with alternatives.
 * @example risksOf('^(a+)+$') // [{ kind: 'nested quantifier', group: '(a+)' }]
 */
export function risksOf(pattern: string): RegexRisk[] {
  const risks: RegexRisk[] = [];
  const stack: Group[] = [{ start: 0, alternation: false, unbounded: false }];
  const top = (): Group => stack[stack.length - 1] as Group;
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    let atomEnd = i + 1;
    let closed: Group | null = null;
    if (c === '\\') atomEnd = i + escapeLength(pattern, i);
    else if (c === '[') {
      let j = i + 1;
      if (pattern[j] === '^') j += 1;
      if (pattern[j] === ']') j += 1;
      while (j < pattern.length && pattern[j] !== ']') j += pattern[j] === '\\' ? escapeLength(pattern, j) : 1;
      atomEnd = j + 1;
    } else if (c === '(') {
      stack.push({ start: i, alternation: false, unbounded: false });
      i += 1;
      continue;
    } else if (c === ')') {
      closed = stack.length > 1 ? (stack.pop() ?? null) : null;
    } else if (c === '|') {
      top().alternation = true;
      i += 1;
      continue;
    }
    const q = quantifierAt(pattern, atomEnd);
    if (closed) {
      const group = pattern.slice(closed.start, atomEnd);
      if (q?.repeats && closed.unbounded) risks.push({ kind: 'nested quantifier', group });
      if (q?.unbounded && closed.alternation) risks.push({ kind: 'quantified alternation', group });
      if (closed.unbounded || q?.unbounded) top().unbounded = true;
    } else if (q?.unbounded) top().unbounded = true;
    i = atomEnd + (q?.length ?? 0);
  }
  return risks;
}

/** `text` with every character but line breaks replaced by spaces (same length, same lines). */
function blank(text: string): string {
  return text.replace(/[^\n]/g, ' ');
}

/**
 * The source with comments, string literals, template text and regex literals blanked (same length and
 * lines), so that what remains is code; the code inside a template's `${…}` is kept.
 * @example blankNonCode('f("a...b") // x') // 'f(       )     '
 */
export function blankNonCode(text: string): string {
  let out = '';
  let prev = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? '';
    let end = i + 1;
    if (c === '/' && text[i + 1] === '/') end = text.indexOf('\n', i) === -1 ? text.length : text.indexOf('\n', i);
    else if (c === '/' && text[i + 1] === '*') end = text.indexOf('*/', i + 2) + 2;
    else if (c === '"' || c === "'") end = skipString(text, i);
    else if (c === '/' && (REGEX_AFTER.has(prev) || REGEX_AFTER_WORDS.has(prev))) {
      end = skipRegex(text, i);
    } else if (c === '`') {
      end = skipTemplate(text, i);
      // Blank the template's text, keep (and blank within) the code of its substitutions.
      let t = '`';
      for (let j = i + 1; j < end - 1; ) {
        if (text[j] === '$' && text[j + 1] === '{') {
          const close = skipBalanced(text, j + 1);
          t += `\${${blankNonCode(text.slice(j + 2, close - 1))}}`;
          j = close;
        } else {
          t += text[j] === '\\' ? blank(text.slice(j, j + 2)) : blank(text[j] ?? '');
          j += text[j] === '\\' ? 2 : 1;
        }
      }
      out += `${t}\``;
      prev = ')';
      i = end;
      continue;
    }
    if (end > i + 1 || c === '"' || c === "'") {
      out += c === '/' && text[i + 1] !== '/' && text[i + 1] !== '*' ? `/${blank(text.slice(i + 1, end - 1))}/` : blank(text.slice(i, end));
      prev = ')';
    } else {
      out += c;
      if (/[A-Za-z_$]/.test(c)) {
        const word = /^[\w$]+/.exec(text.slice(i, i + 80))?.[0] ?? c;
        out += text.slice(i + 1, i + word.length);
        prev = REGEX_AFTER_WORDS.has(word) ? word : ')';
        end = i + word.length;
      } else if (!/\s/.test(c)) prev = /[\d)\]]/.test(c) ? ')' : c;
    }
    i = end;
  }
  return out;
}

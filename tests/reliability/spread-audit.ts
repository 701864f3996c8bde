/**
 * A static audit of spread arguments in `src/`: every `f(...xs)` or `new F(...xs)`, where `xs` becomes one
 * argument a element. V8 puts arguments on the stack, so spreading an array of more than ~100k elements
 * throws `RangeError: Maximum call stack size exceeded`. Rest parameters (`(...args) =>`), array and object
 * spreads (`[...xs]`, `{...o}`) are not calls and are not reported.
 *
 * The source is read as the regex audit reads it: comments, strings, template text and regex literals are
 * blanked first, so that a `...` in them is not code.
 */
import { blankNonCode } from './regex-audit.js';

export interface FoundSpread {
  /** Path relative to the repository root, with its line. */
  where: string;
  /** What is called, as written (`ranges.push`, `Math.max`, `new Uint32Array`). */
  callee: string;
  /** The spread expression, as written after the `...`. */
  spread: string;
}

/** The index of the bracket that closes the one at `open` in blanked code, or -1. */
function closing(code: string, open: number): number {
  let depth = 0;
  for (let j = open; j < code.length; j++) {
    const c = code[j] ?? '';
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c) && --depth === 0) return j;
  }
  return -1;
}

/** The innermost bracket still open at `at`, or -1. */
function enclosing(code: string, at: number): number {
  const open: number[] = [];
  for (let j = 0; j < at; j++) {
    const c = code[j] ?? '';
    if ('([{'.includes(c)) open.push(j);
    else if (')]}'.includes(c)) open.pop();
  }
  return open[open.length - 1] ?? -1;
}

/** The callee before the `(` at `open` (a dotted name, with `new`), or null when the parenthesis is no call. */
function calleeBefore(code: string, open: number): string | null {
  const head = code.slice(Math.max(0, open - 200), open);
  const name = /(new\s+)?([\w$]+(?:\s*\??\.\s*[\w$]+)*)\s*(?:<[^<>()]*>)?\s*$/.exec(head);
  if (!name?.[2] || /^(if|for|while|switch|catch|return|typeof|await|function)$/.test(name[2])) return null;
  if (/\bfunction\s*\*?\s*$/.test(head.slice(0, name.index))) return null; // function f(...args)
  return (name[1] ? 'new ' : '') + name[2].replace(/\s+/g, '');
}

/**
 * The spread arguments of calls in a file's source.
 * @example findSpreadCalls('a.push(...b); const f = (...r) => [...r];', 'x.ts') // [{ where: 'x.ts:1', callee: 'a.push', spread: 'b' }]
 */
export function findSpreadCalls(source: string, where: string): FoundSpread[] {
  const code = blankNonCode(source);
  const found: FoundSpread[] = [];
  for (let at = code.indexOf('...'); at !== -1; at = code.indexOf('...', at + 3)) {
    const open = enclosing(code, at);
    if (open === -1 || code[open] !== '(') continue;
    const close = closing(code, open);
    // A parameter list: followed by `=>` or a body, or its rest parameter has a type (`...args: T[]`).
    if (/^\s*(=>|\{)/.test(code.slice(close + 1, close + 40))) continue;
    const rest = code.slice(at + 3, close);
    if (/^\s*[\w$]+\s*\??\s*:/.test(rest)) continue;
    const callee = calleeBefore(code, open);
    if (callee === null) continue;
    let end = 0;
    let depth = 0;
    while (end < rest.length && !(depth === 0 && rest[end] === ',')) {
      if ('([{'.includes(rest[end] ?? '')) depth++;
      if (')]}'.includes(rest[end] ?? '')) depth--;
      end++;
    }
    found.push({ where: `${where}:${code.slice(0, at).split('\n').length}`, callee, spread: source.slice(at + 3, at + 3 + end).trim() });
  }
  return found;
}

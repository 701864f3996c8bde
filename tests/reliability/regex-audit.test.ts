/**
 * No regular expression in src/ can backtrack catastrophically: the audit (`regex-audit.ts`) finds every
 * regex literal and every RegExp built from constants, and flags repeated groups that contain a repetition
 * or alternatives. Each flagged pattern has been reviewed; the reason it is safe is written next to it, and
 * a new one fails this test until someone reviews it too.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRegexes, risksOf, sourceFiles } from './regex-audit.js';
import { REPO_ROOT } from './helpers.js';

/** Flagged patterns that are safe, and why. Keyed by file and pattern (not line, which moves). */
const REVIEWED: Record<string, string> = {
  "src/crosslang/english.ts /(?:\\p{Script=Latin}{1,2}\\.)+\\p{Script=Latin}{1,2}(?![\\p{Script=Latin}\\p{Nd}])|[\\p{Script=Latin}\\p{Nd}]+(?:(?:[&'’]|(?<=\\p{Nd})[.,](?=\\p{Nd}))[\\p{Script=Latin}\\p{Nd}]+)*/":
    'abbreviations: each repetition is one or two letters ending with a point, which letters cannot match; words: each repetition must start with & or an apostrophe, or a point or comma between digits, which the inner class cannot match: one way to match each, linear',
  "src/crosslang/reverse-index.ts /^(\\p{Lu}[\\p{L}\\p{N}'’-]*(?: (?:\\p{Lu}[\\p{L}\\p{N}'’-]*|of|the|and|de))*) or (\\p{Lu}[\\p{L}\\p{N}'’-]*(?: (?:\\p{Lu}[\\p{L}\\p{N}'’-]*|of|the|and|de))*)$/":
    'each repetition must start with a space, which the word classes cannot match, and its alternatives begin with a capital or are fixed lower-case words, never "or": one way to match, linear',
  'src/search/section-label.ts /^[\\dIVXLC]*(?:\\([\\dIVXLC]+\\))*$/':
    'each repetition must start with "(", which the number class before it cannot match, and end with ")": one way to match, linear',
  'src/crosslang/reverse-index.ts /\\([^()]*(?:\\([^()]*\\)[^()]*)*\\)/':
    'each repetition must start with "(", which [^()] cannot match: one way to match, linear',
  'src/ingest/manifest.ts /^[a-z0-9]+(?:-[a-z0-9]+)*$/':
    'each repetition must start with "-", which [a-z0-9] cannot match: one way to match, linear',
  "src/ingest/pdf-fit.ts /^[“‘\"'《〈（(【「『[]*(?:[\\p{Script=Latin}\\p{N}](?:[\\p{Script=Latin}\\p{N}'’]|[.,-](?=\\p{N})|&(?=\\p{Script=Latin}))*-?|.)[，。、；：！？,.;:!?”’\"'》〉）)】」』\\]%‰]*/":
    'the repeated group takes one character: a letter, digit or apostrophe, or else a point, comma or hyphen before a digit, or an ampersand before a letter; the classes are disjoint, and the optional hyphen after cannot be one the group took (that one needed a digit next): one way to match, linear',
  'src/ingest/pdf-blocks.ts /^(?:图|表|附图|附表|Figure|Fig\\.|Table)\\s*[0-9０-９一二三四五六七八九十]+(?:[-.．—][0-9０-９]+)*(?:\\s|[：:.．、]|$)/':
    'each repetition must start with a separator (- . ．—), which the digit class cannot match: one way to match, linear',
  'src/ingest/infer-meta.ts /^[\\u4e00-\\u9fff](?:[ \\t\\u00a0\\u2002\\u2003\\u3000]*[\\u4e00-\\u9fff·]){1,5}$/':
    'the outer repetition is bounded (at most 5) and spaces and CJK characters are disjoint: one way to match',
};

const all = sourceFiles(path.join(REPO_ROOT, 'src')).flatMap((file) => findRegexes(file, REPO_ROOT));
const keyOf = (where: string, pattern: string): string => `${where.replace(/:\d+$/, '')} /${pattern}/`;

describe('the regex audit', () => {
  it('recognises the shapes that backtrack catastrophically, and passes the safe ones', () => {
    expect(risksOf('^(a+)+$')).toEqual([{ kind: 'nested quantifier', group: '(a+)' }]);
    expect(risksOf('^(?:\\s*\\w)*$')).toEqual([{ kind: 'nested quantifier', group: '(?:\\s*\\w)' }]);
    expect(risksOf('(a|ab)*c')).toEqual([{ kind: 'quantified alternation', group: '(a|ab)' }]);
    expect(risksOf('^(\\d{1,3}){2,}x')).toEqual([]);
    expect(risksOf('((a+)b){3}')).toEqual([{ kind: 'nested quantifier', group: '((a+)b)' }]);
    for (const safe of ['^[a-z]+$', '(\\d{4})年(\\d{1,2})月', '[(]+\\)*', '(?:ab){2,5}', '\\p{Script=Han}+', '^(?:a|b)$']) {
      expect(risksOf(safe), safe).toEqual([]);
    }
  });

  it('finds the regexes of src/, literals and those built from constants alike', () => {
    expect(all.length).toBeGreaterThan(150);
    expect(all.some((r) => r.where.startsWith('src/server/schema.ts') && r.pattern === '^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$')).toBe(true);
    // A RegExp built from a template of constants, computed as the program computes it.
    expect(all.some((r) => r.source.startsWith('RegExp(') && r.pattern?.includes('(?:主席|省长|市长|区长|县长|州长|旗长|盟长|总理|主任)'))).toBe(true);
  });
});

describe('the regexes of src/', () => {
  it('can all be read: none is built from something the audit cannot compute', () => {
    expect(all.filter((r) => r.pattern === null).map((r) => `${r.where} ${r.source}`)).toEqual([]);
  });

  it('have no nested or alternating repetition that has not been reviewed as safe', () => {
    const flagged = all.flatMap((r) => (r.pattern !== null && risksOf(r.pattern).length > 0 ? [keyOf(r.where, r.pattern)] : []));
    expect(flagged.filter((key) => !(key in REVIEWED))).toEqual([]);
    // The review list holds only patterns that still exist.
    expect(Object.keys(REVIEWED).filter((key) => !flagged.includes(key))).toEqual([]);
  });
});

/**
 * Lists the exported names of `src/` that no other file of the repository mentions (src, tests, bench,
 * scripts): exports used only in their own file, or nowhere. A name is looked for as a whole word, so a name
 * another file happens to use for something else keeps its export (the list errs on the side of keeping).
 *
 * Usage: npx tsx scripts/unused-exports.ts [folder under src/ …]   (prints `file:line name`, one a line)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../src/paths.js';

const EXPORT = /^export\s+(?:declare\s+)?(?:default\s+)?(?:async\s+)?(?:abstract\s+)?(?:function\*?|const|let|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/;

/** Every .ts file under a folder, recursively. */
function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    if (statSync(full).isDirectory()) return tsFiles(full);
    return /\.(ts|js)$/.test(name) ? [full] : [];
  });
}

/**
 * The exported declarations of a file's text, with their line numbers.
 * @example exportsOf('export function f() {}\nconst g = 1;') // [{ name: 'f', line: 1 }]
 */
export function exportsOf(text: string): Array<{ name: string; line: number }> {
  return text.split('\n').flatMap((line, i) => {
    const match = EXPORT.exec(line);
    return match?.[1] ? [{ name: match[1], line: i + 1 }] : [];
  });
}

function main(): void {
  const roots = ['src', 'tests', 'bench', 'scripts', 'public'].map((d) => path.join(REPO_ROOT, d));
  const texts = new Map(roots.flatMap(tsFiles).map((file) => [file, readFileSync(file, 'utf8')]));
  const wanted = process.argv.slice(2).map((d) => path.join(REPO_ROOT, 'src', d));
  for (const [file, text] of texts) {
    if (!file.startsWith(path.join(REPO_ROOT, 'src') + path.sep)) continue;
    if (wanted.length > 0 && !wanted.some((d) => file.startsWith(d))) continue;
    for (const { name, line } of exportsOf(text)) {
      const word = new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\b`);
      const elsewhere = [...texts].some(([other, otherText]) => other !== file && word.test(otherText));
      if (!elsewhere) {
        const uses = text.split(word).length - 1;
        console.log(`${path.relative(REPO_ROOT, file)}:${line} ${name}${uses > 1 ? '' : ' (not used at all)'}`);
      }
    }
  }
}

main();

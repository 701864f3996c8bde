import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderOutline } from '../../src/chunk/outline.js';
import { repoRoot, SEEDS, seedPassages } from './seeds.js';

const GOLDEN = path.join(repoRoot, 'tests/golden');
const update = process.env.UPDATE_GOLDEN === '1';

describe('golden outlines (tests/golden/<docId>.outline.txt; UPDATE_GOLDEN=1 rewrites them)', () => {
  it.each(SEEDS.map((s) => s.id))('keeps the reviewed section tree and passage counts of %s', (id) => {
    const outline = renderOutline(id, seedPassages(id));
    const file = path.join(GOLDEN, `${id}.outline.txt`);
    if (update) writeFileSync(file, outline);
    expect(existsSync(file), `${file} is missing: run UPDATE_GOLDEN=1 npx vitest run tests/chunk/outline.test.ts`).toBe(true);
    expect(outline).toBe(readFileSync(file, 'utf8'));
  });

  it('renders nesting, run-in marks and the kinds summary', () => {
    const outline = renderOutline('xizang-2023-plan-report', seedPassages('xizang-2023-plan-report'));
    const lines = outline.split('\n');
    expect(lines[0]).toBe('xizang-2023-plan-report');
    expect(lines).toContain('（一）疫情防控取得重要成果 »  paragraph 1');
    expect(lines).toContain('  （一）当前面临的发展形势  heading 1, paragraph 3');
    expect(lines.at(-2)).toMatch(/^total \d+: heading \d+, paragraph \d+, table 0, toc 0, front 1$/u);
  });
});

/**
 * Symbolic links in a corpus folder: a link may be followed only when what it points to lies inside one of
 * the corpus folders. A link out of them (a file like /etc/passwd, or a folder) is not read, and a warning
 * names it and its target; linked folders neither escape nor loop.
 */
import { copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCorpusFiles, readCorpus } from '../../src/ingest/corpus.js';
import type { IngestWarning, SourceDoc } from '../../src/model.js';
import { corpusDir } from './helpers.js';

const SEED = 'xizang-2024-government-work-report.txt';
const OTHER_SEED = 'xizang-2023-plan-report.txt';
const SECRET = 'root:x:0:0:root:/root:/bin/bash\n';

let top: string;
let corpus: string;
let second: string;
let result: { docs: SourceDoc[]; warnings: IngestWarning[] };

beforeAll(async () => {
  top = await mkdtemp(path.join(os.tmpdir(), 'ingest-symlinks-'));
  corpus = path.join(top, 'corpus');
  second = path.join(top, 'second');
  const outside = path.join(top, 'outside');
  await Promise.all([corpus, second, outside].map((d) => mkdir(d)));
  await writeFile(path.join(outside, 'passwd.txt'), SECRET);
  await mkdir(path.join(outside, 'reports'));
  await writeFile(path.join(outside, 'reports', 'secret-report.txt'), SECRET);
  await copyFile(path.join(corpusDir, SEED), path.join(corpus, 'report.txt'));
  await copyFile(path.join(corpusDir, OTHER_SEED), path.join(second, 'plan.txt'));
  await mkdir(path.join(corpus, 'sub'));
  await symlink('/etc/passwd', path.join(corpus, 'passwd-link.txt'));
  await symlink(path.join(outside, 'passwd.txt'), path.join(corpus, 'relative-escape.txt'));
  await symlink('../../outside/reports', path.join(corpus, 'sub', 'linked-out'));
  await symlink(path.join(top, 'nowhere.txt'), path.join(corpus, 'dangling.txt'));
  await symlink('..', path.join(corpus, 'sub', 'loop'));
  await symlink(path.join(second, 'plan.txt'), path.join(corpus, 'plan-from-second.txt'));
  result = await readCorpus([corpus, second]);
});
afterAll(async () => rm(top, { recursive: true, force: true }));

function warningFor(name: string): IngestWarning | undefined {
  return result.warnings.find((w) => path.basename(w.file) === name);
}

describe('symbolic links in a corpus folder', () => {
  it('never reads what a link out of the corpus folders points to', () => {
    expect(result.docs.some((d) => d.text.includes('root:x:0:0'))).toBe(false);
    expect(result.docs.map((d) => d.meta.file).sort()).toEqual(['plan-from-second.txt', 'plan.txt', 'report.txt']);
  });

  it('warns about each link out, naming the link and where it points, with the fix', () => {
    expect(warningFor('passwd-link.txt')).toMatchObject({ code: 'INGEST_SYMLINK_OUTSIDE', file: path.join(corpus, 'passwd-link.txt') });
    expect(warningFor('passwd-link.txt')?.message).toMatch(/it points to \/etc\/passwd\. To fix: copy the file into the corpus folder/);
    expect(warningFor('relative-escape.txt')?.code).toBe('INGEST_SYMLINK_OUTSIDE');
    expect(warningFor('linked-out')).toMatchObject({ code: 'INGEST_SYMLINK_OUTSIDE', file: path.join(corpus, 'sub', 'linked-out') });
    expect(warningFor('dangling.txt')?.code).toBe('INGEST_SYMLINK_BROKEN');
  });

  it('follows a link into another corpus folder, and a folder link back into the corpus without looping', async () => {
    const plan = result.docs.filter((d) => d.meta.file.startsWith('plan'));
    expect(plan).toHaveLength(2);
    expect(plan[0].text).toBe(plan[1].text);
    // sub/loop points at the corpus folder itself: already walked, so it adds nothing and never recurses.
    expect(await listCorpusFiles(corpus, { roots: [corpus, second] })).toEqual(['plan-from-second.txt', 'report.txt']);
    expect(warningFor('loop')).toBeUndefined();
  });

  it('treats a link into another corpus folder as outside when that folder is not being read', async () => {
    const warnings: IngestWarning[] = [];
    expect(await listCorpusFiles(corpus, { warn: (w) => warnings.push(w) })).toEqual(['report.txt']);
    expect(warnings.map((w) => `${path.basename(w.file)} ${w.code}`)).toContain('plan-from-second.txt INGEST_SYMLINK_OUTSIDE');
  });
});

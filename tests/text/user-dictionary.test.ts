import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { phraseKey } from '../../src/text/analyzer.js';
import { readUserDictionary } from '../../src/text/user-dictionary.js';
import { readSeeds, sharedRoot } from './fixtures.js';
import { describeWithShared } from '../shared-data.js';

/** All the report texts at hand, squashed (whitespace removed, normalized) into one string. */
async function allReports(): Promise<string> {
  const corpora = path.join(sharedRoot, 'corpora');
  const texts = readSeeds().map((seed) => seed.text);
  texts.push(readFileSync(path.join(corpora, 'national-zh/gov_reports1954-2022.txt'), 'utf8'));
  for (const line of readFileSync(path.join(corpora, 'national-zh/government_work_reports.jsonl'), 'utf8').split('\n')) {
    if (line.trim() !== '') texts.push((JSON.parse(line) as { content: string }).content);
  }
  for (const name of readdirSync(path.join(corpora, 'parallel-zh-en'))) texts.push(readFileSync(path.join(corpora, 'parallel-zh-en', name), 'utf8'));
  const docx = path.join(corpora, 'provincial-2025/docx');
  for (const name of readdirSync(docx)) texts.push((await mammoth.extractRawText({ path: path.join(docx, name) })).value);
  return texts.map((text) => phraseKey(text)).join('\n');
}

describe('the user dictionary', () => {
  it('holds 300+ distinct entries, each a normalized Han word', () => {
    const { terms } = readUserDictionary();
    expect(terms.length).toBeGreaterThanOrEqual(300);
    expect(new Set(terms).size).toBe(terms.length);
    for (const term of terms) {
      expect(term).toMatch(/^\p{Script=Han}{2,}$/u);
      expect(phraseKey(term)).toBe(term);
    }
    expect(terms).toEqual(expect.arrayContaining(['川藏铁路', '新质生产力', '两不愁三保障', '乡村振兴', '铸牢中华民族共同体意识', '碳中和', '一产一策']));
  });

  describeWithShared('corpora', 'the shared corpora', () => {
    it('has only entries that occur in the seed reports or the shared corpora', { tags: ['slow'] }, async () => {
      const reports = await allReports();
      const absent = readUserDictionary().terms.filter((term) => !reports.includes(term));
      expect(absent).toEqual([]);
    });
  });

  it('refuses a missing file, a malformed line and a path with a separator, each with its code', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gov-terms-'));
    expect(() => readUserDictionary(path.join(dir, 'absent.txt'))).toThrow(expect.objectContaining({ code: 'TEXT_USER_DICT_MISSING' }));
    const malformed = path.join(dir, 'malformed.txt');
    writeFileSync(malformed, '川藏铁路 100 nz\n新质生产力 100\n');
    expect(() => readUserDictionary(malformed)).toThrow(expect.objectContaining({ code: 'TEXT_USER_DICT_INVALID', message: expect.stringContaining(':2:') }));
    const crlf = path.join(dir, 'crlf.txt');
    writeFileSync(crlf, '川藏铁路\r\n');
    expect(() => readUserDictionary(crlf)).toThrow(expect.objectContaining({ code: 'TEXT_USER_DICT_INVALID' }));
    expect(() => readUserDictionary(path.join(dir, 'a|b.txt'))).toThrow(expect.objectContaining({ code: 'TEXT_USER_DICT_PATH' }));
  });
});

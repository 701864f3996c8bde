import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PUBLIC_DIR } from '../../../src/paths.js';
import { loadCatalogue, pickLanguage } from '../../../src/server/render/catalogue.js';

describe('the rendered pages\' strings', () => {
  it('are the page\'s own table, in both languages, with placeholders filled', async () => {
    const tr = await loadCatalogue(PUBLIC_DIR);
    expect(tr('zh', 'count', { total: 3 })).toBe('共 3 条结果');
    expect(tr('en', 'count', { total: 3 })).toBe('3 results');
    expect(tr('zh', 'reportsLink')).toBe('报告库');
    expect(tr('en', 'no-such-key')).toBe('no-such-key');
    // Every key the server asks for is in both tables (read from the source, not the module).
    const source = readFileSync(path.join(PUBLIC_DIR, 'js/i18n.js'), 'utf8');
    for (const key of ['reportsTitle', 'docSearchLabel', 'applyFilters', 'citationLabel', 'paragraphN', 'passageNotFound']) {
      expect(source.match(new RegExp(`^\\s+${key}:`, 'gm'))).toHaveLength(2);
    }
  });

  it('names the file when it has no translate function', async () => {
    await expect(loadCatalogue(path.join(PUBLIC_DIR, 'no-such-dir'))).rejects.toThrow(/i18n\.js/);
  });

  it('picks ?lang=, else the browser\'s first language as the script does, else Chinese', () => {
    expect(pickLanguage('en', 'zh-CN')).toBe('en');
    expect(pickLanguage('zh', 'en')).toBe('zh');
    expect(pickLanguage('fr', 'en-GB,en;q=0.9')).toBe('en');
    expect(pickLanguage(undefined, 'zh-TW,zh;q=0.9,en;q=0.8')).toBe('zh');
    expect(pickLanguage(undefined, 'en;q=0.5,zh-CN')).toBe('zh');
    expect(pickLanguage(undefined, 'fr-FR,zh;q=0.5')).toBe('en');
    expect(pickLanguage(undefined, 'zh;q=0,en')).toBe('en');
    expect(pickLanguage(undefined, undefined)).toBe('zh');
    expect(pickLanguage(undefined, ' ; , ')).toBe('zh');
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reportParagraphs } from '../../src/eval/report-paragraphs.js';
import { unseenGlossaryTerms } from '../../src/eval/unseen-terms.js';
import { parallelCsv } from './paths.js';
import { describeWithShared } from '../shared-data.js';

const text = (year: number): string => reportParagraphs(readFileSync(parallelCsv(year), 'utf8'), year).map((p) => p.text).join('\n');
describeWithShared('corpora/parallel-zh-en', 'the 2024 and 2025 parallel reports', () => {
  const learned = text(2024);
  const evaluated = text(2025);

  describe('unseenGlossaryTerms', () => {
    it('flags a glossary term found in the 2025 report only, not one the 2024 report has', () => {
      const expansions = [
        { to: '定日', source: 'glossary' },
        { to: '地震', source: 'glossary' },
        { to: '县域', source: 'dictionary' },
      ];
      expect(unseenGlossaryTerms(expansions, learned, evaluated)).toEqual(['定日']);
    });

    it('does not flag dictionary expansions or terms absent from the evaluated report', () => {
      expect(unseenGlossaryTerms([{ to: '定日', source: 'dictionary' }, { to: '冈仁波齐', source: 'glossary' }], learned, evaluated)).toEqual([]);
    });
  });
});

/**
 * Honesty check on the hand-curated glossary: it was written from the official English of both the 2024
 * and the 2025 reports, so an expansion to a Chinese term that occurs in the evaluated report but nowhere in
 * the report learned from may be memory of the test, not retrieval. These are the expansions flagged.
 */
import { judgeKey } from './report-paragraphs.js';

/** What the check needs of an expansion (the engine's `Expansion`). */
export interface ExpansionLike {
  to: string;
  source: string;
}

/**
 * The Chinese terms of glossary expansions that occur in the evaluated text but not in the learned-from text.
 * @example unseenGlossaryTerms([{ to: '定日', source: 'glossary' }, { to: '地震', source: 'glossary' }], '地震', '定日县地震') // ['定日']
 */
export function unseenGlossaryTerms(expansions: readonly ExpansionLike[], learnedText: string, evaluatedText: string): string[] {
  const learned = judgeKey(learnedText);
  const evaluated = judgeKey(evaluatedText);
  const terms = expansions.filter((e) => e.source === 'glossary').map((e) => judgeKey(e.to));
  return [...new Set(terms.filter((t) => t !== '' && evaluated.includes(t) && !learned.includes(t)))];
}

/**
 * The glossary without the entries that only the evaluated report could have taught: those whose Chinese
 * occurs in the evaluated text but not in the learned-from text. The rest (terms of earlier reports, of the
 * bundled Tibet reports, general policy vocabulary) stays. Comment and blank lines are kept.
 * @example heldOutGlossary('定日\tDingri\n地震\tearthquake', '地震', '定日县地震').kept // '地震\tearthquake'
 */
export function heldOutGlossary(glossaryText: string, learnedText: string, evaluatedText: string): { kept: string; dropped: string[] } {
  const learned = judgeKey(learnedText);
  const evaluated = judgeKey(evaluatedText);
  const dropped: string[] = [];
  const kept = glossaryText
    .split('\n')
    .filter((line) => {
      if (line.trim() === '' || line.trimStart().startsWith('#')) return true;
      const zh = judgeKey(line.split('\t')[0] ?? '');
      const unseen = zh !== '' && evaluated.includes(zh) && !learned.includes(zh);
      if (unseen) dropped.push(zh);
      return !unseen;
    })
    .join('\n');
  return { kept, dropped };
}

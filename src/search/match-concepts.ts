/**
 * Which of a query's concepts each match of a text holds, for the excerpt to show the window where they meet
 * (`snippet.ts`): the plan names each concept's keys and terms (`HighlightPlan.concepts`), and a match holds a
 * concept when its text holds one of them. Pure.
 */
import { phraseKey } from '../text/analyzer.js';
import type { HighlightPlan } from './plan.js';
import type { SnippetOptions } from './snippet.js';

/** A query of one concept: the excerpt by matches alone. */
const ONE_CONCEPT: SnippetOptions = Object.freeze({});

/** Each needle of a plan's concepts with the bits of the concepts it belongs to, made once per plan. */
const conceptBitsOf = new WeakMap<readonly string[][], Map<string, number>>();

/** Each needle with the bits of its concepts (concept i: bit i, at most 31), a needle holding another (旅游收入 holds 收入) holding that one's too. */
function needleBits(concepts: readonly string[][]): Map<string, number> {
  const bits = new Map<string, number>();
  for (let i = 0; i < concepts.length && i < 31; i++) for (const needle of concepts[i]) bits.set(needle, (bits.get(needle) ?? 0) | (1 << i));
  const own = [...bits];
  for (const [needle] of own) for (const [other, of] of own) if (other !== needle && needle.includes(other)) bits.set(needle, (bits.get(needle) ?? 0) | of);
  return bits;
}

/** The bits of the concepts whose needles `text` holds. */
function heldIn(text: string, needles: ReadonlyMap<string, number>): number {
  let held = 0;
  for (const [needle, of] of needles) if ((held & of) !== of && text.includes(needle)) held |= of;
  return held;
}

/**
 * The snippet's reading of which of the query's concepts a match of `text` holds (its normalized text holding one
 * of a concept's keys or terms), so that the excerpt shows the window with most of them: `tourism revenue
 * growth` shows 旅游收入增长, not a run of 增长 and 发展. Nothing for a query of one concept.
 */
export function conceptsIn(text: string, highlight: HighlightPlan): SnippetOptions {
  const { concepts } = highlight;
  if (!concepts) return ONE_CONCEPT;
  let needles = conceptBitsOf.get(concepts);
  if (!needles) {
    needles = needleBits(concepts);
    conceptBitsOf.set(concepts, needles);
  }
  const bits = needles;
  return {
    conceptsOf(start, end) {
      // Most matches are one needle as written (a Chinese word): one look-up. Else the needles it holds as
      // written (乡村振兴 of 乡村 and 振兴 side by side), and only when it holds none, in its match key.
      const slice = text.slice(start, end);
      const written = bits.get(slice);
      if (written !== undefined) return written;
      const held = heldIn(slice, bits);
      return held !== 0 ? held : heldIn(phraseKey(slice), bits);
    },
  };
}

/** The phrases an English rendering of a Chinese term is looked for as in English text. */
import { describe, expect, it } from 'vitest';
import { cutLastWord, renderingPhrases } from '../../src/search/rendering-phrases.js';

describe('rendering phrases', () => {
  it('cuts the last word to what it shares with its stem, so that any form of it counts', () => {
    expect(cutLastWord('digital economy')).toBe('digital econom');
    expect(cutLastWord('new quality productive forces')).toBe('new quality productive forc');
    expect(cutLastWord('expand domestic demand')).toBe('expand domestic demand');
  });

  it('keeps a short or stop-word last word whole', () => {
    expect(cutLastWord('prosperity for all')).toBe('prosperity for all');
    expect(cutLastWord('the use')).toBe('the use');
  });

  it('writes hyphens as spaces and a space between two content words as a hyphen', () => {
    expect(renderingPhrases('high quality')).toEqual(['high qualit', 'high-qualit']);
    expect(renderingPhrases('high-quality development')).toEqual(['high-quality develop', 'high quality develop']);
    expect(renderingPhrases('small and medium-sized enterprises')).toEqual(['small and medium-sized enterpris', 'small and medium sized enterpris']);
  });

  it('gives a rendering of one word as it is', () => {
    expect(renderingPhrases(' employment ')).toEqual(['employment']);
  });
});

/** The phrases an English rendering of a Chinese term is looked for as in English text. */
import { describe, expect, it } from 'vitest';
import { lastWordForms, numberForms, renderingPhrases } from '../../src/search/rendering-phrases.js';

describe('rendering phrases', () => {
  it('gives a word in the singular and the plural, as English spells them regularly', () => {
    expect(numberForms('economy')).toEqual(['economy', 'economies']);
    expect(numberForms('economies')).toEqual(['economies', 'economy']);
    expect(numberForms('forces')).toEqual(['forces', 'force']);
    expect(numberForms('force')).toEqual(['force', 'forces']);
    expect(numberForms('enterprises')).toEqual(['enterprises', 'enterprise']);
    expect(numberForms('approach')).toEqual(['approach', 'approaches']);
    expect(numberForms('approaches')).toEqual(['approaches', 'approach']);
    expect(numberForms('business')).toEqual(['business', 'businesses']);
    expect(numberForms('day')).toEqual(['day']);
    expect(numberForms('days')).toEqual(['days', 'day']);
  });

  it('keeps a short word, a stop word and a word with capitals as they are', () => {
    expect(numberForms('gas')).toEqual(['gas']);
    expect(numberForms('all')).toEqual(['all']);
    expect(numberForms('Belt')).toEqual(['Belt']);
    expect(lastWordForms('prosperity for all')).toEqual(['prosperity for all']);
  });

  it('puts the last word of a phrase in either number, keeping what follows it', () => {
    expect(lastWordForms('digital economy')).toEqual(['digital economy', 'digital economies']);
    expect(lastWordForms('new quality productive forces.')).toEqual(['new quality productive forces.', 'new quality productive force.']);
    expect(lastWordForms('Belt and Road Initiative')).toEqual(['Belt and Road Initiative', 'Belt and Road initiatives']);
    expect(lastWordForms('Made in China 2025 SMEs')).toEqual(['Made in China 2025 SMEs']);
  });

  it('writes hyphens as spaces and a space between two content words as a hyphen', () => {
    expect(renderingPhrases('high quality')).toEqual(['high quality', 'high qualities', 'high-quality', 'high-qualities']);
    expect(renderingPhrases('high-quality development')).toEqual(['high-quality development', 'high-quality developments', 'high quality development', 'high quality developments']);
    expect(renderingPhrases('small and medium-sized enterprises')).toEqual([
      'small and medium-sized enterprises',
      'small and medium-sized enterprise',
      'small and medium sized enterprises',
      'small and medium sized enterprise',
    ]);
  });

  it('gives a rendering of one word as it is', () => {
    expect(renderingPhrases(' employment ')).toEqual(['employment']);
  });
});

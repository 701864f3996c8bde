import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  contentTokens,
  gradedBases,
  inflectionBases,
  isDotted,
  isStopword,
  lemmaForms,
  lightKey,
  phraseKeys,
  phraseLightKey,
  sameLemma,
  singularWord,
  stemKeys,
  tokenizeEnglish,
  undotted,
} from '../../src/crosslang/english.js';

describe('tokenizeEnglish', () => {
  it('keeps words, codes and numbers whole, with offsets into the text', () => {
    const text = 'China’s 5G base-stations, R&D and COVID-19 in 2024, PM2.5 down 6.5%, 1,000 yuan';
    const tokens = tokenizeEnglish(text);
    expect(tokens.map((t) => t.text)).toEqual([
      'China’s', '5G', 'base', 'stations', 'R&D', 'and', 'COVID', '19', 'in', '2024', 'PM2.5', 'down', '6.5', '1,000', 'yuan',
    ]);
    expect(tokens.map((t) => t.lower)).toContain('china');
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('keeps an abbreviation of letters between points whole, without its last point: U.S., e.g., Ph.D.', () => {
    const tokens = tokenizeEnglish('U.S. tariffs, e.g. Ph.D. students of gov.cn, Sino-U.S. talks');
    expect(tokens.map((t) => t.text)).toEqual(['U.S', 'tariffs', 'e.g', 'Ph.D', 'students', 'of', 'gov', 'cn', 'Sino', 'U.S', 'talks']);
    expect(tokens[0]?.lower).toBe('u.s');
    expect(tokens[8]?.hyphenNext).toBe(true);
  });

  it('tells a dotted abbreviation, its last point written or not, from a word, a domain or a number', () => {
    expect(['U.S.', 'U.S', 'u.s.', 'e.g', 'P.R.C.', 'Ph.D', 'a.k.a.'].map(isDotted)).toEqual([true, true, true, true, true, true, true]);
    expect(['US', 'gov.cn', 'Ph.D..', '.U.S', 'U.S.A.B.C.', 'abc.de', '2.5', 'U.S-EU', 'U.S.abc'].map(isDotted)).toEqual([false, false, false, false, true, false, false, false, false]);
    expect(['U.S.', 'e.g', 'P.R.C.', 'gov.cn', '2.5', 'US'].map(undotted)).toEqual(['US', 'eg', 'PRC', 'gov.cn', '2.5', 'US']);
  });

  it('reads as dotted every word the tokenizer keeps with a point between letters, and only those', () => {
    const letters = fc.constantFrom('U', 'S', 'e', 'g', 'P', 'h', 'D', 'é', '.', ' ', '-', '5');
    fc.assert(
      fc.property(fc.array(letters, { maxLength: 14 }), (chars) => {
        for (const t of tokenizeEnglish(chars.join(''))) expect(isDotted(t.text), t.text).toBe(/\p{Script=Latin}\./u.test(t.text));
      }),
    );
  });

  it('marks words joined by a hyphen, not by a space or a comma', () => {
    const tokens = tokenizeEnglish('Kashin-Beck disease, eco-tourism');
    expect(tokens.map((t) => t.hyphenNext)).toEqual([true, false, false, true, false]);
  });

  it('ignores Chinese and punctuation', () => {
    expect(tokenizeEnglish('旅游 tourism！')).toHaveLength(1);
    expect(tokenizeEnglish('，。、；')).toEqual([]);
  });

  it('returns tokens in order, non-overlapping, each equal to its slice of the NFKC text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        const normalized = text.normalize('NFKC');
        let end = 0;
        for (const t of tokenizeEnglish(text)) {
          expect(t.start).toBeGreaterThanOrEqual(end);
          expect(normalized.slice(t.start, t.end)).toBe(t.text);
          end = t.end;
        }
      }),
    );
  });
});

describe('stopwords and content words', () => {
  it('drops function words but keeps a stopword inside a hyphenated compound', () => {
    expect(isStopword('the')).toBe(true);
    expect(isStopword('tourism')).toBe(false);
    expect(contentTokens(tokenizeEnglish('the rule of law')).map((t) => t.lower)).toEqual(['rule', 'law']);
    expect(contentTokens(tokenizeEnglish('public well-being')).map((t) => t.lower)).toEqual(['public', 'well', 'being']);
  });
});

describe('keys', () => {
  it('stems plurals and inflections to the same key', () => {
    expect(stemKeys(tokenizeEnglish('base stations'))).toEqual(stemKeys(tokenizeEnglish('Base Station')));
    expect(phraseKeys('installed capacities').stem).toEqual(phraseKeys('installed capacity').stem);
  });

  it('adds a joined key for a hyphenated compound, so the hyphen may be dropped or kept', () => {
    const hyphenated = phraseKeys('eco-tourism');
    expect(hyphenated.stem).toContain(phraseKeys('eco tourism').stem[0]);
    expect(hyphenated.stem).toContain(phraseKeys('ecotourism').stem[0]);
    expect(phraseKeys('well-being').singular).toContain('wellbeing');
  });

  it('singularizes conservatively for the dictionary', () => {
    expect(['cities', 'stations', 'bases', 'glasses', 'boxes', 'news', 'status', 'analysis', 'sizes', 'buzzes'].map(singularWord)).toEqual([
      'city', 'station', 'base', 'glass', 'box', 'news', 'status', 'analysis', 'size', 'buzz',
    ]);
    expect(lightKey(['Base', 'Stations'])).toBe('base station');
  });

  it('spells every key American, so a British query meets the dictionary\'s words', () => {
    expect(tokenizeEnglish('Labour organisations').map((t) => t.lower)).toEqual(['labor', 'organizations']);
    expect(singularWord('centres')).toBe('center');
    expect(phraseLightKey('labour market')).toBe(phraseLightKey('labor market'));
    expect(stemKeys(tokenizeEnglish('modernisation'))).toEqual(stemKeys(tokenizeEnglish('modernization')));
  });

  it('keeps stopwords in a dictionary key, so "on water" stays apart from "water"', () => {
    expect(phraseLightKey('on water')).toBe('on water');
    expect(phraseLightKey('water')).toBe('water');
  });
});

describe('inflections', () => {
  it('reads a single consonant after one short syllable as a dropped e, since the suffix would double it otherwise', () => {
    // caring is care (never car, 汽车), mining mine (never min, 岷县), hoping hope; hopping is hop.
    expect(inflectionBases('caring')).toEqual(['care']);
    expect(inflectionBases('mining')).toEqual(['mine']);
    expect(inflectionBases('rated')).toEqual(['rate']);
    expect(inflectionBases('hopping')).toContain('hop');
    expect(inflectionBases('hopping')).not.toContain('hope');
    // Two syllables, two vowels, or a consonant that never doubles (w, x, y) keep the bare stem.
    expect(inflectionBases('opening')).toContain('open');
    expect(inflectionBases('eating')).toContain('eat');
    expect(inflectionBases('fixing')).toContain('fix');
    expect(inflectionBases('showing')).toContain('show');
    expect(gradedBases('safer')).toEqual(['safe']);
    expect(gradedBases('newer')).toContain('new');
  });

  it('reads an irregular past tense or participle as its verb, and an irregular plural as its singular', () => {
    expect(lemmaForms('grew')).toEqual(['grew', 'grow']);
    expect(inflectionBases('sought')).toEqual(['seek']);
    expect(inflectionBases('taken')).toEqual(['take']);
    expect(inflectionBases('fed')).toEqual(['feed']); // no -ed rule: a stem of one letter
    expect(lemmaForms('wolves')).toContain('wolf');
    expect(lemmaForms('crises')).toContain('crisis');
    expect(lemmaForms('men')).toEqual(['men', 'man']);
    // A word is no irregular plural of another because its plural would be one: leave(s) is not leaf, base(s) not basis.
    expect(lemmaForms('leave')).toEqual(['leave']);
    expect(sameLemma('base', 'basis')).toBe(false);
    // A past tense is its verb's (found → find); the -ed rule still applies beside the table.
    expect(inflectionBases('found')).toEqual(['find']);
    expect(inflectionBases('planned')).toEqual(['plann', 'planne', 'plan']);
  });

  it('reads -ing/-ed and -er/-est by one set of stem rules: an e, a doubled consonant, a y turned i', () => {
    expect(inflectionBases('reducing')).toEqual(['reduc', 'reduce']);
    expect(inflectionBases('cutting', 3)).toEqual(['cutt', 'cutte', 'cut']);
    expect(inflectionBases('supplied')).toEqual(['suppli', 'supplie', 'supply']);
    expect(inflectionBases('skiing')).toEqual(['ski', 'skie']); // no y before -ing
    expect(inflectionBases('died')).toEqual(['di', 'die']); // the y rule needs a stem of three letters
    expect(inflectionBases('thing', 3)).toEqual([]); // th is no stem of three
    expect(gradedBases('stronger')).toEqual(['strong', 'stronge']);
    expect(gradedBases('largest')).toEqual(['larg', 'large']);
    expect(gradedBases('biggest')).toEqual(['bigg', 'bigge', 'big']);
    expect(gradedBases('happier')).toEqual(['happi', 'happie', 'happy']);
    expect(gradedBases('newer')).toEqual(['new', 'newe']);
    expect(gradedBases('fewer')).toEqual(['few', 'fewe']);
    expect(gradedBases('nicer')).toEqual(['nice']); // one short syllable: its e was dropped
    expect(gradedBases('lower')).toEqual(['low', 'lowe']);
    expect(gradedBases('eater')).toEqual(['eat', 'eate']);
    expect(gradedBases('user')).toEqual([]); // a stem of two letters
    expect(gradedBases('planned')).toEqual([]);
    expect(inflectionBases('bigger')).toEqual([]);
  });

  it('takes an irregular form and its base as one lemma, not two words that only share a stem', () => {
    expect(sameLemma('built', 'build')).toBe(true);
    expect(sameLemma('brought', 'bringing')).toBe(true);
    expect(sameLemma('rebuilt', 'rebuild')).toBe(true);
    expect(sameLemma('cooperation', 'cooperatives')).toBe(false);
    expect(sameLemma('grew', 'green')).toBe(false);
  });

  it('never gives a word itself as its base, and a word of letters only letters', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,12}$/), (w) => {
        const bases = inflectionBases(w);
        expect(bases).not.toContain(w);
        for (const b of bases) expect(b).toMatch(/^[a-z]+$/);
      }),
    );
  });
});

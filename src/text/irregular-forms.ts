/**
 * English words whose inflection no suffix rule undoes: the irregular verbs' past tenses and participles
 * (`grew`, `built`, `sought`, `taken`), the irregular plurals (`men`, `wolves`, `crises`, `criteria`) and
 * comparatives (`worse`, `best`).
 * The verbs are the standard list of English irregular verbs (base, past, past participle; British variants
 * such as `learnt` and `spelt` among them), not the words some query happened to use; compounds of a listed
 * verb (`overtake`, `withdraw`, `undergo`) are derived from it by their prefix. Pure data and look-ups.
 */

/**
 * The irregular verbs: `base past participle`, variants joined by `/`. A form equal to the base (`cut`,
 * `put`, `come`'s participle) is no inflection to undo and is skipped when the table is read.
 */
const VERBS = `
arise arose arisen|awake awoke awoken|be was/were been|bear bore borne/born|beat beat beaten|become became become|
begin began begun|bend bent bent|bet bet bet|bid bid bid|bind bound bound|bite bit bitten|bleed bled bled|
blow blew blown|break broke broken|breed bred bred|bring brought brought|broadcast broadcast broadcast|
build built built|burn burnt burnt|burst burst burst|buy bought bought|cast cast cast|catch caught caught|
choose chose chosen|cling clung clung|come came come|cost cost cost|creep crept crept|cut cut cut|
deal dealt dealt|dig dug dug|dive dove dived|do did done|draw drew drawn|dream dreamt dreamt|drink drank drunk|
drive drove driven|dwell dwelt dwelt|eat ate eaten|fall fell fallen|feed fed fed|feel felt felt|fight fought fought|
find found found|flee fled fled|fling flung flung|fly flew flown|forbid forbade forbidden|forecast forecast forecast|
forget forgot forgotten|forgive forgave forgiven|freeze froze frozen|get got got/gotten|give gave given|go went gone|
grind ground ground|grow grew grown|hang hung hung|have had had|hear heard heard|hide hid hidden|hit hit hit|
hold held held|hurt hurt hurt|keep kept kept|kneel knelt knelt|know knew known|lay laid laid|lead led led|
lean leant leant|leap leapt leapt|learn learnt learnt|leave left left|lend lent lent|let let let|lie lay lain|
light lit lit|lose lost lost|make made made|mean meant meant|meet met met|mistake mistook mistaken|
overcome overcame overcome|pay paid paid|prove proved proven|put put put|quit quit quit|read read read|rid rid rid|
ride rode ridden|ring rang rung|rise rose risen|run ran run|saw sawed sawn|say said said|see saw seen|seek sought sought|
sell sold sold|send sent sent|set set set|sew sewed sewn|shake shook shaken|shed shed shed|shine shone shone|
shoot shot shot|show showed shown|shrink shrank/shrunk shrunk|shut shut shut|sing sang sung|sink sank sunk|sit sat sat|
slay slew slain|sleep slept slept|slide slid slid|sling slung slung|slit slit slit|smell smelt smelt|sow sowed sown|
speak spoke spoken|speed sped sped|spell spelt spelt|spend spent spent|spill spilt spilt|spin spun spun|spit spat spat|
split split split|spoil spoilt spoilt|spread spread spread|spring sprang sprung|stand stood stood|steal stole stolen|
stick stuck stuck|sting stung stung|stink stank stunk|stride strode stridden|strike struck struck/stricken|
string strung strung|strive strove striven|swear swore sworn|sweep swept swept|swell swelled swollen|swim swam swum|
swing swung swung|take took taken|teach taught taught|tear tore torn|tell told told|think thought thought|
throw threw thrown|thrust thrust thrust|tread trod trodden|understand understood understood|wake woke woken|
wear wore worn|weave wove woven|weep wept wept|win won won|wind wound wound|wring wrung wrung|write wrote written`;

/**
 * Prefixes that make a new verb of an irregular one and keep its forms (`overtake` → overtook, `withdraw` →
 * withdrew, `undergo` → underwent, `rebuild` → rebuilt): their forms are derived, not listed.
 */
const VERB_PREFIXES = ['over', 'under', 'with', 'out', 'up', 're', 'mis', 'fore', 'be', 'in'];

/** The irregular plurals: `plural singular`. `-ves` plurals of `-f`/`-fe` nouns and the Latin and Greek ones
 * (not `data` and `media`, which English uses as words of their own). */
const PLURALS = `
men man|women woman|children child|feet foot|teeth tooth|geese goose|mice mouse|lice louse|oxen ox|
knives knife|wives wife|lives life|leaves leaf|wolves wolf|thieves thief|halves half|shelves shelf|selves self|
calves calf|loaves loaf|sheaves sheaf|elves elf|scarves scarf|wharves wharf|hooves hoof|
crises crisis|analyses analysis|bases basis|theses thesis|hypotheses hypothesis|diagnoses diagnosis|oases oasis|
emphases emphasis|syntheses synthesis|parentheses parenthesis|
criteria criterion|phenomena phenomenon|strata stratum|curricula curriculum|bacteria bacterium|memoranda memorandum|
indices index|appendices appendix|matrices matrix|vertices vertex|
nuclei nucleus|stimuli stimulus|fungi fungus|alumni alumnus|cacti cactus|radii radius|loci locus|
formulae formula|antennae antenna|larvae larva`;

/**
 * The irregular comparatives and superlatives: `form adjective`. Not `less`, `least`, `further`: their own
 * senses (较少, 进一步) are what a query means by them far more often than `little`'s or `far`'s.
 */
const GRADED = 'better good|best good|worse bad|worst bad|farther far|farthest far|elder old|eldest old';

/** Each inflected form → the base forms it may stand for (`lay` → lie; `found` → find, as a past tense: the table lists forms, not the verbs they also are). */
function readTable(): Map<string, string[]> {
  const table = new Map<string, string[]>();
  const add = (form: string, base: string): void => {
    if (form === base) return;
    const bases = table.get(form) ?? [];
    if (!bases.includes(base)) table.set(form, [...bases, base]);
  };
  for (const entry of VERBS.replace(/\s+/g, ' ').split('|')) {
    const [base, ...forms] = entry.trim().split(' ');
    if (base === undefined) continue;
    const inflected = forms.flatMap((f) => f.split('/'));
    for (const form of inflected) add(form, base);
    for (const prefix of VERB_PREFIXES) {
      // Only a prefix that makes an English word of the verb is ever met; an unmet key costs nothing.
      for (const form of inflected) if (form !== base) add(prefix + form, prefix + base);
    }
  }
  for (const entry of `${PLURALS}|${GRADED}`.replace(/\s+/g, ' ').split('|')) {
    const [form, base] = entry.trim().split(' ');
    if (form !== undefined && base !== undefined) add(form, base);
  }
  return table;
}

const TABLE = readTable();

/**
 * The base forms an irregular inflection stands for: a past tense or participle its verb, an irregular plural
 * its singular, a comparative its adjective; [] for any other word. Lowercased words in, lowercased words out.
 * @example irregularBases('sought') // ['seek']
 * @example irregularBases('rebuilt') // ['rebuild']
 * @example irregularBases('wolves') // ['wolf']
 */
export function irregularBases(lower: string): readonly string[] {
  return TABLE.get(lower) ?? [];
}

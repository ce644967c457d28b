import type { Doc, Span } from '../doc/doc.js';
import { lex, type Lexicon } from './lexicon.js';

/**
 * Name mentions in one sentence: runs of capitalised tokens (across a line break, through
 * "of"/"de"/"al" inside a name), with leading stopwords and a title split off and a possessive
 * dropped. Text in capitals ("JAPAN GET LUCKY WIN") yields only names the gazetteers know.
 */

export interface Candidate {
  start: number;
  end: number;
  /** The name's words, line breaks and curly quotes normalised, possessive dropped. */
  words: string[];
  title: string | null;
  /** A type already certain from the way the name was found (gazetteer in capitals, dateline). */
  forced: { type: 'PER' | 'ORG' | 'LOC'; kind: string; by: string } | null;
  /** The word before the name (lower-cased) and after it, for context cues. */
  before: string;
  after: string;
  /** The sentence reads like a results table: the name stands before a number. */
  scoreLine: boolean;
  sentenceStart: boolean;
  /** A dateline's place in capitals: "MOSCOW 1996-12-06", "AL-AIN , United Arab Emirates". */
  dateline: boolean;
  /** Only nationality words ("Russian", "North Korean"): not a name, MISC for NER scoring. */
  demonym: boolean;
}

const POSSESSIVE = /['’]s?$/u;
const CAPITALISED = /^\p{Lu}/u;
const LETTERS = /\p{L}/u;
const ALL_CAPS = /^[\p{Lu}\p{N}.&'’-]+$/u;
/** Inside-name particles: "Ministry of Foreign Affairs", "Charles de Gaulle", "Saud al-Faisal". */
const PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'al', 'el', 'bin', 'ibn', 'da', 'dos', 'du', 'del', 'di', 'la', 'le', 'ter']);
const OF_WORDS = new Set(['of', 'for', 'on']);
/** Heads after which "of" continues a place name: "Republic of Korea", "Gulf of Aden". */
const PLACE_HEADS = new Set(['Republic', 'Kingdom', 'Gulf', 'Bay', 'Sea', 'Isle', 'Island', 'Islands', 'Cape', 'Strait', 'Straits', 'Sultanate', 'Emirate', 'Federation', 'State', 'States', 'Province', 'Region', 'City', 'Lake', 'Port', 'Mount', 'Democratic']);
/** "U.S" + "." → "U.S."; "Corp" + "." → "Corp.". */
const DOTTED = /^(?:\p{Lu}\.)*\p{Lu}$|^(?:Corp|Inc|Co|Ltd|Jr|Sr|St|Bros|Mt|Ft|Gen|Sgt|Lt|Col|Capt|Adm)$/u;

const norm = (w: string) => w.replace(/’/g, "'").replace(/\s+/g, ' ');

function isShouting(words: string[]): boolean {
  let caps = 0;
  let letters = 0;
  for (const w of words) {
    if (w.length < 2 || !LETTERS.test(w)) continue;
    letters++;
    if (ALL_CAPS.test(w)) caps++;
  }
  return letters >= 2 && caps / letters >= 0.7;
}

/** Initials and abbreviations keep their full stop: "M." "U.S." "Corp."; the stop's own token goes. */
function withAbbreviationStops(doc: Doc, tokens: Span[]): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (next && next.start === t.end && doc.text[t.end] === '.' && next.end === t.end + 1 && DOTTED.test(doc.slice(t))) {
      out.push({ ...t, end: t.end + 1 });
      i++;
    } else out.push(t);
  }
  return out;
}

type Context = Pick<Candidate, 'before' | 'after' | 'scoreLine' | 'sentenceStart' | 'dateline'>;

/** "Russian", "North Korean", "Russian-North Korean", but not "U.S." (a place). */
function isDemonym(text: string, L: Lexicon): boolean {
  const bare = text.replace(POSSESSIVE, '');
  if (L.places.has(bare) || L.places.has(`${bare}.`)) return false;
  if (L.demonyms.has(bare)) return true;
  return bare.split('-').every((p) => L.demonyms.has(p));
}

const titleCase = (w: string) => w.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());

/** What the whole document says about its words. */
export interface DocWords {
  /** Words it writes in lower case. */
  lower: Set<string>;
  /** Capitalised words it uses inside a sentence (not first). */
  inside: Set<string>;
}

export function findCandidates(doc: Doc, sentence: Span, docWords: DocWords): Candidate[] {
  const L = lex();
  const tokens = withAbbreviationStops(doc, doc.within('token', sentence.start, sentence.end));
  if (!tokens.length) return [];
  const words = tokens.map((t) => doc.slice(t));
  const ends = tokens.map((t) => t.end);
  const numbers = words.filter((w) => /^\d/.test(w)).length;
  const tableLike = numbers >= 2 && numbers / words.length > 0.2;
  const context = (i: number, j: number) => ({
    before: i > 0 ? words[i - 1]!.toLowerCase() : '',
    after: j < words.length ? words[j]! : '',
    scoreLine: tableLike && j < words.length && /^\d/.test(words[j]!),
    sentenceStart: words.slice(0, i).every((w) => !/[\p{L}\p{N}]/u.test(w)),
    dateline: i === 0 && ALL_CAPS.test(words[j - 1] ?? '') && (words[j] === ',' || /^\d{4}-\d\d-\d\d$/.test(words[j] ?? '')),
  });
  if (isShouting(words)) return shouted(tokens, words, L, docWords.lower, context);

  const out: Candidate[] = [];
  // A dateline in capitals: "AL-AIN , United Arab Emirates", "MOSCOW 1996-12-06".
  let i = 0;
  while (i < tokens.length) {
    if (!CAPITALISED.test(words[i]!) || words[i] === '-') {
      i++;
      continue;
    }
    let j = i + 1;
    for (; j < tokens.length; j++) {
      const gap = doc.text.slice(ends[j - 1]!, tokens[j]!.start);
      if (!/^[ \t]*\n?[ \t]*$/.test(gap) && gap !== '-' && gap !== '&') break;
      if (POSSESSIVE.test(words[j - 1]!) && /['’]/.test(words[j - 1]!)) break;
      const w = words[j]!;
      if (CAPITALISED.test(w)) continue;
      // A particle or "of" inside a name needs a capitalised word after it.
      const next = words[j + 1];
      if (!next || !CAPITALISED.test(next) || doc.text.slice(ends[j]!, tokens[j + 1]!.start) !== ' ') break;
      if (PARTICLES.has(w) || w === '&') continue;
      const head = words[j - 1]!;
      if (OF_WORDS.has(w) && (L.orgFirst.has(head) || PLACE_HEADS.has(head))) continue;
      if (w === 'and' && L.places.has(`${words.slice(i, j).join(' ')} and ${next}`)) continue;
      break;
    }
    emitRun(doc, tokens, words, ends, i, j, docWords, L, context, out);
    i = j;
  }
  return out;
}

function emitRun(
  doc: Doc,
  tokens: Span[],
  words: string[],
  ends: number[],
  from: number,
  to: number,
  docWords: DocWords,
  L: Lexicon,
  context: (i: number, j: number) => Context,
  out: Candidate[],
) {
  let i = from;
  // Leading stopwords ("The", "In", months); at the sentence start also words the text writes in
  // lower case elsewhere ("Former", "Earlier"), unless they can open a name.
  const common = (w: string) => {
    if (L.firstNames.has(w) || L.places.has(w) || L.orgFirst.has(w) || L.titles.has(w) || L.cities.has(w) || L.orgs.has(w)) return false;
    const lower = w.toLowerCase();
    return docWords.lower.has(lower) || (L.common.has(lower) && !docWords.inside.has(w));
  };
  while (i < to && (L.stop.has(words[i]!.replace(POSSESSIVE, '')) || (i === 0 && common(words[i]!)))) i++;
  let j = to;
  // Trailing lower-case particles, weekdays and months cannot end a name ("Greater Milwaukee Open Thursday").
  while (j > i && (!CAPITALISED.test(words[j - 1]!) || (j - 1 > i && L.stop.has(words[j - 1]!)))) j--;
  if (i >= j) return;
  const run = words.slice(i, j).map(norm);
  // Split off the title: the name starts after the last title word, unless the run is an organisation ("General Motors").
  let lastTitle = -1;
  const orgish = L.orgLast.has(run[run.length - 1]!.replace(POSSESSIVE, '')) || L.orgs.has(run.join(' '));
  if (!orgish) run.forEach((w, k) => L.titles.has(w.replace(/\.$/, '')) && (lastTitle = k));
  let nameFrom = i + lastTitle + 1;
  if (nameFrom >= j) return;
  const title = lastTitle >= 0 ? doc.text.slice(tokens[i]!.start, ends[nameFrom - 1]!).replace(/\s+/g, ' ') : null;
  // A leading nationality or country before a name that is no organisation: "American Dennis
  // Mitchell", "U.S. Labor Day" → two mentions.
  if (!orgish && !title && j - nameFrom > 1) {
    for (const n of [2, 1]) {
      if (j - nameFrom <= n) continue;
      const head = words.slice(nameFrom, nameFrom + n).join(' ');
      if (isDemonym(head, L) || L.places.get(head) === 'gpe') {
        pushMention(doc, tokens, words, ends, nameFrom, nameFrom + n, null, L, context, out);
        nameFrom += n;
        break;
      }
    }
  }
  pushMention(doc, tokens, words, ends, nameFrom, j, title, L, context, out);
}

function pushMention(
  doc: Doc,
  tokens: Span[],
  words: string[],
  ends: number[],
  from: number,
  to: number,
  title: string | null,
  L: Lexicon,
  context: (i: number, j: number) => Context,
  out: Candidate[],
) {
  const nameWords = words.slice(from, to).map(norm);
  // Only demonyms ("Russian", "North Korean", "Russian-North Korean"): not a name.
  const demonym = isDemonym(nameWords.join(' '), L);
  let end = ends[to - 1]!;
  const last = nameWords[nameWords.length - 1]!;
  const poss = POSSESSIVE.exec(last);
  if (poss && /['’]/.test(poss[0]) && last.length > poss[0].length + 1) {
    end -= poss[0].length;
    nameWords[nameWords.length - 1] = last.slice(0, -poss[0].length);
  }
  out.push({ start: tokens[from]!.start, end, words: nameWords, title, forced: null, demonym, ...context(from, to) });
}

/** In capitals, only what the gazetteers know, longest first. */
function shouted(tokens: Span[], words: string[], L: Lexicon, lowerCase: Set<string>, context: (i: number, j: number) => Context): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < tokens.length; ) {
    let hit = 0;
    for (let n = Math.min(L.maxWords, tokens.length - i); n >= 1 && !hit; n--) {
      const upper = words.slice(i, i + n).join(' ');
      // A GeoNames town named like a common word ("RUGBY", "UNION") only when the text never writes it in lower case.
      const name = L.upper.get(upper) ?? (n <= 3 && L.cities.has(titleCase(upper)) && !lowerCase.has(upper.toLowerCase()) && !L.stop.has(titleCase(upper)) ? titleCase(upper) : undefined);
      if (!name || !/\p{Lu}{2}/u.test(upper)) continue;
      const place = L.places.get(name);
      const org = L.orgs.get(name);
      const forced = org ? { type: org.type, kind: org.kind, by: 'names/capitals-org' } : { type: 'LOC' as const, kind: place ?? 'gpe', by: 'names/capitals-place' };
      out.push({ start: tokens[i]!.start, end: tokens[i + n - 1]!.end, words: name.split(' '), title: null, forced, demonym: false, ...context(i, i + n) });
      hit = n;
    }
    i += hit || 1;
  }
  return out;
}

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
  /** The word before `before` (as written) and the one after `after`: "town of X", "X , Scotland". */
  before2: string;
  after2: string;
  /** An age follows the name: "Kovac, 45, said", "(Kovac, 45)"; not "Velanto, 80 km" (a unit after the number). */
  ageAfter: boolean;
  /** The word inside a parenthesis right after the name: "Karbacher (Germany)". */
  inParens: string;
  /** The word inside a parenthesis right before the name: "Visser (Netherlands) Velotrax", "Ivo Marsh (Canada), Lola Ford, 52.340". */
  parenBefore: string;
  /** The word after that parenthesis: a score in "Torvik (Norway) 88 Belmar (Spain) 80". */
  afterParens: string;
  /** The sentence reads like a results table: the name stands before a number. */
  scoreLine: boolean;
  /** The name is one of a results line's or standings row's stretches between numbers (resultsLineNames). */
  teamLine: boolean;
  sentenceStart: boolean;
  /** A dateline's place in capitals: "MOSCOW 1996-12-06", "AL-AIN , United Arab Emirates". */
  dateline: boolean;
  /** The next candidate follows in a list: "Reuters, Zentravo and Interfax" (set by the names stage). */
  listNext: boolean;
  /** Only nationality words ("Russian", "North Korean"): not a name, MISC for NER scoring. */
  demonym: boolean;
}

const POSSESSIVE = /['’]s?$/u;
/** Without a final possessive; words without an apostrophe (nearly all) skip the regex. */
const dropPossessive = (w: string) => (w.includes("'") || w.includes('’') ? w.replace(POSSESSIVE, '') : w);
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

const COMPANY_ABBREVIATION = /^(?:Corp|Inc|Co|Ltd|Bros)$/;
/**
 * "Ontario-based", "Communist-led", "Brazilian-born": an adjective built on a name, a mention of its
 * own before the name it qualifies (not "Tae-hun", a given name).
 */
const COMPOUND_ADJECTIVE = /^\p{Lu}[\p{L}.']*-(?:\p{Ll}+ed|born|run|made|bound|style|speaking|wide)$/u;

const norm = (w: string) => (needsNorm(w) ? w.replace(/’/g, "'").replace(/\s+/g, ' ') : w);
/** A curly apostrophe or any space in the word (a char loop: this runs on every name word). */
function needsNorm(w: string): boolean {
  for (let k = 0; k < w.length; k++) {
    const c = w.charCodeAt(k);
    if (c <= 32 || c === 0x2019 || (c >= 0x80 && /[\s’]/.test(w[k]!))) return true;
  }
  return false;
}

/** Starts with a capital letter (ASCII fast path: this runs on every token). */
function isCap(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return CAPITALISED.test(w);
}

/** An Arabic article joined to a name: "al-Zahra", "el-Sheikh", "bin-Talal" (a name word in lower case). */
const JOINED_ARTICLE = /^(?:al|el|ad|as|ash|an|ar|at|az|ul|bin|ibn|abu)-\p{Lu}/u;
/** A word a name run may hold: capitalised, or an Arabic article joined to a capitalised word. */
function isNameWord(w: string): boolean {
  // The article's hyphen stands third or fourth ("al-", "bin-"): most lower-case words fail at once.
  return isCap(w) || ((w.charCodeAt(2) === 45 || w.charCodeAt(3) === 45) && JOINED_ARTICLE.test(w));
}

/** "W224", "B-52": codes, not name words ("G7" is a known organisation). */
function hasDigit(w: string): boolean {
  return /\d/.test(w) && !lex().orgs.has(w);
}

function isShouting(words: string[]): boolean {
  let caps = 0;
  let letters = 0;
  for (const w of words) {
    if (w.length < 2) continue;
    const c0 = w.charCodeAt(0);
    const c1 = w.charCodeAt(1);
    // Two ASCII lower-case letters up front: an ordinary word, no regex needed.
    if (c0 >= 97 && c0 <= 122) {
      letters++;
      continue;
    }
    if (!LETTERS.test(w)) continue;
    letters++;
    if ((c1 < 97 || c1 > 122) && ALL_CAPS.test(w)) caps++;
  }
  return letters >= 2 && caps / letters >= 0.7;
}

/** Most of its words (three or more letters) capitalised: a headline in title case. */
function titleCaseHeadline(words: string[]): boolean {
  let caps = 0;
  let n = 0;
  for (const w of words) {
    if (w.length < 3 || !/^\p{L}/u.test(w)) continue;
    n++;
    if (isCap(w)) caps++;
  }
  return n >= 3 && caps / n >= 0.75;
}

/** Initials and abbreviations keep their full stop: "M." "U.S." "Corp."; the stop's own token goes. */
function withAbbreviationStops(doc: Doc, tokens: Span[]): Span[] {
  if (!tokens.some((t, i) => i > 0 && doc.text.charCodeAt(t.start) === 46 && t.end === t.start + 1 && tokens[i - 1]!.end === t.start)) return tokens;
  const out: Span[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    // "... and Acme Corp." ends the sentence: that stop is the sentence's, not the abbreviation's.
    const last = i + 2 === tokens.length && COMPANY_ABBREVIATION.test(doc.slice(t));
    if (next && next.start === t.end && doc.text[t.end] === '.' && next.end === t.end + 1 && !last && DOTTED.test(doc.slice(t))) {
      out.push({ ...t, end: t.end + 1 });
      i++;
    } else out.push(t);
  }
  return out;
}

/** Builds a candidate with its context: the words around it in the sentence. */
type Context = (i: number, j: number, start: number, end: number, words: string[], title: string | null, forced: Candidate['forced'], demonym: boolean) => Candidate;

/** "Russian", "North Korean", "Russian-North Korean", but not "U.S." (a place). */
function isDemonym(text: string, L: Lexicon): boolean {
  const bare = text.includes("'") || text.includes('’') ? text.replace(POSSESSIVE, '') : text;
  if (L.demonyms.has(bare)) return !L.places.has(bare) && !L.places.has(`${bare}.`);
  // "West Indian", "Latin American", "S. Korean", "Roman Catholic": a qualifier and a nationality word.
  const space = bare.lastIndexOf(' ');
  if (space > 0 && DEMONYM_QUALIFIERS.has(bare.slice(0, space)) && L.demonyms.has(bare.slice(space + 1))) return true;
  return bare.includes('-') && bare.split('-').every((p) => L.demonyms.has(p));
}

/** Words that qualify a nationality word without making a name: "West Indian", "Latin American". */
const DEMONYM_QUALIFIERS = new Set(['North', 'South', 'East', 'West', 'Northeast', 'Northwest', 'Southeast', 'Southwest', 'Central', 'Latin', 'Roman', 'Greek', 'Sub-Saharan', 'N.', 'S.', 'Anglo', 'Indo']);

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
  const digit = (w: string | undefined) => w !== undefined && w.charCodeAt(0) >= 48 && w.charCodeAt(0) <= 57;
  let numbers = 0;
  for (const w of words) if (digit(w)) numbers++;
  let firstContent = 0;
  while (firstContent < words.length && !/[\p{L}\p{N}]/u.test(words[firstContent]!)) firstContent++;
  const tableLike = numbers >= 2 && numbers / words.length > 0.2;
  const context: Context = (i, j, start, end, nameWords, title, forced, demonym) => ({
    start,
    end,
    words: nameWords,
    title,
    forced,
    demonym,
    listNext: false,
    before: i > 0 ? words[i - 1]!.toLowerCase() : '',
    after: j < words.length ? words[j]! : '',
    before2: i > 1 ? words[i - 2]! : '',
    after2: j + 1 < words.length ? words[j + 1]! : '',
    ageAfter: words[j] === ',' && /^\d\d?$/.test(words[j + 1] ?? '') && (j + 2 >= words.length || !/^\p{Ll}/u.test(words[j + 2]!) || words[j + 2] === 'years'),
    inParens: words[j] === '(' ? (words[j + 1] ?? '') : '',
    // After a comma only when a time or number follows the name too: "(Canada), Lola Ford, 52.340", not a list of players.
    parenBefore: i > 1 && words[i - 1] === ')' ? words[i - 2]! : i > 2 && words[i - 1] === ',' && words[i - 2] === ')' && words[j] === ',' && digit(words[j + 1]) ? words[i - 3]! : '',
    afterParens: words[j] === '(' && words[j + 2] === ')' ? (words[j + 3] ?? '') : '',
    scoreLine: tableLike && digit(words[j]),
    teamLine: false,
    sentenceStart: i <= firstContent,
    dateline: i === 0 && ALL_CAPS.test(words[j - 1] ?? '') && (words[j] === ',' || /^\d{4}-\d\d-\d\d$/.test(words[j] ?? '')),
  });
  if (isShouting(words)) return shouted(tokens, words, L, docWords, context, tableLike);
  if (tableLike) {
    const teams = resultsLineNames(words);
    if (teams) {
      return teams.map(([a, b]) => {
        const c = context(a, b, tokens[a]!.start, ends[b - 1]!, teamWords(words, a, b), null, null, false);
        c.teamLine = true;
        return c;
      });
    }
  }

  const out: Candidate[] = [];
  // A headline in title case ("Kim Will Not Attend Moscow Parade, Kremlin Says"): a capitalised
  // word the article writes in lower case elsewhere ("will", "attend", "parade") is no name word.
  const titleCased = sentence.label === 'headline' && titleCaseHeadline(words);
  const plainWord = (w: string) => titleCased && docWords.lower.has(w.toLowerCase());
  // A dateline in capitals: "AL-AIN , United Arab Emirates", "MOSCOW 1996-12-06".
  let i = 0;
  while (i < tokens.length) {
    if (!isNameWord(words[i]!) || hasDigit(words[i]!) || plainWord(words[i]!)) {
      i++;
      continue;
    }
    let j = i + 1;
    for (; j < tokens.length; j++) {
      if (plainWord(words[j]!)) break;
      const single = tokens[j]!.start === ends[j - 1]! + 1 && doc.text[ends[j - 1]!] === ' ';
      if (!single && !/^[ \t]*\n?[ \t]*$/.test(doc.text.slice(ends[j - 1]!, tokens[j]!.start))) break;
      const prev = words[j - 1]!;
      if ((prev.endsWith("'s") || prev.endsWith('’s') || prev.endsWith("'") || prev.endsWith('’')) && prev.length > 2) break;
      const w = words[j]!;
      if (hasDigit(w) && !L.orgs.has(w)) break;
      if (isNameWord(w)) continue;
      // A particle or "of" inside a name needs a capitalised word after it ("van der Westhuizen": two particles).
      if (PARTICLES.has(w) && PARTICLES.has(words[j + 1] ?? '') && isCap(words[j + 2] ?? '') && doc.text.slice(ends[j]!, tokens[j + 2]!.start) === ` ${words[j + 1]} `) {
        j++;
        continue;
      }
      const next = words[j + 1];
      if (!next || !isCap(next) || doc.text.slice(ends[j]!, tokens[j + 1]!.start) !== ' ') break;
      if (PARTICLES.has(w) || w === '&') continue;
      const head = words[j - 1]!;
      if (OF_WORDS.has(w) && (L.orgFirst.has(head) || PLACE_HEADS.has(head))) continue;
      if (w === 'and' && L.places.has(`${words.slice(i, j).join(' ')} and ${next}`)) continue;
      if (w === 'and' && joinsOrganisation(words, i, j, L)) continue;
      break;
    }
    emitRun(doc, tokens, words, ends, i, j, docWords, L, context, out);
    i = j;
  }
  return out;
}

const WHOLE_NUMBER = /^\d+$/;
/** A town's initial in brackets that tells two clubs of one name apart: "Rovno (K)". */
const CLUB_INITIAL = /^\p{Lu}{1,3}$/u;

/**
 * A results line ("Watford Town 2 Mill of Tay 1") or a standings row ("Greenock Rovers 3 2 1 0 7 2 7") is
 * all names and whole numbers: each stretch of words between the numbers is one name, whatever
 * its words ("Bakers", "Mill of Tay", "Rovno (K)"). Null for any other line.
 */
function resultsLineNames(words: string[]): [number, number][] | null {
  let n = words.length;
  while (n > 0 && /^[.:;]$/.test(words[n - 1]!)) n--;
  const names: [number, number][] = [];
  let shape = '';
  for (let k = 0; k < n; ) {
    if (WHOLE_NUMBER.test(words[k]!)) {
      shape += 'N';
      k++;
      continue;
    }
    const from = k;
    if (!isCap(words[k]!)) return null;
    while (k < n && !WHOLE_NUMBER.test(words[k]!)) {
      const w = words[k]!;
      if (w === '(' && k + 2 < n && words[k + 2] === ')' && CLUB_INITIAL.test(words[k + 1]!)) k += 3;
      else if (isCap(w) || (k > from && (w === 'of' || w === '&' || PARTICLES.has(w)) && isCap(words[k + 1] ?? ''))) k++;
      else return null;
    }
    names.push([from, k]);
    shape += 'S';
  }
  return shape === 'SNSN' || /^SN{4,}$/.test(shape) ? names : null;
}

/** A team's words with a bracketed initial kept as one word: "Rovno", "(K)". */
function teamWords(words: string[], from: number, to: number): string[] {
  const out: string[] = [];
  for (let k = from; k < to; k++) {
    if (words[k] === '(') {
      out.push(`(${words[k + 1]})`);
      k += 2;
    } else out.push(norm(words[k]!));
  }
  return out;
}

/**
 * "Provincial Roads and Waterways Authority", "Post and Telegraph Board": an
 * "and" inside a name of two or more words that the words after it end as an organisation; not
 * "Reuters and Interfax News Agency" (one word before) nor "Foreign Ministry and Defence Ministry"
 * (the first name already complete).
 */
function joinsOrganisation(words: string[], from: number, and: number, L: Lexicon): boolean {
  if (and - from < 2 || L.orgLast.has(words[and - 1]!) || L.firstNames.has(words[from]!)) return false;
  let k = and + 1;
  while (k < words.length && isCap(words[k]!) && !hasDigit(words[k]!)) k++;
  return k > and + 1 && L.orgLast.has(words[k - 1]!);
}

/** The `forced.by` of a lone title word: a name only if the document has it as a surname. */
export const BARE_TITLE = 'names/bare-title';

function emitRun(
  doc: Doc,
  tokens: Span[],
  words: string[],
  ends: number[],
  from: number,
  to: number,
  docWords: DocWords,
  L: Lexicon,
  context: Context,
  out: Candidate[],
) {
  // "Ontario-based Magnor", "St. Louis-based Harbor Bancorp": two mentions.
  for (let k = from; k < to - 1; k++) {
    if (words[k]!.includes('-') && COMPOUND_ADJECTIVE.test(words[k]!) && isCap(words[k + 1]!)) {
      emitRun(doc, tokens, words, ends, from, k + 1, docWords, L, context, out);
      emitRun(doc, tokens, words, ends, k + 1, to, docWords, L, context, out);
      return;
    }
  }
  let i = from;
  // Leading stopwords ("The", "In", months); at the sentence start also words the text writes in
  // lower case elsewhere ("Former", "Earlier"), unless they can open a name.
  const common = (w: string) => {
    if (L.firstNames.has(w) || L.places.has(w) || L.orgFirst.has(w) || L.titles.has(w) || L.orgs.has(w)) return false;
    // "Top-seeded", "Third-stringer": a compound in lower case after the hyphen.
    if (/^\p{Lu}\p{Ll}+-\p{Ll}+$/u.test(w) && !L.cities.has(w)) return true;
    const lower = w.toLowerCase();
    return docWords.lower.has(lower) || (L.common.has(lower) && !docWords.inside.has(w));
  };
  // "North" in "North Korean Foreign Minister" is no common word here.
  const phrase = (k: number) => k + 1 < to && (isDemonym(`${words[k]} ${words[k + 1]}`, L) || L.places.has(`${words[k]} ${words[k + 1]}`));
  const opener = (k: number) => k === 0 || (k === 1 && !/[\p{L}\p{N}]/u.test(words[0]!));
  while (i < to && (L.stop.has(dropPossessive(words[i]!)) || (opener(i) && common(words[i]!) && !phrase(i)))) i++;
  let j = to;
  // Trailing lower-case particles, weekdays and months cannot end a name ("Greater Milwaukee Open Thursday").
  while (j > i && (!isNameWord(words[j - 1]!) || (j - 1 > i && L.stop.has(words[j - 1]!)))) j--;
  if (i >= j) return;
  const run = words.slice(i, j).map(norm);
  // Split off the title: the name starts after the last title word, unless the run is an organisation ("General Motors").
  let lastTitle = -1;
  const orgish = L.orgLast.has(dropPossessive(run[run.length - 1]!)) || L.orgs.has(run.join(' '));
  // A title word ending a name that opens with a given name is a surname: "Mary Ellen Bishop".
  const surnameLast = run.length > 1 && L.firstNames.has(run[0]!) ? run.length - 1 : run.length;
  if (!orgish) run.forEach((w, k) => k < surnameLast && L.titles.has(w.endsWith('.') ? w.slice(0, -1) : w) && (lastTitle = k));
  let nameFrom = i + lastTitle + 1;
  // A place opening the title is a name of its own: "U.S. President Ellen Marsh", "Hong Kong
  // Financial Secretary Paul Wong".
  if (lastTitle > 0) {
    const isTitle = (w: string) => L.titles.has(w.endsWith('.') ? w.slice(0, -1) : w);
    let first = 0;
    while (first < lastTitle && !isTitle(run[first]!)) first++;
    const head = run.slice(0, first);
    let n = 0;
    // A place opening the title is a name of its own: "U.S. President Ellen Marsh", "Hong Kong
    // Financial Secretary Paul Wong" (a country or region before the title's own words), "Geneva
    // Bishop Hans Keller" (a town before the title itself).
    if (first > 0 && (L.places.has(head.join(' ')) || L.cities.has(head.join(' ')))) n = first;
    else {
      for (let k = Math.min(3, first - 1); k >= 1 && !n; k--) {
        if (L.places.has(head.slice(0, k).join(' ')) && head.slice(k).every((w) => L.common.has(w.toLowerCase()))) n = k;
      }
    }
    if (n) pushMention(doc, tokens, words, ends, i, i + n, null, L, context, out);
    else if (first > 0 && (L.orgs.has(head.join(' ')) || L.orgLast.has(head[first - 1]!) || (first === 1 && /^\p{Lu}{2,}$/u.test(head[0]!)))) {
      // ... and so is an organisation's: "UN Secretary General Paul Wong", "Labour leader Ann
      // Price", "Foreign Ministry spokesman Li Wen" (known, an acronym, or an organisation word).
      pushMention(doc, tokens, words, ends, i, i + first, null, L, context, out);
    }
  }
  if (nameFrom >= j) {
    // A title word alone ("King said") may be the surname of a full name in the document
    // ("Mary Ellen Bishop"): kept for the typer to decide (src/ner/typer.ts), dropped otherwise;
    // never after "the" ("the President"), the commonest case, which the typer would drop anyway.
    if (j - i === 1 && (i === 0 || (words[i - 1] !== 'the' && words[i - 1] !== 'The'))) out.push(context(i, j, tokens[i]!.start, ends[i]!, [run[0]!], null, { type: 'PER', kind: 'person', by: BARE_TITLE }, false));
    return;
  }
  const title = lastTitle >= 0 ? doc.text.slice(tokens[i]!.start, ends[nameFrom - 1]!).replace(/\s+/g, ' ') : null;
  // A leading nationality or country before a name that is no organisation: "American Dennis
  // Mitchell", "U.S. Labor Day" → two mentions.
  const whole = words.slice(nameFrom, j).join(' ');
  if (!orgish && !title && j - nameFrom > 1 && !L.places.has(whole) && !L.cities.has(whole) && !PLACE_HEADS.has(words[nameFrom + 1]!) && !L.miscLast.has(words[j - 1]!)) {
    for (const n of [2, 1]) {
      if (j - nameFrom <= n) continue;
      const head = words.slice(nameFrom, nameFrom + n).join(' ');
      // "Chad Ogea", "Christian Karembeu": a given name, not a country.
      if (n === 1 && L.firstNames.has(head)) continue;
      if (isDemonym(head, L) || L.places.get(head) === 'country') {
        pushMention(doc, tokens, words, ends, nameFrom, nameFrom + n, null, L, context, out);
        nameFrom += n;
        break;
      }
    }
  }
  // "the OSCE Bosnia mission", "the Yeltsin Chechnya plan": an acronym or a known
  // person before a place are two names used as modifiers, not one.
  if (!orgish && j - nameFrom === 2 && !L.places.has(whole) && !L.orgs.has(whole)) {
    const [a, b] = [words[nameFrom]!, words[nameFrom + 1]!];
    if (L.places.has(b) && !L.places.has(a) && (L.people.has(a) || (ALL_CAPS.test(a) && a.length >= 3 && /^\p{Lu}+$/u.test(a)))) {
      pushMention(doc, tokens, words, ends, nameFrom, nameFrom + 1, title, L, context, out);
      pushMention(doc, tokens, words, ends, nameFrom + 1, j, null, L, context, out);
      return;
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
  context: Context,
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
  out.push(context(from, to, tokens[from]!.start, end, nameWords, title, null, demonym));
}

/** In capitals, only what the gazetteers know, longest first. */
function shouted(tokens: Span[], words: string[], L: Lexicon, docWords: DocWords, context: Context, tableLike: boolean): Candidate[] {
  const lowerCase = docWords.lower;
  const out: Candidate[] = [];
  let from = 0;
  // A table row in capitals names its subject first: "NY RANGERS 12 9 4", "TAMPA BAY 3 Boston 2".
  if (tableLike) {
    let k = 0;
    while (k < words.length && /^[\p{Lu}][\p{Lu}.'&-]*$/u.test(words[k]!)) k++;
    const whole = words.slice(0, k).join(' ');
    if (k > 0 && k < words.length && /^\d/.test(words[k]!) && !L.upper.has(whole) && !L.stop.has(titleCase(whole))) {
      out.push(context(0, k, tokens[0]!.start, tokens[k - 1]!.end, words.slice(0, k), null, null, false));
      from = k;
    }
  }
  for (let i = from; i < tokens.length; ) {
    // Gazetteer names start with a capital: numbers and punctuation are skipped at once.
    if (!isCap(words[i]!)) {
      i++;
      continue;
    }
    let hit = 0;
    const demonym = titleCase(words[i]!);
    if (L.demonyms.has(demonym) && words[i]!.length > 2 && /^\p{Lu}+$/u.test(words[i]!)) {
      out.push(context(i, i + 1, tokens[i]!.start, tokens[i]!.end, [demonym], null, null, true));
      i++;
      continue;
    }
    let span = 1;
    while (span < L.maxWords && i + span < tokens.length && isCap(words[i + span]!)) span++;
    for (let n = span; n >= 1 && !hit; n--) {
      const upper = n === 1 ? words[i]! : words.slice(i, i + n).join(' ');
      // A GeoNames town named like a common word ("RUGBY", "UNION") only when the text never writes it in lower case.
      let name = L.upper.get(upper);
      if (!name && n <= 3) {
        const town = n === 1 ? demonym : titleCase(upper);
        if (L.cities.has(town) && !lowerCase.has(upper.toLowerCase()) && !L.stop.has(town) && !(n === 1 && L.sportWords.has(upper))) name = town;
      }
      // Two capitals, a stop between or not ("UN", "U.S."), not "A" or "I".
      if (!name || !/\p{Lu}\.?\p{Lu}/u.test(upper)) continue;
      const place = L.places.get(name);
      const org = L.orgs.get(name);
      // "LISBON OPEN", "FED CUP": the place or body names an event (MISC), not itself.
      const event = words[i + n];
      if (event && isCap(event) && L.miscLast.has(titleCase(event))) {
        out.push(context(i, i + n + 1, tokens[i]!.start, tokens[i + n]!.end, [...name.split(' '), titleCase(event)], null, null, false));
        hit = n + 1;
        continue;
      }
      const forced = org ? { type: org.type, kind: org.kind, by: 'names/capitals-org' } : { type: 'LOC' as const, kind: place === 'loc' ? 'loc' : 'gpe', by: place === 'country' ? 'names/capitals-country' : 'names/capitals-place' };
      out.push(context(i, i + n, tokens[i]!.start, tokens[i + n - 1]!.end, name.split(' '), null, forced, false));
      hit = n;
    }
    // A headline word the text writes as a name inside its sentences: "ZANDORIX" for "Zandorix",
    // "ALL BLACKS" for "All Blacks"; the typing then follows the text's mentions.
    if (!hit) {
      const found: string[] = [];
      let end = 0;
      for (let k = i; k < tokens.length && k - i < 4; k++) {
        const raw = words[k]!;
        const bareWord = dropPossessive(raw);
        const name = titleCase(bareWord);
        const lower = name.toLowerCase();
        if (bareWord.length < 2 || !isCap(bareWord) || !docWords.inside.has(name) || L.stop.has(name) || lowerCase.has(lower) || L.common.has(lower)) break;
        found.push(name);
        end = tokens[k]!.end - (raw.length - bareWord.length);
        if (bareWord !== raw) break;
      }
      if (found.length) {
        out.push(context(i, i + found.length, tokens[i]!.start, end, found, null, null, false));
        hit = found.length;
      }
    }
    i += hit || 1;
  }
  if (L.resultVerbs.size) rivals(tokens, words, L, context, out);
  return out;
}

/** Words that end a rival's name in a headline: "SPAIN BEAT ITALY IN FRIENDLY", "... TO REACH FINAL". */
const HEADLINE_BREAK = new Set(['IN', 'TO', 'AT', 'ON', 'FOR', 'AND', 'OF', 'WITH', 'AFTER', 'AS', 'BY', 'FROM', 'BUT', 'THE', 'A', 'AN', 'AGAIN', 'TWICE']);

/**
 * A sports headline in capitals names the two sides around its result verb ("ZALGIRIS BEAT
 * OLIMPIJA 88-80", "KORIR DEFEATS TANUI"): the capitalised words next to the verb that no
 * gazetteer took are a name, typed by the report's sport (teams or players, src/ner/typer.ts).
 */
function rivals(tokens: Span[], words: string[], L: Lexicon, context: Context, out: Candidate[]) {
  const taken = (k: number) => out.some((c) => c.start <= tokens[k]!.start && tokens[k]!.end <= c.end);
  const nameWord = (k: number) => {
    const w = words[k];
    return w !== undefined && /^\p{Lu}[\p{Lu}.'-]*$/u.test(w) && !w.includes('--') && !HEADLINE_BREAK.has(w) && !L.resultVerbs.has(w) && !L.sportWords.has(w) && !taken(k);
  };
  const push = (a: number, b: number) => {
    if (a >= b) return;
    const raw = words.slice(a, b);
    const last = raw[raw.length - 1]!;
    const bareLast = last.includes("'") ? last.replace(POSSESSIVE, '') : last;
    if (bareLast.length < 2) return;
    const end = tokens[b - 1]!.end - (last.length - bareLast.length);
    out.push(context(a, b, tokens[a]!.start, end, [...raw.slice(0, -1), bareLast].map(titleCase), null, { type: 'ORG', kind: 'org', by: 'names/headline-rival' }, false));
  };
  for (let v = 1; v < words.length - 1; v++) {
    if (!L.resultVerbs.has(words[v]!)) continue;
    let a = v;
    while (a > 0 && v - a < 3 && nameWord(a - 1)) a--;
    // The run before the verb must start the headline or follow its slug ("SOCCER - ").
    if (a < v && (a === 0 || words[a - 1] === '-')) push(a, v);
    let b = v + 1;
    while (b < words.length && b - v <= 3 && nameWord(b)) b++;
    push(v + 1, b);
  }
  out.sort((x, y) => x.start - y.start);
}

import { lex } from './lexicon.js';
import { BARE_TITLE, type Candidate } from './mentions.js';

/**
 * Types the name candidates of one document: PER, ORG or LOC (kind person, org, gpe, loc, fac),
 * from the gazetteers, organisation words, given names, titles and context cues, then lets the
 * names typed with confidence decide the short forms ("Akram" after "Wasim Akram").
 */

export type NerLabel = 'PER' | 'ORG' | 'LOC' | 'MISC';
/** The kind of sports report a document is: teams (results name clubs after towns) or players. */
export type Sport = 'team' | 'individual' | null;
export interface Typed {
  type: NerLabel;
  kind: string;
  by: string;
  confidence: number;
}

/** Words before a name that point to a place or to a person. */
const PLACE_BEFORE = new Set(['in', 'at', 'near', 'from', 'to', 'into', 'across', 'outside', 'throughout', 'towards', 'toward', 'via', 'visit', 'visited', 'visiting']);
const PERSON_BEFORE = new Set(['mr', 'mrs', 'ms', 'dr', 'mr.', 'mrs.', 'ms.', 'dr.', 'sir', 'lady', 'lord', 'coach', 'striker', 'midfielder', 'defender', 'goalkeeper', 'captain', 'manager', 'spokesman', 'spokeswoman', 'minister', 'president', 'leader', 'chairman', 'envoy', 'ambassador', 'secretary', 'premier', 'chancellor', 'director']);
const PERSON_AFTER = new Set(['said', 'says', 'told', 'added', 'who', 'wrote', 'scored', 'beat', 'won', 'insisted', 'argued', 'explained', 'noted', 'asked', 'replied', 'denied', 'admitted']);
/** Types of a lone word that a person's full name in the same document overrides ("Dorothea Washington" … "Washington"). */
const REPLACEABLE = new Set(['names/context-cue']);
/** Foreign articles opening a title: newspapers and agencies ("Der Spiegel", "Le Matin", "El Al"). */
const ARTICLES = new Set(['Der', 'Die', 'Das', 'Le', 'La', 'Les', 'El', 'Il']);
/** Nouns right before or after a name that make it an organisation ("news agency Zandorix", "the Morning Star newspaper"). */
const ORG_BEFORE = new Set(['agency', 'newspaper', 'daily', 'weekly', 'magazine', 'club', 'company', 'firm', 'bank', 'carrier', 'airline', 'insurer', 'maker', 'giant', 'conglomerate', 'retailer', 'chain', 'brokerage', 'side', 'station', 'network', 'party', 'group', 'automaker', 'manufacturer', 'distributor', 'publisher', 'subsidiary', 'affiliate', 'rival', 'operator', 'utility']);
const ORG_NOUN_AFTER = new Set(['newspaper', 'daily', 'weekly', 'magazine', 'agency', 'club', 'group', 'shares', 'stock', 'shareholders', 'subsidiary', 'executives', 'management', 'spokesman', 'spokeswoman', 'unit', 'division', 'chairman', 'board', 'headquarters', 'workers', 'employees', 'unions', 'profit', 'profits', 'output', 'revenue', 'revenues', 'sales', 'earnings', 'turnover', 'plant', 'factory', 'products', 'results', 'stake', 'bid', 'merger', 'takeover']);
/** Words before "to"/"from"/"at" and a town that make it a club: a player's move or post. */
const CLUB_MOVE_BEFORE = new Set(['joined', 'moved', 'move', 'transferred', 'transfer', 'loaned', 'sold', 'returned', 'switched', 'coach', 'manager', 'player', 'striker', 'midfielder', 'defender', 'goalkeeper', 'career']);
/** Place nouns after a name: "the Altan mountains", "Kambuli province", "the Vesna stadium". */
const PLACE_NOUN_AFTER = new Set(['province', 'state', 'region', 'district', 'county', 'village', 'town', 'city', 'valley', 'river', 'mountains', 'mountain', 'island', 'islands', 'airport', 'stadium', 'sanatorium', 'church', 'mosque', 'square', 'street', 'border', 'coast', 'peninsula', 'camp', 'prison', 'port', 'harbour', 'bridge', 'desert', 'lake', 'area', 'municipality', 'governorate', 'prefecture']);
/** Verbs after a team's name in a match report. */
const TEAM_AFTER = new Set(['beat', 'won', 'scored', 'lost', 'drew']);
/** Two words before a name that make it a place ("the town of X") or an organisation ("shares of X"). */
const PLACE_BEFORE2 = new Set(['town', 'city', 'village', 'province', 'region', 'district', 'island', 'port', 'state', 'county', 'suburb', 'outskirts', 'east', 'west', 'north', 'south', 'northeast', 'northwest', 'southeast', 'southwest', 'capital']);
const ORG_BEFORE2 = new Set(['shares of', 'stake in', 'stakes in', 'unit of', 'subsidiary of', 'executive of', 'analyst at', 'analysts at', 'shareholders of', 'shareholder in']);
/** Cricket scorecards: "c Pemberton b Kallicharan", "Smith lbw b Okafor", "Okafor 10-1-43-2". */
const SCORECARD_BEFORE = new Set(['b', 'c', 'st', 'lbw']);
const SCORECARD_AFTER = new Set(['c', 'b', 'lbw', 'st']);
/** Names in a list from which a team report's list is a line-up of players. */
const LINE_UP = 3;
const MINUTE = /^\d+(?:st|nd|rd|th)$/;
const BOWLING = /^\d+(?:\.\d)?-\d+-\d+-\d+$/;

const ACRONYM = /^(?:\p{Lu}\.?){2,6}$/u;
const ALL_CAPS_WORDS = /^[\p{Lu}][\p{Lu} .'-]+$/u;

/** A common English word, also as a plural ("Goalkeepers" from "goalkeeper"). */
function isCommon(word: string): boolean {
  const L = lex();
  const w = word.toLowerCase();
  return L.common.has(w) || (w.endsWith('s') && (L.common.has(w.slice(0, -1)) || (w.endsWith('es') && L.common.has(w.slice(0, -2)))));
}

/** "Mariners", "Jays" but not "Glass": a plural ending after a lower-case letter. */
function isPlural(w: string): boolean {
  const n = w.length;
  const c = w.charCodeAt(n - 2);
  return n > 2 && w.charCodeAt(n - 1) === 115 && c !== 115 && c >= 97 && c <= 122;
}

const titleCase = (w: string) => w.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());

function firstPass(c: Candidate, sport: Sport, written: string): Typed | null {
  const L = lex();
  const sports = sport === 'team';
  if (c.forced?.by === BARE_TITLE) return null;
  if (c.forced) {
    // A side named next to a headline's result verb: a team or a player, by the report's sport.
    if (c.forced.by === 'names/headline-rival') {
      if (!sport) return null;
      const place = L.places.get(written);
      if (place === 'country') return { type: 'LOC', kind: 'gpe', by: 'names/headline-rival', confidence: 0.7 };
      return sport === 'team' ? { type: 'ORG', kind: 'org', by: 'names/headline-rival', confidence: 0.6 } : { type: 'PER', kind: 'person', by: 'names/headline-rival', confidence: 0.6 };
    }
    // In a sports report a town in capitals is a team ("LEEDS' BOWYER FINED", "TORONTO AT NY RANGERS").
    if (sports && c.forced.by === 'names/capitals-place' && !PLACE_BEFORE.has(c.before) && !c.dateline) return { type: 'ORG', kind: 'org', by: 'names/results-team', confidence: 0.6 };
    return { type: c.forced.type, kind: c.forced.kind, by: c.forced.by, confidence: 0.9 };
  }
  // A results line or standings row of a team sport names teams; countries are national teams (LOC, as CoNLL-2003 has them).
  if (c.teamLine && sports) {
    const country = L.places.get(written) === 'country' || L.places.get(titleCase(written)) === 'country';
    return country ? { type: 'LOC', kind: 'gpe', by: 'names/results-country', confidence: 0.8 } : { type: 'ORG', kind: 'org', by: 'names/results-team', confidence: 0.7 };
  }
  let text = written;
  // "MOSCOW", "LOS ANGELES": look the capitals up as "Moscow", "Los Angeles" unless known as written.
  const c1 = text.charCodeAt(1);
  if ((c1 < 97 || c1 > 122) && ALL_CAPS_WORDS.test(text) && !L.orgs.has(text) && !L.places.has(text)) {
    const t = titleCase(text);
    if (L.places.has(t) || L.cities.has(t)) text = t;
  }
  const first = c.words[0]!;
  const last = c.words[c.words.length - 1]!;
  const org = L.orgs.get(text);
  if (org) return { type: org.type, kind: org.kind, by: 'names/known-org', confidence: 0.9 };
  // "Der Spiegel", "Le Matin", "Prensa Latina" are handled by the words; "Le Monde" by the article.
  if (c.words.length > 1 && ARTICLES.has(first) && !L.cities.has(text) && !L.places.has(text)) return { type: 'ORG', kind: 'org', by: 'names/article-title', confidence: 0.6 };
  const place = L.places.get(text);
  if (place && !(sports && c.scoreLine && place !== 'country')) return { type: 'LOC', kind: place === 'loc' ? 'loc' : 'gpe', by: 'names/known-place', confidence: 0.9 };
  // A player with the country in brackets: "Karbacher (Germany)", "Ernie Els (South Africa)";
  // a team in a team report when a score follows ("Torvik (Norway) 88").
  if (c.inParens && (L.places.get(c.inParens) === 'country' || L.places.get(`${c.inParens}.`) === 'country')) {
    if (sport === 'team' && (/^\d+$/.test(c.afterParens) || TEAM_AFTER.has(c.afterParens))) return { type: 'ORG', kind: 'org', by: 'names/results-team', confidence: 0.6 };
    return { type: 'PER', kind: 'person', by: 'names/player-country', confidence: 0.7 };
  }
  // Fixtures and scorers: "Stranraer v Brechin" (teams), "Okafor (41st min)" (a player).
  if (sport === 'team' && (c.before === 'v' || c.after === 'v') && L.places.get(text) !== 'country' && !L.firstNames.has(first)) return { type: 'ORG', kind: 'org', by: 'names/fixture-team', confidence: 0.6 };
  // ... and a substitute with the minute he came on: "(Carwyn Thomas 71st)", "Bowen (Penrallt 80th)".
  if (sport && ((c.after === '(' && MINUTE.test(c.after2)) || MINUTE.test(c.after))) return { type: 'PER', kind: 'person', by: 'names/scorer', confidence: 0.7 };
  // A cricket scorecard names players: "c Pemberton b Kallicharan", bowling figures "Okafor 10-1-43-2".
  if (sport && (SCORECARD_BEFORE.has(c.before) || SCORECARD_AFTER.has(c.after) || BOWLING.test(c.after))) return { type: 'PER', kind: 'person', by: 'names/scorecard-player', confidence: 0.7 };
  // A one-word name in a results table of a team sport is a team ("Brechin 3 1 0", "Stranraer 2 0 1").
  if (sport === 'team' && c.scoreLine && c.words.length === 1 && !isCommon(text)) return { type: 'ORG', kind: 'org', by: 'names/results-team', confidence: 0.6 };
  if (L.people.has(text)) return { type: 'PER', kind: 'person', by: 'names/known-person', confidence: 0.85 };
  // "Harlan & Voss", "Douglas Keane & Co": partners joined by an ampersand are a firm.
  if (c.words.length > 2 && c.words.includes('&')) return { type: 'ORG', kind: 'org', by: 'names/ampersand', confidence: 0.8 };
  // An initial before a surname: "P. Simmons", "J. Adams".
  if (c.words.length > 1 && /^\p{Lu}\.$/u.test(first)) return { type: 'PER', kind: 'person', by: 'names/initial', confidence: 0.8 };
  const lone = () => c.words.length === 1 && isCommon(text);
  // A rider's or driver's team after his country: "Jan Visser (Netherlands) Velotrax 4:32", "Al Dorr (U.S.), Lola Ford, 54.483".
  if (sport && c.parenBefore && L.places.get(L.upper.get(c.parenBefore.toUpperCase()) ?? '') === 'country') return { type: 'ORG', kind: 'org', by: 'names/results-team', confidence: 0.6 };
  // A results line of a sport of players names players ("Henkel 67 68") and their towns.
  if (sport === 'individual' && c.scoreLine && !lone()) {
    if (L.cities.has(text)) return { type: 'LOC', kind: 'gpe', by: 'names/geonames', confidence: 0.6 };
    return { type: 'PER', kind: 'person', by: 'names/results-player', confidence: 0.6 };
  }
  if (c.scoreLine && !L.firstNames.has(first) && (sports || !lone())) return { type: 'ORG', kind: 'org', by: 'names/results-team', confidence: 0.6 };
  if (c.words.length > 1 && L.miscLast.has(last)) return { type: 'MISC', kind: 'misc', by: 'names/misc-word', confidence: 0.6 };
  if (c.dateline) return { type: 'LOC', kind: 'gpe', by: 'names/dateline', confidence: 0.8 };
  if (L.cities.has(text)) {
    // Not a venue: "Derby: Surrey beat ...", "(at the County Ground, Bristol)", "Riverside (Durham)".
    if (sports && clubMove(c)) return { type: 'ORG', kind: 'org', by: 'names/club-move', confidence: 0.6 };
    if (sports && !PLACE_BEFORE.has(c.before) && c.after !== ':' && c.after !== ')' && c.before !== '(') return { type: 'ORG', kind: 'org', by: 'names/sports-team', confidence: 0.5 };
    return { type: 'LOC', kind: 'gpe', by: 'names/geonames', confidence: 0.6 };
  }
  if (c.words.length > 1 && !L.orgLast.has(last)) {
    const kind = L.placeLast.get(last) ?? L.placeFirst.get(first) ?? (c.words[1] === 'of' ? L.placeOf.get(first) : undefined);
    if (kind) return { type: 'LOC', kind, by: 'names/place-word', confidence: 0.8 };
    // "Kansas City Royals", "Seattle Mariners": a town and a plural are a team.
    if (isPlural(last) && (L.cities.has(c.words.slice(0, -1).join(' ')) || L.places.has(c.words.slice(0, -1).join(' ')))) return { type: 'ORG', kind: 'org', by: 'names/town-team', confidence: 0.7 };
  }
  if (L.orgLast.has(last) || (c.words.length > 1 && L.orgFirst.has(first)) || c.words.some((w, k) => k > 0 && k < c.words.length - 1 && L.orgFirst.has(w))) {
    return { type: 'ORG', kind: 'org', by: 'names/org-word', confidence: 0.8 };
  }
  if (c.title) return { type: 'PER', kind: 'person', by: 'names/title', confidence: 0.85 };
  if (L.firstNames.has(first) && c.words.length > 1) return { type: 'PER', kind: 'person', by: 'names/given-name', confidence: 0.8 };
  if (PERSON_BEFORE.has(c.before)) return { type: 'PER', kind: 'person', by: 'names/person-cue', confidence: 0.7 };
  // Inner capitals ("NationsBank", "KeyCorp") mark a company.
  if (c.words.length === 1 && /^\p{Lu}\p{Ll}+\p{Lu}/u.test(first)) return { type: 'ORG', kind: 'org', by: 'names/camel-case', confidence: 0.6 };
  // Not a word in capitals ("DIGEST", "ORDERS").
  if (c.words.length === 1 && ACRONYM.test(first) && !(first.length >= 4 && isCommon(first))) return { type: 'ORG', kind: 'org', by: 'names/acronym', confidence: 0.6 };
  return null;
}

/**
 * Types every candidate of a document; short forms follow the longer names they repeat. A lone
 * unknown word opening a sentence that the document never uses elsewhere as a name is dropped
 * (null): "Attendance", "Results".
 */
export function typeCandidates(cands: Candidate[], sport: Sport): (Typed | null)[] {
  const L = lex();
  const sports = sport !== null;
  const texts = cands.map((c) => (c.words.length === 1 ? c.words[0]! : c.words.join(' ')));
  const typed = cands.map((c, i) => firstPass(c, sport, texts[i]!));
  // Words of confidently typed multi-word names: "Akram" → PER, "Ajax" → ORG.
  const wordType = new Map<string, NerLabel>();
  const nameType = new Map<string, NerLabel>();
  cands.forEach((c, i) => {
    const t = typed[i];
    if (!t) return;
    if ((t.confidence >= 0.8 || t.by === 'names/player-country') && !c.forced) nameType.set(texts[i]!, t.type);
    if (c.words.length > 1 && t.type === 'PER') for (const w of c.words) if (!wordType.has(w)) wordType.set(w, 'PER');
  });
  // The context cues of every mention the gazetteers left untyped, pooled per name: "Zandorix
  // shares" makes "Zandorix" a company everywhere.
  const votes = new Map<string, Partial<Record<NerLabel, number>>>();
  for (let i = 0; i < cands.length; i++) {
    if (typed[i] || cands[i]!.forced) continue;
    const cue = contextCue(cands[i]!, sport);
    if (!cue) continue;
    const text = texts[i]!;
    const v = votes.get(text) ?? {};
    v[cue.type] = (v[cue.type] ?? 0) + cue.weight;
    votes.set(text, v);
  }
  const second = cands.map((c, i): Typed | null => {
    const t = typed[i];
    const text = texts[i]!;
    const known = nameType.get(text) ?? (c.words.length === 1 ? wordType.get(text) : undefined);
    // A town's or country's name that the document also uses as a person's ("Clinton", "Jordan", "Dorothea Washington").
    const part = c.words.length === 1 ? wordType.get(text) : undefined;
    if (c.forced?.by === BARE_TITLE) return part === 'PER' && c.before !== 'the' ? { type: 'PER', kind: 'person', by: 'names/same-document', confidence: 0.7 } : null;
    if (t && (t.by === 'names/geonames' || t.by === 'names/sports-team' || t.by === 'names/results-team' || t.by === 'names/known-place') && (known === 'PER' || part === 'PER')) {
      return { type: 'PER', kind: 'person', by: 'names/same-document', confidence: 0.7 };
    }
    if (t) return t;
    // A lone letter no list knows, with a stop or not ("N / A", "C$ 0.45", "Group B"), is no name.
    if (text.length === 1 || (text.length === 2 && text.charCodeAt(1) === 46)) return null;
    if (known) return { type: known, kind: kindOf(known), by: 'names/same-document', confidence: 0.7 };
    // A lone common word with no cue ("Troops", "Refugees", "Prices"): a sentence opener or a piece of a longer name.
    if (c.words.length === 1 && isCommon(text) && !L.firstNames.has(text)) return null;
    const cue = majority(votes.get(text));
    if (cue) return { type: cue, kind: kindOf(cue), by: 'names/context-cue', confidence: 0.5 };
    // "Vienna-based", "New York-based", "Moscow-backed", "Pro-Moscow": adjectives built on a name.
    if (/^\p{Lu}[\p{L}.' ]*-\p{Ll}+$|^(?:Pro|Anti|Non)-\p{Lu}/u.test(text)) return { type: 'MISC', kind: 'misc', by: 'names/compound-adjective', confidence: 0.5 };
    if (L.firstNames.has(c.words[0]!)) return { type: 'PER', kind: 'person', by: 'names/given-name', confidence: 0.5 };
    if (c.words.length > 1) {
      const last = c.words[c.words.length - 1]!;
      // A title in quotes: "Silent Harbour", "Open Doors".
      if (c.before === '"' && c.after === '"') return { type: 'MISC', kind: 'misc', by: 'names/quoted-title', confidence: 0.4 };
      // A club named with its town: "Dynamo Kazan", "Sporting Lisbon".
      if (L.cities.has(last) && !L.firstNames.has(c.words[0]!)) return { type: 'ORG', kind: 'org', by: 'names/club-town', confidence: 0.4 };
      // Ending in a common word, the name is no person's: "Liberty Bell", "Grand Slam".
      if (isCommon(last) && !L.surnames.has(last)) return { type: 'MISC', kind: 'misc', by: 'names/common-multiword', confidence: 0.3 };
      return { type: 'PER', kind: 'person', by: 'names/default-multiword', confidence: 0.4 };
    }
    // "Olympic", "Olympics", "Cup": an event word alone.
    if (L.miscLast.has(text) || L.miscLast.has(`${text}s`)) return { type: 'MISC', kind: 'misc', by: 'names/misc-word', confidence: 0.5 };
    if (L.surnames.has(text)) return { type: 'PER', kind: 'person', by: 'names/surname', confidence: 0.45 };
    const suffix = L.suffixes.find(([end]) => text.length > end.length + 2 && text.endsWith(end));
    if (suffix && (!sports || suffix[1] !== 'LOC')) return { type: suffix[1], kind: kindOf(suffix[1]), by: `names/suffix:${suffix[0]}`, confidence: 0.4 };
    if (sport === 'team') return { type: 'ORG', kind: 'org', by: 'names/default-sports', confidence: 0.3 };
    // A name of unknown type: kept (consumers may still resolve it) but not guessed.
    return { type: 'MISC', kind: 'unknown', by: 'names/untyped', confidence: 0.2 };
  });
  // A lone word typed only by a default that a longer name of the document contains: "Bostwick"
  // after "Randall Bostwick" is the person.
  const partType = new Map<string, NerLabel>();
  cands.forEach((c, i) => {
    const t = second[i];
    if (!t || c.words.length < 2 || t.type !== 'PER') return;
    for (const w of c.words) if (!partType.has(w)) partType.set(w, 'PER');
  });
  const third = second.map((t, i) => {
    const c = cands[i]!;
    if (!t || c.words.length > 1 || (t.confidence >= 0.5 && !REPLACEABLE.has(t.by))) return t;
    const part = partType.get(c.words[0]!);
    return part ? { type: part, kind: kindOf(part), by: 'names/same-document', confidence: 0.5 } : t;
  });
  // A long list of one-word names in a team report is a line-up ("Did not play: Pryderi, Caradog, Gwythyr"):
  // the names only the sports default guessed are players.
  const listRun = new Array<number>(cands.length).fill(1);
  for (let i = 0; i < cands.length; ) {
    let j = i;
    while (j + 1 < cands.length && cands[j]!.listNext) j++;
    for (let k = i; k <= j; k++) listRun[k] = j - i + 1;
    i = j + 1;
  }
  // A name guessed only by a default takes the type of the names it is listed with ("Reuters, Zentravo and Interfax").
  return third.map((t, i) => {
    if (t?.by === 'names/default-sports' && listRun[i]! >= LINE_UP) return { type: 'PER', kind: 'person', by: 'names/line-up', confidence: 0.4 };
    if (!t || t.confidence >= 0.5) return t;
    const sure = (k: number) => {
      const n = third[k];
      return n && n.confidence >= 0.6 && n.type !== 'MISC' ? n.type : null;
    };
    const left = i > 0 && cands[i - 1]!.listNext ? sure(i - 1) : null;
    const right = cands[i]!.listNext ? sure(i + 1) : null;
    const type = left && right && left !== right ? null : (left ?? right);
    return type ? { type, kind: kindOf(type), by: 'names/list', confidence: 0.5 } : t;
  });
}

/**
 * A player's move or post names a club, not a town: "transferred to X", "joined Y from X",
 * "coach at X" (in a team report).
 */
function clubMove(c: Candidate): boolean {
  if (c.before !== 'to' && c.before !== 'from' && c.before !== 'at') return false;
  if (CLUB_MOVE_BEFORE.has(c.before2.toLowerCase())) return true;
  // "joined Verona from X": the club he left follows the club he joined.
  return c.before === 'from' && isCapital(c.before2) && c.before2 !== c.words[0];
}
const isCapital = (w: string) => w.length > 1 && w.charCodeAt(0) >= 65 && w.charCodeAt(0) <= 90;

/** What the words around one mention say it is, if anything. */
function contextCue(c: Candidate, sport: Sport): { type: NerLabel; weight: number } | null {
  const L = lex();
  // "the Springboks", "the Cardinals": a team or a group, no person.
  const group = c.before === 'the' && c.words.length === 1 && /[^s]s$/.test(c.words[0]!);
  if (group) return sport === 'team' ? { type: 'ORG', weight: 2 } : null;
  if (sport === 'team' && clubMove(c)) return { type: 'ORG', weight: 2 };
  const before2 = c.before2.toLowerCase();
  if (PLACE_BEFORE.has(c.before) || (c.before === 'of' && PLACE_BEFORE2.has(before2))) return { type: 'LOC', weight: 1 };
  if ((c.after === ',' && L.places.has(c.after2)) || PLACE_NOUN_AFTER.has(c.after)) return { type: 'LOC', weight: 2 };
  if (ORG_BEFORE2.has(`${before2} ${c.before}`) || ORG_BEFORE.has(c.before) || ORG_NOUN_AFTER.has(c.after)) return { type: 'ORG', weight: 2 };
  // In a team report "Surrey beat Kent" names a team.
  if (PERSON_AFTER.has(c.after.toLowerCase())) return sport === 'team' && TEAM_AFTER.has(c.after) ? { type: 'ORG', weight: 1 } : { type: 'PER', weight: 1 };
  if ((c.after === ',' && c.after2 === 'who') || c.ageAfter) return { type: 'PER', weight: 2 };
  if (c.before === 'said' && (c.after === '.' || c.after === ',')) return { type: 'PER', weight: 1 };
  return null;
}

/** The cue most mentions agree on; none on a tie. */
function majority(v: Partial<Record<NerLabel, number>> | undefined): NerLabel | null {
  if (!v) return null;
  let best: NerLabel | null = null;
  let n = 0;
  let tie = false;
  for (const [k, x] of Object.entries(v) as [NerLabel, number][]) {
    if (x > n) [best, n, tie] = [k, x, false];
    else if (x === n) tie = true;
  }
  return tie ? null : best;
}

export const kindOf = (t: NerLabel) => (t === 'PER' ? 'person' : t === 'ORG' ? 'org' : t === 'LOC' ? 'gpe' : 'misc');

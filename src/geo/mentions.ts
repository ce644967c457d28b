import type { Doc, Span } from '../doc/doc.js';
import { loadList, loadTable } from '../util/knowledge.js';
import { hintAfter, localCue } from './context.js';
import { normalisePlaceName } from './normalise.js';
import { placeData, type PlaceRecord } from './places-data.js';
import { candidates, type PlaceMention } from './resolve.js';

/**
 * Where a document names places: names from the `name` layer that the gazetteer knows and
 * the context does not make a person's, names after a cue ("the border village of Khasan"),
 * and descriptions ("the Russian capital", "the Far Eastern Russian city").
 */

export interface FoundMention extends PlaceMention {
  /** The rule that found it: name, cue:<noun>, capital, anaphor. */
  source: string;
  /** A place fixed by the description itself (capitals) instead of by resolving `text`. */
  fixed?: 'capital';
  /** For descriptions that point back to a town: country and area constraints. */
  anaphor?: { country: string | null; area: PlaceRecord | null; radiusKm: number; noun: string };
  confidence: number;
  /** Keep only if resolution finds support in the article (small towns named bare). */
  tentative?: boolean;
}

interface Descriptions {
  nouns: Map<string, string>;
  /** Area adjectives and demonyms, longest first: "North Korean" before "Korean". */
  areaList: [string, { region: PlaceRecord; radiusKm: number }][];
  demonymList: [string, string][];
  areas: Map<string, { region: PlaceRecord; radiusKm: number }>;
  ofCue: RegExp;
  described: RegExp;
  stop: Set<string>;
}

const esc = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Up to four capitalised words, possibly across one line break ("St." may open it). */
const NAME = "(?:St\\.\\s)?\\p{Lu}[\\p{L}\\p{M}'’-]*(?:[ \\t]*\\n?[ \\t]*\\p{Lu}[\\p{L}\\p{M}'’-]*){0,3}";

let descriptions: Descriptions | null = null;

function tables(): Descriptions {
  if (descriptions) return descriptions;
  const rows = loadTable('places-descriptions.tsv').rows;
  const nouns = new Map<string, string>();
  const modifiers: string[] = [];
  const areas = new Map<string, { region: PlaceRecord; radiusKm: number }>();
  const data = placeData();
  for (const r of rows) {
    if (r.type === 'noun') nouns.set(r.word!, r.value!);
    else if (r.type === 'modifier') modifiers.push(r.word!);
    else if (r.type === 'area') {
      const region = data.byKey.get(normalisePlaceName(r.value!))?.find((x) => x.kind === 'region');
      if (!region) throw new Error(`places-descriptions.tsv: area "${r.word}" names unknown region "${r.value}"`);
      areas.set(r.word!, { region, radiusKm: Number(r.radius_km) || 2000 });
    } else throw new Error(`places-descriptions.tsv: unknown type "${r.type}"`);
  }
  const demonyms = data.countries.flatMap((c) => c.demonyms);
  const nounAlt = [...nouns.keys()].map(esc).join('|');
  const modAlt = modifiers.map(esc).join('|');
  const adjAlt = [...areas.keys(), ...demonyms].sort((a, b) => b.length - a.length).map(esc).join('|');
  // "the border village of Khasan", "the port of Nakhodka", "the city of Vladivostok"
  const ofCue = new RegExp(`\\b[Tt]he\\s+(?:(?:${modAlt})\\s+){0,3}(${nounAlt})\\s+of\\s+(${NAME})`, 'gu');
  // "the Far Eastern Russian city", "the Russian capital", "the North Korean port city"
  const described = new RegExp(`\\b[Tt]he\\s+((?:(?:${adjAlt}|${modAlt})[ \\t\\n]+){1,4})(${nounAlt})\\b(?!\\s+of\\b)`, 'gu');
  const stop = new Set(loadList('places-stoplist.txt').map(normalisePlaceName));
  const areaList = [...areas].sort((x, y) => y[0].length - x[0].length);
  const demonymList = data.countries.flatMap((c) => c.demonyms.map((d) => [d, c.country!] as [string, string])).sort((x, y) => y[0].length - x[0].length);
  descriptions = { nouns, areas, areaList, demonymList, ofCue, described, stop };
  return descriptions;
}

/** The word after a name that says it is a person: "Lincoln said". */
const SPEECH_AFTER = /^[’']?s?\s+(said|says|told|added|asked|wrote|argued|insisted|noted|stressed|replied)\b/;
/** Words before a name that place it: "in Vladivostok", "from Khasan". */
const PLACE_BEFORE = /\b(in|at|from|near|to|outside|into|across|via|toward|towards|around)\s+(the\s+)?$/i;
/** A town known only by a name this small needs a cue before it counts. */
const MIN_POPULATION = 15_000;
const COUNTY = /\s(county|parish)$/;
const ALT_NAME_POPULATION = 500_000;

function nameText(doc: Doc, s: Span): string {
  const norm = s.attrs?.norm;
  if (typeof norm === 'string' && norm) return norm;
  const text = doc.slice(s);
  // Most names have neither a run of white space other than one space nor a possessive: as is.
  return MAY_FOLD.test(text) ? text.replace(/\s+/g, ' ').replace(/['’]s?$/, '') : text;
}
/** What nameText's two replacements can change: white space other than one space, a final quote or possessive. */
const MAY_FOLD = /[^\S ]|\s\s|['’]s?$/;

/**
 * Last words of the article's longer names ("Barry" of "Mark P. Barry", "Un" of "Kim Jong
 * Un"): the same word alone later is the person, not a town of that name.
 */
function surnames(doc: Doc): Set<string> {
  const out = new Set<string>();
  const byKey = placeData().byKey;
  for (const s of doc.layer('name')) {
    if (s.label === 'LOC') continue;
    const text = doc.slice(s);
    // One word: no surname to note (the common case, no splitting).
    if (!/\s/.test(text)) continue;
    const words = text.split(/\s+/);
    if (words.length > 1 && !byKey.has(normalisePlaceName(words.join(' ')))) out.add(normalisePlaceName(words[words.length - 1]!));
  }
  return out;
}

/** An organisation named after its place: "Athens Police Department" → Athens. */
const ORG_WORDS = /\b(Police|Department|County|City Council|Council|School|High School|University|College|Hospital|Airport|Club|Church|Company|Corporation|Bank|Museum|Fire|Sheriff|Court|Board|Authority|Commission|Olympics|Chamber|Library)\b/;
function leadingPlace(doc: Doc, s: Span, text: string, stop: Set<string>): FoundMention | null {
  const words = text.split(' ');
  if (words.length < 2 || !ORG_WORDS.test(text)) return null;
  for (let n = Math.min(3, words.length - 1); n > 0; n--) {
    const head = words.slice(0, n).join(' ');
    if (stop.has(normalisePlaceName(head)) || ORG_WORDS.test(head)) continue;
    const c = candidates(head).filter((x) => x.via === 'name');
    const team = c.some((x) => x.rec.kind !== 'city');
    const big = c.some((x) => x.rec.kind === 'city' && x.rec.population >= MIN_POPULATION);
    if (team || big) return { start: s.start, end: s.start + head.length, text: head, source: 'name-in-org', confidence: 0.7 };
  }
  return null;
}

/** Is this name span a place the gazetteer can resolve? */
function nameMention(doc: Doc, s: Span, stop: Set<string>, people: Set<string>): FoundMention | null {
  const label = s.label;
  const kind = s.attrs?.kind;
  if (label === 'PER' || kind === 'person' || s.attrs?.title) return null;
  const text = nameText(doc, s);
  const key = normalisePlaceName(text);
  if (!key || stop.has(key)) return null;
  // "St. Petersburg" where the names stage split off "St.".
  // Only a name after "…t", "…e" or "…." and one space-like character can follow a "St.".
  const b2 = doc.text.charCodeAt(s.start - 2);
  const saint = (b2 === 46 || b2 === 116 || b2 === 101) && /\b(St\.?|Saint|Ste?\.?)\s$/.exec(doc.text.slice(Math.max(0, s.start - 7), s.start));
  if (saint) {
    const longer = `${saint[1]} ${text}`;
    if (candidates(longer).length) return { start: s.start - saint[0].length, end: s.end, text: longer, source: 'name', confidence: 1 };
  }
  // "W.Va." / "D.C." whose final dot the tokenizer left outside the name.
  if (doc.text[s.end] === '.' && /\.\p{Lu}$/u.test(text)) {
    const dotted = `${text}.`;
    const c = candidates(dotted);
    if (c.length && c[0]!.via === 'abbreviation') return { start: s.start, end: s.end + 1, text: dotted, source: 'name', confidence: 0.9 };
  }
  // Adjectives ("Russians") are not place names here; the names stage leaves them out anyway.
  // Nor are names that only contain a place ("Moscow State University", via 'part').
  // Counted, not filtered into new arrays (this runs for every name).
  const all = candidates(text);
  const usable = (c: (typeof all)[number]) => c.via !== 'demonym' && c.via !== 'part' && c.via !== 'abbreviation';
  let cands = 0;
  let known = 0;
  for (const c of all) {
    if (!usable(c)) continue;
    cands++;
    if (c.rec.kind !== 'city' || c.rec.id.startsWith('venue:')) known++;
  }
  if (!cands) return leadingPlace(doc, s, text, stop);
  const team = placeData().byKey.get(key) ?? [];
  if (!team.length && !key.includes(' ') && people.has(key)) return null;
  // Organisations are places only when the team's data lists them (the Kremlin, the Blue House).
  if ((label === 'ORG' || kind === 'org') && !team.some((r) => r.kind === 'venue')) return null;
  // SPEECH_AFTER needs a quote, an "s" or white space right after the name.
  const a0 = doc.text.charCodeAt(s.end);
  if (!(a0 < 128 && !(a0 === 39 || a0 === 115 || a0 === 32 || (a0 >= 9 && a0 <= 13))) && SPEECH_AFTER.test(doc.text.slice(s.end, s.end + 20))) return null;
  const hint = hintAfter(doc.text, s.end);
  if (team.length || hint) return { start: s.start, end: s.end, text, hint, source: 'name', confidence: 1 };
  // Only towns: their own name (not an alternate), and either a large place or a cue before it.
  // A town's own name, or a well-known other spelling of a large one ("Ulaanbaatar").
  let own = 0;
  let big = false;
  for (const c of all) {
    if (!usable(c) || !((c.via === 'name' || (c.via === 'stripped' && COUNTY.test(key)) || (c.via === 'name-alt' && c.rec.population >= ALT_NAME_POPULATION)) && c.rec.kind === 'city')) continue;
    own++;
    if (c.rec.population >= MIN_POPULATION) big = true;
  }
  if (!own && !known) return null;
  // PLACE_BEFORE ends in white space: no look unless the character before the name may be one.
  const b1 = doc.text.charCodeAt(s.start - 1);
  const cue = !(b1 < 128 && !(b1 === 32 || (b1 >= 9 && b1 <= 13))) && PLACE_BEFORE.test(doc.text.slice(Math.max(0, s.start - 14), s.start));
  if (big || cue) return { start: s.start, end: s.end, text, source: big ? 'name' : 'name-after-preposition', confidence: big ? 0.9 : 0.7 };
  // A small town with no cue: kept only if the article's other places vouch for it (same
  // first-level region, or within 100 km), decided after resolution.
  return { start: s.start, end: s.end, text, source: 'name-small', confidence: 0.6, tentative: true };
}

export function findPlaceMentions(doc: Doc): FoundMention[] {
  const found = findMentions(doc);
  // "a Lebanon man", "Athens Police": read as a local town (resolve.ts).
  for (const m of found) m.local = !m.fixed && !m.anaphor && localCue(doc.text, m.start, m.end);
  return found;
}

function findMentions(doc: Doc): FoundMention[] {
  const t = tables();
  const out: FoundMention[] = [];
  // Claimed ranges as flat [start, end, start, end, …] (checked for every name).
  const taken: number[] = [];
  const overlaps = (a: number, b: number) => {
    for (let i = 0; i < taken.length; i += 2) if (a < taken[i + 1]! && taken[i]! < b) return true;
    return false;
  };
  const text = doc.text;

  t.ofCue.lastIndex = 0;
  for (let m = t.ofCue.exec(text); m; m = t.ofCue.exec(text)) {
    const noun = m[1]!;
    const name = m[2]!.replace(/['’]s$/, '');
    const start = m.index + m[0].length - m[2]!.length;
    const end = start + name.length;
    const value = t.nouns.get(noun);
    if (!candidates(name).length || t.stop.has(normalisePlaceName(name))) continue;
    out.push({ start, end, text: name, hint: value === 'city' ? { kind: 'town' } : undefined, source: `cue:${noun}-of`, confidence: 0.95 });
    taken.push(start, end);
  }

  const people = surnames(doc);
  for (const s of doc.layer('name')) {
    if (overlaps(s.start, s.end)) continue;
    const found = nameMention(doc, s, t.stop, people);
    if (found) {
      out.push(found);
      taken.push(s.start, s.end);
    }
  }

  t.described.lastIndex = 0;
  for (let m = t.described.exec(text); m; m = t.described.exec(text)) {
    const start = m.index;
    const end = m.index + m[0].length;
    if (overlaps(start, end)) continue;
    const words = m[1]!.replace(/\s+/g, ' ').trim();
    const noun = t.nouns.get(m[2]!);
    let country: string | null = null;
    let area: { region: PlaceRecord; radiusKm: number } | null = null;
    // Longest adjectives first: "North Korean" before "Korean", "Far Eastern" before "Eastern".
    let rest = ` ${words} `;
    for (const [adj, a] of t.areaList) {
      if (rest.includes(` ${adj} `)) {
        area = a;
        rest = rest.replace(` ${adj} `, ' ');
      }
    }
    for (const [demonym, iso3] of t.demonymList) {
      if (rest.includes(` ${demonym} `)) {
        country = iso3;
        break;
      }
    }
    if (!country && !area) continue;
    if (noun === 'capital') {
      if (country) out.push({ start, end, text: country, fixed: 'capital', source: 'capital', confidence: 0.9 });
    } else if (noun === 'city') {
      out.push({ start, end, text: m[0], source: 'anaphor', anaphor: { country: country ?? area?.region.country ?? null, area: area?.region ?? null, radiusKm: area?.radiusKm ?? 0, noun: m[2]! }, confidence: 0.7 });
    }
    taken.push(start, end);
  }
  return out.sort((a, b) => a.start - b.start);
}

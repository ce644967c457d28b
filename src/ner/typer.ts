import { lex } from './lexicon.js';
import type { Candidate } from './mentions.js';

/**
 * Types the name candidates of one document: PER, ORG or LOC (kind person, org, gpe, loc, fac),
 * from the gazetteers, organisation words, given names, titles and context cues, then lets the
 * names typed with confidence decide the short forms ("Akram" after "Wasim Akram").
 */

export type NerLabel = 'PER' | 'ORG' | 'LOC' | 'MISC';
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

const ACRONYM = /^(?:\p{Lu}\.?){2,6}$/u;
const ALL_CAPS_WORDS = /^[\p{Lu}][\p{Lu} .'-]+$/u;

const titleCase = (w: string) => w.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());

function firstPass(c: Candidate, sports: boolean): Typed | null {
  const L = lex();
  if (c.forced) {
    if (sports && c.forced.by === 'names/capitals-place' && c.scoreLine && !L.places.has(c.words.join(' '))) return { type: 'ORG', kind: 'org', by: 'names/results-team', confidence: 0.6 };
    return { type: c.forced.type, kind: c.forced.kind, by: c.forced.by, confidence: 0.9 };
  }
  let text = c.words.join(' ');
  // "MOSCOW", "LOS ANGELES": look the capitals up as "Moscow", "Los Angeles" unless known as written.
  if (ALL_CAPS_WORDS.test(text) && !L.orgs.has(text) && !L.places.has(text)) {
    const t = titleCase(text);
    if (L.places.has(t) || L.cities.has(t)) text = t;
  }
  const first = c.words[0]!;
  const last = c.words[c.words.length - 1]!;
  const org = L.orgs.get(text);
  if (org) return { type: org.type, kind: org.kind, by: 'names/known-org', confidence: 0.9 };
  const place = L.places.get(text);
  if (place) return { type: 'LOC', kind: place, by: 'names/known-place', confidence: 0.9 };
  // An initial before a surname: "P. Simmons", "J. Adams".
  if (c.words.length > 1 && /^\p{Lu}\.$/u.test(first)) return { type: 'PER', kind: 'person', by: 'names/initial', confidence: 0.8 };
  if (c.scoreLine && !L.firstNames.has(first)) return { type: 'ORG', kind: 'org', by: 'names/results-team', confidence: 0.6 };
  if (c.words.length > 1 && L.miscLast.has(last)) return { type: 'MISC', kind: 'misc', by: 'names/misc-word', confidence: 0.6 };
  if (c.dateline) return { type: 'LOC', kind: 'gpe', by: 'names/dateline', confidence: 0.8 };
  if (L.cities.has(text)) {
    if (sports && !PLACE_BEFORE.has(c.before)) return { type: 'ORG', kind: 'org', by: 'names/sports-team', confidence: 0.5 };
    return { type: 'LOC', kind: 'gpe', by: 'names/geonames', confidence: 0.6 };
  }
  if (L.orgLast.has(last) || (c.words.length > 1 && L.orgFirst.has(first)) || c.words.some((w, k) => k > 0 && k < c.words.length - 1 && L.orgFirst.has(w))) {
    return { type: 'ORG', kind: 'org', by: 'names/org-word', confidence: 0.8 };
  }
  if (c.title) return { type: 'PER', kind: 'person', by: 'names/title', confidence: 0.85 };
  if (L.firstNames.has(first) && c.words.length > 1) return { type: 'PER', kind: 'person', by: 'names/given-name', confidence: 0.8 };
  if (PERSON_BEFORE.has(c.before)) return { type: 'PER', kind: 'person', by: 'names/person-cue', confidence: 0.7 };
  if (c.words.length === 1 && ACRONYM.test(first)) return { type: 'ORG', kind: 'org', by: 'names/acronym', confidence: 0.6 };
  return null;
}

/**
 * Types every candidate of a document; short forms follow the longer names they repeat. A lone
 * unknown word opening a sentence that the document never uses elsewhere as a name is dropped
 * (null): "Attendance", "Results".
 */
export function typeCandidates(cands: Candidate[], sports: boolean): (Typed | null)[] {
  const L = lex();
  const typed = cands.map((c) => firstPass(c, sports));
  const inside = new Set<string>();
  for (const c of cands) if (!c.sentenceStart) inside.add(c.words.join(' '));
  // Words of confidently typed multi-word names: "Akram" → PER, "Ajax" → ORG.
  const wordType = new Map<string, NerLabel>();
  const nameType = new Map<string, NerLabel>();
  cands.forEach((c, i) => {
    const t = typed[i];
    if (!t) return;
    if (t.confidence >= 0.8 && !c.forced) nameType.set(c.words.join(' '), t.type);
    if (c.words.length > 1 && t.type === 'PER') for (const w of c.words) if (!wordType.has(w)) wordType.set(w, 'PER');
  });
  return cands.map((c, i) => {
    const t = typed[i];
    const text = c.words.join(' ');
    const known = nameType.get(text) ?? (c.words.length === 1 ? wordType.get(text) : undefined);
    // A town's name that the document also uses as a person's ("Clinton", "Dole").
    if (t && (t.by === 'names/geonames' || t.by === 'names/sports-team') && known === 'PER') return { type: 'PER', kind: 'person', by: 'names/same-document', confidence: 0.7 };
    if (t && t.by === 'names/geonames' && PERSON_AFTER.has(c.after.toLowerCase())) return { type: 'PER', kind: 'person', by: 'names/person-cue', confidence: 0.5 };
    if (t) return t;
    if (known) return { type: known, kind: kindOf(known), by: 'names/same-document', confidence: 0.7 };
    if (c.sentenceStart && c.words.length === 1 && !inside.has(text) && L.common.has(text.toLowerCase())) return null;
    if (PLACE_BEFORE.has(c.before)) return { type: 'LOC', kind: 'gpe', by: 'names/place-cue', confidence: 0.5 };
    if (PERSON_AFTER.has(c.after.toLowerCase())) return { type: 'PER', kind: 'person', by: 'names/person-cue', confidence: 0.5 };
    if (L.firstNames.has(c.words[0]!)) return { type: 'PER', kind: 'person', by: 'names/given-name', confidence: 0.5 };
    if (c.words.length > 1) return { type: 'PER', kind: 'person', by: 'names/default-multiword', confidence: 0.4 };
    if (sports) return { type: 'ORG', kind: 'org', by: 'names/default-sports', confidence: 0.3 };
    return { type: 'PER', kind: 'person', by: 'names/default', confidence: 0.3 };
  });
}

export const kindOf = (t: NerLabel) => (t === 'PER' ? 'person' : t === 'ORG' ? 'org' : t === 'LOC' ? 'gpe' : 'misc');

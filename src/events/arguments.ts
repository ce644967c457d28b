import type { Doc, Span } from '../doc/doc.js';
import { loadList, loadTable } from '../util/knowledge.js';

/**
 * Where the event stage gets its argument candidates: every lookup of who and where goes
 * through this module. With the `actor` and `place` layers (docs/layers.md) it reads them;
 * without them it falls back to the `name` layer plus a small table of states, cities,
 * nationality adjectives and well-known people (knowledge/event-countries.tsv,
 * knowledge/event-people.tsv), so country codes already work.
 */

export interface Candidate {
  start: number;
  end: number;
  name: string;
  /** An actor, a place, or both ("Moscow" as the city and as the Russian government). */
  actor: boolean;
  place: boolean;
  id: string | null;
  country: string | null;
  title: string | null;
  sector: string | null;
  lat: number | null;
  lon: number | null;
  by: string;
  /** A state as such ("Russia"), not a city standing for its government ("Moscow"). */
  state: boolean;
  /** As a place, its own name and id when they differ from the actor's ("Beijing", not "China"). */
  placeName?: string | null;
  placeId?: string | null;
  /** The people a pair phrase stands for ("the pair", "the two leaders"): each is a participant. */
  members?: { name: string; id: string | null; country: string | null; title: string | null; sector: string | null }[];
}

interface Entry {
  country: string;
  actor: boolean;
  place: boolean;
  kind: 'state' | 'city' | 'demonym' | 'person' | 'org';
}

let fallback: { entries: Map<string, Entry>; longest: number; firstWords: Set<string> } | null = null;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function fallbackTables() {
  if (fallback) return fallback;
  const entries = new Map<string, Entry>();
  const put = (name: string, e: Entry) => {
    if (name && !entries.has(name.toLowerCase())) entries.set(name.toLowerCase(), e);
  };
  for (const r of loadTable('event-people.tsv').rows) put(r.name!, { country: r.country!, actor: true, place: false, kind: 'person' });
  for (const r of loadTable('event-countries.tsv').rows) {
    const code = r.code!;
    const org = code === 'IGO' || code === 'NGO';
    for (const n of r.names!.split('|')) put(n, { country: code, actor: true, place: !org, kind: org ? 'org' : 'state' });
    for (const n of r.demonyms ? r.demonyms.split('|') : []) put(n, { country: code, actor: true, place: false, kind: 'demonym' });
    // The capital (first city) also stands for the government.
    (r.cities ? r.cities.split('|') : []).forEach((n, i) => put(n, { country: code, actor: i === 0, place: true, kind: 'city' }));
  }
  for (const r of loadTable('demonyms.tsv').rows) if (r.country) put(r.demonym!, { country: r.country, actor: true, place: false, kind: 'demonym' });
  const longest = Math.min(5, Math.max(...[...entries.keys()].map((k) => k.split(/\s+|(?=\.)/).length)));
  // The first word of every entry, to skip most capitalised words with one lookup.
  const firstWords = new Set([...entries.keys()].map((k) => k.split(/[\s.-]/)[0]!));
  fallback = { entries, longest, firstWords };
  return fallback;
}

let groups: { sectors: Map<string, string>; longest: number; lastChars: Set<number> } | null = null;

/**
 * Unnamed groups (knowledge/event-groups.tsv): "demonstrators blocked the road". One right
 * after a nationality or name, over at most two lowercase modifiers, is that candidate's
 * group and not an actor of its own ("Syrian rebels", "Chinese government troops").
 */
function groupNouns(doc: Doc, tokens: Span[], known: Candidate[]): Candidate[] {
  if (!groups) {
    const sectors = new Map(loadTable('event-groups.tsv').rows.map((r) => [r.noun!, r.sector!]));
    const keys = [...sectors.keys()];
    groups = { sectors, longest: Math.max(...keys.map((k) => k.length)), lastChars: new Set(keys.map((k) => k.charCodeAt(k.length - 1))) };
  }
  const out: Candidate[] = [];
  for (const tok of tokens) {
    // Most tokens fail on length or last letter without a lower-cased copy.
    if (tok.end - tok.start > groups.longest || !groups.lastChars.has(doc.text.charCodeAt(tok.end - 1) | 32)) continue;
    const word = doc.slice(tok);
    const sector = groups.sectors.get(word.toLowerCase());
    if (sector === undefined) continue;
    if (known.some((c) => c.start < tok.end && tok.start < c.end)) continue;
    const before = known.filter((c) => c.end <= tok.start).pop();
    if (before && /^(?:[\s-]+(?:[a-z]+[\s-]+){0,2})?$/.test(doc.text.slice(before.end, tok.start))) continue;
    out.push({ start: tok.start, end: tok.end, name: word, actor: true, place: false, id: null, country: null, title: null, sector, lat: null, lon: null, by: 'events/fallback-group', state: false });
  }
  return out;
}

/** The state a name or nationality adjective stands for, from the fallback table. */
export function countryOf(text: string, cities = false): string | null {
  const t = fallbackTables();
  const hit = t.entries.get(text.toLowerCase().replace(/['’]s?$/u, ''));
  if (hit) return hit.country;
  // A state or nationality among the words: "North Korean Foreign Minister".
  const words = text.toLowerCase().split(/[\s-]+/);
  for (let i = 0; i < words.length; i++) {
    if (!t.firstWords.has(words[i]!)) continue;
    for (let n = Math.min(4, words.length - i); n >= 1; n--) {
      const e = t.entries.get(words.slice(i, i + n).join(' '));
      if (e && (e.kind === 'demonym' || e.kind === 'state' || (cities && e.kind === 'city'))) return e.country;
    }
  }
  return null;
}

/** A lower-case start with an ASCII capital after it ("jaPan"). */
function mixedCase(text: string, start: number, end: number): boolean {
  const c = text.charCodeAt(start);
  if (c < 97 || c > 122) return false;
  for (let i = start + 1; i < end; i++) {
    const d = text.charCodeAt(i);
    if (d >= 65 && d <= 90) return true;
  }
  return false;
}

function isCapitalised(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  return /^\p{Lu}/u.test(s);
}

function memberOf(x: Record<string, unknown>): NonNullable<Candidate['members']>[number] {
  return { name: String(x.name ?? ''), id: (x.id as string) ?? null, country: (x.country as string) ?? null, title: (x.title as string) ?? null, sector: (x.sector as string) ?? null };
}

/** Candidates from the actor and place layers (the contract in docs/layers.md). */
function fromLayers(doc: Doc, sentence: Span): Candidate[] {
  const out = new Map<string, Candidate>();
  for (const a of doc.within('actor', sentence.start, sentence.end)) {
    const x = (a.attrs ?? {}) as Record<string, unknown>;
    out.set(`${a.start}:${a.end}`, {
      start: a.start, end: a.end, name: (x.name as string) ?? doc.slice(a), actor: true, place: false,
      id: (x.id as string) ?? null, country: (x.country as string) ?? null, title: (x.title as string) ?? null,
      sector: (x.sector as string) ?? null, lat: null, lon: null, by: a.by, state: a.label === 'state' && x.via !== 'metonym',
      ...(Array.isArray(x.members) ? { members: (x.members as Record<string, unknown>[]).map(memberOf) } : {}),
    });
  }
  for (const p of doc.within('place', sentence.start, sentence.end)) {
    const x = (p.attrs ?? {}) as Record<string, unknown>;
    const key = `${p.start}:${p.end}`;
    const name = (x.name as string) ?? doc.slice(p);
    const id = (x.id as string) ?? null;
    const country = (x.country as string) ?? null;
    const lat = (x.lat as number) ?? null;
    const lon = (x.lon as number) ?? null;
    const same = out.get(key);
    if (same) {
      Object.assign(same, { place: true, lat, lon, placeName: name, placeId: id });
      same.country ??= country;
      continue;
    }
    // A country is also the state as an actor, whether or not the actor layer knows it; a
    // capital named by its state ("the Kenyan capital") stands for the government as the
    // capital's name does ("Nairobi").
    const state = p.label === 'country' && !!country;
    const capital = p.by === 'places/capital-of-country' && !!country;
    out.set(key, {
      start: p.start, end: p.end, name, actor: state || capital, place: true, id: state || capital ? country : id, country, title: null, sector: capital ? 'government' : null,
      lat, lon, by: p.by, state, placeName: name, placeId: id,
    });
  }
  return [...out.values()].sort((a, b) => a.start - b.start);
}

/**
 * The layers' candidates plus what only the fallback tables find: nationality adjectives
 * and groups the actor layer has no entry for ("Syrian artillery", "Russian and Chinese
 * navies"), states and people it does not know, the parts of "Kim-Putin". A layer's reading
 * wins where both cover a span; a fallback hit on exactly the same span adds what it knows
 * (a country place as an actor), one overlapping a layer span or a title is dropped.
 */
function merged(doc: Doc, sentence: Span): Candidate[] {
  const layers = fromLayers(doc, sentence);
  // A title's nationality belongs to its holder ("North Korean Foreign Minister Paek").
  const titles: { start: number; end: number }[] = [];
  for (const a of doc.within('actor', sentence.start, sentence.end)) {
    const textTitle = a.attrs?.textTitle as string | undefined;
    if (!textTitle) continue;
    const at = doc.text.lastIndexOf(textTitle, a.start);
    if (at >= sentence.start && at + textTitle.length <= a.start) titles.push({ start: at, end: a.start });
  }
  const out = [...layers];
  for (const f of fromFallback(doc, sentence, true)) {
    // Only table hits: a name the actor layer left out on purpose stays out.
    if (!f.by.startsWith('events/fallback-')) continue;
    const same = layers.find((c) => c.start === f.start && c.end === f.end);
    if (same) {
      if (f.actor && !same.actor) Object.assign(same, { actor: true, state: same.state || f.by === 'events/fallback-state' });
      same.country ??= f.country;
      continue;
    }
    if (layers.some((c) => c.start < f.end && f.start < c.end) || titles.some((x) => x.start <= f.start && f.end <= x.end)) continue;
    out.push(f);
  }
  out.sort((a, b) => a.start - b.start);
  return withGroups(doc, sentence, out);
}

function withGroups(doc: Doc, sentence: Span, cands: Candidate[]): Candidate[] {
  const groups = groupNouns(doc, doc.within('token', sentence.start, sentence.end), cands);
  return groups.length ? [...cands, ...groups].sort((a, b) => a.start - b.start) : cands;
}

/** The lengths of the fallback table's keys by their first word (fromFallback's cheap first test). */
let entryLengths: Map<string, Set<number>> | null = null;

function lengthsByFirstWord(entries: Map<string, unknown>): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const k of entries.keys()) {
    const first = k.split(/[\s.-]/)[0]!;
    let set = out.get(first);
    if (!set) out.set(first, (set = new Set()));
    set.add(k.length);
  }
  return out;
}

/** Candidates from the name layer and the fallback tables. */
function fromFallback(doc: Doc, sentence: Span, tablesOnly = false): Candidate[] {
  const t = fallbackTables();
  const out: Candidate[] = [];
  const timexes = doc.within('timex', sentence.start, sentence.end);
  const names = doc.within('name', sentence.start, sentence.end);
  // A title's nationality belongs to its name ("North Korean President Kim"), not a candidate.
  const titles: { start: number; end: number }[] = [];
  for (const n of names) {
    const title = n.attrs?.title as string | undefined;
    if (title) titles.push({ start: Math.max(sentence.start, n.start - title.length - 1), end: n.start });
  }
  const taken = (s: number, e: number) =>
    out.some((c) => c.start < e && s < c.end) || timexes.some((x) => x.start <= s && e <= x.end) || titles.some((x) => x.start <= s && e <= x.end);
  // Names first: a titled name carries its title's nationality ("North Korean President Kim").
  for (const n of names) {
    const name = (n.attrs?.norm as string | undefined) ?? doc.slice(n);
    if (taken(n.start, n.end)) continue;
    // A hyphenated pair of names ("Kim-Putin") is two candidates.
    const parts = name.includes('-') && !t.entries.has(name.toLowerCase()) && name.split('-').every((p) => isCapitalised(p) && p.length > 1) && name.split('-').some((p) => t.entries.get(p.toLowerCase())?.kind === 'person' || t.entries.get(p.toLowerCase())?.kind === 'state') ? name.split('-') : [name];
    let at = n.start;
    for (const part of parts) {
      const s = doc.text.indexOf(part, at);
      const e = s + part.length;
      at = e;
      const hit = t.entries.get(part.toLowerCase()) ?? t.entries.get(part.split(/\s+/).pop()!.toLowerCase());
      const title = (n.attrs?.title as string | undefined) ?? null;
      const label = n.label;
      const place = hit ? hit.place : label === 'LOC';
      const actor = hit ? hit.actor : label !== 'LOC';
      const country = (title ? countryOf(title) : null) ?? hit?.country ?? null;
      out.push({ start: s, end: e, name: part, actor, place, id: null, country, title, sector: null, lat: null, lon: null, by: hit ? `events/fallback-${hit.kind}` : parts.length > 1 ? 'events/fallback-pair' : n.by, state: hit?.kind === 'state' });
    }
  }
  // Then states, cities and nationality adjectives the name layer leaves out ("Russian
  // officials", "U.S.", "Russian-North Korean"): the longest known word sequence at each
  // capitalised token (a hyphenated token is read part by part).
  const tokens = doc.within('token', sentence.start, sentence.end);
  // Lower-casing keeps a string's length except for "İ": without one, a word sequence no
  // entry starting with its first word has the length of is skipped before it is sliced and
  // lower-cased.
  const lengths = entryLengths ?? (entryLengths = lengthsByFirstWord(t.entries));
  const sentenceText = doc.text.slice(sentence.start, sentence.end);
  const sameLength = !sentenceText.includes('\u0130');
  // Garbled case is rare: only a sentence with a capital after a small letter can have it.
  const garbled = /[a-z]\S*[A-Z]/.test(sentenceText);
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (!isCapitalised(doc.text[tok.start]!)) {
      // A state's name in garbled case ("jaPan", "ukRAINE"): a capital inside a lower-case
      // word that spells a state is that state.
      const word = garbled && mixedCase(doc.text, tok.start, tok.end) ? doc.slice(tok).toLowerCase() : null;
      const hit = word ? t.entries.get(word) : undefined;
      if (hit?.kind === 'state' && !taken(tok.start, tok.end)) out.push({ start: tok.start, end: tok.end, name: doc.slice(tok), actor: true, place: hit.place, id: null, country: hit.country, title: null, sector: null, lat: null, lon: null, by: 'events/fallback-state', state: true });
      continue;
    }
    const head = doc.text.slice(tok.start, tok.end).toLowerCase();
    const cut = head.search(/[.-]/);
    if (!t.firstWords.has(cut < 0 ? head : head.slice(0, cut))) continue;
    let found: { s: number; e: number; n: number } | null = null;
    // The first word of a sequence is the token's head, unless the token runs on into the next
    // one without a space (then every length is tried).
    const firstLengths = lengths.get(cut < 0 ? head : head.slice(0, cut));
    const glued = cut < 0 && tokens[i + 1]?.start === tok.end;
    for (let n = Math.min(t.longest, tokens.length - i); n >= 1 && !found; n--) {
      const e = tokens[i + n - 1]!.end;
      if (sameLength && (n === 1 || !glued) && !firstLengths?.has(e - tok.start)) continue;
      if (t.entries.has(doc.text.slice(tok.start, e).toLowerCase())) found = { s: tok.start, e, n };
    }
    if (!found) {
      // "Russian-North" + "Korean": the parts of a hyphenated token.
      const word = doc.slice(tok);
      const dash = word.indexOf('-');
      if (dash > 0 && t.entries.has(word.slice(0, dash).toLowerCase())) found = { s: tok.start, e: tok.start + dash, n: 0 };
      if (dash > 0 && !found) {
        const rest = doc.text.slice(tok.start + dash + 1, tokens[i + 1]?.end ?? tok.end).toLowerCase();
        if (t.entries.has(rest)) found = { s: tok.start + dash + 1, e: tokens[i + 1]!.end, n: 1 };
      }
    }
    if (!found || taken(found.s, found.e)) continue;
    const name = doc.text.slice(found.s, found.e);
    const hit = t.entries.get(name.toLowerCase())!;
    out.push({ start: found.s, end: found.e, name, actor: hit.actor, place: hit.place, id: null, country: hit.country, title: null, sector: null, lat: null, lon: null, by: `events/fallback-${hit.kind}`, state: hit.kind === 'state' });
    if (found.n > 1) i += found.n - 1;
    else if (found.n === 0) i--; // read the same token's second part next time round
    if (found.n === 0) {
      // Second part of "Russian-North Korean".
      const dash = doc.slice(tok).indexOf('-');
      const rest = doc.text.slice(tok.start + dash + 1, tokens[i + 2]?.end ?? tok.end);
      const restHit = t.entries.get(rest.toLowerCase()) ?? t.entries.get(doc.text.slice(tok.start + dash + 1, tok.end).toLowerCase());
      if (restHit) {
        const e = t.entries.has(rest.toLowerCase()) ? tokens[i + 2]!.end : tok.end;
        out.push({ start: tok.start + dash + 1, end: e, name: doc.text.slice(tok.start + dash + 1, e), actor: restHit.actor, place: restHit.place, id: null, country: restHit.country, title: null, sector: null, lat: null, lon: null, by: `events/fallback-${restHit.kind}`, state: restHit.kind === 'state' });
        if (e !== tok.end) i++;
      }
      i++;
    }
  }
  // A name the fallback did not know may still contain a state: "North Korean embassy".
  // (Beside the layers only table hits count, and those know their country.)
  if (!tablesOnly) for (const c of out) if (!c.country) c.country = countryOf(c.name, true);
  return out.sort((a, b) => a.start - b.start);
}

let relations: RegExp | null = null;

/**
 * A possessor of a relation noun names someone else ("Kim's father, Kim Il Sung"): it is no
 * argument (knowledge/event-relations.txt).
 */
function possessorOfRelation(doc: Doc, c: Candidate): boolean {
  relations ??= new RegExp(`^\\s+(?:[\\p{L}-]+\\s+){0,2}?(?:${loadList('event-relations.txt').join('|')})\\b`, 'iu');
  const after = doc.text.slice(c.end, c.end + 40);
  const own = /['’]s?$/u.test(doc.text.slice(c.start, c.end));
  const m = own ? after : /^['’]s?/u.exec(after) ? after.replace(/^['’]s?/u, '') : null;
  return m !== null && relations.test(m);
}

let nameHeads: Set<string> | null = null;

/** An unknown name modifying a noun ("the Belt and Road Initiative forum"): no participant (knowledge/event-name-heads.txt). */
function modifiesName(doc: Doc, c: Candidate): boolean {
  if (c.by !== 'actors/name' && !c.by.startsWith('names/')) return false;
  nameHeads ??= new Set(loadList('event-name-heads.txt'));
  const next = /^\s+([a-z]+)/.exec(doc.text.slice(c.end, c.end + 30));
  return !!next && nameHeads.has(next[1]!);
}

/** Every actor and place candidate of a sentence, in text order. */
export function argumentCandidates(doc: Doc, sentence: Span): Candidate[] {
  const all = doc.has('actor') || doc.has('place') ? merged(doc, sentence) : withGroups(doc, sentence, fromFallback(doc, sentence));
  const out = all.filter((c) => !(c.actor && !c.place && (possessorOfRelation(doc, c) || modifiesName(doc, c))));
  // A nationality adjective stands for its state ("Russian-Iraqi talks", "Russian and North
  // Korean sources"): the state's code as its id, so it counts as a country, not a named participant.
  for (const c of out) if (c.by === 'events/fallback-demonym' && !c.id && c.country && /^[A-Z]{3}$/.test(c.country) && c.country !== 'IGO' && c.country !== 'NGO') c.id = c.country;
  return out;
}

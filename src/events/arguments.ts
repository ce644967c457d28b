import type { Doc, Span } from '../doc/doc.js';
import { loadTable } from '../util/knowledge.js';

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
}

interface Entry {
  country: string;
  actor: boolean;
  place: boolean;
  kind: 'state' | 'city' | 'demonym' | 'person' | 'org';
}

let fallback: { entries: Map<string, Entry>; re: RegExp; demonymInTitle: RegExp } | null = null;

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
  const names = [...entries.keys()].sort((a, b) => b.length - a.length).map(escape);
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  const demonyms = [...entries].filter(([, e]) => e.kind === 'demonym' || e.kind === 'state').map(([k]) => escape(k)).sort((a, b) => b.length - a.length);
  fallback = { entries, re, demonymInTitle: new RegExp(`(?<![\\p{L}])(?:${demonyms.join('|')})(?![\\p{L}])`, 'iu') };
  return fallback;
}

/** The state a name or nationality adjective stands for, from the fallback table. */
export function countryOf(text: string): string | null {
  const t = fallbackTables();
  const hit = t.entries.get(text.toLowerCase().replace(/['’]s?$/u, ''));
  if (hit) return hit.country;
  const m = t.demonymInTitle.exec(text);
  return m ? t.entries.get(m[0].toLowerCase())!.country : null;
}

function isCapitalised(s: string): boolean {
  return /^\p{Lu}/u.test(s);
}

/** Candidates from the actor and place layers (the contract in docs/layers.md). */
function fromLayers(doc: Doc, sentence: Span): Candidate[] {
  const out = new Map<string, Candidate>();
  for (const a of doc.within('actor', sentence.start, sentence.end)) {
    const x = (a.attrs ?? {}) as Record<string, unknown>;
    out.set(`${a.start}:${a.end}`, {
      start: a.start, end: a.end, name: (x.name as string) ?? doc.slice(a), actor: true, place: false,
      id: (x.id as string) ?? null, country: (x.country as string) ?? null, title: (x.title as string) ?? null,
      sector: (x.sector as string) ?? null, lat: null, lon: null, by: a.by,
    });
  }
  for (const p of doc.within('place', sentence.start, sentence.end)) {
    const x = (p.attrs ?? {}) as Record<string, unknown>;
    const key = `${p.start}:${p.end}`;
    const same = out.get(key);
    if (same) {
      Object.assign(same, { place: true, lat: (x.lat as number) ?? null, lon: (x.lon as number) ?? null });
      same.country ??= (x.country as string) ?? null;
      continue;
    }
    out.set(key, {
      start: p.start, end: p.end, name: (x.name as string) ?? doc.slice(p), actor: false, place: true, id: (x.id as string) ?? null,
      country: (x.country as string) ?? null, title: null, sector: null, lat: (x.lat as number) ?? null, lon: (x.lon as number) ?? null, by: p.by,
    });
  }
  return [...out.values()].sort((a, b) => a.start - b.start);
}

/** Candidates from the name layer and the fallback tables. */
function fromFallback(doc: Doc, sentence: Span): Candidate[] {
  const t = fallbackTables();
  const text = doc.text.slice(sentence.start, sentence.end);
  const out: Candidate[] = [];
  const timexes = doc.within('timex', sentence.start, sentence.end);
  const names = doc.within('name', sentence.start, sentence.end);
  // A title's nationality belongs to its name ("North Korean President Kim"), not a candidate.
  const titles = names.flatMap((n) => {
    const title = n.attrs?.title as string | undefined;
    const at = title ? doc.text.lastIndexOf(title, n.start) : -1;
    return at >= sentence.start ? [{ start: at, end: n.start }] : [];
  });
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
      out.push({ start: s, end: e, name: part, actor, place, id: null, country, title, sector: null, lat: null, lon: null, by: hit ? `events/fallback-${hit.kind}` : n.by });
    }
  }
  // Then states, cities and nationality adjectives the name layer leaves out ("Russian
  // officials", "U.S.", "Russian-North Korean").
  t.re.lastIndex = 0;
  for (let m = t.re.exec(text); m; m = t.re.exec(text)) {
    const s = sentence.start + m.index;
    const e = s + m[0].length;
    if (!isCapitalised(m[0]) || taken(s, e)) continue;
    const hit = t.entries.get(m[0].toLowerCase())!;
    out.push({ start: s, end: e, name: m[0], actor: hit.actor, place: hit.place, id: null, country: hit.country, title: null, sector: null, lat: null, lon: null, by: `events/fallback-${hit.kind}` });
  }
  // A name the fallback did not know may still contain a state: "North Korean embassy".
  for (const c of out) if (!c.country) c.country = countryOf(c.name);
  return out.sort((a, b) => a.start - b.start);
}

/** Every actor and place candidate of a sentence, in text order. */
export function argumentCandidates(doc: Doc, sentence: Span): Candidate[] {
  if (doc.has('actor') || doc.has('place')) return fromLayers(doc, sentence);
  return fromFallback(doc, sentence);
}

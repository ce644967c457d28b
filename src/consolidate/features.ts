import type { EventAttrs } from '../stages/events.js';
import { loadTable } from '../util/knowledge.js';

/**
 * What merging compares: one event mention reduced to keys that survive wording differences.
 * Written against the layer contract (docs/layers.md) with fallbacks: an actor's `id` and
 * `country` once actor resolution fills them, else its normalised name; a place's `id`,
 * `country` and coordinates, else its name and knowledge/place-containment.tsv.
 */

export interface ActorKey {
  /** `id:<actor id>` when resolved, else `n:<normalised name>`. */
  key: string;
  name: string;
  /** Normalised name tokens, for "Putin" ~ "Vladimir Putin" when ids are missing. */
  tokens: string[];
  country: string | null;
  resolved: boolean;
  id: string | null;
  title: string | null;
  role: 'source' | 'target' | 'participant';
}

export interface PlaceKey {
  key: string;
  name: string;
  /** The place and everything containing it, most specific first (country code last). */
  chain: string[];
  country: string | null;
  lat: number | null;
  lon: number | null;
  id: string | null;
}

export interface TimeKey {
  start: string;
  end: string;
  granularity: string;
  value: string;
  text: string;
}

export interface MentionFeatures {
  /** Identifies the mention in the caller's terms (store mention id, gold `doc#m`). */
  id: string;
  /** Article (document) the mention comes from. */
  article: string;
  /** Character offset of the trigger in its article (within-article order). */
  position: number;
  family: string;
  type: string;
  mode: string | null;
  lemma: string;
  actors: ActorKey[];
  countries: string[];
  place: PlaceKey | null;
  time: TimeKey | null;
  /** Report date of the article (ISO day) or null. */
  reported: string | null;
  status: string;
  /** A definite or demonstrative description with nothing of its own ("the talks"). */
  anaphoric: boolean;
  /** The status is the default of a bare noun or gerund (no cue, no date). */
  defaultStatus?: boolean;
  /** A modal put the event ahead of the report ("may meet", "a summit would be his chance"),
   *  whatever status the modal gave it (rumored, hypothetical). */
  modalAhead?: boolean;
  /** Introduced by "a"/"an": a new event, never an antecedent's continuation by default. */
  indefinite?: boolean;
  /** Singled out by "first"/"maiden": the earliest of a series, not a dated event of its article unless told so. */
  first?: boolean;
  /** Start of the trigger's sentence in its article, when the caller knows it (null: unknown). */
  sentence: number | null;
  /**
   * Its subjects (actors from subject-like slots): actor keys, or the ISO code of a state. A
   * mention with none, or only ones an earlier mention of its sentence already names, is usually
   * a further predicate of that mention's subject: "visited Ottawa and held talks with Harper"
   * (where "Ottawa" may come back as the subject), "…, meeting Hu Jintao".
   */
  subjects: string[];
  topics: string[];
  /** Optional bag of context words (sentence lemmas), used when arguments are missing. */
  context?: Set<string>;
}

export const GRANULARITY_RANK: Record<string, number> = { day: 0, week: 1, month: 2, season: 3, quarter: 3, year: 4, decade: 5, century: 6 };

/** Lower case, no diacritics, hyphens and dots as spaces, no leading article or possessive. */
export function normName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[-‐–.,'’"“”()]/g, ' ')
    .replace(/^\s*the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

let families: Map<string, string> | null = null;
/** The merge family of a type and mode (knowledge/event-families.tsv). */
export function familyOf(type: string, mode: string | null): string {
  families ??= new Map(loadTable('event-families.tsv').rows.map((r) => [`${r.type}|${r.mode}`, r.family!]));
  return families.get(`${type}|${mode ?? ''}`) ?? families.get(`${type}|*`) ?? String(type ?? '').toLowerCase();
}

let containment: Map<string, string> | null = null;
/** The containment chain of a place name: itself, then what contains it; ISO3 codes upper case. */
export function placeChain(name: string, country: string | null): string[] {
  containment ??= new Map(loadTable('place-containment.tsv').rows.map((r) => [r.place!, r.within!]));
  const chain: string[] = [];
  let at: string | undefined = normName(name);
  if (containment.get(at)?.startsWith('=')) return [containment.get(at)!.slice(1)];
  while (at && !chain.includes(at)) {
    chain.push(at);
    at = containment.get(at);
    if (at?.startsWith('=')) at = at.slice(1);
  }
  if (country && !chain.includes(country)) chain.push(country);
  return chain;
}

/** A name the containment table knows as a place; `country` set when the place is a country. */
export function knownPlace(name: string): { country: string | null } | null {
  placeChain('', null);
  const within = containment!.get(normName(name));
  if (within === undefined) return null;
  return { country: within.startsWith('=') ? within.slice(1) : null };
}

/** A crude English lemma for a trigger word: enough to equate met/meet, talks/talk, visited/visit. */
const IRREGULAR: Record<string, string> = { met: 'meet', held: 'hold', went: 'go', came: 'come', gave: 'give', made: 'make', told: 'tell', said: 'say', saw: 'see', took: 'take', left: 'leave', paid: 'pay', sent: 'send', fought: 'fight', shot: 'shoot', struck: 'strike', spoke: 'speak', broke: 'break' };
export function lemmaOf(word: string): string {
  const w = word.toLowerCase().trim().split(/\s+/).pop() ?? '';
  if (IRREGULAR[w]) return IRREGULAR[w]!;
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3).replace(/(.)\1$/, '$1');
  if (w.length > 4 && w.endsWith('ied')) return w.slice(0, -3) + 'y';
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2).replace(/(.)\1$/, '$1');
  if (w.length > 3 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

/**
 * The days a modified time covers: "early next month" (START) the first half of the month,
 * "later this year" (END) the second half, "mid-May" (MID) the middle half.
 */
export function modWindow(start: string, end: string, mod: string | undefined): { start: string; end: string } {
  if (mod !== 'START' && mod !== 'END' && mod !== 'MID') return { start, end };
  const a = Date.parse(`${start}T00:00:00Z`);
  const b = Date.parse(`${end}T00:00:00Z`);
  const days = Math.round((b - a) / 86400000);
  if (!(days >= 3)) return { start, end };
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  const at = (f: number) => a + Math.round(days * f) * 86400000;
  if (mod === 'START') return { start, end: day(at(0.5)) };
  if (mod === 'END') return { start: day(at(0.5)), end };
  return { start: day(at(0.25)), end: day(at(0.75)) };
}

/** Slots that give a mention its subject (knowledge/event-slots.tsv): its own agent, not an object. */
const SUBJECT_SLOT = /slot:(?:subj|compound|by-agent)$/;

/** An indefinite description ("a meeting", "an earlier summit") introduces an event; it does not refer back. */
const INDEFINITE_BEFORE = /\b(?:a|an)\s+(?:[\p{L}-]+\s+){0,2}$/iu;

const ANAPHOR_BEFORE = /\b(?:the|this|that|these|those|its|his|her|their|such)\s+(?:\p{L}+\s+){0,2}$/iu;

/** "his first trip", "a maiden visit": an ordinal that singles out one event of a series. */
const FIRST_BEFORE = /\b(?:first|maiden|inaugural)\s+(?:[\p{L}-]+\s+){0,1}$/iu;

interface LooseActor {
  name: string;
  id?: string | null;
  country?: string | null;
  title?: string | null;
  role?: ActorKey['role'];
}
interface LoosePlace {
  name: string;
  id?: string | null;
  country?: string | null;
  lat?: number | null;
  lon?: number | null;
}

export function actorKey(a: LooseActor): ActorKey {
  const norm = normName(a.name);
  const id = a.id ?? null;
  return {
    key: id ? `id:${id}` : `n:${norm}`,
    name: a.name,
    tokens: norm.split(' ').filter(Boolean),
    country: a.country ?? null,
    resolved: !!id,
    id,
    title: a.title ?? null,
    role: a.role ?? 'participant',
  };
}

export function placeKey(p: LoosePlace): PlaceKey {
  const chain = placeChain(p.name, p.country ?? null);
  const country = p.country ?? chain.find((c) => /^[A-Z]{3}$/.test(c)) ?? null;
  return { key: p.id ? `id:${p.id}` : (chain[0] ?? normName(p.name)), name: p.name, chain, country, lat: p.lat ?? null, lon: p.lon ?? null, id: p.id ?? null };
}

/** Features of a stored or drafted mention. `sentenceBefore` is the text before the trigger in its sentence. */
export function mentionFeatures(
  id: string,
  article: string,
  reported: string | null,
  a: EventAttrs,
  sentenceBefore = '',
  sentence: number | null = null,
): MentionFeatures {
  // Until the actor layer resolves names, a bare name that is a known place is no participant
  // ("Vladivostok" in "the Vladivostok summit"); a country name counts as that country.
  const actors: ActorKey[] = [];
  const placeCountries: string[] = [];
  for (const x of a.actors as LooseActor[]) {
    // A state as a whole (id = its ISO code) takes part as a country, not as a named participant:
    // "Russia" and "Vietnam" in a summit sentence should not dilute the leaders' overlap.
    if (x.id && /^[A-Z]{3}$/.test(x.id)) {
      placeCountries.push(x.id);
      continue;
    }
    const known = !x.id && knownPlace(x.name);
    if (!known) actors.push(actorKey(x));
    else if (known.country) placeCountries.push(known.country);
  }
  const place = a.place ? placeKey(a.place as LoosePlace) : null;
  const t = a.time;
  const time: TimeKey | null =
    t && t.start && t.end ? { ...modWindow(t.start, t.end, (t as { mod?: string }).mod), granularity: t.granularity, value: t.value, text: t.text } : null;
  const countries = [...new Set([...actors.map((x) => x.country).filter((c): c is string => !!c), ...placeCountries])];
  return {
    id,
    article,
    position: a.trigger.start,
    family: familyOf(a.type, a.mode),
    type: a.type,
    mode: a.mode,
    lemma: lemmaOf(a.trigger.text),
    actors,
    countries,
    place,
    time,
    reported,
    status: a.status,
    // A bare noun with neither cue nor date ("talks with Seoul would be her chance") is
    // "occurred" only by default: no evidence of when.
    defaultStatus: /^status\/default-(?:noun|gerund)$/.test(a.statusBy ?? ''),
    // A modal cue ("may", "might", "could", "would …"), not its perfect ("could have met"), speaks of the time ahead.
    modalAhead: /^status\/cue:(?:may|might|could|would)\b(?!\s+have\b)/.test(a.statusBy ?? ''),
    anaphoric: !actors.length && !time && ANAPHOR_BEFORE.test(sentenceBefore),
    indefinite: INDEFINITE_BEFORE.test(sentenceBefore),
    first: FIRST_BEFORE.test(sentenceBefore),
    sentence,
    subjects: (a.actors as (LooseActor & { by: string })[])
      .filter((x) => SUBJECT_SLOT.test(x.by))
      .map((x) => (x.id && /^[A-Z]{3}$/.test(x.id) ? x.id : actorKey(x).key)),
    topics: a.topics ?? [],
  };
}

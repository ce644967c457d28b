import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadTable, type Table } from '../util/knowledge.js';
import { compactKey, nameKey } from './normalise.js';

/**
 * The actor knowledge base: office holders with dates, states, metonyms, organisations, role
 * words and family relations, all from knowledge/kb/*.tsv (plus user files named in
 * SUMMITRY_KB, in the officeholders.tsv format, e.g. written by `summitry kb import --out`,
 * plus the rows of the store being written to, see useStoreKb).
 * Loaded once, on first use, and indexed by normalised name.
 */

export type Role = 'hos' | 'hog' | 'fm' | 'leader' | 'party' | 'official';

export interface Office {
  role: Role;
  title: string;
  country: string;
  sector: string;
  start: string;
  /** '' = still in office. */
  end: string;
}

export interface Person {
  id: string;
  name: string;
  country: string;
  offices: Office[];
  /** Normalised name tokens used to find the person from a surname alone. */
  surnames: string[];
  /** One-entry cache of officesAt (articles ask about one date many times). */
  memoDate?: string;
  memoOffices?: Office[];
}

export interface StateInfo {
  iso3: string;
  cow: string;
  name: string;
  executive: Role;
  titles: { hos: string; hog: string; fm: string };
}

export interface CountryRef {
  country: string;
  /** country (a state's name), demonym, capital or metonym */
  kind: 'country' | 'demonym' | 'capital' | 'metonym';
  sector: string;
  label: string;
}

export interface Org {
  id: string;
  name: string;
  country: string | null;
  sector: string;
}

export interface KB {
  persons: Map<string, Person>;
  byName: Map<string, Person[]>;
  bySurname: Map<string, Person[]>;
  states: Map<string, StateInfo>;
  stateByCow: Map<string, StateInfo[]>;
  refs: Map<string, CountryRef>;
  /** The surface forms of `refs`, longest first (for building patterns). */
  refPhrases: string[];
  orgs: Map<string, Org>;
  groups: Map<string, { sector: string; label: string }>;
  roleWords: Map<string, string>;
  /** Role words loose enough to name any senior figure of the country ("leader"). */
  looseRoles: Set<string>;
  kin: Map<string, string>;
  /** Titles' head nouns for apposition and pre-name titles ("governor", "envoy"). */
  titleWords: Set<string>;
}

// Family names come first in these countries' names ("Kim Jong-il", "Xi Jinping").
const FAMILY_NAME_FIRST = new Set(['PRK', 'KOR', 'CHN', 'VNM', 'TWN', 'MNG']);
// The effective ruler outranks a head of state: "Kim" alone in 2001 is Kim Jong-il, not Kim Dae-jung.
const ROLE_RANK: Record<Role, number> = { leader: 6, hos: 5, party: 4, hog: 3, fm: 2, official: 1 };
const ROLES = new Set<Role>(['hos', 'hog', 'fm', 'leader', 'party', 'official']);

let cached: KB | null = null;
// Rows of the store's kb_actors table (from `summitry kb import`), set for the store an
// ingest writes to, so an import changes how later articles resolve.
let storeTable: Table | null = null;

/** Adds a store's imported KB rows (officeholders.tsv columns plus `kind`); [] removes them. */
export function useStoreKb(rows: readonly Record<string, string>[], label = 'store kb_actors'): void {
  const next = rows.length ? { file: label, columns: [], rows: [...rows], examples: [] } : null;
  if (!next && !storeTable) return;
  storeTable = next;
  resetKb();
}

export function kb(): KB {
  cached ??= build();
  return cached;
}

/** For tests: forget the loaded KB (after changing SUMMITRY_KB). */
export function resetKb(): void {
  cached = null;
  holders.clear();
}

function split(cell: string | undefined): string[] {
  return (cell ?? '')
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);
}

function push<K, V>(map: Map<K, V[]>, key: K, v: V): void {
  const list = map.get(key);
  if (!list) map.set(key, [v]);
  else if (!list.includes(v)) list.push(v);
}

/** Reads an officeholders-format file outside knowledge/ (a user KB). */
export function readUserTable(file: string): Table {
  const lines = readFileSync(file, 'utf8').split('\n');
  let columns: string[] | null = null;
  const rows: Record<string, string>[] = [];
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.startsWith('#') || !line.trim()) return;
    const cells = line.split('\t').map((c) => c.trim());
    if (!columns) {
      columns = cells;
      for (const c of ['id', 'name', 'country', 'role', 'start', 'end']) if (!cells.includes(c)) throw new Error(`${file}:${i + 1}: header lacks column "${c}"`);
      return;
    }
    rows.push(Object.fromEntries(columns.map((c, j) => [c, cells[j] ?? ''])));
  });
  return { file, columns: columns ?? [], rows, examples: [] };
}

function build(): KB {
  const states = new Map<string, StateInfo>();
  const stateByCow = new Map<string, StateInfo[]>();
  const refs = new Map<string, CountryRef>();
  const refPhrases = new Set<string>();
  const addRef = (phrase: string, ref: CountryRef) => {
    const k = nameKey(phrase);
    refPhrases.add(phrase);
    if (k && !refs.has(k)) refs.set(k, ref);
  };
  for (const r of loadTable('kb/countries.tsv').rows) {
    const info: StateInfo = {
      iso3: r.iso3!,
      cow: r.cow!,
      name: r.name!,
      executive: (r.executive || 'hos') as Role,
      titles: { hos: r.hos_title!, hog: r.hog_title!, fm: r.fm_title! },
    };
    states.set(info.iso3, info);
    push(stateByCow, info.cow, info);
    for (const n of [r.name!, ...split(r.aliases)]) addRef(n, { country: info.iso3, kind: 'country', sector: 'government', label: 'state' });
    for (const d of split(r.demonyms)) addRef(d, { country: info.iso3, kind: 'demonym', sector: 'government', label: 'state' });
    for (const c of split(r.capital)) addRef(c, { country: info.iso3, kind: 'capital', sector: 'government', label: 'state' });
  }
  for (const r of loadTable('demonyms.tsv').rows) {
    if (r.country) addRef(r.demonym!, { country: r.country, kind: 'demonym', sector: 'government', label: 'state' });
  }
  for (const r of loadTable('kb/metonyms.tsv').rows) {
    refs.set(nameKey(r.phrase!), { country: r.country!, kind: 'metonym', sector: r.sector!, label: r.label! });
    refPhrases.add(r.phrase!);
  }

  const orgs = new Map<string, Org>();
  for (const r of loadTable('kb/organisations.tsv').rows) {
    const org: Org = { id: r.id!, name: r.name!, country: r.country || null, sector: r.sector! };
    for (const n of [r.name!, ...split(r.aliases)]) orgs.set(nameKey(n), org);
  }
  const persons = new Map<string, Person>();
  const byName = new Map<string, Person[]>();
  const bySurname = new Map<string, Person[]>();
  const tables = [loadTable('kb/officeholders.tsv')];
  for (const f of (process.env.SUMMITRY_KB ?? '').split(path.delimiter).filter(Boolean)) tables.push(readUserTable(f));
  if (storeTable) tables.push(storeTable);
  // Imports add people and organisations; they never change what the shipped KB already
  // knows: its people keep their curated offices (the Phoenix files, for one, still give
  // Kim Jong-il an open-ended office from 2004), and states stay states.
  const shipped = new Set(tables[0]!.rows.map((r) => r.id!));
  for (const t of tables) {
    const imported = t !== tables[0];
    t.rows.forEach((r, i) => {
      if (imported && shipped.has(r.id!)) return;
      if (r.kind === 'org') {
        // A dictionary's entry for a state itself (PETRARCH lists a country's cities as its
        // synonyms) is left to the shipped states: "Vladivostok" is a place, not an actor.
        if (imported && refs.has(nameKey(r.name!))) return;
        // Imported organisations (user KB files): known by name, no offices.
        const org: Org = { id: r.id!, name: r.name!, country: r.country || null, sector: r.sector || 'government' };
        for (const n of [r.name!, ...split(r.aliases)]) if (!orgs.has(nameKey(n)) && !refs.has(nameKey(n))) orgs.set(nameKey(n), org);
        return;
      }
      const role = r.role as Role;
      if (!ROLES.has(role)) throw new Error(`${t.file}: row ${i + 1}: unknown role "${r.role}"`);
      // Imported rows may have an open start ("in office before the dictionary's horizon").
      if ((r.start && !/^\d{4}-\d\d-\d\d$/.test(r.start)) || (r.end && !/^\d{4}-\d\d-\d\d$/.test(r.end))) throw new Error(`${t.file}: row ${i + 1}: dates must be YYYY-MM-DD`);
      if (!r.start && t.file.endsWith('officeholders.tsv')) throw new Error(`${t.file}: row ${i + 1}: no start date`);
      let p = persons.get(r.id!);
      if (!p) {
        p = { id: r.id!, name: r.name!, country: r.country!, offices: [], surnames: [] };
        persons.set(p.id, p);
      }
      const state = states.get(r.country!);
      const title = r.title || (role === 'hos' || role === 'hog' || role === 'fm' ? state?.titles[role] : '') || (role === 'leader' ? `leader of ${state?.name ?? r.country}` : role);
      p.offices.push({ role, title, country: r.country!, sector: r.sector || 'government', start: r.start!, end: r.end ?? '' });
      for (const n of [r.name!, ...split(r.aliases)]) {
        push(byName, nameKey(n), p);
        push(byName, compactKey(n), p);
        const tokens = nameKey(n).split(' ');
        if (tokens.length === 1) push(bySurname, tokens[0]!, p);
      }
      const tokens = nameKey(r.name!).split(' ');
      const family = FAMILY_NAME_FIRST.has(p.country) ? tokens[0]! : tokens[tokens.length - 1]!;
      if (family.length > 1) push(bySurname, family, p);
      if (!p.surnames.includes(family)) p.surnames.push(family);
    });
  }
  for (const p of persons.values()) p.offices.sort((a, b) => a.start.localeCompare(b.start));

  const groups = new Map<string, { sector: string; label: string }>();
  for (const r of loadTable('kb/groups.tsv').rows) groups.set(r.noun!.toLowerCase().replace(/’/g, "'"), { sector: r.sector!, label: r.label! });
  const roleWords = new Map<string, string>();
  const looseRoles = new Set<string>();
  for (const r of loadTable('kb/roles.tsv').rows) {
    roleWords.set(r.word!, r.role!);
    if (r.loose === 'yes') looseRoles.add(r.word!);
  }
  const kin = new Map<string, string>();
  for (const r of loadTable('kb/kin.tsv').rows) kin.set(`${r.person} ${r.relation}`, r.relative!);
  const titleWords = new Set(loadTable('kb/title-words.tsv').rows.map((r) => r.word!));
  return { persons, byName, bySurname, states, stateByCow, refs, refPhrases: [...refPhrases].sort((a, b) => b.length - a.length), orgs, groups, roleWords, looseRoles, kin, titleWords };
}

export function activeAt(o: Office, date: string): boolean {
  return o.start <= date && (o.end === '' || date < o.end || o.start === o.end);
}

/** The person's offices at the date, most senior first. */
export function officesAt(p: Person, date: string): Office[] {
  if (p.memoDate !== date) {
    p.memoOffices = p.offices.filter((o) => activeAt(o, date)).sort((a, b) => ROLE_RANK[b.role] - ROLE_RANK[a.role]);
    p.memoDate = date;
  }
  return p.memoOffices!;
}

export function rank(p: Person, date: string): number {
  const o = officesAt(p, date)[0];
  return o ? ROLE_RANK[o.role] : 0;
}

/** The title valid at the date; for someone out of office, "former <last title>". */
export function titleAt(p: Person, date: string): { title: string | null; country: string; sector: string } {
  const now = officesAt(p, date)[0];
  if (now) return { title: now.title, country: now.country, sector: now.sector };
  const past = p.offices.filter((o) => o.start <= date).pop();
  if (past) return { title: `former ${past.title}`, country: past.country, sector: past.sector };
  return { title: null, country: p.country, sector: p.offices[0]?.sector ?? 'government' };
}

const holders = new Map<string, Person | null>();

/** Who held the role in the country at the date; `ruler` is the effective ruler. */
export function holderAt(country: string, role: string, date: string): Person | null {
  const key = `${country}|${role}|${date}`;
  let hit = holders.get(key);
  if (hit === undefined) {
    hit = findHolder(country, role, date);
    if (holders.size > 10_000) holders.clear();
    holders.set(key, hit);
  }
  return hit;
}

function findHolder(country: string, role: string, date: string): Person | null {
  const k = kb();
  const wanted: Role[] = role === 'ruler' ? ['leader', k.states.get(country)?.executive ?? 'hos'] : [role as Role];
  for (const r of wanted) {
    let best: Person | null = null;
    let bestStart = '';
    for (const p of k.persons.values()) {
      for (const o of p.offices) {
        if (o.country === country && o.role === r && activeAt(o, date) && o.start >= bestStart) {
          best = p;
          bestStart = o.start;
        }
      }
    }
    if (best) return best;
  }
  return null;
}

/**
 * Picks among namesakes (or everyone sharing a surname) for the date: whoever holds the most
 * senior office then; else, when `unique` is off, the one whose career lies closest before it.
 */
export function pickAt(candidates: readonly Person[], date: string, requireOffice = false): Person | null {
  if (!candidates.length) return null;
  let best: Person | null = null;
  let bestRank = 0;
  for (const p of candidates) {
    const r = rank(p, date);
    if (r > bestRank) {
      best = p;
      bestRank = r;
    }
  }
  if (best) return best;
  if (requireOffice) return candidates.length === 1 ? candidates[0]! : null;
  const before = candidates.filter((p) => p.offices[0]!.start <= date);
  const pool = before.length ? before : [...candidates];
  const lastEnd = (p: Person) => p.offices.reduce((m, o) => ((o.end || '9999') > m ? o.end || '9999' : m), '');
  return pool.sort((a, b) => lastEnd(b).localeCompare(lastEnd(a)))[0] ?? null;
}

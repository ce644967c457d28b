import { sql, type Selectable } from 'kysely';
import { kb } from '../kb/kb.js';
import { nameKey } from '../kb/normalise.js';
import type { ArticleTable } from '../store/schema.js';
import { articleRecord, eventRecords, type ArticleRecord, type EventRecord } from '../store/queries.js';
import { PG_DOCUMENT, type Store } from '../store/store.js';
import type { EventFilter } from './params.js';

/**
 * Read-only views for the HTTP API. Event lists are served from an in-memory index of the
 * export records (built with `eventRecords`, so the API and the export agree), rebuilt when
 * the store changes: a 10,000-event store takes one to three seconds to index on this shared
 * machine, and every list request after that is a filter over memory instead of a JSON parse
 * of every row.
 */

export interface IndexedEvent {
  record: EventRecord;
  /** Store order, the tie-breaker after time. */
  seq: number;
  /** First and last day the event covers (its time, else its first report); null when neither. */
  first: string | null;
  last: string | null;
  actorsLower: string[];
  placeLower: string | null;
  /** Summary, actors, place and mention texts, lower-cased, for `q`. */
  haystack: string;
}

export interface EventIndex {
  /** In time order (undated last); a position in this list is the event's number below. */
  events: IndexedEvent[];
  byId: Map<string, IndexedEvent>;
  /** Lower-cased actor name, place name, type, status -> positions of its events. */
  byActor: Map<string, number[]>;
  byPlace: Map<string, number[]>;
  /** The ISO code of the event's place's country -> positions (place=Russia finds Vladivostok). */
  byCountry: Map<string, number[]>;
  byType: Map<string, number[]>;
  byStatus: Map<string, number[]>;
  /** Recent filter results, dropped with the index. */
  memo: Map<string, IndexedEvent[]>;
  /** Recent response bodies of the aggregate views (timeline, graph, actors, places). */
  views: Map<string, Uint8Array<ArrayBuffer>>;
}

function postings(events: IndexedEvent[], keys: (e: IndexedEvent) => Iterable<string>): Map<string, number[]> {
  const map = new Map<string, number[]>();
  events.forEach((e, i) => {
    for (const k of new Set(keys(e))) {
      const list = map.get(k);
      if (list) list.push(i);
      else map.set(k, [i]);
    }
  });
  return map;
}

/** Lower case without diacritics, so "Reykjavik" finds "Reykjavík" and "Pyongyang" "P'yŏngyang". */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

function indexEvent(record: EventRecord, seq: number): IndexedEvent {
  const first = record.time?.start ?? record.history[0]?.reported ?? null;
  const last = record.time?.end ?? first;
  const actorsLower = record.actors.map((a) => fold(a.name));
  const placeLower = record.place ? fold(record.place.name) : null;
  const haystack = [record.summary, ...actorsLower, placeLower ?? '', ...record.mentions.map((m) => m.text)].join('\n').toLowerCase();
  return { record, seq, first, last, actorsLower, placeLower, haystack };
}

/**
 * Caches the event index per store state. Our own writes (ingest jobs) call `invalidate()`;
 * writes by other connections (a CLI ingest next to a running server) are noticed by
 * `version()`, checked at most every `recheckMs` so a busy server does not query for it on
 * every request.
 */
export class EventCache {
  private key: string | null = null;
  private checkedAt = 0;
  private building: Promise<EventIndex> | null = null;
  private index: EventIndex | null = null;
  /** Bumped by invalidate(), so a build that started before a write is not kept. */
  private generation = 0;
  private buildingGeneration = -1;

  constructor(
    private readonly store: Store,
    private readonly recheckMs = 250,
  ) {}

  /** Says the store changed through this connection (our own writes). */
  invalidate(): void {
    this.generation++;
    this.key = null;
    this.index = null;
  }

  /**
   * What identifies the store's current state: SQLite's data_version moves when another
   * connection commits; the highest sequence numbers move with new rows.
   */
  private async version(): Promise<string> {
    // PostgreSQL has no data_version; there the sequence numbers alone tell new rows.
    const dv = this.store.dialect === 'sqlite' ? await sql<{ data_version: number }>`PRAGMA data_version`.execute(this.store.db) : { rows: [{ data_version: 0 }] };
    const r = await sql<{ e: number | null; m: number | null }>`
      SELECT (SELECT max(seq) FROM events) AS e, (SELECT max(seq) FROM mentions) AS m`.execute(this.store.db);
    const row = r.rows[0]!;
    return `${dv.rows[0]?.data_version}:${row.e}:${row.m}`;
  }

  async get(): Promise<EventIndex> {
    if (this.index && performance.now() - this.checkedAt < this.recheckMs) return this.index;
    const key = await this.version();
    this.checkedAt = performance.now();
    if (this.index && this.key === key) return this.index;
    if (!this.building || this.buildingGeneration !== this.generation) {
      const generation = this.generation;
      const building: Promise<EventIndex> = this.build()
        .then((index) => {
          if (generation === this.generation) {
            this.index = index;
            this.key = key;
          }
          return index;
        })
        .finally(() => {
          if (this.building === building) this.building = null;
        });
      this.building = building;
      this.buildingGeneration = generation;
    }
    return this.building;
  }

  private async build(): Promise<EventIndex> {
    const events: IndexedEvent[] = [];
    let seq = 0;
    for await (const e of eventRecords(this.store)) events.push(indexEvent(e, seq++));
    events.sort((a, b) => (a.first ?? '9999').localeCompare(b.first ?? '9999') || a.seq - b.seq);
    return {
      events,
      byId: new Map(events.map((e) => [e.record.id, e])),
      byActor: postings(events, (e) => e.actorsLower),
      byPlace: postings(events, (e) => (e.placeLower ? [e.placeLower] : [])),
      byCountry: postings(events, (e) => (e.record.place?.country ? [e.record.place.country] : [])),
      byType: postings(events, (e) => [e.record.type]),
      byStatus: postings(events, (e) => [e.record.status]),
      memo: new Map(),
      views: new Map(),
    };
  }
}

/** The state a place filter names ("Russia", "the DPRK"), so it also finds the places inside it. */
export function countryNamed(place: string): string | null {
  const ref = kb().refs.get(nameKey(place.replace(/^the\s+/i, '')));
  return ref && ref.kind === 'country' ? ref.country : null;
}

export function matchesFilter(e: IndexedEvent, f: EventFilter): boolean {
  if (f.actor?.length && !f.actor.every((a) => e.actorsLower.some((x) => x.includes(fold(a))))) return false;
  if (f.place && !(e.placeLower && e.placeLower.includes(fold(f.place))) && !(e.record.place && e.record.place.country === countryNamed(f.place))) return false;
  if (f.type?.length && !f.type.includes(e.record.type)) return false;
  if (f.status?.length && !f.status.includes(e.record.status)) return false;
  if (f.from && (!e.last || e.last < f.from)) return false;
  if (f.to && (!e.first || e.first > f.to)) return false;
  if (f.q && !e.haystack.includes(f.q.toLowerCase())) return false;
  return true;
}

const MEMO_SIZE = 64;

/**
 * Marks the positions of events whose key matches: `exact` keys looked up directly, else
 * every key containing the needle (a few hundred distinct names at most, not every event).
 */
function mark(n: number, postingsOf: Map<string, number[]>, needles: string[], exact: boolean): Uint8Array {
  const hit = new Uint8Array(n);
  for (const needle of needles) {
    const lists = exact ? [postingsOf.get(needle) ?? []] : [...postingsOf].filter(([k]) => k.includes(needle)).map(([, v]) => v);
    for (const list of lists) for (const i of list) hit[i] = 1;
  }
  return hit;
}

/** Events matching the filter, in time order (undated last). */
export async function filterEvents(cache: EventCache, f: EventFilter): Promise<IndexedEvent[]> {
  const index = await cache.get();
  const { events } = index;
  const active = Object.values(f).some((v) => v !== undefined && !(Array.isArray(v) && !v.length));
  if (!active) return events;
  const key = JSON.stringify(f);
  const memo = index.memo.get(key);
  if (memo) return memo;

  const n = events.length;
  // Narrow with the postings first (each actor separately: a dyad needs all), then check the
  // rest on the survivors.
  const masks: Uint8Array[] = [];
  for (const a of f.actor ?? []) masks.push(mark(n, index.byActor, [fold(a)], false));
  if (f.place) {
    const byName = mark(n, index.byPlace, [fold(f.place)], false);
    const country = countryNamed(f.place);
    if (country) for (const i of index.byCountry.get(country) ?? []) byName[i] = 1;
    masks.push(byName);
  }
  if (f.type?.length) masks.push(mark(n, index.byType, f.type, true));
  if (f.status?.length) masks.push(mark(n, index.byStatus, f.status, true));
  const out: IndexedEvent[] = [];
  outer: for (let i = 0; i < n; i++) {
    for (const m of masks) if (!m[i]) continue outer;
    const e = events[i]!;
    if ((f.from || f.to || f.q) && !matchesFilter(e, f)) continue;
    out.push(e);
  }
  if (index.memo.size >= MEMO_SIZE) index.memo.delete(index.memo.keys().next().value!);
  index.memo.set(key, out);
  return out;
}

/**
 * A view's JSON body as UTF-8 bytes, made once per index state and filter: a 10,000-event
 * timeline is a few MB of JSON that the UI asks for again and again.
 */
export async function cachedView(cache: EventCache, key: string, make: (index: EventIndex) => Promise<unknown> | unknown): Promise<Uint8Array<ArrayBuffer>> {
  const index = await cache.get();
  const hit = index.views.get(key);
  if (hit !== undefined) return hit;
  const body = new TextEncoder().encode(JSON.stringify(await make(index)));
  if (index.views.size >= MEMO_SIZE) index.views.delete(index.views.keys().next().value!);
  index.views.set(key, body);
  return body;
}

// ---- articles ----

/** An `articles` row without its text (lists never load the text). */
type ArticleRow = Omit<Selectable<ArticleTable>, 'text' | 'ingested_at'>;

const ARTICLE_COLUMNS = ['seq', 'id', 'source', 'format', 'title', 'publisher', 'url', 'published_date', 'published_inferred', 'published_basis', 'sentences'] as const;


/**
 * A safe FTS5 query from what a person typed: each word becomes a quoted term (all must
 * match), so operators and stray quotes in the input cannot cause a syntax error.
 * Null when the input has no word at all.
 */
export function ftsQuery(input: string): string | null {
  const words = input.match(/[\p{L}\p{N}_]+/gu);
  return words ? words.slice(0, 16).map((w) => `"${w}"`).join(' ') : null;
}

type ListedArticle = ArticleRecord & { mentionCount: number };

/** Adds how many event mentions each listed article has. */
async function withMentionCounts(store: Store, items: ArticleRecord[]): Promise<ListedArticle[]> {
  if (!items.length) return [];
  const counts = await store.db
    .selectFrom('mentions')
    .select(['article_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('article_id', 'in', items.map((a) => a.id))
    .groupBy('article_id')
    .execute();
  const byId = new Map(counts.map((r) => [r.article_id, Number(r.n)]));
  return items.map((a) => ({ ...a, mentionCount: byId.get(a.id) ?? 0 }));
}

/** Articles by publication date (undated last), or the full-text matches of `q` by rank. */
export async function listArticles(store: Store, opts: { q?: string; limit: number; offset: number }): Promise<{ items: ListedArticle[]; total: number }> {
  const match = opts.q ? ftsQuery(opts.q) : null;
  if (opts.q && !match) return { items: [], total: 0 };
  if (match && store.dialect === 'postgres') {
    // The same words, all required, as PostgreSQL text search ranks them.
    const words = sql`plainto_tsquery('simple', ${match.replace(/"/g, '')})`;
    const total = await sql<{ n: number }>`SELECT count(*) AS n FROM articles a WHERE ${PG_DOCUMENT} @@ ${words}`.execute(store.db);
    const rows = await sql<ArticleRow>`
      SELECT a.seq, a.id, a.source, a.format, a.title, a.publisher, a.url, a.published_date, a.published_inferred, a.published_basis, a.sentences
      FROM articles a WHERE ${PG_DOCUMENT} @@ ${words}
      ORDER BY ts_rank(${PG_DOCUMENT}, ${words}) DESC, a.seq LIMIT ${opts.limit} OFFSET ${opts.offset}`.execute(store.db);
    return { items: await withMentionCounts(store, rows.rows.map(articleRecord)), total: Number(total.rows[0]?.n ?? 0) };
  }
  if (match) {
    const total = await sql<{ n: number }>`SELECT count(*) AS n FROM article_fts WHERE article_fts MATCH ${match}`.execute(store.db);
    const rows = await sql<ArticleRow>`
      SELECT a.seq, a.id, a.source, a.format, a.title, a.publisher, a.url, a.published_date, a.published_inferred, a.published_basis, a.sentences
      FROM article_fts JOIN articles a ON a.seq = article_fts.rowid
      WHERE article_fts MATCH ${match} ORDER BY rank LIMIT ${opts.limit} OFFSET ${opts.offset}`.execute(store.db);
    return { items: await withMentionCounts(store, rows.rows.map(articleRecord)), total: Number(total.rows[0]?.n ?? 0) };
  }
  const total = await store.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await store.db
    .selectFrom('articles')
    .select(ARTICLE_COLUMNS)
    .orderBy(sql`published_date IS NULL`)
    .orderBy('published_date')
    .orderBy('seq')
    .limit(opts.limit)
    .offset(opts.offset)
    .execute();
  return { items: await withMentionCounts(store, rows.map(articleRecord)), total: Number(total.n) };
}

export interface ArticleMention {
  event: string;
  start: number;
  end: number;
  type: string;
  mode: string | null;
  status: string;
}

/** One article with its text and the event mentions found in it; null when missing. */
export async function getArticle(store: Store, id: string): Promise<(ArticleRecord & { text: string; mentions: ArticleMention[] }) | null> {
  const row = await store.db
    .selectFrom('articles')
    .select([...ARTICLE_COLUMNS, 'text'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const mentions = await store.db
    .selectFrom('mentions')
    .select(['event_id as event', 'start', 'end', 'type', 'mode', 'status'])
    .where('article_id', '=', id)
    .orderBy('start')
    .execute();
  return { ...articleRecord(row), text: row.text, mentions };
}

/**
 * The article's stored layers as one JSON text: `{"layers": {name: [spans]}}`. The spans go
 * out as stored (the store wrote them as JSON), so no parse and re-serialise.
 * Layers the article does not have come back as empty lists. Null when the article is missing.
 */
export async function articleLayersJson(store: Store, id: string, names: string[] | undefined): Promise<string | null> {
  if (!(await store.hasArticle(id))) return null;
  let q = store.db.selectFrom('layers').select(['layer', 'spans']).where('article_id', '=', id);
  if (names) {
    if (!names.length) return '{"layers":{}}';
    q = q.where('layer', 'in', names);
  }
  const rows = await q.orderBy('layer').execute();
  const found = new Map(rows.map((r) => [r.layer, r.spans]));
  const wanted = names ?? rows.map((r) => r.layer);
  return `{"layers":{${[...new Set(wanted)].map((n) => `${JSON.stringify(n)}:${found.get(n) ?? '[]'}`).join(',')}}}`;
}

/** Each mention's full extraction detail (actors, place, time, trigger, status cue and their `by`). */
export async function eventEvidence(store: Store, eventId: string) {
  const rows = await store.db
    .selectFrom('mentions')
    .innerJoin('articles', 'articles.id', 'mentions.article_id')
    .select(['mentions.id', 'mentions.article_id', 'articles.source', 'articles.title', 'mentions.start', 'mentions.end', 'mentions.text', 'mentions.status', 'mentions.reported', 'mentions.detail'])
    .where('mentions.event_id', '=', eventId)
    .orderBy('mentions.reported')
    .orderBy('articles.seq')
    .orderBy('mentions.start')
    .execute();
  return rows.map((r) => ({
    mention: r.id,
    article: r.article_id,
    source: r.source,
    title: r.title,
    start: r.start,
    end: r.end,
    text: r.text,
    status: r.status,
    reported: r.reported,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
  }));
}

// ---- aggregates over the event index ----

const actorKey = (a: { id: string | null; name: string }) => a.id ?? `name:${a.name}`;

export function actorsOf(events: IndexedEvent[]) {
  const map = new Map<string, { name: string; id: string | null; country: string | null; events: number }>();
  for (const { record } of events) {
    const seen = new Set<string>();
    for (const a of record.actors) {
      const key = actorKey(a);
      if (seen.has(key)) continue;
      seen.add(key);
      const cur = map.get(key) ?? { name: a.name, id: a.id, country: a.country, events: 0 };
      cur.events++;
      cur.country ??= a.country;
      map.set(key, cur);
    }
  }
  return [...map.values()].sort((a, b) => b.events - a.events || a.name.localeCompare(b.name));
}

export function placesOf(events: IndexedEvent[]) {
  const map = new Map<string, { name: string; country: string | null; lat: number | null; lon: number | null; events: number }>();
  for (const { record } of events) {
    const p = record.place;
    if (!p) continue;
    const key = `${p.name}\u0000${p.country ?? ''}`;
    const cur = map.get(key) ?? { name: p.name, country: p.country, lat: null, lon: null, events: 0 };
    cur.events++;
    if (cur.lat === null && typeof p.lat === 'number' && typeof p.lon === 'number') {
      cur.lat = p.lat;
      cur.lon = p.lon;
    }
    map.set(key, cur);
  }
  return [...map.values()].sort((a, b) => b.events - a.events || a.name.localeCompare(b.name));
}

export function timelineOf(events: IndexedEvent[]) {
  return events
    .filter((e) => e.first)
    .map(({ record: r, first, last }) => ({
      id: r.id,
      start: first!,
      end: last!,
      value: r.time?.value ?? null,
      granularity: r.time?.granularity ?? null,
      /** False when placed by its first report because the text gives no time. */
      dated: !!r.time?.start,
      status: r.status,
      type: r.type,
      mode: r.mode,
      summary: r.summary,
      actors: r.actors.map((a) => a.name),
      place: r.place?.name ?? null,
      sources: [...new Set(r.mentions.map((m) => m.source))],
    }));
}

/** Actors as nodes, events as undirected edges between every pair of their actors. */
export function graphOf(events: IndexedEvent[]) {
  const nodes = new Map<string, { id: string; name: string; country: string | null; weight: number }>();
  const edges = new Map<string, { source: string; target: string; weight: number; events: string[] }>();
  for (const { record } of events) {
    const ids = [...new Set(record.actors.map(actorKey))].sort();
    for (const a of record.actors) {
      const id = actorKey(a);
      if (!nodes.has(id)) nodes.set(id, { id, name: a.name, country: a.country, weight: 0 });
    }
    for (const id of ids) nodes.get(id)!.weight++;
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const key = `${ids[i]}\u0000${ids[j]}`;
        const edge = edges.get(key) ?? { source: ids[i]!, target: ids[j]!, weight: 0, events: [] };
        edge.weight++;
        edge.events.push(record.id);
        edges.set(key, edge);
      }
    }
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

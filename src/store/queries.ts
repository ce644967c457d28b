import type { Selectable } from 'kysely';
import type { ArticleTable } from './schema.js';
import type { EventActor, EventPlace, EventTime } from '../consolidate/consolidate.js';
import { consolidatedStatus, dedupeHistory, sortHistory, type HistoryEntry } from '../consolidate/status.js';
import type { Store } from './store.js';

/** Read-side views of the store, shared by export, timeline and (later) the HTTP API. */

export interface ArticleRecord {
  kind: 'article';
  id: string;
  source: string;
  title: string | null;
  publisher: string | null;
  published: { date: string | null; inferred: boolean; basis: string };
  sentences: number;
  format: string;
  url: string | null;
  text?: string;
}

export interface MentionRecord {
  article: string;
  source: string;
  start: number;
  end: number;
  text: string;
  status: string;
  attribution: string | null;
  reported: string | null;
  /** Set when the article is a near-duplicate (wire copy, re-post) of an earlier one. */
  duplicate_of?: string;
}

/** A history line; `duplicate_of` marks a near-duplicate article, counted once as evidence. */
export interface HistoryRecord extends HistoryEntry {
  duplicate_of?: string;
}

export interface EventRecord {
  kind: 'event';
  id: string;
  type: string;
  mode: string | null;
  summary: string;
  actors: EventActor[];
  place: EventPlace | null;
  time: EventTime | null;
  status: string;
  topics: string[];
  mentions: MentionRecord[];
  history: HistoryRecord[];
  /** Independent sources disagree: one says it took place, another denies or negates it. */
  conflict: boolean;
  /** Independent articles telling it (near-duplicates counted once). */
  evidence: number;
  /** Ids of events merged into this one (they resolve here: `resolveEventId`). */
  merged_from: string[];
}

const PAGE = 500;

/** The export's article record from an `articles` row (the text is added on request). */
export function articleRecord(r: Omit<Selectable<ArticleTable>, 'text' | 'seq' | 'ingested_at'>): ArticleRecord {
  return {
    kind: 'article',
    id: r.id,
    source: r.source,
    title: r.title,
    publisher: r.publisher,
    published: { date: r.published_date, inferred: !!r.published_inferred, basis: r.published_basis },
    sentences: r.sentences,
    format: r.format,
    url: r.url,
  };
}

export async function* articleRecords(store: Store, withText = false): AsyncGenerator<ArticleRecord> {
  for (let after = 0; ; ) {
    const rows = await store.db.selectFrom('articles').selectAll().where('seq', '>', after).orderBy('seq').limit(PAGE).execute();
    if (!rows.length) return;
    for (const r of rows) {
      const rec = articleRecord(r);
      if (withText) rec.text = r.text;
      yield rec;
    }
    after = rows[rows.length - 1]!.seq;
  }
}

export async function* eventRecords(store: Store, where: { ids?: string[] } = {}): AsyncGenerator<EventRecord> {
  for (let after = 0; ; ) {
    let q = store.db.selectFrom('events').selectAll().where('seq', '>', after);
    if (where.ids) q = q.where('id', 'in', where.ids.length ? where.ids : ['']);
    const rows = await q.orderBy('seq').limit(PAGE).execute();
    if (!rows.length) return;
    const ids = rows.map((r) => r.id);
    const mentions = await store.db
      .selectFrom('mentions')
      .innerJoin('articles', 'articles.id', 'mentions.article_id')
      .leftJoin('article_signatures', 'article_signatures.article_id', 'mentions.article_id')
      .select(['mentions.event_id', 'mentions.article_id', 'articles.source', 'mentions.start', 'mentions.end', 'mentions.text', 'mentions.status', 'mentions.attribution', 'mentions.reported', 'article_signatures.duplicate_of'])
      .where('mentions.event_id', 'in', ids)
      .orderBy('mentions.reported')
      .orderBy('articles.seq')
      .orderBy('mentions.start')
      .execute();
    const merges = await store.db.selectFrom('event_merges').select(['from_id', 'into_id']).where('into_id', 'in', ids).orderBy('merged_at').execute();
    const byEvent = new Map<string, MentionRecord[]>();
    for (const m of mentions) {
      const list = byEvent.get(m.event_id) ?? [];
      const rec: MentionRecord = { article: m.article_id, source: m.source, start: m.start, end: m.end, text: m.text, status: m.status, attribution: m.attribution, reported: m.reported };
      if (m.duplicate_of) rec.duplicate_of = m.duplicate_of;
      list.push(rec);
      byEvent.set(m.event_id, list);
    }
    for (const r of rows) {
      const ms = byEvent.get(r.id) ?? [];
      const history = dedupeHistory(
        sortHistory(
          ms.map((m) => {
            const h: HistoryRecord = { reported: m.reported, status: m.status, article: m.article };
            if (m.duplicate_of) h.duplicate_of = m.duplicate_of;
            return h;
          }),
        ),
      );
      yield {
        kind: 'event',
        id: r.id,
        type: r.type,
        mode: r.mode,
        summary: r.summary,
        actors: JSON.parse(r.actors) as EventActor[],
        place: r.place ? (JSON.parse(r.place) as EventPlace) : null,
        time: r.time ? (JSON.parse(r.time) as EventTime) : null,
        // The spec's rule over the history (the row keeps the same value for filtering).
        status: history.length ? consolidatedStatus(history) : r.status,
        topics: JSON.parse(r.topics) as string[],
        mentions: ms,
        history,
        conflict: !!r.conflict,
        evidence: r.evidence,
        merged_from: merges.filter((x) => x.into_id === r.id).map((x) => x.from_id),
      };
    }
    after = rows[rows.length - 1]!.seq;
  }
}

/** The current id of an event, following recorded merges (an old id stays resolvable). */
export async function resolveEventId(store: Store, id: string): Promise<string | null> {
  const row = await store.db.selectFrom('event_merges').select('into_id').where('from_id', '=', id).executeTakeFirst();
  if (row) return row.into_id;
  const ev = await store.db.selectFrom('events').select('id').where('id', '=', id).executeTakeFirst();
  return ev ? ev.id : null;
}

/** One event record by id (an id merged away resolves to the event it joined). */
export async function eventRecord(store: Store, id: string): Promise<EventRecord | null> {
  const current = await resolveEventId(store, id);
  if (!current) return null;
  for await (const e of eventRecords(store, { ids: [current] })) return e;
  return null;
}

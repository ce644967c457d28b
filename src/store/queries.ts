import type { EventActor, EventPlace, EventTime } from '../consolidate/consolidate.js';
import { consolidatedStatus, sortHistory, type HistoryEntry } from '../consolidate/status.js';
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
  history: HistoryEntry[];
}

const PAGE = 500;

export async function* articleRecords(store: Store, withText = false): AsyncGenerator<ArticleRecord> {
  for (let after = 0; ; ) {
    const rows = await store.db.selectFrom('articles').selectAll().where('seq', '>', after).orderBy('seq').limit(PAGE).execute();
    if (!rows.length) return;
    for (const r of rows) {
      const rec: ArticleRecord = {
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
      if (withText) rec.text = r.text;
      yield rec;
    }
    after = rows[rows.length - 1]!.seq;
  }
}

export async function* eventRecords(store: Store): AsyncGenerator<EventRecord> {
  for (let after = 0; ; ) {
    const rows = await store.db.selectFrom('events').selectAll().where('seq', '>', after).orderBy('seq').limit(PAGE).execute();
    if (!rows.length) return;
    const mentions = await store.db
      .selectFrom('mentions')
      .innerJoin('articles', 'articles.id', 'mentions.article_id')
      .select(['mentions.event_id', 'mentions.article_id', 'articles.source', 'mentions.start', 'mentions.end', 'mentions.text', 'mentions.status', 'mentions.attribution', 'mentions.reported'])
      .where('mentions.event_id', 'in', rows.map((r) => r.id))
      .orderBy('mentions.reported')
      .orderBy('articles.seq')
      .orderBy('mentions.start')
      .execute();
    const byEvent = new Map<string, MentionRecord[]>();
    for (const m of mentions) {
      const list = byEvent.get(m.event_id) ?? [];
      list.push({ article: m.article_id, source: m.source, start: m.start, end: m.end, text: m.text, status: m.status, attribution: m.attribution, reported: m.reported });
      byEvent.set(m.event_id, list);
    }
    for (const r of rows) {
      const ms = byEvent.get(r.id) ?? [];
      const history = sortHistory(ms.map((m) => ({ reported: m.reported, status: m.status, article: m.article })));
      yield {
        kind: 'event',
        id: r.id,
        type: r.type,
        mode: r.mode,
        summary: r.summary,
        actors: JSON.parse(r.actors) as EventActor[],
        place: r.place ? (JSON.parse(r.place) as EventPlace) : null,
        time: r.time ? (JSON.parse(r.time) as EventTime) : null,
        status: history.length ? consolidatedStatus(history) : r.status,
        topics: JSON.parse(r.topics) as string[],
        mentions: ms,
        history,
      };
    }
    after = rows[rows.length - 1]!.seq;
  }
}

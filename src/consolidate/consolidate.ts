import type { Transaction } from 'kysely';
import type { ProcessedArticle, MentionDraft } from '../ingest/process.js';
import type { Insertable } from 'kysely';
import type { DB, EventTable, MentionTable } from '../store/schema.js';

const ROWS_PER_INSERT = 1000;
import { hashId } from '../util/hash.js';
import { summarize } from './summary.js';

/** The exported shapes of an event's fields (spec). */
export interface EventActor {
  name: string;
  id: string | null;
  country: string | null;
  title: string | null;
  role: 'source' | 'target' | 'participant';
}
export interface EventPlace {
  name: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
}
export interface EventTime {
  text: string;
  value: string;
  start: string | null;
  end: string | null;
  granularity: string;
}

export function eventFields(m: MentionDraft) {
  const a = m.attrs;
  const actors: EventActor[] = a.actors.map((x) => ({ name: x.name, id: x.id ?? null, country: x.country ?? null, title: x.title, role: x.role }));
  const place: EventPlace | null = a.place ? { name: a.place.name, country: a.place.country ?? null, lat: a.place.lat ?? null, lon: a.place.lon ?? null } : null;
  const time: EventTime | null = a.time
    ? { text: a.time.text, value: a.time.value, start: a.time.start, end: a.time.end, granularity: a.time.granularity }
    : null;
  const names = (role: string) => actors.filter((x) => x.role === role).map((x) => x.name);
  const summary = summarize(a.mode, a.type, {
    participants: actors.map((x) => x.name),
    source: names('source'),
    target: names('target'),
    place: place?.name ?? null,
  });
  return { actors, place, time, summary };
}

/**
 * Attaches an article's event mentions to events. First cut: one event per mention, its id
 * derived from the mention so it is stable across re-ingests. Issue #6 replaces this with
 * cross-article merging over candidate clusters.
 */
export async function consolidateArticle(tx: Transaction<DB>, article: ProcessedArticle): Promise<number> {
  if (!article.mentions.length) return 0;
  const events: Insertable<EventTable>[] = [];
  const mentions: Insertable<MentionTable>[] = [];
  for (const m of article.mentions) {
    const key = [article.id, m.start, m.end, m.attrs.type] as const;
    const eventId = hashId('e', ...key);
    const { actors, place, time, summary } = eventFields(m);
    events.push({
      id: eventId,
      type: m.attrs.type,
      mode: m.attrs.mode,
      summary,
      status: m.attrs.status,
      actors: JSON.stringify(actors),
      place: place && JSON.stringify(place),
      time: time && JSON.stringify(time),
      time_start: time?.start ?? null,
      topics: JSON.stringify(m.attrs.topics),
    });
    mentions.push({
      id: hashId('m', ...key),
      article_id: article.id,
      event_id: eventId,
      type: m.attrs.type,
      mode: m.attrs.mode,
      start: m.start,
      end: m.end,
      text: m.text,
      status: m.attrs.status,
      attribution: m.attrs.attribution,
      reported: article.date.date,
      detail: JSON.stringify(m.attrs),
    });
  }
  // Multi-row inserts: one statement per table, in chunks under SQLite's variable limit.
  for (let i = 0; i < events.length; i += ROWS_PER_INSERT) {
    await tx.insertInto('events').values(events.slice(i, i + ROWS_PER_INSERT)).execute();
    await tx.insertInto('mentions').values(mentions.slice(i, i + ROWS_PER_INSERT)).execute();
  }
  return article.mentions.length;
}

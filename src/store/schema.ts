import type { Generated } from 'kysely';

/** Table shapes for Kysely. JSON columns hold text; the store parses them. */
export interface ArticleTable {
  seq: Generated<number>;
  id: string;
  source: string;
  format: string;
  title: string | null;
  publisher: string | null;
  url: string | null;
  published_date: string | null;
  published_inferred: number;
  published_basis: string;
  text: string;
  sentences: number;
  ingested_at: string;
}

/** One row per article and annotation layer: the layer's spans as a JSON array. */
export interface LayerTable {
  article_id: string;
  layer: string;
  count: number;
  spans: string;
}

export interface MentionTable {
  seq: Generated<number>;
  id: string;
  article_id: string;
  event_id: string;
  type: string;
  mode: string | null;
  start: number;
  end: number;
  text: string;
  status: string;
  attribution: string | null;
  reported: string | null;
  /** JSON: the mention's EventAttrs (actors, place, time, trigger, evidence). */
  detail: string;
}

export interface EventTable {
  seq: Generated<number>;
  id: string;
  type: string;
  mode: string | null;
  summary: string;
  status: string;
  actors: string;
  place: string | null;
  time: string | null;
  /** First day the event's time covers, for ordering; null when undated. */
  time_start: string | null;
  topics: string;
}

export interface DB {
  articles: ArticleTable;
  layers: LayerTable;
  mentions: MentionTable;
  events: EventTable;
}

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
  /** JSON EventProfile (consolidate/profile.ts): what merging compares; null before migration 0006. */
  profile: string | null;
  time_end: string | null;
  conflict: Generated<number>;
  /** Independent articles reporting it (near-duplicates counted once). */
  evidence: Generated<number>;
  /** JSON HistorySummary (consolidate/status.ts), null before migration 0007 until the event's next update. */
  history: string | null;
}

/** Blocking keys (family|anchor|year) under which an event is found by a new mention. */
export interface EventBlockTable {
  key: string;
  event_id: string;
}

/** Events merged into older ones: the old id stays resolvable. */
export interface EventMergeTable {
  from_id: string;
  into_id: string;
  article_id: string;
  merged_at: string;
}

export interface ArticleSignatureTable {
  article_id: string;
  /** MinHash signature, comma-separated base-36. */
  signature: string;
  duplicate_of: string | null;
  similarity: number | null;
}

export interface ArticleBandTable {
  band: string;
  article_id: string;
}

export interface DB {
  articles: ArticleTable;
  layers: LayerTable;
  mentions: MentionTable;
  events: EventTable;
  event_blocks: EventBlockTable;
  event_merges: EventMergeTable;
  article_signatures: ArticleSignatureTable;
  article_bands: ArticleBandTable;
}

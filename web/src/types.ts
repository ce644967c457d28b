// The shapes the HTTP API returns (the export records of shared/spec, plus list wrappers).

export interface ArticleRecord {
  kind: 'article';
  id: string;
  source: string;
  title: string | null;
  publisher: string | null;
  published: { date: string | null; inferred: boolean; basis: string };
  sentences: number;
  format?: string;
  url?: string | null;
  text?: string;
}

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

export interface Mention {
  article: string;
  source: string;
  start: number;
  end: number;
  text: string;
  status: string;
  attribution: string | null;
  reported: string | null;
}

export interface HistoryEntry {
  reported: string | null;
  status: string;
  article: string;
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
  mentions: Mention[];
  history: HistoryEntry[];
  evidence?: Evidence[];
}

/** Where an extracted part of a mention came from: its span and the rule (`by`). */
export interface Sourced {
  start?: number;
  end?: number;
  text?: string;
  name?: string;
  value?: string;
  role?: string;
  by?: string;
}

export interface Evidence {
  mention: string;
  article: string;
  start: number;
  end: number;
  text: string;
  status: string;
  detail: {
    type?: string;
    mode?: string | null;
    status?: string;
    statusBy?: string | null;
    trigger?: Sourced | null;
    actors?: Sourced[];
    place?: Sourced | null;
    time?: Sourced | null;
    attribution?: string | null;
  } | null;
}

export interface Span {
  start: number;
  end: number;
  label: string;
  by: string;
  confidence: number;
  attrs: Record<string, unknown> | null;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface Health {
  ok: boolean;
  articles: number;
  events: number;
}

export interface ActorRow {
  name: string;
  id: string | null;
  country: string | null;
  events: number;
}

export interface PlaceRow {
  name: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
  events: number;
}

export interface TimelineItem {
  id: string;
  start: string | null;
  end: string | null;
  value: string | null;
  granularity: string | null;
  /** False when the event has no date of its own and sits at its first report's date. */
  dated?: boolean;
  status: string;
  type: string;
  mode?: string | null;
  summary: string;
  actors?: string[];
  place?: string | null;
  sources: string[];
}

export interface GraphNode {
  id: string;
  name: string;
  country: string | null;
  weight: number;
}

export interface GraphEdge {
  source: string;
  target: string;
  weight: number;
  events: string[];
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface IngestProgress {
  done?: number;
  total?: number;
  added?: number;
  skipped?: number;
  problems?: unknown[];
  finished?: boolean;
  error?: string;
}

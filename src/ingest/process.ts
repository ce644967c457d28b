import { Doc, type Span } from '../doc/doc.js';
import type { Pipeline, StageTrace } from '../pipeline/pipeline.js';
import { articleDate, type ArticleDate } from '../stages/dateline.js';
import type { EventAttrs } from '../stages/events.js';
import { hashId } from '../util/hash.js';
import type { RawArticle } from './article.js';

/** Layers kept in memory only (too many, and cheap to recompute). */
const TRANSIENT_LAYERS = new Set(['token']);

export interface MentionDraft {
  start: number;
  end: number;
  text: string;
  attrs: EventAttrs;
}

/** What the pipeline makes of one article: plain data, safe to pass between threads. */
export interface ProcessedArticle {
  id: string;
  meta: RawArticle;
  date: ArticleDate;
  sentences: number;
  spans: (Span & { layer: string })[];
  mentions: MentionDraft[];
  trace: StageTrace[];
}

export function articleId(text: string): string {
  return hashId('a', text);
}

export function processArticle(raw: RawArticle, pipeline: Pipeline): ProcessedArticle {
  const id = articleId(raw.text);
  const { text: _text, ...meta } = raw;
  const doc = new Doc(id, raw.text, meta);
  const trace = pipeline.run(doc);
  const spans: ProcessedArticle['spans'] = [];
  for (const layer of doc.layerNames()) {
    if (TRANSIENT_LAYERS.has(layer)) continue;
    // Object.assign, not a spread: `{ ...s, layer }` takes V8's slow path (about 1 µs a span).
    for (const s of doc.layer(layer)) spans.push(Object.assign({}, s, { layer }));
  }
  const mentions = doc.layer('event').map((s) => ({ start: s.start, end: s.end, text: doc.slice(s), attrs: s.attrs as unknown as EventAttrs }));
  return { id, meta: raw, date: articleDate(doc), sentences: doc.layer('sentence').length, spans, mentions, trace };
}

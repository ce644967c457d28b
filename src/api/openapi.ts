import { z } from 'zod';
import { ingestJsonSchema, MAX_UPLOAD_BYTES } from './routes/ingest.js';
import { articleListSchema, eventFilterSchema, eventListSchema, layersSchema, searchSchema } from './params.js';

/**
 * The OpenAPI 3.1 description served at /api/openapi.json. Query parameters come from the
 * same zod schemas the routes validate with; response shapes are written out here.
 */

type JsonSchema = Record<string, unknown>;

function queryParameters(schema: z.ZodObject): JsonSchema[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, JsonSchema> };
  return Object.entries(json.properties ?? {}).map(([name, s]) => {
    const { description, ...rest } = s;
    // "one value or repeated" is, in OpenAPI terms, an exploded array parameter.
    const variants = rest.anyOf as JsonSchema[] | undefined;
    const arr = variants?.find((v) => v.type === 'array');
    return { name, in: 'query', required: false, ...(description ? { description } : {}), schema: arr ?? rest, ...(arr ? { style: 'form', explode: true } : {}) };
  });
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonSchema, description = 'OK') => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(ref('Error'), description);
const idParam = (name: string, what: string) => ({ name, in: 'path', required: true, description: what, schema: { type: 'string' } });
const list = (item: JsonSchema, extra: Record<string, JsonSchema> = {}) => ({ type: 'object', required: ['items'], properties: { items: { type: 'array', items: item }, ...extra } });

const nullable = (type: string) => ({ type: [type, 'null'] });
const str = { type: 'string' };
const int = { type: 'integer' };

const schemas: Record<string, JsonSchema> = {
  Error: { type: 'object', required: ['error'], properties: { error: { ...str, description: 'what went wrong, naming the parameter' } } },
  ArticleRecord: {
    type: 'object',
    description: 'The export record of an article (spec: shared/spec/README.md).',
    properties: {
      kind: { const: 'article' },
      id: str,
      source: str,
      title: nullable('string'),
      publisher: nullable('string'),
      published: { type: 'object', properties: { date: nullable('string'), inferred: { type: 'boolean' }, basis: str } },
      sentences: int,
      format: str,
      url: nullable('string'),
    },
  },
  Span: {
    type: 'object',
    required: ['start', 'end', 'label', 'by', 'confidence'],
    properties: { start: int, end: int, label: str, by: { ...str, description: 'stage/rule that produced it' }, confidence: { type: 'number' }, attrs: { type: 'object' } },
  },
  Actor: { type: 'object', properties: { name: str, id: nullable('string'), country: nullable('string'), title: nullable('string'), role: { enum: ['source', 'target', 'participant'] } } },
  Place: { type: ['object', 'null'], properties: { name: str, country: nullable('string'), lat: nullable('number'), lon: nullable('number') } },
  Time: { type: ['object', 'null'], properties: { text: str, value: str, start: nullable('string'), end: nullable('string'), granularity: str } },
  Mention: {
    type: 'object',
    properties: { article: str, source: str, start: int, end: int, text: str, status: str, attribution: nullable('string'), reported: nullable('string') },
  },
  HistoryEntry: { type: 'object', properties: { reported: nullable('string'), status: str, article: str } },
  EventRecord: {
    type: 'object',
    description: 'The export record of an event (spec: shared/spec/README.md).',
    properties: {
      kind: { const: 'event' },
      id: str,
      type: str,
      mode: nullable('string'),
      summary: str,
      actors: { type: 'array', items: ref('Actor') },
      place: ref('Place'),
      time: ref('Time'),
      status: str,
      topics: { type: 'array', items: str },
      mentions: { type: 'array', items: ref('Mention') },
      history: { type: 'array', items: ref('HistoryEntry') },
    },
  },
  Evidence: {
    type: 'object',
    description: "One mention's extraction detail: each field with its span and the `by` that produced it.",
    properties: { mention: str, article: str, source: str, title: nullable('string'), start: int, end: int, text: str, status: str, reported: nullable('string'), detail: { type: 'object' } },
  },
  IngestProgress: {
    type: 'object',
    properties: {
      job: str,
      state: { enum: ['queued', 'running', 'finished', 'failed'] },
      done: int,
      total: int,
      added: int,
      skipped: int,
      problems: { type: 'array', items: { type: 'object', properties: { input: str, reason: str } } },
      error: str,
      finished: { type: 'boolean', description: 'only in the last server-sent event' },
    },
  },
};

const eventFilters = queryParameters(eventFilterSchema);

export function openApiDocument(version = '0.1.0'): JsonSchema {
  return {
    openapi: '3.1.0',
    info: { title: 'Summitry API', version, description: 'Read the sourced record of diplomatic events; ingest articles. JSON only; errors are {"error": message}.' },
    components: { schemas },
    paths: {
      '/api/health': { get: { summary: 'counts', responses: { 200: json({ type: 'object', properties: { ok: { const: true }, articles: int, events: int, mentions: int } }) } } },
      '/api/articles': {
        get: {
          summary: 'articles by date, or full-text matches of q by rank',
          parameters: queryParameters(articleListSchema),
          responses: { 200: json(list(ref('ArticleRecord'), { total: int })), 400: error('bad parameter') },
        },
      },
      '/api/articles/{id}': {
        get: {
          summary: 'one article with its text and event mentions',
          parameters: [idParam('id', 'article id (a_…)')],
          responses: {
            200: json({ allOf: [ref('ArticleRecord'), { type: 'object', properties: { text: str, mentions: { type: 'array', items: { type: 'object' } } } }] }),
            404: error('no such article'),
          },
        },
      },
      '/api/articles/{id}/layers': {
        get: {
          summary: "the article's annotation layers (for the reader)",
          parameters: [idParam('id', 'article id (a_…)'), ...queryParameters(layersSchema)],
          responses: {
            200: json({ type: 'object', properties: { layers: { type: 'object', additionalProperties: { type: 'array', items: ref('Span') } } } }),
            400: error('bad parameter'),
            404: error('no such article'),
          },
        },
      },
      '/api/events': {
        get: {
          summary: 'events in time order, filtered',
          parameters: queryParameters(eventListSchema),
          responses: { 200: json(list(ref('EventRecord'), { total: int })), 400: error('bad parameter') },
        },
      },
      '/api/events/{id}': {
        get: {
          summary: 'one event with mentions, history and evidence',
          parameters: [idParam('id', 'event id (e_…)')],
          responses: { 200: json({ allOf: [ref('EventRecord'), { type: 'object', properties: { evidence: { type: 'array', items: ref('Evidence') } } }] }), 404: error('no such event') },
        },
      },
      '/api/actors': { get: { summary: 'actors with their event counts', responses: { 200: json(list({ type: 'object', properties: { name: str, id: nullable('string'), country: nullable('string'), events: int } })) } } },
      '/api/places': {
        get: { summary: 'places with their event counts', responses: { 200: json(list({ type: 'object', properties: { name: str, country: nullable('string'), lat: nullable('number'), lon: nullable('number'), events: int } })) } },
      },
      '/api/timeline': {
        get: {
          summary: 'filtered events as timeline items, in time order (events with no date at all are counted in `undated`)',
          parameters: eventFilters,
          responses: {
            200: json(
              list(
                {
                  type: 'object',
                  properties: { id: str, start: str, end: str, value: nullable('string'), granularity: nullable('string'), dated: { type: 'boolean' }, status: str, type: str, mode: nullable('string'), summary: str, actors: { type: 'array', items: str }, place: nullable('string'), sources: { type: 'array', items: str } },
                },
                { undated: int },
              ),
            ),
            400: error('bad parameter'),
          },
        },
      },
      '/api/graph': {
        get: {
          summary: 'actor network of the filtered events: actors as nodes, events as weighted edges',
          parameters: eventFilters,
          responses: {
            200: json({
              type: 'object',
              properties: {
                nodes: { type: 'array', items: { type: 'object', properties: { id: str, name: str, country: nullable('string'), weight: int } } },
                edges: { type: 'array', items: { type: 'object', properties: { source: str, target: str, weight: int, events: { type: 'array', items: str } } } },
              },
            }),
            400: error('bad parameter'),
          },
        },
      },
      '/api/search': {
        get: {
          summary: 'full-text search over articles (FTS5) and events',
          parameters: queryParameters(searchSchema),
          responses: {
            200: json({ type: 'object', properties: { articles: { type: 'array', items: { type: 'object', properties: { id: str, source: str, snippet: str } } }, events: { type: 'array', items: ref('EventRecord') }, totalEvents: int } }),
            400: error('bad parameter'),
          },
        },
      },
      '/api/ingest': {
        post: {
          summary: `start an ingest job: files (multipart, .txt .md .html .htm .jsonl, up to ${MAX_UPLOAD_BYTES / 1024 / 1024} MB), a URL, or text`,
          requestBody: {
            required: true,
            content: {
              'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'array', items: { type: 'string', contentMediaType: 'application/octet-stream' } } } } },
              'application/json': { schema: z.toJSONSchema(ingestJsonSchema, { io: 'input', unrepresentable: 'any' }) },
            },
          },
          responses: {
            202: json({ type: 'object', properties: { job: str, status: str, events: str } }, 'job started'),
            400: error('bad input'),
            403: error('cross-origin write'),
            413: error('too large'),
            415: error('unsupported content type'),
          },
        },
      },
      '/api/ingest/{job}': {
        get: { summary: 'job progress', parameters: [idParam('job', 'job id (j_…)')], responses: { 200: json(ref('IngestProgress')), 404: error('no such job') } },
      },
      '/api/ingest/{job}/events': {
        get: {
          summary: 'job progress as server-sent events; the last has finished: true',
          parameters: [idParam('job', 'job id (j_…)')],
          responses: { 200: { description: 'text/event-stream of IngestProgress', content: { 'text/event-stream': { schema: ref('IngestProgress') } } }, 404: error('no such job') },
        },
      },
      '/api/openapi.json': { get: { summary: 'this document', responses: { 200: json({ type: 'object' }) } } },
    },
  };
}

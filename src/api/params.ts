import type { Context } from 'hono';
import { z } from 'zod';
import { HttpError } from './errors.js';

/** Query parameters of every route, as zod schemas: validation and the OpenAPI description. */

export const PLOVER_TYPES = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'] as const;
export const STATUSES = ['occurred', 'ongoing', 'planned', 'expected', 'rumored', 'proposed', 'cancelled', 'postponed', 'denied', 'negated', 'hypothetical', 'uncertain'] as const;

const text = (max: number) => z.string().trim().max(max);

/** A comma-separated list whose items must come from `allowed` (case-insensitive). */
function commaList(allowed: readonly string[], upper: boolean) {
  return z
    .string()
    .transform((v, ctx) => {
      const items = v.split(',').map((s) => s.trim()).filter(Boolean).map((s) => (upper ? s.toUpperCase() : s.toLowerCase()));
      const bad = items.filter((s) => !allowed.includes(s));
      if (bad.length) ctx.addIssue({ code: 'custom', message: `unknown value${bad.length > 1 ? 's' : ''} ${bad.join(', ')} (one of ${allowed.join(', ')})` });
      return items;
    })
    .meta({ description: `comma-separated, from: ${allowed.join(', ')}` });
}

/** YYYY, YYYY-MM or YYYY-MM-DD, widened to the first (from) or last (to) day it covers. */
function dateBound(edge: 'first' | 'last') {
  return z
    .string()
    .trim()
    .transform((v, ctx) => {
      const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(v);
      const y = m ? +m[1]! : NaN;
      const mo = m?.[2] ? +m[2] : edge === 'first' ? 1 : 12;
      const lastDay = new Date(Date.UTC(y, mo, 0)).getUTCDate();
      const d = m?.[3] ? +m[3] : edge === 'first' ? 1 : lastDay;
      if (!m || mo < 1 || mo > 12 || d < 1 || d > lastDay) {
        ctx.addIssue({ code: 'custom', message: `not a date (YYYY, YYYY-MM or YYYY-MM-DD): ${JSON.stringify(v)}` });
        return z.NEVER;
      }
      return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    })
    .meta({ description: 'YYYY, YYYY-MM or YYYY-MM-DD' });
}

const repeated = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(text(200)).max(10))
  .meta({ description: 'repeatable; several must all take part (a dyad)' });

export const page = (defaultLimit: number, maxLimit: number) => ({
  limit: z.coerce.number().int().min(1).max(maxLimit).default(defaultLimit),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

export const eventFilterShape = {
  actor: repeated.optional(),
  place: text(200).optional(),
  type: commaList(PLOVER_TYPES, true).optional(),
  status: commaList(STATUSES, false).optional(),
  from: dateBound('first').optional(),
  to: dateBound('last').optional(),
  q: text(200).optional(),
};
export const eventFilterSchema = z.object(eventFilterShape);
export type EventFilter = z.output<typeof eventFilterSchema>;

export const eventListSchema = z.object({ ...eventFilterShape, ...page(50, 500) });
export const articleListSchema = z.object({ q: text(200).optional(), ...page(50, 500) });
export const searchSchema = z.object({ q: text(200).min(1, 'needs a search text'), limit: z.coerce.number().int().min(1).max(100).default(20) });
export const layersSchema = z.object({
  names: z
    .string()
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'a layer name is lower-case letters, digits, _ or -')).max(32))
    .optional()
    .meta({ description: 'comma-separated layer names (default: every stored layer)' }),
});
export const idSchema = z.string().regex(/^[a-z]_[0-9a-f]{16}$/, 'not an id');

/** The query string as an object; a key given twice becomes an array. */
export function queryObject(c: Context): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new URL(c.req.url).searchParams) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

function explain(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'input'}: ${i.message}`).join('; ');
}

/** Parses the query string or throws a 400 naming the parameter. */
export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const r = schema.safeParse(queryObject(c));
  if (!r.success) throw new HttpError(400, explain(r.error));
  return r.data;
}

export function parseWith<S extends z.ZodType>(value: unknown, schema: S, what: string): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw new HttpError(400, r.error.issues.map((i) => `${[what, ...i.path].join('.')}: ${i.message}`).join('; '));
  return r.data;
}

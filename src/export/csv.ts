import type { Writable } from 'node:stream';
import type { EventRecord } from '../store/queries.js';
import { writeLine } from './jsonl.js';

/**
 * One row per event (docs/export.md lists the columns). RFC 4180: comma-separated, CRLF line
 * ends, fields with a comma, quote or line break in double quotes, quotes doubled. Text
 * cells that a spreadsheet would run as a formula (starting with = + - @ or a tab) get a
 * leading apostrophe.
 */

export const CSV_COLUMNS = ['id', 'type', 'mode', 'status', 'date', 'granularity', 'place', 'country', 'lat', 'lon', 'actors', 'summary', 'sources', 'start', 'end', 'mentions'] as const;
const TEXT_COLUMNS = new Set(['place', 'actors', 'summary', 'sources']);

export function csvField(value: string | number | null, text = false): string {
  if (value === null) return '';
  let s = String(value);
  if (text && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function csvRow(e: EventRecord): string {
  const cells: Record<(typeof CSV_COLUMNS)[number], string | number | null> = {
    id: e.id,
    type: e.type,
    mode: e.mode,
    status: e.status,
    date: e.time?.value ?? null,
    granularity: e.time?.granularity ?? null,
    place: e.place?.name ?? null,
    country: e.place?.country ?? null,
    lat: e.place?.lat ?? null,
    lon: e.place?.lon ?? null,
    actors: e.actors.map((a) => a.name).join('; '),
    summary: e.summary,
    sources: [...new Set(e.mentions.map((m) => m.source))].join('; '),
    start: e.time?.start ?? null,
    end: e.time?.end ?? null,
    mentions: e.mentions.length,
  };
  return CSV_COLUMNS.map((c) => csvField(cells[c], TEXT_COLUMNS.has(c))).join(',');
}

export async function exportCsv(events: AsyncIterable<EventRecord>, out: Writable): Promise<{ events: number }> {
  let n = 0;
  await writeLine(out, CSV_COLUMNS.join(',') + '\r');
  for await (const e of events) {
    await writeLine(out, csvRow(e) + '\r');
    n++;
  }
  return { events: n };
}

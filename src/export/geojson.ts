import type { Writable } from 'node:stream';
import type { EventRecord } from '../store/queries.js';

/**
 * A GeoJSON FeatureCollection (RFC 7946) of the events whose place has coordinates: one Point
 * feature per event at its place, [lon, lat], with the event's fields as properties. Events
 * without coordinates are left out (the CSV and JSON Lines exports have them all).
 */

export function eventFeature(e: EventRecord) {
  const p = e.place;
  if (!p || typeof p.lat !== 'number' || typeof p.lon !== 'number' || !Number.isFinite(p.lat) || !Number.isFinite(p.lon)) return null;
  return {
    type: 'Feature' as const,
    id: e.id,
    geometry: { type: 'Point' as const, coordinates: [p.lon, p.lat] },
    properties: {
      id: e.id,
      type: e.type,
      mode: e.mode,
      status: e.status,
      summary: e.summary,
      date: e.time?.value ?? null,
      start: e.time?.start ?? null,
      end: e.time?.end ?? null,
      granularity: e.time?.granularity ?? null,
      place: p.name,
      country: p.country,
      actors: e.actors.map((a) => a.name),
      sources: [...new Set(e.mentions.map((m) => m.source))],
      mentions: e.mentions.length,
    },
  };
}

async function write(out: Writable, s: string): Promise<void> {
  if (!out.write(s)) await new Promise<void>((resolve) => out.once('drain', resolve));
}

export async function exportGeojson(events: AsyncIterable<EventRecord>, out: Writable): Promise<{ events: number; features: number }> {
  let n = 0;
  let features = 0;
  await write(out, '{"type":"FeatureCollection","features":[\n');
  for await (const e of events) {
    n++;
    const f = eventFeature(e);
    if (!f) continue;
    await write(out, (features++ ? ',\n' : '') + JSON.stringify(f));
  }
  await write(out, '\n]}\n');
  return { events: n, features };
}

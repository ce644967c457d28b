import path from 'node:path';
import { eventRecords, type EventRecord } from '../store/queries.js';
import type { Store } from '../store/store.js';

export interface TimelineFilter {
  actors?: string[];
  place?: string;
  from?: string;
  to?: string;
  statuses?: string[];
}

export interface TimelineEntry {
  /** The date shown: the event's time value, else "reported DATE". */
  when: string;
  /** Sort key: first day the event covers, else the first report's date. */
  sortKey: string;
  event: EventRecord;
}

const contains = (hay: string, needle: string) => hay.toLowerCase().includes(needle.toLowerCase());

function matches(e: EventRecord, f: TimelineFilter): boolean {
  if (f.actors?.length && !f.actors.every((a) => e.actors.some((x) => contains(x.name, a)))) return false;
  if (f.place && !(e.place && contains(e.place.name, f.place))) return false;
  if (f.statuses?.length && !f.statuses.includes(e.status)) return false;
  const first = e.time?.start ?? e.history[0]?.reported ?? null;
  const last = e.time?.end ?? first;
  if (f.from && (!last || last < f.from)) return false;
  if (f.to && (!first || first > f.to)) return false;
  return true;
}

/** Consolidated events in time order; undated events are placed by their first report. */
export async function timeline(store: Store, filter: TimelineFilter = {}): Promise<TimelineEntry[]> {
  const out: TimelineEntry[] = [];
  for await (const e of eventRecords(store)) {
    if (!matches(e, filter)) continue;
    const reported = e.history[0]?.reported ?? null;
    const when = e.time?.value ?? (reported ? `reported ${reported}` : 'undated');
    out.push({ when, sortKey: e.time?.start ?? reported ?? '9999', event: e });
  }
  return out.sort((a, b) => a.sortKey.localeCompare(b.sortKey));
}

export function formatTimeline(entries: TimelineEntry[]): string[] {
  const w = Math.max(10, ...entries.map((e) => e.when.length));
  return entries.map(({ when, event }) => {
    const sources = [...new Set(event.mentions.map((m) => path.basename(m.source)))].join(', ');
    return `${when.padEnd(w)}  ${event.status.padEnd(10)}  ${event.summary}  [${sources}]`;
  });
}

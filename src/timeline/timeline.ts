import path from 'node:path';
import { normName, placeChain, GRANULARITY_RANK } from '../consolidate/features.js';
import { eventRecords, type EventRecord } from '../store/queries.js';
import type { Store } from '../store/store.js';

/**
 * Timelines over consolidated events: by actor (repeat for a dyad), place (containment: "Russia"
 * finds Vladivostok), period and status. This is the store API the CLI and the UI share.
 */
export interface TimelineFilter {
  /** Every one of these takes part (name, name part or actor id). */
  actors?: string[];
  /** At this place or inside it. */
  place?: string;
  /** Overlapping the period (ISO days, inclusive). */
  from?: string;
  to?: string;
  statuses?: string[];
}

export interface TimelineEntry {
  /** The date shown, at its own granularity ("2001-08" for a month), else "reported DATE". */
  when: string;
  /** Sort key: first day the event covers, else the first report's date. */
  sortKey: string;
  /** Granularity of the shown date ("reported" when placed by its first report, "undated"). */
  granularity: string;
  event: EventRecord;
}

function actorMatches(e: EventRecord, wanted: string): boolean {
  const w = normName(wanted);
  return e.actors.some((a) => {
    if (a.id && a.id.toLowerCase() === wanted.toLowerCase()) return true;
    const n = normName(a.name);
    return n === w || ` ${n} `.includes(` ${w} `) || ` ${w} `.includes(` ${n} `);
  });
}

function placeMatches(e: EventRecord, wanted: string): boolean {
  if (!e.place) return false;
  const w = normName(wanted);
  const chain = placeChain(e.place.name, e.place.country);
  if (normName(e.place.name).includes(w) || chain.includes(w)) return true;
  // "--place Russia" (a country) finds every place the containment table or the place layer puts in it.
  const country = placeChain(wanted, null).find((x) => /^[A-Z]{3}$/.test(x)) ?? (/^[A-Za-z]{3}$/.test(wanted) ? wanted.toUpperCase() : null);
  return !!country && (e.place.country === country || chain.includes(country));
}

function matches(e: EventRecord, f: TimelineFilter): boolean {
  if (f.actors?.length && !f.actors.every((a) => actorMatches(e, a))) return false;
  if (f.place && !placeMatches(e, f.place)) return false;
  if (f.statuses?.length && !f.statuses.includes(e.status)) return false;
  const first = e.time?.start ?? e.history[0]?.reported ?? null;
  const last = e.time?.end ?? first;
  if (f.from && (!last || last < f.from)) return false;
  if (f.to && (!first || first > f.to)) return false;
  return true;
}

/**
 * Consolidated events in time order. A date sorts by the first day it covers and shows at its
 * granularity (a month as "2001-08"); coarser dates go before finer ones starting the same day;
 * undated events are placed by their first report.
 */
export async function timeline(store: Store, filter: TimelineFilter = {}): Promise<TimelineEntry[]> {
  const out: TimelineEntry[] = [];
  for await (const e of eventRecords(store)) {
    if (!matches(e, filter)) continue;
    const reported = e.history.find((h) => h.reported)?.reported ?? null;
    if (e.time?.start) out.push({ when: e.time.value, sortKey: e.time.start, granularity: e.time.granularity, event: e });
    else out.push({ when: reported ? `reported ${reported}` : 'undated', sortKey: reported ?? '9999', granularity: reported ? 'reported' : 'undated', event: e });
  }
  const rank = (g: string) => GRANULARITY_RANK[g] ?? -1;
  return out.sort((a, b) => a.sortKey.localeCompare(b.sortKey) || rank(b.granularity) - rank(a.granularity));
}

export function formatTimeline(entries: TimelineEntry[]): string[] {
  const w = Math.max(10, ...entries.map((e) => e.when.length));
  return entries.map(({ when, event }) => {
    const sources = [...new Set(event.mentions.map((m) => path.basename(m.source)))].join(', ');
    const disputed = event.conflict ? '  (reports conflict)' : '';
    return `${when.padEnd(w)}  ${event.status.padEnd(10)}  ${event.summary}  [${sources}]${disputed}`;
  });
}

import type { Writable } from 'node:stream';
import { articleRecords, type EventRecord } from '../store/queries.js';
import type { Store } from '../store/store.js';
import { writeLine } from './jsonl.js';

/**
 * The PLOVER-conformant view (spec, "Event types"). PLOVER codes a cooperative action that is
 * only in prospect (a planned summit, an expected visit, an invitation) as AGREE; Summitry
 * keeps the real-world type and puts the modality in `status`. This view recodes those events
 * as AGREE and says what they were in `plover.from`; every other event passes unchanged.
 */

/** PLOVER's cooperative types that it recodes as AGREE when reported in the future tense. */
export const COOPERATIVE = new Set(['CONSULT', 'SUPPORT', 'COOPERATE', 'AID']);
/** Statuses that say the event is intended or in prospect, not that it took place. */
export const PROSPECTIVE = new Set(['planned', 'expected', 'proposed', 'rumored']);

export type PloverEvent = EventRecord & { plover?: { from: string; fromMode: string | null; rule: string } };

export function ploverEvent(e: EventRecord): PloverEvent {
  if (!COOPERATIVE.has(e.type) || !PROSPECTIVE.has(e.status)) return e;
  return { ...e, type: 'AGREE', plover: { from: e.type, fromMode: e.mode, rule: `${e.status} ${e.type} coded as AGREE (PLOVER: future cooperation is an agreement)` } };
}

export async function* ploverEvents(events: AsyncIterable<EventRecord>): AsyncGenerator<PloverEvent> {
  for await (const e of events) yield ploverEvent(e);
}

/** JSON Lines as in the spec, with the events in the PLOVER view. */
export async function exportPloverJsonl(store: Store, events: AsyncIterable<EventRecord>, out: Writable, opts: { withText?: boolean } = {}): Promise<{ articles: number; events: number }> {
  let articles = 0;
  let n = 0;
  for await (const a of articleRecords(store, opts.withText)) {
    await writeLine(out, JSON.stringify(a));
    articles++;
  }
  for await (const e of ploverEvents(events)) {
    await writeLine(out, JSON.stringify(e));
    n++;
  }
  return { articles, events: n };
}

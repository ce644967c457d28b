import type { Writable } from 'node:stream';
import { eventRecords, type EventRecord } from '../store/queries.js';
import type { Store } from '../store/store.js';
import { exportCsv } from './csv.js';
import { exportGeojson } from './geojson.js';
import { exportGraphml } from './graphml.js';
import { exportJsonl } from './jsonl.js';
import { exportPloverJsonl, ploverEvents } from './plover.js';

export type ExportFormat = 'jsonl' | 'csv' | 'geojson' | 'graphml';

/** `summitry export`: the whole store in one format, optionally in the PLOVER view. */
export async function writeExport(store: Store, out: Writable, opts: { format: ExportFormat; withText?: boolean; plover?: boolean }): Promise<void> {
  const events: AsyncIterable<EventRecord> = opts.plover ? ploverEvents(eventRecords(store)) : eventRecords(store);
  switch (opts.format) {
    case 'jsonl':
      if (opts.plover) await exportPloverJsonl(store, eventRecords(store), out, { withText: opts.withText });
      else await exportJsonl(store, out, { withText: opts.withText });
      return;
    case 'csv':
      await exportCsv(events, out);
      return;
    case 'geojson':
      await exportGeojson(events, out);
      return;
    case 'graphml':
      await exportGraphml(events, out);
      return;
  }
}

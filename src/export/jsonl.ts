import type { Writable } from 'node:stream';
import { articleRecords, eventRecords } from '../store/queries.js';
import type { Store } from '../store/store.js';

/** Writes a line, waiting when the stream asks us to. */
export async function writeLine(out: Writable, line: string): Promise<void> {
  if (!out.write(line + '\n')) await new Promise<void>((resolve) => out.once('drain', resolve));
}

/** The spec's JSON Lines export: every article, then every event, in store order. */
export async function exportJsonl(store: Store, out: Writable, opts: { withText?: boolean } = {}): Promise<{ articles: number; events: number }> {
  let articles = 0;
  let events = 0;
  for await (const a of articleRecords(store, opts.withText)) {
    await writeLine(out, JSON.stringify(a));
    articles++;
  }
  for await (const e of eventRecords(store)) {
    await writeLine(out, JSON.stringify(e));
    events++;
  }
  return { articles, events };
}

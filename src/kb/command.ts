import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Store } from '../store/store.js';
import { readDictionary, toKbTsv, type KbRow } from './import.js';
import { useStoreKb } from './kb.js';

/**
 * `summitry kb import FILE`: a PETRARCH / Phoenix actor dictionary or a CountryInfo file
 * into the store's knowledge base (table kb_actors; a re-import of the same file replaces
 * its rows), or with --out into a KB file the actors stage reads when SUMMITRY_KB names it.
 */
export interface KbImportSummary {
  file: string;
  rows: number;
  people: number;
  organisations: number;
  skipped: number;
  warnings: string[];
}

export function summarise(file: string, rows: KbRow[], warnings: string[]): KbImportSummary {
  return {
    file,
    rows: rows.length,
    people: new Set(rows.filter((r) => r.kind === 'person').map((r) => r.id)).size,
    organisations: new Set(rows.filter((r) => r.kind === 'org').map((r) => r.id)).size,
    skipped: warnings.length,
    warnings,
  };
}

export async function importIntoStore(store: Store, file: string): Promise<KbImportSummary> {
  const { rows, warnings } = readDictionary(file);
  const source = path.basename(file);
  const db = store.db as unknown as Kysely<any>;
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('kb_actors').where('source', '=', source).execute();
    // SQLite caps bound parameters per statement: insert in chunks.
    for (let i = 0; i < rows.length; i += 500) {
      await tx
        .insertInto('kb_actors')
        .values(rows.slice(i, i + 500).map((r) => ({ source, id: r.id, kind: r.kind, name: r.name, aliases: r.aliases.join('|'), country: r.country, role: r.role, title: r.title, sector: r.sector, start: r.start || null, end: r.end || null })))
        .execute();
    }
  });
  return summarise(file, rows, warnings);
}

let applied: { key: string; rows: Record<string, string>[] } | null = null;

/**
 * Makes the store's imported KB rows (table kb_actors) part of the actor KB for the ingests
 * that follow, and returns them (in the shape the KB reads) for worker threads. A large
 * import (the Phoenix files hold 50,000 rows) takes seconds to index, so the rows are read
 * and indexed again only when the table has changed.
 */
export async function applyStoreKb(store: Store): Promise<Record<string, string>[]> {
  const db = store.db as unknown as Kysely<any>;
  const stamp = await db.selectFrom('kb_actors').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('seq').as('last')]).executeTakeFirstOrThrow();
  const key = `${store.path}|${stamp.n}|${stamp.last ?? 0}`;
  if (applied?.key === key) return applied.rows;
  const rows = (await db.selectFrom('kb_actors').selectAll().orderBy('seq').execute()).map((r) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    aliases: r.aliases ?? '',
    country: r.country ?? '',
    role: r.role,
    title: r.title ?? '',
    sector: r.sector ?? '',
    start: r.start ?? '',
    end: r.end ?? '',
  }));
  useStoreKb(rows, `${store.path} kb_actors`);
  applied = { key, rows };
  return rows;
}

export function importIntoFile(file: string, out: string): KbImportSummary {
  const { rows, warnings } = readDictionary(file);
  writeFileSync(out, toKbTsv(rows, path.basename(file)));
  return summarise(file, rows, warnings);
}

export function summaryLine(s: KbImportSummary, target: string): string {
  return `kb import: ${s.file}: ${s.rows} rows (${s.people} people, ${s.organisations} organisations), ${s.skipped} unreadable lines skipped -> ${target}`;
}

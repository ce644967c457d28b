import type Database from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * Kysely's SQLite driver prepares every query afresh; preparing was about a tenth of the
 * ingest's CPU time (bench). This keeps prepared statements by their SQL text (the queries
 * are few, with `?` parameters) and hands out a fresh one while the cached one is busy (a
 * streaming read still iterating it).
 */
export function withStatementCache(raw: Database.Database, max = 1000): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => raw.close(),
    prepare(sql: string) {
      const hit = cache.get(sql);
      if (hit && !hit.busy) return hit;
      const statement = raw.prepare(sql);
      if (!hit) {
        // Oldest first out: a store that builds many distinct queries stays bounded.
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}

import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql, type Transaction } from 'kysely';
import { migrationProvider } from './migrations.js';
import type { DB } from './schema.js';

export type Tx = Transaction<DB> | Kysely<DB>;

export class StoreError extends Error {}

/**
 * The embedded store: one SQLite file (WAL) behind Kysely, so the same queries can later
 * target PostgreSQL. Everything one article adds is written in one transaction.
 */
export class Store {
  readonly db: Kysely<DB>;
  readonly path: string;
  private readonly raw: Database.Database;

  private constructor(path: string, raw: Database.Database) {
    this.path = path;
    this.raw = raw;
    this.db = new Kysely<DB>({ dialect: new SqliteDialect({ database: raw }) });
  }

  static async open(path: string): Promise<Store> {
    let raw: Database.Database;
    try {
      raw = new Database(path);
      raw.pragma('journal_mode = WAL');
      raw.pragma('synchronous = NORMAL');
      raw.pragma('foreign_keys = ON');
      raw.pragma('busy_timeout = 5000');
    } catch (err) {
      throw new StoreError(`${path}: cannot open the database (${(err as Error).message})`);
    }
    const store = new Store(path, raw);
    const { error, results } = await new Migrator({ db: store.db, provider: migrationProvider }).migrateToLatest();
    if (error) {
      const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '?';
      await store.close();
      throw new StoreError(`${path}: migration ${failed} failed (${(error as Error).message})`);
    }
    return store;
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  async hasArticle(id: string): Promise<boolean> {
    const row = await this.db.selectFrom('articles').select('id').where('id', '=', id).executeTakeFirst();
    return !!row;
  }

  /** Runs fn in one transaction: all of it lands or none of it. */
  async transaction<T>(fn: (tx: Transaction<DB>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(fn);
  }

  async counts(): Promise<{ articles: number; events: number; mentions: number }> {
    const one = async (t: 'articles' | 'events' | 'mentions') =>
      Number((await this.db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return { articles: await one('articles'), events: await one('events'), mentions: await one('mentions') };
  }

  /** Full-text search over article titles and text (SQLite FTS5). */
  async searchArticles(query: string, limit = 20): Promise<{ id: string; source: string; snippet: string }[]> {
    const rows = await sql<{ id: string; source: string; snippet: string }>`
      SELECT a.id, a.source, snippet(article_fts, 1, '[', ']', '…', 12) AS snippet
      FROM article_fts JOIN articles a ON a.seq = article_fts.rowid
      WHERE article_fts MATCH ${query} ORDER BY rank LIMIT ${limit}`.execute(this.db);
    return rows.rows;
  }
}

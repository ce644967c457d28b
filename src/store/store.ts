import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { migrationProvider, type Dialect } from './migrations.js';
import type { DB } from './schema.js';
import { withStatementCache } from './statement-cache.js';

export type Tx = Transaction<DB> | Kysely<DB>;

export class StoreError extends Error {}

/** A `--db` value naming a PostgreSQL database rather than a SQLite file. */
export function isPostgresUrl(target: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(target);
}

/** The URL without its password, for messages and labels. */
export function redact(target: string): string {
  return isPostgresUrl(target) ? target.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@') : target;
}

/**
 * The store: by default one embedded SQLite file (WAL); for a team, a PostgreSQL database
 * (`--db postgres://user@host/db`). Both sit behind the same Kysely queries and migrations.
 * Everything one article adds is written in one transaction.
 */
export class Store {
  readonly db: Kysely<DB>;
  /** The file path or the database URL (password removed). */
  readonly path: string;
  readonly dialect: Dialect;

  private constructor(path: string, dialect: Dialect, db: Kysely<DB>) {
    this.path = path;
    this.dialect = dialect;
    this.db = db;
  }

  static async open(target: string): Promise<Store> {
    const store = isPostgresUrl(target) ? await Store.connectPostgres(target) : Store.openSqlite(target);
    const { error, results } = await new Migrator({ db: store.db, provider: migrationProvider(store.dialect) }).migrateToLatest();
    if (error) {
      const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '?';
      await store.close();
      throw new StoreError(`${store.path}: migration ${failed} failed (${(error as Error).message})`);
    }
    return store;
  }

  private static openSqlite(path: string): Store {
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
    return new Store(path, 'sqlite', new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) }));
  }

  private static async connectPostgres(url: string): Promise<Store> {
    const label = redact(url);
    const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 5000 });
    pool.on('error', () => undefined); // an idle client's lost connection; the next query reports it
    try {
      const client = await pool.connect();
      client.release();
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw new StoreError(`${label}: cannot connect (${(err as Error).message})`);
    }
    return new Store(label, 'postgres', new Kysely<DB>({ dialect: new PostgresDialect({ pool }) }));
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

  /** Full-text search over article titles and text (SQLite FTS5; PostgreSQL text search). */
  async searchArticles(query: string, limit = 20): Promise<{ id: string; source: string; snippet: string }[]> {
    if (this.dialect === 'postgres') {
      const rows = await sql<{ id: string; source: string; snippet: string }>`
        SELECT a.id, a.source,
          ts_headline('simple', a.text, q, 'StartSel=[, StopSel=], MaxWords=12, MinWords=4, FragmentDelimiter=…, MaxFragments=1') AS snippet
        FROM articles a, websearch_to_tsquery('simple', ${query}) q
        WHERE ${PG_DOCUMENT} @@ q
        ORDER BY ts_rank(${PG_DOCUMENT}, q) DESC, a.seq LIMIT ${limit}`.execute(this.db);
      return rows.rows;
    }
    const rows = await sql<{ id: string; source: string; snippet: string }>`
      SELECT a.id, a.source, snippet(article_fts, 1, '[', ']', '…', 12) AS snippet
      FROM article_fts JOIN articles a ON a.seq = article_fts.rowid
      WHERE article_fts MATCH ${query} ORDER BY rank LIMIT ${limit}`.execute(this.db);
    return rows.rows;
  }
}

/** The tsvector the PostgreSQL full-text index is built on (migration 0001); `a` is articles. */
export const PG_DOCUMENT = sql`to_tsvector('simple', coalesce(a.title, '') || ' ' || a.text)`;

import { sql, type ColumnDataType, type ColumnDefinitionBuilder, type Expression, type Kysely, type Migration, type MigrationProvider } from 'kysely';

type DataTypeExpression = ColumnDataType | Expression<unknown>;

export type Dialect = 'sqlite' | 'postgres';

/**
 * Schema migrations, in order, written once with Kysely's schema builder for both stores:
 * the embedded SQLite file and a team's PostgreSQL. The dialects differ in three places only:
 * row sequence columns (SQLite AUTOINCREMENT, PostgreSQL serial), text collation (PostgreSQL
 * text is compared byte-wise, COLLATE "C", so ids, dates and exports sort exactly as in
 * SQLite) and full-text search (FTS5 there, a GIN index over a tsvector here).
 */
function migrations(dialect: Dialect): Record<string, Migration> {
  const pg = dialect === 'postgres';
  const TEXT: DataTypeExpression = pg ? sql`text collate "C"` : 'text';
  const SEQ: DataTypeExpression = pg ? 'serial' : 'integer';
  const seq = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());
  return {
  '0001_core': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('articles')
        .addColumn('seq', SEQ, seq)
        .addColumn('id', TEXT, (c) => c.notNull().unique())
        .addColumn('source', TEXT, (c) => c.notNull())
        .addColumn('format', TEXT, (c) => c.notNull())
        .addColumn('title', TEXT)
        .addColumn('publisher', TEXT)
        .addColumn('url', TEXT)
        .addColumn('published_date', TEXT)
        .addColumn('published_inferred', 'integer', (c) => c.notNull())
        .addColumn('published_basis', TEXT, (c) => c.notNull())
        .addColumn('text', TEXT, (c) => c.notNull())
        .addColumn('sentences', 'integer', (c) => c.notNull())
        .addColumn('ingested_at', TEXT, (c) => c.notNull())
        .execute();
      // Spans are read per article and layer (the reader, "why does it say that?"), so each
      // layer is stored as one JSON array: far fewer rows and statements per article.
      await db.schema
        .createTable('layers')
        .addColumn('article_id', TEXT, (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('layer', TEXT, (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addColumn('spans', TEXT, (c) => c.notNull())
        .addPrimaryKeyConstraint('layers_pk', ['article_id', 'layer'])
        .execute();
      await db.schema
        .createTable('events')
        .addColumn('seq', SEQ, seq)
        .addColumn('id', TEXT, (c) => c.notNull().unique())
        .addColumn('type', TEXT, (c) => c.notNull())
        .addColumn('mode', TEXT)
        .addColumn('summary', TEXT, (c) => c.notNull())
        .addColumn('status', TEXT, (c) => c.notNull())
        .addColumn('actors', TEXT, (c) => c.notNull())
        .addColumn('place', TEXT)
        .addColumn('time', TEXT)
        .addColumn('time_start', TEXT)
        .addColumn('topics', TEXT, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('events_time').on('events').column('time_start').execute();
      await db.schema
        .createTable('mentions')
        .addColumn('seq', SEQ, seq)
        .addColumn('id', TEXT, (c) => c.notNull().unique())
        .addColumn('article_id', TEXT, (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('event_id', TEXT, (c) => c.notNull().references('events.id'))
        .addColumn('type', TEXT, (c) => c.notNull())
        .addColumn('mode', TEXT)
        .addColumn('start', 'integer', (c) => c.notNull())
        .addColumn('end', 'integer', (c) => c.notNull())
        .addColumn('text', TEXT, (c) => c.notNull())
        .addColumn('status', TEXT, (c) => c.notNull())
        .addColumn('attribution', TEXT)
        .addColumn('reported', TEXT)
        .addColumn('detail', TEXT, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('mentions_event').on('mentions').column('event_id').execute();
      await db.schema.createIndex('mentions_article').on('mentions').column('article_id').execute();
      // Full-text search over article titles and text. SQLite: FTS5 with external content
      // (rowid = seq). PostgreSQL: a GIN index over the same tsvector the queries use.
      if (pg) await sql`CREATE INDEX articles_fts ON articles USING gin (to_tsvector('simple', coalesce(title, '') || ' ' || text))`.execute(db);
      else await sql`CREATE VIRTUAL TABLE article_fts USING fts5(title, text, content='articles', content_rowid='seq')`.execute(db);
    },
  },
  // Issue #6: one record per real event. Profiles and blocking keys make merging incremental;
  // merges and near-duplicate articles are recorded.
  '0006_event_merging': {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('events').addColumn('profile', TEXT).execute();
      await db.schema.alterTable('events').addColumn('time_end', TEXT).execute();
      await db.schema.alterTable('events').addColumn('conflict', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('events').addColumn('evidence', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema
        .createTable('event_blocks')
        .addColumn('key', TEXT, (c) => c.notNull())
        .addColumn('event_id', TEXT, (c) => c.notNull())
        .addPrimaryKeyConstraint('event_blocks_pk', ['key', 'event_id'])
        .execute();
      await db.schema.createIndex('event_blocks_event').on('event_blocks').column('event_id').execute();
      await db.schema
        .createTable('event_merges')
        .addColumn('from_id', TEXT, (c) => c.primaryKey())
        .addColumn('into_id', TEXT, (c) => c.notNull())
        .addColumn('article_id', TEXT, (c) => c.notNull())
        .addColumn('merged_at', TEXT, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('event_merges_into').on('event_merges').column('into_id').execute();
      await db.schema
        .createTable('article_signatures')
        .addColumn('article_id', TEXT, (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
        .addColumn('signature', TEXT, (c) => c.notNull())
        .addColumn('duplicate_of', TEXT)
        .addColumn('similarity', 'real')
        .execute();
      await db.schema
        .createTable('article_bands')
        .addColumn('band', TEXT, (c) => c.notNull())
        .addColumn('article_id', TEXT, (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('article_bands_pk', ['band', 'article_id'])
        .execute();
    },
  },
  '0007_event_history': {
    // A running summary of each event's reports (consolidate/status.ts HistorySummary): an
    // update no longer re-reads every mention of a much-reported event. Null: not yet kept
    // (events from before this migration); the next update computes it from the mentions.
    async up(db: Kysely<any>) {
      await db.schema.alterTable('events').addColumn('history', TEXT).execute();
    },
  },
  '0002_actors': {
    // Issue #4: the knowledge base grows from two sources: `summitry kb import` (kb_actors) and
    // people the articles introduce with a title (actor_evidence, one row per mention).
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('kb_actors')
        .addColumn('seq', SEQ, seq)
        .addColumn('source', TEXT, (c) => c.notNull())
        .addColumn('id', TEXT, (c) => c.notNull())
        .addColumn('kind', TEXT, (c) => c.notNull())
        .addColumn('name', TEXT, (c) => c.notNull())
        .addColumn('aliases', TEXT, (c) => c.notNull())
        .addColumn('country', TEXT)
        .addColumn('role', TEXT, (c) => c.notNull())
        .addColumn('title', TEXT)
        .addColumn('sector', TEXT)
        .addColumn('start', TEXT)
        .addColumn('end', TEXT)
        .execute();
      await db.schema.createIndex('kb_actors_id').on('kb_actors').column('id').execute();
      await db.schema
        .createTable('actor_evidence')
        .addColumn('article_id', TEXT, (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('start', 'integer', (c) => c.notNull())
        .addColumn('end', 'integer', (c) => c.notNull())
        .addColumn('actor_id', TEXT, (c) => c.notNull())
        .addColumn('name', TEXT, (c) => c.notNull())
        .addColumn('country', TEXT)
        .addColumn('sector', TEXT)
        .addColumn('title', TEXT, (c) => c.notNull())
        .addColumn('in_kb', 'integer', (c) => c.notNull())
        .addColumn('reported', TEXT)
        .addPrimaryKeyConstraint('actor_evidence_pk', ['article_id', 'start'])
        .execute();
      await db.schema.createIndex('actor_evidence_actor').on('actor_evidence').column('actor_id').execute();
    },
  },
  };
}

export function migrationProvider(dialect: Dialect): MigrationProvider {
  return {
    async getMigrations() {
      return migrations(dialect);
    },
  };
}

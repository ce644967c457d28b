import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

/**
 * Schema migrations, in order. Written with Kysely's schema builder so the same steps run on
 * PostgreSQL later; SQLite-only parts (FTS5) are isolated and named as such.
 */
const migrations: Record<string, Migration> = {
  '0001_core': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('articles')
        .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('title', 'text')
        .addColumn('publisher', 'text')
        .addColumn('url', 'text')
        .addColumn('published_date', 'text')
        .addColumn('published_inferred', 'integer', (c) => c.notNull())
        .addColumn('published_basis', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('sentences', 'integer', (c) => c.notNull())
        .addColumn('ingested_at', 'text', (c) => c.notNull())
        .execute();
      // Spans are read per article and layer (the reader, "why does it say that?"), so each
      // layer is stored as one JSON array: far fewer rows and statements per article.
      await db.schema
        .createTable('layers')
        .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('layer', 'text', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addColumn('spans', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('layers_pk', ['article_id', 'layer'])
        .execute();
      await db.schema
        .createTable('events')
        .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('mode', 'text')
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('actors', 'text', (c) => c.notNull())
        .addColumn('place', 'text')
        .addColumn('time', 'text')
        .addColumn('time_start', 'text')
        .addColumn('topics', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('events_time').on('events').column('time_start').execute();
      await db.schema
        .createTable('mentions')
        .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('mode', 'text')
        .addColumn('start', 'integer', (c) => c.notNull())
        .addColumn('end', 'integer', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attribution', 'text')
        .addColumn('reported', 'text')
        .addColumn('detail', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('mentions_event').on('mentions').column('event_id').execute();
      await db.schema.createIndex('mentions_article').on('mentions').column('article_id').execute();
      // SQLite only: full-text search over article text (external content, rowid = seq).
      await sql`CREATE VIRTUAL TABLE article_fts USING fts5(title, text, content='articles', content_rowid='seq')`.execute(db);
    },
  },
  // Issue #6: one record per real event. Profiles and blocking keys make merging incremental;
  // merges and near-duplicate articles are recorded.
  '0006_event_merging': {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('events').addColumn('profile', 'text').execute();
      await db.schema.alterTable('events').addColumn('time_end', 'text').execute();
      await db.schema.alterTable('events').addColumn('conflict', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('events').addColumn('evidence', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema
        .createTable('event_blocks')
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('event_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('event_blocks_pk', ['key', 'event_id'])
        .execute();
      await db.schema.createIndex('event_blocks_event').on('event_blocks').column('event_id').execute();
      await db.schema
        .createTable('event_merges')
        .addColumn('from_id', 'text', (c) => c.primaryKey())
        .addColumn('into_id', 'text', (c) => c.notNull())
        .addColumn('article_id', 'text', (c) => c.notNull())
        .addColumn('merged_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('event_merges_into').on('event_merges').column('into_id').execute();
      await db.schema
        .createTable('article_signatures')
        .addColumn('article_id', 'text', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
        .addColumn('signature', 'text', (c) => c.notNull())
        .addColumn('duplicate_of', 'text')
        .addColumn('similarity', 'real')
        .execute();
      await db.schema
        .createTable('article_bands')
        .addColumn('band', 'text', (c) => c.notNull())
        .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('article_bands_pk', ['band', 'article_id'])
        .execute();
    },
  },
  '0002_actors': {
    // Issue #4: the knowledge base grows from two sources: `summitry kb import` (kb_actors) and
    // people the articles introduce with a title (actor_evidence, one row per mention).
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('kb_actors')
        .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('aliases', 'text', (c) => c.notNull())
        .addColumn('country', 'text')
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('title', 'text')
        .addColumn('sector', 'text')
        .addColumn('start', 'text')
        .addColumn('end', 'text')
        .execute();
      await db.schema.createIndex('kb_actors_id').on('kb_actors').column('id').execute();
      await db.schema
        .createTable('actor_evidence')
        .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('start', 'integer', (c) => c.notNull())
        .addColumn('end', 'integer', (c) => c.notNull())
        .addColumn('actor_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('country', 'text')
        .addColumn('sector', 'text')
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('in_kb', 'integer', (c) => c.notNull())
        .addColumn('reported', 'text')
        .addPrimaryKeyConstraint('actor_evidence_pk', ['article_id', 'start'])
        .execute();
      await db.schema.createIndex('actor_evidence_actor').on('actor_evidence').column('actor_id').execute();
    },
  },
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};

import { sql } from 'kysely';
import { saveActorEvidence } from '../actors/evidence.js';
import { consolidateArticle } from '../consolidate/consolidate.js';
import type { ProcessedArticle } from '../ingest/process.js';
import type { Store } from './store.js';

/** The advisory-lock key that serialises saving on PostgreSQL (any fixed number). */
const CONSOLIDATION_LOCK = 7_226_104;

/**
 * Stores one processed article with its spans, mentions and events in one transaction.
 * Returns false when the article was already stored (re-ingest is a no-op).
 */
export async function saveArticle(store: Store, p: ProcessedArticle, now = new Date()): Promise<boolean> {
  return store.transaction(async (tx) => {
    // On a shared PostgreSQL, writers (several ingests, queue workers on other machines)
    // consolidate one article at a time: merging reads candidate events and must see every
    // earlier article's. The lock ends with the transaction.
    if (store.dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(${CONSOLIDATION_LOCK})`.execute(tx);
    const exists = await tx.selectFrom('articles').select('id').where('id', '=', p.id).executeTakeFirst();
    if (exists) return false;
    const inserted = await tx
      .insertInto('articles')
      .values({
        id: p.id,
        source: p.meta.source,
        format: p.meta.format,
        title: p.meta.title,
        publisher: p.meta.publisher,
        url: p.meta.url,
        published_date: p.date.date,
        published_inferred: p.date.inferred ? 1 : 0,
        published_basis: p.date.basis,
        text: p.meta.text,
        sentences: p.sentences,
        ingested_at: now.toISOString(),
      })
      .returning('seq')
      .executeTakeFirstOrThrow();
    // SQLite's FTS5 table is external-content: fed here. PostgreSQL indexes the row itself.
    if (store.dialect === 'sqlite') await sql`INSERT INTO article_fts(rowid, title, text) VALUES (${inserted.seq}, ${p.meta.title ?? ''}, ${p.meta.text})`.execute(tx);
    const layers = [...new Set(p.spans.map((s) => s.layer))];
    if (layers.length) {
      await tx
        .insertInto('layers')
        .values(
          layers.map((layer) => {
            const spans = p.spans.filter((s) => s.layer === layer).map(({ layer: _l, ...span }) => span);
            return { article_id: p.id, layer, count: spans.length, spans: JSON.stringify(spans) };
          }),
        )
        .execute();
    }
    await saveActorEvidence(tx, p);
    await consolidateArticle(tx, p);
    return true;
  });
}

import { sql } from 'kysely';
import { consolidateArticle } from '../consolidate/consolidate.js';
import type { ProcessedArticle } from '../ingest/process.js';
import type { Store } from './store.js';

/** SQLite allows 32,766 bound variables; 8 columns a span row. */
const SPAN_ROWS_PER_INSERT = 1000;

/**
 * Stores one processed article with its spans, mentions and events in one transaction.
 * Returns false when the article was already stored (re-ingest is a no-op).
 */
export async function saveArticle(store: Store, p: ProcessedArticle, now = new Date()): Promise<boolean> {
  return store.transaction(async (tx) => {
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
    await sql`INSERT INTO article_fts(rowid, title, text) VALUES (${inserted.seq}, ${p.meta.title ?? ''}, ${p.meta.text})`.execute(tx);
    for (let i = 0; i < p.spans.length; i += SPAN_ROWS_PER_INSERT) {
      await tx
        .insertInto('spans')
        .values(
          p.spans.slice(i, i + SPAN_ROWS_PER_INSERT).map((s) => ({
            article_id: p.id,
            layer: s.layer,
            start: s.start,
            end: s.end,
            label: s.label,
            by: s.by,
            confidence: s.confidence,
            attrs: s.attrs && Object.keys(s.attrs).length ? JSON.stringify(s.attrs) : null,
          })),
        )
        .execute();
    }
    await consolidateArticle(tx, p);
    return true;
  });
}

import type { Kysely, Transaction } from 'kysely';
import type { ProcessedArticle } from '../ingest/process.js';
import type { Store } from '../store/store.js';
import type { ActorAttrs } from './resolve.js';

/**
 * People an article introduces with a title ("Sergei Darkin, governor of the Primorye
 * region", "Kremlin adviser Boris Antonov") are kept with the article as evidence, so the
 * record of who held which post grows as articles arrive. Written inside the article's
 * transaction (store/save.ts).
 */
export async function saveActorEvidence(tx: Transaction<any>, p: ProcessedArticle): Promise<void> {
  const rows = p.spans
    .filter((s) => s.layer === 'actor' && s.label === 'person' && (s.attrs as unknown as ActorAttrs | undefined)?.textTitle)
    .map((s) => {
      const a = s.attrs as unknown as ActorAttrs;
      return {
        article_id: p.id,
        start: s.start,
        end: s.end,
        actor_id: a.id,
        name: a.name,
        country: a.country,
        sector: a.sector,
        title: a.textTitle!,
        in_kb: a.via === 'kb' ? 1 : 0,
        reported: p.date.date,
      };
    });
  if (rows.length) await (tx as unknown as Kysely<any>).insertInto('actor_evidence').values(rows).execute();
}

export interface ActorEvidence {
  actorId: string;
  name: string;
  country: string | null;
  title: string;
  inKb: boolean;
  article: string;
  start: number;
  end: number;
  reported: string | null;
}

/** What the stored articles say about one actor (or every actor), oldest report first. */
export async function actorEvidence(store: Store, actorId?: string): Promise<ActorEvidence[]> {
  let q = (store.db as unknown as Kysely<any>).selectFrom('actor_evidence').selectAll().orderBy('reported').orderBy('article_id').orderBy('start');
  if (actorId) q = q.where('actor_id', '=', actorId);
  const rows = await q.execute();
  return rows.map((r) => ({ actorId: r.actor_id, name: r.name, country: r.country, title: r.title, inKb: !!r.in_kb, article: r.article_id, start: r.start, end: r.end, reported: r.reported }));
}

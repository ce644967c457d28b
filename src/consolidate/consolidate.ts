import type { Insertable, Transaction } from 'kysely';
import type { MentionDraft, ProcessedArticle } from '../ingest/process.js';
import type { EventAttrs } from '../stages/events.js';
import type { DB, MentionTable } from '../store/schema.js';
import { hashId } from '../util/hash.js';
import { mentionFeatures } from './features.js';
import { blockKeys, chooseEvent, clusterArticle, type Candidate } from './merge.js';
import { decide } from './score.js';
import { bands, DUPLICATE_SIMILARITY, signature, similarity } from './minhash.js';
import { mergeProfiles, type EventProfile } from './profile.js';
import { addReport, emptySummary, mergeSummaries, summaryConflict, summaryStatus, type HistorySummary } from './status.js';
import { summarize } from './summary.js';

/** The exported shapes of an event's fields (spec), plus which mention supplied them. */
export interface EventActor {
  name: string;
  id: string | null;
  country: string | null;
  title: string | null;
  role: 'source' | 'target' | 'participant';
}
export interface EventPlace {
  name: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
  id?: string | null;
  /** The mention that supplied this place (the most specific one the mentions support). */
  mention?: string;
}
export interface EventTime {
  text: string;
  value: string;
  start: string | null;
  end: string | null;
  granularity: string;
  /** The mention that supplied this time (the most specific one the mentions support). */
  mention?: string;
}

const CHUNK = 400;
/** Most candidate events compared per article cluster: keeps the per-article cost bounded. */
const MAX_CANDIDATES = 300;
/** Actors shown on an event (most mentioned first). */
const MAX_ACTORS = 6;

export function mentionId(articleId: string, m: MentionDraft): string {
  return hashId('m', articleId, m.start, m.end, m.attrs.type, m.attrs.trigger.start);
}

/** The spec fields of an event, from its profile. */
export function eventFields(p: EventProfile) {
  const actors: EventActor[] = Object.values(p.actors)
    .map((a, i) => ({ a, i }))
    .sort((x, y) => y.a.count - x.a.count || x.i - y.i)
    .slice(0, MAX_ACTORS)
    .map(({ a }) => ({ name: a.name, id: a.id, country: a.country, title: a.title, role: a.role }));
  const place: EventPlace | null = p.place
    ? { name: p.place.name, country: p.place.country, lat: p.place.lat, lon: p.place.lon, id: p.place.id, mention: p.place.mention }
    : null;
  const time: EventTime | null = p.time
    ? { text: p.time.text, value: p.time.value, start: p.time.start, end: p.time.end, granularity: p.time.granularity, mention: p.time.mention }
    : null;
  const names = (role: string) => actors.filter((x) => x.role === role).map((x) => x.name);
  const summary = summarize(p.mode, p.type, {
    participants: actors.map((x) => x.name),
    source: names('source'),
    target: names('target'),
    place: place?.name ?? null,
  });
  return { actors, place, time, summary };
}

interface LayerSpan {
  start: number;
  end: number;
  attrs?: Record<string, unknown>;
}

/**
 * Fills actor ids/countries and place ids/countries/coordinates from the `actor` and `place`
 * layers (docs/layers.md) where the event stage has not: the span overlapping the mention's
 * name supplies them. A name that only the place layer knows is a place, not a participant.
 */
export function enrichFromLayers(attrs: EventAttrs, spans: ProcessedArticle['spans']): EventAttrs {
  const actorSpans = spans.filter((s) => s.layer === 'actor') as LayerSpan[];
  const placeSpans = spans.filter((s) => s.layer === 'place') as LayerSpan[];
  if (!actorSpans.length && !placeSpans.length) return attrs;
  const over = (list: LayerSpan[], x: { start: number; end: number }) => list.find((s) => s.start < x.end && x.start < s.end);
  const actors: EventAttrs['actors'] = [];
  for (const a of attrs.actors) {
    const hit = over(actorSpans, a);
    // A person the knowledge base does not know (via name or title) gets a slug of the name as
    // its id; that is no identity across articles ("Batbold" and "Sukhbaatar" may be one man),
    // so such actors keep matching by name, whether the event stage copied the slug or not.
    const via = String(hit?.attrs?.via ?? (a.via ?? '').replace(/^actors\//, ''));
    const slugOnly = via === 'name' || via === 'title';
    if (a.id) {
      actors.push(slugOnly ? { ...a, id: null } : a);
      continue;
    }
    if (hit?.attrs?.id) actors.push({ ...a, name: String(hit.attrs.name ?? a.name), id: slugOnly ? null : String(hit.attrs.id), country: (hit.attrs.country as string | null) ?? null });
    else if (!over(placeSpans, a)) actors.push(a);
  }
  let place = attrs.place;
  // The place layer is the authority on places: a name that is also a metonymic state actor
  // ("Ottawa" for Canada's government) stays the city where the event took place.
  const hit = place && over(placeSpans, place);
  if (place && hit?.attrs?.id && (!place.id || place.id !== hit.attrs.id)) {
    const x = hit.attrs;
    place = { ...place, name: String(x.name ?? place.name), id: String(x.id), country: (x.country as string | null) ?? null, lat: (x.lat as number | null) ?? null, lon: (x.lon as number | null) ?? null };
  }
  return { ...attrs, actors, place };
}

/** Records the article's MinHash; returns the article it near-duplicates (the first such), if any. */
async function recordSignature(tx: Transaction<DB>, article: ProcessedArticle): Promise<string | null> {
  const sig = signature(article.meta.text);
  const keys = bands(sig);
  const others = await tx.selectFrom('article_bands').select('article_id').distinct().where('band', 'in', keys).limit(50).execute();
  let duplicateOf: string | null = null;
  let best = 0;
  if (others.length) {
    const rows = await tx
      .selectFrom('article_signatures')
      .select(['article_id', 'signature', 'duplicate_of'])
      .where('article_id', 'in', others.map((o) => o.article_id))
      .execute();
    for (const r of rows) {
      const s = similarity(sig, r.signature.split(',').map((x) => parseInt(x, 36)));
      if (s >= DUPLICATE_SIMILARITY && s > best) {
        best = s;
        duplicateOf = r.duplicate_of ?? r.article_id;
      }
    }
  }
  await tx
    .insertInto('article_signatures')
    .values({ article_id: article.id, signature: sig.map((x) => x.toString(36)).join(','), duplicate_of: duplicateOf, similarity: duplicateOf ? best : null })
    .execute();
  await tx.insertInto('article_bands').values(keys.map((band) => ({ band, article_id: article.id }))).onConflict((oc) => oc.doNothing()).execute();
  return duplicateOf;
}

async function candidatesFor(tx: Transaction<DB>, keys: string[], live: Map<string, Candidate>, histories: Map<string, HistorySummary | null>): Promise<Candidate[]> {
  if (!keys.length) return [];
  const ids = new Set<string>();
  for (let i = 0; i < keys.length && ids.size < MAX_CANDIDATES; i += CHUNK) {
    const rows = await tx
      .selectFrom('event_blocks')
      .select('event_id')
      .distinct()
      .where('key', 'in', keys.slice(i, i + CHUNK))
      .limit(MAX_CANDIDATES)
      .execute();
    for (const r of rows) ids.add(r.event_id);
  }
  return eventsById(tx, [...ids], live, histories);
}

/** Candidates by event id: this article's live ones, else read from the store (with their report summaries). */
async function eventsById(tx: Transaction<DB>, ids: string[], live: Map<string, Candidate>, histories: Map<string, HistorySummary | null>): Promise<Candidate[]> {
  const out: Candidate[] = [];
  const missing = ids.filter((id) => {
    const c = live.get(id);
    if (c) out.push(c);
    return !c;
  });
  if (missing.length) {
    const rows = await tx.selectFrom('events').select(['id', 'seq', 'profile', 'history']).where('id', 'in', missing).execute();
    for (const r of rows) {
      if (!r.profile) continue;
      out.push({ id: r.id, seq: r.seq, profile: JSON.parse(r.profile) as EventProfile });
      if (!histories.has(r.id)) histories.set(r.id, r.history ? (JSON.parse(r.history) as HistorySummary) : null);
    }
  }
  return out;
}

/**
 * Attaches an article's event mentions to events: clusters them within the article, finds
 * candidate events through blocking keys, joins or creates events (merging events the
 * article shows to be one, when coherent), then refreshes only the events it touched.
 * Event ids are derived from the mention that founded the event, so they are stable; when
 * events merge the older id stays and the merge is recorded in event_merges.
 */
export async function consolidateArticle(tx: Transaction<DB>, article: ProcessedArticle): Promise<number> {
  const duplicateOf = await recordSignature(tx, article);
  if (!article.mentions.length) return 0;
  const text = article.meta.text;
  const drafts = new Map<string, MentionDraft>();
  const sentences = article.spans.filter((s) => s.layer === 'sentence');
  const sentenceOf = (at: number) => sentences.find((s) => s.start <= at && at < s.end)?.start ?? null;
  const features = article.mentions.map((m) => {
    const id = mentionId(article.id, m);
    drafts.set(id, m);
    const attrs = enrichFromLayers(m.attrs, article.spans);
    return mentionFeatures(id, article.id, article.date.date, attrs, text.slice(m.start, m.attrs.trigger.start), sentenceOf(m.attrs.trigger.start));
  });
  const boost = new Set<string>();
  /** A near-duplicate's mentions by type and text: a wire copy's mention joins its twin's event. */
  const twins = new Map<string, string>();
  const twinKey = (type: string, text: string) => `${type}\u0000${text}`;
  if (duplicateOf) {
    for (const r of await tx.selectFrom('mentions').select(['event_id', 'type', 'text']).where('article_id', '=', duplicateOf).execute()) {
      boost.add(r.event_id);
      twins.set(twinKey(r.type, r.text), r.event_id);
    }
  }

  const live = new Map<string, Candidate>();
  /** Each touched event's report summary before this article (null: not kept yet, recompute). */
  const histories = new Map<string, HistorySummary | null>();
  const eventOf = new Map<string, string>();
  const redirect = new Map<string, string>();
  const now = new Date().toISOString();
  for (const cluster of clusterArticle(features)) {
    const candidates = await candidatesFor(tx, blockKeys(cluster.profile), live, histories);
    // The twin's event, found by text even when the cluster has no blocking key (nothing
    // dated or named), so each copy does not found events of its own.
    let twinId = cluster.mentions.map((m) => twins.get(twinKey(drafts.get(m.id)!.attrs.type, drafts.get(m.id)!.text))).find((x) => x !== undefined);
    while (twinId && redirect.has(twinId)) twinId = redirect.get(twinId);
    if (twinId && !candidates.some((c) => c.id === twinId)) candidates.push(...(await eventsById(tx, [twinId], live, histories)));
    const twin = twinId ? candidates.find((c) => c.id === twinId) : undefined;
    const choice = twin && !decide(twin.profile, cluster.profile).veto ? { into: twin, absorb: [], score: 1 } : chooseEvent(cluster.profile, candidates, { boost });
    let target: Candidate;
    if (choice.into) {
      target = { ...choice.into, profile: mergeProfiles(choice.into.profile, cluster.profile) };
      for (const old of choice.absorb) {
        target.profile = mergeProfiles(target.profile, old.profile);
        await tx.updateTable('mentions').set({ event_id: target.id }).where('event_id', '=', old.id).execute();
        await tx.deleteFrom('event_blocks').where('event_id', '=', old.id).execute();
        await tx.deleteFrom('events').where('id', '=', old.id).execute();
        await tx.updateTable('event_merges').set({ into_id: target.id }).where('into_id', '=', old.id).execute();
        await tx.insertInto('event_merges').values({ from_id: old.id, into_id: target.id, article_id: article.id, merged_at: now }).execute();
        live.delete(old.id);
        redirect.set(old.id, target.id);
        const [a, b] = [histories.get(target.id), histories.get(old.id)];
        histories.set(target.id, a && b ? mergeSummaries(a, b) : null);
      }
    } else {
      const first = drafts.get(cluster.mentions[0]!.id)!;
      const id = hashId('e', article.id, first.start, first.end, first.attrs.type);
      const row = await tx
        .insertInto('events')
        .values({ id, type: first.attrs.type, mode: first.attrs.mode, summary: '', status: first.attrs.status, actors: '[]', topics: '[]', profile: null })
        .returning('seq')
        .executeTakeFirstOrThrow();
      target = { id, seq: row.seq, profile: cluster.profile };
      histories.set(id, emptySummary());
    }
    live.set(target.id, target);
    for (const m of cluster.mentions) eventOf.set(m.id, target.id);
  }

  const resolve = (id: string) => {
    while (redirect.has(id)) id = redirect.get(id)!;
    return id;
  };
  const mentions: Insertable<MentionTable>[] = features.map((f) => {
    const m = drafts.get(f.id)!;
    return {
      id: f.id,
      article_id: article.id,
      event_id: resolve(eventOf.get(f.id)!),
      type: m.attrs.type,
      mode: m.attrs.mode,
      start: m.start,
      end: m.end,
      text: m.text,
      status: m.attrs.status,
      attribution: m.attrs.attribution,
      reported: article.date.date,
      detail: JSON.stringify(m.attrs),
    };
  });
  for (let i = 0; i < mentions.length; i += CHUNK) await tx.insertInto('mentions').values(mentions.slice(i, i + CHUNK)).execute();
  const source = duplicateOf ?? article.id;
  for (const m of mentions) {
    const h = histories.get(m.event_id);
    if (h) addReport(h, m.reported ?? null, m.status, source);
  }
  for (const c of live.values()) await refreshEvent(tx, c, histories.get(c.id) ?? null);
  return article.mentions.length;
}

/** The report summary of an event from all its mentions (events from before migration 0007). */
async function summaryFromMentions(tx: Transaction<DB>, eventId: string): Promise<HistorySummary> {
  const rows = await tx
    .selectFrom('mentions')
    .leftJoin('article_signatures', 'article_signatures.article_id', 'mentions.article_id')
    .select(['mentions.article_id', 'mentions.reported', 'mentions.status', 'article_signatures.duplicate_of'])
    .where('mentions.event_id', '=', eventId)
    .execute();
  const s = emptySummary();
  for (const r of rows) addReport(s, r.reported, r.status, r.duplicate_of ?? r.article_id);
  return s;
}

/** Rewrites an event's row and blocking keys from its profile and its report summary. */
async function refreshEvent(tx: Transaction<DB>, c: Candidate, kept: HistorySummary | null): Promise<void> {
  const history = kept ?? (await summaryFromMentions(tx, c.id));
  const { actors, place, time, summary } = eventFields(c.profile);
  await tx
    .updateTable('events')
    .set({
      type: c.profile.type,
      mode: c.profile.mode,
      summary,
      status: summaryStatus(history),
      actors: JSON.stringify(actors),
      place: place && JSON.stringify(place),
      time: time && JSON.stringify(time),
      time_start: time?.start ?? null,
      time_end: time?.end ?? null,
      topics: JSON.stringify(c.profile.topics ?? []),
      conflict: summaryConflict(history) ? 1 : 0,
      evidence: history.sources.length,
      profile: JSON.stringify(c.profile),
      history: JSON.stringify(history),
    })
    .where('id', '=', c.id)
    .execute();
  await tx.deleteFrom('event_blocks').where('event_id', '=', c.id).execute();
  const keys = blockKeys(c.profile);
  for (let i = 0; i < keys.length; i += CHUNK) {
    await tx
      .insertInto('event_blocks')
      .values(keys.slice(i, i + CHUNK).map((key) => ({ key, event_id: c.id })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

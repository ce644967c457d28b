import { sql } from 'kysely';
import type { Store } from '../src/store/store.js';
import { hashId } from '../src/util/hash.js';

/**
 * A synthetic store of N events written straight through the store's tables (the same rows
 * save.ts and consolidate.ts write), for the serve bench and the export tests. Deterministic:
 * the same N gives the same store. Each article reports ten events, one sentence each; every
 * fifth event is reported again by the next article (a plan, then that it occurred), so
 * events have multi-report histories.
 */

const LEADERS = [
  { name: 'Vladimir Putin', id: 'Q7747', country: 'RUS', title: 'President of Russia' },
  { name: 'Kim Jong-un', id: 'Q56226', country: 'PRK', title: 'Chairman of the State Affairs Commission' },
  { name: 'Kim Jong-il', id: 'Q47744', country: 'PRK', title: 'General Secretary' },
  { name: 'Sergei Lavrov', id: 'Q184588', country: 'RUS', title: 'Foreign Minister of Russia' },
  { name: 'Ri Yong-ho', id: 'Q16225547', country: 'PRK', title: 'Foreign Minister of North Korea' },
  { name: 'Moon Jae-in', id: 'Q21001', country: 'KOR', title: 'President of South Korea' },
  { name: 'Xi Jinping', id: 'Q15031', country: 'CHN', title: 'President of China' },
];
const PLACES = [
  { name: 'Vladivostok', country: 'RUS', lat: 43.1056, lon: 131.8735 },
  { name: 'Moscow', country: 'RUS', lat: 55.7558, lon: 37.6173 },
  { name: 'Pyongyang', country: 'PRK', lat: 39.0392, lon: 125.7625 },
  { name: 'Khabarovsk', country: 'RUS', lat: 48.4827, lon: 135.0838 },
  { name: 'Beijing', country: 'CHN', lat: 39.9042, lon: 116.4074 },
  { name: 'Ulan-Ude', country: 'RUS', lat: 51.8335, lon: 107.5841 },
];
const MODES = [
  { type: 'CONSULT', mode: 'meet', verb: 'will meet' , past: 'met' },
  { type: 'CONSULT', mode: 'visit', verb: 'is expected to visit', past: 'visited' },
  { type: 'SUPPORT', mode: 'sign', verb: 'plans to sign an accord with', past: 'signed an accord with' },
  { type: 'CONSULT', mode: 'phone', verb: 'may call', past: 'spoke by telephone with' },
];
const FIRST_STATUS = ['planned', 'expected', 'proposed', 'rumored', 'occurred', 'cancelled'];

export interface SyntheticOptions {
  events: number;
  perArticle?: number;
  startYear?: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

export async function fillSyntheticStore(store: Store, opts: SyntheticOptions): Promise<{ articles: number; events: number; mentions: number }> {
  const perArticle = opts.perArticle ?? 10;
  const startYear = opts.startYear ?? 2000;
  const articleCount = Math.ceil(opts.events / perArticle) + 1;
  type Sentence = { event: number; status: string; text: string };
  const sentences: Sentence[][] = Array.from({ length: articleCount }, () => []);
  const eventRows: Record<string, unknown>[] = [];
  const eventIds: string[] = [];

  for (let i = 0; i < opts.events; i++) {
    const a = LEADERS[i % LEADERS.length]!;
    const b = LEADERS[(i * 3 + 1) % LEADERS.length]!;
    const other = a === b ? LEADERS[(i + 1) % LEADERS.length]! : b;
    const place = i % 7 === 6 ? null : PLACES[i % PLACES.length]!;
    const m = MODES[i % MODES.length]!;
    const day = new Date(Date.UTC(startYear, 0, 1) + i * 86_400_000 * 0.7);
    const iso = day.toISOString().slice(0, 10);
    const status = FIRST_STATUS[i % FIRST_STATUS.length]!;
    const art = Math.floor(i / perArticle);
    const when = `on ${day.toLocaleDateString('en-US', { month: 'long', day: 'numeric', timeZone: 'UTC' })}`;
    const at = place ? ` in ${place.name}` : '';
    sentences[art]!.push({ event: i, status, text: `${a.name} ${status === 'occurred' ? m.past : m.verb} ${other.name}${at} ${when}.` });
    if (i % 5 === 0 && status !== 'occurred') sentences[art + 1]!.push({ event: i, status: 'occurred', text: `${a.name} ${m.past} ${other.name}${at} ${when}.` });
    const id = hashId('e', 'synthetic', i);
    eventIds.push(id);
    eventRows.push({
      id,
      type: m.type,
      mode: m.mode,
      summary: `${a.name} ${m.past} ${other.name}${at}`,
      status,
      actors: JSON.stringify([
        { name: a.name, id: a.id, country: a.country, title: a.title, role: m.mode === 'meet' ? 'participant' : 'source' },
        { name: other.name, id: other.id, country: other.country, title: other.title, role: m.mode === 'meet' ? 'participant' : 'target' },
      ]),
      place: place && JSON.stringify(place),
      time: JSON.stringify({ text: when, value: iso, start: iso, end: iso, granularity: 'day' }),
      time_start: iso,
      topics: JSON.stringify(i % 3 ? [] : ['railway']),
    });
  }

  let mentions = 0;
  await store.transaction(async (tx) => {
    for (let i = 0; i < eventRows.length; i += 500) await tx.insertInto('events').values(eventRows.slice(i, i + 500) as never).execute();
    for (let k = 0; k < articleCount; k++) {
      if (!sentences[k]!.length) continue;
      const published = new Date(Date.UTC(startYear, 0, 1) + k * perArticle * 86_400_000 * 0.7 - 2 * 86_400_000).toISOString().slice(0, 10);
      let text = `Synthetic wire report ${k + 1}\n\n`;
      const rows: Record<string, unknown>[] = [];
      const spans: unknown[] = [];
      const articleId = hashId('a', 'synthetic', k, opts.events);
      for (const s of sentences[k]!) {
        const start = text.length;
        text += s.text + ' ';
        const end = start + s.text.length;
        const ev = eventRows[s.event]!;
        const detail = { type: ev.type, mode: ev.mode, status: s.status, statusBy: 'synthetic/template', trigger: { start, end: start + 1, text: s.text[0], by: 'synthetic/template' }, actors: [], place: null, time: null, topics: [], attribution: null };
        spans.push({ start, end, label: ev.type, by: 'synthetic/template', confidence: 1, attrs: detail });
        rows.push({ id: hashId('m', articleId, start), article_id: articleId, event_id: eventIds[s.event], type: ev.type, mode: ev.mode, start, end, text: s.text, status: s.status, attribution: null, reported: published, detail: JSON.stringify(detail) });
      }
      const inserted = await tx
        .insertInto('articles')
        .values({ id: articleId, source: `synthetic/${k}.txt`, format: 'txt', title: `Synthetic wire report ${k + 1}`, publisher: null, url: null, published_date: published, published_inferred: 0, published_basis: 'synthetic', text, sentences: rows.length + 1, ingested_at: new Date(0).toISOString() })
        .returning('seq')
        .executeTakeFirstOrThrow();
      await sql`INSERT INTO article_fts(rowid, title, text) VALUES (${inserted.seq}, ${`Synthetic wire report ${k + 1}`}, ${text})`.execute(tx);
      await tx.insertInto('layers').values({ article_id: articleId, layer: 'event', count: spans.length, spans: JSON.stringify(spans) }).execute();
      await tx.insertInto('mentions').values(rows as never).execute();
      mentions += rows.length;
    }
  });
  return { articles: sentences.filter((s) => s.length).length, events: opts.events, mentions };
}

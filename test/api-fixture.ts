import path from 'node:path';
import { fillSyntheticStore } from '../bench/synthetic-store.js';
import { createApp } from '../src/api/app.js';
import { processArticle } from '../src/ingest/process.js';
import { buildPipeline } from '../src/pipeline/stages.js';
import { saveArticle } from '../src/store/save.js';
import { Store } from '../src/store/store.js';
import { tempDir } from './helpers.js';

/** Hand-written articles for the API tests (written for these tests, not from any corpus). */
export const ARTICLES = {
  summit: `Leaders meet in Vladivostok

The two presidents met in Vladivostok on Thursday for talks on a railway link and energy supplies. Officials said a second meeting could follow in Moscow next year.`,
  hostile: `Ministers hold talks <script>alert("x")</script>

The foreign ministers met in Ulaanbaatar on Monday. <img src=x onerror="alert(1)"> A joint statement followed.`,
};

export type TestApp = ReturnType<typeof createApp>;

/** A store with two pipeline-made articles and 30 synthetic events (with coordinates). */
export async function fixture(t: { after: (fn: () => void | Promise<void>) => void }, opts: { webRoot?: string | null; allowedHosts?: string[] } = {}) {
  const dir = tempDir(t);
  const store = await Store.open(path.join(dir, 'api.db'));
  const pipeline = buildPipeline();
  const ids: Record<keyof typeof ARTICLES, string> = { summit: '', hostile: '' };
  for (const [k, text] of Object.entries(ARTICLES) as [keyof typeof ARTICLES, string][]) {
    const p = processArticle({ source: `${k}.txt`, format: 'txt', text, title: null, publisher: null, url: null, published: '2019-04-26' }, pipeline);
    await saveArticle(store, p);
    ids[k] = p.id;
  }
  await fillSyntheticStore(store, { events: 30 });
  const app = createApp({ store, webRoot: opts.webRoot ?? null, allowedHosts: opts.allowedHosts });
  t.after(async () => {
    await app.summitry.jobs.idle();
    await store.close();
  });
  const get = async (url: string, init?: RequestInit) => {
    const res = await app.request(url, init);
    const body = res.headers.get('content-type')?.includes('json') ? await res.json() : await res.text();
    return { res, status: res.status, body: body as any };
  };
  return { dir, store, app, ids, get };
}

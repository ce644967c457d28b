import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { test } from 'node:test';
import { fixture, type TestApp } from './api-fixture.js';

async function waitFinished(app: TestApp, job: string) {
  await app.summitry.jobs.idle();
  const res = await app.request(`/api/ingest/${job}`);
  assert.equal(res.status, 200);
  return (await res.json()) as any;
}

const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

test('api ingest: pasted text is stored and shows up in the event list', async (t) => {
  const { app, get } = await fixture(t);
  const before = (await get('/api/health')).body;
  const text = 'The defence ministers met in Tashkent on Friday to discuss border patrols.';
  const start = await get('/api/ingest', json({ text, title: 'Border talks', published: '2018-06-01' }));
  assert.equal(start.status, 202);
  assert.match(start.body.job, /^j_[0-9a-f]{32}$/);
  const done = await waitFinished(app, start.body.job);
  assert.deepEqual({ state: done.state, done: done.done, total: done.total, added: done.added, skipped: done.skipped, problems: done.problems }, { state: 'finished', done: 1, total: 1, added: 1, skipped: 0, problems: [] });
  const after = (await get('/api/health')).body;
  assert.equal(after.articles, before.articles + 1);
  const found = await get('/api/events?place=Tashkent');
  assert.equal(found.body.total, 1, 'the event cache saw the new article');
  assert.equal(found.body.items[0].mentions[0].source, 'upload:text');
  assert.equal(found.body.items[0].mentions[0].reported, '2018-06-01');

  const again = await get('/api/ingest', json({ text }));
  const second = await waitFinished(app, again.body.job);
  assert.equal(second.added, 0);
  assert.equal(second.skipped, 1, 'the same text twice changes nothing');
});

test('api ingest: uploads are labelled by their name but written under names the server picks', async (t) => {
  const { app, get } = await fixture(t);
  const before = new Set(readdirSync(tmpdir()));
  const form = new FormData();
  form.append('file', new File(['The envoys met in Astana on Tuesday.'], '../../../etc/evil.txt'));
  form.append('file', new File(['{"text": "The prime ministers met in Hanoi on Monday.", "published": "2017-03-02"}\nnot json\n'], 'batch.jsonl'));
  const start = await get('/api/ingest', { method: 'POST', body: form });
  assert.equal(start.status, 202);
  const done = await waitFinished(app, start.body.job);
  assert.equal(done.total, 2);
  assert.equal(done.added, 2);
  assert.equal(done.problems.length, 1);
  assert.match(done.problems[0].input, /^upload:batch\.jsonl:2$/);
  assert.match(done.problems[0].reason, /broken JSONL line/);
  const articles = (await get('/api/articles?q=Astana')).body.items;
  assert.equal(articles[0].source, 'upload:evil.txt');
  const leftovers = readdirSync(tmpdir()).filter((f) => f.startsWith('summitry-upload-') && !before.has(f));
  assert.deepEqual(leftovers, [], 'the temporary folder is removed');
});

test('api ingest: progress as server-sent events, ending with finished', async (t) => {
  const { app } = await fixture(t);
  const form = new FormData();
  const lines = ['Kigali', 'Lusaka', 'Maputo'].map((city) => JSON.stringify({ text: `The finance ministers met in ${city} on Wednesday.` })).join('\n');
  form.append('file', new File([lines], 'three.jsonl'));
  const start = (await (await app.request('/api/ingest', { method: 'POST', body: form })).json()) as any;
  const res = await app.request(`/api/ingest/${start.job}/events`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type')!, /text\/event-stream/);
  assert.ok(res.headers.get('content-security-policy'));
  const body = await res.text();
  const events = body.split('\n').filter((l) => l.startsWith('data: ')).map((l) => JSON.parse(l.slice(6)));
  const last = events.at(-1);
  assert.equal(last.finished, true);
  assert.equal(last.added, 3);
  assert.equal(last.total, 3);
  assert.ok(events.slice(0, -1).every((e) => e.finished === undefined && typeof e.done === 'number'));
  const dones = events.map((e) => e.done);
  assert.deepEqual(dones, [...dones].sort((a, b) => a - b), 'progress only goes forward');
});

test('api ingest: bad requests are 400/415; unknown jobs 404; cross-site posts 403', async (t) => {
  const { get } = await fixture(t);
  const cases: [RequestInit, number, RegExp][] = [
    [json({ text: '   ' }), 400, /^body\.text: /],
    [json({ text: 'The envoys met.', published: 'someday' }), 400, /^body\.published: not a date/],
    [json({ url: 'file:///etc/passwd' }), 400, /^body\.url: /],
    [json({ url: 'https://example.org/a', extra: 1 }), 400, /^body/],
    [{ method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' }, 400, /^body: not JSON/],
    [{ method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'a,b' }, 415, /multipart/],
  ];
  for (const [init, status, message] of cases) {
    const r = await get('/api/ingest', init);
    assert.equal(r.status, status, String(init.body));
    assert.match(r.body.error, message);
  }
  const form = new FormData();
  form.append('file', new File(['MZ'], 'tool.exe'));
  const exe = await get('/api/ingest', { method: 'POST', body: form });
  assert.equal(exe.status, 400);
  assert.match(exe.body.error, /^file: unsupported type "tool\.exe"/);
  const empty = await get('/api/ingest', { method: 'POST', body: new FormData() });
  assert.equal(empty.status, 400);

  assert.equal((await get('/api/ingest/j_0123')).status, 404);
  assert.equal((await get('/api/ingest/j_0123/events')).status, 404);

  const cross = await get('/api/ingest', { ...json({ text: 'The envoys met in Riga.' }), headers: { 'content-type': 'application/json', origin: 'https://evil.example' } });
  assert.equal(cross.status, 403);
  const site = await get('/api/ingest', { ...json({ text: 'The envoys met in Riga.' }), headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' } });
  assert.equal(site.status, 403);
});

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { test } from 'node:test';
import { HAVE_SHARED, ROOT, SHARED, cli, cliAsync, tempDir } from './helpers.js';

// Hand-written briefs (our own sentences) used across these tests.
const BRIEF_A = 'Envoys Meet in Ulaanbaatar\n\nMarch 3, 2012\n\nMongolian Foreign Minister Gombojav Zandanshatar met the visiting Japanese envoy in Ulaanbaatar on Friday.\n';
const BRIEF_B = 'Trade Talks Planned\n\nOctober 9, 2013\n\nThe two trade ministers will meet in Astana next month, officials said.\n';
const BRIEF_C = 'Summit Ends\n\nJune 2, 2014\n\nThe leaders met in Minsk yesterday and signed nothing.\n';

function exportLines(db: string, cwd: string): string[] {
  const r = cli(['export', '--db', db], cwd);
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim().split('\n').filter(Boolean);
}

test('ingest → export: articles first, then events; offsets point at the text as read', (t) => {
  const dir = tempDir(t);
  writeFileSync(path.join(dir, 'a.txt'), BRIEF_A);
  writeFileSync(path.join(dir, 'b.md'), BRIEF_B);
  const r = cli(['ingest', '.', '--db', 'x.db'], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^ingest: 2 articles read, 2 stored, 0 unchanged, 0 failed; 2 event mentions; .* -> x\.db$/m, 'one event each, none from the headlines');
  const recs = exportLines('x.db', dir).map((l) => JSON.parse(l));
  assert.deepEqual(recs.map((x) => x.kind), ['article', 'article', 'event', 'event']);
  assert.deepEqual(recs.slice(0, 2).map((a) => [a.source, a.published.date, a.published.inferred]), [['a.txt', '2012-03-03', false], ['b.md', '2013-10-09', false]]);
  const byArticle = new Map(recs.filter((x) => x.kind === 'article').map((a) => [a.id, a.source]));
  for (const e of recs.filter((x) => x.kind === 'event')) {
    for (const m of e.mentions) assert.equal(readFileSync(path.join(dir, byArticle.get(m.article)!), 'utf8').slice(m.start, m.end), m.text);
  }
  const [planned] = recs.filter((x) => x.kind === 'event' && x.status === 'planned');
  assert.equal(planned.time.value, '2013-11');
  assert.equal(planned.place.name, 'Astana');
  assert.deepEqual(planned.history, [{ reported: '2013-10-09', status: 'planned', article: planned.mentions[0].article }]);
});

test('ingesting the same folder twice leaves the export byte-for-byte the same', (t) => {
  const dir = tempDir(t);
  writeFileSync(path.join(dir, 'a.txt'), BRIEF_A);
  writeFileSync(path.join(dir, 'c.txt'), BRIEF_C);
  assert.equal(cli(['ingest', '.', '--db', 'x.db'], dir).status, 0);
  const first = cli(['export', '--db', 'x.db'], dir).stdout;
  const again = cli(['ingest', '.', '--db', 'x.db'], dir);
  assert.equal(again.status, 0);
  assert.match(again.stdout, /2 articles read, 0 stored, 2 unchanged, 0 failed/);
  assert.equal(cli(['export', '--db', 'x.db'], dir).stdout, first);
  // The same text under another name is the same article.
  writeFileSync(path.join(dir, 'copy.txt'), BRIEF_A);
  assert.match(cli(['ingest', 'copy.txt', '--db', 'x.db'], dir).stdout, /0 stored, 1 unchanged/);
});

test('JSONL and HTML inputs: metadata, extracted text, --published for undated articles', (t) => {
  const dir = tempDir(t);
  const lines = [
    JSON.stringify({ text: 'The foreign ministers held talks in Hanoi on Tuesday.', title: 'Talks in Hanoi', published: '2016-03-10T08:00:00Z', publisher: 'Wire', url: 'https://example.org/1' }),
    JSON.stringify({ html: '<html><body><article><h1>Visit</h1><p>The premier visited Jakarta yesterday for two days of meetings with business leaders from the region.</p></article></body></html>' }),
  ];
  writeFileSync(path.join(dir, 'w.jsonl'), lines.join('\n') + '\n');
  writeFileSync(path.join(dir, 'p.html'), '<!doctype html><html><head><title>Ministers meet</title><meta property="article:published_time" content="2017-05-02T10:00:00Z"></head><body><nav><a href="/">Home</a></nav><article><p>The two defence ministers met in Canberra on Monday and agreed to hold joint exercises next year.</p><p>Officials said a further round of talks would follow in the spring.</p></article><footer>Leave a Reply</footer></body></html>');
  const r = cli(['ingest', 'w.jsonl', 'p.html', '--db', 'x.db', '--published', '2016-03-15'], dir);
  assert.equal(r.status, 0, r.stderr);
  const arts = exportLines('x.db', dir).map((l) => JSON.parse(l)).filter((x) => x.kind === 'article');
  assert.deepEqual(arts.map((a) => [a.source, a.title, a.publisher, a.published.date]), [
    ['w.jsonl:1', 'Talks in Hanoi', 'Wire', '2016-03-10'],
    ['w.jsonl:2', 'Visit', null, '2016-03-15'],
    ['p.html', 'Ministers meet', null, '2017-05-02'],
  ]);
  const withText = cli(['export', '--db', 'x.db', '--with-text'], dir).stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const html = withText.find((a) => a.source === 'p.html');
  assert.ok(html.text.includes('defence ministers met in Canberra'));
  assert.ok(!html.text.includes('Leave a Reply') && !html.text.includes('Home'));
  for (const e of withText.filter((x) => x.kind === 'event')) {
    for (const m of e.mentions) assert.equal(withText.find((a) => a.id === m.article).text.slice(m.start, m.end), m.text);
  }
});

test('bad inputs: one clear line each, exit 1, the rest of the batch stored, nothing lost', async (t) => {
  const dir = tempDir(t);
  const server = createServer((req, res) => {
    if (req.url === '/ok.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<html><head><title>Remote</title></head><body><article><p>The two envoys met in Geneva on Thursday for a long session of talks about the ceasefire.</p></article></body></html>');
    } else {
      res.writeHead(404);
      res.end('gone');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());
  const port = (server.address() as AddressInfo).port;
  // A port nobody listens on: bind one, note it, close it.
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const closedPort = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));

  writeFileSync(path.join(dir, 'good.txt'), BRIEF_A);
  assert.equal((await cliAsync(['ingest', 'good.txt', '--db', 'x.db'], dir)).status, 0);
  const before = exportLines('x.db', dir);

  writeFileSync(path.join(dir, 'empty.txt'), '');
  writeFileSync(path.join(dir, 'blank.txt'), '  \n\n ');
  writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
  writeFileSync(path.join(dir, 'latin1.txt'), Buffer.concat([Buffer.from('The minister met the envoy in Malm'), Buffer.from([0xf6]), Buffer.from(' on Friday.')]));
  writeFileSync(path.join(dir, 'mixed.jsonl'), [JSON.stringify({ text: BRIEF_B }), '{"text": "unterminated', JSON.stringify({ title: 'no body' }), JSON.stringify({ text: BRIEF_C })].join('\n'));
  writeFileSync(path.join(dir, 'nav.html'), '<html><body><nav><a href="/a">A</a> <a href="/b">B</a></nav></body></html>');
  writeFileSync(path.join(dir, 'scan.pdf'), '%PDF-1.4');
  const cases: [string, RegExp][] = [
    ['empty.txt', /^summitry: empty\.txt: empty file$/m],
    ['blank.txt', /^summitry: blank\.txt: empty file \(only white space\)$/m],
    ['binary.txt', /^summitry: binary\.txt: binary file, not text/m],
    ['latin1.txt', /^summitry: latin1\.txt: invalid UTF-8 at byte 34$/m],
    ['mixed.jsonl', /^summitry: mixed\.jsonl:2: broken JSONL line \(.+\)$/m],
    ['mixed.jsonl', /^summitry: mixed\.jsonl:3: a JSONL article needs a non-empty "text" or "html" field$/m],
    ['nav.html', /^summitry: nav\.html: no article text found in the HTML$/m],
    ['missing.txt', /^summitry: missing\.txt: no such file or folder$/m],
    ['scan.pdf', /^summitry: scan\.pdf: unsupported file type "\.pdf"/m],
    [`http://127.0.0.1:${port}/missing`, new RegExp(`^summitry: http://127\\.0\\.0\\.1:${port}/missing: fetch failed \\(HTTP 404 Not Found\\)$`, 'm')],
    [`http://127.0.0.1:${closedPort}/x`, new RegExp(`^summitry: http://127\\.0\\.0\\.1:${closedPort}/x: fetch failed \\(ECONNREFUSED\\)$`, 'm')],
  ];
  const inputs = [...new Set(cases.map((c) => c[0]))];
  const r = await cliAsync(['ingest', ...inputs, `http://127.0.0.1:${port}/ok.html`, '--db', 'x.db'], dir);
  assert.equal(r.status, 1, 'bad input exits 1');
  for (const [, re] of cases) assert.match(r.stderr, re);
  assert.equal(r.stderr.trim().split('\n').length, cases.length, r.stderr);
  assert.match(r.stdout, /3 stored, 0 unchanged, 11 failed/);
  const after = exportLines('x.db', dir);
  const articles = after.map((l) => JSON.parse(l)).filter((x) => x.kind === 'article');
  assert.deepEqual(articles.map((a) => a.source), ['good.txt', 'mixed.jsonl:1', 'mixed.jsonl:4', `http://127.0.0.1:${port}/ok.html`]);
  // Everything stored before is still there, unchanged.
  for (const line of before) assert.ok(after.includes(line), 'an earlier record changed or vanished');
});

test('usage errors exit 2 with a clear message', () => {
  const cases: [string[], RegExp][] = [
    [['ingest', 'x.txt', '--published', 'someday'], /--published: not a date: someday/],
    [['eval', 'nosuchsuite', '--data', '.'], /unknown suite "nosuchsuite" \(suites: timex[^)]*\)/],
    [['timeline', '--from', 'soon'], /--from: not a date: soon/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['ingest'], /missing required argument 'paths'/],
    [['export', '--format', 'pdf'], /argument 'pdf' is invalid/],
  ];
  for (const [args, re] of cases) {
    const r = cli(args);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, re);
  }
});

test('timeline: time order, filters by actor, place, status and period', (t) => {
  const dir = tempDir(t);
  writeFileSync(path.join(dir, 'a.txt'), BRIEF_A);
  writeFileSync(path.join(dir, 'b.txt'), BRIEF_B);
  writeFileSync(path.join(dir, 'c.txt'), BRIEF_C);
  assert.equal(cli(['ingest', '.', '--db', 'x.db'], dir).status, 0);
  const lines = (args: string[]) => cli(['timeline', '--db', 'x.db', ...args], dir).stdout.trim().split('\n');
  const all = lines([]);
  // "signed nothing" is a negated signing by the same leaders, on the same day.
  assert.deepEqual(all.map((l) => l.split(/\s+/).slice(0, 2).join(' ')), ['2012-03-02 occurred', '2013-11 planned', '2014-06-01 occurred', '2014-06-01 negated']);
  assert.match(all[1]!, /^2013-11\s+planned\s+.*meet in Astana\s+\[b\.txt\]$/);
  assert.deepEqual(lines(['--place', 'minsk']).length, 1);
  assert.deepEqual(lines(['--status', 'planned']).map((l) => l.split(/\s+/)[0]), ['2013-11']);
  assert.deepEqual(lines(['--from', '2013-01-01', '--to', '2013-12-31']).map((l) => l.split(/\s+/)[0]), ['2013-11']);
  assert.deepEqual(lines(['--actor', 'Zandanshatar']).length, 1);
  assert.match(lines(['--actor', 'Nobody'])[0]!, /no events match/);
});

test('demo: ingests examples/ and prints a timeline', (t) => {
  const dir = tempDir(t);
  const r = cli(['demo', '--db', path.join(dir, 'demo.db')]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /ingest: \d+ articles read, \d+ stored/);
  assert.match(r.stdout, /^2019-04-25\s+occurred\s+.*Putin/m);
  assert.match(r.stdout, /summitry serve/);
});

test('the seeds export passes the contract check (when ../shared is present)', { skip: !HAVE_SHARED && 'skipped: ../shared not found' }, (t) => {
  const dir = tempDir(t);
  const db = path.join(dir, 's.db');
  const seeds = path.relative(ROOT, path.join(SHARED, 'seeds'));
  assert.equal(cli(['ingest', seeds, '--db', db]).status, 0);
  const out = path.join(dir, 's.jsonl');
  assert.equal(cli(['export', '--db', db, '--out', out]).status, 0);
  const check = spawnSync(process.execPath, [path.join(SHARED, 'tools/check-export.mjs'), out, ROOT], { encoding: 'utf8' });
  assert.match(check.stdout, /^5 articles, [1-9]\d* events, 0 problems$/m, check.stdout);
  assert.equal(check.status, 0);
});

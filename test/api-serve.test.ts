import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { BIN, cli, tempDir } from './helpers.js';

/** Starts `summitry serve` on a free loopback port; resolves with its URL. */
function serve(args: string[]): Promise<{ url: string; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(String(d));
      if (m) resolve({ url: m[1]!, stop: () => (child.kill('SIGTERM'), exited) });
    });
    exited.then((code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
}

test('serve: answers on loopback, ingests over HTTP with streamed progress, stops on SIGTERM', async (t) => {
  const db = path.join(tempDir(t), 's.db');
  const server = await serve(['--db', db, '--port', '0']);
  let stopped = false;
  t.after(async () => {
    if (!stopped) await server.stop();
  });
  const health = await fetch(`${server.url}/api/health`);
  assert.equal(health.status, 200);
  assert.ok(health.headers.get('content-security-policy'));
  assert.deepEqual(await health.json(), { ok: true, articles: 0, events: 0, mentions: 0 });

  const started = await fetch(`${server.url}/api/ingest`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text: 'The trade ministers met in Montevideo on Thursday.', published: '2016-05-12' }),
  });
  assert.equal(started.status, 202);
  const { job } = (await started.json()) as { job: string };
  const stream = await fetch(`${server.url}/api/ingest/${job}/events`);
  assert.match(stream.headers.get('content-type')!, /text\/event-stream/);
  const events = (await stream.text()).split('\n').filter((l) => l.startsWith('data: ')).map((l) => JSON.parse(l.slice(6)));
  assert.equal(events.at(-1).finished, true);
  assert.equal(events.at(-1).added, 1);
  const list = (await (await fetch(`${server.url}/api/events?place=Montevideo`)).json()) as { total: number };
  assert.equal(list.total, 1);

  stopped = true;
  assert.equal(await server.stop(), 0, 'a clean exit on SIGTERM');
});

test('serve: a bad port is a usage error', () => {
  const r = cli(['serve', '--port', '99999', '--db', ':memory:']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--port: not a port number: 99999/);
});

import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { test } from 'node:test';
import { CONTENT_SECURITY_POLICY } from '../src/api/headers.js';
import { startServer } from '../src/api/server.js';
import { ARTICLES, fixture } from './api-fixture.js';

/** A built UI in a folder next to a file that must never be served. */
function webRoot(dir: string): string {
  const root = path.join(dir, 'web');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Summitry UI</title><div id="root"></div>');
  writeFileSync(path.join(root, 'assets', 'app-1234.js'), 'console.log("ui")');
  writeFileSync(path.join(dir, 'secret.txt'), 'TOP SECRET');
  return root;
}

const TRAVERSALS = [
  '/../secret.txt',
  '/..%2fsecret.txt',
  '/%2e%2e/secret.txt',
  '/%2e%2e%2fsecret.txt',
  '/assets/..%2f..%2fsecret.txt',
  '/assets/%2e%2e/%2e%2e/secret.txt',
  '/%252e%252e/secret.txt',
  '/..%5csecret.txt',
  '/assets%5c..%5c..%5csecret.txt',
  '/%00/../secret.txt',
  '/%E0%A4%A',
  '//secret.txt',
];

test('security: article text with <script> and <img onerror> goes out as JSON text, with CSP', async (t) => {
  const { get, ids } = await fixture(t);
  const { res, body } = await get(`/api/articles/${ids.hostile}`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type')!, /^application\/json/);
  assert.equal(res.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
  assert.match(CONTENT_SECURITY_POLICY, /script-src 'self'/);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(body.text, ARTICLES.hostile, 'the text arrives exactly as written, as data');
  assert.ok(body.text.includes('<img src=x onerror="alert(1)">'));
  const layers = await get(`/api/articles/${ids.hostile}/layers?names=sentence`);
  assert.match(layers.res.headers.get('content-type')!, /^application\/json/);
  assert.ok(layers.res.headers.get('content-security-policy'));
});

test('security: headers on every response, errors included', async (t) => {
  const { app } = await fixture(t);
  for (const url of ['/api/health', '/api/events?limit=0', '/api/events/e_0000000000000000', '/api/nothing', '/', '/../x']) {
    const res = await app.request(url);
    assert.equal(res.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY, url);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff', url);
  }
});

test('security: the built UI is served; traversal attempts never reach a file outside it', async (t) => {
  const { app, dir } = await fixture(t);
  const root = webRoot(dir);
  const { app: ui } = await fixture(t, { webRoot: root });
  void app;
  const index = await ui.request('/');
  assert.equal(index.status, 200);
  assert.match(await index.text(), /Summitry UI/);
  const asset = await ui.request('/assets/app-1234.js');
  assert.match(asset.headers.get('content-type')!, /javascript/);
  assert.match(asset.headers.get('cache-control')!, /immutable/);
  assert.match(await (await ui.request('/events/e_0123?status=planned')).text(), /Summitry UI/, 'UI routes get index.html');
  assert.equal((await ui.request('/assets/missing.js')).status, 404);
  for (const url of TRAVERSALS) {
    const res = await ui.request(url);
    const text = await res.text();
    assert.ok(!text.includes('TOP SECRET'), `${url} leaked the file`);
    assert.ok(res.status === 400 || res.status === 404 || /Summitry UI/.test(text), `${url}: ${res.status}`);
  }
  assert.equal((await ui.request('/..%2fsecret.txt')).status, 400);
});

test('security: without a built UI, / says so', async (t) => {
  const { app } = await fixture(t);
  const res = await app.request('/');
  assert.equal(res.status, 200);
  assert.match(await res.text(), /web UI is not built/);
});

test('security: on loopback only loopback host names are answered', async (t) => {
  const { app } = await fixture(t, { allowedHosts: ['localhost', '127.0.0.1'] });
  assert.equal((await app.request('http://localhost/api/health')).status, 200);
  const rebound = await app.request('http://attacker.example/api/health');
  assert.equal(rebound.status, 403);
});

/** A raw GET over a socket: the path goes out exactly as written (no client-side normalising). */
function rawGet(port: number, rawPath: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: rawPath, method: 'GET', headers }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('security: a real loopback server refuses raw traversal paths', async (t) => {
  const { store, dir } = await fixture(t);
  const server = await startServer({ store, host: '127.0.0.1', port: 0, webRoot: webRoot(dir) });
  t.after(() => server.close());
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  const health = await rawGet(server.port, '/api/health');
  assert.equal(health.status, 200);
  for (const p of TRAVERSALS) {
    const r = await rawGet(server.port, p);
    assert.ok(!r.body.includes('TOP SECRET'), `${p} leaked the file`);
  }
  const rebound = await rawGet(server.port, '/api/health', { host: `attacker.example:${server.port}` });
  assert.equal(rebound.status, 403, 'a rebound host name is refused');
});

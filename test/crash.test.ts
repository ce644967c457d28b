import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { BIN, cli, tempDir } from './helpers.js';

const CITIES = ['Hanoi', 'Astana', 'Minsk', 'Baku', 'Tbilisi', 'Yerevan', 'Bishkek', 'Dushanbe'];
const N = 300;

function brief(i: number): string {
  const city = CITIES[i % CITIES.length];
  const day = (i % 27) + 1;
  return `Envoys Meet, Round ${i}\n\nMay ${day}, 2012\n\nThe ${i}th round of consultations opened in ${city} yesterday. The delegations met for ${(i % 5) + 2} hours and will meet again next month.\n\nOfficials said the talks covered trade, transit and border questions.\n`;
}

function articleCount(db: string): number {
  try {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (conn.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    } finally {
      conn.close();
    }
  } catch {
    return 0;
  }
}

test(`an ingest of ${N} articles killed with SIGKILL, then rerun, stores every article exactly once`, { timeout: 240_000 }, async (t) => {
  const dir = tempDir(t);
  const corpus = path.join(dir, 'corpus');
  mkdirSync(corpus);
  for (let i = 0; i < N; i++) writeFileSync(path.join(corpus, `${String(i).padStart(4, '0')}.txt`), brief(i));
  const db = path.join(dir, 'k.db');

  const child = spawn(process.execPath, [BIN, 'ingest', corpus, '--db', db], { stdio: 'ignore' });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  // Kill it once some, but not all, articles are in.
  let seen = 0;
  for (let i = 0; i < 600 && seen < 20; i++) {
    await new Promise((r) => setTimeout(r, 25));
    seen = articleCount(db);
  }
  child.kill('SIGKILL');
  assert.equal(await exited, 'SIGKILL', 'the ingest finished before it could be killed');
  const partial = articleCount(db);
  assert.ok(partial > 0 && partial < N, `killed mid-way (${partial} of ${N} stored)`);

  const rerun = cli(['ingest', corpus, '--db', db]);
  assert.equal(rerun.status, 0, rerun.stderr);
  assert.match(rerun.stdout, new RegExp(`${N} articles read, ${N - partial} stored, ${partial} unchanged, 0 failed`));

  const conn = new Database(db, { readonly: true });
  t.after(() => conn.close());
  const one = (q: string) => (conn.prepare(q).get() as { n: number }).n;
  assert.equal(one('SELECT count(*) AS n FROM articles'), N);
  assert.equal(one('SELECT count(DISTINCT id) AS n FROM articles'), N);
  assert.equal(one('SELECT count(DISTINCT source) AS n FROM articles'), N);
  // No half-written article: each has its sentences and its event mentions.
  assert.equal(one(`SELECT count(*) AS n FROM articles a WHERE NOT EXISTS (SELECT 1 FROM layers l WHERE l.article_id = a.id AND l.layer = 'sentence' AND l.count > 0)`), 0);
  assert.equal(one(`SELECT count(*) AS n FROM articles a WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id)`), 0);
  assert.equal(one('SELECT count(*) AS n FROM mentions m WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = m.event_id)'), 0);

  // The killed-and-resumed store exports exactly what an uninterrupted ingest does.
  const clean = path.join(dir, 'clean.db');
  assert.equal(cli(['ingest', corpus, '--db', clean]).status, 0);
  assert.equal(cli(['export', '--db', db]).stdout, cli(['export', '--db', clean]).stdout);
});

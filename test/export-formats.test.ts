import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { DOMParser } from 'linkedom';
import { fillSyntheticStore } from '../bench/synthetic-store.js';
import { CSV_COLUMNS } from '../src/export/csv.js';
import { writeExport, type ExportFormat } from '../src/export/formats.js';
import { ploverEvent } from '../src/export/plover.js';
import { eventRecords, type EventRecord } from '../src/store/queries.js';
import { Store } from '../src/store/store.js';
import { cli, tempDir } from './helpers.js';

/** A summary with every character the formats must escape; it starts like a formula. */
const NASTY = '=HYPERLINK("x") talks, "quoted" <b>&amp;</b>\nsecond line';

async function storeWithEvents(t: Parameters<typeof tempDir>[0]) {
  const file = path.join(tempDir(t), 'x.db');
  const store = await Store.open(file);
  t.after(() => store.close());
  await fillSyntheticStore(store, { events: 40 });
  const first = await store.db.selectFrom('events').select('id').orderBy('seq').limit(1).executeTakeFirstOrThrow();
  await store.db.updateTable('events').set({ summary: NASTY }).where('id', '=', first.id).execute();
  const events: EventRecord[] = [];
  for await (const e of eventRecords(store)) events.push(e);
  return { file, store, events, nastyId: first.id };
}

async function render(store: Store, format: ExportFormat, plover = false): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeExport(store, out, { format, plover });
  out.end();
  return Buffer.concat(chunks).toString('utf8');
}

/** RFC 4180 reader: quoted fields, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      (row = []), (field = ''), i++;
    } else field += c;
  }
  assert.equal(field + row.join(''), '', 'the file ends with a complete row');
  return rows;
}

test('export csv: one row per event, columns as documented, escaping round-trips', async (t) => {
  const { store, events, nastyId } = await storeWithEvents(t);
  const rows = parseCsv(await render(store, 'csv'));
  assert.deepEqual(rows[0], [...CSV_COLUMNS]);
  assert.equal(rows.length - 1, events.length);
  const col = (name: string) => CSV_COLUMNS.indexOf(name as (typeof CSV_COLUMNS)[number]);
  const nasty = rows.find((r) => r[col('id')] === nastyId)!;
  assert.equal(nasty[col('summary')], `'${NASTY}`, 'formula start neutralised, the rest intact');
  const withPlace = rows.find((r) => r[col('place')] === 'Vladivostok')!;
  assert.equal(withPlace[col('country')], 'RUS');
  assert.ok(Math.abs(Number(withPlace[col('lat')]) - 43.1) < 0.1);
  assert.ok(Math.abs(Number(withPlace[col('lon')]) - 131.9) < 0.1);
  assert.match(withPlace[col('actors')]!, /^[^;]+; [^;]+$/);
  assert.match(withPlace[col('date')]!, /^\d{4}-\d{2}-\d{2}$/);
  assert.match(withPlace[col('sources')]!, /^synthetic\/\d+\.txt/);
  const noPlace = rows.find((r) => r[col('place')] === '')!;
  assert.equal(noPlace[col('lat')], '');
});

test('export geojson: a FeatureCollection of events with coordinates, [lon, lat]', async (t) => {
  const { store, events } = await storeWithEvents(t);
  const fc = JSON.parse(await render(store, 'geojson'));
  assert.equal(fc.type, 'FeatureCollection');
  const located = events.filter((e) => e.place?.lat != null);
  assert.ok(located.length > 0 && located.length < events.length, 'some events have no place');
  assert.equal(fc.features.length, located.length);
  for (const f of fc.features) {
    assert.equal(f.type, 'Feature');
    assert.equal(f.geometry.type, 'Point');
    const [lon, lat] = f.geometry.coordinates;
    assert.ok(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90);
  }
  const vlad = fc.features.find((f: any) => f.properties.place === 'Vladivostok');
  assert.ok(vlad.geometry.coordinates[0] > 131 && vlad.geometry.coordinates[1] < 44, 'longitude first');
  for (const k of ['id', 'type', 'mode', 'status', 'summary', 'date', 'granularity', 'actors', 'sources']) assert.ok(k in vlad.properties, k);
});

/** Well-formedness: tags nest and close, text has no raw < and & only starts entities. */
function assertWellFormed(xml: string): void {
  const stack: string[] = [];
  const body = xml.replace(/^<\?xml[^>]*\?>/, '');
  for (const m of body.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g)) {
    if (m[6]) assert.fail('a raw < in text');
    if (m[5] !== undefined) {
      assert.doesNotMatch(m[5], /&(?!(amp|lt|gt|quot|apos);)/, 'a raw & in text');
      continue;
    }
    if (m[4]) continue;
    if (m[1]) assert.equal(stack.pop(), m[2], `</${m[2]}> closes the open element`);
    else stack.push(m[2]!);
  }
  assert.deepEqual(stack, [], 'every element closed');
}

test('export graphml: actors as nodes, events as edges with attributes; well-formed', async (t) => {
  const { store, events, nastyId } = await storeWithEvents(t);
  const xml = await render(store, 'graphml');
  assertWellFormed(xml);
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const nodes = [...doc.querySelectorAll('node')];
  const names = new Set(events.flatMap((e) => e.actors.map((a) => a.name)));
  assert.equal(nodes.length, names.size);
  const ids = new Set(nodes.map((n) => n.getAttribute('id')));
  const edges = [...doc.querySelectorAll('edge')];
  assert.equal(edges.length, events.filter((e) => new Set(e.actors.map((a) => a.name)).size >= 2).length, 'two actors each: one edge per event');
  for (const e of edges) assert.ok(ids.has(e.getAttribute('source')) && ids.has(e.getAttribute('target')));
  const value = (el: any, key: string): string | null | undefined => [...el.querySelectorAll('data')].find((d: any) => d.getAttribute('key') === key)?.textContent;
  const nasty = edges.find((e) => value(e, 'event') === nastyId)!;
  assert.equal(value(nasty, 'summary'), NASTY, 'markup in a summary survives as text');
  const putin = nodes.find((n) => value(n, 'name') === 'Vladimir Putin')!;
  assert.equal(value(putin, 'country'), 'RUS');
  assert.equal(Number(value(putin, 'events')), events.filter((e) => e.actors.some((a) => a.name === 'Vladimir Putin')).length);
  const visit = edges.find((e) => value(e, 'mode') === 'visit')!;
  assert.equal(visit.getAttribute('directed'), 'true', 'a visit goes from visitor to host');
});

test('export --plover: prospective cooperative events become AGREE, the rest unchanged', async (t) => {
  const { store, events } = await storeWithEvents(t);
  const planned = events.find((e) => e.type === 'CONSULT' && e.status === 'planned')!;
  const occurred = events.find((e) => e.type === 'CONSULT' && e.status === 'occurred')!;
  const cancelled = events.find((e) => e.status === 'cancelled')!;
  const p = ploverEvent(planned);
  assert.equal(p.type, 'AGREE');
  assert.equal(p.plover!.from, 'CONSULT');
  assert.equal(p.mode, planned.mode);
  assert.equal(ploverEvent(occurred), occurred);
  assert.equal(ploverEvent(cancelled).type, cancelled.type);

  const lines = (await render(store, 'jsonl', true)).trim().split('\n').map((l) => JSON.parse(l));
  const byId = new Map(lines.filter((l) => l.kind === 'event').map((l) => [l.id, l]));
  assert.equal(byId.size, events.length);
  assert.equal(byId.get(planned.id).type, 'AGREE');
  assert.equal(byId.get(occurred.id).type, 'CONSULT');
  assert.equal(lines[0].kind, 'article', 'articles first, as in the spec');
  const csv = parseCsv(await render(store, 'csv', true));
  assert.ok(csv.some((r) => r[0] === planned.id && r[1] === 'AGREE'));
});

test('export CLI: --format and --out write the file whole; bad choices are usage errors', async (t) => {
  const { file, store } = await storeWithEvents(t);
  await store.close();
  const dir = path.dirname(file);
  for (const format of ['csv', 'geojson', 'graphml']) {
    const out = path.join(dir, `out.${format}`);
    const r = cli(['export', '--db', file, '--format', format, '--out', out]);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(readFileSync(out, 'utf8').length > 100, format);
  }
  const plover = cli(['export', '--db', file, '--plover']);
  assert.equal(plover.status, 0, plover.stderr);
  assert.match(plover.stdout, /"type":"AGREE"/);
  const bad = cli(['export', '--db', file, '--format', 'xlsx']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /xlsx/);
  const nowhere = cli(['export', '--db', file, '--format', 'csv', '--out', path.join(dir, 'missing-folder', 'x.csv')]);
  assert.equal(nowhere.status, 1);
  assert.ok(!existsSync(path.join(dir, 'missing-folder')));
  assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), [], 'no temporary file left');
});

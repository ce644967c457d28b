import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc, type Span } from '../src/doc/doc.js';
import { Pipeline, PipelineError } from '../src/pipeline/pipeline.js';
import type { Stage } from '../src/pipeline/stage.js';
import { STAGES } from '../src/pipeline/stages.js';

const meta = { source: 'x.txt', format: 'txt' as const, title: null, publisher: null, url: null, published: null };
const span = (start: number, end: number, label = 'X'): Span => ({ start, end, label, by: 'test/rule', confidence: 1 });

test('Doc: layers are sorted, validated against the text, and set once', () => {
  const doc = new Doc('d', 'Putin met Kim.', meta);
  doc.setLayer('name', [span(10, 13), span(0, 5)]);
  assert.deepEqual(doc.layer('name').map((s) => doc.slice(s)), ['Putin', 'Kim']);
  assert.throws(() => doc.setLayer('name', []), /already set/);
  assert.throws(() => doc.setLayer('bad', [span(3, 99)]), /outside the text/);
  assert.throws(() => doc.setLayer('bad2', [span(5, 2)]), /outside the text/);
  assert.deepEqual(doc.layer('absent'), []);
});

test('Doc: within() finds the spans inside a range; JSON round trip keeps everything', () => {
  const doc = new Doc('d', 'Putin met Kim. Kim left.', meta);
  doc.setLayer('name', [span(0, 5), span(10, 13), span(15, 18)]);
  assert.deepEqual(doc.within('name', 0, 14).map((s) => doc.slice(s)), ['Putin', 'Kim']);
  assert.deepEqual(doc.within('name', 14, 24).map((s) => s.start), [15]);
  const copy = Doc.fromJSON(JSON.parse(JSON.stringify(doc.toJSON())));
  assert.equal(copy.text, doc.text);
  assert.deepEqual(copy.layer('name'), doc.layer('name'));
  assert.throws(() => ((doc as unknown as { text: string }).text = 'changed'));
});

const stage = (name: string, requires: string[], produces: string[], run?: Stage['run']): Stage => ({
  name,
  requires,
  produces,
  description: name,
  run: run ?? (() => Object.fromEntries(produces.map((p) => [p, []]))),
});

test('Pipeline: validated at construction', () => {
  const a = stage('a', [], ['one']);
  const b = stage('b', ['one'], ['two']);
  const cases: { stages: Stage[]; disabled?: string[]; error: RegExp | null }[] = [
    { stages: [a, b], error: null },
    { stages: [b, a], error: /requires layer "one": stage "a" produces it but runs later/ },
    { stages: [a, b], disabled: ['a'], error: /stage "a" produces it but is switched off/ },
    { stages: [b], error: /no stage produces it/ },
    { stages: [a, stage('c', [], ['one'])], error: /produced by both "a" and "c"/ },
    { stages: [a, b], disabled: ['nope'], error: /unknown stage "nope"/ },
    { stages: [a, b], disabled: ['b'], error: null },
  ];
  for (const c of cases) {
    if (c.error) assert.throws(() => new Pipeline(c.stages, c.disabled), c.error);
    else assert.doesNotThrow(() => new Pipeline(c.stages, c.disabled));
  }
});

test('Pipeline: a stage may only add the layers it declares', () => {
  const doc = () => new Doc('d', 'text', meta);
  assert.throws(() => new Pipeline([stage('a', [], ['one'], () => ({}))]).run(doc()), /did not produce its layer "one"/);
  assert.throws(() => new Pipeline([stage('a', [], ['one'], () => ({ one: [], two: [] }))]).run(doc()), /undeclared layer "two"/);
  const trace = new Pipeline([stage('a', [], ['one'], () => ({ one: [span(0, 4)] }))]).run(doc());
  assert.deepEqual(trace.map((t) => [t.stage, t.spans]), [['a', { one: 1 }]]);
});

test('the shipped stage list is valid, and the last stages can be switched off', () => {
  assert.doesNotThrow(() => new Pipeline(STAGES));
  assert.doesNotThrow(() => new Pipeline(STAGES, ['events']));
  assert.throws(() => new Pipeline(STAGES, ['segment']), PipelineError);
});

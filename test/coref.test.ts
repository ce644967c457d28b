import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { scoreCoref } from '../src/eval/coref-score.js';
import { SHARED } from './helpers.js';

const close = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) < 1e-9, `${what}: ${a} vs ${b}`);

test('coref metrics: a worked example (MUC, B3, CEAF-e, LEA, CoNLL)', () => {
  const key = [['a', 'b', 'c'], ['d', 'e']];
  const response = [['a', 'b'], ['c', 'd', 'e']];
  const s = scoreCoref(key, response);
  close(s.muc.r, 2 / 3, 'MUC R');
  close(s.muc.p, 2 / 3, 'MUC P');
  close(s.b3.r, 11 / 15, 'B3 R');
  close(s.b3.p, 11 / 15, 'B3 P');
  close(s.ceafe.r, 0.8, 'CEAF-e R');
  close(s.ceafe.p, 0.8, 'CEAF-e P');
  close(s.lea.r, 0.6, 'LEA R');
  close(s.lea.p, 0.6, 'LEA P');
  close(s.conll, (2 / 3 + 11 / 15 + 0.8) / 3, 'CoNLL');
});

test('coref metrics: identity scores 1; all singletons against one cluster scores 0 on MUC', () => {
  const key = [['a', 'b'], ['c'], ['d', 'e', 'f']];
  const s = scoreCoref(key, key.map((c) => [...c].reverse()));
  for (const m of [s.muc, s.b3, s.ceafe, s.lea]) close(m.f, 1, 'F1');
  const none = scoreCoref([['a', 'b', 'c']], [['a'], ['b'], ['c']]);
  close(none.muc.f, 0, 'MUC F1');
  close(none.b3.p, 1, 'B3 P of singletons');
  // A mention only the response has counts as a key singleton.
  const extra = scoreCoref([['a', 'b']], [['a', 'b'], ['z']]);
  close(extra.b3.f, 1, 'B3 with an extra singleton');
});

test('eval coref: an unknown --suite is a clear error', { skip: !existsSync(path.join(SHARED, 'data/coreference/ecbplus/derived')) && 'needs ../shared/data/coreference/ecbplus' }, async () => {
  // The full run takes minutes; the metric and clustering code it uses are tested above and in merge.test.ts.
  const { corefSuite } = await import('../src/eval/coref-suite.js');
  await assert.rejects(corefSuite.run({ data: path.join(SHARED, 'data/coreference/ecbplus'), suite: 'nosuch' }), /ecbplus or meantime/);
});

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { classOf, goldClass, statusAt } from '../src/eval/factuality-suite.js';
import { cli, SHARED } from './helpers.js';

test('factuality: MEANTIME attributes map onto our classes', () => {
  const g = (certainty: string, polarity: string, time: string, special_cases = 'NONE') => goldClass({ certainty, polarity, time, special_cases });
  assert.equal(g('CERTAIN', 'POS', 'NON_FUTURE'), 'occurred');
  assert.equal(g('CERTAIN', 'POS', 'FUTURE'), 'future');
  assert.equal(g('PROBABLE', 'POS', 'FUTURE'), 'future');
  assert.equal(g('POSSIBLE', 'POS', 'FUTURE'), 'possible');
  assert.equal(g('CERTAIN', 'NEG', 'NON_FUTURE'), 'negated');
  assert.equal(g('CERTAIN', 'POS', 'NON_FUTURE', 'COND_IF_CLAUSE'), 'conditional');
  assert.deepEqual(['planned', 'expected', 'denied', 'cancelled', 'rumored', 'hypothetical', 'ongoing'].map(classOf), ['future', 'future', 'negated', 'negated', 'possible', 'conditional', 'occurred']);
});

test('factuality: the status of a given predicate word', () => {
  // Space-separated tokens, as MEANTIME gives them; the index is the predicate's word.
  assert.equal(statusAt('The company will deliver the jets next year .', 3, '2008-01-01').status, 'planned');
  assert.equal(statusAt('The company did not deliver the jets .', 4, '2008-01-01').status, 'negated');
  assert.equal(statusAt('The company delivered the jets .', 2, '2008-01-01').status, 'occurred');
  assert.equal(statusAt('The union refused to meet the demands .', 4, '2008-01-01').status, 'negated');
});

test('eval factuality and eval events run on the shared gold sets', { skip: !existsSync(path.join(SHARED, 'data/factuality/meantime-attributes')) && 'shared/data missing' }, () => {
  const f = cli(['eval', 'factuality', '--data', path.join(SHARED, 'data/factuality/meantime-attributes')]);
  assert.equal(f.status, 0, f.stderr);
  assert.match(f.stdout, /majority baseline/);
  assert.match(f.stdout.trim().split('\n').pop()!, /^SCORE status_acc=[\d.]+ majority_acc=[\d.]+ .*future_recall=/);
  const e = cli(['eval', 'events', '--suite', 'petr2', '--data', path.join(SHARED, 'data/event-coding')]);
  assert.equal(e.status, 0, e.stderr);
  assert.match(e.stdout, /type confusion/);
  assert.match(e.stdout.trim().split('\n').pop()!, /^SCORE type_f1=[\d.]+ tuple_f1=[\d.]+ noevent_fp_rate=[\d.]+$/);
  const bad = cli(['eval', 'events', '--suite', 'nosuch', '--data', path.join(SHARED, 'data/event-coding')]);
  assert.notEqual(bad.status, 0);
  assert.match(bad.stderr, /unknown suite "nosuch"/);
});

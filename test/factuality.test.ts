import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { classOf, classOfCoarse, goldClass, goldClassCoarse, pearson, score, statusAt, statusOfToken } from '../src/eval/factuality-suite.js';
import type { EventAttrs } from '../src/stages/events.js';
import { analyse, cli, SHARED, tempDir } from './helpers.js';

test('factuality: MEANTIME attributes map onto our classes as the data README proposes', () => {
  const g = (certainty: string, polarity: string, time: string, special_cases = 'NONE') => goldClass({ certainty, polarity, time, special_cases });
  assert.equal(g('CERTAIN', 'POS', 'NON_FUTURE'), 'occurred');
  assert.equal(g('CERTAIN', 'POS', 'FUTURE'), 'future');
  assert.equal(g('PROBABLE', 'POS', 'FUTURE'), 'future');
  assert.equal(g('POSSIBLE', 'POS', 'FUTURE'), 'possible');
  assert.equal(g('PROBABLE', 'POS', 'NON_FUTURE'), 'possible');
  // Underspecified certainty is FactBank's Uu (no commitment), not a plan.
  assert.equal(g('UNDERSPECIFIED', 'UNDERSPECIFIED', 'FUTURE'), 'unspecified');
  assert.equal(g('CERTAIN', 'NEG', 'NON_FUTURE'), 'negated');
  assert.equal(g('CERTAIN', 'POS', 'NON_FUTURE', 'COND_IF_CLAUSE'), 'conditional');
  assert.deepEqual(
    ['planned', 'expected', 'postponed', 'proposed', 'uncertain', 'denied', 'cancelled', 'rumored', 'hypothetical', 'ongoing'].map(classOf),
    ['future', 'future', 'future', 'unspecified', 'unspecified', 'negated', 'negated', 'possible', 'conditional', 'occurred'],
  );
  // The coarse five-class mapping folds Uu into future / possible, as the first figures did.
  assert.equal(goldClassCoarse({ certainty: 'UNDERSPECIFIED', polarity: 'UNDERSPECIFIED', time: 'FUTURE', special_cases: 'NONE' }), 'future');
  assert.equal(goldClassCoarse({ certainty: 'UNDERSPECIFIED', polarity: 'POS', time: 'NON_FUTURE', special_cases: 'NONE' }), 'possible');
  assert.deepEqual(['proposed', 'uncertain', 'planned'].map(classOfCoarse), ['future', 'possible', 'future']);
});

test('factuality: scores and correlation', () => {
  const s = score([['occurred', 'occurred'], ['occurred', 'future'], ['future', 'future'], ['negated', 'occurred']], ['occurred', 'future', 'negated']);
  assert.equal(s.acc, 0.5);
  assert.equal(s.majorityClass, 'occurred');
  assert.equal(s.recall.future, 1);
  assert.equal(s.recall.negated, 0);
  assert.equal(s.rows.find((r) => r.c === 'future')!.p, 0.5);
  assert.ok(Math.abs(pearson([1, 2, 3], [2, 4, 6]) - 1) < 1e-9);
  assert.ok(Math.abs(pearson([1, 2, 3], [3, 2, 1]) + 1) < 1e-9);
  assert.equal(pearson([1, 1, 1], [1, 2, 3]), 0);
});

test('factuality: the status of a given predicate word', () => {
  // Space-separated tokens, as MEANTIME gives them; the index is the predicate's word.
  assert.equal(statusAt('The company will deliver the jets next year .', 3, '2008-01-01').status, 'planned');
  assert.equal(statusAt('The company did not deliver the jets .', 4, '2008-01-01').status, 'negated');
  assert.equal(statusAt('The company delivered the jets .', 2, '2008-01-01').status, 'occurred');
  assert.equal(statusAt('The union refused to meet the demands .', 4, '2008-01-01').status, 'negated');
});

test('factuality: cue scope stops at barriers and yields to stronger cues', () => {
  const at = (s: string, k: number) => statusOfToken(s, k, '2008-01-01').status;
  // "will" reaches its own verb, not the verb of a relative clause after it.
  assert.equal(at('The firm will buy the plant , which employs 400 workers .', 3), 'planned');
  assert.equal(at('The firm will buy the plant , which employs 400 workers .', 8), 'occurred');
  assert.equal(at('The firm will buy the plant that employs 400 workers .', 7), 'occurred');
  // An implicative or aspectual verb before "to" is no plan; a will before it still is.
  assert.equal(at('The union began to negotiate with the firm .', 4), 'occurred');
  assert.equal(at('Shares fell 3 % to reach a new low .', 5), 'occurred');
  assert.equal(at('The union will continue to negotiate with the firm .', 5), 'planned');
  assert.equal(at('The union decided to negotiate with the firm .', 4), 'planned');
  // Negation scope: the negated verb, not a verb after a comma.
  assert.equal(at('The envoys did not sign the treaty , and talks ended .', 4), 'negated');
  assert.equal(at('The envoys did not sign the treaty , and talks ended .', 10), 'occurred');
  assert.equal(at('The move helped avoid a collapse of the bank .', 5), 'negated');
  // An if-clause is hypothetical; the clause before it is not.
  assert.equal(at('Analysts said the plan works if the bank pays .', 4), 'occurred');
  assert.equal(at('Analysts said the plan works if the bank pays .', 8), 'hypothetical');
  assert.equal(at('If the bank pays , the firm will survive .', 3), 'hypothetical');
  // Modals of possibility are speculation; a progressive with a date ahead is a plan.
  assert.equal(at('The firm may close the plant .', 3), 'rumored');
  assert.equal(at('The firm is closing the plant next month .', 3), 'planned');
  assert.equal(at('The firm is closing the plant .', 3), 'ongoing');
  // A trigger that is the scheduling word itself happened; its date belongs to the plan.
  assert.equal(at('A hearing has been scheduled for June 3 .', 4), 'occurred');
  assert.equal(at('A hearing has been scheduled for June 3 .', 1), 'planned');
});

test('factuality: spec cues for planned, expected, proposed in the event stage', () => {
  const status = (s: string) => (analyse(s, '2019-04-20').layer('event')[0]?.attrs as unknown as EventAttrs | undefined)?.status;
  assert.equal(status('Kim is expected to visit Moscow.'), 'expected');
  assert.equal(status('Talks are due to take place on August 4 and 5.'), 'planned');
  assert.equal(status('Kim plans to visit Moscow.'), 'planned');
  assert.equal(status('Kim wants to visit Moscow.'), 'proposed');
  assert.equal(status('A private summit in Harbin would be much easier for the regime.'), 'hypothetical');
  // No-break spaces inside a cue ("would even\u00a0allow") match like spaces.
  assert.equal(status('Harbin as a summit venue would even\u00a0allow the envoy to arrive by rail.'), 'hypothetical');
  // "The earlier announced summit" is a past announcement, not a plan.
  assert.equal(status('The earlier announced summit took place in Hanoi.'), 'occurred');
});

test('eval factuality scores a unified-factuality split by MAE and r', (t) => {
  const dir = tempDir(t);
  const lines = [
    { text: 'The envoys met in Moscow .', targets: [{ span1: [2, 3], label: 3 }] },
    { text: 'The envoys did not meet in Moscow .', targets: [{ span1: [4, 5], label: -3 }] },
    { text: 'The envoys will meet in Moscow .', targets: [{ span1: [3, 4], label: 1.5 }] },
  ];
  writeFileSync(path.join(dir, 'test.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n'));
  const r = cli(['eval', 'factuality', '--data', dir]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /3 predicates in 3 sentences/);
  assert.match(r.stdout.trim().split('\n').pop()!, /^SCORE mae=0 mae_always3=[\d.]+ pearson=1$/);
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

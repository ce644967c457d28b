#!/usr/bin/env node
// Runs every `summitry eval` row of the README's evaluation table, one after another, and
// prints each command with its SCORE line and run time (the full output goes to
// eval-results/NAME.txt). Usage: node scripts/eval-all.mjs [name-filter]
// Needs ../shared/data beside the checkout; a row whose data is missing is reported and skipped.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const D = '../shared/data';
const RUNS = [
  ['timex-tbaq', ['timex', '--data', `${D}/temporal/tempeval3-tbaq`, '--baseline', 'chrono']],
  ['timex-meantime', ['timex', '--data', `${D}/temporal/meantime-timex`, '--baseline', 'chrono']],
  ['ner-conll', ['ner', '--data', `${D}/ner/conll2003`]],
  ['ner-ontonotes', ['ner', '--data', `${D}/ner/ontonotes5-test`]],
  ['ner-wwn', ['ner', '--data', `${D}/ner/worldwide-newswire`]],
  ['geo', ['geo', '--data', `${D}/geo`]],
  ['actors', ['actors', '--data', `${D}/event-coding/petrarch-validation`]],
  ['events-plover', ['events', '--suite', 'plover', '--data', `${D}/event-coding/plover-gsr-cameo`]],
  ['events-petr2', ['events', '--suite', 'petr2', '--data', `${D}/event-coding/petrarch-validation`]],
  ['factuality', ['factuality', '--data', `${D}/factuality/meantime-attributes`]],
  ['coref-ecbplus', ['coref', '--suite', 'ecbplus', '--data', `${D}/coreference/ecbplus`]],
  ['coref-meantime', ['coref', '--suite', 'meantime', '--data', `${D}/coreference/meantime-en`]],
  ['timeline', ['timeline', '--data', `${D}/temporal/semeval2015-timeline`]],
];

const filter = process.argv[2] ?? '';
mkdirSync('eval-results', { recursive: true });
for (const [name, args] of RUNS) {
  if (!name.includes(filter)) continue;
  const data = args[args.indexOf('--data') + 1];
  if (!existsSync(data)) {
    console.log(`${name}: skipped (no ${data})`);
    continue;
  }
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['bin/summitry.js', 'eval', ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const seconds = ((performance.now() - t0) / 1000).toFixed(0);
  writeFileSync(path.join('eval-results', `${name}.txt`), r.stdout + r.stderr);
  const score = (r.stdout.match(/^SCORE .*$/gm) ?? []).join('\n  ') || `(no SCORE line; exit ${r.status})`;
  console.log(`${name} (${seconds} s): summitry eval ${args.join(' ')}\n  ${score}`);
}

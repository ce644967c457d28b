// Builds models/ner-common-words.txt: words that licensed news text writes in lower case (at
// least twice), from the ECB+ (CC BY 3.0) and MEANTIME (CC BY 4.0) token files in ../shared,
// read in place. The names stage uses the list to tell a capitalised common word opening a
// sentence ("Results", "Unfortunately") from a name ("Lavrov met ..."). Run:
//   node scripts/build-ner-common-words.mjs [path/to/shared]
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(process.argv[2] ?? path.join(root, '../shared'));
const sources = ['data/coreference/ecbplus/derived/sentences.jsonl', 'data/coreference/meantime-en/derived/sentences.jsonl'];
const MIN_COUNT = 2;
const counts = new Map();
for (const rel of sources) {
  for (const line of readFileSync(path.join(shared, rel), 'utf8').split('\n')) {
    if (!line) continue;
    for (const t of JSON.parse(line).tokens) if (/^[a-z][a-z'-]*[a-z]$/.test(t)) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
}
const words = [...counts].filter(([, n]) => n >= MIN_COUNT).map(([w]) => w).sort();
const header = `# Words written in lower case at least ${MIN_COUNT} times in ECB+ (CC BY 3.0, Cybulska & Vossen 2014) and
# MEANTIME (CC BY 4.0, Minard et al. 2016) news text; built by scripts/build-ner-common-words.mjs.
`;
writeFileSync(path.join(root, 'models/ner-common-words.txt'), header + words.join('\n') + '\n');
console.log(`${words.length} words`);

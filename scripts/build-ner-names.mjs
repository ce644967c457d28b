// Builds models/ner-given-names.txt, models/ner-surnames.txt and models/ner-teams.txt from the lexicon that the
// compromise package ships (MIT licence, Spencer Kelly and contributors): words it
// tags FirstName / MaleName / FemaleName, LastName, and SportsTeam. The names stage uses the given names to
// type "Randall Bostwick" as a person and the surnames to type a lone unknown "Bailey" as one.
// Run again when the package is updated:
//   node scripts/build-ner-names.mjs
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const nlp = createRequire(import.meta.url)('compromise');
const lexicon = nlp.world().model.one.lexicon;
const given = new Set();
const surnames = new Set();
const teams = new Set();
const cap = (w) => w.replace(/(^|[\s'-])(\p{L})/gu, (_, a, b) => a + b.toUpperCase());
for (const [word, tags] of Object.entries(lexicon)) {
  const t = [].concat(tags);
  if (t.includes('SportsTeam')) teams.add(cap(word).replace(/\bSt\b/, 'St.'));
  // One plain word: no spaces or digits ("al capone" is a person, not a given name).
  if (!/^\p{Ll}[\p{Ll}'-]*\p{Ll}$/u.test(word)) continue;
  if (t.some((x) => x === 'FirstName' || x === 'MaleName' || x === 'FemaleName')) given.add(cap(word));
  if (t.includes('LastName')) surnames.add(cap(word));
}
const version = JSON.parse(readFileSync(path.join(root, 'node_modules/compromise/package.json'), 'utf8')).version;
const header = (what) => `# ${what} from the lexicon of the compromise package ${version} (MIT licence), built by
# scripts/build-ner-names.mjs.
`;
writeFileSync(path.join(root, 'models/ner-given-names.txt'), header('Given names (FirstName, MaleName, FemaleName)') + [...given].sort().join('\n') + '\n');
writeFileSync(path.join(root, 'models/ner-surnames.txt'), header('Surnames (LastName)') + [...surnames].sort().join('\n') + '\n');
writeFileSync(path.join(root, 'models/ner-teams.txt'), header('Sports teams (SportsTeam)') + [...teams].sort().join('\n') + '\n');
console.log(`${given.size} given names, ${surnames.size} surnames, ${teams.size} teams`);

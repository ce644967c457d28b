import { readFileSync } from 'node:fs';
import path from 'node:path';
import { KNOWLEDGE_DIR, loadList, loadTable } from '../util/knowledge.js';

/**
 * The word lists the names stage types mentions with, loaded once on first use (~20 ms):
 * knowledge/ner-*.tsv, titles, stopwords, demonyms and the GeoNames place names in
 * models/ner-places.txt (built by scripts/build-ner-places.mjs).
 */
export type PlaceKind = 'country' | 'region' | 'loc';

export interface Lexicon {
  stop: Set<string>;
  titles: Set<string>;
  demonyms: Set<string>;
  /** Given names: knowledge/ner-first-names.txt and models/ner-given-names.txt (compromise's lexicon). */
  firstNames: Set<string>;
  /** Surnames from compromise's lexicon (models/ner-surnames.txt): a lone unknown one is a person. */
  surnames: Set<string>;
  /** Countries, regions and other places from knowledge/ner-places.tsv: name → kind. */
  places: Map<string, PlaceKind>;
  /** Well-known people by the name the news uses alone ("Yeltsin", "Clinton"). */
  people: Set<string>;
  /** GeoNames populated places. */
  cities: Set<string>;
  orgs: Map<string, { type: 'ORG' | 'LOC'; kind: string }>;
  orgLast: Set<string>;
  /** Place words (knowledge/ner-place-words.tsv) by position: "Tiananmen Square", "Lake Victoria", "Gulf of Aden". */
  placeLast: Map<string, string>;
  placeFirst: Map<string, string>;
  placeOf: Map<string, string>;
  orgFirst: Set<string>;
  miscLast: Set<string>;
  /** Word endings → type, longest first. */
  suffixes: [string, 'PER' | 'LOC' | 'MISC'][];
  /** Words licensed news text writes in lower case (models/ner-common-words.txt). */
  common: Set<string>;
  /** Lower-cased forms of all gazetteer entries, for text in capitals ("JAPAN", "NORTH KOREA"). */
  upper: Map<string, string>;
  /** Words of the sports' names (ner-sports.tsv) in capitals: "RUGBY", "LEAGUE" in "RUGBY LEAGUE -" are no towns. */
  sportWords: Set<string>;
  /** Result verbs of sports headlines in capitals ("BEAT", "DEFEATS"): ner-sports.tsv, kind `verb`. */
  resultVerbs: Set<string>;
  /** Longest gazetteer entry in words. */
  maxWords: number;
}

const MODELS_DIR = path.resolve(KNOWLEDGE_DIR, '../models');
let lexicon: Lexicon | null = null;

function modelList(name: string): string[] {
  return readFileSync(path.join(MODELS_DIR, name), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'));
}

export function lex(): Lexicon {
  if (lexicon) return lexicon;
  const places = new Map<string, PlaceKind>();
  for (const r of loadTable('ner-places.tsv').rows) places.set(r.name!, r.kind === 'loc' || r.kind === 'region' ? r.kind : 'country');
  const orgs = new Map<string, { type: 'ORG' | 'LOC'; kind: string }>();
  for (const r of loadTable('ner-orgs.tsv').rows) orgs.set(r.name!, { type: r.type === 'LOC' ? 'LOC' : 'ORG', kind: r.kind || 'org' });
  // Sports teams from compromise's lexicon (models/ner-teams.txt): "Blue Jays", "Chicago White Sox".
  for (const name of modelList('ner-teams.txt')) if (!orgs.has(name)) orgs.set(name, { type: 'ORG', kind: 'org' });
  const orgLast = new Set<string>();
  const orgFirst = new Set<string>();
  for (const r of loadTable('ner-org-words.tsv').rows) {
    if (r.position !== 'first') orgLast.add(r.word!);
    if (r.position !== 'last') orgFirst.add(r.word!);
  }
  const placeLast = new Map<string, string>();
  const placeFirst = new Map<string, string>();
  const placeOf = new Map<string, string>();
  for (const r of loadTable('ner-place-words.tsv').rows) (r.position === 'first' ? placeFirst : r.position === 'of' ? placeOf : placeLast).set(r.word!, r.kind || 'loc');
  const cities = new Set(modelList('ner-places.txt'));
  const upper = new Map<string, string>();
  let maxWords = 1;
  for (const name of [...places.keys(), ...orgs.keys()]) {
    upper.set(name.toUpperCase(), name);
    maxWords = Math.max(maxWords, name.split(' ').length);
  }
  lexicon = {
    stop: new Set(loadList('name-stopwords.txt')),
    titles: new Set(loadList('titles.txt')),
    demonyms: new Set(loadTable('demonyms.tsv').rows.map((r) => r.demonym!)),
    firstNames: new Set([...loadList('ner-first-names.txt'), ...modelList('ner-given-names.txt')]),
    surnames: new Set(modelList('ner-surnames.txt')),
    people: new Set(loadList('ner-people.txt')),
    places,
    cities,
    orgs,
    orgLast,
    placeLast,
    placeFirst,
    placeOf,
    orgFirst,
    suffixes: loadTable('ner-suffixes.tsv')
      .rows.map((r): [string, 'PER' | 'LOC' | 'MISC'] => [r.suffix!, r.type === 'PER' || r.type === 'MISC' ? r.type : 'LOC'])
      .sort((a, b) => b[0].length - a[0].length),
    common: new Set(modelList('ner-common-words.txt')),
    miscLast: new Set(loadList('ner-misc-words.txt')),
    upper,
    sportWords: new Set(
      loadTable('ner-sports.tsv')
        .rows.filter((r) => r.kind === 'sport' || r.kind === 'individual')
        .flatMap((r) => r.word!.toUpperCase().split(' ')),
    ),
    resultVerbs: new Set(
      loadTable('ner-sports.tsv')
        .rows.filter((r) => r.kind === 'verb')
        .map((r) => r.word!.toUpperCase()),
    ),
    maxWords,
  };
  return lexicon;
}

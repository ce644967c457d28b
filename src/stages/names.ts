import type { Doc, Span } from '../doc/doc.js';
import { findCandidates, type Candidate, type DocWords } from '../ner/mentions.js';
import { typeCandidates } from '../ner/typer.js';
import type { Stage } from '../pipeline/stage.js';
import { loadList } from '../util/knowledge.js';

/**
 * Named-entity mentions typed PER / ORG / LOC (docs/layers.md): capitalised runs with titles
 * split off and possessives dropped (src/ner/mentions.ts), typed from gazetteers, organisation
 * words, given names and context (src/ner/typer.ts). Actor and place resolution build on it.
 */

const POSSESSIVE = /['’]s?$/u;

/**
 * Words the document writes in lower case (a capitalised one opening a sentence is then a common
 * word) and capitalised words it uses inside sentences (then likely names).
 */
function docWords(doc: Doc): DocWords {
  const lower = new Set<string>();
  const inside = new Set<string>();
  const sentences = doc.layer('sentence');
  let s = 0;
  for (const t of doc.layer('token')) {
    while (s < sentences.length && sentences[s]!.end <= t.start) s++;
    const c = doc.text.charCodeAt(t.start);
    if (c >= 97 && c <= 122) lower.add(doc.slice(t).replace(POSSESSIVE, ''));
    else if (c >= 65 && c <= 90 && sentences[s] && t.start > sentences[s]!.start) inside.add(doc.slice(t).replace(POSSESSIVE, ''));
  }
  return { lower, inside };
}

let sports: { words: string[]; opener: RegExp } | null = null;
/** A sports report: results lines name teams after towns. */
function isSports(doc: Doc, lowerCase: Set<string>): boolean {
  if (!sports) {
    const words = loadList('ner-sports.txt');
    sports = { words, opener: new RegExp(`^(?:${words.join('|')})\\b`, 'i') };
  }
  const first = doc.layer('sentence')[0];
  if (first && sports.opener.test(doc.slice(first))) return true;
  let hits = 0;
  for (const w of sports.words) if (lowerCase.has(w)) hits++;
  return hits >= 2;
}

/**
 * The name layer; with `demonyms`, also the nationality words ("Russian") as MISC, which the
 * layer leaves out (consumers want actors, not adjectives) but NER scoring counts.
 */
export function findNames(doc: Doc, options: { demonyms?: boolean } = {}): Span[] {
  const words = docWords(doc);
  const all: Candidate[] = [];
  for (const s of doc.layer('sentence')) all.push(...findCandidates(doc, s, words));
  const cands = all.filter((c) => !c.demonym);
  const types = typeCandidates(cands, isSports(doc, words.lower));
  const out: Span[] = [];
  cands.forEach((c, i) => {
    const t = types[i];
    if (!t) return;
    const normText = c.words.join(' ');
    const attrs: Record<string, unknown> = { kind: t.kind };
    if (c.title) attrs.title = c.title;
    if (normText !== doc.text.slice(c.start, c.end)) attrs.norm = normText;
    out.push({ start: c.start, end: c.end, label: t.type, by: t.by, confidence: t.confidence, attrs });
  });
  if (options.demonyms) for (const c of all) if (c.demonym) out.push({ start: c.start, end: c.end, label: 'MISC', by: 'names/demonym', confidence: 0.8, attrs: { kind: 'norp' } });
  return out;
}

export const namesStage: Stage = {
  name: 'names',
  requires: ['sentence', 'token'],
  produces: ['name'],
  description: 'named entities typed PER/ORG/LOC, titles split off, possessives dropped (rules and gazetteers)',
  run(doc: Doc) {
    return { name: findNames(doc) };
  },
};

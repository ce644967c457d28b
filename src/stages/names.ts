import type { Doc, Span } from '../doc/doc.js';
import { findCandidates, type Candidate, type DocWords } from '../ner/mentions.js';
import { typeCandidates, type Sport } from '../ner/typer.js';
import type { Stage } from '../pipeline/stage.js';
import { loadTable } from '../util/knowledge.js';

/**
 * Named-entity mentions typed PER / ORG / LOC (docs/layers.md): capitalised runs with titles
 * split off and possessives dropped (src/ner/mentions.ts), typed from gazetteers, organisation
 * words, given names and context (src/ner/typer.ts). Actor and place resolution build on it.
 */

const POSSESSIVE = /['’]s?$/u;
const bare = (w: string) => (w.includes("'") || w.includes('’') ? w.replace(POSSESSIVE, '') : w);

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
    // Words of one or two letters ("of", "in") are never asked about: not stored.
    if (c >= 97 && c <= 122) {
      if (t.end - t.start > 2) lower.add(bare(doc.slice(t)));
    }
    else if (c >= 65 && c <= 90 && sentences[s] && t.start > sentences[s]!.start) inside.add(bare(doc.slice(t)));
  }
  return { lower, inside };
}

/** What stands between two names of a list: "Reuters, Zentravo and Interfax". */
const LIST_GAP = /^(?:\s*,\s*|\s+(?:and|or)\s+|\s*,\s+(?:and|or)\s+)$/;

let sports: { words: string[]; opener: RegExp; individual: RegExp } | null = null;
/**
 * A sports report: results lines name teams after towns (`team`); a report on a sport of players
 * (tennis, golf, athletics) names players and places (`individual`).
 */
function sportOf(doc: Doc, lowerCase: Set<string>): Sport {
  if (!sports) {
    const rows = loadTable('ner-sports.tsv').rows.filter((r) => r.kind !== 'verb');
    const pattern = (names: string[]) => new RegExp(`\\b(?:${names.join('|')})\\b`, 'i');
    sports = {
      words: rows.map((r) => r.word!),
      opener: pattern(rows.filter((r) => r.kind === 'sport' || r.kind === 'individual').map((r) => r.word!)),
      individual: pattern(rows.filter((r) => r.kind === 'individual').map((r) => r.word!)),
    };
  }
  const first = doc.layer('sentence')[0];
  if (first) {
    const line = doc.slice(first);
    const m = sports.opener.exec(line);
    if (m) return sports.individual.test(m[0]) ? 'individual' : 'team';
  }
  let hits = 0;
  for (const w of sports.words) if (lowerCase.has(w)) hits++;
  return hits >= 2 ? 'team' : null;
}

/**
 * A hard-wrapped line may break a name ("Vladimir\nPutin") where the segmenter starts a new
 * sentence: a name ending a line without final punctuation joins the one opening the next line.
 */
function joinAcrossLineBreaks(doc: Doc, cands: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of cands) {
    const prev = out[out.length - 1];
    if (prev && !prev.demonym && !c.demonym && !c.title && c.sentenceStart && /^[ \t]*\n[ \t]*$/.test(doc.text.slice(prev.end, c.start))) {
      out[out.length - 1] = { ...prev, end: c.end, words: [...prev.words, ...c.words], after: c.after, inParens: c.inParens, ageAfter: c.ageAfter, scoreLine: c.scoreLine, forced: null };
    } else out.push(c);
  }
  return out;
}

/**
 * The name layer; with `demonyms`, also the nationality words ("Russian") as MISC, which the
 * layer leaves out (consumers want actors, not adjectives) but NER scoring counts.
 */
export function findNames(doc: Doc, options: { demonyms?: boolean } = {}): Span[] {
  const words = docWords(doc);
  const all: Candidate[] = [];
  for (const s of doc.layer('sentence')) all.push(...findCandidates(doc, s, words));
  const cands = joinAcrossLineBreaks(doc, all).filter((c) => !c.demonym);
  for (let i = 0; i + 1 < cands.length; i++) {
    if (cands[i + 1]!.start - cands[i]!.end <= 6 && LIST_GAP.test(doc.text.slice(cands[i]!.end, cands[i + 1]!.start))) cands[i]!.listNext = true;
  }
  const types = typeCandidates(cands, sportOf(doc, words.lower));
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

import type { Doc, Span } from '../doc/doc.js';

/**
 * A sentence as the event stage reads it: its words (tokens with their lower-case text) and
 * the clause each word belongs to. Clauses split at ";" and ":" and at contrastive
 * conjunctions, which is where a status cue's scope ends ("was cancelled, but talks went on").
 */

export interface Word {
  start: number;
  end: number;
  lower: string;
  clause: number;
  /** 0, or the number of the aside holding the word: "(…)", "– … –", ", like … ,". */
  aside: number;
  /** The word opens or closes an aside (its comma, dash or parenthesis). */
  bound?: boolean;
}

export interface SentenceView {
  start: number;
  end: number;
  text: string;
  words: Word[];
}

const CLAUSE_BREAK = new Set([';', ':', 'but', 'while', 'although', 'whereas', 'however', 'though']);

const lowered = new WeakMap<Doc, string>();

/** The document's text in lower case, made once per document. */
function lowerText(doc: Doc): string {
  let l = lowered.get(doc);
  if (l === undefined) {
    l = doc.text.toLowerCase();
    // Some characters change length in lower case; then slice the original instead.
    if (l.length !== doc.text.length) l = '';
    lowered.set(doc, l);
  }
  return l;
}

export function viewOf(doc: Doc, sentence: { start: number; end: number }, tokens?: Span[]): SentenceView {
  const toks = tokens ?? doc.within('token', sentence.start, sentence.end);
  const words: Word[] = [];
  const low = lowerText(doc);
  for (const t of toks) words.push({ start: t.start, end: t.end, lower: low ? low.slice(t.start, t.end) : doc.slice(t).toLowerCase(), clause: 0, aside: 0 });
  const bounds = markAsides(words);
  // Clauses: a break word starts the next one; an aside is a clause of its own, after which the
  // interrupted clause goes on; a lone dash breaks like a colon.
  let clause = 0;
  let asideClause = 1000;
  let open = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.aside) {
      if (w.aside !== open) {
        open = w.aside;
        asideClause++;
      }
      w.clause = asideClause;
      continue;
    }
    if (i > 0 && !bounds.has(i) && (CLAUSE_BREAK.has(w.lower) || DASHES.has(w.lower))) clause++;
    w.clause = clause;
  }
  return { start: sentence.start, end: sentence.end, text: doc.text.slice(sentence.start, sentence.end), words };
}

const DASHES = new Set(['–', '—', '--']);
/** Words opening a comparison set off by commas: ", like his predecessor in 1999,". */
const COMPARISON = new Set(['like', 'unlike']);

/**
 * Phrases that open a sentence with another matter before the main clause: "In addition to the
 * Kim visit, an exercise took place in Siberia last year" (the place and year are the exercise's).
 */
const CLAUSE_START = new Set([':', ';', '“', '"', "''", '``']);
const FRONTED_ADDITION = [['in', 'addition', 'to'], ['besides'], ['apart', 'from'], ['aside', 'from'], ['along', 'with'], ['unlike'], ['like']];

const FRONTED_FIRST = new Set(FRONTED_ADDITION.map((p) => p[0]!));

/** Length of the fronted-addition opener at word `i`, or 0. */
function frontedAddition(words: Word[], i: number): number {
  for (const p of FRONTED_ADDITION) if (p.every((x, k) => words[i + k]?.lower === x)) return p.length;
  return 0;
}

/**
 * Asides: a parenthesis, a pair of dashes, a comparison between commas, a fronted addition up to its comma. Each word inside gets the
 * aside's number; returns the indexes of the words that open and close them.
 */
function markAsides(words: Word[]): Set<number> {
  const bounds = new Set<number>();
  let next = 1;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!.lower;
    let close = -1;
    // Long enough for a citation list: "(Tass, June 3; Yonhap, June 4, 5; Kyodo, AFP, June 4; …)".
    if (w === '(') close = findClose(words, i + 1, (x) => x === ')', 80);
    else if (DASHES.has(w) && i > 0) close = findClose(words, i + 1, (x) => DASHES.has(x), 25);
    else if (w === ',' && COMPARISON.has(words[i + 1]?.lower ?? '')) close = findClose(words, i + 2, (x) => x === ',', 12);
    else if (FRONTED_FIRST.has(w) && (i === 0 || CLAUSE_START.has(words[i - 1]!.lower)) && frontedAddition(words, i)) {
      // No opening mark: the aside runs from the clause's first word to its comma.
      close = findClose(words, i + frontedAddition(words, i), (x) => x === ',', 12);
      if (close < 0) continue;
      const id = next++;
      for (let k = i; k < close; k++) words[k]!.aside = id;
      bounds.add(close);
      words[close]!.bound = true;
      i = close;
      continue;
    }
    if (close < 0) continue;
    const id = next++;
    for (let k = i + 1; k < close; k++) words[k]!.aside = id;
    bounds.add(i).add(close);
    words[i]!.bound = words[close]!.bound = true;
    i = close;
  }
  return bounds;
}

/** The index of the word closing an aside opened before `from`, or -1 (none, or a sentence break first). */
function findClose(words: Word[], from: number, closes: (w: string) => boolean, within: number): number {
  for (let k = from; k < words.length && k - from <= within; k++) {
    const w = words[k]!.lower;
    if (closes(w)) return k > from ? k : -1;
    // A parenthesis may hold a list ("(BBC, July 25; Reuters, July 24)"); other asides end at ";".
    if ((w === ';' && !closes(')')) || w === '(' || (w === ')' && !closes(')'))) return -1;
  }
  return -1;
}

/** The index of the first word starting at or after `offset`. */
export function wordAt(view: SentenceView, offset: number): number {
  let lo = 0;
  let hi = view.words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (view.words[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index of the last word ending at or before `offset`. */
export function wordBefore(view: SentenceView, offset: number): number {
  let i = wordAt(view, offset) - 1;
  while (i >= 0 && view.words[i]!.end > offset) i--;
  return i;
}

/** Offsets of the clause holding word `i`. */
export function clauseSpan(view: SentenceView, i: number): { start: number; end: number } {
  const c = view.words[i]!.clause;
  let a = i;
  let b = i;
  while (a > 0 && view.words[a - 1]!.clause === c) a--;
  while (b < view.words.length - 1 && view.words[b + 1]!.clause === c) b++;
  return { start: view.words[a]!.start, end: view.words[b]!.end };
}

export const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'this', 'that', 'these', 'those', 'last', 'next', 'first', 'second', 'new', 'two', 'three', 'any', 'such', 'some', 'another', 'further', 'fresh']);
export const PREPOSITIONS = new Set(['with', 'between', 'among', 'to', 'in', 'at', 'on', 'of', 'for', 'from', 'by', 'against', 'into', 'during', 'after', 'before', 'near', 'about', 'over', 'under', 'toward', 'towards', 'through', 'across', 'around', 'via', 'within', 'without', 'amid', 'despite', 'like', 'than', 'since', 'until']);
export const MODALS = new Set(['will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must', 'to', "'ll", '’ll']);
export const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', "'s", '’s']);

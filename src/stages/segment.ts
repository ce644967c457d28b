import type { Doc, Span } from '../doc/doc.js';
import type { Stage } from '../pipeline/stage.js';
import { loadList } from '../util/knowledge.js';

let abbreviations: Set<string> | null = null;
function abbrevs(): Set<string> {
  abbreviations ??= new Set(loadList('abbreviations.txt'));
  return abbreviations;
}

/*
 * Tokens are what /[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*|\S/gu matches, scanned by hand: the
 * regex's match arrays and substrings were a tenth of the stage. ASCII is decided by char code,
 * other code points by a cached regex test.
 */
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const SPACE = /^\s$/u;
const letterCache = new Map<number, boolean>();
const spaceCache = new Map<number, boolean>();

function isLetterOrDigit(cp: number): boolean {
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || (cp >= 48 && cp <= 57);
  let v = letterCache.get(cp);
  if (v === undefined) letterCache.set(cp, (v = LETTER_OR_DIGIT.test(String.fromCodePoint(cp))));
  return v;
}

function isSpace(cp: number): boolean {
  if (cp < 128) return cp === 32 || (cp >= 9 && cp <= 13);
  let v = spaceCache.get(cp);
  if (v === undefined) spaceCache.set(cp, (v = SPACE.test(String.fromCodePoint(cp))));
  return v;
}

/** A code point's width in UTF-16 units (a lone surrogate counts as one, as in /u). */
const width = (cp: number) => (cp > 0xffff ? 2 : 1);

/** Appends the tokens of text[start, end) to `out`. */
export function tokenize(text: string, start: number, end: number, out: Span[]): void {
  let i = start;
  while (i < end) {
    const cp = codePointIn(text, i, end);
    if (isSpace(cp)) {
      i += width(cp);
      continue;
    }
    const from = i;
    if (!isLetterOrDigit(cp)) {
      i += width(cp);
      out.push({ start: from, end: i, label: 'token', by: 'segment/regex', confidence: 1 });
      continue;
    }
    i = letterRun(text, i, end);
    // a hyphen, apostrophe or full stop joins two runs of letters or digits
    while (i + 1 < end) {
      const c = text.charCodeAt(i);
      if (c !== 45 && c !== 39 && c !== 0x2019 && c !== 46) break;
      const next = codePointIn(text, i + 1, end);
      if (!isLetterOrDigit(next)) break;
      i = letterRun(text, i + 1, end);
    }
    out.push({ start: from, end: i, label: 'token', by: 'segment/regex', confidence: 1 });
  }
}

/** The code point at `i`; a surrogate pair cut by `end` reads as its lone first half, as in a slice. */
function codePointIn(text: string, i: number, end: number): number {
  const cp = text.codePointAt(i)!;
  return cp > 0xffff && i + 1 >= end ? text.charCodeAt(i) : cp;
}

/** The end of the run of letters and digits starting at `i`. */
function letterRun(text: string, i: number, end: number): number {
  while (i < end) {
    const cp = codePointIn(text, i, end);
    if (!isLetterOrDigit(cp)) break;
    i += width(cp);
  }
  return i;
}
// A candidate sentence end: terminal punctuation, optional closing quotes/brackets, then space.
const SENTENCE_END = /[.!?]+["”’')\]]*(?=\s)/g;

/** Blocks are runs of lines; a line break ends a block unless the next line starts in lower case (wrapped text). */
export function blocks(text: string, skip: readonly Span[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const skipped = (s: number, e: number) => skip.some((k) => k.start <= s && k.end >= e);
  let cur: { start: number; end: number } | null = null;
  let pos = 0;
  for (const line of text.split('\n')) {
    const start = pos;
    pos += line.length + 1;
    const trimmed = line.trim();
    if (!trimmed) {
      if (cur) out.push(cur);
      cur = null;
      continue;
    }
    const s = start + line.indexOf(trimmed);
    const e = s + trimmed.length;
    if (skipped(s, e)) {
      if (cur) out.push(cur);
      cur = null;
      continue;
    }
    if (cur && /^[\p{Ll}(]/u.test(trimmed)) cur.end = e;
    else {
      if (cur) out.push(cur);
      cur = { start: s, end: e };
    }
  }
  if (cur) out.push(cur);
  return out;
}

/** Sentence boundaries inside one block. */
export function splitSentences(text: string, start: number, end: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const block = text.slice(start, end);
  let from = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(block); m; m = SENTENCE_END.exec(block)) {
    const stop = m.index + m[0].length;
    if (m[0].startsWith('.') && m[0].length === 1) {
      const word = wordBefore(block, from, m.index);
      // Abbreviations and initials ("J. Smith") do not end a sentence.
      if (abbrevs().has(word) || /^\p{Lu}$/u.test(word)) continue;
    }
    // The next sentence starts with a capital, a digit or an opening quote (looked up in place:
    // slicing the rest of the block at every candidate was quadratic).
    let next = stop;
    while (next < block.length && isSpace(block.charCodeAt(next))) next++;
    if (next < block.length && !opensSentence(block.codePointAt(next)!)) continue;
    out.push(trimmed(block, from, stop, start));
    from = stop;
  }
  if (block.slice(from).trim()) out.push(trimmed(block, from, block.length, start));
  return out;
}

const SENTENCE_OPENER = /^[\p{Lu}\p{N}"“‘'(]$/u;
const openerCache = new Map<number, boolean>();
function opensSentence(cp: number): boolean {
  let v = openerCache.get(cp);
  if (v === undefined) openerCache.set(cp, (v = SENTENCE_OPENER.test(String.fromCodePoint(cp))));
  return v;
}

const WORD_CHAR = /[\p{L}.]/u;

/** The run of letters and dots ending at `at` (scanning back: a regex anchored at the end would rescan the block). */
function wordBefore(block: string, from: number, at: number): string {
  let i = at;
  while (i > from && WORD_CHAR.test(block[i - 1]!)) i--;
  return block.slice(i, at);
}

function trimmed(block: string, from: number, to: number, offset: number) {
  while (from < to && /\s/.test(block[from]!)) from++;
  while (to > from && /\s/.test(block[to - 1]!)) to--;
  return { start: offset + from, end: offset + to };
}

/** Most headlines are short; a longer unpunctuated first block is more likely body text. */
const HEADLINE_MAX_WORDS = 20;

/** The first block is a headline when it is one short line without a final full stop. */
function isHeadline(text: string, b: { start: number; end: number }, index: number): boolean {
  const t = text.slice(b.start, b.end);
  return index === 0 && !t.includes('\n') && !/[.!?]["”’)]*$/.test(t) && t.split(/\s+/).length <= HEADLINE_MAX_WORDS;
}

export const segmentStage: Stage = {
  name: 'segment',
  requires: ['skip'],
  produces: ['paragraph', 'sentence', 'token'],
  description: 'paragraphs, sentences and tokens over the text that is not boilerplate',
  run(doc: Doc) {
    const paragraphs: Span[] = [];
    const sentences: Span[] = [];
    const tokens: Span[] = [];
    blocks(doc.text, doc.layer('skip')).forEach((b, i) => {
      const headline = isHeadline(doc.text, b, i);
      paragraphs.push({ start: b.start, end: b.end, label: headline ? 'headline' : 'paragraph', by: headline ? 'segment/headline' : 'segment/lines', confidence: headline ? 0.8 : 1 });
      for (const s of headline ? [b] : splitSentences(doc.text, b.start, b.end)) {
        sentences.push({ start: s.start, end: s.end, label: headline ? 'headline' : 'sentence', by: headline ? 'segment/headline' : 'segment/punctuation', confidence: 0.95 });
        tokenize(doc.text, s.start, s.end, tokens);
      }
    });
    return { paragraph: paragraphs, sentence: sentences, token: tokens };
  },
};

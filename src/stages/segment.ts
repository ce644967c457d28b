import type { Doc, Span } from '../doc/doc.js';
import type { Stage } from '../pipeline/stage.js';
import { loadList } from '../util/knowledge.js';

let abbreviations: Set<string> | null = null;
function abbrevs(): Set<string> {
  abbreviations ??= new Set(loadList('abbreviations.txt'));
  return abbreviations;
}

const TOKEN = /[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*|\S/gu;
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
    const next = block.slice(stop).trimStart();
    // The next sentence starts with a capital, a digit or an opening quote.
    if (next && !/^[\p{Lu}\p{N}"“‘'(]/u.test(next)) continue;
    out.push(trimmed(block, from, stop, start));
    from = stop;
  }
  if (block.slice(from).trim()) out.push(trimmed(block, from, block.length, start));
  return out;
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
      paragraphs.push({ ...b, label: headline ? 'headline' : 'paragraph', by: headline ? 'segment/headline' : 'segment/lines', confidence: headline ? 0.8 : 1 });
      for (const s of headline ? [b] : splitSentences(doc.text, b.start, b.end)) {
        sentences.push({ ...s, label: headline ? 'headline' : 'sentence', by: headline ? 'segment/headline' : 'segment/punctuation', confidence: 0.95 });
        TOKEN.lastIndex = 0;
        const piece = doc.text.slice(s.start, s.end);
        for (let m = TOKEN.exec(piece); m; m = TOKEN.exec(piece)) {
          tokens.push({ start: s.start + m.index, end: s.start + m.index + m[0].length, label: 'token', by: 'segment/regex', confidence: 1 });
        }
      }
    });
    return { paragraph: paragraphs, sentence: sentences, token: tokens };
  },
};

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * CoNLL-style NER gold (CoNLL-2003, OntoNotes BIO, Worldwide Newswire TSV): one token per line,
 * the IOB tag in the last column, blank lines between sentences, `-DOCSTART-` or `#doc` lines
 * between documents. Each document becomes plain text rebuilt from its tokens (spaces where
 * English prose has them, one sentence per paragraph) with the gold entities as character spans.
 */

export type NerType = 'PER' | 'ORG' | 'LOC' | 'MISC';
export interface NerSpan {
  start: number;
  end: number;
  type: NerType;
}
export interface NerDoc {
  name: string;
  text: string;
  gold: NerSpan[];
}

/** Gold type names of the three corpora onto the CoNLL scheme (README: LOC = GPE ∪ LOC ∪ FAC). */
const TYPE_MAP: Record<string, NerType> = {
  PER: 'PER',
  PERSON: 'PER',
  Person: 'PER',
  ORG: 'ORG',
  Organization: 'ORG',
  Organisation: 'ORG',
  LOC: 'LOC',
  GPE: 'LOC',
  FAC: 'LOC',
  Location: 'LOC',
  Facility: 'LOC',
  MISC: 'MISC',
  Misc: 'MISC',
  NORP: 'MISC',
  Nationality: 'MISC',
};

const NO_SPACE_BEFORE = /^(?:[.,;:!?%)\]}]|'s|'S|'|n't|'re|'ve|'ll|'d|'m|\.\.\.)$/;
const NO_SPACE_AFTER = /^[([{$]$/;
const URL = /^https?:\/\//;

interface RawSentence {
  tokens: string[];
  tags: string[];
}

function parseLines(text: string, file: string): { name: string; sentences: RawSentence[] }[] {
  const docs: { name: string; sentences: RawSentence[] }[] = [];
  let doc: { name: string; sentences: RawSentence[] } | null = null;
  let sent: RawSentence = { tokens: [], tags: [] };
  const base = path.basename(file);
  const endSentence = () => {
    if (sent.tokens.length) {
      if (!doc) docs.push((doc = { name: `${base}#${docs.length + 1}`, sentences: [] }));
      doc.sentences.push(sent);
    }
    sent = { tokens: [], tags: [] };
  };
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.startsWith('-DOCSTART-') || line.startsWith('#doc ')) {
      endSentence();
      const id = line.startsWith('#doc ') ? line.slice(5) : line.split(/[\t ]/)[1] ?? '';
      docs.push((doc = { name: id && id !== '-X-' ? `${base}#${id}` : `${base}#${docs.length + 1}`, sentences: [] }));
      return;
    }
    if (!line.trim()) return endSentence();
    const cols = line.includes('\t') ? line.split('\t') : line.split(' ');
    if (cols.length < 2) throw new Error(`${file}:${i + 1}: expected "token … TAG", got "${line}"`);
    sent.tokens.push(cols[0]!);
    sent.tags.push(cols[cols.length - 1]!.trim());
  });
  endSentence();
  return docs.filter((d) => d.sentences.length);
}

/** Rebuilds one document's text and turns its IOB tags into character spans. */
export function buildDoc(name: string, sentences: RawSentence[]): NerDoc {
  let text = '';
  const gold: NerSpan[] = [];
  let first = true;
  for (const s of sentences) {
    // Worldwide Newswire opens each document with its URL, tagged O: not article text.
    if (first && s.tokens.length === 1 && URL.test(s.tokens[0]!)) continue;
    if (!first) text += '\n\n';
    first = false;
    let open: { start: number; end: number; type: string } | null = null;
    let quoteOpen = false;
    let glue = true;
    const close = () => {
      if (open) {
        const type = TYPE_MAP[open.type];
        if (type) gold.push({ start: open.start, end: open.end, type });
      }
      open = null;
    };
    s.tokens.forEach((raw, i) => {
      let tok = raw;
      if (tok === '``' || tok === "''") tok = '"';
      if (tok === '-LRB-') tok = '(';
      if (tok === '-RRB-') tok = ')';
      let space = !glue && !NO_SPACE_BEFORE.test(tok);
      if (tok === '"') {
        if (quoteOpen) space = false;
        quoteOpen = !quoteOpen;
      }
      if (space) text += ' ';
      const start = text.length;
      text += tok;
      glue = NO_SPACE_AFTER.test(tok) || (tok === '"' && quoteOpen);
      const tag = s.tags[i]!;
      const [bio, type] = tag === 'O' ? ['O', ''] : [tag.slice(0, 1), tag.slice(2)];
      if (bio === 'B' || (bio === 'I' && (!open || open.type !== type))) {
        close();
        open = { start, end: text.length, type };
      } else if (bio === 'I' && open) open.end = text.length;
      else close();
    });
    close();
  }
  return { name, text, gold };
}

export function readConllFile(file: string): NerDoc[] {
  return parseLines(readFileSync(file, 'utf8'), file).map((d) => buildDoc(d.name, d.sentences));
}

/** The files a `--data` path stands for: the file itself, or the test files of a gold-set folder. */
export function conllFiles(data: string): string[] {
  const st = statSync(data);
  if (st.isFile()) return [data];
  const names = readdirSync(data).sort();
  for (const preferred of ['test.txt', 'onto.test.news.bio']) if (names.includes(preferred)) return [path.join(data, preferred)];
  const files = names.filter((n) => /\.(tsv|conll|bio|ner|txt)$/.test(n) && !/^README|LICENSE/i.test(n)).map((n) => path.join(data, n));
  if (!files.length) throw new Error(`${data}: no CoNLL files (test.txt, *.tsv, *.conll, *.bio, *.ner) found`);
  return files;
}

export interface PRF {
  tp: number;
  fp: number;
  fn: number;
  p: number;
  r: number;
  f1: number;
}

function prf(tp: number, fp: number, fn: number): PRF {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return { tp, fp, fn, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** Exact span + type micro scores per type and over PER/ORG/LOC (conlleval style; MISC apart). */
export function scoreNer(pairs: { gold: NerSpan[]; system: NerSpan[] }[]): Record<NerType | 'ALL', PRF> {
  const types: NerType[] = ['PER', 'ORG', 'LOC', 'MISC'];
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  for (const t of [...types, 'ALL']) counts.set(t, { tp: 0, fp: 0, fn: 0 });
  for (const { gold, system } of pairs) {
    const key = (s: NerSpan) => `${s.start}:${s.end}:${s.type}`;
    const goldKeys = new Set(gold.map(key));
    const sysKeys = new Set(system.map(key));
    for (const s of system) {
      const hit = goldKeys.has(key(s));
      for (const bucket of s.type === 'MISC' ? ['MISC'] : [s.type, 'ALL']) counts.get(bucket)![hit ? 'tp' : 'fp']++;
    }
    for (const g of gold) if (!sysKeys.has(key(g))) for (const bucket of g.type === 'MISC' ? ['MISC'] : [g.type, 'ALL']) counts.get(bucket)!.fn++;
  }
  const out = {} as Record<NerType | 'ALL', PRF>;
  for (const [t, c] of counts) out[t as NerType | 'ALL'] = prf(c.tp, c.fp, c.fn);
  return out;
}

/**
 * TimeML reading and writing for `summitry eval timex` (TempEval-3 Task A).
 *
 * - `parseTimeML` reads one TimeML document (`.tml` gold or `.TE3input` system input):
 *   the DCT (the `functionInDocument="CREATION_TIME"` TIMEX3 inside `<DCT>`), the `<TEXT>`
 *   content with every tag stripped and XML entities decoded, and the TIMEX3 spans inside
 *   `<TEXT>` as character offsets (JavaScript string indices) into that stripped text.
 * - `readTimeMLDir` reads a folder of them (recursively).
 * - `readMeantimeTimexJsonl` reads the derived MEANTIME `timex3.jsonl` (see
 *   `shared/data/temporal/meantime-timex/README.md`) into the same shape.
 * - `writeTimeML` writes a system's timexes back in the TempEval-3 output form
 *   (DCT + the same `<TEXT>` with inline TIMEX3 tags).
 *
 * The parser is a small tolerant scanner, not a validating XML parser: it needs only
 * tags, attributes, entities, comments, CDATA and processing instructions. The text is
 * kept exactly as in the file apart from tag removal and entity decoding (no newline
 * normalisation: TBAQ has lone `\r` characters inside `<TEXT>`, kept as they are, so
 * offsets stay one-to-one with what a system is given).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep, basename } from 'node:path';
import type { SystemTimex } from './timex-score.js';

export interface GoldTimex {
  start: number;
  end: number;
  text: string;
  type: string;
  value: string;
  mod?: string;
  tid?: string;
}

export interface TimeMLDoc {
  name: string;
  /** YYYY-MM-DD, from the CREATION_TIME timex; null when the document has none. */
  dct: string | null;
  /** `<TEXT>` content with all tags stripped and entities decoded. */
  text: string;
  /** TIMEX3s inside `<TEXT>` (never the DCT), sorted by start then end. */
  gold: GoldTimex[];
  /** The `<TEXT>` inner content exactly as in the file, tags included (MEANTIME JSONL: the escaped text). */
  rawText: string;
}

// ---------------------------------------------------------------------------
// entities and attributes

const ENTITY_RE = /&(?:#[xX]([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five predefined XML entities and numeric references; anything else stays. */
export function decodeXmlEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY_RE, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name !== undefined) return NAMED[name] ?? whole;
    const code = hex !== undefined ? parseInt(hex, 16) : parseInt(dec ?? '', 10);
    if (!Number.isFinite(code) || code < 0 || code > 0x10ffff) return whole;
    try {
      return String.fromCodePoint(code);
    } catch {
      return whole;
    }
  });
}

/** Escapes text content (`&`, `<`, `>`). */
export function escapeXmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes a double-quoted attribute value. */
export function escapeXmlAttr(s: string): string {
  return escapeXmlText(s).replace(/"/g, '&quot;');
}

const ATTR_RE = /([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function parseAttrs(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(ATTR_RE)) {
    const key = m[1];
    if (key === undefined) continue;
    out[key] = decodeXmlEntities(m[2] ?? m[3] ?? '');
  }
  return out;
}

// ---------------------------------------------------------------------------
// markup stripping

interface Element {
  name: string;
  attrs: Record<string, string>;
  /** offsets into the stripped text */
  start: number;
  end: number;
}

interface Stripped {
  text: string;
  elements: Element[];
}

const TAG_START_RE = /[A-Za-z_:/!?]/;

/**
 * Removes markup from an XML fragment, decoding entities in the text between tags, and
 * records every element's extent in the resulting text. Unclosed elements end at the end
 * of the fragment; stray close tags are ignored; a `<` that does not start a tag is text.
 */
function stripMarkup(raw: string): Stripped {
  let text = '';
  const elements: Element[] = [];
  const stack: Element[] = [];
  let i = 0;
  const n = raw.length;
  while (i < n) {
    const lt = raw.indexOf('<', i);
    if (lt < 0) {
      text += decodeXmlEntities(raw.slice(i));
      break;
    }
    if (lt > i) text += decodeXmlEntities(raw.slice(i, lt));
    const next = raw.charAt(lt + 1);
    if (!TAG_START_RE.test(next)) {
      // a literal '<' (malformed XML): keep it as text
      text += '<';
      i = lt + 1;
      continue;
    }
    if (raw.startsWith('<!--', lt)) {
      const close = raw.indexOf('-->', lt + 4);
      i = close < 0 ? n : close + 3;
      continue;
    }
    if (raw.startsWith('<![CDATA[', lt)) {
      const close = raw.indexOf(']]>', lt + 9);
      text += raw.slice(lt + 9, close < 0 ? n : close);
      i = close < 0 ? n : close + 3;
      continue;
    }
    if (next === '?') {
      const close = raw.indexOf('?>', lt + 2);
      i = close < 0 ? n : close + 2;
      continue;
    }
    const gt = findTagEnd(raw, lt + 1);
    const body = raw.slice(lt + 1, gt < 0 ? n : gt);
    i = gt < 0 ? n : gt + 1;
    if (next === '!') continue; // <!DOCTYPE …> and friends
    if (next === '/') {
      const name = body.slice(1).trim();
      for (let k = stack.length - 1; k >= 0; k--) {
        const el = stack[k];
        if (el !== undefined && el.name === name) {
          // close it and anything left open inside it
          for (let j = stack.length - 1; j >= k; j--) {
            const open = stack[j];
            if (open !== undefined) open.end = text.length;
          }
          stack.length = k;
          break;
        }
      }
      continue;
    }
    const selfClosing = body.endsWith('/');
    const inner = selfClosing ? body.slice(0, -1) : body;
    const nameMatch = /^[^\s/>]+/.exec(inner);
    const name = nameMatch ? nameMatch[0] : '';
    const el: Element = { name, attrs: parseAttrs(inner.slice(name.length)), start: text.length, end: text.length };
    elements.push(el);
    if (!selfClosing) stack.push(el);
  }
  for (const el of stack) el.end = text.length;
  return { text, elements };
}

/** Index of the `>` closing a tag that starts at `from`, skipping quoted attribute values. */
function findTagEnd(raw: string, from: number): number {
  let quote = '';
  for (let k = from; k < raw.length; k++) {
    const c = raw.charAt(k);
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return k;
    }
  }
  return -1;
}

/** Inner content of the first `<NAME …>…</NAME>` element, with its offsets in `xml`. */
function elementContent(xml: string, name: string): { content: string; start: number; end: number } | null {
  const open = new RegExp(`<${name}(?:\\s[^>]*)?>`, 'g');
  const m = open.exec(xml);
  if (!m) return null;
  if (m[0].endsWith('/>')) return { content: '', start: m.index + m[0].length, end: m.index + m[0].length };
  const start = m.index + m[0].length;
  const close = xml.indexOf(`</${name}>`, start);
  const end = close < 0 ? xml.length : close;
  return { content: xml.slice(start, end), start, end };
}

// ---------------------------------------------------------------------------
// DCT

/**
 * Normalises a creation-time value to YYYY-MM-DD, or null. Accepts `YYYY-MM-DD…` (any
 * time part is dropped), compact `YYYYMMDD…`, and `DD-MM-YYYY`: MEANTIME doc 120578 has
 * `03-02-2009` for "February 03, 2009" (its README says to read it as 2009-02-03); when
 * the first part is > 12 it must be the day, when the second is > 12 it is read as MM-DD.
 */
export function normaliseDct(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  let y: string | undefined;
  let mo: string | undefined;
  let d: string | undefined;
  let m = /^(\d{4})-(\d{2})-(\d{2})(?![0-9])/.exec(v);
  if (m) [, y, mo, d] = m;
  else if ((m = /^(\d{4})(\d{2})(\d{2})(?![0-9])/.exec(v))) [, y, mo, d] = m;
  else if ((m = /^(\d{2})-(\d{2})-(\d{4})$/.exec(v))) {
    const a = m[1] ?? '';
    const b = m[2] ?? '';
    y = m[3];
    if (Number(b) > 12 && Number(a) <= 12) [mo, d] = [a, b];
    else [d, mo] = [a, b];
  }
  if (y === undefined || mo === undefined || d === undefined) return null;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${y}-${mo}-${d}`;
}

function findDct(xml: string, textSpan: { start: number; end: number } | null): string | null {
  const isCreation = (e: Element) => e.name === 'TIMEX3' && e.attrs['functionInDocument'] === 'CREATION_TIME';
  const dctEl = elementContent(xml, 'DCT');
  if (dctEl) {
    const els = stripMarkup(dctEl.content).elements;
    const t = els.find(isCreation) ?? els.find((e) => e.name === 'TIMEX3');
    if (t) return normaliseDct(t.attrs['value']);
  }
  // no <DCT> element: any CREATION_TIME timex outside <TEXT>
  const outside = textSpan ? xml.slice(0, textSpan.start) + xml.slice(textSpan.end) : xml;
  const t = stripMarkup(outside).elements.find(isCreation);
  return t ? normaliseDct(t.attrs['value']) : null;
}

// ---------------------------------------------------------------------------
// reading

/**
 * Parses one TimeML document. Gold = TIMEX3 elements inside `<TEXT>` with a non-empty
 * extent (empty, non-consuming TIMEX3s have no span to score and are skipped); the DCT
 * timex and any TIMEX3 in TITLE/EXTRAINFO are not gold. A `.TE3input` file (DCT and
 * untagged TEXT) yields `gold: []`. A document without `<TEXT>` has empty text.
 */
export function parseTimeML(xml: string, name: string): TimeMLDoc {
  const textEl = elementContent(xml, 'TEXT');
  const rawText = textEl ? textEl.content : '';
  const { text, elements } = stripMarkup(rawText);
  const gold: GoldTimex[] = [];
  for (const el of elements) {
    if (el.name !== 'TIMEX3' || el.end <= el.start) continue;
    const g: GoldTimex = {
      start: el.start,
      end: el.end,
      text: text.slice(el.start, el.end),
      type: el.attrs['type'] ?? '',
      value: el.attrs['value'] ?? '',
    };
    const mod = el.attrs['mod'];
    if (mod !== undefined && mod !== '') g.mod = mod;
    const tid = el.attrs['tid'];
    if (tid !== undefined) g.tid = tid;
    gold.push(g);
  }
  gold.sort((a, b) => a.start - b.start || a.end - b.end);
  return { name, dct: findDct(xml, textEl), text, gold, rawText };
}

const TIMEML_FILE_RE = /\.(tml|TE3input)$/i;

/**
 * Reads every `*.tml` and `*.TE3input` file under `dir` (recursively), sorted by path.
 * `name` is the path relative to `dir` with `/` separators. `dir` may also be one file.
 */
export function readTimeMLDir(dir: string): TimeMLDoc[] {
  if (statSync(dir).isFile()) return [parseTimeML(readFileSync(dir, 'utf8'), basename(dir))];
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile() && TIMEML_FILE_RE.test(entry.name)) files.push(p);
    }
  };
  walk(dir);
  files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return files.map((f) => parseTimeML(readFileSync(f, 'utf8'), relative(dir, f).split(sep).join('/')));
}

// ---------------------------------------------------------------------------
// MEANTIME JSONL

interface MeantimeRow {
  doc_id: string;
  doc_name?: string;
  corpus?: string;
  dct?: string | null;
  m_id?: string;
  tid?: string;
  sentence: number;
  token_ids: number[];
  text: string;
  sentence_text: string;
  type?: string;
  value?: string;
  mod?: string;
  functionInDocument?: string;
}

function isMeantimeRow(x: unknown): x is MeantimeRow {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as Record<string, unknown>;
  return (
    typeof r['doc_id'] === 'string' &&
    typeof r['sentence'] === 'number' &&
    Array.isArray(r['token_ids']) &&
    (r['token_ids'] as unknown[]).every((t) => typeof t === 'number') &&
    typeof r['text'] === 'string' &&
    typeof r['sentence_text'] === 'string'
  );
}

/** Token positions `p` in `tokens` where `needle` occurs as a token sequence. */
function tokenMatches(tokens: string[], needle: string[]): number[] {
  const out: number[] = [];
  if (needle.length === 0) return out;
  for (let p = 0; p + needle.length <= tokens.length; p++) {
    let ok = true;
    for (let k = 0; k < needle.length && ok; k++) ok = tokens[p + k] === needle[k];
    if (ok) out.push(p);
  }
  return out;
}

/**
 * Reads `meantime-timex/timex3.jsonl` into one TimeMLDoc per MEANTIME document (all 120,
 * in file order; name `corpus/doc_name`).
 *
 * Limitation: the JSONL carries only the sentences that contain a timex (space-joined
 * tokens), not the full article. The reconstructed `text` is those sentences, in sentence
 * order, joined by "\n"; the dateline sentence that holds only the CREATION_TIME timex is
 * left out (it is the DCT, never scored, like TimeML's `<DCT>`), so a document with no
 * in-text timex has empty text. Recall is therefore exact, but precision only counts
 * system timexes in timex-bearing sentences (false positives in the other sentences are
 * not seen). For a full-text run, read the CAT XML in `shared/data/coreference/meantime-en/`.
 *
 * Offsets: token ids are document-global and the JSONL has no sentence start id, so each
 * sentence's first token id is inferred from where its timexes' tokens occur in
 * `sentence_text` (intersecting the candidates of all timexes in the sentence, then the
 * bounds given by neighbouring sentences); this resolves repeated strings such as two
 * "January"s in one sentence. If no consistent start exists, a timex falls back to its
 * first textual occurrence. `dct` comes from the `dct` field (`03-02-2009` in doc 120578
 * is read as 2009-02-03); two documents have no DCT (null). The JSONL has no `mod`.
 * Gold may nest: MEANTIME annotates "from 2009 to 2011" and also "2009" and "2011".
 */
export function readMeantimeTimexJsonl(path: string): TimeMLDoc[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const docs = new Map<string, MeantimeRow[]>();
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch (e) {
      throw new Error(`${path}:${i + 1}: invalid JSON (${(e as Error).message})`);
    }
    if (!isMeantimeRow(row)) throw new Error(`${path}:${i + 1}: not a meantime-timex row`);
    const list = docs.get(row.doc_id);
    if (list) list.push(row);
    else docs.set(row.doc_id, [row]);
  });
  return [...docs.values()].map(meantimeDoc);
}

function meantimeDoc(rows: MeantimeRow[]): TimeMLDoc {
  const first = rows[0] as MeantimeRow;
  const name = first.corpus ? `${first.corpus}/${first.doc_name ?? first.doc_id}` : (first.doc_name ?? first.doc_id);
  const creation = rows.find((r) => r.functionInDocument === 'CREATION_TIME');
  const dct = normaliseDct(rows.find((r) => r.dct)?.dct) ?? normaliseDct(creation?.value);

  const bySentence = new Map<number, MeantimeRow[]>();
  for (const r of rows) {
    if (r.functionInDocument === 'CREATION_TIME') continue;
    const list = bySentence.get(r.sentence);
    if (list) list.push(r);
    else bySentence.set(r.sentence, [r]);
  }
  const sentenceNos = [...bySentence.keys()].sort((a, b) => a - b);
  const sentences = sentenceNos.map((no) => {
    const srows = bySentence.get(no) as MeantimeRow[];
    const stext = (srows[0] as MeantimeRow).sentence_text;
    const tokens = stext.split(' ');
    const tokenStart: number[] = [];
    let c = 0;
    for (const t of tokens) {
      tokenStart.push(c);
      c += t.length + 1;
    }
    // candidate first-token ids of this sentence, from each timex
    let cands: number[] | undefined;
    for (const r of srows) {
      const needle = r.text.split(' ');
      const firstId = r.token_ids[0];
      if (firstId === undefined || needle.length !== r.token_ids.length) continue;
      const here = new Set(tokenMatches(tokens, needle).map((p) => firstId - p));
      cands = cands === undefined ? [...here] : cands.filter((x) => here.has(x));
    }
    return { no, rows: srows, text: stext, tokens, tokenStart, cands: (cands ?? []).sort((a, b) => a - b) };
  });
  // pick one start per sentence, using neighbours' bounds when a sentence is ambiguous
  const chosen: (number | null)[] = sentences.map((s) => (s.cands.length === 1 ? (s.cands[0] as number) : null));
  sentences.forEach((s, k) => {
    if (chosen[k] !== null || s.cands.length === 0) return;
    let lo = -Infinity;
    let hi = Infinity;
    for (let j = k - 1; j >= 0; j--) {
      const cj = chosen[j];
      const sj = sentences[j];
      if (cj !== null && cj !== undefined && sj) {
        lo = cj + sj.tokens.length;
        break;
      }
    }
    for (let j = k + 1; j < sentences.length; j++) {
      const cj = chosen[j];
      if (cj !== null && cj !== undefined) {
        hi = cj - s.tokens.length;
        break;
      }
    }
    const ok = s.cands.filter((x) => x >= lo && x <= hi);
    chosen[k] = ok[0] ?? s.cands[0] ?? null;
  });

  let text = '';
  const gold: GoldTimex[] = [];
  sentences.forEach((s, k) => {
    if (k > 0) text += '\n';
    const base = text.length;
    text += s.text;
    const sentStartId = chosen[k];
    for (const r of s.rows) {
      const needle = r.text.split(' ');
      let p: number | undefined;
      const firstId = r.token_ids[0];
      if (sentStartId !== null && sentStartId !== undefined && firstId !== undefined) {
        const q = firstId - sentStartId;
        if (tokenMatches(s.tokens, needle).includes(q)) p = q;
      }
      let start: number;
      let end: number;
      if (p !== undefined) {
        const last = p + needle.length - 1;
        start = s.tokenStart[p] as number;
        end = (s.tokenStart[last] as number) + (s.tokens[last] as string).length;
      } else {
        const at = s.text.indexOf(r.text);
        if (at < 0) continue; // text not in its sentence: nothing to anchor (not seen in the data)
        start = at;
        end = at + r.text.length;
      }
      const g: GoldTimex = {
        start: base + start,
        end: base + end,
        text: s.text.slice(start, end),
        type: r.type ?? '',
        value: r.value ?? '',
      };
      if (r.mod) g.mod = r.mod;
      const tid = r.tid ?? r.m_id;
      if (tid !== undefined) g.tid = tid;
      gold.push(g);
    }
  });
  gold.sort((a, b) => a.start - b.start || a.end - b.end);
  // there is no source file: rawText is the reconstructed text, XML-escaped, untagged
  return { name, dct, text, gold, rawText: escapeXmlText(text) };
}

// ---------------------------------------------------------------------------
// writing

/**
 * Writes the TempEval-3 system output form: DOCID, DCT (when known) and the document's
 * stripped text, XML-escaped, with the system's TIMEX3 tags inserted at their offsets.
 * Spans are taken in order of start (longer first on ties); a span that overlaps one
 * already kept, is empty, or falls outside the text is skipped. tids are t1..tn in text
 * order (the DCT is t0).
 */
export function writeTimeML(doc: TimeMLDoc, system: SystemTimex[]): string {
  const text = doc.text;
  const sorted = system
    .filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= text.length && s.start < s.end)
    .slice()
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: SystemTimex[] = [];
  let lastEnd = -1;
  for (const s of sorted) {
    if (s.start < lastEnd) continue;
    kept.push(s);
    lastEnd = s.end;
  }
  let body = '';
  let pos = 0;
  kept.forEach((s, i) => {
    body += escapeXmlText(text.slice(pos, s.start));
    const mod = s.mod ? ` mod="${escapeXmlAttr(s.mod)}"` : '';
    body += `<TIMEX3 tid="t${i + 1}" type="${escapeXmlAttr(s.type)}" value="${escapeXmlAttr(s.value)}"${mod}>`;
    body += escapeXmlText(text.slice(s.start, s.end));
    body += '</TIMEX3>';
    pos = s.end;
  });
  body += escapeXmlText(text.slice(pos));

  const docId = basename(doc.name).replace(/\.TE3input$/i, '').replace(/\.tml$/i, '');
  const dct = doc.dct
    ? `<DCT><TIMEX3 tid="t0" type="DATE" value="${escapeXmlAttr(doc.dct)}" temporalFunction="false" functionInDocument="CREATION_TIME">${escapeXmlText(doc.dct)}</TIMEX3></DCT>\n\n`
    : '';
  return (
    '<?xml version="1.0" ?>\n' +
    '<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n\n' +
    `<DOCID>${escapeXmlText(docId)}</DOCID>\n\n` +
    dct +
    `<TEXT>${body}</TEXT>\n\n` +
    '</TimeML>\n'
  );
}

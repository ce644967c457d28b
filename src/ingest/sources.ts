import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { InputProblem, RawArticle } from './article.js';
import { decodeText, normaliseDate } from './decode.js';

export const FORMATS: Record<string, RawArticle['format']> = { '.txt': 'txt', '.md': 'md', '.html': 'html', '.htm': 'html', '.jsonl': 'jsonl' };
const URL_TIMEOUT_MS = 20_000;

/** One thing to read: a file (with the name it is reported under) or a URL. */
export type Source = { kind: 'file'; path: string } | { kind: 'url'; url: string };

// linkedom and Readability load on the first HTML input only.
let html: typeof import('./html.js') | null = null;
async function htmlModule() {
  html ??= await import('./html.js');
  return html;
}

export type Item = { article: RawArticle } | { problem: InputProblem } | { warning: InputProblem };

const isUrl = (s: string) => /^https?:\/\//i.test(s);

/**
 * Expands the inputs into sources: folders recursively (sorted, files of known formats only),
 * files as given, URLs as given. Missing paths and unknown formats are problems.
 */
export async function expandInputs(inputs: string[]): Promise<{ sources: Source[]; problems: InputProblem[] }> {
  const sources: Source[] = [];
  const problems: InputProblem[] = [];
  for (const input of inputs) {
    if (isUrl(input)) {
      sources.push({ kind: 'url', url: input });
      continue;
    }
    let st;
    try {
      st = await stat(input);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      problems.push({ input, reason: code === 'ENOENT' ? 'no such file or folder' : `cannot read (${code ?? (err as Error).message})` });
      continue;
    }
    if (st.isDirectory()) {
      for (const file of await walk(input)) sources.push({ kind: 'file', path: file });
    } else if (FORMATS[path.extname(input).toLowerCase()]) {
      sources.push({ kind: 'file', path: input });
    } else {
      problems.push({ input, reason: `unsupported file type "${path.extname(input) || '(none)'}" (Summitry reads ${Object.keys(FORMATS).join(', ')})` });
    }
  }
  return { sources, problems };
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (e.isFile() && FORMATS[path.extname(e.name).toLowerCase()]) out.push(p);
  }
  return out;
}

export function sourceName(s: Source): string {
  return s.kind === 'file' ? s.path : s.url;
}

/** Reads one source into articles, problems and warnings. Never throws for bad input. */
export async function* readSource(s: Source): AsyncGenerator<Item> {
  if (s.kind === 'url') {
    yield* readUrl(s.url);
    return;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(s.path);
  } catch (err) {
    yield { problem: { input: s.path, reason: `cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` } };
    return;
  }
  const format = FORMATS[path.extname(s.path).toLowerCase()]!;
  yield* fromBytes(s.path, format, bytes, null);
}

type Extract = (typeof import('./html.js'))['extractHtmlArticle'];

async function* fromBytes(input: string, format: RawArticle['format'], bytes: Uint8Array, url: string | null): AsyncGenerator<Item> {
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    yield { problem: { input, reason: decoded.reason } };
    return;
  }
  const needsHtml = format === 'html' || (format === 'jsonl' && decoded.text.includes('"html"'));
  const extract: Extract | null = needsHtml ? (await htmlModule()).extractHtmlArticle : null;
  if (format === 'jsonl') yield* fromJsonl(input, decoded.text, extract);
  else if (format === 'html') yield fromHtml(input, decoded.text, url, extract!);
  else yield { article: { source: input, format, text: decoded.text, title: null, publisher: null, url, published: null } };
}

function fromHtml(input: string, html: string, url: string | null, extractHtmlArticle: Extract): Item {
  const a = extractHtmlArticle(html, url ?? undefined);
  if (!a) return { problem: { input, reason: 'no article text found in the HTML' } };
  return { article: { source: input, format: 'html', text: a.text, title: a.title, publisher: a.publisher, url, published: a.published } };
}

function* fromJsonl(input: string, text: string, extractHtmlArticle: Extract | null): Generator<Item> {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const at = `${input}:${i + 1}`;
    let rec: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(line);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not a JSON object');
      rec = parsed as Record<string, unknown>;
    } catch (err) {
      yield { problem: { input: at, reason: `broken JSONL line (${(err as Error).message})` } };
      continue;
    }
    const str = (k: string) => (typeof rec[k] === 'string' && (rec[k] as string).trim() ? (rec[k] as string) : null);
    let published = null;
    if (rec.published !== undefined && rec.published !== null) {
      published = normaliseDate(rec.published);
      if (!published) yield { warning: { input: at, reason: `"published" is not a date (${JSON.stringify(rec.published)}); ignored` } };
    }
    const base = { source: at, url: str('url'), title: str('title'), publisher: str('publisher') };
    const body = str('text');
    const html = str('html');
    if (body) {
      yield { article: { ...base, format: 'jsonl', text: body, published } };
    } else if (html && extractHtmlArticle) {
      const a = extractHtmlArticle(html, base.url ?? undefined);
      if (!a) yield { problem: { input: at, reason: 'no article text found in the "html" field' } };
      else yield { article: { ...base, format: 'jsonl', text: a.text, title: base.title ?? a.title, publisher: base.publisher ?? a.publisher, published: published ?? a.published } };
    } else {
      yield { problem: { input: at, reason: 'a JSONL article needs a non-empty "text" or "html" field' } };
    }
  }
}

async function* readUrl(url: string): AsyncGenerator<Item> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(URL_TIMEOUT_MS), redirect: 'follow' });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    const why = e.name === 'TimeoutError' ? `no answer within ${URL_TIMEOUT_MS / 1000} s` : (e.cause?.code ?? e.cause?.message ?? e.message);
    yield { problem: { input: url, reason: `fetch failed (${why})` } };
    return;
  }
  if (!res.ok) {
    yield { problem: { input: url, reason: `fetch failed (HTTP ${res.status} ${res.statusText})` } };
    return;
  }
  const bytes = new Uint8Array(await res.arrayBuffer());
  const type = res.headers.get('content-type') ?? '';
  const ext = path.extname(new URL(url).pathname).toLowerCase();
  const format: RawArticle['format'] = /html/i.test(type) ? 'html' : FORMATS[ext] ?? (/text\/plain/i.test(type) ? 'txt' : 'html');
  yield* fromBytes(url, format, bytes, url);
}

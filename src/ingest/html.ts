/**
 * HTML article extraction.
 *
 * Parses a page with linkedom, runs Mozilla Readability on it to locate the
 * article, then rebuilds the article text block by block (paragraphs,
 * headings, list items, quotes, table cells…) from Readability's content HTML.
 * When Readability finds nothing usable, falls back to the blocks of the
 * page's <article>, <main> or <body> with navigation chrome removed.
 *
 * Never throws: any input that does not yield at least
 * {@link MIN_ARTICLE_CHARS} non-space characters of text returns null.
 */
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';

export interface HtmlArticle {
  /** Article text, one block per paragraph/heading/item, blocks joined by "\n\n". */
  text: string;
  title: string | null;
  /** og:site_name, or application-name, or null. */
  publisher: string | null;
  /** YYYY-MM-DD from metadata, or null. */
  published: string | null;
  /** Number of text blocks in `text`. */
  blocks: number;
}

/** Minimum number of non-whitespace characters for a result to count as an article. */
const MIN_ARTICLE_CHARS = 40;

// ---------------------------------------------------------------------------
// Minimal structural DOM typings. The project compiles without the DOM lib, so
// linkedom's and Readability's `Document`/`Window` types are unresolved (any);
// these local interfaces describe exactly what this module touches.

interface DomNode {
  readonly nodeType: number;
  readonly childNodes: ArrayLike<DomNode>;
  readonly textContent: string | null;
}

interface DomText extends DomNode {
  readonly data: string;
}

interface DomElement extends DomNode {
  readonly localName: string;
  readonly tagName: string;
  readonly firstElementChild: DomElement | null;
  readonly nextElementSibling: DomElement | null;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  getElementsByTagName(name: string): ArrayLike<DomElement>;
  closest(selector: string): DomElement | null;
  remove(): void;
}

interface DomDocument {
  readonly documentElement: DomElement | null;
  readonly body: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  getElementsByTagName(name: string): ArrayLike<DomElement>;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

// ---------------------------------------------------------------------------
// Public entry point.

export function extractHtmlArticle(html: string, url?: string): HtmlArticle | null {
  try {
    return extract(html, url);
  } catch {
    // Any failure inside linkedom/Readability on hostile input means "no article".
    return null;
  }
}

function extract(html: string, url: string | undefined): HtmlArticle | null {
  if (typeof html !== 'string' || html.length === 0 || looksBinary(html)) return null;

  const parsed = parseDocument(html);
  if (!parsed) return null;
  const { doc, source } = parsed;

  // Collect everything we need from the pristine document first: Readability
  // mutates the document it is given (it strips scripts, including JSON-LD).
  const meta = collectMeta(doc);
  const publisher = meta.get('og:site_name') ?? meta.get('application-name') ?? null;
  const fallbackTitle =
    meta.get('og:title') ?? cleanLine(firstText(doc, 'title')) ?? cleanLine(firstText(doc, 'h1'));
  let published = metadataDate(doc, meta);
  const pageTimeDate = published === null ? pageArticleTimeDate(doc) : null;

  if (url) setDocumentUri(doc, url);

  let title: string | null = null;
  let blocks: string[] | null = null;

  // Page chrome is never article text, but a page made of little else can
  // lead Readability to return a menu or a login form as "the article".
  stripChrome(doc);

  // Readability's conditional cleaning is quadratic in nesting depth; very
  // deep documents (never seen on real pages, easy to build by accident or
  // malice) go straight to the linear fallback.
  const article = exceedsDepth(doc.body, MAX_READABILITY_DEPTH) ? null : runReadability(doc);
  if (article) {
    title = cleanLine(article.title ?? null);
    if (typeof article.content === 'string' && article.content.length > 0) {
      const contentDoc = parseFragment(article.content);
      if (contentDoc?.body) {
        const candidate = collectBlocks(contentDoc.body);
        if (isArticleText(candidate, contentDoc.body)) {
          blocks = candidate;
          if (published === null) published = timeDate(contentDoc.body);
        }
      }
    }
  }

  if (blocks === null) {
    blocks = fallbackBlocks(source);
    if (blocks === null) return null;
  }

  if (published === null) published = pageTimeDate;

  return {
    text: blocks.join('\n\n'),
    title: title ?? fallbackTitle,
    publisher,
    published,
    blocks: blocks.length,
  };
}

// ---------------------------------------------------------------------------
// Parsing.

/**
 * Share of control characters / U+FFFD above which the input is treated as
 * binary junk rather than markup (real pages contain almost none).
 */
const BINARY_RATIO = 0.1;

function looksBinary(s: string): boolean {
  const sample = s.length > 65536 ? s.slice(0, 65536) : s;
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || (c >= 0x7f && c <= 0x9f) || c === 0xfffd) {
      bad++;
    }
  }
  return bad > 8 && bad / sample.length > BINARY_RATIO;
}

function parseRaw(html: string): DomDocument | null {
  const win = parseHTML(html) as { document?: DomDocument } | null | undefined;
  return win?.document ?? null;
}

/** True when linkedom's head/body getters will find <html><head/><body/></html>. */
function wellFormed(doc: DomDocument | null): doc is DomDocument {
  const root = doc?.documentElement;
  if (!root || root.localName !== 'html') return false;
  const head = root.firstElementChild;
  if (!head || head.localName !== 'head') return false;
  const body = head.nextElementSibling;
  return body !== null && body.localName === 'body';
}

/**
 * Parse a page. linkedom does not run the HTML5 tree-construction algorithm,
 * so documents with omitted <html>/<head>/<body> tags (or stray elements
 * between </head> and <body>) come out without a usable body. Those are
 * rebuilt textually into a canonical skeleton and parsed again.
 * Returns the document plus the markup it was parsed from (for re-parsing).
 */
function parseDocument(html: string): { doc: DomDocument; source: string } | null {
  const first = parseRaw(html);
  if (wellFormed(first)) return { doc: first, source: html };
  const source = canonicalSkeleton(html);
  const doc = parseRaw(source);
  return doc && doc.documentElement ? { doc, source } : null;
}

function parseFragment(fragment: string): DomDocument | null {
  return parseRaw(`<!DOCTYPE html><html><head></head><body>${fragment}</body></html>`);
}

// All quantifiers on attribute runs are bounded so that malformed input with
// many unterminated tags cannot trigger quadratic backtracking.
const RE_PROLOG = /<\?xml[^>]{0,500}>|<!doctype[^>]{0,500}>/gi;
const RE_HTML_TAG = /<\/?html(?:\s[^>]{0,4000})?>/gi;
const RE_HEAD_OPEN = /<head(?:\s[^>]{0,4000})?>/i;
const RE_HEAD_CLOSE = /<\/head\s*>/i;
const RE_HEAD_TAGS = /<\/?head(?:\s[^>]{0,4000})?>/gi;
const RE_BODY_OPEN = /<body(?:\s[^>]{0,4000})?>/i;
const RE_BODY_TAGS = /<\/?body(?:\s[^>]{0,4000})?>/gi;
/** Leading head-only content of a document that omits <head>. */
const RE_HEADISH =
  /\s+|<!--[\s\S]*?-->|<(?:meta|link|base)\b[^>]{0,4000}>|<title\b[^>]{0,4000}>[\s\S]*?<\/title\s*>|<(script|style)\b[^>]{0,4000}>[\s\S]*?<\/\1\s*>/iy;

function canonicalSkeleton(html: string): string {
  let s = html.replace(RE_PROLOG, '').replace(RE_HTML_TAG, '');
  let head = '';

  const ho = RE_HEAD_OPEN.exec(s);
  if (ho) {
    const afterOpen = ho.index + ho[0].length;
    const hc = RE_HEAD_CLOSE.exec(s.slice(afterOpen));
    const bo = RE_BODY_OPEN.exec(s);
    let headEnd: number;
    let resume: number;
    if (hc) {
      headEnd = afterOpen + hc.index;
      resume = headEnd + hc[0].length;
    } else if (bo && bo.index > afterOpen) {
      headEnd = resume = bo.index;
    } else {
      headEnd = resume = afterOpen;
    }
    head = s.slice(afterOpen, headEnd);
    s = s.slice(0, ho.index) + s.slice(resume);
  }

  let body: string;
  const bo = RE_BODY_OPEN.exec(s);
  if (bo) {
    // Anything between the head and <body> is moved to the head (it is usually
    // scripts or tracking markup); anything after </body> stays in the body.
    head += s.slice(0, bo.index);
    body = s.slice(bo.index + bo[0].length);
  } else {
    // No <body>: peel off leading head-only elements, the rest is the body.
    let pos = 0;
    for (;;) {
      RE_HEADISH.lastIndex = pos;
      const m = RE_HEADISH.exec(s);
      if (!m || m[0].length === 0) break;
      pos += m[0].length;
    }
    head += s.slice(0, pos);
    body = s.slice(pos);
  }
  body = body.replace(RE_BODY_TAGS, '');
  head = head.replace(RE_HEAD_TAGS, '').replace(RE_BODY_TAGS, '');
  return `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;
}

function setDocumentUri(doc: DomDocument, url: string): void {
  let documentUri: string;
  try {
    documentUri = new URL(url).href;
  } catch {
    return;
  }
  let baseUri = documentUri;
  const baseHref = doc.querySelector('base[href]')?.getAttribute('href');
  if (baseHref) {
    try {
      baseUri = new URL(baseHref, documentUri).href;
    } catch {
      // keep the document URI
    }
  }
  // linkedom has no documentURI and derives baseURI from <base>/location;
  // Readability reads both to absolutise links in the article content.
  Object.defineProperty(doc, 'documentURI', { value: documentUri, configurable: true });
  Object.defineProperty(doc, 'baseURI', { value: baseUri, configurable: true });
}

interface ReadabilityResult {
  title?: string | null;
  content?: string | null;
}

function runReadability(doc: DomDocument): ReadabilityResult | null {
  try {
    return new Readability(doc).parse();
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------
// Block-by-block text building.

/** Elements whose content never becomes text. */
const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link',
  'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio',
  'select', 'option', 'datalist', 'textarea', 'button', 'input',
]);

/** Elements that start and end a text block. */
const BLOCK_TAGS = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dt', 'dd', 'blockquote', 'pre',
  'figcaption', 'figure', 'caption', 'td', 'th', 'tr', 'table', 'thead', 'tbody', 'tfoot',
  'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'ul', 'ol', 'dl',
  'address', 'details', 'summary', 'hr', 'form', 'fieldset', 'legend', 'body', 'center',
  'hgroup', 'menu', 'picture',
]);

/** HTML (ASCII) whitespace only; non-breaking spaces inside a block are kept. */
const RE_HTML_SPACE = /[ \t\n\r\f]+/g;

function finishBlock(parts: string[]): string {
  return parts.join('').replace(RE_HTML_SPACE, ' ').trim();
}

const EXIT = Symbol('exit-block');

/**
 * Walk `root` in document order and return its text as blocks. Block elements
 * close the current block on entry and exit (so a div's direct text becomes
 * its own block); a single <br> is a line break inside a block (collapsed to a
 * space), two or more consecutive <br>s end the block. Iterative, so deeply
 * nested junk cannot overflow the stack; linear in the number of nodes.
 */
function collectBlocks(root: DomElement): string[] {
  const blocks: string[] = [];
  let parts: string[] = [];
  let brRun = 0;
  const flush = (): void => {
    brRun = 0;
    if (parts.length === 0) return;
    const block = finishBlock(parts);
    parts = [];
    if (block.length > 0) blocks.push(block);
  };

  const stack: Array<DomNode | typeof EXIT> = [];
  pushChildren(stack, root);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === EXIT) {
      flush();
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      const data = (node as DomText).data;
      if (data) {
        parts.push(data);
        if (brRun > 0 && /[^ \t\n\r\f]/.test(data)) brRun = 0;
      }
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue; // comments, CDATA, PIs
    const el = node as DomElement;
    const tag = el.localName.toLowerCase();
    if (SKIP_TAGS.has(tag) || el.hasAttribute('hidden')) continue;
    if (tag === 'br') {
      if (brRun === 0) {
        parts.push(' ');
        brRun = 1;
      } else {
        flush();
        brRun = 2;
      }
      continue;
    }
    if (BLOCK_TAGS.has(tag)) {
      flush();
      stack.push(EXIT);
    }
    pushChildren(stack, el);
  }
  flush();
  return blocks;
}

function pushChildren(stack: Array<DomNode | typeof EXIT>, el: DomNode): void {
  const kids = el.childNodes;
  for (let i = kids.length - 1; i >= 0; i--) {
    const kid = kids[i];
    if (kid) stack.push(kid);
  }
}

function nonSpaceLength(blocks: readonly string[]): number {
  let n = 0;
  for (const b of blocks) n += b.replace(/\s+/g, '').length;
  return n;
}

// ---------------------------------------------------------------------------
// Fallback: <article>, <main> or <body> with chrome removed.

const CHROME_SELECTOR = [
  'nav', 'header', 'footer', 'aside', 'form',
  '[role="navigation"]', '[role="banner"]', '[role="contentinfo"]', '[role="complementary"]', '[role="search"]',
].join(',');

function fallbackBlocks(source: string): string[] | null {
  // Readability has mutated the first document; start from a fresh parse.
  const doc = parseRaw(source);
  if (!doc?.documentElement) return null;

  for (const el of Array.from(doc.querySelectorAll(CHROME_SELECTOR))) {
    if (!isContentForm(el)) el.remove();
  }

  const roots: DomElement[] = [];
  const articles = Array.from(doc.getElementsByTagName('article'));
  // Largest <article> first: pages often also use <article> for teaser cards.
  articles.sort((a, b) => (b.textContent?.length ?? 0) - (a.textContent?.length ?? 0));
  roots.push(...articles.slice(0, 3));
  const main = doc.getElementsByTagName('main')[0];
  if (main) roots.push(main);
  if (doc.body) roots.push(doc.body);

  for (const root of roots) {
    const blocks = collectBlocks(root);
    if (isArticleText(blocks, root)) return blocks;
  }
  return null;
}

/**
 * Before Readability: drop navigation everywhere, and headers, footers,
 * sidebars and forms that sit outside any <article>/<main> (inside one they
 * may hold the headline or a pull quote; Readability judges those itself).
 */
function stripChrome(doc: DomDocument): void {
  for (const el of Array.from(doc.querySelectorAll(CHROME_SELECTOR))) {
    if (el.localName === 'nav' || el.getAttribute('role') === 'navigation') {
      el.remove();
    } else if (!el.closest('article, main') && !isContentForm(el)) {
      el.remove();
    }
  }
}

/** Some CMSs (ASP.NET WebForms) wrap the whole page in one <form>. */
function isContentForm(el: DomElement): boolean {
  return el.localName === 'form' && el.querySelector('p, article, main') !== null;
}

const MAX_READABILITY_DEPTH = 100;

/** True when an element under `root` is nested more than `limit` levels deep. */
function exceedsDepth(root: DomElement | null, limit: number): boolean {
  if (!root) return false;
  const stack: Array<[DomElement, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [el, depth] = stack.pop()!;
    if (depth > limit) return true;
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
      stack.push([child, depth + 1]);
    }
  }
  return false;
}

/** Share of link text above which a block set is a link list, not prose. */
const MAX_LINK_DENSITY = 0.8;

/**
 * Enough non-space characters, and not essentially a list of links (menus,
 * tag clouds, "related stories" lists left on an otherwise empty page).
 */
function isArticleText(blocks: readonly string[], root: DomElement): boolean {
  const total = nonSpaceLength(blocks);
  if (total < MIN_ARTICLE_CHARS) return false;
  let linked = 0;
  const links = root.getElementsByTagName('a');
  for (let i = 0; i < links.length; i++) {
    linked += (links[i]?.textContent ?? '').replace(/\s+/g, '').length;
  }
  return linked / total <= MAX_LINK_DENSITY;
}

// ---------------------------------------------------------------------------
// Metadata.

/**
 * First non-empty `content` of each <meta>, keyed by its lower-cased
 * `property`, `name` and `itemprop` attributes.
 */
function collectMeta(doc: DomDocument): Map<string, string> {
  const out = new Map<string, string>();
  const metas = doc.getElementsByTagName('meta');
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i];
    if (!m) continue;
    const content = cleanLine(m.getAttribute('content'));
    if (content === null) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = m.getAttribute(attr)?.trim().toLowerCase();
      if (key && !out.has(key)) out.set(key, content);
    }
  }
  return out;
}

function firstText(doc: DomDocument, tag: string): string | null {
  return doc.getElementsByTagName(tag)[0]?.textContent ?? null;
}

/** Collapse whitespace and trim; empty → null. */
function cleanLine(s: string | null | undefined): string | null {
  if (typeof s !== 'string') return null;
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 0 ? t : null;
}

/** Published date from meta tags and JSON-LD, in priority order. */
function metadataDate(doc: DomDocument, meta: Map<string, string>): string | null {
  const ordered: Array<() => string | null | undefined> = [
    () => meta.get('article:published_time'),
    () => meta.get('og:published_time'),
    () => jsonLdDatePublished(doc),
    () => meta.get('date'),
    () => meta.get('pubdate'),
    () => meta.get('datepublished'),
  ];
  for (const get of ordered) {
    const date = normaliseDate(get());
    if (date) return date;
  }
  return null;
}

/** Candidates from every JSON-LD block, in document order; first valid one wins. */
function jsonLdDatePublished(doc: DomDocument): string | null {
  const scripts = doc.getElementsByTagName('script');
  for (let i = 0; i < scripts.length; i++) {
    const script = scripts[i];
    const type = script?.getAttribute('type')?.trim().toLowerCase() ?? '';
    if (!script || !type.startsWith('application/ld+json')) continue;
    const data = parseJsonLoose(script.textContent ?? '');
    if (data === undefined) continue;
    const found = findDatePublished(data);
    if (found && normaliseDate(found)) return found;
  }
  return null;
}

function parseJsonLoose(raw: string): unknown {
  const text = raw
    .trim()
    .replace(/^<!\[CDATA\[|\]\]>$/g, '')
    .replace(/^<!--|-->$/g, '')
    .trim()
    .replace(/;+$/, '');
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Breadth-first search for `datePublished`, bounded in nodes visited. */
function findDatePublished(root: unknown): string | null {
  const queue: unknown[] = [root];
  for (let head = 0, budget = 5000; head < queue.length && budget > 0; head++, budget--) {
    const v = queue[head];
    if (Array.isArray(v)) {
      for (const item of v) queue.push(item);
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    const obj = v as Record<string, unknown>;
    const dp = jsonLdString(obj['datePublished']);
    if (dp && normaliseDate(dp)) return dp;
    for (const value of Object.values(obj)) {
      if (value !== null && typeof value === 'object') queue.push(value);
    }
  }
  return null;
}

function jsonLdString(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return jsonLdString(v[0]);
  if (v !== null && typeof v === 'object') return jsonLdString((v as Record<string, unknown>)['@value']);
  return null;
}

/** First valid <time datetime> inside `root`. */
function timeDate(root: DomElement): string | null {
  const times = root.querySelectorAll('time[datetime]');
  for (let i = 0; i < times.length; i++) {
    const date = normaliseDate(times[i]?.getAttribute('datetime'));
    if (date) return date;
  }
  return null;
}

/**
 * <time datetime> inside the page's article element (largest <article>, or
 * <main>), read from the original document before Readability mutates it.
 */
function pageArticleTimeDate(doc: DomDocument): string | null {
  let best: DomElement | null = null;
  let bestLen = -1;
  const articles = doc.getElementsByTagName('article');
  for (let i = 0; i < articles.length; i++) {
    const a = articles[i];
    const len = a?.textContent?.length ?? 0;
    if (a && len > bestLen) {
      best = a;
      bestLen = len;
    }
  }
  best ??= doc.getElementsByTagName('main')[0] ?? null;
  return best ? timeDate(best) : null;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

const RE_ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])/;
const RE_SLASH_DATE = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:$|[T\s])/;
const RE_COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})(?:$|T)/;
const RE_DAY_MONTH_YEAR = /^(?:[a-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})\b/i;
const RE_MONTH_DAY_YEAR = /^(?:[a-z]+,?\s+)?([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/i;

/**
 * Normalise a metadata date to YYYY-MM-DD. ISO timestamps keep their own
 * calendar date (the date part is taken as written, with no timezone
 * conversion). Also accepts YYYY/MM/DD, YYYYMMDD, "5 March 2024" and
 * "March 5, 2024" (optionally with a leading weekday). Anything else, or an
 * impossible date, or a year outside 1900–2100, gives null.
 */
function normaliseDate(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const s = value.trim();
  if (!s) return null;
  let m = RE_ISO_DATE.exec(s) ?? RE_SLASH_DATE.exec(s) ?? RE_COMPACT_DATE.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = RE_DAY_MONTH_YEAR.exec(s);
  if (m) return ymd(Number(m[3]), monthNumber(m[2]), Number(m[1]));
  m = RE_MONTH_DAY_YEAR.exec(s);
  if (m) return ymd(Number(m[3]), monthNumber(m[1]), Number(m[2]));
  return null;
}

function monthNumber(name: string | undefined): number {
  if (!name) return 0;
  const key = name.toLowerCase();
  const exact = MONTHS[key.slice(0, key.startsWith('sept') ? 4 : 3)];
  if (!exact) return 0;
  // Reject words that merely start like a month ("marching", "mayor").
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'][exact - 1]!;
  return full.startsWith(key) ? exact : 0;
}

function ymd(year: number, month: number, day: number): string | null {
  if (!(year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 1)) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

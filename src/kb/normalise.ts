/**
 * Name keys for matching: "Kim Jong-il", "Kim Jong Il", "KIM JONG IL" and "Kim Jong’il" all
 * become "kim jong il"; a possessive ’s, line breaks, dots and diacritics are dropped.
 */
const memo = new Map<string, string>();

export function nameKey(text: string): string {
  let key = memo.get(text);
  if (key === undefined) {
    key = computeKey(text);
    if (memo.size > 50_000) memo.clear();
    memo.set(text, key);
  }
  return key;
}

function computeKey(text: string): string {
  // NFKD is costly: only strings with non-ASCII letters need it.
  const folded = /[^\x00-\x7f]/.test(text) ? text.normalize('NFKD') : text;
  return folded
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/'s?$/u, '')
    .replace(/^the\s+/u, '')
    .replace(/[-‐‑–'_.]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The key without spaces: "Kim Jongil" meets "Kim Jong-il". */
export function compactKey(text: string): string {
  return nameInfo(text).compact;
}

export interface NameInfo {
  key: string;
  compact: string;
  tokens: string[];
}

const infoMemo = new Map<string, NameInfo>();

/** Key, compact key and key tokens of a name, memoised (the resolver asks for every name). */
export function nameInfo(text: string): NameInfo {
  let info = infoMemo.get(text);
  if (!info) {
    const key = nameKey(text);
    info = { key, compact: key.replace(/ /g, ''), tokens: key.split(' ') };
    if (infoMemo.size > 50_000) infoMemo.clear();
    infoMemo.set(text, info);
  }
  return info;
}

/** A stable id from a name: "Sergei Darkin" -> "sergei-darkin". */
export function slug(text: string): string {
  return nameKey(text).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/** The name as a reader wants it: line breaks and curly quotes folded, possessive dropped. */
export function cleanName(text: string): string {
  // Nothing to fold unless a white-space character other than a plain space, or a quote, occurs.
  if (!/[^\S ]|[’‘']/.test(text)) return text;
  return text
    .replace(/\s+/g, ' ')
    .replace(/[’‘]/g, "'")
    .replace(/'s?$/u, '')
    .trim();
}

/**
 * Name keys for matching: "Kim Jong-il", "Kim Jong Il", "KIM JONG IL" and "Kim Jong’il" all
 * become "kim jong il"; a possessive ’s, line breaks, dots and diacritics are dropped.
 */
export function nameKey(text: string): string {
  return text
    .normalize('NFKD')
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
  return nameKey(text).replace(/ /g, '');
}

/** A stable id from a name: "Sergei Darkin" -> "sergei-darkin". */
export function slug(text: string): string {
  return nameKey(text).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/** The name as a reader wants it: line breaks and curly quotes folded, possessive dropped. */
export function cleanName(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[’‘]/g, "'")
    .replace(/'s?$/u, '')
    .trim();
}

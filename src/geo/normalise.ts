/**
 * The key under which a place name is looked up: lower case, no diacritics, curly quotes
 * straightened, dots dropped, "Saint"/"Mount"/"Fort" abbreviated, a possessive and "the"
 * removed, spaces and hyphens collapsed. "St. Petersburg", "Saint-Petersburg" and
 * "st petersburg" share one key; so do "Moscow’s" and "Moscow".
 */
export function normalisePlaceName(name: string): string {
  let s = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`´]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
  s = s.replace(/'s?$/, '').replace(/^the /, '').replace(/\./g, '');
  s = s.replace(/[\s-]+/g, ' ').trim();
  s = s.replace(/^saint /, 'st ').replace(/^sainte /, 'ste ').replace(/^mount /, 'mt ').replace(/^fort /, 'ft ');
  return s;
}

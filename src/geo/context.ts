import { placeData } from './places-data.js';

/**
 * Countries a document names by adjective ("Russian", "North Korean"): context for choosing
 * among same-named places even where the country itself is never named.
 */
let pattern: RegExp | null = null;
let byWord: Map<string, string> | null = null;

function demonymPattern(): { re: RegExp; map: Map<string, string> } {
  if (!pattern || !byWord) {
    const d = placeData();
    byWord = new Map();
    for (const c of d.countries) for (const w of c.demonyms) byWord.set(w.toLowerCase(), c.country!);
    // Longest first, so "North Korean" wins over "Korean".
    const words = [...byWord.keys()].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    pattern = new RegExp(`\\b(${words.join('|')})s?\\b`, 'gi');
  }
  return { re: pattern, map: byWord };
}

/** Demonym mentions in the text: [start, end, ISO alpha-3] (capitalised words only). */
export function demonymMentions(text: string): { start: number; end: number; country: string }[] {
  const { re, map } = demonymPattern();
  const out: { start: number; end: number; country: string }[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (!/^\p{Lu}/u.test(m[1]!)) continue;
    const country = map.get(m[1]!.toLowerCase());
    if (country) out.push({ start: m.index, end: m.index + m[1]!.length, country });
  }
  return out;
}

/** The distinct countries a document names by adjective. */
export function countriesByAdjective(text: string): string[] {
  return [...new Set(demonymMentions(text).map((d) => d.country))];
}

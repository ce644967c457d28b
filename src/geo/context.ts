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

/**
 * Countries and first-level regions a text names outright ("Texas", "Russia"), read by a
 * case-sensitive scan: the document's setting, even for names that are not candidates. A
 * form that names both a country and a region (Georgia) says nothing here.
 */
interface Setting {
  re: RegExp;
  forms: Map<string, { country?: string; admin1?: string }>;
}
let setting: Setting | null = null;

function settingIndex(): Setting {
  if (setting) return setting;
  const d = placeData();
  const forms = new Map<string, { country?: string; admin1?: string } | null>();
  const put = (form: string, v: { country?: string; admin1?: string }) => {
    if (form.length < 3) return;
    const old = forms.get(form);
    if (old === undefined) forms.set(form, v);
    else if (old && (old.country !== v.country || old.admin1 !== v.admin1)) forms.set(form, null);
  };
  for (const [key, recs] of d.byKey) {
    void key;
    for (const r of recs) {
      if (r.kind === 'country') for (const f of r.surfaces ?? []) put(f, { country: r.country! });
      else if (r.kind === 'region' && r.country) for (const f of r.surfaces ?? []) put(f, r.admin1 ? { country: r.country, admin1: r.admin1 } : { country: r.country });
    }
  }
  const clean = new Map<string, { country?: string; admin1?: string }>();
  for (const [f, v] of forms) if (v) clean.set(f, v);
  const alts = [...clean.keys()].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  setting = { re: new RegExp(`(?<![\\p{L}\\p{N}])(${alts.join('|')})(?![\\p{L}\\p{N}])`, 'gu'), forms: clean };
  return setting;
}

export interface DocumentSetting {
  countries: string[];
  /** "ISO3/admin1" keys. */
  admin1s: string[];
}

export function documentSetting(text: string): DocumentSetting {
  const { re, forms } = settingIndex();
  const countries = new Set(countriesByAdjective(text));
  const admin1s = new Set<string>();
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const v = forms.get(m[1]!);
    if (!v) continue;
    if (v.country) countries.add(v.country);
    if (v.admin1) admin1s.add(`${v.country}/${v.admin1}`);
  }
  return { countries: [...countries], admin1s: [...admin1s] };
}

/** "Paris, Texas", "Moscow, Idaho", "London, Ont.": the state or country named after a comma. */
export function hintAfter(text: string, end: number): { country?: string; admin1?: string } | undefined {
  const m = /^,\s+((?:\p{Lu}[\p{L}.'-]*)(?:\s\p{Lu}[\p{L}.'-]*){0,2})/u.exec(text.slice(end, end + 40));
  if (!m) return undefined;
  const words = m[1]!.split(/\s/);
  const { forms } = settingIndex();
  for (let n = words.length; n > 0; n--) {
    const form = words.slice(0, n).join(' ');
    const v = forms.get(form) ?? forms.get(form.replace(/[,;:]$/, ''));
    if (v) return v.admin1 ? { country: v.country, admin1: v.admin1 } : { country: v.country };
  }
  return undefined;
}

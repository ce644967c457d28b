import { loadTable } from '../util/knowledge.js';
import { normalisePlaceName } from './normalise.js';
import { placeData } from './places-data.js';

let demonymForms: Map<string, string> | null = null;

function demonymIndex(): Map<string, string> {
  if (!demonymForms) {
    demonymForms = new Map();
    for (const c of placeData().countries) for (const w of c.demonyms) demonymForms.set(w, c.country!);
  }
  return demonymForms;
}

/**
 * Looks up every run of one to three capitalised words in `forms`, longest first: a plain
 * scan that is much cheaper than one regular expression with hundreds of alternatives.
 */
function scanForms<T>(text: string, forms: Map<string, T>): { start: number; end: number; value: T }[] {
  const out: { start: number; end: number; value: T }[] = [];
  const firsts = firstWords(forms);
  // Latin-script capitals spelled out: a \p{Lu} class is several times slower here.
  const run = /[A-ZÀ-ÖØ-ÞĀ-Ž][A-Za-zÀ-ÖØ-öø-ž.'’-]*(?:[ \t]+[A-ZÀ-ÖØ-ÞĀ-Ž][A-Za-zÀ-ÖØ-öø-ž.'’-]*)*/g;
  for (let m = run.exec(text); m; m = run.exec(text)) {
    const found = m[0];
    if (found.indexOf(' ') === -1 && found.indexOf('\t') === -1) {
      // One word, the common case: no splitting, no joining.
      if (!firsts.has(found) && !firsts.has(trimWord(found))) continue;
      let form = trimWord(found);
      let value = forms.get(found) ?? forms.get(form);
      if (value !== undefined && forms.has(found)) form = found;
      if (value !== undefined) out.push({ start: m.index, end: m.index + form.length, value });
      continue;
    }
    const words = found.split(/[ \t]+/);
    let at = m.index;
    for (let i = 0; i < words.length; ) {
      let matched = 0;
      // Most capitalised words start no form: skip them before building any string.
      if (firsts.has(words[i]!) || firsts.has(trimWord(words[i]!))) {
        for (let n = Math.min(3, words.length - i); n > 0 && !matched; n--) {
          let form = words.slice(i, i + n).join(' ').replace(/['’]s?$/, '');
          let value = forms.get(form);
          if (value === undefined && /[.,;:]$/.test(form)) value = forms.get((form = form.slice(0, -1)));
          if (value !== undefined) {
            out.push({ start: at, end: at + form.length, value });
            matched = n;
          }
        }
      }
      const step = matched || 1;
      for (let k = 0; k < step; k++) at = text.indexOf(words[i + k + 1] ?? '', at + words[i + k]!.length);
      i += step;
    }
  }
  return out;
}

/** A word without a trailing possessive or punctuation mark: "Russia’s" → "Russia". */
function trimWord(w: string): string {
  const last = w.charCodeAt(w.length - 1);
  if (last === 115 /* s */ && w.length > 2) {
    const q = w.charCodeAt(w.length - 2);
    return q === 39 || q === 0x2019 ? w.slice(0, -2) : w;
  }
  return last === 46 || last === 44 || last === 59 || last === 58 ? w.slice(0, -1) : w;
}

const firstWordCache = new WeakMap<Map<string, unknown>, Set<string>>();
function firstWords(forms: Map<string, unknown>): Set<string> {
  let set = firstWordCache.get(forms);
  if (!set) {
    set = new Set();
    for (const f of forms.keys()) {
      set.add(f.split(' ')[0]!);
    }
    firstWordCache.set(forms, set);
  }
  return set;
}

/**
 * Countries and first-level regions a text names outright ("Texas", "Russia"), read by a
 * case-sensitive scan: the document's setting, even for names that are not candidates. A
 * form that names both a country and a region (Georgia) says nothing here.
 */
/** What a written form names, and its lookup key (worked out once, when the index is built). */
interface SettingValue {
  country?: string;
  admin1?: string;
  key?: string;
}
interface Setting {
  forms: Map<string, SettingValue>;
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
  // Adjectives too ("Russian", "North Koreans"), so one scan reads both.
  for (const [f, country] of demonymIndex()) {
    if (!clean.has(f)) clean.set(f, { country });
    if (!clean.has(`${f}s`)) clean.set(`${f}s`, { country });
  }
  const keyed = new Map<string, SettingValue>();
  for (const [f, v] of clean) keyed.set(f, { ...v, key: normalisePlaceName(f) });
  setting = { forms: keyed };
  return setting;
}

export interface DocumentSetting {
  countries: string[];
  /** "ISO3/admin1" keys. */
  admin1s: string[];
  /** The forms (normalised) that named each country or "ISO3/admin1": a name does not vouch for itself. */
  named: Map<string, Set<string>>;
}

export function documentSetting(text: string): DocumentSetting {
  const { forms } = settingIndex();
  const countries = new Set<string>();
  const admin1s = new Set<string>();
  const named = new Map<string, Set<string>>();
  const note = (k: string, form: string) => {
    const set = named.get(k);
    if (set) set.add(form);
    else named.set(k, new Set([form]));
  };
  for (const { start, end, value: v } of scanForms(text, forms)) {
    const form = v.key ?? normalisePlaceName(text.slice(start, end));
    if (v.country) {
      countries.add(v.country);
      note(v.country, form);
    }
    if (v.admin1) {
      admin1s.add(`${v.country}/${v.admin1}`);
      note(`${v.country}/${v.admin1}`, form);
    }
  }
  return { countries: [...countries], admin1s: [...admin1s], named };
}

/** "Paris, Texas", "Moscow, Idaho", "London, Ont.": the state or country named after a comma. */
export function hintAfter(text: string, end: number): { country?: string; admin1?: string } | undefined {
  // Most names are not followed by a comma: no slice, no pattern.
  if (text.charCodeAt(end) !== 44) return undefined;
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

/** Local-beat cues (knowledge/places-local-cues.tsv): phrases by their first word. */
let localCues: { after: Map<string, string[][]>; before: Map<string, string[][]> } | null = null;
function localCueTable(): { after: Map<string, string[][]>; before: Map<string, string[][]> } {
  if (localCues) return localCues;
  const t = { after: new Map<string, string[][]>(), before: new Map<string, string[][]>() };
  for (const row of loadTable('places-local-cues.tsv').rows) {
    const side = row.side as 'after' | 'before';
    if (side !== 'after' && side !== 'before') throw new Error(`places-local-cues.tsv: unknown side "${row.side}"`);
    for (const phrase of (row.words ?? '').split('|')) {
      const words = phrase.trim().split(/\s+/).filter(Boolean);
      if (!words.length) continue;
      // "after" phrases are keyed by their first word, "before" phrases by their last.
      const key = side === 'after' ? words[0]! : words[words.length - 1]!;
      const list = t[side].get(key);
      if (list) list.push(words);
      else t[side].set(key, [words]);
    }
  }
  localCues = t;
  return t;
}

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 191;

/** The word of plain letters starting at `at` ('' if none). */
function wordAt(text: string, at: number): string {
  let k = at;
  while (k < text.length && isLetter(text.charCodeAt(k))) k++;
  return k > at ? text.slice(at, k) : '';
}

/** The word of plain letters ending just before `end` ('' if none). */
function wordEndingAt(text: string, end: number): string {
  let k = end;
  while (k > 0 && isLetter(text.charCodeAt(k - 1))) k--;
  return k < end ? text.slice(k, end) : '';
}

/** Up to `n` words of plain letters after `at` (across spaces only). */
function wordsAfter(text: string, at: number, n: number): string[] {
  const out: string[] = [];
  let i = at;
  while (out.length < n) {
    let j = i;
    while (j < text.length && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 10)) j++;
    if (j === i && out.length) break;
    let k = j;
    while (k < text.length && isLetter(text.charCodeAt(k))) k++;
    if (k === j) break;
    out.push(text.slice(j, k));
    i = k;
  }
  return out;
}

/** Up to `n` words of plain letters before `at`, nearest last. */
function wordsBefore(text: string, at: number, n: number): string[] {
  const out: string[] = [];
  let i = at;
  while (out.length < n) {
    let j = i;
    while (j > 0 && (text.charCodeAt(j - 1) === 32 || text.charCodeAt(j - 1) === 10)) j--;
    if (j === i) break;
    let k = j;
    while (k > 0 && isLetter(text.charCodeAt(k - 1))) k--;
    if (k === j) break;
    out.unshift(text.slice(k, j));
    i = k;
  }
  return out;
}

/**
 * Whether the words around a name make it a local town ("a Palestine man", "Athens Police
 * Department", "the City of Dublin"). A plain word scan: it runs for every place name.
 */
export function localCue(text: string, start: number, end: number): boolean {
  const t = localCueTable();
  let at = end;
  // "Lebanon’s police"
  const q = text.charCodeAt(at);
  if ((q === 39 || q === 0x2019) && text.charCodeAt(at + 1) === 115) at += 2;
  const c = text.charCodeAt(at);
  if (c === 32 || c === 10) {
    const phrases = t.after.get(wordAt(text, at + 1));
    if (phrases) {
      const next = wordsAfter(text, at, 3);
      for (const phrase of phrases) if (phrase.every((w, i) => next[i] === w)) return true;
    }
  }
  const b = text.charCodeAt(start - 1);
  if (b === 32 || b === 10) {
    const phrases = t.before.get(wordEndingAt(text, start - 1));
    const prev = phrases ? wordsBefore(text, start, 2) : [];
    for (const phrase of phrases ?? []) {
      const tail = prev.slice(prev.length - phrase.length);
      if (tail.length === phrase.length && phrase.every((w, i) => tail[i] === w)) return true;
    }
  }
  return false;
}

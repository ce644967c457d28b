import type { Doc, Span } from '../doc/doc.js';
import { holderAt, kb, pickAt, rank, titleAt, type KB, type Person } from '../kb/kb.js';
import { cleanName, nameInfo, nameKey, slug } from '../kb/normalise.js';
import { trieAlternation } from '../util/word-trie.js';

/**
 * Actor resolution over one article: every name, description ("the reclusive North Korean
 * leader"), kin phrase ("Kim's grandfather") and group ("Russian officials") becomes an
 * actor span with the canonical actor, its country, sector and the title valid at the
 * article's date. Mentions are resolved in text order, so a later "Kim" can refer back to
 * the Kim the article named.
 */

export interface ActorAttrs {
  id: string;
  name: string;
  country: string | null;
  sector: string | null;
  title: string | null;
  via: string;
  /** The title as the text gives it (apposition, title before the name), when it does. */
  textTitle?: string;
}

interface Antecedent {
  id: string;
  person: Person | null;
  name: string;
  country: string | null;
  title: string | null;
  tokens: string[];
  start: number;
  sentence: number;
}

interface Candidate {
  kind: 'name' | 'desc' | 'generic' | 'group' | 'kin' | 'abbrev';
  start: number;
  end: number;
  span?: Span;
  ref?: string;
  pronoun?: boolean;
  possessorEnd?: number;
  word?: string;
  mods?: string;
}

interface Patterns {
  /** Role words, group nouns and kin words: the anchors of descriptions, groups and kin phrases. */
  anchor: RegExp;
  kinWords: Set<string>;
  modifiers: Set<string>;
}

// Words between a country and a role word: "Pyongyang's current ruler", "the reclusive leader".
const MODIFIERS = ['current', 'then', 'then-', 'late', 'former', 'new', 'top', "regime's", 'regime', 'reclusive', 'elusive', 'young', 'ailing', 'veteran', 'longtime', 'long-time', 'powerful', 'embattled'];
const FORMER = /\b(former|then|late)\b/;
const TITLE_MODIFIERS = new Set(['deputy', 'vice', 'foreign', 'special', 'presidential', 'interior', 'defense', 'defence', 'development', 'senior', 'chief', 'top', 'first', 'press', 'prime', 'state', 'retired', 'former', 'acting', 'economic', 'trade', 'nuclear', 'military', 'assistant', 'junior', 'interim', 'ousted', 'outgoing', 'exiled', 'finance', 'justice', 'information', 'security', 'health', 'energy']);
const COMPASS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'upper', 'lower']);
const GENERIC_RULER = new Set(['leader', 'ruler', 'strongman', 'dictator']);

let patterns: Patterns | null = null;

/** What preTitle splits words at: space, tab, line feed. */
function isTitleGap(c: number): boolean {
  return c === 32 || c === 9 || c === 10;
}

/** Space, tab, line breaks, no-break space. */
function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 160;
}

function buildPatterns(k: KB): Patterns {
  const kinWords = new Set([...k.kin.keys()].map((x) => x.split(' ')[1]!));
  const words = [...new Set([...k.roleWords.keys(), ...k.groups.keys(), ...kinWords].map((g) => g.toLowerCase()))];
  // As a trie (util/word-trie.ts: same matches, about a third faster), else the plain list.
  const alternation =
    trieAlternation(words) ??
    words
      .sort((x, y) => y.length - x.length)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]").replace(/ /g, '\\s+'))
      .join('|');
  // Plain (non-unicode) case-insensitive literals: V8 scans these far faster than a token loop.
  return { anchor: new RegExp(`\\b(?:${alternation})\\b`, 'gi'), kinWords, modifiers: new Set(MODIFIERS) };
}

/**
 * The country reference ending right before `at` ("North Korean", "Pyongyang's", "the
 * Kremlin"), skipping modifier words when `modifiers` is given. Returns [start, ref phrase,
 * skipped modifiers] or null.
 */
function refBefore(k: KB, text: string, at: number, modifiers: Set<string> | null): { start: number; phrase: string; mods: string } | null {
  if (at === 0 || !isSpace(text.charCodeAt(at - 1))) return null;
  // This runs for every anchor word ("people", "officials"): first a cheap look at the word
  // right before, which must be capitalised (or a modifier) for a country to precede.
  let e = at;
  while (e > 0 && isSpace(text.charCodeAt(e - 1))) e--;
  let b = e;
  while (b > 0 && !isSpace(text.charCodeAt(b - 1))) b--;
  if (b === e) return null;
  const c0 = text.charCodeAt(b);
  const upper = (c0 >= 65 && c0 <= 90) || (c0 > 127 && /\p{Lu}/u.test(text[b]!));
  if (!upper && !(modifiers && modifiers.has(text.slice(b, e).toLowerCase().replace(/’/g, "'")))) return null;
  // The last few words before `at`, read backwards.
  const words: { w: string; start: number }[] = [];
  let i = at;
  while (words.length < 8 && i > 0 && at - i < 60) {
    while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
    const end = i;
    while (i > 0 && !isSpace(text.charCodeAt(i - 1))) i--;
    if (end > i) words.unshift({ w: text.slice(i, end), start: i });
  }
  if (!words.length) return null;
  let end = words.length;
  const mods: string[] = [];
  if (modifiers) while (end > 0 && modifiers.has(words[end - 1]!.w.toLowerCase().replace(/’/g, "'"))) mods.unshift(words[--end]!.w);
  for (let n = Math.min(4, end); n >= 1; n--) {
    const first = words[end - n]!;
    if (!/^\p{Lu}/u.test(first.w) || first.w === 'The') continue;
    const phrase = words
      .slice(end - n, end)
      .map((x) => x.w)
      .join(' ')
      .replace(/['’]s$/u, '');
    if (/[,;:()“”"]/.test(phrase)) continue;
    const ref = k.refs.get(nameKey(phrase));
    if (ref && /\p{Lu}/u.test(phrase)) return { start: first.start, phrase, mods: mods.join(' ') };
  }
  return null;
}

export function articleDateOf(doc: Doc): string {
  const d = doc.layer('dct')[0]?.attrs?.date;
  if (typeof d === 'string') return d;
  return doc.meta.published ?? new Date().toISOString().slice(0, 10);
}

export function resolveActors(doc: Doc): Span[] {
  const k = kb();
  patterns ??= buildPatterns(k);
  const date = articleDateOf(doc);
  const text = doc.text;
  const sentences = doc.layer('sentence');
  const sentenceAt = (offset: number): number => {
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = sentences[mid]!;
      if (offset < s.start) hi = mid - 1;
      else if (offset >= s.end) lo = mid + 1;
      else return mid;
    }
    return -1;
  };

  const cands: Candidate[] = [];
  // One scan finds the anchors of groups, descriptions and kin phrases; the country or the
  // possessor is then read from the few words before the anchor.
  const pt = patterns;
  pt.anchor.lastIndex = 0;
  for (let m = pt.anchor.exec(text); m; m = pt.anchor.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (sentenceAt(start) < 0) continue;
    const phrase = m[0].toLowerCase().replace(/\s+/g, ' ').replace(/’/g, "'");
    if (k.groups.has(phrase)) {
      const ref = refBefore(k, text, start, null);
      if (ref) cands.push({ kind: 'group', start: ref.start, end, ref: ref.phrase, word: phrase });
    }
    if (k.roleWords.has(phrase)) {
      const ref = refBefore(k, text, start, pt.modifiers);
      if (ref) cands.push({ kind: 'desc', start: ref.start, end, ref: ref.phrase, word: m[0], mods: ref.mods });
    }
    if (pt.kinWords.has(phrase) || GENERIC_RULER.has(phrase)) {
      const before = text.slice(Math.max(0, start - 40), start);
      const kin = pt.kinWords.has(phrase) ? /(?:(?<![\p{L}])([Hh]is|[Hh]er)\s+|(['’]s)\s+)((?:late\s+)?)$/u.exec(before) : null;
      if (kin) {
        const from = start - kin[0].length;
        cands.push({ kind: 'kin', start: kin[1] ? from : start - kin[3]!.length, end, pronoun: !!kin[1], possessorEnd: kin[2] ? from : undefined, word: phrase });
      }
      const generic = GENERIC_RULER.has(phrase) ? /(?<![\p{L}])[Tt]he\s+((?:\S+\s+){0,2})$/u.exec(before) : null;
      if (generic && generic[1]!.split(/\s+/).filter(Boolean).every((w) => pt.modifiers.has(w.toLowerCase()))) cands.push({ kind: 'generic', start: start - generic[0].length, end });
    }
  }
  // "The US said", "Evidence … by the US": abbreviations the names stage takes for
  // nationality adjectives. A state, unless a role or group word follows (handled above).
  for (const m of text.matchAll(/(?<![A-Za-z.])(US|U\.S\.|USA|UK|U\.K\.)(?![A-Za-z-])/g)) {
    if (sentenceAt(m.index) < 0) continue;
    cands.push({ kind: 'abbrev', start: m.index, end: m.index + m[0].length, ref: m[0] });
  }
  const nameStarts = new Set<number>();
  for (const s of mergeInitials(doc, k)) {
    cands.push({ kind: 'name', start: s.start, end: s.end, span: s });
    nameStarts.add(s.start);
  }
  const order = { group: 0, desc: 1, kin: 2, generic: 3, name: 4, abbrev: 5 };
  // Sorted through their keys: the candidates have six shapes, and reading `start` and `kind`
  // in the comparator was the stage's costliest line. Same (stable) order as sorting them.
  const keyStart = cands.map((c) => c.start);
  const keyOrder = cands.map((c) => order[c.kind]);
  const sorted = cands
    .map((_, i) => i)
    .sort((x, y) => keyStart[x]! - keyStart[y]! || keyOrder[x]! - keyOrder[y]!)
    .map((i) => cands[i]!);
  cands.splice(0, cands.length, ...sorted);

  const out: Span[] = [];
  const claimed: { start: number; end: number }[] = [];
  const inside = (start: number, end: number) => claimed.some((c) => start >= c.start && end <= c.end);
  const overlaps = (start: number, end: number) => claimed.some((c) => start < c.end && end > c.start);
  const antecedents: Antecedent[] = [];
  const counts = new Map<string, number>();
  const byEnd = new Map<number, Antecedent>();
  /** Antecedents by each of their name tokens and surnames, in text order. */
  const byToken = new Map<string, Antecedent[]>();

  const emitPerson = (start: number, end: number, p: Person | null, name: string, via: string, confidence: number, textTitle?: string, titleCountry?: string | null) => {
    let attrs: ActorAttrs;
    if (p) {
      const t = titleAt(p, date);
      const title = t.title && !t.title.startsWith('former ') ? t.title : textTitle ?? t.title;
      attrs = { id: p.id, name: p.name, country: t.country, sector: t.sector, title, via };
    } else {
      attrs = { id: slug(name), name, country: titleCountry ?? null, sector: null, title: textTitle ?? null, via };
      // A coreferent mention of someone the KB does not know keeps what the text said of them.
      const ante = via.startsWith('coref:') ? antecedents.find((x) => x.start === Number(via.slice(6))) : undefined;
      if (ante && !textTitle) attrs.title = ante.title;
    }
    if (textTitle) attrs.textTitle = textTitle;
    const colon = via.indexOf(':');
    out.push({ start, end, label: 'person', by: `actors/${colon < 0 ? via : via.slice(0, colon)}`, confidence, attrs: attrs as unknown as Record<string, unknown> });
    const a: Antecedent = { id: attrs.id, person: p, name: attrs.name, country: attrs.country, title: attrs.title, tokens: nameInfo(attrs.name).tokens, start, sentence: sentenceAt(start) };
    antecedents.push(a);
    // Each distinct token once (name tokens, then surnames), without building a set.
    const index = (t: string) => {
      const list = byToken.get(t);
      if (list) list.push(a);
      else byToken.set(t, [a]);
    };
    const surnames = p?.surnames ?? [];
    for (let i = 0; i < a.tokens.length; i++) if (a.tokens.indexOf(a.tokens[i]!) === i) index(a.tokens[i]!);
    for (let i = 0; i < surnames.length; i++) if (surnames.indexOf(surnames[i]!) === i && !a.tokens.includes(surnames[i]!)) index(surnames[i]!);
    byEnd.set(end, a);
    counts.set(a.id, (counts.get(a.id) ?? 0) + 1);
  };
  const emitState = (start: number, end: number, country: string, sector: string, label: string, via: string, confidence: number) => {
    const state = k.states.get(country);
    const id = sector === 'government' && label === 'state' ? country : `${country}-${slug(sector)}`;
    const name = sector === 'government' && label === 'state' ? state?.name ?? country : `${state?.name ?? country} ${sector}`;
    out.push({ start, end, label, by: `actors/${via}`, confidence, attrs: { id, name, country, sector, title: null, via } });
  };
  /** The last person mention the text made before `before`, within `window` sentences. */
  const lastPerson = (before: number, window: number, ok: (a: Antecedent) => boolean = () => true): Antecedent | null => {
    const s = sentenceAt(before);
    for (let i = antecedents.length - 1; i >= 0; i--) {
      const a = antecedents[i]!;
      if (a.start >= before) continue;
      if (s - a.sentence > window) return null;
      if (ok(a)) return a;
    }
    return null;
  };

  for (const c of cands) {
    if (inside(c.start, c.end)) continue;
    if (c.kind === 'group') {
      const ref = k.refs.get(nameKey(c.ref!));
      const g = k.groups.get(c.word!.toLowerCase().replace(/’/g, "'"));
      if (!ref || !g) continue;
      emitState(c.start, c.end, ref.country, g.sector, g.label, 'group', 0.7);
      claimed.push(c);
    } else if (c.kind === 'desc') {
      const ref = k.refs.get(nameKey(c.ref!));
      const roleWord = c.word!;
      const role = k.roleWords.get(roleWord.toLowerCase());
      if (!ref || !role || FORMER.test(c.mods ?? '')) continue;
      // "Russian President Vladimir Putin": a title before a name, not a description.
      const gap = /^\s+/.exec(text.slice(c.end, c.end + 3))?.[0].length ?? 0;
      if (gap && nameStarts.has(c.end + gap)) continue;
      if (/^\s+\p{Lu}/u.test(text.slice(c.end, c.end + 3)) && /^\p{Lu}/u.test(roleWord)) continue;
      if (role === 'official') {
        const a = lastPerson(c.start, 20, (x) => x.country === ref.country);
        if (a) emitPerson(c.start, c.end, a.person, a.name, `coref:${a.start}`, 0.6, undefined, a.country);
        else continue;
      } else {
        const p = holderAt(ref.country, role, date);
        if (!p) continue;
        // "Paek ... The North Korean leader met ...": before the article has named the ruler,
        // a loose role word refers back to the official it just named.
        const back = k.looseRoles.has(roleWord.toLowerCase()) && !counts.has(p.id) ? lastPerson(c.start, 2, (x) => x.country === ref.country && x.id !== p.id) : null;
        if (back) emitPerson(c.start, c.end, back.person, back.name, `coref:${back.start}`, 0.6, undefined, back.country);
        else emitPerson(c.start, c.end, p, p.name, 'role', 0.75);
      }
      claimed.push(c);
    } else if (c.kind === 'generic') {
      if (overlaps(c.start, c.end)) continue;
      const a = lastPerson(c.start, 6, (x) => !!x.person && rank(x.person, date) >= 3);
      if (!a) continue;
      emitPerson(c.start, c.end, a.person, a.name, `coref:${a.start}`, 0.6, undefined, a.country);
      claimed.push(c);
    } else if (c.kind === 'kin') {
      const possessor = c.pronoun ? lastPerson(c.start, 3) : byEnd.get(c.possessorEnd!);
      const relation = c.word!;
      if (!possessor?.person) continue;
      const relId = k.kin.get(`${possessor.id} ${relation}`);
      const rel = relId ? k.persons.get(relId) : undefined;
      if (!rel) continue;
      emitPerson(c.start, c.end, rel, rel.name, `kin:${possessor.start}`, 0.7);
    } else if (c.kind === 'abbrev') {
      if (overlaps(c.start, c.end) || nameStarts.has(c.start)) continue;
      const ref = k.refs.get(nameKey(c.ref!));
      if (ref) emitState(c.start, c.end, ref.country, 'government', 'state', 'country', 0.6);
    } else if (c.kind === 'name' && c.span) {
      if (overlaps(c.start, c.end) && inside(c.start, c.end)) continue;
      resolveName(c.span);
    }
  }
  return out;

  function resolveName(span: Span): void {
    if (resolveNameAs(span)) return;
    // "the Kim-Putin summit": two people's surnames joined into one modifier.
    const pair = /^(\p{Lu}[\p{L}'’]+)[-–](\p{Lu}[\p{L}'’]+)$/u.exec(doc.slice(span));
    if (pair && k.bySurname.has(nameKey(pair[1]!)) && k.bySurname.has(nameKey(pair[2]!))) {
      resolveNameAs({ start: span.start, end: span.start + pair[1]!.length, label: 'PER', by: span.by, confidence: span.confidence });
      resolveNameAs({ start: span.end - pair[2]!.length, end: span.end, label: 'PER', by: span.by, confidence: span.confidence });
      return;
    }
    // "Later Kim said": a capitalised sentence opener glued to the name.
    const sIdx = sentenceAt(span.start);
    const gap = doc.slice(span).search(/\s/);
    if (sIdx >= 0 && sentences[sIdx]!.start === span.start && gap > 0) {
      const rest = doc.slice(span).slice(gap).search(/\S/) + gap;
      resolveNameAs(Object.assign({}, span, { start: span.start + rest, attrs: Object.assign({}, span.attrs, { norm: undefined }) }));
    }
  }

  function resolveNameAs(span: Span): boolean {
    const before = out.length;
    resolveOne(span);
    return out.length > before;
  }

  function resolveOne(span: Span): void {
    const attrs = (span.attrs ?? {}) as { title?: string; norm?: string };
    const surface = cleanName(attrs.norm ?? doc.slice(span));
    const info = nameInfo(surface);
    const key = info.key;
    if (!key) return;
    const ref = k.refs.get(key);
    if (ref && ref.kind !== 'demonym') {
      emitState(span.start, span.end, ref.country, ref.sector, ref.label, ref.kind === 'country' ? 'country' : 'metonym', ref.kind === 'country' ? 0.9 : 0.6);
      return;
    }
    const org = k.orgs.get(key);
    if (org) {
      out.push({ start: span.start, end: span.end, label: 'org', by: 'actors/kb', confidence: 0.8, attrs: { id: org.id, name: org.name, country: org.country, sector: org.sector, title: null, via: 'kb' } });
      return;
    }
    // Titles from the text are looked for only when needed (they cost a little per name):
    // for people the KB does not know, or knows without an office at the date.
    let textTitle: string | null | undefined = attrs.title ? cleanTitle(attrs.title) : undefined;
    const titleFromText = () => (textTitle === undefined ? (textTitle = preTitle(span) ?? apposition(span)) : textTitle);
    // Every KB name is also indexed without spaces, so one lookup covers "Kim Jong Il" and "Kim Jongil".
    const named = k.byName.get(info.compact);
    if (named) {
      const p = pickAt(named, date);
      if (p) return emitPerson(span.start, span.end, p, p.name, 'kb', 0.9, (rank(p, date) ? textTitle : titleFromText()) ?? undefined);
    }
    const tokens = info.tokens;
    if (tokens.length <= 2) {
      const a = bestAntecedent(tokens, span.start);
      if (a) return emitPerson(span.start, span.end, a.person, a.name, `coref:${a.start}`, 0.75, textTitle ?? undefined, a.country);
      if (tokens.length === 1) {
        const p = pickAt(k.bySurname.get(tokens[0]!) ?? [], date, true);
        if (p) return emitPerson(span.start, span.end, p, p.name, 'kb', 0.6, textTitle ?? undefined);
      }
    }
    // Only a name that can be a person's is worth a look for a title: two words or more, or
    // a PER label (single unknown words are mostly places: "Vladivostok", "Khasan").
    if ((tokens.length > 1 || span.label === 'PER') && titleFromText()) {
      emitPerson(span.start, span.end, null, surface, 'title', 0.7, textTitle!, countryOf(textTitle!, span.start));
    } else if (span.label === 'PER') {
      emitPerson(span.start, span.end, null, surface, 'name', 0.5);
    } else if (tokens.length > 1 || span.label === 'ORG') {
      // "Syrian Observatory for Human Rights", "Malaysia Airlines", "Moscow Times": an
      // unknown organisation named after its country; an ORG the NER found, without one.
      const words = surface.split(' ');
      let country: string | null = null;
      // A compass word alone is no country ("the South" for South Korea): it begins place
      // names of its own ("South Carolina", "West Bengal").
      for (let n = Math.min(3, words.length - 1); n >= 1 && !country; n--) if (n > 1 || !COMPASS.has(words[0]!.toLowerCase())) country = k.refs.get(nameKey(words.slice(0, n).join(' ')))?.country ?? null;
      if (country || span.label === 'ORG') {
        const via = country ? 'name-prefix' : 'name';
        out.push({ start: span.start, end: span.end, label: 'org', by: `actors/${via}`, confidence: 0.5, attrs: { id: slug(surface), name: surface, country, sector: null, title: null, via } });
      }
    }
  }

  /** "Kim" or "Jong-un": the person the article already named, by salience and distance. */
  function bestAntecedent(tokens: string[], at: number): Antecedent | null {
    const s = sentenceAt(at);
    let best: Antecedent | null = null;
    let bestScore = -1;
    const seen = new Set<string>();
    const pool = byToken.get(tokens[0]!) ?? [];
    for (let i = pool.length - 1; i >= 0; i--) {
      const a = pool[i]!;
      if (seen.has(a.id) || a.start >= at) continue;
      if (tokens.length > 1 && !tokens.every((t) => a.tokens.includes(t))) continue;
      seen.add(a.id);
      const inOffice = a.person && rank(a.person, date) > 0 ? 4 : 0;
      const near = a.sentence === s ? 3 : s - a.sentence === 1 ? 2 : 0;
      const score = inOffice + near + Math.min(1, (counts.get(a.id) ?? 0) / 10);
      if (score > bestScore) {
        best = a;
        bestScore = score;
      }
    }
    return best;
  }

  /** "Kremlin spokesman Dmitry Peskov": lower-case title words right before a name. */
  function preTitle(span: Span): string | null {
    const sIdx = sentenceAt(span.start);
    const from = Math.max(sIdx >= 0 ? sentences[sIdx]!.start : 0, span.start - 80);
    // A title word must end right before the name's white space: else nothing to split.
    const c = span.start > from ? text.charCodeAt(span.start - 1) : -1;
    if (c !== 32 && c !== 9 && c !== 10) return null;
    // Most names have no title word right before them: read that one word before any splitting.
    let e = span.start;
    while (e > from && isTitleGap(text.charCodeAt(e - 1))) e--;
    let b = e;
    while (b > from && !isTitleGap(text.charCodeAt(b - 1))) b--;
    if (b === e || !k.titleWords.has(text.slice(b, e).toLowerCase())) return null;
    const words = text.slice(from, span.start).split(/[ \t\n]+/);
    if (words[words.length - 1] === '') words.pop();
    else return null;
    const last = words[words.length - 1];
    if (!last || !k.titleWords.has(last.toLowerCase())) return null;
    let i = words.length - 1;
    while (i > 0) {
      const w = words[i - 1]!;
      if (/[,;:()“”"]$/.test(w) || /^(the|a|an|and|of|by|with|to|from|in|on|at|for|that)$/i.test(w)) break;
      if (k.titleWords.has(w.toLowerCase()) || TITLE_MODIFIERS.has(w.toLowerCase()) || /^\p{Lu}/u.test(w)) i--;
      else break;
    }
    if (i > 0 && /^\p{Lu}/u.test(words[i]!) === false && TITLE_MODIFIERS.has(words[i]!.toLowerCase()) === false && !k.titleWords.has(words[i]!.toLowerCase())) return null;
    return cleanTitle(words.slice(i).join(' '));
  }

  /** "Sergei Darkin, governor of the Primorye region, and …": a title after a comma. */
  function apposition(span: Span): string | null {
    // The pattern below opens with a comma, or a quote before one.
    const c = text.charCodeAt(span.end);
    if (c !== 44 && c !== 39 && c !== 0x2019) return null;
    const sIdx = sentenceAt(span.start);
    const sEnd = sIdx >= 0 ? sentences[sIdx]!.end : text.length;
    const after = text.slice(span.end, Math.min(sEnd, span.end + 140));
    const m = /^(?:['’]s?)?,\s+((?:(?:a|an|the)\s+)?[^,;.()“”"—–]{2,100}?)(?=\s*(?:[,;.()“”"—–]|$)|\s+(?:said|says|told|who|which)\b)/u.exec(after);
    if (!m) return null;
    const phrase = m[1]!;
    const words = phrase.split(/\s+/);
    if (!words.some((w) => k.titleWords.has(w.toLowerCase()))) return null;
    // The phrase must read as a noun phrase, not a clause ("Kim, in black coat").
    if (/^(in|on|at|like|as|who|whom|whose|which|where|when|while|but|and|with|for|after|before|if|though|although)\b/i.test(phrase)) return null;
    // "Bush, UN Secretary General Kofi Annan, …" is a list of people, not a title.
    const from = span.end + after.indexOf(phrase);
    const to = from + phrase.length;
    if (doc.within('name', from, to).some((n) => n.attrs?.title || k.byName.has(nameKey(doc.slice(n))))) return null;
    claimed.push({ start: from, end: to });
    return cleanTitle(phrase);
  }

  /** The country a title names: "North Korean Foreign Minister", "Putin's representative". */
  function countryOf(title: string, at: number): string | null {
    const words = title.replace(/[’']s\b/g, '').split(/\s+/);
    for (let i = 0; i < words.length; i++) {
      for (let n = Math.min(3, words.length - i); n >= 1; n--) {
        const phrase = words.slice(i, i + n).join(' ');
        if (!/^\p{Lu}/u.test(phrase)) continue;
        const ref = k.refs.get(nameKey(phrase));
        if (ref) return ref.country;
      }
    }
    // "Putin's Far Eastern representative": the country of the person whose title it is.
    for (const w of title.split(/\s+/).filter((x) => /^\p{Lu}.*['’]s$/u.test(x)).map((x) => x.replace(/['’]s$/, ''))) {
      const a = bestAntecedent([nameKey(w)], at);
      if (a?.country) return a.country;
      const p = pickAt(k.bySurname.get(nameKey(w)) ?? [], date, true);
      if (p) return titleAt(p, date).country;
    }
    return null;
  }
}

/**
 * "George W. Bush" comes from the names stage as "George W" and "Bush", and a name broken
 * across lines ("Kim Jong\nIl") as two names: join them again.
 */
function mergeInitials(doc: Doc, k: KB): Span[] {
  const names = doc.layer('name');
  const out: Span[] = [];
  for (let i = 0; i < names.length; i++) {
    const a = names[i]!;
    const b = names[i + 1];
    const between = b && b.start - a.end <= 3 ? doc.text.slice(a.end, b.start) : '';
    const initial = between !== '' && /^\.\s$/.test(between) && /(^|\s)\p{Lu}$/u.test(doc.slice(a));
    const wrapped = between !== '' && /^\s*\n\s*$/.test(between) && k.byName.has(nameKey(cleanName(doc.text.slice(a.start, b!.end))));
    if (b && (initial || wrapped)) {
      out.push(Object.assign({}, b, { start: a.start, attrs: Object.assign({}, a.attrs, b.attrs) }));
      i++;
    } else out.push(a);
  }
  return out;
}

function cleanTitle(t: string): string {
  return t
    .replace(/\s+/g, ' ')
    .replace(/^(a|an|the)\s+/i, '')
    .trim();
}

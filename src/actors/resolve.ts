import type { Doc, Span } from '../doc/doc.js';
import { holderAt, kb, pickAt, rank, titleAt, type KB, type Person } from '../kb/kb.js';
import { cleanName, nameKey, slug } from '../kb/normalise.js';

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
  kind: 'name' | 'desc' | 'generic' | 'group' | 'kin';
  start: number;
  end: number;
  span?: Span;
  match?: RegExpExecArray;
}

interface Patterns {
  desc: RegExp;
  generic: RegExp;
  group: RegExp;
  kin: RegExp;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Words between a country and a role word: "Pyongyang's current ruler", "the reclusive leader".
const MODIFIERS = 'current|then|then-|late|former|new|top|regime[\'’]s|regime|reclusive|elusive|young|ailing|veteran|longtime|long-time|de facto|powerful|embattled';
const FORMER = /\b(former|then|late)\b/;
const TITLE_MODIFIERS = new Set(['deputy', 'vice', 'foreign', 'special', 'presidential', 'interior', 'defense', 'defence', 'development', 'senior', 'chief', 'top', 'first', 'press', 'prime', 'state', 'retired', 'former', 'acting', 'economic', 'trade', 'nuclear', 'military', 'assistant']);

let patterns: Patterns | null = null;

function buildPatterns(k: KB): Patterns {
  const refs = k.refPhrases.map(esc).join('|');
  const roleWords = [...k.roleWords.keys()].sort((a, b) => b.length - a.length);
  const roles = roleWords.map((w) => `${esc(w)}|${esc(w[0]!.toUpperCase() + w.slice(1))}`).join('|');
  const titleCase = (g: string) => g.replace(/(^|\s)\p{Ll}/gu, (c) => c.toUpperCase());
  const groupForms = [...new Set([...k.groups.keys()].flatMap((g) => [g, titleCase(g)]))];
  const groups = groupForms.sort((a, b) => b.length - a.length).map((g) => esc(g).replace(/'/g, "['’]")).join('|');
  const kinWords = [...new Set([...k.kin.keys()].map((x) => x.split(' ')[1]!))].join('|');
  return {
    desc: new RegExp(`(?<![\\p{L}\\p{N}])(${refs})(?:['’]s)?\\s+((?:(?:${MODIFIERS})\\s+)*)(${roles})(?![\\p{L}])`, 'gu'),
    generic: new RegExp(`(?<![\\p{L}])[Tt]he\\s+((?:(?:${MODIFIERS})\\s+){0,2})(leader|ruler|strongman|dictator)(?![\\p{L}])`, 'gu'),
    group: new RegExp(`(?<![\\p{L}\\p{N}])(${refs})(?:['’]s)?\\s+(${groups})(?![\\p{L}])`, 'gu'),
    kin: new RegExp(`(?:(?<![\\p{L}])([Hh]is|[Hh]er)\\s+|(['’]s)\\s+)((?:late\\s+)?)(${kinWords})(?![\\p{L}])`, 'gu'),
  };
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
  const scan = (re: RegExp, kind: Candidate['kind']) => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (sentenceAt(m.index) < 0) continue;
      cands.push({ kind, start: m.index, end: m.index + m[0].length, match: m });
    }
  };
  scan(patterns.group, 'group');
  scan(patterns.desc, 'desc');
  scan(patterns.generic, 'generic');
  scan(patterns.kin, 'kin');
  const nameStarts = new Set<number>();
  for (const s of mergeInitials(doc, k)) {
    cands.push({ kind: 'name', start: s.start, end: s.end, span: s });
    nameStarts.add(s.start);
  }
  const order = { group: 0, desc: 1, kin: 2, generic: 3, name: 4 };
  cands.sort((a, b) => a.start - b.start || order[a.kind] - order[b.kind]);

  const out: Span[] = [];
  const claimed: { start: number; end: number }[] = [];
  const inside = (start: number, end: number) => claimed.some((c) => start >= c.start && end <= c.end);
  const overlaps = (start: number, end: number) => claimed.some((c) => start < c.end && end > c.start);
  const antecedents: Antecedent[] = [];
  const counts = new Map<string, number>();
  const byEnd = new Map<number, Antecedent>();

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
    out.push({ start, end, label: 'person', by: `actors/${via.split(':')[0]}`, confidence, attrs: attrs as unknown as Record<string, unknown> });
    const a: Antecedent = { id: attrs.id, person: p, name: attrs.name, country: attrs.country, title: attrs.title, tokens: nameKey(attrs.name).split(' '), start, sentence: sentenceAt(start) };
    antecedents.push(a);
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
    const m = c.match;
    if (c.kind === 'group' && m) {
      const ref = k.refs.get(nameKey(m[1]!));
      const g = k.groups.get(m[2]!.toLowerCase().replace(/’/g, "'"));
      if (!ref || !g) continue;
      emitState(c.start, c.end, ref.country, g.sector, g.label, 'group', 0.7);
      claimed.push(c);
    } else if (c.kind === 'desc' && m) {
      const ref = k.refs.get(nameKey(m[1]!));
      const roleWord = m[3]!;
      const role = k.roleWords.get(roleWord.toLowerCase());
      if (!ref || !role || FORMER.test(m[2]!)) continue;
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
        emitPerson(c.start, c.end, p, p.name, 'role', 0.75);
      }
      claimed.push(c);
    } else if (c.kind === 'generic' && m) {
      if (overlaps(c.start, c.end)) continue;
      const a = lastPerson(c.start, 6, (x) => !!x.person && rank(x.person, date) >= 3);
      if (!a) continue;
      emitPerson(c.start, c.end, a.person, a.name, `coref:${a.start}`, 0.6, undefined, a.country);
      claimed.push(c);
    } else if (c.kind === 'kin' && m) {
      const possessor = m[1] ? lastPerson(c.start, 3) : byEnd.get(c.start);
      const relation = m[4]!;
      if (!possessor?.person) continue;
      const relId = k.kin.get(`${possessor.id} ${relation}`);
      const rel = relId ? k.persons.get(relId) : undefined;
      if (!rel) continue;
      const start = m[1] ? c.start : c.start + m[2]!.length + m[0].slice(m[2]!.length).search(/\S/);
      emitPerson(start, c.end, rel, rel.name, `kin:${possessor.start}`, 0.7);
    } else if (c.kind === 'name' && c.span) {
      if (overlaps(c.start, c.end) && inside(c.start, c.end)) continue;
      resolveName(c.span);
    }
  }
  return out;

  function resolveName(span: Span): void {
    if (resolveNameAs(span)) return;
    // "Later Kim said": a capitalised sentence opener glued to the name.
    const sIdx = sentenceAt(span.start);
    const gap = doc.slice(span).search(/\s/);
    if (sIdx >= 0 && sentences[sIdx]!.start === span.start && gap > 0) {
      const rest = doc.slice(span).slice(gap).search(/\S/) + gap;
      resolveNameAs({ ...span, start: span.start + rest, attrs: { ...(span.attrs ?? {}), norm: undefined } });
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
    const key = nameKey(surface);
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
    const textTitle = attrs.title ? cleanTitle(attrs.title) : preTitle(span) ?? apposition(span);
    const named = k.byName.get(key) ?? k.byName.get(key.replace(/ /g, ''));
    if (named) {
      const p = pickAt(named, date);
      if (p) return emitPerson(span.start, span.end, p, p.name, 'kb', 0.9, textTitle ?? undefined);
    }
    const tokens = key.split(' ');
    if (tokens.length <= 2) {
      const a = bestAntecedent(tokens, span.start);
      if (a) return emitPerson(span.start, span.end, a.person, a.name, `coref:${a.start}`, 0.75, textTitle ?? undefined, a.country);
      if (tokens.length === 1) {
        const p = pickAt(k.bySurname.get(tokens[0]!) ?? [], date, true);
        if (p) return emitPerson(span.start, span.end, p, p.name, 'kb', 0.6, textTitle ?? undefined);
      }
    }
    if (textTitle) {
      emitPerson(span.start, span.end, null, surface, 'title', 0.7, textTitle, countryOf(textTitle, span.start));
    } else if (span.label === 'PER') {
      emitPerson(span.start, span.end, null, surface, 'name', 0.5);
    }
  }

  /** "Kim" or "Jong-un": the person the article already named, by salience and distance. */
  function bestAntecedent(tokens: string[], at: number): Antecedent | null {
    const s = sentenceAt(at);
    let best: Antecedent | null = null;
    let bestScore = -1;
    const seen = new Set<string>();
    for (let i = antecedents.length - 1; i >= 0; i--) {
      const a = antecedents[i]!;
      if (seen.has(a.id)) continue;
      const matches = tokens.length === 1 ? a.tokens.includes(tokens[0]!) || (a.person?.surnames.includes(tokens[0]!) ?? false) : tokens.every((t) => a.tokens.includes(t));
      if (!matches) continue;
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
    const between = b ? doc.text.slice(a.end, b.start) : '';
    const initial = /(^|\s)\p{Lu}$/u.test(doc.slice(a)) && /^\.\s$/.test(between);
    const wrapped = /^\s*\n\s*$/.test(between) && k.byName.has(nameKey(cleanName(doc.text.slice(a.start, b!.end))));
    if (b && (initial || wrapped)) {
      out.push({ ...b, start: a.start, attrs: { ...(a.attrs ?? {}), ...(b.attrs ?? {}) } });
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

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { slug } from './normalise.js';

/**
 * Readers for the event-coding field's actor dictionaries, so users can extend the KB:
 * PETRARCH / Phoenix / TABARI actor files (`NAME_ [CODE]`, `+SYNONYM`, tab-indented
 * `[CODE date-restriction]` lines) and CountryInfo (`<Country>` blocks with leaders by office
 * and `[YYYYMMDD - YYYYMMDD]` terms). Both become KB rows in the officeholders.tsv shape.
 * A malformed file is rejected with its name and line; nothing is half imported.
 */

export interface KbRow {
  id: string;
  kind: 'person' | 'org';
  name: string;
  aliases: string[];
  country: string | null;
  role: string;
  title: string | null;
  sector: string | null;
  start: string;
  end: string;
}

export class KbImportError extends Error {}
/** Raised when the file as a whole is of another kind: never downgraded to a warning. */
class WrongKindError extends KbImportError {}

/** Entries skipped for a local defect (an impossible date): reported, not fatal. */
export interface ImportResult {
  rows: KbRow[];
  warnings: string[];
}

/** Runs one line's parsing; a local defect becomes a warning (the line is skipped). */
function tolerate(warnings: string[], fn: () => void): void {
  try {
    fn();
  } catch (err) {
    if (!(err instanceof KbImportError) || err instanceof WrongKindError) throw err;
    warnings.push(err.message);
  }
}

// Local defects are skipped with a warning; a file where they pile up is malformed.
function checkWarnings(file: string, rows: KbRow[], warnings: string[]): void {
  if (warnings.length > 20 && warnings.length > rows.length / 10) throw new KbImportError(`${file}: not a dictionary (${warnings.length} unreadable entries, first: ${warnings[0]})`);
}

// CAMEO role codes (the three letters after the country) to the KB's sectors.
const SECTORS: Record<string, string> = {
  GOV: 'government',
  MIL: 'military',
  ELI: 'elite',
  OPP: 'opposition',
  REB: 'rebel',
  LEG: 'legislature',
  JUD: 'judiciary',
  BUS: 'business',
  MED: 'media',
  CVL: 'civilian',
  SPY: 'intelligence',
  COP: 'police',
  PTY: 'party',
  EDU: 'education',
  HLH: 'health',
  LAB: 'labour',
  REL: 'religious',
  IGO: 'igo',
  NGO: 'ngo',
  MNC: 'business',
  IMG: 'rebel',
  UAF: 'rebel',
};

/** "KIM_JONG_IL_" -> "Kim Jong Il"; "U.N._" -> "U.N." */
export function phraseToName(phrase: string): string {
  return phrase
    .replace(/_+$/, '')
    .split('_')
    .filter(Boolean)
    .map((w) => (/^[A-Z]{1,3}\.?$/.test(w) && /\./.test(w) ? w : w.charAt(0) + w.slice(1).toLowerCase()))
    .join(' ')
    .replace(/\b(Of|The|And|For|De|Da|La|Al|Bin|Ibn|Von|Van)\b/g, (m, _w, i: number) => (i === 0 ? m : m.toLowerCase()));
}

/** Two-digit years: 00–30 are 20xx, the rest 19xx (the PETRARCH convention). */
function isoDate(d: string, where: string): string {
  let y: number;
  let rest: string;
  if (/^\d{8}$/.test(d)) {
    y = Number(d.slice(0, 4));
    rest = d.slice(4);
  } else if (/^\d{6}$/.test(d)) {
    const yy = Number(d.slice(0, 2));
    y = yy <= 30 ? 2000 + yy : 1900 + yy;
    rest = d.slice(2);
  } else throw new KbImportError(`${where}: not a date: "${d}"`);
  const m = Number(rest.slice(0, 2));
  let day = Number(rest.slice(2, 4));
  if (m < 1 || m > 12 || day < 0 || day > 31) throw new KbImportError(`${where}: not a date: "${d}"`);
  // The dictionaries write impossible days ("20041131"): clamp them to the month's end.
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (day > last) day = last;
  if (day === 0) day = 1;
  return `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function codeRow(code: string, restriction: string | undefined, where: string): Pick<KbRow, 'country' | 'sector' | 'start' | 'end'> {
  const country = code.slice(0, 3);
  const sector = SECTORS[code.slice(3, 6)] ?? SECTORS[country] ?? (code.length > 3 ? code.slice(3).toLowerCase() : 'government');
  let start = '';
  let end = '';
  const r = restriction?.replace(/\s+/g, '') ?? '';
  if (r.startsWith('>')) start = isoDate(r.slice(1), where);
  else if (r.startsWith('<')) end = isoDate(r.slice(1), where);
  else if (r.includes('-')) {
    const [a, b] = r.split('-');
    start = isoDate(a!, where);
    end = isoDate(b!, where);
  } else if (r) throw new KbImportError(`${where}: cannot read the date restriction "${restriction}"`);
  return { country: /^[A-Z]{3}$/.test(country) && !['IGO', 'NGO', 'MNC', 'IMG', '---'].includes(country) ? country : country === 'IGO' ? 'IGO' : null, sector, start, end };
}

const CODE = /\[([A-Z0-9~-]{3,})(?:\s+([<>]?\s*\d{5,8}(?:\s*-\s*\d{5,8})?))?\]/g;

/** PETRARCH / Phoenix actor dictionary. */
export function parseActorDictionary(text: string, file: string): ImportResult {
  const rows: KbRow[] = [];
  const warnings: string[] = [];
  let entry: { name: string; aliases: string[]; codes: { code: string; restriction?: string; line: number }[]; person: boolean } | null = null;
  const flush = () => {
    if (!entry) return;
    const id = slug(entry.name);
    const kind = entry.person ? 'person' : 'org';
    const dated = entry.codes.filter((c) => c.restriction);
    const codes = dated.length ? dated : entry.codes.slice(0, 1);
    for (const c of codes) {
      const where = `${file}:${c.line}`;
      try {
        rows.push({ id, kind, name: entry.name, aliases: entry.aliases, role: kind === 'person' ? 'official' : 'org', title: null, ...codeRow(c.code, c.restriction, where) });
      } catch (err) {
        if (!(err instanceof KbImportError)) throw err;
        warnings.push(err.message);
      }
    }
    entry = null;
  };
  let inComment = false;
  let entries = 0;
  let lines = 0;
  text.split('\n').forEach((raw, i) => tolerate(warnings, () => {
    lines++;
    const where = `${file}:${i + 1}`;
    // Control characters other than tabs are noise in these files ("LIAMINE_Z\x1aROUAL_").
    let line = raw.replace(/[\x00-\x08\x0a-\x1f\x7f]/g, '');
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      return;
    }
    if (line.trimStart().startsWith('<!--')) {
      inComment = !line.includes('-->');
      return;
    }
    const hash = line.indexOf('#');
    const comment = hash >= 0 ? line.slice(hash) : '';
    if (hash >= 0) line = line.slice(0, hash);
    if (!line.trim()) return;
    if (line.trimStart().startsWith('[')) {
      if (!entry) throw new KbImportError(`${where}: a code line before any actor`);
      const codes = [...line.matchAll(CODE)];
      if (!codes.length || line.replace(CODE, '').trim()) throw new KbImportError(`${where}: cannot read the code line "${line.trim()}"`);
      for (const m of codes) entry.codes.push({ code: m[1]!, restriction: m[2], line: i + 1 });
      return;
    }
    if (line.startsWith('+')) {
      if (!entry) throw new KbImportError(`${where}: a synonym before any actor`);
      entry.aliases.push(phraseToName(line.slice(1).trim()));
      return;
    }
    if (/^![A-Z]+!\s*=/.test(line)) throw new WrongKindError(`${where}: an agents dictionary (substitution sets), not an actor dictionary`);
    // "VIRGILIO_ FONTES_PEREIRA_": a stray space inside a phrase happens; join it.
    const m = /^([^[\]=]+?)\s*((?:\[[^\]]*\]\s*)*)$/.exec(line.trim());
    if (!m || !/[\p{L}\p{N}]/u.test(m[1]!)) throw new KbImportError(`${where}: cannot read the actor line "${line.trim()}"`);
    flush();
    entry = { name: phraseToName(m[1]!.replace(/\s+/g, '_')), aliases: [], codes: [], person: /CountryInfo|leader|president|minister/i.test(comment) };
    if (m[2]) {
      const codes = [...m[2].matchAll(CODE)];
      if (!codes.length) throw new KbImportError(`${where}: cannot read the code "${m[2].trim()}"`);
      for (const c of codes) entry.codes.push({ code: c[1]!, restriction: c[2], line: i + 1 });
    }
    if (entry.codes.some((c) => c.code.includes('~'))) throw new WrongKindError(`${where}: an agents dictionary ([~CODE]), not an actor dictionary`);
    entries++;
  }));
  flush();
  if (entries && rows.filter((r) => r.country || r.sector).length < entries / 4) throw new KbImportError(`${file}: not an actor dictionary (few entries carry a [CODE])`);
  if (!rows.length) throw new KbImportError(`${file}: no actor entries found`);
  checkWarnings(file, rows, warnings);
  return { rows, warnings };
}

function officeRole(tag: string): { role: string; title: string } {
  const t = tag.replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
  const singular = t
    .replace(/\bChairmen\b/i, 'Chairman')
    .replace(/\b(\w+?)s\b(?=( of|$))/, '$1')
    .replace(/^\w/, (c) => c.toUpperCase());
  if (/vice|deputy/i.test(t)) return { role: 'official', title: singular };
  if (/foreign/i.test(t)) return { role: 'fm', title: singular };
  if (/^(presidents?|heads? of state|kings?|queens?|monarchs?|emperors?|sultans?|emirs?)$/i.test(t)) return { role: 'hos', title: singular };
  if (/prime minister|premier|chancellor|council of ministers/i.test(t)) return { role: 'hog', title: singular };
  return { role: 'official', title: singular };
}

/** CountryInfo (Schrodt): leaders by office with terms, and the Government list. */
export function parseCountryInfo(text: string, file: string): ImportResult {
  const rows: KbRow[] = [];
  const warnings: string[] = [];
  let country: string | null = null;
  let inCountry = false;
  let section: string | null = null;
  let office: string | null = null;
  text.split('\n').forEach((raw, i) => tolerate(warnings, () => {
    const where = `${file}:${i + 1}`;
    const hashAt = raw.indexOf('#');
    // A `#` comment may follow a tag ("<Governors-GENERAL># representing …").
    const line = (/^\s*</.test(raw) && hashAt > 0 ? raw.slice(0, hashAt) : raw).replace(/\r$/, '').trim();
    if (!line || line.startsWith('#')) return;
    if (line === '<Country>') {
      if (inCountry) throw new KbImportError(`${where}: <Country> inside another <Country>`);
      inCountry = true;
      country = null;
      return;
    }
    if (line === '</Country>') {
      if (!inCountry) throw new KbImportError(`${where}: </Country> without <Country>`);
      inCountry = false;
      section = null;
      return;
    }
    if (!inCountry) return;
    const code = /^<(?:CountryCode|ISO3166-alpha3)>\s*([A-Z]{3})\s*<\/(?:CountryCode|ISO3166-alpha3)>$/.exec(line);
    if (code) {
      country ??= code[1]!;
      return;
    }
    if (line === '<Leaders>' || line === '<Government>') {
      section = line.slice(1, -1);
      office = null;
      return;
    }
    if (line === '</Leaders>' || line === '</Government>') {
      section = null;
      return;
    }
    if (section === 'Leaders') {
      const close = /^<\/(.+)>$/.exec(line);
      if (close) {
        office = null;
        return;
      }
      const open = /^<([^/].*)>$/.exec(line);
      if (open) {
        office = open[1]!;
        return;
      }
      if (!office) throw new KbImportError(`${where}: a leader outside an office tag`);
      if (!country) {
        warnings.push(`${where}: a leader in a <Country> without a code`);
        return;
      }
      const name = /^\{?([^\s[{}]+)/.exec(line)?.[1];
      if (!name) throw new KbImportError(`${where}: cannot read the leader line`);
      const terms = [...line.matchAll(/\[(>?)\s*(\d{8})(?:\s*-\s*(\d{8}))?\s*\]/g)];
      if (!terms.length) throw new KbImportError(`${where}: a leader without a term [YYYYMMDD - YYYYMMDD]`);
      const { role, title } = officeRole(office);
      for (const t of terms) {
        try {
          rows.push({ id: slug(phraseToName(name)), kind: 'person', name: phraseToName(name), aliases: [], country, role, title, sector: 'government', start: isoDate(t[2]!, where), end: t[3] ? isoDate(t[3], where) : '' });
        } catch (err) {
          if (!(err instanceof KbImportError)) throw err;
          warnings.push(err.message);
        }
      }
      return;
    }
    if (section === 'Government') {
      if (!country) {
        warnings.push(`${where}: a government entry in a <Country> without a code`);
        return;
      }
      const hash = line.indexOf('#');
      const body = hash >= 0 ? line.slice(0, hash) : line;
      const title = hash >= 0 ? line.slice(hash + 1).replace(/_/g, ' ').replace(/\s+/g, ' ').trim() || null : null;
      const names = [...body.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
      const plain = /^([^\s[{]+)/.exec(body)?.[1];
      const all = names.length ? names : plain ? [plain] : [];
      if (!all.length) throw new KbImportError(`${where}: cannot read the government entry`);
      const codes = [...body.matchAll(/\[([A-Z]{3,})\s+([<>]?\s*\d{8}(?:\s*-\s*\d{8})?)\]/g)];
      if (!codes.length) throw new KbImportError(`${where}: a government entry without [CODE date]`);
      const [first, ...aliases] = all.map(phraseToName);
      for (const c of codes) {
        try {
          rows.push({ id: slug(first!), kind: 'person', name: first!, aliases, role: 'official', title, ...codeRow(c[1]!, c[2], where), country });
        } catch (err) {
          if (!(err instanceof KbImportError)) throw err;
          warnings.push(err.message);
        }
      }
    }
  }));
  if (inCountry) throw new KbImportError(`${file}: the last <Country> is not closed`);
  if (!rows.length) throw new KbImportError(`${file}: no <Country> leaders or government entries found`);
  checkWarnings(file, rows, warnings);
  return { rows, warnings };
}

/** Reads a dictionary file of either kind (CountryInfo is recognised by its tags). */
export function readDictionary(file: string): ImportResult {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (err) {
    throw new KbImportError(`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  // The dictionaries are Latin-1 or UTF-8 with stray bytes: decode leniently.
  const text = buf.toString('latin1').includes('\u00c3') ? buf.toString('utf8') : buf.toString('latin1');
  // CountryInfo carries one stray NUL; real binaries have them early and often.
  if (buf.subarray(0, 4096).includes(0)) throw new KbImportError(`${file}: binary data, not a dictionary`);
  const name = path.basename(file);
  return /<Country>/.test(text) ? parseCountryInfo(text, name) : parseActorDictionary(text, name);
}

/** The rows as a KB file in the officeholders.tsv shape (plus `kind`), for SUMMITRY_KB. */
export function toKbTsv(rows: KbRow[], source: string): string {
  const head = `# Imported by \`summitry kb import\` from ${source}\nid\tname\taliases\tcountry\trole\ttitle\tsector\tstart\tend\tkind\n`;
  return head + rows.map((r) => [r.id, r.name, r.aliases.join('|'), r.country ?? '', r.role, r.title ?? '', r.sector ?? '', r.start, r.end, r.kind].join('\t')).join('\n') + '\n';
}

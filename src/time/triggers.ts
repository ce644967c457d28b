import { loadTable } from '../util/knowledge.js';
import { lexicon } from './lexicon.js';

/**
 * Trigger words: every time expression contains one (a month, a unit, a weekday, a year …).
 * One scan of the text finds them; each pattern is then tried only at the word starts just
 * before the triggers it needs (the pattern table's `needs` column), which keeps the layer fast.
 */

export type TriggerKind =
  | 'month' | 'weekday' | 'season' | 'part' | 'unit' | 'set' | 'year' | 'yearword' | 'numdate' | 'apos' | 'decade'
  | 'decadeword' | 'half' | 'dayword' | 'clock' | 'ago' | 'every' | 'ref' | 'holiday';

let compiled: { re: RegExp; kinds: TriggerKind[] } | null = null;

function triggerRegex(): { re: RegExp; kinds: TriggerKind[] } {
  if (compiled) return compiled;
  const lex = lexicon();
  const holidays = loadTable('timex-holidays.tsv')
    .rows.map((r) => r.name!.split(' ')[0]!.replace(/'.*$/, ''))
    .filter((w, i, a) => a.indexOf(w) === i)
    .join('|');
  const parts: [TriggerKind, string][] = [
    ['month', lex.alternation('month')],
    ['weekday', `(?:${lex.alternation('weekday')})s?`],
    ['season', lex.alternation('season')],
    ['part', lex.alternation('part')],
    ['unit', lex.alternation('unit')],
    ['set', lex.alternation('set')],
    ['year', '(?:1[0-9]|20)\\d\\d'],
    ['yearword', 'nineteen|eighteen|two\\s+thousand'],
    ['numdate', '\\d{4}-\\d\\d-\\d\\d|\\d{1,2}/\\d{1,2}/\\d{2,4}'],
    ['apos', "['’]\\d\\d"],
    ['decade', "(?:\\d\\d)?\\d0['’]?s|['’]\\d0s"],
    ['decadeword', 'twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties'],
    ['half', 'half'],
    ['dayword', 'today|yesterday|tomorrow|tonight'],
    ['clock', '\\d{1,2}[:.]\\d\\d|[ap]\\.?\\s?m\\b\\.?|noon|midday|midnight|\\d{4}\\s*(?:utc|gmt)'],
    ['ago', 'ago'],
    ['every', 'every|each'],
    ['ref', 'now|current(?:ly)?|recent(?:ly)?|past|future|term|present|nowadays|moment|being|period|later'],
    ['holiday', holidays],
  ];
  const body = parts.map(([k, alt]) => `(?<${k}>${alt})`).join('|');
  compiled = { re: new RegExp(`(?<![A-Za-z0-9])(?:${body})(?![A-Za-z])`, 'gi'), kinds: parts.map(([k]) => k) };
  return compiled;
}

export interface Trigger {
  start: number;
  end: number;
  kind: TriggerKind;
}

/** The triggers of a text, in text order. */
export function triggerList(text: string): Trigger[] {
  const { re, kinds } = triggerRegex();
  const out: Trigger[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const g = m.groups!;
    for (const k of kinds)
      if (g[k] !== undefined) {
        out.push({ start: m.index, end: m.index + m[0].length, kind: k });
        break;
      }
  }
  return out;
}

/** How far before its trigger a time expression may start ("each of the last three years"). */
export const LOOKBACK = 40;

const isWordChar = (c: number) => (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || c === 39 || c === 8217 || c > 191;

/** Word starts from LOOKBACK characters before `pos` up to `pos`, ascending, after `after`. */
export function wordStartsBefore(text: string, pos: number, after: number, out: number[]): void {
  out.length = 0;
  const from = Math.max(0, pos - LOOKBACK, after + 1);
  for (let p = from; p <= pos; p++) if (isWordChar(text.charCodeAt(p)) && (p === 0 || !isWordChar(text.charCodeAt(p - 1)))) out.push(p);
}

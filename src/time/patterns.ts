import { loadTable } from '../util/knowledge.js';
import { lexicon, type WordKind } from './lexicon.js';

/**
 * The pattern table (knowledge/timex-patterns.tsv) compiled to global regular expressions.
 * `{kind}` / `{kind:name}` macros expand to the lexicon's words as a named group; the
 * built-in macros below cover numbers, years, days, clock times and modifiers.
 */

export interface TimexPattern {
  name: string;
  type: string;
  norm: string;
  value: string;
  re: RegExp;
  /** row order: the earlier row wins a tie */
  rank: number;
}

const KINDS = new Set<WordKind>(['month', 'weekday', 'season', 'part', 'unit', 'number', 'ordinal', 'rel', 'mod', 'set']);

function builtins(): Record<string, string> {
  const lex = lexicon();
  const numword = `(?:${lex.alternation('number')})(?:[\\s-]+(?:and\\s+)?(?:${lex.alternation('number')}))?`;
  const qmods = ['about', 'around', 'approximately', 'roughly', 'some', 'nearly', 'almost', 'up to', 'no more than', 'within', 'less than', 'under', 'fewer than', 'more than', 'over', 'longer than', 'at least', 'no less than', 'just over', 'just under', 'well over', 'only', 'barely', 'little more than', 'little over']
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/ /g, '\\s+'))
    .join('|');
  const holidays = loadTable('timex-holidays.tsv')
    .rows.map((r) => r.name!)
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/'/g, "['’]").replace(/ /g, '\\s+'))
    .join('|');
  return {
    year: '(?<![$£€#\\d.,-])(?<year>1[0-9]\\d\\d|20\\d\\d)(?![\\d.,-]\\d)',
    yy: "(?<yy>\\d\\d)",
    numword,
    num: `(?<num>\\d+(?:\\.\\d+|\\s+[13]/[24])?|${numword})`,
    yearword:
      '(?<yearword>(?:nineteen|eighteen|twenty)[\\s-]+(?:hundred\\s+(?:and\\s+)?)?(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|o[\\s-]+(?:one|two|three|four|five|six|seven|eight|nine))|two\\s+thousand(?:\\s+(?:and\\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))?)',
    qmod: `(?:(?<qmod>${qmods})\\s+)?`,
    dmod: '(?:(?:the\\s+)?(?<dmod>early|late|mid|earlier|later|beginning|start|end|middle|turn)(?:\\s+(?:of|in))?(?:\\s+the)?(?:\\s+|-|\\s*-\\s*))?',
    clock:
      '(?:(?<hh>[01]?\\d|2[0-3])(?:[:.](?<mm>[0-5]\\d))?\\s*(?<ampm>a\\.?\\s?m\\b\\.?|p\\.?\\s?m\\b\\.?)|(?<hh2>[01]?\\d|2[0-3]):(?<mm2>[0-5]\\d)(?![\\d.]\\d)|(?<hh3>[01]\\d|2[0-3])(?<mm3>[0-5]\\d)(?=\\s*(?:utc|gmt|hours|hrs))|(?<noon>noon|midday|midnight))',
    holiday: `(?<holiday>${holidays})`,
  };
}

let compiled: TimexPattern[] | null = null;

export function expandMacros(pattern: string, where: string): string {
  const lex = lexicon();
  const b = builtins();
  return pattern.replace(/\{(\w+)(?::(\w+))?\}/g, (_m, kind: string, name: string | undefined) => {
    if (kind in b) return name ? b[kind]!.replace(`(?<${kind}>`, `(?<${name}>`) : b[kind]!;
    if (!KINDS.has(kind as WordKind)) throw new Error(`${where}: unknown macro {${kind}}`);
    return `(?<${name ?? kind}>${lex.alternation(kind as WordKind)})`;
  });
}

export function patterns(): TimexPattern[] {
  if (compiled) return compiled;
  const table = loadTable('timex-patterns.tsv');
  compiled = table.rows.map((r, i) => {
    const where = `timex-patterns.tsv row ${r.name}`;
    let re: RegExp;
    try {
      // word-bounded on both sides unless the pattern starts/ends with a non-word token
      re = new RegExp(`(?<![\\w'’])(?:${expandMacros(r.pattern!, where)})(?![\\w])`, 'gi');
    } catch (e) {
      throw new Error(`${where}: ${(e as Error).message}`);
    }
    return { name: r.name!, type: r.type!, norm: r.norm!, value: r.value ?? '', re, rank: i };
  });
  return compiled;
}

import type { Doc, Span } from '../doc/doc.js';
import type { Stage } from '../pipeline/stage.js';
import { loadTable } from '../util/knowledge.js';

/** A line repeated in full (or as the start of a later line) is a scraped photo caption. */
const MIN_REPEAT_CHARS = 30;

interface Rule {
  rule: string;
  re: RegExp;
}

let rules: Rule[] | null = null;
export function boilerplateRules(): Rule[] {
  rules ??= loadTable('boilerplate.tsv').rows.map((r) => ({ rule: r.rule!, re: new RegExp(r.pattern!, 'iu') }));
  return rules;
}

/** Which boilerplate rule a line matches, if any. */
export function matchBoilerplate(line: string): string | null {
  const t = line.trim();
  for (const r of boilerplateRules()) if (r.re.test(t)) return r.rule;
  return null;
}

/** Marks boilerplate lines as `skip` spans. It never cuts the text. */
export const cleanStage: Stage = {
  name: 'clean',
  requires: [],
  produces: ['skip'],
  description: 'marks boilerplate lines (bylines, comment prompts, repeated captions) to skip',
  run(doc: Doc) {
    const spans: Span[] = [];
    const seen: string[] = [];
    let pos = 0;
    for (const line of doc.text.split('\n')) {
      const start = pos;
      pos += line.length + 1;
      const trimmed = line.trim();
      if (!trimmed) continue;
      const lead = start + line.indexOf(trimmed);
      const end = lead + trimmed.length;
      const rule = matchBoilerplate(trimmed);
      if (rule) {
        spans.push({ start: lead, end, label: 'boilerplate', by: `clean/${rule}`, confidence: 0.9 });
        continue;
      }
      if (trimmed.length >= MIN_REPEAT_CHARS && seen.some((s) => trimmed.startsWith(s))) {
        spans.push({ start: lead, end, label: 'boilerplate', by: 'clean/repeated-line', confidence: 0.8 });
        continue;
      }
      if (trimmed.length >= MIN_REPEAT_CHARS) seen.push(trimmed);
    }
    return { skip: spans };
  },
};

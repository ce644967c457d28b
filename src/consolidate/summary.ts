import { loadTable } from '../util/knowledge.js';

export interface SummaryParts {
  participants?: string[];
  source?: string[];
  target?: string[];
  place?: string | null;
}

let templates: Map<string, string> | null = null;

function join(names: string[] | undefined): string {
  if (!names?.length) return '';
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Renders the one-line summary for a mode from knowledge/event-summaries.tsv. */
export function summarize(mode: string | null, type: string, parts: SummaryParts): string {
  templates ??= new Map(loadTable('event-summaries.tsv').rows.map((r) => [r.mode!, r.template!]));
  const template = (mode && templates.get(mode)) ?? `{participants}: ${type.toLowerCase()}[ in {place}]`;
  const values: Record<string, string> = {
    participants: join(parts.participants),
    source: join(parts.source),
    target: join(parts.target),
    place: parts.place ?? '',
  };
  const fill = (s: string, optional: boolean): string | null => {
    let empty = false;
    const out = s.replace(/\{(\w+)\}/g, (_, k: string) => {
      const v = values[k] ?? '';
      if (!v) empty = true;
      return v || '(unnamed)';
    });
    return optional && empty ? null : out;
  };
  return template
    .split(/(\[[^\]]*\])/)
    .map((piece) => (piece.startsWith('[') ? (fill(piece.slice(1, -1), true) ?? '') : fill(piece, false)!))
    .join('');
}

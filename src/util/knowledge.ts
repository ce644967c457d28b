import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/**
 * Knowledge lives in data files under knowledge/ (HeidelTime's and compromise's habit):
 * tab-separated tables with `#` comment lines. The first non-comment line names the columns.
 * Lines of the form `#> input => expected` are examples that double as tests.
 */

export const KNOWLEDGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../knowledge');

export interface Table {
  file: string;
  columns: string[];
  rows: Record<string, string>[];
  examples: { input: string; expect: string; line: number }[];
}

const cache = new Map<string, Table>();

export function loadTable(name: string): Table {
  const hit = cache.get(name);
  if (hit) return hit;
  const file = path.join(KNOWLEDGE_DIR, name);
  const lines = readFileSync(file, 'utf8').split('\n');
  let columns: string[] | null = null;
  const rows: Record<string, string>[] = [];
  const examples: Table['examples'] = [];
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.startsWith('#>')) {
      const [input, expect] = line.slice(2).split('=>').map((s) => s.trim());
      if (input !== undefined && expect !== undefined) examples.push({ input, expect, line: i + 1 });
      return;
    }
    if (line.startsWith('#') || line.trim() === '') return;
    const cells = line.split('\t').map((c) => c.trim());
    if (!columns) {
      columns = cells;
      return;
    }
    if (cells.length > columns.length) throw new Error(`${name}:${i + 1}: ${cells.length} cells, header has ${columns.length}`);
    rows.push(Object.fromEntries(columns.map((c, j) => [c, cells[j] ?? ''])));
  });
  if (!columns) throw new Error(`${name}: no header line`);
  const table: Table = { file, columns, rows, examples };
  cache.set(name, table);
  return table;
}

/** A plain word list: one entry per line, `#` comments. */
export function loadList(name: string): string[] {
  const file = path.join(KNOWLEDGE_DIR, name);
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.replace(/\r$/, '').trim())
    .filter((l) => l && !l.startsWith('#'));
}

/** Statuses that only say an event was in prospect; a report that it occurred outranks them. */
const PROSPECTIVE = new Set(['planned', 'expected', 'rumored', 'proposed', 'uncertain', 'hypothetical']);

export interface HistoryEntry {
  reported: string | null;
  status: string;
  article: string;
}

/** Orders a history by report date (undated reports first), keeping input order on ties. */
export function sortHistory(history: HistoryEntry[]): HistoryEntry[] {
  return history
    .map((h, i) => ({ h, i }))
    .sort((a, b) => (a.h.reported ?? '').localeCompare(b.h.reported ?? '') || a.i - b.i)
    .map((x) => x.h);
}

/**
 * The consolidated status (spec): the most recent report wins, and a report that the event
 * occurred outranks a prospective report (a plan, an expectation) whatever their order.
 */
export function consolidatedStatus(history: HistoryEntry[]): string {
  const sorted = sortHistory(history);
  const latest = sorted[sorted.length - 1];
  if (!latest) throw new Error('an event needs at least one report');
  if (PROSPECTIVE.has(latest.status) && sorted.some((h) => h.status === 'occurred')) return 'occurred';
  return latest.status;
}

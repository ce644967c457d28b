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
  const last = sorted[sorted.length - 1];
  if (!last) throw new Error('an event needs at least one report');
  // Reports of the same date: the most definite one ("called off" over a bare mention of the
  // trip; "confirmed" over "had no information"; "unclear whether it took place" over "was to
  // meet"; a plan over a rumour).
  const latest = sorted.filter((h) => h.reported === last.reported).reduce((a, b) => (rank(b.status) < rank(a.status) ? b : a));
  if (PROSPECTIVE.has(latest.status) && sorted.some((h) => h.status === 'occurred')) return 'occurred';
  return latest.status;
}

/** Precedence among reports of one date, most definite first. */
const PRECEDENCE = ['cancelled', 'postponed', 'occurred', 'negated', 'denied', 'ongoing', 'uncertain', 'planned', 'expected', 'proposed', 'rumored', 'hypothetical'];
const rank = (status: string) => {
  const i = PRECEDENCE.indexOf(status);
  return i < 0 ? PRECEDENCE.length : i;
};

/** Statuses that say the event did not take place. */
const REFUTING = new Set(['denied', 'negated']);

/**
 * Reports disagree on the facts: one independent source says it took place, another denies
 * or negates it. The event keeps its consolidated status and shows both reports.
 * `source` maps an article to its independent source (near-duplicates share one).
 */
export function hasConflict(history: HistoryEntry[], source: (article: string) => string = (a) => a): boolean {
  const said = history.filter((h) => h.status === 'occurred').map((h) => source(h.article));
  const refuted = history.filter((h) => REFUTING.has(h.status)).map((h) => source(h.article));
  return said.some((a) => refuted.some((b) => b !== a));
}

/** One history line per article and status (an article repeating itself says it once). */
export function dedupeHistory<T extends HistoryEntry>(history: T[]): T[] {
  const seen = new Set<string>();
  return history.filter((h) => {
    const k = `${h.article}\u0000${h.status}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

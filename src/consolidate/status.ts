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

/**
 * What the consolidated status, the conflict flag and the evidence count need from an event's
 * history, kept on the event and updated as reports arrive, so an event told by thousands of
 * articles is not re-read in full for each new one. Same answers as `consolidatedStatus`,
 * `hasConflict` and the count of independent sources over the full history (a test checks).
 */
export interface HistorySummary {
  /** The latest report date ('' for undated), null while empty. */
  last: string | null;
  /** Statuses reported on that date. */
  lastStatuses: string[];
  anyOccurred: boolean;
  /** Independent sources (an article, or the one it near-duplicates). */
  sources: string[];
  occurred: string[];
  refuted: string[];
}

export function emptySummary(): HistorySummary {
  return { last: null, lastStatuses: [], anyOccurred: false, sources: [], occurred: [], refuted: [] };
}

const addTo = (list: string[], x: string) => {
  if (!list.includes(x)) list.push(x);
};

/** Adds one report (in place) and returns the summary. */
export function addReport(s: HistorySummary, reported: string | null, status: string, source: string): HistorySummary {
  const day = reported ?? '';
  if (s.last === null || day > s.last) {
    s.last = day;
    s.lastStatuses = [status];
  } else if (day === s.last) addTo(s.lastStatuses, status);
  if (status === 'occurred') {
    s.anyOccurred = true;
    addTo(s.occurred, source);
  }
  if (REFUTING.has(status)) addTo(s.refuted, source);
  addTo(s.sources, source);
  return s;
}

export function mergeSummaries(a: HistorySummary, b: HistorySummary): HistorySummary {
  const out: HistorySummary = { ...a, lastStatuses: [...a.lastStatuses], sources: [...a.sources], occurred: [...a.occurred], refuted: [...a.refuted] };
  if (b.last !== null) {
    if (out.last === null || b.last > out.last) {
      out.last = b.last;
      out.lastStatuses = [...b.lastStatuses];
    } else if (b.last === out.last) for (const x of b.lastStatuses) addTo(out.lastStatuses, x);
  }
  out.anyOccurred ||= b.anyOccurred;
  for (const x of b.sources) addTo(out.sources, x);
  for (const x of b.occurred) addTo(out.occurred, x);
  for (const x of b.refuted) addTo(out.refuted, x);
  return out;
}

/** `consolidatedStatus` from a summary. */
export function summaryStatus(s: HistorySummary): string {
  if (!s.lastStatuses.length) return 'uncertain';
  const latest = s.lastStatuses.reduce((a, b) => (rank(b) < rank(a) ? b : a));
  if (PROSPECTIVE.has(latest) && s.anyOccurred) return 'occurred';
  return latest;
}

/** `hasConflict` from a summary: one source says it occurred, another refutes it. */
export function summaryConflict(s: HistorySummary): boolean {
  return s.occurred.some((a) => s.refuted.some((b) => b !== a));
}

// The event filters (actor, dyad, place, type, status, period, text) live in the URL query,
// so a filtered view is a link. Two actors make a dyad.

export interface Filters {
  actor: string[];
  place: string;
  type: string;
  status: string[];
  from: string;
  to: string;
  q: string;
}

export const NO_FILTERS: Filters = { actor: [], place: '', type: '', status: [], from: '', to: '', q: '' };

export function readFilters(query: URLSearchParams): Filters {
  return {
    actor: query.getAll('actor').filter(Boolean),
    place: query.get('place') ?? '',
    type: query.get('type') ?? '',
    status: (query.get('status') ?? '').split(',').filter(Boolean),
    from: query.get('from') ?? '',
    to: query.get('to') ?? '',
    q: query.get('q') ?? '',
  };
}

export function filterParams(f: Filters): [string, string][] {
  const out: [string, string][] = f.actor.map((a) => ['actor', a]);
  if (f.place) out.push(['place', f.place]);
  if (f.type) out.push(['type', f.type]);
  if (f.status.length) out.push(['status', f.status.join(',')]);
  if (f.from) out.push(['from', f.from]);
  if (f.to) out.push(['to', f.to]);
  if (f.q) out.push(['q', f.q]);
  return out;
}

export function filterQuery(f: Filters): string {
  const s = new URLSearchParams(filterParams(f)).toString();
  return s ? `?${s}` : '';
}

export const hasFilters = (f: Filters) => filterParams(f).length > 0;

/** The PLOVER event types (spec). */
export const EVENT_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;

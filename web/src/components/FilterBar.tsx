import { useEffect, useState, type FormEvent } from 'react';
import { useApi } from '../api';
import { EVENT_TYPES, filterQuery, hasFilters, NO_FILTERS, type Filters } from '../filters';
import { navigate } from '../router';
import { STATUSES, STATUS_NAMES, statusClasses } from '../status';
import type { ActorRow, PlaceRow } from '../types';

const PERIOD = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Filters for the event views, written to the URL of the current view. */
export function FilterBar({ path, filters }: { path: string; filters: Filters }) {
  const actors = useApi<{ items: ActorRow[] }>('/api/actors');
  const places = useApi<{ items: PlaceRow[] }>('/api/places');
  const [draft, setDraft] = useState({ actor: '', place: filters.place, from: filters.from, to: filters.to, q: filters.q });
  useEffect(() => setDraft({ actor: '', place: filters.place, from: filters.from, to: filters.to, q: filters.q }), [filters.place, filters.from, filters.to, filters.q]);

  const go = (f: Filters) => navigate(path + filterQuery(f), { replace: false });
  const badPeriod = [draft.from, draft.to].some((d) => d && !PERIOD.test(d));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (badPeriod) return;
    const actor = draft.actor.trim() && !filters.actor.includes(draft.actor.trim()) ? [...filters.actor, draft.actor.trim()] : filters.actor;
    go({ ...filters, actor, place: draft.place.trim(), from: draft.from.trim(), to: draft.to.trim(), q: draft.q.trim() });
  };
  const toggleStatus = (s: string) =>
    go({ ...filters, status: filters.status.includes(s) ? filters.status.filter((x) => x !== s) : [...filters.status, s] });

  return (
    <form className="filters" onSubmit={submit} aria-label="Filters">
      <div className="filter-row">
        <label className="field actors-field">
          <span>Actors {filters.actor.length === 2 && <em className="hint">(dyad)</em>}</span>
          <div className="chips-input">
            {filters.actor.map((a) => (
              <span className="chip" key={a}>
                {a}
                <button type="button" aria-label={`Remove ${a}`} onClick={() => go({ ...filters, actor: filters.actor.filter((x) => x !== a) })}>
                  ×
                </button>
              </span>
            ))}
            <input
              list="actor-names"
              value={draft.actor}
              placeholder={filters.actor.length ? 'add another…' : 'e.g. Putin'}
              onChange={(e) => setDraft({ ...draft, actor: e.target.value })}
            />
          </div>
          <datalist id="actor-names">
            {actors.data?.items.slice(0, 300).map((a) => <option key={a.name} value={a.name} />)}
          </datalist>
        </label>
        <label className="field">
          <span>Place</span>
          <input list="place-names" value={draft.place} placeholder="e.g. Vladivostok" onChange={(e) => setDraft({ ...draft, place: e.target.value })} />
          <datalist id="place-names">
            {places.data?.items.slice(0, 300).map((p) => <option key={p.name} value={p.name} />)}
          </datalist>
        </label>
        <label className="field narrow">
          <span>Type</span>
          <select value={filters.type} onChange={(e) => go({ ...filters, type: e.target.value })}>
            <option value="">any</option>
            {EVENT_TYPES.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </label>
        <label className="field narrow">
          <span>From</span>
          <input value={draft.from} placeholder="YYYY-MM-DD" aria-invalid={!!draft.from && !PERIOD.test(draft.from)} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </label>
        <label className="field narrow">
          <span>To</span>
          <input value={draft.to} placeholder="YYYY-MM-DD" aria-invalid={!!draft.to && !PERIOD.test(draft.to)} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </label>
        <label className="field grow">
          <span>Text</span>
          <input type="search" value={draft.q} placeholder="words in the summary or the mention" onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
        </label>
        <div className="filter-actions">
          <button type="submit" className="primary" disabled={badPeriod}>
            Apply
          </button>
          {hasFilters(filters) && (
            <button type="button" onClick={() => go(NO_FILTERS)}>
              Clear
            </button>
          )}
        </div>
      </div>
      <div className="filter-row statuses" role="group" aria-label="Status legend and filter">
        <span className="statuses-label">Status</span>
        {STATUS_NAMES.map((s) => (
          <button
            type="button"
            key={s}
            className={`status-toggle ${statusClasses(s)} ${filters.status.includes(s) ? 'on' : ''}`}
            aria-pressed={filters.status.includes(s)}
            title={`${STATUSES[s]!.meaning}: click to ${filters.status.includes(s) ? 'stop filtering on it' : 'show only this (and others picked)'}`}
            onClick={() => toggleStatus(s)}
          >
            <span className={`swatch ${statusClasses(s)}`} aria-hidden="true" />
            <span className={STATUSES[s]!.struck ? 'struck' : undefined}>{s}</span>
          </button>
        ))}
      </div>
      {badPeriod && <div className="error-text">Dates are YYYY, YYYY-MM or YYYY-MM-DD.</div>}
    </form>
  );
}

import { useEffect, useMemo, useRef, useState } from 'react';
import { DataSet } from 'vis-data/peer';
import { Timeline, type DataItem, type TimelineOptions } from 'vis-timeline/peer';
import 'vis-timeline/styles/vis-timeline-graph2d.css';
import { useApi, withQuery } from '../api';
import { Failed, Loading, NoMatches } from '../components/Empty';
import { StatusPill } from '../components/Status';
import { readableValue, span } from '../dates';
import { filterParams, hasFilters, type Filters } from '../filters';
import { Link, navigate } from '../router';
import { statusClasses } from '../status';
import type { TimelineItem } from '../types';

/** Item content as DOM built from text: summaries come from articles, never parsed as HTML. */
function itemContent(it: TimelineItem): HTMLElement {
  const el = document.createElement('div');
  el.className = 'tl-content';
  el.dataset.event = it.id;
  el.dataset.start = it.start ?? '';
  const date = document.createElement('span');
  date.className = 'tl-date';
  const undated = it.dated === false || !it.value;
  date.textContent = undated ? `reported ${readableValue(it.start)}` : readableValue(it.value);
  const text = document.createElement('span');
  text.className = 'tl-text';
  text.textContent = it.summary;
  el.append(date, text);
  return el;
}

function toVisItem(it: TimelineItem): DataItem | null {
  if (!it.start) return null;
  const s = span(it.start, it.end);
  if (!s) return null;
  const precise = s.single && (it.granularity === 'day' || !it.granularity || it.dated === false);
  const undated = it.dated === false || !it.value;
  const cls = `${statusClasses(it.status)} gran-${it.granularity ?? 'none'}${undated ? ' tl-reported' : ''}`;
  return {
    id: it.id,
    content: itemContent(it) as unknown as string,
    start: s.start,
    end: precise ? undefined : s.end,
    type: precise ? 'box' : 'range',
    className: cls,
  };
}

export function TimelineView({ filters }: { filters: Filters }) {
  const url = withQuery('/api/timeline', filterParams(filters));
  const { data, error, loading } = useApi<{ items: TimelineItem[] }>(url);
  const [selected, setSelected] = useState<string | null>(null);
  const [showUndated, setShowUndated] = useState(true);
  const items = data?.items ?? [];
  const drawn = useMemo(() => items.filter((i) => i.start && (showUndated || i.dated !== false)), [items, showUndated]);
  const dated = items.filter((i) => i.start && i.dated !== false).length;
  const undated = items.length - dated;
  const sel = items.find((i) => i.id === selected) ?? null;

  return (
    <div className="page wide">
      <div className="view-head">
        <h1>Timeline</h1>
        <span className="muted">
          {data ? `${dated} dated event${dated === 1 ? '' : 's'}${undated ? `, ${undated} without a date of their own` : ''}` : ''}
        </span>
        <div className="grow" />
        {undated > 0 && (
          <label className="check small">
            <input type="checkbox" checked={showUndated} onChange={(e) => setShowUndated(e.target.checked)} /> show undated at their report date
          </label>
        )}
      </div>
      {error && <Failed error={error} />}
      {!error && loading && !data && <Loading />}
      {data && !items.length && (hasFilters(filters) ? <NoMatches onClear={() => navigate('/timeline')} /> : <NoMatches />)}
      {data && drawn.length > 0 && <VisTimeline items={drawn} onSelect={setSelected} />}
      <p className="muted small">
        Uncertain dates are drawn over the span they name: a month-level date covers its month, a year its year. Events with no date of their own sit at the date of
        their first report (dotted, white). Colour and line show the status (key in the filter bar). Scroll to zoom, drag to pan; click an event for its details.
      </p>
      {sel && (
        <aside className="card selected-event" aria-label="Selected event">
          <div className="card-row">
            <StatusPill status={sel.status} />
            <span className="muted">{sel.type}</span>
            <span className="muted">{readableValue(sel.value)}</span>
          </div>
          <div className="selected-summary">{sel.summary}</div>
          <Link href={`/events/${sel.id}`}>Open the event, its history and sources →</Link>
        </aside>
      )}
      {data && items.length > 0 && <EventTable items={items} />}
    </div>
  );
}

function VisTimeline({ items, onSelect }: { items: TimelineItem[]; onSelect: (id: string | null) => void }) {
  const box = useRef<HTMLDivElement>(null);
  const tl = useRef<Timeline | null>(null);
  const set = useRef(new DataSet<DataItem>());

  useEffect(() => {
    const options: TimelineOptions = {
      stack: true,
      zoomMin: 1000 * 60 * 60 * 24 * 7,
      zoomMax: 1000 * 60 * 60 * 24 * 365 * 40,
      minHeight: '260px',
      maxHeight: '520px',
      verticalScroll: true,
      margin: { item: { horizontal: 4, vertical: 6 } },
      orientation: { axis: 'bottom' },
      selectable: true,
      showCurrentTime: false,
      // Content is DOM we built from text; vis must not sanitise-and-reparse it as HTML.
      xss: { disabled: true },
    };
    const t = new Timeline(box.current!, set.current, options);
    tl.current = t;
    t.on('select', (p: { items: (string | number)[] }) => onSelect(p.items[0] !== undefined ? String(p.items[0]) : null));
    return () => {
      t.destroy();
      tl.current = null;
    };
  }, [onSelect]);

  useEffect(() => {
    const visItems = items.map(toVisItem).filter((x): x is DataItem => !!x);
    set.current.clear();
    set.current.add(visItems);
    tl.current?.fit({ animation: false });
  }, [items]);

  return (
    <div className="timeline-wrap">
      <div className="timeline-tools">
        <button type="button" onClick={() => tl.current?.fit()}>
          Fit all
        </button>
      </div>
      <div ref={box} className="timeline" data-testid="timeline" />
    </div>
  );
}

function EventTable({ items }: { items: TimelineItem[] }) {
  return (
    <section className="card">
      <h2 className="card-title">Events in time order</h2>
      <table className="table">
        <thead>
          <tr>
            <th>When</th>
            <th>Status</th>
            <th>Type</th>
            <th>Event</th>
            <th>Sources</th>
          </tr>
        </thead>
        <tbody>
          {items.map((it) => (
            <tr key={it.id}>
              <td className="nowrap">
                {it.value && it.dated !== false ? readableValue(it.value) : <span className="muted">reported {it.start ? readableValue(it.start) : '—'}</span>}
              </td>
              <td>
                <StatusPill status={it.status} />
              </td>
              <td className="muted">{it.type}</td>
              <td>
                <Link href={`/events/${it.id}`}>{it.summary}</Link>
              </td>
              <td className="muted small">{it.sources.map((s) => s.split('/').pop()).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}


import { useApi } from '../api';
import { Failed, Loading } from '../components/Empty';
import { StatusPill } from '../components/Status';
import { readableValue } from '../dates';
import { filterQuery, NO_FILTERS } from '../filters';
import { Link } from '../router';
import type { Evidence, EventRecord, Sourced } from '../types';

// One event: what, when, where, who, its status as reported over time, and every mention
// linked to its place in the reader.

const base = (s: string) => s.split('/').pop() ?? s;

export function EventView({ id }: { id: string }) {
  const { data: e, error } = useApi<EventRecord>(`/api/events/${encodeURIComponent(id)}`);
  if (error) return <div className="page"><Failed error={error} /></div>;
  if (!e) return <div className="page"><Loading /></div>;
  const articleName = new Map(e.mentions.map((m) => [m.article, base(m.source)]));

  return (
    <div className="page event-page">
      <div className="crumbs">
        <Link href="/timeline">Timeline</Link> / <span>Event</span>
      </div>
      <header className="event-head">
        <div className="card-row">
          <StatusPill status={e.status} />
          <span className="tag">{e.type}</span>
          {e.mode && <span className="tag">{e.mode}</span>}
        </div>
        <h1>{e.summary}</h1>
      </header>
      <div className="facts">
        <div className="fact">
          <div className="fact-k">When</div>
          <div className="fact-v">
            {e.time ? (
              <>
                {readableValue(e.time.value)} <span className="muted small">({e.time.granularity}; “{e.time.text}”)</span>
              </>
            ) : (
              <span className="muted">no date of its own</span>
            )}
          </div>
        </div>
        <div className="fact">
          <div className="fact-k">Where</div>
          <div className="fact-v">
            {e.place ? (
              <Link href={`/map${filterQuery({ ...NO_FILTERS, place: e.place.name })}`}>
                {e.place.name}
                {e.place.country ? `, ${e.place.country}` : ''}
              </Link>
            ) : (
              <span className="muted">no place</span>
            )}
          </div>
        </div>
        <div className="fact">
          <div className="fact-k">Who</div>
          <div className="fact-v">
            {e.actors.length ? (
              <ul className="actors">
                {e.actors.map((a) => (
                  <li key={`${a.name}|${a.role}`}>
                    <Link href={`/timeline${filterQuery({ ...NO_FILTERS, actor: [a.name] })}`}>{a.name}</Link>
                    {a.title && <span className="muted"> · {a.title}</span>}
                    {a.country && <span className="muted"> · {a.country}</span>}
                    <span className="role">{a.role}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <span className="muted">no named actors</span>
            )}
          </div>
        </div>
        {e.topics.length > 0 && (
          <div className="fact">
            <div className="fact-k">Topics</div>
            <div className="fact-v">{e.topics.join(', ')}</div>
          </div>
        )}
      </div>

      <section className="card">
        <h2 className="card-title">Status as reported over time</h2>
        <p className="muted small">The consolidated status is the latest report; a report that it took place outranks an older plan.</p>
        <ol className="history">
          {e.history.map((h, i) => (
            <li key={i}>
              <span className="history-date">{h.reported ? readableValue(h.reported) : 'undated report'}</span>
              <StatusPill status={h.status} />
              <Link href={`/articles/${h.article}`} className="small">
                {articleName.get(h.article) ?? h.article}
              </Link>
            </li>
          ))}
        </ol>
      </section>

      <section className="card">
        <h2 className="card-title">
          Mentions <span className="muted">({e.mentions.length})</span>
        </h2>
        <ul className="mentions">
          {e.mentions.map((m) => (
            <li key={`${m.article}:${m.start}`}>
              <blockquote>{m.text}</blockquote>
              <div className="card-row small">
                <StatusPill status={m.status} />
                {m.reported && <span className="muted">reported {readableValue(m.reported)}</span>}
                {m.attribution && <span className="muted">according to {m.attribution}</span>}
                <Link href={`/articles/${m.article}?at=${m.start}-${m.end}`}>Open in the reader ({base(m.source)}) →</Link>
              </div>
              <Why evidence={e.evidence?.find((x) => x.article === m.article && x.start === m.start && x.end === m.end)} />
            </li>
          ))}
        </ul>
      </section>

    </div>
  );
}

/** Each extracted part of a mention with the rule that produced it. */
function Why({ evidence }: { evidence: Evidence | undefined }) {
  const d = evidence?.detail;
  if (!d) return null;
  const rows: [string, string, string | null | undefined][] = [];
  const part = (what: string, s: Sourced | null | undefined, shown?: string) => {
    if (s) rows.push([what, shown ?? s.text ?? s.name ?? s.value ?? '', s.by]);
  };
  part('trigger', d.trigger);
  rows.push(['status', d.status ?? evidence.status, d.statusBy ?? null]);
  for (const a of d.actors ?? []) part(a.role ?? 'actor', a, a.name);
  part('place', d.place, d.place?.name);
  part('time', d.time, d.time ? `${d.time.value ?? ''} (“${d.time.text ?? ''}”)` : undefined);
  return (
    <details className="why">
      <summary className="small">Why does it say that?</summary>
      <table className="why-table">
        <tbody>
          {rows.map(([k, v, by], i) => (
            <tr key={i}>
              <th>{k}</th>
              <td>{v}</td>
              <td>{by ? <code className="rule">{by}</code> : <span className="muted">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

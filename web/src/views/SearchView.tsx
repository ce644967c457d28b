import { useApi } from '../api';
import { Empty, Failed, Loading } from '../components/Empty';
import { StatusPill } from '../components/Status';
import { readableValue } from '../dates';
import { filterQuery, NO_FILTERS } from '../filters';
import { Link } from '../router';
import type { EventRecord } from '../types';

interface SearchResult {
  articles: { id: string; source: string; snippet: string }[];
  events: EventRecord[];
  totalEvents?: number;
}

/** FTS snippets mark the match with [ ]; shown as <mark>, still as text nodes. */
function Snippet({ text }: { text: string }) {
  const parts = text.split(/(\[[^\]]*\])/);
  return (
    <>
      {parts.map((p, i) => (p.startsWith('[') && p.endsWith(']') ? <mark key={i}>{p.slice(1, -1)}</mark> : p))}
    </>
  );
}

export function SearchView({ query }: { query: URLSearchParams }) {
  const q = (query.get('q') ?? '').trim();
  const { data, error } = useApi<SearchResult>(q ? `/api/search?q=${encodeURIComponent(q)}&limit=30` : null);
  if (!q) return <div className="page"><Empty title="Search">Type words in the search box above: articles and events that contain them are listed here.</Empty></div>;
  const totalEvents = data?.totalEvents ?? data?.events.length ?? 0;
  return (
    <div className="page">
      <div className="view-head">
        <h1>Search: “{q}”</h1>
      </div>
      {error && <Failed error={error} />}
      {!data && !error && <Loading />}
      {data && (
        <div className="search-cols">
          <section className="card">
            <h2 className="card-title">
              Events <span className="muted">({totalEvents})</span>
            </h2>
            {!data.events.length && <p className="muted small">No event mentions “{q}”.</p>}
            <ul className="event-list">
              {data.events.map((e) => (
                <li key={e.id}>
                  <StatusPill status={e.status} /> <span className="muted small">{readableValue(e.time?.value)}</span>
                  <div>
                    <Link href={`/events/${e.id}`}>{e.summary}</Link>
                  </div>
                </li>
              ))}
            </ul>
            {totalEvents > 0 && (
              <p className="small">
                <Link href={`/timeline${filterQuery({ ...NO_FILTERS, q })}`}>All {totalEvents} on the timeline →</Link>
              </p>
            )}
          </section>
          <section className="card">
            <h2 className="card-title">
              Articles <span className="muted">({data.articles.length})</span>
            </h2>
            {!data.articles.length && <p className="muted small">No article contains “{q}”.</p>}
            <ul className="event-list">
              {data.articles.map((a) => (
                <li key={a.id}>
                  <Link href={`/articles/${a.id}`}>{a.source.split('/').pop()}</Link>
                  <div className="small snippet">
                    <Snippet text={a.snippet} />
                  </div>
                </li>
              ))}
            </ul>
          </section>
        </div>
      )}
    </div>
  );
}

import { lazy, Suspense, useCallback, useState } from 'react';
import { useApi } from './api';
import { Loading, NoArticles } from './components/Empty';
import { FilterBar } from './components/FilterBar';
import { DropOverlay, IngestDialog, IngestToast, useIngest } from './components/Ingest';
import { DataVersion } from './data-version';
import { filterQuery, readFilters } from './filters';
import { Link, match, useLocation } from './router';
import type { Health } from './types';
import { ArticlesView } from './views/ArticlesView';
import { EventView } from './views/EventView';
import { ReaderView } from './views/ReaderView';

// The three heavy views (vis-timeline, Leaflet, cytoscape) load on first use.
const TimelineView = lazy(() => import('./views/TimelineView').then((m) => ({ default: m.TimelineView })));
const MapView = lazy(() => import('./views/MapView').then((m) => ({ default: m.MapView })));
const NetworkView = lazy(() => import('./views/NetworkView').then((m) => ({ default: m.NetworkView })));

const TABS = [
  { path: '/timeline', label: 'Timeline' },
  { path: '/map', label: 'Map' },
  { path: '/network', label: 'Network' },
  { path: '/articles', label: 'Articles' },
] as const;

/** The event views share the filter bar and carry the filters when switching tabs. */
const FILTERED = new Set(['/timeline', '/map', '/network']);

export function App() {
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  return (
    <DataVersion.Provider value={version}>
      <Shell onIngested={refresh} />
    </DataVersion.Provider>
  );
}

function Shell({ onIngested }: { onIngested: () => void }) {
  const loc = useLocation();
  const health = useApi<Health>('/api/health');
  const ingest = useIngest(onIngested);
  const [dialog, setDialog] = useState(false);
  const path = loc.path === '/' ? '/timeline' : loc.path.replace(/\/+$/, '') || '/timeline';
  const filters = readFilters(loc.query);
  const keep = FILTERED.has(path) ? filterQuery(filters) : '';
  const empty = health.data && health.data.articles === 0;

  let view;
  let params: Record<string, string> | null;
  if (path === '/timeline') view = <TimelineView filters={filters} />;
  else if (path === '/map') view = <MapView filters={filters} />;
  else if (path === '/network') view = <NetworkView filters={filters} />;
  else if (path === '/articles') view = <ArticlesView query={loc.query} />;
  else if ((params = match('/articles/:id', path))) view = <ReaderView id={params.id!} query={loc.query} />;
  else if ((params = match('/events/:id', path))) view = <EventView id={params.id!} />;
  else
    view = (
      <div className="page">
        <h1>Not found</h1>
        <p>
          There is no page at <code>{loc.path}</code>. <Link href="/timeline">Go to the timeline</Link>.
        </p>
      </div>
    );

  return (
    <div className="app">
      <header className="topbar">
        <Link href="/timeline" className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Summitry
        </Link>
        <nav className="tabs" aria-label="Views">
          {TABS.map((t) => (
            <Link key={t.path} href={t.path + (FILTERED.has(t.path) ? keep : '')} className={path.startsWith(t.path) ? 'tab active' : 'tab'} aria-current={path.startsWith(t.path) ? 'page' : undefined}>
              {t.label}
            </Link>
          ))}
        </nav>
        <div className="topbar-right">
          {health.data && (
            <span className="counts muted">
              {health.data.articles} articles · {health.data.events} events
            </span>
          )}
          <button type="button" className="primary" onClick={() => setDialog(true)}>
            Add articles
          </button>
        </div>
      </header>
      {health.error && <div className="banner error-text">The API does not answer: {health.error.message}</div>}
      {FILTERED.has(path) && !empty && <FilterBar path={path} filters={filters} />}
      <main className="main">{empty && (FILTERED.has(path) || path === '/articles') ? <NoArticles /> : <Suspense fallback={<Loading />}>{view}</Suspense>}</main>
      <DropOverlay onFiles={ingest.sendFiles} />
      {dialog && <IngestDialog onFiles={ingest.sendFiles} onUrl={ingest.sendUrl} onClose={() => setDialog(false)} />}
      {ingest.job && <IngestToast job={ingest.job} onDismiss={ingest.dismiss} />}
    </div>
  );
}

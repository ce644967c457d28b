import type { ReactNode } from 'react';

/** What a view shows when there is nothing to show, and what to do about it. */
export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty" role="status">
      <div className="empty-title">{title}</div>
      {children && <div className="empty-body">{children}</div>}
    </div>
  );
}

export function NoArticles({ onAdd }: { onAdd?: () => void }) {
  return (
    <Empty title="No articles yet">
      <p>
        Drop files anywhere on this page (.txt, .md, .html, .jsonl), or run <code className="nowrap">summitry ingest PATH</code> and reload. Summitry extracts the
        events, then shows them here as a timeline, a map of venues and a network of who meets whom.
      </p>
      {onAdd && (
        <button type="button" className="primary" onClick={onAdd}>
          Choose files…
        </button>
      )}
    </Empty>
  );
}

export function NoMatches({ onClear }: { onClear?: () => void }) {
  return (
    <Empty title="Nothing matches these filters">
      Loosen a filter{onClear ? ' or ' : '.'}
      {onClear && (
        <button type="button" className="linklike" onClick={onClear}>
          clear them all
        </button>
      )}
      {onClear && '.'}
    </Empty>
  );
}

export function Failed({ error }: { error: Error }) {
  return (
    <Empty title="Could not load this">
      <span className="error-text">{error.message}</span>
    </Empty>
  );
}

export function Loading() {
  return <div className="loading" aria-busy="true">Loading…</div>;
}

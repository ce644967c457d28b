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

export function NoArticles() {
  return (
    <Empty title="No articles yet">
      Drop files here (.txt, .md, .html, .jsonl) or run <code>summitry ingest PATH</code>, then reload.
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

import { useEffect, useState, type FormEvent } from 'react';
import { useApi, withQuery } from '../api';
import { Empty, Failed, Loading } from '../components/Empty';
import { Link, navigate } from '../router';
import type { ArticleRecord, Page } from '../types';

const PAGE = 50;

export function ArticlesView({ query }: { query: URLSearchParams }) {
  const q = query.get('q') ?? '';
  const offset = Math.max(0, Number(query.get('offset')) || 0);
  const { data, error, loading } = useApi<Page<ArticleRecord>>(withQuery('/api/articles', [['q', q], ['limit', PAGE], ['offset', offset]]));
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);
  const go = (nq: string, off = 0) => navigate(withQuery('/articles', [['q', nq], ['offset', off || '']]));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    go(draft.trim());
  };

  return (
    <div className="page">
      <div className="view-head">
        <h1>Articles</h1>
        <span className="muted">{data ? `${data.total} article${data.total === 1 ? '' : 's'}${q ? ` matching “${q}”` : ''}` : ''}</span>
        <div className="grow" />
        <form onSubmit={submit} className="inline-search" role="search">
          <input type="search" value={draft} placeholder="Search the text of every article" onChange={(e) => setDraft(e.target.value)} aria-label="Search articles" />
          <button type="submit">Search</button>
        </form>
      </div>
      {error && <Failed error={error} />}
      {!error && loading && !data && <Loading />}
      {data && !data.items.length && (q ? <Empty title={`No article mentions “${q}”`}>Try fewer or other words.</Empty> : <Empty title="No articles yet">Drop files here or run <code>summitry ingest PATH</code>.</Empty>)}
      {data && data.items.length > 0 && (
        <table className="table card">
          <thead>
            <tr>
              <th>Article</th>
              <th>Published</th>
              <th>Publisher</th>
              <th className="num">Sentences</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link href={`/articles/${a.id}`}>{a.title || a.source.split('/').pop()}</Link>
                  {a.title && <div className="muted small">{a.source}</div>}
                </td>
                <td className="nowrap" title={a.published.basis}>
                  {a.published.date ?? <span className="muted">unknown</span>}
                  {a.published.date && a.published.inferred && <span className="muted small"> (inferred)</span>}
                </td>
                <td>{a.publisher ?? <span className="muted">—</span>}</td>
                <td className="num">{a.sentences}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data && data.total > PAGE && (
        <div className="pager">
          <button type="button" disabled={offset === 0} onClick={() => go(q, Math.max(0, offset - PAGE))}>
            ← Previous
          </button>
          <span className="muted">
            {offset + 1}–{Math.min(data.total, offset + PAGE)} of {data.total}
          </span>
          <button type="button" disabled={offset + PAGE >= data.total} onClick={() => go(q, offset + PAGE)}>
            Next →
          </button>
        </div>
      )}
    </div>
  );
}

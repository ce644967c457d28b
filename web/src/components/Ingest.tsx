import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { getJson } from '../api';
import type { IngestProgress } from '../types';

// Ingest from the browser: files dropped anywhere on the page (or picked), or a URL. The
// server answers with a job id; progress comes back as server-sent events.

interface Job {
  label: string;
  progress: IngestProgress;
  finished: boolean;
  error: string | null;
}

function problemText(p: unknown): string {
  if (typeof p === 'string') return p;
  const o = p as { input?: string; reason?: string; message?: string };
  return [o.input, o.reason ?? o.message].filter(Boolean).join(': ') || JSON.stringify(p);
}

export function useIngest(onFinished: () => void) {
  const [job, setJob] = useState<Job | null>(null);
  const source = useRef<EventSource | null>(null);

  const follow = useCallback(
    (id: string, label: string) => {
      source.current?.close();
      setJob({ label, progress: {}, finished: false, error: null });
      const es = new EventSource(`/api/ingest/${encodeURIComponent(id)}/events`);
      source.current = es;
      es.onmessage = (m: MessageEvent<string>) => {
        const p = JSON.parse(m.data) as IngestProgress;
        setJob((j) => (j ? { ...j, progress: { ...j.progress, ...p }, finished: !!p.finished, error: p.error ?? null } : j));
        if (p.finished) {
          es.close();
          onFinished();
        }
      };
      es.onerror = () => {
        es.close();
        setJob((j) => (j && !j.finished ? { ...j, finished: true, error: j.error ?? 'lost the connection to the server' } : j));
      };
    },
    [onFinished],
  );

  useEffect(() => () => source.current?.close(), []);

  const start = useCallback(
    async (body: FormData | { url: string }, label: string) => {
      setJob({ label, progress: {}, finished: false, error: null });
      try {
        const init: RequestInit =
          body instanceof FormData
            ? { method: 'POST', body }
            : { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', accept: 'application/json' } };
        const { job: id } = await getJson<{ job: string }>('/api/ingest', init);
        follow(id, label);
      } catch (err) {
        setJob({ label, progress: {}, finished: true, error: (err as Error).message });
      }
    },
    [follow],
  );

  const sendFiles = useCallback(
    (files: File[]) => {
      if (!files.length) return;
      const form = new FormData();
      for (const f of files) form.append('files', f, f.name);
      void start(form, files.length === 1 ? files[0]!.name : `${files.length} files`);
    },
    [start],
  );

  const sendUrl = useCallback((url: string) => void start({ url }, url), [start]);

  return { job, sendFiles, sendUrl, dismiss: () => setJob(null) };
}

/** A full-page drop target that appears while files are dragged over the window. */
export function DropOverlay({ onFiles }: { onFiles: (files: File[]) => void }) {
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => !!e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files');
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setOver(true);
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (!depth) setOver(false);
    };
    const overHandler = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      onFiles(Array.from(e.dataTransfer?.files ?? []));
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', overHandler);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', overHandler);
      window.removeEventListener('drop', drop);
    };
  }, [onFiles]);
  if (!over) return null;
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-card">
        <div className="drop-title">Drop to ingest</div>
        <div>.txt, .md, .html or .jsonl: events are extracted and added to the store.</div>
      </div>
    </div>
  );
}

/** The "Add articles" dialog: pick files or give a URL. */
export function IngestDialog({ onFiles, onUrl, onClose }: { onFiles: (f: File[]) => void; onUrl: (u: string) => void; onClose: () => void }) {
  const [url, setUrl] = useState('');
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!/^https?:\/\/\S+$/.test(url.trim())) return;
    onUrl(url.trim());
    onClose();
  };
  return (
    <dialog ref={dialog} className="dialog" onClose={onClose} aria-labelledby="ingest-title">
      <h2 id="ingest-title">Add articles</h2>
      <p className="muted">Drop files anywhere on the page, pick them here, or fetch a page by URL. Ingesting the same article twice changes nothing.</p>
      <label className="file-pick">
        <input
          type="file"
          multiple
          accept=".txt,.md,.html,.htm,.jsonl,text/plain,text/html,text/markdown"
          onChange={(e) => {
            onFiles(Array.from(e.target.files ?? []));
            onClose();
          }}
        />
        <span>Choose files…</span>
      </label>
      <form onSubmit={submit} className="url-form">
        <input type="url" placeholder="https://…" value={url} onChange={(e) => setUrl(e.target.value)} aria-label="Article URL" />
        <button type="submit" className="primary" disabled={!/^https?:\/\/\S+$/.test(url.trim())}>
          Fetch
        </button>
      </form>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}

/** The progress toast of the running (or last) ingest job. */
export function IngestToast({ job, onDismiss }: { job: Job; onDismiss: () => void }) {
  const { done = 0, total = 0, added = 0, skipped = 0, problems = [] } = job.progress;
  const pct = total ? Math.round((100 * done) / total) : job.finished ? 100 : 0;
  return (
    <div className={`toast ${job.error ? 'toast-error' : ''}`} role="status" aria-live="polite">
      <div className="toast-head">
        <strong>{job.finished ? (job.error ? 'Ingest failed' : 'Ingest finished') : 'Ingesting…'}</strong>
        <span className="muted ellipsis">{job.label}</span>
        {job.finished && (
          <button type="button" className="icon" aria-label="Dismiss" onClick={onDismiss}>
            ×
          </button>
        )}
      </div>
      <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
        <div className="progress-bar" style={{ width: `${pct}%` }} />
      </div>
      <div className="toast-body">
        {total ? `${done} of ${total} read · ` : ''}
        {added} added · {skipped} already stored{problems.length ? ` · ${problems.length} problem${problems.length > 1 ? 's' : ''}` : ''}
      </div>
      {job.error && <div className="error-text">{job.error}</div>}
      {problems.length > 0 && (
        <ul className="problems">
          {problems.slice(0, 5).map((p, i) => (
            <li key={i}>{problemText(p)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

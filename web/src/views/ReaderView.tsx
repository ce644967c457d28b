import { useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { useApi } from '../api';
import { Failed, Loading } from '../components/Empty';
import { flatten, narrowestFirst, segments, type LayerSpan } from '../highlight';
import { Link } from '../router';
import type { ArticleRecord, Span } from '../types';

// The article reader: the text exactly as stored, rendered as React text nodes (never as
// HTML), with every extraction highlighted; hovering or clicking a span says what it is, its
// value and the rule (`by`) that produced it.

const LAYERS = [
  { name: 'timex', label: 'Dates & times' },
  { name: 'actor', label: 'Actors' },
  { name: 'name', label: 'Names' },
  { name: 'place', label: 'Places' },
  { name: 'event', label: 'Event mentions' },
] as const;
const FETCH = 'timex,name,actor,place,event,dct,skip';

type Layers = Record<string, Span[]>;

export function ReaderView({ id, query }: { id: string; query: URLSearchParams }) {
  const article = useApi<ArticleRecord & { text: string }>(`/api/articles/${encodeURIComponent(id)}`);
  const layers = useApi<{ layers: Layers }>(`/api/articles/${encodeURIComponent(id)}/layers?names=${FETCH}`);
  const [shown, setShown] = useState<string[]>(LAYERS.map((l) => l.name));
  const at = /^(\d+)-(\d+)$/.exec(query.get('at') ?? '');
  const focus = at ? { start: +at[1]!, end: +at[2]! } : null;

  if (article.error) return <div className="page"><Failed error={article.error} /></div>;
  if (!article.data) return <div className="page"><Loading /></div>;
  const a = article.data;
  const data = layers.data?.layers ?? {};
  const counts = Object.fromEntries(LAYERS.map((l) => [l.name, data[l.name]?.length ?? 0]));
  const toggle = (n: string) => setShown((s) => (s.includes(n) ? s.filter((x) => x !== n) : [...s, n]));
  const title = a.title || a.source.split('/').pop() || a.id;
  const safeUrl = a.url && /^https?:\/\//i.test(a.url) ? a.url : null;

  return (
    <div className="page wide reader-page">
      <div className="crumbs">
        <Link href="/articles">Articles</Link> / <span>{title}</span>
      </div>
      <header className="reader-head">
        <h1>{title}</h1>
        <div className="meta">
          {a.publisher && <span>{a.publisher}</span>}
          <span title={a.published.basis}>
            {a.published.date ? `Published ${a.published.date}` : 'No publication date'}
            {a.published.date && a.published.inferred ? ' (inferred)' : ''}
            <span className="muted"> · {a.published.basis}</span>
          </span>
          <span className="muted">{a.source}</span>
          {safeUrl && (
            <a href={safeUrl} rel="noopener noreferrer nofollow" target="_blank">
              original
            </a>
          )}
        </div>
      </header>
      <div className="layer-toggles" role="group" aria-label="Highlighted layers">
        {LAYERS.map((l) => (
          <label key={l.name} className={`layer-toggle hl-key-${l.name}`}>
            <input type="checkbox" checked={shown.includes(l.name)} onChange={() => toggle(l.name)} />
            <span className={`key hl-${l.name}`}>{l.label}</span>
            <span className="count">{counts[l.name]}</span>
          </label>
        ))}
        {layers.error && <span className="error-text">Highlights unavailable: {layers.error.message}</span>}
      </div>
      <ArticleText text={a.text} layers={data} shown={shown} focus={focus} />
    </div>
  );
}

function ArticleText({ text, layers, shown, focus }: { text: string; layers: Layers; shown: string[]; focus: { start: number; end: number } | null }) {
  const spans = useMemo(() => flatten(layers, [...shown, 'skip']), [layers, shown]);
  const segs = useMemo(() => segments(text.length, spans), [text, spans]);
  const [hover, setHover] = useState<number | null>(null);
  const [pinned, setPinned] = useState<number | null>(null);
  const [activeSpan, setActiveSpan] = useState<number | null>(null);
  const body = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!focus) return;
    body.current?.querySelector('.focus')?.scrollIntoView({ block: 'center' });
  }, [focus?.start, focus?.end, segs.length]);

  const segAt = (e: MouseEvent): number | null => {
    const el = (e.target as HTMLElement).closest<HTMLElement>('[data-seg]');
    return el ? Number(el.dataset.seg) : null;
  };
  const current = pinned ?? hover;
  const explained = current !== null ? narrowestFirst((segs[current]?.spans ?? []).filter((s) => s.layer !== 'skip')) : [];

  return (
    <div className="reader">
      <div
        ref={body}
        className="article-text"
        data-testid="article-text"
        onMouseOver={(e) => {
          const i = segAt(e);
          setHover(i);
          const sp = i !== null ? narrowestFirst(segs[i]?.spans.filter((s) => s.layer !== 'skip') ?? [])[0] : undefined;
          setActiveSpan(sp?.key ?? null);
        }}
        onMouseLeave={() => {
          setHover(null);
          setActiveSpan(null);
        }}
        onClick={(e) => {
          const i = segAt(e);
          setPinned((p) => (i === null || p === i ? null : i));
        }}
      >
        {segs.map((s, i) => {
          const inFocus = !!focus && s.start >= focus.start && s.end <= focus.end;
          const marked = s.spans.filter((x) => x.layer !== 'skip');
          if (!marked.length && !inFocus && !s.spans.length) return text.slice(s.start, s.end);
          const cls = [...new Set(s.spans.map((x) => `hl-${x.layer}`))];
          if (inFocus) cls.push('focus');
          if (pinned === i) cls.push('pinned');
          if (activeSpan !== null && s.spans.some((x) => x.key === activeSpan)) cls.push('active');
          return (
            <span key={s.start} data-seg={marked.length ? i : undefined} className={cls.join(' ')}>
              {text.slice(s.start, s.end)}
            </span>
          );
        })}
      </div>
      <aside className="explain" aria-live="polite" data-testid="explain">
        <h2 className="card-title">Why does it say that?</h2>
        {!explained.length && <p className="muted small">Hover over a highlighted word to see what was extracted, its value and the rule that produced it. Click to keep it here.</p>}
        {explained.map((s) => (
          <Explanation key={s.key} span={s} text={text} />
        ))}
        {pinned !== null && (
          <button type="button" className="linklike small" onClick={() => setPinned(null)}>
            unpin
          </button>
        )}
      </aside>
    </div>
  );
}

const str = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : null);

/** The one-line value of a span, per layer (the contract in docs/layers.md). */
function valueOf(s: LayerSpan): [string, string][] {
  const a = (s.attrs ?? {}) as Record<string, unknown>;
  const rows: [string, string | null][] = [];
  if (s.layer === 'timex') {
    rows.push(['value', str(a.value)], ['type', str(a.type)], ['granularity', str(a.granularity)], ['covers', a.start ? `${str(a.start)} – ${str(a.end)}` : null], ['modifier', str(a.mod)]);
    if (Array.isArray(a.implied) && a.implied.length) rows.push(['implied', (a.implied as unknown[]).map(String).join(', ')]);
  } else if (s.layer === 'actor') {
    rows.push(['actor', str(a.name)], ['country', str(a.country)], ['title', str(a.title)], ['sector', str(a.sector)], ['resolved via', str(a.via)]);
  } else if (s.layer === 'place') {
    rows.push(['place', str(a.name)], ['country', str(a.country)], ['coordinates', typeof a.lat === 'number' && typeof a.lon === 'number' ? `${a.lat.toFixed(2)}, ${a.lon.toFixed(2)}` : null]);
  } else if (s.layer === 'name') {
    rows.push(['normalised', str(a.norm)], ['kind', str(a.kind)], ['title', str(a.title)]);
  } else if (s.layer === 'event') {
    const actors = Array.isArray(a.actors) ? (a.actors as { name?: string; role?: string }[]).map((x) => `${x.name ?? '?'} (${x.role ?? '?'})`).join(', ') : null;
    const place = (a.place as { name?: string } | null)?.name ?? null;
    const time = (a.time as { value?: string; text?: string } | null) ?? null;
    rows.push(['type', [str(a.type), str(a.mode)].filter(Boolean).join(' / ') || null], ['status', str(a.status)], ['status rule', str(a.statusBy)], ['actors', actors || null], ['place', place], ['time', time ? `${time.value ?? ''} (“${time.text ?? ''}”)` : null], ['attribution', str(a.attribution)]);
  } else if (s.layer === 'trigger') {
    rows.push(['trigger of', str(a.event)]);
  }
  return rows.filter((r): r is [string, string] => r[1] !== null);
}

const LAYER_NAMES: Record<string, string> = { timex: 'Date / time', actor: 'Actor', name: 'Name', place: 'Place', event: 'Event mention', trigger: 'Event trigger' };

function Explanation({ span, text }: { span: LayerSpan; text: string }) {
  const quote = text.slice(span.start, span.end);
  return (
    <div className={`explanation ex-${span.layer}`} data-layer={span.layer}>
      <div className="ex-head">
        <span className={`key hl-${span.layer}`}>{LAYER_NAMES[span.layer] ?? span.layer}</span>
        <span className="ex-label">{span.label}</span>
      </div>
      <blockquote className="ex-quote">{quote.length > 220 ? `${quote.slice(0, 220)}…` : quote}</blockquote>
      <dl className="ex-rows">
        {valueOf(span).map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
        <div>
          <dt>rule</dt>
          <dd>
            <code className="rule">{span.by}</code>
          </dd>
        </div>
        <div>
          <dt>confidence</dt>
          <dd>{Number.isFinite(span.confidence) ? span.confidence.toFixed(2) : '—'}</dd>
        </div>
        <div>
          <dt>offsets</dt>
          <dd>
            {span.start}–{span.end}
          </dd>
        </div>
      </dl>
      {span.attrs && Object.keys(span.attrs).length > 0 && (
        <details>
          <summary className="small">all attributes</summary>
          <pre className="attrs">{JSON.stringify(span.attrs, null, 2)}</pre>
        </details>
      )}
    </div>
  );
}

import cytoscape from 'cytoscape';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useApi, withQuery } from '../api';
import { Empty, Failed, Loading, NoMatches } from '../components/Empty';
import { filterParams, filterQuery, hasFilters, type Filters } from '../filters';
import { Link, navigate } from '../router';
import type { Graph, GraphNode } from '../types';

// Who meets whom: actors as nodes sized by their events, events as edges weighted by count.

const COUNTRY_COLOURS = ['#3d6e9e', '#b5533c', '#4f8a5b', '#8a6bb0', '#b8863b', '#3f8f8f', '#a34f7a', '#6b7a3a'];

function countryColour(country: string | null): string {
  if (!country) return '#7d8894';
  let h = 0;
  for (const ch of country) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return COUNTRY_COLOURS[h % COUNTRY_COLOURS.length]!;
}

export function NetworkView({ filters }: { filters: Filters }) {
  const { data, error, loading } = useApi<Graph>(withQuery('/api/graph', filterParams(filters)));
  const [selected, setSelected] = useState<string | null>(null);
  const [minEvents, setMinEvents] = useState<number | null>(null);
  // By default, show about the 40 busiest actors; the control shows the rest.
  const auto = useMemo(() => {
    const ws = (data?.nodes ?? []).map((n) => n.weight).sort((a, b) => b - a);
    return Math.max(1, ws[Math.min(ws.length, 40) - 1] ?? 1);
  }, [data]);
  const threshold = minEvents ?? auto;
  const graph = useMemo<Graph | null>(() => {
    if (!data) return null;
    const nodes = data.nodes.filter((n) => n.weight >= threshold);
    const keep = new Set(nodes.map((n) => n.id));
    return { nodes, edges: data.edges.filter((e) => keep.has(e.source) && keep.has(e.target)) };
  }, [data, threshold]);
  const names = useMemo(() => new Map((data?.nodes ?? []).map((n) => [n.id, n])), [data]);
  const links = useMemo(
    () =>
      [...(data?.edges ?? [])]
        .sort((a, b) => b.weight - a.weight)
        .map((e) => ({ ...e, a: names.get(e.source), b: names.get(e.target) }))
        .filter((e): e is typeof e & { a: GraphNode; b: GraphNode } => !!e.a && !!e.b),
    [data, names],
  );
  const shown = selected ? links.filter((l) => l.source === selected || l.target === selected) : links;
  const selNode = selected ? names.get(selected) : undefined;

  return (
    <div className="page wide">
      <div className="view-head">
        <h1>Actor network</h1>
        <span className="muted">{data && graph ? `${graph.nodes.length} of ${data.nodes.length} actors, ${graph.edges.length} links` : ''}</span>
        <div className="grow" />
        {data && data.nodes.length > 0 && (
          <label className="check small">
            actors with at least
            <input type="number" min={1} className="tiny" value={threshold} onChange={(e) => setMinEvents(Math.max(1, Number(e.target.value) || 1))} />
            events
          </label>
        )}
        <span className="muted small">Node size: events · line width: events together · colour: country</span>
      </div>
      {error && <Failed error={error} />}
      {!error && loading && !data && <Loading />}
      {data && !data.nodes.length && (hasFilters(filters) ? <NoMatches onClear={() => navigate('/network')} /> : <Empty title="No actors yet">Events with named actors appear here as a network.</Empty>)}
      {data && data.nodes.length > 0 && (
        <div className="split">
          <CytoscapeGraph graph={graph!} selected={selected} onSelect={setSelected} />
          <aside className="side" aria-label="Links">
            <div className="side-head">
              <h2 className="card-title">{selNode ? `Links of ${selNode.name}` : 'Strongest links'}</h2>
              {selNode && (
                <button type="button" className="icon" aria-label="Show all links" onClick={() => setSelected(null)}>
                  ×
                </button>
              )}
            </div>
            {selNode && (
              <p className="small">
                <Link href={`/timeline${filterQuery({ ...filters, actor: [selNode.name] })}`}>{selNode.weight} events on the timeline →</Link>
              </p>
            )}
            {!shown.length && <p className="muted small">No links.</p>}
            <ul className="link-list" data-testid="links">
              {shown.slice(0, 60).map((l) => (
                <li key={`${l.source}|${l.target}`}>
                  <Link href={`/timeline${filterQuery({ ...filters, actor: [l.a.name, l.b.name] })}`} title="This dyad on the timeline">
                    <span className="link-pair">
                      {l.a.name} <span className="muted">—</span> {l.b.name}
                    </span>
                  </Link>
                  <span className="count">{l.weight}</span>
                </li>
              ))}
            </ul>
          </aside>
        </div>
      )}
    </div>
  );
}

function CytoscapeGraph({ graph, selected, onSelect }: { graph: Graph; selected: string | null; onSelect: (id: string | null) => void }) {
  const box = useRef<HTMLDivElement>(null);
  const cy = useRef<cytoscape.Core | null>(null);

  useEffect(() => {
    const maxW = Math.max(1, ...graph.nodes.map((n) => n.weight));
    const maxE = Math.max(1, ...graph.edges.map((e) => e.weight));
    const c = cytoscape({
      container: box.current!,
      elements: [
        ...graph.nodes.map((n) => ({ data: { id: n.id, label: n.name, weight: n.weight, colour: countryColour(n.country) } })),
        ...graph.edges.map((e) => ({ data: { id: `${e.source}|${e.target}`, source: e.source, target: e.target, weight: e.weight } })),
      ],
      style: [
        {
          selector: 'node',
          style: {
            'background-color': 'data(colour)',
            label: 'data(label)',
            width: `mapData(weight, 1, ${maxW}, 14, 58)`,
            height: `mapData(weight, 1, ${maxW}, 14, 58)`,
            'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
            'font-size': `mapData(weight, 1, ${maxW}, 10, 15)`,
            'min-zoomed-font-size': 7,
            color: '#1f2933',
            'text-valign': 'bottom',
            'text-margin-y': 4,
            'text-background-color': '#ffffff',
            'text-background-opacity': 0.8,
            'text-background-padding': '2px',
            'border-width': 2,
            'border-color': '#ffffff',
          },
        },
        {
          selector: 'edge',
          style: {
            width: `mapData(weight, 1, ${maxE}, 1, 9)`,
            'line-color': '#a9b3be',
            opacity: 0.75,
            'curve-style': 'haystack',
          },
        },
        { selector: 'node:selected', style: { 'border-color': '#1f2933', 'border-width': 3 } },
        { selector: '.faded', style: { opacity: 0.15 } },
        { selector: 'edge.hot', style: { 'line-color': '#3d6e9e', opacity: 1 } },
      ],
      layout: { name: 'cose', animate: false, nodeRepulsion: () => 14000, idealEdgeLength: () => 110, componentSpacing: 60, nodeOverlap: 20, padding: 30, randomize: false },
      minZoom: 0.2,
      maxZoom: 3,
      wheelSensitivity: 0.3,
    });
    c.on('tap', 'node', (e) => onSelect(e.target.id() as string));
    c.on('tap', (e) => {
      if (e.target === c) onSelect(null);
    });
    cy.current = c;
    return () => {
      c.destroy();
      cy.current = null;
    };
  }, [graph, onSelect]);

  useEffect(() => {
    const c = cy.current;
    if (!c) return;
    c.elements().removeClass('faded hot');
    if (!selected) return;
    const n = c.getElementById(selected);
    const hood = n.closedNeighborhood();
    c.elements().not(hood).addClass('faded');
    n.connectedEdges().addClass('hot');
  }, [selected, graph]);

  return <div ref={box} className="network" data-testid="network" />;
}

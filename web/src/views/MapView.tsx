import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import worldUrl from 'world-atlas/countries-50m.json?url';
import { useApi, withQuery } from '../api';
import { Empty, Failed, Loading } from '../components/Empty';
import { StatusPill } from '../components/Status';
import { readableValue } from '../dates';
import { filterParams, filterQuery, hasFilters, type Filters } from '../filters';
import { loadWorld } from '../geo';
import { Link } from '../router';
import type { EventRecord, Page, PlaceRow } from '../types';

interface MapPlace {
  name: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
  events: number;
}

const located = (p: MapPlace): p is MapPlace & { lat: number; lon: number } => typeof p.lat === 'number' && typeof p.lon === 'number';

/** Places of the filtered events (the full place list when nothing is filtered). */
function usePlaces(filters: Filters) {
  const filtered = hasFilters(filters);
  const all = useApi<{ items: PlaceRow[] }>(filtered ? null : '/api/places');
  const events = useApi<Page<EventRecord>>(filtered ? withQuery('/api/events', [...filterParams(filters), ['limit', 500]]) : null);
  const places = useMemo<MapPlace[] | null>(() => {
    if (!filtered) return all.data?.items ?? null;
    if (!events.data) return null;
    const by = new Map<string, MapPlace>();
    for (const e of events.data.items) {
      if (!e.place) continue;
      const p = by.get(e.place.name) ?? { ...e.place, events: 0 };
      p.events++;
      by.set(e.place.name, p);
    }
    return [...by.values()].sort((a, b) => b.events - a.events);
  }, [filtered, all.data, events.data]);
  return { places, error: filtered ? events.error : all.error };
}

export function MapView({ filters }: { filters: Filters }) {
  const { places, error } = usePlaces(filters);
  const [selected, setSelected] = useState<string | null>(null);
  const onMap = (places ?? []).filter(located);
  const offMap = (places ?? []).filter((p) => !located(p));

  return (
    <div className="page wide map-page">
      <div className="view-head">
        <h1>Map of venues</h1>
        <span className="muted">{places ? `${onMap.length} places on the map${offMap.length ? `, ${offMap.length} without coordinates` : ''}` : ''}</span>
      </div>
      {error && <Failed error={error} />}
      <div className="split">
        <div className="map-box">
          <LeafletMap places={onMap} selected={selected} onSelect={setSelected} />
          {places && !onMap.length && (
            <div className="map-note">
              <Empty title="No venue has coordinates yet">Places appear on the map once the gazetteer resolves them; the list shows them by name.</Empty>
            </div>
          )}
        </div>
        <aside className="side">
          {!places && !error && <Loading />}
          {selected ? (
            <PlaceEvents name={selected} filters={filters} onClose={() => setSelected(null)} />
          ) : (
            places && <PlaceList places={places} onSelect={setSelected} />
          )}
        </aside>
      </div>
    </div>
  );
}

function PlaceList({ places, onSelect }: { places: MapPlace[]; onSelect: (n: string) => void }) {
  if (!places.length) return <Empty title="No places">No event here names a place.</Empty>;
  const on = places.filter(located);
  const off = places.filter((p) => !located(p));
  const list = (ps: MapPlace[]) => (
    <ul className="place-list">
      {ps.map((p) => (
        <li key={p.name}>
          <button type="button" className="linklike" onClick={() => onSelect(p.name)}>
            {p.name}
          </button>
          {p.country && <span className="muted small">{p.country}</span>}
          <span className="count">{p.events}</span>
        </li>
      ))}
    </ul>
  );
  return (
    <div>
      <h2 className="card-title">Places by events</h2>
      {on.length > 0 && list(on)}
      {off.length > 0 && (
        <>
          <h3>Not on the map: no coordinates yet</h3>
          {list(off)}
        </>
      )}
    </div>
  );
}

function PlaceEvents({ name, filters, onClose }: { name: string; filters: Filters; onClose: () => void }) {
  const f = { ...filters, place: name };
  const { data, error } = useApi<Page<EventRecord>>(withQuery('/api/events', [...filterParams(f), ['limit', 50]]));
  return (
    <div>
      <div className="side-head">
        <h2 className="card-title">{name}</h2>
        <button type="button" className="icon" aria-label="Back to the list" onClick={onClose}>
          ×
        </button>
      </div>
      {error && <Failed error={error} />}
      {data && (
        <>
          <p className="muted small">
            {data.total} event{data.total === 1 ? '' : 's'} · <Link href={`/timeline${filterQuery(f)}`}>on the timeline</Link>
          </p>
          <ul className="event-list">
            {data.items.map((e) => (
              <li key={e.id}>
                <StatusPill status={e.status} /> <span className="muted small">{readableValue(e.time?.value)}</span>
                <div>
                  <Link href={`/events/${e.id}`}>{e.summary}</Link>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function markerIcon(p: MapPlace, selected: boolean): L.DivIcon {
  const size = Math.round(10 + 6 * Math.sqrt(p.events));
  const dot = document.createElement('div');
  dot.className = selected ? 'place-dot selected' : 'place-dot';
  dot.dataset.place = p.name;
  dot.textContent = p.events > 1 ? String(p.events) : '';
  return L.divIcon({ html: dot, className: 'place-marker', iconSize: [size, size], iconAnchor: [size / 2, size / 2] });
}

function LeafletMap({ places, selected, onSelect }: { places: (MapPlace & { lat: number; lon: number })[]; selected: string | null; onSelect: (n: string) => void }) {
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);

  useEffect(() => {
    const m = L.map(box.current!, { zoomSnap: 0.5, minZoom: 1, maxZoom: 12, worldCopyJump: false, maxBounds: [[-85, -200], [85, 200]], attributionControl: true });
    m.attributionControl.setPrefix(false);
    m.attributionControl.addAttribution('Outline: Natural Earth (world-atlas)');
    m.setView([45, 110], 2.5);
    map.current = m;
    layer.current = L.layerGroup().addTo(m);
    let live = true;
    loadWorld(worldUrl).then(
      (world) => {
        if (!live) return;
        L.geoJSON(world, { style: { color: '#b9bfc7', weight: 0.6, fillColor: '#f5f4f0', fillOpacity: 1 }, interactive: false }).addTo(m).bringToBack();
      },
      (err: Error) => console.error(err.message),
    );
    return () => {
      live = false;
      m.remove();
      map.current = null;
    };
  }, []);

  useEffect(() => {
    const m = map.current;
    const g = layer.current;
    if (!m || !g) return;
    g.clearLayers();
    const sorted = [...places].sort((a, b) => a.events - b.events); // big ones on top
    sorted.forEach((p, i) => {
      const label = document.createElement('span');
      label.textContent = `${p.name} · ${p.events} event${p.events === 1 ? '' : 's'}`;
      const mk = L.marker([p.lat, p.lon], { icon: markerIcon(p, p.name === selected), title: p.name, alt: p.name, keyboard: true, riseOnHover: true, zIndexOffset: i });
      // The biggest venues keep their names on the map; the rest show them on hover.
      mk.bindTooltip(label, { direction: 'right', offset: [8, 0], permanent: i >= sorted.length - 6, className: 'place-label' });
      mk.on('click', () => onSelect(p.name));
      mk.addTo(g);
    });
  }, [places, selected, onSelect]);

  useEffect(() => {
    if (!map.current || !places.length) return;
    const b = L.latLngBounds(places.map((p) => [p.lat, p.lon] as [number, number]));
    map.current.fitBounds(b.pad(0.3), { maxZoom: 5, animate: false });
  }, [places]);

  useEffect(() => {
    const p = places.find((x) => x.name === selected);
    if (p && map.current) map.current.panTo([p.lat, p.lon]);
  }, [selected, places]);

  return <div ref={box} className="map" data-testid="map" />;
}

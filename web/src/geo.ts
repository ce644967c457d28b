import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

// The offline world outline: Natural Earth countries (world-atlas TopoJSON) in spherical
// coordinates. A few rings (Russia's Chukotka, Fiji, Antarctica) run across the antimeridian,
// which on a flat map draws as a band across the whole world; they are cut at ±180° here.

type Ring = Position[];

/** Longitudes made continuous along the ring (a jump over 180° is taken the short way). */
function unwrap(ring: Ring): Ring {
  const out: Ring = [];
  let shift = 0;
  for (let i = 0; i < ring.length; i++) {
    const [lon, lat] = ring[i] as [number, number];
    if (i > 0) {
      const prev = (ring[i - 1] as [number, number])[0];
      if (lon - prev > 180) shift -= 360;
      else if (prev - lon > 180) shift += 360;
    }
    out.push([lon + shift, lat]);
  }
  return out;
}

/** Sutherland–Hodgman against one vertical line: keeps the side where `inside(lon)`. */
function clip(ring: Ring, edge: number, keepBelow: boolean): Ring {
  const inside = (p: Position) => (keepBelow ? p[0]! <= edge : p[0]! >= edge);
  const cross = (a: Position, b: Position): Position => {
    const t = (edge - a[0]!) / (b[0]! - a[0]!);
    return [edge, a[1]! + t * (b[1]! - a[1]!)];
  };
  const out: Ring = [];
  for (let i = 0; i < ring.length; i++) {
    const cur = ring[i]!;
    const prev = ring[(i + ring.length - 1) % ring.length]!;
    if (inside(cur)) {
      if (!inside(prev)) out.push(cross(prev, cur));
      out.push(cur);
    } else if (inside(prev)) out.push(cross(prev, cur));
  }
  if (out.length && (out[0]![0] !== out[out.length - 1]![0] || out[0]![1] !== out[out.length - 1]![1])) out.push(out[0]!);
  return out.length >= 4 ? out : [];
}

const shifted = (ring: Ring, by: number): Ring => ring.map(([lon, lat]) => [lon! + by, lat!]);

/** One ring as one or two rings inside [-180, 180]. */
export function cutRing(ring: Ring): Ring[] {
  const u = unwrap(ring);
  const lons = u.map((p) => p[0]!);
  const max = Math.max(...lons);
  const min = Math.min(...lons);
  if (max <= 180 && min >= -180) return [ring];
  // A ring that still spans the globe after unwrapping (Antarctica) encircles a pole: close it
  // along the map's edge instead of cutting it.
  if (max - min >= 359) return [closeAroundPole(u)];
  const by = max > 180 ? -360 : 360;
  return [clip(u, by < 0 ? 180 : -180, by < 0), clip(shifted(u, by), by < 0 ? -180 : 180, by > 0)].filter((r) => r.length);
}

/** A ring around a pole, as a polygon down to the map's bottom (or top) edge. */
function closeAroundPole(u: Ring): Ring {
  const wrapped = u.map(([lon, lat]) => [((((lon! + 180) % 360) + 360) % 360) - 180, lat!] as Position);
  const southern = u.reduce((s, p) => s + p[1]!, 0) < 0;
  const edgeLat = southern ? -89.9 : 89.9;
  // Start at the jump, so the ring runs from -180 to 180 once.
  const jump = wrapped.findIndex((p, i) => i > 0 && Math.abs(p[0]! - wrapped[i - 1]![0]!) > 180);
  const seq = jump > 0 ? [...wrapped.slice(jump), ...wrapped.slice(1, jump)] : wrapped;
  const first = seq[0]!;
  const last = seq[seq.length - 1]!;
  return [...seq, [last[0]! > 0 ? 180 : -180, edgeLat], [first[0]! > 0 ? 180 : -180, edgeLat], first];
}

function cutPolygon(rings: Ring[]): Position[][][] {
  // The outer ring decides the pieces. No ring that crosses the antimeridian has holes at
  // these scales, so a cut polygon keeps only its outer pieces.
  const [outer] = rings;
  if (!outer) return [];
  const pieces = cutRing(outer);
  return pieces.length === 1 && pieces[0] === outer ? [rings] : pieces.map((p) => [p]);
}

export function cutAtAntimeridian(fc: FeatureCollection): FeatureCollection<MultiPolygon> {
  const features: Feature<MultiPolygon>[] = [];
  for (const f of fc.features) {
    const g = f.geometry as Polygon | MultiPolygon | null;
    if (!g) continue;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    features.push({ type: 'Feature', properties: f.properties, id: f.id, geometry: { type: 'MultiPolygon', coordinates: polys.flatMap(cutPolygon) } });
  }
  return { type: 'FeatureCollection', features };
}

let world: Promise<FeatureCollection<MultiPolygon>> | null = null;

/** The countries outline, fetched once from the bundled world-atlas file. */
export function loadWorld(url: string): Promise<FeatureCollection<MultiPolygon>> {
  world ??= fetch(url)
    .then((r) => {
      if (!r.ok) throw new Error(`world outline: ${r.status}`);
      return r.json() as Promise<Topology<{ countries: GeometryCollection }>>;
    })
    .then((topo) => cutAtAntimeridian(feature(topo, topo.objects.countries) as FeatureCollection));
  return world;
}

import type { Doc, Span } from '../doc/doc.js';
import { documentSetting } from '../geo/context.js';
import { findPlaceMentions, type FoundMention } from '../geo/mentions.js';
import { capitalOf, type PlaceRecord } from '../geo/places-data.js';
import { distanceKm, resolveMentions } from '../geo/resolve.js';
import type { Stage } from '../pipeline/stage.js';

/**
 * Places with coordinates (docs/geo.md): names the gazetteer knows, cue phrases and
 * descriptions, resolved together so same-named places are told apart by the article's
 * countries, regions and the other places it names. Layer contract: docs/layers.md.
 */

function attrs(p: PlaceRecord): Record<string, unknown> {
  const a: Record<string, unknown> = { id: p.id, name: p.name, country: p.country, lat: p.lat, lon: p.lon };
  if (p.population) a.population = p.population;
  if (p.geonameid !== undefined) a.geonameid = p.geonameid;
  return a;
}

function span(m: FoundMention, p: PlaceRecord, by: string, confidence: number): Span {
  return { start: m.start, end: m.end, label: p.kind, by: `places/${by}`, confidence: Math.round(confidence * 100) / 100, attrs: attrs(p) };
}

const BIG_NOUNS = new Set(['city', 'port']);
const BIG_TOWN = 50_000;

/** "the Far Eastern Russian city": the nearest town named before it (else after) that fits. */
function antecedent(m: FoundMention, resolved: { m: FoundMention; p: PlaceRecord }[]): PlaceRecord | null {
  const a = m.anaphor!;
  const fits = (p: PlaceRecord) => p.kind === 'city' && (!a.country || p.country === a.country) && (!a.area || distanceKm(p.lat, p.lon, a.area.lat, a.area.lon) <= a.radiusKm);
  // "the … city" / "the … port" means a sizeable town where the article names one.
  const sizeable = (p: PlaceRecord) => p.population >= BIG_TOWN;
  const wantBig = BIG_NOUNS.has(a.noun) && resolved.some((r) => fits(r.p) && sizeable(r.p));
  let best: { p: PlaceRecord; d: number } | null = null;
  for (const r of resolved) {
    if (!fits(r.p) || (wantBig && !sizeable(r.p))) continue;
    // Before the description counts more than after it.
    const d = r.m.start < m.start ? m.start - r.m.end : 2 * (r.m.start - m.end) + 1000;
    if (!best || d < best.d) best = { p: r.p, d };
  }
  return best?.p ?? null;
}

export const placesStage: Stage = {
  name: 'places',
  requires: ['sentence', 'token', 'name'],
  produces: ['place'],
  description: 'places with coordinates and country: gazetteer names, cue phrases, "the Russian capital", chosen by the article context',
  run(doc: Doc) {
    const found = findPlaceMentions(doc);
    const named = found.filter((m) => !m.fixed && !m.anaphor);
    const setting = documentSetting(doc.text);
    const res = resolveMentions(named, setting);
    const spans: Span[] = [];
    const resolved: { m: FoundMention; p: PlaceRecord }[] = [];
    named.forEach((m, i) => {
      const r = res[i]!;
      if (!r.place || r.rule.startsWith('fallback')) return;
      resolved.push({ m, p: r.place });
      spans.push(span(m, r.place, `${m.source}:${r.rule}`, r.confidence * m.confidence));
    });
    for (const m of found) {
      if (m.fixed === 'capital') {
        const p = capitalOf(m.text);
        if (p) spans.push(span(m, p, 'capital-of-country', m.confidence));
      } else if (m.anaphor) {
        const p = antecedent(m, resolved);
        if (p) spans.push(span(m, p, 'described-town', m.confidence));
      }
    }
    return { place: spans };
  },
};

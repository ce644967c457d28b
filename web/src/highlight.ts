import type { Span } from './types';

// The reader's highlighting: the text is cut at every span boundary into segments, and each
// segment knows every span covering it, so overlapping layers (a name inside an event
// sentence, a place that is also an actor) need no nesting and nothing is lost.

export interface LayerSpan extends Span {
  layer: string;
  /** Index in the flat list, for hover/selection. */
  key: number;
}

export interface Segment {
  start: number;
  end: number;
  spans: LayerSpan[];
}

export function flatten(layers: Record<string, Span[]>, shown: readonly string[]): LayerSpan[] {
  const out: LayerSpan[] = [];
  for (const layer of shown) {
    for (const s of layers[layer] ?? []) {
      if (!(s.end > s.start)) continue;
      out.push({ ...s, layer, key: out.length });
      // An event's trigger word is a span of its own, so the reader can mark it.
      const trig = layer === 'event' ? (s.attrs?.trigger as { start?: number; end?: number; by?: string } | undefined) : undefined;
      if (trig && typeof trig.start === 'number' && typeof trig.end === 'number' && trig.end > trig.start) {
        out.push({ start: trig.start, end: trig.end, label: 'trigger', by: trig.by ?? s.by, confidence: s.confidence, attrs: { event: s.label }, layer: 'trigger', key: out.length });
      }
    }
  }
  return out;
}

export function segments(textLength: number, spans: LayerSpan[]): Segment[] {
  const cuts = new Set<number>([0, textLength]);
  for (const s of spans) {
    cuts.add(Math.max(0, Math.min(textLength, s.start)));
    cuts.add(Math.max(0, Math.min(textLength, s.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  // Sweep: spans sorted by start; an active list trimmed as segments pass their end.
  const byStart = [...spans].sort((a, b) => a.start - b.start);
  const out: Segment[] = [];
  let next = 0;
  let active: LayerSpan[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    while (next < byStart.length && byStart[next]!.start <= a) active.push(byStart[next++]!);
    active = active.filter((s) => s.end > a);
    out.push({ start: a, end: b, spans: active.filter((s) => s.start <= a && s.end >= b) });
  }
  return out;
}

/** Spans at a point, narrowest first (the word before the sentence it sits in). */
export const narrowestFirst = (spans: LayerSpan[]) => [...spans].sort((a, b) => a.end - a.start - (b.end - b.start));

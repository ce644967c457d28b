import type { Writable } from 'node:stream';
import type { EventActor } from '../consolidate/consolidate.js';
import type { EventRecord } from '../store/queries.js';

/**
 * GraphML: actors as nodes, events as edges. An event links every pair of its actors; the
 * edge is directed (source to target) when the event has those roles, else undirected.
 * An event with a single actor has no edge (it still counts in that actor's `events`).
 */

/** Text for XML: markup characters escaped, characters XML 1.0 forbids dropped. */
export function xmlText(s: string): string {
  return s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const KEYS: [string, 'node' | 'edge', string, string][] = [
  ['name', 'node', 'name', 'string'],
  ['country', 'node', 'country', 'string'],
  ['events', 'node', 'events', 'int'],
  ['event', 'edge', 'event', 'string'],
  ['type', 'edge', 'type', 'string'],
  ['mode', 'edge', 'mode', 'string'],
  ['status', 'edge', 'status', 'string'],
  ['date', 'edge', 'date', 'string'],
  ['place', 'edge', 'place', 'string'],
  ['summary', 'edge', 'summary', 'string'],
  ['sources', 'edge', 'sources', 'string'],
];

const actorKey = (a: EventActor) => (a.id ? `a:${a.id}` : `n:${a.name}`);
const data = (key: string, value: string | number | null) => (value === null || value === '' ? '' : `<data key="${key}">${xmlText(String(value))}</data>`);

/** The actor pairs an event links: source->target when it has both roles, else every pair. */
function pairs(e: EventRecord): { from: EventActor; to: EventActor; directed: boolean }[] {
  const sources = e.actors.filter((a) => a.role === 'source');
  const targets = e.actors.filter((a) => a.role === 'target');
  if (sources.length && targets.length) return sources.flatMap((from) => targets.filter((to) => actorKey(to) !== actorKey(from)).map((to) => ({ from, to, directed: true })));
  const unique = [...new Map(e.actors.map((a) => [actorKey(a), a])).values()];
  return unique.flatMap((from, i) => unique.slice(i + 1).map((to) => ({ from, to, directed: false })));
}

async function write(out: Writable, s: string): Promise<void> {
  if (!out.write(s)) await new Promise<void>((resolve) => out.once('drain', resolve));
}

export async function exportGraphml(events: AsyncIterable<EventRecord>, out: Writable): Promise<{ events: number; nodes: number; edges: number }> {
  const nodes = new Map<string, { id: string; name: string; country: string | null; events: number }>();
  const edges: string[] = [];
  let n = 0;
  for await (const e of events) {
    n++;
    for (const key of new Set(e.actors.map(actorKey))) {
      const a = e.actors.find((x) => actorKey(x) === key)!;
      const node = nodes.get(key) ?? { id: `n${nodes.size}`, name: a.name, country: a.country, events: 0 };
      node.events++;
      node.country ??= a.country;
      nodes.set(key, node);
    }
    const sources = [...new Set(e.mentions.map((m) => m.source))].join('; ');
    for (const { from, to, directed } of pairs(e)) {
      edges.push(
        `    <edge id="e${edges.length}" source="${nodes.get(actorKey(from))!.id}" target="${nodes.get(actorKey(to))!.id}" directed="${directed}">` +
          data('event', e.id) + data('type', e.type) + data('mode', e.mode) + data('status', e.status) + data('date', e.time?.value ?? null) +
          data('place', e.place?.name ?? null) + data('summary', e.summary) + data('sources', sources) +
          '</edge>\n',
      );
    }
  }
  await write(out, '<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n');
  for (const [id, kind, name, type] of KEYS) await write(out, `  <key id="${id}" for="${kind}" attr.name="${name}" attr.type="${type}"/>\n`);
  await write(out, '  <graph id="summitry" edgedefault="undirected">\n');
  for (const node of nodes.values()) await write(out, `    <node id="${node.id}">${data('name', node.name)}${data('country', node.country)}${data('events', node.events)}</node>\n`);
  for (const edge of edges) await write(out, edge);
  await write(out, '  </graph>\n</graphml>\n');
  return { events: n, nodes: nodes.size, edges: edges.length };
}

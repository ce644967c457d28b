import type { Doc, Span } from '../doc/doc.js';
import type { Stage } from '../pipeline/stage.js';
import { loadTable } from '../util/knowledge.js';
import type { TimexAttrs } from './timex.js';

/**
 * First-cut events: a trigger word in a sentence gives one event mention (the first trigger
 * of the sentence), its actors are the sentence's names, its time the nearest time
 * expression, its status from cue words before the trigger. Issue #5 replaces this.
 */

export type Role = 'source' | 'target' | 'participant';

export interface MentionActor {
  name: string;
  title: string | null;
  role: Role;
  start: number;
  end: number;
  by: string;
}

export interface MentionPlace {
  name: string;
  start: number;
  end: number;
  by: string;
}

export interface MentionTime extends TimexAttrs {
  text: string;
  startOffset: number;
  endOffset: number;
}

export interface EventAttrs {
  type: string;
  mode: string | null;
  status: string;
  statusBy: string;
  trigger: { start: number; end: number; text: string; by: string };
  actors: MentionActor[];
  place: MentionPlace | null;
  time: MentionTime | null;
  topics: string[];
  attribution: string | null;
}

interface Trigger {
  words: string[];
  type: string;
  mode: string;
  form: string;
  roles: string;
  object: string;
}
interface Cue {
  re: RegExp;
  status: string;
  scope: 'before' | 'sentence';
}

let knowledge: { triggers: Map<string, Trigger[]>; cues: Cue[] } | null = null;
function load() {
  if (knowledge) return knowledge;
  const triggers = new Map<string, Trigger[]>();
  for (const r of loadTable('event-triggers.tsv').rows) {
    const words = r.word!.split(/\s+/);
    const t: Trigger = { words, type: r.type!, mode: r.mode!, form: r.form!, roles: r.roles!, object: r.object ?? '' };
    const list = triggers.get(words[0]!) ?? [];
    list.push(t);
    // Longer phrases first: "held talks" before "held".
    list.sort((a, b) => b.words.length - a.words.length);
    triggers.set(words[0]!, list);
  }
  const cues = loadTable('status-cues.tsv').rows.map((r) => ({ re: new RegExp(`\\b(?:${r.cue})\\b`, 'giu'), status: r.status!, scope: (r.scope === 'sentence' ? 'sentence' : 'before') as Cue['scope'] }));
  knowledge = { triggers, cues };
  return knowledge;
}

const MAX_ACTORS = 4;
const PLACE_PREPOSITION = /\b(?:in|to|at|near)\s+(?:the\s+)?$/i;

function findTrigger(doc: Doc, tokens: Span[]): { trigger: Trigger; start: number; end: number } | null {
  const { triggers } = load();
  for (let i = 0; i < tokens.length; i++) {
    const candidates = triggers.get(doc.slice(tokens[i]!).toLowerCase());
    if (!candidates) continue;
    for (const t of candidates) {
      const words = tokens.slice(i, i + t.words.length).map((x) => doc.slice(x).toLowerCase());
      if (words.join(' ') === t.words.join(' ')) return { trigger: t, start: tokens[i]!.start, end: tokens[i + t.words.length - 1]!.end };
    }
  }
  return null;
}

function statusOf(doc: Doc, sentence: Span, triggerStart: number, form: string): { status: string; by: string } {
  const whole = doc.text.slice(sentence.start, sentence.end);
  const cues = load().cues;
  // Sentence-wide cues (cancelled, denied, did not …) override tense and modality.
  for (const cue of cues) {
    if (cue.scope !== 'sentence') continue;
    cue.re.lastIndex = 0;
    const m = cue.re.exec(whole);
    if (m) return { status: cue.status, by: `status/cue:${m[0].toLowerCase()}` };
  }
  const before = doc.text.slice(sentence.start, triggerStart);
  let best: { status: string; by: string; at: number } | null = null;
  for (const cue of cues) {
    if (cue.scope !== 'before') continue;
    cue.re.lastIndex = 0;
    for (let m = cue.re.exec(before); m; m = cue.re.exec(before)) {
      if (!best || m.index > best.at) best = { status: cue.status, by: `status/cue:${m[0].toLowerCase()}`, at: m.index };
    }
  }
  if (best) return best;
  return { status: 'occurred', by: `status/default-${form}` };
}

export function findEvent(doc: Doc, sentence: Span): Span | null {
  const tokens = doc.within('token', sentence.start, sentence.end);
  const hit = findTrigger(doc, tokens);
  if (!hit) return null;
  const { trigger } = hit;
  const timexes = doc.within('timex', sentence.start, sentence.end);
  const inTimex = (s: Span) => timexes.some((t) => t.start <= s.start && t.end >= s.end);
  let place: MentionPlace | null = null;
  const actors: MentionActor[] = [];
  const distanceTo = (s: { start: number; end: number }) => (s.start >= hit.end ? s.start - hit.end : hit.start - s.end);
  for (const n of doc.within('name', sentence.start, sentence.end)) {
    if (inTimex(n)) continue;
    const name = doc.slice(n);
    // A name right after "in"/"to"/"at" is read as the place (first cut, no gazetteer yet).
    if (!place && !n.attrs?.title) {
      const gap = doc.text.slice(Math.max(sentence.start, n.start - 12), n.start);
      const rule = PLACE_PREPOSITION.test(gap) ? 'place-after-preposition' : trigger.object === 'place' && n.start >= hit.end && !doc.text.slice(hit.end, n.start).trim() ? 'place-as-object' : null;
      if (rule) {
        place = { name, start: n.start, end: n.end, by: `events/${rule}` };
        continue;
      }
    }
    if (actors.some((a) => a.name === name)) continue;
    const role: Role = trigger.roles === 'participants' ? 'participant' : n.start < hit.start ? 'source' : 'target';
    actors.push({ name, title: (n.attrs?.title as string | undefined) ?? null, role, start: n.start, end: n.end, by: n.by });
  }
  // First cut: the actors nearest the trigger, so a long sentence does not list everyone.
  actors.sort((a, b) => distanceTo(a) - distanceTo(b));
  actors.splice(MAX_ACTORS);
  actors.sort((a, b) => a.start - b.start);
  // The time expression nearest the trigger.
  let time: MentionTime | null = null;
  let bestDistance = Infinity;
  for (const t of timexes) {
    const distance = t.start >= hit.end ? t.start - hit.end : hit.start - t.end + 1;
    if (distance < bestDistance) {
      bestDistance = distance;
      time = { ...(t.attrs as unknown as TimexAttrs), text: doc.slice(t), startOffset: t.start, endOffset: t.end };
    }
  }
  const status = statusOf(doc, sentence, hit.start, trigger.form);
  const attrs: EventAttrs = {
    type: trigger.type,
    mode: trigger.mode,
    status: status.status,
    statusBy: status.by,
    trigger: { start: hit.start, end: hit.end, text: doc.text.slice(hit.start, hit.end), by: `events/trigger:${trigger.words.join(' ')}` },
    actors,
    place,
    time,
    topics: [],
    attribution: null,
  };
  return { start: sentence.start, end: sentence.end, label: trigger.type, by: `events/trigger:${trigger.words.join(' ')}`, confidence: 0.5, attrs: attrs as unknown as Record<string, unknown> };
}

export const eventsStage: Stage = {
  name: 'events',
  requires: ['sentence', 'token', 'name', 'timex'],
  produces: ['event'],
  description: 'event mentions from trigger words, with actors, place, time and status (first cut)',
  run(doc: Doc) {
    const spans: Span[] = [];
    for (const s of doc.layer('sentence')) {
      // A headline restates the body's main event; until mentions merge (issue #6) it would
      // count that event twice.
      if (s.label === 'headline') continue;
      const e = findEvent(doc, s);
      if (e) spans.push(e);
    }
    return { event: spans };
  },
};

import { loadList, loadTable } from '../util/knowledge.js';

/**
 * The event stage's knowledge, loaded once per process from knowledge/: trigger frames and
 * their argument slots, status cues with scope, topics, attribution patterns.
 */

export type Form = 'base' | 'present' | 'past' | 'participle' | 'gerund' | 'noun';
export type Role = 'source' | 'target' | 'participant';
export type SlotRole = Role | 'place' | 'place-or-target' | 'venue';

export interface Frame {
  lemma: string;
  type: string;
  mode: string | null;
  context: string | null;
  frame: string;
  govern: '' | 'absorb';
  /** "object": the event counts only with an actor as its object. */
  needs: string;
  /** For intentions: the type when the complement is a material conflict ("wants to attack"). */
  hostile: string | null;
  /** The status the trigger itself gives its event, as a cue would ("invited": proposed). */
  status: string | null;
}

export interface TriggerEntry {
  words: string[];
  frame: Frame;
  form: Form;
}

export interface Topic {
  topic: string;
  re: RegExp;
}

export interface AttributionPattern {
  name: string;
  /** A word the sentence must contain before the pattern is tried. */
  needs: string;
  re: RegExp;
}

/** Regular inflection: visit -> visits visited visited visiting. */
export function inflect(base: string): string[] {
  const s = /(?:s|x|z|ch|sh)$/.test(base) ? `${base}es` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ies` : `${base}s`;
  const ed = base.endsWith('e') ? `${base}d` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ied` : `${base}ed`;
  const ing = /[^e]e$/.test(base) ? `${base.slice(0, -1)}ing` : `${base}ing`;
  return [base, s, ed, ed, ing];
}

const SLOT_FORMS: Form[] = ['base', 'present', 'past', 'participle', 'gerund'];

let triggers: Map<string, TriggerEntry[]> | null = null;

/** Trigger entries by their first word, longest phrases first. */
export function triggerIndex(): Map<string, TriggerEntry[]> {
  if (triggers) return triggers;
  const index = new Map<string, TriggerEntry[]>();
  const add = (phrase: string, frame: Frame, form: Form) => {
    if (!phrase || phrase === '-') return;
    const words = phrase.toLowerCase().split(/\s+/);
    const list = index.get(words[0]!) ?? [];
    // The same surface form may be two forms (met: past and participle); keep the first.
    if (!list.some((e) => e.words.join(' ') === words.join(' ') && e.frame === frame && (e.form === 'noun') === (form === 'noun'))) list.push({ words, frame, form });
    index.set(words[0]!, list);
  };
  for (const r of loadTable('event-frames.tsv').rows) {
    const frame: Frame = { lemma: r.lemma!, type: r.type!, mode: r.mode || null, context: r.context || null, frame: r.frame!, govern: r.govern === 'absorb' ? 'absorb' : '', needs: r.needs ?? '', hostile: r.hostile || null, status: r.status || null };
    const verbs = r.verbs ? r.verbs.split('|').map((v) => v.trim()) : [];
    if (verbs.length === 1) verbs.splice(0, 1, ...inflect(verbs[0]!));
    if (verbs.length % 5) throw new Error(`event-frames.tsv: ${r.lemma}: verb forms come in fives (base|3rd person|past|participle|-ing)`);
    verbs.forEach((v, i) => add(v, frame, SLOT_FORMS[i % 5]!));
    for (const n of r.nouns ? r.nouns.split('|') : []) add(n.trim(), frame, 'noun');
  }
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  triggers = index;
  return index;
}

export interface TypeClass {
  cls: 'verbal-coop' | 'material-coop' | 'verbal-conflict' | 'material-conflict';
  intent: string | null;
  refusal: string | null;
}

let classes: Map<string, TypeClass> | null = null;

/** PLOVER's quad class of a type and what an announced intention to act counts as (knowledge/event-type-classes.tsv). */
export function typeClass(type: string): TypeClass | null {
  classes ??= new Map(loadTable('event-type-classes.tsv').rows.map((r) => [r.type!, { cls: r.class as TypeClass['cls'], intent: r.intent || null, refusal: r.refusal || null }]));
  return classes.get(type) ?? null;
}

let receiveObjects: Map<string, { type: string; mode: string | null }> | null = null;

/** What receiving an object is, by the object's head noun (knowledge/event-receive-objects.tsv); keys "lemma noun". */
export function receiveObject(lemma: string, noun: string): { type: string; mode: string | null } | null {
  receiveObjects ??= new Map(loadTable('event-receive-objects.tsv').rows.map((r) => [`${r.lemma} ${r.noun}`, { type: r.type!, mode: r.mode || null }]));
  return receiveObjects.get(`${lemma} ${noun}`) ?? null;
}

let lightVerbs: Set<string> | null = null;

/** Verbs that lend a nominal trigger their subject ("held talks"): knowledge/event-light-verbs.txt. */
export function lightVerbSet(): Set<string> {
  lightVerbs ??= new Set(loadList('event-light-verbs.txt'));
  return lightVerbs;
}

let slotTable: Map<string, Map<string, SlotRole>> | null = null;

/** The roles a frame gives its slots (knowledge/event-slots.tsv). */
export function frameSlots(frame: string): Map<string, SlotRole> {
  if (!slotTable) {
    slotTable = new Map();
    for (const r of loadTable('event-slots.tsv').rows) {
      const m = slotTable.get(r.frame!) ?? new Map<string, SlotRole>();
      m.set(r.slot!, r.role as SlotRole);
      slotTable.set(r.frame!, m);
    }
  }
  const slots = slotTable.get(frame);
  if (!slots) throw new Error(`event-slots.tsv: no frame "${frame}"`);
  return slots;
}

let topicList: Topic[] | null = null;
let topicUnion: RegExp | null = null;

/** All topics as one regular expression, a named group per row. */
export function topicRegExp(): RegExp {
  // Sticky: tried only at word starts.
  topicUnion ??= new RegExp(`(?:${topics().map((t, i) => `(?<t${i}>${t.re.source.replace(/^\\b/, '')})`).join('|')})`, 'iy');
  return topicUnion;
}

export function topics(): Topic[] {
  topicList ??= loadTable('topics.tsv').rows.map((r) => ({ topic: r.topic!, re: new RegExp(`\\b(?:${r.pattern})\\b`, 'gi') }));
  return topicList;
}

let attribution: AttributionPattern[] | null = null;

export function attributionPatterns(): AttributionPattern[] {
  if (attribution) return attribution;
  const verbs = loadTable('attribution-verbs.tsv').rows.map((r) => r.verb!);
  const np = `[^,;:()"“”]{2,100}?`;
  const v = `(?:${verbs.join('|')})`;
  const t = `(?: (?:on|last|this|late|early) \\w+| \\w+day| yesterday| today| here| earlier| late)*`;
  attribution = loadTable('attribution-patterns.tsv').rows.map((r) => ({
    name: r.name!,
    needs: r.needs ?? '',
    re: new RegExp(r.pattern!.replaceAll('{np}', np).replaceAll('{v}', v).replaceAll('{t}', t), 'iu'),
  }));
  return attribution;
}

import type { Doc, Span } from '../doc/doc.js';
import { lastStartingAt } from '../doc/spans.js';
import { loadTable } from '../util/knowledge.js';

/**
 * "He", "his", "him" to the person they most likely stand for, so "He met Putin" and "his
 * talks with Putin" have both their parties. A deliberately light salience rule, with the
 * pronoun forms as data (knowledge/kb/pronouns.tsv):
 * - in its own sentence, the nearest person before the pronoun ("Xi met Kim when he …");
 *   an object pronoun only across a clause break ("Putin thanked him" is someone else);
 * - else the first person (the likeliest subject) of the nearest earlier sentence, at most
 *   WINDOW sentences back;
 * - no link when someone the actor layer does not know speaks just before it ("an official
 *   said he …"), and never to a photo credit ("Jane Doe / AFP").
 * Measured on the seeds by hand: see docs/actors.md.
 */
const WINDOW = 2;
const COORDINATED = /,\s*(?:and|but|while|yet)\b|;/;
const CLAUSE_BREAK = /[,;:–—]|\b(?:that|which|who|when|so|and|but|because|after|before|while)\b/;

type Case = 'subj' | 'obj' | 'poss' | 'refl';

let forms: { re: RegExp; cases: Map<string, Case> } | null = null;
let reporting: RegExp | null = null;

/** "… said (that) he": the reporting verb just before the pronoun, if any. */
function reportingVerb(): RegExp {
  reporting ??= new RegExp(`\\b(?:${loadTable('attribution-verbs.tsv').rows.map((r) => r.verb!).join('|')})\\s+(?:that\\s+)?$`, 'i');
  return reporting;
}

function pronounForms(): { re: RegExp; cases: Map<string, Case> } {
  if (forms) return forms;
  const cases = new Map<string, Case>();
  for (const r of loadTable('kb/pronouns.tsv').rows) cases.set(r.form!.toLowerCase(), r.case as Case);
  forms = { re: new RegExp(`\\b(?:${[...cases.keys()].join('|')})\\b`, 'gi'), cases };
  return forms;
}

function lastOf<T>(list: readonly T[], ok: (x: T) => boolean): T | undefined {
  for (let i = list.length - 1; i >= 0; i--) if (ok(list[i]!)) return list[i];
  return undefined;
}

/** Person spans for the pronouns of the text, given the stage's other actor spans (text order). */
export function resolvePronouns(doc: Doc, actors: readonly Span[]): Span[] {
  const people = actors.filter((a) => a.label === 'person');
  if (!people.length) return [];
  const sentences = doc.layer('sentence');
  const { re, cases } = pronounForms();
  const sentenceAt = (offset: number): number => lastStartingAt(sentences, offset);
  const bySentence = new Map<number, Span[]>();
  const isCredit = (p: Span) => /^\s*\/\s*\p{Lu}/u.test(doc.text.slice(p.end, p.end + 4));
  for (const p of people) {
    if (isCredit(p)) continue;
    const s = sentenceAt(p.start);
    const list = bySentence.get(s);
    if (list) list.push(p);
    else bySentence.set(s, [p]);
  }
  const covered = (start: number, end: number) => actors.some((a) => a.start < end && start < a.end);
  const out: Span[] = [];
  let unknownSince = -1;
  re.lastIndex = 0;
  for (let m = re.exec(doc.text); m; m = re.exec(doc.text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (covered(start, end)) continue;
    const kase = cases.get(m[0].toLowerCase())!;
    const s = sentenceAt(start);
    let ante: Span | undefined;
    const here = bySentence.get(s) ?? [];
    const said = reportingVerb().exec(doc.text.slice(Math.max(sentences[s]?.start ?? 0, start - 40), start));
    if (said) {
      // The speaker is the antecedent when the actor layer knows them, else nobody we know.
      const speaker = lastOf(here, (p) => p.end <= start - said[0].length && /^[\s,’'s]*$/.test(doc.text.slice(p.end, start - said[0].length)));
      if (!speaker) {
        unknownSince = start;
        continue;
      }
      ante = speaker;
    } else if (unknownSince >= 0 && sentenceAt(unknownSince) === s && !here.some((p) => p.start > unknownSince && p.end <= start)) {
      // Still the unknown speaker: "an official said he … and threw up his hands".
      continue;
    } else if (kase === 'obj') {
      // Not the subject of its own clause ("Putin thanked him"), but across a clause
      // boundary the sentence's people are fair ("…, so the idea of him hosting …").
      ante = lastOf(here, (p) => p.end <= start && CLAUSE_BREAK.test(doc.text.slice(p.end, start)));
    } else {
      // Nearest person before it ("met Kim when he …", "urged Kim to do his utmost"), but
      // across a coordinated clause the subject stays in focus ("He met Putin, and his talks …").
      ante = lastOf(here, (p) => p.end <= start);
      if (ante && COORDINATED.test(doc.text.slice(ante.end, start))) ante = here.find((p) => p.end <= start);
    }
    for (let back = 1; !ante && back <= WINDOW && s - back >= 0; back++) ante = bySentence.get(s - back)?.[0];
    if (!ante) continue;
    const attrs = ante.attrs as Record<string, unknown>;
    // A name nothing vouches for (no KB entry, title or description: "Road Initiative" can
    // be a misread organisation) holds its place but lends no link.
    if (attrs.via === 'name') continue;
    const span: Span = { start, end, label: 'person', by: 'actors/pronoun', confidence: 0.5, attrs: { ...attrs, textTitle: undefined, via: `pronoun:${ante.start}` } };
    out.push(span);
    // A resolved pronoun is itself a candidate: "He met Putin, and his talks …" is still Kim.
    const list = bySentence.get(s);
    if (!list) bySentence.set(s, [span]);
    else {
      let i = list.length;
      while (i > 0 && list[i - 1]!.start > start) i--;
      list.splice(i, 0, span);
    }
  }
  return out;
}

import type { Doc, Span } from '../doc/doc.js';
import type { TimexAttrs } from '../stages/timex.js';
import { loadList, loadTable } from '../util/knowledge.js';
import { argumentCandidates, type Candidate } from './arguments.js';
import { attributionOf } from './attribution.js';
import { frameSlots, lightVerbSet, receiveObject, triggerIndex, typeClass, type Form, type Frame, type Role, type TriggerEntry } from './lexicon.js';
import { BE, DETERMINERS, PREPOSITIONS, clauseSpan, viewOf, wordAt, wordBefore, type SentenceView } from './sentence.js';
import { cueHits, statusOf } from './status.js';
import { topicsIn, topicsWithin } from './topics.js';
import type { EventAttrs, MentionActor, MentionPlace, MentionTime } from './types.js';

/**
 * Event mentions of one sentence: trigger frames (knowledge/event-frames.tsv) matched on the
 * words; each trigger's arguments read from the clause's structure (subject left of the
 * trigger, object right after it, prepositional phrases, a possessive or compound before a
 * nominal trigger); triggers that describe one event fold together ("held talks", "arrived
 * for talks", "agreed to visit"); then time, status, attribution and topics.
 */

interface Trigger {
  entry: TriggerEntry;
  /** Opened by a relative pronoun ("the group that has seized ..."). */
  relative?: boolean;
  frame: Frame;
  first: number;
  last: number;
  form: Form;
  passive: boolean;
  /** A reduced relative ("the forum hosted by Xi"): the noun before it is its subject, no name farther left. */
  reduced?: boolean;
}

interface Filled {
  c: Candidate;
  slot: string;
}

interface Draft {
  t: Trigger;
  /** The argument frame when a rule re-typed the event (an accusation read off a report). */
  frameName?: string;
  /** The status when a rule decided it (an announced intention is itself an event). */
  status?: { status: string; by: string };
  /** The frame's type unless a rule re-typed the event ("said it would attack": THREATEN). */
  type: string;
  mode: string | null;
  fills: Filled[];
  merged: Trigger[];
  dropped: boolean;
  /** A gapped repeat of `t` ("…, and a day later with Klebanov"): where its verb is missing. */
  gap?: { first: number; last: number };
}

let reportingVerbs: Set<string> | null = null;
const reporting = () => (reportingVerbs ??= new Set(loadTable('attribution-verbs.tsv').rows.map((r) => r.verb!)));
let speechVerbs: Set<string> | null = null;
const speech = () => (speechVerbs ??= new Set([...reporting(), ...loadList('event-speech-verbs.txt')]));
let stanceWords: Set<string> | null = null;
/** Words whose time is their own, not their complement event's ("unclear yesterday whether"). */
const stance = () => (stanceWords ??= new Set(loadList('event-time-stance.txt')));

const ADVERBS = new Set(['also', 'not', 'already', 'reportedly', 'finally', 'never', 'just', 'recently', 'again', 'then', 'now', 'soon', 'first', 'successfully', 'formally', 'officially', 'suddenly', 'still', 'yet']);
const NOT_NOUNS = new Set(['has', 'was', 'is', 'this', 'its', 'his', 'as', 'us', 'always', 'also', 'thus', 'perhaps', 'yes', 'whereas', 'was']);
const REDUCED_RELATIVE_NEXT = new Set(['of', 'by', 'for', 'in', 'over', 'during', 'after', 'with', 'as']);
const PLACE_HEADS = new Set(['city', 'capital', 'region', 'province', 'town', 'port', 'village', 'island', 'islands', 'republic', 'territory', 'state', 'county', 'district']);
// "north of Aleppo", "the west of the island": where, not who.
const AREA_HEADS = new Set(['east', 'west', 'north', 'south', 'northeast', 'northwest', 'southeast', 'southwest', 'centre', 'center', 'outskirts', 'heart', 'part', 'parts', 'border', 'coast']);
const COORDINATION = /^[\s,]*(?:and|or|&|as well as)?[\s,]*$/iu;

function isCapitalisedWord(doc: Doc, view: SentenceView, i: number): boolean {
  return /^\p{Lu}/u.test(doc.text[view.words[i]!.start] ?? '');
}

/** A word that reads as a verb form or a clause marker: the end of a noun phrase. */
function breaksPhrase(view: SentenceView, i: number): boolean {
  const w = view.words[i]!.lower;
  return w === ',' || w === 'and' || w === 'that' || w === 'who' || w === 'which' || BE.has(w) || PREPOSITIONS.has(w) || /^[.;:!?()"“”]$/.test(w);
}

const NOT_SUBJECTS = new Set(['i', 'you', 'we', 'they', 'him', 'her', 'them', 'us', 'me', 'it', 'and', 'or', 'who', 'that', 'which', 'to', 'not', 'also', 'then', 'jointly', 'often', 'never']);

/** The phrases of knowledge/event-idioms.txt by each of their words, with the word's place. */
let idioms: Map<string, { phrase: string[]; at: number }[]> | null = null;

/** Whether words i..last lie inside a phrase of knowledge/event-idioms.txt ("when it comes to"). */
function inIdiom(words: SentenceView['words'], i: number, last: number): boolean {
  if (!idioms) {
    idioms = new Map();
    for (const line of loadList('event-idioms.txt')) {
      const phrase = line.split(/\s+/);
      phrase.forEach((w, at) => {
        const list = idioms!.get(w);
        if (list) list.push({ phrase, at });
        else idioms!.set(w, [{ phrase, at }]);
      });
    }
  }
  for (const { phrase, at } of idioms.get(words[i]!.lower) ?? []) {
    const start = i - at;
    if (start < 0 || start + phrase.length - 1 < last) continue;
    if (phrase.every((w, j) => words[start + j]?.lower === w)) return true;
  }
  return false;
}

/** "There were ten soldiers killed": a participle after an existential is the event. */
function existential(view: SentenceView, i: number): boolean {
  for (let k = i - 1; k >= 1 && i - k <= 6; k--) if (view.words[k - 1]!.lower === 'there' && BE.has(view.words[k]!.lower)) return true;
  return false;
}

/**
 * A second finite verb cannot follow a material act's object in one clause without a
 * conjunction: in "freed the nurse, a member of the union detained a year ago" the past
 * participle qualifies the noun before it and has no object of its own (a time may follow).
 * Verbs that govern a complement ("alleged the army killed …") are not such acts.
 */
function qualifyingParticiple(doc: Doc, view: SentenceView, earlier: Trigger[], i: number, last: number): boolean {
  const words = view.words;
  const prev = words[i - 1]?.lower ?? '';
  if (!/ed$/.test(words[last]!.lower) || !/^[a-z]+$/.test(prev)) return false;
  if (DETERMINERS.has(prev) || NOT_NOUNS.has(prev) || AUXILIARIES.has(prev) || ADVERBS.has(prev) || PREPOSITIONS.has(prev) || NOT_SUBJECTS.has(prev)) return false;
  const next = words[last + 1];
  if (next && isCapitalisedWord(doc, view, last + 1)) return false;
  // An object of its own ("jailed the brother", "jailed two men"), unless a time ("two years ago").
  if (next && DETERMINERS.has(next.lower) && !doc.within('timex', next.start, view.end).some((x) => x.start === next.start)) return false;
  return earlier.some((o) => o.form !== 'noun' && o.form !== 'gerund' && !o.passive && o.frame.govern !== 'absorb' && /^material/.test(typeClass(o.frame.type)?.cls ?? '') && words[o.first]!.clause === words[i]!.clause && words.slice(o.last + 1, i).every((w) => !COORDINATORS.has(w.lower) && !BE.has(w.lower) && !RELATIVES.has(w.lower)));
}

function findTriggers(doc: Doc, view: SentenceView): Trigger[] {
  const index = triggerIndex();
  const out: Trigger[] = [];
  const words = view.words;
  for (let i = 0; i < words.length; i++) {
    const list = index.get(words[i]!.lower);
    if (!list) continue;
    // A capitalised trigger word inside a sentence is part of a name ("the Peace Summit Hall").
    if (i > 0 && isCapitalisedWord(doc, view, i) && !/^\p{Lu}+$/u.test(doc.text.slice(words[i]!.start, words[i]!.end))) continue;
    const matches = list.filter((e) => e.words.every((w, k) => words[i + k]?.lower === w));
    if (!matches.length) continue;
    const longest = matches[0]!.words.length;
    const same = matches.filter((e) => e.words.length === longest);
    const prev = words[i - 1]?.lower ?? '';
    const prevText = i > 0 ? doc.text.slice(words[i - 1]!.start, words[i - 1]!.end) : '';
    const nominalContext = DETERMINERS.has(prev) || /['’]s?$/u.test(prevText) || (/^\p{Lu}/u.test(prevText) && !PREPOSITIONS.has(prev)) || /^\d/.test(prev) || /(?:al|ic|ive|ary|ed|ing)$/.test(prev) && !BE.has(prev);
    const nouns = same.filter((e) => e.form === 'noun');
    const verbs = same.filter((e) => e.form !== 'noun');
    const verbContext = prev === 'to' || BE.has(prev) || ['will', 'would', 'could', 'may', 'might', 'should', 'must', 'shall', 'can', 'did', 'not', "n't"].includes(prev);
    // Right after a verbal trigger a word that can be a noun is its object ("provide support").
    const prior = out[out.length - 1];
    const afterVerb = !!prior && prior.last === i - 1 && prior.form !== 'noun' && !/ to$/.test(prior.entry.words.join(' '));
    // A bare verb form right after a singular common noun reads as a noun ("a mortar bomb").
    const afterNoun = /^[a-z]+$/.test(prev) && !prev.endsWith('s') && !NOT_SUBJECTS.has(prev) && verbs.every((e) => e.form === 'base' || e.form === 'gerund');
    const chosen = (nouns.length && ((nominalContext || afterNoun) && !verbContext || !verbs.length) ? nouns : verbs.length ? verbs : nouns)[0]!;
    const last = i + chosen.words.length - 1;
    let k = i - 1;
    while (k >= 0 && ADVERBS.has(words[k]!.lower)) k--;
    // Passive after "be", or a reduced relative with its agent: "the forum hosted by Xi".
    const reducedPassive = k === i - 1 && words[last + 1]?.lower === 'by' && /^[a-z]+$/.test(prev) && !BE.has(prev) && !NOT_NOUNS.has(prev) && !DETERMINERS.has(prev) && !PREPOSITIONS.has(prev);
    // "was to meet" is no passive; "was invited to Moscow" is (a meeting frame whose "to" is a destination).
    const toDestination = words[last + 1]?.lower === 'to' && chosen.frame.type === 'CONSULT' && frameSlots(chosen.frame.frame).has('prep:to');
    const passive = (chosen.form === 'participle' || chosen.form === 'past') && ((k >= 0 && (BE.has(words[k]!.lower) || reducedPassive) && (words[last + 1]?.lower !== 'to' || toDestination)) || existential(view, i));
    // A reduced relative clause describes a noun, not an event of its own: "officials
    // accused of", "the civilians imprisoned for".
    // A reduced passive of a non-meeting is one too ("victims killed by the crash"); only a
    // meeting's keeps its event ("the forum hosted by Xi").
    const reducedRelative = (!passive || reducedPassive) && !existential(view, i) && chosen.frame.type !== 'CONSULT' && (chosen.form === 'past' || chosen.form === 'participle') && /ed$/.test(words[last]!.lower) && /^[a-z]+s$/.test(prev) && !NOT_NOUNS.has(prev) && REDUCED_RELATIVE_NEXT.has(words[last + 1]?.lower ?? '');
    // "the visiting envoy", "evacuated the wounded": a participle used as an adjective or a noun.
    // "first" and "last" are adverbs after a subject ("Putin first visited Pyongyang"), determiners after "the".
    const adverbRead = ADVERBS.has(prev) && i >= 2 && !DETERMINERS.has(words[i - 2]!.lower) && !PREPOSITIONS.has(words[i - 2]!.lower);
    const adjective = (chosen.form === 'gerund' || (chosen.form === 'participle' || chosen.form === 'past') && /ed$/.test(words[last]!.lower)) && DETERMINERS.has(prev) && !adverbRead && !nouns.length;
    // A bare verb form where only a noun fits ("enjoyed support", "bans on travel") is a
    // noun this table does not list as a trigger.
    const nounUse = chosen.form === 'base' && (afterVerb || !nouns.length && (DETERMINERS.has(prev) || /['’]s$/u.test(prevText) || /ed$/.test(prev) || (PREPOSITIONS.has(prev) && prev !== 'to')));
    const qualifies = !passive && (chosen.form === 'past' || chosen.form === 'participle') && qualifyingParticiple(doc, view, out, i, last);
    if (reducedRelative || adjective || nounUse || qualifies || inIdiom(words, i, last)) {
      i = last;
      continue;
    }
    out.push({ entry: chosen, frame: chosen.frame, first: i, last, form: passive ? 'participle' : chosen.form, passive, reduced: passive && reducedPassive && !BE.has(words[k]!.lower) });
    i = last;
  }
  return out;
}

interface Placed {
  c: Candidate;
  first: number;
  last: number;
  prep: string | null;
  possessive: boolean;
  /** A possessive pronoun ("his" in "hosted by his close ally"): it qualifies the noun after it, which is the argument. */
  determiner?: boolean;
}

/** Possessive pronouns the actor layer resolves to people. */
const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'its', 'their']);

// Before a number these are approximations, not prepositions: "about 200 supporters".
const APPROXIMATORS = new Set(['about', 'around', 'over', 'some', 'nearly', 'almost']);
/** Relative pronouns: a place before one is not where the later event happens ("favor in Beijing, which sponsored the talks"). */
const RELATIVE = new Set(['which', 'who', 'whom', 'whose', 'where']);
/** Words that open a verbless adverbial clause: "While in the city, Kim will meet …" (a place phrase after one opens it). */
const SUBORDINATORS = new Set(['while', 'whilst', 'when', 'once', 'after', 'before', 'though', 'although', 'if', 'unless']);
/** Prepositions that also open a clause: "after Putin visited Pyongyang". */
const CONJUNCTIONS = new Set(['after', 'before', 'since', 'until']);
const QUANTITIES = new Set(['dozens', 'hundreds', 'thousands', 'tens', 'millions', 'scores', 'number', 'group', 'groups', 'crowd', 'crowds']);

function place(doc: Doc, view: SentenceView, cands: Candidate[], triggers: Trigger[]): Placed[] {
  const isTrigger = (i: number) => triggers.some((t) => t.first <= i && i <= t.last);
  const out = cands.map((c) => {
    // The word holding the candidate's start ("Putin" in "Kim-Putin").
    let first = wordAt(view, c.start);
    if (first > 0 && view.words[first - 1]!.end > c.start) first--;
    const last = Math.max(first, wordBefore(view, c.end));
    // The nearest preposition to the left, over at most four title or modifier words.
    let prep: string | null = null;
    for (let i = first - 1, n = 0; i >= 0 && n < 5; i--, n++) {
      const w = view.words[i]!.lower;
      // "up to 100 demonstrators" is a number, not a phrase.
      if (w === 'to' && view.words[i - 1]?.lower === 'up') break;
      if (APPROXIMATORS.has(w) && /^[\d,.]+$/.test(view.words[i + 1]?.lower ?? '')) break;
      // "hundreds of demonstrators": the quantity's "of" does not make a phrase either.
      if (w === 'of' && QUANTITIES.has(view.words[i - 1]?.lower ?? '')) break;
      // A preposition that ends a verbal trigger ("fired at", "launched missiles at") makes
      // the phrase after it the trigger's object ("evidence against" keeps its phrase).
      if (PREPOSITIONS.has(w) && triggers.some((t) => t.last === i && t.first < i && t.form !== 'noun')) break;
      if (PREPOSITIONS.has(w)) {
        prep = w;
        break;
      }
      if (w === ',' && /^\s*,/.test(doc.text.slice(c.end, c.end + 2))) {
        // An apposition: "with his counterpart, Defence Minister Jane Roe," takes the
        // preposition of the phrase it renames.
        for (let k = i - 1, m = 0; k >= 0 && m < 5; k--, m++) {
          const x = view.words[k]!.lower;
          if (PREPOSITIONS.has(x)) {
            if (m > 0) prep = x;
            break;
          }
          if (!/^[a-z-]+$/.test(x) || BE.has(x) || x === 'and' || isTrigger(k)) break;
        }
        break;
      }
      if (isTrigger(i) || w === ',' || w === 'and' || BE.has(w) || /^[.;:!?()"“”]$/.test(w)) break;
    }
    // "after Putin first visited": a conjunction opening a clause whose subject this is.
    if (prep && CONJUNCTIONS.has(prep)) {
      let k = last + 1;
      while (k < view.words.length && ADVERBS.has(view.words[k]!.lower)) k++;
      if (triggers.some((t) => t.first === k && t.form !== 'noun')) prep = null;
    }
    const after = doc.text.slice(c.end, c.end + 2);
    const determiner = first === last && POSSESSIVE_PRONOUNS.has(view.words[first]!.lower);
    return { c, first, last, prep, possessive: determiner || /^['’]s?\b/u.test(after) || /['’]s$/u.test(doc.text.slice(view.words[last]!.start, view.words[last]!.end)), determiner };
  });
  // A group with no state of its own takes the one it is placed in, comes from or belongs
  // to: "rebels in the Ivory Coast", "demonstrators in Baghdad", "opponents of Rwanda's Senate",
  // over a modifier or two of the state ("exiles from war-torn Sudan").
  for (let k = 0; k + 1 < out.length; k++) {
    const p = out[k]!;
    const q = out[k + 1]!;
    if (!p.c.actor || p.c.country || !q.c.country || !(q.prep === 'in' || q.prep === 'from' || q.prep === 'of')) continue;
    const gap = view.words.slice(p.last + 1, q.first).map((w) => w.lower);
    const modifier = (w: string) => w === 'the' || (/^[a-z]+(?:-[a-z]+)*$/.test(w) && !PREPOSITIONS.has(w) && !BE.has(w) && !RELATIVES.has(w) && w !== 'and' && w !== 'or');
    // "rebels in the north of Mali": an area of the state.
    const area = q.prep === 'of' && (gap[0] === 'in' || gap[0] === 'from') && gap.length <= 5 && gap.slice(1).filter((w) => w !== 'the').length === 2 && AREA_HEADS.has(gap.slice(1).filter((w) => w !== 'the')[0]!) && gap[gap.length - (gap[gap.length - 1] === 'the' ? 2 : 1)] === 'of';
    if ((gap.length <= 3 && gap[0] === q.prep && gap.slice(1).every(modifier)) || area) p.c = { ...p.c, country: q.c.country };
  }
  return out;
}

let titleWords: Set<string> | null = null;
const COORDINATOR_WORDS = new Set(['and', 'or', '&', 'as', 'well']);
/**
 * Whether a gap is a coordination once its title words are left out: "and former Chinese
 * president" is "and" (title words of kb/title-words.tsv, demonyms word by word, "former",
 * "then-"). Word by word against a set, stopping at the first other word: one regex over all
 * the demonyms was 1.7 % of pipeline CPU.
 */
function coordinationWithTitles(gap: string): boolean {
  if (!titleWords) {
    const words = [...loadTable('kb/title-words.tsv').rows.map((r) => r.word!), ...loadTable('demonyms.tsv').rows.map((r) => r.demonym!), 'the', 'a', 'an', 'former', 'then', 'late', 'prime', 'foreign', 'deputy', 'vice', 'officials', 'official'];
    titleWords = new Set(words.flatMap((w) => w.toLowerCase().split(/\s+/)));
  }
  const set = titleWords;
  const isTitle = (w: string) => {
    if (!w.includes('-')) return set.has(w);
    const parts = w.split('-');
    return parts.some(Boolean) && parts.every((x) => !x || set.has(x));
  };
  // Words are runs of characters other than white space and commas, as in /[^\s,]+/.
  const separator = (c: number) => c === 32 || c === 44 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(String.fromCharCode(c)));
  let rest = '';
  let others = 0;
  for (let i = 0; i < gap.length; ) {
    if (separator(gap.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < gap.length && !separator(gap.charCodeAt(j))) j++;
    const w = gap.slice(i, j);
    i = j;
    const lower = w.toLowerCase();
    if (isTitle(lower)) continue;
    // Only a coordinator may remain ("and", "or", "&", "as well as").
    if (!COORDINATOR_WORDS.has(lower) || ++others > 3) return false;
    rest = rest ? `${rest} ${w}` : w;
  }
  return COORDINATION.test(rest);
}

/** Candidates coordinated with `p` ("Kim and Putin", "the US, Russia, and Switzerland"). */
function coordinated(doc: Doc, placed: Placed[], p: Placed, direction: -1 | 1, triggers: Trigger[] = []): Placed[] {
  const out: Placed[] = [];
  let cur = p;
  let i = placed.indexOf(p) + direction;
  while (i >= 0 && i < placed.length) {
    const next = placed[i]!;
    const [lo, hi] = direction < 0 ? [next.last, cur.first] : [cur.last, next.first];
    if (triggers.some((t) => t.first > lo && t.last < hi)) break;
    const gap = direction < 0 ? doc.text.slice(next.c.end, cur.c.start) : doc.text.slice(cur.c.end, next.c.start);
    // The title words are stripped only from a short gap that is not already a bare "and".
    if (!COORDINATION.test(gap) && (gap.length > 60 || !coordinationWithTitles(gap))) break;
    out.push(next);
    cur = next;
    i += direction;
  }
  return out;
}

const COORDINATORS = new Set(['and', 'or', 'but', 'nor', 'then', 'while', 'whereas', 'before', 'after', 'when', 'as', 'because', 'since', 'until', 'if', 'though', 'although', ';', ':']);
const AUXILIARIES = new Set(['has', 'have', 'had', 'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'to', 'not', "n't", 'did', 'does', 'do']);
const RELATIVES = new Set(['who', 'which', 'that', 'whom']);
const ARTICLES = new Set(['a', 'an', 'the', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our']);

/** An article strictly between words a and b. */
function articleBetween(view: SentenceView, a: number, b: number): boolean {
  for (let i = a + 1; i < b; i++) if (ARTICLES.has(view.words[i]!.lower)) return true;
  return false;
}

/**
 * The relative pronoun that opens the trigger's clause ("the group that has seized"), or -1:
 * then the clause's subject is the pronoun's antecedent, not the nearest name to the left.
 */
function relativeBefore(view: SentenceView, first: number): number {
  let i = first - 1;
  while (i >= 0 && (AUXILIARIES.has(view.words[i]!.lower) || ADVERBS.has(view.words[i]!.lower))) i--;
  return i >= 0 && RELATIVES.has(view.words[i]!.lower) ? i : -1;
}

let itineraryVerbs: Set<string> | null = null;
const itinerary = () => (itineraryVerbs ??= new Set(loadList('event-itinerary-verbs.txt')));

/**
 * For a nominal trigger right after "[,] which included a" / "including a": the possessive at
 * most four words before the relative pronoun (the itinerary's owner), or null.
 */
function itineraryOwner(view: SentenceView, placed: Placed[], first: number): Placed | null {
  let i = first - 1;
  while (i >= 0 && (DETERMINERS.has(view.words[i]!.lower) || /^[a-z-]+$/.test(view.words[i]!.lower)) && !itinerary().has(view.words[i]!.lower) && first - i <= 3) i--;
  if (i < 0 || !itinerary().has(view.words[i]!.lower)) return null;
  if (RELATIVES.has(view.words[i - 1]?.lower ?? '')) i--;
  if (view.words[i - 1]?.lower === ',') i--;
  const at = i;
  return placed.find((p) => p.possessive && p.last < at && at - p.last <= 5) ?? null;
}

function fillSlots(doc: Doc, view: SentenceView, placed: Placed[], t: Trigger, triggers: Trigger[], timeWords: Set<number>): Filled[] {
  const fills: Filled[] = [];
  const clause = view.words[t.first]!.clause;
  const inClause = (p: Placed) => view.words[p.first]!.clause === clause;
  const add = (p: Placed, slot: string) => {
    if (!fills.some((f) => f.c === p.c)) fills.push({ c: p.c, slot });
  };
  const nominal = t.form === 'noun';
  const subjSlot = t.passive ? 'obj' : 'subj';
  const before = placed.filter((p) => p.last < t.first && inClause(p)).reverse();
  // A possessive or a compound right before a nominal trigger: "Paek's visit", "the Kim-Putin summit".
  if (nominal) {
    const near = before.filter((p) => t.first - p.last - 1 <= 3 && view.words.slice(p.last + 1, t.first).every((w) => !PREPOSITIONS.has(w.lower) && w.lower !== ',' && !BE.has(w.lower) && !RELATIVES.has(w.lower) && !reporting().has(w.lower) && !lightVerbSet().has(w.lower)));
    for (const p of near) {
      // An article between them opens another phrase: "Russian officials used a visit by …"
      // is no compound (a possessive may have one: "Kim's first visit").
      if (!p.possessive && articleBetween(view, p.last, t.first)) continue;
      add(p, p.possessive ? 'subj' : 'compound');
      for (const q of coordinated(doc, placed, p, -1)) add(q, p.possessive ? 'subj' : 'compound');
    }
  }
  // "Lavrov's spring itinerary, which took in talks with Wang Yi": the owner of the trip takes part.
  if (nominal && !fills.length) {
    const owner = itineraryOwner(view, placed, t.first);
    if (owner) add(owner, 'subj');
  }
  // The clause's subject: the nearest candidate to the left that is not inside a phrase
  // governed by a preposition.
  // A nominal trigger takes the clause's subject only as the object of a light verb
  // ("held talks", "launched an attack"), not on its own ("the chemical attacks").
  let lightVerb = !nominal;
  if (nominal) {
    for (let i = t.first - 1, n = 0; i >= 0 && n < 4; i--, n++) {
      const w = view.words[i]!.lower;
      if (lightVerbSet().has(w) || (i > 0 && lightVerbSet().has(`${view.words[i - 1]!.lower} ${w}`))) {
        lightVerb = true;
        break;
      }
      if (!DETERMINERS.has(w) && !/^[a-z-]+$/.test(w) || PREPOSITIONS.has(w) || BE.has(w)) break;
    }
    // A pseudo-cleft object: "made what was billed as a landmark visit",
    // "paid what was called a historic visit".
    for (let i = t.first - 1; !lightVerb && i > 0 && t.first - i <= 12; i--) {
      if (view.words[i]!.lower === 'what' && lightVerbSet().has(view.words[i - 1]!.lower) && view.words.slice(i + 1, t.first).every((w) => /^[a-z-]+$/.test(w.lower))) lightVerb = true;
    }
  }
  if (lightVerb && !t.reduced && !fills.some((f) => f.slot === 'subj' || f.slot === 'compound')) {
    // "papers reported the two could hold talks": a speaker is not the subject of a reported clause that has its own.
    const ownSubject = (p: Placed) => view.words.slice(p.last + 1, t.first).some((w, k, ws) => reporting().has(w.lower) && ['the', 'this', 'these', 'those', 'both'].includes(ws[k + 1]?.lower ?? ''));
    const rel = nominal ? -1 : relativeBefore(view, t.first);
    if (rel >= 0) t.relative = true;
    let subject = rel >= 0
      ? before.find((p) => p.last === rel - 1 || (p.last === rel - 2 && view.words[rel - 1]!.lower === ','))
      : before.find((p) => !p.prep && !p.possessive && t.first - p.last <= 25 && !triggers.some((o) => o !== t && o.first > p.last && o.last < t.first && o.form === 'noun' && o.first - p.last <= 2) && !ownSubject(p));
    // A possessive heading the subject: "Iraq's national security adviser met ...", "Sudan's
    // government on Sunday lifted ..." (lower-case words and times up to the verb).
    if (!subject && rel < 0 && !nominal) {
      subject = before.find((p) => {
        if (!p.possessive || p.prep) return false;
        let n = 0;
        for (let i = p.last + 1; i < t.first; i++) {
          const w = view.words[i]!.lower;
          if (timeWords.has(i) || (w === 'on' && timeWords.has(i + 1))) continue;
          if (!/^[a-z][a-z-]*$/.test(w) || BE.has(w) || PREPOSITIONS.has(w) || RELATIVES.has(w) || w === 'and' || ++n > 5) return false;
        }
        return n > 0;
      });
    }
    // A subject whose head is a common noun with a place or a name after it: "A court in
    // Guyana has issued ...", "Opponents of Rwanda's Senate protested ...".
    if (!subject && rel < 0) {
      let c0 = t.first;
      while (c0 > 0 && view.words[c0 - 1]!.clause === clause) c0--;
      subject = before.find((p) => {
        if (p.prep !== 'in' && p.prep !== 'of' && p.prep !== 'from') return false;
        const at = view.words.slice(c0, p.first).findIndex((w) => w.lower === p.prep) + c0;
        // A participle after the head noun, with a time, qualifies it: "a study published on
        // Friday in Nairobi accused …" (the finite verb follows the phrase, not "to").
        const qualifier = view.words[t.first - 1]?.lower !== 'to' ? triggers.find((o) => o !== t && o.first > c0 && o.first === o.last && o.first < at && (o.form === 'past' || o.form === 'participle') && /^[a-z]+$/.test(view.words[o.first - 1]!.lower) && !DETERMINERS.has(view.words[o.first - 1]!.lower) && !AUXILIARIES.has(view.words[o.first - 1]!.lower) && view.words.slice(o.first + 1, at).every((w, k) => timeWords.has(o.first + 1 + k) || w.lower === 'on')) : undefined;
        const head = qualifier ? qualifier.first - c0 : at - c0;
        if (head > 3 || view.words.slice(c0, at).some((w) => BE.has(w.lower) || (PREPOSITIONS.has(w.lower) && w.lower !== 'on') || w.lower === ',')) return false;
        if (!qualifier && view.words.slice(c0, at).some((w) => PREPOSITIONS.has(w.lower))) return false;
        // "The envoys met in Hanoi to discuss …": a verb before the phrase makes it that verb's venue.
        if (triggers.some((o) => o !== t && o !== qualifier && o.first >= c0 && o.first < at)) return false;
        for (let i = p.last + 1; i < t.first; i++) {
          const w = view.words[i]!.lower;
          if (!(AUXILIARIES.has(w) || ADVERBS.has(w) || timeWords.has(i) || (w === 'on' && timeWords.has(i + 1)) || isCapitalisedWord(doc, view, i) || /^['’]s?$/.test(w) || (nominal && (lightVerbSet().has(w) || DETERMINERS.has(w))))) return false;
        }
        return true;
      });
    }
    if (subject) {
      const same = fills.find((f) => f.c === subject!.c);
      if (same) same.slot = subjSlot;
      add(subject, subjSlot);
      // An apposition names the subject's state: "The French envoy to Mali, Ambassador X, held talks".
      let comma = subject.first - 1;
      while (comma > 0 && isCapitalisedWord(doc, view, comma) && subject.first - comma <= 3) comma--;
      if (!subject.c.country && view.words[comma]?.lower === ',') {
        let c0 = subject.first;
        while (c0 > 0 && view.words[c0 - 1]!.clause === clause) c0--;
        const head = placed.find((p) => p.first >= c0 && p.first <= c0 + 2 && !p.prep && p.c.country && p.last < subject!.first);
        if (head) add(head, subjSlot);
      }
      for (const q of coordinated(doc, placed, subject, -1, triggers)) if (!q.prep) add(q, subjSlot);
    }
  }
  // A left-hand place phrase must open the clause or follow a comma or a time: "the US
  // commander in Iraq, General X, held talks" names no venue (used at the end of this function).
  const opensPhrase = (p: Placed) => {
    let k = p.first - 1;
    while (k >= 0 && view.words[k]!.lower !== p.prep) k--;
    return k <= 0 || view.words[k - 1]!.clause !== clause || view.words[k - 1]!.lower === ',' || timeWords.has(k - 1) || SUBORDINATORS.has(view.words[k - 1]!.lower);
  };
  // Right of the trigger: the direct object, then prepositional phrases.
  const after = placed.filter((p) => p.first > t.last && inClause(p) && p.first - t.last <= 18);
  const nextTrigger = triggers.find((o) => o.first > t.last);
  let lastSlot: string | null = null;
  for (const p of after) {
    // A later trigger's own arguments are not this one's, except its objects' places.
    if (nextTrigger && p.first > nextTrigger.last && !(p.prep === 'in' || p.prep === 'at')) break;
    if (p.determiner) continue;
    const gap = view.words.slice(t.last + 1, p.first);
    let slot: string | null = null;
    // "freed over 150 prisoners": an approximate number is part of the object.
    const objectGap = gap.every((w, k) => !breaksPhrase(view, t.last + 1 + k) || (APPROXIMATORS.has(w.lower) && /^[\d,.]+$/.test(gap[k + 1]?.lower ?? '')));
    // The head before "of": "the north of the province", "a district of the capital".
    let h = p.first - 1;
    while (h > t.last && view.words[h]!.lower !== 'of') h--;
    const head = view.words[h - 1]?.lower === 'the' ? h - 2 : h - 1;
    const headWord = view.words[head]?.lower ?? '';
    if (!nominal && !p.prep && gap.length <= 4 && objectGap) slot = t.passive ? null : 'obj';
    else if (p.prep === 'by' && (t.passive || nominal)) slot = t.passive ? 'subj' : 'by-agent';
    else if (p.prep === 'of' && lastSlot && PLACE_HEADS.has(headWord)) slot = lastSlot;
    else if (p.prep === 'of' && AREA_HEADS.has(headWord) && (p.c.place || /^(?:in|at|near)$/.test(view.words[head - (view.words[head - 1]?.lower === 'the' ? 2 : 1)]?.lower ?? ''))) slot = 'prep:in';
    // The object noun phrase's "of" part when the object itself names no one.
    else if (p.prep === 'of' && !nominal && !t.passive && !fills.some((f) => f.slot === 'obj') && h - t.last <= 5 && view.words.slice(t.last + 1, h).every((w) => !PREPOSITIONS.has(w.lower) && !BE.has(w.lower) && w.lower !== ',' && !RELATIVES.has(w.lower))) slot = 'obj';
    // "of" names an agent only after a noun ("the visit of the minister"): after a verb it
    // belongs to some other noun ("come to Russia with the warm heart of the people").
    else if (p.prep === 'of' && !nominal) continue;
    else if (p.prep) slot = `prep:${p.prep}`;
    if (!slot) continue;
    add(p, slot);
    lastSlot = slot;
    for (const q of coordinated(doc, placed, p, 1, triggers)) add(q, slot);
  }
  // Left-hand place: "In Moscow, Kim met Putin"; one after the trigger comes first ("the
  // calculation in Pyongyang changed after the summit in Hanoi").
  for (const p of before) if (p.prep && (p.prep === 'in' || p.prep === 'at') && p.c.place && t.first - p.last <= 10 && opensPhrase(p) && !view.words.slice(p.last + 1, t.first).some((w) => RELATIVE.has(w.lower)) && !triggers.some((o) => o !== t && ((o.first > p.last && o.last < t.first) || (o.last < p.first && p.first - o.last <= 4)))) add(p, `prep:${p.prep}`);
  return fills;
}

/** Turns filled slots into actors and a place through the frame's roles. */
function rolesOf(frame: Frame, fills: Filled[], passive: boolean, frameName = frame.frame): { actors: MentionActor[]; place: MentionPlace | null } {
  const slots = frameSlots(frameName);
  const actors: MentionActor[] = [];
  let place: MentionPlace | null = null;
  const addActor = (c: Candidate, role: Role, slot: string) => {
    // "the pair": each person it stands for, on the phrase's span.
    if (c.members) {
      for (const x of c.members) if (!actors.some((a) => a.name === x.name)) actors.push({ name: x.name, title: x.title, role, start: c.start, end: c.end, by: `events/slot:${slot}`, id: x.id, country: x.country, sector: x.sector, via: c.by });
      return;
    }
    // One actor once: the same name twice ("Kim ... Kim") or the same span.
    if (actors.some((a) => a.start === c.start || a.name === c.name)) return;
    actors.push({ name: c.name, title: c.title, role, start: c.start, end: c.end, by: `events/slot:${slot}`, id: c.id, country: c.country, sector: c.sector, via: c.by });
  };
  const setPlace = (c: Candidate, slot: string) => {
    place ??= { name: c.placeName ?? c.name, start: c.start, end: c.end, by: `events/place:${slot}`, country: c.country, lat: c.lat, lon: c.lon, id: c.placeId ?? c.id };
  };
  for (const f of fills) {
    // A passive's grammatical subject is the frame's object, its "by" phrase the subject.
    const role = slots.get(f.slot) ?? (passive && f.slot === 'obj' ? slots.get('obj') : undefined);
    if (!role) continue;
    if (role === 'place') {
      if (f.c.place) setPlace(f.c, f.slot);
    } else if (role === 'venue') {
      if (f.c.place && !f.c.state && !f.c.actor) setPlace(f.c, f.slot);
    } else if (role === 'place-or-target') {
      // "visited Moscow": a place; "visited Russia": the place and the state visited;
      // "visited Putin": the person visited.
      if (f.c.place) setPlace(f.c, f.slot);
      if (f.c.actor && (!f.c.place || f.c.state)) addActor(f.c, 'target', f.slot);
    } else if (f.c.actor) addActor(f.c, role, f.slot);
    else if (role === 'target' && f.c.place) setPlace(f.c, f.slot);
  }
  actors.sort((a, b) => a.start - b.start);
  return { actors, place };
}

function gapWords(view: SentenceView, a: number, b: number) {
  return view.words.slice(a + 1, b);
}

/** Prepositions that tie a nominal trigger to another event: "arrived for talks", "met during the visit". */
const LINKING = new Set(['for', 'during', 'at']);

/** A nominal trigger introduced by a linking preposition over at most three modifiers ("for two days of talks"). */
function linked(view: SentenceView, t: Trigger): boolean {
  if (t.form !== 'noun') return false;
  for (let i = t.first - 1, n = 0; i >= 0 && n < 4; i--, n++) {
    const w = view.words[i]!.lower;
    if (LINKING.has(w)) return true;
    if (!/^[\p{L}\d-]+$/u.test(w) || (PREPOSITIONS.has(w) && w !== 'of') || BE.has(w)) return false;
  }
  return false;
}

const OBJECT_SLOTS = new Set(['obj', 'prep:of', 'prep:to', 'prep:with', 'prep:against']);

function objectsDiffer(a: Draft, b: Draft): boolean {
  const objects = (d: Draft) => d.fills.filter((f) => OBJECT_SLOTS.has(f.slot)).map((f) => f.c.name);
  const x = objects(a);
  const y = objects(b);
  return x.length > 0 && y.length > 0 && !x.some((n) => y.includes(n));
}

/** Folds triggers that describe one event: objects, complements, and same-type repeats. */
function fold(view: SentenceView, drafts: Draft[]): void {
  const absorb = (into: Draft, from: Draft, purpose = false) => {
    from.dropped = true;
    into.merged.push(from.t, ...from.merged);
    // A purpose adds its own objects only where the main event has none ("gave permission to
    // Russia to help Israel": Russia).
    const hasObject = purpose && into.fills.some((f) => f.slot === 'obj' || /^prep:(?:against|on|to|with|for)$/.test(f.slot));
    for (const f of from.fills) {
      if (hasObject && f.slot !== 'subj' && f.slot !== 'compound' && !/^prep:(?:in|at)$/.test(f.slot)) continue;
      const same = into.fills.find((g) => g.c === f.c);
      // A purpose's subject is the main event's: a name before the main trigger that it did
      // not take ("the ports were on her route, which took in talks with the premier to
      // settle …") takes no part through the purpose either.
      if (purpose && !same && (f.slot === 'subj' || f.slot === 'compound') && f.c.end <= view.words[into.t.first]!.start) continue;
      // "killed in Israeli shelling": the name is the shelling's agent, not a place of the killing.
      // A purpose's subject is the main event's, so a place of the main event stays a place
      // ("met in Hanoi to discuss …").
      if (same && !purpose && same.slot.startsWith('prep:') && (f.slot === 'subj' || f.slot === 'compound')) same.slot = f.slot;
      else if (!same) into.fills.push(f);
    }
  };
  // What a governing verb absorbs is its content: the embedded subject is the one it targets
  // ("alleged that France helped ...": France is the target of the accusation).
  // Its own objects count only when the governing verb has none ("threatened to attack
  // Iran": Iran; "urged Tokyo to help Iran": Tokyo).
  const absorbGoverned = (into: Draft, from: Draft) => {
    from.dropped = true;
    into.merged.push(from.t, ...from.merged);
    // In a "that" clause only its subject is the governing verb's target ("demanded that the
    // US cancel the sale to Taiwan": the US).
    const thatClause = view.words.slice(into.t.last + 1, from.t.first).some((w) => w.lower === 'that');
    const hasObject = thatClause || into.fills.some((f) => f.slot === 'obj' || /^prep:(?:against|on|to|with)$/.test(f.slot));
    for (const f of from.fills) {
      if (into.fills.some((g) => g.c === f.c)) continue;
      if (f.slot === 'subj' || f.slot === 'compound') into.fills.push({ c: f.c, slot: 'obj' });
      else if (!hasObject || /^prep:(?:in|at)$/.test(f.slot)) into.fills.push(asObject(into, from, f));
    }
  };
  // A target of the complement that the governing frame has no role for is its object:
  // "agreed to send grain to Yemen", "agreed to ease the embargo on Cuba" (Yemen, Cuba).
  const asObject = (into: Draft, from: Draft, f: Filled): Filled => {
    if (!f.slot.startsWith('prep:') || !f.c.actor) return f;
    const own = frameSlots(into.frameName ?? into.t.frame.frame).get(f.slot);
    if (own && own !== 'place' && own !== 'venue') return f;
    return frameSlots(from.frameName ?? from.t.frame.frame).get(f.slot) === 'target' ? { c: f.c, slot: 'obj' } : f;
  };
  // An intention's complement decides what it is (knowledge/event-type-classes.tsv): a
  // cooperative act stays an agreement ("wants to help"), a material conflict is a threat
  // where the frame says so ("vowed to fight"), a verbal conflict keeps its own type
  // ("want to inspect": an investigation, planned).
  const govern = (a: Draft, b: Draft): boolean => {
    if (a.t.frame.type !== 'AGREE') return false;
    const cls = typeClass(b.type)?.cls;
    if (cls === 'verbal-conflict') {
      absorb(b, a);
      return true;
    }
    if (cls === 'material-conflict' && a.t.frame.hostile) a.type = a.t.frame.hostile;
    return false;
  };
  for (let i = 0; i < drafts.length; i++) {
    const a = drafts[i]!;
    if (a.dropped) continue;
    for (let j = i + 1; j < drafts.length; j++) {
      const b = drafts[j]!;
      if (b.dropped) continue;
      // A demand, rejection, threat or accusation governs what follows it in the sentence:
      // "accused France of helping to plan the killings" is one accusation.
      // An agreement or intention governs only a near complement ("agreed to set up", "wants to help").
      if (a.t.frame.govern === 'absorb' && a.t.form !== 'noun' && b.t.frame.type !== 'CONSULT' && b.t.frame.type !== a.t.frame.type && view.words[b.t.first]!.clause === view.words[a.t.first]!.clause && (a.t.frame.type !== 'AGREE' || b.t.first - a.t.last <= 4)) {
        if (govern(a, b)) break;
        absorbGoverned(a, b);
        continue;
      }
      if (view.words[b.t.first]!.clause !== view.words[a.t.first]!.clause) continue;
      // "invited Kim to visit Russia", "Putin's invitation to attend the parade": the invited
      // event, with the guest as its subject and the host as whom it is with (the invitation
      // cue makes it proposed).
      if (a.t.frame.frame === 'invite' && b.t.frame.type === 'CONSULT' && b.t.form === 'base' && view.words[b.t.first - 1]?.lower === 'to' && b.t.first - a.t.last <= 8) {
        absorb(b, a);
        for (const f of a.fills) {
          const slot = f.slot === 'obj' ? 'subj' : f.slot === 'subj' || f.slot === 'compound' || f.slot === 'by-agent' ? 'prep:with' : null;
          if (!slot) continue;
          // The visit read the inviter as its own subject: the guest travels, the host receives.
          const same = b.fills.find((g) => g.c === f.c);
          if (same) same.slot = slot;
          else b.fills.push({ c: f.c, slot });
        }
        break;
      }
      const gap = gapWords(view, a.t.last, b.t.first);
      const complement = a.t.form !== 'noun' && gap.length <= 3 && gap.every((w) => DETERMINERS.has(w.lower) || w.lower === 'to' || /^[a-z-]+$/.test(w.lower) && !PREPOSITIONS.has(w.lower) && !BE.has(w.lower) && w.lower !== 'and');
      if (complement && a.t.frame.govern === 'absorb') {
        // "agreed to visit": the visit, planned; "refused to meet": a rejection of a meeting.
        if (a.t.frame.type === 'AGREE' && b.t.frame.type === 'CONSULT') {
          absorb(b, a);
          for (const f of a.fills) if (f.slot === 'subj' && !b.fills.some((g) => g.slot === 'subj')) b.fills.push(f);
          break;
        }
        if (b.t.frame.type === 'CONSULT') a.mode = 'meet';
        absorbGoverned(a, b);
        continue;
      }
      if (complement && b.t.form === 'noun') {
        absorb(a, b);
        continue;
      }
      // A journey's purpose is the same encounter: "traveled to Moscow to meet Putin".
      if (a.t.frame.type === b.t.frame.type && a.t.frame.mode === 'visit' && a.t.form !== 'noun' && b.t.form !== 'noun' && view.words[b.t.first - 1]?.lower === 'to') {
        absorb(a, b);
        continue;
      }
      // The same kind of event told twice in a clause is one event when one of them is a
      // noun ("arrived for talks"); two verbs are two events ("visited Beijing, will travel to Moscow").
      // The noun must be linked to the other trigger ("for talks", "during the visit") or follow
      // it closely: "the arrival ... after last week's summit" and "a visit ... the journey
      // last summer" are two events.
      // Or the second is its purpose ("met Assad to discuss"); far apart, two mentions with
      // different objects are two events ("the release of X ... would free 150 prisoners").
      if (a.t.frame.type === b.t.frame.type && (b.t.first - a.t.last <= 10 || !objectsDiffer(a, b))) {
        if ((a.t.form === 'noun' || b.t.form === 'noun') && (gap.length <= 2 || linked(view, b.t) || (a.t.form === 'noun' && linked(view, a.t)))) absorb(a, b);
        else if (b.t.form === 'base' && view.words[b.t.first - 1]?.lower === 'to') absorb(a, b, true);
      }
    }
  }
}

/**
 * Gapping: "talked on Monday with the premier, and a day later with the speaker" tells a second meeting
 * with the verb left out: ", and" + a time + "with" + a name. It becomes a draft of its own
 * (same trigger and subject, that partner, anchored where the verb is missing, so the time
 * there is its own).
 */
function gapped(doc: Doc, view: SentenceView, placed: Placed[], drafts: Draft[]): void {
  const timexes = doc.within('timex', view.start, view.end);
  for (const d of [...drafts]) {
    if (d.dropped || d.t.form === 'noun' || d.t.frame.frame !== 'reciprocal') continue;
    const clause = view.words[d.t.first]!.clause;
    for (let a = d.t.last + 2; a < view.words.length - 2; a++) {
      if (view.words[a]!.clause !== clause) break;
      if (view.words[a]!.lower !== 'and') continue;
      // A time right after "and", then "with".
      const x = timexes.find((tx) => tx.start === view.words[a + 1]!.start || tx.start === view.words[a + 2]?.start);
      if (!x) continue;
      const w = wordAt(view, x.end);
      if (view.words[w]?.lower !== 'with') continue;
      const partner = placed.find((p) => p.first > w && p.first - w <= 4 && p.prep === 'with' && p.c.actor);
      if (!partner) break;
      const moved = new Set([partner.c, ...coordinated(doc, placed, partner, 1).map((q) => q.c)]);
      d.fills = d.fills.filter((f) => !moved.has(f.c));
      const fills: Filled[] = [...d.fills.filter((f) => f.slot === 'subj' || f.slot === 'compound'), ...[...moved].map((c) => ({ c, slot: 'prep:with' }))];
      drafts.push({ t: { ...d.t }, type: d.type, frameName: d.frameName, mode: d.mode, fills, merged: [], dropped: false, gap: { first: a, last: w } });
      break;
    }
  }
}

/**
 * "received weapons from the government": what is received decides the type
 * (knowledge/event-receive-objects.tsv); the giver is the source, the receiver the target.
 */
function received(view: SentenceView, d: Draft): boolean {
  if (d.t.form === 'noun') return false;
  for (let i = d.t.last + 1, n = 0; i < view.words.length && n < 5; i++, n++) {
    const w = view.words[i]!.lower;
    const hit = receiveObject(d.t.frame.lemma, w);
    if (hit) {
      if (hit.type === d.type) return true;
      d.type = hit.type;
      d.mode = hit.mode;
      d.frameName = 'directed';
      d.fills = d.fills.map((f) => (f.slot === 'subj' || f.slot === 'compound' ? { c: f.c, slot: 'obj' } : f.slot === 'prep:from' ? { c: f.c, slot: 'subj' } : f));
      // A noun of the received thing folded in ("aid") is part of it.
      return true;
    }
    if (!(DETERMINERS.has(w) || /^[a-z-]+$/.test(w) && !PREPOSITIONS.has(w) && !BE.has(w) || /^[\d,.]+$/.test(w))) return false;
  }
  return false;
}

/** Whether a nominal trigger sits in an "of" phrase ("the end of a week-long tour"). */
function ofPhrase(view: SentenceView, first: number): boolean {
  for (let i = first - 1, n = 0; i >= 0 && n < 4; i--, n++) {
    const w = view.words[i]!.lower;
    if (w === 'of') return true;
    if (!DETERMINERS.has(w) && !/^[a-z-]+$/.test(w) || PREPOSITIONS.has(w) || BE.has(w) || lightVerbSet().has(w)) return false;
  }
  return false;
}

const CHARGING = new Set(['COERCE', 'SANCTION', 'ACCUSE']);
const ACCUSATION_LEMMAS = new Set(['accuse', 'allege', 'condemn']);

/**
 * Condemning or rejecting an accusation is a denial, a statement and no event (CAMEO 016):
 * "France condemned the allegations by Rwanda that ...", "accused Rwanda of making false
 * accusations by alleging ...". The accusations inside the denial go with it.
 */
function denials(view: SentenceView, triggers: Trigger[], drafts: Draft[]): void {
  for (const d of drafts) {
    if (d.dropped || d.t.form === 'noun' || (d.type !== 'ACCUSE' && d.type !== 'REJECT')) continue;
    const clause = view.words[d.t.first]!.clause;
    const denied = triggers.some((t) => t.first > d.t.last && t.form === 'noun' && ACCUSATION_LEMMAS.has(t.frame.lemma) && view.words[t.first]!.clause === clause && t.first - d.t.last <= 8);
    if (!denied) continue;
    d.dropped = true;
    for (const o of drafts) if (o.type === 'ACCUSE' && o.t.first > d.t.last && view.words[o.t.first]!.clause === clause) o.dropped = true;
  }
}

/** The first reporting verb of a sentence and the state that speaks there ("Israel said ..."). */
function speaker(view: SentenceView, placed: Placed[], triggers: { first: number; last: number }[]): { r: number; who: Placed | null } | null {
  // Not a word of a name ("the United States").
  const r = view.words.findIndex((w, i) => speech().has(w.lower) && !placed.some((p) => p.first <= i && i <= p.last));
  if (r < 0) return null;
  const who = placed.filter((p) => p.last < r && !p.prep && r - p.last <= 8).pop() ?? null;
  if (who && triggers.some((t) => t.first > who.last && t.last < r)) return { r, who: null };
  return { r, who };
}

/**
 * A state that reports an attack on it or on others accuses the attacker (CAMEO 112; the
 * PETRARCH convention): "Seoul said shells had been fired at it across the border",
 * "Washington claimed that the militia had struck the base". A report of one's own attack is not an accusation
 * ("the US said it had attacked ..."), and neither is a trailing attribution ("..., police said").
 */
function reportedAttacks(view: SentenceView, placed: Placed[], drafts: Draft[]): void {
  const live = drafts.filter((d) => !d.dropped);
  if (!live.some((d) => d.type === 'ASSAULT')) return;
  const sp = speaker(view, placed, live.map((d) => d.t));
  // A state speaks as itself or through its capital ("Seoul said ...").
  if (!sp?.who || !sp.who.c.country || !(sp.who.c.state || (sp.who.c.actor && (sp.who.c.place || sp.who.c.id === sp.who.c.country)))) return;
  const said = sp.who.c.country;
  const attacks = live.filter((d) => d.type === 'ASSAULT' && d.t.first > sp.r);
  if (!attacks.length) return;
  const roles = attacks.map((d) => rolesOf(d.t.frame, d.fills, d.t.passive, d.frameName));
  if (roles.some((x) => x.actors.some((a) => a.role !== 'target' && a.country === said))) return;
  const accused = new Map<string, Candidate>();
  for (const role of ['source', 'participant', 'target'] as const) {
    for (const [i, x] of roles.entries()) for (const a of x.actors) if (a.role === role && a.country && a.country !== said) accused.set(a.country, attacks[i]!.fills.find((f) => f.c.start === a.start)!.c);
    if (accused.size) break;
  }
  if (!accused.size) {
    // An attack "from Gaza" names its origin as a place.
    for (const d of attacks) for (const f of d.fills) if (f.slot === 'prep:from' && f.c.country && f.c.country !== said) accused.set(f.c.country, f.c);
  }
  const [first, ...rest] = attacks;
  for (const d of rest) {
    d.dropped = true;
    first!.merged.push(d.t, ...d.merged);
  }
  first!.type = 'ACCUSE';
  first!.mode = 'allege';
  first!.frameName = 'directed';
  first!.fills = [{ c: sp.who.c, slot: 'subj' }, ...[...accused.values()].map((c) => ({ c, slot: 'obj' }))];
  first!.status = { status: 'occurred', by: 'events/reported-attack' };
}

/**
 * An obligation ("Iraq must cooperate") is a demand by whoever states it ("Chirac reminded
 * Iraq that it must ...", "the administration declared that China must ..."): the speaker is
 * the source, the one obliged the target (frames with needs "speaker").
 */
function obligations(view: SentenceView, placed: Placed[], drafts: Draft[]): void {
  const live = drafts.filter((d) => !d.dropped && d.t.frame.needs === 'speaker');
  if (!live.length) return;
  const sp = speaker(view, placed, []);
  for (const d of live) {
    const obliged = d.fills.filter((f) => f.slot === 'subj' || f.slot === 'compound').map((f) => ({ c: f.c, slot: 'obj' }));
    const rest = d.fills.filter((f) => f.slot !== 'subj' && f.slot !== 'compound' && (!obliged.length || !/^(?:obj|prep:)/.test(f.slot) || /^prep:(?:in|at)$/.test(f.slot)));
    const who = sp && sp.r < d.t.first ? sp.who : null;
    d.fills = [...(who ? [{ c: who.c, slot: 'subj' }] : []), ...obliged, ...rest];
  }
}

const FUTURE = new Set(['will', 'would', 'shall', "'ll", '’ll']);
const NEGATIONS = new Set(['not', "n't", '’t', 'never']);

/**
 * What a speaker announces it will do is its commitment, coded by PLOVER and CAMEO alike:
 * "the rebels said they will release the hostages" AGREE, "... would boycott the talks"
 * THREATEN, "... would not provide support" REJECT, "will withdraw unless ..." THREATEN
 * (knowledge/event-type-classes.tsv). Meetings keep their type (the spec's departure).
 */
function announcedIntentions(view: SentenceView, placed: Placed[], drafts: Draft[]): void {
  const live = drafts.filter((d) => !d.dropped);
  if (!live.length) return;
  let sp: ReturnType<typeof speaker> | undefined;
  let unlessAt: number | undefined;
  for (const d of live) {
    if (d.type === 'CONSULT' || d.status) continue;
    const cls = typeClass(d.type);
    if (!cls || cls.cls === 'verbal-conflict') continue;
    let m = d.t.first - 1;
    let negated = false;
    while (m >= 0 && (ADVERBS.has(view.words[m]!.lower) || NEGATIONS.has(view.words[m]!.lower))) {
      if (NEGATIONS.has(view.words[m]!.lower)) negated = true;
      m--;
    }
    if (m < 0 || !FUTURE.has(view.words[m]!.lower)) continue;
    if (sp === undefined) sp = speaker(view, placed, []);
    unlessAt ??= view.words.findIndex((w) => w.lower === 'unless');
    const r = sp?.r ?? -1;
    // Only the speaker's own pronoun may stand between ("the minister said he would not send"); a
    // name there is someone else's commitment.
    const announced = r >= 0 && r < m && !placed.some((p) => p.first > r && p.first < m && p.c.by !== 'actors/pronoun');
    const ultimatum = unlessAt > d.t.last;
    let type: string | null = null;
    if (ultimatum && (announced || cls.cls === 'material-conflict')) type = 'THREATEN';
    else if (announced) type = negated ? cls.refusal : cls.intent;
    if (!type) continue;
    d.type = type;
    if (type !== 'AGREE') d.mode = null;
    d.status = { status: 'occurred', by: negated ? 'events/announced-refusal' : 'events/announced-intention' };
  }
}

/**
 * An attack with victims but no named attacker ("ten soldiers were killed in X", "a roadside
 * bomb killed two soldiers near Y") has an unidentified attacker of the country where it
 * happened: PLOVER's sector UNK ("generic unidentified actors, e.g. the actor for 'two
 * civilians were killed by a bomb'", manual Table 5.2), located as ICEWS and the PLOVER and
 * PETRARCH gold sets locate one. Its evidence is the place phrase.
 */
function unidentifiedAttacker(type: string, actors: MentionActor[], where: MentionPlace | null): MentionActor | null {
  if (type !== 'ASSAULT' || !where?.country || !/^[A-Z]{3}$/.test(where.country) || actors.some((a) => a.role !== 'target') || !actors.length) return null;
  return { name: 'unidentified attacker', title: null, role: 'source', start: where.start, end: where.end, by: 'events/unidentified-at-place', id: null, country: where.country, sector: 'unidentified', via: 'events/place' };
}

let actorTypes: Map<string, { type: string; mode: string | null }> | null = null;
/** The table's type|mode pairs: most events have none, and skip reading their roles. */
let actorTypeKeys: Set<string> | null = null;

/**
 * Who carries an event out can decide its type (knowledge/event-actor-types.tsv): property
 * destroyed by demonstrators is a riot (PROTEST), not coercion.
 */
function typesByActor(drafts: Draft[]): void {
  if (!actorTypes) {
    const rows = loadTable('event-actor-types.tsv').rows;
    actorTypes = new Map(rows.map((r) => [`${r.type}|${r.mode ?? ''}|${r.sector}`, { type: r.new_type!, mode: r.new_mode || null }]));
    actorTypeKeys = new Set(rows.map((r) => `${r.type}|${r.mode ?? ''}`));
  }
  for (const d of drafts) {
    if (d.dropped || !actorTypeKeys!.has(`${d.type}|${d.mode ?? ''}`)) continue;
    const { actors } = rolesOf(d.t.frame, d.fills, d.t.passive, d.frameName);
    const hit = actors.filter((a) => a.role === 'source').map((a) => actorTypes!.get(`${d.type}|${d.mode ?? ''}|${a.sector ?? ''}`)).find((x) => x);
    if (!hit) continue;
    d.type = hit.type;
    d.mode = hit.mode;
  }
}

export interface ExtractOptions {
  dct: string | null;
}

export function extractEvents(doc: Doc, sentence: Span, opts: ExtractOptions): Span[] {
  const tokens = doc.within('token', sentence.start, sentence.end);
  if (!tokens.length) return [];
  const view = viewOf(doc, sentence, tokens);
  const triggers = findTriggers(doc, view);
  if (!triggers.length) return [];
  const placed = place(doc, view, argumentCandidates(doc, sentence), triggers);
  const timexSpans = doc.within('timex', sentence.start, sentence.end);
  const timeWords = new Set<number>();
  for (const x of timexSpans) for (let i = wordAt(view, x.start); i < view.words.length && view.words[i]!.start < x.end; i++) timeWords.add(i);
  const drafts: Draft[] = triggers.map((t) => ({ t, type: t.frame.type, mode: t.frame.mode, fills: fillSlots(doc, view, placed, t, triggers, timeWords), merged: [], dropped: false }));
  fold(view, drafts);
  for (const d of drafts) {
    if (d.dropped) continue;
    // An event no one takes part in ("an initial threat", "a protestor demolished the
    // building") is not coded; meetings are (the summit in Vladivostok).
    if (d.t.frame.needs === 'object' && received(view, d)) continue;
    const { actors } = rolesOf(d.t.frame, d.fills, d.t.passive);
    if (d.t.frame.type !== 'CONSULT' && !actors.length) d.dropped = true;
    // A host needs a guest as its object; a giver someone after the verb, not a topic ("gave
    // a speech on relations with Asia").
    if (d.t.frame.needs === 'object' && !d.fills.some((f) => f.c.actor && (d.t.frame.type === 'CONSULT' ? f.slot === 'obj' : f.slot !== 'subj' && f.slot !== 'compound' && f.slot !== 'prep:on'))) d.dropped = true;
    // A relative clause with no named antecedent describes a noun ("the militant group that
    // has seized parts of Iraq"): background, not a reported event.
    if (d.t.relative && d.type !== 'CONSULT' && !actors.some((a) => a.role !== 'target')) d.dropped = true;
    // An intention is an event only through what it intends ("wants to help": AGREE;
    // "wants to be everyone's friend": none).
    if (d.t.frame.needs === 'complement' && d.type === d.t.frame.type && !d.merged.length) d.dropped = true;
    // The charge behind a sanction or an arrest is not an event of its own: "jailed a student
    // for helping militants", "convicted of spying".
    if (d.t.form === 'gerund' && /^(?:for|of)$/.test(view.words[d.t.first - 1]?.lower ?? '') && drafts.some((o) => o !== d && !o.dropped && o.t.last < d.t.first && CHARGING.has(o.type))) d.dropped = true;
    // A participial adjunct of offer or intention (", offering further support to Lebanon")
    // elaborates the main clause; it is no commitment of its own.
    if (d.type === 'AGREE' && d.t.form === 'gerund' && view.words[d.t.first - 1]?.lower === ',') d.dropped = true;
    // A bare meeting noun that only qualifies another noun, with no one taking part ("at the
    // start of a regional trip"), is background, not a reported meeting.
    if (d.type === 'CONSULT' && d.t.form === 'noun' && !actors.length && !d.merged.length && ofPhrase(view, d.t.first)) d.dropped = true;
  }
  gapped(doc, view, placed, drafts);
  denials(view, triggers, drafts);
  obligations(view, placed, drafts);
  reportedAttacks(view, placed, drafts);
  announcedIntentions(view, placed, drafts);
  typesByActor(drafts);
  const events = drafts.filter((d) => !d.dropped);
  if (!events.length) return [];

  // Times: each time expression belongs to its nearest anchor, an event trigger or a
  // reporting verb ("told reporters yesterday"), preferring one in the same clause.
  const anchors: { first: number; last: number; event: Draft | null }[] = events.flatMap((d) => (d.gap ? [d.gap] : [d.t, ...d.merged]).map((t) => ({ first: t.first, last: t.last, event: d })));
  let lastVerb = -1;
  view.words.forEach((w, i) => {
    if (reporting().has(w.lower)) {
      anchors.push({ first: i, last: i, event: null });
      lastVerb = i;
    } else if (stance().has(w.lower)) anchors.push({ first: i, last: i, event: null });
  });
  const owned = new Map<Draft, { span: Span; d: number; shared?: boolean }>();
  for (const x of timexSpans) {
    const type = (x.attrs as unknown as TimexAttrs | undefined)?.type;
    if (type === 'DURATION' || type === 'SET') continue;
    const first = wordAt(view, x.start);
    let last = Math.max(first, wordBefore(view, x.end));
    while (last > first && !/\w/.test(view.words[last]!.lower)) last--;
    let best: { a: (typeof anchors)[number]; d: number } | null = null;
    for (const a of anchors) {
      // A time inside an aside dates only what the aside tells ("will, like his predecessor in 1999, travel").
      if (view.words[first]!.aside && view.words[first]!.aside !== view.words[a.first]!.aside) continue;
      // And an event inside an aside takes no time from outside it ("Besides the minister's trip, a drill was held last spring").
      if (view.words[a.first]!.aside && view.words[first]!.aside !== view.words[a.first]!.aside) continue;
      // A time usually follows its event ("visited Beijing in May, will travel ..."): one
      // standing before an anchor counts as a little farther.
      let d = first > a.last ? first - a.last : a.first - last + 1.5;
      if (view.words[first]!.clause !== view.words[a.first]!.clause) d += 50;
      if (!best || d < best.d) best = { a, d };
    }
    if (best?.a.event) {
      const prior = owned.get(best.a.event);
      if (!prior || best.d < prior.d) owned.set(best.a.event, { span: x, d: best.d });
    }
  }

  // A coordinated event without its own time shares its partner's: "met in Minsk yesterday
  // and signed a treaty".
  for (const d of events) {
    if (owned.has(d)) continue;
    // Only a partner next to it in the same clause: "a visit, then the journey last summer and
    // the visit the year before" does not lend the first visit a date.
    const between = (o: Draft) => events.some((x) => x !== o && x !== d && x.t.first > Math.min(o.t.last, d.t.last) && x.t.first < Math.max(o.t.first, d.t.first));
    const partner = events.find((o) => o !== d && owned.has(o) && view.words[o.t.first]!.clause === view.words[d.t.first]!.clause && !between(o) && /\band\b/.test(doc.text.slice(view.words[Math.min(o.t.last, d.t.last)]!.end, view.words[Math.max(o.t.first, d.t.first)]!.start)));
    if (partner) owned.set(d, Object.assign({}, owned.get(partner)!, { shared: true }));
  }

  // A time fronting the sentence ("In 2016, the envoy began a tour that saw him
  // meeting ministers") dates every event of it that has no time of its own.
  const fronted = doc.within('timex', sentence.start, sentence.end).find((x) => wordAt(view, x.start) <= 1 && !['DURATION', 'SET'].includes((x.attrs as { type?: string } | undefined)?.type ?? '') && view.words[wordBefore(view, x.end) + 1]?.lower === ',');
  if (fronted) for (const d of events) if (!owned.has(d)) owned.set(d, { span: fronted, d: 0, shared: true });

  // A cue inside a time expression is not one ("in May").
  const hits = cueHits(view).filter((h) => !timexSpans.some((x) => x.start <= h.start && h.end <= x.end));
  const attribution = attributionOf(view.text, view.start, lastVerb, view.words.length);
  const sentenceTopics = topicsIn(view.text, view.start, view.words.map((w) => w.start));
  const typeCount = new Map<string, number>();
  for (const d of events) typeCount.set(d.type, (typeCount.get(d.type) ?? 0) + 1);
  const out: Span[] = [];
  for (const d of events) {
    const t = d.t;
    const { actors, place: where } = rolesOf(t.frame, d.fills, t.passive, d.frameName);
    const unknown = unidentifiedAttacker(d.type, actors, where);
    if (unknown) actors.unshift(unknown);
    const own = owned.get(d);
    const x = own?.span;
    // Object.assign, not a spread: spreading timex values of several shapes takes V8's slow path.
    const time: MentionTime | null = x ? Object.assign({}, x.attrs as unknown as TimexAttrs, { text: doc.slice(x), startOffset: x.start, endOffset: x.end, by: own?.shared ? 'events/time:coordinated' : 'events/time:nearest-anchor' }) : null;
    const timing = time?.start && time.end && opts.dct ? (time.start > opts.dct ? 'future' : time.end < opts.dct ? 'past' : null) : null;
    const status = d.status ? { ...d.status, start: null, end: null } : statusOf(view, hits, { first: t.first, last: t.last, form: t.form }, timing, t.frame.status);
    const clause = clauseSpan(view, t.first);
    const topicHits = topicsWithin(sentenceTopics, clause.start, clause.end);
    // Mentions of one type in one sentence need distinct spans (the event id derives from it).
    let span = d.gap ? { start: view.words[d.gap.first]!.start, end: clause.end } : typeCount.get(d.type)! > 1 ? clause : { start: sentence.start, end: sentence.end };
    if (out.some((o) => o.label === d.type && o.start === span.start && o.end === span.end)) span = { start: view.words[t.first]!.start, end: clause.end };
    const trigger = { start: view.words[t.first]!.start, end: view.words[t.last]!.end, text: '', by: `events/frame:${t.frame.lemma}:${t.form}` };
    trigger.text = doc.text.slice(trigger.start, trigger.end);
    const attrs: EventAttrs = {
      type: d.type,
      mode: d.mode,
      context: t.frame.context,
      status: status.status,
      statusBy: status.by,
      statusSpan: status.start === null ? null : { start: status.start, end: status.end!, by: status.by },
      trigger,
      triggers: d.merged.map((m) => ({ start: view.words[m.first]!.start, end: view.words[m.last]!.end, text: doc.text.slice(view.words[m.first]!.start, view.words[m.last]!.end), by: `events/frame:${m.frame.lemma}:${m.form}` })),
      actors,
      place: where,
      time,
      topics: topicHits.map((h) => h.topic),
      topicSpans: topicHits,
      attribution: attribution?.text ?? null,
      attributionSpan: attribution ? { start: attribution.start, end: attribution.end, by: attribution.by } : null,
    };
    const confidence = Math.min(0.9, 0.5 + 0.1 * Math.min(actors.length, 2) + (where ? 0.1 : 0) + (status.start !== null ? 0.1 : 0));
    out.push({ start: span.start, end: span.end, label: d.type, by: trigger.by, confidence, attrs: attrs as unknown as Record<string, unknown> });
  }
  return out;
}

import type { MentionFeatures } from './features.js';
import { mergeProfiles, profileOf, profileYears, type EventProfile } from './profile.js';
import { coherent, decide, DEFAULT_WEIGHTS, placesCompatible, THRESHOLDS, type Weights } from './score.js';

/**
 * The merge engine, free of storage: clusters an article's mentions, derives blocking keys,
 * and picks the events an article cluster joins (and which of them it lets merge).
 */

export interface ArticleCluster {
  mentions: MentionFeatures[];
  profile: EventProfile;
  /** Position of the latest mention, for "the nearest antecedent". */
  last: number;
}

/** A mention that names nothing of its own ("the talks", a bare "summit") refers back. */
const refersBack = (m: MentionFeatures) => m.anaphoric || (!m.indefinite && !m.actors.length && !m.countries.length && !m.time && !m.place);

/**
 * Within an article, an undated mention joins only a cluster mentioned recently (characters
 * back): a retrospective piece names the same two leaders for every summit it recalls, and
 * without a date only nearness says which one a sentence means.
 */
export const WITHIN_ARTICLE_REACH = 1200;

/** Within an article, a little evidence for a cluster holding a mention of the same mode (visit, meet …). */
const SAME_MODE = 0.05;

/**
 * A mention without a subject of its own (none, or only what the earlier mention names), after
 * a mention of the same family, status and sentence, continues that mention: "X visited Ottawa
 * and held talks with Stephen Harper", "X visited Beijing, meeting Hu Jintao", "denied that X
 * visited Ottawa to meet Harper". Its participants are the other side of the encounter, so the
 * actor penalty must not split them; a veto (another date or place) still does. The nearest
 * such cluster wins.
 */
function sameClause(clusters: ArticleCluster[], m: MentionFeatures, p: EventProfile, w: Weights): ArticleCluster | null {
  if (m.sentence === null) return null;
  let found: ArticleCluster | null = null;
  for (const c of clusters) {
    if (found && c.last < found.last) continue;
    if (!c.mentions.some((x) => x.sentence === m.sentence && x.family === m.family && x.status === m.status && x.position < m.position)) continue;
    if (!m.subjects.every((s) => names(c.profile, s)) || otherEncounter(c, m)) continue;
    // A dated mention after an undated one is an event of its own: "arrival … so soon after this
    // past weekend's summit".
    if (m.time && !c.profile.time) continue;
    if (!decide(c.profile, p, w).veto) found = c;
  }
  return found;
}

/** The profile already names this subject: as an actor, an actor's or its place's country. */
function names(p: EventProfile, subject: string): boolean {
  if (p.actors[subject]) return true;
  if (/^[A-Z]{3}$/.test(subject)) return !!p.countries[subject] || p.place?.country === subject;
  return false;
}

/** Statuses one article cannot give one event: it did not happen, and it happened. */
const REFUTES: Record<string, string> = { negated: 'occurred', occurred: 'negated' };

/** One article saying an event took place and that it did not speaks of two events ("X did not attend [in 2005]"; "X traveled to Moscow [in 2001]"). */
function contradicts(c: ArticleCluster, m: MentionFeatures): boolean {
  const other = REFUTES[m.status];
  return !!other && c.mentions.some((x) => x.status === other);
}

/** Modes of an encounter between parties (not a trip to a place). */
const ENCOUNTER = new Set(['meet', 'negotiate', 'phone']);
/** People (resolved actors other than states and groups) a mention names. */
const peopleOf = (m: MentionFeatures) => m.actors.filter((a) => a.resolved && !!a.id && /^[a-z][a-z-]*$/.test(a.id)).map((a) => a.key);
/** The countries of its parties ("Russian-US summit"), when every named party has one. */
const countriesOf = (m: MentionFeatures) => (m.actors.every((a) => a.country) ? [...new Set([...m.actors.map((a) => a.country!), ...m.countries])] : []);
/** Countries of the travellers of a visit. */
const travellersOf = (m: MentionFeatures) => [...new Set(m.actors.filter((a) => a.role === 'source' && a.country).map((a) => a.country!))];
/** Each side has a member the other lacks, and both have at least two. */
const crosswise = (a: string[], b: string[]) => a.length >= 2 && b.length >= 2 && a.some((x) => !b.includes(x)) && b.some((x) => !a.includes(x));

/**
 * Two encounters of one article with different parties are two meetings: "met Ivanov on May 21
 * ... would also meet Putin"; "a Russian-US summit ... met the North Korean minister". Each
 * names at least two people (or two countries) and each names one the other does not.
 */
function otherEncounter(c: ArticleCluster, m: MentionFeatures): boolean {
  const people = peopleOf(m);
  // Whatever the mode: "Kim will visit the Far East for talks with Putin" is not "Bush and Putin hold their summit".
  if (people.length >= 2 && c.mentions.some((x) => crosswise(people, peopleOf(x)))) return true;
  if (m.mode === 'visit') return otherTrip(c, m);
  if (!m.mode || !ENCOUNTER.has(m.mode)) return false;
  const countries = countriesOf(m);
  return c.mentions.some((x) => x.mode !== null && ENCOUNTER.has(x.mode) && crosswise(countries, countriesOf(x)));
}

/**
 * A one-person trip and a meeting of two or more people are two events of an article, when not
 * told in one sentence: "Kim arrived in Vladivostok on Wednesday. … He met Putin on Thursday";
 * "the Kremlin confirmed Kim's arrival" is not his expected meeting with the governor.
 */
function tripAndMeeting(c: ArticleCluster, m: MentionFeatures): boolean {
  const trip = (x: MentionFeatures) => x.mode === 'visit' && peopleOf(x).length <= 1;
  const meeting = (x: MentionFeatures) => !!x.mode && ENCOUNTER.has(x.mode) && peopleOf(x).length >= 2;
  if (trip(m)) return !c.mentions.some((x) => x.mode === 'visit') && c.mentions.some(meeting);
  if (meeting(m)) return c.mentions.every(trip);
  return false;
}

/** Visits of travellers from different countries are different trips: an Iraqi delegation's, then a North Korean minister's. */
function otherTrip(c: ArticleCluster, m: MentionFeatures): boolean {
  const mine = travellersOf(m);
  if (!mine.length) return false;
  return c.mentions.some((x) => {
    if (x.mode !== 'visit') return false;
    const theirs = travellersOf(x);
    return theirs.length > 0 && !theirs.some((y) => mine.includes(y));
  });
}

/** "his first trip" is not the dated journey the article told before, unless it is dated alike. */
function anotherFirst(c: ArticleCluster, m: MentionFeatures): boolean {
  return !!m.first && !m.time && !!c.profile.time && !c.mentions.some((x) => x.first);
}

/**
 * What keeps a mention out of a cluster of its own article, whatever the score: it contradicts
 * it, names other parties or travellers, is a trip beside a meeting, or an undated "first" one.
 */
function apartInArticle(c: ArticleCluster, m: MentionFeatures): boolean {
  return contradicts(c, m) || otherEncounter(c, m) || tripAndMeeting(c, m) || anotherFirst(c, m);
}

/**
 * Within one article: a mention continuing a same-sentence mention joins it (`sameClause`);
 * otherwise it joins the best compatible earlier cluster (score at least the within-article
 * threshold, the nearest on ties); one that names nothing joins the nearest compatible cluster
 * of its family; otherwise it starts a cluster.
 */
export function clusterArticle(mentions: MentionFeatures[], w: Weights = DEFAULT_WEIGHTS, threshold = THRESHOLDS.withinArticle): ArticleCluster[] {
  const clusters: ArticleCluster[] = [];
  for (const m of [...mentions].sort((a, b) => a.position - b.position)) {
    const p = profileOf(m);
    let best: ArticleCluster | null = null;
    let bestScore = -Infinity;
    let nearest: ArticleCluster | null = null;
    for (const c of clusters) {
      const d = decide(c.profile, p, w);
      if (d.veto || apartInArticle(c, m)) continue;
      const dated = !!(m.time && c.profile.time);
      if (!dated && m.position - c.last > WITHIN_ARTICLE_REACH) continue;
      if (!nearest || c.last > nearest.last) nearest = c;
      // A mention naming no one, dated and placed like the cluster: "during a 2004 meeting in Minsk".
      let score = !m.actors.length && m.time && m.place && d.reasons.some((r) => r.startsWith('time+')) && placesCompatible(c.profile.place, p.place)?.same ? Math.max(d.score, threshold) : d.score;
      // Of two clusters sharing the participant, "Paek's arrival" belongs with his visit rather
      // than with a meeting he had during it.
      if (m.mode && c.mentions.some((x) => x.mode === m.mode)) score += SAME_MODE;
      if (score >= threshold && (score > bestScore || (score === bestScore && c.last > best!.last))) {
        best = c;
        bestScore = score;
      }
    }
    const target = sameClause(clusters, m, p, w) ?? best ?? (refersBack(m) ? nearest : null);
    if (target) {
      target.mentions.push(m);
      target.profile = mergeProfiles(target.profile, p);
      target.last = m.position;
    } else clusters.push({ mentions: [m], profile: p, last: m.position });
  }
  return clusters;
}

/**
 * Blocking keys of a profile: family × (actor | name token | country | place) × year. An
 * event is stored under its keys; a new cluster looks up its own, so only events sharing a
 * participant or a place in a compatible year are ever compared.
 */
export function blockKeys(p: EventProfile): string[] {
  const years = profileYears(p);
  if (!years.length) return [];
  const anchors = new Set<string>();
  for (const [key, a] of Object.entries(p.actors)) {
    anchors.add(`a:${key}`);
    if (!a.resolved) for (const t of a.tokens) if (t.length >= 3) anchors.add(`t:${t}`);
  }
  for (const c of Object.keys(p.countries)) anchors.add(`c:${c}`);
  if (p.place) for (const x of p.place.chain) if (!/^[A-Z]{3}$/.test(x)) anchors.add(`p:${x}`);
  const out: string[] = [];
  for (const a of anchors) for (const y of years) out.push(`${p.family}|${a}|${y}`);
  return out;
}

export interface Candidate {
  id: string;
  /** Insertion order: the older event keeps its id in a merge. */
  seq: number;
  profile: EventProfile;
}

export interface Choice {
  /** The event the cluster joins (the oldest of those merged), or null for a new event. */
  into: Candidate | null;
  /** Other events that merge into `into` because the cluster ties them together coherently. */
  absorb: Candidate[];
  score: number;
}

/**
 * Across articles: candidates scoring at least the threshold, best first. The cluster joins
 * the best; a further candidate merges in only if the whole group stays coherent (every pair
 * compatible and above threshold), so one vague mention cannot chain two real events.
 * `boost` adds evidence for events already holding a near-duplicate of this article.
 */
export function chooseEvent(
  cluster: EventProfile,
  candidates: Candidate[],
  opts: { weights?: Weights; threshold?: number; boost?: Set<string> } = {},
): Choice {
  const w = opts.weights ?? DEFAULT_WEIGHTS;
  const threshold = opts.threshold ?? THRESHOLDS.acrossArticles;
  const scored = candidates
    .map((c) => {
      const d = decide(c.profile, cluster, w);
      return { c, d, score: d.score + (opts.boost?.has(c.id) ? 0.3 : 0) };
    })
    .filter((x) => !x.d.veto && x.score >= threshold)
    .sort((a, b) => b.score - a.score || a.c.seq - b.c.seq);
  if (!scored.length) return { into: null, absorb: [], score: 0 };
  const group = [scored[0]!.c];
  for (const x of scored.slice(1)) {
    // The cluster itself is part of the group: it is what ties the events together.
    if (coherent([mergeProfiles(cluster, group[0]!.profile), ...group.slice(1).map((g) => g.profile), x.c.profile], w)) group.push(x.c);
  }
  group.sort((a, b) => a.seq - b.seq);
  return { into: group[0]!, absorb: group.slice(1), score: scored[0]!.score };
}

import type { Doc, Span } from '../doc/doc.js';
import { lastStartingAt } from '../doc/spans.js';
import { loadTable } from '../util/knowledge.js';

/**
 * "the pair", "the two leaders": the two people an article has just named together, so that
 * "the pair could hold talks soon" has both its parties. The phrases are data
 * (knowledge/kb/pair-anaphors.tsv). The link goes to the last two different people named in
 * the phrase's sentence or the WINDOW sentences before it; with fewer than two, no link.
 * The span's `members` hold both actors' attributes (docs/layers.md).
 */
const WINDOW = 2;

let phrases: RegExp | null = null;

function pairPhrases(): RegExp {
  // Latin letters only around the phrase: a Unicode-aware scan of every article cost more
  // than the rest of this module.
  phrases ??= new RegExp(
    `(?<![A-Za-z\\u00C0-\\u024F])(?:${loadTable('kb/pair-anaphors.tsv')
      .rows.map((r) => r.phrase!.replace(/ /g, '\\s+'))
      .join('|')})(?![A-Za-z\\u00C0-\\u024F])`,
    'gi',
  );
  return phrases;
}

/** Spans for the pair phrases of the text, given the stage's other actor spans (text order). */
export function resolvePairs(doc: Doc, actors: readonly Span[]): Span[] {
  const people = actors.filter((a) => a.label === 'person');
  if (people.length < 2) return [];
  const sentences = doc.layer('sentence');
  const sentenceAt = (offset: number): number => lastStartingAt(sentences, offset);
  const out: Span[] = [];
  const re = pairPhrases();
  re.lastIndex = 0;
  for (let m = re.exec(doc.text); m; m = re.exec(doc.text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (actors.some((a) => a.start < end && start < a.end)) continue;
    // The pair is named together: two people before the phrase in its own sentence, else in
    // the nearest earlier sentence that names two ("ties between Xi and Moon … a spokesman
    // said the pair could hold talks" is Xi and Moon, not Moon and the spokesman).
    const s = sentenceAt(start);
    let members: Record<string, unknown>[] = [];
    for (let back = 0; back <= WINDOW && s - back >= 0 && members.length < 2; back++) {
      const sentence = sentences[s - back]!;
      members = [];
      for (let i = people.length - 1; i >= 0 && members.length < 2; i--) {
        const p = people[i]!;
        if (p.end > start || p.start >= sentence.end) continue;
        if (p.start < sentence.start) break;
        const attrs = p.attrs as Record<string, unknown>;
        // A name nothing vouches for lends no link (as for pronouns).
        if (attrs.via === 'name' || members.some((x) => x.id === attrs.id)) continue;
        members.unshift({ ...attrs, textTitle: undefined });
      }
    }
    if (members.length < 2) continue;
    const [a, b] = members as [Record<string, unknown>, Record<string, unknown>];
    out.push({
      start,
      end,
      label: 'people',
      by: 'actors/pair',
      confidence: 0.5,
      attrs: { id: `${a.id}+${b.id}`, name: `${a.name} and ${b.name}`, country: a.country === b.country ? a.country : null, sector: null, title: null, via: 'pair', members },
    });
  }
  return out;
}

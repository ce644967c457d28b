import { attributionPatterns } from './lexicon.js';

/**
 * Who the article says the information comes from: the first pattern of
 * knowledge/attribution-patterns.tsv that matches the sentence and names a plausible source
 * (a capitalised word or a source noun such as "sources", "spokesman", "officials").
 */

export interface Attribution {
  text: string;
  start: number;
  end: number;
  by: string;
}

const SOURCE_NOUN = /\b(?:sources?|spokes(?:man|woman|person)|officials?|ministry|ministers?|agency|diplomats?|reports?|media|newspaper|government|embassy|office|analysts?|experts?|observers?|he|she|they|we|it|police|military|army|lawyer|correspondent|residents?|witnesses|aides?|advisers?|leaders?|president)\b/iu;
const LEADING_FILLER = /^(?:and|but|meanwhile|also)\s+/iu;
// Adverbs and auxiliaries between the source and its verb: "the embassy reportedly said",
// "observers also said", "reports had said".
const TRAILING_FILLER = /(?:\s+(?:reportedly|also|allegedly|publicly|officially|previously|earlier|later|then|too|had|has|have|was|were|is|are))+$/iu;

const CLAUSE_OPENER = /^.*\b(?:when|that|which|who|while|after|because|as|if|but|and that|since|although)\s+/isu;

/**
 * `verbAt` is the word index of the last reporting verb in the sentence (-1: none) and
 * `words` the sentence's word count; rows needing a reporting verb are skipped without one.
 */
export function attributionOf(sentence: string, offset: number, verbAt = 0, words = 0): Attribution | null {
  const lower = sentence.toLowerCase();
  for (const p of attributionPatterns()) {
    if (p.needs === '{v}' ? verbAt < 0 : p.needs === '{v-end}' ? verbAt < 0 || words - verbAt > 8 : p.needs && !lower.includes(p.needs)) continue;
    const m = p.re.exec(sentence);
    const src = m?.groups?.src;
    if (!m || !src) continue;
    // "the United States will …": a capitalised "States" is a name's end, not the verb "states".
    const srcEnd = m.index + m[0].indexOf(src) + src.length;
    if (/^\s+\p{Lu}/u.test(sentence.slice(srcEnd, srcEnd + 3))) continue;
    let text = src.replace(CLAUSE_OPENER, '').replace(LEADING_FILLER, '');
    // At most 14 words a source (a list of sources counts each item).
    if (text.split(/,\s*|\s+and\s+/).some((item) => item.split(/\s+/).length > 14)) continue;
    text = text.replace(/[.,;:]+$/u, '').replace(TRAILING_FILLER, '');
    if (!text) continue;
    if (!/\p{Lu}/u.test(text) && !SOURCE_NOUN.test(text)) continue;
    // Where the group sits: the first occurrence at or after the match start.
    const at = sentence.indexOf(text, m.index);
    if (at < 0) continue;
    return { text, start: offset + at, end: offset + at + text.length, by: `attribution/${p.name}` };
  }
  return null;
}

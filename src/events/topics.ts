import { topicRegExp, topics } from './lexicon.js';

/** The topics (knowledge/topics.tsv) named in a stretch of text, with the span of each. */
export interface TopicHit {
  topic: string;
  start: number;
  end: number;
  by: string;
}

/** Every topic occurrence in a sentence; callers keep those inside a mention's clause. */
export function topicsIn(text: string, offset: number, wordStarts: number[]): TopicHit[] {
  const out: TopicHit[] = [];
  const list = topics();
  const re = topicRegExp();
  for (const at of wordStarts) {
    re.lastIndex = at - offset;
    const m = re.exec(text);
    if (!m) continue;
    let row = 0;
    while (m.groups![`t${row}`] === undefined) row++;
    const topic = list[row]!.topic;
    out.push({ topic, start: offset + m.index, end: offset + m.index + m[0].length, by: `topics/${topic.replace(/\s+/g, '-')}` });
  }
  return out;
}

/** The first hit of each topic inside [start, end). */
export function topicsWithin(hits: TopicHit[], start: number, end: number): TopicHit[] {
  const out: TopicHit[] = [];
  for (const h of hits) if (h.start >= start && h.end <= end && !out.some((o) => o.topic === h.topic)) out.push(h);
  return out;
}

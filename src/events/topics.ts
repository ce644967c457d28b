import { topics } from './lexicon.js';

/** The topics (knowledge/topics.tsv) named in a stretch of text, with the span of each. */
export interface TopicHit {
  topic: string;
  start: number;
  end: number;
  by: string;
}

export function topicsIn(text: string, offset: number): TopicHit[] {
  const out: TopicHit[] = [];
  for (const t of topics()) {
    const m = t.re.exec(text);
    if (m) out.push({ topic: t.topic, start: offset + m.index, end: offset + m.index + m[0].length, by: `topics/${t.topic.replace(/\s+/g, '-')}` });
  }
  return out;
}

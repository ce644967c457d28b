import type { Doc, Span } from '../doc/doc.js';
import { extractEvents } from '../events/extract.js';
import type { Stage } from '../pipeline/stage.js';

/**
 * Event mentions (issue #5): PLOVER types from trigger frames, arguments from the clause's
 * structure, status from scoped cues, attribution and topics; see src/events/ and
 * docs/events.md.
 */

export type { EventAttrs, MentionActor, MentionPlace, MentionTime, Role } from '../events/types.js';

export const eventsStage: Stage = {
  name: 'events',
  requires: ['sentence', 'token', 'name', 'actor', 'place', 'timex', 'dct'],
  produces: ['event'],
  description: 'event mentions from trigger frames, with actors, place, time, status, attribution and topics',
  run(doc: Doc) {
    const spans: Span[] = [];
    const dct = (doc.layer('dct')[0]?.attrs?.date as string | null | undefined) ?? doc.meta.published ?? null;
    for (const s of doc.layer('sentence')) {
      // A headline restates the body's main event; until mentions merge (issue #6) it would
      // count that event twice.
      if (s.label === 'headline') continue;
      spans.push(...extractEvents(doc, s, { dct }));
    }
    return { event: spans };
  },
};

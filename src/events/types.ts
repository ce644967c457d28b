import type { TimexAttrs } from '../stages/timex.js';

/** The attrs of an `event` span (docs/layers.md). Every field carries its evidence. */

export type Role = 'source' | 'target' | 'participant';

export interface Evidence {
  start: number;
  end: number;
  by: string;
}

export interface MentionActor extends Evidence {
  name: string;
  title: string | null;
  role: Role;
  /** From the actor layer (or the fallback table): id, ISO alpha-3 country, sector. */
  id?: string | null;
  country?: string | null;
  sector?: string | null;
  /** The rule or layer that recognised the actor; `by` is the slot that gave its role. */
  via?: string;
}

export interface MentionPlace extends Evidence {
  name: string;
  id?: string | null;
  country?: string | null;
  lat?: number | null;
  lon?: number | null;
}

export interface MentionTime extends TimexAttrs {
  text: string;
  startOffset: number;
  endOffset: number;
  by?: string;
}

export interface EventAttrs {
  type: string;
  mode: string | null;
  context?: string | null;
  status: string;
  statusBy: string;
  /** The cue that set the status, when one did. */
  statusSpan?: Evidence | null;
  trigger: Evidence & { text: string };
  /** Further triggers folded into this mention ("held talks ... during a visit"). */
  triggers?: (Evidence & { text: string })[];
  actors: MentionActor[];
  place: MentionPlace | null;
  time: MentionTime | null;
  topics: string[];
  topicSpans?: (Evidence & { topic: string })[];
  attribution: string | null;
  attributionSpan?: Evidence | null;
}

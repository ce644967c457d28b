import type { Doc, Span } from '../doc/doc.js';

/**
 * A pipeline stage (spaCy's requires/assigns idea): it reads the layers it `requires` and
 * returns the layers it `produces`, nothing else. The runner sets them on the Doc, so a
 * stage never writes into another stage's layer.
 */
export interface Stage {
  readonly name: string;
  readonly requires: readonly string[];
  readonly produces: readonly string[];
  /** Short description for `summitry stages` and the docs. */
  readonly description: string;
  run(doc: Doc): Record<string, Span[]>;
}

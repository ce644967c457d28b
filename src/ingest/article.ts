import type { DocMeta } from '../doc/doc.js';

/** An article as read from a source, before the pipeline. */
export interface RawArticle extends DocMeta {
  text: string;
}

/** A problem with one input: it is reported, and the rest of the batch goes on. */
export interface InputProblem {
  input: string;
  reason: string;
}

/**
 * The document model: one Doc per article, its text immutable, every extraction a span in a
 * named layer (stand-off annotation, as in spaCy's Doc/Span). Offsets are JavaScript string
 * indices into `text` exactly as read.
 */

export type Attrs = Record<string, unknown>;

export interface Span {
  start: number;
  end: number;
  label: string;
  /** The stage and rule that produced the span, e.g. "timex/chrono". */
  by: string;
  confidence: number;
  attrs?: Attrs;
}

export interface DocMeta {
  /** The path or URL exactly as given to ingest (plus the file's path inside a folder). */
  source: string;
  format: 'txt' | 'md' | 'html' | 'jsonl';
  title: string | null;
  publisher: string | null;
  url: string | null;
  /** Article date from metadata (HTML meta, JSONL field, --published), YYYY-MM-DD. */
  published: string | null;
}

export class Doc {
  readonly id: string;
  readonly text: string;
  readonly meta: Readonly<DocMeta>;
  private readonly layers = new Map<string, readonly Span[]>();

  constructor(id: string, text: string, meta: DocMeta) {
    this.id = id;
    this.text = text;
    this.meta = Object.freeze({ ...meta });
    // The text never changes once read: freeze the instance so no stage can swap it.
    Object.freeze(this);
  }

  has(layer: string): boolean {
    return this.layers.has(layer);
  }

  /** The spans of a layer, sorted by start; an absent layer reads as empty. */
  layer(name: string): readonly Span[] {
    return this.layers.get(name) ?? [];
  }

  layerNames(): string[] {
    return [...this.layers.keys()];
  }

  /** Adds a layer once; spans are validated against the text and sorted. */
  setLayer(name: string, spans: Span[]): void {
    if (this.layers.has(name)) throw new Error(`layer "${name}" is already set`);
    for (const s of spans) {
      if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= this.text.length)) {
        throw new Error(`layer "${name}": span [${s.start},${s.end}) from ${s.by} lies outside the text (length ${this.text.length})`);
      }
    }
    // Most stages emit in text order: copy without sorting when already sorted.
    let inOrder = true;
    for (let i = 1; i < spans.length; i++) {
      const a = spans[i - 1]!;
      const b = spans[i]!;
      if (a.start > b.start || (a.start === b.start && a.end < b.end)) {
        inOrder = false;
        break;
      }
    }
    const sorted = inOrder ? spans.slice() : [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
    this.layers.set(name, Object.freeze(sorted));
  }

  slice(span: { start: number; end: number }): string {
    return this.text.slice(span.start, span.end);
  }

  /** Spans of `layer` lying inside [start, end). */
  within(layer: string, start: number, end: number): Span[] {
    const spans = this.layer(layer);
    const out: Span[] = [];
    // Layers are sorted by start: binary search the first candidate.
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid]!.start < start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < spans.length && spans[i]!.start < end; i++) {
      if (spans[i]!.end <= end) out.push(spans[i]!);
    }
    return out;
  }

  /** A plain, structured-clone-safe copy (to cross worker threads or be stored). */
  toJSON(): DocJSON {
    return { id: this.id, text: this.text, meta: { ...this.meta }, layers: Object.fromEntries([...this.layers].map(([k, v]) => [k, [...v]])) };
  }

  static fromJSON(j: DocJSON): Doc {
    const d = new Doc(j.id, j.text, j.meta);
    for (const [k, v] of Object.entries(j.layers)) d.setLayer(k, v);
    return d;
  }
}

export interface DocJSON {
  id: string;
  text: string;
  meta: DocMeta;
  layers: Record<string, Span[]>;
}

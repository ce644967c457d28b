import { Doc, type Span } from '../doc/doc.js';
import type { Stage } from './stage.js';

export class PipelineError extends Error {}

/** One stage's trace entry: what it added and how long it took. */
export interface StageTrace {
  stage: string;
  /** Wall-clock milliseconds. */
  ms: number;
  /**
   * CPU milliseconds (user + system) of this process during the stage, when the pipeline
   * measures CPU (`measureCpu`, the bench); on a busy machine a fairer figure than `ms`.
   */
  cpuMs?: number;
  spans: Record<string, number>;
}

/**
 * An ordered, validated list of stages. Validation happens at construction: every layer a
 * stage requires must be produced by an earlier, enabled stage; no layer is produced twice.
 */
export class Pipeline {
  readonly stages: readonly Stage[];
  readonly disabled: readonly string[];
  /**
   * Also record each stage's CPU time. Off by default: process.cpuUsage() is a system call,
   * and two per stage cost about 7 % of the pipeline's time.
   */
  measureCpu = false;

  constructor(all: readonly Stage[], disabled: readonly string[] = []) {
    const names = new Set(all.map((s) => s.name));
    for (const d of disabled) {
      if (!names.has(d)) throw new PipelineError(`unknown stage "${d}" (stages: ${[...names].join(', ')})`);
    }
    this.disabled = [...disabled];
    this.stages = all.filter((s) => !disabled.includes(s.name));
    const producedBy = new Map<string, string>();
    for (const stage of this.stages) {
      for (const need of stage.requires) {
        if (!producedBy.has(need)) {
          const owner = all.find((s) => s.produces.includes(need));
          const why = owner
            ? disabled.includes(owner.name)
              ? `stage "${owner.name}" produces it but is switched off`
              : `stage "${owner.name}" produces it but runs later`
            : 'no stage produces it';
          throw new PipelineError(`stage "${stage.name}" requires layer "${need}": ${why}`);
        }
      }
      for (const out of stage.produces) {
        const prev = producedBy.get(out);
        if (prev) throw new PipelineError(`layer "${out}" is produced by both "${prev}" and "${stage.name}"`);
        producedBy.set(out, stage.name);
      }
    }
  }

  /** Runs every stage over the doc, in order. Returns a per-stage trace. */
  run(doc: Doc): StageTrace[] {
    const trace: StageTrace[] = [];
    for (const stage of this.stages) {
      const t0 = performance.now();
      const c0 = this.measureCpu ? process.cpuUsage() : null;
      let out: Record<string, Span[]>;
      try {
        out = stage.run(doc);
      } catch (err) {
        throw new PipelineError(`stage "${stage.name}" failed on ${doc.meta.source}: ${(err as Error).message}`);
      }
      const counts: Record<string, number> = {};
      for (const layer of stage.produces) {
        const spans = out[layer];
        if (!spans) throw new PipelineError(`stage "${stage.name}" did not produce its layer "${layer}"`);
        doc.setLayer(layer, spans);
        counts[layer] = spans.length;
      }
      for (const extra of Object.keys(out)) {
        if (!stage.produces.includes(extra)) throw new PipelineError(`stage "${stage.name}" returned undeclared layer "${extra}"`);
      }
      const entry: StageTrace = { stage: stage.name, ms: performance.now() - t0, spans: counts };
      if (c0) {
        const c = process.cpuUsage(c0);
        entry.cpuMs = (c.user + c.system) / 1000;
      }
      trace.push(entry);
    }
    return trace;
  }
}

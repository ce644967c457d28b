import { actorsStage } from '../stages/actors.js';
import { cleanStage } from '../stages/clean.js';
import { datelineStage } from '../stages/dateline.js';
import { eventsStage } from '../stages/events.js';
import { namesStage } from '../stages/names.js';
import { placesStage } from '../stages/places.js';
import { segmentStage } from '../stages/segment.js';
import { timexStage } from '../stages/timex.js';
import { Pipeline } from './pipeline.js';
import type { Stage } from './stage.js';

/** The pipeline's order lives here and only here. */
export const STAGES: readonly Stage[] = [cleanStage, segmentStage, datelineStage, timexStage, namesStage, actorsStage, placesStage, eventsStage];

export function buildPipeline(disabled: readonly string[] = []): Pipeline {
  return new Pipeline(STAGES, disabled);
}

/**
 * The smallest pipeline that produces `layers`: the stages that make them and, transitively,
 * what those stages require; every other stage is switched off. Evaluations of one layer use
 * it, so a new downstream stage never breaks or slows them.
 */
export function pipelineFor(layers: readonly string[]): Pipeline {
  const needed = new Set<string>();
  const want = [...layers];
  while (want.length) {
    const layer = want.pop()!;
    const stage = STAGES.find((s) => s.produces.includes(layer));
    if (!stage) throw new Error(`no stage produces layer "${layer}"`);
    if (needed.has(stage.name)) continue;
    needed.add(stage.name);
    want.push(...stage.requires);
  }
  return buildPipeline(STAGES.filter((s) => !needed.has(s.name)).map((s) => s.name));
}

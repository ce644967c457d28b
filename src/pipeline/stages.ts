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

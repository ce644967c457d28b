import type { Doc } from '../doc/doc.js';
import type { Stage } from '../pipeline/stage.js';
import { resolvePairs } from '../actors/pairs.js';
import { resolvePronouns } from '../actors/pronouns.js';
import { resolveActors } from '../actors/resolve.js';

/** Actor resolution (issue #4): names, descriptions and groups to canonical actors as of the dct. */
export const actorsStage: Stage = {
  name: 'actors',
  requires: ['name', 'sentence', 'dct'],
  produces: ['actor'],
  description: 'people, organisations and states resolved to canonical actors with country, sector and title at the article date',
  run(doc: Doc) {
    const actors = resolveActors(doc);
    const pronouns = resolvePronouns(doc, actors);
    const withPronouns = pronouns.length ? [...actors, ...pronouns].sort((a, b) => a.start - b.start) : actors;
    const pairs = resolvePairs(doc, withPronouns);
    return { actor: pairs.length ? [...withPronouns, ...pairs].sort((a, b) => a.start - b.start) : withPronouns };
  },
};

import type { Store } from '../store/store.js';
import type { IngestJobs } from './ingest-jobs.js';
import type { EventCache } from './queries.js';

/** What every route module needs. */
export interface ApiDeps {
  store: Store;
  events: EventCache;
  jobs: IngestJobs;
}

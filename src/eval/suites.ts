/**
 * The `summitry eval` frame: each gold-set suite is listed here by name and loaded only when
 * it runs (suites pull in the whole pipeline). The CLI prints the suite's lines and adds the
 * final `SCORE name=value …` line.
 */
export interface EvalArgs {
  data: string;
  out?: string;
  baseline?: string;
  suite?: string;
}

export interface EvalResult {
  lines: string[];
  score: Record<string, number>;
}

export interface EvalSuite {
  name: string;
  description: string;
  run(args: EvalArgs): Promise<EvalResult>;
}

const SUITES: Record<string, { description: string; load: () => Promise<EvalSuite> }> = {
  timex: {
    description: 'time expressions against TimeML (TempEval-3) or MEANTIME timex gold',
    load: async () => (await import('./timex-suite.js')).timexSuite,
  },
  geo: {
    description: 'toponym resolution against LGL / GeoWebNews / GeoVirus / TR-News: accuracy within 161 km, mean error km',
    load: async () => (await import('./geo-suite.js')).geoSuite,
  },
  ner: {
    description: 'named entities (PER/ORG/LOC, MISC apart) against CoNLL-format gold, with compromise beside',
    load: async () => (await import('./ner-suite.js')).nerSuite,
  },
  coref: {
    description: 'cross-document event coreference with gold mentions (--suite ecbplus|meantime)',
    load: async () => (await import('./coref-suite.js')).corefSuite,
  },
  actors: {
    description: 'actor country codes on the PETRARCH2 gold sentences (petrarch-validation)',
    load: async () => (await import('./actors-suite.js')).actorsSuite,
  },
  timeline: {
    description: 'SemEval-2015 Task 4 TimeLine over the MEANTIME articles (gold event mentions)',
    load: async () => (await import('./timeline-suite.js')).timelineSuite,
  },
  events: {
    description: 'event types and participants against PETRARCH2 / PLOVER gold (--suite petr2|plover|seeds-demo)',
    load: async () => (await import('./events-suite.js')).eventsSuite,
  },
  factuality: {
    description: 'event status against MEANTIME certainty / polarity / time attributes',
    load: async () => (await import('./factuality-suite.js')).factualitySuite,
  },
};

export function suiteNames(): string[] {
  return Object.keys(SUITES);
}

export async function loadSuite(name: string): Promise<EvalSuite | undefined> {
  return SUITES[name]?.load();
}

export function formatScore(score: Record<string, number>): string {
  return `SCORE ${Object.entries(score)
    .map(([k, v]) => `${k}=${Number.isInteger(v) ? v : v.toFixed(2)}`)
    .join(' ')}`;
}

/**
 * The `summitry eval` frame: each gold-set suite registers here with a name, and prints its
 * figures; the CLI adds the final `SCORE name=value …` line.
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

const suites = new Map<string, EvalSuite>();

export function registerSuite(s: EvalSuite): void {
  suites.set(s.name, s);
}

export function getSuite(name: string): EvalSuite | undefined {
  return suites.get(name);
}

export function listSuites(): EvalSuite[] {
  return [...suites.values()];
}

export function formatScore(score: Record<string, number>): string {
  return `SCORE ${Object.entries(score)
    .map(([k, v]) => `${k}=${Number.isInteger(v) ? v : v.toFixed(2)}`)
    .join(' ')}`;
}

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root (bench files run from dist/bench/). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The benches' articles: the seed articles in ../shared/seeds when present, else examples/*.txt. */
export function benchCorpus(): { dir: string; texts: string[] } {
  const seeds = path.resolve(ROOT, '../shared/seeds');
  const dir = existsSync(seeds) ? seeds : path.join(ROOT, 'examples');
  const texts = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(path.join(dir, f), 'utf8'));
  return { dir, texts };
}

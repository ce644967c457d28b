import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Doc } from '../src/doc/doc.js';
import { buildPipeline } from '../src/pipeline/stages.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(ROOT, 'bin/summitry.js');
export const SHARED = path.resolve(ROOT, '../shared');
export const HAVE_SHARED = existsSync(path.join(SHARED, 'seeds')) && existsSync(path.join(SHARED, 'tools/check-export.mjs'));

/** Runs the CLI as a user would, in `cwd`. */
export function cli(args: string[], cwd = ROOT): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
}

export function cliAsync(args: string[], cwd = ROOT): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

export function tempDir(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'summitry-test-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Runs the whole pipeline over a small hand-written document. */
export function analyse(text: string, published: string | null = null, disabled: string[] = []): Doc {
  const doc = new Doc('test', text, { source: 'test.txt', format: 'txt', title: null, publisher: null, url: null, published });
  buildPipeline(disabled).run(doc);
  return doc;
}

export function texts(doc: Doc, layer: string): string[] {
  return doc.layer(layer).map((s) => doc.slice(s));
}

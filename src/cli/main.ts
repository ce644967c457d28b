import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import { formatScore, loadSuite, suiteNames } from '../eval/suites.js';
import { normaliseDate } from '../ingest/decode.js';
import type { IngestSummary } from '../ingest/ingest.js';
import type { Store } from '../store/store.js';

// Heavy modules (the pipeline, the store, the HTML parser) load only in the commands that
// need them, so `summitry --help` or `timeline` start fast.

/** Exit codes (spec): 0 success, 1 bad input, 2 usage error. */
export const EXIT = { ok: 0, badInput: 1, usage: 2 } as const;

class UsageError extends Error {}

const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const DEFAULT_DB = './summitry.db';

const say = (line: string) => process.stdout.write(line + '\n');
const complain = (line: string) => process.stderr.write(`summitry: ${line}\n`);

const dbOption = () => new Option('--db <path>', 'database file, or a postgres:// URL (docs/store.md)').default(DEFAULT_DB);
const list = (v: string, prev: string[] = []) => [...prev, v];

async function withStore<T>(db: string, fn: (s: Store) => Promise<T>): Promise<T> {
  const { Store } = await import('../store/store.js');
  const store = await Store.open(db);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

function summaryLine(s: IngestSummary, db: string, queued = false): string {
  if (queued) return `ingest: ${s.read} articles read, ${s.queued} queued for workers, ${s.unchanged} unchanged, ${s.failed} failed; ${s.seconds.toFixed(2)} s -> ${db}`;
  const rate = s.seconds > 0 ? ` (${(s.stored / s.seconds).toFixed(1)} articles/s)` : '';
  return `ingest: ${s.read} articles read, ${s.stored} stored, ${s.unchanged} unchanged, ${s.failed} failed; ${s.mentions} event mentions; ${s.seconds.toFixed(2)} s${rate} -> ${db}`;
}

async function runIngest(inputs: string[], opts: { db: string; published?: string; disable?: string[]; workers?: string; queue?: boolean }): Promise<number> {
  let published: string | null = null;
  if (opts.published !== undefined) {
    published = normaliseDate(opts.published);
    if (!published) throw new UsageError(`--published: not a date: ${opts.published}`);
  }
  let workers: number | undefined;
  if (opts.workers !== undefined) {
    workers = Number(opts.workers);
    if (!Number.isInteger(workers) || workers < 0) throw new UsageError(`--workers: not a whole number: ${opts.workers}`);
  }
  const { ingest } = await import('../ingest/ingest.js');
  const { progress } = await import('./progress.js');
  const { isPostgresUrl } = await import('../store/store.js');
  if (opts.queue && !isPostgresUrl(opts.db)) throw new UsageError('--queue: needs --db postgres://… (the queue lives in the team database)');
  return withStore(opts.db, async (store) => {
    const bar = progress();
    const scale = opts.queue ? await import('../scale/queue.js') : null;
    const boss = scale ? await scale.openQueue(opts.db) : null;
    const summary = await ingest(store, inputs, {
      queue: scale && boss ? scale.enqueuer(boss) : undefined,
      published,
      disabled: opts.disable ?? [],
      workers,
      onProblem: (p) => bar.interrupt(() => complain(`${p.input}: ${p.reason}`)),
      onWarning: (p) => bar.interrupt(() => complain(`warning: ${p.input}: ${p.reason}`)),
      onSourcesKnown: (n) => bar.start(n),
      onSourceDone: (n, name) => bar.update(n, name),
    });
    bar.stop();
    await boss?.stop({ graceful: true, wait: true });
    say(summaryLine(summary, store.path, !!opts.queue));
    return summary.failed ? EXIT.badInput : EXIT.ok;
  });
}

async function runWorker(opts: { db: string; concurrency: string; drain?: boolean; disable?: string[] }): Promise<number> {
  const concurrency = Number(opts.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError(`--concurrency: not a whole number above 0: ${opts.concurrency}`);
  const { isPostgresUrl } = await import('../store/store.js');
  if (!isPostgresUrl(opts.db)) throw new UsageError('worker: needs --db postgres://… (the queue lives in the team database)');
  const { openQueue, runWorker: work } = await import('../scale/queue.js');
  return withStore(opts.db, async (store) => {
    const boss = await openQueue(opts.db);
    const stop = new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
    if (!opts.drain) say(`summitry worker: working the article queue of ${store.path}; Ctrl-C stops it`);
    try {
      const s = await work(store, boss, {
        concurrency,
        drain: opts.drain,
        disabled: opts.disable ?? [],
        stop,
        onProblem: (source, reason) => complain(`${source}: ${reason} (the queue retries it)`),
      });
      say(`worker: ${s.stored} stored, ${s.unchanged} unchanged, ${s.failed} failed attempts; ${s.mentions} event mentions; ${s.seconds.toFixed(2)} s -> ${store.path}`);
      return s.failed ? EXIT.badInput : EXIT.ok;
    } finally {
      await boss.stop({ graceful: true, wait: true });
    }
  });
}

async function runTimeline(opts: { db: string; actor?: string[]; place?: string; from?: string; to?: string; status?: string }): Promise<number> {
  for (const k of ['from', 'to'] as const) {
    if (opts[k] !== undefined && !normaliseDate(opts[k])) throw new UsageError(`--${k}: not a date: ${opts[k]}`);
  }
  const { formatTimeline, timeline } = await import('../timeline/timeline.js');
  return withStore(opts.db, async (store) => {
    const entries = await timeline(store, {
      actors: opts.actor,
      place: opts.place,
      from: opts.from && normaliseDate(opts.from)!,
      to: opts.to && normaliseDate(opts.to)!,
      statuses: opts.status?.split(',').map((s) => s.trim()).filter(Boolean),
    });
    for (const line of formatTimeline(entries)) say(line);
    if (!entries.length) say('(no events match; ingest articles with `summitry ingest PATH`)');
    return EXIT.ok;
  });
}

export function buildProgram(): Command {
  const program = new Command('summitry')
    .description('Turns diplomatic news into a sourced record of what happened, when, where, between whom, and how sure we are.')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command('ingest')
    .description('read files, folders (recursively), JSONL and URLs; extract and store events')
    .argument('<paths...>', 'files, folders or http(s) URLs')
    .addOption(dbOption())
    .option('--published <date>', 'article date for articles whose metadata has none')
    .option('--disable <stage>', 'switch a pipeline stage off (repeatable)', list)
    .option('--workers <n>', 'pipeline worker threads (0: in-process; default: by batch size)')
    .option('--queue', 'hand the articles to `summitry worker` processes through the team database (postgres:// only)')
    .action(async (paths: string[], opts) => {
      process.exitCode = await runIngest(paths, opts);
    });

  program
    .command('worker')
    .description('run the pipeline on articles queued by `ingest --queue`, from any machine that reaches the team database')
    .addOption(dbOption())
    .option('--concurrency <n>', 'articles in progress at once in this process', '1')
    .option('--drain', 'stop once the queue is empty')
    .option('--disable <stage>', 'switch a pipeline stage off (repeatable)', list)
    .action(async (opts) => {
      process.exitCode = await runWorker(opts);
    });

  program
    .command('export')
    .description('write the whole database (JSON Lines by default)')
    .addOption(dbOption())
    .addOption(new Option('--format <format>', 'output format').choices(['jsonl', 'csv', 'geojson', 'graphml']).default('jsonl'))
    .option('--out <file>', 'write to a file instead of standard output')
    .option('--with-text', 'add each article text to its record')
    .option('--plover', 'the PLOVER-conformant view: future cooperative events as AGREE')
    .action(async (opts: { db: string; out?: string; withText?: boolean; format: string; plover?: boolean }) => {
      const { writeExport } = await import('../export/formats.js');
      await withStore(opts.db, async (store) => {
        // A file is written under a temporary name and renamed when complete: never half-written.
        const tmp = opts.out ? `${opts.out}.${process.pid}.tmp` : null;
        const out = tmp ? createWriteStream(tmp) : process.stdout;
        try {
          await writeExport(store, out, { format: opts.format as 'jsonl', withText: opts.withText, plover: opts.plover });
          if (tmp) {
            await new Promise<void>((resolve, reject) => (out as ReturnType<typeof createWriteStream>).end((err?: Error | null) => (err ? reject(err) : resolve())));
            const { rename } = await import('node:fs/promises');
            await rename(tmp, opts.out!);
          }
        } catch (err) {
          if (tmp) {
            (out as ReturnType<typeof createWriteStream>).destroy();
            const { rm } = await import('node:fs/promises');
            await rm(tmp, { force: true });
          }
          throw err;
        }
      });
    });

  program
    .command('timeline')
    .description('print the consolidated events in time order')
    .addOption(dbOption())
    .option('--actor <name>', 'events with this actor (repeat for a dyad)', list)
    .option('--place <name>', 'events at this place')
    .option('--from <date>', 'events on or after this date')
    .option('--to <date>', 'events on or before this date')
    .option('--status <list>', 'comma-separated statuses')
    .action(async (opts) => {
      process.exitCode = await runTimeline(opts);
    });

  program
    .command('demo')
    .description('ingest the sample corpus in examples/ and print its timeline')
    .addOption(dbOption())
    .action(async (opts: { db: string }) => {
      const examples = path.relative(process.cwd(), path.join(PACKAGE_ROOT, 'examples')) || '.';
      say(`Ingesting the sample corpus in ${examples}/ into ${opts.db} …`);
      const code = await runIngest([examples], { db: opts.db });
      say('');
      say('Timeline:');
      await runTimeline({ db: opts.db });
      say('');
      say(`Next: \`npx summitry ingest YOUR_FOLDER --db ${opts.db}\` adds your own articles; \`npx summitry export --db ${opts.db}\` writes the record as JSON Lines.`);
      say(`The web UI (timeline, map, network, article reader): \`npx summitry serve --db ${opts.db}\`, then open http://127.0.0.1:8080/`);
      process.exitCode = code;
    });

  program
    .command('eval')
    .description('score the pipeline against a gold set; last line SCORE name=value …')
    .argument('<suite>', `one of: ${suiteNames().join(', ')}`)
    .requiredOption('--data <path>', 'the gold set')
    .option('--out <dir>', 'write system output here')
    .option('--baseline <name>', 'also score a baseline from the same run')
    .option('--suite <name>', 'a gold set within the suite (events: petr2, plover, seeds-demo; coref: ecbplus, meantime)')
    .action(async (name: string, opts: { data: string; out?: string; baseline?: string; suite?: string }) => {
      const suite = await loadSuite(name);
      if (!suite) throw new UsageError(`eval: unknown suite "${name}" (suites: ${suiteNames().join(', ')})`);
      const result = await suite.run(opts);
      for (const line of result.lines) say(line);
      say(formatScore(result.score));
    });

  const kbCommand = program.command('kb').description('the actor knowledge base');
  kbCommand
    .command('import')
    .description('read a PETRARCH / Phoenix actor dictionary or a CountryInfo file into the knowledge base')
    .argument('<file>', 'the dictionary file')
    .addOption(dbOption())
    .option('--out <file>', 'write a KB file (for SUMMITRY_KB) instead of the database')
    .action(async (file: string, opts: { db: string; out?: string }) => {
      const kb = await import('../kb/command.js');
      const summary = opts.out ? kb.importIntoFile(file, opts.out) : await withStore(opts.db, (store) => kb.importIntoStore(store, file));
      for (const w of summary.warnings.slice(0, 5)) complain(`warning: ${w}`);
      say(kb.summaryLine(summary, opts.out ?? opts.db));
    });

  program
    .command('stages')
    .description('list the pipeline stages in order, with the layers they read and add')
    .action(async () => {
      const { STAGES } = await import('../pipeline/stages.js');
      for (const s of STAGES) say(`${s.name.padEnd(10)} requires [${s.requires.join(', ')}] produces [${s.produces.join(', ')}]: ${s.description}`);
    });

  program
    .command('serve')
    .description('the HTTP API and web UI on one port (loopback unless --host says otherwise)')
    .addOption(dbOption())
    .option('--port <n>', 'port', '8080')
    .option('--host <host>', 'address to listen on (0.0.0.0 opens it to the network)', '127.0.0.1')
    .action(async (opts: { db: string; port: string; host: string }) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port: not a port number: ${opts.port}`);
      const { Store } = await import('../store/store.js');
      const { startServer } = await import('../api/server.js');
      const store = await Store.open(opts.db);
      const server = await startServer({ store, host: opts.host, port, webRoot: path.join(PACKAGE_ROOT, 'dist/web') }).catch(async (err: Error) => {
        await store.close();
        throw new UsageError(`serve: cannot listen on ${opts.host}:${port} (${(err as NodeJS.ErrnoException).code ?? err.message})`);
      });
      say(`summitry serve: ${server.url}/ (database ${store.path}); Ctrl-C stops it`);
      if (!['127.0.0.1', 'localhost', '::1'].includes(opts.host)) complain(`warning: listening on ${opts.host}: anyone who can reach it can read the database and ingest files and URLs`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await server.close();
      await store.close();
    });

  return program;
}

export async function main(argv: string[]): Promise<number> {
  // `summitry timeline | head` closes the pipe early: stop quietly.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(EXIT.ok);
    throw err;
  });
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (err instanceof UsageError) {
      complain(err.message);
      return EXIT.usage;
    }
    complain((err as Error).message);
    return EXIT.badInput;
  }
}

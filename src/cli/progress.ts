import cliProgress from 'cli-progress';

/** A progress bar on a terminal; silent elsewhere (pipes, CI, tests). */
export interface Progress {
  start(total: number): void;
  update(done: number, name: string): void;
  interrupt(print: () => void): void;
  stop(): void;
}

export function progress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { start() {}, update() {}, interrupt: (print) => print(), stop() {} };
  const bar = new cliProgress.SingleBar(
    { stream, format: 'ingest [{bar}] {value}/{total} sources  {name}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let running = false;
  return {
    start(total) {
      bar.start(total, 0, { name: '' });
      running = true;
    },
    update(done, name) {
      bar.update(done, { name: name.length > 40 ? '…' + name.slice(-39) : name });
    },
    interrupt(print) {
      // Print above the bar, then redraw it.
      if (running) stream.write('\r\x1b[K');
      print();
      if (running) bar.render();
    },
    stop() {
      if (running) bar.stop();
      running = false;
    },
  };
}

import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { Store } from '../store/store.js';
import { createApp } from './app.js';

export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '::1', '[::1]'];

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts the app on host:port (port 0: any free port); resolves once it listens. */
export function startServer(opts: { store: Store; host: string; port: number; webRoot: string | null }): Promise<RunningServer> {
  const loopback = LOOPBACK_HOSTS.includes(opts.host);
  const app = createApp({ store: opts.store, webRoot: opts.webRoot, allowedHosts: loopback ? LOOPBACK_HOSTS : undefined });
  return new Promise((resolve, reject) => {
    let server: ServerType;
    const onError = (err: Error) => reject(err);
    server = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host }, (info: AddressInfo) => {
      server.off('error', onError);
      const shown = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shown}:${info.port}`,
        port: info.port,
        close: async () => {
          await app.summitry.jobs.idle();
          const closed = new Promise<void>((done) => server.close(() => done()));
          // Open progress streams and idle keep-alive connections would hold close() up.
          (server as { closeAllConnections?: () => void }).closeAllConnections?.();
          await closed;
        },
      });
    });
    server.once('error', onError);
  });
}

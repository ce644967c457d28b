import { existsSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Context } from 'hono';
import { HttpError } from './errors.js';

/**
 * The built web UI (dist/web) for every path outside /api: a file when one exists under the
 * root, else index.html (the UI routes in the browser). Paths are decoded once and refused
 * when they hold `..`, a backslash or a NUL; the resolved file must lie inside the root
 * (also after following symlinks).
 */

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Summitry</title></head>
<body><h1>Summitry</h1>
<p>The web UI is not built. Build it (see README), then restart <code>summitry serve</code>.</p>
<p>The HTTP API works without it: <a href="/api/health">/api/health</a>, <a href="/api/openapi.json">/api/openapi.json</a>.</p>
</body></html>
`;

/** The request path, decoded and checked; throws a 400 for anything that tries to climb out. */
export function safeRelativePath(rawPath: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    throw new HttpError(400, 'bad path encoding');
  }
  if (/[\\\u0000]/.test(decoded) || decoded.split('/').some((seg) => seg === '..' || seg === '.')) throw new HttpError(400, 'bad path');
  return decoded.replace(/^\/+/, '');
}

export function staticFiles(root: string | null) {
  const base = root && existsSync(path.join(root, 'index.html')) ? root : null;
  let realBase: string | null = null;

  const send = async (c: Context, file: string, immutable: boolean) => {
    const body = await readFile(file);
    const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    return c.body(body, 200, { 'Content-Type': type, 'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache' });
  };

  return async (c: Context) => {
    const rel = safeRelativePath(new URL(c.req.url).pathname);
    if (!base) return c.html(NOT_BUILT);
    realBase ??= await realpath(base);
    const file = path.resolve(realBase, rel);
    if (file !== realBase && !file.startsWith(realBase + path.sep)) throw new HttpError(400, 'bad path');
    const st = await stat(file).catch(() => null);
    if (st?.isFile()) {
      const real = await realpath(file);
      if (!real.startsWith(realBase + path.sep)) throw new HttpError(400, 'bad path');
      return send(c, real, rel.startsWith('assets/'));
    }
    // A missing asset is a 404; any other path is a UI route.
    if (path.extname(rel)) return c.json({ error: `no such file: /${rel}` }, 404);
    return send(c, path.join(realBase, 'index.html'), false);
  };
}

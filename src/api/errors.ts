import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** An error with an HTTP status; its message goes to the client as `{"error": message}`. */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new HttpError(404, what);

/** Every error leaves as JSON; unexpected ones are logged and say only "internal error". */
export function errorResponse(err: Error, c: Context): Response {
  if (err instanceof HttpError) return c.json({ error: err.message }, err.status);
  // Hono's own HTTPException (e.g. from the body limit) carries a status too.
  const status = (err as { status?: unknown }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) return c.json({ error: err.message || 'bad request' }, status as ContentfulStatusCode);
  console.error(`summitry serve: ${c.req.method} ${c.req.path}: ${err.stack ?? err.message}`);
  return c.json({ error: 'internal error' }, 500);
}

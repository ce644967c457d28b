import type { MiddlewareHandler } from 'hono';

/** The UI loads only its own scripts and styles; nothing may frame it or sniff types. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'";

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  const h = c.res.headers;
  h.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  h.set('X-Content-Type-Options', 'nosniff');
  h.set('X-Frame-Options', 'DENY');
  h.set('Referrer-Policy', 'no-referrer');
  h.set('Cross-Origin-Opener-Policy', 'same-origin');
};

/**
 * Refuses writes that a browser sends from another site (a page elsewhere posting a form to
 * this local server). Tools without an Origin header (curl, scripts) pass.
 */
export const sameOriginWrites: MiddlewareHandler = async (c, next) => {
  if (!/^(GET|HEAD|OPTIONS)$/.test(c.req.method)) {
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    const own = new URL(c.req.url).origin;
    if ((site && site !== 'same-origin' && site !== 'none') || (origin && origin !== own)) {
      return c.json({ error: 'cross-origin writes are not allowed' }, 403);
    }
  }
  await next();
};

/**
 * On loopback the server answers only to loopback host names, so a web page that rebinds its
 * own domain to 127.0.0.1 (DNS rebinding) cannot read the API.
 */
export function allowHosts(hosts: string[]): MiddlewareHandler {
  const allowed = new Set(hosts.map((h) => h.toLowerCase()));
  return async (c, next) => {
    // The node adapter builds the request URL from the Host header.
    const host = new URL(c.req.url).hostname.toLowerCase();
    if (!allowed.has(host)) return c.json({ error: `host ${JSON.stringify(host)} is not served here` }, 403);
    await next();
  };
}

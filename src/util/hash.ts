import { createHash } from 'node:crypto';

/** A short, stable content hash with a prefix: same input, same id. */
export function hashId(prefix: string, ...parts: (string | number)[]): string {
  const h = createHash('sha256');
  parts.forEach((p, i) => {
    if (i) h.update('\u0000');
    h.update(String(p));
  });
  return `${prefix}_${h.digest('hex').slice(0, 16)}`;
}

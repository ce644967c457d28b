/** Bytes to text, or the reason they are not text we can read. */
export type Decoded = { ok: true; text: string } | { ok: false; reason: string };

const SNIFF_BYTES = 8192;

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (head.includes(0)) return { ok: false, reason: 'binary file, not text (it contains NUL bytes)' };
  let text: string;
  try {
    // ignoreBOM keeps a byte-order mark in the text, as fs.readFileSync does, so offsets agree.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { ok: false, reason: `invalid UTF-8 at byte ${firstInvalidByte(bytes)}` };
  }
  if (!text.trim()) return { ok: false, reason: 'empty file (only white space)' };
  return { ok: true, text };
}

/** Offset of the first byte that breaks UTF-8. */
export function firstInvalidByte(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k]! & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return i;
}

/** A date given as metadata, as YYYY-MM-DD; null when it is not a date. */
export function normaliseDate(value: unknown): string | null {
  if (typeof value !== 'string' || !value.trim()) return null;
  const v = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  if (iso) {
    const d = new Date(Date.UTC(+iso[1]!, +iso[2]! - 1, +iso[3]!));
    return d.getUTCMonth() === +iso[2]! - 1 && d.getUTCDate() === +iso[3]! ? iso[0] : null;
  }
  const t = Date.parse(v);
  if (Number.isNaN(t)) return null;
  return new Date(t).toISOString().slice(0, 10);
}

import { useEffect, useState } from 'react';
import { useDataVersion } from './data-version';

/** An API error with the server's message (the API answers errors as JSON `{error|message}`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, { headers: { accept: 'application/json' }, ...init });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const b = body as { message?: string; error?: string } | null;
    throw new ApiError(res.status, b?.message ?? b?.error ?? `${res.status} ${res.statusText}`);
  }
  return body as T;
}

export interface Loaded<T> {
  data: T | null;
  error: ApiError | Error | null;
  loading: boolean;
}

/** Fetches `url` (null: nothing to fetch) and refetches when it changes or after an ingest. */
export function useApi<T>(url: string | null): Loaded<T> {
  const version = useDataVersion();
  const [state, setState] = useState<Loaded<T>>({ data: null, error: null, loading: !!url });
  useEffect(() => {
    if (!url) return;
    let live = true;
    setState((s) => ({ data: s.data, error: null, loading: true }));
    getJson<T>(url).then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error: Error) => live && setState({ data: null, error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [url, version]);
  return state;
}

/** `path?k=v&k=v2` from a list of pairs, leaving out empty values. */
export function withQuery(path: string, params: [string, string | number | undefined | null][]): string {
  const q = new URLSearchParams();
  for (const [k, v] of params) if (v !== undefined && v !== null && v !== '') q.append(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/**
 * Retries on 429 and 503 (honouring `Retry-After`), an `Idempotency-Key` on every write and
 * typed errors, as a `fetch` that openapi-fetch calls.
 */
import { PunchcardError } from "./errors.js";

export interface RetryOptions {
  /** Tries in all, the first included. */
  attempts: number;
  /** Seconds: the jittered wait doubles from here when the answer has no Retry-After. */
  backoff: number;
  maxBackoff: number;
  /** A longer Retry-After is not waited for: the error is thrown instead. */
  maxRetryAfter: number;
  statuses: readonly number[];
}

export const DEFAULT_RETRY: RetryOptions = {
  attempts: 4,
  backoff: 0.5,
  maxBackoff: 8,
  maxRetryAfter: 60,
  statuses: [429, 503],
};

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);
export const IDEMPOTENCY_KEY = "Idempotency-Key";

/** Seconds to wait before the next try after `attempt` got `response`, or null: no retry. */
export function retryWait(retry: RetryOptions, attempt: number, response: Response): number | null {
  if (!retry.statuses.includes(response.status) || attempt >= retry.attempts) return null;
  const asked = retryAfter(response.headers.get("retry-after"));
  if (asked === null) {
    return Math.random() * Math.min(retry.maxBackoff, retry.backoff * 2 ** (attempt - 1));
  }
  return asked <= retry.maxRetryAfter ? asked : null;
}

/** `Retry-After` in seconds: delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null) return null;
  if (/^\s*\d+\s*$/.test(value)) return Number(value);
  const when = Date.parse(value);
  return Number.isNaN(when) ? null : Math.max(0, (when - now) / 1000);
}

const sleep = (seconds: number) => new Promise((done) => setTimeout(done, seconds * 1000));

/** `inner` with retries, idempotency keys on writes (one per call, the same on each retry)
 * and a thrown PunchcardError for a 4xx or 5xx answer. */
export function retryingFetch(inner: typeof fetch, retry: RetryOptions): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const headers = new Headers(request.headers);
    if (WRITES.has(request.method) && !headers.has(IDEMPOTENCY_KEY)) {
      headers.set(IDEMPOTENCY_KEY, crypto.randomUUID());
    }
    // Read once: a body sent again must be the same bytes.
    const body = request.body === null ? undefined : await request.arrayBuffer();
    const attempt = () =>
      inner(request.url, {
        method: request.method,
        headers,
        body,
        signal: request.signal,
        redirect: request.redirect,
      });
    let response = await attempt();
    for (let tries = 1; ; tries++) {
      const wait = retryWait(retry, tries, response);
      if (wait === null) break;
      await response.body?.cancel();
      await sleep(wait);
      response = await attempt();
    }
    if (!response.ok) throw await PunchcardError.from(response);
    return response;
  };
}

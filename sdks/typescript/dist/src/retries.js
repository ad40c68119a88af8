/**
 * Retries on 429 and 503 (honouring `Retry-After`), an `Idempotency-Key` on every write and
 * typed errors, as a `fetch` that openapi-fetch calls.
 */
import { PunchcardError } from "./errors.js";
export const DEFAULT_RETRY = {
    attempts: 4,
    backoff: 0.5,
    maxBackoff: 8,
    maxRetryAfter: 60,
    statuses: [429, 503],
};
const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);
export const IDEMPOTENCY_KEY = "Idempotency-Key";
/** Seconds to wait before the next try after `attempt` got `response`, or null: no retry. */
export function retryWait(retry, attempt, response) {
    if (!retry.statuses.includes(response.status) || attempt >= retry.attempts)
        return null;
    const asked = retryAfter(response.headers.get("retry-after"));
    if (asked === null) {
        return Math.random() * Math.min(retry.maxBackoff, retry.backoff * 2 ** (attempt - 1));
    }
    return asked <= retry.maxRetryAfter ? asked : null;
}
/** `Retry-After` in seconds: delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfter(value, now = Date.now()) {
    if (value === null)
        return null;
    if (/^\s*\d+\s*$/.test(value))
        return Number(value);
    const when = Date.parse(value);
    return Number.isNaN(when) ? null : Math.max(0, (when - now) / 1000);
}
const sleep = (seconds) => new Promise((done) => setTimeout(done, seconds * 1000));
/** `inner` with retries, idempotency keys on writes (one per call, the same on each retry)
 * and a thrown PunchcardError for a 4xx or 5xx answer. */
export function retryingFetch(inner, retry) {
    return async (input, init) => {
        const request = new Request(input, init);
        const headers = new Headers(request.headers);
        if (WRITES.has(request.method) && !headers.has(IDEMPOTENCY_KEY)) {
            headers.set(IDEMPOTENCY_KEY, crypto.randomUUID());
        }
        // Read once: a body sent again must be the same bytes.
        const body = request.body === null ? undefined : await request.arrayBuffer();
        const attempt = () => inner(request.url, {
            method: request.method,
            headers,
            body,
            signal: request.signal,
            redirect: request.redirect,
        });
        let response = await attempt();
        for (let tries = 1;; tries++) {
            const wait = retryWait(retry, tries, response);
            if (wait === null)
                break;
            await response.body?.cancel();
            await sleep(wait);
            response = await attempt();
        }
        if (!response.ok)
            throw await PunchcardError.from(response);
        return response;
    };
}
//# sourceMappingURL=retries.js.map
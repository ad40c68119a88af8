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
export declare const DEFAULT_RETRY: RetryOptions;
export declare const IDEMPOTENCY_KEY = "Idempotency-Key";
/** Seconds to wait before the next try after `attempt` got `response`, or null: no retry. */
export declare function retryWait(retry: RetryOptions, attempt: number, response: Response): number | null;
/** `Retry-After` in seconds: delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export declare function retryAfter(value: string | null, now?: number): number | null;
/** `inner` with retries, idempotency keys on writes (one per call, the same on each retry)
 * and a thrown PunchcardError for a 4xx or 5xx answer. */
export declare function retryingFetch(inner: typeof fetch, retry: RetryOptions): typeof fetch;

/**
 * TypeScript client for the Punchcard loyalty API.
 *
 * The paths and schemas are generated from Punchcard's OpenAPI document (src/generated/); calls
 * go through openapi-fetch. This layer adds the client (`createPunchcard`), retries, idempotency
 * keys, typed errors and webhook verification.
 */
import createClient from "openapi-fetch";
import { DEFAULT_RETRY, retryingFetch } from "./retries.js";
export { PunchcardError } from "./errors.js";
export { DEFAULT_RETRY, IDEMPOTENCY_KEY, retryAfter } from "./retries.js";
export { verifyWebhook, WebhookVerificationError } from "./webhooks.js";
/** A client of the Punchcard API: `client.POST("/v1/cards", { body })`, typed by path. Every
 * call retries 429 and 503, sends an Idempotency-Key on writes and throws a PunchcardError on
 * a 4xx or 5xx answer. */
export function createPunchcard(options) {
    const retry = { ...DEFAULT_RETRY, ...options.retry };
    return createClient({
        baseUrl: options.baseUrl.replace(/\/+$/, ""),
        headers: { Authorization: `Bearer ${options.apiKey}` },
        fetch: retryingFetch(options.fetch ?? globalThis.fetch, retry),
    });
}
/** The data of a call (errors are thrown, so it is always there):
 * `const card = await unwrap(client.POST("/v1/cards", { body }))`. */
export async function unwrap(call) {
    const { data, response } = await call;
    if (data === undefined)
        throw new Error(`${response.status}: the response has no body`);
    return data;
}
//# sourceMappingURL=index.js.map
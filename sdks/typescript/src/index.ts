/**
 * TypeScript client for the Punchcard loyalty API.
 *
 * The paths and schemas are generated from Punchcard's OpenAPI document (src/generated/); calls
 * go through openapi-fetch. This layer adds the client (`createPunchcard`), retries, idempotency
 * keys, typed errors and webhook verification.
 */
import createClient, { type Client } from "openapi-fetch";

import type { components, paths } from "./generated/openapi.js";
import { DEFAULT_RETRY, retryingFetch, type RetryOptions } from "./retries.js";

export type { components, operations, paths } from "./generated/openapi.js";
export { PunchcardError } from "./errors.js";
export { DEFAULT_RETRY, IDEMPOTENCY_KEY, retryAfter, type RetryOptions } from "./retries.js";
export { verifyWebhook, WebhookVerificationError } from "./webhooks.js";

/** A schema of the API by name: `Schema<"CardIssue">`. */
export type Schema<Name extends keyof components["schemas"]> = components["schemas"][Name];

export type PunchcardClient = Client<paths>;

export interface PunchcardOptions {
  /** Where Punchcard runs: `https://loyalty.example.com`. */
  baseUrl: string;
  /** A staff-bound API key: `pc_sk_...`. */
  apiKey: string;
  retry?: Partial<RetryOptions>;
  /** The fetch to send with (default: the global one). */
  fetch?: typeof fetch;
}

/** A client of the Punchcard API: `client.POST("/v1/cards", { body })`, typed by path. Every
 * call retries 429 and 503, sends an Idempotency-Key on writes and throws a PunchcardError on
 * a 4xx or 5xx answer. */
export function createPunchcard(options: PunchcardOptions): PunchcardClient {
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  return createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    headers: { Authorization: `Bearer ${options.apiKey}` },
    fetch: retryingFetch(options.fetch ?? globalThis.fetch, retry),
  });
}

/** The data of a call (errors are thrown, so it is always there):
 * `const card = await unwrap(client.POST("/v1/cards", { body }))`. */
export async function unwrap<T>(call: Promise<{ data?: T; response: Response }>): Promise<T> {
  const { data, response } = await call;
  if (data === undefined) throw new Error(`${response.status}: the response has no body`);
  return data;
}

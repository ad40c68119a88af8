/**
 * Verify a webhook Punchcard sent: Standard Webhooks signatures (`webhook-id`,
 * `webhook-timestamp`, `webhook-signature`), HMAC-SHA256 keyed by the endpoint's `whsec_`
 * secret, within five minutes of its timestamp. During a secret rotation Punchcard signs with
 * both secrets: either verifies.
 */
import { WebhookVerificationError } from "standardwebhooks";
export { WebhookVerificationError };
/** The delivery's JSON payload, once its signature is Punchcard's; throws
 * WebhookVerificationError otherwise. Pass the raw body, before any JSON parsing. */
export declare function verifyWebhook(secret: string, body: string, headers: Headers | Record<string, string>): unknown;

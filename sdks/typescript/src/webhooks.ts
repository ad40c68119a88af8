/**
 * Verify a webhook Punchcard sent: Standard Webhooks signatures (`webhook-id`,
 * `webhook-timestamp`, `webhook-signature`), HMAC-SHA256 keyed by the endpoint's `whsec_`
 * secret, within five minutes of its timestamp. During a secret rotation Punchcard signs with
 * both secrets: either verifies.
 */
import { Webhook, WebhookVerificationError } from "standardwebhooks";

export { WebhookVerificationError };

/** The delivery's JSON payload, once its signature is Punchcard's; throws
 * WebhookVerificationError otherwise. Pass the raw body, before any JSON parsing. */
export function verifyWebhook(
  secret: string,
  body: string,
  headers: Headers | Record<string, string>,
): unknown {
  const plain = headers instanceof Headers ? Object.fromEntries(headers.entries()) : headers;
  try {
    return new Webhook(secret).verify(body, plain);
  } catch (error) {
    if (error instanceof WebhookVerificationError) throw error;
    // A signature that is not base64, a body that is not JSON: not Punchcard's either.
    throw new WebhookVerificationError(String(error));
  }
}

/**
 * The TypeScript SDK against a real `punchcard serve` (PUNCHCARD_BASE_URL, PUNCHCARD_API_KEY):
 * the tour's first steps, idempotent replays, retries on 429 and 503 from a loopback fake, typed
 * errors, and a real webhook delivery verified with the SDK's verifier. tests/sdks runs it.
 */
import assert from "node:assert/strict";
import { after, test } from "node:test";

import {
  createPunchcard,
  PunchcardError,
  retryAfter,
  unwrap,
  verifyWebhook,
  WebhookVerificationError,
  type PunchcardClient,
} from "../src/index.js";
import { flaky, receiver, type Received } from "./servers.js";

const baseUrl = process.env.PUNCHCARD_BASE_URL ?? "http://127.0.0.1:8000";
const apiKey = process.env.PUNCHCARD_API_KEY ?? "";
const client = createPunchcard({ baseUrl, apiKey });
const NO_WAIT = { "Retry-After": "0" };

/** The tour's first steps: a reward, a program whose 2nd stamp earns it, a customer, a card. */
async function aCard(sourceId: string) {
  const template = await unwrap(
    client.POST("/v1/voucher-templates", {
      body: { title: "Free coffee", redeem_code: { type: "pattern", pattern: "TS-####" } },
    }),
  );
  const program = await unwrap(
    client.POST("/v1/programs", {
      body: { name: "Coffee card", goals: [{ stamps: 2, template_id: template.id }] },
    }),
  );
  const customer = await unwrap(
    client.POST("/v1/customers", {
      body: { source_id: sourceId, email: `${sourceId}@example.com` },
    }),
  );
  const card = await unwrap(
    client.POST("/v1/cards", { body: { program_id: program.id, customer_id: customer.id } }),
  );
  assert.equal(card.customer_id, customer.id);
  return card;
}

async function rejection(call: Promise<unknown>): Promise<PunchcardError> {
  try {
    await call;
  } catch (error) {
    assert.ok(error instanceof PunchcardError, String(error));
    return error;
  }
  assert.fail("the call succeeded");
}

test("the tour stamps a card and redeems its voucher once", async () => {
  const card = await aCard("ts-tour");
  const stamped = await unwrap(
    client.POST("/v1/cards/{card_ref}/stamps", {
      params: { path: { card_ref: card.scan_code } },
      body: { count: 2 },
    }),
  );
  const [voucher] = stamped.vouchers_issued;
  assert.ok(voucher?.redeem_code.startsWith("TS-"));

  const redeemed = await unwrap(
    client.POST("/v1/vouchers/redeem", { body: { code: voucher.redeem_code, via: "api" } }),
  );
  assert.equal(redeemed.status, "redeemed");
  const refused = await rejection(
    client.POST("/v1/vouchers/redeem", { body: { code: voucher.redeem_code } }),
  );
  assert.equal(refused.status, 409);
  assert.equal(refused.code, "voucher_already_redeemed");
  assert.ok(refused.requestId);
});

test("a write sent again with its key is replayed, not repeated", async () => {
  const card = await aCard("ts-replay");
  const stamp = () =>
    client.POST("/v1/cards/{card_ref}/stamps", {
      params: { path: { card_ref: card.id }, header: { "Idempotency-Key": "ts-replay-1" } },
      body: { count: 1 },
    });
  const first = await stamp();
  const again = await stamp();
  assert.equal(again.response.headers.get("idempotent-replayed"), "true");
  assert.deepEqual(again.data, first.data);
  const state = await unwrap(
    client.GET("/v1/cards/{card_ref}", { params: { path: { card_ref: card.id } } }),
  );
  assert.equal(state.lifetime_stamps, 1);
});

test("errors carry the problem code", async () => {
  const missing = await rejection(
    client.GET("/v1/cards/{card_ref}", { params: { path: { card_ref: "card_nope" } } }),
  );
  assert.equal(missing.status, 404);
  assert.equal(missing.code, "card_not_found");
  const invalid = await rejection(
    client.POST("/v1/cards/{card_ref}/stamps", {
      params: { path: { card_ref: "card_nope" } },
      body: { count: 0 },
    }),
  );
  assert.equal(invalid.code, "validation_error");
  assert.ok(Array.isArray(invalid.problem.errors));
});

test("a 429 then a 503 are retried as Retry-After says, with one idempotency key", async () => {
  const card = await aCard("ts-retry");
  const busy = await flaky(baseUrl, [
    [429, NO_WAIT],
    [503, NO_WAIT],
  ]);
  after(busy.close);
  const throughBusy = createPunchcard({ baseUrl: busy.url, apiKey });
  const stamped = await unwrap(
    throughBusy.POST("/v1/cards/{card_ref}/stamps", {
      params: { path: { card_ref: card.id } },
      body: { count: 1 },
    }),
  );
  assert.equal(stamped.card.lifetime_stamps, 1); // three sends, one stamp
  assert.equal(busy.requests.length, 3);
  assert.equal(new Set(busy.requests.map((headers) => headers["idempotency-key"])).size, 1);
  assert.ok(busy.requests[0]?.["idempotency-key"]);
});

test("retries are bounded and a long Retry-After is not waited for", async () => {
  const down = await flaky(
    baseUrl,
    Array.from({ length: 5 }, () => [503, {}]),
  );
  after(down.close);
  const noBackoff = createPunchcard({
    baseUrl: down.url,
    apiKey,
    retry: { attempts: 3, backoff: 0 },
  });
  const unavailable = await rejection(
    noBackoff.GET("/v1/cards/{card_ref}", { params: { path: { card_ref: "card_any" } } }),
  );
  assert.equal(unavailable.status, 503);
  assert.equal(unavailable.code, "busy");
  assert.equal(down.requests.length, 3);

  const limited = await flaky(baseUrl, [[429, { "Retry-After": "3600" }]]);
  after(limited.close);
  const patient = createPunchcard({ baseUrl: limited.url, apiKey });
  const refused = await rejection(
    patient.GET("/v1/cards/{card_ref}", { params: { path: { card_ref: "card_any" } } }),
  );
  assert.equal(refused.status, 429);
  assert.equal(limited.requests.length, 1);
});

test("reads carry no idempotency key", async () => {
  const spy = await flaky(baseUrl, []);
  after(spy.close);
  const through: PunchcardClient = createPunchcard({ baseUrl: spy.url, apiKey });
  await rejection(
    through.GET("/v1/cards/{card_ref}", { params: { path: { card_ref: "card_any" } } }),
  );
  assert.equal(spy.requests[0]?.["idempotency-key"], undefined);
});

test("real deliveries verify with the endpoint secret, across a rotation", async () => {
  const hooks = await receiver();
  after(hooks.close);
  const endpoint = await unwrap(
    client.POST("/v1/webhooks", {
      body: { url: `${hooks.url}/hooks`, event_types: ["stamp_added"] },
    }),
  );
  const card = await aCard("ts-hook");
  // An event goes to the endpoints there are when the worker fans it out, which under load can
  // be after this one was made: earlier tests' stamps may arrive here too. Await this card's.
  const stampOf = (earlier?: Received) => (delivery: Received) =>
    (JSON.parse(delivery.body) as { card?: { id: string } }).card?.id === card.id &&
    delivery.headers["webhook-id"] !== earlier?.headers["webhook-id"];
  await unwrap(
    client.POST("/v1/cards/{card_ref}/stamps", {
      params: { path: { card_ref: card.id } },
      body: { count: 1 },
    }),
  );
  const delivery = await hooks.next(stampOf());
  const payload = verifyWebhook(endpoint.secret, delivery.body, delivery.headers) as {
    event: string;
    card: { id: string };
  };
  assert.equal(payload.event, "stamp_added");
  assert.equal(payload.card.id, card.id);
  assert.throws(
    () => verifyWebhook(endpoint.secret, delivery.body.replace("1", "2"), delivery.headers),
    WebhookVerificationError,
  );
  assert.throws(
    () =>
      verifyWebhook(endpoint.secret, delivery.body, {
        ...delivery.headers,
        "webhook-signature": "v1,!",
      }),
    WebhookVerificationError,
  );

  // While a rotation overlaps, deliveries carry both signatures: either secret verifies.
  const rotated = await unwrap(
    client.POST("/v1/webhooks/{endpoint_id}/rotate-secret", {
      params: { path: { endpoint_id: endpoint.id } },
    }),
  );
  await unwrap(
    client.POST("/v1/cards/{card_ref}/stamps", {
      params: { path: { card_ref: card.id } },
      body: { count: 1 },
    }),
  );
  const second = await hooks.next(stampOf(delivery)); // the second stamp's (not a redelivery)
  for (const secret of [endpoint.secret, rotated.secret]) {
    const event = verifyWebhook(secret, second.body, second.headers) as { card: { id: string } };
    assert.equal(event.card.id, card.id);
  }
});

test("Retry-After is read in seconds or as a date", () => {
  assert.equal(retryAfter("7"), 7);
  const now = Date.parse("2030-01-01T00:00:00Z");
  assert.equal(retryAfter("Tue, 01 Jan 2030 00:01:00 GMT", now), 60);
  assert.equal(retryAfter("Sat, 01 Jan 2000 00:00:00 GMT", now), 0);
  assert.equal(retryAfter("soon"), null);
  assert.equal(retryAfter(null), null);
});

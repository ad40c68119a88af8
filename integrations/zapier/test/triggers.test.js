'use strict';

const http = require('http');
const { App, api, appTester, bundle, createProgram, unique } = require('./punchcard');
const events = require('../events');

const operation = (key) => App.triggers[key].operation;

// A local stand-in for Zapier's hook URL: resolves `delivery` with the first request it gets.
const receiver = () =>
  new Promise((listening) => {
    let delivered;
    const delivery = new Promise((resolve) => (delivered = resolve));
    const server = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        response.end('ok');
        delivered({ headers: request.headers, body: JSON.parse(body) });
      });
    });
    server.listen(0, '127.0.0.1', () =>
      listening({ url: `http://127.0.0.1:${server.address().port}/zap`, delivery, server }),
    );
  });

// Issues a card and stamps it once, through the Zapier actions.
const stampOnce = async () => {
  const { program } = await createProgram();
  const email = `${unique('hook-').toLowerCase()}@example.com`;
  const card = await appTester(
    App.creates.issue_card.operation.perform,
    bundle({ program_id: program.id, email }),
  );
  await appTester(App.creates.add_stamp.operation.perform, bundle({ card: card.id, count: '1' }));
  return card;
};

describe('instant triggers', () => {
  it('offer every event type Punchcard can send to a REST hook', async () => {
    const openapi = await api('GET', '/openapi.json');
    const offered = openapi.components.schemas.HookSubscribe.properties.event.enum;
    const ours = events.map((e) => e.type);
    expect([...ours, 'webhook_endpoint_disabled'].sort()).toEqual([...offered].sort());
    expect(Object.keys(App.triggers)).toEqual(expect.arrayContaining(ours));
  });

  it.each(events.map((e) => e.type))('%s lists samples in the webhook body shape', async (type) => {
    const listed = await appTester(operation(type).performList, bundle());
    expect(listed.length).toBeGreaterThan(0);
    for (const event of listed) {
      expect(event).toMatchObject({ event: type, id: expect.stringMatching(/^evt_/) });
      // The static fallback sample has the same keys as what the server lists.
      expect(Object.keys(event).sort()).toEqual(Object.keys(operation(type).sample).sort());
    }
  });

  it('subscribe, a real delivery, perform, the event in performList, unsubscribe', async () => {
    const hook = await receiver();
    try {
      const subscribeData = await appTester(
        operation('stamp_added').performSubscribe,
        bundle({}, { targetUrl: hook.url }),
      );
      expect(subscribeData).toMatchObject({
        id: expect.stringMatching(/^whk_/),
        event: 'stamp_added',
      });

      const card = await stampOnce();
      const { headers, body } = await hook.delivery;
      expect(headers['webhook-id']).toBe(body.id);
      expect(headers['webhook-signature']).toMatch(/^v1,/);
      expect(body).toMatchObject({ event: 'stamp_added', card: { id: card.id, stamps: 1 } });

      const performed = await appTester(
        operation('stamp_added').perform,
        bundle({}, { cleanedRequest: body }),
      );
      expect(performed).toEqual([body]);

      const [latest] = await appTester(operation('stamp_added').performList, bundle());
      expect(latest).toEqual(body);

      const off = bundle({}, { subscribeData, targetUrl: hook.url });
      await appTester(operation('stamp_added').performUnsubscribe, off);
      // Turning a Zap off again (or after Punchcard dropped the hook on a 410) still works.
      await appTester(operation('stamp_added').performUnsubscribe, off);
    } finally {
      hook.server.close();
    }
  });

  it('feed the program and voucher template dropdowns', async () => {
    const { program, template } = await createProgram();
    const programs = await appTester(operation('program').perform, bundle());
    expect(programs.map((p) => p.id)).toContain(program.id);
    const templates = await appTester(operation('voucher_template').perform, bundle());
    expect(templates.find((t) => t.id === template.id).title).toBe(template.title);
  });
});

'use strict';

const { App, appTester, bundle, createProgram, unique } = require('./punchcard');

const search = (key, inputData) =>
  appTester(App.searches[key].operation.perform, bundle(inputData));

describe('searches', () => {
  let program, card;
  const email = `${unique('find-').toLowerCase()}@example.com`;
  const sourceId = unique('crm-');

  beforeAll(async () => {
    ({ program } = await createProgram());
    card = await appTester(
      App.creates.issue_card.operation.perform,
      bundle({ program_id: program.id, email, source_id: sourceId }),
    );
  });

  it('finds a customer by email or CRM ID, and nobody for an unknown email', async () => {
    const [byEmail] = await search('find_customer', { email: email.toUpperCase() });
    expect(byEmail).toMatchObject({ id: card.customer_id, email, source_id: sourceId });
    expect(await search('find_customer', { source_id: sourceId, phone: '' })).toHaveLength(1);
    expect(await search('find_customer', { email: 'nobody@example.com' })).toEqual([]);
  });

  it('refuses to search customers without a field rather than list everyone', async () => {
    await expect(search('find_customer', { email: '' })).rejects.toThrow(/email, phone or CRM ID/);
  });

  it('finds a card by scan code, by id, and by customer and program', async () => {
    expect((await search('find_card', { card: card.scan_code }))[0].id).toBe(card.id);
    expect((await search('find_card', { card: card.id }))[0].scan_code).toBe(card.scan_code);
    const found = await search('find_card', {
      customer_id: card.customer_id,
      program_id: program.id,
    });
    expect(found.map((c) => c.id)).toEqual([card.id]);
  });

  it('finds no card for an unknown scan code (not an error)', async () => {
    expect(await search('find_card', { card: 'NOSUCHCODE' })).toEqual([]);
  });
});

'use strict';

const { App, appTester, bundle, createProgram, unique } = require('./punchcard');

const perform = (key, inputData) =>
  appTester(App.creates[key].operation.perform, bundle(inputData));

describe('actions', () => {
  let program, template;
  const email = `${unique('zap-').toLowerCase()}@example.com`;

  beforeAll(async () => {
    ({ program, template } = await createProgram());
  });

  it('issues a card by email, and returns the same card when issued again', async () => {
    const card = await perform('issue_card', { program_id: program.id, email, name: 'Ada' });
    expect(card.id).toMatch(/^card_/);
    expect(card.stamps).toBe(0);
    expect(card.next_goal.stamps_to_go).toBe(2);
    const again = await perform('issue_card', { program_id: program.id, email, phone: '' });
    expect(again.id).toBe(card.id);
  });

  it('explains what is missing when no customer is given', async () => {
    await expect(perform('issue_card', { program_id: program.id, email: '' })).rejects.toThrow(
      /give at least one of source_id, email or phone/,
    );
  });

  it('adds stamps by scan code; reaching the goal issues the reward voucher', async () => {
    const card = await perform('issue_card', { program_id: program.id, email });
    const result = await perform('add_stamp', { card: card.scan_code, count: '2', note: 'zap' });
    expect(result.stamps_added).toBe(2);
    expect(result.goals_reached.map((goal) => goal.index)).toEqual([0]);
    expect(result.vouchers_issued).toHaveLength(1);
    expect(result.vouchers_issued[0].redeem_code).toMatch(/^CAFE-/);
  });

  it('issues a voucher from a template, and a custom one with a till promo code', async () => {
    const card = await perform('issue_card', { program_id: program.id, email });
    const fromTemplate = await perform('issue_voucher', {
      card_id: card.id,
      template_id: template.id,
    });
    expect(fromTemplate).toMatchObject({ template_id: template.id, status: 'issued' });

    const code = unique('BDAY');
    const custom = await perform('issue_voucher', {
      customer_id: card.customer_id,
      title: 'Birthday 25% off',
      redeem_code: code,
      expires_at: '2031-01-01T00:00:00Z',
    });
    expect(custom).toMatchObject({ title: 'Birthday 25% off', redeem_code: code, card_id: null });

    // A till promo code may be on many vouchers: redeeming it names the customer.
    const redeemed = await perform('redeem_voucher', { code, customer_id: card.customer_id });
    expect(redeemed).toMatchObject({ id: custom.id, status: 'redeemed' });
  });

  it('redeems a voucher by its code once; the second time says why not', async () => {
    const card = await perform('issue_card', { program_id: program.id, email });
    const { vouchers_issued } = await perform('add_stamp', { card: card.id, count: '2' });
    const code = vouchers_issued[0].redeem_code;

    const redeemed = await perform('redeem_voucher', { code: ` ${code.toLowerCase()} ` });
    expect(redeemed).toMatchObject({ redeem_code: code, status: 'redeemed', redeemed_via: 'api' });

    const twice = perform('redeem_voucher', { code });
    await expect(twice).rejects.toThrow(/already redeemed/i);
    await expect(twice).rejects.toThrow(/"code":"voucher_already_redeemed","status":409/);
  });
});

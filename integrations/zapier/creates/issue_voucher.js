'use strict';

const sample = require('../samples');
const { compact } = require('../fields');

module.exports = {
  key: 'issue_voucher',
  noun: 'Voucher',
  display: {
    label: 'Issue Voucher',
    description:
      'Issues a voucher to a card or customer, from a voucher template or custom ' +
      '(e.g. a birthday gift with the promo code your till already knows).',
  },
  operation: {
    inputFields: [
      { key: 'card_id', label: 'Card ID', helpText: 'Give a card id or a customer id.' },
      { key: 'customer_id', label: 'Customer ID' },
      {
        key: 'template_id',
        label: 'Voucher Template',
        dynamic: 'voucher_template.id.title',
        helpText: 'Leave empty to issue a custom voucher with the fields below.',
      },
      { key: 'title', label: 'Custom Title', helpText: 'e.g. Birthday 25% off.' },
      {
        key: 'redeem_code',
        label: 'Custom Redeem Code',
        helpText: 'A promo code your till accepts (BDAY25); empty: a unique code is generated.',
      },
      { key: 'expires_at', label: 'Custom Expiry', type: 'datetime' },
    ],
    perform: async (z, bundle) => {
      const { card_id, customer_id, template_id, title, redeem_code, expires_at } =
        bundle.inputData;
      // The API takes exactly one of template_id or custom: the template wins when chosen.
      const reward = template_id
        ? { template_id }
        : { custom: compact({ title, redeem_code, expires_at }) };
      const response = await z.request({
        url: '/v1/vouchers',
        method: 'POST',
        body: { ...compact({ card_id, customer_id }), ...reward },
      });
      return response.data;
    },
    sample: sample.voucher,
  },
};

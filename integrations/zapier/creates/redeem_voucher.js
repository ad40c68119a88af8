'use strict';

const sample = require('../samples');
const { compact } = require('../fields');

module.exports = {
  key: 'redeem_voucher',
  noun: 'Voucher',
  display: {
    label: 'Redeem Voucher',
    description: 'Redeems a voucher by its redeem code, exactly once.',
  },
  operation: {
    inputFields: [
      { key: 'code', label: 'Redeem Code', required: true },
      {
        key: 'card_id',
        label: 'Card ID',
        helpText:
          'Needed (or the customer id) when the code is a shared promo code such as ' +
          'FREECOOKIE that many vouchers carry.',
      },
      { key: 'customer_id', label: 'Customer ID' },
    ],
    perform: async (z, bundle) => {
      const { code, card_id, customer_id } = bundle.inputData;
      const response = await z.request({
        url: '/v1/vouchers/redeem',
        method: 'POST',
        body: { code, ...compact({ card_id, customer_id }), via: 'api' },
      });
      return response.data;
    },
    sample: {
      ...sample.voucher,
      status: 'redeemed',
      redeemed_at: '2026-05-11T12:40:00Z',
      redeemed_via: 'api',
    },
  },
};

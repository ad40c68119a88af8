'use strict';

const sample = require('../samples');
const { compact } = require('../fields');

module.exports = {
  key: 'add_stamp',
  noun: 'Stamp',
  display: {
    label: 'Add Stamp',
    description:
      'Adds stamps to a card; each goal reached issues its reward voucher in the same step.',
  },
  operation: {
    inputFields: [
      {
        key: 'card',
        label: 'Card ID or Scan Code',
        required: true,
        helpText: 'The card id (`card_...`) or the short code printed on the card.',
      },
      { key: 'count', label: 'Stamps', type: 'integer', default: '1' },
      { key: 'note', label: 'Note', helpText: 'Shown in the card history, e.g. the receipt.' },
    ],
    perform: async (z, bundle) => {
      const { card, count, note } = bundle.inputData;
      const response = await z.request({
        url: `/v1/cards/${encodeURIComponent(card)}/stamps`,
        method: 'POST',
        // A Zap maps text; the API takes a JSON number (an unmapped count: its default of 1).
        body: compact({ count: count === undefined || count === '' ? count : Number(count), note }),
      });
      return response.data;
    },
    sample: {
      card: sample.cardState,
      stamps_added: 1,
      goals_reached: [sample.goal],
      vouchers_issued: [sample.voucher],
    },
  },
};

'use strict';

const { throwForProblem } = require('../middleware');
const sample = require('../samples');
const { compact } = require('../fields');

// One card by its id or scan code; a 404 is "not found", which a search reports as no result.
const byRef = async (z, ref) => {
  const response = await z.request({
    url: `/v1/cards/${encodeURIComponent(ref)}`,
    skipThrowForStatus: true,
  });
  if (response.status === 404) return [];
  if (response.status >= 400) throwForProblem(z, response);
  return [response.data];
};

// A customer's active cards, newest first (optionally of one program).
const byCustomer = async (z, customer_id, program_id) => {
  const params = compact({ customer_id, program_id, status: 'active' });
  return (await z.request({ url: '/v1/cards', params })).data.data;
};

module.exports = {
  key: 'find_card',
  noun: 'Card',
  display: {
    label: 'Find Card',
    description: "Finds a card by its id or scan code, or a customer's active card.",
  },
  operation: {
    inputFields: [
      { key: 'card', label: 'Card ID or Scan Code' },
      {
        key: 'customer_id',
        label: 'Customer ID',
        helpText: 'Used when no card is given; use Find Customer to get it from an email.',
      },
      { key: 'program_id', label: 'Program', dynamic: 'program.id.name' },
    ],
    perform: async (z, bundle) => {
      const { card, customer_id, program_id } = bundle.inputData;
      if (card) return byRef(z, card);
      if (customer_id) return byCustomer(z, customer_id, program_id);
      throw new z.errors.Error('Give a card id, scan code or customer id.', 'no_search_field', 400);
    },
    sample: sample.card,
  },
};

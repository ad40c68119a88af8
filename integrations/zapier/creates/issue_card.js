'use strict';

const sample = require('../samples');
const { compact } = require('../fields');

module.exports = {
  key: 'issue_card',
  noun: 'Card',
  display: {
    label: 'Issue Card',
    description:
      'Issues a stamp card to a customer found or created by email, phone or CRM ID ' +
      '(returns their active card if they already have one).',
  },
  operation: {
    inputFields: [
      { key: 'program_id', label: 'Program', required: true, dynamic: 'program.id.name' },
      { key: 'email', label: 'Email' },
      { key: 'phone', label: 'Phone', helpText: 'International format, e.g. +4915112345678.' },
      { key: 'source_id', label: 'CRM ID', helpText: 'The customer id in your CRM.' },
      { key: 'name', label: 'Name' },
    ],
    perform: async (z, bundle) => {
      const { program_id, email, phone, source_id, name } = bundle.inputData;
      const response = await z.request({
        url: '/v1/cards',
        method: 'POST',
        body: { program_id, customer: compact({ email, phone, source_id, name }) },
      });
      return response.data;
    },
    sample: sample.card,
  },
};

'use strict';

const sample = require('../samples');
const { compact } = require('../fields');

module.exports = {
  key: 'find_customer',
  noun: 'Customer',
  display: {
    label: 'Find Customer',
    description: 'Finds a customer by email, phone or CRM ID.',
  },
  operation: {
    inputFields: [
      { key: 'email', label: 'Email' },
      { key: 'phone', label: 'Phone', helpText: 'International format, e.g. +4915112345678.' },
      { key: 'source_id', label: 'CRM ID' },
    ],
    perform: async (z, bundle) => {
      const params = compact(bundle.inputData);
      // Without a filter /v1/customers lists every customer: never a match for a search.
      if (Object.keys(params).length === 0) {
        throw new z.errors.Error(
          'Give an email, phone or CRM ID to search by.',
          'no_search_field',
          400,
        );
      }
      return (await z.request({ url: '/v1/customers', params })).data.data;
    },
    sample: sample.customer,
  },
};

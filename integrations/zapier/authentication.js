'use strict';

module.exports = {
  type: 'custom',
  fields: [
    {
      key: 'base_url',
      label: 'Punchcard URL',
      required: true,
      type: 'string',
      // No default: Zapier calls the server from its cloud, so localhost would never work.
      helpText:
        'The address of your Punchcard server, as Zapier can reach it over the internet, ' +
        'e.g. `https://loyalty.example.com`.',
    },
    {
      key: 'api_key',
      label: 'API Key',
      required: true,
      type: 'password',
      helpText:
        'A Punchcard API key (`pc_sk_...`) of an owner or manager login: subscribing to ' +
        'events needs that role. Create one under API keys; it is shown once.',
    },
  ],
  // GET /v1/me answers for any valid key and names the business, which labels the connection.
  test: async (z) => (await z.request({ url: '/v1/me' })).data,
  // Zapier renders this with the test call's answer as bundle.inputData.
  connectionLabel: '{{bundle.inputData.business_name}}',
};

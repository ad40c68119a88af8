'use strict';

// Shared by the tests: the app tester, a real Punchcard server's URL and owner key, and direct
// API calls for the fixtures Zapier has no action for (voucher templates, programs).
const crypto = require('crypto');
const zapier = require('zapier-platform-core');
const App = require('../index');

const { PUNCHCARD_BASE_URL: baseUrl, PUNCHCARD_API_KEY: apiKey } = process.env;
if (!baseUrl || !apiKey) {
  throw new Error(
    'Set PUNCHCARD_BASE_URL and PUNCHCARD_API_KEY (an owner key) to a running Punchcard ' +
      'server; tests/integrations/test_zapier_app.py starts one and runs these tests.',
  );
}

const appTester = zapier.createAppTester(App);
const authData = { base_url: baseUrl, api_key: apiKey };
const bundle = (inputData = {}, more = {}) => ({ authData: { ...authData }, inputData, ...more });

const api = async (method, path, body) => {
  const response = await fetch(baseUrl + path, {
    method,
    headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
};

const unique = (prefix) => `${prefix}${crypto.randomBytes(4).toString('hex').toUpperCase()}`;

// A program whose first goal (2 stamps) issues a voucher with a unique CAFE-#### code.
const createProgram = async () => {
  const template = await api('POST', '/v1/voucher-templates', {
    title: unique('Free coffee '),
    redeem_code: { type: 'pattern', pattern: 'CAFE-######' },
  });
  const program = await api('POST', '/v1/programs', {
    name: unique('Coffee card '),
    goals: [{ stamps: 2, template_id: template.id }],
  });
  return { template, program };
};

module.exports = { App, api, appTester, baseUrl, bundle, createProgram, unique };

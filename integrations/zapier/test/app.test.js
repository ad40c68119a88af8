'use strict';

const zapier = require('zapier-platform-core');
const { App, appTester, bundle } = require('./punchcard');

describe('the app definition', () => {
  it('passes Zapier schema validation', async () => {
    const handler = zapier.createAppHandler(App);
    const result = await new Promise((resolve, reject) =>
      handler({ command: 'validate' }, {}, (err, res) => (err ? reject(err) : resolve(res))),
    );
    expect(result.results).toEqual([]);
  });
});

describe('authentication', () => {
  it('tests the connection with GET /v1/me and labels it with the business name', async () => {
    const me = await appTester(App.authentication.test, bundle());
    expect(me.business_name).toBeTruthy();
    expect(me.role).toBe('owner');
    expect(App.authentication.connectionLabel).toBe('{{bundle.inputData.business_name}}');
  });

  it('reports a wrong API key in words', async () => {
    const wrong = bundle();
    wrong.authData = { ...wrong.authData, api_key: 'pc_sk_not-a-real-key' };
    await expect(appTester(App.authentication.test, wrong)).rejects.toThrow(/api key/i);
  });

  it('accepts a base URL with a trailing slash', async () => {
    const slash = bundle();
    slash.authData = { ...slash.authData, base_url: `${slash.authData.base_url}/` };
    expect((await appTester(App.authentication.test, slash)).business_name).toBeTruthy();
  });
});

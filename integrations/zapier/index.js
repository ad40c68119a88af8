'use strict';

const zapier = require('zapier-platform-core');

const authentication = require('./authentication');
const middleware = require('./middleware');
const events = require('./events');
const eventTrigger = require('./triggers/event');
const dropdowns = require('./triggers/dropdowns');

const byKey = (operations) => Object.fromEntries(operations.map((op) => [op.key, op]));

module.exports = {
  version: require('./package.json').version,
  platformVersion: zapier.version,

  authentication,
  beforeRequest: middleware.befores,
  afterResponse: middleware.afters,

  triggers: byKey([...events.map(eventTrigger), ...dropdowns]),
  creates: byKey([
    require('./creates/issue_card'),
    require('./creates/add_stamp'),
    require('./creates/issue_voucher'),
    require('./creates/redeem_voucher'),
  ]),
  searches: byKey([require('./searches/find_customer'), require('./searches/find_card')]),
};

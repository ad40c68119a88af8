'use strict';

const { throwForProblem } = require('../middleware');
const sample = require('../samples');

// Labels for the keys every event has (Zapier flattens nested keys with "__").
const outputFields = [
  { key: 'id', label: 'Event ID' },
  { key: 'event', label: 'Event Type' },
  { key: 'timestamp', label: 'Time', type: 'datetime' },
  { key: 'business_id', label: 'Business ID' },
  { key: 'location_id', label: 'Location ID' },
  { key: 'staff_id', label: 'Staff ID' },
  { key: 'customer__id', label: 'Customer ID' },
  { key: 'customer__source_id', label: 'Customer CRM ID' },
  { key: 'customer__language', label: 'Customer Language' },
  { key: 'card__id', label: 'Card ID' },
  { key: 'card__scan_code', label: 'Card Scan Code' },
  { key: 'card__stamps', label: 'Card Stamps', type: 'integer' },
  { key: 'voucher__id', label: 'Voucher ID' },
  { key: 'voucher__title', label: 'Voucher Title' },
  { key: 'voucher__redeem_code', label: 'Voucher Redeem Code' },
  { key: 'voucher__status', label: 'Voucher Status' },
  { key: 'voucher__type', label: 'Voucher Type (voucher, or lottery for a lottery ticket)' },
];

// Zapier calls these when a Zap is turned on and off; the hook id it gets back from subscribe
// comes again as bundle.subscribeData.
const subscribe = (type) => async (z, bundle) =>
  (
    await z.request({
      url: '/v1/hooks',
      method: 'POST',
      body: { target_url: bundle.targetUrl, event: type },
    })
  ).data;

const unsubscribe = async (z, bundle) => {
  const response = await z.request({
    url: `/v1/hooks/${encodeURIComponent(bundle.subscribeData.id)}`,
    method: 'DELETE',
    skipThrowForStatus: true,
  });
  // 404: Punchcard already removed the hook (its URL answered 410); turning the Zap off
  // must still succeed.
  if (response.status >= 400 && response.status !== 404) throwForProblem(z, response);
  return {};
};

// A delivery's body is the event itself; its `id` (evt_...) lets Zapier drop duplicates.
const perform = async (z, bundle) => [bundle.cleanedRequest];

// While a Zap is built: the latest real events of this type, or a sample if none happened yet.
const performList = (type) => async (z, bundle) =>
  (await z.request({ url: `/v1/hooks/samples/${type}` })).data;

const eventTrigger = ({ type, noun, label, description, extra }) => ({
  key: type,
  noun,
  display: { label, description },
  operation: {
    type: 'hook',
    performSubscribe: subscribe(type),
    performUnsubscribe: unsubscribe,
    perform,
    performList: performList(type),
    sample: sample.event(type, extra),
    outputFields,
  },
});

module.exports = eventTrigger;

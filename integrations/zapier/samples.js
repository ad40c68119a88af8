'use strict';

// Obviously fake records in the API's shapes: Zapier shows them when it has no live data.
const voucher = {
  id: 'vch_sample',
  type: 'voucher',
  lottery_id: null,
  customer_id: 'cus_sample',
  card_id: 'card_sample',
  template_id: 'vtp_sample',
  goal_index: 0,
  title: 'Free coffee',
  description: null,
  redeem_code: 'FREECOFFEE',
  redeem_code_formats: ['text', 'qr', 'barcode'],
  status: 'issued',
  issued_at: '2026-05-11T12:34:56Z',
  expires_at: '2026-06-10T12:34:56Z',
  redeemed_at: null,
  redeemed_location_id: null,
  redeemed_staff_id: null,
  redeemed_via: null,
  metadata: {},
};

const goal = {
  index: 0,
  stamps: 5,
  template_id: 'vtp_sample',
  lottery_id: null, // a lottery goal names its lottery here (template_id is then null)
  title: 'Free coffee',
};

const cardState = {
  id: 'card_sample',
  program_id: 'prg_sample',
  customer_id: 'cus_sample',
  scan_code: 'K7M2QX9P',
  status: 'active',
  stamps: 5,
  lifetime_stamps: 15,
  rounds_completed: 1,
  goal_index: 1,
  next_goal: {
    index: 1,
    stamps: 10,
    title: 'Free lunch',
    template_id: 'vtp_lunch',
    lottery_id: null,
    stamps_to_go: 5,
  },
  goals: [
    goal,
    { index: 1, stamps: 10, template_id: 'vtp_lunch', lottery_id: null, title: 'Free lunch' },
  ],
  issued_at: '2026-01-02T09:00:00Z',
  expires_at: null,
  last_stamp_at: '2026-05-11T12:34:56Z',
};

const customer = {
  id: 'cus_sample',
  source_id: 'crm-42',
  email: 'ada@example.com',
  phone: '+4915112345678',
  name: 'Ada',
  birthday: '1990-05-11',
  language: 'en',
  metadata: {},
  created_at: '2026-01-02T09:00:00Z',
  updated_at: '2026-01-02T09:00:00Z',
};

// A webhook body: the keys every event has, then the event's own keys (`extra`).
const event = (type, extra = {}) => ({
  event: type,
  id: 'evt_sample',
  timestamp: '2026-05-11T12:34:56Z',
  business_id: 'biz_sample',
  location_id: 'loc_sample',
  staff_id: 'stf_sample',
  customer: { id: 'cus_sample', source_id: 'crm-42', wallet_pass_id: 'wp_sample', language: 'en' },
  card: {
    id: 'card_sample',
    program_id: 'prg_sample',
    scan_code: 'K7M2QX9P',
    stamps: 5,
    lifetime_stamps: 15,
    goal_index: 1,
  },
  voucher: null,
  request_id: 'req_sample', // the API request that caused the event (null: a background job)
  ...extra,
});

module.exports = {
  card: { ...cardState, vouchers: [voucher] },
  cardState,
  customer,
  event,
  goal,
  voucher,
};

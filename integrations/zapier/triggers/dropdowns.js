'use strict';

const sample = require('../samples');

// Hidden triggers that feed dynamic dropdowns ("Program", "Voucher Template"). A business has a
// handful of each, so the first page of 100 is enough and keeps Zapier's paging out.
const listTrigger = ({ key, noun, path, keep = () => true, sample: example }) => ({
  key,
  noun,
  display: { label: `List ${noun}s`, description: `Lists ${noun.toLowerCase()}s.`, hidden: true },
  operation: {
    perform: async (z) =>
      (await z.request({ url: path, params: { limit: 100 } })).data.data.filter(keep),
    sample: example,
  },
});

module.exports = [
  listTrigger({
    key: 'program',
    noun: 'Program',
    path: '/v1/programs',
    // /v1/programs lists archived programs too, and no card can be issued on those.
    keep: (program) => program.status === 'active',
    sample: {
      id: 'prg_sample',
      name: 'Coffee card',
      goals: [sample.goal],
      after_last_goal: 'restart',
      card_validity_days: 365,
      status: 'active',
      created_at: '2026-01-02T09:00:00Z',
      updated_at: '2026-01-02T09:00:00Z',
    },
  }),
  listTrigger({
    key: 'voucher_template',
    noun: 'Voucher Template',
    path: '/v1/voucher-templates',
    sample: {
      id: 'vtp_sample',
      title: 'Free coffee',
      description: null,
      redeem_code: { type: 'fixed', value: 'FREECOFFEE' },
      formats: ['text', 'qr'],
      validity_days: 30,
      valid_until: null,
      archived: false,
      created_at: '2026-01-02T09:00:00Z',
      updated_at: '2026-01-02T09:00:00Z',
    },
  }),
];

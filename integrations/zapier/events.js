'use strict';

const sample = require('./samples');

// The one list of Punchcard event types offered as instant triggers. Each becomes a REST hook
// trigger (triggers/event.js); `extra` holds the event's own keys for the fallback sample.
// webhook_endpoint_disabled is left out on purpose: it concerns webhook endpoints, not
// customers, and a REST hook is itself removed when its URL answers 410.
const { voucher, goal, customer } = sample;

// Who brought whom, in which program (referral_joined, referral_converted).
const referral = {
  id: 'rfl_sample',
  referral_program: { id: 'rfp_sample', name: 'Bring a friend' },
  code: 'FRIEND-7Q2KX9MP',
  via: 'join_form',
  status: 'pending',
  joined_at: '2026-05-11T12:34:56Z',
  referrer: { ...customer, id: 'cus_referrer', source_id: 'crm-7' },
  referee: customer,
  referee_card_id: 'card_sample',
};

module.exports = [
  {
    type: 'card_issued',
    noun: 'Card',
    label: 'Card Issued',
    description: 'Triggers when a card is issued to a customer.',
    extra: { program: { id: 'prg_sample', name: 'Coffee card' } },
  },
  {
    type: 'card_saved',
    noun: 'Card',
    label: 'Card Saved to Wallet',
    description: 'Triggers when a customer saves their card to Apple Wallet or Google Wallet.',
    extra: { wallet: 'apple' },
  },
  {
    type: 'card_opened',
    noun: 'Card',
    label: 'Card Opened',
    description: 'Triggers when a customer opens their card.',
    extra: { wallet: 'google' },
  },
  {
    type: 'stamp_added',
    noun: 'Stamp',
    label: 'Stamp Added',
    description: 'Triggers when stamps are added to a card.',
    extra: { stamp: { id: 'stp_sample', count: 1, note: null } },
  },
  {
    type: 'stamps_removed',
    noun: 'Stamp Removal',
    label: 'Stamps Removed',
    description: 'Triggers when a manager or owner takes stamps off a card, with a reason.',
    extra: { removal: { id: 'stp_sample', count: 1, reason: 'Stamped twice by mistake' } },
  },
  {
    type: 'goal_reached',
    noun: 'Goal',
    label: 'Goal Reached',
    description: "Triggers when a card reaches one of its program's goals.",
    extra: { goal },
  },
  {
    type: 'reward_issued',
    noun: 'Reward',
    label: 'Reward Issued',
    description: "Triggers when a goal's reward (a voucher or a lottery ticket) is issued.",
    extra: { goal, voucher },
  },
  {
    type: 'voucher_issued',
    noun: 'Voucher',
    label: 'Voucher Issued',
    description:
      'Triggers when a voucher is issued (by a goal, a lottery win, the API, a campaign or an ' +
      'automation).',
    extra: { voucher, campaign: null, automation: null },
  },
  {
    type: 'voucher_redeemed',
    noun: 'Voucher',
    label: 'Voucher Redeemed',
    description: 'Triggers when a voucher is redeemed at checkout.',
    extra: {
      voucher: {
        ...voucher,
        status: 'redeemed',
        redeemed_at: '2026-05-11T12:34:56Z',
        redeemed_via: 'staff_scanner',
      },
    },
  },
  {
    type: 'voucher_expired',
    noun: 'Voucher',
    label: 'Voucher Expired',
    description: 'Triggers when a voucher expires without being redeemed.',
    extra: { voucher: { ...voucher, status: 'expired' } },
  },
  {
    type: 'voucher_redemption_rolled_back',
    noun: 'Voucher',
    label: 'Voucher Redemption Rolled Back',
    description: 'Triggers when a redemption is rolled back and the voucher is redeemable again.',
    extra: {
      voucher,
      redemption: {
        redeemed_at: '2026-05-11T12:30:00Z',
        redeemed_via: 'staff_scanner',
        location_id: 'loc_sample',
        staff_id: 'stf_sample',
        reason: 'Scanned the wrong voucher',
      },
    },
  },
  {
    type: 'lottery_played',
    noun: 'Lottery',
    label: 'Lottery Played',
    description:
      'Triggers when a customer plays a lottery ticket (the result included; a win also ' +
      'triggers Voucher Issued with the prize and its code).',
    extra: {
      // The ticket played: a voucher of type lottery, without a code.
      voucher: {
        ...voucher,
        id: 'vch_ticket',
        type: 'lottery',
        lottery_id: 'lot_sample',
        template_id: null,
        title: 'Spin the wheel',
        redeem_code: '',
        redeem_code_formats: [],
        status: 'played',
        expires_at: null,
      },
      lottery: {
        lottery_id: 'lot_sample',
        variant: 'free_coffee',
        won: true,
        voucher_id: 'vch_sample',
        draw_id: 'drw_sample',
        title: 'Spin the wheel',
        variant_title: 'Free coffee',
      },
    },
  },
  {
    type: 'birthday_reached',
    noun: 'Customer',
    label: 'Customer Birthday',
    description:
      "Triggers when a birthday automation runs for a customer: on their birthday, or the days " +
      'before it that the automation says (with the gift voucher, if it issues one).',
    extra: {
      location_id: null,
      staff_id: null,
      voucher: { ...voucher, title: 'Birthday cake', goal_index: null },
      birthday: '1990-05-11',
      birthday_on: '2026-05-11',
      days_before: 0,
      automation: { id: 'aut_sample', name: 'Happy birthday', kind: 'birthday' },
    },
  },
  {
    type: 'inactivity_trigger',
    noun: 'Customer',
    label: 'Customer Inactive',
    description:
      'Triggers when an inactivity automation finds a customer without a stamp for its days ' +
      '(once per spell: the next stamp starts a new one).',
    extra: {
      location_id: null,
      staff_id: null,
      days_inactive: 30,
      last_stamp_at: '2026-04-11T09:00:00Z',
      automation: { id: 'aut_sample', name: 'We miss you', kind: 'inactivity' },
    },
  },
  {
    type: 'voucher_reminder',
    noun: 'Voucher',
    label: 'Voucher Reminder',
    description:
      'Triggers when a reward reminder automation finds a voucher not redeemed some days after ' +
      'issue, or expiring within some days (once per voucher).',
    extra: {
      location_id: null,
      staff_id: null,
      voucher,
      reminder: { kind: 'expiring', days: 3 },
      automation: { id: 'aut_sample', name: 'Use it soon', kind: 'reward_reminder' },
    },
  },
  {
    type: 'campaign_sent',
    noun: 'Campaign',
    label: 'Campaign Sent',
    description:
      'Triggers once when a campaign finishes sending, with its counts (sent, failed, skipped, by reason).',
    extra: {
      location_id: null,
      staff_id: null,
      customer: null,
      card: null,
      voucher: null,
      campaign: {
        id: 'cmp_sample',
        name: 'We miss you',
        channel: 'email',
        recipients: 1200,
        sent: 1130,
        failed: 12,
        skipped: 58,
        reasons: { no_consent: 51, unsubscribed: 7, invalid_address: 12 },
        started_at: '2026-05-11T12:30:00Z',
        finished_at: '2026-05-11T12:34:56Z',
      },
    },
  },
  {
    type: 'code_pool_empty',
    noun: 'Code Pool',
    label: 'Code Pool Empty',
    description: "Triggers when a voucher template's code pool runs out (at most hourly).",
    extra: {
      location_id: null,
      staff_id: null,
      customer: null,
      card: null,
      template: { id: 'vtp_sample', title: 'Free coffee' },
      pool: { available: 0, assigned: 500 },
    },
  },
  {
    type: 'customer_updated',
    noun: 'Customer',
    label: 'Customer Updated',
    description:
      "Triggers when a customer's details really change (API, bulk upsert, CSV import, join form).",
    extra: {
      card: null,
      profile: {
        ...customer,
        marketing_consent: true,
        marketing_consent_at: '2026-05-11T12:34:56Z',
      },
      changed: ['email', 'marketing_consent'],
    },
  },
  {
    type: 'customer_deleted',
    noun: 'Customer',
    label: 'Customer Deleted',
    description:
      "Triggers when a customer's personal data is erased (GDPR); their source_id is included.",
    extra: { card: null },
  },
  {
    type: 'referral_joined',
    noun: 'Referral',
    label: 'Referral Joined',
    description:
      "Triggers when a new customer joins with a referrer's code (the referee's card and " +
      'welcome voucher; the referrer and the program in `referral`).',
    extra: {
      voucher: { ...voucher, title: 'Welcome cookie', goal_index: null },
      referral,
      reward_error: null,
    },
  },
  {
    type: 'referral_converted',
    noun: 'Referral',
    label: 'Referral Converted',
    description:
      'Triggers when a referee converts (first stamp, n-th stamp, first redemption or a POS ' +
      'sale): the referrer, their reward (or why none: limit reached, ...) and what converted it.',
    extra: {
      customer: referral.referrer,
      voucher: { ...voucher, id: 'vch_reward', goal_index: null },
      referral: { ...referral, status: 'converted', via: 'pos' },
      conversion: {
        on: 'pos_sale',
        stamp_id: null,
        lifetime_stamps: null,
        voucher_id: null,
        sale_id: 'sale_sample',
        connector_id: 'pos_sample',
        transaction_id: 'R-2001',
        amount: 1250,
        currency: 'EUR',
      },
      reward: { status: 'rewarded', detail: null, ordinal: 3, tier: 3, voucher_id: 'vch_reward' },
    },
  },
];

"""Every event type, its typed payload (documented in OpenAPI's webhooks section and served as
JSON Schema) and a sample. Payloads keep the keys of the hosted products' webhook body."""

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from punchcard.customers.schemas import CustomerOut
from punchcard.kit.errors import NotFound

WalletKind = Literal["apple", "google", "web"]


class _Part(BaseModel):
    model_config = ConfigDict(extra="allow")


class CustomerRef(_Part):
    id: str
    source_id: str | None
    wallet_pass_id: str | None
    language: str | None


CustomerField = Literal[
    "source_id", "email", "phone", "name", "birthday", "language", "marketing_consent", "metadata"
]


class CardRef(_Part):
    id: str
    program_id: str
    scan_code: str
    stamps: int = Field(description="Stamps in the current round, after the change.")
    lifetime_stamps: int
    goal_index: int = Field(description="Goals reached this round (the index of the next goal).")


class VoucherRef(_Part):
    id: str
    type: Literal["voucher", "lottery"] = Field(
        description="lottery: a lottery ticket (no redeem code; played once, then 'played')."
    )
    title: str
    template_id: str | None
    goal_index: int | None
    redeem_code: str
    redeem_code_formats: list[Literal["text", "qr", "barcode"]]
    status: Literal["issued", "redeemed", "expired", "played"]
    expires_at: datetime | None
    redeemed_at: datetime | None
    redeemed_via: str | None
    redeemed_via_detail: str | None = Field(
        None, description="More about redeemed_via: the POS connector's name for 'pos'."
    )
    lottery_id: str | None = Field(None, description="A lottery ticket's lottery.")


class StampInfo(_Part):
    id: str
    count: int
    note: str | None


class StampRemovalInfo(_Part):
    id: str
    count: int = Field(description="Stamps taken off the card (a positive number).")
    reason: str = Field(description="Why, as the staff member wrote it.")


class GoalInfo(_Part):
    index: int
    stamps: int
    title: str
    template_id: str | None = Field(description="The voucher template the goal issues.")
    lottery_id: str | None = Field(
        None, description="A lottery goal's lottery (template_id is then null)."
    )


class ProgramInfo(_Part):
    id: str
    name: str


class RolledBackRedemption(_Part):
    redeemed_at: datetime
    redeemed_via: str | None
    location_id: str | None = Field(description="Where the redemption happened.")
    staff_id: str | None = Field(description="Who redeemed (the event's staff_id rolled back).")
    reason: str | None


class LotteryResult(_Part):
    lottery_id: str
    variant: str = Field(description="The key of the variant drawn, 'no_prize' included.")
    won: bool
    voucher_id: str | None = Field(description="The prize voucher (its own voucher_issued too).")
    draw_id: str = Field(description="The draw's audit record: GET /v1/lottery-draws/{draw_id}.")
    title: str = Field(description="The lottery's title.")
    variant_title: str = Field(description="The title of the variant drawn.")


class CampaignInfo(_Part):
    id: str
    name: str
    channel: Literal["wallet_push", "email", "whatsapp", "telegram", "viber"]


class CampaignCounts(CampaignInfo):
    recipients: int = Field(description="Deliveries: one per customer of the audience.")
    sent: int
    failed: int = Field(description="The provider refused, or retries ran out.")
    skipped: int = Field(description="Not sent: no consent, no address, cancelled, ...")
    reasons: dict[str, int] = Field(description="Failed and skipped deliveries by reason.")
    started_at: datetime
    finished_at: datetime


class AutomationInfo(_Part):
    id: str
    name: str
    kind: Literal["birthday", "inactivity", "reward_reminder", "welcome"]


class ReminderInfo(_Part):
    kind: Literal["unredeemed", "expiring"] = Field(
        description="unredeemed: not redeemed `days` after issue; expiring: expires within `days`."
    )
    days: int


class EndpointInfo(_Part):
    id: str
    url: str
    reason: str


class TemplateInfo(_Part):
    id: str
    title: str


class PoolInfo(_Part):
    available: int
    assigned: int


class ReferralProgramInfo(_Part):
    id: str
    name: str


class ReferralInfo(_Part):
    id: str = Field(description="The referral: GET /v1/referral-programs/{id}/referrals.")
    referral_program: ReferralProgramInfo
    code: str = Field(description="The referrer's code the referee brought.")
    via: Literal["join_form", "api", "pos"] = Field(description="Where the referee brought it.")
    status: Literal["pending", "converted"]
    joined_at: datetime
    referrer: CustomerRef
    referee: CustomerRef
    referee_card_id: str = Field(description="The referee's card in the program.")


class ConversionInfo(_Part):
    on: Literal["stamp", "redemption", "pos_sale"] = Field(
        description="What converted the referral: the referee's stamp (stamp_id, "
        "lifetime_stamps), redemption (voucher_id) or POS sale (sale_id, connector_id, "
        "transaction_id, amount in minor units, currency)."
    )
    stamp_id: str | None = None
    lifetime_stamps: int | None = None
    voucher_id: str | None = None
    sale_id: str | None = None
    connector_id: str | None = None
    transaction_id: str | None = None
    amount: int | None = None
    currency: str | None = None


class ReferralRewardInfo(_Part):
    status: Literal["rewarded", "no_reward", "limit_reached", "reward_failed"] = Field(
        description="rewarded (`voucher` is the reward); no_reward (none set for this "
        "referral); limit_reached (the referrer's rewards for the period are used up); "
        "reward_failed (the template could not issue, e.g. an empty code pool)."
    )
    detail: str | None
    ordinal: int = Field(description="The referrer's n-th successful referral.")
    tier: int | None = Field(description="The tier (its `referrals`) whose reward applied.")
    voucher_id: str | None


class Envelope(BaseModel):
    """Keys every event has."""

    event: str
    id: str = Field(description="The event id; also the `webhook-id` header of every delivery.")
    timestamp: datetime
    business_id: str
    location_id: str | None
    staff_id: str | None
    customer: CustomerRef | None
    card: CardRef | None
    voucher: VoucherRef | None
    request_id: str | None = Field(
        None,
        description="The X-Request-Id of the API request that caused the event (null for "
        "events of background jobs): in the access log line of that request and on the "
        "webhook attempts that deliver the event.",
    )


class CustomerUpdated(Envelope):
    event: Literal["customer_updated"]
    customer: CustomerRef
    profile: CustomerOut = Field(
        description="Everything known about the customer, after the change."
    )
    changed: list[CustomerField] = Field(description="The fields this change set.")


class CustomerDeleted(Envelope):
    event: Literal["customer_deleted"]
    customer: CustomerRef = Field(
        description="The customer as they were: `source_id` lets your CRM find its record."
    )


class CardIssued(Envelope):
    event: Literal["card_issued"]
    card: CardRef
    program: ProgramInfo


class CardSaved(Envelope):
    event: Literal["card_saved"]
    card: CardRef
    wallet: WalletKind


class CardOpened(Envelope):
    event: Literal["card_opened"]
    card: CardRef
    wallet: WalletKind


class StampAdded(Envelope):
    event: Literal["stamp_added"]
    card: CardRef
    stamp: StampInfo


class StampsRemoved(Envelope):
    event: Literal["stamps_removed"]
    card: CardRef
    removal: StampRemovalInfo


class GoalReached(Envelope):
    event: Literal["goal_reached"]
    card: CardRef
    goal: GoalInfo


class RewardIssued(Envelope):
    event: Literal["reward_issued"]
    card: CardRef
    goal: GoalInfo
    voucher: VoucherRef


class VoucherIssued(Envelope):
    event: Literal["voucher_issued"]
    voucher: VoucherRef
    campaign: CampaignInfo | None = Field(None, description="The campaign that issued it.")
    automation: AutomationInfo | None = Field(
        None, description="The automation that issued it (a birthday gift, a welcome, ...)."
    )


class VoucherRedeemed(Envelope):
    event: Literal["voucher_redeemed"]
    voucher: VoucherRef


class VoucherExpired(Envelope):
    event: Literal["voucher_expired"]
    voucher: VoucherRef


class VoucherRedemptionRolledBack(Envelope):
    event: Literal["voucher_redemption_rolled_back"]
    voucher: VoucherRef
    redemption: RolledBackRedemption


class LotteryPlayed(Envelope):
    event: Literal["lottery_played"]
    lottery: LotteryResult


class BirthdayReached(Envelope):
    event: Literal["birthday_reached"]
    card: CardRef
    birthday: date = Field(description="The customer's date of birth.")
    birthday_on: date = Field(
        description="The birthday celebrated (29 February: the 28th in years without one)."
    )
    days_before: int = Field(description="How many days before `birthday_on` this fired.")
    automation: AutomationInfo
    voucher: VoucherRef | None = Field(description="The gift the automation issued, if any.")


class InactivityTrigger(Envelope):
    event: Literal["inactivity_trigger"]
    card: CardRef = Field(description="The card last stamped (or issued, if never stamped).")
    days_inactive: int = Field(
        description="Whole days since the last stamp (or the card's issue): at least the "
        "automation's days."
    )
    last_stamp_at: datetime | None = Field(description="null: never stamped.")
    automation: AutomationInfo
    voucher: VoucherRef | None = Field(description="The voucher the automation issued, if any.")


class VoucherReminder(Envelope):
    event: Literal["voucher_reminder"]
    voucher: VoucherRef = Field(description="The voucher the customer is reminded of.")
    reminder: ReminderInfo
    automation: AutomationInfo


class CampaignSent(Envelope):
    event: Literal["campaign_sent"]
    campaign: CampaignCounts


class WebhookEndpointDisabled(Envelope):
    event: Literal["webhook_endpoint_disabled"]
    endpoint: EndpointInfo


class ReferralJoined(Envelope):
    event: Literal["referral_joined"]
    customer: CustomerRef = Field(description="The referee.")
    card: CardRef = Field(description="The referee's card in the program.")
    voucher: VoucherRef | None = Field(description="The referee's reward (also voucher_issued).")
    referral: ReferralInfo
    reward_error: str | None = Field(
        description="Why the referee's reward could not be issued (an empty code pool), if so."
    )


class ReferralConverted(Envelope):
    event: Literal["referral_converted"]
    customer: CustomerRef = Field(description="The referrer: who is rewarded.")
    card: CardRef | None = Field(description="The referrer's card in the program, if any.")
    voucher: VoucherRef | None = Field(description="The referrer's reward (also voucher_issued).")
    referral: ReferralInfo
    conversion: ConversionInfo
    reward: ReferralRewardInfo


class CodePoolEmpty(Envelope):
    event: Literal["code_pool_empty"]
    template: TemplateInfo
    pool: PoolInfo


PAYLOADS: dict[str, type[Envelope]] = {
    "card_issued": CardIssued,
    "card_saved": CardSaved,
    "card_opened": CardOpened,
    "stamp_added": StampAdded,
    "stamps_removed": StampsRemoved,
    "goal_reached": GoalReached,
    "reward_issued": RewardIssued,
    "voucher_issued": VoucherIssued,
    "voucher_redeemed": VoucherRedeemed,
    "voucher_expired": VoucherExpired,
    "voucher_redemption_rolled_back": VoucherRedemptionRolledBack,
    "lottery_played": LotteryPlayed,
    "birthday_reached": BirthdayReached,
    "inactivity_trigger": InactivityTrigger,
    "voucher_reminder": VoucherReminder,
    "campaign_sent": CampaignSent,
    "webhook_endpoint_disabled": WebhookEndpointDisabled,
    "code_pool_empty": CodePoolEmpty,
    "customer_updated": CustomerUpdated,
    "customer_deleted": CustomerDeleted,
    "referral_joined": ReferralJoined,
    "referral_converted": ReferralConverted,
}
EVENT_TYPES = tuple(PAYLOADS)
EventType = Literal[EVENT_TYPES]  # type: ignore[valid-type]

DESCRIPTIONS = {
    "card_issued": "A card was issued to a customer.",
    "card_saved": "The customer saved the card to Apple Wallet or Google Wallet.",
    "card_opened": "The customer opened the card (wallet pass fetched or web card viewed).",
    "stamp_added": "Stamps were added to a card.",
    "stamps_removed": "Stamps were taken off a card by a manager or owner, with a reason (a "
    "correction: vouchers already issued stay).",
    "goal_reached": "A card reached one of its program's goals.",
    "reward_issued": "A goal's reward was issued to the card: a voucher, or for a lottery goal "
    "a lottery ticket (`voucher.type` lottery).",
    "voucher_issued": "A voucher was issued (by a goal, a lottery win, the API, a campaign or "
    "an automation); `voucher.type` lottery: a lottery ticket, to be played.",
    "voucher_redeemed": "A voucher was redeemed at checkout (once).",
    "voucher_expired": "A voucher passed its expiry without being redeemed.",
    "voucher_redemption_rolled_back": "A redemption was rolled back: the voucher is redeemable "
    "again; `redemption` is what was undone.",
    "lottery_played": "The customer played a lottery ticket (`voucher`, of type lottery, now "
    "played); `lottery` holds the result. A win also sends `voucher_issued` for the prize.",
    "birthday_reached": "A birthday automation ran for the customer: their birthday "
    "(`birthday_on`) is today or `days_before` days ahead, in the business's time zone. Once "
    "per automation and year; `voucher` is the gift it issued, if any.",
    "inactivity_trigger": "An inactivity automation ran for the customer: no stamp on any of "
    "their cards for the configured days. Once per spell: the next stamp starts a new one.",
    "voucher_reminder": "A reward reminder automation ran for a voucher not redeemed some days "
    "after issue, or expiring within some days (`reminder`). Once per voucher and automation.",
    "campaign_sent": "A campaign finished sending (one event per campaign, not per recipient): "
    "`campaign` holds its counts (sent, failed, skipped, by reason).",
    "webhook_endpoint_disabled": "A webhook endpoint was disabled (410, or failing for 5 days).",
    "code_pool_empty": "A voucher template's code pool ran out: issuing from it is refused "
    "until codes are imported or generated (sent at most once per template per hour).",
    "customer_updated": "A customer's details changed (by the API, a bulk upsert, an import or "
    "a join form); sent only when something really changed. `changed` names the fields, "
    "`profile` is the customer after the change.",
    "customer_deleted": "A customer was erased (GDPR): their personal data is gone; their cards, "
    "stamps and vouchers stay, anonymous. The last event to name their `source_id`.",
    "referral_joined": "A new customer (the referee) joined with a referrer's code: "
    "`customer` and `card` are the referee's, `voucher` their reward, `referral` names the "
    "referrer and the program.",
    "referral_converted": "A referee converted (first stamp, n-th stamp, first redemption or a "
    "POS sale, as the program says): `customer` is the referrer, `voucher` their reward, "
    "`reward` says why there is none (limit reached, ...), `conversion` what the referee did.",
}

EventPayload = Annotated[
    CardIssued
    | CardSaved
    | CardOpened
    | StampAdded
    | GoalReached
    | RewardIssued
    | VoucherIssued
    | VoucherRedeemed
    | VoucherExpired
    | VoucherRedemptionRolledBack
    | LotteryPlayed
    | BirthdayReached
    | InactivityTrigger
    | VoucherReminder
    | CampaignSent
    | WebhookEndpointDisabled
    | CodePoolEmpty
    | CustomerUpdated
    | CustomerDeleted
    | ReferralJoined
    | ReferralConverted,
    Field(discriminator="event"),
]

_CUSTOMER = {
    "id": "cus_sample",
    "source_id": "crm-42",
    "wallet_pass_id": "wp_sample",
    "language": "en",
}
_CARD = {
    "id": "card_sample",
    "program_id": "prg_sample",
    "scan_code": "K7M2QX9P",
    "stamps": 5,
    "lifetime_stamps": 15,
    "goal_index": 1,
}
_VOUCHER = {
    "id": "vch_sample",
    "type": "voucher",
    "title": "Free coffee",
    "template_id": "vtp_sample",
    "goal_index": 0,
    "redeem_code": "FREECOFFEE",
    "redeem_code_formats": ["text", "qr", "barcode"],
    "status": "issued",
    "expires_at": "2026-06-10T12:34:56Z",
    "redeemed_at": None,
    "redeemed_via": None,
}
_GOAL = {"index": 0, "stamps": 5, "title": "Free coffee", "template_id": "vtp_sample"}
_PROFILE = {
    "id": "cus_sample",
    "source_id": "crm-42",
    "email": "ada@example.com",
    "phone": "+4915112345678",
    "name": "Ada",
    "birthday": "1990-05-17",
    "language": "en",
    "marketing_consent": True,
    "marketing_consent_at": "2026-05-11T12:34:56Z",
    "metadata": {"tier": "gold"},
    "created_at": "2026-01-02T09:00:00Z",
    "updated_at": "2026-05-11T12:34:56Z",
}
_REFERRAL = {
    "id": "rfl_sample",
    "referral_program": {"id": "rfp_sample", "name": "Bring a friend"},
    "code": "FRIEND-7Q2KX9MP",
    "via": "join_form",
    "status": "pending",
    "joined_at": "2026-05-11T12:34:56Z",
    "referrer": {**_CUSTOMER, "id": "cus_referrer", "source_id": "crm-7"},
    "referee": _CUSTOMER,
    "referee_card_id": "card_sample",
}
_EXTRAS: dict[str, dict[str, Any]] = {
    "customer_updated": {
        "card": None,
        "voucher": None,
        "profile": _PROFILE,
        "changed": ["email", "marketing_consent"],
    },
    "customer_deleted": {"card": None, "voucher": None},
    "card_issued": {"voucher": None, "program": {"id": "prg_sample", "name": "Coffee card"}},
    "card_saved": {"voucher": None, "wallet": "apple"},
    "card_opened": {"voucher": None, "wallet": "google"},
    "stamp_added": {"voucher": None, "stamp": {"id": "stp_sample", "count": 1, "note": None}},
    "stamps_removed": {
        "voucher": None,
        "removal": {"id": "stp_sample", "count": 1, "reason": "Stamped twice by mistake"},
    },
    "goal_reached": {"voucher": None, "goal": _GOAL},
    "reward_issued": {"goal": _GOAL},
    "voucher_redeemed": {
        "voucher": {
            **_VOUCHER,
            "status": "redeemed",
            "redeemed_at": "2026-05-11T12:34:56Z",
            "redeemed_via": "staff_scanner",
        }
    },
    "voucher_expired": {"voucher": {**_VOUCHER, "status": "expired"}},
    "voucher_redemption_rolled_back": {
        "redemption": {
            "redeemed_at": "2026-05-11T12:30:00Z",
            "redeemed_via": "staff_scanner",
            "location_id": "loc_sample",
            "staff_id": "stf_sample",
            "reason": "Scanned the wrong voucher",
        }
    },
    "lottery_played": {
        "voucher": {
            **_VOUCHER,
            "id": "vch_ticket",
            "type": "lottery",
            "title": "Spin the wheel",
            "template_id": None,
            "redeem_code": "",
            "redeem_code_formats": [],
            "status": "played",
            "expires_at": None,
            "lottery_id": "lot_sample",
        },
        "lottery": {
            "lottery_id": "lot_sample",
            "variant": "free_coffee",
            "won": True,
            "voucher_id": "vch_sample",
            "draw_id": "drw_sample",
            "title": "Spin the wheel",
            "variant_title": "Free coffee",
        },
    },
    "birthday_reached": {
        "location_id": None,
        "staff_id": None,
        "voucher": {**_VOUCHER, "title": "Birthday cake", "goal_index": None},
        "birthday": "1990-05-11",
        "birthday_on": "2026-05-11",
        "days_before": 0,
        "automation": {"id": "aut_sample", "name": "Happy birthday", "kind": "birthday"},
    },
    "inactivity_trigger": {
        "location_id": None,
        "staff_id": None,
        "voucher": None,
        "days_inactive": 30,
        "last_stamp_at": "2026-04-11T09:00:00Z",
        "automation": {"id": "aut_sample", "name": "We miss you", "kind": "inactivity"},
    },
    "voucher_reminder": {
        "location_id": None,
        "staff_id": None,
        "reminder": {"kind": "expiring", "days": 3},
        "automation": {"id": "aut_sample", "name": "Use it soon", "kind": "reward_reminder"},
    },
    "campaign_sent": {
        "location_id": None,
        "staff_id": None,
        "customer": None,
        "card": None,
        "voucher": None,
        "campaign": {
            "id": "cmp_sample",
            "name": "We miss you",
            "channel": "email",
            "recipients": 1200,
            "sent": 1130,
            "failed": 12,
            "skipped": 58,
            "reasons": {"no_consent": 51, "unsubscribed": 7, "invalid_address": 12},
            "started_at": "2026-05-11T12:30:00Z",
            "finished_at": "2026-05-11T12:34:56Z",
        },
    },
    "webhook_endpoint_disabled": {
        "customer": None,
        "card": None,
        "voucher": None,
        "endpoint": {
            "id": "whk_sample",
            "url": "https://example.com/hooks",
            "reason": "gone (410)",
        },
    },
    "code_pool_empty": {
        "location_id": None,
        "staff_id": None,
        "customer": None,
        "card": None,
        "voucher": None,
        "template": {"id": "vtp_sample", "title": "Free coffee"},
        "pool": {"available": 0, "assigned": 500},
    },
    "referral_joined": {
        "voucher": {**_VOUCHER, "title": "Welcome cookie", "goal_index": None},
        "referral": _REFERRAL,
        "reward_error": None,
    },
    "referral_converted": {
        "customer": _REFERRAL["referrer"],
        "card": {**_CARD, "id": "card_referrer", "scan_code": "R8T3WQ2Z"},
        "voucher": {**_VOUCHER, "id": "vch_reward", "redeem_code": "CAFE-7Q2K", "goal_index": None},
        "referral": {**_REFERRAL, "status": "converted", "via": "pos"},
        "conversion": {
            "on": "pos_sale",
            "sale_id": "sale_sample",
            "connector_id": "pos_sample",
            "transaction_id": "R-2001",
            "amount": 1250,
            "currency": "EUR",
        },
        "reward": {
            "status": "rewarded",
            "detail": None,
            "ordinal": 3,
            "tier": 3,
            "voucher_id": "vch_reward",
        },
    },
}


def require_known(event_type: str) -> None:
    if event_type not in PAYLOADS:
        raise NotFound(
            "event_type_not_found",
            f"Unknown event type '{event_type}'; GET /v1/event-types lists them.",
        )


def sample(event_type: str) -> dict[str, Any]:
    """A realistic payload of the type, validated against its schema."""
    body = {
        "event": event_type,
        "id": "evt_sample",
        "timestamp": "2026-05-11T12:34:56Z",
        "business_id": "biz_sample",
        "location_id": "loc_sample",
        "staff_id": "stf_sample",
        "customer": _CUSTOMER,
        "card": _CARD,
        "voucher": _VOUCHER,
        "request_id": "req_sample",
        **_EXTRAS.get(event_type, {}),
    }
    return PAYLOADS[event_type].model_validate(body).model_dump(mode="json")


def schema(event_type: str) -> dict[str, Any]:
    return PAYLOADS[event_type].model_json_schema()

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints, model_validator

from punchcard.customers.schemas import CustomerUpsert
from punchcard.kit.schemas import Input, Output, Ref
from punchcard.programs.schemas import GoalOut
from punchcard.referrals.schemas import ReferralCodeText, ReferralJoinOut
from punchcard.vouchers.schemas import VoucherOut


class CardIssue(Input):
    program_id: Ref
    customer_id: Ref | None = Field(None, description="An existing customer ...")
    customer: CustomerUpsert | None = Field(
        None, description="... or the customer's email/phone/source_id (created if new)."
    )
    location_id: Ref | None = None
    referral_code: ReferralCodeText | None = Field(
        None,
        description="A referrer's code the new customer brings (see /v1/referral-programs): "
        "the referral is made with the card, or refused with its reason (in `referral`).",
    )

    @model_validator(mode="after")
    def _one_customer(self) -> "CardIssue":
        if (self.customer_id is None) == (self.customer is None):
            raise ValueError("give exactly one of customer_id or customer")
        return self


class StampAdd(Input):
    count: int = Field(1, ge=1, le=1000, description="Stamps to add; may cross several goals.")
    location_id: Ref | None = Field(None, description="Defaults to the staff login's location.")
    note: Annotated[str, StringConstraints(max_length=500)] | None = None


class StampRemoval(Input):
    count: int = Field(1, ge=1, le=1000, description="Stamps to take off the current round.")
    reason: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)
    ] = Field(description="Why (kept in the ledger and the stamps_removed event).")
    location_id: Ref | None = Field(None, description="Defaults to the staff login's location.")


class NextGoal(Output):
    index: int
    stamps: int
    title: str
    template_id: str | None
    lottery_id: str | None = None
    stamps_to_go: int


class CardState(Output):
    id: str
    program_id: str
    customer_id: str
    scan_code: str = Field(description="Short code staff scan or type.")
    status: Literal["active", "expired"]
    stamps: int = Field(description="Stamps in the current round.")
    lifetime_stamps: int
    rounds_completed: int
    goal_index: int = Field(description="Goals reached this round (the index of the next goal).")
    next_goal: NextGoal | None
    goals: list[GoalOut]
    issued_at: datetime
    expires_at: datetime | None
    last_stamp_at: datetime | None


class CardOut(CardState):
    vouchers: list[VoucherOut]


class CardIssued(CardOut):
    referral: ReferralJoinOut | None = Field(
        None, description="What came of the referral_code given (none given: null)."
    )


class StampOut(Output):
    card: CardState
    stamps_added: int
    goals_reached: list[GoalOut]
    vouchers_issued: list[VoucherOut]


class RemovalOut(Output):
    card: CardState
    stamps_removed: int


class HistoryOut(Output):
    data: list[dict[str, Any]] = Field(description="Event payloads, newest first.")
    next_cursor: str | None

"""What a wallet card shows, read once and rendered by every face of the card: the Apple
pass, the Google Wallet object and the web card all draw from a ``PassView``."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import undefer

from punchcard.businesses.models import Business, Location
from punchcard.cards.models import Card
from punchcard.cards.progress import standing, thresholds
from punchcard.customers.models import Customer
from punchcard.kit.errors import NotFound
from punchcard.lotteries.models import Lottery, LotteryDraw, LotteryVariant
from punchcard.programs.models import Program
from punchcard.vouchers.models import Voucher
from punchcard.wallet.models import PassDesign, WalletMessage, WalletPass

BARCODE_FORMATS = ("qr", "code128", "pdf417", "aztec")


@dataclass(frozen=True)
class Design:
    organization_name: str
    background_color: str = "#3B2A20"
    foreground_color: str = "#FFFFFF"
    label_color: str = "#F3D9B1"
    stamp_color: str = "#F3D9B1"
    logo_png: bytes | None = None
    icon_png: bytes | None = None
    barcode_format: str = "qr"
    terms: str | None = None
    website_url: str | None = None
    opening_hours: str | None = None


@dataclass(frozen=True)
class Place:
    name: str
    address: str | None
    latitude: float | None
    longitude: float | None


@dataclass(frozen=True)
class VoucherLine:
    id: str
    title: str
    description: str | None
    redeem_code: str
    formats: tuple[str, ...]
    expires_at: datetime | None


@dataclass(frozen=True)
class MessageLine:
    """The latest message sent to the card (wallet push)."""

    key: str
    header: str | None
    body: str
    sent_at: datetime


@dataclass(frozen=True)
class TicketLine:
    """A lottery ticket not yet played."""

    id: str
    title: str
    description: str | None
    playable: bool  # False while every prize is used up and there is no 'no prize' variant


@dataclass(frozen=True)
class DrawLine:
    """The result of the card's latest lottery play."""

    lottery_title: str
    won: bool
    variant_title: str  # the prize won, or the no-prize variant's title


@dataclass(frozen=True)
class PassView:
    business_id: str
    business_name: str
    card_id: str
    scan_code: str
    card_status: str  # active | expired
    card_expires_at: datetime | None
    program_id: str
    program_name: str
    customer_id: str
    customer_source_id: str | None
    customer_name: str | None
    language: str | None  # the customer's, e.g. "de" or "pt-BR"
    stamps: int  # in the current round
    lifetime_stamps: int
    goal_stamps: tuple[int, ...]  # each goal's threshold; the grid has goal_stamps[-1] boxes
    goal_titles: tuple[str, ...]
    goal_index: int  # goals reached this round = index of the next goal
    next_goal_title: str | None
    stamps_to_next_goal: int | None
    vouchers: tuple[VoucherLine, ...]  # issued (not redeemed, not expired), oldest first
    places: tuple[Place, ...]  # the business's locations
    design: Design
    updated_at: datetime  # the card's wallet version (issue time if no wallet holds it yet)
    web_link_nonce: str | None = None  # the web-card link's (wallet.web_link)
    privacy_policy_url: str | None = None  # the business's, linked from the web card
    imprint_url: str | None = None
    message: MessageLine | None = None
    tickets: tuple[TicketLine, ...] = ()  # lottery tickets to play, oldest first
    last_draw: DrawLine | None = None

    @property
    def grid_size(self) -> int:
        return self.goal_stamps[-1] if self.goal_stamps else 0


async def load_pass_view(session: AsyncSession, business_id: str, card_id: str) -> PassView:
    """The card as its wallet faces show it; 404 ``card_not_found`` if there is no such card."""
    row = (
        await session.execute(
            select(
                Card, Program, Customer, Business, PassDesign, WalletPass.updated_at, WalletMessage
            )
            .join(
                Program, (Program.business_id == Card.business_id) & (Program.id == Card.program_id)
            )
            .join(
                Customer,
                (Customer.business_id == Card.business_id) & (Customer.id == Card.customer_id),
            )
            .join(Business, Business.id == Card.business_id)
            .outerjoin(
                PassDesign,
                (PassDesign.business_id == Card.business_id) & (PassDesign.id == Card.program_id),
            )
            .outerjoin(
                WalletPass,
                (WalletPass.business_id == Card.business_id) & (WalletPass.id == Card.id),
            )
            .outerjoin(
                WalletMessage,
                (WalletMessage.business_id == Card.business_id) & (WalletMessage.id == Card.id),
            )
            .where(Card.business_id == business_id, Card.id == card_id)
            .options(undefer(Business.logo_png))
        )
    ).one_or_none()
    if row is None:
        raise NotFound("card_not_found", f"no card {card_id}")
    card, program, customer, business, design, updated_at, message = row
    held = list(
        await session.scalars(
            select(Voucher)
            .where(
                Voucher.business_id == business_id,
                Voucher.card_id == card_id,
                Voucher.status == "issued",
            )
            .order_by(Voucher.id)
        )
    )
    vouchers = [v for v in held if v.type == "voucher"]
    places = await session.scalars(
        select(Location).where(Location.business_id == business_id).order_by(Location.id)
    )
    where = standing(card.stamps, program.goals)
    return PassView(
        business_id=business_id,
        business_name=business.name,
        card_id=card.id,
        scan_code=card.scan_code,
        card_status=card.status,
        card_expires_at=card.expires_at,
        program_id=program.id,
        program_name=program.name,
        customer_id=customer.id,
        customer_source_id=customer.source_id,
        customer_name=customer.name,
        language=customer.language,
        stamps=card.stamps,
        lifetime_stamps=card.lifetime_stamps,
        goal_stamps=tuple(thresholds(program.goals)),
        goal_titles=tuple(str(goal.get("title") or "") for goal in program.goals),
        goal_index=where.goal_index,
        next_goal_title=where.next_goal.get("title") if where.next_goal else None,
        stamps_to_next_goal=where.stamps_to_next_goal,
        vouchers=tuple(
            VoucherLine(v.id, v.title, v.description, v.redeem_code, tuple(v.formats), v.expires_at)
            for v in vouchers
        ),
        places=tuple(Place(p.name, p.address, p.latitude, p.longitude) for p in places),
        design=_design(design, business.name, business.logo_png),
        updated_at=updated_at or card.issued_at,
        web_link_nonce=card.web_link_nonce,
        privacy_policy_url=business.privacy_policy_url,
        imprint_url=business.imprint_url,
        message=(
            MessageLine(message.key, message.header, message.body, message.sent_at)
            if message is not None
            else None
        ),
        tickets=await _tickets(session, business_id, [v for v in held if v.type == "lottery"]),
        last_draw=await _last_draw(session, business_id, card_id),
    )


async def _tickets(
    session: AsyncSession, business_id: str, tickets: list[Voucher]
) -> tuple[TicketLine, ...]:
    if not tickets:
        return ()
    playable = set(
        await session.scalars(
            select(LotteryVariant.lottery_id)
            .where(
                LotteryVariant.business_id == business_id,
                LotteryVariant.lottery_id.in_({t.lottery_id for t in tickets}),
                or_(LotteryVariant.stock.is_(None), LotteryVariant.stock > 0),
            )
            .distinct()
        )
    )
    return tuple(
        TicketLine(t.id, t.title, t.description, t.lottery_id in playable) for t in tickets
    )


async def _last_draw(session: AsyncSession, business_id: str, card_id: str) -> DrawLine | None:
    row = (
        await session.execute(
            select(Lottery.title, LotteryDraw.won, LotteryDraw.variant_title)
            .join(
                Lottery,
                (Lottery.business_id == LotteryDraw.business_id)
                & (Lottery.id == LotteryDraw.lottery_id),
            )
            .where(LotteryDraw.business_id == business_id, LotteryDraw.card_id == card_id)
            .order_by(LotteryDraw.id.desc())
            .limit(1)
        )
    ).one_or_none()
    return DrawLine(*row) if row else None


def _design(row: PassDesign | None, business_name: str, business_logo: bytes | None) -> Design:
    """The program's design; the business's name and logo where it has none of its own."""
    if row is None:
        return Design(organization_name=business_name, logo_png=business_logo)
    return Design(
        organization_name=row.organization_name or business_name,
        background_color=row.background_color,
        foreground_color=row.foreground_color,
        label_color=row.label_color,
        stamp_color=row.stamp_color,
        logo_png=row.logo_png or business_logo,
        icon_png=row.icon_png,
        barcode_format=row.barcode_format,
        terms=row.terms,
        website_url=row.website_url,
        opening_hours=row.opening_hours,
    )


async def load_design(session: AsyncSession, business_id: str, program_id: str) -> Design:
    """A program's design (the defaults when it has none), for pages shown before any card."""
    business = (
        await session.execute(
            select(Business.name, Business.logo_png).where(Business.id == business_id)
        )
    ).one_or_none()
    if business is None:
        raise NotFound("business_not_found", f"no business {business_id}")
    row = await session.get(PassDesign, (business_id, program_id))
    return _design(row, *business)

"""The web card: what the card page shows, drawn from the same PassView as the wallet passes."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.kit.errors import NotFound, ProblemError, not_found
from punchcard.pages.common import CardLink
from punchcard.pages.lottery import lottery_context
from punchcard.pages.templating import svg_data_uri
from punchcard.staff.actor import Actor, Permission
from punchcard.vouchers import rendering
from punchcard.wallet import events as wallet_events
from punchcard.wallet import web_link
from punchcard.wallet.i18n import stamps_to_reward, text
from punchcard.wallet.view import PassView, VoucherLine, load_pass_view

QR_SIZE = rendering.Size(scale=6, bar_height=80)
BAR_SIZE = rendering.Size(scale=2, bar_height=80)


@dataclass(frozen=True)
class Box:
    filled: bool
    reward: str | None  # the goal this box reaches, if any


@dataclass(frozen=True)
class ShownVoucher:
    title: str
    description: str | None
    code: str
    text: bool
    qr: str | None  # data: URIs of the code's images, in the formats the voucher allows
    bars: str | None
    valid_until: str | None


def qr_image(code: str) -> str:
    return svg_data_uri(rendering.render(code, "qr", "svg", QR_SIZE))


def _bars_image(code: str) -> str | None:
    try:
        return svg_data_uri(rendering.render(code, "code128", "svg", BAR_SIZE))
    except ProblemError:  # a code Code128 cannot carry is still shown as QR or text
        return None


def _voucher(line: VoucherLine) -> ShownVoucher:
    return ShownVoucher(
        title=line.title,
        description=line.description,
        code=line.redeem_code,
        text="text" in line.formats,
        qr=qr_image(line.redeem_code) if "qr" in line.formats else None,
        bars=_bars_image(line.redeem_code) if "barcode" in line.formats else None,
        valid_until=line.expires_at.date().isoformat() if line.expires_at else None,
    )


def grid(view: PassView) -> list[Box]:
    rewards = dict(zip(view.goal_stamps, view.goal_titles, strict=True))
    return [
        Box(filled=box <= view.stamps, reward=rewards.get(box))
        for box in range(1, view.grid_size + 1)
    ]


def card_context(view: PassView, language: str, now: datetime) -> dict[str, Any]:
    """The template context of ``card.html``."""
    shown = min(view.stamps, view.grid_size)
    if view.next_goal_title is not None and view.stamps_to_next_goal is not None:
        progress = stamps_to_reward(language, view.stamps_to_next_goal, view.next_goal_title)
    else:
        progress = text(language, "all_rewards_reached")
    expired = view.card_status != "active" or (
        view.card_expires_at is not None and view.card_expires_at <= now
    )
    return {
        "title": view.program_name,
        "program_name": view.program_name,
        "grid": grid(view),
        "stamps_label": text(language, "stamps_of", count=shown, total=view.grid_size),
        "progress": progress,
        "expired": expired,
        "scan_code": view.scan_code,
        "scan_qr": qr_image(view.scan_code),
        "vouchers": [_voucher(line) for line in view.vouchers],
        "privacy_url": view.privacy_policy_url,
        "imprint_url": view.imprint_url,
        "message": view.message,
        "lottery": lottery_context(view, language),
    }


async def open_web_card(session: AsyncSession, link: CardLink, at: datetime) -> PassView:
    """The card a web-card link names, opened (``card_opened``, at most hourly); 404
    ``card_not_found`` for a wrong (or rotated) token or an unknown card."""
    view = await load_pass_view(session, link.business_id, link.card_id)
    if not web_link.matches(view.card_id, view.web_link_nonce, link.token):
        raise NotFound("card_not_found", "wrong token")
    await wallet_events.opened(session, view, "web", at)
    return view


async def rotate_link(session: AsyncSession, actor: Actor, card_id: str) -> str:
    """Staff give a card a new web-card link (as they may hand out wallet passes); the old
    link stops working. Returns the new link's path."""
    actor.require(Permission.WALLET_PASSES)
    return await web_link.rotate(session, actor.business_id, card_id)


async def link_of(session: AsyncSession, actor: Actor, card_id: str) -> str:
    """The card's current web-card link (path), for staff to send to its customer."""
    actor.require(Permission.WALLET_PASSES)
    exists, nonce = await web_link.nonce_of(session, actor.business_id, card_id)
    if not exists:
        raise not_found("card", card_id)
    return web_link.path(actor.business_id, card_id, nonce)

"""A business's channels: set up with credentials (checked with the provider first, sealed at
rest, never returned), the provider's webhook pointed at us, removed, tried with a test message.

Saving calls the provider, so it takes the database rather than a session: no transaction (and,
on SQLite, no write lock) is held while a provider answers. The order: check the credentials
(refused: nothing saved), save, point the webhook at us (Viber and Meta call our webhook while
they set it up, so the channel must already be there to answer), and if that is refused, put
back what was there before.
"""

import json
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.channels.adapter import (
    MESSENGERS,
    ChannelType,
    Context,
    Keys,
    Message,
    Recipient,
    SendResult,
)
from punchcard.channels.models import ChannelConfig
from punchcard.channels.registry import adapter_for
from punchcard.channels.schemas import SECRET_FIELDS, ChannelIn, ChannelTest, test_address
from punchcard.config import get_settings
from punchcard.db.base import table_of
from punchcard.db.engine import Database
from punchcard.kit import crypto
from punchcard.kit.clock import utcnow
from punchcard.kit.errors import Conflict, ProblemError, not_found
from punchcard.kit.ids import new_id
from punchcard.kit.sql import upsert
from punchcard.staff.actor import Actor, Permission

configs = table_of(ChannelConfig)
WEBHOOK_PATH = "/channels/{channel_id}/webhook"


def webhook_url(channel_id: str) -> str:
    return get_settings().public_url.rstrip("/") + WEBHOOK_PATH.format(channel_id=channel_id)


def keys_of(config: ChannelConfig) -> Keys:
    sealed = config.credentials_sealed
    return Keys(
        business_id=config.business_id,
        channel_id=config.id,
        settings=dict(config.settings),
        account=dict(config.account),
        credentials=_unsealed(sealed) if sealed else {},
    )


@lru_cache(maxsize=256)
def _unsealed(sealed: str) -> Mapping[str, str]:
    """Credentials as stored, opened once per process (a campaign asks for every recipient)."""
    return MappingProxyType(json.loads(crypto.unseal(sealed)))


async def find_channel(
    session: AsyncSession, business_id: str, channel: ChannelType
) -> ChannelConfig | None:
    return (
        await session.scalars(
            select(ChannelConfig).where(
                ChannelConfig.business_id == business_id, ChannelConfig.type == channel
            )
        )
    ).one_or_none()


async def list_channels(session: AsyncSession, actor: Actor) -> dict[str, ChannelConfig]:
    actor.require(Permission.CHANNELS_MANAGE)
    found = await session.scalars(
        select(ChannelConfig).where(ChannelConfig.business_id == actor.business_id)
    )
    return {config.type: config for config in found}


async def get_channel(session: AsyncSession, actor: Actor, channel: ChannelType) -> ChannelConfig:
    actor.require(Permission.CHANNELS_MANAGE)
    config = await find_channel(session, actor.business_id, channel)
    if config is None:
        raise not_found("channel", channel)
    return config


def _split(channel: ChannelType, data: ChannelIn) -> tuple[dict[str, Any], dict[str, str]]:
    """A channel's settings, and its credentials (sealed, never shown)."""
    values = data.model_dump(exclude={"transactional"}, exclude_none=True, mode="json")
    secrets = {name: values.pop(name) for name in SECRET_FIELDS[channel] if name in values}
    return values, secrets


def _require_https(channel: ChannelType) -> None:
    public_url = get_settings().public_url
    if not public_url.startswith("https://"):
        raise Conflict(
            "public_url_not_https",
            f"{channel.capitalize()} delivers its webhooks to https URLs only: set "
            f"PUNCHCARD_PUBLIC_URL to this server's https address (now {public_url!r}).",
        )


async def configure(
    db: Database, actor: Actor, channel: ChannelType, data: ChannelIn
) -> ChannelConfig:
    """Set the channel up (or replace its settings): 422 ``channel_credentials_refused`` with
    the provider's reason, 502 when the provider does not answer; nothing saved either way."""
    actor.require(Permission.CHANNELS_MANAGE)
    settings, credentials = _split(channel, data)
    if channel in MESSENGERS:
        _require_https(channel)
    async with db.transaction() as session:
        previous = (
            await session.execute(
                select(configs).where(
                    configs.c.business_id == actor.business_id, configs.c.type == channel
                )
            )
        ).first()
    channel_id = previous.id if previous is not None else new_id("chn")
    adapter, context = adapter_for(channel), Context(db)
    keys = Keys(actor.business_id, channel_id, settings, {}, credentials)
    account = await adapter.check(context, keys)
    now = utcnow()
    row = {
        "business_id": actor.business_id,
        "id": channel_id,
        "type": channel,
        "settings": settings,
        "credentials_sealed": crypto.seal(json.dumps(credentials)) if credentials else None,
        "account": account.details,
        "transactional": data.transactional,
        "created_at": previous.created_at if previous is not None else now,
        "updated_at": now,
    }
    await _write(db, row)
    if channel in MESSENGERS:
        keys = Keys(actor.business_id, channel_id, settings, account.details, credentials)
        try:
            await adapter.connect(context, keys, webhook_url(channel_id))
        except ProblemError:
            await _put_back(db, actor.business_id, channel, previous)
            raise
    async with db.transaction() as session:
        config = await find_channel(session, actor.business_id, channel)
    assert config is not None
    return config


async def _write(db: Database, row: dict[str, Any]) -> None:
    async with db.transaction() as session:
        dialect = session.get_bind().dialect.name
        await session.execute(upsert(configs, dialect, row, ["business_id", "type"]))


async def _put_back(db: Database, business_id: str, channel: ChannelType, previous: Any) -> None:
    if previous is not None:
        await _write(db, dict(previous._mapping))
        return
    async with db.transaction() as session:
        await session.execute(
            delete(configs).where(configs.c.business_id == business_id, configs.c.type == channel)
        )


async def remove(db: Database, actor: Actor, channel: ChannelType) -> None:
    """Delete the channel (customers keep their addresses and consents for a later set-up); the
    provider is asked to stop calling us, best effort."""
    async with db.transaction() as session:
        config = await get_channel(session, actor, channel)
        keys = keys_of(config)
        await session.delete(config)
    try:
        await adapter_for(channel).disconnect(Context(db), keys)
    except Exception:  # the channel is gone either way; its webhook calls now get a 404
        return


async def send_test(
    db: Database, actor: Actor, channel: ChannelType, data: ChannelTest
) -> SendResult:
    """One message to an address, as a campaign would send it: the provider's answer."""
    async with db.transaction() as session:
        keys = keys_of(await get_channel(session, actor, channel))
    address = test_address(channel, data.address)
    message = Message(
        key=new_id("msg"),
        text=data.text,
        subject=data.subject,
        html=data.html,
        template=data.template.as_template() if data.template else None,
    )
    recipient = Recipient(address=address, window_open=data.template is None)
    return await adapter_for(channel).send(Context(db), keys, recipient, message)

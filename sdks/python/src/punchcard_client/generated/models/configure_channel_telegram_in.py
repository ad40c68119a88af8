from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.configure_channel_telegram_in_transactional import ConfigureChannelTelegramInTransactional
from ..types import UNSET, Unset

T = TypeVar("T", bound="ConfigureChannelTelegramIn")


@_attrs_define
class ConfigureChannelTelegramIn:
    """The token @BotFather gave your bot.

    Attributes:
        bot_token (str):
        transactional (ConfigureChannelTelegramInTransactional | Unset): Transactional messages (your reward is ready):
            'send' to every customer the channel reaches, or only to those who consented ('require_consent'). Marketing
            always needs consent. Default: ConfigureChannelTelegramInTransactional.SEND.
    """

    bot_token: str
    transactional: ConfigureChannelTelegramInTransactional | Unset = ConfigureChannelTelegramInTransactional.SEND

    def to_dict(self) -> dict[str, Any]:
        bot_token = self.bot_token

        transactional: str | Unset = UNSET
        if not isinstance(self.transactional, Unset):
            transactional = self.transactional.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "bot_token": bot_token,
            }
        )
        if transactional is not UNSET:
            field_dict["transactional"] = transactional

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        bot_token = d.pop("bot_token")

        _transactional = d.pop("transactional", UNSET)
        transactional: ConfigureChannelTelegramInTransactional | Unset
        if isinstance(_transactional, Unset):
            transactional = UNSET
        else:
            transactional = ConfigureChannelTelegramInTransactional(_transactional)

        configure_channel_telegram_in = cls(
            bot_token=bot_token,
            transactional=transactional,
        )

        return configure_channel_telegram_in

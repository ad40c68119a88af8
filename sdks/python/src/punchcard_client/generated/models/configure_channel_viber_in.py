from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.configure_channel_viber_in_transactional import ConfigureChannelViberInTransactional
from ..types import UNSET, Unset

T = TypeVar("T", bound="ConfigureChannelViberIn")


@_attrs_define
class ConfigureChannelViberIn:
    """Your Viber bot's authentication token, and the sender name shown (default: the bot's).

    Attributes:
        auth_token (str):
        sender_name (None | str | Unset):
        transactional (ConfigureChannelViberInTransactional | Unset): Transactional messages (your reward is ready):
            'send' to every customer the channel reaches, or only to those who consented ('require_consent'). Marketing
            always needs consent. Default: ConfigureChannelViberInTransactional.SEND.
    """

    auth_token: str
    sender_name: None | str | Unset = UNSET
    transactional: ConfigureChannelViberInTransactional | Unset = ConfigureChannelViberInTransactional.SEND

    def to_dict(self) -> dict[str, Any]:
        auth_token = self.auth_token

        sender_name: None | str | Unset
        if isinstance(self.sender_name, Unset):
            sender_name = UNSET
        else:
            sender_name = self.sender_name

        transactional: str | Unset = UNSET
        if not isinstance(self.transactional, Unset):
            transactional = self.transactional.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "auth_token": auth_token,
            }
        )
        if sender_name is not UNSET:
            field_dict["sender_name"] = sender_name
        if transactional is not UNSET:
            field_dict["transactional"] = transactional

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        auth_token = d.pop("auth_token")

        def _parse_sender_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sender_name = _parse_sender_name(d.pop("sender_name", UNSET))

        _transactional = d.pop("transactional", UNSET)
        transactional: ConfigureChannelViberInTransactional | Unset
        if isinstance(_transactional, Unset):
            transactional = UNSET
        else:
            transactional = ConfigureChannelViberInTransactional(_transactional)

        configure_channel_viber_in = cls(
            auth_token=auth_token,
            sender_name=sender_name,
            transactional=transactional,
        )

        return configure_channel_viber_in

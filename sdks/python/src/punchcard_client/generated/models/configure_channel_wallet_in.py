from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.configure_channel_wallet_in_transactional import ConfigureChannelWalletInTransactional
from ..types import UNSET, Unset

T = TypeVar("T", bound="ConfigureChannelWalletIn")


@_attrs_define
class ConfigureChannelWalletIn:
    """Wallet push: no credentials (the server's Apple and Google Wallet set-up carries it).

    Attributes:
        transactional (ConfigureChannelWalletInTransactional | Unset): Transactional messages (your reward is ready):
            'send' to every customer the channel reaches, or only to those who consented ('require_consent'). Marketing
            always needs consent. Default: ConfigureChannelWalletInTransactional.SEND.
    """

    transactional: ConfigureChannelWalletInTransactional | Unset = ConfigureChannelWalletInTransactional.SEND

    def to_dict(self) -> dict[str, Any]:
        transactional: str | Unset = UNSET
        if not isinstance(self.transactional, Unset):
            transactional = self.transactional.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if transactional is not UNSET:
            field_dict["transactional"] = transactional

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _transactional = d.pop("transactional", UNSET)
        transactional: ConfigureChannelWalletInTransactional | Unset
        if isinstance(_transactional, Unset):
            transactional = UNSET
        else:
            transactional = ConfigureChannelWalletInTransactional(_transactional)

        configure_channel_wallet_in = cls(
            transactional=transactional,
        )

        return configure_channel_wallet_in

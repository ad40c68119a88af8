from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.configure_channel_whats_app_in_transactional import ConfigureChannelWhatsAppInTransactional
from ..types import UNSET, Unset

T = TypeVar("T", bound="ConfigureChannelWhatsAppIn")


@_attrs_define
class ConfigureChannelWhatsAppIn:
    """From your Meta app: the business phone number's id, a (system user) access token, and
    the app secret that signs webhooks.

        Attributes:
            access_token (str):
            app_secret (str):
            phone_number_id (str):
            transactional (ConfigureChannelWhatsAppInTransactional | Unset): Transactional messages (your reward is ready):
                'send' to every customer the channel reaches, or only to those who consented ('require_consent'). Marketing
                always needs consent. Default: ConfigureChannelWhatsAppInTransactional.SEND.
    """

    access_token: str
    app_secret: str
    phone_number_id: str
    transactional: ConfigureChannelWhatsAppInTransactional | Unset = ConfigureChannelWhatsAppInTransactional.SEND

    def to_dict(self) -> dict[str, Any]:
        access_token = self.access_token

        app_secret = self.app_secret

        phone_number_id = self.phone_number_id

        transactional: str | Unset = UNSET
        if not isinstance(self.transactional, Unset):
            transactional = self.transactional.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "access_token": access_token,
                "app_secret": app_secret,
                "phone_number_id": phone_number_id,
            }
        )
        if transactional is not UNSET:
            field_dict["transactional"] = transactional

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        access_token = d.pop("access_token")

        app_secret = d.pop("app_secret")

        phone_number_id = d.pop("phone_number_id")

        _transactional = d.pop("transactional", UNSET)
        transactional: ConfigureChannelWhatsAppInTransactional | Unset
        if isinstance(_transactional, Unset):
            transactional = UNSET
        else:
            transactional = ConfigureChannelWhatsAppInTransactional(_transactional)

        configure_channel_whats_app_in = cls(
            access_token=access_token,
            app_secret=app_secret,
            phone_number_id=phone_number_id,
            transactional=transactional,
        )

        return configure_channel_whats_app_in

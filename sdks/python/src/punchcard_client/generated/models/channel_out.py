from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.channel_out_transactional_type_0 import ChannelOutTransactionalType0
from ..models.channel_out_type import ChannelOutType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.channel_out_account import ChannelOutAccount
    from ..models.channel_out_settings import ChannelOutSettings


T = TypeVar("T", bound="ChannelOut")


@_attrs_define
class ChannelOut:
    """
    Attributes:
        configured (bool):
        type_ (ChannelOutType):
        account (ChannelOutAccount | Unset): What the provider said when the credentials were checked.
        created_at (datetime.datetime | None | Unset):
        credentials_set (bool | Unset):  Default: False.
        id (None | str | Unset):
        settings (ChannelOutSettings | Unset): What was set, without the credentials.
        transactional (ChannelOutTransactionalType0 | None | Unset):
        updated_at (datetime.datetime | None | Unset):
        webhook_url (None | str | Unset): Where the provider calls us.
    """

    configured: bool
    type_: ChannelOutType
    account: ChannelOutAccount | Unset = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
    credentials_set: bool | Unset = False
    id: None | str | Unset = UNSET
    settings: ChannelOutSettings | Unset = UNSET
    transactional: ChannelOutTransactionalType0 | None | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    webhook_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        configured = self.configured

        type_ = self.type_.value

        account: dict[str, Any] | Unset = UNSET
        if not isinstance(self.account, Unset):
            account = self.account.to_dict()

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        credentials_set = self.credentials_set

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.settings, Unset):
            settings = self.settings.to_dict()

        transactional: None | str | Unset
        if isinstance(self.transactional, Unset):
            transactional = UNSET
        elif isinstance(self.transactional, ChannelOutTransactionalType0):
            transactional = self.transactional.value
        else:
            transactional = self.transactional

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        webhook_url: None | str | Unset
        if isinstance(self.webhook_url, Unset):
            webhook_url = UNSET
        else:
            webhook_url = self.webhook_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "configured": configured,
                "type": type_,
            }
        )
        if account is not UNSET:
            field_dict["account"] = account
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if credentials_set is not UNSET:
            field_dict["credentials_set"] = credentials_set
        if id is not UNSET:
            field_dict["id"] = id
        if settings is not UNSET:
            field_dict["settings"] = settings
        if transactional is not UNSET:
            field_dict["transactional"] = transactional
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if webhook_url is not UNSET:
            field_dict["webhook_url"] = webhook_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.channel_out_account import ChannelOutAccount  # noqa: PLC0415
        from ..models.channel_out_settings import ChannelOutSettings  # noqa: PLC0415

        d = dict(src_dict)
        configured = d.pop("configured")

        type_ = ChannelOutType(d.pop("type"))

        _account = d.pop("account", UNSET)
        account: ChannelOutAccount | Unset
        if isinstance(_account, Unset):
            account = UNSET
        else:
            account = ChannelOutAccount.from_dict(_account)

        def _parse_created_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_at_type_0 = datetime.datetime.fromisoformat(data)

                return created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        credentials_set = d.pop("credentials_set", UNSET)

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        _settings = d.pop("settings", UNSET)
        settings: ChannelOutSettings | Unset
        if isinstance(_settings, Unset):
            settings = UNSET
        else:
            settings = ChannelOutSettings.from_dict(_settings)

        def _parse_transactional(data: object) -> ChannelOutTransactionalType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                transactional_type_0 = ChannelOutTransactionalType0(data)

                return transactional_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChannelOutTransactionalType0 | None | Unset, data)

        transactional = _parse_transactional(d.pop("transactional", UNSET))

        def _parse_updated_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        updated_at = _parse_updated_at(d.pop("updated_at", UNSET))

        def _parse_webhook_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        webhook_url = _parse_webhook_url(d.pop("webhook_url", UNSET))

        channel_out = cls(
            configured=configured,
            type_=type_,
            account=account,
            created_at=created_at,
            credentials_set=credentials_set,
            id=id,
            settings=settings,
            transactional=transactional,
            updated_at=updated_at,
            webhook_url=webhook_url,
        )

        channel_out.additional_properties = d
        return channel_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties

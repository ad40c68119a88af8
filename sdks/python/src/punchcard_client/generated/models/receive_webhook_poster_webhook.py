from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.receive_webhook_poster_webhook_action import ReceiveWebhookPosterWebhookAction
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReceiveWebhookPosterWebhook")


@_attrs_define
class ReceiveWebhookPosterWebhook:
    """What Poster sends (documented here; verified by ``verify``, see the README).

    Attributes:
        account (str):
        action (ReceiveWebhookPosterWebhookAction):
        object_ (str):
        object_id (int | str):
        time (str): Unix seconds.
        verify (str): md5 of account;object;object_id;action;data;time;application_secret.
        account_number (None | str | Unset):
        data (None | str | Unset):
    """

    account: str
    action: ReceiveWebhookPosterWebhookAction
    object_: str
    object_id: int | str
    time: str
    verify: str
    account_number: None | str | Unset = UNSET
    data: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        account = self.account

        action = self.action.value

        object_ = self.object_

        object_id: int | str
        object_id = self.object_id

        time = self.time

        verify = self.verify

        account_number: None | str | Unset
        if isinstance(self.account_number, Unset):
            account_number = UNSET
        else:
            account_number = self.account_number

        data: None | str | Unset
        if isinstance(self.data, Unset):
            data = UNSET
        else:
            data = self.data

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "account": account,
                "action": action,
                "object": object_,
                "object_id": object_id,
                "time": time,
                "verify": verify,
            }
        )
        if account_number is not UNSET:
            field_dict["account_number"] = account_number
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account = d.pop("account")

        action = ReceiveWebhookPosterWebhookAction(d.pop("action"))

        object_ = d.pop("object")

        def _parse_object_id(data: object) -> int | str:
            return cast(int | str, data)

        object_id = _parse_object_id(d.pop("object_id"))

        time = d.pop("time")

        verify = d.pop("verify")

        def _parse_account_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        account_number = _parse_account_number(d.pop("account_number", UNSET))

        def _parse_data(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        data = _parse_data(d.pop("data", UNSET))

        receive_webhook_poster_webhook = cls(
            account=account,
            action=action,
            object_=object_,
            object_id=object_id,
            time=time,
            verify=verify,
            account_number=account_number,
            data=data,
        )

        return receive_webhook_poster_webhook

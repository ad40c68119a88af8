from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.message_action_channel import MessageActionChannel
from ..types import UNSET, Unset

T = TypeVar("T", bound="MessageAction")


@_attrs_define
class MessageAction:
    """A message of this template, sent by the campaign sender. Marketing (the default) needs
    the customer's consent on the channel and carries an unsubscribe link; transactional
    follows the channel's `transactional` setting.

        Attributes:
            channel (MessageActionChannel):
            template_id (str): A message template of the same channel.
            transactional (bool | Unset):  Default: False.
    """

    channel: MessageActionChannel
    template_id: str
    transactional: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        channel = self.channel.value

        template_id = self.template_id

        transactional = self.transactional

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "channel": channel,
                "template_id": template_id,
            }
        )
        if transactional is not UNSET:
            field_dict["transactional"] = transactional

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        channel = MessageActionChannel(d.pop("channel"))

        template_id = d.pop("template_id")

        transactional = d.pop("transactional", UNSET)

        message_action = cls(
            channel=channel,
            template_id=template_id,
            transactional=transactional,
        )

        return message_action

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.channels_template_in import ChannelsTemplateIn


T = TypeVar("T", bound="ChannelTest")


@_attrs_define
class ChannelTest:
    """``address``: an email address, a phone number (WhatsApp), a Telegram chat id, a Viber
    user id, or a card id (wallet: the card must be held by a wallet).

        Attributes:
            address (str):
            html (None | str | Unset):
            subject (None | str | Unset):  Default: 'Punchcard test'.
            template (ChannelsTemplateIn | None | Unset): WhatsApp: an approved template, sent instead of the text.
            text (str | Unset):  Default: 'This is a test message from Punchcard.'.
    """

    address: str
    html: None | str | Unset = UNSET
    subject: None | str | Unset = "Punchcard test"
    template: ChannelsTemplateIn | None | Unset = UNSET
    text: str | Unset = "This is a test message from Punchcard."

    def to_dict(self) -> dict[str, Any]:
        from ..models.channels_template_in import ChannelsTemplateIn  # noqa: PLC0415

        address = self.address

        html: None | str | Unset
        if isinstance(self.html, Unset):
            html = UNSET
        else:
            html = self.html

        subject: None | str | Unset
        if isinstance(self.subject, Unset):
            subject = UNSET
        else:
            subject = self.subject

        template: dict[str, Any] | None | Unset
        if isinstance(self.template, Unset):
            template = UNSET
        elif isinstance(self.template, ChannelsTemplateIn):
            template = self.template.to_dict()
        else:
            template = self.template

        text = self.text

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "address": address,
            }
        )
        if html is not UNSET:
            field_dict["html"] = html
        if subject is not UNSET:
            field_dict["subject"] = subject
        if template is not UNSET:
            field_dict["template"] = template
        if text is not UNSET:
            field_dict["text"] = text

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.channels_template_in import ChannelsTemplateIn  # noqa: PLC0415

        d = dict(src_dict)
        address = d.pop("address")

        def _parse_html(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        html = _parse_html(d.pop("html", UNSET))

        def _parse_subject(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject = _parse_subject(d.pop("subject", UNSET))

        def _parse_template(data: object) -> ChannelsTemplateIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                template_type_0 = ChannelsTemplateIn.from_dict(data)

                return template_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChannelsTemplateIn | None | Unset, data)

        template = _parse_template(d.pop("template", UNSET))

        text = d.pop("text", UNSET)

        channel_test = cls(
            address=address,
            html=html,
            subject=subject,
            template=template,
            text=text,
        )

        return channel_test

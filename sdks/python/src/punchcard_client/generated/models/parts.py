from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Parts")


@_attrs_define
class Parts:
    """One language of a template. Each part is a Jinja template over the variables of
    GET /v1/message-templates/variables: ``Hello {{ first_name }}, {{ stamps }} stamps``.

        Attributes:
            text (str): The plain-text message (every channel).
            html (None | str | Unset): Email: the HTML part. Telegram: the message in Telegram's HTML subset (sent instead
                of `text`). Values are HTML-escaped in both.
            subject (None | str | Unset): Email: the subject (required). Wallet: the message's label.
    """

    text: str
    html: None | str | Unset = UNSET
    subject: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        text = self.text

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

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "text": text,
            }
        )
        if html is not UNSET:
            field_dict["html"] = html
        if subject is not UNSET:
            field_dict["subject"] = subject

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        text = d.pop("text")

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

        parts = cls(
            text=text,
            html=html,
            subject=subject,
        )

        return parts

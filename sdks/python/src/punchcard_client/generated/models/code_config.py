from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CodeConfig")


@_attrs_define
class CodeConfig:
    """Random codes: ``prefix`` + ``length`` random characters of ``charset`` + ``postfix``.

    Attributes:
        charset (str | Unset):  Default: '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'.
        length (int | Unset):  Default: 8.
        postfix (str | Unset):  Default: ''.
        prefix (str | Unset):  Default: ''.
    """

    charset: str | Unset = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
    length: int | Unset = 8
    postfix: str | Unset = ""
    prefix: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        charset = self.charset

        length = self.length

        postfix = self.postfix

        prefix = self.prefix

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if charset is not UNSET:
            field_dict["charset"] = charset
        if length is not UNSET:
            field_dict["length"] = length
        if postfix is not UNSET:
            field_dict["postfix"] = postfix
        if prefix is not UNSET:
            field_dict["prefix"] = prefix

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        charset = d.pop("charset", UNSET)

        length = d.pop("length", UNSET)

        postfix = d.pop("postfix", UNSET)

        prefix = d.pop("prefix", UNSET)

        code_config = cls(
            charset=charset,
            length=length,
            postfix=postfix,
            prefix=prefix,
        )

        return code_config

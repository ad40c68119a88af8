from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="GeneratedCode")


@_attrs_define
class GeneratedCode:
    """A unique random code per voucher, never two alike in the business.

    Attributes:
        charset (str | Unset):  Default: '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'.
        length (int | Unset):  Default: 8.
        postfix (str | Unset):  Default: ''.
        prefix (str | Unset):  Default: ''.
        type_ (Literal['generated'] | Unset):  Default: 'generated'.
    """

    charset: str | Unset = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
    length: int | Unset = 8
    postfix: str | Unset = ""
    prefix: str | Unset = ""
    type_: Literal["generated"] | Unset = "generated"

    def to_dict(self) -> dict[str, Any]:
        charset = self.charset

        length = self.length

        postfix = self.postfix

        prefix = self.prefix

        type_ = self.type_

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
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        charset = d.pop("charset", UNSET)

        length = d.pop("length", UNSET)

        postfix = d.pop("postfix", UNSET)

        prefix = d.pop("prefix", UNSET)

        type_ = cast(Literal["generated"] | Unset, d.pop("type", UNSET))
        if type_ != "generated" and not isinstance(type_, Unset):
            raise ValueError(f"type must match const 'generated', got '{type_}'")

        generated_code = cls(
            charset=charset,
            length=length,
            postfix=postfix,
            prefix=prefix,
            type_=type_,
        )

        return generated_code

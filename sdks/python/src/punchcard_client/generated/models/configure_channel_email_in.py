from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.configure_channel_email_in_security import ConfigureChannelEmailInSecurity
from ..models.configure_channel_email_in_transactional import ConfigureChannelEmailInTransactional
from ..types import UNSET, Unset

T = TypeVar("T", bound="ConfigureChannelEmailIn")


@_attrs_define
class ConfigureChannelEmailIn:
    """Your SMTP server. ``security``: 'starttls' (port 587), 'ssl' (implicit TLS, port 465) or
    'none' (a local relay).

        Attributes:
            from_email (str):
            host (str):
            from_name (None | str | Unset):
            password (None | str | Unset):
            port (int | Unset):  Default: 587.
            reply_to (None | str | Unset):
            security (ConfigureChannelEmailInSecurity | Unset):  Default: ConfigureChannelEmailInSecurity.STARTTLS.
            transactional (ConfigureChannelEmailInTransactional | Unset): Transactional messages (your reward is ready):
                'send' to every customer the channel reaches, or only to those who consented ('require_consent'). Marketing
                always needs consent. Default: ConfigureChannelEmailInTransactional.SEND.
            unsubscribe_mailto (None | str | Unset): Also offered in List-Unsubscribe as a mailto: address.
            username (None | str | Unset):
    """

    from_email: str
    host: str
    from_name: None | str | Unset = UNSET
    password: None | str | Unset = UNSET
    port: int | Unset = 587
    reply_to: None | str | Unset = UNSET
    security: ConfigureChannelEmailInSecurity | Unset = ConfigureChannelEmailInSecurity.STARTTLS
    transactional: ConfigureChannelEmailInTransactional | Unset = ConfigureChannelEmailInTransactional.SEND
    unsubscribe_mailto: None | str | Unset = UNSET
    username: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from_email = self.from_email

        host = self.host

        from_name: None | str | Unset
        if isinstance(self.from_name, Unset):
            from_name = UNSET
        else:
            from_name = self.from_name

        password: None | str | Unset
        if isinstance(self.password, Unset):
            password = UNSET
        else:
            password = self.password

        port = self.port

        reply_to: None | str | Unset
        if isinstance(self.reply_to, Unset):
            reply_to = UNSET
        else:
            reply_to = self.reply_to

        security: str | Unset = UNSET
        if not isinstance(self.security, Unset):
            security = self.security.value

        transactional: str | Unset = UNSET
        if not isinstance(self.transactional, Unset):
            transactional = self.transactional.value

        unsubscribe_mailto: None | str | Unset
        if isinstance(self.unsubscribe_mailto, Unset):
            unsubscribe_mailto = UNSET
        else:
            unsubscribe_mailto = self.unsubscribe_mailto

        username: None | str | Unset
        if isinstance(self.username, Unset):
            username = UNSET
        else:
            username = self.username

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "from_email": from_email,
                "host": host,
            }
        )
        if from_name is not UNSET:
            field_dict["from_name"] = from_name
        if password is not UNSET:
            field_dict["password"] = password
        if port is not UNSET:
            field_dict["port"] = port
        if reply_to is not UNSET:
            field_dict["reply_to"] = reply_to
        if security is not UNSET:
            field_dict["security"] = security
        if transactional is not UNSET:
            field_dict["transactional"] = transactional
        if unsubscribe_mailto is not UNSET:
            field_dict["unsubscribe_mailto"] = unsubscribe_mailto
        if username is not UNSET:
            field_dict["username"] = username

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        from_email = d.pop("from_email")

        host = d.pop("host")

        def _parse_from_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        from_name = _parse_from_name(d.pop("from_name", UNSET))

        def _parse_password(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        password = _parse_password(d.pop("password", UNSET))

        port = d.pop("port", UNSET)

        def _parse_reply_to(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reply_to = _parse_reply_to(d.pop("reply_to", UNSET))

        _security = d.pop("security", UNSET)
        security: ConfigureChannelEmailInSecurity | Unset
        if isinstance(_security, Unset):
            security = UNSET
        else:
            security = ConfigureChannelEmailInSecurity(_security)

        _transactional = d.pop("transactional", UNSET)
        transactional: ConfigureChannelEmailInTransactional | Unset
        if isinstance(_transactional, Unset):
            transactional = UNSET
        else:
            transactional = ConfigureChannelEmailInTransactional(_transactional)

        def _parse_unsubscribe_mailto(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        unsubscribe_mailto = _parse_unsubscribe_mailto(d.pop("unsubscribe_mailto", UNSET))

        def _parse_username(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        username = _parse_username(d.pop("username", UNSET))

        configure_channel_email_in = cls(
            from_email=from_email,
            host=host,
            from_name=from_name,
            password=password,
            port=port,
            reply_to=reply_to,
            security=security,
            transactional=transactional,
            unsubscribe_mailto=unsubscribe_mailto,
            username=username,
        )

        return configure_channel_email_in

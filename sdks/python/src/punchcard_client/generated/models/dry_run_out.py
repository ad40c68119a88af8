from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.match import Match


T = TypeVar("T", bound="DryRunOut")


@_attrs_define
class DryRunOut:
    """
    Attributes:
        customers (int): How many it would act on, as things are now.
        period (str): The scan: a local date, or a start time (welcome).
        sample (list[Match]):
        scan_at (datetime.datetime): When it runs (or ran: due now).
    """

    customers: int
    period: str
    sample: list[Match]
    scan_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        customers = self.customers

        period = self.period

        sample = []
        for sample_item_data in self.sample:
            sample_item = sample_item_data.to_dict()
            sample.append(sample_item)

        scan_at = self.scan_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "customers": customers,
                "period": period,
                "sample": sample,
                "scan_at": scan_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.match import Match  # noqa: PLC0415

        d = dict(src_dict)
        customers = d.pop("customers")

        period = d.pop("period")

        sample = []
        _sample = d.pop("sample")
        for sample_item_data in _sample:
            sample_item = Match.from_dict(sample_item_data)

            sample.append(sample_item)

        scan_at = datetime.datetime.fromisoformat(d.pop("scan_at"))

        dry_run_out = cls(
            customers=customers,
            period=period,
            sample=sample,
            scan_at=scan_at,
        )

        dry_run_out.additional_properties = d
        return dry_run_out

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

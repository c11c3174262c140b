from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.change import Change
    from ..models.framework_summary import FrameworkSummary


T = TypeVar("T", bound="FrameworkDiff")


@_attrs_define
class FrameworkDiff:
    """What changed from `against` to this version.

    Attributes:
        from_ (FrameworkSummary): A framework version without its document.
        to (FrameworkSummary): A framework version without its document.
        indicators_added (int):
        indicators_removed (int):
        indicators_changed (int):
        changes (list[Change]): Framework fields first, then groups, then indicators.
    """

    from_: FrameworkSummary
    to: FrameworkSummary
    indicators_added: int
    indicators_removed: int
    indicators_changed: int
    changes: list[Change]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_ = self.from_.to_dict()

        to = self.to.to_dict()

        indicators_added = self.indicators_added

        indicators_removed = self.indicators_removed

        indicators_changed = self.indicators_changed

        changes = []
        for changes_item_data in self.changes:
            changes_item = changes_item_data.to_dict()
            changes.append(changes_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "from": from_,
                "to": to,
                "indicators_added": indicators_added,
                "indicators_removed": indicators_removed,
                "indicators_changed": indicators_changed,
                "changes": changes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.change import Change  # noqa: PLC0415
        from ..models.framework_summary import FrameworkSummary  # noqa: PLC0415

        d = dict(src_dict)
        from_ = FrameworkSummary.from_dict(d.pop("from"))

        to = FrameworkSummary.from_dict(d.pop("to"))

        indicators_added = d.pop("indicators_added")

        indicators_removed = d.pop("indicators_removed")

        indicators_changed = d.pop("indicators_changed")

        changes = []
        _changes = d.pop("changes")
        for changes_item_data in _changes:
            changes_item = Change.from_dict(changes_item_data)

            changes.append(changes_item)

        framework_diff = cls(
            from_=from_,
            to=to,
            indicators_added=indicators_added,
            indicators_removed=indicators_removed,
            indicators_changed=indicators_changed,
            changes=changes,
        )

        framework_diff.additional_properties = d
        return framework_diff

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

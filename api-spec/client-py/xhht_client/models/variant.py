from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.measure_type_0 import MeasureType0
    from ..models.measure_type_1 import MeasureType1
    from ..models.measure_type_2 import MeasureType2
    from ..models.measure_type_3 import MeasureType3
    from ..models.measure_type_4 import MeasureType4


T = TypeVar("T", bound="Variant")


@_attrs_define
class Variant:
    """Thresholds for some subject types, e.g. TT 24/2023 TC3.CT1: educational establishments
    count learners (95/97 %) instead of members (90/95 %).

        Attributes:
            applies_to (list[str]): Subject types; must not be empty.
            measure (MeasureType0 | MeasureType1 | MeasureType2 | MeasureType3 | MeasureType4): How an indicator is answered
                and what it must reach.

                Every threshold is a minimum ("≥"): no regulation found so far has an upper bound.
            metric (None | str | Unset): Replaces the indicator's metric for these subjects.
            figure_vi (None | str | Unset): Replaces the indicator's `figure_vi` for these subjects.
    """

    applies_to: list[str]
    measure: MeasureType0 | MeasureType1 | MeasureType2 | MeasureType3 | MeasureType4
    metric: None | str | Unset = UNSET
    figure_vi: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.measure_type_0 import MeasureType0  # noqa: PLC0415
        from ..models.measure_type_1 import MeasureType1  # noqa: PLC0415
        from ..models.measure_type_2 import MeasureType2  # noqa: PLC0415
        from ..models.measure_type_3 import MeasureType3  # noqa: PLC0415

        applies_to = self.applies_to

        measure: dict[str, Any]
        if isinstance(self.measure, MeasureType0):
            measure = self.measure.to_dict()
        elif isinstance(self.measure, MeasureType1):
            measure = self.measure.to_dict()
        elif isinstance(self.measure, MeasureType2):
            measure = self.measure.to_dict()
        elif isinstance(self.measure, MeasureType3):
            measure = self.measure.to_dict()
        else:
            measure = self.measure.to_dict()

        metric: None | str | Unset
        if isinstance(self.metric, Unset):
            metric = UNSET
        else:
            metric = self.metric

        figure_vi: None | str | Unset
        if isinstance(self.figure_vi, Unset):
            figure_vi = UNSET
        else:
            figure_vi = self.figure_vi

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "applies_to": applies_to,
                "measure": measure,
            }
        )
        if metric is not UNSET:
            field_dict["metric"] = metric
        if figure_vi is not UNSET:
            field_dict["figure_vi"] = figure_vi

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.measure_type_0 import MeasureType0  # noqa: PLC0415
        from ..models.measure_type_1 import MeasureType1  # noqa: PLC0415
        from ..models.measure_type_2 import MeasureType2  # noqa: PLC0415
        from ..models.measure_type_3 import MeasureType3  # noqa: PLC0415
        from ..models.measure_type_4 import MeasureType4  # noqa: PLC0415

        d = dict(src_dict)
        applies_to = cast(list[str], d.pop("applies_to"))

        def _parse_measure(data: object) -> MeasureType0 | MeasureType1 | MeasureType2 | MeasureType3 | MeasureType4:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_measure_type_0 = MeasureType0.from_dict(data)

                return componentsschemas_measure_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_measure_type_1 = MeasureType1.from_dict(data)

                return componentsschemas_measure_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_measure_type_2 = MeasureType2.from_dict(data)

                return componentsschemas_measure_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_measure_type_3 = MeasureType3.from_dict(data)

                return componentsschemas_measure_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_measure_type_4 = MeasureType4.from_dict(data)

            return componentsschemas_measure_type_4

        measure = _parse_measure(d.pop("measure"))

        def _parse_metric(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        metric = _parse_metric(d.pop("metric", UNSET))

        def _parse_figure_vi(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        figure_vi = _parse_figure_vi(d.pop("figure_vi", UNSET))

        variant = cls(
            applies_to=applies_to,
            measure=measure,
            metric=metric,
            figure_vi=figure_vi,
        )

        return variant

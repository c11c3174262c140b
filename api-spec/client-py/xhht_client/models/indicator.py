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
    from ..models.variant import Variant


T = TypeVar("T", bound="Indicator")


@_attrs_define
class Indicator:
    """A leaf of the tree: a "chỉ tiêu".

    Attributes:
        id (str): Code as in the regulation, e.g. `TC3.CT1`.
        text_vi (str): Short Vietnamese paraphrase of the indicator.
        measure (MeasureType0 | MeasureType1 | MeasureType2 | MeasureType3 | MeasureType4): How an indicator is answered
            and what it must reach.

            Every threshold is a minimum ("≥"): no regulation found so far has an upper bound.
        text_en (None | str | Unset):
        figure_vi (None | str | Unset): What the figure counts, used in reasons: "thành viên đạt Công dân học tập" makes
            "88,5 % thành viên đạt Công dân học tập".
        applies_to (list[str] | Unset): Subject types the indicator applies to (see [`crate::SubjectType`]); empty means
            all.
        metric (None | str | Unset): A known metric that fills the value from the registry (see [`crate::Metric`]).
        variants (list[Variant] | Unset): Other thresholds (and possibly another metric) for some subject types; the
            first
            variant matching the subject wins.
    """

    id: str
    text_vi: str
    measure: MeasureType0 | MeasureType1 | MeasureType2 | MeasureType3 | MeasureType4
    text_en: None | str | Unset = UNSET
    figure_vi: None | str | Unset = UNSET
    applies_to: list[str] | Unset = UNSET
    metric: None | str | Unset = UNSET
    variants: list[Variant] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.measure_type_0 import MeasureType0  # noqa: PLC0415
        from ..models.measure_type_1 import MeasureType1  # noqa: PLC0415
        from ..models.measure_type_2 import MeasureType2  # noqa: PLC0415
        from ..models.measure_type_3 import MeasureType3  # noqa: PLC0415

        id = self.id

        text_vi = self.text_vi

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

        text_en: None | str | Unset
        if isinstance(self.text_en, Unset):
            text_en = UNSET
        else:
            text_en = self.text_en

        figure_vi: None | str | Unset
        if isinstance(self.figure_vi, Unset):
            figure_vi = UNSET
        else:
            figure_vi = self.figure_vi

        applies_to: list[str] | Unset = UNSET
        if not isinstance(self.applies_to, Unset):
            applies_to = self.applies_to

        metric: None | str | Unset
        if isinstance(self.metric, Unset):
            metric = UNSET
        else:
            metric = self.metric

        variants: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.variants, Unset):
            variants = []
            for variants_item_data in self.variants:
                variants_item = variants_item_data.to_dict()
                variants.append(variants_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "text_vi": text_vi,
                "measure": measure,
            }
        )
        if text_en is not UNSET:
            field_dict["text_en"] = text_en
        if figure_vi is not UNSET:
            field_dict["figure_vi"] = figure_vi
        if applies_to is not UNSET:
            field_dict["applies_to"] = applies_to
        if metric is not UNSET:
            field_dict["metric"] = metric
        if variants is not UNSET:
            field_dict["variants"] = variants

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.measure_type_0 import MeasureType0  # noqa: PLC0415
        from ..models.measure_type_1 import MeasureType1  # noqa: PLC0415
        from ..models.measure_type_2 import MeasureType2  # noqa: PLC0415
        from ..models.measure_type_3 import MeasureType3  # noqa: PLC0415
        from ..models.measure_type_4 import MeasureType4  # noqa: PLC0415
        from ..models.variant import Variant  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        text_vi = d.pop("text_vi")

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

        def _parse_text_en(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        text_en = _parse_text_en(d.pop("text_en", UNSET))

        def _parse_figure_vi(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        figure_vi = _parse_figure_vi(d.pop("figure_vi", UNSET))

        applies_to = cast(list[str], d.pop("applies_to", UNSET))

        def _parse_metric(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        metric = _parse_metric(d.pop("metric", UNSET))

        _variants = d.pop("variants", UNSET)
        variants: list[Variant] | Unset = UNSET
        if _variants is not UNSET:
            variants = []
            for variants_item_data in _variants:
                variants_item = Variant.from_dict(variants_item_data)

                variants.append(variants_item)

        indicator = cls(
            id=id,
            text_vi=text_vi,
            measure=measure,
            text_en=text_en,
            figure_vi=figure_vi,
            applies_to=applies_to,
            metric=metric,
            variants=variants,
        )

        return indicator

from typing import Literal

ModelKind = Literal[
    "cong_dan_hoc_tap",
    "cong_dong_hoc_tap_huyen",
    "cong_dong_hoc_tap_thon",
    "cong_dong_hoc_tap_tinh",
    "cong_dong_hoc_tap_xa",
    "don_vi_hoc_tap_huyen",
    "don_vi_hoc_tap_tinh",
    "don_vi_hoc_tap_xa",
    "dong_ho_hoc_tap",
    "gia_dinh_hoc_tap",
]

MODEL_KIND_VALUES: set[ModelKind] = {
    "cong_dan_hoc_tap",
    "cong_dong_hoc_tap_huyen",
    "cong_dong_hoc_tap_thon",
    "cong_dong_hoc_tap_tinh",
    "cong_dong_hoc_tap_xa",
    "don_vi_hoc_tap_huyen",
    "don_vi_hoc_tap_tinh",
    "don_vi_hoc_tap_xa",
    "dong_ho_hoc_tap",
    "gia_dinh_hoc_tap",
}


def check_model_kind(value: str) -> ModelKind:
    if value in MODEL_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MODEL_KIND_VALUES!r}")

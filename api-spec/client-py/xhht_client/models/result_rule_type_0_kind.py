from typing import Literal

ResultRuleType0Kind = Literal["points"]

RESULT_RULE_TYPE_0_KIND_VALUES: set[ResultRuleType0Kind] = {
    "points",
}


def check_result_rule_type_0_kind(value: str) -> ResultRuleType0Kind:
    if value in RESULT_RULE_TYPE_0_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RESULT_RULE_TYPE_0_KIND_VALUES!r}")

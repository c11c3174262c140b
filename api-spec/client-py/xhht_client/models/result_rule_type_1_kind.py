from typing import Literal

ResultRuleType1Kind = Literal["all_indicators_pass"]

RESULT_RULE_TYPE_1_KIND_VALUES: set[ResultRuleType1Kind] = {
    "all_indicators_pass",
}


def check_result_rule_type_1_kind(value: str) -> ResultRuleType1Kind:
    if value in RESULT_RULE_TYPE_1_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RESULT_RULE_TYPE_1_KIND_VALUES!r}")

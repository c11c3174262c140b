from typing import Literal

EvaluationAction = Literal["add_evidence", "inspect", "recognise", "reject", "revoke", "self_assess", "submit"]

EVALUATION_ACTION_VALUES: set[EvaluationAction] = {
    "add_evidence",
    "inspect",
    "recognise",
    "reject",
    "revoke",
    "self_assess",
    "submit",
}


def check_evaluation_action(value: str) -> EvaluationAction:
    if value in EVALUATION_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {EVALUATION_ACTION_VALUES!r}")

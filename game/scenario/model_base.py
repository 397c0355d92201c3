"""Building blocks of the scenario format: the strict base model, ids, numbers, expressions and text."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, Union

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StrictFloat, StrictInt
from pydantic_core import PydanticCustomError

from game.scenario.expr import parse_or_raise

ID_PATTERN = r"^[a-z][a-z0-9_]{0,63}$"
FINDING_PATTERN = r"^[A-Z][A-Z0-9]{0,7}$"


class Strict(BaseModel):
    """Base of every content model: unknown fields are errors and values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


Id = Annotated[str, Field(pattern=ID_PATTERN, description="Lower-case id: letters, digits and _.")]
FindingCode = Annotated[str, Field(pattern=FINDING_PATTERN, description="Research finding code, e.g. A3 or B4.")]
Number = Union[StrictInt, StrictFloat]


def _no_text_or_bool(value: Any) -> Any:
    """A whole number is written as one: not true/false, not text ("5"), as YAML editors read it."""
    if isinstance(value, (bool, str)):
        raise PydanticCustomError("int_type", "Input should be a valid integer")
    return value


Whole = Annotated[int, BeforeValidator(_no_text_or_bool)]
"""A whole number: 3 (or 3.0, which JSON Schema also counts as an integer); never true, "3" or 1_000."""


def bounded_number(**bounds: Any) -> Any:
    """A number type with bounds that both pydantic and the JSON Schema enforce (gt=0 becomes exclusiveMinimum).

    The bounds sit on each branch of the int/float union: on the union itself pydantic would write its own
    `gt`/`ge` keywords into the schema, which editors ignore.
    """
    return Union[Annotated[StrictInt, Field(**bounds)], Annotated[StrictFloat, Field(**bounds)]]


if TYPE_CHECKING:  # to the type checker, numbers; to pydantic, numbers with bounds
    PositiveNumber = Union[int, float]
    NonNegative = Union[int, float]
    Probability = Union[int, float]
else:
    PositiveNumber = bounded_number(gt=0)
    NonNegative = bounded_number(ge=0)
    Probability = bounded_number(ge=0, le=1)


_NAME = r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*(?![A-Za-z0-9_])"
_NUMBER = r"(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?(?![A-Za-z0-9_.])"
_TEXT = r"'[^'\\\n]*'|\"[^\"\\\n]*\""
_OPERATOR = r"<=|>=|==|!=|[-+*/%<>(),\[\]]"
EXPR_TOKENS = rf"^\s*(?:(?:{_NUMBER}|{_TEXT}|{_NAME}|{_OPERATOR})\s*)*$"
"""What editors check of an expression: it is made of the expression language's tokens (a number is never
followed by a letter, so `0x14` and `1_000` are flagged as they type). `validate` parses it fully."""


def _check_expression(text: str) -> str:
    parse_or_raise(text)
    return text


Expr = Annotated[
    str,
    AfterValidator(_check_expression),
    Field(description="An expression: numbers, meter ids, flag.NAME, turn, comparisons, and/or/not, + - * /.",
          json_schema_extra={"pattern": EXPR_TOKENS}),
]
NumOrExpr = Union[Number, Expr]
NonNegativeOrExpr = Union[NonNegative, Expr]
ProbabilityOrExpr = Union[Probability, Expr]


class LocalizedText(Strict):
    """A player-facing string in each language."""

    zh: str | None = Field(None, description="Chinese text.")
    en: str | None = Field(None, description="English text.")


Text = Union[str, LocalizedText]
"""Player-facing text: a plain string, or {zh: ..., en: ...}."""


class Kind(str, Enum):
    """What an approach or choice does; bots, the debrief and reports read it."""

    trace = "trace"
    service = "service"
    feedback = "feedback"
    set_aside = "set_aside"
    delegate = "delegate"
    reform = "reform"
    other = "other"


class Level(str, Enum):
    """Which level of government issues a directive."""

    province = "province"
    city = "city"
    district = "district"
    township = "township"

"""Types the request and response models share."""

import json
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, Field


def _storable_text(value: str) -> str:
    """Refuses what no database keeps in text: NUL and unpaired surrogates."""
    if "\x00" in value:
        raise ValueError("text must not contain NUL characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ValueError("text must be valid Unicode") from error
    return value


def _storable_json(value: Any) -> Any:
    """Refuses JSON that a database cannot store: NaN, Infinity, NUL or bad Unicode."""
    try:
        text = json.dumps(value, allow_nan=False)
    except (TypeError, ValueError) as error:
        raise ValueError(f"not storable as JSON: {error}") from error
    if "\\u0000" in text:
        raise ValueError("JSON text must not contain NUL characters")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ValueError("JSON text must be valid Unicode") from error
    return value


def _present(value: Any) -> Any:
    """Refuses an explicit null for a column that cannot hold one."""
    if value is None:
        raise ValueError("must not be null")
    return value


T = TypeVar("T")

Text = Annotated[str, AfterValidator(_storable_text)]
JsonValue = Annotated[Any, AfterValidator(_storable_json)]
Int32 = Annotated[int, Field(ge=-2147483648, le=2147483647)]
Int64 = Annotated[int, Field(ge=-9223372036854775808, le=9223372036854775807)]
# A field that may be left out but, when sent, must not be null (a NOT NULL column).
NotNull = Annotated[T | None, AfterValidator(_present)]

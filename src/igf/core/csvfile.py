"""The one CSV writer every export uses, so none can forget CSV injection.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return as a formula. Every text cell that starts so is written with a leading apostrophe,
which spreadsheets show as plain text (OWASP, "CSV Injection"). Numbers (``-1``, ``+3.5``)
are left alone, so vote exports stay numbers.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")


def defuse(value: object) -> str:
    """The cell as text, quoted when a spreadsheet would run it as a formula."""
    if value is None:
        return ""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return str(value)
    text = str(value)
    if text.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def undefuse(text: str) -> str:
    """The text `defuse` was given (for reading our own files back)."""
    if text[:1] == "'" and text[1:2] in FORMULA_STARTS:
        return text[1:]
    return text


def write_csv(
    header: Sequence[object],
    rows: Iterable[Sequence[object]],
    *,
    lineterminator: str = "\r\n",
) -> str:
    """A whole CSV file: the header, then every row, each cell defused."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=lineterminator)
    writer.writerow([defuse(cell) for cell in header])
    for row in rows:
        writer.writerow([defuse(cell) for cell in row])
    return buffer.getvalue()

"""How the people of one category (a stakeholder group, a region) spread across the opinion
groups, with small counts hidden: a pure calculation, no database.

The fewer-than-5 rule: a cell counting 1 to 4 people is not shown, nor is a row of fewer than
five people. Because each group's size is public and each row's total is shown, one hidden
cell in a row or column could be worked out by subtraction; so, as statistical offices do
(secondary suppression), another cell of that line is hidden too, until no line has exactly
one hidden cell.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

THRESHOLD = 5


@dataclass(frozen=True, slots=True)
class SpreadCell:
    """People of one category in one opinion group; None when hidden."""

    count: int | None
    share: float | None


@dataclass(frozen=True, slots=True)
class SpreadRow:
    category: str
    total: int | None
    cells: tuple[SpreadCell, ...]

    @property
    def hidden(self) -> bool:
        return self.total is None


@dataclass(frozen=True, slots=True)
class Spread:
    dimension: str
    groups: tuple[int, ...]
    rows: tuple[SpreadRow, ...]


def _hide_lines(counts: list[list[int]], hidden: list[list[bool]]) -> None:
    """Secondary suppression: no row or column may have exactly one hidden cell."""
    n_rows = len(counts)
    n_cols = len(counts[0]) if counts else 0
    changed = True
    while changed:
        changed = False
        lines = [[(r, c) for c in range(n_cols)] for r in range(n_rows)]
        lines += [[(r, c) for r in range(n_rows)] for c in range(n_cols)]
        for line in lines:
            hidden_cells = [cell for cell in line if hidden[cell[0]][cell[1]]]
            shown = [cell for cell in line if not hidden[cell[0]][cell[1]]]
            if len(hidden_cells) == 1 and shown:
                r, c = min(shown, key=lambda cell: (counts[cell[0]][cell[1]] == 0, cell))
                # Hide the smallest non-zero figure; a zero only when nothing else is left.
                nonzero = [cell for cell in shown if counts[cell[0]][cell[1]] > 0]
                if nonzero:
                    r, c = min(nonzero, key=lambda cell: (counts[cell[0]][cell[1]], cell))
                hidden[r][c] = True
                changed = True


def measure_spread(
    dimension: str,
    counts: Mapping[str, Sequence[int]],
    groups: Sequence[int],
    *,
    threshold: int = THRESHOLD,
) -> Spread:
    """The spread table of one dimension.

    `counts` maps each category to the number of its people in each group (in the order of
    `groups`); categories keep their order. Shares are of the category's own people.
    """
    categories = list(counts)
    table = [[int(v) for v in counts[category]] for category in categories]
    for row in table:
        if len(row) != len(groups):
            raise ValueError("Each category needs one count per group.")
    totals = [sum(row) for row in table]
    small_row = [0 < total < threshold for total in totals]
    hidden = [
        [small_row[r] or 0 < value < threshold for value in table[r]] for r in range(len(table))
    ]
    _hide_lines(table, hidden)
    rows = []
    for r, category in enumerate(categories):
        total = totals[r]
        if small_row[r]:
            rows.append(
                SpreadRow(
                    category=category,
                    total=None,
                    cells=tuple(SpreadCell(None, None) for _ in groups),
                )
            )
            continue
        cells = tuple(
            SpreadCell(None, None)
            if hidden[r][c]
            else SpreadCell(table[r][c], table[r][c] / total if total else 0.0)
            for c in range(len(groups))
        )
        rows.append(SpreadRow(category=category, total=total, cells=cells))
    return Spread(dimension=dimension, groups=tuple(groups), rows=tuple(rows))


def agreement_share(agree: int, seen: int, *, threshold: int = THRESHOLD) -> float | None:
    """The share agreeing among those who saw a statement; None below `threshold` voters."""
    if seen < threshold:
        return None
    return agree / seen

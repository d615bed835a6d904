"""Small-count suppression for figures shown to the public (pure Python, no Django).

A count below `k` (other than zero) is published as "<k". Hiding one cell is not enough when a total is shown:
total minus the visible cells would give it back. So when exactly one cell of a column is hidden, the smallest
other non-zero cell is hidden too (complementary suppression): the total then only reveals the sum of two hidden
cells. A total below `k` is itself hidden.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["Cell", "hidden", "suppress", "suppress_column"]

Cell = int | str


def hidden(k: int) -> str:
    return f"<{k}"


def suppress(count: int, k: int) -> Cell:
    """One count on its own: zero and counts of at least k are shown, anything else is "<k"."""
    return count if count == 0 or count >= k else hidden(k)


def suppress_column(counts: Sequence[int], k: int) -> list[Cell]:
    """A column whose total is published: primary suppression plus one complementary cell when needed."""
    cells: list[Cell] = [suppress(n, k) for n in counts]
    secret = [i for i, cell in enumerate(cells) if isinstance(cell, str)]
    if len(secret) == 1:
        candidates = [i for i, n in enumerate(counts) if i != secret[0] and n > 0]
        if candidates:
            partner = min(candidates, key=lambda i: (counts[i], i))
            cells[partner] = hidden(k)
    return cells

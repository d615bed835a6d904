"""The pure parts: small-count suppression and the vulnerability index."""

from __future__ import annotations

from pathlib import Path

import pytest

from netral.insights.index import compute, load_method, read_method
from netral.insights.suppression import suppress, suppress_column


def test_counts_below_k_are_shown_as_less_than_k_and_zero_stays_zero() -> None:
    assert [suppress(n, 3) for n in (0, 1, 2, 3, 40)] == [0, "<3", "<3", 3, 40]


def test_a_single_hidden_cell_takes_the_smallest_other_cell_with_it_so_the_total_cannot_reveal_it() -> None:
    cells = suppress_column([2, 10, 5, 0, 7], 3)
    assert cells == ["<3", 10, "<3", 0, 7]  # 5 is the smallest non-zero partner; zero cells are not partners


def test_two_hidden_cells_need_no_partner() -> None:
    assert suppress_column([1, 2, 10], 3) == ["<3", "<3", 10]


def test_nothing_is_hidden_when_every_cell_reaches_k() -> None:
    assert suppress_column([3, 4, 0], 3) == [3, 4, 0]


def test_the_index_is_a_weighted_mean_of_components_scaled_against_the_highest_region() -> None:
    method = load_method()
    weights = {c.code: c.weight for c in method.components}
    [high, low] = compute(
        [
            ("63.03", "Banjar", {"cases": 10, "alerts": 4, "sanctions": 2, "coverage": 20}),
            ("63.04", "Barito Kuala", {"cases": 5, "alerts": 0, "sanctions": 0, "coverage": 100}),
        ]
    )
    assert [s.score for s in high.components] == [100.0, 100.0, 100.0, 80.0]
    expected = (
        weights["cases"] * 100 + weights["alerts"] * 100 + weights["sanctions"] * 100 + weights["coverage"] * 80
    ) / sum(weights.values())
    assert high.index == pytest.approx(round(expected, 1))
    assert [s.score for s in low.components] == [50.0, 0.0, 0.0, 0.0]


def test_a_missing_component_is_left_out_and_never_counted_as_zero() -> None:
    [region] = compute([("63.03", "Banjar", {"cases": 4, "alerts": 4, "sanctions": 4, "coverage": None})])
    assert region.components[-1].score is None
    assert region.index == 100.0  # the three available components are all at the maximum


def test_regions_without_any_signal_score_zero_not_an_error() -> None:
    [region] = compute([("63.03", "Banjar", {"cases": 0, "alerts": 0, "sanctions": 0, "coverage": None})])
    assert region.index == 0.0


def test_the_method_file_rejects_an_unknown_direction(tmp_path: Path) -> None:
    bad = tmp_path / "index.toml"
    bad.write_text(
        '[[component]]\ncode="x"\nname="x"\nweight=1\ndirection="sideways"\nscale="relative"\ndescription=""\n'
    )
    with pytest.raises(ValueError, match="direction"):
        read_method(bad)

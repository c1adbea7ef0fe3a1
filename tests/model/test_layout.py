"""Automatic layout: deterministic, readable (companies kept apart), others left in place."""
import math

import pytest

from benchmarks.bench_layout import communities, link_ratio
from benchmarks.generate import generate
from editor.model.layout import HEIGHT, MIN_DISTANCE, SPRING_LIMIT, WIDTH, layout_positions


def _closest(points) -> float:
    pts = sorted(points)
    best = math.inf
    for a in range(len(pts)):
        for b in range(a + 1, len(pts)):
            if pts[b][0] - pts[a][0] >= best:
                break
            best = min(best, math.dist(pts[a], pts[b]))
    return best


@pytest.mark.parametrize("n,m", [(5, 8), (40, 160), (SPRING_LIMIT + 60, 1500)])
def test_fresh_layout_is_deterministic_and_keeps_companies_apart(n, m):
    d = generate(n, m, 4)
    ids = [c.id for c in d.companies()]
    pos = layout_positions(d, ids)
    assert set(pos) == set(ids)
    assert pos == layout_positions(d, ids)
    assert _closest(list(pos.values())) >= MIN_DISTANCE
    xs = [x for x, _ in pos.values()]
    ys = [y for _, y in pos.values()]
    if n <= 40:
        assert all(0 <= x <= WIDTH * 1.5 and 0 <= y <= HEIGHT * 1.5 for x, y in pos.values())
    # the picture uses both directions (not a line or a single point)
    assert max(xs) - min(xs) > MIN_DISTANCE and max(ys) - min(ys) > MIN_DISTANCE


@pytest.mark.parametrize("n,m,new", [(30, 90, 10), (SPRING_LIMIT + 50, 1400, 200)])
def test_new_companies_keep_away_from_the_others_which_stay(n, m, new):
    d = generate(n, m, 6)
    ids = [c.id for c in d.companies()][-new:]
    fixed = [(c.x, c.y) for c in d.companies() if c.id not in set(ids)]
    pos = layout_positions(d, ids)
    assert list(pos) == ids and pos == layout_positions(d, ids)
    assert _closest(list(pos.values())) >= MIN_DISTANCE
    assert min(math.dist(p, q) for p in pos.values() for q in fixed) >= MIN_DISTANCE - 1e-6


def test_unknown_ids_and_empty_lists_give_nothing():
    d = generate(5, 8, 1)
    assert layout_positions(d, []) == {}
    assert layout_positions(d, ["nobody"]) == {}


@pytest.mark.parametrize("n", [SPRING_LIMIT + 50, 2000])
def test_a_big_map_puts_linked_companies_near_each_other(n):
    # (A big map used to keep the circle the layout started from: linked companies ended up as far
    # apart as any two, a ratio of 0.96-0.98.)
    d = communities(n, 4 * n)
    pos = layout_positions(d, [c.id for c in d.companies()])
    assert _closest(list(pos.values())) >= MIN_DISTANCE
    assert link_ratio(d, pos) < 0.5  # the mean distance of linked companies over that of any two


def test_evening_keeps_the_order_along_each_axis():
    from editor.model.layout import _even

    coords = [(5.0, -1.0), (0.1, 7.0), (100.0, 7.0), (2.0, 0.0)]
    assert _even(coords) == [(2.0, 0.0), (0.0, 2.0), (3.0, 3.0), (1.0, 1.0)]  # tied 7.0s by index

"""How a record's written values become comparable leaves (generator/published/snapshot.py)."""

from __future__ import annotations

from generator.published.snapshot import Leaf, distinct, flatten


def test_a_repeated_name_is_numbered_from_its_second_time():
    assert distinct(["王某", "李某", "王某", "王某"]) == ["王某", "李某", "王某#2", "王某#3"]


def test_list_items_are_keyed_by_their_identity_else_by_their_place():
    leaves = flatten({"entries": [{"id": "a", "amount": 1}, {"id": "a", "amount": 2}],
                      "scores": [{"points": 5}, {"points": 6}]})
    assert leaves == {
        ("entries", "a", "id"): Leaf("a", ("entries", 0, "id")),
        ("entries", "a", "amount"): Leaf(1, ("entries", 0, "amount")),
        ("entries", "a#2", "id"): Leaf("a", ("entries", 1, "id")),      # a duplicate id keeps its own place
        ("entries", "a#2", "amount"): Leaf(2, ("entries", 1, "amount")),
        ("scores", "#1", "points"): Leaf(5, ("scores", 0, "points")),
        ("scores", "#2", "points"): Leaf(6, ("scores", 1, "points")),
    }

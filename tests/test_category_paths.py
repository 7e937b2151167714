"""The ``::`` of a category path that starts a title (Zendesk's ``Billing::Refund approved``):
each part translated apart, each ``::`` kept, qa warning of one changed; code left whole."""

from __future__ import annotations

import time

import pytest

from ltmt.category_paths import lost_separators, separator_spans
from ltmt.qa.pair_checks import menu_problems
from ltmt.units import LineForms, split_segment


@pytest.mark.parametrize(
    ("text", "separators"),
    [
        ("Billing::Refund approved", [(7, 9)]),
        ("Account::Close account", [(7, 9)]),
        ("Billing::Refunds::Approved", [(7, 9), (16, 18)]),
        ("Sales Tax::Exempt customer", [(9, 11)]),
        ("Billing & Payments::Refund", [(18, 20)]),
        ("IT::Hardware request", [(2, 4)]),
        # code identifiers: one piece
        ("Foo::bar()", []),
        ("Foo::Bar()", []),
        ("Foo::Bar.baz", []),
        ("std::vector<int>", []),
        ("ActiveRecord::Base", []),
        ("Net::HTTP", []),
        ("self::$x", []),
        ("App\\Models::class", []),
        # not at the line's start, spaced, or of small letters
        ("Use the Rails::Engine here.", []),
        ("Billing:: Refund", []),
        ("a::b", []),
        ("Note: see the list.", []),
    ],
)
def test_a_category_paths_separators_are_found(text: str, separators: list[tuple[int, int]]):
    assert separator_spans(text) == separators


def test_each_part_is_translated_apart_and_the_separator_kept_as_written() -> None:
    """The model wrote ``Abrechnung:: Refund genehmigt`` and ``Konto:::Close Benutzerzugang``
    (Zendesk trial s76)."""
    split = split_segment("Billing::Refund approved", LineForms(decorations=True))
    assert split.lines == ["Billing", "Refund approved"]
    assert split.rebuild(["Abrechnung", "Erstattung genehmigt"]) == (
        "Abrechnung::Erstattung genehmigt"
    )
    code = split_segment("Use Foo::bar() to reset.", LineForms(decorations=True))
    assert code.lines == ["Use Foo::bar() to reset."]


@pytest.mark.parametrize(
    ("source", "target", "lost"),
    [
        ("Billing::Refund approved", "Abrechnung:: Refund genehmigt", 1),
        ("Account::Close account", "Konto:::Close Benutzerzugang", 1),
        ("Billing::Refunds::Approved", "Abrechnung > Erstattungen > Genehmigt", 2),
        ("Billing::Refund approved", "Abrechnung::Erstattung genehmigt", 0),
        ("Use Foo::bar() to reset.", "Verwenden Sie Foo:: bar().", 0),  # no category path
    ],
)
def test_a_lost_or_changed_separator_is_counted(source: str, target: str, lost: int) -> None:
    assert lost_separators(source, target) == lost


def test_qa_warns_of_a_changed_separator_in_the_menus_check() -> None:
    assert menu_problems("Account::Close account", "Konto:::Close Benutzerzugang", {}) == [
        "lacks 1 of the :: of a category path (Billing::Refund approved) as written: keep "
        "each, without a space or a third colon beside it"
    ]
    assert menu_problems("Account::Close account", "Konto::Konto schließen", {}) == []


@pytest.mark.parametrize(
    "text",
    ["A" * 100_000, "Ab " * 50_000 + "::", "Ab" + "::Ab" * 50_000 + "(", "Ab & " * 40_000],
)
def test_the_path_is_read_in_linear_time(text: str) -> None:
    started = time.perf_counter()
    separator_spans(text)
    assert time.perf_counter() - started < 1.0

"""The glossary term: sides checked when it is made."""

from __future__ import annotations

import pytest

from ltmt.errors import InputError
from ltmt.terminology.terms import MAX_TERM_CHARS, Term


@pytest.mark.parametrize(
    ("source", "target", "message"),
    [
        (None, "Depot", r"^a glossary term's source must be a string, got NoneType$"),
        ("repository", b"Depot", r"^a glossary term's target must be a string, got bytes$"),
        ("  ", "Depot", r"^a glossary term needs a non-empty source$"),
        ("x" * (MAX_TERM_CHARS + 1), "y", rf"has {MAX_TERM_CHARS + 1} characters; a term may"),
    ],
)
def test_a_bad_side_is_an_input_error(source: object, target: object, message: str) -> None:
    with pytest.raises(InputError, match=message):
        Term(source, target)  # type: ignore[arg-type]


def test_a_term_is_kept_as_written() -> None:
    assert Term("repository", "Depot", "git's", case_sensitive=True).target == "Depot"


def test_targets_not_to_use_are_stored_with_the_term(tmp_path) -> None:
    from ltmt import Memory

    term = Term("IFU", "Gebrauchsanweisung", forbidden=["Bedienungsanleitung", " "])  # type: ignore[arg-type]
    assert term.forbidden == ("Bedienungsanleitung",)
    assert Term.from_json(term.to_json()) == term
    assert "forbidden" not in Term("file", "Datei").to_json()  # stored as before
    with Memory(tmp_path / "store") as memory:
        memory.glossary("u1").add_terms([term])
        assert memory.glossary("u1").terms() == [term]


def test_a_gender_is_stored_with_the_term_and_a_term_stored_without_one_still_loads() -> None:
    term = Term("inventory", "Inventar", gender="das")
    assert term.gender == "n"
    assert term.to_json()["gender"] == "n"
    assert Term.from_json(term.to_json()) == term
    assert "gender" not in Term("file", "Datei").to_json()  # stored as before
    old = {"source": "file", "target": "Datei", "note": "", "case_sensitive": False}
    assert Term.from_json(old) == Term("file", "Datei")
    assert Term("file", "Datei", gender=None).gender == ""  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"note": 5}, r"^a glossary term's note must be a string, got int$"),
        ({"case_sensitive": "yes"}, r"^a glossary term's case_sensitive must be True or False"),
        ({"case_sensitive": 1}, r"^a glossary term's case_sensitive must be True or False"),
        (
            {"forbidden": "Übergabe"},
            r"^a glossary term's forbidden must be a list of strings, not one string: pass \['Übergabe'\]$",
        ),
        (
            {"forbidden": ["Übergabe", 5]},
            r"^a glossary term's forbidden: item 2 is int, not a string$",
        ),
        (
            {"forbidden": 5},
            r"^a glossary term's forbidden must be a list of strings, not int$",
        ),
        ({"gender": 1}, r"^a glossary term's gender must be a string, got int$"),
        (
            {"gender": "x"},
            r"^gender 'x' is not one of m, f, n or der, die, das; write one or leave it empty$",
        ),
    ],
)
def test_an_option_of_the_wrong_kind_is_an_input_error(
    options: dict[str, object], message: str
) -> None:
    """``forbidden="Übergabe"`` was split into its letters, which qa then flagged one by one;
    ``case_sensitive="yes"`` was stored as it was, and ``note=5`` an AttributeError."""
    with pytest.raises(InputError, match=message):
        Term("commit", "Commit", **options)  # type: ignore[arg-type]


def test_forbidden_targets_may_be_any_list_of_strings() -> None:
    term = Term("commit", "Commit", forbidden=["Übergabe", " Übergabe ", "Einspielung"])
    assert term.forbidden == ("Übergabe", "Einspielung")


def test_numpy_bools_and_none_for_no_note_or_forbidden_target_are_taken() -> None:
    """``np.True_`` (a pandas column's) was refused since this session's type checks, which it
    had passed before (a regression trial's find); None stands for no note and no forbidden
    targets."""
    numpy = pytest.importorskip("numpy")
    term = Term("file", "Datei", note=None, case_sensitive=numpy.bool_(True), forbidden=None)  # type: ignore[arg-type]
    assert (term.case_sensitive, type(term.case_sensitive), term.note, term.forbidden) == (
        True,
        bool,
        "",
        (),
    )

from __future__ import annotations

import pytest

from ltmt.text import (
    content_lines,
    fold_space,
    fuzzy_score,
    half_character,
    has_line_break,
    index_text,
    join_lines,
    lone_surrogate,
    match_score,
    normalize,
    paired_surrogates,
    repaired_in_place,
    split_edges,
    split_lines,
    with_edits,
    without_invisible,
    word_counts,
    word_parts,
)


@pytest.mark.parametrize("text", ["", "a", "a\nb", "a\r\nb\rc\n", "\n\n", " x \n  y  "])
def test_split_lines_round_trip(text: str) -> None:
    lines, breaks = split_lines(text)
    assert join_lines(lines, breaks) == text
    assert len(lines) == len(breaks) + 1


# every line separator str.splitlines knows
LINE_SEPARATORS = [
    "\n",
    "\r\n",
    "\r",
    "\x0b",
    "\x0c",
    "\x1c",
    "\x1d",
    "\x1e",
    "\x85",
    "\u2028",
    "\u2029",
]


@pytest.mark.parametrize("separator", LINE_SEPARATORS)
def test_split_lines_splits_at_every_separator_splitlines_knows(separator: str) -> None:
    assert split_lines(f"Save{separator}Print") == (["Save", "Print"], [separator])
    assert content_lines(f" Save {separator} Print ") == ["Save", "Print"]


def test_split_lines_splits_where_splitlines_does_and_nowhere_else() -> None:
    text = "a" + "b".join(LINE_SEPARATORS) + "c\x1fd\te\r\n\n\rf"
    lines, breaks = split_lines(text)
    assert lines == text.splitlines()
    assert "".join(breaks) == "".join(LINE_SEPARATORS) + "\r\n\n\r"


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("Liability The liability cap", {"liability": 2, "the": 1, "cap": 1}),
        ("EUR 10,000 per claim.", {"eur": 1, "10": 1, "000": 1, "per": 1, "claim": 1}),
        ("\uff23\uff4c\uff41\uff49\uff4d claim", {"claim": 2}),  # NFKC: full-width Claim
        ("", {}),
    ],
)
def test_word_counts_say_how_often_each_word_part_comes(text: str, counts: dict) -> None:
    assert word_counts(text) == counts


@pytest.mark.parametrize(
    ("text", "case_sensitive", "parts"),
    [
        ("Liability The liability cap", False, {"liability", "the", "cap"}),
        ("Liability The liability cap", True, {"Liability", "The", "liability", "cap"}),
        ("\uff23\uff4c\uff41\uff49\uff4d", True, {"Claim"}),  # NFKC, case kept
        ("EUR 10,000.", False, {"eur", "10", "000"}),
        ("", False, set()),
    ],
)
def test_word_parts_are_the_normalised_alphanumeric_runs(
    text: str, case_sensitive: bool, parts: set
) -> None:
    assert word_parts(text, case_sensitive=case_sensitive) == parts


def test_content_lines_strip_and_drop_blank_lines() -> None:
    assert content_lines(" a \r\n\n b\rc ") == ["a", "b", "c"]
    assert has_line_break("a\nb") and not has_line_break("a b\n")


def test_normalize_folds_space_case_and_controls() -> None:
    assert normalize("  Stra\u00dfe \t\x01 OK\n") == "strasse ok"
    assert normalize("Open  File", case_sensitive=True) == "Open File"
    assert fold_space("e\u0301") == "\u00e9"


@pytest.mark.parametrize(
    ("text", "normalised"),
    [
        ("Open the ac\u00adcount", "open the account"),  # a soft hyphen
        ("Open\u200b the file", "open the file"),  # a zero-width space
        ("Save\u2060 the\ufeff file", "save the file"),  # a word joiner, a byte order mark
        ("a \u200b b", "a b"),  # between two spaces: one space left
        ("\ufeffHello", "hello"),
        ("\U0001f469\u200d\U0001f4bb", "\U0001f469\u200d\U0001f4bb"),  # a joiner stays
    ],
)
def test_normalize_drops_invisible_characters_fold_space_keeps_them(
    text: str, normalised: str
) -> None:
    assert normalize(text) == normalised
    # a store keeps the fold_space form (what every version's memory check expects); a search
    # reads it through without_invisible, which gives the normalised form
    assert normalize(without_invisible(fold_space(text))) == normalised
    assert fold_space(text) == " ".join(text.split())


def test_scores_are_the_indel_ratio_of_normalised_text() -> None:
    assert fuzzy_score("abcd", "abce") == 75.0
    assert match_score("Open the FILE", " open  the file") == 100.0
    assert match_score("ab", "") == 0.0


@pytest.mark.parametrize(
    ("text", "edges"),
    [
        ("  open\n", ("  ", "open", "\n")),
        ("\n\ta b \n\n", ("\n\t", "a b", " \n\n")),
        ("open", ("", "open", "")),
        (" \n ", (" \n ", "", "")),  # blank: all leading
        ("", ("", "", "")),
    ],
)
def test_split_edges_takes_off_the_whitespace_at_both_ends(text, edges):
    assert split_edges(text) == edges
    assert "".join(split_edges(text)) == text


def test_with_edits_puts_each_replacement_in_its_span() -> None:
    text = "Open the file now"
    assert with_edits(text, [(9, 13, "Datei"), (0, 4, "Öffne"), (17, 17, "!")]) == (
        "Öffne the Datei now!"
    )
    assert with_edits(text, []) == text


def test_surrogate_pairs_are_made_characters_and_a_lone_half_is_found() -> None:
    assert paired_surrogates("Smile \ud83d\ude00!") == "Smile 😀!"
    assert paired_surrogates("plain") == "plain"
    assert lone_surrogate("Smile \ud83d\ude00!") is None
    assert lone_surrogate("half \udacb here") == "\udacb"
    assert lone_surrogate("\ude00\ud83d") == "\ude00"  # the wrong order is no pair
    assert half_character("Smile \ud83d\ude00!") is None
    assert half_character("half \udacb here") == (
        "holds \\udacb, half of a UTF-16 surrogate pair with no other half; send whole "
        "characters (fix the escape, or write the character itself)"
    )


def test_index_text_is_the_source_as_a_search_reads_it():
    assert index_text("  Open\u00a0 the   File ") == "open the file"
    assert index_text("Stra\u00dfe") == "strasse"


def test_repaired_in_place_counts_changed_and_still_wrong_lines() -> None:
    sources = ["a", "b", "c", "skip"]
    outputs = ["x", "y", "c", "x"]

    def repair(source: str, output: str) -> str:
        return source if source != "b" else "z"  # "b" cannot be put right

    def wrong(source: str, output: str) -> bool:
        return output != source

    right, still = repaired_in_place(
        sources, outputs, repair, wrong, applies=lambda source: source != "skip"
    )
    assert (right, still) == ({0}, {1})
    assert outputs == ["a", "z", "c", "x"]

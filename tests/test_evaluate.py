"""ltmt.evaluate: sacrebleu scores pinned on fixed strings, placeholder accuracy, bands, errors."""

from __future__ import annotations

from pathlib import Path

import pytest
import sacrebleu

from ltmt.errors import InputError
from ltmt.evaluate import (
    BANDS,
    extract_placeholders,
    fuzzy_band,
    normalization_mismatches,
    placeholder_accuracy,
    placeholder_matches,
    read_lines,
    sacrebleu_signatures,
    score_corpus,
)

SCORE_CASES = [
    # hypotheses, references, BLEU, chrF2, TER (values from sacrebleu 2.x with default settings)
    (["the cat sat on the mat"], ["the cat sat on the mat"], 100.0, 100.0, 0.0),
    (
        ["the cat sat on a mat", "hello there world"],
        ["the cat sat on the mat", "hello world"],
        45.915,
        61.4105,
        25.0,
    ),
    (["Die Datei wurde nicht gefunden."], ["Datei nicht gefunden."], 32.4668, 76.2558, 66.6667),
    (
        ["öffne die Datei %s", "lösche den Zweig"],
        ["Datei %s öffnen", "den Zweig löschen"],
        37.3837,
        66.0142,
        83.3333,
    ),
    (["a"], ["b"], 0.0, 0.0, 100.0),
]


@pytest.mark.parametrize(("hyps", "refs", "bleu", "chrf", "ter"), SCORE_CASES)
def test_scores_pinned(
    hyps: list[str], refs: list[str], bleu: float, chrf: float, ter: float
) -> None:
    scores = score_corpus(hyps, refs)
    assert scores.bleu == pytest.approx(bleu, abs=1e-3)
    assert scores.chrf == pytest.approx(chrf, abs=1e-3)
    assert scores.ter == pytest.approx(ter, abs=1e-3)
    assert scores.segments == len(hyps)
    assert scores.placeholder_acc is None


@pytest.mark.parametrize(("hyps", "refs"), [(c[0], c[1]) for c in SCORE_CASES])
def test_scores_equal_sacrebleu(hyps: list[str], refs: list[str]) -> None:
    scores = score_corpus(hyps, refs)
    assert scores.bleu == sacrebleu.corpus_bleu(hyps, [refs]).score
    assert scores.chrf == sacrebleu.corpus_chrf(hyps, [refs]).score
    assert scores.ter == sacrebleu.corpus_ter(hyps, [refs]).score


def test_signatures() -> None:
    signatures = score_corpus(["a b"], ["a b"]).signatures
    assert signatures == sacrebleu_signatures()
    assert signatures["bleu"].startswith("nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:")
    assert signatures["chrf"].startswith("nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:")
    assert signatures["ter"].startswith("nrefs:1|case:lc|tok:tercom|")
    assert signatures["bleu"].endswith(sacrebleu.__version__)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("save the file as %s", ["%s"]),
        ("could not open %s: %s", ["%s", "%s"]),
        ("%1$s has %2$d items", ["%1$s", "%2$d"]),
        ("%(name)s and %(count)d", ["%(name)s", "%(count)d"]),
        (
            "%-10s|%.2f|%lu|%lld|%zu|%*d|%5.1f|%x",
            ["%-10s", "%.2f", "%lu", "%lld", "%zu", "%*d", "%5.1f", "%x"],
        ),
        ("error: %m", ["%m"]),
        ("100%% done", ["%%"]),
        ("50% of the files", []),
        ("file %1 of %2", ["%1", "%2"]),
        (
            "{0} and {name} and {} and {0:.2f} and {obj.attr}",
            ["{0}", "{name}", "{}", "{0:.2f}", "{obj.attr}"],
        ),
        ("{{ name }} and &amp;", ["{{ name }}", "&amp;"]),
        (
            'press <b>OK</b><br/> or <a href="x">here</a>',
            ["<b>", "</b>", "<br/>", '<a href="x">', "</a>"],
        ),
        ("no placeholders here.", []),
    ],
)
def test_extract_placeholders(text: str, expected: list[str]) -> None:
    assert extract_placeholders(text) == expected


@pytest.mark.parametrize(
    ("hypothesis", "source", "kept", "total"),
    [
        ("speichere als %s", "save as %s", 1, 1),
        ("speichere als", "save as %s", 0, 1),
        ("%s: %s nicht öffnen", "could not open %s: %s", 2, 2),
        ("%s nicht öffnen", "could not open %s: %s", 1, 2),  # multiplicity counts
        ("%s %s %s", "could not open %s: %s", 2, 2),  # extras are not rewarded
        ("%d Dateien", "%s files", 0, 1),  # a changed placeholder is not kept
        ("%2$d von %1$s", "%1$s of %2$d", 2, 2),  # order may change
        ("lösche {Name}", "delete {name}", 0, 1),
        ("drücke <b>OK</b>", "press <b>OK</b>", 2, 2),
        ("hallo", "hello", 0, 0),
    ],
)
def test_placeholder_matches(hypothesis: str, source: str, kept: int, total: int) -> None:
    assert placeholder_matches(source, hypothesis) == (kept, total)


def test_placeholder_accuracy_is_corpus_level() -> None:
    # 1 of 1 plus 1 of 3: corpus level gives 2/4 = 50 %, not the mean of 100 % and 33 %.
    hyps = ["als %s", "%s"]
    srcs = ["as %s", "%s %s %d"]
    assert placeholder_accuracy(hyps, srcs) == (50.0, 2, 4)
    scores = score_corpus(hyps, ["als %s", "%s"], srcs)
    assert scores.placeholder_acc == 50.0
    assert scores.placeholders == (2, 4)
    assert scores.placeholders_added == 0
    assert placeholder_accuracy(["a"], ["b"]) == (None, 0, 0)


def test_placeholders_added_are_summed_over_the_corpus() -> None:
    srcs = ["Could not open %s", "%s and %d", "plain"]
    hyps = ["%s konnte nicht geöffnet werden: %s", "%s und %s", "schlicht %d"]
    scores = score_corpus(hyps, hyps, srcs)
    assert scores.placeholders_added == 3 and scores.to_dict()["placeholders_added"] == 3
    assert score_corpus(hyps, hyps).placeholders_added is None  # no sources: not counted


def test_numbers_lost_are_summed_over_the_corpus() -> None:
    srcs = ["E351: Cannot delete fold", "size 10*1024", "plain"]
    hyps = ["Faltung kann nicht gelöscht werden", "Größe 1024", "schlicht 7"]
    scores = score_corpus(hyps, hyps, srcs)
    assert scores.numbers_lost == 2 and scores.to_dict()["numbers_lost"] == 2
    assert score_corpus(hyps, hyps).numbers_lost is None  # no sources: not counted


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (0, "0-49"),
        (49.9, "0-49"),
        (50, "50-69"),
        (69.99, "50-69"),
        (70, "70-89"),
        (89.5, "70-89"),
        (90, "90-99"),
        (99.9, "90-99"),
        (100, "100"),
    ],
)
def test_fuzzy_band(score: float, band: str) -> None:
    assert fuzzy_band(score) == band
    assert band in BANDS


def test_accelerators_lost_are_summed_over_the_corpus() -> None:
    sources = ["&Open", "&Yes\n&No", "Tom & Jerry", "_Quit"]
    hyps = ["Öffnen", "&Ja\nNein", "Tom und Jerry", "_Beenden"]
    scores = score_corpus(hyps, hyps, sources)
    assert scores.accelerators_lost == 2 and scores.to_dict()["accelerators_lost"] == 2
    assert score_corpus(hyps, hyps).accelerators_lost is None  # no sources: not counted


def test_scores_to_dict() -> None:
    data = score_corpus(["a %s"], ["a %s"], ["a %s"]).to_dict()
    assert set(data) == {
        "bleu",
        "chrf",
        "ter",
        "segments",
        "placeholder_acc",
        "placeholders",
        "placeholders_added",
        "numbers_lost",
        "accelerators_lost",
        "signatures",
    }
    assert data["placeholders"] == [1, 1] and data["placeholders_added"] == 0


def test_without_sources_the_source_checks_are_unmeasured_not_zero() -> None:
    data = score_corpus(["a %s 1"], ["a 2"]).to_dict()
    assert [data[key] for key in SOURCE_CHECKS] == [None] * len(SOURCE_CHECKS)


SOURCE_CHECKS = (
    "placeholder_acc",
    "placeholders",
    "placeholders_added",
    "numbers_lost",
    "accelerators_lost",
)


def test_several_references_score_as_sacrebleu_scores_them() -> None:
    from sacrebleu.metrics import BLEU, CHRF, TER

    hyps = ["the cat sat on a mat", "hello there world"]
    refs = ["the cat sat on the mat", "hello world"]
    refs2 = ["a cat sat on a mat", "hello there, world"]
    scores = score_corpus(hyps, refs, more_references=[refs2])
    assert scores.bleu == BLEU().corpus_score(hyps, [refs, refs2]).score
    assert scores.chrf == CHRF().corpus_score(hyps, [refs, refs2]).score
    assert scores.ter == TER().corpus_score(hyps, [refs, refs2]).score
    assert scores.bleu > score_corpus(hyps, refs).bleu
    assert all(s.startswith("nrefs:2|") for s in scores.signatures.values())


@pytest.mark.parametrize(
    ("hyps", "refs", "srcs", "message"),
    [
        (["a", "b"], ["a"], None, "2 hypotheses but 1 references; they must align line by line"),
        (["a"], ["a"], ["x", "y"], "1 hypotheses but 2 sources"),
        ([], [], None, "no segments to score"),
    ],
)
def test_score_errors(
    hyps: list[str], refs: list[str], srcs: list[str] | None, message: str
) -> None:
    with pytest.raises(InputError, match=message):
        score_corpus(hyps, refs, srcs)


def test_read_lines(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeffeins\r\nzwei\n\ndrei".encode())
    assert read_lines(path) == ["eins", "zwei", "", "drei"]


def test_read_lines_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"hypothesis file not found: .*missing\.txt"):
        read_lines(tmp_path / "missing.txt", "hypothesis")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"ok\n\xff\xfe\n")
    with pytest.raises(
        InputError,
        match=r"bad\.txt:2:1: byte 0xff is not valid UTF-8; it looks like Windows-1252: "
        r"convert it: iconv -f CP1252 -t UTF-8 \S*bad\.txt > \S*bad-utf8\.txt$",
    ):
        read_lines(bad)


@pytest.mark.parametrize(
    ("hyps", "refs", "count"),
    [
        (["Größe", "café"], ["Größe", "café"], 0),
        (["Gro\u0308\u00dfe", "cafe\u0301"], ["Größe", "café"], 2),
        (["Größe", "plain"], ["Gro\u0308\u00dfe", "plain"], 1),
        (["Gro\u0308\u00dfe"], ["Gro\u0308\u00dfe"], 0),  # both NFD: alike
    ],
)
def test_normalization_mismatches(hyps: list[str], refs: list[str], count: int) -> None:
    assert normalization_mismatches(hyps, refs) == count

"""A fused output that follows a match's translation and stops before its end: when it lost the
tail, what it lost, and the outputs that did not."""

from __future__ import annotations

import pytest

from ltmt.lost_tails import LostTail, lost_tail
from ltmt.segments import Match, Segment


def _match(source: str, target: str, score: float = 99.2) -> Match:
    return Match(Segment(1, "u1", source, target, 0.0, "test"), score)


# the pharma trial's contraindication (s76): the match says section 6, the input section 2
SECTION_6 = _match(
    "Do not take Xarelto if you are allergic to rivaroxaban or any of the other ingredients of "
    "this medicine (listed in section 6).",
    "Xarelto darf nicht eingenommen werden, wenn Sie allergisch gegen Rivaroxaban oder einen der "
    "in Abschnitt 6. genannten sonstigen Bestandteile dieses Arzneimittels sind.",
)
SECTION_2 = SECTION_6.segment.source.replace("section 6", "section 2")
CUT = (
    "Xarelto darf nicht eingenommen werden, wenn Sie allergisch gegen Rivaroxaban oder einen der "
    "in Abschnitt 2."
)
SAVE = _match(
    "Save the file and close the window.",
    "Speichern Sie die Datei und schließen Sie das Fenster.",
    80.0,
)


def test_the_trials_cut_contraindication_lost_the_matchs_tail():
    assert lost_tail(SECTION_2, CUT, [SECTION_6]) == LostTail(
        SECTION_6, "genannten sonstigen Bestandteile dieses Arzneimittels sind."
    )


@pytest.mark.parametrize(
    ("source", "output", "read"),
    [
        # the whole sentence, its number changed
        (SECTION_2, SECTION_6.segment.target.replace("6.", "2."), [SECTION_6]),
        # the model's own wording: it follows no match
        (
            SECTION_2,
            "Lass Xarelto nicht Xarelto nehmen, wenn Sie allergisch zum Rivaroxaban oder anderen "
            "Zutaten dieser Medizin (z.B. im Abschnitt 2).",
            [SECTION_6],
        ),
        # the input leaves out what the match's end says: its output rightly stops early
        ("Save the file.", "Speichern Sie die Datei.", [SAVE]),
        # the words after the match's last one said are the output's own: changed, not lost
        (
            "Save the file and close the tab.",
            "Speichern Sie die Datei und schließen Sie den Tab.",
            [SAVE],
        ),
        # a German verb placed elsewhere: one word past the last said is no tail
        (
            "Save the file and close the window.",
            "Speichern Sie die Datei und das Fenster schließen Sie.",
            [SAVE],
        ),
        # no match read, an empty output
        (SECTION_2, CUT, []),
        (SECTION_2, "", [SECTION_6]),
    ],
)
def test_outputs_that_lost_no_tail(source: str, output: str, read: list[Match]) -> None:
    assert lost_tail(source, output, read) is None


def test_an_input_that_says_the_matchs_words_and_more_keeps_its_tail():
    source = "Save the file and close the window now."
    assert lost_tail(source, "Speichern Sie die Datei.", [SAVE]) == LostTail(
        SAVE, "und schließen Sie das Fenster."
    )


def test_the_match_whose_tail_was_lost_is_the_one_named():
    other = _match("Open the file.", "Öffnen Sie die Datei.", 60.0)
    found = lost_tail(SECTION_2, CUT, [other, SECTION_6])
    assert found is not None and found.match is SECTION_6


def test_a_long_output_is_read_in_linear_time():
    """Word lists, not a pattern over the text: a long run of one word and of punctuation."""
    long_match = _match("word " * 400, "Wort " * 400)
    assert lost_tail("word " * 400, "Wort " * 300, [long_match]) is not None
    longer = _match("word " * 2000, "Wort " * 2000)  # past MAX_WORDS: not judged
    assert lost_tail("word " * 2000, "Wort " * 1500, [longer]) is None
    assert lost_tail("(" * 20000, ")" * 20000, [SECTION_6]) is None


@pytest.mark.parametrize(
    ("source", "output", "match"),
    [
        # one English word, several German ones: the tail translates the word the input lacks
        # (the dev users' knn outputs, whole)
        (
            "%s has been replaced with an untailable file%s",
            "%s wurde durch eine nicht verfolgbare Datei%s ersetzt.",
            _match(
                "%s has been replaced with an untailable remote file",
                "%s wurde durch eine nicht verfolgbare Datei ersetzt, die auf einem anderen "
                "Rechner liegt",
            ),
        ),
        # the word lacked is copied by the target, but in the tail: its translation is there
        (
            "%.*s is not a valid attribute name",
            "'%.*s' ist kein gültiger Attributname",
            _match(
                "'%.*s' is not a valid remote name",
                "'%.*s' ist kein gültiger Name für ein Remote-Repository",
            ),
        ),
        # a short output that shares two words with a long translation followed none of it
        (
            "Report bugs to: %s\n",
            "Fehler melden an: %s\n",
            _match(
                "Report %s bugs to: %s\n",
                "Melden Sie Übersetzungsfehler an <translation-team-de@lists.sourceforge.net>,\n"
                "Programmfehler für %s dagegen (auf Englisch, mit LC_ALL=C) an <%s>.\n",
            ),
        ),
    ],
)
def test_a_tail_that_may_translate_what_the_input_changed_is_no_loss(
    source: str, output: str, match: Match
) -> None:
    assert lost_tail(source, output, [match]) is None


def test_an_input_that_changes_a_name_the_target_copies_keeps_the_tail():
    """The trial's variant with another trade name and INN: the names are copied, not the tail."""
    source = SECTION_2.replace("Xarelto", "Eliquis").replace("rivaroxaban", "apixaban")
    cut = CUT.replace("Xarelto", "Eliquis").replace("Rivaroxaban", "Apixaban")
    found = lost_tail(source, cut, [SECTION_6])
    assert found is not None and found.tail.startswith("genannten")


def test_an_exact_matchs_target_that_runs_on_is_no_lost_tail():
    """The dev benchmark's dpkg option tables: a line's match is its own source (100), its
    stored translation runs into the next line's (``… beziehen -l<changelog-Datei> …``); the
    output that follows the input stops rightly and was decoded again without memory."""
    source = "-c<control-file>         get control info from this file."
    target = (
        "-c<Steuerdatei> Steuerinformationen aus dieser Datei beziehen -l<changelog-Datei> "
        "pro-Version-Informationen"
    )
    output = "-c<Steuerdatei> Steuerinformationen aus dieser Datei holen"
    assert lost_tail(source, output, [_match(source, target, score=100.0)]) is None
    assert lost_tail(source, output, [_match(source, target)]) is not None

"""The copy guard: which fused outputs copy a match of other words, and what replaces them."""

from __future__ import annotations

import logging

import pytest

from ltmt.copy_guard import (
    GuardedCopies,
    WaryFusion,
    copied_match,
    guard_copies,
    guard_summary,
    lost_shape,
)
from ltmt.fusion.knn import WARY_DIFFERING_PENALTY, KnnConfig, KnnFusion
from ltmt.fusion.selection import MatchSelection
from ltmt.fusion.trained_knn import TrainedKnnFusion
from ltmt.model.backbone import load_backbone
from ltmt.segments import Match, Segment
from ltmt.translator import Translator


def _match(source: str, target: str, score: float = 80.0, id_: int = 1) -> Match:
    return Match(Segment(id_, "u1", source, target, 0.0, "test"), score)


COPY = "Mit einem Status beenden, der Misserfolg signalisiert."
RIGHT = "Mit einem Status beenden, der Erfolg signalisiert."
SUCCESS = "Exit with a status code indicating success."
FAILURE = _match("Exit with a status code indicating failure.", COPY)
DENIED = _match("Could not open %s", "%s konnte nicht geöffnet werden")
LIABILITY = _match(
    "The liability cap is EUR 10,000 per claim.",
    "Die Haftungshöchstgrenze beträgt EUR 10.000 je Anspruch.",
)


@pytest.mark.parametrize(
    ("text", "output", "read", "expected"),
    [
        # the match's translation, word for word, for an input that says something else
        (
            SUCCESS,
            COPY,
            [FAILURE],
            0,
        ),
        ("Could not open %s: denied", "%s konnte nicht geöffnet werden", [DENIED], 0),
        # spaces and line breaks folded before comparing
        ("Could not open %s: denied", "  %s konnte  nicht\ngeöffnet werden ", [DENIED], 0),
        # the second match read is the one copied
        ("Could not open %s: denied", "%s konnte nicht geöffnet werden", [FAILURE, DENIED], 1),
        # an output of its own is no copy
        (
            "Could not open %s: denied",
            "%s konnte nicht geöffnet werden: verweigert",
            [DENIED],
            None,
        ),
        # the input says a word of the match once more: a heading read into its sentence
        (
            "Liability The liability cap is EUR 10,000 per claim.",
            "Die Haftungshöchstgrenze beträgt EUR 10.000 je Anspruch.",
            [LIABILITY],
            0,
        ),
        # the input says the match's words: case and punctuation alone differ
        ("could not open %s!", "%s konnte nicht geöffnet werden", [DENIED], None),
        # a placeholder said once more is no word said once more (the dev benchmark's gnupg2
        # line was decoded again into "Datenbank: %s': %s'", session 75): the placeholder
        # guard's
        (
            "error opening TOFU database '%s': %s",
            "Fehler beim Öffnen der TOFU-Datenbank: %s",
            [
                _match(
                    "error opening TOFU database: %s", "Fehler beim Öffnen der TOFU-Datenbank: %s"
                )
            ],
            None,
        ),
        # a blank output copies nothing, even of a blank target
        ("Could not open %s: denied", " ", [_match("Could not open", " ")], None),
        ("Could not open %s: denied", "%s konnte nicht geöffnet werden", [], None),
    ],
)
def test_copied_match(text, output, read, expected):
    found = copied_match(text, output, read)
    assert found is (None if expected is None else read[expected])


class _Marker:
    """A fusion state the scripted translator recognises (never read: decoding is scripted)."""

    def __init__(self, kind: str) -> None:
        self.kind = kind


class _WaryScripted:
    """A fusion with wary settings whose decodes are scripted (see ``_Scripted``)."""

    name = "fake"

    def __init__(self) -> None:
        self.wary_inputs: list[list[str]] = []

    def selection_for(self, backbone):
        return MatchSelection()

    def prepare(self, backbone, sources, matches):
        return _Marker("first")

    def prepare_wary(self, backbone, sources, matches):
        self.wary_inputs.append(list(sources))
        return _Marker("wary")


class _Scripted(Translator):
    """Decodes to ``outputs[kind]``: ``first`` and ``wary`` with those states, ``plain``
    without memory."""

    def __init__(self, *args, outputs, **kwargs):
        super().__init__(*args, **kwargs)
        self.outputs = outputs

    def decode(self, batch, state=None):
        kind = "plain" if state is None else state.kind
        return [self.outputs[kind]] * len(batch)


class _Memory:
    """One user's memory that returns ``match`` for every input."""

    def __init__(self, match: Match) -> None:
        self.match = match

    def search_batch(self, user, texts, k=4):
        return [[self.match] for _ in texts]

    def users(self):
        return ["u1"]


@pytest.fixture(scope="module")
def backbone(tiny_model_dir):
    return load_backbone(tiny_model_dir)


def _scripted(backbone, match, fusion, *, first, wary, **options):
    """A scripted translator over a memory that finds ``match`` for every input."""
    outputs = {"plain": "Ohne Gedächtnis", "first": first, "wary": wary}
    return _Scripted(backbone, _Memory(match), fusion=fusion, outputs=outputs, **options)


def _translate(backbone, match, text, *, first, wary, **options):
    fusion = _WaryScripted()
    translator = _scripted(backbone, match, fusion, first=first, wary=wary, **options)
    [result] = translator.translate([text], user="u1")
    return result, fusion.wary_inputs


def test_a_copy_of_other_words_is_decoded_again_with_memory_trusted_less(backbone):
    result, wary = _translate(backbone, FAILURE, SUCCESS, first=COPY, wary=RIGHT)
    assert (result.text, result.method, result.copy_guarded) == (RIGHT, "fake", True)
    assert wary == [[SUCCESS]] and not result.copies_other_words


DASHBOARD = _match("It sends them to the dashboard.", "Es sendet sie an das Dashboard.")
ADDED = "It sends them to the dashboard and the mobile app."


def test_a_second_decode_that_copies_the_match_again_is_said_apart_not_replaced(backbone):
    """A technical writer's trial: the wary decode gave the match's translation again for a
    source that adds words to it; the translation was flagged ``copy_guarded`` and the summary
    said '1 decoded again after copying a match of other words': the added words lost silently."""
    result, wary = _translate(
        backbone, DASHBOARD, ADDED, first=DASHBOARD.segment.target, wary=DASHBOARD.segment.target
    )
    assert result.text == DASHBOARD.segment.target and wary == [[ADDED]]
    assert (result.copy_guarded, result.copies_other_words) == (False, True)


GUARDED = (
    "copy guard: {} fused outputs repeated a match of other words and were decoded again with "
    "memory trusted less; {} replaced"
)


@pytest.mark.parametrize(
    ("suspects", "replaced", "misshapen_kept", "expected"),
    [
        (2, 2, 0, GUARDED.format(2, 2)),  # every copy replaced: no others to speak of
        (3, 1, 2, GUARDED.format(3, 1) + " (2 kept: the second output lost its shape)"),
        (2, 1, 0, GUARDED.format(2, 1)),  # the other's fusion read no match the second time
        (2, 1, 1, GUARDED.format(2, 1) + " (1 kept: the second output lost its shape)"),
    ],
)
def test_guard_summary_names_the_copies_kept_only_where_there_are_some(
    suspects, replaced, misshapen_kept, expected
):
    assert guard_summary(suspects, replaced, misshapen_kept) == expected


def test_guard_summary_names_the_second_outputs_that_copied_again():
    assert guard_summary(3, 1, 1, 1) == GUARDED.format(3, 1) + (
        " (1 kept: the second output lost its shape)"
        " (1 kept: the second output copied a match of other words too; words their input adds "
        "may be missing)"
    )


def test_the_copy_guard_logs_what_it_replaced_and_what_it_kept(backbone, caplog):
    with caplog.at_level(logging.INFO, logger="ltmt.copy_guard"):
        _translate(backbone, FAILURE, SUCCESS, first=COPY, wary=RIGHT)
        _translate(
            backbone,
            DENIED,
            "Could not open %s: denied",
            first="%s konnte nicht geöffnet werden",
            wary="Konnte nicht geöffnet werden: verweigert",
        )
        target = DASHBOARD.segment.target
        _translate(backbone, DASHBOARD, ADDED, first=target, wary=target)
    assert [r.getMessage() for r in caplog.records if r.name == "ltmt.copy_guard"] == [
        GUARDED.format(1, 1),
        GUARDED.format(1, 0) + " (1 kept: the second output lost its shape)",
        GUARDED.format(1, 0) + " (1 kept: the second output copied a match of other words too; "
        "words their input adds may be missing)",
    ]


def test_an_output_of_its_own_is_not_decoded_again(backbone):
    result, wary = _translate(backbone, FAILURE, SUCCESS, first=RIGHT, wary="Erfolg")
    assert result.text == RIGHT and wary == [] and not result.copy_guarded


def test_a_second_decode_that_lost_a_placeholder_is_not_kept(backbone):
    result, wary = _translate(
        backbone,
        DENIED,
        "Could not open %s: denied",
        first="%s konnte nicht geöffnet werden",
        wary="Konnte nicht geöffnet werden: verweigert",
    )
    assert result.text == "%s konnte nicht geöffnet werden" and len(wary) == 1
    assert not result.copy_guarded  # decoded again, but the first output was kept
    assert result.copies_other_words  # a copy of other words all the same: to check


def test_a_second_decode_that_ran_on_is_not_kept(backbone):
    runaway = "%s konnte nicht geöffnet werden: " + "verweigert " * 20
    result, _ = _translate(
        backbone,
        DENIED,
        "Could not open %s: denied",
        first="%s konnte nicht geöffnet werden",
        wary=runaway,
    )
    assert result.text == "%s konnte nicht geöffnet werden"


PASSWORD = _match("Forgot your password?", "Passwort vergessen?", 71.4)
USERNAME = "Forgot your username?"
USERNAME_WARY = "Entfernen Sie Ihren Benutzernamen vergessen?"  # 45/22: just over twice


@pytest.mark.parametrize(
    ("source", "output", "lost"),
    [
        (USERNAME, "Passwort vergessen?", False),
        # more than twice a short input's length, saying nothing twice: German runs long
        (USERNAME, USERNAME_WARY, False),
        # more than twice, saying a word twice in a row or a word of the input more often
        (USERNAME, "Benutzernamen vergessen vergessen vergessen?", True),
        ("Cologne.", "Köln, Cologne, Cologne, Cologne", True),
        # stopped early, or lost a placeholder: lost whatever its length
        ("Could not open %s: denied", "%s", True),
        ("Could not open %s: denied", "Konnte nicht geöffnet werden: verweigert", True),
    ],
)
def test_lost_shape(source, output, lost):
    assert lost_shape(source, output) is lost


def test_a_copy_is_replaced_by_a_second_decode_over_twice_a_short_inputs_length(backbone):
    """The user trial's copy: the match's ``Passwort vergessen?`` for ``Forgot your
    username?`` was kept because the second decode was 2.05 times the input's length."""
    result, wary = _translate(
        backbone, PASSWORD, USERNAME, first="Passwort vergessen?", wary=USERNAME_WARY
    )
    assert (result.text, result.copy_guarded, wary) == (USERNAME_WARY, True, [[USERNAME]])


def test_the_copy_guard_can_be_switched_off(backbone):
    result, wary = _translate(backbone, FAILURE, SUCCESS, first=COPY, wary=RIGHT, copy_guard=False)
    assert result.text == COPY and wary == []


def test_a_fusion_without_wary_settings_is_left_alone(backbone):
    class Plain:
        name = "plain"

        def prepare(self, backbone, sources, matches):
            return _Marker("first")

    assert not isinstance(Plain(), WaryFusion)
    translator = _scripted(backbone, FAILURE, Plain(), first=COPY, wary="unused")
    [result] = translator.translate([SUCCESS], user="u1")
    assert result.text == COPY


def test_guard_copies_names_the_outputs_it_replaced(backbone):
    from ltmt.units import Unit

    translator = _scripted(backbone, FAILURE, _WaryScripted(), first="-", wary=RIGHT)
    texts = [SUCCESS, "Exit with failure"]
    units = [Unit(segment=i, text=text) for i, text in enumerate(texts)]
    outputs = [COPY, "Beenden"]
    guarded = guard_copies(
        translator, [0, 1], units, [[1, 2], [1, 2]], [(FAILURE,), (FAILURE,)], outputs
    )
    assert guarded == GuardedCopies(replaced={0}, still_copied=set())
    assert outputs == [RIGHT, "Beenden"]


def test_guard_copies_returns_apart_the_outputs_still_copied(backbone):
    from ltmt.units import Unit

    translator = _scripted(backbone, FAILURE, _WaryScripted(), first="-", wary=COPY)
    outputs = [COPY]
    guarded = guard_copies(
        translator, [0], [Unit(segment=0, text=SUCCESS)], [[1, 2]], [(FAILURE,)], outputs
    )
    assert guarded == GuardedCopies(replaced=set(), still_copied={0})
    assert outputs == [COPY]


@pytest.mark.parametrize(("workers", "wary_batches"), [(1, [[0, 3]]), (2, [[0], [3]])])
def test_the_copies_of_all_batches_are_decoded_again_together(backbone, workers, wary_batches):
    """In as few batches as ``batch_size`` allows, but no fewer than the workers."""
    fusion = _WaryScripted()
    translator = _scripted(
        backbone, FAILURE, fusion, first=COPY, wary=RIGHT, batch_size=2, workers=workers
    )
    # each first batch of two holds one copy (the inputs sort by length: the copies are the
    # first and last), and a line in the match's own words, which copies nothing (and ends
    # with its own final punctuation: ltmt.match_punctuation)
    texts = [
        "Exit with success.",
        "Exit with a status code indicating failure!",
        "EXIT with a status code indicating failure.",
        "Exit with a status code indicating success, then stop.",
    ]
    results = translator.translate(texts, user="u1")
    assert [r.copy_guarded for r in results] == [True, False, False, True]
    assert [r.text for r in results] == [RIGHT, COPY[:-1] + "!", COPY, RIGHT]
    # batches on two workers prepare in either order
    assert sorted(fusion.wary_inputs) == sorted([texts[i] for i in b] for b in wary_batches)


def test_knn_wary_settings_push_differing_entries_away_and_leave_the_end_to_the_model():
    wary = KnnConfig(tau=3.0, differing_penalty=0.5).wary()
    assert (wary.memory_eos, wary.differing_penalty, wary.tau) == (
        "none",
        WARY_DIFFERING_PENALTY,
        3.0,
    )
    assert KnnConfig(differing_penalty=5.0).wary().differing_penalty == 5.0


def test_knn_prepare_wary_reads_the_same_matches_with_the_wary_settings(tiny_backbone):
    fusion = KnnFusion()
    assert isinstance(fusion, WaryFusion)
    matches = [[_match("open the file", "Datei öffnen", 80.0)], []]
    state = fusion.prepare_wary(tiny_backbone, ["open the files", "hello"], matches)
    first = fusion.prepare(tiny_backbone, ["open the files", "hello"], matches)
    assert state is not None and first is not None
    assert state.config == fusion.config.wary() and first.config == fusion.config
    assert state.memory.differing is not None  # the penalty has the shares to read
    assert state.memory.keys.equal(first.memory.keys)
    assert [bool(x) for x in state.has_memory] == [True, False]
    assert fusion.prepare_wary(tiny_backbone, ["hello"], [[]]) is None


def test_trained_knn_prepare_wary_keeps_its_combiner(model_with_combiner):
    backbone = load_backbone(model_with_combiner)
    fusion = TrainedKnnFusion()
    matches = [[_match("open the file", "Datei öffnen", 80.0)]]
    state = fusion.prepare_wary(backbone, ["open the files"], matches)
    assert type(state).__name__ == "CombinerState"
    assert state.config == fusion.config.wary()
    assert fusion.prepare_wary(backbone, ["hello"], [[]]) is None


DRY = _match(
    "Keep Xarelto in a dry place away from light.",
    "Xarelto an einem trockenen Ort vor Licht geschützt aufbewahren.",
    90.0,
)


class _Unrepaired(_WaryScripted):
    """:class:`_WaryScripted` reading its matches as stored (``repair=false``, as the trial)."""

    def selection_for(self, backbone):
        return MatchSelection(repair=False)


def _translate_unrepaired(backbone, match, text, *, first, wary):
    fusion = _Unrepaired()
    translator = _scripted(backbone, match, fusion, first=first, wary=wary)
    [result] = translator.translate([text], user="u1")
    return result, fusion.wary_inputs


def test_a_second_decode_that_stopped_where_the_match_goes_on_is_not_kept(backbone):
    """The pharma trial (s76): the wary decode, the match's neighbours around the changed word
    pushed away, ended the sentence early (``... in Abschnitt 2.``) and replaced the whole copy;
    the copy is kept, said apart as one of other words."""
    text = "Keep Eliquis in a dry place away from light."
    cut = "Eliquis an einem trockenen."
    copy = DRY.segment.target
    result, wary = _translate_unrepaired(backbone, DRY, text, first=copy, wary=cut)
    assert result.text == copy and wary == [[text]]
    assert (result.copy_guarded, result.copies_other_words) == (False, True)
    # a whole second decode replaces the copy, as before
    whole = "Eliquis an einem trockenen Ort vor Licht geschützt aufbewahren."
    result, _ = _translate_unrepaired(backbone, DRY, text, first=copy, wary=whole)
    assert (result.text, result.copy_guarded) == (whole, True)

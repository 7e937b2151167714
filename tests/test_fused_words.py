"""A fused output that lost a word memory and model both write, or kept English the model
translates, is replaced by the model's own (ltmt.fused_words)."""

from __future__ import annotations

import logging

import pytest

from ltmt.fused_words import keeps_as_much_memory, suspect, worse_than_base
from ltmt.model.backbone import load_backbone
from ltmt.segments import Match, Segment
from ltmt.translator import Translator
from ltmt.word_tables import target_words


@pytest.fixture(scope="module")
def backbone(tiny_model_dir):
    return load_backbone(tiny_model_dir)


def _match(source: str, target: str, score: float = 80.0) -> Match:
    return Match(Segment(0, "u1", source, target, 0.0, "test"), score)


# made-up shapes of the trial's two lines: a memory whose translation says an adverb the fused
# output drops, and a product name a repair swapped for the line's English words
_GENTLY = _match(
    "Close the cover gently before moving the device.",
    "Schließen Sie die Abdeckung vor dem Transport des Geräts behutsam.",
)
_GUIDE = _match("Acme Z1 Quick Guide", "Acme Z1 Kurzanleitung")
_GENTLY_LINE = "Close the cover gently before moving the Acme Z2 scanner."
_GUIDE_LINE = "Open the Quick Guide for help."


@pytest.mark.parametrize(
    ("line", "output", "base", "read", "expected"),
    [
        # a word the match's translation and the model's write, which the output lost
        (
            _GENTLY_LINE,
            "Schließen Sie die Abdeckung vor dem Transport des Acme Z2-Scanner.",
            "Schließen Sie die Abdeckung behutsam, bevor Sie den Acme Z2-Scanner bewegen.",
            [_GENTLY],
            True,
        ),
        # the output says it: nothing lost
        (
            _GENTLY_LINE,
            "Schließen Sie die Abdeckung vor dem Transport des Acme Z2-Scanners behutsam.",
            "Schließen Sie die Abdeckung behutsam, bevor Sie den Acme Z2-Scanner bewegen.",
            [_GENTLY],
            False,
        ),
        # lost only words the model does not write (Geräts, for a word the line lacks)
        (
            _GENTLY_LINE,
            "Schließen Sie die Abdeckung vor dem Transport des Acme Z2-Scanner.",
            "Schließen Sie die Abdeckung, bevor Sie den Acme Z2-Scanner bewegen.",
            [_GENTLY],
            False,
        ),
        # a form of the word (a plural, a compound that holds it) is no loss
        (
            "Keep the guide.",
            "Bewahren Sie die Kurzanleitungen auf.",
            "Bewahren Sie die Kurzanleitung auf.",
            [_match("Keep this guide.", "Bewahren Sie diese Kurzanleitung auf.")],
            False,
        ),
        (
            "The intermediate certificate expired.",
            "Das Zwischenzertifikat ist abgelaufen.",
            "Das Zertifikat ist abgelaufen.",
            [_match("The certificate expired.", "Das Zertifikat ist abgelaufen.")],
            False,
        ),
        # English words of the line kept that the model translates
        (
            _GUIDE_LINE,
            "Open the Kurzanleitungen für Hilfe.",
            "Öffnen Sie die Kurzanleitung, um Hilfe zu erhalten.",
            [_GUIDE],
            True,
        ),
        # the model keeps the word too (in a compound): a word German takes as it is
        (
            "Shell settings",
            "Shell-Einstellungen",
            "Shelleinstellungen",
            [_match("Display settings", "Anzeigeeinstellungen")],
            False,
        ),
        # the memory's translation writes the word as it is
        (
            "Open the dashboard",
            "Dashboard öffnen",
            "Armaturenbrett öffnen",
            [_match("Dashboard view", "Dashboard-Ansicht")],
            False,
        ),
    ],
)
def test_a_fused_output_worse_than_the_models_own_is_found(
    line: str, output: str, base: str, read: list[Match], expected: bool
) -> None:
    assert worse_than_base(line, output, base, read, read) is expected
    if expected:  # what the model's own output proves was first suspect without it
        assert suspect(line, output, read, read)


@pytest.mark.parametrize(
    ("line", "output", "expected"),
    [
        # two words of the match's translation lost, one word of its source not in the line
        (_GENTLY_LINE, "Schließen Sie die Abdeckung vor dem Transport des Acme Z2-Scanner.", True),
        # one lost, one lacked: what the line does not say took it away
        (
            _GENTLY_LINE,
            "Schließen Sie die Abdeckung vor dem Transport des Scanners behutsam.",
            False,
        ),
        # a copy of the whole line is the fused-copy retry's
        (_GUIDE_LINE, _GUIDE_LINE, False),
    ],
)
def test_a_fused_output_is_suspect_where_it_lost_more_than_the_line_lacks(
    line: str, output: str, expected: bool
) -> None:
    assert suspect(line, output, [_GENTLY], [_GENTLY, _GUIDE]) is expected


@pytest.mark.parametrize(
    ("line", "output", "base"),
    [
        # German writes the noun with its capital: no English kept (a trial's 'Für Details
        # finden Sie die Gebrauchsanweisungen.' was replaced by '... die Instruktionen.')
        (
            "Read the Quick Guide for details.",
            "Für Details lesen Sie die Kurzanleitung.",
            "Für Einzelheiten lesen Sie die Kurzanleitung.",
        ),
        (
            "Switch off the monitor before moving it.",
            "Schalten Sie den Monitor aus, bevor Sie ihn bewegen.",
            "Schalte den Bildschirm aus, bevor du ihn bewegst.",
        ),
        # a word of German's word table, as English writes it (fast: almost)
        (
            "The battery drains fast when it is almost empty.",
            "Der Akku ist fast leer und entlädt sich schnell.",
            "Der Akku entlädt sich schnell, wenn er beinahe leer ist.",
        ),
    ],
)
def test_a_word_german_writes_too_is_no_english_kept(line: str, output: str, base: str) -> None:
    german = target_words("de")
    assert german is not None and "fast" in german
    read = [_GUIDE]  # its translation writes none of the words
    assert not suspect(line, output, read, read, german)
    assert not worse_than_base(line, output, base, read, read, german)


def test_english_kept_as_written_is_still_found() -> None:
    # the line's own words, case and all, that the model translates
    read, german = [_GUIDE], target_words("de") or frozenset()
    output, base = "Open the Kurzanleitungen für Hilfe.", "Öffnen Sie die Kurzanleitung."
    assert suspect(_GUIDE_LINE, output, read, read, german)
    assert worse_than_base(_GUIDE_LINE, output, base, read, read, german)


def test_english_a_repaired_match_wrote_is_no_memory_of_it() -> None:
    # a repair swapped the name for the line's words: the stored translation does not say them
    repaired = _match("Open the Quick Guide", "Open the Kurzanleitung")
    output, base = "Open the Kurzanleitung für Hilfe.", "Öffnen Sie die Kurzanleitung."
    assert worse_than_base(_GUIDE_LINE, output, base, [repaired], [_GUIDE])
    assert not worse_than_base(_GUIDE_LINE, output, base, [repaired], [repaired])


_CLOUD = _match("Send the file to the cloud.", "Senden Sie die Datei in die Cloud.")
_QUICK = _match(
    "Read the Quick Guide carefully before first use.",
    "Lesen Sie die Kurzanleitung vor dem ersten Gebrauch sorgfältig durch.",
)
_QUICK_LINE = "Read the Quick Guide carefully before using the Acme Z2 scanner."


@pytest.mark.parametrize(
    ("line", "output", "base", "match", "expected"),
    [
        # as many of the match's words (Transport for behutsam), no term lost
        (
            _GENTLY_LINE,
            "Schließen Sie die Abdeckung vor dem Transport des Acme Z2-Scanner.",
            "Schließen Sie die Abdeckung behutsam, bevor Sie den Acme Z2-Scanner bewegen.",
            _GENTLY,
            True,
        ),
        # fewer of the match's words (Senden, Cloud), the memory's Cloud lost
        (
            "Send the picture to the cloud.",
            "Senden Sie das Bild in die Cloud.",
            "Das Bild an die Wolke schicken.",
            _CLOUD,
            False,
        ),
        # the memory's Cloud kept
        (
            "Send the picture to the cloud.",
            "Bilden Sie das Bild in die Cloud.",
            "Senden Sie das Bild in die Cloud.",
            _CLOUD,
            True,
        ),
        # as many words (sorgfältig, durch for Lesen, Kurzanleitung), but the term the line
        # shares with the match in title case (Quick Guide: Kurzanleitung) lost
        (
            _QUICK_LINE,
            "Lesen Sie die Kurzanleitung vor dem Acme Z2-Scanner.",
            "Lassen Sie die Schnellführung sorgfältig durch, bevor Sie den Acme Z2-Scanner "
            "verwenden.",
            _QUICK,
            False,
        ),
        (
            _QUICK_LINE,
            "Lesen Sie die Kurzanleitung vor dem Acme Z2-Scanner.",
            "Lesen Sie die Kurzanleitung sorgfältig durch, bevor Sie den Acme Z2-Scanner "
            "verwenden.",
            _QUICK,
            True,
        ),
    ],
)
def test_the_models_own_output_must_keep_as_much_of_the_memory(
    line: str, output: str, base: str, match: Match, expected: bool
) -> None:
    assert keeps_as_much_memory(line, output, base, [match], [match]) is expected


def test_a_half_translated_output_s_count_of_memory_words_is_no_measure() -> None:
    # a dev user's 'cannot create file %s' fused on 'cannot stat file %s' kept 'create' and the
    # match's words for 'stat'; the model's own translates it
    stat = _match("cannot stat file %s", "Datei %s kann nicht abgefragt werden")
    line, output = "cannot create file %s", "Datei %s kann nicht mit create abgefragt werden"
    base = "Kann die Datei %s nicht erstellen"
    assert worse_than_base(line, output, base, [stat], [stat])
    assert keeps_as_much_memory(line, output, base, [stat], [stat])
    # but a term of the memory it kept still counts
    cloud_line = "Send the picture to the cloud with send."
    cloud_output = "Senden Sie das Bild mit send in die Cloud."
    assert not keeps_as_much_memory(
        cloud_line, cloud_output, "Schicken Sie das Bild an die Wolke.", [_CLOUD], [_CLOUD]
    )


class _Memory:
    """The made-up memory's one match for every line."""

    def search_batch(self, user, texts, k=4):
        return [[_GENTLY] for _ in texts]

    def users(self):
        return ["u1"]


class _AnyMatchFusion:
    """A fusion that reads every match (decoding is scripted)."""

    name = "fake"

    def prepare(self, backbone, sources, matches):
        return object()


class _ScriptedTranslator(Translator):
    """Writes ``fused[line]`` when fused, ``plain[line]`` without memory."""

    def __init__(self, *args, fused, plain, **kwargs):
        super().__init__(*args, **kwargs)
        self.fused, self.plain, self.texts = fused, plain, []

    def encode(self, texts, segments=None):  # an id that names the text
        self.texts += texts
        return [[len(self.texts) - len(texts) + n, 0] for n in range(len(texts))]

    def decode(self, batch, state=None):
        table = self.fused if state is not None else self.plain
        return [table[self.texts[ids[0]]] for ids in batch]


_PLAIN = "Schließen Sie die Abdeckung behutsam, bevor Sie den Acme Z2-Scanner bewegen."
_DROPPED = "Schließen Sie die Abdeckung vor dem Transport des Acme Z2-Scanner."
_KEPT = "Schließen Sie die Abdeckung vor dem Transport des Acme Z2-Scanners behutsam."


@pytest.mark.parametrize(
    ("fused", "plain", "expected", "method", "replaced"),
    [
        # the adverb dropped: the model's own output
        (_DROPPED, _PLAIN, _PLAIN, "model", 1),
        # the adverb kept: the fused output stays, not asked (it lost no more of the match's
        # words than the line lacks: Geräts)
        (_KEPT, _PLAIN, _KEPT, "fake", None),
        # the model's own writes the adverb but keeps fewer of the match's words: asked, kept
        (
            _DROPPED,
            "Den Deckel behutsam zu, bevor Sie den Acme Z2-Scanner bewegen.",
            _DROPPED,
            "fake",
            0,
        ),
    ],
)
def test_a_fused_line_that_lost_a_word_is_translated_as_without_memory(
    backbone, caplog, fused: str, plain: str, expected: str, method: str, replaced: int | None
) -> None:
    translator = _ScriptedTranslator(
        backbone,
        _Memory(),
        fusion=_AnyMatchFusion(),
        fused={_GENTLY_LINE: fused},
        plain={_GENTLY_LINE: plain},
    )
    with caplog.at_level(logging.INFO, logger="ltmt.fused_words"):
        [result] = translator.translate([_GENTLY_LINE], user="u1")
    assert (result.text, result.method) == (expected, method)
    logged = [message for message in caplog.messages if message.startswith("fused word")]
    assert logged == (
        []
        if replaced is None
        else [
            f"fused word losses: 1 fused lines decoded again without memory, {replaced} replaced "
            "for a word lost that memory and model write or English kept that the model translates"
        ]
    )

"""A fused output that lost a word memory and model both write, or kept English the model
translates, is replaced by the model's own (ltmt.fused_words)."""

from __future__ import annotations

import logging

import pytest

from ltmt.fused_words import suspect, worse_than_base
from ltmt.model.backbone import load_backbone
from ltmt.segments import Match, Segment
from ltmt.translator import Translator


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


def test_english_a_repaired_match_wrote_is_no_memory_of_it() -> None:
    # a repair swapped the name for the line's words: the stored translation does not say them
    repaired = _match("Open the Quick Guide", "Open the Kurzanleitung")
    output, base = "Open the Kurzanleitung für Hilfe.", "Öffnen Sie die Kurzanleitung."
    assert worse_than_base(_GUIDE_LINE, output, base, [repaired], [_GUIDE])
    assert not worse_than_base(_GUIDE_LINE, output, base, [repaired], [repaired])


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


@pytest.mark.parametrize(
    ("fused", "expected", "method"),
    [
        # the adverb dropped: the model's own output
        (
            "Schließen Sie die Abdeckung vor dem Transport des Acme Z2-Scanner.",
            "Schließen Sie die Abdeckung behutsam, bevor Sie den Acme Z2-Scanner bewegen.",
            "model",
        ),
        # the adverb kept: the fused output stays
        (
            "Schließen Sie die Abdeckung vor dem Transport des Acme Z2-Scanners behutsam.",
            "Schließen Sie die Abdeckung vor dem Transport des Acme Z2-Scanners behutsam.",
            "fake",
        ),
    ],
)
def test_a_fused_line_that_lost_a_word_is_translated_as_without_memory(
    backbone, caplog, fused: str, expected: str, method: str
) -> None:
    plain = "Schließen Sie die Abdeckung behutsam, bevor Sie den Acme Z2-Scanner bewegen."
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
    if method == "model":
        assert logged == [
            "fused word losses: 1 fused lines decoded again without memory, 1 replaced for a "
            "word lost that memory and model write or English kept that the model translates"
        ]
    else:  # it lost no more of the match's words than the line lacks (Geräts): not asked
        assert logged == []

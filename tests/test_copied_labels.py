"""Labels in title case the model copied (Settings), decoded again in lower case; names kept;
fused copies of English words decoded again without memory."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from ltmt.copied_labels import (
    as_label,
    copied,
    mangled_words,
    retry_copied_labels,
    unbacked_copy,
)
from ltmt.model.backbone import load_backbone
from ltmt.segments import Match, Segment
from ltmt.translator import Translator
from ltmt.units import Unit
from ltmt.word_tables import target_words


@pytest.fixture(scope="module")
def backbone(tiny_model_dir):
    return load_backbone(tiny_model_dir)


def _match(source: str, target: str, score: float = 52.0) -> Match:
    return Match(Segment(0, "u1", source, target, 0.0, "test"), score)


@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        ("einstellungen", "Settings", "Einstellungen"),
        ("ja", "Yes", "Ja"),
        ("%s öffnen", "Open %s", "%s Öffnen"),  # the first letter outside placeholders
        ("öffnen", "%s open", "öffnen"),
        ("öffnen", "open", "öffnen"),
    ],
)
def test_the_translation_gets_the_lines_first_capital(text: str, line: str, expected: str) -> None:
    assert as_label(text, line) == expected


@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        # my_file.txt (a tag for the model) starts the translation: "öffnen" is no first word
        ("<x/> öffnen", "Open <x/>", "<x/> öffnen"),
        ("<x1/> in <x2/> umbenennen", "Rename <x1/> to <x2/>", "<x1/> in <x2/> umbenennen"),
        # a German noun keeps the capital the model gave it
        ("<x/> Datei", "Open <x/>", "<x/> Datei"),
        # a word first, the tag later: capitalised as before
        ("datei <x/> öffnen", "Open <x/>", "Datei <x/> öffnen"),
        # the line starts with the tag too (a markup tag before its words): the word after it
        ("<x/>öffnen", "<x/>Open", "<x/>Öffnen"),
    ],
)
def test_a_word_after_a_kept_word_that_starts_the_translation_is_not_capitalised(
    text: str, line: str, expected: str
) -> None:
    assert as_label(text, line) == expected


def test_copied_ignores_case_and_spaces() -> None:
    assert copied("Settings", " settings ")
    assert not copied("Settings", "Einstellungen")
    # the model writes a plain space for a no-break one (Firefox's "Learn\u00a0More")
    assert copied("Learn\u00a0More", "Learn More")
    # a sign set apart is still a copy (Qt's "&Open..." came back "&Open ...")
    assert copied("Open...", "Open ...")
    assert copied("&Open...", "& Open ...")
    assert not copied("Open...", "Öffnen ...")
    assert not copied("Log out", "Logout")


@pytest.mark.parametrize(
    ("text", "line", "mangled"),
    [
        ("Quue", "Queue", ["quue"]),  # nearly the English word
        ("Subcribe", "Subscribe", ["subcribe"]),
        ("Spm", "Spam", ["spm"]),
        # an English word written again as it is: German keeps some (PIN, Push, Reset)
        ("Ungültiger PIN", "Bad PIN", []),
        ("Schnell-forward", "Fast-forward", []),
        ("Beispiel: 2006-08-14T02:34", "Example: 2006-08-14T02:34", []),
        # German words, like the English ones or not
        ("Typ", "Type", []),
        ("Lizenzen", "Licenses", []),
        ("Synchronisation", "Synchronization", []),
        ("Einstellungen", "Settings", []),
        # a name is no English word of the table: written again, it is no fault
        ("AntennaPod bewerten", "Rate AntennaPod", []),
        ("%s öffnen", "Open %s", []),  # placeholders are not words
    ],
)
def test_a_translation_that_misspells_an_english_word_is_found(
    text: str, line: str, mangled: list[str]
) -> None:
    assert mangled_words(text, line, target_words("de") or frozenset()) == mangled


@pytest.mark.parametrize(
    ("line", "output", "read", "expected"),
    [
        # a weak match of other words: the copy is the fusion's doing
        ("Introduction", "Introduction", [_match("Description", "Beschreibung")], True),
        ("Getting started", "getting started", [_match("Restart", "Neustart")], True),
        # a translation is no copy
        ("Introduction", "Einführung", [_match("Description", "Beschreibung")], False),
        # a match that writes the words as they are backs the copy
        ("Dashboard", "Dashboard", [_match("Dashboard view", "Dashboard-Ansicht")], False),
        # a name stays as written
        ("CloudSync", "CloudSync", [_match("Sync", "Abgleich")], False),
        ("%s", "%s", [_match("%d", "%d")], False),  # no words
    ],
)
def test_a_fused_copy_of_english_words_no_match_backs_is_found(
    line: str, output: str, read: list[Match], expected: bool
) -> None:
    assert unbacked_copy(line, output, lambda: read) is expected


class _WeakMemory:
    """One weak match of other words for every line (``Description`` at 52)."""

    def search_batch(self, user, texts, k=4):
        return [[_match("Description", "Beschreibung")] for _ in texts]

    def users(self):
        return ["u1"]


class _AnyMatchFusion:
    """A fusion that reads every match (decoding is scripted)."""

    name = "fake"

    def prepare(self, backbone, sources, matches):
        return object()


class _FusionCopyingTranslator(Translator):
    """Copies its line when fused (as a weak match made the shipped model copy headings), else
    looks it up."""

    def __init__(self, *args, words, **kwargs):
        super().__init__(*args, **kwargs)
        self.words, self.texts = words, []

    def encode(self, texts, segments=None):  # an id that names the text
        self.texts += texts
        return [[len(self.texts) - len(texts) + n, 0] for n in range(len(texts))]

    def decode(self, batch, state=None):
        texts = [self.texts[ids[0]] for ids in batch]
        return texts if state is not None else [self.words.get(text, text) for text in texts]


@pytest.mark.parametrize(
    ("line", "retry", "expected", "method"),
    [
        ("Introduction", True, "Einführung", "model"),  # as without memory
        ("Introduction", False, "Introduction", "fake"),
        ("CloudSync", True, "CloudSync", "model"),  # a name: kept as written, not decoded
        # as without memory, the title-case retry included
        ("Settings", True, "Einstellungen", "model"),
    ],
)
def test_a_line_fusion_copied_is_translated_as_without_memory(
    backbone, line: str, retry: bool, expected: str, method: str
) -> None:
    words = {"Introduction": "Einführung", "CloudSync": "CloudSync-Abgleich"}
    words |= {"settings": "einstellungen"}
    translator = _FusionCopyingTranslator(
        backbone, _WeakMemory(), fusion=_AnyMatchFusion(), words=words, label_retry=retry
    )
    [result] = translator.translate([line], user="u1")
    assert (result.text, result.method) == (expected, method)


class _LowerCaseDecoder:
    """The slice of a Translator that the title-case retry calls: a model held in memory."""

    source_language = "en"

    backbone = SimpleNamespace(path=None)

    def decode_texts(self, texts, segments):
        return [{"item 1": "objekt 1"}.get(text, text) for text in texts]


def test_a_copied_label_translated_again_is_counted_once_at_debug(caplog) -> None:
    # session 70: "1 lines in title case came back as written, 1 translated ..." was logged at
    # INFO on every call for translate(["Item 1"]), one line reading as two
    outputs = ["Item 1"]
    with caplog.at_level("DEBUG", logger="ltmt.copied_labels"):
        replaced = retry_copied_labels(_LowerCaseDecoder(), [Unit(0, "Item 1")], outputs, ())
    assert (replaced, outputs) == ({0}, ["Objekt 1"])
    assert [(r.levelname, r.getMessage()) for r in caplog.records] == [
        (
            "DEBUG",
            "copied labels: 1 line in title case came back as written: 1 translated in lower "
            "case, 0 kept as written (0 for an English word the translation misspelt)",
        )
    ]

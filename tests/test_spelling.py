"""ltmt.spelling: words no dictionary knows, checked with the system's real Hunspell German
dictionary through Enchant (``.ci/run`` installs ``libenchant-2-2`` and ``hunspell-de-de``)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from types import SimpleNamespace
from typing import ClassVar

import pytest

from ltmt import spelling
from ltmt.spelling import dictionary_for, enchant_tag, words_of

GERMAN = dictionary_for("de")
needs_german = pytest.mark.skipif(
    GERMAN is None, reason="needs pyenchant, libenchant-2-2 and hunspell-de-de"
)


@pytest.mark.parametrize(
    ("language", "installed", "expected"),
    [
        ("de", ["de_AT", "de_DE", "en_US"], "de_DE"),
        ("de-AT", ["de_AT", "de_DE"], "de_AT"),
        ("de_CH", ["de_AT", "de_DE"], "de_DE"),
        ("en", ["en", "en_GB", "en_US"], "en"),
        ("pt", ["pt_BR"], "pt_BR"),
        ("fr", ["de_DE", "en_US"], None),
        ("deu", ["de_AT", "de_DE"], "de_DE"),  # memoQ's code: was no dictionary
        ("ger-AT", ["de_AT", "de_DE"], "de_AT"),
        ("zh-Hant-TW", ["zh_CN", "zh_TW"], "zh_CN"),
    ],
)
def test_the_dictionary_of_a_language_is_its_regions_or_its_main_one(language, installed, expected):
    assert enchant_tag(language, installed) == expected


def test_no_dictionary_for_a_language_none_is_installed_for():
    assert dictionary_for("xx") is None
    assert dictionary_for("") is None


@needs_german
@pytest.mark.parametrize(
    ("text", "source", "unknown"),
    [
        # what the shipped model wrote for held-out GNOME labels
        ("Kategories", "Categories", ["Kategories"]),
        ("Hilfsant", "Assistant", ["Hilfsant"]),
        # an English word the source does not have
        ("Den path angeben", "Specify the directory", ["path"]),
        ("Die Spekifikationen sind Dokokuments", "", ["Spekifikationen", "Dokokuments"]),
        # a word cut short is no English word with an ending
        ("Vertika", "Vertical", ["Vertika"]),
        # right: words, compounds the dictionary does not list, a linking s
        ("Eigenschaften", "Properties", []),
        ("Notizliste", "Note list", []),
        ("Präsentationsmodus", "Presentation mode", []),
        # ltmt's table of the training catalogs' German words
        ("Metadaten", "Metadata", []),
        # the source's words, with a German ending too
        ("Commits anzeigen", "Show commits", []),
        ("Repositories", "repository", []),
        ("WebSQL-Datenbanken", "WebSQL databases", []),
        # not checked: short words, capitals, a capital inside, placeholders, markup, URLs
        ("Mi, Do", "Wed, Thu", []),
        ("PDF öffnen", "Open the PDF", []),
        ("OpenPGP-Schlüssel", "Keys", []),
        ("<b>%s</b> auf https://exampel.org/Fehlr", "%s", []),
        # nor what is left of a tag of the source's that the translation garbled
        ("<size=120 %>Stufe erreicht!</size>", "<size=120%>Level up!</size>", []),
        # each part of a hyphenated word alone; an accelerator's marker left out
        ("HSTS-Ppolitiken", "HSTS policies", ["Ppolitiken"]),
        ("Ö_ffnen", "_Open", []),
        # a first part with its linking s (Zendesk trial: 'Abrechnungs' was unknown); not a last
        ("Abrechnungs-Seite", "Billing page", []),
        ("Seite-Abrechnungs", "", ["Abrechnungs"]),
        ("&Datei", "&File", []),
        # an abbreviation with its full stop (medical trial, session 63: 'Okt' was unknown)
        ("Gültig bis 30. Okt. 2026", "Expires Oct. 30, 2026", []),
        ("Feb., Nov. und Dez. bzw. ggf. inkl. MwSt.", "", []),
        ("Okt 2026", "", ["Okt"]),
        # each unknown word once, in order
        ("Lokation, Lokation und Mesage", "", ["Lokation", "Mesage"]),
    ],
)
def test_unknown_words(text, source, unknown):
    assert GERMAN is not None
    assert GERMAN.unknown_words(text, source) == unknown


@needs_german
def test_words_the_caller_accepts_pass():
    assert GERMAN is not None
    assert GERMAN.unknown_words("Kategories anzeigen", "Show categories") == ["Kategories"]
    accepted = words_of(["Kategories anzeigen"])
    assert GERMAN.unknown_words("Kategories anzeigen", "Show categories", accepted) == []


@needs_german
def test_the_dictionary_names_itself_and_is_safe_across_threads():
    assert GERMAN is not None
    assert GERMAN.name == "de_DE (hunspell)"
    words = [f"Wort{n}x" for n in range(200)] + ["Schließen"] * 200
    results: list[list[bool]] = []

    def check() -> None:
        results.append([GERMAN.knows(word) for word in words])

    threads = [threading.Thread(target=check) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 4 and all(result == results[0] for result in results)
    assert results[0][-1] and not results[0][0]


@needs_german
def test_the_users_personal_word_list_is_neither_read_nor_written(tmp_path):
    """ltmt translate wrote de_DE.dic and de_DE.exc into ~/.config/enchant, and a word the user
    had added there (Lokation) passed qa's spelling check. (A process of its own: Enchant's
    broker keeps the dictionaries it gave out.)"""
    personal = tmp_path / "config" / "enchant"
    personal.mkdir(parents=True)
    (personal / "de_DE.dic").write_text("Lokation\n", "utf-8")
    check = (
        "import os; from ltmt.spelling import dictionary_for; "
        "print(dictionary_for('de').unknown_words('Die Lokation der Datei'), "
        "os.environ['ENCHANT_CONFIG_DIR'])"
    )
    environment = {
        **os.environ,
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "ENCHANT_CONFIG_DIR": str(personal),
    }
    done = subprocess.run(
        [sys.executable, "-c", check], env=environment, capture_output=True, text=True, check=True
    )
    assert done.stdout == f"['Lokation'] {personal}\n"  # the variable as it was, after
    assert sorted(p.name for p in personal.iterdir()) == ["de_DE.dic"]  # nothing written


class RecordingBroker:
    """An Enchant broker that records the configuration folder it is made and asked in."""

    seen: ClassVar[list[tuple[str, str | None]]] = []

    def __init__(self) -> None:
        self.seen.append(("broker", os.environ.get("ENCHANT_CONFIG_DIR")))

    def list_languages(self) -> list[str]:
        return ["de_DE", "fr_FR"]

    def request_dict(self, tag: str) -> SimpleNamespace:
        self.seen.append((tag, os.environ.get("ENCHANT_CONFIG_DIR")))
        return SimpleNamespace(provider=SimpleNamespace(name="recorded"))


@pytest.mark.parametrize("personal", [None, "/home/u/.config/enchant"])
def test_one_broker_a_process_made_and_asked_without_the_personal_lists(monkeypatch, personal):
    """Each language's lookup made a broker of its own; Enchant reads ENCHANT_CONFIG_DIR both
    when a broker is made and when a dictionary is requested, so both see ltmt's empty folder,
    and the variable is as it was after (unset, or the user's)."""
    monkeypatch.setitem(sys.modules, "enchant", SimpleNamespace(Broker=RecordingBroker))
    monkeypatch.setattr(RecordingBroker, "seen", [])
    if personal is None:
        monkeypatch.delenv("ENCHANT_CONFIG_DIR", raising=False)
    else:
        monkeypatch.setenv("ENCHANT_CONFIG_DIR", personal)
    dictionary_for.cache_clear()
    spelling._broker.cache_clear()
    try:
        dictionaries = [dictionary_for(language) for language in ("de", "fr-FR")]
    finally:
        dictionary_for.cache_clear()
        spelling._broker.cache_clear()
    assert [found.tag for found in dictionaries if found] == ["de_DE", "fr_FR"]
    assert [what for what, _ in RecordingBroker.seen] == ["broker", "de_DE", "fr_FR"]
    assert all("ltmt-enchant-" in (folder or "") for _, folder in RecordingBroker.seen)
    assert os.environ.get("ENCHANT_CONFIG_DIR") == personal

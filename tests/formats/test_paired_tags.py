"""Paired XLIFF codes and markup elements: taken out for the model, put back around their words."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ltmt.formats.paired_tags import (
    kept_as_written,
    pairs_over_terms,
    place_pairs,
    strip_pairs,
    without_tags,
)
from ltmt.formats.pipeline import translate_file
from ltmt.formats.unit_translation import TranslatorFn
from ltmt.segments import Match, Segment, Translation
from ltmt.terminology.terms import Term

XLIFF20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="de">
 <file id="f1">
  <unit id="u1"><segment><source>Open <pc id="1">the file</pc> now</source></segment></unit>
  <unit id="u2"><segment><source>Press <ph id="1"/> to continue.</source></segment></unit>
 </file>
</xliff>
"""
XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="a" source-language="en" target-language="de" datatype="plaintext"><body>
  <trans-unit id="u1"><source>Open <g id="1">the file</g> now</source></trans-unit>
 </body></file>
</xliff>
"""
# A model that knows these segments only: a tagged segment would come out garbled.
DICTIONARY = {
    "Open the file now": "Öffnen Sie jetzt die Datei",
    "the file": "die Datei",
    'Press <x id="1"/> to continue.': 'Drücken Sie <x id="1"/>, um fortzufahren.',
}


def dictionary_model(texts: list[str], prefer: list[dict]) -> list[str]:
    return [DICTIONARY.get(text, text.replace(" ", "")) for text in texts]


def _placed(source: str, translation: str, inner: list[str]) -> str:
    """``source``'s pairs put back into ``translation`` (``inner``: their texts translated)."""
    paired = strip_pairs(source)
    assert paired is not None
    return place_pairs(paired, translation, inner)


def _stripped(source: str) -> tuple[str, list[tuple[str, str, str]]]:
    """``source``'s text for the model, and its pairs as (opening, inner, closing)."""
    paired = strip_pairs(source)
    assert paired is not None
    return paired.text, [(p.opening, p.inner, p.closing) for p in paired.pairs]


def test_strip_pairs_keeps_self_closing_codes() -> None:
    source = 'Click <g id="1">Save</g> to keep <x id="2"/> your <pc id="3">changes</pc>.'
    assert _stripped(source) == (
        'Click Save to keep <x id="2"/> your changes.',
        [('<g id="1">', "Save", "</g>"), ('<pc id="3">', "changes", "</pc>")],
    )


def test_markup_elements_with_attributes_are_pairs_too() -> None:
    source = (
        'A <label data-l10n-name="who">{ vendor }</label> of <b>all</b> '
        '<a href="https://x.org/?a=1">people</a>, <img data-l10n-name="icon"/> <b class="k">now</b>'
    )
    # { vendor } is a placeholder (a Fluent placeable): the element holding only it is one
    assert _stripped(source) == (
        'A <ph id="ltmt-1"/> of all people, <img data-l10n-name="icon"/> now',
        [
            ('<label data-l10n-name="who">', "{ vendor }", "</label>"),
            ("<b>", "all", "</b>"),  # an element named as one with attributes is
            ('<a href="https://x.org/?a=1">', "people", "</a>"),
            ('<b class="k">', "now", "</b>"),
        ],
    )


def test_markup_elements_without_attributes_are_pairs_and_code_is_kept() -> None:
    """The model left the words inside plain markup in English (``<strong>always</strong>``),
    so it is taken apart too; the text of code elements is kept as written."""
    paired = strip_pairs("You can <strong>always</strong> run <code>git gc</code> later.")
    assert paired is not None
    assert paired.text == 'You can always run <ph id="ltmt-v1"/> later.'
    assert paired.to_translate == ["always"]
    placed = place_pairs(paired, 'Sie können <ph id="ltmt-v1"/> immer später ausführen.', ["immer"])
    assert placed == "Sie können <code>git gc</code> <strong>immer</strong> später ausführen."
    assert strip_pairs("a <b>bold</b> and <b>broken") is None  # unbalanced: left to the model
    # code inside other markup is taken out first, whatever happens to the rest
    nested = strip_pairs('<a href="u"><i>Read about <code>git log</code></i></a>')
    assert nested is not None
    assert nested.text == 'Read about <ph id="ltmt-v1"/>'  # the link around all of it: taken off
    assert nested.wrapper == ('<a href="u"><i>', "</i></a>") and nested.to_translate == []
    assert strip_pairs("<b><i>a</i> <code>x</code></b>") is not None  # nested: the code alone
    # markup inside code is kept with it (the model translated a linked element's name)
    linked = strip_pairs('Use <code><a href="u">xsl:stylesheet</a></code> first.')
    assert linked is not None and linked.text == 'Use <ph id="ltmt-v1"/> first.'
    assert linked.to_translate == []
    android = strip_pairs('Welcome to <xliff:g id="app">Google Maps</xliff:g>!')  # never translated
    assert android is not None and android.to_translate == []
    assert strip_pairs("2 < 3 and 4 > 1") is None


@pytest.mark.parametrize(
    ("source", "text", "translation", "expected"),
    [
        (
            "To open the shortcut list, press <kbd>Ctrl</kbd>+<kbd>/</kbd>.",
            'To open the shortcut list, press <ph id="ltmt-v1"/>.',
            'Drücken Sie <ph id="ltmt-v1"/>.',
            "Drücken Sie <kbd>Ctrl</kbd>+<kbd>/</kbd>.",
        ),
        (
            "Press <kbd>Ctrl</kbd> + <kbd>S</kbd> or <kbd>Esc</kbd>.",
            'Press <ph id="ltmt-v1"/> or <ph id="ltmt-v2"/>.',
            'Drücken Sie <ph id="ltmt-v1"/> oder <ph id="ltmt-v2"/>.',
            "Drücken Sie <kbd>Ctrl</kbd> + <kbd>S</kbd> oder <kbd>Esc</kbd>.",
        ),
    ],
)
def test_keys_joined_by_plus_are_one_code(
    source: str, text: str, translation: str, expected: str
) -> None:
    """A key combination's ``<kbd>`` elements are one token: as two side by side
    (``press <ph id="ltmt-v1"/>+<ph id="ltmt-v2"/>``) the model garbled their ids, and a
    Zendesk callout was left wholly English, "could not be repaired"."""
    paired = strip_pairs(source)
    assert paired is not None and paired.text == text
    assert paired.to_translate == []
    assert place_pairs(paired, translation, []) == expected


def test_pairs_stacked_with_nothing_between_their_tags_are_one_pair() -> None:
    """Sphinx's ``<a class="reference internal"><span class="std std-ref">`` and DocBook's
    ``<span class="emphasis"><i>``: the two tags go around the same words."""
    paired = strip_pairs('Read <a href="x"><em>the guide</em></a> and <b>this</b>.')
    assert paired is not None and paired.text == "Read the guide and this."
    assert [(p.opening, p.closing, p.inner) for p in paired.pairs] == [
        ('<a href="x"><em>', "</em></a>", "the guide"),
        ("<b>", "</b>", "this"),
    ]
    placed = place_pairs(paired, "Lesen Sie die Anleitung und dies.", ["die Anleitung", "dies"])
    assert placed == 'Lesen Sie <a href="x"><em>die Anleitung</em></a> und <b>dies</b>.'
    protected = strip_pairs('<span class="notranslate"><b>Brand</b></span> is great')
    assert protected is not None and protected.text == '<ph id="ltmt-1"/> is great'


@pytest.mark.parametrize(
    ("source", "kept"),
    [
        # DocBook marks code by a class: kept as written, with the markup inside it
        ('Run <span class="command"><strong>xsltproc</strong></span> first.',
         '<span class="command"><strong>xsltproc</strong></span>'),
        ('Set <em class="parameter"><code>x</code></em> now.',
         '<em class="parameter"><code>x</code></em>'),
        # a code element inside a pair marked not to translate comes back inside it, once
        ('Set <span class="notranslate"><code>x</code></span> now.',
         '<span class="notranslate"><code>x</code></span>'),
    ],
)  # fmt: skip
def test_a_pair_of_a_code_class_is_kept_as_written_with_what_it_holds(
    source: str, kept: str
) -> None:
    paired = strip_pairs(source)
    assert paired is not None and paired.to_translate == []
    assert paired.text.count("<ph ") == 1
    translated = paired.text.replace("Run", "Führen Sie").replace("Set", "Setze")
    assert place_pairs(paired, translated, []).count(kept) == 1
    assert kept_as_written(kept[: kept.index(">") + 1])


def test_a_stage_directions_stars_are_no_emphasis() -> None:
    """``*laughs* And I'm always right.`` came out ``und ich *lache* immer recht.``: the stars
    were a reST emphasis set aside and placed again in the sentence (a game VO trial's); the
    translator sets the direction apart itself (:mod:`ltmt.stage_directions`)."""
    assert strip_pairs("*laughs* And I'm always right.") is None
    paired = strip_pairs("*laughs* And *never* wrong.")
    assert paired is not None and paired.text == "*laughs* And never wrong."


def test_a_pair_around_no_word_stays_as_written() -> None:
    """An index's letters (``<b>A</b>``): the model translated ``A`` alone as ``Ein``."""
    paired = strip_pairs('<a href="#A"><b>A</b></a> and <a href="#B"><b>Bees</b></a>')
    assert paired is not None and paired.to_translate == ["Bees"]
    assert paired.text == '<ph id="ltmt-1"/> and Bees'


@pytest.mark.parametrize(
    ("source", "kept"),
    [
        ("Are you sure you want to delete <strong>%s</strong>?", "<strong>%s</strong>"),
        ("Enter a password for <strong>%(username)s</strong>.", "<strong>%(username)s</strong>"),
        ('Open <g id="1">{fileName}</g> now', '<g id="1">{fileName}</g>'),
        ('Go to <a href="%1$s">%2$s</a> now', '<a href="%1$s">%2$s</a>'),
        ("You have <b>{0}</b> unread messages.", "<b>{0}</b>"),
    ],
)
def test_a_pair_around_a_placeholder_or_number_alone_is_kept_whole(source: str, kept: str) -> None:
    """The model moved a ``<strong>`` around ``%s`` alone over the words beside it (``dass Sie
    <strong>%s löschen möchten</strong>?``): such a pair is one placeholder for it."""
    paired = strip_pairs(source)
    assert paired is not None and paired.to_translate == []
    assert paired.text == source.replace(kept, '<ph id="ltmt-1"/>')
    placed = place_pairs(paired, 'Sind Sie sicher, dass Sie <ph id="ltmt-1"/> löschen?', [])
    assert placed == f"Sind Sie sicher, dass Sie {kept} löschen?"


@pytest.mark.parametrize(
    "source",
    [
        "<b>%d</b> drafts were saved.",
        "You have <b>{count}</b> drafts.",
        "Found <b>%(n)d</b> drafts.",
        "Delete <b>{0}</b> files?",
        "It weighs <b>42</b> kg",
    ],
)
def test_a_pair_around_a_count_alone_is_left_to_the_model(source: str) -> None:
    """Kept whole as a token, ``<b>%d</b>`` was no number to the model, which glued the noun
    to it as a compound (``<b>%d</b>-Vorgaben``, session 63): a pair around a count or a number
    stays in the text as written, as it did before pairs around no word were kept whole."""
    assert strip_pairs(source) is None


@pytest.mark.parametrize(
    ("source", "kept"),
    [
        ('It ends.<a epub:type="noteref" href="#fn1" id="ref3">1</a> Nobody noticed.',
         '<a epub:type="noteref" href="#fn1" id="ref3">1</a>'),
        ('It ends.<sup><a href="#fn1" id="r4">1</a></sup> Nobody noticed.',
         '<sup><a href="#fn1" id="r4">1</a></sup>'),
        ("It ends.<sup>12</sup> Nobody noticed.", "<sup>12</sup>"),
        ('It ends <a role="doc-noteref" href="notes.xhtml#n2">2</a> here.',
         '<a role="doc-noteref" href="notes.xhtml#n2">2</a>'),
        ("It ends<sup>*</sup> here.", "<sup>*</sup>"),
    ],
)  # fmt: skip
def test_a_note_reference_is_one_placeholder_with_its_number(source: str, kept: str) -> None:
    """Left in the text as a count's pair is, a footnote's link after a sentence came out
    broken (``<a epub:type=»noteref« id=»#fn1«>1«>1</a>``, session 64): a link or a superscript
    around a number alone is a note's reference, kept whole."""
    paired = strip_pairs(source)
    assert paired is not None and paired.to_translate == []
    assert paired.text == source.replace(kept, '<ph id="ltmt-1"/>')
    placed = place_pairs(paired, 'Es endet.<ph id="ltmt-1"/> Niemand merkte es.', [])
    assert placed == f"Es endet.{kept} Niemand merkte es."


@pytest.mark.parametrize(
    "source",
    [
        'We have sold <a href="/sales">1,500</a> copies so far.',
        'The price dropped to <a href="/offer">1,299.99</a> euros.',
        'Download <a href="/app">2</a> apps to get started.',
        "Each kit contains <sup>4</sup> batteries.",
        'See page <a href="#p4">4</a> for more.',
    ],
)
def test_a_link_or_superscript_around_a_count_is_left_to_the_model(source: str) -> None:
    """Every link or ``<sup>`` around a number was taken for a note's reference and kept whole,
    so the model neither localised the count (``1,500`` for ``1.500``) nor read it before its
    noun (``<a …>2</a>-Apps``, session 64): one spaced from the words before it is a count's."""
    assert strip_pairs(source) is None


def test_a_pair_around_a_count_stays_written_beside_pairs_around_words() -> None:
    paired = strip_pairs("Rate us <b>5</b> stars <b>today</b>!")
    assert paired is not None and paired.to_translate == ["today"]
    assert paired.text == "Rate us <b>5</b> stars today!"
    placed = place_pairs(paired, "Bewerten Sie uns heute mit <b>5</b> Sternen!", ["heute"])
    assert placed == "Bewerten Sie uns <b>heute</b> mit <b>5</b> Sternen!"


PHP_PO = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

#, php-format
msgid "Are you sure you want to delete <strong>%s</strong>?"
msgstr ""
"""


def test_markup_around_a_placeholder_stays_around_it_in_a_po_file(tmp_path: Path) -> None:
    """A model that moves the markup over the words beside the placeholder when it sees it
    (as the default model did) never sees it: the words around ``%s`` stay outside it."""
    words = {
        "Are you sure you want to delete <strong>%s</strong>?": (
            "Sind Sie sicher, dass Sie <strong>%s löschen möchten</strong>?"
        ),
        'Are you sure you want to delete <ph id="ltmt-1"/>?': (
            'Sind Sie sicher, dass Sie <ph id="ltmt-1"/> löschen möchten?'
        ),
    }
    source, out = tmp_path / "en.po", tmp_path / "de.po"
    source.write_text(PHP_PO, "utf-8")
    translate_file(source, out, lambda texts, prefer: [words[text] for text in texts])
    assert 'msgstr "Sind Sie sicher, dass Sie <strong>%s</strong> löschen möchten?"' in (
        out.read_text("utf-8")
    )


def test_a_class_only_like_a_code_class_is_no_code() -> None:
    paired = strip_pairs('A <span class="menu-option">Save</span> item')
    assert paired is not None and paired.to_translate == ["Save"]


@pytest.mark.parametrize(
    "source",
    [
        "no codes",
        'a <x id="1"/> b',
        "<g>a <g>b</g></g>",  # nested with text between the tags: left to the model
        "<g><g>a</g> b</g>",
        "<g><g>a</g><g>b</g></g>",
        "<g>unclosed",
        "a</g> b",
        '<g id="1"/>',
        # XLIFF 2.0's codes whose other end is in another segment: placeholders
        'Click <sc id="1" type="fmt" subType="xlf:i"/>here',
        'carefully<ec startRef="1"/>.',
        'a <ec startRef="1"/> b <sc id="1"/>c',  # the end before the start
        'a <sc id="1"/>b<ec startRef="2"/>',
    ],
)
def test_strip_pairs_leaves_other_text_to_the_model(source: str) -> None:
    assert strip_pairs(source) is None


@pytest.mark.parametrize(
    ("translation", "inner", "expected"),
    [
        (
            "Öffnen Sie jetzt die Datei.",
            ["die Datei"],
            'Öffnen Sie jetzt <pc id="1">die Datei</pc>.',
        ),
        ("Datei jetzt öffnen", ["die Datei"], '<pc id="1">Datei</pc> jetzt öffnen'),
        # a cut word is taken whole
        ("Die Dateien jetzt öffnen", ["Datei"], 'Die <pc id="1">Dateien</pc> jetzt öffnen'),
        # ... also when less than half of it matched (it had come back empty)
        ("Jetzt Mein-Dokument öffnen", ["Dokument"], 'Jetzt <pc id="1">Mein-Dokument</pc> öffnen'),
        # ... and when the part inside is a whole part of it, cut at a hyphen
        (
            "Jetzt die Datei-Liste öffnen",
            ["die Datei"],
            'Jetzt <pc id="1">die Datei-Liste</pc> öffnen',
        ),
        # an inner translation not found (the model dropped its words): with those words, at the
        # word nearest its place in the source
        ("Jetzt öffnen", ["Katze"], 'Jetzt <pc id="1">Katze</pc> öffnen'),
        ("Jetzt öffnen.", [""], 'Jetzt <pc id="1">the file</pc> öffnen.'),
    ],
)
def test_place_pairs(translation: str, inner: list[str], expected: str) -> None:
    paired = strip_pairs('Open <pc id="1">the file</pc> now')
    assert paired is not None
    assert place_pairs(paired, translation, inner) == expected


@pytest.mark.parametrize(
    ("source", "translation", "inner", "expected"),
    [
        # ifu2 trial (session 74): a Word run's layout spaces before a bold "Rx only" came out
        # as one space outside the pair, in the bold run
        ('<g id="1">REF 12-345-67    </g>Rx only', "REF 12-345-67 Rx nur", ["REF 12-345-67"],
         '<g id="1">REF 12-345-67    </g>Rx nur'),
        ('<g id="1">Step 1 </g>Open the lid.', "Schritt 1 Deckel öffnen.", ["Schritt 1"],
         '<g id="1">Schritt 1 </g>Deckel öffnen.'),
        ('Press<g id="1">\tStart</g> now', "Drücken Sie jetzt Start", ["Start"],
         'Drücken Sie jetzt<g id="1">\tStart</g>'),
        ('Open <g id="1"> the file</g> now', "Öffnen Sie jetzt die Datei", ["die Datei"],
         'Öffnen Sie jetzt<g id="1"> die Datei</g>'),
        # no space outside the pair in the translation (placed elsewhere): nothing moves
        ('<g id="1">Total:  </g>5 kg', "5 kg Gesamt:", ["Gesamt:"], '5 kg <g id="1">Gesamt</g>:'),
        # spaces only at the pair's edge outside it in the source: as before
        ('Open <g id="1">the file</g> now', "Öffnen Sie die Datei jetzt", ["die Datei"],
         'Öffnen Sie <g id="1">die Datei</g> jetzt'),
    ],
)  # fmt: skip
def test_the_spaces_at_a_pairs_inner_edge_stay_inside_it(
    source: str, translation: str, inner: list[str], expected: str
) -> None:
    paired = strip_pairs(source)
    assert paired is not None
    assert place_pairs(paired, translation, inner) == expected


@pytest.mark.parametrize(
    ("source", "translation", "inner", "expected"),
    [
        # at the start, and at the end before the final punctuation
        (
            '<a href="/p">Learn more</a> about privacy.',
            "Über Privatsphäre hinaus!",
            ["Mehr erfahren"],
            '<a href="/p">Mehr erfahren</a> Über Privatsphäre hinaus!',
        ),
        (
            'Read our <a href="/p">privacy policy</a>.',
            "Lesen Sie unsere Seite.",
            ["Datenschutzerklärung"],
            'Lesen Sie unsere Seite <a href="/p">Datenschutzerklärung</a>.',
        ),
        # a name the model garbled alone comes back as written
        (
            'Please install <a href="%(link)s">docutils</a>.',
            "Bitte lassen Sie es installieren.",
            ["Doktutils"],
            'Bitte lassen Sie es installieren <a href="%(link)s">docutils</a>.',
        ),
        # in the middle: at its middle; never inside another pair's words
        (
            'Click <b class="k">Save</b> to keep <a href="/c">your changes</a> safe',
            "Klicken Sie auf Speichern, um alles sicher zu behalten",
            ["Speichern", "Ihre Änderungen"],
            'Klicken Sie auf <b class="k">Speichern</b>, um alles <a href="/c">Ihre Änderungen</a>'
            " sicher zu behalten",
        ),
        (
            '<b class="k">Save all files</b> and <a href="/h">get help</a> now',
            "Alle Dateien jetzt speichern",
            ["Alle Dateien speichern", "Hilfe holen"],
            '<b class="k">Alle Dateien</b> jetzt <a href="/h">Hilfe holen</a> speichern',
        ),
    ],
)
def test_a_pair_the_model_dropped_comes_back_with_its_words_at_its_place(
    source: str, translation: str, inner: list[str], expected: str
) -> None:
    assert _placed(source, translation, inner) == expected


@pytest.mark.parametrize(
    ("source", "translation", "inner", "expected"),
    [
        # (a FormatJS trial's message) not "Lesen mehr <link>Weiterlesen</link>", said twice
        (
            "New features are available. <link>Read more</link>",
            "Neue Merkmale sind verfügbar. Lesen mehr",
            ["Weiterlesen"],
            "Neue Merkmale sind verfügbar. <link>Lesen mehr</link>",
        ),
        (
            '<a href="/n">Read more</a>. New features are available!',
            "Lesen mehr. Neue Merkmale sind verfügbar!",
            ["Weiterlesen"],
            '<a href="/n">Lesen mehr</a>. Neue Merkmale sind verfügbar!',
        ),
        # a stray word is no translation of the link's: its own goes in beside it, as before
        # (regression trial rege68: not "gelöscht. <a href="/undo">Unter</a>")
        (
            'Your workspace has been deleted. <a href="/undo">Undo</a>',
            "Deine Workspace wurde gelöscht. Unter",
            ["Rückgängig"],
            'Deine Workspace wurde gelöscht. Unter <a href="/undo">Rückgängig</a>',
        ),
    ],
)
def test_a_pair_that_is_a_sentence_goes_around_that_sentences_translation(
    source: str, translation: str, inner: list[str], expected: str
) -> None:
    assert _placed(source, translation, inner) == expected


@pytest.mark.parametrize(
    ("source", "translation", "inner", "expected"),
    [
        # (sentences and the model's words from a run of the shipped model on Firefox's
        # Fluent files) the words like the inner translation's are wrapped, not repeated
        (
            'Get <a href="/vpn">extra privacy</a> by choosing from many places.',
            "Zusätzliche Privatsphäre durch die Wahl vieler Orte.",
            ["Überflüssige Privatsphäre"],
            'Zusätzliche <a href="/vpn">Privatsphäre</a> durch die Wahl vieler Orte.',
        ),
        # words like the source's, and the word between them
        (
            "Try adding <strong>position:absolute</strong> to the element.",
            "Stellen Sie Position hinzu:absolut zum Element.",
            ["Position:absolute"],
            "Stellen Sie <strong>Position hinzu:absolut</strong> zum Element.",
        ),
        # a short word of the source as written
        (
            'See <a href="/t">Tab Unloading</a> to learn more.',
            "Sehen Sie Tab, um mehr zu lernen.",
            ["Reiter laden"],
            'Sehen Sie <a href="/t">Tab</a>, um mehr zu lernen.',
        ),
        # the example: not "Eine externe <g>externer Verweis</g> Verknüpfung"
        (
            'An <g id="1">external link</g> reference',
            "Eine externe Verknüpfung",
            ["externer Verweis"],
            'Eine <g id="1">externe</g> Verknüpfung',
        ),
        # a pair found whole keeps its words from another pair's look-alike words
        (
            'You accept the <a href="/u">Usage Policy</a> and <a href="/p">Privacy Policy</a>.',
            "Sie akzeptieren die Benutzungspolitik und die Privacy Policy.",
            ["Aufrufrichtlinie", "Privacy Policy"],
            'Sie akzeptieren die <a href="/u">Aufrufrichtlinie</a> Benutzungspolitik und die'
            ' <a href="/p">Privacy Policy</a>.',
        ),
        # short words (ein) and placeholders ({name}) look like nothing: put in as before
        (
            'Want to help? <a href="/d">Make a donation</a> now!',
            "Hilfe zu leisten? Geben Sie ein jetzt!",
            ["Ein Spenden verwenden"],
            'Hilfe zu leisten? Geben <a href="/d">Ein Spenden verwenden</a> Sie ein jetzt!',
        ),
        (
            'Waiting <b class="k">Cache Name:</b> {name}',
            "Wartenname: {name}",
            ["Cache-Name:"],
            'Wartenname: <b class="k">Cache Name:</b> {name}',
        ),
    ],
)
def test_a_pair_translated_with_other_words_goes_around_the_words_like_its_own(
    source: str, translation: str, inner: list[str], expected: str
) -> None:
    assert _placed(source, translation, inner) == expected


@pytest.mark.parametrize(
    ("translation", "expected"),
    [
        (
            'Bauen <ph id="ltmt-v1"/> allesamt jetzt',
            '<b class="k">Bauen</b> <code>make</code> allesamt jetzt',
        ),
        # a code element's token against the words: never inside the pair, nor the pair in it
        (
            'Bauen<ph id="ltmt-v1"/>allesamt jetzt',
            '<b class="k">Bauen</b><code>make</code>allesamt jetzt',
        ),
        (
            'Jetzt<ph id="ltmt-v1"/>los',
            '<b class="k">Alles bauten</b> Jetzt<code>make</code>los',
        ),
    ],
)
def test_a_pair_goes_around_words_never_around_or_into_a_tag(
    translation: str, expected: str
) -> None:
    paired = strip_pairs('Run <b class="k">build all</b> with <code>make</code> now')
    assert paired is not None
    assert place_pairs(paired, translation, ["Alles bauten"]) == expected


@pytest.mark.parametrize(
    ("source", "translation", "inner", "expected"),
    [
        ('Press <g id="1"><Enter></g> to continue.', "Druck <Enter> zum Fortfahren.",
         "<Enter>", 'Druck <g id="1"><Enter></g> zum Fortfahren.'),
        ('Type <g id="1"><file name></g> and press OK.',
         "Geben Sie <Dateinamen> ein und drücken Sie OK.", "<Dateiname>",
         'Geben Sie <g id="1"><Dateinamen></g> ein und drücken Sie OK.'),
    ],
)  # fmt: skip
def test_a_pair_goes_around_a_metavariable_once(
    source: str, translation: str, inner: str, expected: str
) -> None:
    """(Word's bold ``<Enter>``) text in angle brackets is words, not a tag: taken for a tag,
    the pair was not found around it and came back beside it with its text again."""
    paired = strip_pairs(source)
    assert paired is not None
    assert place_pairs(paired, translation, [inner]) == expected


def test_a_pair_never_goes_inside_a_self_closing_tag() -> None:
    """(Firefox's sync page, as the shipped model translated it) the inner translation's
    alignment reached into the icon's tag: ``<img <a ...>data-l10n-name="android-icon"/></a>``."""
    paired = strip_pairs(
        'Download Firefox for <img data-l10n-name="android-icon"/> <a data-l10n-name="android-'
        'link">Android</a> or <img data-l10n-name="ios-icon"/> <a data-l10n-name="ios-link">iOS'
        "</a> to sync with your mobile device."
    )
    assert paired is not None
    translation = (
        'Firefox für <img data-l10n-name="android-icon"/> Android oder <img data-l10n-name="ios-'
        'icon"/> iOS, um mit Ihrem Handygerät zu synchronisieren.'
    )
    assert place_pairs(paired, translation, ["Android", "iOS"]) == (
        'Firefox für <img data-l10n-name="android-icon"/> <a data-l10n-name="android-link">'
        'Android</a> oder <img data-l10n-name="ios-icon"/> <a data-l10n-name="ios-link">iOS</a>,'
        " um mit Ihrem Handygerät zu synchronisieren."
    )


def test_a_glossary_term_a_pair_encloses_stays_enclosed_whole() -> None:
    """The glossary kept ``CloudSync Agent`` as written and the model made it part of a
    compound: the pair went around ``CloudSync`` alone (``Agent-Version`` was less than half
    inside), and ``ltmt qa`` reported the term missing. The pair holds the term whole and ends
    where it ends, before the compound's tail, as the source's pair does."""
    placed = _placed(
        "Make sure that <b>CloudSync Agent</b> version 4.2 is installed.",
        "Stellen Sie sicher, dass CloudSync Agent-Version 4.2 installiert ist.",
        ["CloudSync Agent"],
    )
    assert placed == "Stellen Sie sicher, dass <b>CloudSync Agent</b>-Version 4.2 installiert ist."


@pytest.mark.parametrize(
    ("source", "terms", "inner"),
    [
        ('Set the <g id="1">flow</g> rate.', [(8, 17)], ["flow rate"]),  # the term's start
        ('Set the flow <g id="1">rate</g>.', [(8, 17)], ["flow rate"]),  # its end
        ('Set <g id="1">the flow rate</g>.', [(8, 17)], ["the flow rate"]),  # held whole
        ('Set the <g id="1">flow</g> <g id="2">rate</g>.', [(8, 17)], ["flow", "rate"]),
        ('Set the <g id="1">flow</g> rate.', [], ["flow"]),
    ],
)
def test_a_pair_that_cuts_a_glossary_term_is_widened_to_hold_it(
    source: str, terms: list[tuple[int, int]], inner: list[str]
) -> None:
    """A pair cutting a term takes all of it; not where that runs into another pair."""
    paired = strip_pairs(source)
    assert paired is not None
    widened = pairs_over_terms(paired, terms)
    assert widened.to_translate == inner
    assert [paired.text[p.start : p.end] for p in widened.pairs] == inner


FLOW_RATE = {
    "Set the flow rate to 5 ml/h.": "Stellen Sie die Förderrate auf 5 ml/h.",
    "flow rate": "Förderrate",
}


class GlossaryModel:
    """A translator that knows these segments and follows the glossary ``flow rate`` →
    ``Förderrate`` (as :class:`~ltmt.translator.Translator` does)."""

    memory = None
    user_glossary = False
    glossary = (Term("flow rate", "Förderrate"),)
    formality = None  # (no --formality: no form of address asked for)

    def translate(self, texts: list[str], **options: object) -> list[Translation]:
        return [Translation(text, FLOW_RATE.get(text, text), (), "model") for text in texts]


def test_a_pair_that_cuts_a_glossary_term_goes_around_the_terms_translation(
    tmp_path: Path,
) -> None:
    """``Set the <g id="1">flow</g> rate`` with ``flow rate`` → ``Förderrate`` came out ``die
    <g id="1">flow</g> Förderrate``: the pair's text, translated alone, matched no word, and
    came back English beside the term."""
    source = tmp_path / "in.xlf"
    source.write_text(
        XLIFF12.replace(
            'Open <g id="1">the file</g> now', 'Set the <g id="1">flow</g> rate to 5 ml/h.'
        ),
        "utf-8",
    )
    out = tmp_path / "out.xlf"
    translate_file(source, out, TranslatorFn(GlossaryModel(), None))  # type: ignore[arg-type]
    assert '>Stellen Sie die <g id="1">Förderrate</g> auf 5 ml/h.</target>' in out.read_text(
        "utf-8"
    )


def test_of_two_matches_as_good_the_one_nearer_the_pairs_place_wins() -> None:
    """(Firefox's tab unloading page, as the shipped model translated it) the inner
    translation matched another clause's word as well as the source's word matched the
    button's: the element went around the other clause's word."""
    placed = _placed(
        "The tab is unloaded when memory is low; click the <em>Unload</em> button",
        "Der Reiter wird ungeladen, wenn der Speicher knapp ist; klicken Sie den Unload-Knopf",
        ["Ungeladen"],
    )
    assert placed == (
        "Der Reiter wird ungeladen, wenn der Speicher knapp ist; klicken Sie den "
        "<em>Unload</em>-Knopf"
    )


def test_place_pairs_falls_back_on_the_untranslated_inner_text() -> None:
    paired = strip_pairs('Click <g id="1">Save</g> to keep your <g id="2">changes</g>.')
    assert paired is not None
    placed = place_pairs(paired, "Klicken Sie Save, um Ihre Änderungen zu halten.", ["", "Ände"])
    assert placed == 'Klicken Sie <g id="1">Save</g>, um Ihre <g id="2">Änderungen</g> zu halten.'


@pytest.mark.parametrize(
    ("source", "translation", "inner", "expected"),
    [
        # (an e-learning course, as the shipped model translated it) a bold label the model
        # copied in English, which alone it translates
        (
            '<g id="1">Important:</g> Do not share passwords by e-mail.',
            "Important: Geben Sie keine Passwörter durch E-Mail an.",
            ["Wichtig:"],
            '<g id="1">Wichtig</g>: Geben Sie keine Passwörter durch E-Mail an.',
        ),
        (
            '<g id="1">Tip:</g> Use the menu.',
            "Tip: Verwenden Sie das Menü.",
            ["Tipp:"],
            '<g id="1">Tipp</g>: Verwenden Sie das Menü.',
        ),
        # (an accessibility trial, as the shipped model translated it) a screen reader's words
        # in lower case, which the sentence copied in English
        (
            'Delete <span class="visually-hidden">invoice 42</span>',
            "Löschen invoice 42",
            ["Rechnung 42"],
            'Löschen <span class="visually-hidden">Rechnung 42</span>',
        ),
        # one word alone, copied, is kept: its translation alone takes another sense
        (
            "Set the mode to <b>manual</b>.",
            "Setzen Sie den Modus auf manual.",
            ["Handbuch"],
            "Setzen Sie den Modus auf <b>manual</b>.",
        ),
    ],
)
def test_a_label_the_model_copied_from_the_source_gives_way_to_its_translation(
    source: str, translation: str, inner: list[str], expected: str
) -> None:
    assert _placed(source, translation, inner) == expected


@pytest.mark.parametrize(
    ("source", "translation", "inner", "expected"),
    [
        # (a regression trial, as the shipped model translated them) names and UI labels the
        # model kept in English, whose one-word translations are wrong
        (
            "Open <b>Paint</b> and draw a line.",
            "Öffnen Sie Paint und zeichnen Sie eine Linie.",
            ["Schmerzen"],
            "Öffnen Sie <b>Paint</b> und zeichnen Sie eine Linie.",
        ),
        (
            'Click <g id="1">Save</g> to keep your <g id="2">changes</g>.',
            "Klicken Sie Save, um Ihre Änderungen zu halten.",
            ["Gespeichert", "Änderungen"],
            'Klicken Sie <g id="1">Save</g>, um Ihre <g id="2">Änderungen</g> zu halten.',
        ),
        (
            'Open <g id="1">Photos</g> to see them.',
            "Öffnen Sie Photos, um sie zu sehen.",
            ["Fotos"],
            'Öffnen Sie <g id="1">Photos</g>, um sie zu sehen.',
        ),
        # translated alone the same but for case: the words as the sentence has them
        (
            'Send it by <g id="1">e-mail</g>.',
            "Senden Sie es per e-mail.",
            ["E-Mail"],
            'Senden Sie es per <g id="1">e-mail</g>.',
        ),
    ],
)
def test_words_other_than_a_label_the_model_copied_stay_as_the_sentence_has_them(
    source: str, translation: str, inner: list[str], expected: str
) -> None:
    assert _placed(source, translation, inner) == expected


def test_a_name_a_compound_starts_with_stays_as_the_sentence_has_it() -> None:
    placed = _placed("Click the <em>Unload</em> button", "Klicken Sie den Unload-Knopf", ["Ab"])
    assert placed == "Klicken Sie den <em>Unload</em>-Knopf"


@pytest.mark.parametrize(
    ("source", "translation", "inner", "expected"),
    [
        # (an e-learning course, as the shipped model translated it) ``leave`` alone gave
        # ``Laub``, which is inside ``Erlauben``: the documented fallback, not that word
        (
            'Always <g id="1">lock</g> your screen when you <g id="2">leave</g> your desk.',
            "Erlauben Sie den Bildschirm, wenn Sie Ihren Schreibtisch hinterlassen.",
            ["Sperre", "Laub"],
            'Erlauben Sie <g id="1">Sperre</g> den Bildschirm, wenn Sie Ihren'
            ' <g id="2">Laub</g> Schreibtisch hinterlassen.',
        ),
        # a word the translation starts with is enclosed whole: a compound, another form
        (
            'Open the <g id="1">file</g> now.',
            "Öffnen Sie jetzt die Dateiliste.",
            ["Datei"],
            'Öffnen Sie jetzt die <g id="1">Dateiliste</g>.',
        ),
    ],
)
def test_a_pair_never_encloses_a_word_its_translation_is_only_inside(
    source: str, translation: str, inner: list[str], expected: str
) -> None:
    assert _placed(source, translation, inner) == expected


@pytest.mark.parametrize(
    ("match_words", "expected"),
    [
        # (an e-learning course) the sentence follows the memory's ``Click <b>Next</b> to
        # continue.`` → ``Klicken Sie auf <b>Weiter</b>, um fortzufahren.``; ``Next`` alone
        # gave ``Nächster``, which had been put in beside ``Weiter``
        (["Weiter"], 'Klicken Sie auf <g id="1">Weiter</g>, um fortzufahren.'),
        # a match's words the sentence lacks: placed as without them
        (["Vor"], 'Klicken Sie <g id="1">Nächster</g> auf Weiter, um fortzufahren.'),
        ([""], 'Klicken Sie <g id="1">Nächster</g> auf Weiter, um fortzufahren.'),
    ],
)
def test_a_pair_goes_around_its_words_in_the_memory_match_the_sentence_followed(
    match_words: list[str], expected: str
) -> None:
    paired = strip_pairs('Click <g id="1">Next</g> to continue.')
    assert paired is not None
    translation = "Klicken Sie auf Weiter, um fortzufahren."
    assert place_pairs(paired, translation, ["Nächster"], match_words) == expected


def test_a_fused_segment_takes_its_pairs_words_from_the_match_it_followed(
    tmp_path: Path,
) -> None:
    source = tmp_path / "in.xlf"
    source.write_text(
        XLIFF12.replace('Open <g id="1">the file</g> now', 'Click <g id="1">Next</g> to continue.'),
        "utf-8",
    )
    stored = Segment(
        1,
        "u1",
        "Click <b>Next</b> to continue.",
        "Klicken Sie auf <b>Weiter</b>, um fortzufahren.",
        0.0,
        "tmx",
    )
    outputs = {"Click Next to continue.": "Klicken Sie auf Weiter, um fortzufahren."}

    def fused_model(texts: list[str], prefer: list[dict]) -> list[Translation]:
        return [
            Translation(t, outputs.get(t, "Nächster"), (Match(stored, 86.8),), "knn-trained")
            for t in texts
        ]

    translate_file(source, tmp_path / "out.xlf", fused_model)
    written = (tmp_path / "out.xlf").read_text("utf-8")
    assert '>Klicken Sie auf <g id="1">Weiter</g>, um fortzufahren.</target>' in written


@pytest.mark.parametrize(
    ("document", "target"),
    [
        (XLIFF20, '<target>Öffnen Sie jetzt <pc id="1">die Datei</pc></target>'),
        (XLIFF12, '>Öffnen Sie jetzt <g id="1">die Datei</g></target>'),
    ],
)
def test_xliff_paired_codes_keep_words_and_spaces(
    tmp_path: Path, document: str, target: str
) -> None:
    source = tmp_path / "in.xlf"
    source.write_text(document, "utf-8")
    out = tmp_path / "out.xlf"
    translate_file(source, out, dictionary_model)
    written = out.read_text("utf-8")
    assert target in written
    assert "dieDatei" not in written and "thefile" not in written
    if "ph id" in document:
        assert '<target>Drücken Sie <ph id="1"/>, um fortzufahren.</target>' in written


def test_xliff_20_start_and_end_codes_in_one_segment_are_a_pair() -> None:
    """``<sc id="1"/>`` and its ``<ec startRef="1"/>`` are one code, as ``<pc>`` is: left to
    the model, their words stayed untranslated (``Open <sc id="1"/>the Datei<ec
    startRef="1"/>.``); a code whose other end is not in the text stays a placeholder."""
    source = (
        'Open <sc id="1" type="fmt" subType="xlf:i"/>the file<ec startRef="1" type="fmt"/> now'
        ' <sc id="2"/>here'
    )
    assert _stripped(source) == (
        'Open the file now <sc id="2"/>here',
        [('<sc id="1" type="fmt" subType="xlf:i"/>', "the file", '<ec startRef="1" type="fmt"/>')],
    )


SC_EC = '<sc id="1" type="fmt" subType="xlf:i"/>the file<ec startRef="1" type="fmt"/>'


def test_xliff_20_start_and_end_codes_keep_their_words(tmp_path: Path) -> None:
    source = tmp_path / "in.xlf"
    source.write_text(XLIFF20.replace('<pc id="1">the file</pc>', SC_EC), "utf-8")
    out = tmp_path / "out.xlf"
    translate_file(source, out, dictionary_model)
    assert f"<target>Öffnen Sie jetzt {SC_EC.replace('the file', 'die Datei')}</target>" in (
        out.read_text("utf-8")
    )


@pytest.mark.parametrize(
    ("opening", "closing"),
    [
        ('<bx id="3"/>', '<ex id="3"/>'),  # 1.2's begin and end codes of one id
        ('<bx id="7" rid="1"/>', '<ex id="8" rid="1"/>'),  # ... of one rid
        ('<bpt id="1" ctype="bold"/>', '<ept id="1"/>'),  # as stored before session 61
        ('<bpt id="4" rid="2"/>', '<ept id="5" rid="2"/>'),
    ],
)
def test_xliff_12_empty_begin_and_end_codes_in_one_segment_are_a_pair(
    opening: str, closing: str
) -> None:
    """1.2's ``<bx/>``/``<ex/>`` and the ``<bpt/>``/``<ept/>`` of a native code that is not
    markup (memoQ's ``{}``) are one code, as ``<g>`` is: left to the model, ``Tell your doctor
    <bx id="3"/>immediately<ex id="3"/>`` lost its ``immediately`` and memoQ's bold stayed
    English where ``&lt;b&gt;``'s was translated."""
    source = f"Open {opening}the file{closing} now"
    assert _stripped(source) == ("Open the file now", [(opening, "the file", closing)])
    assert _placed(source, "Öffnen Sie jetzt die Datei", ["die Datei"]) == (
        f"Öffnen Sie jetzt {opening}die Datei{closing}"
    )


@pytest.mark.parametrize(
    "source",
    [
        'a <bx id="1"/>b<ex id="2"/> c',  # other ids, no rid
        'a <bx id="1" rid="3"/>b<ex id="1" rid="4"/> c',  # other rids
        'a <bx id="1"/>b<ept id="1"/> c',  # the ends of two kinds of code
        'a <ex id="1"/>b<bx id="1"/> c',  # the end before the start
        'Tell your doctor <bx id="3"/>immediately',  # the end in another segment
    ],
)
def test_empty_codes_that_do_not_end_each_other_stay_placeholders(source: str) -> None:
    assert strip_pairs(source) is None


@pytest.mark.parametrize(
    "codes",
    [
        '<bx id="1"/>the file<ex id="1"/>',
        '<bpt id="1" ctype="bold">{}</bpt>the file<ept id="1">{}</ept>',  # memoQ's
    ],
)
def test_xliff_12_begin_and_end_codes_keep_their_words(tmp_path: Path, codes: str) -> None:
    source = tmp_path / "in.xlf"
    source.write_text(XLIFF12.replace('<g id="1">the file</g>', codes), "utf-8")
    out = tmp_path / "out.xlf"
    translate_file(source, out, dictionary_model)
    target = f">Öffnen Sie jetzt {codes.replace('the file', 'die Datei')}</target>"
    assert target in out.read_text("utf-8")


def test_a_100_percent_match_keeps_its_codes(tmp_path: Path) -> None:
    source = tmp_path / "in.xlf"
    source.write_text(XLIFF12, "utf-8")
    seen: list[str] = []

    def memory_model(texts: list[str], prefer: list[dict]) -> list[Translation]:
        seen.extend(texts)
        return [
            Translation(t, 'Jetzt <g id="1">die Datei</g> öffnen', method="exact") for t in texts
        ]

    translate_file(source, tmp_path / "out.xlf", memory_model)
    assert seen == ['Open <g id="1">the file</g> now']  # not translated again without its codes
    assert '>Jetzt <g id="1">die Datei</g> öffnen</target>' in (tmp_path / "out.xlf").read_text(
        "utf-8"
    )


TERMS = "I agree to the <1>terms of service</1> and the <3>privacy policy</3>."


def test_react_i18next_numbered_elements_are_pairs() -> None:
    """react-i18next's ``<Trans>`` numbers its components' tags (``<1>terms</1>``): they were
    left to the model, which moved a pair's words out of it."""
    assert _stripped(TERMS) == (
        "I agree to the terms of service and the privacy policy.",
        [("<1>", "terms of service", "</1>"), ("<3>", "privacy policy", "</3>")],
    )
    no_words = strip_pairs("You have <1>{{name}}</1> in messages<0/>.")  # kept whole
    assert no_words is not None and no_words.text == 'You have <ph id="ltmt-1"/> in messages<0/>.'
    assert strip_pairs("You have <1>{{count}}</1> new messages<0/>.") is None  # a count's
    assert strip_pairs("<12>Open</12> it") is not None and strip_pairs("<123>x</123>") is None


@pytest.mark.parametrize(
    ("plain", "expected"),
    [
        (
            "Ich stimme den Nutzungsbedingungen und der Datenschutzrichtlinie zu.",
            "Ich stimme den <1>Nutzungsbedingungen</1> und der <3>Datenschutzrichtlinie</3> zu.",
        ),
        (  # the model left the second pair's words out: they come back at its place
            "Ich stimme den Nutzungsbedingungen zu.",
            "Ich stimme den <1>Nutzungsbedingungen</1> zu <3>Datenschutzrichtlinie</3>.",
        ),
    ],
)
def test_a_numbered_pair_the_model_emptied_gets_its_words_back(
    tmp_path: Path, plain: str, expected: str
) -> None:
    """The default model translated the tagged text as ``... und die Privatpolitik <3>.``, and
    the placeholder repair closed ``<3>`` where it stood: ``<3></3>``, its words outside it.
    Each pair now goes around the words of its own translation."""
    words = {
        TERMS: "Ich teile die <1>terms des Dienstes</1> und die Privatpolitik <3>.",
        "I agree to the terms of service and the privacy policy.": plain,
        "terms of service": "Nutzungsbedingungen",
        "privacy policy": "Datenschutzrichtlinie",
    }
    source = tmp_path / "en.json"
    source.write_text(json.dumps({"terms": TERMS}), "utf-8")
    out = tmp_path / "de.json"
    translate_file(source, out, lambda texts, prefer: [words[text] for text in texts])
    assert json.loads(out.read_text("utf-8")) == {"terms": expected}


@pytest.mark.parametrize(
    "mark", ['translate="no"', "mtype='protected'", 'class="brand notranslate"']
)
def test_a_protected_pair_stands_as_a_placeholder_and_comes_back_whole(mark: str) -> None:
    paired = strip_pairs(f'Run <mrk id="m1" {mark}>git commit</mrk> on <pc id="2">the file</pc>')
    assert paired is not None
    assert paired.text == 'Run <ph id="ltmt-1"/> on the file'
    assert paired.to_translate == ["the file"]  # the protected text is not translated
    placed = place_pairs(paired, 'Führen Sie <ph id="ltmt-1"/> auf der Datei aus', ["die Datei"])
    assert placed == (
        f'Führen Sie <mrk id="m1" {mark}>git commit</mrk> auf <pc id="2">der Datei</pc> aus'
    )
    # lost by the model (the placeholder repair puts it back first): whole, at its place
    lost = place_pairs(paired, "Auf der Datei ausführen", ["die Datei"])
    assert lost == f'Auf <mrk id="m1" {mark}>git commit</mrk> <pc id="2">der Datei</pc> ausführen'


def test_a_protected_pair_survives_a_model_that_drops_it(tmp_path: Path) -> None:
    source = tmp_path / "in.xlf"
    source.write_text(
        XLIFF20.replace(
            'Press <ph id="1"/> to continue.',
            'Run <mrk id="m1" translate="no">git gc</mrk> now.',
        ),
        "utf-8",
    )

    def dropping_model(texts: list[str], prefer: list[dict]) -> list[str]:
        return [DICTIONARY.get(t, "Jetzt ausführen.") for t in texts]

    translate_file(source, tmp_path / "out.xlf", dropping_model)
    written = (tmp_path / "out.xlf").read_text("utf-8")
    # the placeholder repair put the dropped stand-in back; it became the element again
    assert '<mrk id="m1" translate="no">git gc</mrk>' in written.split("<target>")[2]
    assert "ltmt-1" not in written


def test_a_pair_is_placed_in_text_whose_case_folding_is_longer() -> None:
    paired = strip_pairs('Set the <b class="k">font size</b> now')
    assert paired is not None
    text = place_pairs(
        paired, "Die Schriftgröße ßßß jetzt festlegen ßßßßßßßß", ["Schriftgröße ßßß"]
    )
    assert text == 'Die <b class="k">Schriftgröße ßßß</b> jetzt festlegen ßßßßßßßß'


_WORDS = st.lists(st.sampled_from(["Datei", "jetzt", "öffnen", "die", "Mein-Dokument", "."]))


@pytest.mark.parametrize(
    ("source", "translation", "inner", "expected"),
    [
        # the model garbled the word alone; the sentence translated it at its end
        (
            'Your order has been <pc id="0">shipped</pc>.',
            "Ihre Bestellung wurde verschifft.",
            ["Schiffsped"],
            'Ihre Bestellung wurde <pc id="0">verschifft</pc>.',
        ),
        # at the start: the translation's first word is as often an article (put back)
        (
            "<b>Important</b> is this.",
            "Das ist es.",
            ["Importantt"],
            "<b>Important</b> Das ist es.",
        ),
        # a name the translation dropped is no word of the sentence: put back
        (
            'Please install <a href="x">docutils</a>.',
            "Bitte installieren.",
            ["Doktutils"],
            'Bitte installieren <a href="x">docutils</a>.',
        ),
    ],
)
def test_a_pair_around_one_word_at_the_end_goes_around_the_translations_last_word(
    source: str, translation: str, inner: list[str], expected: str
) -> None:
    """It got the English word again beside its translation: ``verschifft <pc>shipped</pc>``."""
    assert _placed(source, translation, inner) == expected


@given(
    translation=_WORDS.map(" ".join),
    inner=st.lists(_WORDS.map(" ".join), min_size=3, max_size=3),
)
def test_every_pair_comes_back_once_and_whole(translation: str, inner: list[str]) -> None:
    """Whatever the model made of the text and the pairs' words: each element once, opened
    before it is closed, none inside another, and the translation's words all there."""
    paired = strip_pairs(
        '<b class="a">Open</b> the <i>file</i> <code>now</code> and <a href="x">go</a>'
    )
    assert paired is not None
    placed = place_pairs(paired, translation, inner)
    for opening, closing in [('<b class="a">', "</b>"), ("<i>", "</i>"), ('<a href="x">', "</a>")]:
        assert placed.count(opening) == placed.count(closing) == 1
        assert placed.index(opening) < placed.index(closing)
    assert placed.count("<code>now</code>") == 1
    elements = re.findall(r"<(/?)([a-z]+)[^>]*>", placed)
    depth = 0
    for closing, _ in elements:
        depth += -1 if closing else 1
        assert depth in (0, 1)  # never nested
    for word in translation.split():
        assert word in placed


def test_a_character_reference_the_model_glued_to_a_word_stays_outside_the_pair() -> None:
    """``Datei&gt;`` was one word to the placing: ``<b>Datei&gt;</b>;`` (the reference cut)."""
    paired = strip_pairs("Select <b>File</b> &gt; <b>Open</b>.")
    assert paired is not None
    placed = place_pairs(paired, "Wählen Sie Datei&gt; Öffnen.", ["Datei", "Öffnen"])
    assert placed == "Wählen Sie <b>Datei</b>&gt; <b>Öffnen</b>."


@pytest.mark.parametrize(
    ("source", "text", "pairs"),
    [
        (
            "Press [b]Start[/b] to open the [color=#ff0]Inventory[/color].",
            "Press Start to open the Inventory.",
            [("[b]", "Start", "[/b]"), ("[color=#ff0]", "Inventory", "[/color]")],
        ),
        (
            "<color=#FFD700>Gold Coins</color> collected",
            "Gold Coins collected",
            [("<color=#FFD700>", "Gold Coins", "</color>")],
        ),
        (  # a tag that stands alone stays in the text, as the model keeps it
            'Equip the <link="item_01">Iron Sword</link> <sprite=3>',
            "Equip the Iron Sword <sprite=3>",
            [('<link="item_01">', "Iron Sword", "</link>")],
        ),
        (  # BBCode's names in any case, its settings, a token inside
            "[B]Jump[/b] with [wave amp=50 freq=2][KEY_JUMP] now[/wave]",
            "Jump with [KEY_JUMP] now",
            [("[B]", "Jump", "[/b]"), ("[wave amp=50 freq=2]", "[KEY_JUMP] now", "[/wave]")],
        ),
        (  # nested with words between the tags: the inner pair alone, as for HTML
            "a [b]bold [i]italic words[/i][/b]",
            "a [b]bold italic words[/b]",
            [("[i]", "italic words", "[/i]")],
        ),
    ],
)
def test_textmeshpro_and_bbcode_pairs_around_words_are_pairs(
    source: str, text: str, pairs: list[tuple[str, str, str]]
) -> None:
    """The words inside a TextMeshPro or BBCode pair stayed English (``Ihr
    <color=#FF0000>shield</color>``) where those inside ``<b>`` were translated apart."""
    assert _stripped(source) == (text, pairs)


@pytest.mark.parametrize(
    ("source", "text", "pairs"),
    [
        ("Did you bring the {b}key{/b}?", "Did you bring the key?", [("{b}", "key", "{/b}")]),
        (
            "{color=#f00}Danger!{/color} Stay {i}behind{/i} me.",
            "Danger! Stay behind me.",
            [("{color=#f00}", "Danger!", "{/color}"), ("{i}", "behind", "{/i}")],
        ),
        (
            "Visit {a=https://example.com}our website{/a}.{w=0.5}",
            "Visit our website.{w=0.5}",
            [("{a=https://example.com}", "our website", "{/a}")],
        ),
        (  # a pause tag alone stays in the text, as the model keeps it
            "{cps=20}Slowly...{/cps}{p}now fast.",
            "Slowly...{p}now fast.",
            [("{cps=20}", "Slowly...", "{/cps}")],
        ),
    ],
)
def test_renpy_text_tags_around_words_are_pairs(
    source: str, text: str, pairs: list[tuple[str, str, str]]
) -> None:
    """Left as placeholders, their words stayed English (``Hast du den {b}key{/b} geholt?``)
    where those inside ``<b>`` were translated apart."""
    assert _stripped(source) == (text, pairs)


@pytest.mark.parametrize(
    "source",
    [
        "Type {{b} to start and {/b} to end.",  # an escaped brace opens no tag
        "You have {color=#ffcc00}50{/color} gold.",  # a count's pair stays as written
        "{b}{w}{/b}",  # no words
        "Press {b}Space {w}now{/b}",  # a tag inside: left to the model
    ],
)
def test_renpy_tags_that_are_no_pair_around_words_stay_in_the_text(source: str) -> None:
    assert strip_pairs(source) is None


def test_bbcode_code_and_pairs_around_no_words_are_kept_as_written() -> None:
    paired = strip_pairs("Type [code]/help now[/code] to see the [b]commands[/b].")
    assert paired is not None
    assert paired.text == 'Type <ph id="ltmt-1"/> to see the commands.'
    assert paired.to_translate == ["commands"]
    placed = place_pairs(paired, 'Gib <ph id="ltmt-1"/> ein, um die Befehle zu sehen.', ["Befehle"])
    assert placed == "Gib [code]/help now[/code] ein, um die [b]Befehle[/b] zu sehen."
    around_no_words = strip_pairs("[b]%s[/b] items and <color=#f00>{count}</color>")
    assert around_no_words is not None and around_no_words.to_translate == []
    assert strip_pairs("Target[/prefix] and [b] alone") is None


def test_game_markup_pairs_are_translated_apart_in_a_file(tmp_path: Path) -> None:
    """A model that leaves the words in game markup English (as the default model did) gives
    the pair its inner translation all the same."""
    words = {
        "Press Start to open the Inventory.": "Drücke Start, um das Inventar zu öffnen.",
        "Start": "Start",
        "Inventory": "Inventar",
        "Gold Coins collected": "Goldmünzen gesammelt",
        "Gold Coins": "Goldmünzen",
    }
    source = tmp_path / "en.json"
    source.write_text(
        json.dumps(
            {
                "menu": "Press [b]Start[/b] to open the [color=#ff0]Inventory[/color].",
                "coins": "<color=#FFD700>Gold Coins</color> collected",
            }
        ),
        "utf-8",
    )
    out = tmp_path / "de.json"
    translate_file(source, out, lambda texts, prefer: [words.get(t, t) for t in texts])
    assert json.loads(out.read_text("utf-8")) == {
        "menu": "Drücke [b]Start[/b], um das [color=#ff0]Inventar[/color] zu öffnen.",
        "coins": "<color=#FFD700>Goldmünzen</color> gesammelt",
    }


@pytest.mark.parametrize(
    ("source", "text", "pairs"),
    [
        (
            "Questions? [1]Call us[/1] at [2]our hotline[/2].",
            "Questions? Call us at our hotline.",
            [("[1]", "Call us", "[/1]"), ("[2]", "our hotline", "[/2]")],
        ),
        (  # a pair around no words (a placeholder alone) is kept as written
            "Back in stock on [1]%date%[/1]. [2]Notify me[/2]",
            'Back in stock on <ph id="ltmt-1"/>. Notify me',
            [("[1]", "%date%", "[/1]"), ("[2]", "Notify me", "[/2]")],
        ),
    ],
)
def test_prestashop_numbered_markers_around_words_are_pairs(
    source: str, text: str, pairs: list[tuple[str, str, str]]
) -> None:
    """As text, the words inside them came out English or were lost (``Fragen? [1] uns[/1]``,
    ``[1]Sign in[/1] oder [2]register[/2]``) where those inside ``<a href="%link1%">`` were
    translated apart."""
    assert _stripped(source) == (text, pairs)


@pytest.mark.parametrize(
    "source", ["See [1] and array[1].", "[/1]reversed[1]", "Read [1]this[/2]", "[1] [/1]"]
)
def test_numbered_markers_that_are_no_pair_around_words_stay_in_the_text(source: str) -> None:
    assert strip_pairs(source) is None


def test_prestashop_markers_are_translated_apart_in_a_file(tmp_path: Path) -> None:
    """A model that leaves the words inside the markers English (as the default model did)
    gives each pair its inner translation all the same."""
    words = {
        "Sign in or register to continue.": "Melden Sie sich an oder registrieren Sie sich.",
        "Sign in": "Melden Sie sich an",
        "register": "registrieren Sie sich",
    }
    source = tmp_path / "en.json"
    source.write_text(json.dumps({"k": "[1]Sign in[/1] or [2]register[/2] to continue."}), "utf-8")
    out = tmp_path / "de.json"
    translate_file(source, out, lambda texts, prefer: [words.get(t, t) for t in texts])
    assert json.loads(out.read_text("utf-8")) == {
        "k": "[1]Melden Sie sich an[/1] oder [2]registrieren Sie sich[/2]."
    }


@pytest.mark.parametrize(
    ("source", "plain", "translation", "inner", "expected"),
    [
        (  # glued after: the model read "Savebutton" as one word, the pair went around both
            'Use the <bx id="1"/>Save<ex id="1"/>button.',
            "Use the Save button.",
            "Verwenden Sie die Schaltfläche Speichern.",
            ["Speichern"],
            'Verwenden Sie die Schaltfläche <bx id="1"/>Speichern<ex id="1"/>.',
        ),
        (  # glued on both sides, glued back on both
            'Click<bx id="1"/>here<ex id="1"/>to continue.',
            "Click here to continue.",
            "Klicken Sie hier zum Fortfahren.",
            ["hier"],
            'Klicken Sie<bx id="1"/>hier<ex id="1"/>zum Fortfahren.',
        ),
        (
            'The<bx id="1"/>quick<ex id="1"/> brown fox.',
            "The quick brown fox.",
            "Der schnelle braune Fuchs.",
            ["schnell"],
            'Der<bx id="1"/>schnelle<ex id="1"/> braune Fuchs.',
        ),
        (
            'Your<g id="1">account</g>settings.',
            "Your account settings.",
            "Ihre Konto Einstellungen.",
            ["Konto"],
            'Ihre<g id="1">Konto</g>Einstellungen.',
        ),
    ],
)
def test_a_pair_glued_to_words_goes_to_the_model_spaced_and_comes_back_glued(
    source: str, plain: str, translation: str, inner: list[str], expected: str
) -> None:
    """Taking out a pair glued to the words beside it glued those words together (``Use the
    <bx/>Save<ex/>button.`` → ``Use the Savebutton.``): the model translated them as one word
    and the pair swallowed its neighbours (``<bx/>Savebutton<ex/>``, ``<bx/>Klickhereto<ex/>``).
    The model gets them spaced, and the pair is glued back as the source has it."""
    paired = strip_pairs(source)
    assert paired is not None
    assert paired.text == plain
    assert [paired.text[p.start : p.end] for p in paired.pairs] == [p.inner for p in paired.pairs]
    assert place_pairs(paired, translation, inner) == expected


def test_a_glued_pair_is_glued_back_to_a_word_only() -> None:
    """Where the translation has punctuation or nothing beside the pair, nothing is glued."""
    assert _placed('Click<g id="1">here</g>now', "<- hier, jetzt", ["hier"]) == (
        '<- <g id="1">hier</g>, jetzt'
    )


@pytest.mark.parametrize(
    ("translation", "inner", "expected"),
    [
        # the memory's translation quotes the word the source marks: the quotes stay outside
        (
            "Öffnen Sie die Registerkarte „Netzwerk“.",
            ["Netzwerk"],
            "Öffnen Sie die Registerkarte „<b>Netzwerk</b>“.",
        ),
        (
            "Öffnen Sie die Registerkarte »Netzwerk«.",
            ["Netzwerk"],
            "Öffnen Sie die Registerkarte »<b>Netzwerk</b>«.",
        ),
        (
            "Öffnen Sie die Registerkarte \u201aNetzwerk\u2018.",
            ["Netzwerk"],
            "Öffnen Sie die Registerkarte \u201a<b>Netzwerk</b>\u2018.",
        ),
        # a quotation inside a compound: the pair holds all of it, never crosses it
        (
            "Öffnen Sie die „Netzwerk“-Einstellungen.",
            ["Netzwerk"],
            "Öffnen Sie die <b>„Netzwerk“-Einstellungen</b>.",
        ),
    ],
)
def test_a_pair_goes_around_a_quoted_word_inside_its_quotes(
    translation: str, inner: list[str], expected: str
) -> None:
    assert _placed("Open the <b>Network</b> tab.", translation, inner) == expected


def test_a_pair_around_quoted_words_keeps_its_quotes() -> None:
    placed = _placed(
        "Click <b>“Save”</b> now.", "Klicken Sie jetzt auf „Speichern“.", ["„Speichern“"]
    )
    assert placed == "Klicken Sie jetzt auf <b>„Speichern“</b>."


@pytest.mark.parametrize(
    ("source", "translation", "inner", "expected"),
    [
        # the source has the brackets outside the pair: the translation's stay outside it
        ("Use by (<g id=\"1\">Nov. 30, 2026</g>).", "Verwenden bis (Nov. 30, 2026).",
         ["Nov. 30, 2026"], "Verwenden bis (<g id=\"1\">Nov. 30, 2026</g>)."),
        ("Use by [<b>Nov. 30</b>].", "Verwenden bis [30. Nov.].", ["30. Nov."],
         "Verwenden bis [<b>30. Nov.</b>]."),
        ("Use by (“<b>Nov. 30</b>”).", "Verwenden bis („Nov. 30“).", ["Nov. 30"],
         "Verwenden bis („<b>Nov. 30</b>“)."),
        # and so where the pair's text ends with quotation marks of its own
        ('This NDA (the <b>"Agreement"</b>) is made.', 'Dieses NDA (das "Agreement") gilt.',
         ['"Abkommen"'], 'Dieses NDA (das <b>"Agreement"</b>) gilt.'),
        ('This NDA (the <b>"Agreement"</b>) is made.', "Dieses NDA (die „Vereinbarung“) gilt.",
         ["„Vereinbarung“"], "Dieses NDA (die <b>„Vereinbarung“</b>) gilt."),
        # brackets of the pair's own text stay inside it
        ("Set <b>Mode (fast)</b> now.", "Setze jetzt Modus (schnell).", ["Modus (schnell)"],
         "Setze jetzt <b>Modus (schnell)</b>."),
        # a bracket whose partner is inside the pair's words stays with them
        ("Set (<b>fast) mode</b> now.", "Setze jetzt (schnell) Modus.", ["schnell) Modus"],
         "Setze jetzt <b>(schnell) Modus</b>."),
        # a button's icon after its hidden label stays outside it (it went inside)
        ('<span class="sr-only">Close</span>\u00d7', "Schließen\u00d7", ["Schließen"],
         '<span class="sr-only">Schließen</span>\u00d7'),
        ('<span class="sr-only">Show password</span>👁\ufe0f', "Passwort anzeigen👁\ufe0f",
         ["Passwort anzeigen"], '<span class="sr-only">Passwort anzeigen</span>👁\ufe0f'),
        # a symbol of the pair's own text stays inside it
        ("Show the <b>cost in €</b> now.", "Zeige jetzt die Kosten in €.", ["Kosten in €"],
         "Zeige jetzt die <b>Kosten in €</b>."),
    ],
)  # fmt: skip
def test_brackets_and_symbols_the_source_has_outside_a_pair_stay_outside_it(
    source: str, translation: str, inner: list[str], expected: str
) -> None:
    assert _placed(source, translation, inner) == expected


def test_an_xliff_pair_in_brackets_keeps_them_outside(tmp_path: Path) -> None:
    words = {
        "Do not use after the expiry date (Nov. 30, 2026).": (
            "Verwenden Sie nicht nach Verfallsdatum (Nov. 30, 2026)."
        ),
        "Nov. 30, 2026": "Nov. 30, 2026",
    }
    source = tmp_path / "in.xlf"
    source.write_text(
        XLIFF12.replace(
            'Open <g id="1">the file</g> now',
            'Do not use after the expiry date (<g id="b1">Nov. 30, 2026</g>).',
        ),
        "utf-8",
    )
    translate_file(
        source, tmp_path / "out.xlf", lambda texts, prefer: [words.get(t, t) for t in texts]
    )
    assert 'Verfallsdatum (<g id="b1">Nov. 30, 2026</g>).</target>' in (
        (tmp_path / "out.xlf").read_text("utf-8")
    )


@pytest.mark.parametrize(
    ("source", "translation", "inner", "expected"),
    [
        # one word in the source, the head of a compound in the translation: closed after it
        ("The <strong>AeroFlex</strong> mat is 6 mm thick.", "Die AeroFlex-Matte ist 6 mm dick.",
         ["AeroFlex"], "Die <strong>AeroFlex</strong>-Matte ist 6 mm dick."),
        ("Open the <b>cookie</b> settings.", "Öffnen Sie die Cookie-Einstellungen.", ["Cookie"],
         "Öffnen Sie die <b>Cookie</b>-Einstellungen."),
        # a compound the source word does not start: the pair takes it whole
        ("Open <b>my document</b> now", "Jetzt Mein-Dokument öffnen", ["mein Dokument"],
         "Jetzt <b>Mein-Dokument</b> öffnen"),
        ("Open <b>Document</b> now", "Jetzt Mein-Dokument öffnen", ["Dokument"],
         "Jetzt <b>Mein-Dokument</b> öffnen"),
        # a kept name of several words, the head of a compound: closed after it too
        ('Connect the <g id="b1">CardioSense™ X1</g> sensor.',
         "Den CardioSense™ X1-Sensor anschließen.", ["CardioSense™ X1"],
         'Den <g id="b1">CardioSense™ X1</g>-Sensor anschließen.'),
        # words translated, not kept: the pair takes the compound whole, as before
        ("Use the <b>heart rate</b> monitor.", "Verwenden Sie den Herzfrequenz-Monitor.",
         ["Herzfrequenz"], "Verwenden Sie den <b>Herzfrequenz-Monitor</b>."),
    ],
)  # fmt: skip
def test_a_pair_around_one_word_closes_before_the_rest_of_its_compound(
    source: str, translation: str, inner: list[str], expected: str
) -> None:
    assert _placed(source, translation, inner) == expected


@pytest.mark.parametrize(
    ("source", "translation", "inner", "expected"),
    [
        # an MDX heading's badge: the translation one compound, the heading's word kept out
        ('Tooltip <Badge status="beta">Beta</Badge>', "Minihilfen-Benta", ["Beta"],
         'Minihilfen-<Badge status="beta">Benta</Badge>'),
        ('Tooltip <span class="badge">Beta</span>', "Minihilfen-Benta", ["Beta"],
         'Minihilfen-<span class="badge">Benta</span>'),  # HTML's alike
        ("<b>Beta</b> tooltip", "Benta-Minihilfe", ["Beta"], "<b>Benta</b>-Minihilfe"),
        # the pair holding all the source's words, or words outside it: as before
        ("<b>Beta tooltip</b>", "Benta-Minihilfe", ["Benta-Minihilfe"],
         "<b>Benta-Minihilfe</b>"),
        ("Open <b>Document</b> now", "Jetzt Mein-Dokument öffnen", ["Dokument"],
         "Jetzt <b>Mein-Dokument</b> öffnen"),
        # a pair whose text has a hyphen of its own, or a translation of more than one
        # compound, is not cut (it was: 'Read-<i>only</i>', 'E-<b>Mail verwenden</b>')
        ("Select <i>Read-only</i>", "Read-only", ["Read-only"], "<i>Read-only</i>"),
        ("Tap <strong>Log-in</strong>", "Tipp-Log-in", ["Log-in"],
         "<strong>Tipp-Log-in</strong>"),
        ("Use <b>E-mail</b>", "E-Mail verwenden", ["E-Mail verwenden"],
         "<b>E-Mail verwenden</b>"),
        ("Open <b>Wi-Fi settings</b>", "WLAN-Einstellungen öffnen",
         ["WLAN-Einstellungen öffnen"], "<b>WLAN-Einstellungen öffnen</b>"),
        ("<b>Two-factor</b> login", "Zwei-Faktor-Anmeldung", ["Zwei-Faktor-Anmeldung"],
         "<b>Zwei-Faktor-Anmeldung</b>"),
        # nor a compound whose parts are not one to each source word
        ("Tooltip <b>Beta</b>", "Mini-Hilfen-Benta", ["Benta"], "<b>Mini-Hilfen-Benta</b>"),
    ],
)  # fmt: skip
def test_words_outside_a_pair_stay_outside_a_compound_it_would_take_whole(
    source: str, translation: str, inner: list[str], expected: str
) -> None:
    """``# Tooltip <Badge status="beta">Beta</Badge>`` came back ``# <Badge
    status="beta">Minihilfen-Benta</Badge>``: the heading's word moved into the badge."""
    assert _placed(source, translation, inner) == expected


def test_a_csv_cell_keeps_bold_on_its_word_in_a_compound(tmp_path: Path) -> None:
    words = {
        "The AeroFlex mat is 6 mm thick.": "Die AeroFlex-Matte ist 6 mm dick.",
        "AeroFlex": "AeroFlex",
    }
    source = tmp_path / "body.csv"
    source.write_text(
        'key,en\nmat,"<p>The <strong>AeroFlex</strong> mat is 6 mm thick.</p>"\n', "utf-8"
    )
    out = tmp_path / "body.de.csv"
    translate_file(
        source,
        out,
        lambda texts, prefer: [words.get(t, t) for t in texts],
        src_lang="en",
        tgt_lang="de",
    )
    assert "<p>Die <strong>AeroFlex</strong>-Matte ist 6 mm dick.</p>" in out.read_text("utf-8")


INSERTED = '5.1 The Receiving Party <x id="1"/><g id="2">may</g> disclose it.'


@pytest.mark.parametrize(
    ("translation", "kept_apart", "expected"),
    [
        # a tracked insertion whose words the translation lacks: left out, not written in
        # beside them (``kann <g id="2">Mai</g>``), the translation's words untracked
        (
            '5.1 Die Partei <x id="1"/> kann es offenlegen.',
            ('<g id="2">',),
            '5.1 Die Partei <x id="1"/> kann es offenlegen.',
        ),
        # found: around its words, as ever
        (
            '5.1 Die Partei <x id="1"/> darf es offenlegen.',
            ('<g id="2">',),
            '5.1 Die Partei <x id="1"/> <g id="2">darf</g> es offenlegen.',
        ),
        # another pair not found keeps its words, written in at its place
        (
            '5.1 Die Partei <x id="1"/> kann es offenlegen.',
            (),
            '5.1 Die Partei <x id="1"/> kann <g id="2">Mai</g> es offenlegen.',
        ),
    ],
)
def test_a_tracked_insertion_not_found_is_left_out_not_written_in_twice(
    translation: str, kept_apart: tuple[str, ...], expected: str
) -> None:
    paired = strip_pairs(INSERTED)
    assert paired is not None
    inner = ["darf" if "darf" in translation else "Mai"]
    assert place_pairs(paired, translation, inner, kept_apart=kept_apart) == expected


def test_without_tags_keeps_the_text_of_the_pairs_left_out() -> None:
    paired = strip_pairs(INSERTED)
    assert paired is not None
    assert without_tags(INSERTED, paired.pairs) == (
        '5.1 The Receiving Party <x id="1"/>may disclose it.'
    )


@pytest.mark.parametrize("name", ["option", "filepath", "cmdname", "varname", "codeph"])
def test_dita_s_code_names_are_words_outside_dita(name: str) -> None:
    """Regression trial regf, session 68: DITA's code names kept their text as written in
    every format (JSON's "Choose <option>Automatic</option> ..." kept Automatic English); they
    are code in a DITA topic alone (its dialect marks them translate="no")."""
    source = f"Choose <{name}>Automatic</{name}> to let the app decide."
    paired = strip_pairs(source)
    assert paired is not None
    assert paired.text == "Choose Automatic to let the app decide."
    assert [pair.token for pair in paired.pairs] == [""]
    assert not kept_as_written(f"<{name}>")


def test_an_xliff_pair_around_a_kept_name_ends_before_its_compounds_tail(tmp_path: Path) -> None:
    words = {
        "Connect the CardioSense™ X1 sensor to the monitor.": (
            "Den CardioSense™ X1-Sensor an den Monitor anschließen."
        ),
        "CardioSense™ X1": "CardioSense™ X1",
    }
    source = tmp_path / "in.xlf"
    source.write_text(
        XLIFF12.replace(
            'Open <g id="1">the file</g> now',
            'Connect the <g id="b1">CardioSense™ X1</g> sensor to the monitor.',
        ),
        "utf-8",
    )
    translate_file(
        source, tmp_path / "out.xlf", lambda texts, prefer: [words.get(t, t) for t in texts]
    )
    assert '>Den <g id="b1">CardioSense™ X1</g>-Sensor an den Monitor anschließen.</target>' in (
        (tmp_path / "out.xlf").read_text("utf-8")
    )


@pytest.mark.parametrize(
    ("source", "text", "to_translate", "wrapper"),
    [
        ("<speak>Wait.</speak>", "Wait.", [], ("<speak>", "</speak>")),
        (
            '<speak>I <emphasis level="strong">told</emphasis> you so.</speak>',
            "I told you so.",
            ["told"],
            ("<speak>", "</speak>"),
        ),
        (
            '<speak>Sit.<break time="500ms"/> Now.</speak>',
            'Sit.<break time="500ms"/> Now.',
            [],
            ("<speak>", "</speak>"),
        ),
        ("<speak><p>Run away.</p></speak>", "Run away.", [], ("<speak><p>", "</p></speak>")),
        # the first closing tag ends the first element: no element around the whole
        ("<b>Save</b> and <b>Quit</b>", "Save and Quit", ["Save", "Quit"], ("", "")),
    ],
)
def test_an_element_around_the_whole_source_is_taken_off_before_its_pairs(
    source: str, text: str, to_translate: list[str], wrapper: tuple[str, str]
) -> None:
    """``<speak>`` around an SSML line stayed in the text the model read, which kept the word
    glued to it English (``<speak>I habe <emphasis>sagte</emphasis> ...``), or it was a pair
    put around the translation's words without the sentence's final mark (``<speak>Warte
    </speak>!``, no longer well-formed XML)."""
    paired = strip_pairs(source)
    assert paired is not None
    assert (paired.text, paired.to_translate, paired.wrapper) == (text, to_translate, wrapper)


def test_ssml_lines_keep_their_root_element_around_the_whole_translation(tmp_path: Path) -> None:
    seen: list[str] = []

    def upper(texts: list[str], prefer: object) -> list[str]:
        seen.extend(texts)
        return [text.upper() for text in texts]

    source = tmp_path / "vo.txt"
    source.write_text(
        "<speak>Wait.</speak>\n"
        '<speak>I <emphasis level="strong">told</emphasis> you so.</speak>\n'
        '<speak><phoneme alphabet="ipa" ph="kip">keep</phoneme> is here.</speak>\n'
        '<speak>Say <say-as interpret-as="characters">hp</say-as> slowly.</speak>\n'
        '<speak><prosody rate="slow">The shard remembers.</prosody></speak>\n',
        "utf-8",
    )
    translate_file(source, tmp_path / "vo.de.txt", upper)
    assert (tmp_path / "vo.de.txt").read_text("utf-8").splitlines() == [
        "<speak>WAIT.</speak>",  # the final mark inside the root element, as in the source
        '<speak>I <emphasis level="strong">TOLD</emphasis> YOU SO.</speak>',
        '<speak><phoneme alphabet="ipa" ph="kip">keep</phoneme> IS HERE.</speak>',
        '<speak>SAY <say-as interpret-as="characters">hp</say-as> SLOWLY.</speak>',
        '<speak><prosody rate="slow">THE SHARD REMEMBERS.</prosody></speak>',
    ]
    assert {"I told you so.", "told"} <= set(seen)  # what the model read without the tags


@pytest.mark.parametrize(("source", "kept"), [
    ("or type <command>photonic</command> in a terminal.", "<command>photonic</command>"),
    ("Run <cmd>photonic --reset</cmd> if it fails.", "<cmd>photonic --reset</cmd>"),
    ("Stored in <filename>~/.config/photonic/settings.ini</filename>.",
     "<filename>~/.config/photonic/settings.ini</filename>"),
    ("Open <file>photo.jpg</file> first.", "<file>photo.jpg</file>"),
    ("Type <userinput>photonic --import</userinput> now.",
     "<userinput>photonic --import</userinput>"),
    ("It prints <computeroutput>Imported 42 photos</computeroutput>.",
     "<computeroutput>Imported 42 photos</computeroutput>"),
    ("Set <envar>PHOTONIC_HOME</envar> first.", "<envar>PHOTONIC_HOME</envar>"),
    ("Pass <parameter>angle</parameter> to it.", "<parameter>angle</parameter>"),
    ("Write <literal>true</literal> there.", "<literal>true</literal>"),
    ("Type <input>yes</input> and see <output>done</output>.", "<input>yes</input>"),
    ("See <sys>x86_64</sys> builds.", "<sys>x86_64</sys>"),
])  # fmt: skip
def test_docbook_and_mallard_code_is_kept_whole(source: str, kept: str) -> None:
    """Trial db271 (itstool's strings of a help page): ``<command>photonic</command>`` came
    back ``<command>Photonik</command>``, and ``Run <cmd>photonic --reset</cmd>`` lost the
    program's name while the next sentence went into the link before it. Such code is one token
    with its tags, as ``<code>`` is: in an itstool catalog's entries alone (``docbook``)."""
    paired = strip_pairs(source, docbook=True)
    assert paired is not None
    tokens = [pair for pair in paired.pairs if pair.token]
    assert f"{tokens[0].opening}{tokens[0].inner}{tokens[0].closing}" == kept
    assert tokens[0].token in paired.text
    assert kept not in paired.text


@pytest.mark.parametrize("source", [
    "Save it as <replaceable>file name</replaceable>.",  # the reader's words: translated
    "Type <file name> and press OK.",  # a metavariable, no element
    "Usage: photonic <input> <output>",
    "Choose <varname>Automatic</varname> to let the app decide.",  # session 68: words
])  # fmt: skip
def test_prose_like_elements_and_metavariables_are_not_kept_whole(source: str) -> None:
    paired = strip_pairs(source, docbook=True)
    assert paired is None or not any(pair.token for pair in paired.pairs)


@pytest.mark.parametrize("name", ["file", "input", "output", "parameter", "literal", "sys"])
def test_docbook_code_names_elsewhere_are_an_apps_markup_around_words(name: str) -> None:
    """Since bc12da47 'Save the <file>current file</file>' in JSON, XLIFF or a plain PO kept
    'current file' English (one token) and the model lost 'Save'; outside an itstool catalog
    such an element is a pair whose words are translated, as this morning."""
    source = f"Save the <{name}>current file</{name}>"
    paired = strip_pairs(source)
    assert paired is not None
    assert [(pair.opening, pair.inner, pair.token) for pair in paired.pairs] == [
        (f"<{name}>", "current file", "")
    ]
    assert paired.text == "Save the current file"
    kept = strip_pairs(source, docbook=True)
    assert kept is not None and [pair.token for pair in kept.pairs] == ['<ph id="ltmt-v1"/>']


def test_a_plain_catalogs_file_element_is_translated_with_its_sentence(tmp_path: Path) -> None:
    po = tmp_path / "ui-de.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: de\\n"\n\n'
        'msgid "Save the <file>current file</file>"\nmsgstr ""\n',
        "utf-8",
    )
    seen: list[str] = []

    def model(texts: list[str], prefer: list[dict] | None = None) -> list[str]:
        seen.extend(texts)
        return [text.upper() for text in texts]

    translate_file(po, po, model)
    assert "Save the current file" in seen
    assert 'msgstr "SAVE THE <file>CURRENT FILE</file>"' in po.read_text("utf-8")


def test_an_itstool_strings_code_is_kept_and_its_link_translated(tmp_path: Path) -> None:
    po = tmp_path / "help-de.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: de\\n"\n\n'
        "#. (itstool) path: note/p\n"
        'msgid ""\n"See <link xref=\\"importing\\">Importing photos</link> to add more photos. '
        'Run "\n"<cmd>photonic --reset</cmd> if the editor does not start."\nmsgstr ""\n\n'
        "#. (itstool) path: chapter/para\n"
        'msgid "Or type <command>photonic</command> in a terminal."\nmsgstr ""\n',
        "utf-8",
    )
    seen: list[str] = []

    def model(texts: list[str], prefer: list[dict] | None = None) -> list[str]:
        seen.extend(texts)
        return [text.upper() for text in texts]

    translate_file(po, po, model)
    # the sentence the translation is made of holds the code as one token
    assert 'Run <ph id="ltmt-v1"/> if the editor does not start.' in " ".join(seen)
    written = po.read_text("utf-8").replace('"\n"', "")
    assert (
        'msgstr "SEE <link xref=\\"importing\\">IMPORTING PHOTOS</link> TO ADD MORE PHOTOS. RUN '
        '<cmd>photonic --reset</cmd> IF THE EDITOR DOES NOT START."'
    ) in written
    assert 'msgstr "OR TYPE <command>photonic</command> IN A TERMINAL."' in written

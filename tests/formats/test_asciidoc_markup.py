"""AsciiDoc's inline macros in po4a's catalogs (trial as170): a macro with words is a pair, its
name and target kept byte for byte and its words translated; one kept as written is one
placeholder; text of other formats is unchanged."""

from __future__ import annotations

import pytest

from ltmt.formats.paired_tags import place_pairs, strip_pairs
from ltmt.formats.placeholder_syntax import find_placeholders
from ltmt.units import LineForms, split_segment


@pytest.mark.parametrize(("source", "plain", "pairs"), [
    ("Choose menu:File[Save As].", "Choose Save As.", [("menu:File[", "Save As", "]")]),
    ("See link:https://example.com[our site^] now.", "See our site^ now.",
     [("link:https://example.com[", "our site^", "]")]),
    ("See xref:index.adoc#overview[the overview].", "See the overview.",
     [("xref:index.adoc#overview[", "the overview", "]")]),
    ("* xref:install.adoc[Install the agent]", "* Install the agent",
     [("xref:install.adoc[", "Install the agent", "]")]),
    ("see <<_prerequisites,the prerequisites>>.", "see the prerequisites.",
     [("<<_prerequisites,", "the prerequisites", ">>")]),
    ("It is [.role-warning]#offline# now.", "It is offline now.",
     [("[.role-warning]#", "offline", "#")]),
    # a key combination (regression regf170): its keys are named in German (Strg, Umschalt)
    ("Press kbd:[Ctrl+S] to save the page.", "Press Ctrl+S to save the page.",
     [("kbd:[", "Ctrl+S", "]")]),
    ("Use kbd:[Ctrl+Shift+P] to open the command palette.",
     "Use Ctrl+Shift+P to open the command palette.", [("kbd:[", "Ctrl+Shift+P", "]")]),
])  # fmt: skip
def test_a_macro_with_words_is_a_pair(
    source: str, plain: str, pairs: list[tuple[str, str, str]]
) -> None:
    paired = strip_pairs(source)
    assert paired is not None
    assert paired.text == plain
    assert [(p.opening, p.inner, p.closing) for p in paired.pairs] == pairs


@pytest.mark.parametrize("macro", [
    "include::partial$snippet.adoc[]", "pass:[<u>yes</u>]", "kbd:[Enter]",
    "image::diagram.png[Architecture,300]", "[[install-linux]]", "<<install-linux>>",
    "<<guide.adoc#setup>>", "[[_overview,Overview]]",
])  # fmt: skip
def test_a_macro_kept_as_written_is_one_placeholder_put_back_whole(macro: str) -> None:
    source = f"Type {macro} here."
    assert [p.text for p in find_placeholders(source)] == [macro]
    paired = strip_pairs(source)
    assert paired is not None and paired.to_translate == []
    token = paired.pairs[0].token
    assert place_pairs(paired, f"Geben Sie {token} hier ein.", []) == (
        f"Geben Sie {macro} hier ein."
    )


def test_a_pairs_words_are_translated_and_its_marks_kept() -> None:
    paired = strip_pairs("Choose menu:File[Save As] now.")
    assert paired is not None
    written = place_pairs(paired, "Wählen Sie jetzt Speichern unter.", ["Speichern unter"])
    assert written == "Wählen Sie jetzt menu:File[Speichern unter]."


def test_a_key_macros_combination_is_written_with_german_key_names() -> None:
    """``Press kbd:[Ctrl+S] to save the page.`` came back ``... kbd:[Ctrl+S] ...`` (regression
    regf170: the macro was kept whole), where the morning and German docs write ``Strg+S``."""
    paired = strip_pairs("Press kbd:[Ctrl+S] to save the page.")
    assert paired is not None
    inner = split_segment("Ctrl+S", LineForms(decorations=True, target_language="de"))
    assert inner.lines == []  # keys alone: written without the model
    written = inner.rebuild([])
    translation = f"Drücken Sie {written}, um die Seite zu speichern."
    assert place_pairs(paired, translation, [written]) == (
        "Drücken Sie kbd:[Strg+S], um die Seite zu speichern."
    )


@pytest.mark.parametrize("text", [
    "Note: [1] is a footnote.", "key:value[0]", "a [b] c ] d", "see http://example.com[1]",
    "Menu:File[Save]", "x # y # z", "a >> b", "<<not an id>>",
    # chat, quotes, wiki links and tickets (regression rega70: qa said "lacks <<hello>>",
    # and "Ticket [#123]#open# now." came back "Ticket [#123]#offen# öffnet hier.")
    "Type <<hello>> in the chat.", "Quote: <<Mom,see you at 5>>", "See [[Help]] for details.",
    "Press [[A]] to jump.", "See [[Main_Page]] on the wiki.", "Ticket [#123]#open# now.",
    "Hey, what's up? [[not sure]] but ok.", "Quote: <<mom,see you at 5>>",
    # so a plain word's id is text in a catalog too: nothing says the text is AsciiDoc
    "See <<install>>.", "See <<install,the guide>>.", "[[install]]",
])  # fmt: skip
def test_text_of_other_formats_holds_no_asciidoc(text: str) -> None:
    assert [p for p in find_placeholders(text) if p.kind == "asciidoc"] == []
    assert strip_pairs(text) is None

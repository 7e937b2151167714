"""AsciiDoc's inline macros in po4a's catalogs (trial as170): a macro with words is a pair, its
name and target kept byte for byte and its words translated; one kept as written is one
placeholder; text of other formats is unchanged."""

from __future__ import annotations

import pytest

from ltmt.formats.paired_tags import place_pairs, strip_pairs
from ltmt.formats.placeholder_syntax import find_placeholders


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
])  # fmt: skip
def test_a_macro_with_words_is_a_pair(
    source: str, plain: str, pairs: list[tuple[str, str, str]]
) -> None:
    paired = strip_pairs(source)
    assert paired is not None
    assert paired.text == plain
    assert [(p.opening, p.inner, p.closing) for p in paired.pairs] == pairs


@pytest.mark.parametrize("macro", [
    "include::partial$snippet.adoc[]", "pass:[<u>yes</u>]", "kbd:[Ctrl+C]",
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

"""Where the children of an XML file's root stand in its text, for writers that keep a file as
written."""

from __future__ import annotations

import time

import pytest

from ltmt.formats.xml_children import root_children


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '<?xml version="1.0"?>\n<resources>\n    <string name="a">A</string>\n</resources>\n',
            [("element", '<string name="a">A</string>')],
        ),
        (  # markup inside CDATA, a '>' inside an attribute's quotes, a '<' in a comment
            "\ufeff<!-- head --><r a='1>'>"
            '<s t="x>y"><![CDATA[<b>x</b>]]></s><!-- a <note> --><?pi x?><e/>'
            "<p><i>1</i><i/></p></r>",
            [
                ("element", '<s t="x>y"><![CDATA[<b>x</b>]]></s>'),
                ("comment", "<!-- a <note> -->"),
                ("pi", "<?pi x?>"),
                ("element", "<e/>"),
                ("element", "<p><i>1</i><i/></p>"),
            ],
        ),
        (  # a DOCTYPE with an internal subset, whose declarations end in '>'
            '<!DOCTYPE resources [<!ENTITY app "Notes">]>\n<resources>\t<string n="a">&app;'
            "</string>\t</resources>",
            [("element", '<string n="a">&app;</string>')],
        ),
        ("<resources>\n</resources>", []),
    ],
)
def test_children_are_found_as_written(text: str, expected: list[tuple[str, str]]) -> None:
    found = root_children(text)
    assert found is not None
    assert [(child.kind, text[child.start : child.end]) for child in found.children] == expected
    assert text[found.closing :].startswith("</")
    first = found.children[0].start if found.children else found.closing
    assert text[found.before(0) : first].strip() == ""


@pytest.mark.parametrize("text", ["<resources/>", "no XML", "<r><a>never closed"])
def test_a_root_without_a_place_for_children_is_none(text: str) -> None:
    assert root_children(text) is None


@pytest.mark.parametrize(
    "text",
    [
        '<r><a b="' + "x'>" * 100_000,  # an attribute never closed
        "<r><a " + "\"'" * 100_000,
        "<r>" + "<!--" * 100_000,
        "<r>" + "<a " * 100_000,
        "<r>" + "<![CDATA[" * 50_000,
    ],
    ids=["open-attribute", "quotes", "comments", "open-tags", "cdata"],
)
def test_adversarial_input_is_read_in_linear_time(text: str) -> None:
    started = time.perf_counter()
    assert root_children(text) is None
    assert time.perf_counter() - started < 2.0

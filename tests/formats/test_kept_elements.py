"""An existing XML output written over as it is: the elements a run keeps byte for byte, the
others replaced, inserted or removed in the file's own layout."""

from __future__ import annotations

import codecs

import pytest
from lxml import etree

from ltmt.formats.kept_elements import KeptRules, carry_attributes, write_over


def _name(element: etree._Element) -> str | None:
    return element.get("name")


def _texts(element: etree._Element) -> list[str]:
    return [text.strip() for text in element.itertext() if text.strip()]


def _same_text(existing: etree._Element, element: etree._Element) -> bool:
    return _texts(existing) == _texts(element)


RULES = KeptRules(
    identity=_name,
    same=_same_text,
    removed=lambda element: element.get("name") == "gone",
    carried=lambda existing, element: carry_attributes(
        existing, element, frozenset({"translatable"})
    ),
)

FRESH = """<?xml version="1.0" encoding="utf-8"?>
<r xmlns:x="urn:x">
    <!-- first -->
    <s name="a">A</s>
    <s name="b">B</s>
    <!-- the plural -->
    <p name="c">
        <i>one</i>
        <i>many</i>
    </p>
    <s name="d"><x:g>D</x:g></s>
</r>
"""


def _over(existing: str, fresh: str = FRESH, encoding: str = "utf-8") -> str:
    written = write_over(existing.encode(encoding), fresh.encode("utf-8"), RULES)
    assert written is not None
    return written.decode(encoding)


def test_a_file_that_holds_the_same_is_returned_as_it_is() -> None:
    existing = (
        "<?xml version='1.0'?>\n<!-- theirs -->\n<r xmlns:t=\"urn:t\" t:ignore='All'>\n"
        "\t<s name='d' t:ignore='Typos'>&#68;</s>\n"  # another order, escape and quote
        '\t<s name="b">B</s>\r\n\t<p name="c"><i>one</i><i>many</i></p>'
        '<s name="a"  >A</s><s name="own">Eigen</s>\n</r>\n'
    )
    written = write_over(existing.encode(), FRESH.encode(), RULES)
    assert written == existing.encode()


def test_new_elements_follow_their_neighbour_in_the_files_indentation() -> None:
    existing = '<r xmlns:x="urn:x">\n\t<s name="b">B</s>\n\t<s name="own">Eigen</s>\n</r>\n'
    assert _over(existing) == (
        '<r xmlns:x="urn:x">\n'
        "\t<!-- first -->\n"  # before the file's first element, with its note
        '\t<s name="a">A</s>\n'
        '\t<s name="b">B</s>\n'
        "\t<!-- the plural -->\n"  # after b, its neighbour in the source
        '\t<p name="c">\n\t\t<i>one</i>\n\t\t<i>many</i>\n\t</p>\n'
        '\t<s name="d"><x:g>D</x:g></s>\n'  # the root declares x: not declared again
        '\t<s name="own">Eigen</s>\n'  # the file's own, in place
        "</r>\n"
    )


def test_a_changed_element_is_written_in_place_with_the_attributes_it_had() -> None:
    existing = (
        '<r xmlns:t="urn:t">\r\n  <s name="a" t:ignore="Typos" translatable="false">Alt</s>\r\n'
        '  <s name="b">B</s>\r\n</r>'
    )
    assert _over(existing) == (
        '<r xmlns:t="urn:t">\r\n'
        '  <s name="a" t:ignore="Typos">A</s>\r\n'  # theirs but translatable, its notes theirs
        '  <s name="b">B</s>\r\n'
        "  <!-- the plural -->\r\n"
        '  <p name="c">\r\n    <i>one</i>\r\n    <i>many</i>\r\n  </p>\r\n'
        '  <s xmlns:x="urn:x" name="d"><x:g>D</x:g></s>\r\n'  # a namespace the root lacks
        "</r>"
    )


def test_an_element_that_goes_is_removed_with_its_notes() -> None:
    fresh = '<r>\n    <s name="a">A</s>\n</r>\n'
    existing = '<r>\n    <s name="a">A</s>\n    <!-- old -->\n    <s name="gone">X</s>\n</r>\n'
    assert _over(existing, fresh) == '<r>\n    <s name="a">A</s>\n</r>\n'


@pytest.mark.parametrize(
    ("existing", "expected"),
    [
        ("<r>\n</r>\n", '<r>\n    <s name="a">A</s>\n    <s name="b">B</s>\n</r>\n'),
        ('<r><s name="b">B</s></r>', '<r><s name="a">A</s><s name="b">B</s></r>'),
    ],
)
def test_an_empty_or_one_line_file_gets_the_new_elements_in_its_layout(
    existing: str, expected: str
) -> None:
    fresh = '<r>\n    <s name="a">A</s>\n    <s name="b">B</s>\n</r>\n'
    assert _over(existing, fresh) == expected


def test_the_files_encoding_and_byte_order_mark_are_kept() -> None:
    existing = '<?xml version="1.0" encoding="UTF-16"?>\n<r>\n    <s name="b">B</s>\n</r>\n'
    data = codecs.BOM_UTF16_LE + existing.encode("utf-16-le")
    written = write_over(data, FRESH.encode(), RULES)
    assert written is not None and written.startswith(codecs.BOM_UTF16_LE)
    assert written.decode("utf-16").startswith(
        '<?xml version="1.0" encoding="UTF-16"?>\n<r>\n    <!-- first -->\n    <s name="a">A</s>'
    )
    latin = '<?xml version="1.0" encoding="iso-8859-1"?>\n<r>\n    <s name="b">Ö</s>\n</r>\n'
    fresh = '<r>\n    <s name="a">…</s>\n    <s name="b">Ö</s>\n</r>\n'
    assert _over(latin, fresh, "iso-8859-1") == latin.replace(
        "<r>\n",
        '<r>\n    <s name="a">&#8230;</s>\n',  # a character it cannot hold, escaped
    )


@pytest.mark.parametrize(
    "existing",
    [
        "<r/>",  # no place for a child
        "<!DOCTYPE r [<!ENTITY e \"<s name='a'>A</s>\">]><r>&e;</r>",  # elements in an entity
    ],
)
def test_a_file_that_cannot_be_written_over_is_none(existing: str) -> None:
    assert write_over(existing.encode(), FRESH.encode(), RULES) is None


@pytest.mark.parametrize(
    ("existing", "expected"),
    [
        ('<r>\n  <s name="e"/>\n</r>', '<r>\n  <s name="e" k="a&quot;b"/>\n</r>'),
        ("<r>\n  <s name='e' ></s>\n</r>", "<r>\n  <s name='e'  k=\"a&quot;b\"></s>\n</r>"),
    ],
)
def test_an_attribute_the_source_gives_a_kept_element_is_added(
    existing: str, expected: str
) -> None:
    fresh = '<r xmlns:t="urn:t">\n    <s name="e" k=\'a"b\' t:n="1"/>\n</r>\n'
    assert _over(existing, fresh) == expected  # a namespaced one (t:n) is no build's need

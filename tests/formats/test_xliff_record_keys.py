"""The keys the record of an XLIFF file filled in place keeps its units under: their ids."""

from __future__ import annotations

import pytest
from lxml import etree

from ltmt.formats.xliff import iter_units
from ltmt.formats.xliff_record_keys import recorded_as

NS = 'xmlns="urn:oasis:names:tc:xliff:document:1.2"'


def keys_of(files: str) -> list[str]:
    tree = etree.ElementTree(etree.fromstring(f'<xliff {NS} version="1.2">{files}</xliff>'))
    return recorded_as(list(iter_units(tree, 1)))


def file12(original: str, units: str) -> str:
    return (
        f'<file original="{original}" source-language="en" datatype="x"><body>{units}</body></file>'
    )


def unit(uid: str | None, source: str = "Save") -> str:
    attribute = "" if uid is None else f' id="{uid}"'
    return f"<trans-unit{attribute}><source>{source}</source></trans-unit>"


SEGMENTED = (
    '<trans-unit id="u1"><source>A. B.</source><seg-source><mrk mtype="seg" mid="1">A.</mrk> '
    '<mrk mtype="seg" mid="2">B.</mrk></seg-source></trans-unit>'
)


@pytest.mark.parametrize(
    ("files", "keys"),
    [
        (file12("a", unit("save") + unit("close")), ["save", "close"]),
        # a unit inserted before the others moves none of their keys
        (file12("a", unit("new") + unit("save") + unit("close")), ["new", "save", "close"]),
        (file12("a", SEGMENTED), ["u1/1", "u1/2"]),  # a Trados or Okapi segment: id/mid
        # several files (Okapi numbers each one's units from 1): under the file's original
        (file12("a.html", unit("1")) + file12("b.html", unit("1")), ["a.html\t1", "b.html\t1"]),
        # no id, or one shared within a file: by place (two tabs: no id starts so)
        (file12("a", unit(None) + unit("ok")), ["\t\t0", "ok"]),
        (file12("a", unit("x") + unit("x") + unit("y")), ["\t\t0", "\t\t1", "y"]),
    ],
)
def test_units_are_recorded_by_their_ids(files: str, keys: list[str]) -> None:
    assert keys_of(files) == keys

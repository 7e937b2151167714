"""Targets that say "not translated yet": a source marked or copied as the target."""

from __future__ import annotations

import pytest
from lxml import etree

from ltmt.formats.untranslated_marks import is_word_for_word_copy

NS = 'xmlns="urn:oasis:names:tc:xliff:document:1.2"'


@pytest.mark.parametrize(
    ("source", "target", "copied"),
    [
        ("Open the file.", "Open the file.", True),
        ("Open the file.", " open  THE file. ", True),  # spaces and case aside
        ('Click <g id="1">Save</g>.', "Click <g id='7' ctype='bold'>Save</g>.", True),
        ("Open the file.", "*Open the file.", False),  # a prefill mark: is_source_copy's
        ("Open the file.", "Open a file.", False),  # words of its own: no language guess
        ("Open the file.", "Öffnen Sie die Datei.", False),
    ],
)
def test_a_word_for_word_copy_ignores_spaces_case_and_tags_only(
    source: str, target: str, copied: bool
) -> None:
    pair = (
        etree.fromstring(f"<source {NS}>{source}</source>"),
        etree.fromstring(f"<target {NS}>{target}</target>"),
    )
    assert is_word_for_word_copy(*pair) is copied

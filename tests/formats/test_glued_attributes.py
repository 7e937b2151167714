"""An attribute list glued to the element before it stays glued in the translation
(:mod:`ltmt.formats.glued_attributes`)."""

from __future__ import annotations

import pytest

from ltmt.formats.glued_attributes import with_attributes_glued
from ltmt.formats.markdown import Block

_BUTTON = '<code data-md="raw">{ .md-button }</code>'
_LINK = '<a href="index.md#install">'


@pytest.mark.parametrize(
    ("source", "translation", "expected"),
    [
        # the trial's: a word put between the link and its list, the list moved back
        (f"See {_LINK}Install</a>{_BUTTON} first.",
         f"Zunächst einmal {_LINK}installieren</a> Sie{_BUTTON}.",
         f"Zunächst einmal {_LINK}installieren</a>{_BUTTON} Sie."),
        # the list before its link, a blank before it that stood between words dropped
        (f"See {_LINK}Install</a>{_BUTTON} first.",
         f"Zuerst {_BUTTON} die {_LINK}Installation</a> lesen.",
         f"Zuerst die {_LINK}Installation</a>{_BUTTON} lesen."),
        # the second of two links: each list after its own
        (f'<a href="a">A</a> and {_LINK}B</a>{_BUTTON}',
         f'{_BUTTON}<a href="a">A</a> und {_LINK}B</a>',
         f'<a href="a">A</a> und {_LINK}B</a>{_BUTTON}'),
        # an image's, emphasis's and a code span's
        ('See <img src="l.png" alt="Logo"/><code data-md="raw">{ width=300 }</code> here.',
         'Siehe hier <img src="l.png" alt="Logo"/>.<code data-md="raw">{ width=300 }</code>',
         'Siehe hier <img src="l.png" alt="Logo"/><code data-md="raw">{ width=300 }</code>.'),
        ('Press <b>Save</b><code data-md="raw">{: .x }</code> now.',
         'Drücken Sie jetzt <b>Speichern</b> <code data-md="raw">{: .x }</code>',
         'Drücken Sie jetzt <b>Speichern</b><code data-md="raw">{: .x }</code>'),
        ('Run <code>make</code><code data-md="raw">{ .cmd }</code> now.',
         'Führen Sie <code>make</code> jetzt<code data-md="raw">{ .cmd }</code> aus.',
         'Führen Sie <code>make</code><code data-md="raw">{ .cmd }</code> jetzt aus.'),
    ],
)  # fmt: skip
def test_an_attribute_list_is_moved_back_after_its_element(
    source: str, translation: str, expected: str
) -> None:
    assert with_attributes_glued(source, translation) == expected


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        # glued already
        (f"See {_LINK}Install</a>{_BUTTON}.", f"Siehe {_LINK}Installieren</a>{_BUTTON}."),
        # not glued in the source: a list after a blank, a template tag kept as written
        (f"See {_LINK}Install</a> {_BUTTON}.", f"Siehe {_BUTTON} {_LINK}Installieren</a>."),
        ('See <a href="x">x</a><code data-md="raw">{{< ref >}}</code>.',
         'Siehe <code data-md="raw">{{< ref >}}</code> <a href="x">x</a>.'),
        # its element lacking in the translation: left where it is
        (f"See {_LINK}Install</a>{_BUTTON}.", f"Siehe Installieren {_BUTTON}."),
    ],
)  # fmt: skip
def test_other_lists_stay_where_the_translation_has_them(source: str, translation: str) -> None:
    assert with_attributes_glued(source, translation) == translation


def test_a_blocks_markdown_keeps_the_button_on_its_link() -> None:
    """The trial's MkDocs button: ``[installieren](index.md#install) Sie{ .md-button }``."""
    block = Block("block0", f"See {_LINK}Install</a>{_BUTTON} first.", 0, 1, "", "")
    translation = f"Zunächst einmal {_LINK}installieren</a> Sie{_BUTTON}."
    assert (
        block.text(translation)
        == "Zunächst einmal [installieren](index.md#install){ .md-button } Sie."
    )

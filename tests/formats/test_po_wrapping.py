"""A PO catalog's own wrapping kept for the strings ltmt writes, and its ending kept
(:mod:`ltmt.formats.po_wrapping`)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.formats.pipeline import translate_file
from ltmt.formats.po_wrapping import BabelWrapper, wrap_width

LONG = (
    "We could not send the confirmation email because the mail server did not answer in "
    "time. Please try again in a few minutes."
)
BABEL_HEADER = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n'
    '"Language: de\\n"\n"Generated-By: Babel 2.19.0\\n"\n\n'
)


def test_a_babel_catalog_is_filled_wrapped_as_babel_wraps_and_keeps_its_last_blank_line(
    tmp_path: Path,
) -> None:
    """Regression trial babel, session 67: ltmt wrapped a new msgstr at 79 columns where Babel
    wraps at 76 (noise in the next ``pybabel update``'s diff), and an in-place run dropped
    the blank line that ends a catalog ``pybabel init`` wrote."""
    po = tmp_path / "messages.po"
    po.write_text(BABEL_HEADER + f'msgid ""\n"{LONG[:70]}"\n"{LONG[70:]}"\nmsgstr ""\n\n', "utf-8")
    translate_file(po, po, FakeModel())
    written = po.read_text("utf-8")
    assert written.endswith(
        'msgstr ""\n'
        '"WE COULD NOT SEND THE CONFIRMATION EMAIL BECAUSE THE MAIL SERVER DID NOT "\n'
        '"ANSWER IN TIME. PLEASE TRY AGAIN IN A FEW MINUTES."\n\n'
    )
    from babel.messages.pofile import normalize  # the wrapping Babel writes

    assert normalize(LONG.upper(), width=76) in written


@pytest.mark.parametrize(
    "text",
    [
        LONG,
        'Say "hello" to the e-mail long-running server-side check\nthen\tgo on with it now',
        "short",
        "a-very-long-word-without-any-space-" * 3 + "\n",
    ],
)
def test_babel_wrapping_is_babels(text: str) -> None:
    from babel.messages.pofile import normalize
    from translate.storage.pypo import quoteforpo

    assert "\n".join(quoteforpo(text, BabelWrapper())) == normalize(text, width=76)


@pytest.mark.parametrize(
    ("lines", "width"),
    [
        # wrapped narrower (msgcat --width): the next line's word would have fit in 79 columns
        (['msgid ""', '"Please try again in a few minutes with the other "', '"server."'], 51),
        # gettext's 79: the next word would not have fit
        (['msgid ""', '"' + "x" * 70 + ' "', '"abcdefghijk"'], None),
        (['msgid "short"', 'msgstr ""', '"Header: x\\n"'], None),  # no wrapped line
        # regression trial regc (url.po), session 67: one URL, which cannot be cut, on a line
        # of 89 columns in a catalog xgettext wrapped at 79 was read as the width
        (
            [
                'msgid ""',
                '"For details see "',
                '"https://docs.example.com/en/latest/administration/configuration/'
                'advanced-settings.html "',
                '"in the manual."',
                'msgid ""',
                '"Your changes have been saved successfully and will be applied the next time "',
                '"you restart the application."',
            ],
            None,
        ),
        # regression trial unreal, session 68: a CRLF line's "\r" was read as a column and
        # its header lines as wrapped at their own lengths (about 40 columns)
        (['msgid ""\r', 'msgstr ""\r', '"Language: de\\n"\r', '"Plural-Forms: x;\\n"\r'], None),
        (
            ['msgid ""\r', '"Please try again in a few minutes with the other "\r', '"server."\r'],
            51,
        ),
    ],
)
def test_a_catalogs_wrap_width_is_read_off_its_wrapped_lines(
    lines: list[str], width: int | None
) -> None:
    assert wrap_width(lines) == width


def test_a_catalog_ending_without_a_blank_line_is_written_so(tmp_path: Path) -> None:
    po = tmp_path / "messages.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: de\\n"\n\nmsgid "Open"\nmsgstr ""\n', "utf-8")
    translate_file(po, po, FakeModel())
    assert po.read_text("utf-8").endswith('msgid "Open"\nmsgstr "OPEN"\n')


UNREAL = (
    "# Game German translation.\n"
    'msgid ""\nmsgstr ""\n"Project-Id-Version: Game\\n"\n"Language: de\\n"\n'
    '"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
    '#. Key:\tSaveWarning\nmsgctxt "UI,SaveWarning"\n'
    'msgid "<Bold>Warning:</> Save often. Progress is only saved at campfires."\nmsgstr ""\n\n'
    'msgctxt "Settings,Restart"\n'
    'msgid "Some changes require a restart.\\n\\nRestart now?"\nmsgstr ""\n\n'
    'msgctxt "Tavern,Greeting"\n'
    'msgid "Welcome to the Rusty Flagon, traveller.\\nThe roads to Emberfall are not safe."\n'
    'msgstr "Willkommen im Rostigen Krug, Reisender.\\nDie Straßen nach Emberfall sind nicht '
    'sicher."\n'
)


def _without_revision_date(text: str) -> str:
    return "".join(line for line in text.splitlines(True) if "PO-Revision-Date" not in line)


def test_a_crlf_catalog_is_filled_wrapped_as_the_same_catalog_with_lf(tmp_path: Path) -> None:
    """Regression trial unreal, session 68: a catalog Unreal wrote on Windows (CRLF, never
    wrapped) had its header's ``Plural-Forms`` line and every new msgstr wrapped at about 40
    columns, where the same catalog with LF kept them on one line."""
    lf, crlf = tmp_path / "lf.po", tmp_path / "crlf.po"
    lf.write_bytes(UNREAL.encode("utf-8"))
    crlf.write_bytes(UNREAL.replace("\n", "\r\n").encode("utf-8"))
    for po in (lf, crlf):
        translate_file(po, po, FakeModel())
    written = crlf.read_bytes().decode("utf-8")
    assert _without_revision_date(written) == _without_revision_date(lf.read_text("utf-8")).replace(
        "\n", "\r\n"
    )
    assert '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\r\n' in written
    assert (
        'msgstr "<Bold>WARNING:</> SAVE OFTEN. PROGRESS IS ONLY SAVED AT CAMPFIRES."\r\n' in written
    )
    untouched = UNREAL[UNREAL.index('msgctxt "Tavern') :].replace("\n", "\r\n")
    assert written.endswith(untouched)
    translate_file(crlf, crlf, FakeModel())  # a rerun: nothing left to fill, nothing rewrapped
    assert crlf.read_bytes().decode("utf-8") == written
    if shutil.which("msgfmt"):
        checked = subprocess.run(
            ["msgfmt", "-c", "-o", "/dev/null", str(crlf)], capture_output=True, text=True
        )
        assert checked.returncode == 0, checked.stderr

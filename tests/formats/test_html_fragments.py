"""HTML fragments (LibreTranslate's ``format: html``): translated as pages are, in order, the
runs of all of them decoded together, markup and references kept."""

from __future__ import annotations

import pytest
from formats_fakes import FakeModel

from ltmt.errors import InputError
from ltmt.formats.html_fragments import translated_fragments


def test_fragments_are_translated_in_order_together_with_their_markup_kept():
    model = FakeModel()
    fragments = [
        "<b>Open</b> the file",
        '<p>Save <a href="/x" title="the docs">here</a> &amp; there</p>',
        '<img src="logo.png" alt="The logo">',
    ]
    assert translated_fragments(fragments, model) == [
        "<b>OPEN</b> THE FILE",
        '<p>SAVE <a href="/x" title="THE DOCS">HERE</a> &amp; THERE</p>',
        '<img src="logo.png" alt="THE LOGO">',
    ]
    # all runs in one call, and the runs with paired markup once more without it (the
    # pipeline's pass for pairs the model drops), whatever the number of fragments
    assert model.calls == 2


def test_fragments_without_text_come_back_as_they_were_without_a_call():
    model = FakeModel()
    fragments = ["", "<br>", "<script>var open = 'the file';</script>", "<!-- a note -->"]
    assert translated_fragments(fragments, model) == fragments
    assert model.calls == 0


def test_a_fragment_that_is_a_page_gets_the_target_language_marked():
    page = '<html lang="en"><body><p>Hello</p></body></html>'
    assert translated_fragments([page], FakeModel(), tgt_lang="de") == [
        '<html lang="de"><body><p>HELLO</p></body></html>'
    ]


def test_a_fragment_too_broken_to_read_is_named_in_the_error():
    fragments = ["<p>Fine</p>", "<p>Hi</p>\n" + "<p" * 50_000]
    with pytest.raises(InputError, match=r"^fragment 2: line 2: 50,000 '<' that open a tag"):
        translated_fragments(fragments, FakeModel())

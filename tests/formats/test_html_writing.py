"""An HTML text written with its translations: the references it is written with."""

from __future__ import annotations

import pytest

from ltmt.formats.html_kept_markup import Markup
from ltmt.formats.html_segments import segments
from ltmt.formats.html_writing import written_html, xml_references


@pytest.mark.parametrize(
    ("written", "in_xml"),
    [
        ("5&nbsp;Minuten", "5&#160;Minuten"),
        ("Silben&shy;trennung", "Silben&#173;trennung"),
        ("&hellip; &copy; &rsquo;", "&#8230; &#169; &#8217;"),
        ("&NotEqualTilde;", "&#8770;&#824;"),  # a name for two characters
        ("AGB &amp; &lt;b&gt; &quot;x&quot; &apos;", "AGB &amp; &lt;b&gt; &quot;x&quot; &apos;"),
        ("5&#8239;% und &#x2014;", "5&#8239;% und &#x2014;"),
        ("&unknown; Name", "&amp;unknown; Name"),  # the text a browser shows
    ],
)
def test_xml_references_are_those_xml_defines_or_numeric(written: str, in_xml: str) -> None:
    assert xml_references(written) == in_xml


def test_the_source_s_entity_references_stay_references_in_xml() -> None:
    """A DITA topic's &product; (declared in its DOCTYPE) was written &amp;product;."""
    assert xml_references("&product; &unknown; &nbsp;", {"product"}) == (
        "&product; &amp;unknown; &#160;"
    )


@pytest.mark.parametrize(
    ("page", "no_break"),
    [
        ("<html><body><p>every 5&nbsp;minutes</p></body></html>", "&nbsp;"),
        ('<?xml version="1.0"?>\n<html><body><p>every 5&#160;minutes</p></body></html>', "&#160;"),
        (
            '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>every 5\xa0minutes</p></body></html>',
            "&#160;",
        ),
    ],
)
def test_a_no_break_space_is_written_as_html_or_xml_reads_it(page: str, no_break: str) -> None:
    found = segments(page)
    written = written_html(page, found, {"text0": "alle 5\xa0Minuten"})
    assert f"<p>alle 5{no_break}Minuten</p>" in written


@pytest.mark.parametrize(
    ("translation", "expected"),
    [
        (  # a memory's target from the German help center: its link kept, as the source's
            'Siehe <a href="/hc/de/articles/1">Konto</a> und <a href="/hc/de/articles/2">Plan</a>.',
            'Siehe <a href="/hc/en-us/articles/1">Konto</a> und <a href="/hc/en-us/articles/2">Plan</a>.',
        ),
        (  # the source's own tags stand for themselves wherever they are
            'Siehe <a href="/hc/en-us/articles/2">Plan</a> und <a href="/hc/de/articles/1">Konto</a>.',
            'Siehe <a href="/hc/en-us/articles/2">Plan</a> und <a href="/hc/en-us/articles/1">Konto</a>.',
        ),
        ('Siehe <b class="x">Konto</b>.', "Siehe Konto."),  # another element: left out
    ],
)
def test_a_tag_that_differs_in_its_values_alone_stands_for_the_runs(
    translation: str, expected: str
) -> None:
    """A Zendesk memory pair's link with ``/hc/de/`` for ``/hc/en-us/`` was dropped, its words
    kept (``... finden Sie unter Kontoeinstellungen verwalten.``)."""
    page = (
        '<p>See <a href="/hc/en-us/articles/1">Account</a> and '
        '<a href="/hc/en-us/articles/2">Plan</a>.</p>'
    )
    written = written_html(page, segments(page), {"text0": translation})
    assert written == f"<p>{expected}</p>"


@pytest.mark.parametrize(
    ("translation", "tgt_lang", "expected"),
    [
        # Zendesk trial s76: a memory's link to the German page kept, which qa's memory check
        # then finds as the memory has it
        (
            'Siehe <a class="k" href="/hc/de/articles/1">Konto</a> und'
            ' <a href="/hc/de-de/articles/2">Plan</a>.',
            "de",
            "Siehe <a class='k' href=\"/hc/de/articles/1\">Konto</a> und "
            '<a href="/hc/de-de/articles/2">Plan</a>.',
        ),
        (  # a locale of another language than the target's: the source's link
            'Siehe <a class="k" href="/hc/fr/articles/1">Konto</a> und'
            ' <a href="/hc/de/articles/2">Plan</a>.',
            "de",
            "Siehe <a class='k' href=\"/hc/en-us/articles/1\">Konto</a> und "
            '<a href="/hc/de/articles/2">Plan</a>.',
        ),
        (  # another path: the source's link
            'Siehe <a class="k" href="/hc/de/articles/9">Konto</a> und'
            ' <a href="/hc/en-us/articles/2">Plan</a>.',
            "de-CH",
            "Siehe <a class='k' href=\"/hc/en-us/articles/1\">Konto</a> und "
            '<a href="/hc/en-us/articles/2">Plan</a>.',
        ),
    ],
)
def test_a_memorys_link_to_the_target_languages_page_is_kept(
    translation: str, tgt_lang: str, expected: str
) -> None:
    page = (
        "<div><p>See <a class='k' href=\"/hc/en-us/articles/1\">Account</a> and "
        '<a href="/hc/en-us/articles/2">Plan</a>.</p></div>'
    )
    written = written_html(page, segments(page), {"text0": translation}, tgt_lang=tgt_lang)
    assert written == f"<div><p>{expected}</p></div>"


@pytest.mark.parametrize(
    ("page", "translations", "written"),
    [
        # a named or numeric reference of the source's stays as written, new text is itself
        (
            "<p>Copyright &copy; Acme &#8212; Don&rsquo;t</p>",
            {"text0": "Copyright \u00a9 Acme \u2014 Nicht f\u00fcr \u00a9"},
            "<p>Copyright &copy; Acme &#8212; Nicht f\u00fcr &copy;</p>",
        ),
        # an attribute value's alike
        (
            '<img alt="&copy; Acme photo">',
            {"attr0": '\u00a9 Acme-Foto \u00fcber "x"'},
            '<img alt="&copy; Acme-Foto \u00fcber &quot;x&quot;">',
        ),
        # a reference to "#" is not written into the writer's own references (&#8239;)
        (
            "<p>Issue &#35;5 and 5&nbsp;%</p>",
            {"text0": "Fehler #5 und 5\u202f%"},
            "<p>Fehler &#35;5 und 5&#8239;%</p>",
        ),
        # in XML, the reference XML reads
        (
            '<?xml version="1.0"?>\n<html><body><p>&#169; Acme</p></body></html>',
            {"text0": "\u00a9 Acme GmbH"},
            '<?xml version="1.0"?>\n<html><body><p>&#169; Acme GmbH</p></body></html>',
        ),
    ],
)
def test_a_character_the_source_writes_as_a_reference_is_written_so(
    page: str, translations: dict[str, str], written: str
) -> None:
    """A Jekyll footer's ``&copy;`` came out as ``&#169;``."""
    assert written_html(page, segments(page), translations) == written


@pytest.mark.parametrize(
    ("page", "written"),
    [
        ('<html lang="en"><p>Hi</p></html>', '<html lang="de-DE"><p>Hi</p></html>'),
        ("<html><p>Hi</p></html>", '<html lang="de-DE"><p>Hi</p></html>'),
    ],
)
def test_a_posix_locale_is_written_as_a_bcp_47_language_mark(page: str, written: str) -> None:
    """--tgt-lang de_DE was written lang="de_DE", which browsers do not read as German."""
    assert written_html(page, segments(page), {}, tgt_lang="de_DE") == written


def test_the_output_s_markup_around_a_run_is_written_with_the_run_s_values() -> None:
    page = '<p><a href="/en" title="Go">Home</a></p>\n<p><a href="/en/faq">FAQ</a></p>'
    found = segments(page)
    theirs = Markup(('<a href="/de" title=', ">", "</a>"), ("title", ""))
    written = written_html(
        page, found, {"text1": "Start", "attr0": "Los"}, around={"text1": theirs}
    )
    assert written == '<p><a href="/de" title="Los">Start</a></p>\n<p><a href="/en/faq">FAQ</a></p>'
    # a run not translated (a name) is written in it as the source has it
    kept = written_html(page, found, {}, around={"text1": theirs})
    assert kept == '<p><a href="/de" title="Go">Home</a></p>\n<p><a href="/en/faq">FAQ</a></p>'

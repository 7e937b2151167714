import time

import pytest

from ltmt.entity_characters import Spellings, characters_for_model


@pytest.mark.parametrize(
    ("line", "seen", "written"),
    [
        # a WordPress plugin's and an i18next file's HTML-escaped strings (session 76)
        ("Terms &amp; Conditions", "Terms & Conditions", (("&", "&amp;"),)),
        ("Continue&hellip;", "Continue\u2026", (("\u2026", "&hellip;"),)),
        (
            "Subscribe &amp; get 10&nbsp;% off.",
            "Subscribe & get 10\u00a0% off.",
            (("&", "&amp;"), ("\u00a0", "&nbsp;")),
        ),
        ("Bed &#38; Breakfast", "Bed & Breakfast", (("&", "&#38;"),)),
        ("&copy; 2026 Acme", "\u00a9 2026 Acme", (("\u00a9", "&copy;"),)),
        ("Loading&#8230;", "Loading\u2026", (("\u2026", "&#8230;"),)),
        # as written: no reference; markup's brackets; quote marks; an invisible character;
        # an entity HTML does not define; the text "&copy;" escaped
        ("Terms & Conditions", "Terms & Conditions", ()),
        ("Use &lt;b&gt; for bold", "Use &lt;b&gt; for bold", ()),
        (
            "Read &quot;Help&quot; and &ldquo;FAQ&rdquo;",
            "Read &quot;Help&quot; and &ldquo;FAQ&rdquo;",
            (),
        ),
        ("Zero&#8203;width", "Zero&#8203;width", ()),
        ("Use &product; now", "Use &product; now", ()),
        ("Write &amp;copy; for it", "Write &amp;copy; for it", ()),
        # a character the line holds as itself too: which spelling is not known
        ("Rock & Roll &amp; Blues", "Rock & Roll &amp; Blues", ()),
        ("Wait\u2026 &hellip;", "Wait\u2026 &hellip;", ()),
        # two spellings of one character: as written
        ("Wait&hellip; or&#8230;", "Wait&hellip; or&#8230;", ()),
        # an & inside a tag's URL is no text of the line's
        (
            '<a href="/?a=1&b=2">Terms &amp; Conditions</a>',
            '<a href="/?a=1&b=2">Terms & Conditions</a>',
            (("&", "&amp;"),),
        ),
    ],
)
def test_references_go_to_the_model_as_their_characters(line, seen, written):
    assert characters_for_model(line) == (seen, Spellings(written))


@pytest.mark.parametrize(
    ("line", "translation", "expected"),
    [
        (
            "Terms &amp; Conditions",
            "Gesch\u00e4fts- & Nutzungsbedingungen",
            "Gesch\u00e4fts- &amp; Nutzungsbedingungen",
        ),
        ("Continue&hellip;", "Weiter\u2026", "Weiter&hellip;"),
        ("10&nbsp;% off", "10\u00a0% Rabatt", "10&nbsp;% Rabatt"),
        # a tag's own & stays as the tag has it
        (
            '<a href="/?a=1&b=2">Terms &amp; Conditions</a>',
            '<a href="/?a=1&b=2">AGB & Bedingungen</a>',
            '<a href="/?a=1&b=2">AGB &amp; Bedingungen</a>',
        ),
    ],
)
def test_the_translation_gets_the_references_back(line, translation, expected):
    _, spellings = characters_for_model(line)
    assert spellings.written_back(translation) == expected


def test_no_spellings_leave_the_translation_as_it_is():
    assert Spellings().written_back("A & B\u2026") == "A & B\u2026"


@pytest.mark.parametrize(
    "line",
    ["&amp;" * 4000 + "a" * 4000, "&amp;" + "a" * 20000, "&#" + "0" * 20000, "&amp;x" * 4000 + "&"],
)
def test_long_adversarial_lines_take_no_time(line):
    start = time.perf_counter()
    seen, spellings = characters_for_model(line)
    spellings.written_back(seen)
    assert time.perf_counter() - start < 5

"""Quote marks a translation adds that pair with nothing and that the source lacks: found, and
taken out."""

from __future__ import annotations

import time

import pytest

from ltmt.stray_quotes import prose_marks, stray_quotes, without_stray_quotes


@pytest.mark.parametrize(
    ("source", "output", "expected"),
    [
        # trial s77: a Symfony message with no memory, in YAML, fused; a Markdown code span
        (
            'The coupon "%code%" expired on %date%.',
            "Der Coupon »%code%« ist auf %date%« abgelaufen.",
            "Der Coupon »%code%« ist auf %date% abgelaufen.",
        ),
        (
            'The coupon "%code%" expired on %date%.',
            "Der Coupon „%code%“ läuft auf %date%« ab.",
            "Der Coupon „%code%“ läuft auf %date% ab.",
        ),
        (
            "The address {{ value }} is already subscribed.",
            "Die Adresse {{ value }} “ ist bereits angemeldet.",
            "Die Adresse {{ value }} ist bereits angemeldet.",
        ),
        (
            'Set <code>root_path="/dashboards"</code> so that links work behind nginx or Traefik.',
            'Setzen Sie <code>root_path="/dashboards"</code>, sodass Links hinter »Ginx« oder '
            "Traefik« funktionieren.",
            'Setzen Sie <code>root_path="/dashboards"</code>, sodass Links hinter »Ginx« oder '
            "Traefik funktionieren.",
        ),
        (  # which mark is stray is read from its side: Traefik« closes what nothing opened
            'Set `root_path="/dashboards"` so that links work.',
            'Setzen Sie `root_path="/dashboards"`, sodass Traefik« und »Ginx« funktionieren.',
            'Setzen Sie `root_path="/dashboards"`, sodass Traefik und »Ginx« funktionieren.',
        ),
        (  # a quotation the model opened and never closed, the source quoting nothing
            "Click Save to go on.",
            "Klicken Sie auf »Speichern, um fortzufahren.",
            "Klicken Sie auf Speichern, um fortzufahren.",
        ),
    ],
)
def test_a_mark_that_pairs_with_nothing_and_the_source_lacks_is_taken_out(
    source: str, output: str, expected: str
) -> None:
    assert len(stray_quotes(source, output)) == 1
    assert without_stray_quotes(source, output) == expected


@pytest.mark.parametrize(
    ("source", "output"),
    [
        ("Click Save", "Klicken Sie auf „Speichern“"),  # the model's quotation: a pair
        ('Say "hi" now', "Sag »hallo jetzt"),  # its partner lost: the source has it
        (  # the same: qa's punctuation note says it
            'Open "%s" and read the "Getting started" section.',
            "Öffnen Sie „%s“ und lesen Sie den Abschnitt „Erste Schritte.",
        ),
        ("A 27-inch display", 'Ein 27"-Bildschirm'),  # a straight mark: an inch's
        ('Type `%s -c "help set"\'.', 'Geben Sie »%s -c "help set"« ein.'),  # nested
        ("Use 'git add' and `.so' here", "Nutzen Sie »git add« und ».so« hier"),  # single marks
        ("warning: bad ROFF `.so' request", "Warnung: ungültige »roff«-».so«-Anfrage"),
        ('He said: "Go on.', "Er sagte: „Mach weiter."),  # the source's runs on
        ("I'd say, as a doctor, I did", "Ich würde sagen: »Als Arzt habe ich"),  # speech
        ("I'll be with you.", "Ich werde bei dir sein.“"),  # at an edge: the next sentence's
        ("It's normal.", "„Das ist normal."),
        ('Version <x id="v">%s</x>', 'Version <x id="v">%s</x>«'),  # qa's, beside a field
        ('Run `a="b"` now', 'Führen Sie `a="b"` jetzt aus'),  # code's own marks
        ('Payload {"a": "b"} sent', 'Nutzlast {"a": "b"} gesendet'),  # JSON's
        ("Nothing quoted here", "»Eins« und »zwei« und „drei“"),  # the model's pairs
    ],
)
def test_marks_that_pair_or_that_the_source_explains_are_kept(source: str, output: str) -> None:
    assert stray_quotes(source, output) == []
    assert without_stray_quotes(source, output) == output


def test_more_unpaired_marks_than_the_source_lacks_are_all_kept() -> None:
    """Three marks unpaired where the source lacks one: which is the model's is not known."""
    source = 'Say "a" and "b" now'
    assert stray_quotes(source, "Sag »a« und b« jetzt« dann«") == []
    assert stray_quotes("Say a and b now", "Sag »a« und b« jetzt« dann«") == [
        13,
        20,
    ]  # not at the end


def test_prose_marks_leave_out_tags_placeholders_and_code() -> None:
    text = 'Set <a href="x">`a="b"`</a> <code>c="d"</code> {{ "e" }} »f«'
    assert [text[at] for at in prose_marks(text)] == ["»", "«"]


@pytest.mark.parametrize(
    "text",
    [
        "<code>" * 20_000,
        "`" * 40_000 + '"',
        '"<b>' * 10_000,
        '"%s" ' * 10_000,
        "»" * 20_000 + "a«" * 20_000,
        "don't " * 10_000,
        "'" * 40_000,
    ],
    ids=[
        "code-tags",
        "backticks",
        "marks-and-tags",
        "quoted-fields",
        "guillemets",
        "dont",
        "ticks",
    ],
)
def test_long_adversarial_texts_are_read_in_linear_time(text: str) -> None:
    started = time.perf_counter()
    stray_quotes(text, text + "«")
    without_stray_quotes("x", text)
    assert time.perf_counter() - started < 5

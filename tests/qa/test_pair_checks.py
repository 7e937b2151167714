"""The checks of one entry alone: what each finds, and what it lets pass, word for word."""

from __future__ import annotations

import pytest

from ltmt.qa.findings import CHECKS, TARGET_LANGUAGE
from ltmt.qa.pair_checks import (
    PAIR_CHECKS,
    accelerator_problems,
    address_problems,
    context_prefix_problems,
    copied_problems,
    date_problems,
    doubled_problems,
    flags_of,
    format_problems,
    icu_problems,
    key_problems,
    length_problems,
    nbsp_problems,
    placeholder_problems,
    punctuation_problems,
    quoting_problems,
    sign_problems,
    structure_problem,
    whitespace_problems,
    wordless_problems,
)


def test_every_pair_check_is_a_named_check():
    assert set(PAIR_CHECKS) <= set(CHECKS)


def test_flags_are_read_from_a_po_entrys_flag_line():
    assert flags_of({"flags": "c-format, no-wrap"}) == ["c-format", "no-wrap"]
    assert flags_of({}) == []


@pytest.mark.parametrize(
    ("source", "target", "flags", "expected"),
    [
        ("%d files", "%d Dateien", "c-format", []),
        ("%d files", "%s Dateien", "c-format", ["c-format: argument '1' is string, not int"]),
        ("%s of %s", "%2$s von %1$s", "c-format", []),
        ("Hello %(name)s", "Hallo %(nom)s", "python-format", None),
        ("no flags %s", "keine", "", []),  # the placeholder check's, not this one's
    ],
)
def test_format_strings_are_checked_by_their_flags(source, target, flags, expected):
    problems = format_problems(source, target, {"flags": flags})
    if expected is None:
        assert problems and all(p.startswith("python-format:") for p in problems)
    else:
        assert problems == expected


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("{count, number} items", "{count, number} Elemente", []),
        (
            "{count, number} items",
            "{count, Zahl} Elemente",
            ["not a valid ICU message as its source is: '{count, Zahl': ICU has no argument "
             "type 'Zahl'"],
        ),
        (
            "{n, plural, one {# file} other {# files}}",
            "{n, Plural, one {# Datei} andere {# Dateien}}",
            ["not a valid ICU message as its source is: '{n, Plural': ICU has no argument type "
             "'Plural'"],
        ),
        (
            "{n, plural, one {# file} other {# files}}",
            "{n, plural, one {# Datei}}",
            ["not a valid ICU message as its source is: plural 'n' has no 'other' branch"],
        ),
        (
            "{n, plural, one {# file} other {# files}}",
            "{n, plural, one {# Datei} other {# Dateien}",
            ["not a valid ICU message as its source is: unbalanced braces: the '{' at "
             "character 1 is never closed"],
        ),
        (  # an Angular unit: its code's {{minutes}} stopped the source parsing
            '{VAR_PLURAL, plural, =0 {now} other {<x id="I" equiv-text="{{minutes}}"/> ago}}',
            '{VAR_PLURAL, plural, =0 {jetzt} other {vor <x id="I" equiv-text="{{minutes}}"/>}}}',
            ["not a valid ICU message as its source is: unbalanced braces: the '}' at "
             "character 82 closes no '{'"],
        ),
        (  # a select's key translated: the program never picks that case
            "{g, select, male {He left} female {She left} other {They left}}",
            "{g, select, männlich {Er ging} female {Sie ging} other {Sie gingen}}",
            ["select {g} has the keys männlich, female, other for the source's male, female, "
             "other: keep the source's keys, the values the program passes"],
        ),
        ("{n, plural, =1 {a} other {b}}", "{n, plural, one {a} other {b}}", []),  # German's one
        ("Hello {name}", "Hallo {name", []),  # no ICU to hold it to: the placeholders check's
        ("{x, Zahl} items", "{x, Zahl} Elemente", []),  # no valid ICU source
    ],
)  # fmt: skip
def test_icu_messages_stay_valid_icu(source, target, expected):
    assert icu_problems(source, target, {}) == expected


@pytest.mark.parametrize(("source", "target", "expected"), [
    # German's one, which the source lacks, holds the code of the source's other
    ('{VAR_PLURAL, plural, =1 {a minute} other {<x id="0"/> minutes}}',
     '{VAR_PLURAL, plural, =1 {eine Minute} one {<x id="0"/> Minute} '
     'other {<x id="0"/> Minuten}}', []),
    # a select's branches are no placeholders
    ("{g, select, male {male} other {other}}", "{g, select, male {Mann} other {andere}}", []),
    ("{n, plural, one {# file} other {# files}}", "{n, plural, one {Eine Datei} other {# Dateien}}",
     []),
    ("{n, plural, one {# file} other {# files in {dir}}}",
     "{n, plural, one {# Datei in {dir}} other {# Dateien}}",
     ["one: adds {dir}, which the source does not have", "other: lacks {dir}"]),
    ("{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}",
     "{n, selectordinal, other {#.}}", []),
    # the number as the message writes it: "lacks %d" was ltmt's own form
    ("{n, plural, one {# item} other {# items}}", "{n, plural, one {Ein Artikel} other {Artikel}}",
     ["other: lacks #"]),
    ("{n, plural, one {# item} other {# items}}", "{n, plural, one {# Artikel} other {# # Artikel}}",
     ["other: adds #, which the source does not have"]),
])  # fmt: skip
def test_an_icu_messages_placeholders_are_compared_case_by_case(source, target, expected):
    assert placeholder_problems(source, target, {}) == expected


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("A <_:link-1/>.", "Eine <_:link-1/>.", []),
        (
            "A <_:link-1/>.",
            "Eine <_:link-2/>.",
            ["lacks <_:link-1/>", "adds <_:link-2/>, which the source does not have"],
        ),
        ("<_:media-1/> The editor", "Der Editor", ["lacks <_:media-1/>"]),
        ("<_:media-1/> The editor", "<_media-1/> Der Editor", ["lacks <_:media-1/>"]),
    ],
)
def test_an_itstool_placeholder_is_compared_as_written(source, target, expected):
    # qa said only "warning [numbers] lacks the number 1; has 2" for a renumbered one, and
    # nothing for "<_media-1/>", which itstool cannot merge back
    assert placeholder_problems(source, target, {}) == expected


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("^[%lld item](inflect: true) added", "^[%lld Artikel](inflect: true) hinzugefügt", []),
        (
            "^[%lld item](inflect: true) added",
            "^[%lld Element](inflect: wahr)",
            ["lacks ](inflect: true)", "adds ](inflect: wahr), which the source does not have"],
        ),
        (
            "Added ^[%lld apple](inflect: true) to your cart",
            "Fügte %lld Apfel in deinen Warenkorb hinzu",
            ["lacks ^[, ](inflect: true)"],
        ),
    ],
)
def test_apples_inflection_markup_is_compared_as_written(source, target, expected):
    # trial s77: qa said nothing of "(inflect: wahr)", which Foundation does not read
    assert placeholder_problems(source, target, {}) == expected


def test_the_text_of_an_attribute_people_read_is_no_part_of_a_tags_identity():
    source = 'Read the <a href="/docs" title="Manual">manual</a> and <img src="a.png" alt="A">'
    target = 'Lies das <a href="/docs" title="Handbuch">Handbuch</a> und <img src="a.png" alt="B">'
    assert placeholder_problems(source, target, {}) == []
    moved = target.replace('href="/docs"', 'href="/other"')
    assert placeholder_problems(source, moved, {}) == [
        'lacks <a href="/docs" title="…">',
        'adds <a href="/other" title="…">, which the source does not have',
    ]


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        (
            "<speak>Wait.</speak>",
            "<speak>Warten Sie</speak>!",
            [
                "has '!' after </speak>, outside the element the source's text is all inside: "
                "move it inside"
            ],
        ),
        (
            '<speak>I <emphasis level="strong">told</emphasis> you so.</speak>',
            'Ja, <speak>ich habe es dir <emphasis level="strong">gesagt</emphasis>.</speak>',
            [
                "has 'Ja, ' before <speak>, outside the element the source's text is all "
                "inside: move it inside"
            ],
        ),
        ("<speak>Wait.</speak>", "<speak>Warte!</speak>", []),
        (
            '<speak xmlns="http://www.w3.org/2001/10/synthesis">Wait.</speak>',
            '<speak xmlns="http://www.w3.org/2001/10/synthesis">Warten Sie</speak>!',
            [
                "has '!' after </speak>, outside the element the source's text is all inside: "
                "move it inside"
            ],
        ),
        # a source with words outside its pair: the mark may go after it
        ("<b>Wait</b>.", "<b>Warte</b>!", []),
        # any element but a document's root may have text beside it: an article, a colon
        ('<a href="%s">Terms of Service</a>', 'Die <a href="%s">Nutzungsbedingungen</a>', []),
        ("<b>Note:</b>", "<b>Hinweis</b>:", []),
        ("<strong>New!</strong>", "<strong>Neu</strong>!", []),
        ("<i>Loading...</i>", "<i>Wird geladen</i> ...", []),
        ('<g id="1">Terms of Service</g>', 'Die <g id="1">Nutzungsbedingungen</g>', []),
    ],
)
def test_text_outside_the_element_around_the_whole_source_is_an_error(source, target, expected):
    """An SSML line's ``!`` after its ``</speak>`` (the root element's end: no well-formed XML,
    and the mark is not said) was only a punctuation note; an article before a link around a
    whole source (``Die <a href="%s">Nutzungsbedingungen</a>``) was said as the same error."""
    assert placeholder_problems(source, target, {}) == expected


def test_a_language_mark_set_to_the_target_is_no_part_of_a_tags_identity():
    source = 'Read the <a href="/terms" lang="en">terms</a>.'
    target = 'Lies die <a href="/terms" lang="de">Bedingungen</a>.'
    assert placeholder_problems(source, target, {}) == []


@pytest.mark.parametrize(
    ("source", "target", "form", "expected"),
    [
        ("%d file", "Eine Datei", 0, []),  # as msgfmt -c lets the first form
        ("%d files", "Dateien", 1, ["c-format: argument '1' missing"]),  # and not the others
        (
            "%d file in %s",
            "Eine Datei",
            0,
            ["c-format: argument '1' missing", "c-format: argument '2' missing"],
        ),
        ("%d file", "Eine %s Datei", 0, ["c-format: argument '1' is string, not int"]),
    ],
)
def test_a_plural_entrys_first_form_may_leave_out_its_count(source, target, form, expected):
    assert format_problems(source, target, {"flags": "c-format", "plural": form}) == expected


@pytest.mark.parametrize(
    ("context", "target", "expected"),
    [
        # a Shopify (JSON plural object) or i18next form for one may say "one item" in words
        ("/cart/item_count/one", "Ein Artikel", []),
        ("/cart/item_count/=1", "Ein Artikel", []),
        ("/cart/item_count_one", "Ein Artikel", []),
        ("/cart/item_count/other", "Artikel", ["lacks {{ count }}"]),  # not another form
    ],
)
def test_a_json_plurals_form_for_one_may_leave_out_its_count(context, target, expected):
    assert placeholder_problems("{{ count }} item", target, {"context": context}) == expected


JAVA = {"syntax": "java-formatter"}  # Android's strings.xml, a .properties bundle


@pytest.mark.parametrize(
    ("source", "target", "metadata", "expected"),
    [
        # Java's Formatter shows one argument's %1$s as %s (trial s75, regression 7)
        ("Hello, %1$s!", "Hallo, %s!", JAVA, []),
        ("Hello, %1$s!", "Hallo, %s!", {"flags": "java-printf-format"}, []),
        ("%1$d files", "%d Dateien", JAVA, []),
        ("Width %1$-8s", "Breite %8s", JAVA, []),  # its width may change, as ever
        ("Hello, %1$s!%n", "Hallo, %s!%n", JAVA, []),  # %n takes no argument
        ("Hello, %s!", "Hallo, %1$s!", {"flags": "c-format"}, []),  # (the reverse: any printf)
        # another type, or a second %s (an argument the app does not pass)
        (
            "%1$d files",
            "%s Dateien",
            JAVA,
            ["lacks %1$d", "adds %s, which the source does not have"],
        ),
        (
            "Hello, %1$s!",
            "Hallo, %s und %s!",
            JAVA,
            ["lacks %1$s", "adds %s (2 times), which the source does not have"],
        ),
        # several arguments: %s takes them in turn, not by the source's numbers
        (
            "%1$s of %2$s",
            "%s von %s",
            JAVA,
            ["lacks %1$s, %2$s", "adds %s (2 times), which the source does not have"],
        ),
        # C's printf (undefined where a string mixes them), Python's % (no numbered ones), and
        # a string of no format said: as written
        *(
            (
                "Hello, %1$s!",
                "Hallo, %s!",
                metadata,
                ["lacks %1$s", "adds %s, which the source does not have"],
            )
            for metadata in ({"flags": "c-format"}, {"flags": "python-format"}, {})
        ),
    ],
)
def test_a_java_formatted_one_argument_conversion_may_be_written_unnumbered(
    source, target, metadata, expected
):
    assert placeholder_problems(source, target, metadata) == expected


@pytest.mark.parametrize(
    ("source", "target", "flag"),
    [
        # Qt's %n and Python's %(num)d counts: msgfmt -c lets the first form leave them out
        ("%n file selected", "Eine Datei ausgewählt", "qt-plural-format"),
        ("Deleted %(num)d item.", "Ein Objekt gelöscht.", "python-format"),
    ],
)
def test_a_first_form_may_leave_out_a_count_of_any_kind(source, target, flag):
    assert format_problems(source, target, {"flags": flag, "plural": 0}) == []
    assert format_problems(source, target, {"flags": flag, "plural": 1})  # not another form


@pytest.mark.parametrize(
    ("source", "target", "metadata", "expected"),
    [
        ("Open %s", "%s öffnen", {}, []),
        ("Open %s", "Öffnen", {}, ["lacks %s"]),
        ("Open file", "Datei %s öffnen", {}, ["adds %s, which the source does not have"]),
        ("%s and %s", "%s", {}, ["lacks %s"]),
        ("%s %s %s", "%s", {}, ["lacks %s (2 times)"]),
        ("<b>Bold</b> text", "<b>Fetter</b> Text", {}, []),
        ("<b>Bold</b> text", "Fetter</b> Text", {}, ["lacks <b>"]),
        ("Tom &amp; Jerry", "Tom & Jerry", {}, ["lacks &amp;"]),
        # widths and hex case may change; numbered arguments reorder
        ("%12s %12s %s", "%28s %25s %s", {}, []),
        ("0x%02x", "0x%02X", {}, []),
        ("%s of %d", "%2$d von %1$s", {}, []),
        (
            "%s of %d",
            "%2$s von %1$d",
            {},
            ["lacks %s, %d", "adds %2$s, %1$d, which the source does not have"],
        ),
        # an argument by name may be used fewer times, once at least
        ("The {name} was added. Add another {name}.", "{name} hinzugefügt.", {}, []),
        ("The {name} was added.", "Hinzugefügt.", {}, ["lacks {name}"]),
        # a .NET format item with its alignment is one placeholder (not the numbers 1,10)
        ("Item {0,-20} costs {1,10:C2}", "Artikel {0,-20} kostet", {}, ["lacks {1,10:C2}"]),
        ("{0,-10} {1,8}", "{0,-10}", {}, ["lacks {1,8}"]),
        ("Total: {0,-20}", "Summe: {0, -20}", {}, []),  # .NET reads the blank so
        # a plural form may leave its count out
        ("%d file", "Eine Datei", {"plural": 0}, []),
        ("%d file", "Eine Datei", {}, ["lacks %d"]),
        ("%d file in %s", "Eine Datei", {"plural": 0}, ["lacks %s"]),
        # Drupal's @count and Symfony's %count% are counts as %d is (drupal.po, session 66)
        ("@count new reply", "Eine neue Antwort", {"plural": 0}, []),
        ("%count% apple", "Ein Apfel", {"plural": 0}, []),
        ("@count new replies", "Neue Antworten", {"plural": 1}, ["lacks @count"]),
        # another form may not: it is shown for many numbers (Fluent's [other] variant)
        ("%d files", "Dateien", {"plural": 1}, ["lacks %d"]),
        ("{count} notes selected", "Notizen ausgewählt", {"plural": 1}, ["lacks {count}"]),
        # a command's metavariable is translated; an HTML tag that is closed is not
        ("append <mark> on a dirty tree", "<Markierung> anhängen", {}, []),
        ("a <mark>marked</mark> word", "ein markiertes Wort", {}, ["lacks <mark>, </mark>"]),
        ("line<br>break", "Zeilen-umbruch", {}, ["lacks <br>"]),
        # so is a tag of any other name (react-i18next's <bold>), lost or left open
        ("Open <bold>it</bold> now", "Öffnen Sie es</bold> jetzt", {}, ["lacks <bold>"]),
        ("Open <bold>it</bold> now", "Öffnen Sie <bold>es jetzt", {}, ["lacks </bold>"]),
        # a percent sign and a shell variable's braces are text
        ("100%% done%%0A", "100%% fertig", {}, []),
        ('run "$SHELL"', "„${SHELL}“ ausführen", {}, []),
        # a Dialogflow parameter reference lost (the model wrote "$pizza-Größe"), or its context's
        (
            "I have ordered $number $pizza-size pizza",
            "Ich habe $pizza-Größe bestellt",
            {},
            ["lacks $number, $pizza-size", "adds $pizza-Größe, which the source does not have"],
        ),
        ("Arrives at #order-followup.address", "Kommt an", {}, ["lacks #order-followup.address"]),
        ("Only $5.99 today", "Heute nur 5,99 $", {}, []),  # money, no placeholder
        ("  {INTEGER}   copy up to line", "  {GANZZAHL}  bis Zeile kopieren", {}, []),
        (
            "Hello {name}",
            "Hallo {Name}",
            {},
            ["lacks {name}", "adds {Name}, which the source does not have"],
        ),
        # URLs and e-mail addresses are the addresses check's
        ("Mail me@example.com", "Schreib an ich@beispiel.de", {}, []),
        # a date format's directives are the dates check's: a 24-hour clock drops %p
        ("%a %I:%M %p", "%a, %H:%M", {}, []),
        ("%A %B %-d", "%A, den %-d. %B", {}, []),
        ("%s at %I:%M %p", "%H:%M", {}, ["lacks %s"]),
        # a translation's tag the source closes is a tag, though the translation lost its end
        ("Copy <i>%2</i> to <b>%1</b>", "Kopiere <i>%2</i> nach <b>%1", {}, ["lacks </b>"]),
        # tags that cross, or close before they open, break the markup
        (
            "Click <b><i>here</i></b> now",
            "Klicken Sie <b><i>hier</b></i> jetzt",
            {},
            ["its tags do not nest as the source's: </b> comes while <i> inside it is open"],
        ),
        (
            'Press <a href="x">this</a> link',
            'Drücken Sie </a>diesen<a href="x"> Link',
            {},
            ["its tags do not nest as the source's: </a> closes no tag opened before it"],
        ),
        ("Copy <i>%2</i> to <b>%1</b>", "Kopiere <b>%1</b> nach <i>%2</i>", {}, []),
        # an element moved out of the element that holds it (KUIT's list item after its list)
        (
            "<para>Supported formats:</para><list><item>Plain text</item><item>Markdown</item>"
            "</list>",
            "<para>Unterstützte Formate:</para><list><item>Plain Textdown</item></list> "
            "<item>Markdown</item>",
            {},
            ["its <item> is outside <list>, which holds it in the source: move it back inside"],
        ),
        # TextMeshPro's <sprite> holds nothing (a Unity trial's, session 74: "its <u> is outside
        # <sprite="buttons" index=2> ... move it back inside")
        (
            'Press <sprite="buttons" index=2> to open the <u>map</u>.',
            'Adresse zum Öffnen der <u>Karte</u>. <sprite="buttons" index=2>',
            {},
            [],
        ),
        (
            "<ul><li>One</li><li>Two</li></ul>",
            "<ul><li>Eins</li><li>Zwei</li></ul>",
            {},
            [],
        ),
        ("<p>Press <b>OK</b><br>now</p>", "<p>Drücken Sie<br>jetzt <b>OK</b></p>", {}, []),
        # a pair emptied: the link shows nothing to click
        (
            'Need help? <a href="/help">Contact support</a>',
            'Hilfe nötig? <a href="/help"></a>Support kontaktieren',
            {},
            [
                'its <a href="/help">…</a> holds no words, the source\'s does: move the words it '
                "marks (a link's text, a bold word) inside it"
            ],
        ),
        ("Delete <b>%s</b>?", "<b>%s</b> löschen?", {}, []),  # none in the source either
        # a link's title cut down to one word (the Zendesk trial, s76)
        (
            'See also: <a href="/a/1">How to update your billing information</a>',
            'Weiterhin: Wie Sie <a href="/a/1">Ihre</a>',
            {},
            [
                "its <a href=\"/a/1\">…</a> holds one word ('Ihre'), the source's 6 ('How to "
                "update your billing information'): put the translation of all its words inside it"
            ],
        ),
        (
            'See also: <a href="/a/1">How to update your billing information</a>',
            'Siehe auch: <a href="/a/1">So aktualisieren Sie Ihre Rechnungsinformationen</a>',
            {},
            [],
        ),
        # two pairs of the same tags reordered: neither emptied (t1.po, session 66)
        (
            "<b>All members</b> were notified by <b>{sender}</b>.",
            "<b>{sender}</b> hat <b>alle Mitglieder</b> benachrichtigt.",
            {},
            [],
        ),
        (
            "<b>All members</b> were notified by <b>{sender}</b>.",
            "<b>{sender}</b> hat <b></b>alle Mitglieder benachrichtigt.",
            {},
            [
                "its <b>…</b> holds no words, the source's does: move the words it "
                "marks (a link's text, a bold word) inside it"
            ],
        ),
        # Angular's placeholders (JSON): lost, misspelt, a pair's CLOSE_ before its START_
        ("Hi {$INTERPOLATION}!", "Hallo!", {}, ["lacks {$INTERPOLATION}"]),
        (
            "By {$INTERPOLATION}",
            "Von {$INTERPOLATON}",
            {},
            ["lacks {$INTERPOLATION}", "adds {$INTERPOLATON}, which the source does not have"],
        ),
        (
            "Need help? {$START_LINK}Contact us{$CLOSE_LINK}",
            "Hilfe? {$CLOSE_LINK}Kontakt{$START_LINK}",
            {},
            ["its tags do not nest as the source's: {$CLOSE_LINK} closes no tag opened before it"],
        ),
        ("a<br>b <x/> <b>c</b>", "a<br>b <x/> <b>c</b>", {}, []),
        # game markup: BBCode, TextMeshPro's tags with a value, input tokens
        ("Your [b]shield[/b] is broken.", "Ihr Schild ist kaputt.", {}, ["lacks [b], [/b]"]),
        ("Your [b]shield[/b] is broken.", "Ihr [b]Schild ist kaputt.", {}, ["lacks [/b]"]),
        ("The {b}Sword{/b} was stolen.", "Das {b}Schwert} wurde gestohlen.", {}, ["lacks {/b}"]),
        # AsciiDoc's inline macros (po4a's catalogs; trial as170): a name or target changed, a
        # macro lost, are errors as a lost tag is; a macro's words translated are not
        ("Choose menu:File[Save As].", "Wählen Sie Menü:File[Save As].", {}, ["lacks menu:File["]),
        (
            "* xref:install.adoc[Install]",
            "* xref: install.adoc[Installieren]",
            {},
            ["lacks xref:install.adoc["],
        ),
        (
            "include::partial$snippet.adoc[]",
            "einschließen:: Wohnungs-[]",
            {},
            ["lacks include::partial$snippet.adoc[]"],
        ),
        (
            "See <<_install,the guide>>.",
            "Siehe <<_installieren,die Anleitung>>.",
            {},
            ["lacks <<_install,", "adds <<_installieren,, which the source does not have"],
        ),
        ("* xref:install.adoc[Install]", "* xref:install.adoc[Installieren]", {}, []),
        # LaTeX's markup (po4a's catalogs; trial tex71): a command garbled, a verb's bar or the
        # math lost are errors; a prose command's argument translated is not
        (
            "Install it with \\texttt{pip install fluxsolver}.",
            "Mit \\textt{pip installieren von fluxsolver} installieren.",
            {},
            [
                "lacks \\texttt{pip install fluxsolver}",
                "adds \\textt, which the source does not have",
            ],
        ),
        (
            "Written to \\verb|results/| by default.",
            "Nach \\verb|results/ geschrieben.",
            {},
            ["lacks \\verb|results/|", "adds \\verb, which the source does not have"],
        ),
        (
            "so that $\\Delta t \\le C \\Delta x$.",
            "damit $\\Delta t \\Delta x$.",
            {},
            [
                "lacks $\\Delta t \\le C \\Delta x$",
                "adds $\\Delta t \\Delta x$, which the source does not have",
            ],
        ),
        (
            "Edit the \\emph{configuration file}.",
            "Die \\emph{Konfigurationsdatei} bearbeiten.",
            {},
            [],
        ),
        ("See Section~\\ref{sec:usage}.", "Siehe Abschnitt~\\ref{sec:usage}.", {}, []),
        # \(...\) alone is no LaTeX: no math between two prices (session 71's regression
        # test: "lacks $5 and $, \(tax\)")
        (
            "The price is $5 and $10 with \\(tax\\).",
            "Der Preis ist $5 und $10 mit \\(tax\\).",
            {},
            [],
        ),
        # chat, quotes, wiki links and tickets are no AsciiDoc (regression rega70)
        ("Type <<hello>> in the chat.", "Schreiben Sie <<hallo>> in den Chat.", {}, []),
        ("Quote: <<Mom,see you at 5>>", "Zitat: <<Mama, bis um 5>>", {}, []),
        ("See [[Help]] for details.", "Siehe [[Hilfe]] für Details.", {}, []),
        ("Ticket [#123]#open# now.", "Ticket [#123] jetzt #offen#.", {}, []),
        # comparisons and generics of ordinary text are no POD codes (regression rega70)
        ("Show rows where C<10 and D>20.", "Zeilen anzeigen, in denen C<10 und D>20.", {}, []),
        ("The formula is X<5 and Y>3.", "Die Formel lautet X<5 und Y>3.", {}, []),
        ("The class B<T> wraps a value.", "Die Klasse B<T> umschließt einen Wert.", {}, []),
        ("See <<_install,the guide>>.", "Siehe <<_install, die Anleitung>>.", {}, []),
        # an AsciiDoc attribute reference (po4a's catalogs; trial as170): lost, changed, or a
        # piece of its name written again
        ("The {product-name} agent.", "Der Agent.", {}, ["lacks {product-name}"]),
        (
            "The {product-name} agent.",
            "Der {produkt-name} Agent.",
            {},
            ["lacks {product-name}", "adds {produkt-name}, which the source does not have"],
        ),
        (
            "The {product-name} agent.",
            "Der {product-name}-Name} Agent.",
            {},
            ["has a stray '-Name}' beside {product-name} that the source does not have: remove it"],
        ),
        ("Thank you, [player_name].", "Danke, [Wiedername].", {}, ["lacks [player_name]"]),
        ("[hero_name] scored [stats.score]", "[hero_name] erzielte", {}, ["lacks [stats.score]"]),
        (
            "Your <color=#FF0000>shield</color> is broken.",
            "Ihr Schild</color> ist kaputt.",
            {},
            ["lacks <color=#FF0000>"],
        ),
        ("<size=120%>Level up!</size>", "Stufe aufgestiegen!</size>", {}, ["lacks <size=120%>"]),
        (
            "<#FF0000>Danger!</color>",
            "<#FFFF00>Gefahr!</color>",
            {},
            ["lacks <#FF0000>", "adds <#FFFF00>, which the source does not have"],
        ),
        ("Press [KEY_JUMP] to jump.", "Drücke Springen.", {}, ["lacks [KEY_JUMP]"]),
        ("Hold <action:Jump> to glide.", "Halte zum Gleiten.", {}, ["lacks <action:Jump>"]),
        (
            "Press [E] to open the chest",
            "Drücke [F], um die Truhe zu öffnen",
            {},
            ["lacks [E]", "adds [F], which the source does not have"],
        ),
        (
            "[b][i]Critical[/i] hit[/b]",
            "[b][i]Kritischer[/b] Treffer[/i]",
            {},
            ["its tags do not nest as the source's: [/b] comes while [i] inside it is open"],
        ),
        ("Press [OK] or [1].", "Drücke [OK] oder [1].", {}, []),
        # PrestaShop's numbered markers: one lost, one written for another, not nested
        (
            "Learn more about [1]secure payment[/1]",
            "Mehr über [1]sichere Zahlung[/1] erfahren",
            {},
            [],
        ),
        (
            "Learn more about [1]secure payment[/1]",
            "Mehr über [1]sichere Zahlung[1] erfahren",
            {},
            ["lacks [/1]", "adds [1], which the source does not have"],
        ),
        (
            "I agree to the [1]terms of service[/1].",
            "Ich akzeptiere die [1]AGB.",
            {},
            ["lacks [/1]"],
        ),
        ("[1]Sign in[/1] now", "Jetzt anmelden[/1]", {}, ["lacks [1]"]),
        (
            "[1]Sign in[/1] or [2]register[/2]",
            "[1]Anmelden[/1] oder [3]registrieren[/3]",
            {},
            ["lacks [2], [/2]", "adds [3], [/3], which the source does not have"],
        ),
        (
            "[1]Sign in[/1] or [2]register[/2]",
            "[1]Anmelden [2]oder[/1] registrieren[/2]",
            {},
            ["its tags do not nest as the source's: [/1] comes while [2] inside it is open"],
        ),
        (
            "Learn more about [1]secure payment[/1]",
            "Mehr über [/1]sichere Zahlung[1] erfahren",
            {},
            ["its tags do not nest as the source's: [/1] closes no tag opened before it"],
        ),
        ("See [1] and array[1].", "Siehe [1] und array[1].", {}, []),
        # a key with a German name is text: [Strg] for [Ctrl] is right
        ("Press [Ctrl] and [C] to copy.", "Drücken Sie [Strg] und [C], um zu kopieren.", {}, []),
        ("Hold [Space] to jump.", "Halte [Leertaste] gedrückt, um zu springen.", {}, []),
        # a javascript-format entry's ${name} is a field (a shell's ${HOME} is text): one the
        # translation starts with is no addition, one it lost is missed
        (
            "Uploaded ${count} photos",
            "${count} Fotos hochgeladen",
            {"flags": "javascript-format"},
            [],
        ),
        (
            "Uploaded ${count} photos to ${album}",
            "Fotos hochgeladen",
            {"flags": "javascript-format"},
            ["lacks ${count}, ${album}"],
        ),
        ("Set ${HOME} first", "Zuerst $HOME setzen", {}, []),
        # a Bean Validation message's EL expressions are one placeholder each, whatever the flags
        (
            "The value ${validatedValue} is too long.",
            "Der Wert ${validierterWert} ist zu lang.",
            {},
            [
                "lacks ${validatedValue}",
                "adds ${validierterWert}, which the source does not have",
            ],
        ),
        (
            "The value ${validatedValue} is too long.",
            "Der Wert $validatedValue ist zu lang.",
            {},
            ["lacks ${validatedValue}", "adds $validatedValue, which the source does not have"],
        ),
        (
            "Price ${formatter.format('%1$.2f', validatedValue)} is invalid.",
            "Preis ${formatter.format('%1$.2f', gültigatedValue)} ist ungültig.",
            {},
            [
                "lacks ${formatter.format('%1$.2f', validatedValue)}",
                "adds ${formatter.format('%1$.2f', gültigatedValue)}, which the source does not "
                "have",
            ],
        ),
        (
            "Price ${formatter.format('%1$.2f', validatedValue)} is invalid.",
            "Preis ${formatter.format('%1$.2f', validatedValue)} ist ungültig.",
            {},
            [],
        ),
        # a python-brace-format entry's fields are the format check's: {1} and {0} are the
        # arguments of {} and {}; its other placeholders are this check's
        ("{} of {}", "{1} von {0}", {"flags": "python-brace-format"}, []),
        ("{name}: <b>x</b>", "{name}: x", {"flags": "python-brace-format"}, ["lacks <b>, </b>"]),
        # a tag's part left in the words (fusion wrote it from a match's <b>), as text or markup
        (
            "Our award-winning platform helps",
            "Unsere <Produngsplattform hilft",
            {},
            ["has a stray '<' the source does not have (part of a tag?)"],
        ),
        (
            "Our <b>award-winning</b> platform",
            "Unsere <b>preisgekrönte</b> &lt;Plattform",
            {},
            ["adds &lt;, which the source does not have"],
        ),
        ("Use a < b or <name>", "Nutze a < b oder <Name>", {}, []),
        # a word glued to a field the source spaces, a brace beside a field of braces (a Ruby
        # gettext trial, session 69)
        (
            "You have %<count>d unread messages.",
            "Sie haben %<count>dnlese Nachrichten.",
            {"flags": "ruby-format"},
            [
                "has 'nlese' glued to %<count>d, where the source has a space or punctuation "
                "after it: separate them"
            ],
        ),
        # what is left of a conversion whose "%" was lost is a broken placeholder, not a word
        # glued to the field before it (a healthcare trial, session 73: separating them, as
        # qa said, cleared the error and left "3$.1f mg)" as text)
        (
            "Take %1$d tablet(s) of %2$@ (%3$.1f mg)",
            "%1$d Tabletten von %2$@3$.1f mg) %3$.1f",
            {},
            [
                "has a broken placeholder: '3$.1f' is %3$.1f without its '%' (shown as text): "
                "write %3$.1f"
            ],
        ),
        (
            "Take %1$d tablet(s) of %2$@ (%3$.1f mg)",
            "%1$d Tabletten von %2$@ 3$.1f mg) %3$.1f",
            {},
            [
                "has a broken placeholder: '3$.1f' is %3$.1f without its '%' (shown as text): "
                "write %3$.1f"
            ],
        ),
        (  # said once: not also as a lacking %3$f
            "Take %1$d tablet(s) of %2$@ (%3$.1f mg)",
            "%1$d Tabletten von %2$@.1f mg)",
            {},
            [
                "has a broken placeholder: '.1f' is %3$.1f without its '%3$' (shown as text): "
                "write %3$.1f"
            ],
        ),
        ("Take %1$d tablet(s) of %2$@ (%3$.1f mg)", "%1$d Tabletten von %2$@ (%3$.1f mg)", {}, []),
        # ...but a German ending glued to a field is none (a regression trial, session 69)
        ("Files of {user}.", "{user}s Dateien.", {}, []),
        ("Played {0} times", "{0}mal gespielt", {}, []),
        (
            'Your book "%{title}" is due on %{date}.',
            "Ihr Buch »%{title}}« ist auf %{date}.",
            {"flags": "ruby-format"},
            ["has a stray '}' beside %{title} that the source does not have: remove it"],
        ),
        # an i18next trial (session 76): what the repair left beside "{{a}}/{{b}}"'s fields
        (
            "Expires {{month}}/{{year}}",
            "Expires {{month}}/\\{{year}}",
            {},
            [
                "has '/\\\\' beside {{month}}, which the source does not write there: write '/', as "
                "the source does"
            ],
        ),
        (
            "Valid {{from}}/{{to}}",
            "Gültig {{from}}/{{to}}/",
            {},
            ["has '/' beside {{to}}, which the source does not write there: remove it"],
        ),
        ("Expires {{month}}/{{year}}", "Gültig bis {{year}}/{{month}}", {}, []),
        # a Zendesk trial (session 76): a number's retry left the end of its tag
        (
            "It takes 5\u201310 business days.",
            "Es nimmt 10 5-/> Geschäftstage.",
            {},
            ["has a stray '>' the source does not have (part of a tag?)"],
        ),
        (
            'Your book "%{title}" is due on %{date}.',
            "Ihr Buch »%{title}« ist am %{date} fällig.",
            {"flags": "ruby-format"},
            [],
        ),
        # a Lokalise universal placeholder is its brackets too (a Lokalise trial, session 67)
        (
            "[%1$s] assigned [%2$s] to you.",
            "%1$s hat Ihnen [%2$s] zugewiesen.",
            {},
            [
                "lacks [%1$s]: a Lokalise placeholder is written with its brackets (the "
                "translation has %1$s); write [%1$s]"
            ],
        ),
        ("Task [%s] was created.", "Aufgabe [%s] wurde erstellt.", {}, []),
        # ...said once, not also as a lacking [%.2f] and an added %.2f (a Lokalise trial,
        # session 70, where [%s] became one placeholder with its brackets)
        (
            "Total: [%.2f] EUR",
            "Gesamt: %.2f EUR",
            {},
            [
                "lacks [%.2f]: a Lokalise placeholder is written with its brackets (the "
                "translation has %.2f); write [%.2f]"
            ],
        ),
        # one lost whole is named with its brackets, as Lokalise writes it (it said "lacks %s")
        ("Welcome to [%s]", "Willkommen bei", {}, ["lacks [%s]"]),
        ("Hello [%1$s], you have [%2$d] new messages", "Hallo [%1$s]!", {}, ["lacks [%2$d]"]),
        # a plural's form for one may leave out its count, bracketed too
        ("[%i] file", "Eine Datei", {"plural": "0"}, []),
        # Markdown kept as written (an attribute list, keys): its change passed
        (
            '<a href="x.md">Start</a><code data-md="raw">{ .md-button--primary }</code>',
            '<a href="x.md">Los</a><code data-md="raw">{ .md-button-Primary }</code>',
            {},
            ["changes Markdown markup: write '{ .md-button--primary }' as the source does"],
        ),
        (
            'Press <code data-md="raw">++ctrl+s++</code>.',
            'Drücken Sie <code data-md="raw">++ctrl+s++</code>.',
            {},
            [],
        ),
        # an MDX page's inline JSX tag lost, or written twice: named as written, not as
        # ltmt's tagged form (it said "lacks <code data-md="raw">, &lt;, &gt; (2 times), ...")
        (
            'Click <code data-md="raw">&lt;Button onClick={() =&gt; setOpen(true)}&gt;</code>'
            "Save</Button> to keep your changes.",
            "Klicken Sie auf Speichern</Button>, um Ihre Änderungen zu behalten.",
            {},
            [
                "changes Markdown markup: write '<Button onClick={() => setOpen(true)}>' as "
                "the source does"
            ],
        ),
        (
            'You have <code data-md="raw">&lt;Badge count={3} /&gt;</code> new messages.',
            'Sie haben <code data-md="raw">&lt;Badge count={3} /&gt;</code> '
            '<code data-md="raw">&lt;Badge count={3} /&gt;</code> neue Nachrichten.',
            {},
            ["adds <Badge count={3} />, which the source does not have"],
        ),
        (  # a template tag alike (it said "lacks <code data-md="raw">, </code>")
            'Hello <code data-md="raw">{{ page.title }}</code>!',
            "Hallo!",
            {},
            ["changes Markdown markup: write '{{ page.title }}' as the source does"],
        ),
        # reST's and MyST's inline markup from Sphinx: a role, a link, a literal, a reference
        (
            "Press :kbd:`Esc` now.",
            "Drücken Sie `Esc`Esc` jetzt.",
            {},
            [
                "lacks :kbd:`Esc`",
                "adds `Esc`, which the source does not have",
            ],
        ),
        (
            "Use :option:`--user`.",
            "Nutze :option:`-user`.",
            {},
            [
                "lacks :option:`--user`",
                "adds :option:`-user`, which the source does not have",
            ],
        ),
        (
            "Hosted on `Read the Docs`__.",
            "Auf `Read den Docs`_.",
            {},
            [
                "lacks `Read the Docs`__",
                "adds `Read den Docs`_, which the source does not have",
            ],
        ),
        ("Call ``Widget()`` now.", "Rufe »Widget()« auf.", {}, ["lacks ``Widget()``"]),
        ("Version |version| [#]_", "Version [#]_", {}, ["lacks |version|"]),
        ("Read {ref}`install` first.", "Lies zuerst.", {}, ["lacks {ref}`install`"]),
        ("See :ref:`install` and |x|", "Siehe :ref:`install` und |x|", {}, []),
        # a WebExtension's reference to a message, which the model mangled (session 64)
        (
            "Open __MSG_extName__ options",
            "_O_MSG_extName_optionen",
            {},
            ["lacks __MSG_extName__"],
        ),
        # ... whose names, and its substitutions', are read in any case (session 64)
        (
            "Hello, $USER$! Open __MSG_extName__.",
            "Hallo, $user$! __MSG_EXTNAME__ öffnen.",
            {"flags": "webextension-format"},
            [],
        ),
        (
            "Hello, $USER$! You have $COUNT$ tabs.",
            "Hallo, $user$! Sie haben Tabs.",
            {"flags": "webextension-format"},
            ["lacks $COUNT$"],
        ),
        (
            "Hello, $USER$!",
            "Hallo, $user$!",
            {},
            ["lacks $USER$", "adds $user$, which the source does not have"],
        ),
        # a lone % where the source's %% says it is a printf format string (session 64)
        (
            "Battery at %@%%",
            "Akku bei %@%",
            {},
            ["has a lone % where the source writes %% (a printf format string): write %%"],
        ),
        ("Battery at %@%%", "Akku bei %@ %%", {}, []),
        ("Battery at 100%", "Akku bei 100 %", {}, []),  # no format string: a percent sign
        # an Odoo mail template's expression, which the model translated (session 65)
        (
            "{{ object.company_id.name }} Order (Ref {{ object.name or 'n/a' }})",
            "{{ object.company_id.name }} Auftrag (Einf {{Objekt.name oder »n/a« })",
            {},
            ["lacks {{ object.name or 'n/a' }}"],
        ),
        (
            "Due {{ format_date(object.date_order) }}",
            "Fällig {{ format_date(object.date_order) }}",
            {},
            [],
        ),
    ],
)
def test_placeholders(source, target, metadata, expected):
    assert placeholder_problems(source, target, metadata) == expected


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        (
            "Order %id% was cancelled.",
            "Bestellung %i wurde storniert.",
            ["lacks %id%", "adds %i, which the source does not have"],
        ),
        (
            'Subscribe to "%list%".',
            "Abonniere »%li.%«.",
            ["lacks %list%", "adds %li, which the source does not have"],
        ),
        (
            "Could not reach the payment provider at %host.",
            "Konnte den Zahlungsanbieter bei %ho. nicht erreichen.",
            ["lacks %host", "adds %ho, which the source does not have"],
        ),
        ("Could not connect to %host%.", "Verbindung mit %host% fehlgeschlagen.", []),
        ("%lid %lih %limin %lis", "%li d %li h %li min %li s", []),  # apt's: printf's
    ],
)
def test_a_symfony_or_drupal_name_cut_to_a_printf_conversion_is_lacking(
    source: str, target: str, expected: list[str]
) -> None:
    """``%host%`` read as printf's ``%ho``: qa passed ``%ho.%`` (a Symfony trial, session 77)."""
    assert placeholder_problems(source, target, {}) == expected


_NO_CODE = (
    "which is no Minecraft formatting code (§ and one of 0-9, a-f, k-o, r): write the source's "
    "code, or the letter without the §"
)


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("Hold §eShift§r for more info", "Halte §eShift§r für mehr Infos", []),
        ("Hold §eShift§r for more info", "Halte §eShift für mehr Infos", ["lacks §r"]),
        (
            "§c§lWARNING:§r §7The turret will attack §nall§r§7 players!",
            "§c§lWARNUNG:§r §7Das Geschütz greift §Salle§r Spieler an!",
            ["lacks §7, §n", f"has §S, {_NO_CODE}"],
        ),
        (  # a code changed: §L is bold, where the source colours the word gold
            "Your §6Laser Gun§r is fully charged.",
            "Deine §Laserkanone§r ist voll aufgeladen.",
            ["lacks §6", "adds §L, which the source does not have"],
        ),
        ("Only §cthree§r left", "Nur §Cdrei§R übrig", []),  # Minecraft reads §C as §c
        (
            "Only §cthree§r left",
            "Nur §cdrei§r§a übrig",
            ["adds §a, which the source does not have"],
        ),
        ("See § 3 and §12", "Siehe § 3 und §12", []),  # a law's sections: no codes
        ("Typo §S here", "Tippfehler §S hier", []),  # as the source has it
    ],
)
def test_a_minecraft_formatting_code_lost_added_or_invalid_is_a_placeholder_error(
    source: str, target: str, expected: list[str]
):
    """A lost ``§r`` (the rest of the line took the colour), an invalid ``§S`` (the game eats
    the letter) and ``§6`` written ``§L`` passed qa, or said only ``lacks the number 7`` (a
    Minecraft mod's trial, session 72)."""
    assert placeholder_problems(source, target, {}) == expected


@pytest.mark.parametrize(
    ("source", "target", "flags", "expected"),
    [
        (
            "{$a->name} scored {$a->grade}/{$a->max}",
            "{$a->name} hat {$a->note}/{$a->max} erreicht",
            "",
            ["lacks {$a->grade}", "adds {$a->note}, which the source does not have"],
        ),
        (
            "{$a->name} scored {$a->grade} points",
            "{$a->name} hat Punkte",
            "",
            ["lacks {$a->grade}"],
        ),
        (
            "Changed by {$a->user}",
            "Geändert von {$a user}",
            "php-format",
            ["lacks {$a->user}", "adds $a, which the source does not have"],
        ),
        (
            "Reopen the attempt of {$a->fullname}.",
            "Versuch von $a->fullname wieder öffnen.",
            "",
            [
                "lacks {$a->fullname}",
                "adds $a, which the source does not have",
                "has a stray '>' the source does not have (part of a tag?)",
            ],
        ),
        ("Changed by {$a->user}", "Geändert von {$a->user}", "php-format", []),
        ("Hello {$a}", "Hallo {$a}", "", []),
        ("Hello {$a}", "Hallo $a", "", ["lacks {$a}", "adds $a, which the source does not have"]),
    ],
)
def test_a_moodle_placeholder_lost_renamed_or_broken_is_an_error(source, target, flags, expected):
    """``{$a->grade}`` → ``{$a->note}``, ``{$a user}`` and ``$a->fullname`` passed qa, which
    compared the ``$a`` alone (a Moodle trial, session 72)."""
    assert placeholder_problems(source, target, {"flags": flags}) == expected


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("Karte \u2022\u2022\u2022\u2022 4242 wurde mit $49.99 belastet", []),
        (
            "Card ärgerliches Pfarrenaaa mit 4242 wurde angeklagt $49.99",
            ["lacks \u2022\u2022\u2022\u2022 4242"],
        ),
        (
            "Karte **** 4242 wurde mit $49.99 belastet",
            [
                "lacks \u2022\u2022\u2022\u2022 4242",
                "adds **** 4242, which the source does not have",
            ],
        ),
    ],
)
def test_a_masked_card_number_lost_is_a_placeholder_error(target: str, expected: list[str]):
    """A mask the model wrote as words passed qa (a fintech trial, session 70)."""
    source = "Card \u2022\u2022\u2022\u2022 4242 was charged $49.99"
    assert placeholder_problems(source, target, {}) == expected


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("Rufen Sie im Notfall +49 89 1234-5678 an.", []),
        # its separators written another way, a trunk's (0): the same number
        ("Rufen Sie im Notfall +49 89 1234 5678 an.", []),
        ("Rufen Sie im Notfall +49 (0)89 1234-5678 an.", []),
        # the number repair's "89 49": its digits reordered, its + lost
        ("Für Empfängern 89 49 1234-5678 stattdessen.", ["lacks +49 89 1234-5678"]),
        ("Rufen Sie im Notfall 0049 89 1234-5678 an.", ["lacks +49 89 1234-5678"]),
        (
            "Rufen Sie im Notfall +49 98 1234-5678 an.",
            ["lacks +49 89 1234-5678", "adds +49 98 1234-5678, which the source does not have"],
        ),
    ],
)
def test_a_phone_number_changed_is_a_placeholder_error(target: str, expected: list[str]):
    """A phone number whose +49 the number repair moved (``89 49 1234-5678``) passed qa (a
    ServiceNow trial, session 72)."""
    source = "For emergencies, call +49 89 1234-5678 instead."
    assert placeholder_problems(source, target, {}) == expected


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        # a Zendesk article's link to the page in the target's help center
        (
            'See <a href="/hc/en-us/articles/1">X</a>.',
            'Siehe <a href="/hc/de/articles/1">X</a>.',
            [],
        ),
        (
            '<a href="https://s.example.com/hc/en-us/articles/1-Reset">X</a>',
            '<a href="https://s.example.com/hc/de/articles/1-Reset">X</a>',
            [],
        ),
        ('<a href="/en/docs">X</a>', '<a href="/de-ch/docs">X</a>', []),
        (  # another page is another link
            '<a href="/hc/en-us/articles/1">X</a>',
            '<a href="/hc/de/articles/2">X</a>',
            [
                'lacks <a href="/hc/en-us/articles/1">',
                'adds <a href="/hc/de/articles/2">, which the source does not have',
            ],
        ),
        (
            '<a href="/docs/api">X</a>',
            '<a href="/docs/faq">X</a>',
            [
                'lacks <a href="/docs/api">',
                'adds <a href="/docs/faq">, which the source does not have',
            ],
        ),
    ],
)
def test_a_link_that_changes_its_locale_segment_alone_is_no_placeholder_lost(
    source, target, expected
):
    """Reported as an error ("lacks <a href=\"/hc/en-us/...\">") on every link a Zendesk
    help center's German article points to its German pages with."""
    assert placeholder_problems(source, target, {}) == expected


@pytest.mark.parametrize(
    ("source", "target", "language", "kept"),
    [  # the tester's h/de2.html: any two-letter segment passed
        ('<a href="/hc/en-us/articles/1">X</a>', '<a href="/hc/fr/articles/1">X</a>', "de", False),
        ('<a href="/shop/tv/specs">X</a>', '<a href="/shop/pc/specs">X</a>', "de", False),
        ('<a href="/shop/tv/specs">X</a>', '<a href="/shop/pc/specs">X</a>', None, False),
        (
            '<a href="https://acme.com/en/blog">X</a>',
            '<a href="https://acme.com/it/blog">X</a>',
            "de",
            False,
        ),
        (
            '<a href="/hc/en-us/articles/1">X</a>',
            '<a href="/hc/de-at/articles/1">X</a>',
            "de",
            True,
        ),
        ('<a href="/en-GB/docs">X</a>', '<a href="/de-ch/docs">X</a>', "de-CH", True),
        ('<a href="/hc/en-us/articles/1">X</a>', '<a href="/hc/fr/articles/1">X</a>', None, True),
    ],
)
def test_a_links_locale_segment_goes_from_the_source_language_to_the_target_language(
    source, target, language, kept
):
    metadata = {} if language is None else {TARGET_LANGUAGE: language}
    expected = (
        []
        if kept
        else [f"lacks {source[:-5]}", f"adds {target[:-5]}, which the source does not have"]
    )
    assert placeholder_problems(source, target, metadata) == expected


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("%B %-d %Y", "%e. %B %Y", []),
        ("%a %I:%M %p", "%a, %H:%M", []),
        # a translator's own: the month lost (Evolution's German catalog in Debian 12)
        (
            "%a %d %b %Y",
            "%a, %d. %Y",
            ["the source's date format writes the month, the translation does not"],
        ),
        (
            "Today %l:%M %p",
            "Heute %l:%M",
            ["the source's date format writes the AM/PM, the translation does not"],
        ),
        ("%B %-d", "", []),
    ],
)
def test_dates(source, target, expected):
    assert date_problems(source, target, {}) == expected


def test_a_named_placeholder_with_spaces_inside_is_one():
    """A vue-i18n user's trial (session 65): ``{ name }`` translated ``{Name }`` passed."""
    assert placeholder_problems("Hello { name }!", "Hallo {Name }!", {}) == [
        "lacks { name }",
        "adds {Name }, which the source does not have",
    ]


def test_addresses_are_kept():
    assert (
        address_problems("See https://example.com/docs", "Siehe https://example.com/docs", {}) == []
    )
    assert address_problems("Mail me@example.com", "Schreib an ich@beispiel.de", {}) == [
        "lacks me@example.com (it has ich@beispiel.de)"
    ]
    assert address_problems("See https://example.com/docs.", "Siehe die Doku.", {}) == [
        "lacks https://example.com/docs"
    ]
    # vue-i18n's literal at sign: the address is one, its mailbox translated a finding
    assert address_problems(
        "Write to support{'@'}acme.com", "Write, um{'@'}acme.com zu unterstützen", {}
    ) == ["lacks support{'@'}acme.com (it has um{'@'}acme.com)"]


def test_accelerators():
    assert accelerator_problems("&Open", "Ö&ffnen", {}) == []
    assert accelerator_problems("_Quit", "_Beenden", {}) == []
    assert accelerator_problems("Edit with &tabpages", "Mit Reitern bearbeiten", {}) == [
        "the source's accelerator &t has no & before a letter of the translation, or several"
    ]
    assert accelerator_problems("Tom & Jerry", "Tom und Jerry", {}) == []


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        (
            "Search && Replace",
            "Suchen & Ersetzen",
            [
                "the source's && (an & written as text) is a single & in the translation, "
                "which marks the character after it as the accelerator: write it &&"
            ],
        ),
        ("Search && Replace", "Suchen && Ersetzen", []),
        ("Search && Replace", "Suchen und Ersetzen", []),  # said in words
        ("Open", "Ö&ffnen", ["the translation has the accelerator &f, the source none"]),
        (
            "Search && Replace",
            "Suchen &Ersetzen",
            ["the translation has the accelerator &E, the source none"],
        ),
        ("Save && E&xit", "Speichern && &Beenden", []),
        ("Yes\n&No", "&Ja\n&Nein", ["the translation has the accelerator &J, the source none"]),
        ("R&D costs", "F&E-Kosten", []),  # an abbreviation, no accelerator
        # a word lost beside the && (the model dropped Find)
        (
            "Find && &Replace…",
            "&& &Ersetzen…",
            [
                "the translation's && (an & written as text) has no words on one side, where "
                "the source's has words on both: the words beside it were lost"
            ],
        ),
        ("Find && &Replace…", "&Suchen && Ersetzen…", []),
        ("&& more", "&& mehr", []),  # the source's has none before it either
    ],
)
def test_accelerators_added_and_literal_ampersands_made_single(source, target, expected):
    assert accelerator_problems(source, target, {}) == expected


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("Done\n", "Fertig\n", []),
        ("Done\n", "Fertig", ["the source ends with a line break, the translation with none"]),
        ("  -a  all", "-a  alle", ["the source starts with 2 spaces, the translation with none"]),
        ("Name: ", "Name:", ["the source ends with a space, the translation with none"]),
        (
            "x",
            " x\n",
            [
                "the source starts with none, the translation with a space",
                "the source ends with none, the translation with a line break",
            ],
        ),
        (
            "x \n",
            "x\n ",
            [
                "the source ends with a space + a line break, the translation with a "
                "line break + a space"
            ],
        ),
        ("x\n", "\n", []),  # a blank translation is no edge to compare
        # a tab between words lines up a column: lost, the column is gone
        (
            "Name:\tValue",
            "Name: Wert",
            ["the source has 1 tab between its words, the translation none"],
        ),
        ("Name:\tValue\t", "Name:\tWert\t", []),
        (
            "Name: Value",
            "Name:\t\tWert",
            ["the source has 0 tabs between its words, the translation 2"],
        ),
        # a lost line break joins a letter's greeting to its text
        (
            "Hi %(name)s,\n\nyour order was shipped.\n",
            "%(name)s, Ihre Bestellung wurde versandt.\n",
            ["the source has 2 line breaks between its words, the translation none"],
        ),
        # layout, not text: an ICU message's branches one a line (Symfony's YAML), a wrapped
        # XLIFF source (session 66's trial); a line break inside a branch still counts
        (
            "{n, plural,\n    one {One apple}\n    other {# apples}\n}",
            "{n, plural, one {Ein Apfel} other {# Äpfel}}",
            [],
        ),
        (
            "{n, plural, one {One apple:\nfresh} other {# apples:\nfresh}}",
            "{n, plural, one {Ein frischer Apfel} other {# frische Äpfel}}",
            ["the source has 2 line breaks between its words, the translation none"],
        ),  # a branch's own layout (after a colon) counts; its prose re-wrapped would not
        (
            "Welcome to your projects\n          and tasks.",
            "Willkommen bei Projekten und Aufgaben.",
            [],
        ),
        ("Hi,\n\nshipped.\n", "Hallo,\n\nversandt.\n", []),
        (
            "Steps:\n- open\n- save",
            "Schritte: - öffnen - speichern",
            ["the source has 2 line breaks between its words, the translation none"],
        ),
        # prose re-wrapped, into more lines (a PO msgid, a YAML | block) or fewer: no finding
        (
            "This program is free software; you can redistribute it\nunder the GPL.",
            "Dieses Programm ist freie Software; Sie können es\nunter der GPL\nweitergeben.",
            [],
        ),
        ("We sell furniture\nfrom wood, delivered\nwithin two weeks.", "Wir verkaufen\nMöbel.", []),
    ],
)
def test_whitespace(source, target, expected):
    assert whitespace_problems(source, target, {}) == expected


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("Press Ctrl+S to save", "Drücken Sie Strg+S zum Speichern", []),  # German names
        ("Press Ctrl+S to save", "Drücken Sie Ctrl+S zum Speichern", []),  # as written
        ("Use Shift+Tab", "Umschalt+Tab verwenden", []),
        # the model's: a key identifier broken, a combination garbled
        (
            "CmdOrCtrl+Shift+F",
            "CmdOrCtrg+ Umschalttaste+F",
            ["lacks the key combination 'CmdOrCtrl+Shift+F'"],
        ),
        ("CmdOrCtrl+F", "CmdOrStrg+F", ["lacks the key combination 'CmdOrCtrl+F'"]),
        (
            "Press Ctrl+S to save",
            "Druck-Taste+S-Taste zum Speichern",
            ["lacks the key combination 'Ctrl+S'"],
        ),
        ("Hit Ctrl-C to abort", "Abbrechen mit Strg+C", []),  # a hyphen's is no combination here
        # after a tab written as an escape (.rc menus: keys-src.txt of session 70) as after a tab
        ("&New\\tCtrl+N", "&Neu\\tCtrg+N", ["lacks the key combination 'Ctrl+N'"]),
        ("&New\tCtrl+N", "&Neu\tCtrg+N", ["lacks the key combination 'Ctrl+N'"]),
        ("&New\\tCtrl+N", "&Neu\\tStrg+N", []),
        ("Ctrl+S", "", []),
        # a key alone that the source says to press (trial s77, a game's key prompt)
        (
            "Press E to open the chest.",
            "Drucken, um die Brust zu öffnen.",
            ["lacks the key 'E' the source says to press"],
        ),
        ("Press E to open the chest.", "Drücke E, um die Truhe zu öffnen.", []),
    ],
)
def test_keys(source, target, expected):
    assert key_problems(source, target, {}) == expected


@pytest.mark.parametrize(
    ("source", "target", "placeholders", "keys"),
    [
        # regression regf170's kbd.de.po: correct German, said to lack kbd:[Ctrl+S]
        (
            "Press kbd:[Ctrl+S] to save the page.",
            "Drücken Sie kbd:[Strg+S], um die Seite zu speichern.",
            [],
            [],
        ),
        (
            "Use kbd:[Ctrl+Shift+P] to open the command palette.",
            "Öffnen Sie mit kbd:[Strg+Umschalt+P] die Befehlspalette.",
            [],
            [],
        ),
        (
            "Press kbd:[Alt+F4] or kbd:[Ctrl+Q] to quit.",
            "Drücken Sie kbd:[Alt+F4] oder kbd:[Strg+Q] zum Beenden.",
            [],
            [],
        ),
        ("Press kbd:[Ctrl+S] now.", "Jetzt kbd:[Ctrl+S] drücken.", [], []),  # as written
        # other keys, or the macro lost
        (
            "Press kbd:[Ctrl+S] now.",
            "Jetzt kbd:[Strg+X] drücken.",
            [],
            ["lacks the key combination 'Ctrl+S'"],
        ),
        ("Press kbd:[Ctrl+S] now.", "Jetzt Strg+S drücken.", ["lacks kbd:["], []),
        # a key alone is kept as written
        (
            "Press kbd:[Enter] now.",
            "Jetzt kbd:[Eingabe] drücken.",
            ["lacks kbd:[Enter]", "adds kbd:[Eingabe], which the source does not have"],
            [],
        ),
    ],
)
def test_a_key_macro_may_name_its_keys_in_german(source, target, placeholders, keys):
    assert placeholder_problems(source, target, {}) == placeholders
    assert key_problems(source, target, {}) == keys


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        # Django's humanize catalog: the count and its unit, which its German lost
        (
            "%(count)s\u00a0hours ago",
            "vor %(count)s Stunden",
            [
                "the source has 1 no-break space (between '%(count)s' and 'hours'), the "
                "translation none"
            ],
        ),
        ("%(count)s\u00a0hours ago", "vor %(count)s\u00a0Stunden", []),
        # each kind counted; more in the translation is the target language's typography
        (
            "5\u202fGB of 10\u00a0GB",
            "5 GB von 10\u00a0GB",
            ["the source has 1 narrow no-break space (between '5' and 'GB'), the translation none"],
        ),
        ("Page %d", "S.\u00a0%d", []),
        ("100\u00a0MB", "", []),  # nothing translated: nothing to compare
    ],
)
def test_nbsp(source, target, expected):
    assert nbsp_problems(source, target, {}) == expected


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        # the model wrote another character for one, or a word
        ("\u00a9 2026 Example Corp.", "\u2014 2026 Example Corp.", ["lacks \u00a9"]),
        (
            "CloudDesk\u00ae and SyncBridge\u2122",
            "CloudDesk-Fahrungs- und SyncBridge\u2122",
            ["lacks \u00ae"],
        ),
        ("A\u00ae B\u00ae \u2117 C\u2120", "A B", ["lacks \u00ae (2 times), \u2117, \u2120"]),
        ("CloudDesk\u00ae \u00a9 2026", "CloudDesk\u00ae \u00a9 2026", []),
        ("CloudDesk", "CloudDesk\u00ae", []),  # more is the translator's
        ("\u00a9 2026", "", []),  # nothing translated: nothing to compare
    ],
)
def test_signs(source, target, expected):
    assert sign_problems(source, target, {}) == expected


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("the file", "die die Datei", []),  # German: a relative pronoun, then an article
        (
            "marked as untrusted",
            "als als nicht vertrauenswürdig markiert",
            ["says a word twice: 'als als'"],
        ),
        ("the file", "Datei Datei", ["says a word twice: 'Datei Datei'"]),
        ("You can", "Sie sie", []),  # "you ... them"
        ("-b FILE  FILE exists", "-b DATEI    DATEI existiert", []),  # a help text's columns
        ("Bye bye", "Bye bye", []),  # the source says it twice too
        # a hyphen between: <nobr>100 HP</nobr> came out 100 HP-HP
        ("<nobr>100 HP</nobr> restored", "100 HP-HP", ["says a word twice: 'HP-HP'"]),
        ("bye-bye", "Bye-Bye", []),  # hyphened in the source too
        # a German word doubled with a hyphen is an idiom, not a copied word doubled
        ("Stop the petty squabbling.", "Hört auf mit dem Klein-Klein.", []),
        ("end\nend", "Ende\nEnde", []),  # across lines
    ],
)
def test_doubled_words(source, target, expected):
    assert doubled_problems(source, target, {}) == expected


def test_doubled_word_said_in_the_source_too_passes():
    assert doubled_problems("so so", "so so", {}) == []
    assert doubled_problems("erase CHAR    CHAR will erase", "ZEICHEN ZEICHEN löscht", {}) == []
    assert doubled_problems("It is is wrong", "Es ist ist falsch", {}) == []
    assert doubled_problems("CHAR CHAR", "Zeichen Zeichen, Datei Datei", {}) == [
        "says a word twice: 'Zeichen Zeichen', 'Datei Datei'"
    ]


def test_copies():
    assert copied_problems("Settings", "Settings", {}) == [
        "the translation is the source as written"
    ]
    assert copied_problems("Settings", "Einstellungen", {}) == []
    # the design-system trial (session 70): the model capitalised the noun German shares
    assert copied_problems("Main navigation", "Main Navigation", {}) == [
        "the translation is the source as written, but for German's capitals"
    ]
    assert copied_problems("%s: %d", "%s: %d", {}) == []  # nothing to translate
    # a key identifier stays as written (Firefox: "Do not localize")
    assert copied_problems("CmdOrCtrl+Shift+F", "CmdOrCtrl+Shift+F", {}) == []
    # a time format stays as written in many languages (gnome-shell's German)
    assert copied_problems("%l\u2236%M %p", "%l\u2236%M %p", {}) == []
    # regression trial godot, session 66: one sentence of a cell left English
    assert copied_problems(
        "Welcome, [b]{name}[/b]! The village needs your help.",
        "Welcome, [b]{name}[/b]! Der Dorf braucht deine Hilfe.",
        {},
    ) == ["the sentence 'Welcome, [b]{name}[/b]!' is left as in the source"]


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("Name:", "Name:", []),
        ("Quit?", "Beenden?", []),
        ("Save as...", "Speichern unter …", []),
        ('"Quit?"', "„Beenden?“", []),
        ("Name:", "Name", ["the source ends with a colon, the translation does not"]),
        (
            "Done.",
            "Fertig!",
            ["the translation ends with an exclamation mark, the source does not"],
        ),
        ("Name: %s", "Name: %s", []),
        (
            "Open...",
            "Öffnen",
            ["the source ends with an ellipsis, the translation does not"],
        ),
        # session 60: a hyphen glued to a count's field, a stray « after a tag
        (
            "{{count}} photos",
            "{{count}}- Fotos",
            ["a hyphen glued to {{count}}, which the source follows with a space"],
        ),
        ("{n} times", "{n}-mal", []),
        # session 66: Go's and Drupal's count fields, a number
        (
            "{{.PluralCount}} files were deleted.",
            "{{.PluralCount}}-Dateien wurden gelöscht.",
            ["a hyphen glued to {{.PluralCount}}, which the source follows with a space"],
        ),
        (
            "@count comments",
            "@count-Kommentare",
            ["a hyphen glued to @count, which the source follows with a space"],
        ),
        (
            "Your password will expire in {days} days.",
            "Ihr Passwort läuft in {days}-Tag.",
            ["a hyphen glued to {days}, which the source follows with a space"],
        ),
        # session 77: an Apple catalog's plural substitution argument, from memory fusion
        ("%arg day", "%arg-Tag", ["a hyphen glued to %arg, which the source follows with a space"]),
        (
            "1 new comment",
            "1- neue Kommentar",
            ["a hyphen glued to 1, which the source follows with a space"],
        ),
        (
            'Version <xliff:g id="version">%s</xliff:g>',
            'Version <xliff:g id="version">%s</xliff:g>\u00ab',
            [],  # beside a placeholder: quoting's warning (below), not a note
        ),
        (
            'Say "hi" now',
            "Sag \u00bbhallo jetzt",
            ["a quote mark (\u00bb) that opens or closes nothing"],
        ),
        ("Click Save", "Klicken Sie auf \u201eSpeichern\u201c", []),  # a pair of its own
        ('A 5" disk', 'Eine 5"-Diskette', []),  # the source's inch mark, copied
        # the model left out what followed the last tag (nest/, session 66: nothing was said)
        (
            "By signing up you agree to our <terms>Terms of <b>Service</b></terms>.",
            "Durch das Unterschreiben unserer <terms>Terms of <b>Service</b></terms>",
            [
                "the source ends with a full stop, the translation with </terms>: check that "
                "nothing after it was lost"
            ],
        ),
        (
            "Read the <guide>setup <code>guide</code> for teams</guide> first.",
            "Starten Sie den <guide>setup <code>guide</code> für Teams</guide>",
            [
                "the source ends with a full stop, the translation with </guide>: check that "
                "nothing after it was lost"
            ],
        ),
        ("Read the <guide>guide</guide>.", "Lies den <guide>Leitfaden</guide>.", []),
        ("Read the <guide>guide</guide>.", "<guide>Leitfaden</guide> lesen.", []),
        # an ellipsis multiplied or broken (the model's; a subtitle trial's), inside tags too
        (
            "So...",
            "Also.......",
            [
                "the source ends with an ellipsis, the translation with '.......': write one (... or …)"
            ],
        ),
        (
            "<i>Previously on Harbor Lights...</i>",
            "<i>Vorher auf Harborenlicht. ...</i>",
            [
                "the source ends with an ellipsis, the translation with '. ...': write one (... or …)"
            ],
        ),
        (
            "<i>Previously...</i>",
            "<i>Bisher</i>",
            ["the source ends with an ellipsis, the translation does not"],
        ),
        ("So...", "Also ...", []),
        ("So...", "Also…", []),
        ("So....", "Also....", []),
        # a full stop after an ellipsis inside the line (the model's; a game VO trial's)
        (
            "I thought... I thought you were gone...",
            "Ich dachte.... Ich dachte, du wärest weg...",
            ["an ellipsis written '....' where the source writes '...': write one (... or …)"],
        ),
        (
            "Wait... what was that?",
            "Warten Sie.... Was war das?",
            ["an ellipsis written '....' where the source writes '...': write one (... or …)"],
        ),
        ("Wait... what was that?", "Warten Sie... Was war das?", []),
        ("Wait.... no", "Warte.... nein", []),
    ],
)
def test_punctuation(source, target, expected):
    assert punctuation_problems(source, target, {}) == expected


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        (
            "Could not save file \u201c%1\u201d.",
            "Datei \u00bb%1 konnte nicht gespeichert werden.",
            [
                "a quote mark (\u00bb) before %1 that opens or closes nothing: quote the "
                "placeholder as the source does"
            ],
        ),
        (
            'Version <xliff:g id="version">%s</xliff:g>',
            'Version <xliff:g id="version">%s</xliff:g>\u00ab',
            [
                "a quote mark (\u00ab) after </xliff:g> that opens or closes nothing: quote the "
                "placeholder as the source does"
            ],
        ),
        ("Could not save \u201c%1\u201d.", "\u00bb%1\u00ab konnte nicht gespeichert werden.", []),
        ('Say "hi" now', "Sag \u00bbhallo jetzt", []),  # no placeholder: punctuation's note
        (  # %s quoted on both sides: the lone mark is elsewhere, punctuation's note
            'Open "%s" and read the "Getting started" section.',
            "\u00d6ffnen Sie \u201e%s\u201c und lesen Sie den Abschnitt \u201eErste Schritte.",
            [],
        ),
    ],
)
def test_a_lone_quote_mark_beside_a_placeholder_is_a_quoting_warning(source, target, expected):
    """``Datei »%1 zu speichern.`` lost its closing mark: it was a punctuation note only."""
    assert quoting_problems(source, target, {}) == expected


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        (  # the quoted words without their marks
            'Please enter a valid "Gift Card" code.',
            "Bitte geben Sie einen g\u00fcltigen Code von Gift Card ein.",
            [
                'the source quotes "Gift Card", the translation writes Gift Card without quote '
                "marks: quote it as the source does"
            ],
        ),
        (  # no quote mark at all
            'Please enter a valid "Gift Card" code.',
            "Bitte geben Sie einen g\u00fcltigen Geschenkkartencode ein.",
            [
                'the source quotes "Gift Card", the translation has no quote marks: quote it as '
                "the source does"
            ],
        ),
        (  # one of two quotations lost (the placeholder's kept)
            'Open "%s" and "Gift Card".',
            "\u00d6ffnen Sie \u00bb%s\u00ab und Gift Card.",
            [
                'the source quotes "Gift Card", the translation writes Gift Card without quote '
                "marks: quote it as the source does"
            ],
        ),
        # quoted in German marks, or in other words: no finding
        ('Please enter a valid "Gift Card" code.', "G\u00fcltigen \u00bbGift Card\u00ab-Code.", []),
        ('Say "hi" now', "Sag \u00bbhallo\u00ab jetzt", []),
        # a placeholder alone: the program shows its value unquoted (session 72: i18next's
        # "{{title}}" of a dialog), in gnupg's `...' it is quoted
        (
            'Open "%s".',
            "%s \u00f6ffnen.",
            [
                'the source quotes "%s", the translation writes %s without quote marks: quote it '
                "as the source does"
            ],
        ),
        (
            'Save the changes you made to "{{title}}"?',
            "\u00c4nderungen an {{title}} speichern?",
            [
                'the source quotes "{{title}}", the translation writes {{title}} without quote '
                "marks: quote it as the source does"
            ],
        ),
        ('Open "%s".', "`%s' \u00f6ffnen.", []),
        ("Don't save, it isn't done.", "Nicht speichern.", []),  # single marks: apostrophes
        # a quotation in single marks around the quoted words is kept (German's single marks)
        (
            'Click "Save" to continue.',
            "Klicken Sie auf \u201aSpeichern\u2018, um fortzufahren.",
            [],
        ),
        (
            'Click "Save" to continue.',
            "Klicken Sie auf \u203aSpeichern\u2039, um fortzufahren.",
            [],
        ),
        ('Click "Save" to continue.', "Klicken Sie auf 'Speichern', um fortzufahren.", []),
        (
            'Click "Save" to continue.',
            "Klicken Sie auf \u2018Speichern\u2019, um fortzufahren.",
            [],
        ),
        (
            'Click "Save" to continue.',
            "Klicken Sie auf \u201eSpeichern\u201c, um fortzufahren.",
            [],
        ),
        (
            'Click "Save" to continue.',
            "Klicken Sie auf \u00bbSpeichern\u00ab, um fortzufahren.",
            [],
        ),
        (
            'Click "Save" to continue.',
            "Klicken Sie auf Speichern, um fortzufahren.",
            [
                'the source quotes "Save", the translation has no quote marks: quote it as the '
                "source does"
            ],
        ),
        (  # apostrophes quote nothing
            'Click "Save" to continue.',
            "Klick's an, gibt's nicht.",
            [
                'the source quotes "Save", the translation has no quote marks: quote it as the '
                "source does"
            ],
        ),
    ],
)
def test_a_quotation_the_translation_lost_is_a_quoting_warning(source, target, expected):
    """``Please enter a valid "Gift Card" code.`` → ``... Code von Gift Card ein.``: qa found
    nothing; and German's single marks around ``Speichern`` were said to be no quote marks."""
    assert quoting_problems(source, target, {}) == expected


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        (  # a fused output: the model's opening mark, the match's closing one (session 72)
            'The note "{{title}}" could not be found.',
            "Die Notiz \u00bb{{title}}\u201c wurde nicht gefunden.",
            [
                "a quotation opened with \u00bb and closed with \u201c (\u00bb{{title}}\u201c): "
                "write one pair of marks (\u00bb...\u00ab)"
            ],
        ),
        (
            'Type "%s" or "%d".',
            "Gib \u201e%s\u201d oder \u00bb%d\u00bb ein.",
            [
                "a quotation opened with \u201e and closed with \u201d (\u201e%s\u201d): write one "
                "pair of marks (\u201e...\u201c)",
                "a quotation opened with \u00bb and closed with \u00bb (\u00bb%d\u00bb): write one "
                "pair of marks (\u00bb...\u00ab)",
            ],
        ),
        # one pair each: German's, Switzerland's, English's, nested; straight marks nest inside
        ('Open "%s".', "\u201e%s\u201c \u00f6ffnen.", []),
        ('Open "%s".', "\u00ab%s\u00bb \u00f6ffnen.", []),
        ('Open "%s".', "\u201c%s\u201d \u00f6ffnen.", []),
        ("He said \"open '%s'\".", "Er sagte \u00bb\u201e%s\u201c \u00f6ffnen\u00ab.", []),
        ('Type `%s -c "help set"\'.', 'Geben Sie \u00bb%s -c "help set"\u00ab ein.', []),
        # the source's own pair of two kinds, copied
        ("Open \u00bb%s\u201c.", "\u00bb%s\u201c \u00f6ffnen.", []),
    ],
)
def test_a_quotation_whose_marks_are_of_two_kinds_is_a_quoting_warning(source, target, expected):
    """``»{{title}}“`` passed qa with nothing found."""
    assert quoting_problems(source, target, {}) == expected


def test_a_lone_quote_mark_away_from_a_quoted_placeholder_is_a_punctuation_note():
    """``„%s“ ... „Erste Schritte.`` was a quoting warning naming the well quoted %s."""
    source = 'Open "%s" and read the "Getting started" section.'
    target = "\u00d6ffnen Sie \u201e%s\u201c und lesen Sie den Abschnitt \u201eErste Schritte."
    assert punctuation_problems(source, target, {}) == [
        "a quote mark (\u201e) that opens or closes nothing"
    ]


@pytest.mark.parametrize(
    ("target", "metadata", "expected"),
    [
        (
            "Packungsbeilage beachten.",
            {"max_length": 12},
            ["the translation is 25 characters long, its unit allows 12"],
        ),
        ("Beilage lesen", {"max_length": 13}, []),
        ('Beilage <x id="1"/>lesen', {"max_length": 13}, []),  # codes do not count
        ("Packungsbeilage beachten.", {}, []),  # no limit declared
    ],
)
def test_a_translation_over_its_units_length_limit(target, metadata, expected):
    assert length_problems("Read the package leaflet.", target, metadata) == expected


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        (
            "Hi %{first_name},",
            "%{first_name},",
            ["the translation lost all its words: it keeps only placeholders or punctuation"],
        ),
        ("Hi %{first_name},", "Hallo %{first_name},", []),
        ("%{count}", "%{count}", []),  # a source without words
        ("Hi", "", []),  # an empty translation is the missing check's
        ("%d of %d", "%d/%d", []),  # function words alone: no words lost
        ("%d and %s", "%d & %s", []),
        # a sign written for a word: no words lost
        ("%{p} percent", "%{p} %", []),
        ("%d percent", "%d %%", []),
        ("%{a} minus %{b}", "%{a} \u2212 %{b}", []),
        ("%{n} times", "%{n}\u00d7", []),
        ("Step %{n} of %{total}", "%{n}/%{total}", []),
        ("%{price} euros", "%{price} \u20ac", []),
        # session 66: go-i18n's count and total side by side, "Downloaded" and "of" lost
        (
            "Downloaded {{.Count}} of {{.Total}} files",
            "{{.Count}} {{.Total}}-Dateien",
            [
                "the translation lost the words between {{.Count}} and {{.Total}}, which it "
                "writes side by side"
            ],
        ),
        ("Downloaded %d of %d files", "%d von %d Dateien heruntergeladen", []),
        ("{first} {last}", "{last} {first}", []),  # side by side in the source too
        ("<b>%s</b> saved", "<b>%s</b> gespeichert", []),  # markup beside a field
        (
            "Hi %{first_name}!",
            "%{first_name}!",
            ["the translation lost all its words: it keeps only placeholders or punctuation"],
        ),
    ],
)
def test_a_translation_that_lost_all_its_words(source, target, expected):
    assert wordless_problems(source, target, {}) == expected


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        (
            "Shipping & Handling",
            "Versand &",
            [
                "the translation ends with a bare &, where its source has words after it: "
                "translate them"
            ],
        ),
        (
            "Terms & Conditions",
            "& Bedingungen",
            [
                "the translation starts with a bare &, where its source has words before it: "
                "translate them"
            ],
        ),
        ("Shipping & Handling", "Versand & Bearbeitung", []),
        ("Terms & Conditions", "AGB", []),
        ("R&D", "F&E", []),
        ("Save &Open", "Speichern &\u00d6ffnen", []),  # an accelerator, no bare sign
        ("Save &", "Speichern &", []),  # the source's own & ends it
        # an HTML-escaped string's &amp; is the & it stands for (a WordPress trial)
        (
            "Terms &amp; Conditions",
            "&amp; Bedingungen",
            [
                "the translation starts with a bare &, where its source has words before it: "
                "translate them"
            ],
        ),
        (
            "Bed &#38; Breakfast",
            "Breakfast &#38;",
            [
                "the translation ends with a bare &, where its source has words after it: "
                "translate them"
            ],
        ),
        ("Terms &amp; Conditions", "Gesch\u00e4fts- &amp; Nutzungsbedingungen", []),
        ("Write &amp;copy; for \u00a9", "&amp;copy;", []),  # the text &copy;, no sign
    ],
)
def test_a_translation_ending_with_a_bare_ampersand_lost_words(source, target, expected):
    """``Shipping & Handling`` → ``Versand &``: qa found nothing (a Magento trial)."""
    assert wordless_problems(source, target, {}) == expected


def test_format_problems_its_reader_found_come_first() -> None:
    # what the file writes and its strings no longer show: a pattern's single apostrophe
    metadata = {"flags": "java-format", "format_problems": ["java-format: a single apostrophe"]}
    assert format_problems("It's {0}.", "Es ist {0}.", metadata) == [
        "java-format: a single apostrophe"
    ]


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        # Drupal (a user's trial, session 66): qa read %page as %p and passed the others
        ("@count new comments", "@ count neue Kommentare", ["lacks @count"]),
        ("Deleted @name.", "@Name wurde gelöscht.", ["lacks @name"]),
        (
            "The content type %type was updated.",
            "Der Typ % type wurde aktualisiert.",
            ["lacks %type"],
        ),
        (
            "@user posted %title.",
            "@benutzer hat %title veröffentlicht.",
            ["lacks @user", "adds @benutzer, which the source does not have"],
        ),
        (
            "You may not access %page.",
            "Sie dürfen nicht auf %seite zugreifen.",
            ["lacks %page", "adds %seite, which the source does not have"],
        ),
        ("Edit !title", "Bearbeiten", ["lacks !title"]),
        ("Hello @user", "Hallo @user", []),
        # Symfony: %name% was %n and words
        ("Hello %name%, welcome back!", "Hallo, willkommen!", ["lacks %name%"]),
        (
            "one apple|%count% apples",
            "ein Apfel|%cpfel",
            ["lacks %count%", "adds %cpfel, which the source does not have"],
        ),
        ("© %year% My Shop.", "© %year% Mein Shop.", []),
        # prose's @mention or @handle, which the translation writes as an @-word of its own
        # (t1.po, t2.po, ng.xlf of session 66's trial); Drupal's @name lost or translated in
        # small letters, or its @count, is still an error
        ("Use @mentions to notify people.", "Verwende @-Erwähnungen zum Benachrichtigen.", []),
        ("e-mail or @handle.", "E-Mail oder deinen @Namen.", []),
        ("Hello @user's friend", "Hallo Freund", ["lacks @user"]),
        ("@count comments", "@Anzahl Kommentare", ["lacks @count"]),
    ],
)
def test_drupal_and_symfony_placeholders_are_named(source, target, expected):
    assert placeholder_problems(source, target, {}) == expected


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        # Go's verbs (a go-i18n user's trial, session 66): qa passed them lost
        ("Unexpected value: %v", "Unerwarteter Wert", ["lacks %v"]),
        ("Got %q from %T", "Erhalten", ["lacks %q, %T"]),
        ("%+v and %#v", "und", ["lacks %+v, %#v"]),
        (
            "%+v and %#v",
            "%v und %v",
            ["lacks %+v, %#v", "adds %v (2 times), which the source does not have"],
        ),
        ("%-10v: %5d", "%v: %d", []),  # a width, as %5d's, is no other verb
        ("%-10v", "%+v", ["lacks %v", "adds %+v, which the source does not have"]),
        ("Renamed %[1]s to %[2]s.", "%[1]s wurde umbenannt.", ["lacks %[2]s"]),
        ("Renamed %[1]s to %[2]s.", "%[2]s wurde in %[1]s umbenannt.", []),
        ("Renamed %s to %s.", "%[2]s statt %[1]s", []),  # reordered by index
    ],
)
def test_go_verbs_are_checked(source, target, expected):
    assert placeholder_problems(source, target, {}) == expected


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        # a template's blanks inside its braces are the engine's to ignore (a go-i18n user's
        # trial, session 66: 'lacks {{.Name}}', 'adds {{ .Name }}')
        ("{{.Name}} has {{.Count}} mails", "{{ .Name }} hat {{  .Count }} Mails", []),
        ("Hello {{ name }}", "Hallo {{name}}", []),
        ("{% if x %}Yes{% endif %}", "{%if x%}Ja{% endif %}", []),
        (
            "{{.Name}} has mail",
            "{{ .Nam }} hat Post",
            ["lacks {{.Name}}", "adds {{ .Nam }}, which the source does not have"],
        ),
        ("{{- x }} and {{ x }}", "{{x}} und {{- x}}", []),
        ("Unsubscribe: {{{ link }}}", "Abmelden: {{{link}}}", []),
        # a {{x}} for Handlebars' {{{x}}} HTML-escapes the value (an e-mail template's trial,
        # session 68: the model wrote {{{{unsubscribeLink}}, and qa found nothing)
        (
            "Unsubscribe: {{{unsubscribeLink}}}",
            "Abmelden: {{{{unsubscribeLink}}",
            [
                "lacks {{{unsubscribeLink}}}",
                "adds {{unsubscribeLink}}, which the source does not have",
            ],
        ),
    ],
)
def test_a_templates_blanks_inside_its_braces_are_no_difference(source, target, expected):
    assert placeholder_problems(source, target, {}) == expected


@pytest.mark.parametrize(
    ("source", "target"),
    [
        # a Laravel trial (session 75): laravel-lang's approved German was called an error
        ("The :attribute field is required.", ":Attribute muss ausgefüllt werden."),
        ("The :ATTRIBUTE field is required.", "Das Feld :attribute ist Pflicht."),
        ("Hello :Name", "Hallo :name"),
        ("Attention :NAME!", "Achtung :Name!"),
        ("Between :min and :max", ":Min bis :MAX"),
    ],
)
def test_a_laravel_field_in_another_of_its_cases_is_the_same_field(
    source: str, target: str
) -> None:
    """Laravel fills ``:name``, ``:Name`` and ``:NAME`` with one value, in its case."""
    assert placeholder_problems(source, target, {}) == []


def test_a_laravel_field_lost_beside_one_in_another_case_is_still_lacking() -> None:
    assert placeholder_problems("Hi :Name, :count new", "Hallo :name", {}) == ["lacks :count"]
    assert placeholder_problems("Hi :Name", "Hallo :names", {}) == [
        "lacks :Name",
        "adds :names, which the source does not have",
    ]
    assert placeholder_problems("Hi :name and :Name", "Hallo :Name", {}) == ["lacks :name"]


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("Press [Y] to confirm or [N] to cancel.", "Drücken Sie [J] zum Bestätigen oder [N].", []),
        ("Continue? [Y]es/[N]o", "Fortfahren? [J]a/[N]ein", []),
        ("Press [E] to open.", "Drücken Sie [F] zum Öffnen.", ["lacks [E]", "adds [F], which the source does not have"]),
        ("Hold [Y] to reload.", "Halte zum Nachladen gedrückt.", ["lacks [Y]"]),
    ],
)  # fmt: skip
def test_a_prompts_yes_key_may_be_germans_j(source: str, target: str, expected: list[str]) -> None:
    """``[Y]`` → ``[J]`` (coreutils' y/n are j/n) was an error; a game's ``[Y]`` lost still is."""
    assert placeholder_problems(source, target, {}) == expected


@pytest.mark.parametrize(
    ("context", "target", "expected"),
    [
        # Hugo's i18n YAML (wordCount: {one: ..., other: ...}) read as wordCount#one
        ("wordCount#one", "Ein Wort", []),
        ("wordCount#other", "Wörter", ["lacks {{ .Count }}"]),  # not another form
    ],
)
def test_a_hugo_plurals_form_for_one_may_leave_out_its_count(context, target, expected):
    assert placeholder_problems("{{ .Count }} word", target, {"context": context}) == expected


@pytest.mark.parametrize(
    ("source", "target", "metadata", "found"),
    [
        (
            "Author",
            "Buch|author",
            {"context": "Book"},
            [
                "keeps the context prefix 'Buch|', which the program shows: write the translation "
                "of 'Author' alone"
            ],
        ),
        ("Author", "Autor", {"context": "Book"}, []),
        ("Yes | No", "Ja | Nein", {}, []),
        ("Author", "Buch|Autor", {}, []),  # no context apart: not an s_() msgid
    ],
)
def test_a_context_prefix_kept_in_the_translation_is_found(
    source: str, target: str, metadata: dict, found: list[str]
) -> None:
    """Regression trial rubyget, session 69: msgstr "Buch|author" for s_("Book|Author")."""
    assert context_prefix_problems(source, target, metadata) == found
    assert CHECKS["context"].severity == "error"


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("Click *|UNSUB|* to leave.", "Klicke hier, um zu gehen.", ["lacks *|UNSUB|*"]),
        ("Click *|UNSUB|* to leave.", "Klicke auf *|UNSUB|*, um zu gehen.", []),
        (
            "*|IF:FNAME|*Hi *|FNAME|*,*|ELSE:|*Hi there,*|END:IF|*",
            "*|IF:FNAME|*Hallo *|FNAME|*,*|ELSE:|*Hallo,*Hallo,",
            ["lacks *|END:IF|*"],
        ),
    ],
)
def test_a_mailchimp_merge_tag_is_checked_whole(source, target, expected):
    assert placeholder_problems(source, target, {}) == expected


def test_merge_tags_side_by_side_in_the_source_lost_no_words():
    source = "Copyright © *|CURRENT_YEAR|* *|LIST:COMPANY|*, All rights reserved."
    target = "Copyright © *|CURRENT_YEAR|* *|LIST:COMPANY|*, alle Rechte vorbehalten."
    assert wordless_problems(source, target, {}) == []


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("Heute 30 % Rabatt.&zwnj.&nbsp;&zwnj;", []),  # (the placeholders check says it)
        ("Heute 30 % Rabatt.&nbsp;&zwnj", []),
        ("Heute 30 % Rabatt.&nbsp;&zwnj;", []),
        (
            "Heute 30 % &Rabatt.&nbsp;&zwnj;",
            ["the translation has the accelerator &R, the source none"],
        ),
    ],
)
def test_a_garbled_reference_is_no_accelerator(target, expected):
    source = "Your favourites are 30% off today.&nbsp;&zwnj;"
    assert accelerator_problems(source, target, {}) == expected


@pytest.mark.parametrize(
    ("source", "target", "placeholders", "addresses"),
    [
        (
            "B<cloudsync> copies new and changed files from I<SOURCE> to I<DEST>.",
            "cloudsync kopiert neue und geänderte Dateien von QUELLE nach ZIEL.",
            ["lacks B<, > (3 times), I< (2 times)"],
            [],
        ),
        (
            "B<-n>, B<--dry-run>",
            "B<-n>, B<--probelauf>",
            ["lacks B<--dry-run>", "adds B<--probelauf>, which the source does not have"],
            [],
        ),
        (
            r"Use B<\-\-sync> to keep both sides identical.",
            r"Verwenden Sie B<\-sync>, um beide Seiten identisch zu halten.",
            [r"lacks B<\-\-sync>", r"adds B<\-sync>, which the source does not have"],
            [],
        ),
        (
            "Report bugs to E<lt>bugs@cloudsync.exampleE<gt>.",
            "Melden Sie Fehler an E<lt>bugs@cloudsync.exampleE<gt>.",
            [],
            [],
        ),
        (
            "Report bugs to E<lt>bugs@cloudsync.exampleE<gt>.",
            "Melden Sie Fehler an <bugs@cloudsync.example>.",
            ["lacks E<lt>, E<gt>"],
            ["lacks bugs@cloudsync.example (it has <bugs@cloudsync.example>)"],
        ),
        (
            "Copies I<FILE> with B<--sync>.",
            "Kopiert I<DATEI> mit B<--sync>.",
            [],
            [],
        ),
    ],
)
def test_a_man_pages_pod_codes_lost_or_changed_are_placeholder_errors(
    source: str, target: str, placeholders: list[str], addresses: list[str]
) -> None:
    assert placeholder_problems(source, target, {}) == placeholders
    assert address_problems(source, target, {}) == addresses


@pytest.mark.parametrize(
    ("target", "problems"),
    [
        ("Geben Sie {{ ein, um eine Gruppe zu öffnen, und }} zum Schließen.", []),
        (
            "Geben Sie {{ ein, um eine Gruppe zu öffnen, und } zum Schließen.",
            ["has 0 pairs of escaped braces around words ({{ ... }}) where the source has 1"],
        ),
    ],
)
def test_dotnet_escaped_braces_around_words_are_no_field(target: str, problems: list[str]) -> None:
    """A .resx string's ``{{ to open a group and }}`` is two escaped braces: its translation
    translates the words between (read as one field, the correct one was said to lack it)."""
    source = "Type {{ to open a group and }} to close it."
    assert placeholder_problems(source, target, {"syntax": "dotnet"}) == problems
    assert placeholder_problems(source, target, {})  # elsewhere a template's field


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        # trial s76's article body, translated whole: what ltmt translate now warns of too
        (
            "<table><tr><td>Team</td><td>$19</td></tr></table>",
            "<table><tr></tr><td>Team 19 $</td></table> <td>$19</td>",
            "its <td> is outside <tr>, which holds it in the source: move it back inside",
        ),
        (
            "<b><i>Save</i></b> now",
            "<b><i>Speichern</b></i> jetzt",
            "its tags do not nest as the source's: </b> comes while <i> inside it is open",
        ),
        ("<table><tr><td>A</td></tr></table>", "<table><tr><td>B</td></tr></table>", None),
        ("<p>A<br>B</p>", "<p>A</p><br><p>B</p>", None),  # a line break holds nothing
        # but text outside the paragraph that holds all of the source's is said (trial s76, Qt)
        (
            "<p>A<br>B</p>",
            "<p>A</p><br>B",
            "has 'B' outside its paragraphs (and other block elements), where the source's text "
            "is all inside them: move it back inside",
        ),
        ("<b><i>x</b></i>", "<i><b>y</i></b>", None),  # the source's do not nest either
    ],
)
def test_the_structure_check_that_translate_warns_of_too(
    source: str, target: str, expected: str | None
) -> None:
    assert structure_problem(source, target) == expected


@pytest.mark.parametrize(
    ("source", "target", "mark"),
    [
        # trial s77: a fused Symfony message, a Markdown line beside a code span's quotes, and
        # a placeholder the source does not quote
        (
            "The address {{ value }} is already subscribed.",
            "Die Adresse {{ value }} \u201c ist bereits angemeldet.",
            "\u201c",
        ),
        (
            'Set `root_path="/dashboards"` so that links work behind nginx or Traefik.',
            'Setzen Sie `root_path="/dashboards"`, sodass Links hinter \u00bbGinx\u00ab oder '
            "Traefik\u00ab funktionieren.",
            "\u00ab",
        ),
        (
            'Set <code>root_path="/dashboards"</code> so that links work.',
            'Setzen Sie <code>root_path="/dashboards"</code>, sodass Traefik\u00ab geht.',
            "\u00ab",
        ),
        (
            'The coupon "%code%" expired on %date%.',
            "Der Coupon \u00bb%code%\u00ab ist auf %date%\u00ab abgelaufen.",
            "\u00ab",
        ),
    ],
)
def test_a_lone_quote_mark_the_source_lacks_is_a_quoting_warning(source, target, mark):
    """``{{ value }} “`` was a punctuation note, and a code span's own ``"`` was blamed for
    ``Traefik«``."""
    assert quoting_problems(source, target, {}) == [
        f"a quote mark ({mark}) that opens or closes nothing, which the source does not have: "
        "remove it"
    ]
    assert punctuation_problems(source, target, {}) == []  # not said twice

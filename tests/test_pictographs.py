import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ltmt.model.writable import UnwritableCharacters
from ltmt.pictographs import edges, set_aside, starts_with_tag, without_tags


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("🎉 Congratulations!", ("🎉 ", "Congratulations!", "")),
        ("Save your files ✅", ("", "Save your files", " ✅")),
        ("👍🏽 Great job 🚀🚀", ("👍🏽 ", "Great job", " 🚀🚀")),
        ("1️⃣ First step", ("1️⃣ ", "First step", "")),  # a keycap
        ("I ❤️ this app", ("", "I ❤️ this app", "")),  # inside the words
        ("🎉🎉", ("", "🎉🎉", "")),  # no words
        ("Open", ("", "Open", "")),
    ],
)
def test_edges_are_the_pictographs_before_and_after_the_words(line, expected):
    assert edges(line) == expected


def test_edges_of_a_long_line_are_found_from_its_ends():
    # (a regular expression over both ends took seconds on such a line)
    line = "word " * 20_000 + "🎉" * 5_000
    assert edges(line)[2] == " " + "🎉" * 5_000


@pytest.mark.parametrize(
    ("line", "for_model", "translation", "restored"),
    [
        ("I ❤️ this app", "I <x/> this app", "Ich <x/> diese App", "Ich ❤️ diese App"),
        # several runs: numbered, each back in its place even when the model moved it
        (
            "Tap 👍 or 👎 to rate",
            "Tap <x1/> or <x2/> to rate",
            "Tippen Sie auf <x2/> oder <x1/>",
            "Tippen Sie auf 👎 oder 👍",
        ),
        # skin tones, joiners, variation selectors and spaced repeats are one run
        ("Well done 👍🏽 👍🏽 team", "Well done <x/> team", "Gut <x/> Team", "Gut 👍🏽 👍🏽 Team"),
        ("Family 👨‍👩‍👧 plan", "Family <x/> plan", "Familien <x/> Tarif", "Familien 👨‍👩‍👧 Tarif"),
        # spacing as the line had it
        ("Press ⌘C to copy", "Press <x/>C to copy", "Drücken Sie <x/> C", "Drücken Sie ⌘C"),
        ("Go → Next", "Go <x/> Next", "Weiter<x/>zum Nächsten", "Weiter → zum Nächsten"),
        ("Yes ✅, saved", "Yes <x/>, saved", "Ja <x/> , gespeichert", "Ja ✅, gespeichert"),
        # but no space beside a hyphen the translation put there: a compound's
        (
            "Standard 📄 fonts",
            "Standard <x/> fonts",
            "Standard-<x/>-Schriften",
            "Standard-📄-Schriften",
        ),
        # the model wrote the tag its own way
        ("I ❤️ this app", "I <x/> this app", "Ich <X /> diese App", "Ich ❤️ diese App"),
        ("I ❤️ this app", "I <x/> this app", "Ich <x> diese App", "Ich ❤️ diese App"),
        # ... twice: once
        ("I ❤️ this app", "I <x/> this app", "Ich <x/> diese <x/> App", "Ich ❤️ diese App"),
    ],
)
def test_set_aside_gives_the_model_tags_and_puts_the_pictographs_back(
    line, for_model, translation, restored
):
    text, aside = set_aside(line)
    assert text == for_model
    assert aside is not None
    assert aside.put_back(translation) == restored


@pytest.mark.parametrize(
    ("line", "translation", "restored"),
    [
        # at the word boundary nearest the tag's relative place
        (
            "Your order 📦 has shipped",
            "Ihre Bestellung wurde versandt",
            "Ihre Bestellung 📦 wurde versandt",
        ),
        (
            "Tap 👍 to like this post",
            "Tippen, um diesen Beitrag zu mögen",
            "Tippen, 👍 um diesen Beitrag zu mögen",
        ),
    ],
)
def test_a_tag_the_model_dropped_gets_its_pictographs_at_their_relative_place(
    line, translation, restored
):
    _, aside = set_aside(line)
    assert aside is not None
    assert aside.put_back(translation) == restored


@pytest.mark.parametrize(
    ("translation", "restored"),
    [
        # a Zendesk trial (session 76): "5-/>" came back "10 5-/>"
        ("Es dauert 5-/> Werktage", "Es dauert 5-10 Werktage"),
        ("Es dauert 5-x/> Werktage", "Es dauert 5-10 Werktage"),
        ("Siehe <br/> 5-/> Werktage", "Siehe <br/> 5-10 Werktage"),
        # two ends alone: whose is which? the number goes at its relative place, as before (a
        # retry that leaves such a piece of a tag is not taken: ltmt.numbers_kept)
        ("Es dauert 5-/> Tage, nicht />", "Es dauert 10 5-/> Tage, nicht />"),
    ],
)
def test_a_tag_the_model_wrote_without_its_start_gets_its_text_in_place(translation, restored):
    _, aside = set_aside("It takes 5\u201310 business days", None, [(11, 13, "10")])
    assert aside is not None
    assert aside.put_back(translation) == restored


def test_a_numbered_tags_end_alone_needs_its_name() -> None:
    _, aside = set_aside("From 5 to 10 days", None, [(5, 6, "5"), (10, 12, "10")])
    assert aside is not None
    assert aside.put_back("Von <x1/> bis x2/> Tagen") == "Von 5 bis 10 Tagen"
    assert aside.put_back("Von <x1/> bis /> Tagen") == "Von 5 bis 10 /> Tagen"


def test_finding_a_tags_end_alone_takes_linear_time() -> None:
    _, aside = set_aside("It takes 5\u201310 business days", None, [(11, 13, "10")])
    assert aside is not None
    started = time.perf_counter()
    aside.put_back("<" + "/>" * 50_000)
    assert time.perf_counter() - started < 2


@pytest.mark.parametrize(
    "line",
    [
        "Open the file",
        "Press <x/> to continue",
        "A <x1/>, <y/> and <z2/> and ❤️",  # tags of every name ours may take
    ],
)
def test_set_aside_leaves_a_line_without_pictographs_or_with_our_tags(line):
    assert set_aside(line) == (line, None)


def test_a_line_with_a_tag_named_like_ours_gets_tags_of_another_name():
    """OmegaT's ``<x0/>`` in a line: the pictographs go to the model as ``<y/>``, not lost."""
    text, aside = set_aside("Save 👍 <x0/> now")
    assert text == "Save <y/> <x0/> now"
    assert aside is not None
    assert aside.put_back("Speichern <y/> <x0/> jetzt") == "Speichern 👍 <x0/> jetzt"


_PICTOGRAPHS = st.sampled_from(["❤️", "👍🏽", "🎉", "⌘", "→", "📦", "1️⃣", "👨‍👩‍👧"])
_WORDS = st.lists(
    st.text("abcdefgh", min_size=1, max_size=8).map(lambda word: word + "."),
    min_size=1,
    max_size=6,
)


@given(words=_WORDS, runs=st.lists(_PICTOGRAPHS, min_size=1, max_size=4))
def test_an_untouched_model_output_gives_the_line_back(words, runs):
    # words and pictographs interleaved, the pictographs spaced from the words
    pieces = []
    for index, word in enumerate(words):
        pieces.append(word)
        if index < len(runs):
            pieces.append(runs[index])
    line = " ".join(pieces)
    text, aside = set_aside(line)
    if aside is None:
        return
    assert aside.put_back(text).split() == line.split()


def _no_token_for(characters):
    """A model's ``unwritable`` (:mod:`ltmt.model.writable`) that has no token for these."""
    return lambda character: character in characters


@pytest.mark.parametrize(
    ("line", "for_model", "translation", "restored"),
    [
        # a sign the model has no token for
        ("Value ± 10", "Value <x/> 10", "Wert <x/> 10", "Wert ± 10"),
        ("See § 3", "See <x/> 3", "Siehe <x/> 3", "Siehe § 3"),
        # the whole word that holds such a letter, and words of them spaced apart as one run
        ("Welcome to 東京", "Welcome to <x/>", "Willkommen in <x/>", "Willkommen in 東京"),
        ("Welcome to 東京", "Welcome to <x/>", "In <x/> willkommen", "In 東京 willkommen"),
        ("Call Крым support", "Call <x/> support", "<x/> anrufen", "Крым anrufen"),
        ("Size ≤ 5 or ≥ 9", "Size <x1/> 5 or <x2/> 9", "<x1/> 5 oder <x2/> 9", "≤ 5 oder ≥ 9"),
        ("Tokyo 東京 📦 now", "Tokyo <x/> now", "Tokio <x/> jetzt", "Tokio 東京 📦 jetzt"),
        # only the sign of a run of punctuation
        ("a(±)b", "a(<x/>)b", "a(<x/>)b", "a(±)b"),
        # the multiplication sign, which the model turns into words, whatever its vocabulary
        ("%d\u00d7%d pixels", "%d<x/>%d pixels", "%d<x/>%d Pixel", "%d\u00d7%d Pixel"),
        # a no-break space beside a run stays one
        ("%S\u00a0\u00d7\u00a0%S", "%S\u00a0<x/>\u00a0%S", "%S <x/> %S", "%S\u00a0\u00d7\u00a0%S"),
    ],
)
def test_what_the_model_cannot_write_is_set_aside_as_pictographs_are(
    line, for_model, translation, restored
):
    text, aside = set_aside(line, _no_token_for("±§東京Крым≤≥"))
    assert text == for_model
    assert aside is not None
    assert aside.put_back(translation) == restored


@pytest.mark.parametrize(
    ("line", "for_model", "translation", "restored"),
    [
        # a unit with the Greek mu goes to the model as one with the micro sign does, and comes
        # back with the character its source wrote
        (
            "Pore size: 0.2 \u03bcm",
            "Pore size: 0.2 <x/>",
            "Porengröße: 0.2 <x/>",
            "Porengröße: 0.2 \u03bcm",
        ),
        (
            "Pore size: 0.2 \u00b5m",
            "Pore size: 0.2 <x/>",
            "Porengröße: 0.2 <x/>",
            "Porengröße: 0.2 \u00b5m",
        ),
        ("Dose: 10 \u03bcg/kg", "Dose: 10 <x/>/kg", "Dosis: 10 <x/>/kg", "Dosis: 10 \u03bcg/kg"),
        (
            "Use 5 \u03bcL or 5 \u00b5L",
            "Use 5 <x1/> or 5 <x2/>",
            "5 <x1/> oder 5 <x2/> verwenden",
            "5 \u03bcL oder 5 \u00b5L verwenden",
        ),
    ],
)
def test_a_unit_with_the_greek_mu_is_set_aside_as_one_with_the_micro_sign(
    line, for_model, translation, restored
):
    # a vocabulary with a token for every character, μ too (as the shipped model's)
    def tokenizer(text_target, add_special_tokens):
        return {"input_ids": [5] * len(text_target)}

    tokenizer.unk_token_id = 1
    text, aside = set_aside(line, UnwritableCharacters(tokenizer))
    assert text == for_model
    assert aside is not None
    assert aside.put_back(translation) == restored


def test_a_line_the_model_can_write_whole_is_left_alone():
    assert set_aside("Öffnen Sie naïve files", _no_token_for("±")) == (
        "Öffnen Sie naïve files",
        None,
    )


def test_other_spans_come_back_as_their_own_text():
    # key combinations (ltmt.key_combinations): set aside whole, put back with German key names
    text, aside = set_aside("Press Ctrl+S or ⌘ now", others=[(6, 12, "Strg+S")])
    assert text == "Press <x1/> or <x2/> now"
    assert aside is not None
    assert aside.put_back("<x1/> oder <x2/> drücken") == "Strg+S oder ⌘ drücken"
    # beside a pictograph, one run: its text, then the line's own
    text, aside = set_aside("Press Ctrl+S 💾 now", others=[(6, 12, "Strg+S")])
    assert text == "Press <x/> now"
    assert aside is not None
    assert aside.put_back("<x/> jetzt drücken") == "Strg+S 💾 jetzt drücken"


def test_a_word_the_model_glued_to_a_tag_is_set_apart_where_the_line_had_none_beside_it():
    line, aside = set_aside("1: use :lmap; 2: x", None, [(7, 12, ":lmap")])
    assert line == "1: use <x/>; 2: x"
    assert aside is not None
    assert aside.put_back("1: <x/>verwenden; 2: x") == "1: :lmap verwenden; 2: x"
    # where the line glued a word to it, the translation may too
    line, aside = set_aside("costs 10€ now", None, [(8, 9, "€")])
    assert aside is not None and aside.put_back("kostet 10<x/> jetzt") == "kostet 10€ jetzt"
    # a run ending in a bracket, an autolink, apart from a word glued to it all the same
    line, aside = set_aside("Send to <a@b.de>.", None, [(8, 16, "<a@b.de>")])
    assert aside is not None and aside.put_back("An <x/>senden.") == "An <a@b.de> senden."


def test_control_characters_and_escape_sequences_go_to_the_model_as_tags():
    """The tokenizer dropped a bell, an escape and NUL (``\\x00Save`` became ``ChristianSave``);
    a terminal's escape sequence (``\\x1b[1m``) is one piece. At a line's edge they are set
    aside with its other edges; inside, a tag, spaced from a word it was glued to."""
    assert edges("\x00Save") == ("\x00", "Save", "")
    assert edges("\x1b[1mWarning") == ("\x1b[1m", "Warning", "")
    line, aside = set_aside("Ring the bell\x07 now, press \x1b[1mEnter\x1b[0m")
    assert line == "Ring the bell <x1/> now, press <x2/> Enter <x3/>"
    assert aside is not None
    assert aside.put_back("Läute die Glocke <x1/> jetzt, drücke <x2/> Enter <x3/>") == (
        "Läute die Glocke\x07 jetzt, drücke \x1b[1mEnter\x1b[0m"
    )
    # those str.split() reads as spaces but the tokenizer drops without one ("tag\x0bnow"
    # read as "tagnow"; after "empty.\x85" the next sentence was lost)
    line, aside = set_aside("Push the tag\x0bnow. It is empty.\x85Abort.\x1cPull.")
    assert line == "Push the tag <x1/> now. It is empty.<x2/> Abort.<x3/> Pull."
    assert aside is not None
    assert aside.put_back("Tag <x1/> jetzt pushen. Leer.<x2/> Abbruch.<x3/> Ziehen.") == (
        "Tag\x0bjetzt pushen. Leer.\x85Abbruch.\x1cZiehen."
    )


def test_copyright_signs_go_to_the_model_as_tags():
    """The model lost © and ® though it has tokens for them (``© 2026 Example Corp.`` →
    ``— 2026 Example Corp.``, ``CloudDesk®`` → ``CloudDesk-Fahrungs-``): they are set aside as
    the multiplication sign is."""
    assert edges("© 2026 Example Corp.") == ("© ", "2026 Example Corp.", "")
    line, aside = set_aside("CloudDesk® and ℗ 2020 recordings")
    assert line == "CloudDesk<x1/> and <x2/> 2020 recordings"
    assert aside is not None
    assert aside.put_back("CloudDesk<x1/> und <x2/> 2020-Aufnahmen") == (
        "CloudDesk® und ℗ 2020-Aufnahmen"
    )


def test_trade_mark_signs_go_to_the_model_as_tags_not_folded_into_letters():
    """NFKC folds ™ and ℠ into TM and SM, and the name glued to them read as one unknown word
    the model repeated to its length limit (``Buy UltraGrip™ Gloves now.`` →
    ``UltraGrip™-GripTM-GripTM-GripTM-GripTM``)."""
    line, aside = set_aside("Buy UltraGrip™ Gloves and Service℠ now.")
    assert line == "Buy UltraGrip<x1/> Gloves and Service<x2/> now."
    assert aside is not None
    assert aside.put_back("Kaufen Sie UltraGrip<x1/> Handschuhe und Service<x2/> jetzt.") == (
        "Kaufen Sie UltraGrip™ Handschuhe und Service℠ jetzt."
    )


@pytest.mark.parametrize(
    ("line", "spans", "for_model", "translation", "restored"),
    [
        # a code glued to the word it colours: spaced for the model, glued back without a space
        ("Only §cthree§r left.", [(5, 7), (12, 14)], "Only <x1/> three <x2/> left.",
         "Nur <x1/> drei <x2/> übrig.", "Nur §cdrei§r übrig."),
        # codes in a row, and apart only by a space, are one tag
        ("§c§lWARNING:§r §7The turret", [(0, 2), (2, 4), (12, 14), (15, 17)],
         "<x1/> WARNING:<x2/> The turret", "<x1/> WARNUNG:<x2/> Der Turm",
         "§c§lWARNUNG:§r §7Der Turm"),
        # the model glued a word to the tag: glued back all the same
        ("§cNot a target.", [(0, 2)], "<x/> Not a target.", "<x/>Kein Ziel.", "§cKein Ziel."),
    ],
)  # fmt: skip
def test_a_formatting_code_glued_to_a_word_goes_to_the_model_spaced_and_comes_back_glued(
    line, spans, for_model, translation, restored
):
    """The model left a word glued to a tag English (``§cthree``) and wrote a space after a
    code the line glued to its word (``§c Kein gültiges Ziel.``: a space in the game)."""
    text, aside = set_aside(line, None, [(start, end, line[start:end]) for start, end in spans])
    assert text == for_model
    assert aside is not None
    assert aside.put_back(translation) == restored


def test_without_tags_with_a_filler_keeps_the_words_beside_a_tag_apart() -> None:
    assert without_tags("Value is <x/>5 now") == "Value is5 now"
    assert without_tags("Value is <x/>5 now", filler=" ") == "Value is 5 now"


@pytest.mark.parametrize(
    ("text", "source", "expected"),
    [
        ("Dann <y1/> warten", "", "Dann warten"),  # a moved tag of any name ours take
        ("Dann <Z2 /> warten <x/>", "", "Dann warten"),
        ("Drücken <x0 /> und <x/>", "Press <x0/> and go", "Drücken <x0 /> und"),  # its own kept
        ("<y/> a <y/> b", "<y/> a", "<y/> a b"),  # as many as the source has
    ],
)
def test_without_tags_keeps_only_the_sources_own(text: str, source: str, expected: str) -> None:
    assert without_tags(text, source) == expected


def test_starts_with_tag_finds_a_tag_set_aside_gives_the_model() -> None:
    assert starts_with_tag("<x/> öffnen")
    assert starts_with_tag(" <Y2 /> umbenennen")
    assert not starts_with_tag("Open <x/>")
    assert not starts_with_tag("<b>Open</b>")

"""Placing a missing glossary target where the model's attention put its meaning."""

from __future__ import annotations

import pytest

from ltmt.terminology.placement import NEGATIONS, Missing, place_terms

# target pieces by id; 0 is unused
PIECES = [
    *("", "▁das", "▁Repository", "▁ist", "▁leer", ".", "▁%s", "▁Depot", "▁Datei", "en", "▁De"),
    *("▁--", "no", "-", "sync"),
]
# a compound's pieces: Haupt|datei, Mitglied|s|datei, Einstellungs|datei
COMPOUND = ["▁Haupt", "datei", "s", "▁Mitglied", "▁Einstellungs"]
ID = {piece: len(PIECES) + n for n, piece in enumerate(COMPOUND)}
WORDS = {"Master-Datei": (90,), "Element-Datei": (91,), "Einstellungs-Ablage": (92,)}
# the source "the repository is empty </s>": "repository" is its token 1
DEPOT = Missing(source_span=(1, 2), target_ids=(7,))


def attention_on(position: int, rows: int, width: int = 5) -> list[list[float]]:
    """Rows that each look at the source position after them; row ``position`` looks at 1."""
    table = [[0.0] * width for _ in range(rows)]
    for row in range(rows):
        table[row][min(row + 1, width - 1) if row != position else 1] = 1.0
        if row != position and table[row][1]:
            table[row][1], table[row][0] = 0.0, 1.0
    return table


def test_the_aligned_word_is_replaced_by_the_target():
    output = [1, 2, 3, 4, 5]  # das Repository ist leer .
    placed = place_terms(output, attention_on(1, 5), [DEPOT], PIECES)
    assert placed == [1, 7, 3, 4, 5]


def test_a_word_of_several_pieces_is_replaced_whole_and_its_punctuation_stays():
    output = [1, 3, 8, 9, 5]  # das ist Dateien .
    placed = place_terms(output, attention_on(3, 5), [DEPOT], PIECES)
    assert placed == [1, 3, 7, 5]


def test_a_placeholder_word_is_kept_and_the_target_goes_before_it():
    output = [1, 6, 3, 4]  # das %s ist leer
    placed = place_terms(output, attention_on(1, 4), [DEPOT], PIECES)
    assert placed == [1, 7, 6, 3, 4]


def test_a_command_line_option_is_kept_and_the_target_goes_before_it():
    output = [1, 11, 12, 13, 14, 3, 4]  # das --no-sync ist leer
    placed = place_terms(output, attention_on(1, 7), [DEPOT], PIECES)
    assert placed == [1, 7, 11, 12, 13, 14, 3, 4]


def test_a_word_that_carries_another_target_is_kept():
    output = [1, 8, 3, 4]  # das Datei ist leer; "Datei" is a target the line already has
    placed = place_terms(output, attention_on(1, 4), [DEPOT], PIECES, kept=["Datei"])
    assert placed == [1, 8, 7, 3, 4]


def test_a_word_that_translates_another_source_word_is_kept_and_the_target_follows_it():
    output = [1, 2, 3, 4]  # das Repository ist leer
    attention = attention_on(1, 4)
    attention[1] = [0.0, 0.4, 0.6, 0.0, 0.0]  # "Repository" is mostly source token 2's
    assert place_terms(output, attention, [DEPOT], PIECES) == [1, 2, 7, 3, 4]
    attention[1] = [0.0, 0.5, 0.4, 0.0, 0.1]  # the term's, </s> left out
    assert place_terms(output, attention, [DEPOT], PIECES) == [1, 7, 3, 4]


def test_nothing_is_placed_on_a_negation_or_an_article():
    # "Die Datei konnte nicht gelesen werden" for "Git could not read the file": the attention
    # of "nicht" or "Die" points at "Git"; replacing "nicht" would turn the meaning around,
    # replacing "Die" breaks the sentence ("GIT-SCM Datei konnte ...")
    pieces = [*PIECES, "▁nicht", "▁Keine", "▁Die"]
    nicht, keine, die = len(PIECES), len(PIECES) + 1, len(PIECES) + 2
    output = [die, 8, 3, nicht, 4]
    assert place_terms(output, attention_on(3, 5), [DEPOT], pieces) is None
    assert place_terms([keine, 8, 4], attention_on(0, 3), [DEPOT], pieces) is None
    assert place_terms(output, attention_on(0, 5), [DEPOT], pieces) is None
    assert place_terms(output, attention_on(1, 5), [DEPOT], pieces) == [die, 7, 3, nicht, 4]
    # told to keep negations only, a target goes on the article (the caller's cheaper fallback)
    assert place_terms(output, attention_on(0, 5), [DEPOT], pieces, keep=NEGATIONS) == [
        *(7, 8, 3, nicht, 4),
    ]


def test_two_targets_on_one_word_follow_each_other():
    other = Missing(source_span=(1, 2), target_ids=(8,))
    output = [1, 2, 3, 4]
    placed = place_terms(output, attention_on(1, 4), [DEPOT, other], PIECES)
    assert placed == [1, 7, 8, 3, 4]


def test_nothing_is_placed_without_a_source_span_or_an_output():
    empty = Missing(source_span=(1, 1), target_ids=(7,))
    assert place_terms([1, 2, 3], attention_on(1, 3), [empty], PIECES) is None
    assert place_terms([], [], [DEPOT], PIECES) is None


def test_alignment_of_a_torch_output_is_a_distribution_over_the_source(tiny_model_dir):
    from ltmt.model.backbone import load_backbone
    from ltmt.terminology.placement import alignment

    backbone = load_backbone(tiny_model_dir)
    sources = backbone.tokenizer(["open the file", "the cat sat on the mat"])["input_ids"]
    outputs = [[5, 6, 7], [8, 9]]
    weights = alignment(backbone, sources, outputs)
    assert [len(rows) for rows in weights] == [3, 2]
    assert [len(rows[0]) for rows in weights] == [len(s) for s in sources]  # padding cut off
    assert all(abs(sum(row) - 1.0) < 1e-4 for rows in weights for row in rows)


def compound_rows(term_tokens: list[bool], width: int = 5) -> list[list[float]]:
    """Per token of a word: on the term (source token 1) or on another word (token 2)."""
    return [[0.0, 0.9, 0.1, 0.0, 0.0] if own else [0.0, 0.1, 0.9, 0.0, 0.0] for own in term_tokens]


@pytest.mark.parametrize(
    ("word", "term_tokens", "target", "expected"),
    [
        (["▁Haupt", "datei"], [True, False], "Master", "Master-Datei"),  # master file
        (["▁Mitglied", "s", "datei"], [True, True, False], "Element", "Element-Datei"),
        (["▁Mitglied", "s", "datei"], [True, False, False], "Element", "Element-Datei"),
        (["▁Einstellungs", "datei"], [False, True], "Ablage", "Einstellungs-Ablage"),
    ],
)
def test_the_part_of_a_compound_that_translates_the_term_is_replaced(
    word, term_tokens, target, expected
):
    pieces = PIECES + COMPOUND
    output = [1, *(ID[piece] for piece in word), 5]  # das <word> .
    rows = [[0.0, 0.0, 0.0, 0.0, 1.0], *compound_rows(term_tokens), [0.0, 0.0, 0.0, 0.0, 1.0]]
    missing = Missing(source_span=(1, 2), target_ids=(7,), target=target)
    placed = place_terms(output, rows, [missing], pieces, encode=WORDS.__getitem__)
    assert placed == [1, *WORDS[expected], 5]


@pytest.mark.parametrize(
    ("word", "term_tokens", "target", "expected"),
    [
        (["▁Konfigurations", "shell"], [True, False], "Conffile", "Conffile-Shell"),
        (["▁Zeiger", "position"], [True, False], "Cursor", "Cursor-Position"),
        (["▁Abtreibere", "s", "kript"], [True, True, False], "Betreuer", "Betreuer-Skript"),
        (["▁Abtreibere", "s", "kzeiving"], [True, True, False], "Betreuer", "Betreuer"),
    ],
)
def test_a_compound_whose_rest_german_shares_with_english_keeps_it(
    word, term_tokens, target, expected
):
    """ "Konfigurations|shell" for "conffile shell" (glossary → "Conffile") was placed
    "Conffile": "shell" is no word of the German word table, which leaves out the words German
    shares with English, and was taken for a half-written English word; a link before the
    rest of no word is the word's ("Betreuer-Kript" was placed for "Abtreibere|s|kript")."""
    pieces = PIECES + word
    ids = [len(PIECES) + n for n in range(len(word))]
    rows = [[0.0, 0.0, 0.0, 0.0, 1.0], *compound_rows(term_tokens), [0.0, 0.0, 0.0, 0.0, 1.0]]
    missing = Missing(source_span=(1, 2), target_ids=(7,), target=target)
    written = {"Conffile-Shell": (94,), "Cursor-Position": (95,), "Betreuer-Skript": (96,)}
    placed = place_terms([1, *ids, 5], rows, [missing], pieces, encode=written.get)
    assert placed == [1, *written.get(expected, (7,)), 5]


@pytest.mark.parametrize(
    ("word", "term_tokens", "expected"),
    [
        (["▁Chance", "n", "be", "s", "itz", "er"], [1, 0, 0, 0, 0, 0], "Verkaufschancen-Besitzer"),
        (["▁Chance", "n", "be", "s", "itz", "er"], [1, 1, 0, 0, 0, 0], "Verkaufschancen-Besitzer"),
        (["▁Kunden", "kon", "to"], [1, 0, 0], "Verkaufschancen-Konto"),  # the model's splits
        (["▁Personen", "kon", "to"], [1, 0, 0], "Verkaufschancen-Konto"),
    ],
)
def test_a_compound_linked_by_an_n_or_en_drops_the_link_with_the_part_replaced(
    word, term_tokens, expected
):
    """ "Opportunity Owner" (glossary opportunity → Verkaufschance), the model's
    "Chance|n|besitzer", was placed "Verkaufschance-Nbesitzer": only an s or es was taken for
    the linking letters of the part replaced, and the n stayed with the rest."""
    pieces = PIECES + word
    ids = [len(PIECES) + n for n in range(len(word))]
    rows = [[0.0, 0.0, 0.0, 0.0, 1.0], *compound_rows(term_tokens), [0.0, 0.0, 0.0, 0.0, 1.0]]
    missing = Missing(source_span=(1, 2), target_ids=(7,), target="Verkaufschance")
    written = {"Verkaufschancen-Besitzer": (96,), "Verkaufschancen-Konto": (97,)}
    placed = place_terms(
        [1, *ids, 5], rows, [missing], pieces, encode=lambda w: written.get(w, (98,))
    )
    assert placed == [1, *written[expected], 5]


# words as the default model's tokenizer splits them, the tokens that attend to the term, and
# the word placed
STEMS = [
    (["▁Ra", "s", "en", "rand"], [1, 0, 0, 0], "Grünflächen-Rand"),
    (["▁Ra", "s", "en", "rand"], [1, 1, 1, 0], "Grünflächen-Rand"),
    (["▁Ra", "s", "en", "bereich"], [1, 0, 0, 0], "Grünflächen-Bereich"),
    (["▁Gar", "ten", "haus"], [1, 1, 0], "Grünflächen-Haus"),
    (["▁Of", "en", "t", "ür"], [1, 0, 0, 0], "Grünflächen-Tür"),
    (["▁Of", "en", "t", "ür"], [0, 0, 1, 1], "Ofen-Grünfläche"),
    (["▁Wagen", "park"], [1, 0], "Grünflächen-Park"),
    (["▁Chance", "n", "bereich"], [0, 0, 1], "Chancen-Grünfläche"),
]


@pytest.mark.parametrize(("word", "term_tokens", "expected"), STEMS)
def test_the_n_or_en_that_ends_a_stem_goes_with_the_part_replaced(word, term_tokens, expected):
    """ "lawn edge" (glossary lawn → Grünfläche), the model's "Ra|s|en|rand", came out
    "Grünfläche-Enrand": an n or en was taken for linking letters after any part, and "Ras"
    took the s alone. An n or en links only after a German word (Chance|n|besitzer); after
    none it ends the stem and goes with the part (the tokens as the model's tokenizer splits
    them)."""
    pieces = PIECES + word
    ids = [len(PIECES) + n for n in range(len(word))]
    rows = [[0.0, 0.0, 0.0, 0.0, 1.0], *compound_rows(term_tokens), [0.0, 0.0, 0.0, 0.0, 1.0]]
    missing = Missing(source_span=(1, 2), target_ids=(7,), target="Grünfläche")
    written = {text: (90 + n,) for n, (_, _, text) in enumerate(STEMS)}
    placed = place_terms(
        [1, *ids, 5], rows, [missing], pieces, encode=lambda w: written.get(w, (98,))
    )
    assert placed == [1, *written[expected], 5]


@pytest.mark.parametrize(
    "word",
    [["▁Fern", "bedien", "ung"], ["▁abge", "legen", "en"], ["▁Ver", "zwe", "igung"]],
    ids=["Fernbedien|ung", "abgelegen|en", "Verzwe|igung"],
)
def test_a_word_whose_rest_is_an_ending_is_replaced_whole(word: list[str]) -> None:
    """Not "Fernarchiv-Ung" or "Zweig-Igung": the rest of the word is an ending, no word."""
    pieces = PIECES + word
    ids = [len(PIECES) + n for n in range(len(word))]
    output = [1, *ids, 5]
    term_tokens = [True] * (len(word) - 1) + [False]
    rows = [[0.0, 0.0, 0.0, 0.0, 1.0], *compound_rows(term_tokens), [0.0, 0.0, 0.0, 0.0, 1.0]]
    rows[-2] = [0.0, 0.45, 0.55, 0.0, 0.0]  # the ending leans to another word, not by much
    missing = Missing(source_span=(1, 2), target_ids=(7,), target="Fernarchiv")
    written = {"Fernarchiv-" + "".join(word).replace("▁", "")[len(word[0]) - 1 :]: (97,)}
    placed = place_terms(output, rows, [missing], pieces, encode=lambda w: written.get(w, (98,)))
    assert placed == [1, 7, 5]


@pytest.mark.parametrize(
    ("word", "term_tokens", "expected"),
    [
        # the healthcare trial: "8:00 PM-Dipse" for "8:00 PM dose" was placed "8:00 Dosis"
        (["▁P", "M", "-", "D", "ip", "se"], [0, 0, 0, 1, 1, 1], "PM-Dosis"),
        (["▁I", "V", "-", "D", "ip", "se"], [0, 0, 0, 1, 1, 1], "IV-Dosis"),
        (["▁8", ":", "00", "-", "D", "ip", "se"], [0, 0, 0, 0, 1, 1, 1], "8:00-Dosis"),
        (["▁D", "ip", "se", "-", "U", "SB"], [1, 1, 1, 0, 0, 0], "Dosis-USB"),
    ],
    ids=["PM-", "IV-", "8:00-", "-USB"],
)
def test_a_time_number_or_acronym_written_apart_in_a_compound_stays_beside_the_target(
    word: list[str], term_tokens: list[int], expected: str
) -> None:
    """A hyphenated part of two letters or none is no ending: a time's AM/PM, a number or a
    code stays, and only the part that translates the term is replaced."""
    pieces = PIECES + word
    ids = [len(PIECES) + n for n in range(len(word))]
    rows = [[0.0, 0.0, 0.0, 0.0, 1.0], *compound_rows(term_tokens), [0.0, 0.0, 0.0, 0.0, 1.0]]
    missing = Missing(source_span=(1, 2), target_ids=(7,), target="Dosis", source="dose")
    written = {text: (90 + n,) for n, text in enumerate(["PM-Dosis", "IV-Dosis", "8:00-Dosis"])}
    written["Dosis-USB"] = (93,)
    placed = place_terms(
        [1, *ids, 5], rows, [missing], pieces, encode=lambda w: written.get(w, (98,))
    )
    assert placed == [1, *written[expected], 5]


@pytest.mark.parametrize(
    "word",
    [["▁D", "ip", "-", "se"], ["▁D", "ip", "-", "Se"], ["▁D", "ip", "-", "s"]],
    ids=["Dip-se", "Dip-Se", "Dip-s"],
)
def test_a_short_part_of_letters_that_is_no_acronym_is_still_replaced_with_the_word(
    word: list[str],
) -> None:
    """Only digits or capitals make a short part a code: "-se", "-Se" stay the fragment they
    were, and the word is replaced whole."""
    pieces = PIECES + word
    ids = [len(PIECES) + n for n in range(len(word))]
    rows = [[0.0, 0.0, 0.0, 0.0, 1.0], *compound_rows([1, 1, 1, 0]), [0.0, 0.0, 0.0, 0.0, 1.0]]
    rows[-2] = [0.0, 0.45, 0.55, 0.0, 0.0]  # the fragment leans to another word, not by much
    missing = Missing(source_span=(1, 2), target_ids=(7,), target="Dosis", source="dose")
    placed = place_terms([1, *ids, 5], rows, [missing], pieces, encode=lambda w: (98,))
    assert placed == [1, 7, 5]


def test_the_words_that_translate_a_term_of_several_words_are_replaced_together():
    """ "eine ziehende Anfrage" for "a pull request": both words go, not "Zusammenführungsanfrage
    Anfrage"; the article stays."""
    pieces = [*PIECES, "▁eine", "▁ziehende", "▁Anfrage", "▁auf"]
    eine, ziehende, anfrage, auf = range(len(PIECES), len(PIECES) + 4)
    output = [eine, ziehende, anfrage, auf]
    # the source "open a pull request on </s>": the term is tokens 2 and 3
    rows = [
        [0.1, 0.8, 0.05, 0.05, 0.0, 0.0],
        [0.0, 0.0, 0.7, 0.2, 0.1, 0.0],
        [0.0, 0.05, 0.15, 0.7, 0.1, 0.0],
        [0.0, 0.0, 0.0, 0.1, 0.9, 0.0],
    ]
    term = Missing(source_span=(2, 4), target_ids=(7,), target="Depot", source="pull request")
    assert place_terms(output, rows, [term], pieces) == [eine, 7, auf]
    single = Missing(source_span=(2, 4), target_ids=(7,), target="Depot", source="pull")
    assert place_terms(output, rows, [single], pieces) == [eine, 7, anfrage, auf]


def test_a_word_all_of_whose_letters_translate_the_term_is_replaced_whole():
    pieces = PIECES + COMPOUND
    output = [1, ID["▁Haupt"], ID["datei"], 5]
    rows = [[0.0, 0.0, 0.0, 0.0, 1.0], *compound_rows([True, True]), [0.0, 0.0, 0.0, 0.0, 1.0]]
    missing = Missing(source_span=(1, 2), target_ids=(7,), target="Depot")
    assert place_terms(output, rows, [missing], pieces, encode=WORDS.__getitem__) == [1, 7, 5]


def test_a_term_copied_untranslated_between_tags_is_replaced_there():
    """``Click <b>Save</b>``: the model kept the English term inside the tags; the target takes
    its place, the tags stay (it went before the tags, ``Speichern <b>Save</b>``)."""
    tags = ["▁<b>", "Save", "</b>"]
    pieces = PIECES + tags
    ids = {piece: len(PIECES) + n for n, piece in enumerate(tags)}
    output = [1, ids["▁<b>"], ids["Save"], ids["</b>"], 5]  # das <b>Save</b> .
    missing = Missing(source_span=(1, 2), target_ids=(7,), target="Depot", source="Save")
    words = {"<b>Depot": (96,)}
    placed = place_terms(output, attention_on(2, 5), [missing], pieces, encode=words.__getitem__)
    assert placed == [1, 96, ids["</b>"], 5]


# the pieces of "[b]Health Potion[/b]: ..." as the model wrote it, and of the target "Heiltrank"
BBCODE = ["▁[", "b", "]", "H", "ealth", "▁Po", "tion", "[", "/", ":", "▁He", "il", "trank"]


@pytest.mark.parametrize(("opening", "closing"), [("[", "]"), ("{", "}")])
def test_a_term_of_several_words_between_bbcode_tags_is_replaced_there(
    opening: str, closing: str
) -> None:
    """``[b]Health Potion[/b]`` (BBCode) or ``{b}Health Potion{/b}`` (Ren'Py): a tag and the
    word after it are words apart, so the target replaces both words of the term inside the tags
    and is written as one with the opening tag (it took the closing tag with it:
    ``Heiltrank]``, ``Heiltrank}``)."""
    marks = {"▁[": f"▁{opening}", "[": opening, "]": closing}
    tokens = [marks.get(piece, piece) for piece in BBCODE]
    pieces = PIECES + tokens
    n = {piece: len(PIECES) + i for i, piece in enumerate(tokens)}
    written = [f"▁{opening}", "b", closing, "H", "ealth", "▁Po", "tion", opening, "/", "b"]
    output = [n[p] for p in [*written, closing, ":"]]
    # the source "[b]Health Potion[/b]: </s>": the term is its tokens 1 and 2
    rows = [[0.9, 0.0, 0.0, 0.0, 0.1]] * 3 + [[0.0, 0.5, 0.5, 0.0, 0.0]] * 4
    rows += [[0.0, 0.0, 0.0, 0.9, 0.1]] * 5
    target = (n["▁He"], n["il"], n["trank"])
    heiltrank = Missing(
        source_span=(1, 3), target_ids=target, target="Heiltrank", source="Health Potion"
    )
    words = {f"{opening}b{closing}Heiltrank": (95,)}
    placed = place_terms(output, rows, [heiltrank], pieces, encode=words.get)
    assert placed == [95, *output[7:]]  # [b]Heiltrank [/b]:


def test_a_target_aligned_to_a_tag_goes_before_it():
    """The word the term's attention points at is a tag (``<action:Jump>``): it stays whole,
    the target goes before it."""
    tokens = ["▁<", "action", ":", "J", "ump", ">"]
    pieces = PIECES + tokens
    n = {piece: len(PIECES) + i for i, piece in enumerate(tokens)}
    output = [1, *(n[p] for p in tokens), 4]  # das <action:Jump> leer
    rows = attention_on(4, len(output))
    assert place_terms(output, rows, [DEPOT], pieces, encode=lambda w: (99,)) == [
        1,
        7,
        *output[1:],
    ]


def test_a_compound_linked_by_an_s_keeps_its_part_that_translates_another_word():
    """ "Erweiterung|s|pump-Einstellungen" for "infusion pump settings": the linking ``s``
    looked at another word, so the word was taken for no compound and replaced whole
    ("Infusionspumpe", "Einstellungen" lost); the link is neither part's."""
    word = ["▁Erweiterung", "s", "pump", "-", "Ein", "stellungen"]
    pieces = PIECES + word
    ids = [len(PIECES) + n for n in range(len(word))]
    # the source "infusion pump settings </s>": the term is tokens 0 and 1
    rows = [
        [0.5, 0.4, 0.05, 0.05],
        [0.05, 0.05, 0.2, 0.7],  # the link: on another word (and </s>)
        [0.1, 0.8, 0.05, 0.05],
        [0.0, 0.1, 0.6, 0.3],
        [0.1, 0.1, 0.7, 0.1],
        [0.0, 0.1, 0.5, 0.4],
    ]
    missing = Missing(
        source_span=(0, 2), target_ids=(7,), target="Infusionspumpe", source="infusion pump"
    )
    written = {"Infusionspumpen-Einstellungen": (93,)}
    placed = place_terms(ids, rows, [missing], pieces, encode=lambda w: written.get(w, (98,)))
    assert placed == [93]


def test_a_term_of_several_words_does_not_take_the_translation_of_another_word():
    """ "Gegenwärtig müssen gemeldet werden" for "Adverse events must be reported": "müssen"
    attends to "events" nearly as much as to "must", but it is the output's word for "must";
    it stays ("Unerwünschtes Ereignis gemeldet werden" had lost it)."""
    pieces = [*PIECES, "▁Gegenwärtig", "▁müssen", "▁gemeldet", "▁werden"]
    jetzt, muessen, gemeldet, werden = range(len(PIECES), len(PIECES) + 4)
    output = [jetzt, muessen, gemeldet, werden, 5]
    # the source "Adverse events must be reported . </s>": the term is tokens 0 and 1
    rows = [
        [0.5, 0.4, 0.0, 0.0, 0.0, 0.0, 0.1],
        [0.1, 0.25, 0.3, 0.1, 0.05, 0.0, 0.2],  # more on the term than on "must", in all
        [0.0, 0.1, 0.0, 0.1, 0.7, 0.0, 0.1],
        [0.0, 0.0, 0.1, 0.6, 0.1, 0.1, 0.1],
        [0.0, 0.0, 0.0, 0.0, 0.1, 0.8, 0.1],
    ]
    term = Missing(source_span=(0, 2), target_ids=(7,), target="Depot", source="Adverse events")
    assert place_terms(output, rows, [term], pieces) == [7, muessen, gemeldet, werden, 5]


def test_a_piece_of_the_terms_own_word_that_another_source_word_peaks_on_is_replaced_too():
    """ "Männer Filialen ansprechen" for "Merge the pull request": the "en" of "Filialen" is
    the output token that attends most to "the" (by a hair), yet the word attends most to
    "pull": it is the term's, and goes with it ("den Filialen Pull-Request" had kept it)."""
    pieces = [*PIECES, "▁Männer", "▁Filial", "▁ansprechen"]
    maenner, filial, ansprechen = range(len(PIECES), len(PIECES) + 3)
    output = [maenner, filial, 9, ansprechen]
    # the source "Merge the pull request </s>": the term is tokens 2 and 3
    rows = [
        [0.7, 0.1, 0.0, 0.0, 0.2],
        [0.0, 0.0, 0.6, 0.1, 0.3],
        [0.0, 0.2, 0.1, 0.1, 0.6],  # "en": the strongest on "the", the word's on "pull"
        [0.0, 0.05, 0.4, 0.5, 0.05],
    ]
    term = Missing(source_span=(2, 4), target_ids=(7,), target="Depot", source="pull request")
    assert place_terms(output, rows, [term], pieces) == [maenner, 7]


def test_a_word_that_attends_most_to_the_term_but_holds_another_words_attention_stays():
    """ "Gegenwärtig müssen gemeldet werden" for "Adverse events must be reported", as the
    model attends: "müssen" attends to "events" a hair more than to "must" (every output word
    attends to "events"), but it holds most of the attention "must" gets: it is the output's
    word for "must" and stays ("Unerwünschte Ereignisse gemeldet werden" had lost it)."""
    pieces = [*PIECES, "▁Gegenwärtig", "▁müssen", "▁gemeldet", "▁werden"]
    jetzt, muessen, gemeldet, werden = range(len(PIECES), len(PIECES) + 4)
    output = [jetzt, muessen, gemeldet, werden, 5]
    # the source "Adverse events must be reported . </s>": the term is tokens 0 and 1
    rows = [
        [0.5, 0.3, 0.02, 0.0, 0.0, 0.0, 0.18],
        [0.02, 0.26, 0.25, 0.05, 0.03, 0.0, 0.39],  # "events" 0.26, "must" 0.25
        [0.0, 0.1, 0.02, 0.1, 0.7, 0.0, 0.08],
        [0.0, 0.1, 0.03, 0.6, 0.1, 0.1, 0.07],
        [0.0, 0.1, 0.02, 0.0, 0.1, 0.7, 0.08],
    ]
    term = Missing(source_span=(0, 2), target_ids=(7,), target="Depot", source="Adverse events")
    assert place_terms(output, rows, [term], pieces) == [7, muessen, gemeldet, werden, 5]


def test_the_word_for_the_term_is_replaced_though_it_attends_more_to_a_word_all_attend_to():
    """ "Den Ordner in den Müll verschieben" for "Move the folder to the trash": "Ordner"
    attends more to "trash" (0.5) than to "folder" (0.43), yet "trash" is "Müll"'s and
    "den"'s too, while "folder" is nearly all "Ordner"'s: it is replaced ("Den Ordner
    Verzeichnis in den Müll" kept it)."""
    pieces = [*PIECES, "▁Den", "▁Ordner", "▁in", "▁den", "▁Müll", "▁verschieben"]
    den, ordner, in_, den2, muell, verschieben = range(len(PIECES), len(PIECES) + 6)
    output = [den, ordner, in_, den2, muell, verschieben, 5]
    # the source "Move the folder to the trash . </s>": the term is token 2
    rows = [
        [0.4, 0.3, 0.1, 0.0, 0.0, 0.1, 0.0, 0.1],
        [0.03, 0.01, 0.43, 0.01, 0.0, 0.5, 0.0, 0.02],
        [0.2, 0.0, 0.05, 0.5, 0.1, 0.1, 0.0, 0.05],
        [0.05, 0.0, 0.02, 0.0, 0.4, 0.5, 0.0, 0.03],
        [0.02, 0.0, 0.05, 0.0, 0.05, 0.85, 0.0, 0.03],
        [0.6, 0.0, 0.02, 0.0, 0.0, 0.03, 0.15, 0.2],
        [0.05, 0.0, 0.0, 0.0, 0.0, 0.0, 0.5, 0.45],
    ]
    term = Missing(source_span=(2, 3), target_ids=(7,), target="Verzeichnis", source="folder")
    assert place_terms(output, rows, [term], pieces) == [den, 7, in_, den2, muell, verschieben, 5]


def test_an_ending_before_the_hyphen_goes_with_the_part_that_translates_the_term():
    """ "Druck|er-Schlange" for "printer queue", glossary "printer" → "Druckwerk": the ``er``
    of "Drucker" attends to "queue" a little more, yet it is the ending of the first part
    ("Druckwerk-Er-Schlange" was placed)."""
    word = ["▁Druck", "er", "-", "Sch", "lange"]
    pieces = PIECES + word
    ids = [len(PIECES) + n for n in range(len(word))]
    rows = [[1.0, 0.0, 0.0, 0.0, 0.0], *compound_rows([True, False, False, False, False])]
    rows[2][1:3] = [0.45, 0.55]  # "er": "printer" 0.45, "queue" 0.55
    rows.append([0.0, 0.0, 0.0, 0.0, 1.0])  # "."
    missing = Missing(source_span=(1, 2), target_ids=(7,), target="Druckwerk", source="printer")
    written = {"Druckwerk-Schlange": (94,)}
    placed = place_terms(
        [1, *ids, 5], rows, [missing], pieces, encode=lambda w: written.get(w, (98,))
    )
    assert placed == [1, 94, 5]


def test_a_compound_whose_two_parts_translate_two_terms_takes_both_targets():
    """ "IV-Zeile" for "the IV line", glossary IV → i.v. and line → Leitung: each part is
    replaced by its target ("i.v.-Zeile Leitung" was placed: the second target followed the
    word)."""
    word = ["▁I", "V", "-", "Z", "e", "ile"]
    pieces = PIECES + word
    ids = [len(PIECES) + n for n in range(len(word))]
    # the source "the IV line </s>": "IV" is token 1, "line" token 2
    rows = [[1.0, 0.0, 0.0, 0.0, 0.0], *compound_rows([True, True, False, False, False, False])]
    rows.append([0.0, 0.0, 0.0, 0.0, 1.0])  # "."
    iv = Missing(source_span=(1, 2), target_ids=(7,), target="i.v.", source="IV")
    line = Missing(source_span=(2, 3), target_ids=(8,), target="Leitung", source="line")
    written = {"i.v.-Zeile": (93,), "i.v.-Leitung": (94,)}
    encode = lambda w: written.get(w, (98,))  # noqa: E731
    assert place_terms([1, *ids, 5], rows, [iv, line], pieces, encode=encode) == [1, 94, 5]


def test_a_term_of_several_words_translated_as_a_noun_and_its_attribute_is_replaced_whole():
    """ "den Pump der Infusion" for "the infusion pump": "der Infusion" translates the term
    too ("die Infusionspumpe der Infusion" was placed); an attribute that translates another
    word stays."""
    words = ["▁den", "▁Pump", "▁der", "▁Infusion", "▁Patienten"]
    pieces = PIECES + words
    den, pump, der, infusion, patienten = range(len(PIECES), len(PIECES) + 5)
    # the source "the infusion pump patient </s>": the term is tokens 1 and 2
    rows = [
        [0.8, 0.1, 0.0, 0.0, 0.1],
        [0.0, 0.25, 0.7, 0.0, 0.05],
        [0.5, 0.2, 0.1, 0.1, 0.1],  # "der": on "the" more than on the term
        [0.0, 0.8, 0.1, 0.0, 0.1],
        [0.0, 0.0, 0.0, 0.0, 1.0],
    ]
    term = Missing(
        source_span=(1, 3), target_ids=(7,), target="Infusionspumpe", source="infusion pump"
    )
    output = [den, pump, der, infusion, 5]
    assert place_terms(output, rows, [term], pieces) == [den, 7, 5]
    rows[3] = [0.0, 0.0, 0.0, 0.9, 0.1]  # "Patienten": on "patient"
    output = [den, pump, der, patienten, 5]
    assert place_terms(output, rows, [term], pieces) == [den, 7, der, patienten, 5]


def test_a_half_translated_term_before_an_attribute_link_is_replaced_whole():
    """ "das Schwert von Dawn" for "the Sword of Dawn", glossary → "Schwert der Morgenröte":
    the target goes where "Dawn" is, and "Schwert von" before it renders the term too ("das
    Schwert von Schwert der Morgenröte" was placed)."""
    words = ["▁das", "▁Schwert", "▁von", "▁Dawn", "▁ist"]
    pieces = PIECES + words
    das, schwert, von, dawn, ist = range(len(PIECES), len(PIECES) + 5)
    # the source "the Sword of Dawn is </s>": the term is tokens 1 to 3
    rows = [
        [0.8, 0.1, 0.0, 0.0, 0.0, 0.1],
        [0.0, 0.8, 0.0, 0.0, 0.0, 0.2],
        [0.0, 0.0, 0.3, 0.6, 0.0, 0.1],
        [0.0, 0.0, 0.0, 0.95, 0.0, 0.05],  # "Dawn": the word the target goes to
        [0.0, 0.0, 0.0, 0.0, 0.9, 0.1],
    ]
    term = Missing(
        source_span=(1, 4), target_ids=(7,), target="Schwert der Morgenröte", source="Sword of Dawn"
    )
    output = [das, schwert, von, dawn, ist]
    assert place_terms(output, rows, [term], pieces) == [das, 7, ist]


def test_a_word_of_the_target_beside_the_placed_term_goes_with_it_whatever_its_attention():
    """ "Schwert" writes a word of the target "Schwert der Morgenröte": it is the term's
    rendering though it attends to "the" more than to the term; a word that writes none and
    leans to another source word stays."""
    words = ["▁das", "▁Schwert", "▁Dawn", "▁ist", "▁Klinge"]
    pieces = PIECES + words
    das, schwert, dawn, ist, klinge = range(len(PIECES), len(PIECES) + 5)
    rows = [
        [0.8, 0.1, 0.0, 0.0, 0.0, 0.1],
        [0.6, 0.3, 0.0, 0.0, 0.0, 0.1],  # "Schwert": on "the" more than on the term
        [0.0, 0.0, 0.0, 0.9, 0.0, 0.1],
        [0.0, 0.0, 0.0, 0.0, 0.9, 0.1],
    ]
    term = Missing(
        source_span=(1, 4), target_ids=(7,), target="Schwert der Morgenröte", source="Sword of Dawn"
    )
    assert place_terms([das, schwert, dawn, ist], rows, [term], pieces) == [das, 7, ist]
    assert place_terms([das, klinge, dawn, ist], rows, [term], pieces) == [das, klinge, 7, ist]


# a quoted word: ▁" Re|po " (the opening quote a word-start piece of its own)
QUOTED = ['▁"', "Re", "po", '"', "Per", "son", "▁Da", "ta"]
QID = {piece: len(PIECES) + len(COMPOUND) + n for n, piece in enumerate(QUOTED)}


def test_the_quote_marks_around_a_replaced_word_stay():
    """``"Customer" means ...`` came out ``Kunde" bedeutet ...``: the word placed over took
    its opening quote with it (session 62)."""
    pieces = [*PIECES, *COMPOUND, *QUOTED]
    output = [1, QID['▁"'], QID["Re"], QID["po"], QID['"'], 3, 4]  # das "Repo" ist leer
    assert place_terms(output, attention_on(2, 7, width=8), [DEPOT], pieces) == [
        *(1, QID['▁"'], 7, QID['"']),
        *(3, 4),
    ]
    joined = {'"Depot': (93,)}  # the target written as one with the quote before it
    placed = place_terms(output, attention_on(2, 7, width=8), [DEPOT], pieces, (), joined.get)
    assert placed == [1, 93, QID['"'], 3, 4]


def test_a_term_of_several_words_is_replaced_inside_its_quote_marks():
    """``"Personal Data" has ...``: the term's words widened to the quote before them, and
    ``personenbezogene Daten" hat`` was placed (session 62)."""
    pieces = [*PIECES, *COMPOUND, *QUOTED]
    # das "Person Data" ist leer, for the source "the Personal Data is empty </s>"
    output = [1, QID['▁"'], QID["Per"], QID["son"], QID["▁Da"], QID["ta"], QID['"'], 3, 4]
    attention = [[0.0] * 6 for _ in output]
    for row, column in enumerate((0, 3, 1, 1, 2, 2, 3, 3, 4)):
        attention[row][column] = 1.0
    term = Missing(source_span=(1, 3), target_ids=(7,), target="Depot", source="Personal Data")
    placed = place_terms(output, attention, [term], pieces)
    assert placed == [1, QID['▁"'], 7, QID['"'], 3, 4]


# "das Repository ist leer" with a sentence's punctuation: ".", "?", "!", ",", a lone "▁."
ENDINGS = ["?", "!", ",", "▁."]
_END_ID = {piece: len(PIECES) + n for n, piece in enumerate(ENDINGS)}


@pytest.mark.parametrize(
    "output",
    [
        [1, 2, 3, 4, 5],  # das Repository ist leer .
        [1, 2, 3, 4, _END_ID["?"]],
        [1, 2, 3, 4, _END_ID["!"]],
        [1, 2, _END_ID[","], 3, 4, 5],  # a comma inside the sentence
        [1, 2, 3, 4, _END_ID["▁."]],  # a full stop written as a word of its own
    ],
)
def test_a_term_whose_attention_peaks_on_punctuation_is_not_placed(output):
    # "Klicken Sie auf Speichern. Projekt": the model wrote no word for the term and its
    # attention peaked on the full stop; the target went after it (or replaced "leer.")
    punctuation = next(n for n, token in enumerate(output) if token in (5, *_END_ID.values()))
    attention = attention_on(punctuation, len(output))
    assert place_terms(output, attention, [DEPOT], [*PIECES, *ENDINGS]) is None


def test_a_target_after_the_last_word_goes_before_the_full_stop():
    output = [1, 2, 3, 4, 5]  # das Repository ist leer .
    attention = attention_on(3, 5)
    attention[3] = [0.0, 0.1, 0.0, 0.9, 0.0]  # "leer" translates source token 3
    assert place_terms(output, attention, [DEPOT], PIECES) == [1, 2, 3, 4, 7, 5]


def test_a_compound_whose_other_part_carries_a_kept_target_gets_the_term_in_its_part():
    """ "Mana-Potion" for "Mana Potion", glossary Mana kept and potion -> Trank: the part the
    model copied untranslated takes the target ("Mana-Potion Trank" was written, the word kept
    whole as it carries "Mana"); a compound whose kept part is the term's stays and the target
    follows it."""
    word = ["▁Mana", "-", "Potion"]
    pieces = [*PIECES, *word, "▁Mana-Trank", "▁Trank"]
    ids = [len(PIECES) + n for n in range(len(word))]
    mana_trank, trank = len(PIECES) + 3, len(PIECES) + 4
    # the source "Mana Potion </s>": the term is token 1
    rows = [[0.9, 0.05, 0.05], [0.5, 0.4, 0.1], [0.05, 0.9, 0.05]]
    missing = Missing(source_span=(1, 2), target_ids=(trank,), target="Trank", source="Potion")
    encode = {"Mana-Trank": (mana_trank,)}.__getitem__
    placed = place_terms(ids, rows, [missing], pieces, kept=["Mana"], encode=encode)
    assert placed == [mana_trank]
    kept_part = place_terms(ids, rows, [missing], pieces, kept=["Potion"], encode=encode)
    assert kept_part == [*ids, trank]


def _words(*texts: str) -> tuple[list[str], list[int]]:
    """``PIECES`` with ``texts`` after them, and the ids of ``texts``."""
    return [*PIECES, *texts], list(range(len(PIECES), len(PIECES) + len(texts)))


def test_a_function_word_and_the_word_after_it_that_render_the_term_go_with_it():
    """ "Partei wird enthüllt" for "Disclosing Party" (the model's "Disclosing" is "wird
    enthüllt"): the target takes all three ("Offenlegende Partei wird enthüllt" was placed)."""
    pieces, (partei, wird, enthuellt) = _words("▁Partei", "▁wird", "▁enthüllt")
    rows = [[0.3, 0.6, 0.1], [0.7, 0.2, 0.1], [0.8, 0.1, 0.1]]  # "Disclosing Party </s>"
    term = Missing((0, 2), (7,), "offenlegende Partei", "Disclosing Party")
    assert place_terms([partei, wird, enthuellt], rows, [term], pieces) == [7]


@pytest.mark.parametrize(
    ("in_row", "expected"),
    [
        ([0.1, 0.8, 0.05, 0.05], "particle goes"),  # "in" renders the term's "in"
        ([0.05, 0.05, 0.85, 0.05], "kept"),  # "in" renders "to", another word
    ],
)
def test_the_particle_of_a_phrasal_verb_term_at_the_end_goes(in_row, expected):
    """ "Zeichen in" for "Sign in" (glossary → "anmelden"): "Anmelden in" was placed."""
    pieces, (zeichen, in_) = _words("▁Zeichen", "▁in")
    rows = [[0.9, 0.05, 0.0, 0.05], in_row]  # "Sign in to </s>"
    term = Missing((0, 2), (7,), "anmelden", "Sign in")
    placed = place_terms([zeichen, in_], rows, [term], pieces)
    assert placed == ([7] if expected == "particle goes" else [7, in_])


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("by the Disclosing Party to", "replaced"),
        ("by the Rezeiving Party to", "kept"),  # a word the input writes: a name
    ],
)
def test_a_half_written_english_word_is_replaced_whole_with_its_party(source, expected):
    """ "von der Rezeiving Party in" for "by the Disclosing Party to": the target took "Re"
    and "offenlegende Partei-zeiving Party" was placed; "zeiving" is no German word."""
    pieces, (von, der, re_, ze, i, ving, party, in_) = _words(
        "▁von", "▁der", "▁Re", "ze", "i", "ving", "▁Party", "▁in"
    )
    on = [[1.0 if k == n else 0.0 for k in range(6)] for n in range(6)]  # one source token
    # "Re" leans to the term, its rest to "to" (another word), "Party" on the term's "Party"
    rows = [
        on[0],
        on[1],
        [0.0, 0.0, 0.6, 0.0, 0.4, 0.0],
        on[4],
        on[4],
        on[4],
        [0.0] * 3 + [0.5, 0.0, 0.5],
        on[4],
    ]
    term = Missing((2, 4), (7,), "offenlegende Partei", "Disclosing Party")
    output = [von, der, re_, ze, i, ving, party, in_]
    placed = place_terms(output, rows, [term], pieces, source=source)
    if expected == "replaced":
        assert placed == [von, der, 7, in_]
    else:  # the word translates "to" and is the input's: the target goes after it
        assert placed is not None and placed[:6] == [von, der, re_, ze, i, ving]


def test_a_term_rendered_in_two_places_is_placed_where_its_targets_word_is():
    """ "Partei zur Feier verwerfen" for "Disclosing Party to the party": the term's
    attention peaks on "verwerfen", but "Partei" writes the target's word; the target goes
    there and "verwerfen" goes ("Partei zur Feier offenlegende Partei" was placed)."""
    pieces, (partei, zur, feier, verwerfen) = _words("▁Partei", "▁zur", "▁Feier", "▁verwerfen")
    # "Disclosing Party to the party </s>"
    rows = [
        [0.1, 0.8, 0.05, 0.0, 0.0, 0.05],
        [0.0, 0.0, 0.9, 0.05, 0.0, 0.05],
        [0.0, 0.0, 0.0, 0.1, 0.85, 0.05],
        [0.9, 0.05, 0.0, 0.0, 0.0, 0.05],
    ]
    term = Missing((0, 2), (7,), "offenlegende Partei", "Disclosing Party")
    assert place_terms([partei, zur, feier, verwerfen], rows, [term], pieces) == [7, zur, feier]


@pytest.mark.parametrize(
    ("word", "term_tokens", "gender", "expected"),
    [
        (["▁Knopf", "galerie"], [1, 0], "f", "Schaltflächen-Galerie"),
        (["▁Button", "-", "Label"], [1, 0, 0], "f", "Schaltflächen-Label"),
        (["▁Knopf", "galerie"], [1, 0], "m", "Schaltfläche-Galerie"),
    ],
)
def test_a_feminine_target_in_e_placed_first_takes_its_linking_n(
    word, term_tokens, gender, expected
):
    """ "Button gallery" and "the Button label" (glossary Button → Schaltfläche, f) came out
    "Schaltfläche-Galerie" and "Schaltfläche-Label" (session 70): the target placed as a
    compound's first part takes its own link, as German writes it."""
    pieces = PIECES + word
    ids = [len(PIECES) + n for n in range(len(word))]
    rows = [[0.0, 0.0, 0.0, 0.0, 1.0], *compound_rows(term_tokens), [0.0, 0.0, 0.0, 0.0, 1.0]]
    missing = Missing(source_span=(1, 2), target_ids=(7,), target="Schaltfläche", gender=gender)
    written = {"Schaltflächen-Galerie": (93,), "Schaltflächen-Label": (94,)}
    written["Schaltfläche-Galerie"] = (95,)
    placed = place_terms(
        [1, *ids, 5], rows, [missing], pieces, encode=lambda w: written.get(w, (98,))
    )
    assert placed == [1, *written[expected], 5]


def test_a_modifier_term_written_as_an_attribute_joins_the_noun_after_it():
    """ "die coolante Konzentration" for "the coolant concentration", glossary coolant →
    Kühlschmierstoff: the target and the head noun are one compound ("die Kühlschmierstoff
    Konzentration" was placed); without the input's word after the term, the word alone."""
    word = ["▁die", "▁co", "ol", "ante", "▁Konzentration", "."]
    pieces = PIECES + word
    die, co, ol, ante, konz, stop = (len(PIECES) + n for n in range(len(word)))
    # the source "the coolant concentration </s>": the term is token 1
    rows = [
        [0.9, 0.05, 0.05, 0.0],
        [0.0, 0.9, 0.1, 0.0],
        [0.0, 0.9, 0.1, 0.0],
        [0.0, 0.9, 0.1, 0.0],
        [0.0, 0.1, 0.9, 0.0],
        [0.0, 0.0, 0.1, 0.9],
    ]
    written = {"Kühlschmierstoff-Konzentration": (95,)}
    term = Missing((1, 2), (94,), "Kühlschmierstoff", "coolant", modifier=True)
    output = [die, co, ol, ante, konz, stop]
    encode = lambda w: written.get(w, (98,))  # noqa: E731
    assert place_terms(output, rows, [term], pieces, encode=encode) == [die, 95, stop]
    alone = Missing((1, 2), (94,), "Kühlschmierstoff", "coolant")
    assert place_terms(output, rows, [alone], pieces, encode=encode) == [die, 94, konz, stop]


def test_a_noun_before_a_noun_is_replaced_alone():
    """ "dem Nutzer Zugriff" for "give the user access": two nouns, no attribute; the target
    replaces the word, and nothing is joined."""
    word = ["▁dem", "▁Nutzer", "▁Zugriff"]
    pieces = PIECES + word
    dem, nutzer, zugriff = (len(PIECES) + n for n in range(len(word)))
    rows = [[0.9, 0.1, 0.0, 0.0], [0.0, 0.9, 0.1, 0.0], [0.0, 0.1, 0.9, 0.0]]
    term = Missing((1, 2), (94,), "Benutzer", "user", modifier=True)
    placed = place_terms([dem, nutzer, zugriff], rows, [term], pieces, encode=lambda w: (98,))
    assert placed == [dem, 94, zugriff]


def test_a_hyphenated_compound_that_copies_the_term_keeps_its_other_part():
    """ "Der Chip-Fahrer" for "The chip conveyor", glossary chip → Span: "Span-Fahrer" ("Der
    Span entfernt ..." was placed: the whole compound's tokens attended to "chip")."""
    word = ["▁Chi", "p", "-", "F", "ahrer"]
    pieces = PIECES + word
    ids = [len(PIECES) + n for n in range(len(word))]
    rows = compound_rows([True, True, True, True, True])
    term = Missing((1, 2), (94,), "Span", "chip", modifier=True)
    written = {"Span-Fahrer": (96,)}
    placed = place_terms(ids, rows, [term], pieces, encode=lambda w: written.get(w, (98,)))
    assert placed == [96]


def test_a_hyphenated_compound_with_a_garbled_other_part_is_replaced_whole():
    """ "das Spindle-Hausen" for "the spindle housing", glossary spindle → Spindel: the target
    alone ("das Spindel-Hausen" was placed, its article agreeing with the garble)."""
    word = ["▁Spin", "dle", "-", "Ha", "usen"]
    pieces = PIECES + word
    ids = [len(PIECES) + n for n in range(len(word))]
    rows = compound_rows([True, True, True, True, True])
    term = Missing((1, 2), (94,), "Spindel", "spindle", modifier=True)
    written = {"Spindel-Hausen": (96,)}
    encode = lambda w: written.get(w, (98,))  # noqa: E731
    source = "Lubricate the spindle housing."
    assert place_terms(ids, rows, [term], pieces, encode=encode, source=source) == [94]


def test_a_verbs_target_is_no_compound_with_the_pronoun_after_it():
    """ "Dann teilen Sie die Verbindung" for "Then share the link", glossary share → Freigabe:
    the target replaces the verb ("Freigaben-Sie" was placed), even where the input's next word
    looked like a noun's (``modifier``)."""
    word = ["▁teilen", "▁Sie", "▁die"]
    pieces = PIECES + word
    teilen, sie, die = (len(PIECES) + n for n in range(len(word)))
    rows = [[0.0, 0.9, 0.1, 0.0], [0.1, 0.1, 0.8, 0.0], [0.0, 0.1, 0.9, 0.0]]
    term = Missing((1, 2), (94,), "Freigabe", "share", modifier=True, gender="f")
    written = {"Freigaben-Sie": (95,)}
    placed = place_terms(
        [teilen, sie, die], rows, [term], pieces, encode=lambda w: written.get(w, (98,))
    )
    assert placed == [94, sie, die]


@pytest.mark.parametrize(
    ("word", "term_tokens", "target", "source"),
    [
        # tbx trial: "türretter" for "turret": no "Werkzeugrevolver-Ter"
        (
            ["▁t", "ür", "re", "t", "ter"],
            [True, True, True, True, False],
            "Werkzeugrevolver",
            "turret",
        ),
        # "Klärmpfe" for "workpieces": no "Klä-Werkstücke"
        (
            ["▁K", "l", "ä", "r", "m", "pf", "e"],
            [False] * 3 + [True] * 4,
            "Werkstücke",
            "workpieces",
        ),
    ],
)
def test_a_garbled_words_fragment_is_no_compound_part(word, term_tokens, target, source):
    pieces = PIECES + word
    ids = [len(PIECES) + n for n in range(len(word))]
    term = Missing((1, 2), (94,), target, source)
    placed = place_terms(ids, compound_rows(term_tokens), [term], pieces, encode=lambda w: (98,))
    assert placed == [94]


# "{0}-Receipt(s) anhängend", the model's output for "{0} receipt(s) attached" (trial s75)
RECEIPTS = ["▁{", "0", "}", "Re", "ce", "ip", "t", "(", "s", ")", "▁an", "hängen", "d"]
RECEIPT_ID = {piece: len(PIECES) + n for n, piece in enumerate(RECEIPTS)}


def _receipt_ids(*pieces: str) -> list[int]:
    return [13 if piece == "-" else RECEIPT_ID[piece] for piece in pieces]


def test_a_word_joined_to_a_placeholder_by_a_hyphen_is_replaced_not_kept_as_an_option():
    """Trial s75 xamarin: ``-Receipt`` after ``{0}`` was read as a command-line option, and
    the target went in front of the whole line (``Beleg {0}-Receipt(s) anhängend``); the word
    is the term's, its optional plural ending with it."""
    pieces = [*PIECES, *RECEIPTS]
    output = _receipt_ids("▁{", "0", "}", "-", "Re", "ce", "ip", "t", "(", "s", ")", "▁an")
    output += _receipt_ids("hängen", "d")
    placed = place_terms(output, attention_on(4, len(output)), [DEPOT], pieces)
    assert placed == [*output[:4], 7, *output[11:]]


def test_a_words_optional_ending_in_brackets_is_the_words():
    pieces = [*PIECES, *RECEIPTS]
    output = [1, 8, *_receipt_ids("(", "s", ")"), 3, 4]  # das Datei(s) ist leer
    assert place_terms(output, attention_on(1, len(output)), [DEPOT], pieces) == [1, 7, 3, 4]
    output = [1, 8, 5, 3]  # das Datei. ist: the full stop stays
    assert place_terms(output, attention_on(1, len(output)), [DEPOT], pieces) == [1, 7, 5, 3]

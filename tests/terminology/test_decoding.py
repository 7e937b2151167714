"""The glossary step of a translator's decoding: only outputs that lack a target change."""

from __future__ import annotations

import pytest

from ltmt.model.backbone import load_backbone
from ltmt.terminology.decoding import (
    GlossaryDecoding,
    GlossaryPass,
    changes_times,
    declined,
    lacking,
    loses_numbers,
    one_full_stop,
    term_hits,
    terms_missed,
    with_terms,
)
from ltmt.terminology.german_forms import plural_forms
from ltmt.terminology.matching import TermMatcher, renders
from ltmt.terminology.terms import Term
from ltmt.translator import Translator
from ltmt.units import Unit

DEPOT = Term("repository", "Depot")


@pytest.fixture(scope="module")
def backbone(tiny_model_dir):
    return load_backbone(tiny_model_dir)


def test_term_hits_use_the_segments_matcher_and_none_without_one():
    matchers = [TermMatcher([DEPOT]), None]
    [hit] = term_hits(matchers, Unit(0, "the repositories"))
    assert (hit.term, hit.start, hit.end) == (DEPOT, 4, 16)
    assert term_hits(matchers, Unit(1, "the repository")) == []


def test_with_terms_shows_the_model_the_targets_in_place():
    unit = Unit(0, "open the repository now", joiner=" ", line_end=False)
    shown = with_terms(unit, TermMatcher([DEPOT]).find(unit.text))
    assert shown == Unit(0, "open the Depot now", joiner=" ", line_end=False)
    assert with_terms(unit, []) is unit


def test_outputs_that_carry_their_targets_are_left_alone(backbone):
    decoding = GlossaryDecoding(Translator(backbone, beam=1))
    units = [Unit(0, "the repository"), Unit(1, "the file")]
    hits = [TermMatcher([DEPOT]).find(u.text) for u in units]
    outputs = ["das Depots-Verzeichnis", "unchanged"]
    decoding.follow(units, hits, [(), ()], outputs, GlossaryPass())
    assert outputs == ["das Depots-Verzeichnis", "unchanged"]


@pytest.mark.parametrize("engine", ["auto", "torch"])
def test_a_missing_target_is_added_and_lines_without_terms_stay(backbone, engine):
    translator = Translator(backbone, beam=1, engine=engine)
    units = [Unit(0, "the repository is empty"), Unit(1, "the file")]
    outputs = [o.text for o in translator.translate([u.text for u in units])]
    assert not renders("Depot", outputs[0])  # the random model does not write it itself
    before = list(outputs)
    hits = [TermMatcher([DEPOT]).find(u.text) for u in units]
    translator.terms.follow(units, hits, [(), ()], outputs, GlossaryPass())
    assert renders("Depot", outputs[0])
    assert outputs[1] == before[1]


@pytest.mark.parametrize(("looped", "placed"), [(False, True), (True, False)])
def test_no_target_is_placed_in_an_output_that_ran_to_its_length_limit(backbone, looped, placed):
    # placed in a loop, a target replaced the loop (one word: UltraGripTM-GripTM-...) and the
    # output came out cut short, below the limit, passed off as whole
    translator = Translator(backbone, beam=1)
    unit = Unit(0, "the repository is empty")
    [source] = translator.encode([unit.text], [0])
    [words] = translator.output_ids(["Verzeichnis ist leer"])
    limit = translator.decode_config.length_limit(len(source))
    ids = (words * limit)[:limit] if looped else words
    glossary = GlossaryPass({0: (ids, [[1 / len(source)] * len(source) for _ in ids])})
    hits = [TermMatcher([DEPOT]).find(unit.text)]
    result = translator.terms.place_missing([0], [unit], hits, glossary)
    assert (0 in result) is placed


def test_the_constrained_state_is_the_inner_state_without_terms(backbone):
    decoding = GlossaryDecoding(Translator(backbone, beam=1))
    assert decoding.constrained_state([[5, 2]], None, [[]]) is None
    hits = [TermMatcher([DEPOT]).find("the repository")]
    state = decoding.constrained_state([[5, 6, 2]], None, hits)
    assert state is not None and [r.target for r in state.required[0]] == ["Depot"]


def test_a_plural_term_takes_the_plural_form_the_model_scores_best(backbone):
    """ "List all repositories": the target goes in the form of :func:`plural_forms` whose whole
    output the fast path scores best (on the random model, whichever that is), not "Depot";
    the lines' forms are scored together."""
    from ltmt.terminology.decoding import _Placing
    from ltmt.terminology.placement import Missing, place_terms

    translator = Translator(backbone, beam=1)
    decoding = translator.terms
    fast = translator.decoder.fast
    units = [Unit(0, "list all repositories"), Unit(1, "the repositories are empty")]
    sources = translator.encode([u.text for u in units])
    outputs, attentions = fast.decode_aligned(sources, translator.decode_config)
    tokens = decoding.tokens()

    def placing(n: int, plural: bool) -> tuple[_Placing, list[list[int]]]:
        span = decoding.source_span(units[n].text, TermMatcher([DEPOT]).find(units[n].text)[0])
        options = []
        for form in plural_forms("Depot"):
            term = Missing(span, tokens.required(form).token_ids, form, "repositories", plural)
            edited = place_terms(
                outputs[n], attentions[n], [term], tokens.pieces, [], tokens.word_ids
            )
            assert edited is not None
            options.append(edited)
        first = Missing(span, tokens.required("Depot").token_ids, "Depot", "repositories", plural)
        made = _Placing(n, "", outputs[n], attentions[n], [first], [], options[0])
        return made, options

    placings, options = zip(*(placing(n, True) for n in range(2)), strict=True)
    decoding.in_number(list(placings), units)
    for n, (made, choices) in enumerate(zip(placings, options, strict=True)):
        scores = fast.score([sources[n]] * len(choices), choices)
        best = max(range(len(choices)), key=scores.__getitem__)
        assert made.edited == choices[best]
        assert made.missing[0].target == plural_forms("Depot")[best]
    # a term written as the glossary writes it keeps its form
    made, choices = placing(0, False)
    decoding.in_number([made], units)
    assert made.edited == choices[0]


@pytest.mark.parametrize("engine", ["auto", "torch"])
def test_a_placed_target_gets_the_agreeing_phrase_the_model_scores_best(backbone, engine):
    """ "einen neuen Markierung": of the feminine cases, the one whose whole output the decoder
    (CTranslate2, or the torch pass) scores best as the translation of the line shown with its
    target; a phrase that agrees, or a target of unknown gender, stays as placed."""
    from ltmt.terminology.agreement import agreeing_variants

    translator = Translator(backbone, beam=1, engine=engine)
    decoding, decoder = translator.terms, translator.decoder
    shown = {n: Unit(n, "create a new Markierung") for n in range(3)}
    placed = {0: "Einen neuen Markierung erzeugen", 1: "Eine neue Markierung", 2: "Ein neues Xyzzq"}
    targets = {0: ["Markierung"], 1: ["Markierung"], 2: ["Xyzzq"]}
    choices = agreeing_variants(placed[0], "Markierung", "f")
    source = translator.encode([shown[0].text])[0]
    tokenizer = backbone.tokenizer
    scores = decoder.score(
        [source] * len(choices),
        [tokenizer(text_target=c, add_special_tokens=False)["input_ids"] for c in choices],
    )
    decoding.in_agreement(placed, targets, shown)
    assert placed == {
        0: choices[max(range(len(choices)), key=scores.__getitem__)],
        1: "Eine neue Markierung",
        2: "Ein neues Xyzzq",
    }


def test_a_placed_target_takes_the_gender_its_glossary_term_gives(backbone):
    """The Godot trial: "Deine Inventar ist voll." for "Your inventory is full." (the
    genders table lacks "Inventar"); a term that gives its gender gets the phrase that
    agrees with it, one without stays as placed."""
    translator = Translator(backbone, beam=1)
    shown = {n: Unit(n, "Your Xyzzq is full.") for n in range(2)}
    placed = {0: "Deine Xyzzq ist voll.", 1: "Deine Qqzyx ist voll."}
    targets = {0: ["Xyzzq"], 1: ["Qqzyx"]}
    translator.terms.in_agreement(placed, targets, shown, {"Xyzzq": "n", "Qqzyx": ""})
    assert placed == {0: "Dein Xyzzq ist voll.", 1: "Deine Qqzyx ist voll."}


@pytest.mark.parametrize(("target", "plural"), [("Commit", "Commits"), ("Depot", None)])
def test_a_plural_term_is_not_left_in_a_singular_no_plural_is_written_as(backbone, target, plural):
    """ "Review the pull requests": a target whose plural is never its singular as written
    ("Commit", a loan, "Depot") takes one of its plural forms, whichever the model
    scores best; "Die Pull-Request prüfen" was kept as the model scores a shorter output
    better."""
    from ltmt.terminology.decoding import _Placing
    from ltmt.terminology.placement import Missing, place_terms

    translator = Translator(backbone, beam=1)
    decoding = translator.terms
    unit = Unit(0, "review the repositories")
    source = translator.encode([unit.text])
    outputs, attentions = translator.decoder.fast.decode_aligned(source, translator.decode_config)
    span = decoding.source_span(unit.text, TermMatcher([DEPOT]).find(unit.text)[0])
    tokens = decoding.tokens()
    first = Missing(span, tokens.required(target).token_ids, target, "repositories", True)
    edited = place_terms(outputs[0], attentions[0], [first], tokens.pieces, [], tokens.word_ids)
    assert edited is not None
    made = _Placing(0, "", outputs[0], attentions[0], [first], [], edited)
    decoding.in_number([made], [unit])
    assert made.missing[0].target in plural_forms(target)
    assert made.missing[0].target != target
    if plural is not None:
        assert made.missing[0].target == plural


def test_a_singular_that_may_be_its_plural_stays_among_the_forms(backbone):
    """ "Ordner" is its own plural: the output as placed is one of the forms scored."""
    from ltmt.terminology.decoding import _Placing
    from ltmt.terminology.placement import Missing

    decoding = Translator(backbone, beam=1).terms
    term = Missing(
        (0, 1), decoding.tokens().required("Ordner").token_ids, "Ordner", "folders", True
    )
    made = _Placing(0, "", [5, 2], [[1.0], [1.0]], [term], [], [5, 2])
    assert (made.edited, term) in decoding.plural_options(made, 0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Das Medikament i.v.. verabreichen", "Das Medikament i.v. verabreichen"),
        ("Das Medikament i.v..", "Das Medikament i.v."),  # "i.v.." was written
        ("Das Medikament i.v....", "Das Medikament i.v...."),  # an ellipsis stays
        ("Die i.v.-Leitung.", "Die i.v.-Leitung."),
    ],
)
def test_a_target_ending_in_a_full_stop_takes_none_after_it(text: str, expected: str) -> None:
    assert one_full_stop(text, ["i.v.", "Leitung"]) == expected


def test_a_constrained_output_that_runs_on_is_not_taken(backbone, monkeypatch):
    """With "Pro,Pro", "Upgrade to Pro for unlimited projects." came out "Wechseln Sie auf
    unbegrenzte Projekte. Pro für unbegrenzte Projekte.": the output without the term stays."""
    decoding = GlossaryDecoding(Translator(backbone, beam=1))
    pro = Term("Pro", "Pro")
    units = [Unit(0, "Upgrade to Pro for unlimited projects.")]
    hits = [TermMatcher([pro]).find(units[0].text)]
    ran_on = "Wechseln Sie auf unbegrenzte Projekte. Pro für unbegrenzte Projekte."
    monkeypatch.setattr(decoding, "place_missing", lambda *args, **kwargs: {})
    monkeypatch.setattr(decoding, "copy_targets", lambda *args, **kwargs: {})
    monkeypatch.setattr(
        decoding, "decode_with_terms", lambda chosen, *a, **k: [ran_on] * len(chosen)
    )
    outputs = ["Wechseln Sie auf unbegrenzte Projekte."]
    decoding.follow(units, hits, [()], outputs, GlossaryPass())
    assert outputs == ["Wechseln Sie auf unbegrenzte Projekte."]
    # one that says the source's one sentence is taken
    monkeypatch.setattr(
        decoding, "decode_with_terms", lambda chosen, *a, **k: ["Auf Pro wechseln."] * len(chosen)
    )
    decoding.follow(units, hits, [()], outputs, GlossaryPass())
    assert outputs == ["Auf Pro wechseln."]


DOSE = Term("dose", "Dosis")


def test_a_glossary_output_that_moves_a_time_by_twelve_hours_is_not_taken(backbone, monkeypatch):
    """The healthcare trial: "Take your 9:30 PM dose now." came out "Nimm deine 9.30 Uhr
    Dosis." (half past nine in the morning) where the model wrote "9:30 PM": neither the copy
    nor a constrained decode that writes the time so is taken; the output without the term
    stays, the term reported missing."""
    decoding = GlossaryDecoding(Translator(backbone, beam=1))
    units = [Unit(0, "Take your 9:30 PM dose now.")]
    hits = [TermMatcher([DOSE]).find(units[0].text)]
    moved = "Nimm deine 9.30 Uhr Dosis."
    monkeypatch.setattr(decoding, "place_missing", lambda *args, **kwargs: {})
    monkeypatch.setattr(
        decoding, "copy_targets", lambda chosen, *a, **k: dict.fromkeys(chosen, moved)
    )
    asked: list[bool] = []

    def decode(chosen, *args, substitute: bool, **kwargs):
        asked.append(substitute)
        return [moved] * len(chosen)

    monkeypatch.setattr(decoding, "decode_with_terms", decode)
    outputs = ["Nimm dein 9:30 PM jetzt."]
    decoding.follow(units, hits, [()], outputs, GlossaryPass())
    assert outputs == ["Nimm dein 9:30 PM jetzt."]
    assert asked == [True, False]  # the input as written was decoded too
    # one that keeps the time is taken
    monkeypatch.setattr(
        decoding,
        "decode_with_terms",
        lambda chosen, *a, **k: ["Nimm deine Dosis um 21:30 Uhr."] * len(chosen),
    )
    decoding.follow(units, hits, [()], outputs, GlossaryPass())
    assert outputs == ["Nimm deine Dosis um 21:30 Uhr."]


@pytest.mark.parametrize(
    ("source", "before", "after", "changed"),
    [
        (
            "Take your 9:30 PM dose now.",
            "Nimm dein 9:30 PM jetzt.",
            "Nimm deine 9.30 Uhr Dosis.",
            True,
        ),
        (
            "Take your 9:30 PM dose now.",
            "Nimm dein 9:30 PM jetzt.",
            "Nimm deine 21:30 Dosis.",
            False,
        ),
        # the model's own output lost it already: the term changes nothing there
        ("Take your 9:30 PM dose now.", "Nimm dein 9:30 jetzt.", "Nimm deine 9:30 Dosis.", False),
        ("Take your 9:30 AM dose now.", "Nimm dein 9:30 AM.", "Nimm deine 9:30 Uhr Dosis.", False),
    ],
)
def test_changes_times(source: str, before: str, after: str, changed: bool) -> None:
    assert changes_times(source, before, after) is changed


def _missing(source: str):
    from ltmt.terminology.placement import Missing

    return Missing(source_span=(0, 1), target_ids=(5,), target="x", source=source)


@pytest.mark.parametrize(
    ("source", "before", "after", "term", "lost"),
    [
        # the healthcare trial: "PM-Dipse" replaced whole
        ("You missed your 8:00 PM dose.", "Ihre 8:00 PM-Dipse.", "Ihre 8:00 Dosis.", "dose", True),
        (
            "You missed your 8:00 PM dose.",
            "Ihre 8:00 PM-Dipse.",
            "Ihre 8:00 PM-Dosis.",
            "dose",
            False,
        ),
        ("Print on A4 paper.", "Auf A4-Papier drucken.", "Auf Druckpapier drucken.", "paper", True),
        (
            "Print on A4 paper.",
            "Auf A4-Papier drucken.",
            "Auf A4-Druckpapier drucken.",
            "paper",
            False,
        ),
        # a term whose source has the number may take it with it
        (
            "Open the MP3 player.",
            "Den MP3-Player öffnen.",
            "Den Musikspieler öffnen.",
            "MP3 player",
            False,
        ),
    ],
)
def test_loses_numbers(source: str, before: str, after: str, term: str, lost: bool) -> None:
    assert loses_numbers(source, before, after, [_missing(term)]) is lost


def test_a_placement_that_loses_a_number_of_the_output_is_not_kept(backbone, monkeypatch):
    """The word a target replaces must not take a code or a time's AM/PM with it: the line is
    left to the decodes that follow (the tiny model's vocabulary has no digits: its token ids
    are read as the texts below)."""
    import ltmt.terminology.decoding as decoding_module

    translator = Translator(backbone, beam=1)
    unit = Unit(0, "Print on A4 paper.")
    [source] = translator.encode([unit.text], [0])
    texts = {
        (5, 6, 7): "Auf A4-Papier drucken.",
        (8, 9): "Auf Druckpapier drucken.",
        (10, 11): "Auf A4-Druckpapier drucken.",
    }
    monkeypatch.setattr(
        translator.backbone.tokenizer, "decode", lambda ids, **kwargs: texts[tuple(ids)]
    )
    words = [5, 6, 7]
    glossary = GlossaryPass({0: (words, [[1 / len(source)] * len(source) for _ in words])})
    hits = [TermMatcher([Term("paper", "Druckpapier")]).find(unit.text)]
    monkeypatch.setattr(decoding_module, "place_terms", lambda *args, **kwargs: [8, 9])
    assert translator.terms.place_missing([0], [unit], hits, glossary) == {}
    monkeypatch.setattr(decoding_module, "place_terms", lambda *args, **kwargs: [10, 11])
    placed = translator.terms.place_missing([0], [unit], hits, glossary)
    assert placed == {0: "Auf A4-Druckpapier drucken."}


def test_term_hits_leave_out_a_noun_target_met_as_a_verb():
    """'Can you refund me?' came out 'Kannst du mich Rückerstattung?'."""
    matchers = [TermMatcher([Term("refund", "Rückerstattung")])]
    assert term_hits(matchers, Unit(0, "Can you refund me?")) == []
    assert len(term_hits(matchers, Unit(0, "Your refund is on its way."))) == 1


def test_term_hits_leave_out_a_term_in_a_command_line():
    """'branch' → ``Branch`` was placed into ``"git Branch --unset-upstream"`` (terminology
    benchmark s76); the same word in prose is placed."""
    matchers = [TermMatcher([Term("branch", "Branch")])]
    assert term_hits(matchers, Unit(0, '(use "git branch --unset-upstream" to fixup)')) == []
    assert len(term_hits(matchers, Unit(0, "Create a new branch from here."))) == 1


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The CardioSense X2 monitor", "CardioSense X2"),  # the source's spelling, no ™ added
        ("The CardioSense™ X2 monitor", "CardioSense™ X2"),
        ("The CARDIOSENSE X2 monitor", "CardioSense™ X2"),  # another case: the glossary's
    ],
)
def test_a_name_kept_as_written_is_required_in_the_sources_spelling(text, target):
    """A source without the ™ of 'CardioSense™ X2' (kept as written) came out 'Das
    CardioSenseTM X2 X2-Monitor zeigt ...'."""
    matchers = [TermMatcher([Term("CardioSense™ X2", "CardioSense™ X2", gender="m")])]
    [hit] = term_hits(matchers, Unit(0, text))
    assert (hit.term.source, hit.term.target, hit.term.gender) == (target, target, "m")
    assert with_terms(Unit(0, text), [hit]).text == text.replace(text[4:-8], target)


def test_a_signal_word_in_capitals_is_required_in_the_sources_case():
    """IFU trial: 'CAUTION,VORSICHT' and "Caution: The sensor surface may be hot." came out
    "Sicht: ..."."""
    matchers = [TermMatcher([Term("CAUTION", "VORSICHT")])]
    [hit] = term_hits(matchers, Unit(0, "Caution: The sensor surface may be hot."))
    assert hit.term.target == "Vorsicht"
    [hit] = term_hits(matchers, Unit(0, "CAUTION: HOT SURFACE"))
    assert hit.term.target == "VORSICHT"


def test_a_translated_term_keeps_its_glossary_target_whatever_signs_the_source_has():
    matchers = [TermMatcher([Term("AcmeCloud® Sync", "AcmeCloud® Synchronisierung")])]
    [hit] = term_hits(matchers, Unit(0, "Open AcmeCloud Sync"))
    assert hit.term.target == "AcmeCloud® Synchronisierung"


@pytest.mark.parametrize(
    ("glossary", "text", "written"),
    [
        ("Windows®", "Install it on Windows® 11.", "Windows®"),
        ("Windows", "Install it on Windows® 11.", "Windows®"),  # the source's sign is kept
        ("Cloudy™", "Cloudy™ keeps your files in sync.", "Cloudy™"),
        ("Windows®", "Install it on Windows 11.", "Windows"),  # no sign the source lacks
    ],
)
def test_a_name_is_required_with_the_signs_of_ownership_the_source_writes(
    glossary: str, text: str, written: str
) -> None:
    """Code read: 'Windows®' kept as written, "Install it on Windows® 11." was read by
    term_hits as 'Windows' (a hit's span is its words), so translate's summary passed an
    output without the ® and named a missed term 'Windows', while ltmt qa warned "'Windows®'
    is 'Windows®' in the glossary"; both now read the sign."""
    unit = Unit(0, text)
    [hit] = term_hits([TermMatcher([Term(glossary, glossary)])], unit)
    assert (hit.term.target, text[hit.start : hit.end]) == (written, written)
    assert with_terms(unit, [hit]).text == text  # the text around the name is unchanged
    signed = written.endswith(("®", "™"))
    unsigned_output = text.replace(written, written.rstrip("®™"))
    assert lacking([hit], unsigned_output) == ([hit] if signed else [])
    assert terms_missed(TermMatcher([Term(glossary, glossary)]), text, "Es läuft.") == [written]


@pytest.mark.parametrize("glossary", ["Windows®", "Windows"])
def test_a_name_is_found_before_a_sign_set_aside_as_a_tag_in_a_lowered_line(glossary: str):
    """Trial winrc, session 70: "Install it on Windows® 11." reached the model lowered, its ®
    set aside as a tag (``install it on windows<x/> 11.``); the tag's slash made
    ``windows<x/>`` a path, where a term is found only as the glossary writes it, so
    'Windows®' was not placed ("Sie in Fenstern® 11. installieren.", the summary "could not
    be placed"), and with 'Windows®' alone the name took its ® twice (``Windows®®``). A tag
    is no path: the name is found and written without a sign, the ® restored after it."""
    unit = Unit(0, "install it on windows<x/> 11.")
    [hit] = term_hits([TermMatcher([Term(glossary, glossary)])], unit)
    assert (hit.term.target, unit.text[hit.start : hit.end]) == ("Windows", "windows")
    assert with_terms(unit, [hit]).text == "install it on Windows<x/> 11."


def test_a_translated_term_before_a_sign_of_ownership_leaves_the_sign_in_place():
    unit = Unit(0, "Save it in the cloud™ now.")
    [hit] = term_hits([TermMatcher([Term("cloud", "Wolke")])], unit)
    assert (hit.term.target, unit.text[hit.start : hit.end]) == ("Wolke", "cloud")
    assert with_terms(unit, [hit]).text == "Save it in the Wolke™ now."


def test_a_decode_alone_that_runs_on_under_the_constraint_is_the_models_own(backbone, monkeypatch):
    """Healthcare trial (session 73): the placeholder guard's decode under the constraint wrote
    "Geben Sie 5 mL mit dem oralen Syring an. Appell. Appell-Syring Applikationsspritze" for
    "Measure 5 mL with the oral syringe.", and it was kept."""
    translator = Translator(backbone, beam=1)
    syringe = Term("oral syringe", "Applikationsspritze")
    sources = ["Measure 5 mL with the oral syringe.", "Fill the oral syringe.", "Shake well."]
    hits = [TermMatcher([syringe]).find(text) for text in sources]
    ran_on = "Geben Sie 5 mL mit dem oralen Syring an. Appell. Appell-Syring Applikationsspritze"
    constrained = [ran_on, "Die Applikationsspritze füllen.", "Gut schütteln."]
    alone = {0: "5 mL mit dem oralen Syring.", 1: "Die Spritze füllen.", 2: "Gut schütteln."}
    decoded: list[list[int]] = []

    def decode(batch, state=None):
        if state is not None:
            return list(constrained[: len(batch)])
        decoded.extend(batch)
        return [alone[row[0]] for row in batch]

    monkeypatch.setattr(translator, "decode", decode)
    texts = translator.terms.decode_alone([[0], [1], [2]], hits, sources)
    assert texts == [
        "5 mL mit dem oralen Syring.",
        "Die Applikationsspritze füllen.",
        "Gut schütteln.",
    ]
    assert decoded == [[0]]  # only the line that ran on is decoded again


def test_decode_ids_keeps_no_output_that_runs_on(backbone, monkeypatch):
    """What the placeholder guard and the lost numbers' retry decode
    (:meth:`~ltmt.translator.Translator.decode_ids`) is held to the same rule."""
    translator = Translator(backbone, beam=1)
    pro = Term("Pro", "Pro")
    source = "Upgrade to Pro for unlimited projects."
    ran_on = "Wechseln Sie auf unbegrenzte Projekte. Pro für unbegrenzte Projekte."
    monkeypatch.setattr(
        translator,
        "decode",
        lambda batch, state=None: (
            [ran_on if state is not None else "Auf Projekte wechseln."] * len(batch)
        ),
    )
    encoded = translator.encode([source])
    hits = [TermMatcher([pro]).find(source)]
    assert translator.decode_ids(encoded, hits, sources=[source]) == ["Auf Projekte wechseln."]
    assert translator.decode_ids(encoded, sources=[source]) == ["Auf Projekte wechseln."]


def test_a_placed_adjectives_noun_is_declined_where_its_term_is_singular() -> None:
    """trial s75 legal2: "des Verantwortlicher" was placed; a plural term keeps the form
    chosen among its plurals (``in_number``), but after a determiner of a weak plural only
    -en is German (trial s75: "alle Beamte")."""
    term = Term("Controller", "Verantwortlicher")
    source = "instructions of the Controller"
    hits = TermMatcher([term]).find(source)
    assert declined("Weisung des Verantwortlicher", source, hits) == "Weisung des Verantwortlichen"
    plural = "instructions of the Controllers"
    plural_hits = TermMatcher([term]).find(plural)
    assert declined("der Verantwortlicher", plural, plural_hits) == "der Verantwortlichen"
    assert declined("einige Verantwortliche", plural, plural_hits) == "einige Verantwortliche"


RECEIPT = Term("receipt", "Beleg")


@pytest.mark.parametrize(
    ("source", "before", "damaging"),
    [
        # trial s75 xamarin: glued in front, and the whole string replaced by the term
        ("{0} receipt(s) attached", "{0}-Receipt(s) anhängend", "Beleg {0}-Receipt(s) anhängend"),
        ("Scan receipt", "Receiptieren", "Beleg"),
    ],
)
def test_a_glossary_output_that_glues_the_target_or_is_only_the_target_is_not_taken(
    backbone, monkeypatch, source: str, before: str, damaging: str
):
    """Neither the copy nor a constrained decode that damages the line is taken: the output
    without the term stays (and the run counts the term as not placed: terms_missed)."""
    decoding = GlossaryDecoding(Translator(backbone, beam=1))
    units = [Unit(0, source)]
    hits = [TermMatcher([RECEIPT]).find(source)]
    monkeypatch.setattr(decoding, "place_missing", lambda *args, **kwargs: {})
    monkeypatch.setattr(
        decoding, "copy_targets", lambda chosen, *a, **k: dict.fromkeys(chosen, damaging)
    )
    monkeypatch.setattr(
        decoding, "decode_with_terms", lambda chosen, *a, **k: [damaging] * len(chosen)
    )
    outputs = [before]
    decoding.follow(units, hits, [()], outputs, GlossaryPass())
    assert outputs == [before]
    assert terms_missed(TermMatcher([RECEIPT]), source, outputs[0]) == ["receipt"]


def test_a_placement_that_glues_the_target_in_front_is_not_kept(backbone, monkeypatch):
    import ltmt.terminology.decoding as decoding_module

    translator = Translator(backbone, beam=1)
    unit = Unit(0, "Scan receipt")
    [source] = translator.encode([unit.text], [0])
    texts = {(5,): "Receiptieren", (6,): "Beleg", (7, 8): "Beleg scannen"}
    monkeypatch.setattr(
        translator.backbone.tokenizer, "decode", lambda ids, **kwargs: texts[tuple(ids)]
    )
    glossary = GlossaryPass({0: ([5], [[1 / len(source)] * len(source)])})
    hits = [TermMatcher([RECEIPT]).find(unit.text)]
    monkeypatch.setattr(decoding_module, "place_terms", lambda *args, **kwargs: [6])
    assert translator.terms.place_missing([0], [unit], hits, glossary) == {}
    monkeypatch.setattr(decoding_module, "place_terms", lambda *args, **kwargs: [7, 8])
    placed = translator.terms.place_missing([0], [unit], hits, glossary)
    assert placed == {0: "Beleg scannen"}


def test_a_decode_alone_that_says_only_the_target_is_the_models_own(backbone, monkeypatch):
    """A guard's or a retry's decode under the constraint that says nothing but the target
    (``Beleg`` for ``Scan receipt``) is decoded again without it; one that says more stays."""
    translator = Translator(backbone, beam=1)
    sources = ["Scan receipt", "Attach the receipt"]
    hits = [TermMatcher([RECEIPT]).find(text) for text in sources]
    constrained = ["Beleg", "Den Beleg anhängen"]
    alone = {0: "Receiptieren", 1: "Die Quittung anhängen"}

    def decode(batch, state=None):
        if state is not None:
            return list(constrained[: len(batch)])
        return [alone[row[0]] for row in batch]

    monkeypatch.setattr(translator, "decode", decode)
    texts = translator.terms.decode_alone([[0], [1]], hits, sources)
    assert texts == ["Receiptieren", "Den Beleg anhängen"]


QRD = Term(
    "Keep this medicine out of the sight and reach of children",
    "Bewahren Sie dieses Arzneimittel für Kinder unzugänglich auf",
)


def test_a_line_that_is_one_term_is_its_target_and_a_clause_is_never_spliced(backbone):
    """Pharma trial: a QRD phrase's target replaced one word of the model's sentence and the
    model's own rendering of the phrase stayed around it; the whole line is now the target with
    its full stop, and a clause inside a longer line is placed as a unit or reported missing."""
    decoding = GlossaryDecoding(Translator(backbone, beam=1))
    units = [
        Unit(0, "Keep this medicine out of the sight and reach of children."),
        Unit(1, "Keep this medicine out of the sight and reach of children and dry."),
        Unit(2, "the repository"),
    ]
    hits = [TermMatcher([QRD, DEPOT]).find(u.text) for u in units]
    outputs = ["Behalten Sie diese aus dem Blick.", "Behalten Sie es trocken.", "das Depot"]
    decoding.follow(units, hits, [(), (), ()], outputs, GlossaryPass())
    assert outputs[0] == "Bewahren Sie dieses Arzneimittel für Kinder unzugänglich auf."
    # the target whole or not at all: none of the model's words spliced around one of its own
    assert QRD.target in outputs[1] or "Bewahren" not in outputs[1]
    assert outputs[2] == "das Depot"


def test_a_line_that_is_one_term_keeps_an_output_that_is_its_target_but_for_case(backbone):
    decoding = GlossaryDecoding(Translator(backbone, beam=1))
    units = [Unit(0, "Invoice")]
    hits = [TermMatcher([Term("invoice", "Rechnung")]).find(u.text) for u in units]
    outputs = ["rechnung."]
    decoding.follow(units, hits, [()], outputs, GlossaryPass())
    assert outputs == ["rechnung."]


@pytest.mark.parametrize(
    ("source", "output", "missed"),
    [
        # a line in capitals is written back in capitals (subtitles trial s76): its target so
        ("THOMAS BRANDT, FORMER BORDER GUARD", "THOMAS BRANDT, EHEMALIGER GRENZSOLDAT", []),
        (
            "THOMAS BRANDT, FORMER BORDER GUARD",
            "THOMAS BRANDT, EHEMALIGE GRENZWACHE",
            ["BORDER GUARD"],
        ),
        # a line in mixed case needs the target as the glossary writes it
        (
            "Thomas Brandt, former border guard",
            "Thomas Brandt, ehemaliger GRENZSOLDAT",
            ["border guard"],
        ),
    ],
)
def test_a_line_in_capitals_has_its_terms_target_in_capitals(
    source: str, output: str, missed: list[str]
) -> None:
    matcher = TermMatcher([Term("border guard", "Grenzsoldat")])
    assert terms_missed(matcher, source, output) == missed

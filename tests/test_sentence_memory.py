"""A line of several sentences translated a sentence at a time, each with its own matches."""

from __future__ import annotations

import pytest

from ltmt.model.backbone import load_backbone
from ltmt.segments import Match, Segment, Translation
from ltmt.sentence_memory import (
    Request,
    better_by_sentence,
    beyond_match,
    lost_sentences,
    merged,
    pieces_of,
    sentence_count,
    sentences_of,
    spoilt,
    translate_by_sentences,
)
from ltmt.text import fuzzy_score
from ltmt.translator import Translator
from ltmt.units import LineForms

ATTRIBUTION = "\u2013 Tom, Hamburg"
QUOTE = f'"Brightly Planner is the only app I open every morning." {ATTRIBUTION}'


def _match(source: str, score: float, target: str = "T.") -> Match:
    return Match(Segment(1, "u1", source, target, 0.0, "test"), score)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Do not reuse. Not for injection.", ["Do not reuse. ", "Not for injection."]),
        ("  Do not reuse. Not for injection. ", ["Do not reuse. ", "Not for injection."]),
        ("Do not reuse.", []),
        ("Do not reuse.\nNot for injection.", []),  # lines are translated apart already
        ("Do not reuse.\tNot for injection.", []),
    ],
)
def test_sentences_of_a_one_line_text(text, expected):
    assert sentences_of(text, "en") == expected


@pytest.mark.parametrize(
    ("source", "output", "lost"),
    [
        ("WARNING: Do not reuse. Not for injection into veins.", "WARNUNG: Nicht wiederverwenden.", True),
        ("Do not reuse. Not for injection.", "Nicht wiederverwenden. Nicht zur Injektion.", False),
        ("Do not reuse.", "Nicht.", False),
        ("Save your changes. See section 4.2. for details.", "Speichern Sie Ihre Änderungen. Siehe Abschnitt 4.2. für Details.", False),
        ("Save your changes. See section 4.2 for details.", "Speichern Sie Ihre Änderungen, siehe Abschnitt 4.2.", False),
        ("Save your changes. See section 4.2 for details.", "Siehe Abschnitt 4.2 für Details.", True),
        # as long as its line, but without its quote marks and its attribution
        (QUOTE, "Brightly Planner ist die einzige App, die ich jeden Morgen öffne.", True),
        (QUOTE, '"Brightly Planner ist die einzige App, die ich jeden Morgen öffne."', True),
        ("Save time - every day. Start now.", "Sparen Sie jeden Tag Zeit.", True),
        (QUOTE, f"„Brightly Planner ist die einzige App, die ich jeden Morgen öffne.“ {ATTRIBUTION}", False),
    ],
)  # fmt: skip
def test_an_output_with_fewer_sentences_than_its_line_lost_one(source, output, lost):
    """Counted by one rule on both sides, and shorter than its source less half a sentence:
    ``4.2. for details.`` was two sentences, and an output that says all was flagged."""
    assert lost_sentences(source, output, "en", "de") is lost


def test_a_sentences_match_beats_the_lines_only_when_it_scores_higher():
    whole = [_match("Not for injection.", 51.4), _match("Do not reuse.", 40.0)]
    assert better_by_sentence(whole, [[_match("Do not reuse.", 74.3)], []])
    assert not better_by_sentence(whole, [[_match("Do not reuse.", 50.0)], []])
    assert not better_by_sentence(whole, [[], []])


def test_the_pieces_of_a_line_keep_its_whitespace():
    text = " Do not reuse.  Not for injection. "
    pieces = pieces_of(3, text, sentences_of(text, "en"))
    assert [p.text for p in pieces] == ["Do not reuse.", "Not for injection."]
    assert "".join(p.before + p.text + p.after for p in pieces) == text
    assert {p.owner for p in pieces} == {3}


class _Scripted:
    """The slice of a Translator that :func:`translate_by_sentences` uses: each text's output
    from a table, fused; no match retrieved for a sentence."""

    fusion = object()
    fusion_name = "knn"
    sentence_split = True
    source_language = "en"
    line_forms = LineForms(target_language="de")

    def __init__(self, outputs):
        self.outputs, self.asked = outputs, []

    def retrieve(self, texts, user, prefer):
        return [() for _ in texts]

    def translate_retrieved(self, texts, matches, matchers, progress):
        self.asked.append(list(texts))
        if progress is not None:
            progress(len(texts))
        return [
            Translation(t, self.outputs[t], matches=m, method="knn") for t, m in zip(texts, matches)
        ]


def _request(texts):
    found = (_match("Do not reuse.", 60.0),)
    count = len(texts)
    return Request(list(texts), [found] * count, [None] * count, ["u1"] * count, [{}] * count)


def test_a_fused_output_that_lost_a_sentence_is_translated_again_a_sentence_at_a_time():
    line = "WARNING: Do not reuse. Not for injection into veins."
    translator = _Scripted(
        {
            line: "WARNUNG: Nicht wiederverwenden.",
            "WARNING: Do not reuse.": "WARNUNG: Nicht wiederverwenden.",
            "Not for injection into veins.": "Nicht zur Injektion in Venen.",
        }
    )
    told = []
    (done,) = translate_by_sentences(translator, _request([line]), told.append)
    assert translator.asked == [[line], ["WARNING: Do not reuse.", "Not for injection into veins."]]
    assert done.text == "WARNUNG: Nicht wiederverwenden. Nicht zur Injektion in Venen."
    assert done.source == line and done.pieces == 2 and not done.sentences_lost
    assert done.by_sentence == 2  # not a long line split (the run report)
    assert sum(told) == 1


def test_an_output_that_still_lost_a_sentence_is_flagged():
    line = "Do not reuse. Not for injection."
    translator = _Scripted(
        {
            line: "Nicht wiederverwenden.",
            "Do not reuse.": "Nicht wiederverwenden.",
            "Not for injection.": "",
        }
    )
    (done,) = translate_by_sentences(translator, _request([line]), None)
    assert done.text == "Nicht wiederverwenden." and done.sentences_lost


class _FuzzyMemory:
    """Pairs scored against each text searched, as the memory scores them."""

    def __init__(self, pairs):
        self.pairs = pairs

    def search_batch(self, user, texts, k=4):
        scored = [
            [
                Match(Segment(i, user, s, t, 0.0, "test"), fuzzy_score(text, s))
                for i, (s, t) in enumerate(self.pairs)
            ]
            for text in texts
        ]
        return [sorted(found, key=lambda m: -m.score)[:k] for found in scored]

    def users(self):
        return ["u1"]

    def count(self, user):
        return len(self.pairs)


def test_a_sentence_of_a_line_that_is_a_100_percent_match_is_its_stored_translation(tiny_model_dir):
    memory = _FuzzyMemory(
        [
            (
                "Keep out of the reach of children.",
                "Außerhalb der Reichweite von Kindern aufbewahren.",
            )
        ]
    )
    translator = Translator(load_backbone(tiny_model_dir), memory, fusion="knn", beam=1)
    (done,) = translator.translate(
        ["Keep out of the reach of children. Open the file now."], user="u1"
    )
    assert done.text.startswith("Außerhalb der Reichweite von Kindern aufbewahren. ")
    assert done.method == "knn" and done.pieces == 2


class _ScriptedWithoutMemory(_Scripted):
    """:class:`_Scripted`, a text given no match decoded from a table of its own, unfused."""

    def __init__(self, outputs, plain):
        super().__init__(outputs)
        self.plain = plain

    def retrieve(self, texts, user, prefer):
        return [(_match("Do not reuse.", 60.0),) for _ in texts]

    def translate_retrieved(self, texts, matches, matchers, progress):
        if any(matches):
            return super().translate_retrieved(texts, matches, matchers, progress)
        self.asked.append(list(texts))
        return [Translation(t, self.plain[t], method="model") for t in texts]


def test_a_fused_output_that_still_lost_a_part_is_decoded_without_memory():
    """The user trial's quote: fused whole it lost its marks and attribution, fused a sentence
    at a time its opening mark; decoded without memory it keeps them all."""
    said = '"Brightly Planner is the only app I open every morning."'
    fused = "Brightly Planner ist die einzige App, die ich jeden Morgen öffne."
    plain = '"Brightly Planner ist die einzige App, die ich jeden Morgen öffne." - Tom, Hamburg'
    translator = _ScriptedWithoutMemory(
        {QUOTE: fused, said: fused + '"', ATTRIBUTION: ATTRIBUTION}, {QUOTE: plain}
    )
    request = _request([QUOTE])
    (done,) = translate_by_sentences(translator, request, None)
    assert translator.asked == [[QUOTE], [said, ATTRIBUTION], [QUOTE]]
    assert done.text == plain and not done.sentences_lost
    assert done.method == "model" and done.matches == request.matches[0]


def test_an_output_that_lost_its_parts_without_memory_too_is_flagged():
    fused = "Brightly Planner ist die einzige App, die ich jeden Morgen öffne."
    translator = _ScriptedWithoutMemory(
        {
            QUOTE: fused,
            '"Brightly Planner is the only app I open every morning."': fused,
            ATTRIBUTION: "",
        },
        {QUOTE: fused},
    )
    (done,) = translate_by_sentences(translator, _request([QUOTE]), None)
    assert done.text == fused and done.sentences_lost


def test_a_fused_output_that_repeats_a_word_of_its_line_is_decoded_without_memory():
    """The user trial's quote with ``"Save time every day." - Lisa, Cologne`` in memory: the
    fused output followed the match past its end, whole and a sentence at a time."""
    said = '"Brightly Planner is the only app I open every morning."'
    opened = '"Brightly Planner ist die einzige App, die ich jeden Morgen öffne.“'
    repeated = f"{opened} {ATTRIBUTION}, Hamburg, Hamburg, Hamburger, der einzige App."
    plain = f"{opened} {ATTRIBUTION}"
    translator = _ScriptedWithoutMemory(
        {QUOTE: repeated, said: opened, ATTRIBUTION: f"{ATTRIBUTION}, Hamburg"}, {QUOTE: plain}
    )
    (done,) = translate_by_sentences(translator, _request([QUOTE]), None)
    assert translator.asked == [[QUOTE], [said, ATTRIBUTION], [QUOTE]]
    assert done.text == plain and done.method == "model" and not done.sentences_lost


@pytest.mark.parametrize(
    ("source", "output", "fused", "expected"),
    [
        # a quote and its attribution: the fused run-on is decoded again
        (
            '"Save time every day." \u2013 Lisa, Cologne',
            "\u201eSpar jeden Tag Zeit.\u201c \u2013 Lisa, Cologne, Cologne, K\u00f6ln",
            True,
            True,
        ),
        # one sentence: the memory's wording stays (a dev user's knn output)
        (
            "cannot stat orig argument %s",
            "Datei %s kann nicht mit »stat« oder »stat« ermittelt werden.",
            True,
            False,
        ),
    ],
)
def test_a_fused_output_is_spoilt_only_in_a_line_of_several_sentences(
    source, output, fused, expected
):
    assert spoilt(source, output, "en", "de", fused=fused) is expected


SAVE_MATCH = _match(
    "<Bold>Warning:</> Progress is only saved at campfires.",
    81.8,
    "<Bold>Warnung:</> Der Fortschritt wird nur an Lagerfeuern gespeichert.",
)
SAVE_COPY = "<Bold>Warnung:</> Der Fortschritt wird nur an Lagerfeuern gespeichert."
PLAYED = "Played for {Minutes} {Minutes}|plural(one=minute,other=minutes)"


@pytest.mark.parametrize(
    ("source", "output", "read", "expected"),
    [
        # an Unreal localiser's trial: the match's target, "Save often." gone (German runs
        # longer, so the output is no shorter than its line)
        ("<Bold>Warning:</> Save often. Progress is only saved at campfires.", SAVE_COPY, [SAVE_MATCH], True),
        (
            "<Bold>Warning:</> Save often! Progress is only saved at campfires and shrines.",
            "<Bold>Warnung:</> Der Fortschritt wird nur an Lagerfeuern und Schrinken gerettet.",
            [SAVE_MATCH],
            True,
        ),
        # both sentences said: kept
        (
            "<Bold>Warning:</> Save often. Progress is only saved at campfires.",
            "<Bold>Warnung:</> Oft speichern. Der Fortschritt wird nur an Lagerfeuern gespeichert.",
            [SAVE_MATCH],
            False,
        ),
        # the match read says both sentences: the line's words are the match's
        (
            "<Bold>Warning:</> Save often. Progress is only saved at campfires.",
            SAVE_COPY,
            [_match("<Bold>Warning:</> Save often. Progress is only saved at campfires.", 98.0, "A. B.")],
            False,
        ),
        # the German splitter counts "(j/N)" with its sentence, the match's source says both:
        # none lost (a dev user's knn output; by sentence: "Keine wirklichen Änderungen?")
        (
            "Save changes? (y/N) ",
            "Geben Sie Änderungen? (j/N) ",
            [_match("Really create? (y/N) ", 60.0, "Wirklich erzeugen? (j/N) ")],
            False,
        ),
        # no match read
        ("<Bold>Warning:</> Save often. Progress is only saved at campfires.", SAVE_COPY, [], False),
        # a fragment dropped, the rest copied: no sentence, but lost all the same
        (PLAYED, "{Minutes} {Minutes}|plural(one=minute,other=minutes)", [], True),
        (PLAYED, "{Minutes} Minuten gespielt", [], False),
        ("{Gold} gold", "{Gold} Gold", [], False),
        # a noun written with German's capital is a word of its own: translated, a word lost,
        # no copy (decoded again without memory, a dev user's line came out garbled)
        ("database server down in '%s'", "database-Server in '%s'", [], False),
        ("database server down in '%s'", "database server in '%s'", [], True),
    ],
)  # fmt: skip
def test_a_fused_output_that_dropped_the_words_beyond_its_match_is_spoilt(
    source, output, read, expected
):
    assert spoilt(source, output, "en", "de", fused=True, read=read) is expected
    assert not spoilt(source, output, "en", "de", fused=False, read=read)  # the model's own


OVERWRITE = "Overwrite the existing folder? (y/N)"
OVERWRITE_DE = "Vorhandene Ordner überschreiben? (j/N)"
RESTART = _match("Please restart the application.", 40.0, "Bitte starten Sie die Anwendung neu.")


def test_a_trailing_prompt_is_no_sentence_of_its_own_on_either_side():
    # English's splitter cut "(y/N)" off its question, German's kept "(j/N)" with it
    assert sentences_of(OVERWRITE, "en") == []
    assert sentence_count(OVERWRITE, "en") == sentence_count(OVERWRITE_DE, "de") == 1
    assert sentence_count("Replace the current backup? [y/N]", "en") == 1
    assert sentences_of("Save often. Progress is only saved at campfires.", "en") == [
        "Save often. ",
        "Progress is only saved at campfires.",
    ]


def test_a_prompt_s_output_that_says_its_own_words_kept_its_memory():
    # a regression trial: the memory's "Overwrite the existing file? (y/N)" read, the output
    # was translated again by sentence ("Vorhanden Sie den existierenden Ordner ...")
    file_match = _match(
        "Overwrite the existing file? (y/N)", 85.0, "Vorhandene Datei überschreiben? (j/N)"
    )
    assert not spoilt(OVERWRITE, OVERWRITE_DE, "en", "de", fused=True, read=[file_match, RESTART])
    # counted as two sentences, the output still says words none of the match's target's
    said = ["Overwrite the existing folder? ", "(y/N)"]
    assert not beyond_match(said, OVERWRITE_DE, [RESTART], "en", "de")


class _ScriptedMatches(_Scripted):
    """:class:`_Scripted`, each sentence given a match that scores 75 against it."""

    def retrieve(self, texts, user, prefer):
        return [(_match(text, 75.0),) for text in texts]


def test_a_question_whose_match_beats_the_line_s_is_translated_apart_from_its_prompt():
    # a dev user's knn-trained output, fused whole: "Aktualisieren Sie die Präferenzen ...
    # wirklich aktualisieren? (j/N)"; its question had a better match of its own
    line = "Really delete the backups of the chosen accounts? (y/N) "
    question = "Really delete the backups of the chosen accounts?"
    assert sentences_of(line, "en") == []  # counted, the prompt is part of its question
    assert sentences_of(line, "en", prompt_apart=True) == [f"{question} ", "(y/N)"]
    translator = _ScriptedMatches(
        {question: "Die Sicherungen der gewählten Konten wirklich löschen?", "(y/N)": "(j/N)"}
    )
    (done,) = translate_by_sentences(translator, _request([line]), None)
    assert translator.asked == [[question, "(y/N)"]]
    assert done.text == "Die Sicherungen der gewählten Konten wirklich löschen? (j/N) "
    assert done.by_sentence == 2 and not done.sentences_lost


def _save_request(texts):
    count = len(texts)
    found = (SAVE_MATCH,)
    return Request(list(texts), [found] * count, [None] * count, ["u1"] * count, [{}] * count)


def test_a_fused_output_that_copied_a_match_lacking_a_sentence_is_translated_by_sentence():
    line = "<Bold>Warning:</> Save often. Progress is only saved at campfires."
    translator = _Scripted(
        {
            line: SAVE_COPY,
            "<Bold>Warning:</> Save often.": "<Bold>Warnung:</> Oft speichern.",
            "Progress is only saved at campfires.": "Nur an Lagerfeuern wird gespeichert.",
        }
    )
    (done,) = translate_by_sentences(translator, _save_request([line]), None)
    assert translator.asked[1] == [
        "<Bold>Warning:</> Save often.",
        "Progress is only saved at campfires.",
    ]
    assert done.text == "<Bold>Warnung:</> Oft speichern. Nur an Lagerfeuern wird gespeichert."
    assert not done.sentences_lost


def test_a_fused_output_that_dropped_a_fragment_is_decoded_without_memory_else_flagged():
    fused = "{Minutes} {Minutes}|plural(one=minute,other=minutes)"
    plain = "Gespielt: {Minutes} {Minutes}|plural(one=Minute,other=Minuten)"
    (done,) = translate_by_sentences(
        _ScriptedWithoutMemory({PLAYED: fused}, {PLAYED: plain}), _request([PLAYED]), None
    )
    assert done.text == plain and done.method == "model" and not done.sentences_lost
    (done,) = translate_by_sentences(
        _ScriptedWithoutMemory({PLAYED: fused}, {PLAYED: fused}), _request([PLAYED]), None
    )
    assert done.text == fused and done.sentences_lost


@pytest.mark.parametrize(
    ("parts", "lost"),
    [
        (["Nicht wiederverwenden. ", "Nicht zur Injektion."], False),
        # one of two kept: qa counts them (session 75; it passed before)
        (["Nicht wiederverwenden. ", "Zur Injektion."], True),
        (["Wiederverwenden. ", "Zur Injektion."], True),
    ],
)
def test_a_line_translated_by_sentence_lost_its_negation_as_qa_reads_it_whole(parts, lost):
    line = "Do not reuse. Not for injection."
    done = [Translation(part.strip(), part, method="model") for part in parts]
    assert merged(line, (), done, "knn").negation_lost is lost

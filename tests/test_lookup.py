"""What a request looks up before decoding: each segment's memory matches, the call's terms."""

from __future__ import annotations

import pytest

from ltmt.errors import ConfigError, InputError
from ltmt.lookup import check_memory_languages, memory_matches, missing_user, term_matcher
from ltmt.memory.store import Memory
from ltmt.routing import without_model
from ltmt.segments import Match, Segment
from ltmt.terminology.terms import Term
from ltmt.text import match_score


class _Glossary:
    def __init__(self, terms):
        self._terms = terms

    def terms(self):
        return list(self._terms)


def _match(text: str) -> Match:
    return Match(Segment(len(text), "u1", text, text.upper(), 0.0, "api"), 100.0)


class RecordingMemory:
    """Answers each query with a match of its own text (``text@k``) and records what it was
    asked."""

    def __init__(self, stored_terms=()):
        self.asked = []
        self.stored_terms = list(stored_terms)

    def search_batch(self, user, texts, k=4, prefer=None):
        self.asked.append((user, list(texts), k, prefer))
        return [[_match(f"{text}@{k}")] for text in texts]

    def glossary(self, user):
        return _Glossary(self.stored_terms)


def test_blank_texts_are_not_searched_and_get_no_match():
    memory = RecordingMemory()
    found = memory_matches(memory, "u1", ["open", " ", "close"], k=20)
    assert found == [(_match("open@20"),), (), (_match("close@20"),)]
    assert memory.asked == [("u1", ["open", "close"], 20, None)]


@pytest.mark.parametrize(("has_memory", "user"), [(False, "u1"), (True, None)])
def test_without_a_memory_or_a_user_nothing_is_found(has_memory, user):
    memory = RecordingMemory() if has_memory else None
    assert memory_matches(memory, user, ["open", "close"], k=4) == [(), ()]


def test_preferences_follow_the_searched_texts_and_must_match_them_in_number():
    memory = RecordingMemory()
    memory_matches(memory, "u1", ["open", "", "close"], 4, [{"context": "a"}, {}, {"context": "c"}])
    assert memory.asked[-1][3] == [{"context": "a"}, {"context": "c"}]
    memory_matches(memory, "u1", ["open"], 4, [{}])  # no preference at all: a plain search
    assert memory.asked[-1][3] is None
    with pytest.raises(ConfigError, match="1 preferences for 2 texts"):
        memory_matches(memory, "u1", ["open", "close"], 4, [{}])


def test_later_glossaries_win_over_the_stored_one():
    memory = RecordingMemory([Term("file", "Datei"), Term("branch", "Zweig")])
    matcher = term_matcher(memory, "u1", True, [Term("File", "Akte")], [])
    assert matcher is not None
    assert [(t.source, t.target) for t in matcher.terms] == [("File", "Akte"), ("branch", "Zweig")]


def test_the_stored_glossary_is_read_only_when_asked_for_and_for_a_user():
    memory = RecordingMemory([Term("file", "Datei")])
    assert term_matcher(memory, "u1", False) is None
    assert term_matcher(memory, None, True) is None
    assert term_matcher(None, "u1", True, [Term("file", "Akte")]) is not None


PAIRS = [
    ("Save &amp; close the file.", "Speichern &amp; schließen Sie die Datei."),
    ("Press &lt;Enter&gt; to go on.", "Drücken Sie &lt;Eingabetaste&gt;."),
    ("Don&#39;t save &quot;notes&quot;", "Nicht speichern: &quot;Notizen&quot;"),
]


@pytest.fixture
def written_memory(tmp_path):
    """A memory of pairs written with references (a web app's strings, which are HTML)."""
    with Memory(tmp_path) as memory:
        memory.import_pairs("u1", PAIRS, origin="web.po")
        yield memory


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        (
            "Save & close the file.",
            "Save & close the file.",
            "Speichern & schließen Sie die Datei.",
        ),
        ("Press <Enter> to go on.", "Press <Enter> to go on.", "Drücken Sie <Eingabetaste>."),
        ('Don\'t save "notes"', 'Don\'t save "notes"', 'Nicht speichern: "Notizen"'),
        # written with references itself (a web app's PO): the pair as stored
        ("Save &amp; close the file.", PAIRS[0][0], PAIRS[0][1]),
    ],
)
def test_a_pair_stored_with_references_is_an_exact_match_in_the_texts_form(
    written_memory, text, source, target
):
    """(a web app's TSV memory, an HTML page) ``Save &amp; close`` was a fuzzy match of ``Save &
    close``, and its ``&amp;`` copied into the translation (``Speichern &amp;;``)."""
    best = memory_matches(written_memory, "u1", [text], k=3)[0][0]
    assert (best.segment.source, best.segment.target, best.score) == (source, target, 100.0)


def test_a_fuzzy_match_stored_with_references_is_read_in_the_texts_form(written_memory):
    found = memory_matches(written_memory, "u1", ["Save & close the document."], k=3)[0]
    ids = [m.segment.id for m in found]
    assert len(ids) == len(set(ids))  # (found for the text and its written form: once)
    assert found[0].segment.target == "Speichern & schließen Sie die Datei."
    assert found[0].score < 100


def test_a_text_with_markup_characters_is_searched_in_its_written_forms_too():
    memory = RecordingMemory()
    memory_matches(memory, "u1", ["Tom & Jerry's <b>show</b>", "plain"], k=2)
    assert memory.asked[-1][1] == [
        "Tom & Jerry's <b>show</b>",
        "Tom &amp; Jerry's <b>show</b>",
        "Tom &amp; Jerry&#39;s <b>show</b>",
        "plain",
    ]


class StoredMemory:
    """Answers every query with the same stored matches."""

    def __init__(self, *matches: Match):
        self.matches = list(matches)

    def search_batch(self, user, texts, k=4, prefer=None):
        return [self.matches[:k] for _ in texts]


def _stored(source: str, target: str, score: float) -> Match:
    return Match(Segment(len(source), "u1", source, target, 0.0, "acme.tmx"), score)


BATTERY = _stored(
    'Insert the battery<x id="2"/> and wait<g id="3">now</g>.',
    'Legen Sie die Batterie ein<x id="2"/> und warten Sie<g id="3">jetzt</g>.',
    96.0,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # ids numbered per file: an exact match, its target with the segment's ids
            'Insert the battery<x id="7"/> and wait<g id="8">now</g>.',
            (100.0, 'Legen Sie die Batterie ein<x id="7"/> und warten Sie<g id="8">jetzt</g>.'),
        ),
        (  # ids swapped: renumbered at once
            'Insert the battery<x id="3"/> and wait<g id="2">now</g>.',
            (100.0, 'Legen Sie die Batterie ein<x id="3"/> und warten Sie<g id="2">jetzt</g>.'),
        ),
        (  # a code of another kind at that place: not the same codes
            'Insert the battery<bx id="7"/> and wait<g id="8">now</g>.',
            (96.0, BATTERY.segment.target),
        ),
        (  # one id for two codes: not the same codes
            'Insert the battery<x id="7"/> and wait<g id="7">now</g>.',
            (96.0, BATTERY.segment.target),
        ),
        (  # other words: a fuzzy match keeps its stored ids
            'Insert the batteries<x id="7"/> and wait<g id="8">now</g>.',
            (96.0, BATTERY.segment.target),
        ),
    ],
)
def test_codes_that_differ_only_in_their_ids_make_an_exact_match(text, expected):
    [found] = memory_matches(StoredMemory(BATTERY), "u1", [text], k=4)
    assert [(m.score, m.segment.target) for m in found] == [expected]


def test_a_stored_pair_with_omegat_tags_is_an_exact_match_of_its_text():
    source = "Click <x0/> then <b0>Save</b0> and <g1>Open</g1>.<t0/>"
    target = "Klicken Sie auf <x0/>, dann <b0>Speichern</b0> und <g1>Öffnen</g1>.<t0/>"
    [found] = memory_matches(StoredMemory(_stored(source, target, 100.0)), "u1", [source], k=4)
    translation = without_model(source, tuple(found), exact_reuse=True)
    assert translation is not None
    assert (translation.method, translation.text) == ("exact", target)


def test_a_match_renumbered_to_exact_goes_before_a_better_fuzzy_one():
    better = _stored('Insert the batteries<x id="7"/> and wait<g id="8">now</g>.', "Andere.", 98.0)
    text = 'Insert the battery<x id="7"/> and wait<g id="8">now</g>.'
    [found] = memory_matches(StoredMemory(better, BATTERY), "u1", [text], k=4)
    assert [m.score for m in found] == [100.0, 98.0]
    assert found[0].segment.source == text


GDPR = (
    "The processing is based on Art. 6(1)(f) GDPR.",
    "Die Verarbeitung beruht auf Art. 6 Abs. 1 lit. f DSGVO.",
)
DELETED = (
    "1.3 The data is deleted after one year.",
    "1.3 Die Daten werden nach einem Jahr gelöscht.",
)


@pytest.fixture
def clause_memory(tmp_path):
    """A legal translator's memory: a clause stored without its number, one with it."""
    with Memory(tmp_path) as memory:
        memory.import_pairs("u1", [GDPR, DELETED], origin="contract.tmx")
        yield memory


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"1.3 {GDPR[0]}", f"1.3 {GDPR[1]}"),
        (f"(b) {GDPR[0]}", f"(b) {GDPR[1]}"),
        (f"§ 3 {GDPR[0]}", f"§ 3 {GDPR[1]}"),
        (f"a) {GDPR[0]}", f"a) {GDPR[1]}"),
        (f"- {GDPR[0]}", f"- {GDPR[1]}"),
        (f"  iv.\t{GDPR[0]}\n", f"  iv.\t{GDPR[1]}\n"),
        # stored with a marker: reused without it, or with the segment's
        ("The data is deleted after one year.", "Die Daten werden nach einem Jahr gelöscht."),
        (
            "(c) The data is deleted after one year.",
            "(c) Die Daten werden nach einem Jahr gelöscht.",
        ),
    ],
)
def test_a_match_but_for_a_leading_clause_marker_reuses_the_stored_translation(
    clause_memory, text, expected
):
    """(a legal translator's trial) ``(b) The processing is based on Art. 6(1)(f) GDPR.`` was a
    96 % match of the stored sentence, and fusion wrote ``(b) Die Verarbeitung beruht auf Art.
    6(1)(f) GDPR.``, the approved citation lost."""
    [found] = memory_matches(clause_memory, "u1", [text], k=4)
    reused = without_model(text, found, exact_reuse=True)
    assert reused is not None
    assert (reused.method, reused.text) == ("exact", expected)


@pytest.mark.parametrize(
    "text",
    [
        "(b) The processing is based on Art. 6(1)(e) GDPR.",  # other words after the marker
        "The processing is based on Art. 6(1)(f) GDPR",  # no marker: as it was
        "(b) (c) The processing is based on Art. 6(1)(f) GDPR.",  # one marker set aside, not two
    ],
)
def test_a_marker_is_set_aside_only_where_the_rest_is_a_whole_match(clause_memory, text):
    [found] = memory_matches(clause_memory, "u1", [text], k=4)
    assert without_model(text, found, exact_reuse=True) is None
    scores = [m.score for m in found]
    sources = [m.segment.source for m in found]
    assert scores == sorted(scores, reverse=True) and max(scores) < 100
    assert sources == [GDPR[0], DELETED[0]]  # each stored pair once, as stored


@pytest.mark.parametrize(
    ("stored", "text", "expected"),
    [
        (
            ("(B) THE CUSTOMER SHALL PAY.", "(B) DER KUNDE ZAHLT."),
            "(b) THE CUSTOMER SHALL PAY.",
            "(b) DER KUNDE ZAHLT.",
        ),
        (
            ("(b) The customer shall pay.", "(b) Der Kunde zahlt."),
            "(B) The customer shall pay.",
            "(B) Der Kunde zahlt.",
        ),
        (
            ("IV. The customer shall pay.", "IV. Der Kunde zahlt."),
            "iv.  The customer shall pay.",
            "iv.  Der Kunde zahlt.",
        ),
    ],
)
def test_an_exact_match_but_for_its_markers_case_carries_the_segments_marker(
    tmp_path, stored, text, expected
):
    """A case-insensitive search scores the stored ``(B) ...`` 100 for ``(b) ...``; the
    segment's clause is ``(b)``, and so is its translation's."""
    with Memory(tmp_path) as memory:
        memory.import_pairs("u1", [stored], origin="contract.tmx")
        [found] = memory_matches(memory, "u1", [text], k=4)
    assert (found[0].score, found[0].segment.source.split()[0]) == (100.0, text.split()[0])
    reused = without_model(text, found, exact_reuse=True)
    assert reused is not None and (reused.method, reused.text) == ("exact", expected)


def test_a_stored_target_without_its_sources_marker_is_not_reused(tmp_path):
    with Memory(tmp_path) as memory:
        memory.import_pairs("u1", [("(b) Keep the data.", "Daten aufbewahren.")], origin="x")
        [found] = memory_matches(memory, "u1", ["Keep the data."], k=4)
    assert [m.segment.target for m in found] == ["Daten aufbewahren."]
    assert found[0].score < 100


class _PairMemory:
    """A memory whose users' recorded language pairs are given."""

    def __init__(self, pairs):
        self.pairs = pairs

    def languages(self, user):
        return self.pairs.get(user)


@pytest.mark.parametrize(
    ("held", "pair"),
    [
        (None, ("en", "de")),  # a memory that names no pair is not judged
        (("en", "de"), ("en", "de")),
        (("en-US", "de-AT"), ("en", "de")),  # regions do not make another pair
        (("eng", "deu"), ("en", "de-CH")),
        (("en", "fr"), ("en", None)),  # a model that records no target: the source alone
    ],
)
def test_a_memory_of_the_translations_pair_is_used(held, pair):
    check_memory_languages(_PairMemory({"u1": held}), "u1", pair)


def test_a_memory_of_another_pair_is_refused_naming_both_pairs():
    memory = _PairMemory({"c1": ("en", "fr")})
    with pytest.raises(
        InputError,
        match=r"^c1's memory holds en → fr pairs, but this translation is en → de: translate "
        r"with a model of en → fr \(--model, --tgt-lang fr\), or import the en → de pairs into "
        r"another user",
    ):
        check_memory_languages(memory, "c1", ("en", "de"))


@pytest.mark.parametrize("memory", [None, RecordingMemory(), _PairMemory({})])
def test_without_a_recorded_pair_nothing_is_checked(memory):
    check_memory_languages(memory, "u1", ("en", "de"))


def test_a_misspelt_user_is_translated_without_memory_or_its_stored_glossary(tmp_path):
    """A glossary is stored under its user, so a misspelt ``--user`` finds none: the warning
    says so rather than only ``without memory``."""
    with Memory(tmp_path) as memory:
        memory.glossary("brand").add_terms([Term("Pro", "Pro")])
        assert term_matcher(memory, "brand", True) is not None
        assert term_matcher(memory, "brnad", True) is None
        assert missing_user(memory, "brnad") == (
            f"no user 'brnad' in memory store {tmp_path} (1 user); did you mean brand? "
            "translating without memory or stored glossary"
        )


DUE = ("You have %d tasks due today.", "Heute sind %d Aufgaben fällig.")
COUNT = '<xliff:g id="count" example="3">%d</xliff:g>'


@pytest.fixture
def migrated_memory(tmp_path):
    """A memory imported from PO or TMX: its pairs' placeholders have no Android wrapper."""
    with Memory(tmp_path) as memory:
        memory.import_pairs(
            "u1",
            [
                DUE,
                ("%1$s of %2$s", "%2$s von %1$s"),
                ("Deleted %s items", "Elemente gelöscht"),  # the stored target lost its %s
            ],
            origin="app.po",
        )
        yield memory


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"You have {COUNT} tasks due today.", f"Heute sind {COUNT} Aufgaben fällig."),
        (  # each wrapper goes around its own placeholder, in the German's order
            '<xliff:g id="a">%1$s</xliff:g> of <xliff:g id="b">%2$s</xliff:g>',
            '<xliff:g id="b">%2$s</xliff:g> von <xliff:g id="a">%1$s</xliff:g>',
        ),
        (
            'You have <g id="4">%d</g> tasks due today.',
            'Heute sind <g id="4">%d</g> Aufgaben fällig.',
        ),
        (
            'You have <x id="1" equiv-text="%d"/> tasks due today.',
            'Heute sind <x id="1" equiv-text="%d"/> Aufgaben fällig.',
        ),
    ],
)
def test_a_pair_but_for_the_codes_wrapping_its_placeholders_is_reused_with_them(
    migrated_memory, text, expected
):
    """(an Android CI trial) ``You have <xliff:g ...>%d</xliff:g> tasks due today.`` scored 57.1
    against the stored ``You have %d tasks due today.``, and the model wrote ``Sie haben ...
    Aufgaben wegen heute.``"""
    [found] = memory_matches(migrated_memory, "u1", [text], k=4)
    assert found[0].score == 100.0
    reused = without_model(text, found, exact_reuse=True)
    assert reused is not None
    assert (reused.method, reused.text) == ("exact", expected)


@pytest.mark.parametrize(
    "text",
    [
        f"You have {COUNT} tasks due now.",  # other words
        'You have <xliff:g id="count">%s</xliff:g> tasks due today.',  # another placeholder
        f"You have {COUNT} tasks due today, {COUNT} late.",  # two %d: which is whose
        'Deleted <xliff:g id="n">%s</xliff:g> items',  # the stored target lacks the %s
    ],
)
def test_a_wrapped_text_is_no_exact_match_of_a_pair_whose_placeholders_differ(
    migrated_memory, text
):
    [found] = memory_matches(migrated_memory, "u1", [text], k=4)
    assert all(m.score < 100 for m in found)
    assert without_model(text, found, exact_reuse=True) is None
    assert len({m.segment.id for m in found}) == len(found)  # each stored pair once


def test_a_wrapped_text_is_searched_bare_too_and_a_plain_one_as_it_is():
    memory = RecordingMemory()
    wrapped = f"You have {COUNT} tasks."
    found = memory_matches(memory, "u1", [wrapped, "You have %d tasks."], k=20)
    assert memory.asked[-1][1] == [wrapped, "You have %d tasks.", "You have %d tasks."]
    # the bare text's own match (``...@20``) is no exact match of it: left out
    assert found == [(_match(f"{wrapped}@20"),), (_match("You have %d tasks.@20"),)]


_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="{tool}" segtype="sentence" adminlang="en-GB"
srclang="en-GB" datatype="xml" o-tmf="x"/><body>
{units}
</body></tmx>
"""
_TU = (
    '<tu><tuv xml:lang="en-GB"><seg>{0}</seg></tuv><tuv xml:lang="de-DE"><seg>{1}</seg></tuv></tu>'
)
# SDL Trados Studio writes its codes empty; memoQ's hold the native code they stand for
_TRADOS = [
    ('See section 4.4<ph x="2" type="footnote"/>.', 'Siehe Abschnitt 4.4<ph x="2"/>.'),
    (
        'Do not take <bpt i="1" type="1" x="1"/>Xarelto<ept i="1"/> if you are pregnant.',
        'Nehmen Sie <bpt i="1" x="1"/>Xarelto<ept i="1"/> nicht ein, wenn Sie schwanger sind.',
    ),
]
_MEMOQ = [
    (
        'Store <bpt i="1">&lt;b&gt;</bpt>below 25 °C<ept i="1">&lt;/b&gt;</ept>.',
        'Nicht <bpt i="1">&lt;b&gt;</bpt>über 25 °C<ept i="1">&lt;/b&gt;</ept> lagern.',
    ),
    (
        "Keep out of the reach of children.<ph>&lt;br/&gt;</ph>",
        "Für Kinder unzugänglich aufbewahren.<ph>&lt;br/&gt;</ph>",
    ),
]
# near sentences of the memory's own, which scored above the tagged pair of the same words
_SIBLINGS = [(f"See section 4.{n}.", f"Siehe Abschnitt 4.{n}.") for n in (1, 2, 3, 5, 6, 7, 8)]


@pytest.fixture
def tagged_memory(tmp_path):
    """A memory of a Trados and a memoQ TMX (inline codes), XLIFF-coded pairs and near
    sentences without tags."""
    for name, tool, pairs in (("trados", "SDL", _TRADOS), ("memoq", "memoQ", _MEMOQ)):
        units = "\n".join(_TU.format(*pair) for pair in pairs)
        (tmp_path / f"{name}.tmx").write_text(_TMX.format(tool=tool, units=units), "utf-8")
    with Memory(tmp_path / "store") as memory:
        memory.import_pairs("u1", _SIBLINGS, origin="siblings.tsv")
        memory.import_file("u1", tmp_path / "trados.tmx")
        memory.import_file("u1", tmp_path / "memoq.tmx")
        memory.import_pairs(
            "u1",
            [
                (
                    'Press <g id="3">Save</g> to<x id="4"/> go on.',
                    'Drücken Sie <g id="3">Speichern</g>.',
                )
            ],
            origin="app.xlf",
        )
        yield memory


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # (pharma trial, s76) scored 74.4 and 85.1, the approved wording not reused
        ("See section 4.4.", "Siehe Abschnitt 4.4."),
        (
            "Do not take Xarelto if you are pregnant.",
            "Nehmen Sie Xarelto nicht ein, wenn Sie schwanger sind.",
        ),
        ("Store below 25 °C.", "Nicht über 25 °C lagern."),
        ("Keep out of the reach of children.", "Für Kinder unzugänglich aufbewahren."),
        ("Press Save to go on.", "Drücken Sie Speichern."),
    ],
)
def test_a_plain_segment_reuses_a_tagged_pair_of_its_words_without_the_tags(
    tagged_memory, text, target
):
    [found] = memory_matches(tagged_memory, "u1", [text], k=2)
    assert (found[0].segment.source, found[0].score) == (text, 100.0)
    reused = without_model(text, found, exact_reuse=True)
    assert reused is not None
    assert (reused.method, reused.text) == ("exact", target)


def test_a_segment_with_codes_reuses_the_pair_with_its_codes(tagged_memory):
    text = 'See section 4.4<x id="9"/>.'
    [found] = memory_matches(tagged_memory, "u1", [text], k=2)
    assert found[0].score == 100.0
    assert found[0].segment.target == 'Siehe Abschnitt 4.4<x id="9"/>.'


def test_a_near_plain_segment_is_scored_on_the_tagged_pairs_words(tagged_memory):
    text = "Do not take Xarelto if you are ill."
    [found] = memory_matches(tagged_memory, "u1", [text], k=2)
    source = "Do not take Xarelto if you are pregnant."
    assert found[0].segment.source == source
    assert found[0].segment.target == "Nehmen Sie Xarelto nicht ein, wenn Sie schwanger sind."
    assert found[0].score == match_score(text, source)
    assert found[0].score > match_score(
        text, 'Do not take <g id="1">Xarelto</g> if you are pregnant.'
    )


STATE, VERB = "FileView\nadjective: file state", "FileView\nverb: button"


@pytest.mark.parametrize(
    ("stored", "context", "expected"),
    [
        # moved to another class: the same comment's translation first, exact
        ((STATE, VERB), "TabBar\nadjective: file state", [("Geöffnet", 100.0), ("Öffnen", 99.0)]),
        ((STATE, VERB), "TabBar\nverb: button", [("Öffnen", 100.0), ("Geöffnet", 99.0)]),
        # only the other sense stored: a near match, not an exact one
        ((VERB,), "TabBar\nadjective: file state", [("Öffnen", 99.0)]),
        # a message without a comment, or one of a class alone: exact as before
        ((VERB,), "TabBar", [("Öffnen", 100.0)]),
        (("FileView",), "TabBar\nadjective: file state", [("Öffnen", 100.0)]),
    ],
)
def test_a_qt_disambiguation_comment_picks_the_sense_of_an_exact_match(
    tmp_path, stored, context, expected
):
    """Qt trial s76 (6): ``Open`` (comment ``adjective: file state``) in a new class got the
    verb's ``Öffnen`` as a 100 % exact match."""
    targets = {STATE: "Geöffnet", VERB: "Öffnen", "FileView": "Öffnen"}
    with Memory(tmp_path) as memory:
        for stored_context in stored:
            memory.add("u1", "Open", targets[stored_context], metadata={"context": stored_context})
        [found] = memory_matches(memory, "u1", ["Open"], k=4, prefer=[{"context": context}])
    assert [(m.target, m.score) for m in found] == expected

"""The Translator: order, empty lines, exact-match reuse, line structure, truncation, learning."""

from __future__ import annotations

import logging
import re
import shutil
import threading
import time
from dataclasses import replace

import pytest

from ltmt.errors import ClosedError, ConfigError, InputError
from ltmt.label_lexicon import LabelLexicon
from ltmt.model.backbone import load_backbone
from ltmt.segments import Match, Segment
from ltmt.stage_directions import as_direction
from ltmt.terminology.terms import Term
from ltmt.translator import DecodedUnits, Translator


@pytest.fixture(scope="module")
def backbone(tiny_model_dir):
    return load_backbone(tiny_model_dir)


@pytest.fixture(scope="module")
def any_pair_backbone(any_pair_model_dir):
    """The tiny model without its recorded en→de pair, loaded."""
    return load_backbone(any_pair_model_dir)


class FakeMemory:
    """The slice of the Memory API the Translator uses, over a fixed list of pairs."""

    def __init__(self, pairs):
        self.pairs = list(pairs)

    def search_batch(self, user, texts, k=4):
        results = []
        for text in texts:
            found = [
                Match(Segment(i, user, s, t, 0.0, "test"), 100.0 if s == text else 60.0)
                for i, (s, t) in enumerate(self.pairs)
                if s == text or s.split()[0] == text.split()[0]
            ]
            results.append(sorted(found, key=lambda m: -m.score)[:k])
        return results

    def users(self):
        return ["u1"]

    def count(self, user):
        return len(self.pairs)

    def segments(self, user):
        return iter(Segment(i, user, s, t, 0.0, "test") for i, (s, t) in enumerate(self.pairs))

    def import_pairs(self, user, pairs, *, origin="import", warn_new_user=True):
        added = [p for p in pairs if p not in self.pairs]
        self.pairs.extend(added)
        return len(added)


def test_one_translation_per_input_in_order_and_empty_stays_empty(backbone):
    translator = Translator(backbone, beam=1, batch_size=2)
    texts = ["open the file", "", "the cat sat on the mat", "   ", "hello world"]
    results = translator.translate(texts)
    assert [r.source for r in results] == texts
    assert [r.text for r in results][1] == ""
    assert results[3].text == "" and results[3].method == "empty"
    assert all(r.method == "model" for i, r in enumerate(results) if i not in (1, 3))
    alone = [translator.translate([t])[0].text for t in texts]
    assert [r.text for r in results] == alone


def test_exact_match_is_reused_without_the_model(backbone):
    memory = FakeMemory([("open the file", "Datei öffnen"), ("open the door", "Tür öffnen")])
    translator = Translator(backbone, memory, beam=1)
    [exact, fuzzy] = translator.translate(["open the file", "open the window"], user="u1")
    assert (exact.text, exact.method) == ("Datei öffnen", "exact")
    assert exact.matches[0].score == 100
    assert fuzzy.method == "model"
    assert fuzzy.matches and fuzzy.matches[0].score < 100


def test_every_call_on_a_closed_translator_is_refused_and_closing_again_does_nothing(backbone):
    """A closed translator translated on (exact matches too) and started its worker processes
    again; now each call says it is closed, and the ``with`` block closes."""
    with Translator(backbone, FakeMemory([("Open the file", "Datei öffnen")])) as translator:
        assert translator.translate(["Open the file"], user="u1")[0].text == "Datei öffnen"
    message = r"^this translator is closed; make a new Translator$"
    calls = [
        lambda: translator.translate(["Open the file"], user="u1"),
        lambda: translator.translate_for_users([("u1", ["Open the file"])]),
        lambda: translator.learn("u1", ["Save"], ["Speichern"]),
        lambda: translator.retrieve(["Open the file"], "u1"),
        lambda: translator.encode(["Open the file"]),
        lambda: translator.source_tokens("Open the file"),
    ]
    for call in calls:
        with pytest.raises(ClosedError, match=message):
            call()
    translator.close()  # twice: harmless


def test_a_translator_says_its_model_fusion_memory_and_language(backbone, tmp_path):
    # session 70: repr(Translator(...)) was the default <ltmt.translator.Translator object at ...>
    from ltmt.memory.store import Memory

    with Memory(tmp_path / "store") as memory:
        translator = Translator(backbone, memory)
        assert repr(translator) == (
            f"Translator({str(backbone.path)!r}, fusion='none', "
            f"memory=Memory({str(memory.path)!r}, case_sensitive=False), target_language='de')"
        )
    translator.close()
    assert repr(translator).endswith(", closed)")


def test_exact_reuse_can_be_switched_off(backbone):
    memory = FakeMemory([("open the file", "Datei öffnen")])
    translator = Translator(backbone, memory, beam=1, exact_reuse=False)
    [result] = translator.translate(["open the file"], user="u1")
    assert result.method == "model"
    assert result.text == Translator(backbone, beam=1).translate(["open the file"])[0].text


def test_multiline_segment_keeps_newlines_and_edges(backbone):
    translator = Translator(backbone, beam=1)
    [result] = translator.translate(["\nopen the file\n\n  hello world "])
    lines = result.text.split("\n")
    assert len(lines) == 4 and lines[0] == "" and lines[2] == ""
    assert lines[3].startswith("  ") and lines[3].endswith(" ")


def test_a_clause_number_that_opens_a_line_is_kept_as_written(backbone):
    """The model wrote ``2.3 Late payments ...`` as ``2,3 Late Zahlungen ...``: the clause's
    number is set aside and put back byte for byte, a line below it's too."""
    translator = Translator(backbone, beam=1)
    results = translator.translate(
        ["2.3 Late payments shall bear interest.", "Fees\n10.1. The fee"]
    )
    assert results[0].text.startswith("2.3 ")
    assert results[1].text.split("\n")[1].startswith("10.1. ")


@pytest.mark.parametrize(
    "separator",
    ["\n", "\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"],
)
def test_each_line_separator_splitlines_knows_is_kept_between_lines_translated_apart(
    backbone, separator
):
    translator = Translator(backbone, beam=1)
    [result] = translator.translate([f"open the file{separator}hello world"])
    first, second = (t.text for t in translator.translate(["open the file", "hello world"]))
    assert (result.text, result.pieces) == (first + separator + second, 2)


def test_columns_are_translated_apart_and_code_is_kept(backbone):
    translator = Translator(backbone, beam=1)
    [columns, code] = translator.translate(["--log <file>\t\topen the file", "#\t--help\n"])
    [alone] = translator.translate(["open the file"])
    assert columns.text == "--log <file>\t\t" + alone.text
    assert columns.pieces == 1
    assert (code.text, code.pieces) == ("#\t--help\n", 0)


@pytest.mark.parametrize(
    "template",
    [
        "{%% if contact.firstname %%}%s{%% else %%}%s{%% endif %%}",
        "{{#if premium}}%s{{else}}%s{{/if}}",
        "*|IF:FNAME|*%s*|ELSE:|*%s*|END:IF|*",
    ],
)
def test_a_template_conditions_branches_are_translated_apart(backbone, template):
    """Trial s74: a HubL condition went to the model whole, and its branches' first words and
    the fallback greeting stayed English; now each branch is a piece, as Mailchimp's are."""
    translator = Translator(backbone, beam=1)
    [result] = translator.translate([template % ("open the file", "hello world")])
    first, second = (t.text for t in translator.translate(["open the file", "hello world"]))
    assert (result.text, result.pieces) == (template % (first, second), 2)


def test_a_template_comment_and_a_preheaders_padding_are_kept_as_written(backbone):
    """Trial s74: ``{# note #}`` was translated (its ``{#`` written ``{#-``), and a preheader's
    padding that ended in a combining grapheme joiner (``&#847;``) was moved and spaced."""
    translator = Translator(backbone, beam=1)
    padding = "\u00a0&zwnj;\u00a0&zwnj;\u034f\u034f"
    comment, padded = translator.translate(
        ["{# Internal note: keep the greeting short #}", "hello world" + padding]
    )
    [alone] = translator.translate(["hello world"])
    assert (comment.text, comment.pieces) == ("{# Internal note: keep the greeting short #}", 0)
    assert padded.text == alone.text + padding


def _copying(translator):
    """The translator with a model that copies each piece it is given: what comes out is
    exactly what went in, so splitting and joining lose nothing."""
    translator._translate_units = lambda units, matches, progress, matchers: DecodedUnits(
        [unit.text for unit in units], {}, set(), set(), set(), set(), [False] * len(units)
    )
    return translator


def test_a_2000_word_segment_comes_back_complete(backbone, caplog):
    sentences = ["The cat sat on the mat.", "Open the file!", "Show all commits?", "Hello world."]
    text = " ".join(sentences[i % 4] for i in range(2000 // 3))
    assert len(text.split()) >= 2000
    translator = _copying(Translator(backbone, beam=1))
    with caplog.at_level(logging.WARNING, logger="ltmt.translator"):
        [result] = translator.translate([text])
    assert result.text == text
    assert result.pieces == 2000 // 3 and not result.cut
    assert "truncated" not in caplog.text


def test_a_sentence_over_the_limit_is_cut_between_words_and_reported(backbone, caplog):
    text = " ".join(["open the file"] * 20)
    translator = _copying(Translator(backbone, beam=1, max_source_tokens=8))
    with caplog.at_level(logging.WARNING, logger="ltmt.translator"):
        [result] = translator.translate([text, "hello world"])[:1]
    assert result.text == text and result.cut and result.pieces > 5
    assert "truncated" not in caplog.text


def test_an_output_stopped_at_the_length_limit_is_unfinished_and_cut(backbone, caplog):
    """The tiny random model never ends a sentence: every output runs to the decoder's limit
    (here 3 tokens), as the default model's loop on git's ``git tag`` usage line did. The
    caller names it (it knows where it is: a file's line, tests/formats/test_pipeline.py)."""
    translator = Translator(backbone, beam=1, seam_repair=False)
    translator.decode_config = replace(translator.decode_config, max_len_a=0.0, max_len_b=3)
    with caplog.at_level(logging.WARNING, logger="ltmt.translator"):
        stopped, blank = translator.translate(["open the file", ""])
    assert stopped.unfinished and stopped.cut and stopped.pieces == 1
    assert not blank.unfinished and not blank.cut
    assert not any("length limit" in message for message in caplog.messages)


def test_a_user_the_memory_does_not_hold_is_warned_about_once(backbone, caplog):
    memory = FakeMemory([("hello world", "Hallo Welt")])
    translator = Translator(backbone, memory, beam=1)
    with caplog.at_level(logging.WARNING, logger="ltmt.translator"):
        translator.translate(["hello world"], user="u1x")
        translator.translate(["hello world"], user="u1x")
        translator.translate_for_users([("u1", ["hello world"]), ("nobody", ["hello world"])])
    warnings = [r.getMessage() for r in caplog.records if "no user" in r.getMessage()]
    assert warnings == [
        "no user 'u1x' in the memory (1 user); did you mean u1? translating without memory or "
        "stored glossary",
        "no user 'nobody' in the memory (1 user); translating without memory or stored glossary",
    ]


@pytest.mark.parametrize("language", ["fr", "de"])
def test_a_source_language_the_model_does_not_translate_is_refused(backbone, language):
    with pytest.raises(
        InputError,
        match=rf"^source_language {language}: model .* translates en→de only; give a model "
        rf"for {language}→de as Translator\(model=...\)$",
    ):
        Translator(backbone, source_language=language)


def test_a_source_language_that_is_no_language_code_is_refused(backbone):
    with pytest.raises(
        InputError, match=r"^source_language english: not a language code; give a BCP 47 tag"
    ):
        Translator(backbone, source_language="english")


def test_the_source_language_is_the_models_unless_given(backbone):
    assert Translator(backbone).source_language == "en"
    assert Translator(backbone, source_language="en-GB").source_language == "en-GB"


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_target_language_the_model_does_not_write_is_refused(backbone, language):
    """``Translator(target_language="fr")`` gave German, its ``target_language`` ``de``."""
    with pytest.raises(
        InputError,
        match=rf"^target_language {language}: model .* translates en→de only; give a model "
        rf"for en→{language} as Translator\(model=...\)$",
    ):
        Translator(backbone, target_language=language)


def test_a_target_language_that_is_no_language_code_is_refused(backbone):
    with pytest.raises(
        InputError, match=r"^target_language xx-!!: not a language code; give a BCP 47 tag"
    ):
        Translator(backbone, target_language="xx-!!")


@pytest.mark.parametrize(
    ("given", "written"), [("DE", "de"), ("de_CH", "de-CH"), ("de-ch", "de-CH"), (None, "de")]
)
def test_a_target_language_is_written_as_bcp_47_writes_it(backbone, given, written):
    """``"DE"`` was kept as ``DE`` in every Translation's ``target_language``."""
    translator = Translator(backbone, target_language=given, beam=1)
    assert translator.written_language == written
    assert translator.translate(["hello world"])[0].target_language == written


def test_more_workers_than_the_threads_given_are_refused(backbone):
    with pytest.raises(ConfigError, match=r"^workers 99 is more than threads 2: .*at most 2"):
        Translator(backbone, workers=99, threads=2)


def test_encode_and_decode_are_the_models_side_of_a_translation(backbone, caplog):
    """The public steps the glossary's decoding (ltmt.terminology) builds on."""
    # the repairs after decoding left out: the random model says words twice
    translator = Translator(backbone, beam=1, max_source_tokens=6, seam_repair=False)
    text = "open the file"
    assert translator.source_tokens(text) == translator.count_words(text) + 1
    with caplog.at_level(logging.WARNING, logger="ltmt.translator"):
        short, long = translator.encode([text, " ".join([text] * 5)], segments=[0, 6])
    assert short[-1] == long[-1] == backbone.eos_id and len(long) == 6
    assert "segment 7 has" in caplog.text and "truncated to 6" in caplog.text
    assert translator.decode([short]) == [t.text for t in translator.translate([text])]


def test_the_glossary_decoding_uses_no_private_part_of_the_translator():
    import ast
    from pathlib import Path

    import ltmt.terminology

    for path in Path(ltmt.terminology.__file__).parent.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        private = [
            node.attr
            for node in ast.walk(tree)
            if isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Attribute)
            and node.value.attr == "translator"
            and node.attr.startswith("_")
        ]
        assert private == [], f"{path.name} uses Translator.{private[0]}"


def test_source_limit_follows_the_model_positions(backbone):
    positions = backbone.model.config.max_position_embeddings
    translator = Translator(backbone, beam=1, max_source_tokens=10_000)
    assert translator.max_source_tokens == positions
    assert translator.decode_config.max_len < positions
    assert translator.split_tokens == translator.decode_config.max_len // 2
    [result] = translator.translate([" ".join(["open the file"] * 80)])
    assert result.method == "model" and result.cut


def test_progress_counts_every_segment(backbone):
    seen = []
    memory = FakeMemory([("hello world", "Hallo Welt")])
    Translator(backbone, memory, beam=1, batch_size=2).translate(
        ["hello world", "a\nb", "open the file", ""], user="u1", progress=seen.append
    )
    assert sum(seen) == 4


def test_learn_adds_pairs_and_counts_those_with_a_blank_side_as_an_import_does(backbone, tmp_path):
    """A pair with one side blank vanished from learn's report (read=0, skipped={}), where
    Memory.import_pairs counts it; a pair blank on both sides (a blank line) is no pair."""
    from ltmt import Memory

    with Memory(tmp_path) as memory:
        translator = Translator(backbone, memory, beam=1)
        report = translator.learn(
            "u1",
            ["hello world", "Empty target 2", "   ", "", "x"],
            ["Hallo Welt", "", "Leer", " ", "y"],
        )
        assert (report.read, report.added, report.duplicates) == (4, 2, 0)
        assert dict(report.skipped) == {"empty source": 1, "empty target": 1}
        assert report.examples == ("#2: empty target", "#3: empty source")
        assert [(s.source, s.target) for s in memory.segments("u1")] == [
            ("hello world", "Hallo Welt"),
            ("x", "y"),
        ]
        [result] = translator.translate(["hello world"], user="u1")
    assert (result.text, result.method) == ("Hallo Welt", "exact")


def test_learn_refuses_targets_shifted_against_their_sources_and_stores_nothing(backbone, tmp_path):
    """Trial s76: a reviewer's file one line off was learnt, and its translations reused as
    100 % matches of the wrong sources."""
    from ltmt import Memory

    sources = ["Take no more than 3 tablets in 24 hours.", "Store below 25 °C.", "Take 1 tablet."]
    targets = ["Nicht über 25 °C lagern.", "Nehmen Sie 1 Tablette.", "Höchstens 3 in 24 Stunden."]
    message = (
        r"^the targets read shifted against their sources: pair #1's target has the numbers of "
        r"pair #2's source \(pairs #1, #2\); nothing learned: give each source's translation at "
        r"its place and learn them again$"
    )
    with Memory(tmp_path) as memory:
        translator = Translator(backbone, memory, beam=1)
        with pytest.raises(InputError, match=message):
            translator.learn("u1", sources, targets)
        assert memory.users() == []
        report = translator.learn("u1", sources, targets[2:] + targets[:2])
        assert report.added == 3


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"batch_size": 0}, "batch_size must be >= 1, got 0"),
        ({"top_k": 0}, "top_k must be >= 1, got 0"),
        (
            {"fusion": "magic"},
            "unknown fusion method 'magic'; choose one of none, knn, attention, knn-trained, auto",
        ),
        ({"beam": 0}, r"beam must be an integer >= 1, got 0"),
        # a wrong kind failed at the first translation, deep inside
        ({"beam": 2.5}, r"beam must be an integer >= 1, got 2.5"),
        ({"beam": "4"}, r"beam must be an integer >= 1, got '4'"),
        ({"beam": True}, r"beam must be an integer >= 1, got True"),
        (
            {"memory": "store/"},
            r"memory must be an ltmt.Memory, not a path: pass memory=Memory\('store/'\)",
        ),
        ({"glossary": [("git", "Git")]}, r"glossary: item 1 is a tuple, not an ltmt.Term: e.g."),
        ({"glossary": {"git": "Git"}}, r"glossary must be a list of ltmt.Term, not a dict"),
        # a flag of another type read as true ("no" among them)
        ({"copy_guard": "no"}, r"^copy_guard must be True or False, got 'no'$"),
        ({"exact_reuse": 0}, r"^exact_reuse must be True or False, got 0$"),
        ({"fusion_int8": "yes"}, r"^fusion_int8 must be True, False or None, got 'yes'$"),
        # a bias towards a term: a negative one steers away from it, an infinite one breaks
        ({"term_bias": -5}, r"^term_bias must be a finite number of nats >= 0 .*, got -5$"),
        ({"term_bias": float("inf")}, r"^term_bias must be a finite number .*, got inf$"),
        ({"term_bias": "2"}, r"^term_bias must be a finite number .*, got '2'$"),
    ],
)
def test_bad_settings_are_clear_errors(backbone, kwargs, message):
    with pytest.raises(ConfigError, match=message):
        Translator(backbone, **kwargs)


def test_bad_call_arguments_are_input_errors_naming_them(backbone):
    translator = Translator(backbone, beam=1, memory=FakeMemory([]))
    cases = [
        (
            {"glossary": Term("git", "Git")},
            r"^glossary must be a list of terms, not one Term: pass",
        ),
        ({"progress": 5}, r"^progress must be a function called with a count of segments done"),
        ({"prefer": ["menu"]}, r"^prefer: item 1 is a str, not a mapping such as"),
        ({"prefer": [{}, {}]}, r"^prefer has 2 mappings for 1 texts: give one per text$"),
        ({"fit": "no"}, r"^fit must be True or False, got 'no'$"),
    ]
    for kwargs, message in cases:
        with pytest.raises(InputError, match=message):
            translator.translate(["open the file"], "u1", **kwargs)
    with pytest.raises(InputError, match=r"^texts must be a list of strings, not bytes"):
        translator.translate(b"open the file")  # type: ignore[arg-type]
    with pytest.raises(InputError, match=r"^requests: item 1 is 'a', not a \(user, texts\)"):
        translator.translate_for_users(["a", "b"])  # type: ignore[list-item]
    with pytest.raises(InputError, match=r"^requests: item 1's prefer has 1 mappings for 2"):
        translator.translate_for_users([("u1", ["a", "b"], [{}])])
    with pytest.raises(InputError, match=r"^fit must be True or False, got 1$"):
        translator.translate_for_users([("u1", ["a"])], fit=1)  # type: ignore[arg-type]
    # without a memory, prefer is checked too (it was ignored)
    with pytest.raises(InputError, match=r"^prefer has 1 mappings for 2 texts"):
        Translator(backbone, beam=1).translate(["a", "b"], prefer=[{}])


@pytest.mark.parametrize("term_bias", [None, 0, 0.5, 20])
def test_a_term_bias_of_zero_or_more_is_taken(backbone, term_bias):
    assert Translator(backbone, beam=1, term_bias=term_bias).term_bias == term_bias


def test_a_fusion_without_a_memory_warns_once_that_the_model_translates_alone(backbone, caplog):
    translator = Translator(backbone, beam=1, fusion="knn")
    with caplog.at_level(logging.WARNING, logger="ltmt.translator"):
        [first] = translator.translate(["open the file"])
        translator.translate_for_users([(None, ["open the file"])])
    warned = [r.getMessage() for r in caplog.records if r.name == "ltmt.translator"]
    assert warned == [
        "fusion knn reads a translation memory, and this translator has none: translating "
        "with the model alone; pass memory=Memory() (or fusion='none')"
    ]
    assert first.method == "model"


@pytest.mark.parametrize("fusion", ["none", "knn"])
def test_an_invalid_user_id_is_refused_before_any_user_is_warned_of(backbone, caplog, fusion):
    """translate_for_users with knn logged "no user 'bad user!' in ... translating without
    memory", then raised the InputError; a valid id the memory lacks was warned of first too."""
    translator = Translator(backbone, FakeMemory([]), beam=1, fusion=fusion)
    invalid = re.escape(
        "invalid user id 'bad user!': use 1-64 characters from A-Z, a-z, 0-9, '.', '_', '-'"
    )
    with caplog.at_level(logging.WARNING, logger="ltmt"):
        with pytest.raises(InputError, match=f"^{invalid}$"):
            translator.translate_for_users([("nobody", ["a"]), ("bad user!", ["a"])])
        with pytest.raises(InputError, match=f"^{invalid}$"):
            translator.translate(["a"], user="bad user!")
    assert caplog.messages == []


def test_a_user_given_to_a_translator_without_memory_is_warned_about_once(backbone, caplog):
    """translate(["Add to cart"], user="acme") without a memory ignored user= silently."""
    translator = Translator(backbone, beam=1)
    quiet = Translator(backbone, beam=1, warn_unknown_user=False)  # ltmt translate, the server
    with caplog.at_level(logging.WARNING, logger="ltmt"):
        translator.translate(["add to cart"])
        translator.translate(["add to cart"], user="acme")
        translator.translate(["add to cart"], user="globex")
        translator.translate_for_users([("acme", ["add to cart"])])
        quiet.translate(["add to cart"], user="acme")
    assert caplog.messages == [
        "user 'acme' was given, but this translator has no memory: translating without its "
        "memory or stored glossary; pass Translator(memory=Memory(...))"
    ]


@pytest.mark.parametrize(
    ("fusion", "memory"), [("auto", None), ("none", None), ("knn", FakeMemory([]))]
)
def test_a_fusion_that_fits_what_is_given_is_quiet(backbone, caplog, fusion, memory):
    with caplog.at_level(logging.WARNING, logger="ltmt.translator"):
        Translator(backbone, memory, beam=1, fusion=fusion).translate(["open the file"])
    assert [r for r in caplog.records if r.name == "ltmt.translator"] == []


def test_learning_into_a_new_user_close_to_another_warns_unless_the_caller_says_it(
    backbone, tmp_path, caplog
):
    """learn("acmme") beside acme made a new user without a word; the command line (and the
    server, whose keys make its users) turn it off as they turn off the unknown-user one."""
    from ltmt import Memory

    with Memory(tmp_path) as memory:
        memory.add("acme", "hello world", "Hallo Welt")
        with caplog.at_level(logging.WARNING, logger="ltmt"):
            Translator(backbone, memory, beam=1).learn("acmme", ["open"], ["öffnen"])
            quiet = Translator(backbone, memory, beam=1, warn_unknown_user=False)
            quiet.learn("acne", ["open"], ["öffnen"])
    assert [r.getMessage() for r in caplog.records] == [
        "did you mean acme? (a new user acmme was created; Memory.delete_user('acmme') undoes it)"
    ]


def test_learning_without_memory_is_an_error(backbone):
    with pytest.raises(ConfigError, match="no memory to learn into: pass memory=Memory"):
        Translator(backbone, beam=1).learn("u1", ["a"], ["b"])


def test_a_text_with_half_a_character_is_an_input_error_that_names_it(backbone):
    translator = Translator(backbone, beam=1)
    message = r"^text 2 holds \\udc00, half of a UTF-16 surrogate pair with no other half; "
    with pytest.raises(InputError, match=message):
        translator.translate(["open the file", "smile \udc00\ud83d"])
    with pytest.raises(InputError, match=message):
        translator.translate_for_users([("u1", ["open the file", "x\udc00"])])
    # a pair of halves in order is a character
    assert translator.translate(["smile \ud83d\ude00"])[0].text


def test_one_string_for_a_list_or_an_item_of_another_type_is_an_input_error(backbone):
    """A string is a sequence of strings: ``translate("Open")`` read its letters as texts, and
    ``learn`` stored one-letter pairs."""
    memory = FakeMemory([])
    translator = Translator(backbone, beam=1, memory=memory)
    with pytest.raises(InputError, match=r"^texts must be a list of strings, not one string: "):
        translator.translate("open the file")  # type: ignore[arg-type]
    with pytest.raises(InputError, match=r"^texts: item 2 is NoneType, not a string$"):
        translator.translate(["open", None])  # type: ignore[list-item]
    with pytest.raises(InputError, match=r"^sources must be a list of strings, not one string"):
        translator.learn("u1", "Save", "Sichern")  # type: ignore[arg-type]
    with pytest.raises(InputError, match=r"^2 sources but 1 targets$"):
        translator.learn("u1", ["a", "b"], ["c"])
    assert memory.pairs == []


class _AnyMatchFusion:
    """A fusion that claims every batch (its state is never read: decoding is scripted)."""

    name = "fake"

    def prepare(self, backbone, sources, matches):
        return object()


class _ScriptedTranslator(Translator):
    """Decodes to scripted texts: ``fused`` with a fusion state, ``plain`` without one."""

    def __init__(self, *args, fused, plain, **kwargs):
        super().__init__(*args, **kwargs)
        self.fused, self.plain = fused, plain
        self.plain_batches = 0

    def decode(self, batch, state=None):
        if state is None:
            self.plain_batches += 1
            return [self.plain] * len(batch)
        return [self.fused] * len(batch)


def _guarded(backbone, fused, plain, **kwargs):
    memory = FakeMemory([("Open %s now", "Öffnen jetzt")])
    return _ScriptedTranslator(
        backbone, memory, fusion=_AnyMatchFusion(), fused=fused, plain=plain, **kwargs
    )


def test_placeholder_guard_prefers_the_model_when_memory_drops_a_placeholder(backbone):
    translator = _guarded(backbone, fused="Öffnen jetzt", plain="%s jetzt öffnen")
    [result] = translator.translate(["Open %s later"], user="u1", fit=False)
    assert (result.text, result.method) == ("%s jetzt öffnen", "model")
    assert result.match_set_aside  # a match was read: the summary says it was set aside


@pytest.mark.parametrize(
    ("source", "fused", "plain", "expected"),
    [
        # the match's ": %s" carried into an input without it: the model's own output wins
        ("Open %s later", "%s jetzt öffnen: %s", "%s jetzt öffnen", "%s jetzt öffnen"),
        # the model's output adds one too: the fused one stays (a tie)
        ("Open %s later", "%s jetzt öffnen: %s", "%s öffnen: %s", "%s jetzt öffnen: %s"),
        # keeping the source's placeholder counts first
        ("Open %s later", "Jetzt öffnen", "%s öffnen %s", "%s öffnen %s"),
        # the memory's number read in: the model's own output keeps the line's
        (
            "Open %s now: 4096",
            "%s jetzt öffnen: 1024",
            "%s jetzt öffnen: 4096",
            "%s jetzt öffnen: 4096",
        ),
        # the model loses one too: the fused output stays (a tie)
        (
            "Open %s now: 4096",
            "%s jetzt öffnen: 1024",
            "%s jetzt öffnen: 40",
            "%s jetzt öffnen: 1024",
        ),
        # keeping the placeholder counts before the numbers
        ("Open %s now: 4096", "Jetzt öffnen: 4096", "%s jetzt öffnen", "%s jetzt öffnen"),
    ],
)
def test_placeholder_guard_prefers_the_output_that_keeps_placeholders_then_numbers(
    backbone, source, fused, plain, expected
):
    # the ranking alone: the number repair's retry would decode the plain output again
    translator = _guarded(backbone, fused=fused, plain=plain, number_repair=False)
    [result] = translator.translate([source], user="u1", fit=False)
    assert result.text == expected and translator.plain_batches == 1


@pytest.mark.parametrize(("repair", "expected"), [(True, "E766: öffnen"), (False, "E76: öffnen")])
def test_a_number_written_with_a_repeated_digit_once_is_repaired(backbone, repair, expected):
    translator = _ScriptedTranslator(backbone, fused="", plain="E76: öffnen", number_repair=repair)
    [result] = translator.translate(["E766: open"])
    assert (result.text, result.method, result.numbers_repaired) == (expected, "model", repair)


@pytest.mark.parametrize(
    ("source", "output", "expected", "repaired"),
    [
        ("1,299.99 EUR", "1.29,99,99 Euro", "1.299,99 Euro", True),
        # the cents' 99 moved into the amount: changed, still wrong, so not counted as repaired
        ("1,299.99 EUR, 99 cents", "1.29,99,99 Euro, Cent", "1.299,99,99 Euro, Cent", False),
    ],
)
def test_a_repair_is_counted_only_where_the_numbers_are_then_right(
    backbone, source, output, expected, repaired
):
    translator = _ScriptedTranslator(backbone, fused="", plain=output, label_retry=False)
    [result] = translator.translate([source])
    assert result.text == expected
    assert (result.numbers_repaired, result.numbers_not_repairable) == (repaired, not repaired)


@pytest.mark.parametrize(
    ("source", "output", "expected", "repaired"),
    [
        # regtimes trial, session 74: the morning time says its half, so the other place is
        # the evening's, though German put the source's second clause first
        (
            "Call us at 8 PM if nobody answered at 8 AM.",
            "Wenn um 8 Uhr morgens niemand geantwortet hat, rufen Sie uns um 8 Uhr.",
            "Wenn um 8 Uhr morgens niemand geantwortet hat, rufen Sie uns um 20 Uhr.",
            True,
        ),
        # regtimes trial, session 74: the AM/PM after Uhr goes (it wrote 19 Uhr PM)
        (
            "Your reservation: Friday, 7 PM.",
            "Deine Bedenken: Freitag, 7 Uhr PM.",
            "Deine Bedenken: Freitag, 19 Uhr.",
            True,
        ),
        # hubspot trial, session 74: 4 pm written as 4 a.m.
        (
            "The webinar starts at 4 pm.",
            "Das Webinar beginnt um 4 Uhr.",
            "Das Webinar beginnt um 16 Uhr.",
            True,
        ),
        # right as it is: neither repaired nor counted
        (
            "The webinar starts at 4 pm.",
            "Das Webinar beginnt um 16 Uhr.",
            "Das Webinar beginnt um 16 Uhr.",
            False,
        ),
    ],
)
def test_a_12_hour_time_written_as_another_time_of_day_is_written_on_the_24_hour_clock(
    backbone, source, output, expected, repaired
):
    translator = _ScriptedTranslator(backbone, fused="", plain=output, label_retry=False)
    [result] = translator.translate([source])
    assert result.text == expected
    assert (result.numbers_repaired, result.numbers_not_repairable) == (repaired, False)
    off = _ScriptedTranslator(backbone, fused="", plain=output, number_repair=False)
    assert off.translate([source])[0].text == output


@pytest.mark.parametrize(
    ("source", "output"),
    [
        # hubspot trial, session 74: the model's "Am 4. Dezember" for "... at 4 pm" passed as
        # a translation (its 4 is there)
        (
            "The webinar starts on 19 December at 4 pm.",
            "Am 4. Dezember beginnt das Webinar am 19. Dezember.",
        ),
        # regtimes trial, session 74: both places say the morning; the repair turned the
        # first into "20 Uhr morgens" and counted it repaired
        (
            "Take it at 8 PM if you forgot the 8 AM dose.",
            "Wenn Sie die Dosis um 8 Uhr morgens vergessen haben, nehmen Sie sie um 8 Uhr morgens.",
        ),
        # neither place says its half, and German may put either clause first
        (
            "Take it at 8 PM if you forgot the 8 AM dose.",
            "Wenn Sie die Dosis um 8 Uhr vergessen haben, nehmen Sie sie um 8 Uhr.",
        ),
        (
            "Take one tablet at 8:00 AM and one tablet at 8:00 PM.",
            "Nimm ein Tablett um 8.00 Uhr und ein Tablett um 8.00 Uhr.",
        ),
    ],
)
def test_a_12_hour_time_whose_digits_cannot_be_told_is_counted_not_repairable(
    backbone, source, output
):
    """Which digits are the time, or which is the evening's, cannot be told: the output stays,
    the run says so and ``--strict`` fails."""
    translator = _ScriptedTranslator(backbone, fused="", plain=output, label_retry=False)
    [result] = translator.translate([source])
    assert result.text == output
    assert (result.numbers_repaired, result.numbers_not_repairable) == (False, True)


@pytest.mark.parametrize(
    ("output", "number_repair", "not_repairable"),
    [
        ("Die Verarbeitung beruht auf Art. 6(1) DSGVO.", True, True),
        ("Die Verarbeitung beruht auf Art. 6 Abs. 1 lit. b DSGVO.", True, False),
        ("Die Verarbeitung beruht auf Art. 6(1) DSGVO.", False, False),  # no repair, no count
    ],
)
def test_an_output_that_lost_a_references_letter_is_counted_not_repairable(
    backbone, output, number_repair, not_repairable
):
    """A legal trial (session 75): ``Art. 6(1)(b)`` came out ``Art. 6(1)``, and ``--strict``
    passed it."""
    translator = _ScriptedTranslator(
        backbone, fused="", plain=output, label_retry=False, number_repair=number_repair
    )
    [result] = translator.translate(["The processing is based on Art. 6(1)(b) GDPR."])
    assert (result.text, result.numbers_not_repairable) == (output, not_repairable)


@pytest.mark.parametrize(
    ("source", "output", "number_repair", "not_repairable"),
    [
        ("Store below 30 °C.", "Bei 30 °C lagern.", True, True),
        ("Store below 25 °C.", "Über 25 °C lagern.", True, True),
        ("Store between 15 °C and 25 °C.", "Bei 15 °C und 25 °C lagern.", True, True),
        ("Store below 30 °C.", "Unter 30 °C lagern.", True, False),
        ("Store between 15 °C and 25 °C.", "Bei 15 bis 25 °C lagern.", True, False),
        ("Store below 30 °C.", "Bei 30 °C lagern.", False, False),  # no repair, no count
    ],
)
def test_an_output_that_lost_a_comparison_in_words_is_counted_not_repairable(
    backbone, source, output, number_repair, not_repairable
):
    """A medical-device trial (session 75): ``Store below 30 °C.`` came out ``Bei 30 °C
    lagern.``, and ``--strict`` passed it."""
    translator = _ScriptedTranslator(
        backbone, fused="", plain=output, label_retry=False, number_repair=number_repair
    )
    [result] = translator.translate([source])
    assert result.numbers_not_repairable == not_repairable


@pytest.mark.parametrize(
    ("source", "fused", "plain", "expected", "method", "repaired", "not_repairable"),
    [
        # the pharma trial (session 76): one narrow rewrite makes the fused output right
        (
            "The recommended dose is 20 mg twice daily.",
            "Die empfohlene Dosis beträgt 20 mg einmal täglich.",
            "Die empfohlene Dosis beträgt 20 mg.",
            "Die empfohlene Dosis beträgt 20 mg zweimal täglich.",
            "fake",
            True,
            False,
        ),
        # none does: decoded again without memory, the model's own says it
        (
            "The maximum daily dose is 20 mg.",
            "Die maximale Dosis beträgt 20 mg.",
            "Die maximale tägliche Dosis beträgt 20 mg.",
            "Die maximale tägliche Dosis beträgt 20 mg.",
            "model",
            False,
            False,
        ),
        # nor does the model's own: the fused output stays, counted not repairable
        (
            "The maximum daily dose is 20 mg.",
            "Die maximale Dosis beträgt 20 mg.",
            "Die Dosis beträgt 20 mg.",
            "Die maximale Dosis beträgt 20 mg.",
            "fake",
            False,
            True,
        ),
    ],
)
def test_a_fused_output_saying_another_frequency_is_repaired_or_set_aside(
    backbone, source, fused, plain, expected, method, repaired, not_repairable
):
    memory = FakeMemory(
        [
            (
                "The recommended dose is 20 mg once daily.",
                "Die empfohlene Dosis beträgt 20 mg einmal täglich.",
            )
        ]
    )
    translator = _ScriptedTranslator(
        backbone,
        memory,
        fusion=_AnyMatchFusion(),
        fused=fused,
        plain=plain,
        label_retry=False,
        target_language="de",
    )
    [result] = translator.translate([source], user="u1", fit=False)
    assert (result.text, result.method) == (expected, method)
    assert result.match_set_aside == (method == "model")
    assert (result.numbers_repaired, result.numbers_not_repairable) == (repaired, not_repairable)


def test_a_fused_output_with_a_time_on_the_24_hour_clock_keeps_its_match(backbone):
    """hubspot trial, session 74: a memory's approved ``16 Uhr`` for ``4 pm`` read as a number
    lost, so the placeholder guard put the model's own output (``Am 4. Dezember ...``) in the
    97 % match's place."""
    fused = "Das Webinar beginnt am 19. Dezember um 16 Uhr."
    plain = "Am 4. Dezember beginnt das Webinar am 19. Dezember."
    memory = FakeMemory(
        [
            (
                "The webinar starts on 12 December at 4 pm.",
                "Das Webinar beginnt am 12. Dezember um 16 Uhr.",
            )
        ]
    )
    translator = _ScriptedTranslator(
        backbone, memory, fusion=_AnyMatchFusion(), fused=fused, plain=plain, label_retry=False
    )
    [result] = translator.translate(
        ["The webinar starts on 19 December at 4 pm."], user="u1", fit=False
    )
    assert (result.text, result.method, translator.plain_batches) == (fused, "fake", 0)
    assert (result.numbers_repaired, result.numbers_not_repairable) == (False, False)


@pytest.mark.parametrize(
    ("source", "output", "expected", "repaired", "not_repairable"),
    [
        # legal2 trial: a fuzzy match's number in words carried into the new clause
        (
            "The Customer shall pay the deposit within 10 (ten) days.",
            "Der Kunde hat die Kaution innerhalb von 10 (dreißig) Tagen zu zahlen.",
            "Der Kunde hat die Kaution innerhalb von 10 (zehn) Tagen zu zahlen.",
            True,
            False,
        ),
        (
            "The annual fee is EUR 150,000 (one hundred and fifty thousand euros).",
            "Die jährliche Vergütung beträgt 150.000 (einhundertzwanzigtausend Euro).",
            "Die jährliche Vergütung beträgt 150.000 (einhundertfünfzigtausend Euro).",
            True,
            False,
        ),
        # said in words nowhere: counted, so that --strict fails
        (
            "The Customer shall pay the deposit within 60 (sixty) days.",
            "Der Kunde hat die Kaution innerhalb von 60 Tagen zu zahlen.",
            "Der Kunde hat die Kaution innerhalb von 60 Tagen zu zahlen.",
            False,
            True,
        ),
        # right as it is: neither repaired nor counted
        (
            "The Customer shall pay the deposit within 30 (thirty) days.",
            "Der Kunde hat die Kaution innerhalb von 30 (dreißig) Tagen zu zahlen.",
            "Der Kunde hat die Kaution innerhalb von 30 (dreißig) Tagen zu zahlen.",
            False,
            False,
        ),
    ],
)
def test_a_number_in_words_beside_its_digits_says_the_source_s_number(
    backbone, source, output, expected, repaired, not_repairable
):
    translator = _ScriptedTranslator(backbone, fused="", plain=output, label_retry=False)
    [result] = translator.translate([source])
    assert result.text == expected
    assert (result.numbers_repaired, result.numbers_not_repairable) == (repaired, not_repairable)
    off = _ScriptedTranslator(backbone, fused="", plain=output, number_repair=False)
    assert off.translate([source])[0].text == output


def test_an_ellipsis_the_models_normalisation_folded_comes_back(backbone):
    translator = _ScriptedTranslator(backbone, fused="", plain="Datei öffnen ...")
    results = translator.translate(["Open File…", "Open file..."])
    assert [r.text for r in results] == ["Datei öffnen…", "Datei öffnen ..."]


def test_outputs_are_fitted_to_their_sources_as_the_command_writes_them(backbone):
    translator = _ScriptedTranslator(backbone, fused="", plain="Später öffnen")
    [fitted] = translator.translate(["  Open %s later\n"])
    [raw] = translator.translate(["  Open %s later\n"], fit=False)
    assert (fitted.text, fitted.fitted) == ("  Später öffnen %s\n", True)
    assert (raw.text, raw.fitted) == ("  Später öffnen\n", False)  # edges kept by the lines


def test_an_output_that_fits_already_is_not_marked_fitted(backbone):
    translator = _ScriptedTranslator(backbone, fused="", plain="%s später öffnen")
    [result] = translator.translate(["Open %s later"])
    assert (result.text, result.fitted) == ("%s später öffnen", False)


def test_requests_of_several_users_are_fitted_unless_asked_not_to(backbone):
    translator = _ScriptedTranslator(backbone, fused="", plain="Öffnen")
    requests = [("u1", ["Open {name}"]), ("u2", ["Open", ""])]
    fitted = translator.translate_for_users(requests)
    raw = translator.translate_for_users(requests, fit=False)
    assert [[t.text for t in r] for r in fitted] == [["Öffnen {name}"], ["Öffnen", ""]]
    assert [[t.text for t in r] for r in raw] == [["Öffnen"], ["Öffnen", ""]]


def test_a_character_the_model_has_no_token_for_comes_through(backbone):
    # the tiny model has no token for "€": it goes to the model as a tag and comes back
    translator = Translator(backbone, beam=1)
    [result] = translator.translate(["open the file for 10 € now"])
    assert result.text.count("€") == 1


class _CopyingTranslator(Translator):
    """Copies a line with a capital (as the shipped model copies labels), else looks it up."""

    def __init__(self, *args, words, **kwargs):
        super().__init__(*args, **kwargs)
        self.words, self.texts, self.seen = words, [], []

    def encode(self, texts, segments=None):  # an id that names the text
        self.texts += texts
        return [[len(self.texts) - len(texts) + n, 0] for n in range(len(texts))]

    def decode(self, batch, state=None):
        texts = [self.texts[ids[0]] for ids in batch]
        self.seen.append(texts)
        return [text if text[:1].isupper() else self.words.get(text, text) for text in texts]


@pytest.mark.parametrize(
    ("line", "retry", "expected"),
    [
        ("Settings", True, "Einstellungen"),
        ("Settings", False, "Settings"),
        ("Brian Fox", True, "Brian Fox"),  # a name: not tried again
        ("Html", True, "Html"),  # the words again: the copy stays
        # an English word misspelt into no German word: the copy stays
        ("Queue", True, "Queue"),
        ("Bad Pin", True, "Ungültiger pin"),  # one written again as it is: kept
        ("Type", True, "Typ"),  # a German word like the English one
    ],
)
def test_a_label_the_model_copied_is_decoded_again_in_lower_case(backbone, line, retry, expected):
    words = {
        "settings": "einstellungen",
        "brian fox": "brian-fuchs",
        "html": "html html",
        "queue": "quue",
        "bad pin": "ungültiger pin",
        "type": "typ",
    }
    translator = _CopyingTranslator(backbone, words=words, label_retry=retry)
    [result] = translator.translate([line])
    assert result.text == expected
    # a name is not tried again; two words in title case go to the model in lower case at once,
    # and with a first capital too (ltmt.title_case)
    assert len(translator.seen) == (2 if retry and line != "Brian Fox" else 1)


def test_a_fused_output_the_repair_completes_is_not_decoded_again(backbone):
    translator = _guarded(backbone, fused="%s jetzt öffnen: E76", plain="%s öffnen: E766")
    [result] = translator.translate(["Open %s now: E766"], user="u1")
    assert (result.text, result.method) == ("%s jetzt öffnen: E766", "fake")
    assert translator.plain_batches == 0


def _fused_score(backbone, fused, plain):
    memory = FakeMemory([("Score: {$a}", "Ergebnis: {$a}")])
    return _ScriptedTranslator(backbone, memory, fusion=_AnyMatchFusion(), fused=fused, plain=plain)


def test_a_percent_sign_the_fusion_dropped_is_put_back(backbone):
    # Moodle trial, session 72: Score: {$a}% came out Score: {$a}, and the run said nothing
    translator = _fused_score(backbone, fused="Punktzahl: {$a}", plain="Ergebnis: {$a}%")
    [result] = translator.translate(["Score: {$a}%"], user="u1")
    assert (result.text, result.method, result.numbers_repaired) == (
        "Punktzahl: {$a}%",
        "fake",
        True,
    )
    assert translator.plain_batches == 0


def test_a_fused_copy_that_lost_a_percent_sign_is_decoded_again_without_memory(backbone):
    # Moodle trial, session 72: fusion wrote Score: {$a} for Score: {$a}%, a copy of the line;
    # with its sign put back it was one, and the model alone wrote Ergebnis: {$a}%
    translator = _fused_score(backbone, fused="Score: {$a}", plain="Ergebnis: {$a}%")
    [result] = translator.translate(["Score: {$a}%"], user="u1")
    assert (result.text, result.method) == ("Ergebnis: {$a}%", "model")


@pytest.mark.parametrize(
    ("plain", "expected", "not_repairable"),
    [
        # which 5 lost its sign is not clear: the model's own output, which keeps it, wins
        ("Ergebnis: 5 % in 5 Tagen", "Ergebnis: 5 % in 5 Tagen", False),
        # the model loses it too: the fused output stays, counted as not repairable
        ("Ergebnis: 5 in 5 Tagen", "Punktzahl: 5 in 5 Tagen", True),
    ],
)
def test_placeholder_guard_prefers_the_output_that_keeps_a_percent_sign(
    backbone, plain, expected, not_repairable
):
    translator = _fused_score(backbone, fused="Punktzahl: 5 in 5 Tagen", plain=plain)
    [result] = translator.translate(["Score: 5% in 5 days"], user="u1")
    assert (result.text, result.numbers_not_repairable) == (expected, not_repairable)
    assert translator.plain_batches == 1


def test_placeholder_guard_keeps_the_fused_output_on_a_tie(backbone):
    translator = _guarded(backbone, fused="Öffnen jetzt", plain="Jetzt öffnen")
    [result] = translator.translate(["Open %s later"], user="u1", fit=False)
    assert (result.text, result.method, result.match_set_aside) == ("Öffnen jetzt", "fake", False)
    assert translator.plain_batches == 1


def test_placeholder_guard_leaves_complete_outputs_alone(backbone):
    translator = _guarded(backbone, fused="%s später öffnen", plain="%s öffnen")
    [result] = translator.translate(["Open %s later"], user="u1", fit=False)
    assert (result.text, result.method) == ("%s später öffnen", "fake")
    assert translator.plain_batches == 0


def test_placeholder_guard_can_be_switched_off(backbone):
    translator = _guarded(
        backbone, fused="Öffnen jetzt", plain="%s jetzt öffnen", placeholder_guard=False
    )
    [result] = translator.translate(["Open %s later"], user="u1", fit=False)
    assert (result.text, result.method) == ("Öffnen jetzt", "fake")
    assert translator.plain_batches == 0


def test_placeholder_guard_works_line_by_line(backbone):
    translator = _guarded(backbone, fused="Öffnen", plain="%s öffnen")
    [result] = translator.translate(["Open %s later\nOpen it"], user="u1")
    assert result.text == "%s öffnen\nÖffnen"
    assert result.method == "fake"  # the second line kept its fused output


def test_requests_of_several_users_decoded_together_equal_one_at_a_time(backbone, tmp_path):
    from ltmt.memory.store import Memory

    with Memory(tmp_path / "store") as memory:
        memory.import_pairs(
            "u1", [("open the file", "öffne die Datei"), ("hello world", "hallo Welt")]
        )
        memory.import_pairs(
            "u2", [("open the files", "Dateien öffnen"), ("show all commits", "zeige alle Commits")]
        )
        translator = Translator(backbone, memory, fusion="knn", beam=2, batch_size=3)
        requests = [
            ("u1", ["open the file", "the cat sat on the mat", "save the file as %s"]),
            ("u2", ["open the file", "show all commits\nhello world"]),
            (None, ["delete the branch {name}"]),
            ("u1", []),
        ]
        together = translator.translate_for_users(requests)
        alone = [translator.translate(texts, user=user) for user, texts in requests]
    assert together == alone
    assert [len(r) for r in together] == [3, 2, 1, 0]
    assert together[0][0].method == "exact" and together[1][0].method != "exact"


def test_each_half_of_a_line_parted_by_an_escaped_break_reads_its_own_half_of_a_match(
    backbone, monkeypatch
):
    """A Ren'Py line ``read:\\n\\"Meet ...\\"`` went to the model whole, fused with a match of
    two such halves, and came out with its halves' meanings swapped: its halves are decoded
    apart, each with the line of the match that it matches (not the whole match)."""
    from ltmt.fusion import selection

    read: dict[str, tuple[str, str]] = {}
    align_lines = selection.align_lines

    def spied(match: Match, text: str) -> Match:
        aligned = align_lines(match, text)
        read[text] = (aligned.segment.source, aligned.segment.target)
        return aligned

    monkeypatch.setattr(selection, "align_lines", spied)
    memory = FakeMemory(
        [(r"The letter read:\n\"Come alone.\"", r"Im Brief stand:\n\"Komm allein.\"")]
    )
    translator = Translator(backbone, memory, fusion="knn", beam=1, exact_reuse=False)
    [result] = translator.translate([r"The note read:\n\"Come along.\""], user="u1")
    assert result.pieces == 2 and r"\n" in result.text
    # (the line whole is asked too: whether it reads memory at all; the model gets \" as ")
    assert read["The note read:"] == ("The letter read:", "Im Brief stand:")
    assert read['"Come along."'] == ('"Come alone."', '"Komm allein."')


def test_method_names_the_fusion_only_where_a_match_was_used_whatever_the_batch(backbone, tmp_path):
    from ltmt.memory.store import Memory

    with Memory(tmp_path / "store") as memory:
        memory.import_pairs(
            "u1",
            [
                ("open the file", "öffne die Datei"),
                ("save the file as %s", "speichere die Datei als %s"),
            ],
        )
        translator = Translator(backbone, memory, fusion="knn", beam=1, exact_reuse=False)
        # "the cat sat on the mat" has only weak matches (40, below knn's min_score): alone
        # no fusion runs; next to a strong match the batch has a state, but not for it.
        [alone] = translator.translate(["the cat sat on the mat"], user="u1")
        batch = translator.translate(["the cat sat on the mat", "open the files"], user="u1")
    assert alone.matches and alone.method == "model"
    assert [t.method for t in batch] == ["model", "knn"]
    assert batch[0].text == alone.text


def test_only_segments_with_a_match_the_fusion_reads_are_decoded_with_it(backbone):
    weak = Match(Segment(1, "u1", "close the window now", "Fenster schließen", 0.0, "test"), 30.0)
    strong = Match(Segment(2, "u1", "open the file", "Datei öffnen", 0.0, "test"), 80.0)

    class Fixed(FakeMemory):
        def search_batch(self, user, texts, k=4):
            return [[strong] if text.startswith("open") else [weak] for text in texts]

    # (no copy guard: the tiny model copies the match, which would add a second, wary decode)
    translator = Translator(backbone, Fixed([]), fusion="knn", beam=1, copy_guard=False)
    states = []
    decode = translator.decode
    translator.decode = lambda batch, state: (
        states.append((len(batch), state)) or decode(batch, state)
    )
    results = translator.translate(["open the files", "the cat sat"], user="u1")
    # the weak match (below knn's min_score) never reaches the fusion: a batch of its own, plain
    assert sorted((n, s is None) for n, s in states) == [(1, False), (1, True)]
    assert results[1].method == "model"
    assert results[1].text == Translator(backbone, beam=1).translate(["the cat sat"])[0].text


class _ReadingFusion(_AnyMatchFusion):
    """A fusion that reads up to ``reads`` matches and records how many it was given."""

    def __init__(self, reads):
        self.reads, self.given = reads, []

    def matches_read(self, backbone):
        return self.reads

    def prepare(self, backbone, sources, matches):
        self.given.extend(len(m) for m in matches)
        return object()


@pytest.mark.parametrize(("reads", "top_k", "given"), [(6, 4, 6), (2, 4, 4), (6, 7, 7)])
def test_a_fusion_that_reads_more_matches_than_top_k_is_given_them(backbone, reads, top_k, given):
    memory = FakeMemory([(f"open file {i}", f"Datei {i} öffnen") for i in range(8)])
    fusion = _ReadingFusion(reads)
    translator = _ScriptedTranslator(
        backbone, memory, fusion=fusion, fused="x", plain="y", top_k=top_k
    )
    translator.translate(["open the files"], user="u1")
    assert fusion.given == [given]


# -- batches decoded at once (ltmt.workers) ------------------------------------------------


@pytest.mark.parametrize(
    ("fusion", "engine"),
    [("none", "torch"), ("none", "auto"), ("knn", "auto"), ("knn-trained", "auto")],
)
def test_batches_decoded_at_once_equal_one_at_a_time(
    model_with_combiner, fusion_pairs, fusion_inputs, tmp_path, fusion, engine
):
    """Two workers (one thread each) against one batch at a time: the same texts and methods,
    for plain batches on torch and on the fast path, kNN and the trained combiner (each read
    on its first batch: two threads at once must not load it twice), with a glossary term
    (the fast path keeps its attention for the term's placement from the worker threads)."""
    import torch

    from ltmt.memory.store import Memory
    from ltmt.terminology.terms import Term

    model = model_with_combiner
    results = {}
    with Memory(tmp_path / "store") as memory:
        memory.import_pairs("u1", fusion_pairs)
        for workers in (1, 2):
            translator = Translator(
                load_backbone(model), memory, fusion=fusion, beam=2, batch_size=2,
                engine=engine, workers=workers, threads=workers, state_cache=False,
                glossary=[Term("branch", "Zweig")],
            )  # fmt: skip
            before = torch.get_num_threads()
            results[workers] = translator.translate(fusion_inputs, user="u1")
            assert torch.get_num_threads() == before  # put back after the batches
    assert [(t.text, t.method) for t in results[2]] == [(t.text, t.method) for t in results[1]]
    assert "Zweig" in results[2][4].text  # "delete the branch {name} now" follows the glossary
    if fusion != "none":
        assert fusion in {t.method for t in results[2]}


def test_two_workers_decode_two_batches_at_the_same_time(backbone):
    translator = Translator(backbone, beam=1, batch_size=1, engine="torch", workers=2, threads=2)
    both = threading.Barrier(2, timeout=20)  # breaks unless two batches decode at once
    decode = translator.decode
    threads = set()

    def meeting(batch, state):
        threads.add(threading.get_ident())
        if len(threads) <= 2 and not both.broken:
            both.wait()
        return decode(batch, state)

    translator.decode = meeting
    texts = ["open the file", "hello world", "the cat sat", "x"]
    assert [t.text for t in translator.translate(texts)] == [
        t.text for t in Translator(backbone, beam=1, engine="torch").translate(texts)
    ]
    assert len(threads) == 2


class _OneAtATimeFusion(_AnyMatchFusion):
    """A fusion that does not say its prepare may run on several threads: it counts how many
    ran at once, and fails at the third batch when asked."""

    def __init__(self, fail_at=None):
        self.running, self.most, self.calls, self.fail_at = 0, 0, 0, fail_at
        self.lock = threading.Lock()

    def prepare(self, backbone, sources, matches):
        with self.lock:
            self.running += 1
            self.calls += 1
            self.most = max(self.most, self.running)
            call = self.calls
        time.sleep(0.02)
        with self.lock:
            self.running -= 1
        if call == self.fail_at:
            raise ValueError(f"batch {call} cannot be prepared")
        return None


def test_a_fusion_that_does_not_say_so_prepares_one_batch_at_a_time(backbone, fusion_inputs):
    fusion = _OneAtATimeFusion()
    memory = FakeMemory([(text, text.upper()) for text in fusion_inputs])
    translator = Translator(
        backbone, memory, fusion=fusion, beam=1, batch_size=1, workers=2, threads=2,
        exact_reuse=False, engine="torch",
    )  # fmt: skip
    translator.translate(fusion_inputs, user="u1")
    lines = sum(text.count("\n") + 1 for text in fusion_inputs)  # a batch per line
    assert fusion.calls == lines and fusion.most == 1


def test_an_error_in_one_batch_reaches_the_caller(backbone, fusion_inputs):
    memory = FakeMemory([(text, text.upper()) for text in fusion_inputs])
    translator = Translator(
        backbone, memory, fusion=_OneAtATimeFusion(fail_at=3), beam=1, batch_size=1,
        workers=2, threads=2, exact_reuse=False, engine="torch",
    )  # fmt: skip
    with pytest.raises(ValueError, match="batch 3 cannot be prepared"):
        translator.translate(fusion_inputs, user="u1")


@pytest.mark.parametrize(
    ("setting", "expected", "placed"), [("auto", "&Beenden", 1), ("none", "Beenden", 0)]
)
def test_an_accelerator_is_set_aside_and_placed_in_the_translation(
    backbone, setting, expected, placed
):
    translator = _ScriptedTranslator(backbone, fused="", plain="Beenden", accelerators=setting)
    seen: list[str] = []
    encode = translator.encode
    translator.encode = lambda texts, segments=None: seen.extend(texts) or encode(texts, segments)
    [result] = translator.translate(["E&xit"])
    assert (result.text, result.accelerators) == (expected, placed)
    assert seen == (["Exit"] if setting == "auto" else ["E&xit"])


class _RecordingFusion(_AnyMatchFusion):
    def __init__(self):
        self.matches = []

    def prepare(self, backbone, sources, matches):
        self.matches.extend(
            m.segment.source + " = " + m.segment.target for ms in matches for m in ms
        )
        return object()


def test_a_line_with_an_accelerator_reads_its_matches_without_theirs(backbone):
    """The model sees ``No`` for ``&No``: the fusion reads a match ``&No thanks`` as
    ``No thanks``, the same words as the line it steers."""
    fusion = _RecordingFusion()
    memory = FakeMemory([("&No thanks", "&Nein danke")])
    translator = _ScriptedTranslator(backbone, memory, fusion=fusion, fused="Nein", plain="Nein")
    [result] = translator.translate(["&No"], user="u1")
    assert result.text == "&Nein"
    assert fusion.matches == ["No thanks = Nein danke"]
    assert "&" in result.matches[0].segment.source  # what the user is shown is as stored


@pytest.mark.parametrize(
    ("pair", "line", "seen", "read"),
    [
        # the match writes the line's decimals with a comma: a quantity, the model's to write
        (
            ("4.5 App Store rating", "4,5 App-Store-Bewertung"),
            "4.5 App Store rating in May",
            "4.5 App Store rating in May",
            "4.5 App Store rating = 4,5 App-Store-Bewertung",
        ),
        # ... with a dot: a clause's number, set aside in the line and the match
        (
            ("2.3 Late payments", "2.3 Zahlungsverzug"),
            "2.3 Late payments shall bear interest.",
            "Late payments shall bear interest.",
            "Late payments = Zahlungsverzug",
        ),
    ],
)
def test_a_line_opening_with_decimals_is_a_quantity_where_its_match_writes_a_comma(
    backbone, pair, line, seen, read
):
    """Set aside, ``4.5 Stars`` with a match ``2,5 Sterne`` came out ``4.5 2,5 Sterne``."""
    fusion = _RecordingFusion()
    translator = _ScriptedTranslator(
        backbone, FakeMemory([pair]), fusion=fusion, fused="Text", plain="Text"
    )
    texts: list[str] = []
    encode = translator.encode
    translator.encode = lambda batch, segments=None: texts.extend(batch) or encode(batch, segments)
    translator.translate([line], user="u1")
    assert (texts[:1], fusion.matches) == ([seen], [read])


@pytest.mark.parametrize(
    ("line", "plain", "capital_lines", "seen", "expected"),
    [
        ("SELECT LINE", "Zeile auswählen", True, ["Select line"], "ZEILE AUSWÄHLEN"),
        ("SELECT LINE", "Zeile auswählen", False, ["SELECT LINE"], "Zeile auswählen"),
        # a name keeps its capital for the model (subtitles trial s76: THOMAS MARKT)
        ("THOMAS BRANDT", "Thomas Brandt", True, ["Thomas Brandt"], "THOMAS BRANDT"),
        ("CLOSE THE STREET", "Straße schließen", True, ["Close the street"], "STRASSE SCHLIESSEN"),
    ],
)
def test_a_line_in_capitals_is_translated_as_english_writes_it_and_written_in_capitals(
    backbone, line, plain, capital_lines, seen, expected
):
    translator = _ScriptedTranslator(backbone, fused="", plain=plain, capital_lines=capital_lines)
    texts: list[str] = []
    encode = translator.encode
    translator.encode = lambda batch, segments=None: texts.extend(batch) or encode(batch, segments)
    [result] = translator.translate([line])
    assert (texts, result.text) == (seen, expected)


@pytest.mark.parametrize(
    ("options", "seen", "expected"),
    [
        ({}, ["trash is empty"], "Papierkorb ist leer"),
        ({"title_case_lines": False}, ["Trash is Empty"], "Papierkorb ist leer"),
        ({"source_language": "fr"}, ["Trash is Empty"], "Papierkorb ist leer"),  # English only
    ],
)
def test_a_line_in_title_case_is_translated_in_lower_case(
    backbone, any_pair_backbone, options, seen, expected
):
    model = any_pair_backbone if "source_language" in options else backbone  # fr: any pair
    translator = _ScriptedTranslator(model, fused="", plain="papierkorb ist leer", **options)
    texts: list[str] = []
    encode = translator.encode
    translator.encode = lambda batch, segments=None: texts.extend(batch) or encode(batch, segments)
    [result] = translator.translate(["Trash is Empty"])
    # what the model reads first (in title case, the first-capital reading follows: title_case)
    assert (texts[:1], result.text) == (seen, expected)


@pytest.mark.parametrize(
    ("decorations", "seen", "expected"),
    [(True, ["Options"], "--- Optionen ---"), (False, ["--- Options ---"], "Optionen")],
)
def test_a_lines_decoration_is_set_aside(backbone, decorations, seen, expected):
    translator = _ScriptedTranslator(backbone, fused="", plain="Optionen", decorations=decorations)
    texts: list[str] = []
    encode = translator.encode
    translator.encode = lambda batch, segments=None: texts.extend(batch) or encode(batch, segments)
    [result] = translator.translate(["--- Options ---"])
    assert (texts, result.text) == (seen, expected)


@pytest.mark.parametrize(
    ("decorations", "seen", "plain", "expected"),
    [
        (True, ["Tap <x/> to like"], "Tippen Sie auf <x/>", "Tippen Sie auf 👍"),
        (True, ["Tap <x/> to like"], "Tippen zum Mögen", "Tippen 👍 zum Mögen"),  # tag dropped
        (False, ["Tap 👍 to like"], "Tippen zum Mögen", "Tippen zum Mögen"),
    ],
)
def test_a_pictograph_inside_a_line_goes_to_the_model_as_a_tag(
    backbone, decorations, seen, plain, expected
):
    translator = _ScriptedTranslator(backbone, fused="", plain=plain, decorations=decorations)
    texts: list[str] = []
    encode = translator.encode
    translator.encode = lambda batch, segments=None: texts.extend(batch) or encode(batch, segments)
    [result] = translator.translate(["Tap 👍 to like"])
    assert (texts, result.text) == (seen, expected)


class _LookingUpTranslator(_CopyingTranslator):
    """Writes the translation ``words`` gives each line as the model gets it (else copies it)."""

    def decode(self, batch, state=None):
        texts = [self.texts[ids[0]] for ids in batch]
        self.seen.append(texts)
        return [self.words.get(text, text) for text in texts]


@pytest.mark.parametrize(
    ("line", "seen", "written", "expected"),
    [
        (
            "The turret will attack §nall§r§7 players!",
            "The turret will attack <x1/> all <x2/> players!",
            "Der Turm greift <x1/> alle <x2/> Spieler an!",
            "Der Turm greift §nalle§r§7 Spieler an!",
        ),
        # at the line's edge: set aside with its decoration, put back without a space
        ("§cNot a valid target.", "Not a valid target.", "Kein gültiges Ziel.",
         "§cKein gültiges Ziel."),
        (
            "Your §6Laser Gun§r is fully charged.",
            "Your <x1/> Laser Gun <x2/> is fully charged.",
            "Deine <x1/> Laserkanone <x2/> ist voll aufgeladen.",
            "Deine §6Laserkanone§r ist voll aufgeladen.",
        ),
        ("The password is §k12345§r.", "The password is <x1/> 12345 <x2/>.",
         "Das Passwort ist <x1/> 12345 <x2/>.", "Das Passwort ist §k12345§r."),
        # a placeholder written twice: the placeholder repair's, no number beyond repair
        (
            "%1$s was zapped by %2$s using %3$s",
            "%1$s was zapped by %2$s using %3$s",
            "%1$s wurde von %2$s mit %3$s durch %3$s gezappt",
            "%1$s wurde von %2$s mit %3$s durch gezappt",
        ),
    ],
)  # fmt: skip
def test_a_formatting_code_goes_to_the_model_as_a_tag_and_no_number_is_said_lost(
    backbone, line, seen, written, expected
):
    """A Minecraft mod's trial (session 72): ``§7`` came out ``§Spieler 7``, counted as a
    number repaired; lines that kept every number were counted as not repairable."""
    translator = _LookingUpTranslator(backbone, words={seen: written}, label_retry=False)
    [result] = translator.translate([line])
    assert (translator.seen[0], result.text) == ([seen], expected)
    assert (result.numbers_repaired, result.numbers_not_repairable) == (False, False)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        (
            "Rufen Sie im Notfall <x/> an.",
            "Rufen Sie im Notfall +49 89 1234-5678 an.",
        ),
        # the tag dropped: the number is put back whole at its place, never its digits apart
        ("Rufen Sie im Notfall an.", "Rufen Sie im +49 89 1234-5678 Notfall an."),
    ],
)
def test_a_phone_number_goes_to_the_model_as_a_tag_and_comes_back_whole(
    backbone, written, expected
):
    """A ServiceNow trial (session 72): the model dropped the ``+49`` of ``call +49 89
    1234-5678``, and the number repair's retry wrote ``89 49 1234-5678``, counted as repaired."""
    line = "For emergencies, call +49 89 1234-5678 instead."
    seen = "For emergencies, call <x/> instead."
    translator = _LookingUpTranslator(backbone, words={seen: written}, label_retry=False)
    [result] = translator.translate([line])
    assert (translator.seen, result.text) == ([[seen]], expected)
    assert (result.numbers_repaired, result.numbers_not_repairable) == (False, False)


def test_a_fusion_reads_a_matchs_pictographs_as_tags_too(backbone):
    fusion = _RecordingFusion()
    memory = FakeMemory([("Tap ⭐ to save", "Tippen Sie auf ⭐, um zu speichern")])
    translator = _ScriptedTranslator(
        backbone, memory, fusion=fusion, fused="Tippen Sie auf <x/>", plain=""
    )
    [result] = translator.translate(["Tap 👍 to like"], user="u1")
    assert fusion.matches == ["Tap <x/> to save = Tippen Sie auf <x/>, um zu speichern"]
    assert result.text == "Tippen Sie auf 👍"


class _LineScripted(Translator):
    """Decodes each line to the translation ``lines`` gives its text (read back from its
    tokens)."""

    def __init__(self, *args, lines, **kwargs):
        super().__init__(*args, **kwargs)
        # keyed as the line reads back from its tokens (the tiny test vocabulary drops some
        # characters)
        self.lines = {self._read_back(self.encode([text])[0]): out for text, out in lines.items()}

    def _read_back(self, ids):
        text = self.backbone.tokenizer.decode(ids, skip_special_tokens=True)
        return " ".join(text.split())

    def decode(self, batch, state=None):
        return [self.lines[self._read_back(ids)] for ids in batch]


@pytest.mark.parametrize("repair", [True, False])
def test_words_said_twice_across_a_line_break_are_written_once(backbone, repair):
    lines = {
        "mark them with": "markieren Sie diese mit git",
        "git add, then run": "mit git add und führen Sie",
    }
    translator = _LineScripted(backbone, lines=lines, seam_repair=repair)
    [result] = translator.translate(["mark them with\ngit add, then run"])
    if repair:
        assert result.text == "markieren Sie diese\nmit git add und führen Sie"
    else:
        assert result.text == "markieren Sie diese mit git\nmit git add und führen Sie"
    assert result.seams_repaired is repair


@pytest.mark.parametrize("repair", [True, False])
def test_a_word_said_twice_in_a_row_is_written_once(backbone, repair):
    lines = {"at end of file": "am Ende der Datei Datei"}
    translator = _LineScripted(backbone, lines=lines, seam_repair=repair)
    [result] = translator.translate(["at end of file"])
    assert result.text == ("am Ende der Datei" if repair else "am Ende der Datei Datei")
    assert result.doubled_repaired is repair and not result.seams_repaired


def test_an_option_tables_help_stays_at_its_column(backbone):
    lines = {"-g like -l": "-g wie -l", "-l use a long listing format": "-l lange Liste"}
    translator = _LineScripted(backbone, lines=lines)
    source = "  -g                   like -l\n  -l                   use a long listing format\n"
    [result] = translator.translate([source])
    assert result.text == "  -g                   wie -l\n  -l                   lange Liste\n"


def test_date_formats_come_back_in_the_models_target_language(backbone):
    translator = _ScriptedTranslator(backbone, fused="", plain="Aktualisiert am <x/>")
    assert translator.line_forms.target_language == "de"  # the tiny model's card
    results = translator.translate(["Updated %m/%d/%Y", "%A, %B %-d"])
    assert [(r.text, r.target_language) for r in results] == [
        ("Aktualisiert am %d.%m.%Y", "de"),
        ("%A, %-d. %B", "de"),  # a line of them alone: not the model's
    ]
    assert translator.plain_batches == 1
    # the decoder's own output keeps them as written
    [raw] = translator.translate(["%A, %B %-d"], fit=False)
    assert (raw.text, raw.target_language) == ("%A, %B %-d", "de")


def test_memory_matches_and_empty_inputs_say_the_translators_target_language(backbone):
    # session 70: an exact match and an empty input said "" (to_dict() too), the model's "de"
    memory = FakeMemory([("Open the file", "Größe öffnen")])
    translator = Translator(backbone, memory, target_language="de-CH")
    exact, empty = translator.translate(["Open the file", ""], user="u1")
    assert (exact.method, exact.text, exact.target_language) == ("exact", "Größe öffnen", "de-CH")
    assert (empty.method, empty.target_language) == ("empty", "de-CH")
    assert exact.to_dict()["target_language"] == "de-CH"
    # fitting respells the model's output for de-CH, not a memory match's approved target
    from ltmt.formats.placeholders import fit_translation

    stored = Match(Segment(0, "u1", "Open the file ", "Größe öffnen", 0.0, "test"), 100.0)
    reused = replace(exact, matches=(stored,))  # a stored source of other edges: fitted
    assert fit_translation(reused).text == "Größe öffnen"
    assert fit_translation(replace(reused, method="model")).text == "Grösse öffnen"


def test_a_swiss_target_language_writes_ss_for_sharp_s(backbone):
    # Flutter trial, session 65: --tgt-lang de-CH, and the output wrote "Größe"
    translator = _ScriptedTranslator(
        backbone, fused="", plain="Die Größe ist zu groß.", target_language="de-CH"
    )
    [result] = translator.translate(["The size is too large"])
    assert (result.text, result.target_language) == ("Die Grösse ist zu gross.", "de-CH")
    # another language than the model's is refused: test_a_target_language_the_model_...
    [plain] = _ScriptedTranslator(backbone, fused="", plain="Die Größe.").translate(["The size"])
    assert plain.text == "Die Größe."


@pytest.mark.parametrize(
    ("language", "amount"),
    [("de-AT", "$1,234.56"), ("de_CH", "$1,234.56"), ("de", "1.234,56\u00a0$")],
)
def test_an_amount_is_written_as_the_target_languages_region_writes_it(backbone, language, amount):
    # regression tester, session 71: --tgt-lang de-AT wrote "1.234,56 $", German's form; Austrian,
    # Swiss and Liechtenstein German write the sign first and keep the source's form
    translator = _ScriptedTranslator(
        backbone, fused="", plain="Ihr Kontostand beträgt <x/>.", target_language=language
    )
    [result] = translator.translate(["Your balance is $1,234.56."])
    assert result.text == f"Ihr Kontostand beträgt {amount}."
    assert translator.line_forms.target_language == "de"  # its outputs' sentences: German's


def test_a_line_starting_a_sentence_starts_with_a_capital_unless_memory_says_otherwise(backbone):
    translator = _ScriptedTranslator(backbone, fused="alle Objekte entfernen", plain="nein")
    [plain] = translator.translate(["No"])
    assert plain.text == "Nein"
    # the user's translators write such lines with a small letter: their way stays
    memory = FakeMemory([("Prune all unreachable objects", "alle nicht erreichbaren Objekte")])
    translator = _ScriptedTranslator(
        backbone, memory, fusion=_AnyMatchFusion(), fused="alle Objekte entfernen", plain="nein"
    )
    [fused] = translator.translate(["Prune all objects"], user="u1")
    assert fused.text == "alle Objekte entfernen"
    memory.pairs = [("Prune all unreachable objects", "Alle nicht erreichbaren Objekte")]
    [fused] = translator.translate(["Prune all objects"], user="u1")
    assert fused.text == "Alle Objekte entfernen"


def test_each_line_of_a_segment_starting_with_a_capital_starts_with_one(backbone):
    # session 70: "Second line" alone came out "Zweite Zeile", as a second line "zweite Zeile"
    translator = _ScriptedTranslator(backbone, fused="", plain="zweite Zeile")
    sources = ["First line\nSecond line", "First line\nsecond line"]
    for fit in (True, False):
        results = translator.translate(sources, fit=fit)
        assert [r.text for r in results] == [
            "Zweite Zeile\nZweite Zeile",
            "Zweite Zeile\nzweite Zeile",  # a line the source starts small: as the model wrote it
        ]


def test_a_label_of_the_models_lexicon_is_written_as_it_says(tiny_model_dir, tmp_path):
    model = tmp_path / "model"
    shutil.copytree(tiny_model_dir, model)
    LabelLexicon({"^paste": "Einfügen"}).save(model)
    translator = _ScriptedTranslator(model, fused="", plain="Vergangenheit")
    results = translator.translate(["_Paste", "Paste\nPaste it", "PASTE"])
    assert [r.text for r in results] == [
        "_Einfügen",  # the accelerator placed as for the model's output
        "Einfügen\nVergangenheit",
        "EINFÜGEN",  # given in sentence case, written back in capitals
    ]
    # a glossary term, the user's memory, or asked not to: the model's
    from ltmt.terminology.terms import Term

    glossary = [Term("paste", "kleben")]
    termed = _ScriptedTranslator(model, fused="", plain="Vergangenheit", glossary=glossary)
    assert termed.translate(["Paste"])[0].text != "Einfügen"  # the glossary's decoding
    memory = FakeMemory([("Paste the text", "Den Text kleben")])
    fused = _ScriptedTranslator(
        model, memory, fusion=_AnyMatchFusion(), fused="Kleben", plain="Vergangenheit"
    )
    assert fused.translate(["Paste"], user="u1")[0].text == "Kleben"
    off = _ScriptedTranslator(model, fused="", plain="Vergangenheit", labels=False)
    assert off.translate(["Paste"])[0].text == "Vergangenheit"


class _NumberDroppingTranslator(_CopyingTranslator):
    """Drops the numbers of a line, but keeps a tag (as the shipped model did: ``Activate
    favorite application 6`` → ``Lieblings-Anwendung aktivieren``)."""

    def decode(self, batch, state=None):
        texts = [self.texts[ids[0]] for ids in batch]
        self.seen.append(texts)
        return [self.words.get(re.sub(r"\d+", "", text).strip(), text) for text in texts]


@pytest.mark.parametrize(
    ("line", "expected", "decodes", "repaired", "not_repairable"),
    [
        ("Activate application 6", "Anwendung 6 aktivieren", 2, True, False),
        # a retry that goes on repeating itself is not kept: the number is still lost, counted
        # so that --strict fails the run
        ("Repeat step 9", "Schritt wiederholen", 2, False, True),
        # a retry not kept (a fintech trial's: its "%-C" reads as a placeholder the line lacks)
        ("Earn 2% cashback", "Cashback verdienen", 2, False, True),
        # a placeholder's digits are not tagged: the placeholder is put back by fitting
        ("Open %1$s twice", "Zweimal öffnen %1$s", 1, False, False),
        ("Open it", "Öffnen", 1, False, False),  # no number to lose
    ],
)
def test_a_line_that_lost_a_number_is_decoded_again_with_it_as_a_tag(
    backbone, line, expected, decodes, repaired, not_repairable
):
    words = {
        "Earn % cashback": "Cashback verdienen",
        "Earn <x/>% cashback": "Früher <x/>%-Cshback",
        "Activate application": "Anwendung aktivieren",
        "Activate application <x/>": "Anwendung <x/> aktivieren",
        "Open %$s twice": "Zweimal öffnen",
        "Open it": "Öffnen",
        "Repeat step": "Schritt wiederholen",
        "Repeat step <x/>": "Schritt <x/> wiederholen" + ", wiederholen" * 10,
    }
    translator = _NumberDroppingTranslator(backbone, words=words, label_retry=False)
    [result] = translator.translate([line])
    assert result.text == expected
    assert len(translator.seen) == decodes
    assert (result.numbers_repaired, result.numbers_not_repairable) == (repaired, not_repairable)
    off = _NumberDroppingTranslator(backbone, words=words, number_repair=False)
    assert len(off.seen) == 0 and len(off.translate([line])[0].text) <= len(expected)
    assert len(off.seen) == 1  # not decoded again


class _CodeGarblingTranslator(_CopyingTranslator):
    """Writes ``fused`` with memory; without it writes a code's repeated digits wrong
    (``SKU-001515`` for ``SKU-000015``, as the shipped model did) but keeps a tag in its place,
    or writes ``retried`` for a line with a tag where given."""

    def __init__(self, *args, fused, retried=None, **kwargs):
        super().__init__(*args, words={}, **kwargs)
        self.fused, self.retried = fused, retried

    def decode(self, batch, state=None):
        if state is not None:
            return [self.fused] * len(batch)
        texts = [self.texts[ids[0]] for ids in batch]
        self.seen.append(texts)
        return [
            self.retried
            if self.retried is not None and "<x/>" in text
            else text.replace("Item", "Artikel").replace("000015", "001515")
            for text in texts
        ]


@pytest.mark.parametrize(
    ("fused", "retried", "expected", "method", "not_repairable"),
    [
        # the model alone keeps the code once given it as a tag: its output wins
        ("Artikel SKU-001515", None, "Artikel SKU-000015", "model", False),
        # the fused output that keeps the code stays
        ("Position SKU-000015", None, "Position SKU-000015", "fake", False),
        # nothing keeps it (the retry repeats itself): the fused output stays, counted, so
        # that --strict fails the run
        ("Artikel SKU-001515", "Artikel" + " SKU-<x/>" * 9, "Artikel SKU-001515", "fake", True),
    ],
)
def test_a_fused_output_that_garbled_a_code_loses_to_the_model_retried_with_it_as_a_tag(
    backbone, fused, retried, expected, method, not_repairable
):
    memory = FakeMemory([("Item SKU-4711", "Artikel SKU-4711")])
    translator = _CodeGarblingTranslator(
        backbone, memory, fusion=_AnyMatchFusion(), fused=fused, retried=retried, label_retry=False
    )
    [result] = translator.translate(["Item SKU-000015"], user="u1")
    assert (result.text, result.method) == (expected, method)
    assert (result.numbers_repaired, result.numbers_not_repairable) == (False, not_repairable)


@pytest.mark.parametrize(
    ("line", "output", "expected", "repaired", "not_repairable"),
    [
        # the model's stutter in an amount: written whole in German's form
        ("price eur 49.99", "Preis 49,9,99 Euro", "Preis 49,99 Euro", True, False),
        # a version it garbled: left, and counted, so that --strict fails the run
        ("needs 2.4.1", "braucht 2.4.4.1", "braucht 2.4.4.1", False, True),
    ],
)
def test_an_output_with_a_number_of_no_form_of_the_sources_is_repaired_or_counted(
    backbone, line, output, expected, repaired, not_repairable
):
    translator = _CopyingTranslator(backbone, words={line: output}, label_retry=False)
    [result] = translator.translate([line])
    assert result.text == expected
    assert (result.numbers_repaired, result.numbers_not_repairable) == (repaired, not_repairable)


def test_a_line_of_sentences_decoded_without_memory_goes_a_sentence_at_a_time(backbone):
    """A model trained on sentences drops some of several given at once; a fused line keeps its
    match's whole context (decoded whole first: only an output that lost a sentence is
    decoded again a sentence at a time, :mod:`ltmt.sentence_memory`)."""
    line = "open the file in the window now. close the window and save the file."
    strong = Match(Segment(2, "u1", line, "Datei öffnen. Fenster schließen.", 0.0, "test"), 90.0)

    class Fixed(FakeMemory):
        def search_batch(self, user, texts, k=4):
            return [[strong] if text == line else [] for text in texts]

    [split] = Translator(backbone, beam=1).translate([line])
    [whole] = Translator(backbone, beam=1, sentence_split=False).translate([line])
    assert (split.pieces, whole.pieces) == (2, 1)
    fusing = Translator(backbone, Fixed([]), fusion="knn", beam=1, copy_guard=False)
    decoded = fusing.translate_retrieved([line], [(strong,)], [None], None)
    assert (decoded[0].method, decoded[0].pieces) == ("knn", 1)


def test_a_translator_cannot_be_pickled_and_says_what_to_do(backbone):
    import pickle

    with pytest.raises(TypeError, match=r"^a Translator cannot be pickled .*make one in each"):
        pickle.dumps(Translator(backbone, beam=1))


def test_a_translator_told_not_to_warns_of_no_unknown_user(backbone, caplog):
    """The server's: its users are named by their keys, and its log is every customer's."""
    memory = FakeMemory([("hello world", "Hallo Welt")])
    translator = Translator(backbone, memory, beam=1, warn_unknown_user=False)
    with caplog.at_level(logging.WARNING, logger="ltmt.translator"):
        translator.translate(["hello world"], user="newcomer")
    assert "no user" not in caplog.text


def test_a_users_memory_of_another_target_language_is_refused(backbone, tmp_path):
    """An en→fr memory (a mistyped --tgt-lang at import) for the en→de model: its 100 % match
    was copied into the German output; the server's translations take the same path."""
    from ltmt.memory.store import Memory

    with Memory(tmp_path / "store") as memory:
        memory.import_pairs("fr", [("Only here.", "Seulement ici.")], languages=("en", "fr"))
        memory.import_pairs("at", [("Only here.", "Nur hier.")], languages=("en-US", "de-AT"))
        translator = Translator(backbone, memory, beam=1)
        with pytest.raises(InputError, match=r"^fr's memory holds en → fr pairs, but this"):
            translator.translate(["Only here."], user="fr")
        with pytest.raises(InputError, match=r"^fr's memory holds en → fr pairs"):
            translator.translate_for_users([("fr", ["Only here."])])
        [result] = translator.translate(["Only here."], user="at")
    assert result.text == "Nur hier."


def test_a_smartformat_plural_keeps_its_head_forms_and_brace(backbone):
    translator = Translator(backbone, beam=1)
    texts = ["You have {lives:plural:one life|{} lives} left.", "open the file"]
    done = []
    results = translator.translate(texts, progress=done.append)
    assert [r.source for r in results] == texts
    assert results[0].text.count("{lives:plural:") == 1
    expression = results[0].text.split("{lives:plural:", 1)[1]
    assert expression.count("|") >= 1 and "{}" in expression and "}" in expression
    assert results[1].text == translator.translate(["open the file"])[0].text
    assert sum(done) == len(texts)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a conditional: its head, each form's condition, the bar and the brace
        ("{hp:cond:>50?You look healthy.|You are hurt.}", ["{hp:cond:>50?", "|", "}"]),
        # a plural beside its selector's field: the sentence's fields and the plural's head
        ("You own {count} {count:plural:gem|gems}.", ["{count} ", "{count:plural:", "|", "}"]),
    ],
)
def test_a_smartformat_conditional_or_plural_beside_its_field_keeps_its_syntax(
    backbone, text, kept
):
    [result] = Translator(backbone, beam=1).translate([text])
    assert result.source == text
    assert "{count_2}" not in result.text and "{hp}" not in result.text
    at = 0
    for part in kept:  # in the source's order
        assert part in result.text[at:], (part, result.text)
        at = result.text.index(part, at) + len(part)


def test_a_text_with_paired_tags_is_translated_as_the_command_and_the_server_do(
    tiny_model_dir, tmp_path
):
    """``Click <a href="/billing">here</a> to open your <b>invoice</b>.`` came back from
    ``Translator.translate`` with its tagged words in English (the model given the tags), while
    ``ltmt translate`` and the server translate it without them, the tagged words apart: the
    three now answer alike, and an untagged text beside it as before."""
    from ltmt.formats.documents import Unit
    from ltmt.formats.unit_translation import for_translator, translate_units
    from ltmt.server.config import ServerConfig
    from ltmt.server.service import Service

    text = 'Click <a href="/billing">here</a> to open your <b>invoice</b>.'
    texts = [text, "here"]
    service = Service(ServerConfig(model=str(tiny_model_dir), memory_dir=str(tmp_path / "s")))
    try:
        memory = service.memory
        memory.add(
            "u", "Click here to open your invoice.", "Klicken Sie hier, um Ihre Rechnung zu öffnen."
        )
        memory.add("u", "here", "hier")
        memory.add("u", "invoice", "Rechnung")
        server = service.translate_segments("u", texts, service.options("none", 1))
        translator = Translator(tiny_model_dir, memory=memory, beam=1)
        api = translator.translate(texts, user="u")
        units = [Unit(str(n), t) for n, t in enumerate(texts)]
        command = translate_units(units, for_translator(translator, "u"))  # ltmt translate's
    finally:
        service.close()
    expected = [
        'Klicken Sie <a href="/billing">hier</a>, um Ihre <b>Rechnung</b> zu öffnen.',
        "hier",
    ]
    assert [t.text for t in api] == [t.text for t in server] == [o.text for o in command]
    assert [t.text for t in api] == expected
    assert [t.source for t in api] == texts


def test_a_short_line_of_sentences_says_it_was_split_for_them_not_for_length(backbone):
    translator = Translator(backbone, beam=1)
    short = "Payment failed. Please check your card details."
    long_line = " ".join(["Open the file and save the file as a copy now."] * 40)
    [by_sentence, whole, split] = translator.translate([short, "Open the file", long_line])
    assert (by_sentence.pieces, by_sentence.sentence_split) == (2, True)
    assert (whole.pieces, whole.sentence_split) == (1, False)
    assert split.pieces > 1 and split.sentence_split is False


def test_a_stage_direction_is_translated_apart_and_put_back_in_its_marks(backbone):
    """``[whispering] Stay close.`` (a game VO trial's): the model gets the direction's words
    and the spoken text as two lines, and the direction comes back first, in its marks, in
    small letters (:mod:`ltmt.stage_directions`)."""
    translator = Translator(backbone, beam=1)
    [result] = translator.translate(["[whispering] Open the file"])
    [words, spoken] = (t.text for t in translator.translate(["whispering", "Open the file"]))
    direction = as_direction(words, "whispering")
    assert (result.text, result.pieces) == (f"[{direction}] {spoken}", 2)


@pytest.mark.parametrize(
    "line",
    ["[whispering] Mira, stay close.", "(sighs) You always say that.", "*laughs* And I'm right."],
)
def test_a_line_with_a_stage_direction_comes_back_whole(backbone, line):
    """Each of the three marks, a reST emphasis's stars too (no pair set aside)."""
    [result] = _copying(Translator(backbone, beam=1)).translate([line])
    assert (result.text, result.pieces) == (line, 2)


def test_translate_html_keeps_each_strings_structure_and_reuses_its_blocks_matches(
    backbone, tmp_path
):
    # trial s76: a Help Center body given to translate() whole came back with its markup
    # scrambled; translate_html reads it as a page, block by block
    from ltmt import Memory

    body = (
        "<h2>Before you start</h2><p>Only account owners can change billing details.</p>"
        "<table><tr><td>Team</td><td>$19 / month</td></tr></table>"
    )
    with Memory(tmp_path) as memory:
        memory.add(
            "u1", "Only account owners can change billing details.", "Nur Kontoinhaber dürfen das."
        )
        memory.add("u1", "Team", "Team-Tarif")
        translator = Translator(backbone, memory, beam=1)
        [html, other] = translator.translate_html([body, "<p>Team</p>"], "u1")
    assert "<p>Nur Kontoinhaber dürfen das.</p>" in html
    assert "<td>Team-Tarif</td>" in html
    assert re.findall(r"</?\w+>", html) == re.findall(r"</?\w+>", body)  # tags in place
    assert other == "<p>Team-Tarif</p>"


def test_translate_html_of_a_string_without_text_and_a_closed_translator(backbone):
    translator = Translator(backbone, beam=1)
    assert translator.translate_html(["<ul><li>42</li></ul>", ""]) == ["<ul><li>42</li></ul>", ""]
    with pytest.raises(InputError, match="list"):
        translator.translate_html("<p>Hello</p>")  # type: ignore[arg-type]
    translator.close()
    with pytest.raises(ClosedError):
        translator.translate_html(["<p>Hello</p>"])

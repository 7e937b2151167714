"""Decoding steered to a form of address: the penalty, where it applies, and the option."""

from __future__ import annotations

import pytest
import torch

from ltmt.address_steering import (
    IMPERSONAL,
    AddressPenalty,
    address_missed,
    lost_final_mark,
    more_impersonal,
    other_form_in,
    other_form_tokens,
    steer_address,
    steer_redecoded,
    word_tokens,
)
from ltmt.errors import ChoiceError, ConfigError
from ltmt.qa.formality_checks import addresses_reader
from ltmt.translator import Translator
from ltmt.units import Unit


def test_the_penalty_falls_on_steered_rows_and_on_a_word_s_last_token_after_its_others():
    words = [(5,), (7, 8)]
    state = AddressPenalty(words, [True, False], penalty=6.0)
    log_probs = torch.zeros(3, 10)
    rows = torch.tensor([0, 0, 1])  # two rows of the steered sentence, one of the other
    prefix = torch.tensor([[0, 3, 7], [0, 3, 4], [0, 3, 7]])  # the start token first
    state.fuse_log_probs(torch.zeros(3, 4), log_probs, rows, prefix)
    assert log_probs[0].tolist() == [0, 0, 0, 0, 0, -6, 0, 0, -6, 0]  # after 7: 8 too
    assert log_probs[1].tolist() == [0, 0, 0, 0, 0, -6, 0, 0, 0, 0]
    assert log_probs[2].tolist() == [0.0] * 10  # its source says no "you"


def test_the_penalty_wraps_the_inner_state():
    class Plus:
        def fuse_hidden(self, hidden, rows):
            return hidden + 1

        def fuse_log_probs(self, hidden, log_probs, rows, prefix=None):
            return log_probs + 1

    state = AddressPenalty([(2,)], [True], Plus(), penalty=3.0)
    assert state.fuse_hidden(torch.zeros(1, 2), torch.tensor([0])).tolist() == [[1.0, 1.0]]
    out = state.fuse_log_probs(
        torch.zeros(1, 2), torch.zeros(1, 4), torch.tensor([0]), torch.tensor([[0]])
    )
    assert out.tolist() == [[1.0, 1.0, -2.0, 1.0]]


def test_the_other_form_s_words_are_qa_s_pronouns_the_model_can_write(tiny_backbone, caplog):
    def ids(word):
        return tuple(
            tiny_backbone.tokenizer(text_target=word, add_special_tokens=False)["input_ids"]
        )

    informal = other_form_tokens(tiny_backbone, "formal")
    assert ids("du") in informal and ids("deine") in informal and ids("dich") in informal
    # the tiny model has no capital S or I: nothing of the formal form to steer from, no warning
    assert other_form_tokens(tiny_backbone, "informal") == []
    assert not caplog.records


@pytest.mark.parametrize(
    ("source", "steered"),
    [
        ("Your cart is empty.", True),
        ("Help yourself to a free trial.", True),
        ("Try again!", False),  # a command: steered, the default model broke its German
        ("They will arrive tomorrow and she will call.", False),  # "Sie" is "they" here
        ("The file was not found.", False),
    ],
)
def test_a_line_is_steered_where_its_source_addresses_the_reader(source, steered):
    assert addresses_reader(source) is steered


@pytest.mark.parametrize(
    ("output", "source", "form", "other"),
    [
        ("Sie haben keine neuen Nachrichten.", "You have no new messages.", "informal", True),
        ("Du hast keine neuen Nachrichten.", "You have no new messages.", "informal", False),
        ("Du hast keine neuen Nachrichten.", "You have no new messages.", "formal", True),
        ("Ihr Passwort ist zu kurz.", "Your password is too short.", "informal", True),
        ("Sie haben keine neuen Nachrichten.", "You have no new messages.", "formal", False),
    ],
)
def test_the_other_form_is_read_as_qa_reads_it(output, source, form, other):
    assert other_form_in(output, source, form) is other


def test_only_lines_saying_you_in_the_other_form_are_decoded_again(tiny_backbone, monkeypatch):
    translator = Translator(tiny_backbone, beam=1, formality="du")
    decoded = []

    def decode(batch, state=None):
        decoded.append((batch, state))
        return ["du öffnest die Datei"] * len(batch)

    monkeypatch.setattr(translator, "decode", decode)
    units = [Unit(0, "you open the file"), Unit(1, "they open the file"), Unit(2, "you save it")]
    outputs = ["Sie öffnen die Datei", "Sie öffnen die Datei", "du speicherst sie"]
    replaced = steer_address(translator, "informal", units, [(), (), ()], [[], [], []], outputs)
    assert replaced == {0}
    assert [batch for batch, _ in decoded] == [translator.encode(["you open the file"])]
    assert isinstance(decoded[0][1], AddressPenalty) and decoded[0][1].steered == [True]
    assert outputs == ["du öffnest die Datei", "Sie öffnen die Datei", "du speicherst sie"]


def test_a_steered_output_that_tacks_a_glossary_target_on_is_not_taken(tiny_backbone, monkeypatch):
    """An e-mail template's trial (session 68): the first output had the glossary's
    ``Workspace`` in place, the steered one the model's word and ``Workspace`` after the end
    (``im Arbeitsbereich. Workspace.``), or after the ``{{/if}}`` the line ends in."""
    from ltmt.terminology.matching import TermMatcher
    from ltmt.terminology.terms import Term

    translator = Translator(tiny_backbone, beam=1, formality="du")
    steered = [
        "Du hast sie im Arbeitsbereich. Workspace.",
        "<x1/>Behalte ihn im Arbeitsbereich.<x2/> Workspace behalten",
    ]
    monkeypatch.setattr(translator, "decode", lambda batch, state=None: steered[: len(batch)])
    units = [Unit(0, "You have them in your workspace."), Unit(1, "<x1/>Keep your workspace.<x2/>")]
    matcher = TermMatcher([Term("workspace", "Workspace")])
    hits = [matcher.find(unit.text) for unit in units]
    outputs = ["Sie haben sie in Ihrem Workspace.", "<x1/>Behalten Sie Ihren Workspace.<x2/>"]
    first = list(outputs)
    assert steer_address(translator, "informal", units, [(), ()], hits, outputs) == set()
    assert outputs == first


@pytest.mark.parametrize(
    ("steered", "first", "worse"),
    [
        # the trial's email (session 68): the steered line dodged into "man", a tense changed
        (
            "Wenn man Fragen hat, so antwortete man nur auf diese E-Mail.",
            "Wenn Sie Fragen haben, so antworten Sie nur auf diese E-Mail.",
            True,
        ),
        ("Man kann es später finden.", "Sie können es später finden.", True),
        ("Du kannst es später finden.", "Man kann es später finden.", False),
        ("Man kann es finden, du auch.", "Man kann es finden, Sie auch.", False),
        ("Du hast den Mann gesehen.", "Sie haben den Mann gesehen.", False),  # no "man"
    ],
)
def test_a_steered_line_that_says_man_more_often_is_no_better(steered, first, worse):
    assert more_impersonal(steered, first) is worse


@pytest.mark.parametrize(
    ("output", "source", "form", "missed"),
    [
        ("Wenn man Fragen hat.", "If you have any questions.", "informal", True),
        ("Wenn Sie Fragen haben.", "If you have any questions.", "informal", True),
        ("Wenn du Fragen hast.", "If you have any questions.", "informal", False),
        ("Wenn du Fragen hast.", "If you have any questions.", "formal", True),
        ("Man kann es nicht öffnen.", "It cannot be opened.", "informal", False),  # no "you"
        ("Sie haben es geöffnet.", "They opened it.", "informal", False),
        # as qa's formality check judges it (session 70): a command without "you" left
        # formal is missed, "she"'s Sie beside a dich is not
        ("Klicken Sie mich", "Click me", "informal", True),
        ("Sie hat dich ins Team eingeladen.", "She invited you to the team.", "informal", False),
        ("Sie können das ändern.", "You can change that.", "informal", True),
        # trial s74: a choice's "Sie" for the source's "She" is no formal address
        (
            "{0:choose(1|2):Er|Sie} schmiedet dein Schwert.",
            "{0:choose(1|2):He|She} will forge your sword.",
            "informal",
            False,
        ),
    ],
)
def test_a_line_saying_you_in_the_other_form_or_impersonal_is_missed(output, source, form, missed):
    assert address_missed(output, source, form) is missed


def test_a_steered_decoding_that_dodges_into_man_keeps_the_first_output(tiny_backbone, monkeypatch):
    translator = Translator(tiny_backbone, beam=1, formality="du")
    decoded = []

    def decode(batch, state=None):
        decoded.append(state)
        return ["wenn man Fragen hat", "du öffnest die Datei"]

    monkeypatch.setattr(translator, "decode", decode)
    units = [Unit(0, "if you have questions"), Unit(1, "you open the file")]
    outputs = ["wenn Sie Fragen haben", "Sie öffnen die Datei"]
    replaced = steer_address(translator, "informal", units, [(), ()], [[], []], outputs)
    assert replaced == {1}
    assert outputs == ["wenn Sie Fragen haben", "du öffnest die Datei"]
    # "man" is penalised beside the other form's pronouns
    impersonal = word_tokens(tiny_backbone, IMPERSONAL)
    assert impersonal and all(ids in decoded[0].words for ids in impersonal)


@pytest.mark.parametrize(
    ("steered", "first", "source", "lost"),
    [
        # trial s77 gameloc2: the steered decode stopped short
        (
            "Du hast einen Heiltrank",
            "Sie tranken einen Heiltrank.",
            "You drank a health potion.",
            True,
        ),
        (
            "Du hast einen Heiltrank getrunken.",
            "Sie tranken einen Heiltrank.",
            "You drank it.",
            False,
        ),
        ("Du hast es gefunden!", "Sie haben es gefunden.", "You found it!", False),
        # a source or first output without a final mark: nothing to lose
        ("Datei öffnen", "Datei öffnen", "Open file", False),
        ("Du öffnest die Datei", "Sie öffnen die Datei", "You open the file.", False),
    ],
)
def test_a_steered_output_that_lost_the_final_mark_is_told(steered, first, source, lost):
    assert lost_final_mark(steered, first, source) is lost


def test_a_steered_decoding_that_lost_the_final_mark_keeps_the_first_output(
    tiny_backbone, monkeypatch
):
    translator = Translator(tiny_backbone, beam=1, formality="du")
    monkeypatch.setattr(
        translator, "decode", lambda batch, state=None: ["du hast einen trank", "du öffnest sie."]
    )
    units = [Unit(0, "you drank a potion."), Unit(1, "you open it.")]
    outputs = ["Sie tranken einen Trank.", "Sie öffnen sie."]
    replaced = steer_address(translator, "informal", units, [(), ()], [[], []], outputs)
    assert replaced == {1}
    assert outputs == ["Sie tranken einen Trank.", "du öffnest sie."]


def test_without_formality_nothing_is_steered(tiny_backbone, monkeypatch):
    texts = ["you open the file", "the file was not found"]
    plain = [t.text for t in Translator(tiny_backbone, beam=1).translate(texts)]
    asked = [t.text for t in Translator(tiny_backbone, beam=1, formality="Sie").translate(texts)]
    assert asked == plain  # the tiny model writes no pronoun of either form

    def refuse(*_args, **_kwargs):
        raise AssertionError("steered without formality")

    monkeypatch.setattr("ltmt.translator.steer_address", refuse)
    assert [t.text for t in Translator(tiny_backbone, beam=1).translate(texts)] == plain


@pytest.mark.parametrize(
    ("value", "error", "message"),
    [
        ("Du-Form", ChoiceError, r"^--formality 'Du-Form': use du \(informal\) or Sie \(formal\)$"),
        (1, ConfigError, r"^formality must be 'du' or 'Sie' \(or None\), not a int: 1$"),
    ],
)
def test_a_bad_formality_is_refused(tiny_backbone, value, error, message):
    with pytest.raises(error, match=message):
        Translator(tiny_backbone, beam=1, formality=value)


@pytest.mark.parametrize(("value", "form"), [("du", "informal"), ("SIE", "formal"), (None, None)])
def test_formality_takes_qa_s_names(tiny_backbone, value, form):
    assert Translator(tiny_backbone, beam=1, formality=value).formality == form


def test_a_glossary_line_whose_steered_output_runs_on_is_read_with_its_targets_in_place(
    tiny_backbone, monkeypatch
):
    """A game VO trial: ``You found {count} shards.`` with ``shard → Splitter`` kept ``Sie haben
    {count} Splitter gefunden.`` under --formality du: decoded steered under the term's
    constraint the default model ran on (``... gefunden. Spards. Spuren Spuren``). Read as
    ``You found {count} Splitter.``, steered without the constraint, it says du."""
    from ltmt.terminology.matching import TermMatcher
    from ltmt.terminology.terms import Term

    translator = Translator(tiny_backbone, beam=1, formality="du")
    decoded = []
    steered = [
        [
            "Du hast {count} Schatten gefunden. Spards. Spuren Spuren",
            "Du hast Schatten gefunden. Spuren Spuren",
        ],
        ["Du hast {count} splitter gefunden.", "Du hast Schatten gefunden."],
    ]

    def decode(batch, state=None):
        decoded.append((batch, state))
        return steered[len(decoded) - 1][: len(batch)]

    monkeypatch.setattr(translator, "decode", decode)
    units = [Unit(0, "You found {count} shards."), Unit(1, "You found shards.")]
    matcher = TermMatcher([Term("shard", "splitter")])  # the tiny model writes no capital S
    hits = [matcher.find(unit.text) for unit in units]
    outputs = ["Sie haben {count} splitter gefunden.", "Sie haben splitter gefunden."]
    assert steer_address(translator, "informal", units, [(), ()], hits, outputs) == {0}
    # the second output lacks the target the first had: not taken
    assert outputs == ["Du hast {count} splitter gefunden.", "Sie haben splitter gefunden."]
    (first, constrained), (second, plain) = decoded
    assert first == translator.encode([u.text for u in units])
    assert isinstance(constrained, AddressPenalty) and constrained.inner is not None
    assert second == translator.encode(["You found {count} splitter.", "You found splitter."])
    assert isinstance(plain, AddressPenalty) and plain.inner is None and plain.steered == [True] * 2


# -- every later decode of a line (a guard's, a retry's) steered as the first is ---------------


def _reads_memory(state):
    """Whether ``state`` is, or wraps, :class:`_AnyMatchFusion`'s state."""
    while state is not None:
        if type(state) is object:
            return True
        state = getattr(state, "inner", None)
    return False


def _script(batch, state, texts):
    """What :class:`_AddressingTranslator` writes for ``batch``: per text of ``texts`` (by
    its id), the fused or plain translation, steered or not, that ``state`` asks for."""
    kind = "fused" if _reads_memory(state) else "plain"
    if isinstance(state, AddressPenalty):
        kind = "steered fused" if kind == "fused" else "steered"
    return [texts[ids[0]][kind] for ids in batch]


class _AddressingTranslator(Translator):
    """Decodes by script (``translations``: text → kind → translation, :func:`_script`), each
    decode's state kept in :attr:`states`; a tiny model writes no German pronoun."""

    def __init__(self, *args, translations, **kwargs):
        super().__init__(*args, **kwargs)
        self.translations = translations
        self.texts: list[str] = []
        self.states: list[object] = []

    def encode(self, texts, segments=None):
        # an id that names the text, then as many as a source whose output fits the limit
        self.texts += texts
        return [[len(self.texts) - len(texts) + n, *[0] * 63] for n in range(len(texts))]

    def decode(self, batch, state=None):
        self.states.append(state)
        by_id = [self.translations[text] for text in self.texts]
        return _script(batch, state, by_id)


class _WeakMemory:
    """One weak match of other words for every line."""

    def search_batch(self, user, texts, k=4):
        from ltmt.segments import Match, Segment

        return [[Match(Segment(0, "u1", "Description", "Beschreibung", 0.0, "test"), 52.0)]] * len(
            texts
        )

    def users(self):
        return ["u1"]


class _AnyMatchFusion:
    """A fusion that reads every match (decoding is scripted)."""

    name = "fake"

    def prepare(self, backbone, sources, matches):
        return object()


@pytest.mark.parametrize("formality", ["du", "Sie"])
def test_a_decode_without_memory_is_steered_to_the_form_asked(tiny_backbone, formality):
    """Session 72: a guard's or a retry's decode (``decode_ids``, ``decode_texts``) wrote the
    model's form, ``Sie``, after the line had been steered to du."""
    asked, other = (
        ("du öffnest", "Sie öffnen") if formality == "du" else ("Sie öffnen", "du öffnest")
    )
    translations = {
        "you open it": {"plain": f"{other} es", "steered": f"{asked} es"},
        "they open it": {"plain": "Sie öffnen es", "steered": "sie öffnen es"},
    }
    translator = _AddressingTranslator(
        tiny_backbone, beam=1, formality=formality, translations=translations
    )
    texts = ["you open it", "they open it"]
    assert translator.decode_texts(texts, [0, 1]) == [f"{asked} es", "Sie öffnen es"]
    steered = translator.states[-1]
    assert isinstance(steered, AddressPenalty) and steered.steered == [True]
    assert steered.inner is None
    encoded = translator.encode(texts)
    assert translator.decode_ids(encoded, sources=texts) == [f"{asked} es", "Sie öffnen es"]


def test_without_formality_a_decode_without_memory_is_not_steered(tiny_backbone):
    translations = {"you open it": {"plain": "Sie öffnen es", "steered": "du öffnest es"}}
    translator = _AddressingTranslator(tiny_backbone, beam=1, translations=translations)
    assert translator.decode_texts(["you open it"], [0]) == ["Sie öffnen es"]
    assert translator.states == [None]


def test_a_steered_decode_without_memory_follows_the_glossary_and_may_be_refused(tiny_backbone):
    from ltmt.terminology.matching import TermMatcher
    from ltmt.terminology.terms import Term

    translations = {
        "if you open the file": {
            "plain": "wenn Sie die datei öffnen",
            "steered": "wenn man die datei öffnet",  # dodged into "man": refused
        },
        "you open the file": {"plain": "Sie öffnen die datei", "steered": "du öffnest die datei"},
    }
    translator = _AddressingTranslator(
        tiny_backbone, beam=1, formality="du", translations=translations
    )
    texts = list(translations)
    matcher = TermMatcher([Term("file", "datei")])
    hits = [matcher.find(text) for text in texts]
    outputs = translator.decode_ids(translator.encode(texts), hits, sources=texts)
    assert outputs == ["wenn Sie die datei öffnen", "du öffnest die datei"]
    steered = translator.states[-1]
    assert isinstance(steered, AddressPenalty) and steered.inner is not None  # the constraint


def test_the_rows_decoded_again_are_those_saying_you_in_the_other_form(tiny_backbone):
    translations = {
        "you open the file": {"plain": "Sie öffnen die Datei", "steered": "du öffnest die Datei"},
        "they open the file": {"plain": "Sie öffnen die Datei", "steered": "unused"},
        "you save it": {"plain": "du speicherst es", "steered": "unused"},
    }
    translator = _AddressingTranslator(
        tiny_backbone, beam=1, formality="du", translations=translations
    )
    texts = list(translations)
    encoded = translator.encode(texts)
    outputs = [translations[text]["plain"] for text in texts]
    assert steer_redecoded(translator, "informal", encoded, texts, (), outputs) == {0}
    assert outputs == ["du öffnest die Datei", "Sie öffnen die Datei", "du speicherst es"]
    assert len(translator.states) == 1 and translator.states[0].steered == [True]
    with pytest.raises(ValueError, match="zip"):
        steer_redecoded(translator, "informal", encoded, texts[:2], (), outputs)


@pytest.mark.parametrize(
    ("line", "translations", "expected"),
    [
        # the placeholder guard: the fused output lost %s; the steered one too (the memory
        # wrote it so); decoded without memory, the model's own kept it, in the other form
        (
            "open your %s later",
            {
                "fused": "öffnen Sie es später",
                "steered fused": "öffne es später",
                "plain": "öffnen Sie Ihr %s später",
                "steered": "öffne dein %s später",
            },
            "öffne dein %s später",
        ),
        # the copied-label retry: fusion copied the line, decoded again without memory
        (
            "save your changes",
            {
                "fused": "save your changes",
                "steered fused": "save your changes",
                "plain": "speichern Sie Ihre änderungen",
                "steered": "speichere deine änderungen",
            },
            "speichere deine änderungen",
        ),
    ],
)
def test_a_guard_s_decode_without_memory_keeps_the_form_asked(
    tiny_backbone, line, translations, expected
):
    translator = _AddressingTranslator(
        tiny_backbone,
        _WeakMemory(),
        fusion=_AnyMatchFusion(),
        beam=1,
        formality="du",
        translations={line: translations},
    )
    [result] = translator.translate([line], user="u1", fit=False)
    assert (result.text, result.method) == (expected, "model")
    assert isinstance(translator.states[-1], AddressPenalty)


def test_a_lost_number_s_retry_keeps_the_form_asked(tiny_backbone):
    """The lost numbers' retry reads the line with its number as a tag."""
    line = "you have 300 new messages"
    tagged = "you have <x/> new messages"
    translations = {
        line: {"plain": "neue nachrichten", "steered": "neue nachrichten"},
        tagged: {
            "plain": "Sie haben <x/> neue nachrichten",
            "steered": "du hast <x/> neue nachrichten",
        },
    }
    translator = _AddressingTranslator(
        tiny_backbone, beam=1, formality="du", translations=translations
    )
    [result] = translator.translate([line])
    assert result.text == "du hast 300 neue nachrichten"


def test_a_first_word_spared_is_not_penalised_there_but_after_it():
    """Trial s75: the "Sie" that starts a line for the source's "She" or "They" was steered
    into "Du" (``Du antwortete deine Anmerkung.``); it is spared as the first word alone."""
    state = AddressPenalty(
        [(5,), (6,)], [True, True], penalty=6.0, spared=[(5,)], spares_first=[True, False]
    )
    log_probs = torch.zeros(3, 8)
    rows = torch.tensor([0, 0, 1])
    prefix = torch.tensor([[0], [0], [0]])  # the first word: the start token alone
    state.fuse_log_probs(torch.zeros(3, 4), log_probs, rows, prefix)
    assert log_probs[0].tolist() == [0, 0, 0, 0, 0, 0, -6, 0]  # Sie spared, Ihre not
    assert log_probs[2].tolist() == [0, 0, 0, 0, 0, -6, -6, 0]  # its source says "you"
    later = torch.zeros(1, 8)
    state.fuse_log_probs(torch.zeros(1, 4), later, torch.tensor([0]), torch.tensor([[0, 3]]))
    assert later[0].tolist() == [0, 0, 0, 0, 0, -6, -6, 0]  # not the first word: penalised


def test_a_she_or_they_line_is_steered_sparing_its_sie_and_not_made_du(tiny_backbone, monkeypatch):
    """A steered output that makes "She" the reader (``Du ...``) is not taken; the steering
    spares the first "Sie" of the lines whose source starts with "She" or "They" alone."""
    translator = Translator(tiny_backbone, beam=1, formality="du")
    decoded = []

    def decode(batch, state=None):
        decoded.append(state)
        return ["Du antwortetest auf deinen Kommentar.", "Sie hat deine Bemerkung gelesen."]

    monkeypatch.setattr(translator, "decode", decode)
    units = [Unit(0, "They replied to your comment."), Unit(1, "She read your remark.")]
    outputs = ["Sie antworteten auf Ihren Kommentar.", "Sie las Ihre Bemerkung."]
    replaced = steer_address(translator, "informal", units, [(), ()], [[], []], outputs)
    assert replaced == {1}
    assert outputs == ["Sie antworteten auf Ihren Kommentar.", "Sie hat deine Bemerkung gelesen."]
    assert decoded[0].spares_first == [True, True]
    assert decoded[0].spared == set(word_tokens(tiny_backbone, ["Sie"]))

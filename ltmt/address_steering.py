"""German's form of address asked for (``Translator(formality="du")``, ``ltmt translate
--formality du``): decoding steered away from the other form's pronouns.

The model writes the form it learned (the default model mostly "Sie"). Where a line's source
says "you" (:func:`~ltmt.qa.formality_checks.addresses_reader`: "you", "your", "yourself" ...)
and its output uses the other form (:func:`other_form_in`, by qa's formality check), the line
is decoded again with :data:`PENALTY` nats taken off the last token of each of the other form's
pronouns (:data:`~ltmt.qa.formality_checks.PRONOUN_WORDS`: ``Sie``, ``Ihnen``, ``Ihre`` ... for
du; ``du``, ``dich``, ``deine`` ... for Sie) and of the impersonal ``man`` wherever a row has
written the tokens before it, so the model picks its own wording in the form asked, its verb
forms too (``Du hast keine neuen Nachrichten.``), rather than dodging the address (``Wenn man
Fragen hat, so antwortete man ...`` for ``If you have any questions, just reply ...``, session
68). Nothing is edited in the text. A line whose source has no "you" is never
steered: there a capital ``Sie`` may be "they" or "she"; nor is the first ``Sie`` of a line
whose source starts with "She" or "They" (``She replied to your comment.``: steered whole, the
default model wrote ``Du antwortete deine Anmerkung.``, trial s75), and a steered output
that starts with ``Du`` there is not taken. Nor is a command without "you" (``Try
again!``, ``Open the settings menu.``): steered, the default model dodged ``Sie`` with broken
German (``Öffnen der Einstellungsmenü.``, ``Versuchen wir es ...``; session 68, by hand).
Its memory steers the decoding again as in the first, and its glossary terms' constraint
(:mod:`ltmt.terminology.constraints`); where that output is not taken, a line with glossary
terms is decoded steered once more, read with their targets in place and without their
constraint, and taken only where it carries every target the first output carries (under the
constraint the default model wrote ``Du hast {count} Schatten gefunden. Spards. Spuren ...``
for ``You found {count} shards.``, whose first output was ``Sie haben {count} Splitter
gefunden.``; read as ``You found {count} Splitter.``, ``Du hast {count} Splitter
gefunden.``). The new output is taken
unless it ran to the length limit (:func:`~ltmt.output_limit.unfinished_outputs`), says more
sentences than its source or writes words after the closing block or tag its source ends in
(:func:`~ltmt.terminology.constraints.runs_on`), has a glossary target tacked on at its end
that the first had in place (:func:`~ltmt.terminology.term_position.tacked_on`), keeps
fewer of the source's placeholders and numbers than the first
(:func:`~ltmt.numbers_kept.kept_shape`), says ``man`` more often than the first
(:func:`more_impersonal`) or lost the final mark the first and the source end with
(:func:`lost_final_mark`: ``Du hast einen Heiltrank`` for ``Sie tranken einen Heiltrank.``,
trial s77 gameloc2).

Every later decode of a line is steered as its first is (:func:`steer_redecoded`): a guard's
or a retry's decode without memory (:meth:`~ltmt.translator.Translator.decode_ids`: the
placeholder guard's, the lost numbers' retry, the title-case and copied-label readings) whose
output uses the other form is decoded again steered, taken as above; unsteered, the placeholder
guard's decode put ``Ihre lokale Änderungen`` back under ``--formality du`` (session 72).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ltmt.fusion.base import FusionState, WrappingState
from ltmt.match_punctuation import final_punctuation
from ltmt.numbers_kept import kept_shape
from ltmt.output_limit import unfinished_outputs
from ltmt.qa.formality_checks import (
    PRONOUN_WORDS,
    Form,
    address_of,
    address_problem,
    addresses_reader,
)
from ltmt.qa.selector_pronouns import reader_for_third_person, starts_with_subject

if TYPE_CHECKING:
    import torch

    from ltmt.model.backbone import Backbone
    from ltmt.segments import Match
    from ltmt.terminology.matching import TermHit
    from ltmt.translator import Translator
    from ltmt.units import Unit

logger = logging.getLogger(__name__)

# nats taken off a pronoun of the other form; large enough that the model rewords rather than
# keeps it (measured on the default model: README, "Formal and informal German")
PENALTY = 6.0
OTHER: dict[Form, Form] = {"informal": "formal", "formal": "informal"}
# the impersonal "one", which a steered line may dodge into (``Wenn man Fragen hat`` for ``If
# you have any questions``): penalised as the other form's pronouns are
IMPERSONAL = ("man", "Man")
# the formal pronoun that is also "she" and "they": not penalised as a line's first word where
# its source starts with "She" or "They" (``She replied to your comment.``: steered, the
# default model wrote ``Du antwortete deine Anmerkung.``, trial s75)
THIRD_PERSON = ("Sie",)
_IMPERSONAL = re.compile(r"\b[Mm]an\b")


def other_form_tokens(backbone: Backbone, form: Form) -> list[tuple[int, ...]]:
    """The token ids of each pronoun of the form other than ``form``, as the output writes it;
    none for a word the model cannot write (an unknown token in it)."""
    return word_tokens(backbone, PRONOUN_WORDS[OTHER[form]])


def word_tokens(backbone: Backbone, words: Sequence[str]) -> list[tuple[int, ...]]:
    """The token ids of each of ``words`` as the output writes it, each once; none for a word
    the model cannot write (an unknown token in it)."""
    tokenizer = backbone.tokenizer
    found = []
    for word in words:
        ids = tuple(
            int(i) for i in tokenizer(text_target=word, add_special_tokens=False)["input_ids"]
        )
        if ids and tokenizer.unk_token_id not in ids:
            found.append(ids)
    return list(dict.fromkeys(found))


class AddressPenalty(WrappingState):
    """A :class:`~ltmt.fusion.base.FusionState` that steers sentence ``s`` of a batch away from
    the token sequences ``words`` where ``steered[s]`` (module docstring). ``inner``: the fusion
    (or glossary) state it wraps, or None."""

    def __init__(
        self,
        words: Sequence[tuple[int, ...]],
        steered: Sequence[bool],
        inner: FusionState | None = None,
        penalty: float = PENALTY,
        spared: Sequence[tuple[int, ...]] = (),
        spares_first: Sequence[bool] = (),
    ) -> None:
        self.words = list(words)
        self.steered = list(steered)
        self.inner = inner
        self.penalty = penalty
        # the words of ``words`` not penalised as the first word of a row of ``spares_first``
        # (the "Sie" of a source that starts with "She" or "They": :data:`THIRD_PERSON`)
        self.spared = set(spared)
        self.spares_first = list(spares_first)

    def fuse_log_probs(
        self,
        hidden: torch.Tensor,
        log_probs: torch.Tensor,
        rows: torch.Tensor,
        prefix: torch.Tensor | None = None,
        attention: torch.Tensor | None = None,
    ) -> torch.Tensor:
        """``log_probs (n, vocab)`` with the penalty taken off, in place, in each steered row
        from the last token of each word whose other tokens the row ends with."""
        log_probs = self.inner_log_probs(hidden, log_probs, rows, prefix, attention)
        if prefix is None:
            return log_probs
        for n, sentence in enumerate(rows.tolist()):
            if not self.steered[sentence]:
                continue
            done = prefix[n, 1:].tolist()
            spares = sentence < len(self.spares_first) and self.spares_first[sentence]
            for ids in self.words:
                head = len(ids) - 1
                if spares and len(done) == head and ids in self.spared:
                    continue  # the first word, the source's "she" or "they"
                if head == 0 or (len(done) >= head and tuple(done[-head:]) == ids[:-1]):
                    log_probs[n, ids[-1]] -= self.penalty
        return log_probs


def other_form_in(output: str, source: str, form: Form) -> bool:
    """Whether ``output`` (of ``source``, which addresses the reader) uses the form other than
    ``form``: for du, a capital ``Sie`` or ``Ihr`` that starts a sentence too, which qa leaves
    unsure ("they", "her") but which is "you" here."""
    address = address_of(output, source)
    return bool(address.uses(OTHER[form]) or (form == "informal" and address.unsure))


def impersonal(text: str) -> int:
    """How many times ``text`` says the impersonal ``man``."""
    return len(_IMPERSONAL.findall(text))


def more_impersonal(steered: str, first: str) -> bool:
    """Whether the ``steered`` output says ``man`` more often than the ``first`` did: it dodged
    the address into the impersonal (``Wenn man Fragen hat`` for ``Wenn Sie Fragen haben``),
    which reads no better than the other form (session 68)."""
    return impersonal(steered) > impersonal(first)


def lost_final_mark(steered: str, first: str, source: str) -> bool:
    """Whether the ``steered`` output ends without a sentence mark where its ``source`` and the
    ``first`` output end with one (the decode stopped short: ``Du hast einen Heiltrank`` for
    ``Sie tranken einen Heiltrank.``)."""
    ends = final_punctuation(source) and final_punctuation(first)
    return bool(ends) and not final_punctuation(steered)


def address_missed(output: str, source: str, form: Form) -> bool:
    """Whether ``output`` of ``source`` still reads in the form other than ``form``, as qa's
    formality check judges it with ``form`` asked (:func:`~ltmt.qa.formality_checks.
    address_problem`: ``Klicken Sie mich`` for ``Click me``, not "she"'s ``Sie`` beside a
    ``dich``), or in the impersonal ``man`` where ``source`` says "you": what steering could
    not bring to the form asked, which ``translate``'s summary counts (check them)."""
    if address_problem(output, source, form) is not None:
        return True
    return addresses_reader(source) and impersonal(output) > 0


def _to_steer(
    translator: Translator, form: Form, sources: Sequence[str], outputs: Sequence[str]
) -> tuple[list[int], list[tuple[int, ...]]]:
    """The rows whose source (``sources``) addresses the reader and whose output uses the form
    other than ``form``, and the tokens a steered decode of them is kept from (that form's and
    the impersonal ``man``'s, each word its token ids); none where no row is chosen."""
    chosen = [
        n
        for n, (source, output) in enumerate(zip(sources, outputs, strict=True))
        if addresses_reader(source) and other_form_in(output, source, form)
    ]
    if not chosen:
        return [], []
    words = [
        *other_form_tokens(translator.backbone, form),
        *word_tokens(translator.backbone, IMPERSONAL),
    ]
    return chosen, words


def steer_address(
    translator: Translator,
    form: Form,
    units: Sequence[Unit],
    matches: Sequence[tuple[Match, ...]],
    hits: Sequence[Sequence[TermHit]],
    outputs: list[str],
) -> set[int]:
    """Decode again, steered (module docstring), the lines of ``units`` whose source addresses
    the reader and whose output (``outputs``, replaced in place) uses the form other than
    ``form``; the lines whose output was replaced."""
    chosen, words = _to_steer(translator, form, [unit.text for unit in units], outputs)
    if not chosen:
        return set()
    replaced: set[int] = set()
    for start in range(0, len(chosen), translator.batch_size):
        chunk = chosen[start : start + translator.batch_size]
        texts, cut = _steered(translator, words, units, chunk, matches, hits, constrained=True)
        refused = []
        for i, text, unfinished in zip(chunk, texts, cut, strict=True):
            if steered_better(translator, units[i].text, text, outputs[i], hits[i], unfinished):
                outputs[i] = text
                replaced.add(i)
            elif hits[i]:
                refused.append(i)
        if not refused:
            continue
        # read with the targets in place, without the constraint (module docstring): with it
        # too, the default model dodged the address (``{count} Splitter gefunden.``)
        texts, cut = _steered(translator, words, units, refused, matches, hits, constrained=False)
        for i, text, unfinished in zip(refused, texts, cut, strict=True):
            if _carries_targets(text, outputs[i], hits[i]) and steered_better(
                translator, units[i].text, text, outputs[i], hits[i], unfinished
            ):
                outputs[i] = text
                replaced.add(i)
    logger.info(
        "formality: %d of %d lines addressing the reader in the other form decoded again "
        "steered to %s",
        len(replaced),
        len(chosen),
        form,
    )
    return replaced


def steer_redecoded(
    translator: Translator,
    form: Form,
    encoded: Sequence[Sequence[int]],
    sources: Sequence[str],
    hits: Sequence[Sequence[TermHit]],
    outputs: list[str],
) -> set[int]:
    """Decode again, steered away from the form other than ``form`` and under their glossary
    terms' constraint (``hits``, one list per row, or none), the rows of a decode without
    memory (``encoded``: their token ids; ``sources``: the text each reads) whose source
    addresses the reader and whose output (``outputs``, replaced in place) uses the other
    form; each steered output taken as :func:`steer_address` takes its own (module
    docstring). The rows whose output was replaced."""
    chosen, words = _to_steer(translator, form, sources, outputs)
    if not chosen:
        return set()
    replaced: set[int] = set()
    for start in range(0, len(chosen), translator.batch_size):
        chunk = chosen[start : start + translator.batch_size]
        batch = [list(encoded[n]) for n in chunk]
        found = [hits[n] if hits else [] for n in chunk]
        state = translator.terms.constrained_state(batch, None, found)
        penalty = _penalty(translator, words, [sources[n] for n in chunk], state)
        texts = translator.decode(batch, penalty)
        cut = unfinished_outputs(translator, batch, texts)
        for n, text, unfinished, terms in zip(chunk, texts, cut, found, strict=True):
            if steered_better(translator, sources[n], text, outputs[n], terms, unfinished):
                outputs[n] = text
                replaced.add(n)
    logger.info(
        "formality: %d of %d lines decoded again addressing the reader in the other form "
        "steered to %s",
        len(replaced),
        len(chosen),
        form,
    )
    return replaced


def _steered(
    translator: Translator,
    words: Sequence[tuple[int, ...]],
    units: Sequence[Unit],
    chunk: Sequence[int],
    matches: Sequence[tuple[Match, ...]],
    hits: Sequence[Sequence[TermHit]],
    constrained: bool,
) -> tuple[list[str], list[bool]]:
    """The units ``chunk`` of ``units`` decoded steered away from ``words``, with their memory
    and, ``constrained``, under their glossary terms' constraint, else read with the terms'
    targets in place (:func:`~ltmt.terminology.decoding.with_terms`); the outputs, and
    whether each ran to the length limit."""
    from ltmt.terminology.decoding import encode_units, with_terms

    shown = [units[i] if constrained else with_terms(units[i], hits[i]) for i in chunk]
    batch = encode_units(translator, shown)
    state = None
    if translator.fusion is not None and any(matches[units[i].segment] for i in chunk):
        state = translator.prepare_state(
            [units[i].text for i in chunk], [matches[units[i].segment] for i in chunk]
        )
    if constrained:
        state = translator.terms.constrained_state(batch, state, [hits[i] for i in chunk])
    # every chosen line addresses the reader: each is steered
    penalty = _penalty(translator, words, [units[i].text for i in chunk], state)
    texts = translator.decode(batch, penalty)
    return texts, unfinished_outputs(translator, batch, texts)


def _penalty(
    translator: Translator,
    words: Sequence[tuple[int, ...]],
    sources: Sequence[str],
    inner: FusionState | None,
) -> AddressPenalty:
    """The steering of every row of a batch whose lines read ``sources`` away from ``words``,
    but for the first word "Sie" of a line whose source starts with "She" or "They"
    (:data:`THIRD_PERSON`)."""
    spares_first = [starts_with_subject(source) for source in sources]
    spared = word_tokens(translator.backbone, THIRD_PERSON) if any(spares_first) else []
    return AddressPenalty(words, [True] * len(sources), inner, PENALTY, spared, spares_first)


def steered_better(
    translator: Translator,
    source: str,
    text: str,
    first: str,
    hits: Sequence[TermHit],
    unfinished: bool,
) -> bool:
    """Whether the steered ``text`` of ``source`` may replace its ``first`` output (module
    docstring); the negation guard's rule too (:mod:`ltmt.negation_guard`)."""
    from ltmt.terminology.term_position import tacked_on

    if unfinished or translator.terms.runs_on(source, text) or more_impersonal(text, first):
        return False
    if lost_final_mark(text, first, source):
        return False
    # "She ..." or "They ..." made the reader (``Du antwortete ...``): the person changed
    if reader_for_third_person(text, source) and not reader_for_third_person(first, source):
        return False
    # a glossary target the first output had in place, the new one tacked on at its end
    # (``im Arbeitsbereich. Workspace.`` for ``in Ihrem Workspace.``)
    if tacked_on(source, text, hits) and not tacked_on(source, first, hits):
        return False
    return kept_shape(source, text) >= kept_shape(source, first)


def _carries_targets(text: str, first: str, hits: Sequence[TermHit]) -> bool:
    """Whether ``text`` renders every glossary target of ``hits`` that ``first`` renders."""
    from ltmt.terminology.decoding import lacking

    missed = {hit.term.target for hit in lacking(hits, first)}
    return all(hit.term.target in missed for hit in lacking(hits, text))

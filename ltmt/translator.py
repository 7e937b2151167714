"""The Translator: retrieve → plan units → decode in batches (with fusion) → post-steps.

Each step has its module: which inputs need the model and which need fusion
(:mod:`ltmt.routing`), the pieces the model translates (:mod:`ltmt.units`), the glossary's part
of decoding (:mod:`ltmt.terminology.decoding`), the copy guard (:mod:`ltmt.copy_guard`), the
final punctuation of a match's copy (:mod:`ltmt.match_punctuation`), the placeholder guard
(:mod:`ltmt.placeholder_guard`), the repair of numbers (:mod:`ltmt.numbers_kept`), the
negation guard (:mod:`ltmt.negation_guard`), the weak-match guard (:mod:`ltmt.weak_match_guard`),
the first decode of the planned batches
(:mod:`ltmt.batch_decoding`) and the rewrites of line outputs after it
(:mod:`ltmt.line_rewrites`). This module wires them and holds the model's side of a
translation (:meth:`Translator.encode`, :meth:`Translator.decode`).

from ltmt import Memory, Translator
with Memory("store") as memory:
    translator = Translator(memory=memory, fusion="knn")
    [t] = translator.translate(["Open the file"], user="u1")
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ltmt.accelerators import accelerator_markers
from ltmt.address_steering import steer_address, steer_redecoded
from ltmt.api_arguments import (
    check_flags,
    checked_formality,
    checked_integer,
    checked_memory,
    checked_progress,
    checked_term_bias,
    preference_list,
    term_list,
)
from ltmt.batch_decoding import BatchDecoding
from ltmt.clock_repair import repair_clock_times
from ltmt.comparison_words import comparison_word_problems
from ltmt.config import check_choice, check_range
from ltmt.copied_labels import retry_copied_labels, retry_fused_copies
from ltmt.copy_guard import WaryFusion, guard_copies
from ltmt.errors import ClosedError, ConfigError, InputError
from ltmt.folded_characters import restore_folded
from ltmt.form_pieces import translate_by_forms
from ltmt.formats.common import canonical_code, same_language
from ltmt.frequency_repair import guard_frequencies, repair_frequencies
from ltmt.frequency_words import frequency_problems
from ltmt.fusion.registry import make_fusion
from ltmt.label_lexicon import LabelLexicon
from ltmt.line_rewrites import (
    capitalise_starts,
    doubled_once,
    write_dashes,
    write_labels,
    write_once,
)
from ltmt.line_seams import drop_seam_repeats
from ltmt.lookup import check_memory_languages, memory_matches, missing_user, term_matcher
from ltmt.match_polarity import polarity_kept
from ltmt.match_punctuation import punctuate_copies
from ltmt.memory.user_ids import check_user
from ltmt.model.backbone import (
    CONVERTED_BY_DEFAULT,
    Backbone,
    fusion_weights_for,
    load_backbone,
)
from ltmt.model.decode import DecodeConfig
from ltmt.model.engine import Decoder
from ltmt.model.fast_encoder import FUSION_ENCODERS
from ltmt.model.languages import (
    API_NAMES,
    check_language_code,
    check_language_pair,
    form_of_address_warning,
    model_languages,
)
from ltmt.model.writable import UnwritableCharacters
from ltmt.negation_guard import guard_negations, negation_lost, repair_replaced
from ltmt.number_words_repair import repair_worded_numbers
from ltmt.numbers_kept import numbers_added_beyond_repair, repair_outputs
from ltmt.output_limit import unfinished_outputs
from ltmt.placeholder_guard import Replaced, guard_placeholders, numbers_still_lost
from ltmt.polarity_guard import guard_polarity
from ltmt.quote_style import QuoteTable, in_users_quotes, memory_quote_table
from ltmt.reference_subdivisions import lost_subdivisions
from ltmt.routing import matches_read, needs_fusion, plan_batches, without_model
from ltmt.segments import Match, PairRecord, Translation, UserRequest
from ltmt.sentence_memory import Request, translate_by_sentences
from ltmt.tail_guard import guard_tails
from ltmt.terminology.decoding import GlossaryDecoding, GlossaryPass, encode_units, term_hits
from ltmt.text import half_character, paired_surrogates, text_list
from ltmt.title_case import read_both_ways
from ltmt.units import LineForms, SplitSegment, Unit, join_pieces, plan_units, split_segment
from ltmt.weak_match_guard import guard_weak_matches
from ltmt.wording import shortened
from ltmt.worker_processes import (
    FusedDecoding,
    check_worker_processes,
    recipe_for,
    start_worker_processes,
    stop_worker_processes,
)
from ltmt.workers import (
    check_workers,
    limit_malloc_arenas,
    plan_parallelism,
)

if TYPE_CHECKING:
    from ltmt.fusion.base import Fusion, FusionState
    from ltmt.memory.report import ImportReport
    from ltmt.memory.store import Memory
    from ltmt.state_warming import Warmth
    from ltmt.terminology.matching import TermHit, TermMatcher
    from ltmt.terminology.terms import Term

logger = logging.getLogger(__name__)

ProgressCallback = Callable[[int], None]


class DecodedUnits(NamedTuple):
    """What :meth:`Translator._translate_units` decoded: ``outputs`` in unit order, whether each
    segment used fusion, the segments the copy guard decoded again and replaced, those whose
    fused output is still a copy of a match of other words (:mod:`ltmt.copy_guard`), those
    whose numbers were repaired and those whose numbers the repair changed but could not make
    right, and for each unit whether its output ran to the decoder's length limit
    (:mod:`ltmt.output_limit`); the segments whose fused output a guard set aside for a decode
    without memory (``Translation.match_set_aside``), and those whose fused output still says a
    memory match's negation or comparison that the segment does not (``polarity``:
    :mod:`ltmt.polarity_guard`)."""

    outputs: list[str]
    used_fusion: dict[int, bool]
    guarded: set[int]
    copies: set[int]
    repaired: set[int]
    unrepaired: set[int]
    unfinished: list[bool]
    set_aside: frozenset[int] = frozenset()
    polarity: frozenset[int] = frozenset()


@dataclass
class _FusedOutputs:
    """The units' bookkeeping across the guards of fused outputs: the fused outputs ``kept``,
    those a guard ``set_aside`` for the model's own output without memory, and the outputs
    whose numbers a repair made right (``repaired``) or left wrong (``wrong``)."""

    kept: set[int]
    set_aside: set[int]
    repaired: set[int]
    wrong: set[int]

    def replace(self, guarded: Replaced, repaired: AbstractSet[int] = frozenset()) -> None:
        """Count the fused outputs a guard replaced (``guarded.outputs``) as set aside, judged
        on the output kept, not on the fused one it replaced (``guarded.numbers_wrong``), and
        the outputs a rewrite of the guard's made right as ``repaired``."""
        self.kept -= guarded.outputs
        self.set_aside |= guarded.outputs
        self.repaired = (self.repaired - guarded.outputs) | repaired
        self.wrong = (self.wrong - guarded.outputs) | guarded.numbers_wrong


class Translator:
    """Translate segments for a user, with what the user's memory holds.

    ``model``: a local Marian directory, a hub id, an already loaded :class:`Backbone`, or
    ``None`` for the embedded default. ``fusion``: ``none``, ``knn``, ``knn-trained``,
    ``attention``, ``auto`` (``knn-trained`` where the model's directory holds a trained
    combiner, as the default model's does, else ``knn``), or a fusion object. ``top_k``:
    matches retrieved per segment (given to fusion), or as many as the fusion reads where that
    is more (a trained combiner's ``max_matches``: 6 for the default model's); a
    :attr:`Translation.matches` holds those retrieved.
    ``exact_reuse``: a 100 % match returns the stored target without running the model.
    ``placeholder_guard``: a fused output that drops a placeholder of its source (``%s``,
    ``{name}``, tags), has one the source lacks, or lost a number beyond repair, is checked
    against the model's own output without memory (its numbers repaired as a line decoded
    without memory gets them, the retry with its numbers as tags included), and the one that
    keeps more placeholders, then adds fewer, then keeps more numbers, is returned.
    ``copy_guard``: a fused output that repeats a match's translation while the match's source
    says other words is decoded again with memory trusted less (:mod:`ltmt.copy_guard`).
    ``negation_guard``: an output that says no negation where its line says one (``ltmt qa``'s
    negation check) is decoded again steered to German's negating words, and the first such
    decode that says one and is no worse otherwise replaces it; a translation still without
    one is flagged ``negation_lost`` (:mod:`ltmt.negation_guard`); and a fused output that
    says a near match's negation or comparison where the line differs from the match's source
    in it (``nicht`` for a line without ``not``, ``über`` for ``below``) is decoded again
    without memory, and one still saying it is flagged ``match_polarity``
    (:mod:`ltmt.polarity_guard`).
    ``number_repair``: a number the model wrote with a repeated digit once (``E76`` for the
    source's ``E766``), or a message code it dropped from a line's start (``E613:``), is
    written as the source writes it (:func:`ltmt.numbers_kept.repair_numbers`), and an output
    the repair changed is counted as repaired only where its numbers are then right; a number
    lost beyond repair makes a fused output a suspect of the placeholder guard, and an output
    that still lacks one (the guard or the retry with the line's numbers as tags could not get
    it back) counts as not repairable (``numbers_not_repairable``), as does an output left with
    a number its source has in no form (``2.4.4.1`` for ``2.4.1``) or without a letter of a
    reference's (``Art. 6(1)`` for ``Art. 6(1)(b)``: :mod:`ltmt.reference_subdivisions`), or, in
    German, a comparison or range its line says in words lost or turned round (``Bei 30 °C``
    for ``below 30 °C``: :mod:`ltmt.comparison_words`) or a frequency it says otherwise
    (``einmal täglich`` or ``täglich`` for ``twice daily``: :mod:`ltmt.frequency_words`; an
    output one narrow rewrite makes right is rewritten, ``zweimal täglich``, and a fused one
    still wrong decoded again without memory: :mod:`ltmt.frequency_repair`). In
    German, a 12-hour time of the source's written as another time of day (``8.00 Uhr`` for
    ``8:00 PM``) is written on the 24-hour clock (``20.00 Uhr``), or, where which digits are
    the time cannot be told, counts as not repairable
    (:func:`ltmt.clock_repair.repair_clock_times`); a number the source writes in digits and
    words (``10 (ten) days``) whose German words beside its digits say another number or keep
    the English (a match's ``10 (dreißig) Tagen``) has them written as German says it (``10
    (zehn)``), and one said in words nowhere (``60 Tagen``) counts as not repairable
    (:func:`ltmt.number_words_repair.repair_worded_numbers`).
    ``seam_repair``: words a multi-line segment's translation ends one line with and starts
    the next with, where the source does not repeat them there, are written once, and so is a
    word a line's translation says twice in a row where the source line does not (``Dateien
    Dateien``) (:mod:`ltmt.line_seams`).
    ``accelerators``: which keyboard accelerators (``&Open``, ``_Quit``, ``~File``) are taken
    out of a line before the model translates it and placed in its translation
    (:mod:`ltmt.accelerators`): ``auto`` (all three markers), ``none``, or one marker.
    ``capital_lines``: a line written in capitals (``SELECT LINE``) is given to the model as
    English writes it (``Select line``, ``Thomas Brandt``) and its translation written in
    capitals (:mod:`ltmt.capitals`).
    ``title_case_lines``: a line in title case (``Trash is Empty``) is given to the model in
    lower case, its translation with a first capital, where the source is English and no word
    of the line names something (:func:`ltmt.capitals.title_case_for_model`).
    ``sentence_split``: a line of several sentences that no memory match is read for is given to
    the model a sentence at a time (else only a line too long for it is split); a model trained
    on sentences drops some of several given at once.
    ``user_quotes``: the quote marks around a placeholder the source quotes are written as the
    user's memory writes them (git's ``'%s'``, vim's ``"%s"``: :mod:`ltmt.quote_style`).
    ``label_retry``: a line in title case the model copied (``Settings``) and decoded without
    memory is decoded again with its title-case words in lower case, and that translation kept
    unless it is a copy too; a line of English words fusion copied, no match read backing the
    copy, is first decoded again without memory (:mod:`ltmt.copied_labels`).
    ``labels``: a line that is a short label (``Paste``, ``Save As``) decoded without memory and
    without a glossary term is translated as the model's label lexicon says, where it has the
    label (``MODEL_DIR/labels.json.gz``: the training catalogs' translations,
    :mod:`ltmt.label_lexicon`; a model without one: the model's own translation).
    ``decorations``: the runs of symbols around a line's words (``--- Menus ---``) are set aside
    and put back around its translation; pictographs, words and signs the model has no token
    for (``東京``, ``±``) and key combinations (``Ctrl+S``, their keys named in the model's target
    language) go to the model as tags and come back in their place; a line of key combinations
    alone, or (for an English source) the English name of a language, a day or a month, is
    translated without the model (:class:`ltmt.units.LineForms`).
    ``source_language``: the language of the texts (``None``: the model's recorded source, else
    ``en``), a code the model's recorded pair must start with (else an
    :class:`~ltmt.errors.InputError`: the default model takes ``en`` or ``en-US``, not ``fr``
    or ``english``); sentences are split by its rules when a line is longer than the
    model can translate whole (half its output limit), and an English one turns language names
    into the target language's, and so the names of days and months (:mod:`ltmt.language_names`,
    :mod:`ltmt.calendar_names`).
    ``target_language``: the language to write where it is a region of the model's target
    (``de-CH``: ``ss`` for ``ß``, :mod:`ltmt.swiss_spelling`), what
    :attr:`Translation.target_language` says and fitting writes, written as BCP 47 writes it
    (``DE`` → ``de``); ``None``: the model's; another language than the model's recorded target
    is refused as ``source_language`` is (``target_language fr: the default model translates
    en→de only; ...``).
    ``glossary``: terms every translation follows (see :mod:`ltmt.terminology`);
    ``user_glossary``: also follow the glossary stored for the user in ``memory`` (per-call and
    constructor terms win over stored ones with the same source). ``term_bias``: how strongly
    decoding is steered towards a missing term (nats added to its first token, a finite number
    >= 0; ``None``: 2; the term is always forced in the end).
    ``formality``: German's form of address, ``du`` (``informal``) or ``Sie`` (``formal``): a
    line whose source says "you" and whose output uses the other form is decoded again steered
    away from that form's pronouns (:mod:`ltmt.address_steering`), after its first decode and
    after each guard's or retry's decode of it; ``None``: the model's own.
    ``engine``, ``compute_type``: how batches without fusion are decoded
    (:class:`ltmt.model.engine.Decoder`: CTranslate2 int8 by default when installed).
    ``workers``: batches decoded at once, each on a thread of its own (0: one per CPU thread,
    at most 4, on a CPU; 1 on a GPU); ``threads``: the CPU threads they share (0: torch's
    intra-op count, by default the machine's cores), ``threads // workers`` each
    (:mod:`ltmt.workers`); more workers than the threads given are refused. A batch decodes
    the same on whichever worker runs it.
    ``worker_processes``: each worker hands its fused batches to a process of its own
    (:mod:`ltmt.worker_processes`: the cores used without sharing Python's lock, each process
    holding a copy of the model; CPU, a fusion given by name, a model directory).
    ``fusion_int8``: fused batches run on int8 linear layers (CPU, :mod:`ltmt.model.int8_linear`);
    ``fusion_bf16``: on bfloat16 weights (:func:`ltmt.model.backbone.bfloat16_weights`);
    ``None`` (both): for kNN and the trained combiner, int8 where the CPU prefers it (VNNI, no
    AMX), else bfloat16 where it has native bf16, else float32 (its output projection in int8
    where the CPU has AVX2: :func:`ltmt.model.cpu.cpu_prefers_int8_head`)
    (:func:`ltmt.model.backbone.fusion_weights_for`);
    ``fusion_int8_head``: their output projection in int8 (not with ``fusion_int8``);
    ``fusion_int8_encoder``: float32 with their encoder's linear layers and output projection in
    int8 (neither with ``fusion_int8`` nor with ``fusion_bf16``).
    ``fusion_encoder``: what encodes the fused batches and their matches' sources: ``auto``
    (CTranslate2 where their weights' encoder is float32 on a CPU and ctranslate2 is installed,
    :mod:`ltmt.model.fast_encoder`: the same states, sooner; else torch), ``ctranslate2``
    (required: an error where it cannot; for int8 weights CTranslate2's int8 encoder, faster and
    0.15-0.19 BLEU lower on the dev users) or ``torch``; not bound to ``engine``.
    ``device``: where the model runs (``cpu``, ``cuda``, ``cuda:1``).
    ``state_cache``: keep the force-decoded matches of a fusion on disk for the next run
    (:mod:`ltmt.fusion.state_store`; never for an encrypted memory, whose text they hold; at
    most ``$LTMT_STATE_CACHE_MB`` megabytes for all models, by default 256, 0 for none).
    ``shortlist``: fused batches score only their vocabulary shortlist
    (:mod:`ltmt.model.shortlist`; off: it cost the default model 0.5 BLEU).
    ``warn_unknown_user``: log a warning the first time a user the memory does not hold is asked
    for (:func:`ltmt.lookup.missing_user`: a misspelt ``--user`` translates without memory),
    and where :meth:`learn` makes a user anew whose name is close to another's (``warn_new_user``
    of :meth:`ltmt.memory.store.Memory.import_pairs`), and, without a memory, the first time
    a user is named (``user=`` reads nothing); the server turns it off: its users are
    named by their keys, a key holder with nothing stored yet is no mistake, and its log is
    shared by every customer (``ltmt translate`` turns it off too: it says an unknown user
    itself).
    """

    def __init__(
        self,
        model: str | Path | Backbone | None = None,
        memory: Memory | None = None,
        *,
        fusion: str | Fusion | None = "none",
        beam: int = 4,
        batch_size: int = 32,
        top_k: int = 4,
        exact_reuse: bool = True,
        placeholder_guard: bool = True,
        copy_guard: bool = True,
        negation_guard: bool = True,
        number_repair: bool = True,
        seam_repair: bool = True,
        accelerators: str = "auto",
        capital_lines: bool = True,
        title_case_lines: bool = True,
        sentence_split: bool = True,
        label_retry: bool = True,
        user_quotes: bool = True,
        labels: bool = True,
        decorations: bool = True,
        max_source_tokens: int = 256,
        source_language: str | None = None,
        target_language: str | None = None,
        device: str = "cpu",
        glossary: Iterable[Term] | None = None,
        user_glossary: bool = True,
        term_bias: float | None = None,
        formality: str | None = None,
        engine: str = "auto",
        compute_type: str = "int8",
        threads: int = 0,
        workers: int = 0,
        fusion_int8: bool | None = None,
        fusion_bf16: bool | None = None,
        fusion_int8_head: bool = False,
        fusion_int8_encoder: bool = False,
        fusion_encoder: str = "auto",
        state_cache: bool = True,
        shortlist: bool = False,
        worker_processes: bool = False,
        warn_unknown_user: bool = True,
    ) -> None:
        self._closed = False
        check_range("batch_size", batch_size, at_least=1)
        check_range("top_k", top_k, at_least=1)
        check_range("max_source_tokens", max_source_tokens, at_least=2)
        for name, number in (("beam", beam), ("batch_size", batch_size), ("top_k", top_k)):
            checked_integer(name, number, at_least=1)
        check_flags(
            {
                "exact_reuse": exact_reuse,
                "placeholder_guard": placeholder_guard,
                "copy_guard": copy_guard,
                "negation_guard": negation_guard,
                "number_repair": number_repair,
                "seam_repair": seam_repair,
                "capital_lines": capital_lines,
                "title_case_lines": title_case_lines,
                "sentence_split": sentence_split,
                "label_retry": label_retry,
                "user_quotes": user_quotes,
                "labels": labels,
                "decorations": decorations,
                "user_glossary": user_glossary,
                "fusion_int8_head": fusion_int8_head,
                "fusion_int8_encoder": fusion_int8_encoder,
                "state_cache": state_cache,
                "shortlist": shortlist,
                "worker_processes": worker_processes,
                "warn_unknown_user": warn_unknown_user,
            }
        )
        check_flags({"fusion_int8": fusion_int8, "fusion_bf16": fusion_bf16}, none_allowed=True)
        term_bias = checked_term_bias(term_bias)
        form = checked_formality(formality)
        if isinstance(target_language, str) and (
            address := form_of_address_warning(
                API_NAMES.target, target_language, form, 'formality="{}"'
            )
        ):
            logger.warning("%s", address)
        memory = checked_memory(memory)
        glossary = term_list(glossary, "glossary", ConfigError)
        check_choice("fusion_encoder", fusion_encoder, FUSION_ENCODERS)
        source_language = _source_language(model, source_language)
        target_language = _target_language(model, source_language, target_language)
        check_workers(workers, threads)  # before the model loads
        self.line_forms = LineForms(
            accelerator_markers(accelerators),
            capital_lines,
            decorations,
            title_case=title_case_lines and source_language.lower().startswith("en"),
        )
        if workers != 1:  # before anything allocates on other threads (ltmt.workers)
            limit_malloc_arenas()
        self.backbone = (
            model if isinstance(model, Backbone) else load_backbone(model, device=device)
        )
        path = self.backbone.path
        languages = model_languages(path) if path is not None else None
        # what a user's memory must be a memory of (None: a model that records no target)
        self.language_pair = (source_language, languages[1] if languages is not None else None)
        if decorations:  # what the model cannot write, and key combinations, go to it as tags
            # (ltmt.pictographs), the keys named in its target language (ltmt.key_combinations);
            # a line naming a language, a day or a month gets CLDR's name (ltmt.language_names,
            # ltmt.calendar_names)
            self.line_forms = replace(
                self.line_forms,
                unwritable=UnwritableCharacters(self.backbone.tokenizer),
                target_language=languages[1] if languages is not None else "und",
                english_names=source_language.lower().startswith("en"),
            )
        if fusion_int8 and (fusion_bf16 or fusion_int8_head):
            other = "fusion_bf16" if fusion_bf16 else "fusion_int8_head"
            raise ConfigError(f"fusion_int8 and {other} exclude each other: pick one")
        self.memory = memory
        self.fusion = (
            make_fusion(fusion or "none", self.backbone.path)
            if isinstance(fusion, str) or fusion is None
            else fusion
        )
        # a fusion asked for (auto fits whatever memory there is) reads a memory: without one,
        # the model translates alone, which the first translation warns of
        self._fusion_unread = memory is None and not (fusion is None or fusion in ("none", "auto"))
        if self.fusion_name not in CONVERTED_BY_DEFAULT:  # plain decoding, and methods not
            # measured on converted weights: float32 unless asked
            fusion_int8 = bool(fusion_int8)
            fusion_bf16 = bool(fusion_bf16)
        self.backbone = fusion_weights_for(
            self.backbone, fusion_int8, fusion_bf16, fusion_int8_head, fusion_int8_encoder
        )
        self._attach_state_store(state_cache)
        # Sources and outputs must fit the model's position table (OPUS-MT: 512; tiny test
        # models: fewer), whatever the settings ask for.
        positions = self.backbone.max_positions
        self.decode_config = DecodeConfig(beam=beam, max_len=min(256, positions - 1))
        self.parallel = plan_parallelism(workers, threads, self.backbone.device_type)
        self.decoder = Decoder(
            self.backbone,
            engine=engine,
            compute_type=compute_type,
            threads=self.parallel.threads,
            workers=self.parallel.workers,
            shortlist=shortlist,
        )
        self.fusion_encoder = fusion_encoder
        self._plan_fast_encoder()
        # a fusion that does not say its ``prepare`` may run on several threads at once gets
        # one batch's at a time
        self._prepare_lock = threading.Lock()
        max_source_tokens = min(max_source_tokens, positions)
        self.batch_size = batch_size
        self.top_k = top_k
        self.exact_reuse = exact_reuse
        self.placeholder_guard = placeholder_guard
        self.copy_guard = copy_guard
        self.negation_guard = negation_guard
        self.number_repair = number_repair
        self.seam_repair = seam_repair
        self.label_retry = label_retry
        self.user_quotes = user_quotes
        self._quote_tables: dict[str, tuple[int, QuoteTable]] = {}  # user: (memory size, table)
        self.warn_unknown_user = warn_unknown_user
        self._users_checked: set[str] = set()  # whose presence in the memory was checked
        self._user_unread = warn_unknown_user  # a user= without a memory not warned of yet
        self.sentence_split = sentence_split
        self.labels = LabelLexicon.of_model(self.backbone.path) if labels else None
        if self.labels is not None:  # a title's site name is told from a label by it
            self.line_forms = replace(self.line_forms, is_label=self.labels.has)
        self.max_source_tokens = max_source_tokens
        # A longer line is split into sentences: the output (about as long) must fit max_len.
        self.split_tokens = max(2, min(max_source_tokens, self.decode_config.max_len // 2))
        self.source_language = source_language
        model_target = self.line_forms.target_language
        self.written_language = (  # a region of the model's target language (de-CH)
            target_language
            if target_language and model_target and same_language(target_language, model_target)
            else model_target
        )
        self.glossary = glossary
        self.user_glossary = user_glossary
        self.term_bias = term_bias
        self.formality = form
        self.terms = GlossaryDecoding(self)
        # what worker processes need to decode the fused batches (None: decoded here)
        self.worker_recipe: FusedDecoding | None = None
        if worker_processes and self.fusion is not None:
            check_worker_processes(self, fusion)
            self.worker_recipe = recipe_for(self)

    def _plan_fast_encoder(self) -> None:
        """Have the fused weights encode through CTranslate2 when :attr:`fusion_encoder` asks
        (``auto``: where :func:`ltmt.model.fast_encoder.refusal` finds nothing against it)."""
        if self.fusion is None or self.fusion_encoder == "torch":
            return
        from ltmt.model.fast_encoder import refusal

        reason = refusal(self.backbone, asked=self.fusion_encoder == "ctranslate2")
        if reason and self.fusion_encoder == "ctranslate2":
            raise ConfigError(f"fusion_encoder ctranslate2: {reason}")
        if not reason:
            required = self.fusion_encoder == "ctranslate2"
            self.backbone.use_fast_encoder(self.parallel.threads, self.parallel.workers, required)

    def close(self) -> None:
        """End this translator's worker processes (``worker_processes=True``: each holds a
        copy of the model), which otherwise last as long as the calling process; translators
        of the same settings share them, and start them again at their next fused batch. A
        translator without worker processes holds nothing to close. Every later call raises
        :class:`ltmt.errors.ClosedError`; closing again does nothing."""
        if self._closed:
            return
        self._closed = True
        if self.worker_recipe is not None:
            stop_worker_processes(self.worker_recipe)

    def _check_open(self) -> None:
        """Refuse a call after :meth:`close` (it would start the worker processes again)."""
        if self._closed:
            raise ClosedError("this translator is closed; make a new Translator")

    def __enter__(self) -> Translator:
        return self

    def __repr__(self) -> str:
        """The model's folder, fusion, memory and target language: nothing read to say them."""
        path = self.backbone.path
        model = repr(str(path)) if path is not None else "<model in memory>"
        closed = ", closed" if self._closed else ""
        return (
            f"Translator({model}, fusion={self.fusion_name!r}, memory={self.memory!r}, "
            f"target_language={self.written_language!r}{closed})"
        )

    def __reduce__(self) -> Any:
        raise TypeError(
            "a Translator cannot be pickled (it holds a loaded model): make one in each process "
            "(a multiprocessing Pool's initializer)"
        )

    def __exit__(self, *_: object) -> None:
        self.close()

    @property
    def worker_processes(self) -> bool:
        """Whether fused batches decode in worker processes (:mod:`ltmt.worker_processes`)."""
        return self.worker_recipe is not None

    def _attach_state_store(self, wanted: bool) -> None:
        """Give the fusion's segment cache a disk store (:mod:`ltmt.fusion.state_store`) when
        ``wanted``, its bound is not 0 (``$LTMT_STATE_CACHE_MB``), the model has files on disk
        (its fingerprint follows them) and the memory is not encrypted; an encrypted memory also
        takes the store away from a shared fusion."""
        from ltmt.fusion.datastore import SegmentCache
        from ltmt.fusion.state_store import StateStore, default_max_bytes

        cache = getattr(self.fusion, "cache", None)
        if not isinstance(cache, SegmentCache):
            return
        wanted = wanted and default_max_bytes() > 0  # a bad value: one line, before any work
        if getattr(self.memory, "encrypted", False):
            cache.store = None
        elif wanted and cache.store is None and self.backbone.path is not None:
            from ltmt.memory.store import Memory

            # a stand-in memory (the eval scripts' fixed matches) has no segments to check
            checked = self.memory if isinstance(self.memory, Memory) else None
            cache.store = StateStore(self.backbone.fingerprint, memory=checked)

    @property
    def fusion_name(self) -> str:
        return "none" if self.fusion is None else str(self.fusion.name)

    @property
    def _repairs_german(self) -> bool:
        """Whether the German repairs and checks of numbers in words run: ``number_repair``,
        into German."""
        return self.number_repair and same_language(self.written_language or "", "de")

    def translate(
        self,
        texts: Sequence[str],
        user: str | None = None,
        *,
        prefer: Sequence[Mapping[str, Any]] | None = None,
        progress: ProgressCallback | None = None,
        glossary: Iterable[Term] | None = None,
        fit: bool = True,
    ) -> list[Translation]:
        """Translate ``texts`` (in order) for ``user``; one :class:`Translation` per input.

        A ``user`` the memory does not hold (a misspelt id) is translated without memory, and
        the first call that names it logs a warning (logger ``ltmt.translator``: ``no user
        'gti' in memory store ... did you mean git? translating without memory``), as a
        segment truncated is. An output stopped at the length limit is flagged (``Translation.
        unfinished``) for the caller to name where it is (the pipeline warns of a file's line).

        ``prefer`` (one mapping per text, e.g. ``{"context": "menu"}`` for a PO ``msgctxt``):
        among equally good memory matches, those stored with the same context (and other
        metadata) come first. A line longer than the model can take
        whole is translated sentence by sentence (:mod:`ltmt.sentences`) and joined again.
        ``progress(n)`` is called as segments finish, ``n`` those finished since its last
        call (the calls add up to the texts). Empty or blank inputs come back empty.
        ``glossary``: terms for this call only, on top of the translator's (a per-request
        glossary).
        ``fit``: each output fitted to its source, as ``ltmt translate`` and the server fit it
        (placeholders the model garbled, dropped or invented put back or taken out, edge
        whitespace and line breaks as the source has them; ``Translation.fitted`` says where
        that changed the text: :func:`ltmt.formats.placeholders.fit_translation`); ``False``:
        the decoder's output as it came (what ``ltmt bench`` scores, placeholders kept
        included, and what the document pipeline, :mod:`ltmt.formats.pipeline`, fits itself
        with the file's format flags).
        """
        self._check_open()
        check_flags({"fit": fit}, InputError)
        texts = _readable(texts)
        prefer = preference_list(prefer, len(texts))
        progress = checked_progress(progress)
        if fit and (tagged := self._with_tags_apart(texts, user, prefer, glossary)) is not None:
            if progress is not None:
                progress(len(texts))
            return tagged
        by_forms = translate_by_forms(
            self,
            texts,
            user,
            prefer,
            glossary,
            fit,
            lambda reused, terms: self._finished(
                reused, user, fit, self._term_matcher(user, terms)
            ),
        )
        if by_forms is not None:
            if progress is not None:
                progress(len(texts))
            return by_forms
        matcher = self._term_matcher(user, term_list(glossary))
        self._start_worker_processes()
        matches = self.retrieve(texts, user, prefer)
        wanted = prefer or [{}] * len(texts)
        request = Request(texts, matches, [matcher] * len(texts), [user] * len(texts), wanted)
        translations = translate_by_sentences(self, request, progress)
        return self._finished(translations, user, fit, matcher)

    def _with_tags_apart(
        self,
        texts: list[str],
        user: str | None,
        prefer: Sequence[Mapping[str, Any]] | None,
        glossary: Iterable[Term] | None,
    ) -> list[Translation] | None:
        """``texts`` translated and fitted as the server and ``ltmt translate`` do where some
        have paired tags (:func:`ltmt.formats.unit_translation.with_tags_apart`), else None;
        imported here: the formats package is not loaded for a translator that never fits."""
        from ltmt.formats.unit_translation import with_tags_apart

        return with_tags_apart(self, texts, user, prefer, term_list(glossary))

    def translate_html(
        self,
        fragments: Sequence[str],
        user: str | None = None,
        *,
        glossary: Iterable[Term] | None = None,
    ) -> list[str]:
        """Translate strings of HTML (a Help Center article's ``body``, a CMS field) for
        ``user``, one string per input, in order: each read as an HTML page is (its runs of text
        between block boundaries, with their inline markup, and the attribute values people
        read: ``alt``, ``title``), the runs translated with :meth:`translate` and fitted, and
        each string written back in its own structure with its runs' translations in place
        (:func:`ltmt.formats.html_fragments.translated_fragments`, what the server does with
        ``format: html``; ``ltmt translate`` does so with an HTML page, a CSV cell or a JSON
        string of block HTML). :meth:`translate` gives a string to the model whole: a page's
        markup does not survive that. A translation's ``&``, ``<`` and ``>`` are written as
        references; scripts, styles and comments stay as they are. ``glossary``: as in
        :meth:`translate`."""
        self._check_open()
        from ltmt.formats.html_fragments import translated_fragments
        from ltmt.formats.unit_translation import for_translator

        texts = _readable(fragments)
        translate = for_translator(self, user, glossary=term_list(glossary))
        return translated_fragments(texts, translate, self.written_language)

    def translate_for_users(
        self,
        requests: Sequence[UserRequest],
        glossary: Iterable[Term] | None = None,
        *,
        fit: bool = True,
    ) -> list[list[Translation]]:
        """:meth:`translate` for several ``(user, texts)`` or ``(user, texts, prefer)``
        requests decoded together (``prefer`` as in :meth:`translate`).

        Each request's segments are matched against its own user's memory only; the model then
        decodes the segments of every request in shared length-sorted batches (what a server
        does with the requests of many users that arrive together), each following its own
        user's stored glossary (and ``glossary``, terms for every request of this call). One
        list per request; ``fit`` and a user the memory does not hold as in :meth:`translate`.
        """
        self._check_open()
        check_flags({"fit": fit}, InputError)
        glossary = term_list(glossary)
        parts = [_request(request, number) for number, request in enumerate(requests, 1)]
        if self.memory is not None:  # every id checked before any is looked up (and warned of)
            for user, _, _ in parts:
                if user is not None:
                    check_user(user)
        self._start_worker_processes()
        texts: list[str] = []
        matches: list[tuple[Match, ...]] = []
        matchers: list[TermMatcher | None] = []
        users: list[str | None] = []
        preferences: list[Mapping[str, Any]] = []
        counts = []
        for number, (user, request_texts, request_prefer) in enumerate(parts, 1):
            readable = _readable(request_texts)
            what = f"requests: item {number}'s prefer"
            prefer = preference_list(request_prefer, len(readable), what)
            texts.extend(readable)
            counts.append(len(readable))
            matches.extend(self.retrieve(readable, user, prefer))
            matchers.extend([self._term_matcher(user, glossary)] * len(readable))
            users.extend([user] * len(readable))
            preferences.extend(prefer or [{}] * len(readable))
        request = Request(texts, matches, matchers, users, preferences)
        flat = translate_by_sentences(self, request, None)
        results, start = [], 0
        for (user, _, _), count in zip(parts, counts, strict=True):
            # each user's own memory decides the quote marks
            matcher = matchers[start] if count else None
            results.append(self._finished(flat[start : start + count], user, fit, matcher))
            start += count
        return results

    def _finished(
        self,
        translations: list[Translation],
        user: str | None,
        fit: bool,
        matcher: TermMatcher | None = None,
    ) -> list[Translation]:
        """One user's ``translations`` with the quote marks the user's memory writes
        (``user_quotes``), fitted to their sources with ``fit`` (the glossary names of
        ``matcher`` kept as written)."""
        if self.user_quotes:
            translations = in_users_quotes(
                translations, functools.partial(self._memory_quotes, user)
            )
        return _fitted(translations, matcher) if fit else translations

    def _memory_quotes(self, user: str | None) -> QuoteTable:
        """How ``user``'s memory quotes what its sources quote (:mod:`ltmt.quote_style`), read
        again when the memory's size changed."""
        if self.memory is None or user is None:
            return {}
        size = self.memory.count(user)
        cached = self._quote_tables.get(user)
        if cached is None or cached[0] != size:
            cached = self._quote_tables[user] = (size, memory_quote_table(self.memory, user))
        return cached[1]

    def _start_worker_processes(self) -> None:
        """With ``worker_processes``, have them start loading the model (if they are not
        running) while this process retrieves and encodes (:mod:`ltmt.worker_processes`)."""
        if self.worker_recipe is not None:
            start_worker_processes(self.worker_recipe, wait=False)

    def warm(self, user: str, progress: ProgressCallback | None = None) -> Warmth:
        """Force-decode ``user``'s stored segments into the disk store of states now, so that
        the first translations read them (:mod:`ltmt.state_warming`; ``progress(n)`` as ``n``
        more segments are done)."""
        self._check_open()
        from ltmt.state_warming import warm_states

        return warm_states(self, user, progress=progress)

    def learn(self, user: str, sources: Sequence[str], targets: Sequence[str]) -> ImportReport:
        """Add approved (source, target) pairs to ``user``'s memory, in one transaction.

        Pairs blank on both sides (a blank line of both texts) are left out; a pair with one
        side blank, and one that fails the memory's cleaning otherwise, is skipped and counted
        in the returned report by reason, as :meth:`ltmt.memory.store.Memory.import_pairs`
        counts it (``empty target``; its ``examples`` name a pair by its place in the call,
        ``#2``). They are searchable (and reused) from the next call on. Targets that read
        shifted against their sources (:func:`ltmt.memory.shifted_lines.find_shift`: a line
        deleted or added in one list) are an InputError, and nothing is stored.
        """
        from ltmt.memory.shifted_lines import find_shift

        self._check_open()
        if self.memory is None:
            raise ConfigError("this translator has no memory to learn into: pass memory=Memory()")
        sources, targets = text_list(sources, "sources"), text_list(targets, "targets")
        if len(sources) != len(targets):
            raise InputError(f"{len(sources)} sources but {len(targets)} targets")
        shift = find_shift(sources, targets)
        if shift is not None:
            raise InputError(
                f"{shift.of_pairs()}; nothing learned: give each source's translation at its "
                "place and learn them again"
            )
        pairs = [
            PairRecord(source, target, f"#{number}")
            for number, (source, target) in enumerate(zip(sources, targets), 1)
            if source.strip() or target.strip()
        ]
        return self.memory.import_pairs(
            user, pairs, origin="learn", warn_new_user=self.warn_unknown_user
        )

    def _check_user(self, user: str | None) -> None:
        """Log a warning, the first time ``user`` is asked for, when the memory holds no such
        user (:func:`ltmt.lookup.missing_user`: a misspelt id translates without memory); an
        invalid id is an InputError, not warned of as missing first. Without a memory, the
        first call that names a user logs that it has none to read."""
        if user is None:
            return
        if self.memory is None:
            self._warn_user_unread(user)
            return
        check_user(user)
        if not self.warn_unknown_user:
            return
        if user in self._users_checked:
            return
        self._users_checked.add(user)
        warning = missing_user(self.memory, user)
        if warning is not None:
            logger.warning("%s", warning)

    def _warn_user_unread(self, user: str) -> None:
        """Log a warning, the first time a user is named, that this translator has no memory:
        ``user=`` was ignored without a word (a memory forgotten at construction)."""
        if not self._user_unread:
            return
        self._user_unread = False
        logger.warning(
            "user %r was given, but this translator has no memory: translating without its "
            "memory or stored glossary; pass Translator(memory=Memory(...))",
            user,
        )

    def _warn_fusion_unread(self) -> None:
        """Log a warning, the first time this translator translates, when it was given a fusion
        but no memory for it to read: every text is translated by the model alone."""
        if not self._fusion_unread:
            return
        self._fusion_unread = False
        logger.warning(
            "fusion %s reads a translation memory, and this translator has none: translating "
            "with the model alone; pass memory=Memory() (or fusion='none')",
            self.fusion_name,
        )

    def _term_matcher(
        self, user: str | None, glossary: Iterable[Term] | None
    ) -> TermMatcher | None:
        """The matcher of the terms this call follows, or None when there are none."""
        return term_matcher(self.memory, user, self.user_glossary, self.glossary, glossary or ())

    def retrieve(
        self, texts: list[str], user: str | None, prefer: Sequence[Mapping[str, Any]] | None = None
    ) -> list[tuple[Match, ...]]:
        """The memory matches of each of ``texts`` in ``user``'s memory, as many as the fusion
        reads (``prefer``: as in :meth:`translate`)."""
        self._check_open()
        self._warn_fusion_unread()
        self._check_user(user)
        check_memory_languages(self.memory, user, self.language_pair)
        # a fusion that reads more matches than top_k gets them to choose from (knn-trained)
        reads = getattr(self.fusion, "matches_read", None)
        k = max(self.top_k, reads(self.backbone) if reads is not None else 0)
        return memory_matches(self.memory, user, texts, k, prefer)

    def _line_forms(self, matcher: TermMatcher | None) -> LineForms:
        """How lines go to the model and come back in :attr:`written_language` (``de-AT``:
        :attr:`LineForms.target_language`) where ``matcher`` finds their glossary terms: a line
        with a case-sensitive term is not lowered (:attr:`LineForms.cased_terms`)."""
        from ltmt.terminology.matching import has_case_sensitive_term

        forms = self.line_forms
        if forms.target_language and forms.target_language != self.written_language:
            # written as the asked region writes it (de-AT keeps an amount's sign first); the
            # model's language stays the translator's for splitting its outputs in sentences
            forms = replace(forms, target_language=self.written_language)
        if matcher is None or not any(term.case_sensitive for term in matcher.terms):
            return forms
        return replace(forms, cased_terms=functools.partial(has_case_sensitive_term, matcher))

    def translate_retrieved(
        self,
        texts: list[str],
        matches: list[tuple[Match, ...]],
        matchers: list[TermMatcher | None],
        progress: ProgressCallback | None,
    ) -> list[Translation]:
        """Translate ``texts`` whose memory ``matches`` and glossary ``matchers`` (one per
        text) are known."""
        self._check_open()
        results: list[Translation | None] = [None] * len(texts)
        decoding_matches = list(matches)  # as the model gets them (units.LineForms)
        units: list[Unit] = []
        splits: dict[int, SplitSegment] = {}  # the segments the model translates
        for index, text in enumerate(texts):
            results[index] = without_model(
                text,
                matches[index],
                self.exact_reuse,
                self.written_language,
                self.line_forms.accelerator_markers,
            )
            if results[index] is None:
                # a line-initial 2.5 is a quantity where a match writes its own 2,5 (a clause's
                # number is set aside)
                forms = self._line_forms(matchers[index]).as_memory_writes(matches[index])
                split = splits[index] = split_segment(text, forms)
                if split.changed:  # the matches' lines changed alike for fusion
                    match_forms = self.line_forms.as_memory_writes(matches[index])
                    decoding_matches[index] = match_forms.matches_for_model(matches[index])
                # a line of several sentences is given to the model a sentence at a time
                # where no memory is read for it (a fused one keeps its match's whole context)
                alone = self.sentence_split and not needs_fusion(
                    self.fusion, text, decoding_matches[index], self.backbone
                )
                units.extend(plan_units(index, split.lines, self, split.as_labels, sentences=alone))
        done = sum(r is not None for r in results)
        if progress and done:
            progress(done)
        decoded = self._translate_units(units, decoding_matches, progress, matchers)
        grouped = join_pieces(units, decoded.outputs)
        seams: set[int] = set()
        doubled: set[int] = set()
        if self.seam_repair:
            said = "line seams: words said twice across a line break where the source does not"
            seams = write_once(splits, grouped, drop_seam_repeats, said)
            said = "doubled words: a word said twice in a row where the source does not"
            doubled = write_once(splits, grouped, doubled_once, said)
        if self.labels is not None:
            write_labels(self.labels, splits, grouped, decoded.used_fusion, matchers)
        capitalise_starts(splits, grouped, matches, self.line_forms.target_language)
        write_dashes(splits, grouped, decoded.used_fusion)
        unfinished = _unfinished_segments(units, decoded.unfinished)
        # a comparison or range said in words lost or turned round (below 30 °C as bei 30 °C)
        german = self._repairs_german
        for index, split in splits.items():
            method = self.fusion_name if decoded.used_fusion.get(index) else "model"
            pieces = [u for u in units if u.segment == index]
            text = split.rebuild(grouped.get(index, []))
            results[index] = Translation(
                source=texts[index],
                text=text,
                matches=matches[index],
                method=method,
                pieces=len(pieces),
                sentence_split=_split_for_sentences(pieces),
                cut=any(u.cut for u in pieces) or index in unfinished,
                copy_guarded=index in decoded.guarded,
                copies_other_words=index in decoded.copies,
                numbers_repaired=index in decoded.repaired,
                numbers_not_repairable=index in decoded.unrepaired
                or (self.number_repair and bool(lost_subdivisions(texts[index], text)))
                or (german and bool(comparison_word_problems(texts[index], text)))
                or (german and bool(frequency_problems(texts[index], text))),
                seams_repaired=index in seams,
                doubled_repaired=index in doubled,
                accelerators=split.accelerators,
                target_language=self.written_language,
                unfinished=index in unfinished,
                negation_lost=negation_lost(texts[index], text),
                match_set_aside=index in decoded.set_aside,
                match_polarity=index in decoded.polarity,
            )
        return [r for r in results if r is not None]

    def _translate_units(
        self,
        units: list[Unit],
        matches: list[tuple[Match, ...]],
        progress: ProgressCallback | None,
        matchers: Sequence[TermMatcher | None],
    ) -> DecodedUnits:
        """Decode ``units`` in length-sorted batches (what comes back: :class:`DecodedUnits`).

        With ``copy_guard``, a fused output that repeats a match of other words is decoded
        again with memory trusted less, once every batch is decoded, the copies of all batches
        together (:mod:`ltmt.copy_guard`). Every output gets back the characters of its line the
        model's normalisation folded (``…`` for ``...``: :mod:`ltmt.folded_characters`), and a
        fused output that copies a match differing from its line in final punctuation alone the
        line's own (:mod:`ltmt.match_punctuation`). With ``number_repair``, every output gets
        back the
        numbers of its line the model wrote with a repeated digit once and a message code it
        dropped (:mod:`ltmt.numbers_kept`). With ``placeholder_guard``, a fused output that drops
        a placeholder of its line, adds one, or lost a number beyond repair, is decoded again
        without memory, and the output that keeps more placeholders, then adds fewer, then keeps
        more numbers, wins (the fused one on a tie): a memory must not remove a ``%s``, nor add
        one, nor change a number (:mod:`ltmt.placeholder_guard`). With ``negation_guard``, last,
        an output that says no negation where its line says one is decoded again steered to one
        (:mod:`ltmt.negation_guard`). In German, with ``number_repair``, a fused output that
        says another frequency than its line (``einmal täglich`` for ``twice daily``) and no
        narrow rewrite makes right is decoded again without memory, and the model's own output
        wins where it says more of the line's frequencies (:mod:`ltmt.frequency_repair`).
        """
        outputs = [""] * len(units)
        used_fusion: dict[int, bool] = {}
        guarded: set[int] = set()
        still_copied: set[int] = set()  # units
        repaired: set[int] = set()
        unrepaired: set[int] = set()
        if not units:
            return DecodedUnits(outputs, used_fusion, guarded, set(), repaired, unrepaired, [])
        encoded = encode_units(self, units)
        batches = plan_batches(
            [len(ids) for ids in encoded],
            lambda i: needs_fusion(
                self.fusion, units[i].text, matches[units[i].segment], self.backbone
            ),
            self.batch_size,
        )
        hits = [term_hits(matchers, unit) for unit in units]
        glossary = GlossaryPass()
        decoding = BatchDecoding(self, units, encoded, matches, hits, glossary)
        fused = decoding.decode_all(batches, outputs, progress)
        if self.copy_guard and fused:
            replaced, still_copied = guard_copies(self, fused, units, encoded, matches, outputs)
            guarded.update(units[i].segment for i in replaced)
        if any(hits):
            self.terms.follow(units, hits, matches, outputs, glossary)
        steered = (
            steer_address(self, self.formality, units, matches, hits, outputs)
            if self.formality is not None
            else set()
        )
        # decoded with memory, following glossary terms or steered to a form of address: no
        # retry of their own
        skip = set(fused) | {i for i, found in enumerate(hits) if found} | steered
        if self.label_retry:  # fused copies of English words: decoded as without memory
            unfused = retry_fused_copies(
                self, [i for i in fused if not hits[i]], units, encoded, matches, outputs
            )
            skip -= unfused
            fused = [i for i in fused if i not in unfused]
        read_both_ways(self, units, encoded, outputs, skip)
        if self.label_retry:
            retry_copied_labels(self, units, outputs, skip)
        for i, unit in enumerate(units):  # what the model's normalisation folded (…, ™, ²)
            outputs[i] = restore_folded(unit.text, outputs[i])
        if fused and self.fusion is not None:
            punctuate_copies(self.fusion, self.backbone, fused, units, matches, outputs)
        # a line following glossary terms is retried for its lost numbers under the terms'
        # constraint: placing a target must not cost the line its clause number
        following = [i for i, found in enumerate(hits) if found and i not in fused]
        repaired_at: set[int] = set()  # units
        wrong_at: set[int] = set()
        if self.number_repair:
            repaired_at, wrong_at = repair_outputs(
                self, units, outputs, skip.difference(following), hits
            )
        # units: the fused outputs kept, and those a guard replaced without memory
        book = _FusedOutputs(set(fused), set(), repaired_at, wrong_at)
        if self.placeholder_guard:
            book.replace(guard_placeholders(self, fused, units, encoded, outputs, hits))
        # a fused output that stopped where its match goes on: the model's own, whole
        book.replace(guard_tails(self, sorted(book.kept), units, encoded, matches, outputs, hits))
        # a fused output that says what only a weak match says: the model's own
        book.replace(
            guard_weak_matches(self, sorted(book.kept), units, encoded, matches, outputs, hits)
        )
        if self.negation_guard and book.kept:  # a near match's "not" or "above" kept
            book.replace(
                guard_polarity(self, sorted(book.kept), units, encoded, matches, hits, outputs)
            )
        german = self._repairs_german
        if german and book.kept:  # a match's "einmal täglich" for the line's "twice daily"
            frequencies = guard_frequencies(self, sorted(book.kept), units, encoded, hits, outputs)
            book.replace(
                Replaced(frequencies.replaced, frequencies.numbers_wrong), frequencies.repaired
            )
        if self.negation_guard:  # last: whichever decode above dropped the "not"
            negations = guard_negations(self, units, encoded, matches, hits, outputs, book.kept)
            book.kept -= negations.without_memory
            book.set_aside |= negations.without_memory
            if self.number_repair and negations.replaced:
                right, wrong = repair_replaced(self, units, outputs, negations.replaced, hits)
                book.repaired = (book.repaired - negations.replaced) | right
                book.wrong = (book.wrong - negations.replaced) | wrong
        kept_fused, set_aside = book.kept, book.set_aside
        repaired_at, wrong_at = book.repaired, book.wrong
        if self.number_repair:  # an output that still lacks a number is no repair either
            if german:  # 8.00 Uhr for 8:00 PM
                timed, mistimed = repair_clock_times(units, outputs)
                worded, misworded = repair_worded_numbers(units, outputs)  # 10 (dreißig)
                often, misoften = repair_frequencies(units, outputs)  # einmal for twice
                repaired_at |= timed | worded | often
                wrong_at |= mistimed | misworded | misoften
            wrong_at |= numbers_still_lost(range(len(units)), units, outputs, german)
            unrepaired = {units[i].segment for i in wrong_at}
            unrepaired |= numbers_added_beyond_repair(units, outputs)
            repaired = {units[i].segment for i in repaired_at} - unrepaired
        for i, unit in enumerate(units):
            used_fusion[unit.segment] = used_fusion.get(unit.segment, False) or i in kept_fused
        unfinished = unfinished_outputs(self, encoded, outputs)
        # a fused output still saying a match's polarity is flagged so, not as a copy
        polar = {
            i
            for i in kept_fused
            if polarity_kept(units[i].text, outputs[i], matches_read(self, units[i], matches))
        }
        # a copy the placeholder guard or the label retry decoded again without memory is none
        copies = {units[i].segment for i in (still_copied & kept_fused) - polar}
        return DecodedUnits(
            outputs,
            used_fusion,
            guarded,
            copies,
            repaired,
            unrepaired,
            unfinished,
            frozenset(units[i].segment for i in set_aside),
            frozenset(units[i].segment for i in polar),
        )

    def prepare_state(
        self, texts: Sequence[str], matches: Sequence[Sequence[Match]], *, wary: bool = False
    ) -> FusionState | None:
        """The fusion's state for one batch (``wary``: with its wary settings, for the copy guard:
        :class:`ltmt.copy_guard.WaryFusion`); one batch at a time unless the fusion says its
        ``prepare`` may run on several threads at once (``concurrent_prepare``)."""
        self._check_open()
        fusion = self.fusion
        assert fusion is not None
        prepare = fusion.prepare
        if wary:
            assert isinstance(fusion, WaryFusion)
            prepare = fusion.prepare_wary
        if getattr(fusion, "concurrent_prepare", False):
            return prepare(self.backbone, texts, matches)
        with self._prepare_lock:
            return prepare(self.backbone, texts, matches)

    # -- the model's side of a translation, for the steps around it (ltmt.terminology) ------

    def source_tokens(self, text: str) -> int:
        """How many source tokens the model reads for ``text``, ``</s>`` included."""
        self._check_open()
        return len(self.backbone.tokenizer(text, add_special_tokens=True)["input_ids"])

    def count_words(self, text: str) -> int:
        """How many source tokens ``text`` is, without ``</s>``: where a word of a longer text
        starts, counted by tokenising the text before it."""
        self._check_open()
        return len(self.backbone.tokenizer(text, add_special_tokens=False)["input_ids"])

    def encode(
        self, texts: Sequence[str], segments: Sequence[int] | None = None
    ) -> list[list[int]]:
        """The source token ids of each of ``texts`` (``</s>`` last), truncated to
        ``max_source_tokens`` with ``</s>`` kept; a truncation is logged naming the input's
        segment (``segments[i]``, counted from 0; default: its position)."""
        self._check_open()
        encoded: list[list[int]] = self.backbone.tokenizer(list(texts), add_special_tokens=True)[
            "input_ids"
        ]
        for position, ids in enumerate(encoded):
            if len(ids) > self.max_source_tokens:
                logger.warning(
                    "segment %d has %d tokens; truncated to %d",
                    (segments[position] if segments is not None else position) + 1,
                    len(ids),
                    self.max_source_tokens,
                )
                encoded[position] = [*ids[: self.max_source_tokens - 1], ids[-1]]
        return encoded

    def decode_texts(
        self,
        texts: Sequence[str],
        segments: Sequence[int],
        hits: Sequence[Sequence[TermHit]] = (),
    ) -> list[str]:
        """``texts`` (lines of ``segments``) decoded by the model alone, in length-sorted
        batches; the outputs in the order of ``texts`` (what the retries of
        :mod:`ltmt.copied_labels` and :mod:`ltmt.numbers_kept` decode). ``hits`` (one list per
        text, or none): each output carries its text's glossary targets (the constraint of
        :meth:`GlossaryDecoding.constrained_state`), so a retry keeps what the glossary put,
        but for an output that runs on past its text's end, which is the model's own without
        the constraint (:meth:`GlossaryDecoding.decode_alone`); each steered to
        :attr:`formality` as :meth:`decode_ids` steers."""
        self._check_open()
        return self.decode_ids(self.encode(texts, segments), hits, sources=texts)

    def decode_ids(
        self,
        encoded: Sequence[Sequence[int]],
        hits: Sequence[Sequence[TermHit]] = (),
        *,
        sources: Sequence[str],
    ) -> list[str]:
        """:meth:`encode`'s token ids decoded by the model alone, in length-sorted batches; the
        outputs in the order of ``encoded``; ``hits``: as for :meth:`decode_texts`. The decodes
        after the address steering (a guard's, a retry's) all come here: with
        :attr:`formality`, an output of a line whose source (``sources``: the text each of
        ``encoded`` reads) says "you" in the other form is decoded again steered to the form
        asked, as the first decode's are (:func:`ltmt.address_steering.steer_redecoded`)."""
        self._check_open()
        order = sorted(range(len(encoded)), key=lambda n: len(encoded[n]))
        outputs = [""] * len(encoded)
        for start in range(0, len(order), self.batch_size):
            chunk = order[start : start + self.batch_size]
            batch = [list(encoded[n]) for n in chunk]
            texts = (
                self.terms.decode_alone(
                    batch, [hits[n] for n in chunk], [sources[n] for n in chunk]
                )
                if hits
                else self.decode(batch)
            )
            for n, text in zip(chunk, texts, strict=True):
                outputs[n] = text
        if self.formality is not None:
            steer_redecoded(self, self.formality, encoded, sources, hits, outputs)
        return outputs

    def output_ids(self, texts: Sequence[str]) -> list[list[int]]:
        """The target-side token ids of translations ``texts`` (no specials): what the decoder
        scores (:meth:`ltmt.model.engine.Decoder.score`) or aligns."""
        self._check_open()
        if not texts:
            return []
        encoded = self.backbone.tokenizer(text_target=list(texts), add_special_tokens=False)
        return [list(ids) for ids in encoded["input_ids"]]

    def decode(self, batch: Sequence[Sequence[int]], state: FusionState | None = None) -> list[str]:
        """The texts of one batch of :meth:`encode`'s token ids; ``state``: the fusion's state
        for this batch (``fusion.prepare``), or ``None`` for the model alone."""
        self._check_open()
        return self.detokenise(self.decoder.decode(batch, self.decode_config, state))

    def detokenise(self, token_ids: Sequence[Sequence[int]]) -> list[str]:
        """The texts of output token ids (special tokens left out)."""
        self._check_open()
        texts: list[str] = self.backbone.tokenizer.batch_decode(token_ids, skip_special_tokens=True)
        return texts


def _source_language(model: str | Path | Backbone | None, source_language: str | None) -> str:
    """``source_language``, refused where the model's recorded pair starts with another
    (``fr``, ``english`` for an en→de model), before the model loads, as ``ltmt translate
    --src-lang`` and a bench config's ``source_lang`` are refused
    (:func:`ltmt.model.languages.check_language_pair`); ``None``: the model's source, else
    ``en``. A loaded model without a directory records no pair."""
    if source_language is not None and not isinstance(source_language, str):
        raise ConfigError(f"source_language must be a language code, got {source_language!r}")
    if isinstance(model, Backbone):
        if model.path is None:
            return source_language or "en"
        model = model.path
    if source_language is None:
        pair = model_languages(model)
        return pair[0] if pair is not None else "en"
    check_language_pair(model, source_language, names=API_NAMES)
    return source_language


def _target_language(
    model: str | Path | Backbone | None, source_language: str, target_language: str | None
) -> str | None:
    """``target_language`` as a BCP 47 tag is written (``DE`` → ``de``, ``de_CH`` → ``de-CH``),
    refused where the model's recorded pair ends with another language (``fr`` for an en→de
    model), as ``source_language`` is (:func:`_source_language`); ``None`` (or empty): the
    model's."""
    if not target_language:
        return None
    if not isinstance(target_language, str):
        raise ConfigError(f"target_language must be a language code, got {target_language!r}")
    if isinstance(model, Backbone) and model.path is None:
        check_language_code(API_NAMES.target, target_language)
    else:
        path = model.path if isinstance(model, Backbone) else model
        check_language_pair(path, source_language, target_language, names=API_NAMES)
    return canonical_code(target_language)


def _request(request: Any, number: int) -> tuple[str | None, Sequence[str], Any]:
    """``(user, texts, prefer)`` of the ``number``-th request of :meth:`Translator.
    translate_for_users`: a ``(user, texts)`` or ``(user, texts, prefer)`` tuple."""
    if (
        not isinstance(request, tuple | list)
        or len(request) not in (2, 3)
        or not (request[0] is None or isinstance(request[0], str))
    ):
        raise InputError(
            f"requests: item {number} is {shortened(repr(request), 40)}, not a (user, texts) or "
            "(user, texts, prefer) tuple"
        )
    return request[0], request[1], request[2] if len(request) == 3 else None


def _readable(texts: Sequence[str]) -> list[str]:
    """``texts`` as a list of whole characters: a UTF-16 surrogate pair made the character it
    encodes (a tokenizer reads no surrogate), half of one an :class:`InputError` that names
    its text (and :func:`ltmt.text.text_list`'s checks)."""
    readable = []
    for number, text in enumerate(text_list(texts), 1):
        problem = half_character(text)
        if problem is not None:
            raise InputError(f"text {number} {problem}")
        readable.append(paired_surrogates(text))
    return readable


def _split_for_sentences(pieces: Sequence[Unit]) -> bool:
    """Whether a segment's ``pieces`` split a line for its sentences and none for its length."""
    lines: list[list[Unit]] = [[]]
    for piece in pieces:
        lines[-1].append(piece)
        if piece.line_end:
            lines.append([])
    long = any(len(line) > 1 and not line[0].for_sentences for line in lines)
    return not long and any(piece.for_sentences for piece in pieces)


def _unfinished_segments(units: Sequence[Unit], unfinished: Sequence[bool]) -> set[int]:
    """The segments a piece of whose output ran to the decoder's length limit (``unfinished``:
    one flag per unit); the caller names them to the user (``Translation.unfinished``), as it
    knows where they are (a file's line: :func:`ltmt.formats.unit_translation.translate_units`)."""
    return {unit.segment for unit, flag in zip(units, unfinished, strict=True) if flag}


def _fitted(translations: list[Translation], matcher: TermMatcher | None) -> list[Translation]:
    """Each translation fitted to its source (:func:`ltmt.formats.placeholders.fit_translation`;
    imported here: the formats package is not loaded for a translator that never fits)."""
    from ltmt.formats.placeholders import fit_translation
    from ltmt.terminology.matching import names_kept

    return [fit_translation(t, names_kept(matcher, t.source)) for t in translations]

"""What a ``translate`` run did, counted truthfully: the summary line and its JSON form.

Every unit translated in the run is counted once in each of these groups:

- by how it was made: ``exact`` (a 100 % memory match reused; ``exact_same_context`` of them
  the very same source from the entry's own context and plural form: what ``--exact-approved``
  leaves unflagged; ``exact_edges_replaced`` of them those whose stored target had spaces or line
  breaks at an edge that the output has as the source has them: ``Aufruf: `` for ``Usage:``;
  ``exact_lacking`` of them those whose stored target lacked a named field of the source,
  repaired as the model's output is and not approved, the first few named: a reviewer's
  ``Sie sparen %discount`` for ``Save %discount%``), ``exact_numbers`` of them those whose stored
  target's numbers disagree with the source's as ``ltmt qa`` reads them (a memory that learnt
  a reviewer's file shifted by a line: ``Nicht über 25 °C lagern.`` for ``Do not take more
  than 3 tablets in 24 hours.``), the first few named (``--strict`` fails the run on them),
  ``fuzzy`` (a fuzzy match steered the model through fusion) or
  ``no_match`` (the model alone: no usable match; with ``no_user``, no memory was asked for,
  and the summary says so instead of these counts), ``matches_set_aside`` of those with a match
  whose fused output a guard set aside (``Translation.match_set_aside``); ``copy_guarded``: of
  the fused ones, those whose first output copied a match of other words and were decoded
  again with memory trusted less, which replaced it (:mod:`ltmt.copy_guard`);
  ``copies_other_words``: those whose output is still a match's translation word for word while
  the match's source says other words (for a source that adds words to a stored segment: they may
  be missing), the first few named;
- by its placeholders and format strings: ``repaired`` (fixed, now valid) or ``not_repairable``
  (left untranslated in PO/XLIFF; written as it is in txt/jsonl); ``numbers_repaired``: those
  whose output got back a number or message code of the source and has every number right
  (:mod:`ltmt.numbers_kept`), ``numbers_not_repairable`` those whose numbers the repair changed
  but could not make right (``1.299,99,99`` for ``1,299.99``: check them), that have a number
  their source has in no form (``2.4.4.1`` for ``2.4.1``, as qa finds it) or more often
  (``3% erhalten 3%`` for ``Get 3% back``), or whose output lost a number neither the repair,
  its retry with the line's numbers as tags, nor the model alone kept (``--strict`` fails the
  run on them);
  ``invalid_sources``: messages left out untranslated as ICU rejects their source (a plural
  without ``other``), counted once, as left out, not as not repaired (``--strict`` fails on them);
  ``format_unchecked``: units whose source is no valid format string of its flag (``#,
  c-format`` on ``strftime``'s ``Saved at %H:%M``), whose directives are kept as written and
  whose translation is not checked, as msgfmt -c checks none of such an entry
  (``format_unchecked_example``: the first one's flag and source, which the summary shows);
- ``seams_repaired``: multi-line units whose translation said words twice across a line break
  (ending one line, starting the next) and now says them once (:mod:`ltmt.line_seams`);
  ``doubled_repaired``: units whose translation said a word twice in a row (``Dateien
  Dateien``) where the source does not, now once; ``stray_quotes``: units whose translation
  had a quote mark that paired with nothing and that the source lacks (``%date%«``), taken out
  (:mod:`ltmt.stray_quotes`);
- ``accelerators``: lines whose keyboard accelerator (``&Open``) was taken out before the model
  translated them and placed in the translation (:mod:`ltmt.accelerators`; a reviewer checks
  that the keys of one menu differ);
- ``copied``: model outputs identical to their source (the small model copies some short UI
  words, ``Save`` or ``Warning``, whatever their ``msgctxt``): written all the same, flagged
  for review like every machine translation, and counted so that a reviewer looks at them;
  ``partly_copied``: outputs that translated their source but wrote one of its sentences (or
  clauses) again as it is (:mod:`ltmt.copied_sentences`), the copied part named;
- ``names_kept``: one-word lines of an English source kept as written as names, not given to
  the model (``Trackly``, ``GitHub``: :func:`ltmt.units.is_one_name`), counted and the first few
  named so that a reviewer checks them;
- ``wordless``: model outputs that kept none of their source's words, only its placeholders or
  punctuation (``%{first_name},`` for ``Hi %{first_name},``): written, counted for review (``ltmt
  qa``'s ``wordless`` check finds them in a file); ``words_lost_between``: those that write side
  by side two placeholders their source has words between (``{{.Count}} {{.Total}}-Dateien``
  for ``Downloaded {{.Count}} of {{.Total}} files``), the first few named;
  ``fields_after_the_end``: those that write a field after their last sentence where their
  source has words after it (``Keine neue Liste verpassen. {name}``: the placeholder repair put
  back at the end a field the model dropped), named so; ``stopped_at_tags``: those that end at
  a closing tag where their source's sentence goes on after it (``Suche die <link=…>Old
  Mill</link>`` for ``… </link> at night.``: :mod:`ltmt.formats.lost_after_tags`), named so;
  ``ampersands_alone``:
  those that end or start with a bare ``&`` their source writes between words (``Versand &``
  for ``Shipping & Handling``: :func:`ltmt.formats.wordless.ampersand_left_alone`), named so;
- ``misspelt``: of the model's outputs (not copies), those with a word the target language's
  spelling dictionary does not know (``Kategories``, ``Spekifikationen``: :mod:`ltmt.spelling`),
  the first few unknown words named, and ``spelling_dictionary`` the dictionary (empty where
  none is installed: not counted);
- ``address_missed``: with ``--formality``, units whose translation still reads in the other
  form, as qa's formality check judges it, or, where the source says "you", the impersonal ``man``
  (:func:`ltmt.address_steering.address_missed`), the first few named;
- ``over_limit``: units whose translation is longer than the limit their file gives them
  (XLIFF ``maxwidth`` in characters, ``slr:sizeRestriction``): written, marked for review;
- ``split``: long segments translated sentence by sentence (not the short lines translated so
  for their sentences' memory matches: :mod:`ltmt.sentence_memory`); ``sentence_split``: short
  lines of several sentences the model was given a sentence at a time
  (:attr:`~ltmt.segments.Translation.sentence_split`); ``cut``: segments that
  had to be cut at the model's length limit even so (``--strict`` fails the run on these);
  ``sentences_lost``: lines of several sentences whose translation says fewer (or a fused one
  that lost the line's quote marks or attribution, or says no more sentences than a match it
  read whose source lacks one of the line's), and fused lines whose translation kept some of
  their words and none of its own (``Played for {Minutes}`` → ``{Minutes}``), even translated
  a sentence at a time and then without memory (:mod:`ltmt.sentence_memory`; ``--strict``
  fails the run on these); ``negation_lost``: units whose translation says fewer negations
  than their source (none of one, one of two) or more (``nicht ... nicht`` for one ``not``), as
  ``ltmt qa``'s negation check reads them, even decoded again steered to one
  (:mod:`ltmt.negation_guard`; ``--strict`` fails the run on these), the first few named;
  ``match_polarity``: units whose fused translation says a memory match's negation or
  comparison word where their source differs from the match's in it, even decoded again
  without memory (:mod:`ltmt.polarity_guard`; ``--strict`` fails the run on these).

Beside them, ``translated_before``: the document's units that had a translation already and were
kept as they are (PO, XLIFF, JSONL without ``--overwrite``; a PO entry's plural forms together, so
that with ``suggestions_kept`` they add up to a catalog's entries), so that a run that finds
nothing to do says why; ``suggestions_kept``: entries whose translation is only a suggestion
(a PO entry marked ``fuzzy``, its plural forms together) kept as they are, as no 100 % memory
match of their own context and plural form replaced them, ``suggestions_mismatched`` of them
without the placeholders of their msgid now (qa's format and placeholder checks), and
``own_suggestions_kept`` of them ltmt's own translation of their msgid from an earlier run,
which ``--no-fuzzy`` writes unflagged (``own_suggestions_unflagged``, then not kept:
:mod:`ltmt.formats.own_suggestions`);
``signed_off``: those kept with ``--overwrite``, which leaves a unit a reviewer signed off
(XLIFF ``final``, ``signed-off``, ``reviewed``, ``approved="yes"``); ``no_source``: messages
with no source text to translate (a Qt message of ``qsTrId`` without its ``//%`` text), left
untranslated; ``marked_kept``:
strings whose developer's note asks to keep them (a .resx ``<comment>`` of ``{Locked}`` or "Do
not translate"), not translated; ``code_kept``: strings the file says are code (a po4a
catalog's listing, literal, passthrough and comment blocks, an itstool catalog's code
elements, a Sphinx catalog's literal blocks, doctests and images) copied byte for byte by this
run;
``tracked_insertions`` and ``tracked_deletions``: a Word
document's tracked changes in the text translated, its insertions translated as insertions and
its deletions kept as they were (the summary suggests accepting or rejecting them first), and
``tracked_untracked`` of those insertions whose words the translation could not keep apart,
written untracked (the summary asks to review them);
``drafts_kept``: units whose target the file marks not translated yet (an XLIFF target in
state 2.0 ``initial`` or 1.2 ``new`` that is not the source copied), kept as written (not with
``--overwrite``).
``locked``: segments a CAT tool locked (Trados, memoQ), left as they are.
``entries_marked_fuzzy``: the PO entries this run changed and flagged ``#, fuzzy`` for review
(a plural entry once; one written again as it was, a rerun's, is not counted), which gettext's
``msgfmt`` and the tools that read PO leave out of the compiled catalog until a reviewer removes
the flag: the summary says so; ``entries_fuzzy_exact`` of them 100 % memory matches of their
own context, which ``--exact-approved`` writes unflagged. ``units_marked_for_review``: the
XLIFF units (2.0: segments) this run filled and marked for review (1.2
``needs-review-translation``, 2.0 an ltmt ``subState``), which ``--no-fuzzy`` writes unmarked:
the summary says so; ``segments_20_marked`` of them 2.0 segments, said apart: 2.0 has no review
state, so they are ``translated`` with a ``subState`` that other tools show as translated;
``trados_segments_marked`` and ``memoq_segments_marked`` of them the segments those tools show
by their own status (Trados ``Draft``, memoQ ``Pretranslated``), said apart in their terms
(:mod:`ltmt.formats.marked_for_review`: a 1.2 unit is counted once, however many of its
segments were filled; a rejected segment left rejected is not counted).
``source_changed``: of the units translated, those for which an existing output held what
ltmt wrote there for an earlier source (:mod:`ltmt.formats.output_sources`), or what the
user's memory holds for one (:mod:`ltmt.formats.changed_sources`). ``no_record``: the
outputs whose translations were kept without a record of what ltmt wrote there, so that
those of a source changed since were not translated again (a CI runner's empty cache: a
warning names the records' folder to keep between runs). ``placeholders_kept``: the
translations kept from a catalog's output (``output: name``) whose placeholders ``ltmt qa``
calls an error (``adds %2$s, which the source does not have``: a crash in
``String.format``), which a warning names and ``--strict`` fails the run on
(:mod:`ltmt.formats.kept_placeholders`). ``memory_missing``: the memory store
the run looked for, which does not exist (a mistyped ``LTMT_HOME`` or ``--memory-dir``, a CI
cache not restored), so the run had no memory; empty where it exists or none was asked for.
``copies_of_source``: of the units translated, those whose string in an existing one-language
output was its source copied (Docusaurus' ``write-translations``), not a translation.
``own_extras_removed``: the names of the strings an existing catalog output held whose source
was removed since and that ltmt wrote there, unedited since (its record says so), removed
from the output (:mod:`ltmt.formats.own_extras`): the summary names them.
``copies_kept``: the translations kept (not counted in ``translated_before``) that are their
source copied where nothing tells a tool's copy from a translator's English (a catalog's
string without ltmt's record of the output, an XLIFF 1.2 target without a state:
:mod:`ltmt.formats.kept_copies`), which ``--copies translate`` translates.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from ltmt.formats.markdown_inline import shown as as_written
from ltmt.untagged_matches import without_markup_tags
from ltmt.wording import counted, first_few, kept_as_is, shortened, their, them

_BLANKS = re.compile(r"(?<=\S)  +(?=\S)")  # spaces a tag left out stood between

# how many units of each group the summary names (outputs left as in the source, names kept,
# glossary terms tacked on at the end, placeholders not repaired)
NAMED_FIRST = 3


def _name_first(examples: list[str], text: str) -> None:
    """Add ``text`` to ``examples`` while they are fewer than :data:`NAMED_FIRST` (a unit's
    source named so is as its file writes it: ``{/* x */}``, not a Markdown block's tagged
    form, ``<code data-md="raw">{/* x */}</code>``:
    :func:`~ltmt.formats.markdown_inline.shown`)."""
    if len(examples) < NAMED_FIRST:
        examples.append(text)


def _check_them(count: int, examples: list[str], quoted: bool = True) -> str:
    """``check them: 'a', 'b', ...``: the ``examples`` named of ``count`` units (not
    ``quoted``: each written as it is, its quotes its own)."""
    named = ", ".join(repr(shortened(text, 40)) if quoted else text for text in examples)
    more = ", ..." if count > len(examples) else ""
    return f"check them: {named}{more}"


@dataclass
class RunReport:
    """Counts of one run (see the module docstring)."""

    units: int = 0
    exact: int = 0
    exact_same_context: int = 0
    # of the exact: their stored target's edge whitespace replaced by the source's
    exact_edges_replaced: int = 0
    # of the exact: their stored target lacked a field of the source (repaired, not approved)
    exact_lacking: int = 0
    exact_lacking_examples: list[str] = field(default_factory=list)
    # of the exact: their stored target's numbers disagree with the source's (bad memory)
    exact_numbers: int = 0
    exact_numbers_examples: list[str] = field(default_factory=list)
    fuzzy: int = 0
    copy_guarded: int = 0
    copies_other_words: int = 0  # still a copy of a match of other words (ltmt.copy_guard)
    copies_other_words_examples: list[str] = field(default_factory=list)
    no_match: int = 0
    # of those: a match was read, and its fused output set aside for a decode without memory
    matches_set_aside: int = 0
    with_placeholders: int = 0
    repaired: int = 0
    not_repairable: int = 0
    not_repairable_examples: list[str] = field(default_factory=list)  # the summary's first few
    # messages left out untranslated as ICU rejects their source (``--strict`` fails on them)
    invalid_sources: int = 0
    invalid_sources_examples: list[str] = field(default_factory=list)
    numbers_repaired: int = 0
    numbers_not_repairable: int = 0
    numbers_not_repairable_examples: list[str] = field(default_factory=list)
    seams_repaired: int = 0
    doubled_repaired: int = 0
    stray_quotes: int = 0  # units rid of a quote mark that paired with nothing (stray_quotes)
    accelerators: int = 0
    invalid_format: int = 0
    format_unchecked: int = 0
    format_unchecked_example: str = ""  # java-format on 'Use {name} in templates.'
    empty: int = 0
    split: int = 0
    sentence_split: int = 0  # short lines of several sentences given to the model one at a time
    cut: int = 0
    sentences_lost: int = 0
    sentences_lost_examples: list[str] = field(default_factory=list)
    negation_lost: int = 0
    negation_lost_examples: list[str] = field(default_factory=list)
    match_polarity: int = 0
    match_polarity_examples: list[str] = field(default_factory=list)
    plural_identical: int = 0
    copied: int = 0
    partly_copied: int = 0  # a sentence of the source left as it is, the others translated
    partly_copied_examples: list[str] = field(default_factory=list)
    wordless: int = 0
    wordless_examples: list[str] = field(default_factory=list)
    words_lost_between: int = 0
    words_lost_between_examples: list[str] = field(default_factory=list)
    fields_after_the_end: int = 0  # a field written after the last sentence (wordless)
    fields_after_the_end_examples: list[str] = field(default_factory=list)
    stopped_at_tags: int = 0  # ended at a closing tag the source goes on after (lost_after_tags)
    stopped_at_tags_examples: list[str] = field(default_factory=list)
    ampersands_alone: int = 0
    ampersands_alone_examples: list[str] = field(default_factory=list)
    copied_examples: list[str] = field(default_factory=list)  # the summary's first few
    names_kept: int = 0
    names_kept_examples: list[str] = field(default_factory=list)
    # a glossary target tacked on at the end (ltmt.terminology.term_position): the first few
    terms_at_end: int = 0
    terms_at_end_examples: list[str] = field(default_factory=list)
    # a glossary target beside a leftover of the model's rendering of its term (term_position)
    terms_with_leftovers: int = 0
    terms_with_leftovers_examples: list[str] = field(default_factory=list)
    # a glossary term whose target decoding could not place (terminology.decoding.lacking)
    terms_missed: int = 0
    terms_missed_examples: list[str] = field(default_factory=list)
    # lines saying "you" still in the form --formality did not ask for, or impersonal
    # (ltmt.address_steering.address_missed): the first few, and the form asked
    address_missed: int = 0
    address_missed_examples: list[str] = field(default_factory=list)
    formality: str = ""
    misspelt: int = 0
    misspelt_examples: list[str] = field(default_factory=list)
    suggestions_mismatched_examples: list[str] = field(default_factory=list)
    over_limit: int = 0
    spelling_dictionary: str = ""
    resumed: int = 0
    translated_before: int = 0
    source_changed: int = 0
    # new strings given the file's translation of the same source (:mod:`~ltmt.formats.
    # same_sources`), by name
    same_source_kept: list[str] = field(default_factory=list)
    no_record: list[str] = field(default_factory=list)  # outputs kept without a record
    # kept translations whose placeholders ltmt qa calls an error, as "output: name"
    placeholders_kept: list[str] = field(default_factory=list)
    copies_of_source: int = 0
    # names of ltmt's own strings whose source was removed, removed from the output
    own_extras_removed: list[str] = field(default_factory=list)
    copies_kept: int = 0
    suggestions_kept: int = 0
    suggestions_mismatched: int = 0  # of them, without their current msgid's placeholders
    # of them, ltmt's own translation of their msgid now (ltmt.formats.own_suggestions)
    own_suggestions_kept: int = 0
    # ltmt's own fuzzy entries of their msgid now written unflagged (--no-fuzzy), not kept
    own_suggestions_unflagged: int = 0
    entries_marked_fuzzy: int = 0  # PO entries filled and flagged fuzzy (not fuzzy matches)
    entries_fuzzy_exact: int = 0  # of them, 100 % matches of their context (--exact-approved's)
    units_marked_for_review: int = 0  # XLIFF units filled and marked for review
    segments_20_marked: int = 0  # of them, XLIFF 2.0 segments (translated + an ltmt subState)
    trados_segments_marked: int = 0  # of them, Trados segments written conf="Draft"
    memoq_segments_marked: int = 0  # of them, memoQ rows written mq:status="Pretranslated"
    signed_off: int = 0
    drafts_kept: int = 0
    no_source: int = 0
    marked_kept: int = 0
    code_kept: int = 0  # what a po4a, itstool or Sphinx catalog says is code: copied as written
    tracked_insertions: int = 0
    tracked_deletions: int = 0
    tracked_untracked: int = 0
    locked: int = 0
    seconds: float = 0.0
    memory: str = ""
    memory_missing: str = ""  # the store looked for, which does not exist (run without memory)
    unknown_user: bool = False
    no_user: bool = False  # no user's memory was asked for (ltmt translate without --user)
    examples: list[str] = field(default_factory=list)
    max_examples: int = 10
    files: list[dict[str, Any]] = field(default_factory=list)  # a folder's: each file's
    files_skipped: int = 0
    files_copied: int = 0  # a folder's: Xcode bundles' members, a Dialogflow agent's settings

    def example(self, text: str) -> None:
        if len(self.examples) < self.max_examples:
            self.examples.append(text)

    def example_of(self, source: str, what: str) -> None:
        """Name a unit by its ``source`` as shown (:func:`shown`, its first 60 characters)
        among the examples, with ``what`` became of it."""
        self.example(f"{shown(source)[:60]!r}: {what}")

    def copied_in(self, source: str) -> None:
        """Count a model output left as its ``source``; the first few are named."""
        self.copied += 1
        _name_first(self.copied_examples, as_written(source))

    def partly_copied_in(self, part: str) -> None:
        """Count a model output that translated its source but for ``part`` (a sentence of
        it), written again as it is; the first few parts are named."""
        self.partly_copied += 1
        _name_first(self.partly_copied_examples, as_written(part))

    def _suggestions(self, overwrite: str, unflagged: str, fuzzy_entries: str | None) -> str:
        """The fuzzy entries kept for review, those of them without their msgid's placeholders
        named, and the options that translate them (``fuzzy_entries``: these alone), or, for
        ltmt's own (``own_suggestions_kept``), write them unflagged (``unflagged``)."""
        mismatched = ""
        if self.suggestions_mismatched:
            named = "; ".join(self.suggestions_mismatched_examples)
            more = ", ..." if self.suggestions_mismatched > NAMED_FIRST else ""
            mismatched = (
                f", {self.suggestions_mismatched} of them without the placeholders of their "
                f"msgid now ({named}{more}), which ltmt qa reports once the flag is removed (and "
                "msgfmt -c, where a format flag says them): correct them"
            )
        translating = (
            f"{fuzzy_entries} machine-translates them for their msgid now; "
            if (fuzzy_entries)
            else ""
        )
        if self.own_suggestions_kept >= self.suggestions_kept:  # ltmt's own, all of them
            return (
                f"{self.suggestions_kept} marked fuzzy and kept for review (ltmt's machine "
                f"translation of their msgid, from an earlier run{mismatched}; {unflagged} "
                f"writes them unflagged as they are; {overwrite} translates every entry "
                "again, the reviewed ones too)"
            )
        own = (
            f"{self.own_suggestions_kept} of them ltmt's machine translation of their msgid "
            f"from an earlier run, which {unflagged} writes unflagged as it is; the others: "
            if self.own_suggestions_kept
            else ""
        )
        return (
            f"{self.suggestions_kept} marked fuzzy and kept for review ({own}no 100 % memory "
            f"match of their context{mismatched}; {translating}{overwrite} translates every "
            "entry again, the reviewed ones too)"
        )

    def _own_unflagged(self) -> str:
        """The fuzzy entries ltmt wrote for their msgid in an earlier run that this one
        (``--no-fuzzy``) wrote unflagged as they were."""
        entries = counted(self.own_suggestions_unflagged, "entry", "entries")
        return (
            f"{entries} that an earlier run of ltmt wrote fuzzy for their msgid now written "
            "unflagged, as ltmt wrote them (the model not run)"
        )

    def _unflagging(self, unflagged: str, approved: str) -> str:
        """What writes the entries marked fuzzy unflagged: ``approved`` where 100 % memory
        matches are among them (``unflagged`` unflags the model's translations too)."""
        if not self.entries_fuzzy_exact:
            return f"{unflagged} writes them unflagged"
        some = self.entries_fuzzy_exact < self.entries_marked_fuzzy
        one = self.entries_fuzzy_exact == 1
        said = "is a 100 % memory match" if one else "are 100 % memory matches"
        which = f"{self.entries_fuzzy_exact} of them" if some else ("it" if one else "they")
        return (
            f"{which} {said}, which {approved} writes unflagged ({unflagged} "
            "unflags the machine translations too)"
        )

    def name_kept_in(self, source: str) -> None:
        """Count a one-word line kept as written as a name; the first few are named."""
        self.names_kept += 1
        _name_first(self.names_kept_examples, source.strip())

    def term_at_end_in(self, source: str) -> None:
        """Count an output whose glossary target was tacked on at its end, away from where
        ``source`` has the term; the first few are named."""
        self.terms_at_end += 1
        _name_first(self.terms_at_end_examples, as_written(source))

    def address_missed_in(self, source: str, form: str) -> None:
        """Count a line of ``source`` saying "you" whose output still reads in the form other
        than ``form`` (``informal``, ``formal``: what --formality asked) or impersonal; the
        first few are named."""
        self.address_missed += 1
        self.formality = form
        _name_first(self.address_missed_examples, as_written(source))

    def term_leftover_in(self, source: str, words: Sequence[str]) -> None:
        """Count an output whose glossary target stands beside ``words``, a leftover of the
        model's own words for the term of ``source``; the first few are named, each with its
        words (``'Nahr' in 'Close tabs after saving'``)."""
        self.terms_with_leftovers += 1
        left = first_few(repr(word) for word in words)
        _name_first(self.terms_with_leftovers_examples, f"{left} in {entry_name(source)!r}")

    def terms_missed_in(self, source: str, terms: Sequence[str]) -> None:
        """Count an output that lacks the targets of ``terms``, glossary terms of ``source``;
        the first few are named, each with its terms (``'Lead' in 'Lead Score'``)."""
        self.terms_missed += 1
        missed = first_few(repr(term) for term in terms)
        _name_first(self.terms_missed_examples, f"{missed} in {entry_name(source)!r}")

    def suggestion_mismatched(self, source: str, problem: str) -> None:
        """Count a suggestion kept (a fuzzy entry's) whose translation does not have the
        placeholders of its entry's ``source`` now (qa's ``problem``: ``lacks '{secs}'``);
        the first few are named."""
        self.suggestions_mismatched += 1
        _name_first(self.suggestions_mismatched_examples, f"{shortened(source, 40)!r} {problem}")

    def copy_of_other_words_in(self, source: str) -> None:
        """Count a fused output that is still the translation of a match whose source says
        other words than ``source``; the first few are named."""
        self.copies_other_words += 1
        _name_first(self.copies_other_words_examples, as_written(source))

    def sentences_lost_in(self, source: str) -> None:
        """Count an output that lost a sentence of its ``source``; the first few are named."""
        self.sentences_lost += 1
        _name_first(self.sentences_lost_examples, as_written(source))

    def negation_lost_in(self, source: str) -> None:
        """Count an output that says fewer negations than its ``source`` or more; the first
        few are named."""
        self.negation_lost += 1
        _name_first(self.negation_lost_examples, as_written(source))

    def match_polarity_in(self, source: str) -> None:
        """Count an output that says a memory match's negation or comparison its ``source``
        does not; the first few are named."""
        self.match_polarity += 1
        _name_first(self.match_polarity_examples, as_written(source))

    def numbers_not_repairable_in(self, count: int, name: str) -> None:
        """Count ``count`` units of one entry whose numbers could not be repaired; the first few
        entries are named by ``name`` (:func:`entry_name`)."""
        self.numbers_not_repairable += count
        if count:
            _name_first(self.numbers_not_repairable_examples, name)

    def wordless_in(self, name: str) -> None:
        """Count an output that lost every word of its source; the first few are named."""
        self.wordless += 1
        _name_first(self.wordless_examples, name)

    def misspelt_in(self, words: list[str]) -> None:
        """Count an output with ``words`` the spelling dictionary does not know; the first few
        words are named (not the source, where the reviewer would look for a fault in vain)."""
        self.misspelt += 1
        for word in words:
            if word not in self.misspelt_examples:
                _name_first(self.misspelt_examples, word)

    def words_lost_between_in(self, name: str) -> None:
        """Count an output that writes side by side two placeholders its source has words
        between; the first few are named."""
        self.words_lost_between += 1
        _name_first(self.words_lost_between_examples, name)

    def field_after_the_end_in(self, name: str) -> None:
        """Count an output that writes a field after its last sentence where its source has
        words after it (:func:`ltmt.formats.wordless.field_after_the_end`); the first few are
        named."""
        self.fields_after_the_end += 1
        _name_first(self.fields_after_the_end_examples, name)

    def stopped_at_tag_in(self, name: str) -> None:
        """Count an output that ends at a closing tag where its source's sentence goes on after
        it (:func:`ltmt.formats.lost_after_tags.stopped_at_closing_tag`); the first few are
        named."""
        self.stopped_at_tags += 1
        _name_first(self.stopped_at_tags_examples, name)

    def ampersand_alone_in(self, name: str) -> None:
        """Count an output that ends or starts with a bare ``&`` its source writes between
        words; the first few are named."""
        self.ampersands_alone += 1
        _name_first(self.ampersands_alone_examples, name)

    def exact_lacking_in(self, name: str) -> None:
        """Count a 100 % memory match whose stored target lacks a field of its source
        (:func:`~ltmt.formats.placeholders.reuse_lacks_fields`); the first few are named by
        ``name`` (:func:`entry_name`)."""
        self.exact_lacking += 1
        _name_first(self.exact_lacking_examples, name)

    def exact_numbers_in(self, name: str) -> None:
        """Count a 100 % memory match whose stored target's numbers disagree with its source's
        (:func:`~ltmt.memory.import_checks.pair_problems`); the first few are named by
        ``name`` (:func:`entry_name`)."""
        self.exact_numbers += 1
        _name_first(self.exact_numbers_examples, name)

    def not_repairable_in(self, name: str) -> None:
        """Count a unit whose placeholders or message could not be repaired (a PO entry is
        written empty); the first few are named by ``name`` (:func:`entry_name`)."""
        self.not_repairable += 1
        _name_first(self.not_repairable_examples, name)

    def invalid_source_in(self, name: str) -> None:
        """Count a message left out untranslated as ICU rejects its source (a plural without
        ``other``); the first few are named by ``name``."""
        self.invalid_sources += 1
        _name_first(self.invalid_sources_examples, name)

    def add(self, other: RunReport) -> None:
        """Count ``other`` (one file of a folder's run) in this report."""
        for name, value in asdict(other).items():
            if isinstance(value, int) and not isinstance(value, bool) and name != "max_examples":
                setattr(self, name, getattr(self, name) + value)
        for text in other.examples:
            self.example(text)
        self.no_record.extend(other.no_record)
        self.placeholders_kept.extend(other.placeholders_kept)
        self.same_source_kept.extend(other.same_source_kept)
        self.own_extras_removed.extend(other.own_extras_removed)
        for name in _FIRST_FEW:
            mine = getattr(self, name)
            for text in getattr(other, name):
                _name_first(mine, text)
        self.spelling_dictionary = self.spelling_dictionary or other.spelling_dictionary
        self.formality = self.formality or other.formality
        self.format_unchecked_example = (
            self.format_unchecked_example or other.format_unchecked_example
        )

    def format_unchecked_in(self, flag: str, source: str) -> None:
        """Count a segment whose ``source`` is no valid format string of its ``flag``; the
        first is the summary's example."""
        self.format_unchecked += 1
        if not self.format_unchecked_example:
            self.format_unchecked_example = f"{flag} on {shortened(source, 40)!r}"

    def _set_aside(self) -> str:
        """`` (N with a match set aside ...)``: how many of those without a usable match had
        one whose fused output a guard set aside (``Translation.match_set_aside``), or empty."""
        if not self.matches_set_aside:
            return ""
        return (
            f" ({self.matches_set_aside} of them with a match set aside: its translation changed "
            "a number, frequency or placeholder of the source, lacked its negation, stopped "
            "where the match goes on, said the match's negation or comparison where the "
            "source differs or said a weak match's words)"
        )

    def _not_repaired_named(self) -> str:
        """`` (check them: 'a', 'b', ...)``: the first units not repaired, or empty."""
        if not self.not_repairable_examples:
            return ""
        return f" ({_check_them(self.not_repairable, self.not_repairable_examples)})"

    def summary(
        self,
        overwrite: str = "--overwrite",
        unflagged: str = "--no-fuzzy",
        approved: str = "--exact-approved",
        fuzzy_entries: str | None = "--fuzzy-entries translate",
        copies: str | None = "--copies translate",
    ) -> str:
        """One line for the end of a run; ``overwrite``: what the caller calls the option that
        translates kept units again (the server's form field ``overwrite=true``), ``unflagged``
        the one that writes translations without the fuzzy flag (``mark_fuzzy=false``),
        ``approved`` the one that writes 100 % memory matches so (``exact_approved=true``),
        ``fuzzy_entries`` the one that machine-translates the fuzzy entries kept (None: the
        caller has none), ``copies`` the one that translates the copies of the source kept
        (None: the caller has none)."""
        rate = self.units / self.seconds if self.seconds > 0 else 0.0
        files = f"{counted(len(self.files), 'file')}, " if self.files else ""
        guarded = (
            f" ({self.copy_guarded} decoded again after copying a match of other words)"
            if self.copy_guarded
            else ""
        )
        parts = [
            f"{files}{counted(self.units, 'segment')} ({rate:.1f}/s)",
            "memory: none read (no --user)"
            if self.no_user
            else f"memory: {self.exact} exact, {self.fuzzy} fuzzy used by fusion{guarded}, "
            f"{self.no_match} without a usable match{self._set_aside()}",
            f"placeholders: {self.with_placeholders} with some, {self.repaired} repaired, "
            f"{self.not_repairable} could not be repaired{self._not_repaired_named()}",
        ]
        if self.invalid_format:
            parts[-1] += f" ({self.invalid_format} invalid format strings)"
        if self.invalid_sources:
            check = _check_them(self.invalid_sources, self.invalid_sources_examples)
            parts.append(
                f"{counted(self.invalid_sources, 'message')} left out untranslated as ICU "
                f"rejects the source ({check})"
            )
        if self.format_unchecked:
            example = f" ({self.format_unchecked_example})" if self.format_unchecked_example else ""
            parts.append(
                f"format flags: {counted(self.format_unchecked, 'segment')} with a source its "
                f"flag does not fit{example}, kept as written and not checked, as msgfmt -c "
                "does (check the flag)"
            )
        if self.exact_lacking:
            check = _check_them(self.exact_lacking, self.exact_lacking_examples)
            matches = counted(self.exact_lacking, "100 % memory match", "100 % memory matches")
            parts.append(
                f"{matches} whose stored translation lacks placeholders of the source, "
                "repaired as the model's output is and not approved "
                f"({check}; store the corrected translation with ltmt memory add)"
            )
        if self.exact_numbers:
            check = _check_them(self.exact_numbers, self.exact_numbers_examples)
            matches = counted(self.exact_numbers, "100 % memory match", "100 % memory matches")
            parts.append(
                f"{matches} whose stored translation's numbers disagree with the source's, "
                f"reused as stored ({check}; store the corrected translation with ltmt memory "
                "add)"
            )
        if self.exact_edges_replaced:
            matches = counted(self.exact_edges_replaced, "100 % match", "100 % matches")
            parts.append(
                f"edge whitespace: {matches} reused with the source's spaces and line breaks at "
                "the ends, not those stored with their target"
            )
        if self.numbers_repaired or self.numbers_not_repairable:
            parts.append(f"numbers: {self.numbers_repaired} repaired")
            if self.numbers_not_repairable:
                check = _check_them(
                    self.numbers_not_repairable, self.numbers_not_repairable_examples
                )
                parts[-1] += f", {self.numbers_not_repairable} could not be repaired ({check})"
        if self.seams_repaired:
            repeats = counted(self.seams_repaired, "multi-line segment")
            parts.append(f"line breaks: {repeats} repeated words across one, now written once")
        if self.doubled_repaired:
            parts.append(f"doubled words: {self.doubled_repaired} written once")
        if self.stray_quotes:
            parts.append(
                f"quote marks: {self.stray_quotes} rid of a stray one the source lacks "
                "(it paired with nothing)"
            )
        if self.accelerators:
            parts.append(f"accelerators: {self.accelerators} placed")
        if self.sentence_split:
            split = counted(self.sentence_split, "segment")
            parts.append(f"{split} translated sentence by sentence")
        if self.split or self.cut:
            parts.append(
                f"{counted(self.split, 'long segment')} split, {self.cut} cut at the model's limit"
            )
        if self.sentences_lost:
            check = _check_them(self.sentences_lost, self.sentences_lost_examples)
            lost = self.sentences_lost
            parts.append(f"{lost} lost a sentence of {their(lost)} source ({check})")
        if self.negation_lost:
            check = _check_them(self.negation_lost, self.negation_lost_examples)
            lost = self.negation_lost
            parts.append(f"{lost} whose negations differ from {their(lost)} source's ({check})")
        if self.match_polarity:
            check = _check_them(self.match_polarity, self.match_polarity_examples)
            parts.append(
                f"{self.match_polarity} saying a memory match's negation or comparison (nicht, "
                f"über, unter ...) where {their(self.match_polarity)} source differs from the "
                f"match's ({check})"
            )
        if self.copies_other_words:
            check = _check_them(self.copies_other_words, self.copies_other_words_examples)
            parts.append(
                f"{self.copies_other_words} translated as a stored match of other words: words "
                f"the source adds may be missing ({check})"
            )
        if self.copied:
            check = _check_them(self.copied, self.copied_examples)
            parts.append(f"{self.copied} left as in the source by the model ({check})")
        if self.partly_copied:
            check = _check_them(self.partly_copied, self.partly_copied_examples)
            parts.append(
                f"{self.partly_copied} partly left as in the source by the model, these words "
                f"copied ({check})"
            )
        if self.names_kept:
            check = _check_them(self.names_kept, self.names_kept_examples)
            parts.append(f"{counted(self.names_kept, 'one-word line')} kept as names ({check})")
        if self.address_missed:
            check = _check_them(self.address_missed, self.address_missed_examples)
            other = "formal" if self.formality == "informal" else "informal"
            lines = counted(
                self.address_missed,
                "line still reads",
                "lines still read",
            )
            parts.append(f"{lines} {other} or impersonal ({check})")
        if self.terms_at_end:
            check = _check_them(self.terms_at_end, self.terms_at_end_examples)
            parts.append(
                f"{self.terms_at_end} with a glossary term placed at the end, away from where "
                f"its source has it ({check})"
            )
        if self.terms_with_leftovers:
            check = _check_them(
                self.terms_with_leftovers, self.terms_with_leftovers_examples, quoted=False
            )
            parts.append(
                f"{self.terms_with_leftovers} with a glossary term beside a leftover of the "
                f"model's own words for it ({check})"
            )
        if self.terms_missed:
            check = _check_them(self.terms_missed, self.terms_missed_examples, quoted=False)
            parts.append(
                f"{self.terms_missed} with a glossary term whose target could not be placed "
                f"({check})"
            )
        if self.wordless:
            check = _check_them(self.wordless, self.wordless_examples)
            parts.append(
                f"{self.wordless} lost every word of {their(self.wordless)} source, keeping "
                f"only its placeholders or punctuation ({check})"
            )
        if self.words_lost_between:
            check = _check_them(self.words_lost_between, self.words_lost_between_examples)
            parts.append(
                f"{self.words_lost_between} lost the words between two placeholders, which "
                f"{'it writes' if self.words_lost_between == 1 else 'they write'} side by side "
                f"({check})"
            )
        if self.fields_after_the_end:
            check = _check_them(self.fields_after_the_end, self.fields_after_the_end_examples)
            parts.append(
                f"{self.fields_after_the_end} with a placeholder after "
                f"{their(self.fields_after_the_end)} last sentence, where the source has words "
                f"after it: put back at the end where the model dropped it ({check})"
            )
        if self.stopped_at_tags:
            check = _check_them(self.stopped_at_tags, self.stopped_at_tags_examples)
            parts.append(
                f"{self.stopped_at_tags} stopped at a closing tag where the source goes on after "
                f"it: the words after the tag may be lost ({check})"
            )
        if self.ampersands_alone:
            check = _check_them(self.ampersands_alone, self.ampersands_alone_examples)
            parts.append(
                f"{self.ampersands_alone} lost the words beside an & of "
                f"{their(self.ampersands_alone)} source, ending or starting with it ({check})"
            )
        if self.misspelt:
            check = _check_them(self.misspelt, self.misspelt_examples)
            parts.append(
                f"{self.misspelt} with words the {self.spelling_dictionary} dictionary does not "
                f"know ({check})"
            )
        if self.over_limit:
            over = self.over_limit
            parts.append(f"{over} longer than {their(over)} length limit (shorten {them(over)})")
        if self.trados_segments_marked:
            marked = self.trados_segments_marked
            parts.append(
                f"{counted(marked, 'Trados segment')} marked for review (Draft): a reviewer "
                f"confirms {them(marked)} in Trados Studio; {unflagged} writes {them(marked)} "
                "Translated"
            )
        if self.memoq_segments_marked:
            marked = self.memoq_segments_marked
            parts.append(
                f"{counted(marked, 'memoQ segment')} marked for review (Pretranslated): a "
                f"reviewer confirms {them(marked)} in memoQ; {unflagged} writes {them(marked)} "
                "ManuallyConfirmed"
            )
        tools = self.segments_20_marked + self.trados_segments_marked + self.memoq_segments_marked
        if self.units_marked_for_review > tools:
            marked = self.units_marked_for_review - tools
            parts.append(
                f"{counted(marked, 'unit')} marked for review (XLIFF needs-review-translation): "
                f"a reviewer confirms {them(marked)} in the CAT tool; {unflagged} writes "
                f"{them(marked)} unmarked"
            )
        if self.segments_20_marked:
            segments = counted(self.segments_20_marked, "XLIFF 2.0 segment")
            parts.append(
                f'{segments} written state="translated" with subState ltmt:mt (ltmt:exact-match '
                "for a 100 % memory match): 2.0 has no review state, so Phrase and other 2.0 "
                f"tools show them as translated; review them there; {unflagged} leaves the "
                "subState out"
            )
        if self.plural_identical:
            entries = counted(self.plural_identical, "plural entry", "plural entries")
            parts.append(f"{entries} with identical forms")
        if self.resumed:
            parts.append(f"{self.resumed} done before")
        if self.translated_before:
            parts.append(
                f"{self.translated_before} translated already, "
                f"{kept_as_is(self.translated_before)} ({overwrite} translates "
                f"{them(self.translated_before)} again)"
            )
        if self.same_source_kept:
            parts.append(
                f"{len(self.same_source_kept)} given the translation the file keeps for the "
                f"same source, the model not run ({first_few(self.same_source_kept)})"
            )
        if self.source_changed:
            parts.append(
                f"{self.source_changed} translated again: {their(self.source_changed)} source "
                f"changed since {'it was' if self.source_changed == 1 else 'they were'} translated"
            )
        if self.copies_of_source:
            translated = counted(self.copies_of_source, "copy", "copies")
            parts.append(f"{translated} of the source translated")
        if self.own_extras_removed:
            removed = self.own_extras_removed
            parts.append(
                f"{counted(len(removed), 'string')} ltmt wrote whose source was removed: "
                f"removed ({first_few(removed)})"
            )
        if self.copies_kept:
            copies_kept = counted(self.copies_kept, "copy", "copies")
            how = f" ({copies} translates {them(self.copies_kept)})" if copies else ""
            parts.append(f"{copies_kept} of the source kept as translations{how}")
        if self.suggestions_kept:
            parts.append(self._suggestions(overwrite, unflagged, fuzzy_entries))
        if self.own_suggestions_unflagged:
            parts.append(self._own_unflagged())
        if self.entries_marked_fuzzy:
            entries = counted(self.entries_marked_fuzzy, "entry", "entries")
            parts.append(
                f"{entries} marked fuzzy for review: gettext and the tools that read PO ignore "
                f"them until the flag is removed; {self._unflagging(unflagged, approved)}"
            )
        if self.signed_off:
            parts.append(
                f"{self.signed_off} signed off by a reviewer, {kept_as_is(self.signed_off)} "
                f"({overwrite} leaves {them(self.signed_off)})"
            )
        if self.drafts_kept:
            parts.append(
                f"{counted(self.drafts_kept, 'draft')} kept as written (a target the file "
                f"marks not translated yet: XLIFF 2.0 initial; {overwrite} translates "
                f"{them(self.drafts_kept)})"
            )
        if self.locked:
            left = "left as it is" if self.locked == 1 else "left as they are"
            parts.append(f"{self.locked} locked, {left}")
        if self.no_source:
            parts.append(
                f"{self.no_source} left: no source text (id-based; give {them(self.no_source)} "
                f"one with //% in the code, or translate {them(self.no_source)} in Qt Linguist)"
            )
        if self.marked_kept:
            parts.append(
                f"{self.marked_kept} kept as {their(self.marked_kept)} comments ask ({{Locked}}, "
                "Do not translate)"
            )
        if self.code_kept:
            parts.append(
                f"{counted(self.code_kept, 'code block')} copied as written (po4a: listing, "
                "literal, passthrough, comment; itstool: code elements; Sphinx: literal blocks, "
                "doctests, images)"
            )
        if self.tracked_insertions or self.tracked_deletions:
            kept = max(self.tracked_insertions - self.tracked_untracked, 0)
            parts.append(
                f"tracked changes: {counted(kept, 'insertion')} translated as such, "
                f"{counted(self.tracked_deletions, 'deletion')} kept as written (accept or reject "
                "changes first for a clean translation)"
            )
        if self.tracked_untracked:
            untracked = self.tracked_untracked
            parts.append(
                f"{counted(untracked, 'tracked insertion')} could not be kept apart in the "
                f"translation: {their(untracked)} words are untracked; review {them(untracked)}"
            )
        return "; ".join(parts)

    def as_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data (``--json``)."""
        data = asdict(self)
        data.pop("max_examples")
        for name in _FIRST_FEW:  # "examples" names them with the others
            data.pop(name)
        data.pop("formality")  # the form the caller asked for
        if not self.files:  # one file's run
            data.pop("files")
            data.pop("files_skipped")
            data.pop("files_copied")
        data["segments_per_second"] = round(self.units / self.seconds, 2) if self.seconds else 0
        data["seconds"] = round(self.seconds, 3)
        return data


# the first few named of each count (``copied_examples``, ...), merged by :meth:`RunReport.add`
# and left out of :meth:`RunReport.as_dict`
_FIRST_FEW = tuple(
    each.name
    for each in fields(RunReport)
    if each.name.endswith("_examples") and each.name != "max_examples"
)


def entry_name(source: str, context: str = "") -> str:
    """How a run's summary names a unit: its source shortened, after its context (a PO
    ``msgctxt``, a JSON key's path) where it has one (``menu > Save``), and only its key where
    that is the source (Laravel's ``lang/de.json``: ``/Settings``). Not a ``|``, which reads as
    a plural's forms in Laravel, Symfony and vue-i18n messages. Its text is shown without
    its tags (:func:`shown`)."""
    if context.lstrip("/") == source:
        return shortened(context, 40)
    return shortened(f"{context} > {shown(source)}" if context else shown(source), 40)


def shown(source: str) -> str:
    """``source`` as a summary or a JSON report's example shows it: its words without the
    tags ltmt reads a document's formatting into (``1.1 <g id="1">"Confidential Information"
    </g>``: ``1.1 "Confidential Information"``) or the file has, which tell a reader nothing
    of where to look; the blanks around a field left out are one (``Page <x id="1"/> of``:
    ``Page of``, not ``Page  of``)."""
    return _BLANKS.sub(" ", without_markup_tags(source))

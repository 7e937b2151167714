"""Finding glossary terms in source text, and checking that an output renders them.

Source side: a term matches whole words (``\\w+`` runs), case-insensitively unless the term is
case-sensitive, except that a word the term writes in capitals (``US``, ``IT``, ``API``,
``ENTER``: two letters or more) matches only in capitals, so "US" is not found in "contact
us", "IT" in "It works" nor "ENTER" in "Enter your password", unless the text writes it as a
label (:func:`_label`: ``Caution: ...``, ``Warning!``, a signal word heading a safety message,
where :func:`as_written` gives its target the text's case, ``Vorsicht``, and a label in
capitals its target in capitals, :func:`shouted_label`); and its last word
also matches the English plural ("file" finds "files",
"repository" finds "repositories", "box" finds "boxes"). At each position the longest term wins
and hits do not overlap ("commit message" before "commit"). Text inside a placeholder or tag
(``%(file)s``, ``<b>``, BBCode's ``[b]`` and ``[color=#ff0000]``, an input action
``<action:Jump>``... as :func:`~ltmt.formats.placeholder_syntax.find_placeholders` sees them) is
never a term, nor is a word of a
command-line option (``--no-sync``, ``-v``) or of a command line (``"git branch --unset-upstream"``,
:mod:`ltmt.command_lines`): options and commands are code the output keeps as written. A
term is found in part of an identifier (``customer_id``) never, and in a lower-case URL, path or
handle (``/products/aeroflex-mat``, ``aeroflex-mat`` alone in a cell) only written as the term
writes it; a hyphenated word of prose (``the add-on``) is a word like any other. A term the
glossary writes in lower case is not found as the last part of a capitalised name (``Acme
Tasks``, ``Google Drive``: the word before it capitalised and no English word).

Target side (:func:`renders`): the output must contain the target term as written, starting at a
word start; its first letter may change case (sentence start), it may be in capitals where the
source writes the term in capitals (a line in capitals), and letters may follow it. The
letters that may follow are the choice for inflected German targets: the glossary's form is the
stem the output must carry, so "Datei" is rendered by "Dateien" and "Depot" by "Depots", but a
different word ("Repository") is not. German plurals that change the stem render it too
(:func:`~ltmt.terminology.german_forms.target_stems`): a Latin ending ("Repositorium" by
"Repositorien", "Algorithmus" by "Algorithmen", "Index" by "Indizes") or an umlaut ("Vorgang"
by "Vorgänge", "Baum" by "Bäume").

A term met in its English plural (:func:`in_plural`: "files" for "file") wants the target's
German plural where a target is placed; :func:`~ltmt.terminology.german_forms.plural_forms`
lists the forms a German noun's plural may take, for the model to choose among
(:mod:`ltmt.terminology.placement`).
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from ltmt.capitals import MIN_WORD, in_capitals, with_first_capital
from ltmt.command_lines import command_line_spans
from ltmt.formats.paired_tags import verbatim_spans
from ltmt.formats.placeholder_syntax import find_placeholders
from ltmt.match_case import in_capitals_only, recased
from ltmt.pictographs import OWNERSHIP_SIGNS
from ltmt.terminology.adjectival_nouns import DECLINED_ENDINGS, adjectival_stem
from ltmt.terminology.function_words import is_function_word_term
from ltmt.terminology.genders import gender_of
from ltmt.terminology.german_forms import (
    ADJECTIVE_ENDINGS,
    adjective_bases,
    compound_head,
    feminine_n_plural,
    last_part,
    loan_word,
    target_stems,
)
from ltmt.terminology.separable_verbs import separated_at
from ltmt.terminology.span_lookup import SpanLookup
from ltmt.terminology.terms import Term
from ltmt.word_tables import lowercase_words

# a word: \w runs with the combining marks a decomposed (NFD) text writes its accents with
# ("re\u0301sume\u0301" is one word, not "re" and "sume")
_WORD = re.compile(r"\w[\w\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]*")
# a command-line option: one or two hyphens that start a token, then a letter or digit
_OPTION = re.compile(r"(?<![\w-])--?[^\W_][\w-]*")
# an identifier: a run of word characters and dots with an underscore (customer_id), a dot
# between letters (billing.customer) or a letter beside a digit (field2), or one that starts
# lower-case and has an upper-case letter (customerId; a name such as GitHub is no identifier)
_IDENTIFIER = re.compile(
    r"(?<![\w.])(?=[\w.]*(?:_|[^\W\d_]\.[^\W\d_]|[^\W\d_]\d|\d[^\W\d_])|[a-z]\w*[A-Z])"
    r"\w+(?:\.\w+)*"
)

# what makes a token (a run of non-blanks) a URL or path: a slash (/products/aeroflex-mat,
# products/aeroflex-mat, https://shop.example/mat) or a host name's dot before its top-level
# domain (aeroflex-mat.com); "e.g." and "4.2." have none
_TOKEN = re.compile(r"\S+")
_URL_MARK = re.compile(r"/|[^\W_]\.[^\W\d_]{2,}\b")
# a handle: a line (a cell, a value) that is one hyphenated word and nothing else (aeroflex-mat);
# in prose, among other words, a hyphenated word ("add-on", "check-in") is a word
_HANDLE_LINE = re.compile(r"^[ \t]*([^\W_]+(?:-[^\W_]+)+)[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class _Protected:
    """The spans of a text no term is found in (``code``: placeholders, tags, options), or in
    part of (``identifiers``), or found in written in another case than the term's
    (``slugs``: :func:`slug_spans`), each looked up by binary search (:class:`SpanLookup`)."""

    code: SpanLookup
    identifiers: SpanLookup
    slugs: SpanLookup


@dataclass(frozen=True)
class TermHit:
    """A glossary term found in a text: ``text[start:end]`` is its occurrence."""

    term: Term
    start: int
    end: int


def words(text: str) -> list[str]:
    """The words of ``text`` (``\\w+`` runs, accents written as combining marks and all), in
    order, each in Unicode's composed form (NFC): a term and a text match whichever form
    either writes ("résumé" composed or decomposed)."""
    return [unicodedata.normalize("NFC", word) for word in _WORD.findall(text)]


def markup_spans(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` spans of ``text``'s placeholders and tags, BBCode and game input
    tokens among them (:func:`~ltmt.formats.placeholder_syntax.find_placeholders`), left to
    right."""
    return [(p.start, p.end) for p in find_placeholders(text)]


def protected_spans(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` spans of ``text`` that are code, not prose: its placeholders and tags
    (:func:`markup_spans`), code elements, its command-line options, its command lines
    (:mod:`ltmt.command_lines`) and its identifiers
    (``customer_id``, ``customerId``, ``billing.customer``, ``field2``: :func:`identifier_spans`).
    No glossary term is found, or placed, inside them: a target placed over ``customer_id``
    wrote ``Feld Kunde«``."""
    return _code_spans(text, markup_spans(text)) + identifier_spans(text)


def _code_spans(text: str, markup: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of :func:`protected_spans` but the identifiers: placeholders and tags
    (``markup``: :func:`markup_spans` of ``text``, found once by :meth:`TermMatcher.find`),
    options, code elements with their text (a Markdown code span, ``<code>cloudsync
    login</code>``: its ``login`` is kept as written, no term to place), and command lines
    (:func:`~ltmt.command_lines.command_line_spans`: 'branch' → ``Branch`` was forced into
    ``"git branch --unset-upstream"``)."""
    options = [m.span() for m in _OPTION.finditer(text)]
    return markup + options + verbatim_spans(text) + command_line_spans(text)


def output_code_spans(text: str) -> list[tuple[int, int]]:
    """:func:`protected_spans` of a German translation, where a hyphen right after a
    placeholder (not a tag) joins a compound, not an option: ``{0}-Receipt``, ``%s-Datei``.
    Read as an option, the model's word there was kept and a target placed before it went in
    front of the whole line (``Beleg {0}-Receipt(s) anhängend``). A source's ``{0}-day`` stays
    code to the matcher: a term found there would be forced into ``{0}-tägige``."""
    markup = markup_spans(text)
    joined = {end for _, end in markup if text[end - 1] not in ">]"}
    options = [m.span() for m in _OPTION.finditer(text) if m.start() not in joined]
    commands = command_line_spans(text)
    return markup + options + verbatim_spans(text) + commands + identifier_spans(text)


def identifier_spans(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` spans of ``text``'s identifiers (``customer_id``, ``field2``,
    ``iPhone``). A term may hold one whole (``MP3 player``, ``3D printer``, ``iPhone``): only a
    term found in part of one (``customer`` of ``customer_id``) is none."""
    return [m.span() for m in _IDENTIFIER.finditer(text)]


def slug_spans(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` spans of ``text``'s lower-case URLs, paths and handles: a token with
    a slash or a host name (``/products/aeroflex-mat``, ``aeroflex-mat.com``), or a line that is
    one hyphenated word alone (``aeroflex-mat`` in a cell). A term is found in one only as the
    term writes it: a brand ``AeroFlex`` found in the handle ``aeroflex-mat`` was written into
    it (``AeroFlex-mat``), and the link broke. A hyphenated word of prose (``Install the
    add-on``) is no slug: the term ``Add-on`` is found in it as in any word. A tag's slash
    makes no word beside it a path (``windows<x/>``: a ``®`` set aside for the model, its line
    lowered; 'Windows®' was not found): tags and placeholders are read as blanks."""
    return _slug_spans(text, markup_spans(text))


def _slug_spans(text: str, markup: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """:func:`slug_spans` of ``text`` whose placeholders and tags are ``markup``
    (:func:`markup_spans`, found once for all of :meth:`TermMatcher.find`: a long text's
    placeholders are not kept, :func:`~ltmt.formats.placeholder_syntax.find_placeholders`)."""
    blanked = _blanked(text, markup)
    tokens = [m.span() for m in _TOKEN.finditer(blanked) if _URL_MARK.search(m.group())]
    tokens += [m.span(1) for m in _HANDLE_LINE.finditer(text)]
    return [(s, e) for s, e in sorted(tokens) if text[s:e] == text[s:e].lower()]


def singulars(word: str) -> Iterator[str]:
    """``word`` and the singulars its English plural form may come from."""
    yield word
    lower = word.lower()
    if len(word) > 3 and lower.endswith("s") and not lower.endswith("ss"):
        yield word[:-1]
        if lower.endswith("ies"):
            yield word[:-3] + ("Y" if word[-3].isupper() else "y")
        elif lower.endswith("es"):
            yield word[:-2]


def has_case_sensitive_term(matcher: TermMatcher, text: str) -> bool:
    """Whether ``text`` has a term of ``matcher`` that is case-sensitive (``Lead`` as written,
    not "lead"): a line that has one must reach the model in its own case."""
    return any(hit.term.case_sensitive for hit in matcher.find(text))


class TermMatcher:
    """Finds the terms of a glossary in texts (see the module docstring for the rules)."""

    def __init__(self, terms: Iterable[Term]) -> None:
        self.terms = list(terms)
        self._exact: dict[tuple[str, ...], Term] = {}
        self._folded: dict[tuple[str, ...], Term] = {}
        for term in self.terms:
            key = tuple(words(term.source))
            # "your,dein" put "dein" beside the model's "Ihre": the form of address is qa's
            if not key or is_function_word_term(term):
                continue
            if term.case_sensitive:
                self._exact[key] = term
            else:
                self._folded[tuple(w.casefold() for w in key)] = term
        self.max_words = max((len(k) for k in (*self._exact, *self._folded)), default=0)

    def __len__(self) -> int:
        return len(self.terms)

    def find(self, text: str) -> list[TermHit]:
        """The terms of ``text``, left to right, longest first at each word, not overlapping."""
        if not self.max_words:
            return []
        spans = [m.span() for m in _WORD.finditer(text)]
        identifiers = identifier_spans(text)
        markup = markup_spans(text)
        # the identifiers apart (searched once): a term may hold one whole
        apart = set(identifiers)
        code = [span for span in _code_spans(text, markup) if span not in apart]
        protected = _Protected(
            SpanLookup(code), SpanLookup(identifiers), SpanLookup(_slug_spans(text, markup))
        )
        hits: list[TermHit] = []
        position = 0
        while position < len(spans):
            hit = self._longest_at(text, spans, position, protected)
            if hit is None or _in_a_name(text, spans, position, hit.term):
                position += 1
                continue
            hits.append(hit)
            while position < len(spans) and spans[position][0] < hit.end:
                position += 1
        return hits

    def _longest_at(
        self,
        text: str,
        spans: list[tuple[int, int]],
        position: int,
        protected: _Protected,
    ) -> TermHit | None:
        """The longest term at word ``position``, kept out of ``protected``'s code spans and
        out of part of its identifiers (a term may hold an identifier whole: ``MP3 player``);
        in a slug, only as the term writes it."""
        for n in range(min(self.max_words, len(spans) - position), 0, -1):
            window = spans[position : position + n]
            start, end = window[0][0], window[-1][1]
            # part of an identifier: one begins or ends inside the words, not both
            if protected.code.overlaps(start, end) or (
                protected.identifiers.crosses(start) or protected.identifiers.crosses(end)
            ):
                continue
            # the lengths first: a gap of 40,000 spaces is not copied for each word before it
            if any(b[0] - a[1] > 3 for a, b in itertools.pairwise(window)):
                continue
            gaps = [text[a[1] : b[0]] for a, b in itertools.pairwise(window)]
            if any("\n" in gap for gap in gaps):
                continue
            in_slug = protected.slugs.overlaps(start, end)
            found = [unicodedata.normalize("NFC", text[s:e]) for s, e in window]
            for last in singulars(found[-1]):
                key = (*found[:-1], last)
                term = self._term_of(key, exact_case=in_slug)
                if term is None or _hyphenated_for_spaced(term, gaps):
                    continue
                otherwise = _capitals_written_otherwise(term, key)
                if otherwise and not _label(text, start, end, otherwise):
                    continue
                return TermHit(term, start, end)
        return None

    def _term_of(self, key: tuple[str, ...], exact_case: bool) -> Term | None:
        """The term whose source words are ``key``: case-insensitively unless the term is
        case-sensitive or ``exact_case`` (a slug: :func:`slug_spans`)."""
        term = self._exact.get(key) or self._folded.get(tuple(w.casefold() for w in key))
        if term is None:
            return None
        own = tuple(words(term.source))
        if exact_case and own != key:
            return None
        return term


# the particles that end an English phrasal verb ("sign in", "set up", "opt out")
_PARTICLES = frozenset({"in", "out", "up", "on", "off", "down", "over", "back", "away"})


def _hyphenated_for_spaced(term: Term, gaps: list[str]) -> bool:
    """Whether ``term`` is a phrasal verb ('sign in': its last word a particle) that the
    text writes hyphenated: 'sign in' → ``anmelden`` was placed for the modifier of "the
    sign-in page" (``anmelden-Seite``); English hyphenates it as a noun or a modifier, another
    word than the verb. A noun the glossary writes apart ("yoga mat") is found hyphenated."""
    own = re.split(r"\w+", term.source.strip())[1:-1]
    if not own or term.source.split()[-1].casefold() not in _PARTICLES:
        return False
    return any("-" in gap and "-" not in mine for gap, mine in zip(gaps, own, strict=False))


def _in_a_name(text: str, spans: list[tuple[int, int]], position: int, term: Term) -> bool:
    """Whether the hit of ``term`` at word ``position`` is the last part of a name of
    capitalised words: the term as the glossary writes it is lower-case, the text capitalises
    it, and the word right before it (a space apart) is capitalised and no English word
    (``Acme Tasks``, ``Google Drive``): ``"title": "Acme Tasks"`` was ``Acme Aufgaben`` by
    'task' → 'Aufgabe'. After an English word (``Open Settings``) or an acronym (``API Keys``,
    ``SSO Settings``: :func:`_in_capitals`) it is a term."""
    start = spans[position][0]
    if term.case_sensitive or not term.source[:1].islower() or not text[start].isupper():
        return False
    if position == 0 or text[spans[position - 1][1] : start] != " ":
        return False
    before = text[slice(*spans[position - 1])]
    return (
        before[:1].isupper()
        and not _in_capitals(before)
        and before.casefold() not in lowercase_words()
    )


def _in_capitals(word: str) -> bool:
    """Whether a term's word is written in capitals (``US``, ``IT``, ``API``), an acronym the
    source must write in capitals too: "us" and "It" are other words."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _capitals_written_otherwise(term: Term, key: tuple[str, ...]) -> list[str]:
    """The words of ``key``, the text's, that ``term`` writes in capitals (:func:`_in_capitals`)
    and the text otherwise: ``Enter`` or ``enter`` for ``ENTER``."""
    own = words(term.source)
    return [
        found for word, found in zip(own, key, strict=True) if _in_capitals(word) and found != word
    ]


# what may stand before a label on its line, after the line's start or a sentence's end: signs
# but no word and no mark of a sentence or a clause ("⚠ Warning:", "- Note:", "(Caution: ...)")
_NO_SIGN_BEFORE_LABEL = frozenset(".!?:;,")
_SENTENCE_ENDS = frozenset(".!?")
# what follows a label: a colon or an exclamation mark (a word alone is a button's or a
# key's name: "Delete" is no 'DELETE,ENTF')
_AFTER_LABEL = re.compile(r"[ \t]*[:!]")


def _label(text: str, start: int, end: int, otherwise: list[str]) -> bool:
    """Whether ``text[start:end]`` is a label, where a term's words in capitals that the text
    writes ``otherwise`` (:func:`_capitals_written_otherwise`) are found too: they have a
    capital and small letters (``Caution`` for ``CAUTION``), and the hit opens the text, a line
    or a sentence and is followed by ``:`` or ``!`` ("Caution: The sensor surface may be
    hot.", "Warning!"), as a signal word heads a safety message
    ('CAUTION,VORSICHT' made "Caution: ..." "Sicht: ..."). "Enter your password." is no
    'ENTER', "Use caution." no 'CAUTION', a button's "Delete" no 'DELETE'."""
    if not all(w[:1].isupper() and w[1:].islower() for w in otherwise):
        return False
    return _opens_line_or_sentence(text, start) and bool(_AFTER_LABEL.match(text, end))


def _opens_line_or_sentence(text: str, start: int) -> bool:
    """Whether only signs stand between ``text[start]`` and the start of its line, or the end
    of a sentence (``.``, ``!`` or ``?`` and a space) on it: "⚠ Warning", "- Note",
    "Done. (Caution". It reads back over those signs alone, not to the line's start, so a hit
    after a long line (a table row padded with 40,000 spaces, a log line) costs no more than
    its signs: reading each hit's whole line made :meth:`TermMatcher.find` quadratic."""
    position = start
    while position > 0:
        sign = text[position - 1]
        if sign == "\n":
            return True
        if sign.isalnum() or sign == "_" or sign in _NO_SIGN_BEFORE_LABEL:
            break
        position -= 1
    else:
        return True
    return text[position - 1] in _SENTENCE_ENDS and position < start and text[position].isspace()


def capitals_or_label(term: Term) -> bool:
    """Whether ``term`` (not case-sensitive) is found only in capitals or as a label
    (:func:`_label`), having a word in capitals among its source's words (:func:`_in_capitals`:
    ``REF``, ``ENTER``, ``CAUTION``), for ``ltmt glossary list``."""
    return not term.case_sensitive and any(_in_capitals(word) for word in words(term.source))


def in_plural(term: Term, occurrence: str) -> bool:
    """Whether the hit text ``occurrence`` of ``term`` ends in a plural of the term's last word
    ("files" for "file": the matcher's :func:`singulars`), not the word as the term writes it."""
    found, own = words(occurrence), words(term.source)
    return bool(found and own) and found[-1].casefold() != own[-1].casefold()


# an English noun's optional plural ending written after it: "receipt(s)", "box(es)"
_OPTIONAL_PLURAL = re.compile(r"\((?:e?s)\)", re.IGNORECASE)


def plural_at(text: str, hit: TermHit) -> bool:
    """Whether ``text`` writes the term of ``hit`` in the plural (:func:`in_plural`), or with
    an optional plural ending right after it ("{0} receipt(s) attached"): the count may be
    several, and the target takes its plural as for "receipts"."""
    occurrence = text[hit.start : hit.end]
    return in_plural(hit.term, occurrence) or optional_plural_end(text, hit.end) > hit.end


def optional_plural_end(text: str, end: int) -> int:
    """Where the optional plural ending ``(s)`` or ``(es)`` that ``text`` writes at ``end``
    (right after a noun) ends; ``end`` itself where there is none."""
    found = _OPTIONAL_PLURAL.match(text, end)
    return found.end() if found else end


def kept_as_written(term: Term) -> bool:
    """Whether ``term``'s target is its source (a name, a plan: ``Pro``): such a target is
    matched as a whole word (:func:`renders`' ``whole_word``), since ``Probe`` is no form
    of ``Pro``."""
    return term.target.strip() == term.source.strip()


def case_only(term: Term) -> bool:
    """Whether ``term``'s target differs from its source in the case of its first letter alone
    (an INN German capitalises: ``rivaroxaban`` → ``Rivaroxaban``): the source's spelling,
    which the model copies, is then no rendering of it (:func:`renders`' ``case_as_written``),
    though a target's first letter may change case elsewhere (a sentence starts with it)."""
    target, source = term.target.strip(), term.source.strip()
    return target != source and target[:1].swapcase() + target[1:] == source


def as_written(term: Term, written: str) -> Term:
    """``term`` as its place in a text, ``written``, wants it. A term kept as written
    (:func:`kept_as_written`) that the text writes without the glossary's signs of ownership
    (``CardioSense X2`` for ``CardioSense™ X2``) takes the text's spelling: never a sign the
    source lacks (the model, handed the glossary's ``™``, wrote ``CardioSenseTM X2
    X2-Monitor``); one the text writes in small letters without a sign (a line lowered for the
    model: ``windows`` for ``Windows®``) takes the glossary's letters without the sign. A term
    the glossary writes in capitals (``CAUTION`` → ``VORSICHT``) found
    in other letters takes a target in the found text's case
    (:func:`~ltmt.match_case.recased`: ``Vorsicht`` for ``Caution``), else with a capital and
    small letters (German's signal words are nouns)."""
    if written == term.source:
        return term
    if in_capitals_only(term.source) and not in_capitals_only(written):
        cased = recased(written, term.source, term.target) or with_first_capital(
            term.target.lower()
        )
        return replace(term, target=cased) if in_capitals_only(term.target) else term
    if not kept_as_written(term):
        return term
    if _unsigned(written) == _unsigned(term.source):
        return replace(term, source=written, target=written)
    if written == _unsigned(written).lower() == _unsigned(term.source).lower():
        # a line lowered for the model (``install it on windows<x/> 11.``, its ® set aside as
        # a tag): the glossary's letters without a sign the text lacks (``Windows®®`` came out)
        return replace(term, source=written, target=_unsigned(term.target))
    return term


def written_at(text: str, hit: TermHit) -> str:
    """``hit``'s occurrence as ``text`` writes it, for :func:`as_written`: its words and the
    signs of ownership right after them (``Windows®`` in "Install Windows® on your PC."), which
    a hit's span, its words, leaves out; a name the source writes with its ``®`` is to keep it
    (taken as ``Windows``, a translation that dropped it passed)."""
    end = hit.end
    while end < len(text) and text[end] in OWNERSHIP_SIGNS:
        end += 1
    return text[hit.start : end]


def hit_as_written(text: str, hit: TermHit) -> TermHit:
    """``hit`` in ``text`` with its term :func:`as_written` where it stands
    (:func:`written_at`: its words and the signs of ownership after them). A name that takes
    the text's spelling with its signs (``Windows®`` in "Install it on Windows® 11.") spans
    them too, so that a substitution of its target leaves no second sign behind; any other
    hit keeps its span, its words. A label the text writes in capitals (``WARNING: ...``,
    :func:`shouted_label`) takes its target in capitals."""
    written = written_at(text, hit)
    term = as_written(hit.term, written)
    if shouted_label(text, hit) and not in_capitals_only(term.target):
        term = replace(term, target=in_capitals(term.target))
    end = hit.start + len(written) if term.target == written else hit.end
    return replace(hit, term=term, end=end)


def shouted_label(text: str, hit: TermHit) -> bool:
    """Whether ``hit`` is a label (it opens ``text``, a line or a sentence and is followed by
    ``:`` or ``!``: :func:`_label`) that ``text`` writes in capitals and the glossary does not,
    as ISO 3864-2 and ANSI Z535 write signal words: 'warning' → ``Warnung`` was forced into
    "WARNING: Risk of electric shock." as ``Warnung: ...``, where the model alone wrote
    ``WARNUNG``. An acronym (``RAM``), a word in capitals inside a sentence, or a term the
    glossary writes in capitals (``CAUTION`` → ``Vorsicht``: its author's choice) is none."""
    found = text[hit.start : hit.end]
    if not in_capitals_only(found) or in_capitals_only(hit.term.source):
        return False
    if all(len(word) < MIN_WORD for word in words(found)):  # an acronym: RAM, PIN
        return False
    return _opens_line_or_sentence(text, hit.start) and bool(_AFTER_LABEL.match(text, hit.end))


def _unsigned(text: str) -> str:
    """``text`` in its composed form (NFC) without signs of ownership (™, ®, ©), its
    whitespace folded."""
    kept = "".join(c for c in unicodedata.normalize("NFC", text) if c not in OWNERSHIP_SIGNS)
    return " ".join(kept.split())


def names_kept(matcher: TermMatcher | None, source: str) -> tuple[str, ...]:
    """The targets of the terms of ``matcher`` found in ``source`` that are kept as written
    (:func:`kept_as_written`: ``Weißbräu``), which a translation writes as the glossary does
    (Swiss German's ``ss``, :mod:`ltmt.swiss_spelling`, leaves them as they are)."""
    if matcher is None:
        return ()
    names = (hit.term.target for hit in matcher.find(source) if kept_as_written(hit.term))
    return tuple(dict.fromkeys(names))


def term_renders(term: Term, output: str, beside: Sequence[str] = ()) -> bool:
    """Whether ``output`` carries ``term``'s target (:func:`renders`), as a whole word where
    the term is kept as written (:func:`kept_as_written`), or as the head of a compound whose
    first part renders another of ``beside``, the line's targets
    (:func:`~ltmt.terminology.compound_heads.head_beside`): 'settings' → ``Einstellungen`` was
    placed again beside ``Kontoeinstellungen`` ("Ihre Kontoeinstellungen Einstellungen"), or
    as a separable verb written apart (:func:`~ltmt.terminology.separable_verbs.separated_at`:
    ``Melden Sie sich an`` for ``anmelden``, which was forced in as ``Anmelden Sie sich``)."""
    from ltmt.terminology.compound_heads import head_beside  # it imports this module

    if kept_as_written(term):
        return renders(term.target, output, whole_word=True)
    return (
        renders(term.target, output, case_as_written=case_only(term))
        or head_beside(term.target, beside, output)
        or bool(separated_at(term.target, output))
    )


@functools.lru_cache(maxsize=4096)
def _target_pattern(
    target: str, whole_word: bool = False, case_as_written: bool = False
) -> re.Pattern[str]:
    if whole_word:
        return re.compile(rf"(?<!\w){_stem_pattern(target)}(?!\w)")
    stems = [_stem_pattern(stem, case_as_written) for stem in target_stems(target)]
    stems[0] += _foreign_ending(target)
    head = compound_head(target)
    if head is not None:  # a compound's head: more letters of the compound follow
        stems.append(_stem_pattern(head) + r"(?=[^\W\d_])")
    declined = _declined_pattern(target)
    if declined is not None:
        stems.append(declined)
    return re.compile(rf"(?<!\w)(?:{'|'.join(stems)})")


# an adjective's noun's endings after its stem, as a pattern's alternatives
_DECLINED = "|".join(DECLINED_ENDINGS)


def _declined_pattern(target: str) -> str | None:
    """A pattern of the forms of ``target`` whose last word is an adjective's noun in the
    dictionary's form (:func:`~ltmt.terminology.adjectival_nouns.adjectival_stem`:
    "Verantwortlicher" is rendered by "des Verantwortlichen", "der Verantwortliche"), that
    noun with an adjective's ending and no more letters, its capital as written (the
    adjective "verantwortlichen" renders no noun); ``None`` for another target."""
    written = _adjectival_written(target)
    if written is None:
        return None
    # words before it as a sentence or their adjectives write them ("gemeinsam Verantwortliche")
    pattern = _stem_pattern(written) if " " in written else re.escape(written)
    return pattern + rf"(?:{_DECLINED})(?!\w)"


def _adjectival_written(target: str) -> str | None:
    """``target`` with its last word, an adjective's noun in the dictionary's form, cut to
    its stem (:func:`~ltmt.terminology.adjectival_nouns.adjectival_stem`: "Verantwortlich"
    of "Verantwortlicher"); ``None`` for another target."""
    last = last_part(target)
    stem = adjectival_stem(last)
    return None if stem is None else target[: len(target) - len(last)] + stem


def _foreign_ending(target: str) -> str:
    """A pattern's lookahead against an -s that no form of ``target`` ends in: a German
    feminine noun in -e (:func:`~ltmt.terminology.genders.gender_of`; no English loan such as
    "Pipeline") takes -n in the plural and nothing in the singular, so "Infusionspumpes" is
    no form of "Infusionspumpe" (a neuter's genitive is: "des Gebäudes"); nor is "Tours" one
    of "Tour", whose plural is "Touren"
    (:func:`~ltmt.terminology.german_forms.feminine_n_plural`). Empty otherwise."""
    return r"(?!s(?!\w))" if takes_no_s(target) else ""


def takes_no_s(target: str) -> bool:
    """Whether no form of ``target`` ends in an -s after it (:func:`_foreign_ending`)."""
    last = last_part(target)
    if loan_word(last) or gender_of(target) != "f":
        return False
    return last.endswith("e") or feminine_n_plural(last) is not None


def _stem_pattern(stem: str, case_as_written: bool = False) -> str:
    """``stem`` as a pattern whose first letter may change case (a sentence starts with it;
    not with ``case_as_written``: :func:`case_only`), and whose adjectives before the last word
    (:func:`~ltmt.terminology.german_forms.adjective_base`) may take any adjective ending:
    German inflects them by case and number ("die unerwünschten Ereignisse" carries
    "unerwünschtes Ereignis")."""
    first = re.escape(stem[0])
    if stem[0].lower() != stem[0].upper() and not case_as_written:
        first = f"[{re.escape(stem[0].lower())}{re.escape(stem[0].upper())}]"
    words = stem[1:].split(" ")
    endings = "|".join(ADJECTIVE_ENDINGS)
    for n, base in enumerate(adjective_bases(stem)):
        if base is not None:
            words[n] = re.escape(base[1:] if n == 0 else base) + f"(?:{endings})"
        else:
            words[n] = re.escape(words[n])
    words[-1] = re.escape(words[-1])
    return first + " ".join(words)


def renders(
    target: str,
    output: str,
    written: str = "",
    *,
    whole_word: bool = False,
    case_as_written: bool = False,
) -> bool:
    """Whether ``output`` carries the target term ``target`` (stem rule of the module), outside
    its placeholders: ``{repository}`` is no rendering of ``Repository``. ``written``: the term
    as the source writes it; where that is in capitals (``ELDORIA`` in ``THE ROAD TO
    ELDORIA``), the target in capitals carries it too (``DER WEG NACH ELDORIA``): the term is
    written in the case of its line. Both are compared in Unicode's composed form (NFC).
    ``whole_word``: the target alone, no ending or compound (a term kept as written).
    ``case_as_written``: its first letter as ``target`` writes it (a term that changes only
    its case: :func:`case_only`)."""
    # the first rendering answers: this runs per output and term (placement, decoding, qa)
    found = _renderings(target, output, written, whole_word, case_as_written)
    return next(found, None) is not None


def rendered_at(
    target: str, output: str, written: str = "", *, case_as_written: bool = False
) -> set[int]:
    """Where ``output`` carries the target term ``target`` (:func:`renders`' rule): the start
    of each rendering in ``output``'s composed form (NFC), so that a term the source has twice
    can be asked for twice."""
    return set(_renderings(target, output, written, case_as_written=case_as_written))


def rendering_spans(target: str, output: str, written: str = "") -> set[tuple[int, int]]:
    """The (start, end) of each rendering of ``target`` in ``output`` (:func:`rendered_at`'s
    places, in the same composed form), so that a place of a shorter target inside it can be
    told apart: ``Vorschub`` in ``Vorschubgeschwindigkeit``."""
    return {found.span() for found, _ in _rendering_matches(target, output, written)}


def compound_renderings(target: str, output: str, written: str = "") -> set[int]:
    """The places of :func:`rendered_at` where ``target`` is only the first part of a compound
    that names something else: its word goes on with letters that are no ending of a German
    noun (:data:`_NOUN_ENDINGS`), "Kundenservice" or "Kundenkonto" for "Kunde",
    "Einstellungsdialog" for "Einstellungen"; not "Kunden" or "Kundes", nor the feminine
    "Benutzerin" or "Benutzerinnen" for "Benutzer". Such a place renders
    the term only where the source's term qualifies a noun as well ("customer service")."""
    return {
        found.start()
        for found, text in _rendering_matches(target, output, written)
        if _letters_after(text, found.end()).casefold() not in _NOUN_ENDINGS
    }


# the endings a German noun's stem takes by case and number (Kunde: Kunden, des Kundes;
# Ereignis: Ereignisse, des Ereignisses), and those of its feminine form (Benutzer:
# Benutzerin, Benutzerinnen): letters after a target that are none of these make a compound
# with another last part
_NOUN_ENDINGS = frozenset(
    {"", "e", "n", "en", "s", "es", "ns", "ens", "er", "ern", "se", "sen", "ses", "nen"}
    | {"in", "innen"}
)
_LETTERS = re.compile(r"[^\W\d_]*")


def _letters_after(text: str, end: int) -> str:
    """The letters of ``text`` from ``end`` to the end of their word."""
    found = _LETTERS.match(text, end)
    return found[0] if found else ""


def _renderings(
    target: str,
    output: str,
    written: str,
    whole_word: bool = False,
    case_as_written: bool = False,
) -> Iterator[int]:
    """The start of each rendering of ``target`` in ``output`` (:func:`renders`' rule), in its
    composed form (NFC), lazily: those in the target's case, then those in capitals."""
    found = _rendering_matches(target, output, written, whole_word, case_as_written)
    return (match.start() for match, _ in found)


def _rendering_matches(
    target: str,
    output: str,
    written: str,
    whole_word: bool = False,
    case_as_written: bool = False,
) -> Iterator[tuple[re.Match[str], str]]:
    """Each rendering of ``target`` in ``output`` (:func:`renders`' rule) and the text it was
    found in: ``output`` in its composed form (NFC), placeholders blanked; lazily, those in
    the target's case first, then those in capitals."""
    target = unicodedata.normalize("NFC", target)
    blanked = _placeholders_blanked(unicodedata.normalize("NFC", output))
    for found in _target_pattern(target, whole_word, case_as_written).finditer(blanked):
        yield found, blanked
    if written.isupper():
        for found in _capitals_pattern(target).finditer(blanked):
            yield found, blanked


@functools.lru_cache(maxsize=4096)
def _capitals_pattern(target: str) -> re.Pattern[str]:
    """``target`` and its stems (:func:`~ltmt.terminology.german_forms.target_stems`) in
    capitals, at a word start (German's ``ß`` as ``SS``, as :func:`ltmt.capitals.in_capitals`
    writes it)."""
    stems = [re.escape(stem.upper()) for stem in target_stems(target)]
    written = _adjectival_written(target)
    if written is not None:  # "DES VERANTWORTLICHEN" (:func:`_declined_pattern`)
        stems.append(rf"{re.escape(written.upper())}(?:{_DECLINED.upper()})(?!\w)")
    return re.compile(rf"(?<!\w)(?:{'|'.join(stems)})")


def _placeholders_blanked(text: str) -> str:
    """``text`` with each placeholder (``{repository}``, ``%(file)s``) and tag (``<b>``,
    ``[b]``, ``<action:Sprung>``) made spaces."""
    return _blanked(text, markup_spans(text))


def _blanked(text: str, markup: list[tuple[int, int]]) -> str:
    """``text`` with the spans of ``markup`` made spaces."""
    blanked = list(text)
    for start, end in markup:
        blanked[start:end] = " " * (end - start)
    return "".join(blanked)


def substitute(text: str, hits: Sequence[TermHit]) -> str:
    """``text`` with each hit replaced by its target term: the model then sees the term it
    must write and copies it into place (the decoder-side constraint is the guarantee)."""
    out, position = [], 0
    for hit in hits:
        out.append(text[position : hit.start])
        out.append(hit.term.target)
        position = hit.end
    out.append(text[position:])
    return "".join(out)

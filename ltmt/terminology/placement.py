"""Placing the glossary targets an output left out, where the model put their meaning.

The model's alignment attention says which source tokens each output token was written for: the
CTranslate2 fast path returns it with its output, and :func:`alignment` reads it for a torch
(fused) output in one teacher-forced pass. :func:`place_terms` puts each missing target in place
of the output word that attends most to the target's source term: before it when the word is a
placeholder, tag or command-line option (a tag and the word written right after it are words
apart: in ``[b]Health Potion[/b]`` or ``<b>Save</b>`` the term between the tags is replaced
there, written as one with the tag), and after it when the word carries another of the line's
targets (but for a compound whose other part carries it: ``Mana-Potion`` for "Mana Potion",
glossary ``Mana`` kept and ``potion`` → ``Trank``, is ``Mana-Trank``, not ``Mana-Potion
Trank``), or when it aligns more with another source word than with the term (attention read
both ways, :func:`mutual_weights`: it translates that word, the model left the term out), so
neither is lost; a target whose word already takes another follows that one. When the word is a
German negation ("nicht", "kein"), nothing is placed: replacing it would turn the meaning around
(the line is decoded again, below); nor when the term's attention peaks on punctuation (the
model wrote no word for it: the target went after the full stop, ``Klicken Sie auf Speichern.
Projekt``). In a German compound whose first or last tokens translate the term and the rest
another word (``Haupt|datei`` for ``master file``), only that part is replaced, hyphenated
(``Master-Datei``). The rest of the output is the model's, unchanged, and it costs no second
decode. The caller checks the result (token limit, placeholders), puts the target of a term the
input writes in the plural in the plural form the model scores best
(:meth:`ltmt.terminology.decoding.GlossaryDecoding.in_number`), and decodes the line under the
per-step constraint of :mod:`ltmt.terminology.constraints` when it falls short.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ltmt.model.batching import pad_token_ids
from ltmt.model.hooks import thread_bound
from ltmt.terminology.fragments import bare_words, garbled, german_word, half_written
from ltmt.terminology.function_words import ARTICLES, FUNCTION_WORDS, NEGATIONS
from ltmt.terminology.german_forms import compound_first
from ltmt.terminology.matching import output_code_spans, renders
from ltmt.terminology.modifier_compounds import (
    attribute_before_head,
    echoed_part,
    garbled_part,
    joined_with_head,
    leftover,
    with_part_replaced,
)

if TYPE_CHECKING:
    from ltmt.model.backbone import Backbone

_WORD_START = "\u2581"  # SentencePiece's word-start mark
# a German compound's linking letters (Mitglied-s-datei, Chance-n-besitzer)
_LINKS = frozenset({"s", "es", "n", "en"})
# those that end as many stems (Ra|s|en, Of|en): a link only after a word (:func:`_linking`)
_STEM_ENDS = frozenset({"n", "en"})
# German words that tie an attribute to the noun before it ("Pumpe der Infusion", "Pumpe für
# Infusionen"): a term of several words may be translated as a noun and its attribute
_ATTRIBUTE_LINKS = frozenset({"der", "des", "von", "vom", "für"})
# endings of German words that are no compound's part ("abgelegen|en", "Fernbedien|ung",
# "Verzwe|igung"): a word whose rest is one is replaced whole, not hyphenated
_ENDINGS = frozenset(
    {
        *("e", "en", "er", "es", "n", "s", "ern", "em", "nen", "ung", "ungen", "igung"),
        *("igungen", "heit", "keit", "lich", "isch", "ig", "chen", "lein", "ling", "nis"),
    }
)


@dataclass(frozen=True)
class Missing:
    """A target the output lacks: the source tokens of its term (``[start, end)``), the
    target's tokens as the output writes them, and its text (for a compound's new word)."""

    source_span: tuple[int, int]
    target_ids: tuple[int, ...]
    target: str = ""
    source: str = ""  # the term as the input writes it
    plural: bool = False  # the input writes the term in the plural (matching.in_plural)
    gender: str = ""  # the glossary's gender of the target (Term.gender), for its compounds
    # the input writes a word right after the term: it may be an English compound's modifier
    # ("coolant pump"; modifier_compounds.writes_modifier)
    modifier: bool = False


def place_terms(
    output_ids: Sequence[int],
    attention: Sequence[Sequence[float]],
    missing: Sequence[Missing],
    pieces: Sequence[str],
    kept: Sequence[str] = (),
    encode: Callable[[str], tuple[int, ...]] | None = None,
    keep: frozenset[str] = NEGATIONS | ARTICLES,
    source: str = "",
) -> list[int] | None:
    """``output_ids`` with every ``missing`` target placed, or ``None`` (module docstring).

    ``attention[j][k]``: how much output token ``j`` attends to source token ``k``; ``pieces``:
    the text of each target token id (SentencePiece pieces); ``kept``: the line's targets the
    output already carries (a word carrying one is not replaced); ``encode``: the token ids of
    a word as the output writes it, for a compound whose part translates the term
    (:func:`_compound_part`): only that part is replaced (``Hauptdatei`` for ``master file``,
    glossary ``master`` → ``Master``: ``Master-Datei``); ``keep``: words (case-folded) that
    take no target: ``None`` when one is where a target would go; ``source``: the input line,
    whose words a word the target replaces may copy (:func:`garbled`).
    """
    if not output_ids or not missing:
        return None
    markup = _markup_tokens(output_ids, pieces)
    mutual = mutual_weights(attention[: len(output_ids)])
    edits: list[tuple[int, int, tuple[int, ...]]] = []
    # a compound word (its tokens) one part of which took a target: its edit and that term
    compounds: dict[tuple[int, int], tuple[int, Missing]] = {}
    for term in missing:
        first, last = term.source_span
        if not term.target_ids or first >= last:
            return None
        weights = [sum(row[first:last]) for row in attention[: len(output_ids)]]
        aligned = max(range(len(weights)), key=weights.__getitem__)
        if not markup[aligned] and _trailing_punctuation(output_ids, aligned, pieces):
            return None  # the model wrote no word for the term: the caller decodes again
        start, end = _word_around(output_ids, aligned, pieces, markup)
        word = _text(output_ids[start:end], pieces)
        if word.strip().casefold() in keep:
            return None  # the caller decodes the line again
        if (start, end) in compounds and encode is not None:  # IV-Zeile -> i.v.-Leitung
            index, other = compounds[(start, end)]
            both = _compound_of_two(
                output_ids[start:end], attention[start:end], (other, term), pieces, encode
            )
            if both is not None:
                edits[index] = _beside_markup(output_ids, (start, end, both), pieces, encode)
                continue
        # the word rewritten around the target (no other target on it yet): see below
        rewrite = encode if encode is not None and term.target else None
        if any(s < end and start < e for s, e, _ in edits):
            rewrite = None
        rewritten = None
        dropped: tuple[int, int] | None = None  # the aligned word, where the target goes elsewhere
        if markup[aligned]:  # insert before the word: its placeholder, tag or option stays
            start = end = _word_start(output_ids, start, pieces)
        else:
            if rewrite is not None:  # Hauptdatei -> Master-Datei, Mana-Potion -> Mana-Trank
                line = (source, kept)
                rewritten = _compound_word(
                    output_ids[start:end], attention[start:end], term, pieces, rewrite, line
                )
            carried = [target for target in kept if renders(target, word)]
            if rewritten is not None and carried:  # the part replaced must not be the kept one
                text = _text(rewritten, pieces)
                rewritten = rewritten if all(renders(t, text) for t in carried) else None
            if rewritten is None and carried:
                start = end  # insert after the word: its target stays
            elif (
                rewritten is None
                and _translates_another(mutual[start:end], first, last)
                and not garbled(word, source)
            ):
                start = end  # insert after the word: the word it translates stays
            elif rewritten is None and term.source.strip().count(" "):
                echo = _echo_elsewhere(output_ids, mutual, (start, end), term, pieces, kept, edits)
                if echo is not None:  # "verwerfen" of "Partei zur ... verwerfen" goes
                    dropped, (start, end) = (start, end), echo
                start, end = _term_words(output_ids, mutual, start, end, term, pieces, kept, markup)
        if rewritten is None and term.modifier and encode is not None and start < end:
            joined = _joined_with_head(output_ids, (start, end), term, pieces, markup, encode)
            if joined is not None and not any(s < joined[1] and e > end for s, e, _ in edits):
                edits.append(_beside_markup(output_ids, joined, pieces, encode))
                continue
        if rewritten is not None:
            compounds[(start, end)] = (len(edits), term)
            edits.append(_beside_markup(output_ids, (start, end, rewritten), pieces, encode))
            continue
        taken = [e for s, e, _ in edits if (start < e and s < end) or start == s]
        if taken:  # the word already takes a target: this one follows it
            start = end = max(taken)
        edits.append(_beside_markup(output_ids, (start, end, term.target_ids), pieces, encode))
        if dropped is not None and not (dropped[0] < end and start < dropped[1]):
            edits.append((*dropped, ()))
    placed: list[int] = []
    position = 0
    for start, end, target_ids in sorted(edits):
        placed.extend(output_ids[position:start])
        placed.extend(target_ids)
        position = end
    return placed + list(output_ids[position:])


def _markup_tokens(ids: Sequence[int], pieces: Sequence[str]) -> list[bool]:
    """Per token of ``ids``, whether it writes (part of) a placeholder, tag or command-line
    option of the output (:func:`~ltmt.terminology.matching.output_code_spans`, found in the
    whole text: a BBCode ``[b]`` is a tag where its ``[/b]`` follows; ``-Datei`` after ``{0}``
    is a compound's). No target replaces such a token, and a word ends where markup starts:
    ``[b]Health`` is the tag and ``Health``."""
    texts = [pieces[i].replace(_WORD_START, " ") for i in ids]
    spans = output_code_spans("".join(texts))
    flags: list[bool] = []
    end = 0
    for text in texts:
        start, end = end, end + len(text)
        flags.append(any(s < end and start < e for s, e in spans))
    return flags


def _beside_markup(
    ids: Sequence[int],
    edit: tuple[int, int, tuple[int, ...]],
    pieces: Sequence[str],
    encode: Callable[[str], tuple[int, ...]] | None,
) -> tuple[int, int, tuple[int, ...]]:
    """``edit`` (tokens ``[start, end)`` of ``ids`` replaced by new ones), where the replaced
    tokens follow markup without a space (``[b]|Health Potion``, ``%s-|Datei``), widened to the
    start of their word and written as one with it (``[b]Heiltrank``, re-tokenised by
    ``encode``): the target's own tokens start a word, and would put a space after the tag. As
    it is otherwise."""
    start, end, new = edit
    if encode is None or start >= end or pieces[ids[start]].startswith(_WORD_START):
        return edit
    begin = _word_start(ids, start, pieces)
    joined = encode((_text(ids[begin:start], pieces) + _text(new, pieces).lstrip()).strip())
    return (begin, end, joined) if joined else edit


def _trailing_punctuation(ids: Sequence[int], position: int, pieces: Sequence[str]) -> bool:
    """Whether the token at ``position`` writes punctuation that no letter or digit of its word
    follows: a full stop or a comma after a word, or one written alone, not a compound's inner
    hyphen (``IV|-|Zeile``). A term's attention that peaks there says the model left the term
    out and wrote no word for it: placing the target "on" that token put it after the
    sentence's end (``Klicken Sie auf Speichern. Projekt``) or in place of the word before it."""
    end = position + 1
    while end < len(ids) and not pieces[ids[end]].startswith(_WORD_START):
        end += 1
    return not any(c.isalnum() for i in ids[position:end] for c in pieces[i])


def _text(ids: Sequence[int], pieces: Sequence[str]) -> str:
    """What the tokens ``ids`` write (a word-start mark as a space)."""
    return "".join(pieces[i] for i in ids).replace(_WORD_START, " ")


def _compound_word(
    ids: Sequence[int],
    rows: Sequence[Sequence[float]],
    term: Missing,
    pieces: Sequence[str],
    encode: Callable[[str], tuple[int, ...]],
    line: tuple[str, Sequence[str]] = ("", ()),
) -> tuple[int, ...] | None:
    """The token ids of the word ``ids`` with its part that translates ``term`` replaced by the
    target, joined by a hyphen (``Master-Datei``, ``Einstellungs-Ablage``), or ``None`` when the
    word is not such a compound (:func:`_compound_part`) or its other part is a garbled
    fragment (``line``: the input line and the glossary targets its output carries, whose
    words such a part may copy: :func:`~ltmt.terminology.modifier_compounds.garbled_part`)."""
    word = _text(ids, pieces).strip()
    echoed = echoed_part(word, term.source)
    if echoed is not None:  # Chip-Fahrer for "chip conveyor": Span-Fahrer, not Span
        if garbled_part(word, echoed, *line):  # Spindle-Hausen: die Spindel, not Spindel-Hausen
            return None
        return encode(with_part_replaced(word, echoed, term.target, term.gender)) or None
    part = _compound_part(ids, rows, term.source_span, pieces)
    if part is None:
        return None
    begin, stop = part
    link = ""
    if begin == 0 and stop + 1 < len(ids) and _linking(ids, stop, pieces):
        link = pieces[ids[stop]]
        stop += 1  # the link belongs to the part replaced: Mitglied|s|datei -> Element-Datei
    rest = "".join(pieces[i] for i in (ids[stop:] if begin == 0 else ids[:begin]))
    rest = rest.replace(_WORD_START, "").strip()
    if link and half_written(rest):  # the word's, not a link: Abtreibere|s|kript -> Betreuer-Skript
        words = [link[k:] + rest for k in reversed(range(len(link)))]  # skript, then eskript
        rest = next((word for word in words if not half_written(word)), rest)
    code = _code_part(rest, term_first=begin == 0)  # PM-|Dipse: PM-Dosis, not Dosis
    if not code and (sum(c.isalpha() for c in rest) < 3 or rest.strip("-").casefold() in _ENDINGS):
        return None  # an ending, not another word: Fernbedien|ung is replaced whole
    if not code and begin == 0 and half_written(rest):
        return None  # pieces of an English word (Re|zeiving): "offenlegende Partei-zeiving"
    if begin == 0:  # the term first: Haupt|datei -> Master-Datei, Knopf|galerie ->
        # Schaltflächen-Galerie (its own linking letters: compound_first)
        rest = rest if code else _without_leading_ending(rest)
        if not code and leftover(rest, term_first=True):  # tür|ret|ter: no "Werkzeugrevolver-Ter"
            return None
        if not rest.startswith("-"):
            rest = "-" + (rest[:1].upper() + rest[1:] if term.target[:1].isupper() else rest)
        text = compound_first(term.target, term.gender) + rest
    elif leftover(rest, term_first=False):  # Klä|rmpfe: no "Klä-Werkstücke"
        return None
    else:  # the term last: Einstellungs|datei -> Einstellungs-Ablage
        text = rest + ("" if rest.endswith("-") else "-") + term.target
    return encode(text) or None


def _joined_with_head(
    ids: Sequence[int],
    word: tuple[int, int],
    term: Missing,
    pieces: Sequence[str],
    markup: Sequence[bool],
    encode: Callable[[str], tuple[int, ...]],
) -> tuple[int, int, tuple[int, ...]] | None:
    """The edit that writes ``term``'s target in place of the output ``word`` (its tokens)
    as the first part of a compound with the noun after it, where the input writes the term as
    a modifier (:attr:`Missing.modifier`) and the model wrote an attribute of that noun
    (:func:`~ltmt.terminology.modifier_compounds.attribute_before_head`): "die coolante
    Konzentration" is "die Kühlschmierstoff-Konzentration", whose article is the head's (the
    target as a word of its own read "der Kühlschmierstoff Konzentration"). ``None`` for
    another shape, or a target of several words or none a noun."""
    start, end = word
    if end >= len(ids) or " " in term.target.strip() or not term.target[:1].isupper():
        return None
    head = _word_around(ids, end, pieces, markup)
    if head[0] != end or not pieces[ids[end]].startswith(_WORD_START) or any(markup[end : head[1]]):
        return None
    text, noun = _text(ids[start:end], pieces), _text(ids[end : head[1]], pieces)
    if not attribute_before_head(text, noun):
        return None
    joined = encode(joined_with_head(term.target, noun, term.gender))
    return (start, head[1], joined) if joined else None


def _compound_of_two(
    ids: Sequence[int],
    rows: Sequence[Sequence[float]],
    terms: tuple[Missing, Missing],
    pieces: Sequence[str],
    encode: Callable[[str], tuple[int, ...]],
) -> tuple[int, ...] | None:
    """The token ids of the word ``ids`` (their attention ``rows``) whose first part translates
    one of ``terms`` and whose last part the other (:func:`_compound_part`), both replaced by
    their targets, joined by a hyphen: ``IV-Zeile`` for "IV line", glossary ``IV`` → ``i.v.``
    and ``line`` → ``Leitung``, is ``i.v.-Leitung`` (the second target went after the word:
    ``i.v.-Zeile Leitung``). ``None`` for a word of another shape."""
    parts = [
        (part, term)
        for term in terms
        if (part := _compound_part(ids, rows, term.source_span, pieces))
    ]
    if len(parts) < 2:
        return None
    ((lead_start, lead_end), lead), ((trail_start, trail_end), trail) = sorted(
        parts, key=lambda found: found[0]
    )
    if lead_start != 0 or trail_end != len(ids) or lead_end > trail_start:
        return None
    return encode(f"{lead.target}-{trail.target}") or None


def _code_part(rest: str, term_first: bool) -> bool:
    """Whether ``rest``, what is left of a word whose other part translates a term, is a part
    the word writes apart with a hyphen on the term's side that holds a digit or is an acronym
    of capitals (``PM-`` of ``PM-Dipse`` for "PM dose", ``8:00-``, ``-A4``, ``IV-``): a time,
    its AM/PM, a number or a code, which the target must not take away ("8:00 Dosis" was
    placed for "8:00 PM dose"), however short, and no ending or garbled fragment."""
    hyphened = rest.startswith("-") if term_first else rest.endswith("-")
    part = rest.strip("-")
    if not hyphened or not part or any(c.isspace() for c in part):
        return False
    letters = [c for c in part if c.isalpha()]
    return any(c.isdigit() for c in part) or (
        len(letters) >= 2 and all(c.isupper() for c in letters)
    )


def _without_leading_ending(rest: str) -> str:
    """``rest``, what follows the part of a word that translates a term, without an ending
    before its first hyphen: that ending is the part's (``Druck|er-Schlange`` for "printer",
    whose ``er`` attends to "queue" a little more: ``Druckwerk-Schlange``, not
    ``Druckwerk-Er-Schlange``)."""
    ending, hyphen, after = rest.partition("-")
    return hyphen + after if hyphen and ending.casefold() in _ENDINGS else rest


def _compound_part(
    ids: Sequence[int],
    rows: Sequence[Sequence[float]],
    span: tuple[int, int],
    pieces: Sequence[str],
) -> tuple[int, int] | None:
    """Within one word (its token ``ids`` and their attention ``rows``), the tokens that
    translate the term whose source tokens are ``span``, as ``(begin, stop)``: a token is the
    term's when it attends to the term at least as much as to any one other source token
    (``</s>`` left out). Only a proper prefix or suffix of the word counts, with letters left
    for the rest, which translates other words (a German compound): else ``None``."""
    first, last = span
    # None: no letter or digit (a hyphen, a colon) or a link, part of neither; digits are a
    # part's (8:00-|Dipse: the time stays, _code_part)
    marks: list[bool | None] = []
    for n, (token, row) in enumerate(zip(ids, rows)):
        if not any(c.isalnum() for c in pieces[token]) or _linking(ids, n, pieces):
            marks.append(None)
            continue
        if n and pieces[token] in _STEM_ENDS:  # the stem's end goes with it: Ra|s|en|rand
            marks.append(next((mark for mark in reversed(marks) if mark is not None), None))
            continue
        other = max((w for k, w in enumerate(row[:-1]) if not first <= k < last), default=0.0)
        marks.append(sum(row[first:last]) >= other)
    term = [i for i, mark in enumerate(marks) if mark]
    rest = [i for i, mark in enumerate(marks) if mark is False]
    letters = sum(c.isalnum() for i in rest for c in pieces[ids[i]])
    if not term or letters < 2:
        return None
    if max(term) < min(rest):
        return 0, max(term) + 1
    if min(term) > max(rest):
        return min(term), len(ids)
    return None


def _linking(ids: Sequence[int], position: int, pieces: Sequence[str]) -> bool:
    """Whether the token at ``position`` of the word ``ids`` is a compound's linking letters
    (:data:`_LINKS`): an s or es after any first token, an n or en only where the word before
    it is German (:func:`~ltmt.terminology.fragments.german_word`: ``Chance|n|besitzer``),
    else it ends the stem (``Ra|s|en|rand``, ``Of|en|t|ür``: ``Rasen``, not ``Ras`` linked)."""
    piece = pieces[ids[position]]
    if position == 0 or piece not in _LINKS:
        return False
    before = _text(ids[:position], pieces).rpartition("-")[2]  # Verkaufs-Chance|n: Chance
    return piece not in _STEM_ENDS or german_word(before)


def _term_words(
    ids: Sequence[int],
    mutual: Sequence[Sequence[float]],
    start: int,
    end: int,
    term: Missing,
    pieces: Sequence[str],
    kept: Sequence[str],
    markup: Sequence[bool],
) -> tuple[int, int]:
    """The tokens ``[start, end)`` of a word that translates a term of several words, widened
    to the words next to it that translate the term too (by :func:`mutual_weights`: "ziehende
    Anfrage" for "pull request" is replaced whole), or that write a word of the term or of its
    target (:func:`_echoes`), across an attribute link on either side ("Schwert von Dawn" for
    "Sword of Dawn" is replaced whole: "Schwert von Schwert der Morgenröte" was placed).
    Placeholders, tags and options (``markup``, per token), function words, words carrying a
    kept target and other words that translate another source word ("müssen" for "must"
    beside "adverse events", though it attends to "events" a little more than to "must") stay:
    a term between tags (``[b]Health Potion[/b]``) is replaced there."""
    first, last = term.source_span
    echoed = _content_words(f"{term.source} {term.target}")

    def belongs(span: tuple[int, int]) -> bool:
        text = _text(ids[span[0] : span[1]], pieces)
        return (
            any(c.isalpha() for c in text)
            and text.strip().casefold() not in FUNCTION_WORDS
            and not any(markup[span[0] : span[1]])
            and not any(renders(target, text) for target in kept)
            and (
                _echoes(text, echoed)
                or not _translates_another(mutual[span[0] : span[1]], first, last)
            )
        )

    def attribute(link: tuple[int, int]) -> tuple[int, int] | None:
        """The word ``link`` and the next, where ``link`` ties an attribute to a noun
        (:data:`_ATTRIBUTE_LINKS`) and the next word translates the term: "der Infusion" of
        "Pump der Infusion" for "infusion pump" ("die Infusionspumpe der Infusion" was
        placed)."""
        text = _text(ids[link[0] : link[1]], pieces).strip().casefold()
        if link[1] >= len(ids) or text not in _ATTRIBUTE_LINKS:
            return None
        word = _word_around(ids, link[1], pieces, markup)
        return (link[0], word[1]) if word[0] == link[1] and belongs(word) else None

    def noun_before(link: tuple[int, int]) -> tuple[int, int] | None:
        """The word before ``link`` and ``link``, where ``link`` ties the term's word after
        it to that noun and the noun translates the term: "Schwert von" of "Schwert von Dawn"
        for "Sword of Dawn"."""
        text = _text(ids[link[0] : link[1]], pieces).strip().casefold()
        if link[0] == 0 or text not in _ATTRIBUTE_LINKS:
            return None
        word = _word_around(ids, link[0] - 1, pieces, markup)
        return (word[0], link[1]) if word[1] == link[0] and belongs(word) else None

    def term_function_word(word: tuple[int, int]) -> tuple[int, int] | None:
        """The function word ``word`` that translates the term (nothing else) and what of the
        term's rendering it leads to: the word after it that translates the term too ("wird
        enthüllt" after "Partei" for "Disclosing Party": "offenlegende Partei wird enthüllt"
        was placed), or itself where it ends the output and the term's source writes it (the
        particle of "Sign in": "Anmelden in")."""
        text = _text(ids[word[0] : word[1]], pieces).strip().casefold()
        if text not in FUNCTION_WORDS or any(markup[word[0] : word[1]]):
            return None
        if _translates_another(mutual[word[0] : word[1]], first, last):
            return None
        if word[1] < len(ids):
            following = _word_around(ids, word[1], pieces, markup)
            if following[0] == word[1] and belongs(following):
                return word[0], following[1]
        rest = _text(ids[word[1] :], pieces)
        said = set(bare_words(term.source))
        return word if not any(c.isalnum() for c in rest) and text in said else None

    while end < len(ids):
        after = _word_around(ids, end, pieces, markup)
        if after[0] != end:
            break
        if not belongs(after):
            linked = attribute(after) or term_function_word(after)
            if linked is None:
                break
            after = linked
        end = after[1]
    while start > 0:
        before = _word_around(ids, start - 1, pieces, markup)
        if before[1] != start:  # punctuation between ("Personal): the quote mark stays
            break
        if not belongs(before):
            linked = noun_before(before)
            if linked is None:
                break
            before = linked
        start = before[0]
    return start, end


def _echo_elsewhere(
    ids: Sequence[int],
    mutual: Sequence[Sequence[float]],
    word: tuple[int, int],
    term: Missing,
    pieces: Sequence[str],
    kept: Sequence[str],
    edits: Sequence[tuple[int, int, tuple[int, ...]]],
) -> tuple[int, int] | None:
    """Another word of the output that writes a word of the target of ``term`` (a term of
    several words) and translates the term, where ``word`` (the tokens the term's attention
    peaks on) translates the term but writes none of it: the model rendered the term in two
    places ("Partei zur Empfangsfeier-Partei verwerfen" for "Disclosing Party to the Receiving
    Party": "Partei" and "verwerfen"). The target goes on that word and ``word`` is dropped
    ("Partei ... offenlegende Partei" was placed); ``None`` where there is no such word, or
    ``word`` translates another word too or is a function word."""
    first, last = term.source_span
    echoed = _content_words(term.target)
    text = _text(ids[word[0] : word[1]], pieces)
    if (
        _echoes(text, echoed)
        or text.strip().casefold() in FUNCTION_WORDS
        or _translates_another(mutual[word[0] : word[1]], first, last)
    ):
        return None
    position = 0
    while position < len(ids):
        other = _word_around(ids, position, pieces)
        position = max(other[1], position + 1)
        if other == word or any(s < other[1] and other[0] < e for s, e, _ in edits):
            continue
        written = _text(ids[other[0] : other[1]], pieces)
        if (
            _echoes(written, echoed)
            and not any(renders(target, written) for target in kept)
            and not _translates_another(mutual[other[0] : other[1]], first, last)
        ):
            return other
    return None


def _content_words(text: str) -> frozenset[str]:
    """The words of ``text`` (case-folded) that are no German function word
    (:data:`FUNCTION_WORDS`): a term's or target's own words, for :func:`_echoes`."""
    return frozenset(word for word in bare_words(text) if word and word not in FUNCTION_WORDS)


def _echoes(text: str, words: frozenset[str]) -> bool:
    """Whether the output word ``text`` is one of ``words`` (a term's and its target's own
    words): a word the model copied from the term ("Dawn") or wrote of the target ("Schwert")
    belongs to the term's rendering, whatever its attention leans to."""
    return text.strip().casefold() in words


def mutual_weights(attention: Sequence[Sequence[float]]) -> list[list[float]]:
    """``attention`` (``[output token][source token]``) with each weight multiplied by its
    share of its source token's column (the column divided by its sum over the output): high
    only where the output token attends to the source token *and* holds much of the
    attention that source token gets, as an alignment read both ways. Which source word an
    output word translates is read from these, not from its row alone: a row leans to the
    source tokens every output token attends to (a head noun such as "events" or "trash"), so
    "müssen" attended a little more to "events" than to "must" and was taken for the term's
    (and deleted), and "Ordner" more to "trash" than to "folder" and was kept beside
    "Verzeichnis"; of "must"'s attention "müssen" holds half, of "events"'s a sixth. A
    column no output token attends to stays zeros."""
    if not attention:
        return []
    totals = [sum(column) for column in zip(*attention, strict=True)]
    return [
        [w * w / total if total > 0 else 0.0 for w, total in zip(row, totals, strict=True)]
        for row in attention
    ]


def _translates_another(rows: Sequence[Sequence[float]], first: int, last: int) -> bool:
    """Whether the word whose tokens' :func:`mutual_weights` are ``rows`` aligns more with one
    source token outside the term's ``[first, last)`` (``</s>``, the last, left out) than with
    the term: it is the translation of that other word, and the model left the term out."""
    if not rows:
        return False
    totals = [sum(row[k] for row in rows) for k in range(len(rows[0]) - 1)]
    own = sum(totals[first:last])
    return any(total > own for k, total in enumerate(totals) if not first <= k < last)


def alignment(
    backbone: Backbone, sources: Sequence[Sequence[int]], outputs: Sequence[Sequence[int]]
) -> list[list[list[float]]]:
    """For outputs the torch decoder wrote (it returns no attention): how much each token of
    each ``outputs`` entry attends to each token of its ``sources`` entry (``[token][source]``),
    from the last decoder layer's cross-attention averaged over heads, in one teacher-forced
    pass. The weights are recomputed from that attention's inputs (caught by a hook), as the
    model's fused attention kernels do not return them."""
    import torch

    input_ids, mask = pad_token_ids(sources, backbone.pad_id, backbone.device)
    written = [[backbone.start_id, *ids[:-1]] for ids in outputs]
    decoder_ids, _ = pad_token_ids(written, backbone.pad_id, backbone.device)
    attention = backbone.model.get_decoder().layers[-1].encoder_attn
    caught: dict[str, torch.Tensor] = {}

    def catch(module: object, args: tuple[object, ...], kwargs: dict[str, object]) -> None:
        caught["hidden"] = kwargs.get("hidden_states", args[0] if args else None)  # type: ignore[assignment]
        caught["memory"] = kwargs["key_value_states"]  # type: ignore[assignment]

    hook = attention.register_forward_pre_hook(thread_bound(catch), with_kwargs=True)
    try:
        with torch.inference_mode():
            backbone.model.get_decoder()(
                input_ids=decoder_ids,
                encoder_hidden_states=backbone.encode(input_ids, mask),
                encoder_attention_mask=mask,
            )
            heads, size = attention.num_heads, attention.head_dim
            query = attention.q_proj(caught["hidden"]).unflatten(-1, (heads, size)).transpose(1, 2)
            key = attention.k_proj(caught["memory"]).unflatten(-1, (heads, size)).transpose(1, 2)
            scores = (query * attention.scaling) @ key.transpose(-1, -2)
            scores = scores.masked_fill(~mask.bool()[:, None, None, :], float("-inf"))
            weights = scores.softmax(dim=-1).mean(dim=1)  # (batch, target, source)
    finally:
        hook.remove()
    return [
        weights[n, : len(out), : len(src)].tolist()
        for n, (src, out) in enumerate(zip(sources, outputs))
    ]


def _word_around(
    ids: Sequence[int], position: int, pieces: Sequence[str], markup: Sequence[bool] = ()
) -> tuple[int, int]:
    """The token span of the word (a word-start piece and the pieces after it, punctuation at
    either end left out) at ``position``. With ``markup`` (per token: whether it writes a
    placeholder, tag or option), markup and the prose beside it are words apart: ``[b]Health``
    is ``[b]`` and ``Health``. Quote marks and brackets around a word are not the word's: a
    target placed over ``"Personal`` of ``"Personal Data"`` lost its opening quote."""

    def apart(before: int) -> bool:
        return bool(markup) and markup[before] != markup[before + 1]

    start = position
    while start > 0 and not pieces[ids[start]].startswith(_WORD_START) and not apart(start - 1):
        start -= 1
    end = position + 1
    while start < position and not any(c.isalnum() for c in pieces[ids[start]]):
        start += 1  # punctuation before the word stays: "|Personal, %s-|Datei
    while end < len(ids) and not pieces[ids[end]].startswith(_WORD_START) and not apart(end - 1):
        end += 1
    while end > position + 1 and not any(c.isalnum() for c in pieces[ids[end - 1]]):
        if _closes_bracket(_text(ids[start:end], pieces)):
            break  # the word's own bracket: "Receipt(s)" is one word, not "Receipt(s" and ")"
        end -= 1  # punctuation after the word ("Zeit.") stays
    return start, end


def _closes_bracket(word: str) -> bool:
    """Whether ``word`` ends in a closing bracket that closes one opened inside it after a
    letter (an optional ending: ``Receipt(s)``, ``Datei(en)``)."""
    inner = word.strip()
    return inner.endswith(")") and inner.find("(") > 0


def _word_start(ids: Sequence[int], position: int, pieces: Sequence[str]) -> int:
    """Where the word-start piece of the token at ``position`` is: the start of the word it
    belongs to as the output writes it, markup and all (``[b]Health``)."""
    while position > 0 and not pieces[ids[position]].startswith(_WORD_START):
        position -= 1
    return position

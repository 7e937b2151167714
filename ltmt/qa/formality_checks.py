"""qa's formality check: German translations that address the reader as "du" and as "Sie".

Unless asked (``ltmt translate --formality``, :mod:`ltmt.address_steering`, which steers only
lines that say "you", and not all of them to the form), ltmt does not choose the form of
address (the default model writes mostly "Sie", at times "du", now and then both in one
sentence: ``Nimm dir zehn Minuten und schreiben Sie Ihre Ziele auf``), so a reviewer finds
the lines in the form the brand does not use. Only the translation is read: English has no
such distinction, but for a selector's form whose source form is "she" or "they"
(:mod:`ltmt.qa.selector_pronouns`: ``{0:choose(1|2):Er|Sie}``). Verb forms are not read, but
an informal imperative's (below).

Informal: ``du``, ``dich``, ``dir``, ``dein`` (``deine``, ``deinem`` ...) and the plural's
``euch``, ``euer`` (``eure`` ...), in small letters or with a capital; not ``ihr``, which is
"her" and "their" as often. Formal: ``Sie``, ``Ihnen``, ``Ihr`` (``Ihre``, ``Ihrem`` ...)
with a capital where the sentence does not start (after a full stop, a colon, a line break or
an opening quote): there ``Sie`` is "they" as well and ``Ihr`` "her", so such a word counts
formal only beside another formal word of its sentence (``Sie können Ihr Passwort ändern``).
Nor in a title written in title case (``Die Neuen Funktionen Und Ihre Vorteile``), where a
capital says nothing. But where the source says "you" or "your", or the sentence says
``du``, a sentence's first ``Ihnen``, ``Ihre`` (``Ihrem`` ...) or ``Ihr`` before a noun is
formal (``Ihr Warenkorb ist leer.`` for ``Your cart is empty.``; ``Ihr {{planName}}-Plan``,
session 68), not the informal plural's ``Ihr habt``, nor an ``Ihr`` where the source says
"her" or "their" and not "your". ``sie`` and ``ihr`` in
small letters are never formal, and a word the source has too (``dir``, ``Dir::Cache``, the
``du`` command) is code copied, no pronoun.

Without a form asked for, an entry that uses both forms is a warning, an informal one that
starts a sentence with ``Sie`` a note (``Du brauchst keine Motivation mehr. Sie benötigen ein
System.``: formal, or "they"), and a file whose entries use both forms one note, on the file,
naming the entries of the form fewer entries use. With one (``ltmt qa --formality du``),
each entry of the other form is a warning, a sentence's first ``Sie`` formal where the source
says "you" and the entry no du (:func:`entry_address`); ``ltmt translate --formality``'s
summary counts the same entries (:func:`address_problem`). With ``--formality Sie``, a
command translated as an informal imperative is one too (:func:`informal_imperatives`: ``Setz
es hier zurück.``, ``Lass es zurücksetzen!`` for ``Reset it here.``), though it says no
pronoun; without one, such a command beside a formal word mixes the forms (``Nimm »Save« auf,
um Ihre Änderungen beizubehalten.``). With ``--formality du``, the informal plural (``euch``,
``euer``) is a note where the source does not speak to several (``you all``, ``everyone``, ``Hi
team,``): UI text speaks to one reader (:func:`_plural_to_one`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from ltmt.errors import ChoiceError
from ltmt.formats.placeholder_syntax import without_placeholders
from ltmt.qa.findings import Finding
from ltmt.qa.selector_pronouns import reader_for_third_person, third_person_written_small
from ltmt.wording import counted

if TYPE_CHECKING:
    from ltmt.segments import PairRecord

Form = Literal["informal", "formal"]
# what --formality takes, each form by its pronoun or its name
FORMS: dict[str, Form] = {
    "du": "informal",
    "informal": "informal",
    "sie": "formal",
    "formal": "formal",
}
PRONOUNS: dict[Form, str] = {"informal": "du", "formal": "Sie"}
NAMED = 3  # a file note names the first entries of the minority form, this many
# a position's file (``de.json: /cart/empty``, ``de.jsonl:3``), which a file's note leaves out
_FILE_PART = re.compile(r"^.*?\.[A-Za-z0-9]+(?:: |:(?=\d+$))")

# a word of its own, not a part of a name, an option or a path (``--dir``, ``$dir``, ``dir/``)
_EDGE_BEFORE = r"(?<![\w\-=_/.$%@])"
_EDGE_AFTER = r"(?![\w\-=_/])"
# each form's pronouns as written (the informal ones in small letters or with a capital; the
# formal ones with a capital alone: ``sie`` and ``ihr`` are "she", "they" and "her")
_DECLINED = ("", "e", "em", "en", "er", "es")
PRONOUN_WORDS: dict[Form, tuple[str, ...]] = {
    "informal": tuple(
        variant
        for word in (
            "du",
            "dich",
            "dir",
            *(f"dein{ending}" for ending in _DECLINED),
            "euch",
            "euer",
            *(f"eur{ending}" for ending in _DECLINED[1:]),
        )
        for variant in (word, word.capitalize())
    ),
    "formal": ("Sie", "Ihnen", *(f"Ihr{ending}" for ending in _DECLINED)),
}


def _any_of(words: Sequence[str]) -> re.Pattern[str]:
    """One of ``words`` as a word of its own (the longest first, so ``deine`` is not ``dein``)."""
    alternatives = "|".join(sorted(words, key=len, reverse=True))
    return re.compile(f"{_EDGE_BEFORE}(?:{alternatives}){_EDGE_AFTER}")


_INFORMAL = _any_of(PRONOUN_WORDS["informal"])
_FORMAL = _any_of(PRONOUN_WORDS["formal"])
# a sentence ends at a full stop, a question or exclamation mark, an ellipsis or a line break
_SENTENCE_END = re.compile(r"[.!?\u2026]+[\s\"'\u201c\u201d\u2019\u00ab\u00bb)]*\s|\n")
# what may stand between a sentence's start and its first word: spaces, opening quotes and
# brackets, a list's bullet or dash
_LEAD = (
    " \t\u00a0\"'\u201e\u201c\u201d\u201a\u2018\u2019\u00bb\u00ab\u203a\u2039([{*\u2022"
    "\u2013\u2014-"
)
# a sentence starts after these too (``Hinweis: Sie ...``)
_STARTS_AFTER = ".!?\u2026:;"
# words written small inside a German sentence: capitalised after its first word, they say
# the sentence is a title in title case
_TITLE_CASE = re.compile(
    r"(?<=\s)(?:Und|Oder|Der|Die|Das|Den|Dem|Des|Ein|Eine|Mit|Für|Von|Vom|Zu|Zum|Zur|Im|In"
    r"|Am|An|Auf|Aus|Bei|Nach|Ist|Sind)\b"
)

# a source that addresses the reader, and the words that start a sentence which are formal
# address where it does: possessives (``Ihr`` before a noun, not ``Ihr habt``) and ``Ihnen``
_ADDRESSED = re.compile(r"\byou(?:rs?|rself|rselves)?\b", re.IGNORECASE)
# (``Ihr {{planName}}-Plan``: a placeholder's compound, left out, before its noun)
_FORMAL_WHERE_ADDRESSED = re.compile(
    r"Ihnen|Ihre[mnrs]?|Ihr(?=\s+(?:-\s*)?[A-Z\u00c4\u00d6\u00dc])"
)
# a source that says "her" or "their": there a sentence's first ``Ihr`` may be theirs, unless
# it says "your" too
_HER_OR_THEIR = re.compile(r"\b(?:her|hers|their|theirs)\b", re.IGNORECASE)
_YOUR = re.compile(r"\byours?\b", re.IGNORECASE)

# a source that speaks to several readers, where the informal plural (``euch``) is right: words
# that address several wherever they stand, and a group named as the one spoken to (``Hi
# team,``, ``Hey folks``, ``Thanks, all!``, ``Team, ...``, ``..., friends!``); a group named
# elsewhere (``3 other people liked your post``) says nothing of who reads it
_GROUP = r"(?:team|folks|guys|all|everyone|everybody|friends|people|crew|squad|both)"
_SEVERAL = re.compile(
    r"\b(?:you all|y'all|all of you|you both|both of you|you two|you guys|you folks|you people"
    r"|everyone|everybody|folks|guys)\b"
    r"|\b(?:hi|hey|hello|dear|thanks|thank you|welcome|cheers|bye|good (?:morning|afternoon"
    rf"|evening|night))\b[\s,]+(?:(?:the|my|our)\s+)?{_GROUP}\b"
    rf"|^\W*{_GROUP}\s*,|,\s*(?:(?:the|my|our)\s+)?{_GROUP}\s*[.!?]*\s*$",
    re.IGNORECASE,
)

# what an unsure word that starts a sentence says where it is not formal address
_READINGS = {"Sie": "they", "Ihnen": "them"}


@dataclass(frozen=True)
class Address:
    """The forms of address of one translation: its ``informal`` words, its ``formal`` words,
    and its ``unsure`` ones (``Sie`` or ``Ihr`` starting a sentence with no other formal word:
    formal, or "they" and "her"), each as written, in order."""

    informal: tuple[str, ...] = ()
    formal: tuple[str, ...] = ()
    unsure: tuple[str, ...] = ()

    def uses(self, form: Form) -> tuple[str, ...]:
        return self.informal if form == "informal" else self.formal


def formality_form(value: str) -> Form:
    """The form ``--formality`` asks for: ``du`` or ``informal``, ``Sie`` or ``formal`` (in any
    case); else a :class:`ChoiceError` saying what to give."""
    form = FORMS.get(value.strip().casefold())
    if form is None:
        raise ChoiceError(f"--formality {value!r}: use du (informal) or Sie (formal)")
    return form


def addresses_reader(source: str) -> bool:
    """Whether ``source`` (English) says "you", "your", "yours" or "yourself": a translation
    addresses the reader there, and a capital ``Sie`` is the formal "you" rather than "they"."""
    return _ADDRESSED.search(source) is not None


def address_of(text: str, source: str = "") -> Address:
    """The forms of address ``text`` uses, outside its placeholders and leaving out the words
    ``source`` has as written: an option or a value copied (``dir``, ``Dir::Cache``, ``du -s``)
    is no pronoun, nor is a selector's form for the source's "she" or "they" (``{0:choose(1|2):
    Er|Sie}``: :func:`~ltmt.qa.selector_pronouns.third_person_written_small`)."""
    text = without_placeholders(third_person_written_small(text, source))
    copied = set(re.findall(r"\w+", source))
    informal = [found.group() for found in _INFORMAL.finditer(text) if found.group() not in copied]
    addressed = addresses_reader(source)
    # a source that says "her" or "their" and not "your": its first ``Ihr`` may be hers
    her_or_their = _HER_OR_THEIR.search(source) is not None and _YOUR.search(source) is None
    formal: list[str] = []
    unsure: list[str] = []
    for sentence in _sentences(text):
        title = _TITLE_CASE.search(sentence) is not None
        # a sentence that says du addresses the reader whatever its source says
        says_du = any(found.group() not in copied for found in _INFORMAL.finditer(sentence))
        words: list[tuple[str, bool]] = []  # each formal word, and whether it is ambiguous
        for found in _FORMAL.finditer(sentence):
            if found.group() in copied:
                continue
            readers = (
                (addressed or says_du)
                and _is_possessive(sentence, found)
                and not (her_or_their and found.group().startswith("Ihr"))
            )
            at_start = title or _starts_sentence(sentence[: found.start()])
            words.append((found.group(), at_start and not readers))
        if any(not ambiguous for _, ambiguous in words):
            formal += [word for word, _ in words]
        else:
            unsure += [word for word, _ in words]
    return Address(tuple(informal), tuple(formal), tuple(unsure))


def informal_imperatives(text: str, source: str) -> tuple[str, ...]:
    """The informal imperatives that start a sentence of ``text`` where ``source`` says a
    command (a sentence's first word an English command verb: ``Reset it here.``): a verb's stem
    (``Setz``, ``Prüf``, ``Lass``; German's table has ``setzen`` and ``setzt``) or the stem
    with ``e`` (``Setze``), not before ``Sie`` (``Setzen Sie``) nor a genitive (``Start der``).
    In l10n/train and dev's 57,396 references it finds 111 (session 67, by hand; most a
    program's first-person or imperative ``Zeige``, ``Erzwinge``); a UI command without an
    article (``Click Save``, :data:`_UI_COMMANDS`) and a strong verb's ``Lade`` (``lädt``) add
    about 20 in en-de's l10n and general references (the fixer's count, by hand), all
    du-imperatives but ``Lade Plugins beim Start`` (trial s76). A sentence that ends in an
    infinitive is the infinitive style (``Alle zurücksetzen.``, ``Hilfe anzeigen``): its first
    word is an object, no verb, but after ``Lass`` (``Lass es zurücksetzen!``)."""
    from ltmt.word_tables import command_verbs, target_words

    firsts = (re.match(r"\W*([A-Za-z]+)", sentence) for sentence in _sentences(source))
    verbs = command_verbs()
    commands = any(
        first and (first.group(1).lower() in verbs or first.group(1).lower() in _UI_COMMANDS)
        for first in firsts
    )
    german = target_words("de")
    if not commands or german is None:
        return ()
    found = []
    for sentence in _sentences(without_placeholders(text)):
        words = re.findall(r"[^\W\d_]+", sentence)
        if len(words) < 2 or len(words[0]) < 3 or not words[0][0].isupper():
            continue
        if words[1] in _NOT_AFTER_A_VERB:
            continue
        stem, with_e = words[0].lower(), words[0].endswith("e")
        stem = stem[:-1] if with_e else stem
        # a verb's stem: its infinitive and its third person (``setzen``, ``setzt``); not a
        # noun's plural (``Dateien``), a third person itself (``Zeigt``) nor a label's
        # ``Hinweis:``
        # (a strong verb's umlauted third person, ``lädt`` for ``Lade``, only with the ``e``:
        # without it a noun starts the sentence as often, ``Schlaf ist ...``, ``Anfang ...``)
        third = f"{stem}t" in german or (with_e and f"{_umlauted(stem)}t" in german)
        verb = f"{stem}en" in german and third
        verb = verb and not stem.endswith("n") and (with_e or not stem.endswith("t"))
        strong = words[0].lower() in _STRONG_IMPERATIVES
        verb = verb or strong
        verb = verb and not re.match(rf"\W*{re.escape(words[0])}\s*:", sentence)
        # the infinitive style's infinitive ends the first clause: an ``um ... zu`` clause's
        # after a comma does not (``Nimm »Save« auf, um Ihre Änderungen beizubehalten.``)
        clause = re.findall(r"[^\W\d_]+", sentence.split(",", 1)[0]) or words
        infinitive_style = _INFINITIVE_END.search(clause[-1]) is not None
        # (``Lass es zurücksetzen!``, ``Gib ihm einen Namen.``: a verb's, whatever ends them)
        infinitive_style = infinitive_style and stem not in _LASS and not strong
        if verb and stem not in _NOT_IMPERATIVES and not infinitive_style:
            found.append(words[0])
    return tuple(found)


# the commands of a UI that take no article after them (``Click Save``, ``Click on ...``,
# ``Press Enter``, ``Go to ...``), which the table of command verbs, read before an article,
# lacks (trial s76: ``Klick Save, um Ihre Änderungen zu speichern.`` passed)
# (not ``view``, whose German starts a caption as a noun: ``Blick auf einen Leuchtturm``)
_UI_COMMANDS = frozenset({"click", "press", "type", "go", "scroll", "upload"})
_UMLAUTS = {"a": "ä", "o": "ö", "u": "ü"}


def _umlauted(stem: str) -> str:
    """``stem`` with its last ``a``, ``o``, ``u`` or ``au`` umlauted, as a strong verb's third
    person changes it (``lad`` → ``läd`` of ``lädt``; ``lauf`` → ``läuf``)."""
    at = max(stem.rfind(vowel) for vowel in _UMLAUTS)
    if at < 0:
        return stem
    if stem[at] == "u" and stem[at - 1 : at] == "a":
        return f"{stem[: at - 1]}äu{stem[at + 1 :]}"
    return f"{stem[:at]}{_UMLAUTS[stem[at]]}{stem[at + 1 :]}"


# an infinitive's ending (``zurücksetzen``, ``ändern``, ``sammeln``), and the verb that takes
# one in its informal imperative (``Lass es zurücksetzen!``)
_INFINITIVE_END = re.compile(r"(?:en|ern|eln)$")
_LASS = frozenset({"lass", "lasse"})
# the word after a first word that says it is no informal imperative: the formal one's ``Sie``,
# a genitive's article (``Start der Synchronisierung``: a noun)
_NOT_AFTER_A_VERB = frozenset({"Sie", "der", "des"})
# first words whose infinitive-like form is no verb of a command (``Bitte warten``)
_NOT_IMPERATIVES = frozenset({"bitte", "alle", "keine", "eine", "diese", "jede", "neue"})
# the informal imperatives of strong verbs, whose stem changes (``Nimm`` of ``nehmen``, ``Gib``
# of ``geben``): no ``nimmen`` says the stem is a verb's
_STRONG_IMPERATIVES = frozenset(
    {
        "nimm",
        "gib",
        "vergib",
        "sieh",
        "lies",
        "hilf",
        "vergiss",
        "wirf",
        "sprich",
        "brich",
        "tritt",
        "triff",
        "empfiehl",
        "bewirb",
    }
)


def _is_possessive(sentence: str, found: re.Match[str]) -> bool:
    """Whether the formal word ``found`` in ``sentence`` is ``Ihnen`` or a possessive
    (:data:`_FORMAL_WHERE_ADDRESSED`), formal where the source says "you"."""
    match = _FORMAL_WHERE_ADDRESSED.match(sentence, found.start())
    return match is not None and match.end() == found.end()


def formality_findings(
    translated: Sequence[PairRecord], asked: Form | None = None
) -> list[Finding]:
    """The findings of the entries of ``translated`` (the ``n``-th entry checked is
    ``translated[n]``) whose translations address the reader in the form ``asked`` does not;
    without a form asked, those that use both, and of each file (a folder's, by the records'
    ``origin``) whose entries use both, one note (module docstring)."""
    addresses = [entry_address(record.target, record.source, asked) for record in translated]
    findings: list[Finding] = []
    for n, (record, address) in enumerate(zip(translated, addresses, strict=True)):
        if swapped := reader_for_third_person(record.target, record.source):
            message = (
                f"starts with '{swapped[0]}' where the source says '{swapped[1]}': she or they "
                "is 'sie' (no address of the reader); write the third person"
            )
            findings.append(Finding.about("formality", n, record, message))
        problem = _entry_problem(address, asked)
        if problem is not None:
            findings.append(Finding.about("formality", n, record, problem))
        elif asked != "formal" and address.informal and (word := _maybe_formal(address)):
            message = (
                f"uses informal address ({_words(address.informal)}) and starts a sentence "
                f"with '{word}', formal address or '{_READINGS[word]}': check that it is not "
                "formal"
            )
            findings.append(replace(Finding.about("formality", n, record, message), level="note"))
        elif asked == "informal" and (plural := _plural_to_one(address, record.source)):
            message = (
                f"uses the informal plural ({_words(plural)}) where --formality du addresses "
                "one reader: dich, dir, dein unless it speaks to several"
            )
            findings.append(replace(Finding.about("formality", n, record, message), level="note"))
    if asked is None:
        by_file: dict[str, list[int]] = {}
        for n, record in enumerate(translated):
            by_file.setdefault(record.origin, []).append(n)
        for entries in by_file.values():
            findings += _file_note(translated, addresses, entries)
    return findings


def entry_address(target: str, source: str, asked: Form | None = None) -> Address:
    """The forms of address of ``target`` (of ``source``) as the check judges them with
    ``asked`` the form asked for (:func:`address_of`): with Sie asked, an informal imperative
    says du without a pronoun (:func:`informal_imperatives`), and without a form asked, one
    beside formal words in an entry that says no du; with du asked, a sentence's first
    ``Sie`` where ``source`` says "you" and ``target`` says no du is formal (``Sie können das
    ändern.`` for ``You can change that.``), not "she" (``Sie hat dich eingeladen.``)."""
    address = address_of(target, source)
    if asked == "formal" and (imperatives := informal_imperatives(target, source)):
        address = replace(address, informal=address.informal + imperatives)
    # without a form asked, an informal imperative beside formal words mixes the forms in one
    # entry (``Nimm »Save« auf, um Ihre Änderungen beizubehalten.``, trial s74)
    mixed = asked is None and address.formal and not address.informal
    if mixed and (imperatives := informal_imperatives(target, source)):
        address = replace(address, informal=imperatives)
    if asked == "informal" and not address.informal and addresses_reader(source):
        sie = tuple(word for word in address.unsure if word in _READINGS)
        if sie:
            address = replace(address, formal=address.formal + sie)
    return address


def address_problem(target: str, source: str, asked: Form) -> str | None:
    """What the check says of ``target`` (of ``source``) where ``asked`` is the form asked for
    (``uses formal address (Sie) where --formality du asks for informal``); None where it
    says nothing. ``ltmt translate --formality``'s summary counts the lines it says it of
    (:func:`ltmt.address_steering.address_missed`)."""
    return _entry_problem(entry_address(target, source, asked), asked)


def _plural_to_one(address: Address, source: str) -> tuple[str, ...]:
    """The informal plural's words of ``address`` (``euch``, ``euer``, ``eure`` ...) where
    ``source`` does not say it speaks to several (``you all``, ``everyone``, ``you both``, ``Hi
    team,``: :data:`_SEVERAL`):
    English "you" is one reader as often, and UI text speaks to one (``%@ hat euch eine
    Nachricht gesendet`` for ``%@ sent you a message``). A note: the source may mean several."""
    if _SEVERAL.search(source):
        return ()
    return tuple(word for word in address.informal if word.lower().startswith("eu"))


def _maybe_formal(address: Address) -> str | None:
    """The first of ``address``'s unsure words that may be formal in an entry without formal
    words (``Sie``, ``Ihnen``; not ``Ihr``, the informal plural's too), else None."""
    if address.formal:
        return None
    return next((word for word in address.unsure if word in _READINGS), None)


def _entry_problem(address: Address, asked: Form | None) -> str | None:
    """What is wrong with one entry's ``address``: the form other than ``asked``, or without a
    form asked, both forms; None where nothing is."""
    if asked is None:
        if address.informal and address.formal:
            return (
                f"mixes informal address ({_words(address.informal)}) and formal "
                f"({_words(address.formal)}): use one form throughout"
            )
        return None
    other: Form = "formal" if asked == "informal" else "informal"
    if not address.uses(other):
        return None
    return (
        f"uses {other} address ({_words(address.uses(other))}) where --formality "
        f"{PRONOUNS[asked]} asks for {asked}"
    )


def _file_note(
    translated: Sequence[PairRecord], addresses: Sequence[Address], entries: Sequence[int]
) -> list[Finding]:
    """One file's note where one of its entries uses the informal form and another the formal,
    said on the file (no entry's), naming the entries of the form fewer use (on a tie, the form
    the file uses second)."""
    informal = [n for n in entries if addresses[n].informal]
    formal = [n for n in entries if addresses[n].formal]
    if not informal or not formal or set(informal) | set(formal) == set(informal) & set(formal):
        return []
    # an entry once, not once a plural form (trial s77: "entry 3, entry 3")
    informal_entries = len({translated[n].position or n for n in informal})
    formal_entries = len({translated[n].position or n for n in formal})
    # the fewer; on a tie, the form the file uses second
    fewer_informal = (informal_entries, formal[0]) < (formal_entries, informal[0])
    fewer, form = (informal, "informal") if fewer_informal else (formal, "formal")
    names = list(dict.fromkeys(_entry_name(translated[n].position) for n in fewer))
    named = ", ".join(names[:NAMED])
    more = " ..." if len(names) > NAMED else ""
    message = (
        f"the file addresses the reader informally in "
        f"{counted(informal_entries, 'entry', 'entries')} and formally in "
        f"{counted(formal_entries, 'entry', 'entries')} (the {form} ones: "
        f"{named}{more}): use one form (ltmt qa --formality du or --formality Sie flags each entry "
        "of the other)"
    )
    first = fewer[0]
    note = Finding.about("formality", first, translated[first], message)
    return [replace(note, position=_file_of(note.position), level="note", of_file=True)]


def _file_of(position: str) -> str:
    """The file an entry's ``position`` names (``de.json`` for ``de.json: /cart/empty``,
    ``de.jsonl`` for ``de.jsonl:3``), empty where it names none (``entry 1``)."""
    part = _FILE_PART.match(position)
    return part.group().rstrip(": ") if part else ""


def _entry_name(position: str) -> str:
    """An entry's ``position`` without its file, which the note's own line names already
    (``/cart/empty`` for ``de.json: /cart/empty``, ``line 3`` for ``de.jsonl:3``)."""
    name = _FILE_PART.sub("", position, count=1)
    return f"line {name}" if name.isdigit() else name or position


def _sentences(text: str) -> list[str]:
    """``text``'s sentences (:data:`_SENTENCE_END`), each with what ends it."""
    sentences, start = [], 0
    for end in _SENTENCE_END.finditer(text):
        sentences.append(text[start : end.end()])
        start = end.end()
    return [*sentences, text[start:]]


def _starts_sentence(before: str) -> bool:
    """Whether a word after ``before`` (its sentence's text before it) starts a sentence: only
    spaces, quotes, brackets or a bullet stand before it, or these after a colon or another
    sentence's end (:data:`_STARTS_AFTER`)."""
    kept = before.rstrip(_LEAD)
    return not kept.strip() or kept[-1] in _STARTS_AFTER


def _words(words: Sequence[str]) -> str:
    """``words`` each once, in order, comma-separated."""
    return ", ".join(dict.fromkeys(words))

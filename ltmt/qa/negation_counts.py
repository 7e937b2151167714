"""How many negations a source and its German translation say, for qa's negation check.

A translation that keeps one negation of two (``Do not administer without a physician.`` as
``Ohne einen Arzt verabreichen.``), or that says one twice in a clause (``Lassen Sie nicht vor
Ablauf nicht mehr verwenden.`` for one ``not``), says the opposite as surely as one that drops
its only negation (a medical IFU trial, session 75). The two sides are counted differently,
each so that a correct translation is not flagged:

- too few: the source's negating words and ``unless`` (:func:`said_in_english`) against every
  way German says a negation (:func:`said_in_german`: ``nicht``, ``ohne``, ``es sei denn``,
  an ``un``-word, ``fehlgeschlagen`` ...), where ``nur`` says two (``Do not install it unless
  you are sure`` is ``Nur installieren, wenn ...``), and so do the forms that say two with one
  (:mod:`ltmt.qa.negation_covers`: ``weder ... noch``, ``Nicht einfrieren oder schütteln``,
  ``Vorbehaltlich`` for ``Unless``);
- doubled: two of German's plain negating words in one clause (:func:`doubled_in_german`)
  where the source says one at most of what a translation may say with one
  (:func:`sayable_in_english`: ``unable``, ``failed``, ``missing``, ``unless``, an
  ``un``-word ...). A negation where the source says none is not counted: German's idioms
  say many (``Maybe later`` is ``Jetzt nicht``, ``Single use`` ``Nicht wiederverwenden``).

An ``un``-word of the translation says no negation where the source has one
(``unattended`` is ``unbeaufsichtigt``): each English ``un``-word takes one German one. So
does an exception or a concession (``except``, ``notwithstanding``, ``regardless``: no
negation) the German word that says it (``ausgenommen``, ``außer``, ``ungeachtet``,
``unbeschadet``, ``unabhängig``), which the counts read as one: ``Except as set out in
Section 4.2, the Provider shall not store ...`` as ``Ausgenommen ..., speichert der Anbieter
...`` lost its ``not`` (a legal trial, session 75).
"""

from __future__ import annotations

import re

from ltmt.qa.negation_covers import UNLESS, covered_in_german, unless_in_german

# ``nor`` goes on with a negation said before it (``neither ... nor`` is ``weder ... noch``)
_NOR = "nor"
# ``not enough``, which German says with the clause beside it (``Cannot decrypt, not enough
# space`` is ``Nicht genug Platz zum Entschlüsseln``, ``Zu wenig Speicher``)
_NOT_ENOUGH = re.compile(r"\bnot\s+(?:\w+\s+)?enough\b", re.IGNORECASE)
# an English word of ``un``- that negates (``unattended``, ``unavailable``), not ``under``,
# ``until``, ``unit``, ``union``, ``unique``, ``universal`` nor ``unless``
_ENGLISH_UN = re.compile(
    r"\bun(?!der|til|i(?:t|on|que|vers|form|code|f|x)|less\b|to\b)[a-z]{3,}", re.IGNORECASE
)
# a German word of ``un``- (as qa's check reads one: not ``und``, ``unter``, ``uns``,
# ``unser``, ``ungefähr``, ``unten``, nor, as in English, ``Union``, ``Universität``,
# ``Uniform``, ``Unikat``, ``Unix``, ``Unicode``: ``der Europäischen Union`` said the negation
# a legal trial's translation had lost, session 75)
GERMAN_UN = re.compile(
    r"\bun(?!d\b|ter|s\b|ser|gefähr|ten\b|i(?:on|vers|form|kat|x|code))\w{3,}", re.IGNORECASE
)
# German's unless (``es sei denn``, ``ausgenommen``), which the check's words lack
_GERMAN_UNLESS = re.compile(r"\bes\s+sei\s+denn\b|\bausgenommen\b", re.IGNORECASE)
# ``außer wenn``, ``außer falls``: unless (``außer`` alone says an exception)
_EXCEPT_IF = re.compile(r"\baußer\s+(?:wenn|falls|dass)\b", re.IGNORECASE)
# an exception or a concession, no negation (``except``, ``excepting``, ``with the exception
# of``, ``notwithstanding``, ``regardless``, ``irrespective``), and the German words that say
# one and that the counts read as a negation (``ausgenommen`` as an unless, ``außer``, an
# ``un``-word)
_ENGLISH_EXCEPTION = re.compile(
    r"\b(?:except(?:ing|ions?)?|notwithstanding|regardless|irrespective)\b", re.IGNORECASE
)
_GERMAN_EXCEPTION = re.compile(
    r"\b(?:ausgenommen|außer|ungeachtet|unbeschadet|unabhängig)\b", re.IGNORECASE
)
# ``nur`` says two English negations (``not ... unless``, ``not ... without``: only if, only
# with), and so does ``erst`` where the source says ``unless`` (``remain unnoticed unless`` is
# ``erst dann bemerkt, wenn``)
_ONLY = re.compile(r"\bnur\b", re.IGNORECASE)
_NOT_BEFORE = re.compile(r"\berst\b", re.IGNORECASE)
# German idioms with a plain negating word that say no negation of the source's (``nicht
# zuletzt``: last but not least, ``nicht nur``: not only, ``ohne Zweifel``: doubtless)
_GERMAN_IDIOM = re.compile(
    r"\bnicht\s+(?:zuletzt|nur|einmal|auszuschließen)\b"
    r"|\bohne\s+(?:Zweifel|Unterlass|Umschweife|weiteres)\b",
    re.IGNORECASE,
)
# German's plain negating words: what a doubled or an added negation is written with; not a
# compound's first part (``Nicht-Mitglieder``, ``nicht-negative``: ``non-``)
_GERMAN_PLAIN = re.compile(
    r"\b(?:nicht|nichts|nie|niemals|niemand\w*|nirgend\w*|kein\w*|weder|ohne)\b"
    r"(?![-\u2010\u2011])",
    re.IGNORECASE,
)
# what ends a clause or a list's item: punctuation, a dash, a conjunction (``und``, ``oder``,
# ``sondern``, ``noch``), a subordinate clause's start (``wenn``, ``dass``, ``weil``, ``ob``
# ...), a relative pronoun (``der``, ``die``, ``das``, ``welche`` after a comma is split by
# the comma); not a number's separator between two digits (``darf nicht über 20.000 je
# Anspruch nicht übersteigen`` is one clause: a legal trial, session 75)
_CLAUSE_BREAK = re.compile(
    r"(?<!\d)[,:.]|[,:.](?!\d)|[;!?()\[\]\u2013\u2014\n]|\s-+\s"
    r"|\b(?:und|oder|aber|sondern|noch|doch|wenn|falls"
    r"|sofern|solange|dass|weil|da|ob|obwohl|bevor|nachdem|bis|als|wie|damit|um)\b",
    re.IGNORECASE,
)
# English that a translation may say with a plain German negation, besides ``unless`` and an
# ``un``-word (l10n/train's references: ``out of memory`` is ``nicht genügend Speicher``,
# ``Size mismatch`` is ``Größe stimmt nicht überein``): a negating word (quoted too), a failure
# (``failed``, ``unable``, an error), an absence (``missing``, ``lacks``, ``out of``), a
# refusal, a prevention or an exception (``avoid``, ``except``, ``instead``, ``other than``),
# ``stop``, ``disable``, a negating prefix (``non-``, ``dis``-, ``in``-, ``mis``-) or suffix
# (``-less``, ``-free``), ``hardly``, ``too``, ``zero``, ``empty``, ``off``, a conflict, an
# omission, ``wrong``, ``down``, ``less``, ``still``, ``yet``, a difference; not ``only`` nor
# ``before`` (the trial's ``Use only with`` as ``Nicht mit``, ``Do not use before`` as ``nicht
# vor ... nicht mehr``)
_SAYABLE = re.compile(
    r"\b(?:not|no|never|cannot|without|none|nothing|nobody|nowhere|nor|\w+n['\u2019]t"
    r"|fail\w*|unable|missing|miss|lack\w*|absen\w*|refus\w*|reject\w*|deny|denie\w*"
    r"|prevent\w*|avoid\w*|except\w*|exclud\w*|instead|rather|stop\w*|disabl\w*|forbid\w*"
    r"|prohibit\w*|hardly|barely|rarely|seldom|neither|too|ignor\w*|non\w*|dis\w+"
    r"|in(?:a|co|de|di|ef|ex|fi|ju|se|su|va|vi)\w*|im[mp]\w*|ill\w*|irr\w*"
    r"|(?!unless\b)\w+less|\w+-free|free\s+of|zero|empty|nil|null|false|off|unknown"
    r"|keep\s+(?:away|off|out)|outside|beyond|out[\s-]+of|other\s+than|cant|dont|wont"
    r"|mis\w+|ambiguous|expired|conflict\w*|omit\w*|suppress\w*|drop\w*|wrong|bad|broken"
    r"|offline|down|busy|far\s+from"
    r"|difficult|hard|less|fewer|little|longer|still|yet|cease\w*|neglect\w*|error\w*"
    r"|differ\w*|exclusive\w*|deprecated|default\w*|malformed|dead|w/o)\b",
    re.IGNORECASE,
)


def said_in_english(words: list[str], source: str) -> int:
    """How many negations ``source`` says: its negating ``words`` (those qa's check reads,
    ``nor`` aside, and a ``not ... enough`` once at most: :data:`_NOT_ENOUGH`) and its
    ``unless``."""
    said = sum(word.lower() != _NOR for word in words) - len(_NOT_ENOUGH.findall(source))
    return max(said, min(len(words), 1)) + len(UNLESS.findall(source))


def said_in_german(found: list[str], target: str, source: str) -> int:
    """How many negations ``target`` says in any of German's ways: ``found``, the negating
    words qa's check reads in it, and ``es sei denn`` or ``ausgenommen``; a word that says an
    exception (:data:`_GERMAN_EXCEPTION`) only beyond the exceptions of ``source``
    (:data:`_ENGLISH_EXCEPTION`), an ``un``-word only beyond the ``un``-words of ``source``
    (:data:`_ENGLISH_UN`), ``nur`` as two, and ``erst`` as two where the source says
    ``unless``, and what German says of two negations with one
    (:func:`ltmt.qa.negation_covers.covered_in_german`: ``weder ... noch``, one ``nicht``
    before a list, ``vorbehaltlich`` for ``unless``)."""
    exceptions = _GERMAN_EXCEPTION.findall(target)
    excepted = min(len(exceptions), len(_ENGLISH_EXCEPTION.findall(source)))
    # the un-words that say an exception taken first (``ungeachtet`` for ``notwithstanding``)
    excepted_un = min(excepted, sum(GERMAN_UN.fullmatch(word) is not None for word in exceptions))
    un_words = sum(GERMAN_UN.fullmatch(word) is not None for word in found) - excepted_un
    taken = min(un_words, len(_ENGLISH_UN.findall(source)))
    said = len(found) - taken - excepted + len(_GERMAN_UNLESS.findall(target))
    if UNLESS.search(source):
        said += 2 * len(_NOT_BEFORE.findall(target))
    return said + len(_ONLY.findall(target)) + covered_in_german(target, source)


def plain_in_german(target: str) -> int:
    """How many of German's plain negating words (``nicht``, ``kein``, ``nie``, ``nichts``,
    ``ohne`` ...) ``target`` says, but in an idiom (:data:`_GERMAN_IDIOM`: ``nicht zuletzt``)."""
    return len(_GERMAN_PLAIN.findall(_GERMAN_IDIOM.sub(" ", target)))


def doubled_in_german(target: str) -> bool:
    """Whether a clause of ``target`` says two of German's plain negating words
    (``Lassen Sie nicht vor Ablauf nicht mehr verwenden``): no punctuation nor conjunction
    (:data:`_CLAUSE_BREAK`) between them, which a list (``kein X, kein Y``) or a second clause
    (``nicht, wenn ... nicht``) has."""
    return any(plain_in_german(clause) > 1 for clause in _CLAUSE_BREAK.split(target))


def sayable_in_english(source: str) -> int:
    """How many negations a translation of ``source`` may say: its negating words (every one,
    ``not only`` and a quoted ``"none"`` too), its ``unless``, its ``un``-words and the English
    words a translation may say with a negation (:data:`_SAYABLE`)."""
    prefixed = len(_ENGLISH_UN.findall(source))
    return len(UNLESS.findall(source)) + prefixed + len(_SAYABLE.findall(source))


def unless_said_in_german(target: str) -> bool:
    """Whether ``target`` says an unless in any of German's ways: ``es sei denn``,
    ``ausgenommen``, ``außer wenn``, ``nur``, ``erst``, ``vorbehaltlich``, ``bis zur``, a
    conditional with a negation in its clause (``sofern ... nicht``: :func:`ltmt.qa.
    negation_covers.unless_in_german`); not ``wenn`` alone, which turns the condition round,
    nor ``außer`` alone (``Die App wird außer dir ein Zeichen setzen.`` for ``The app won't
    start unless you sign in.``)."""
    said = _GERMAN_UNLESS.search(target) or _ONLY.search(target) or _NOT_BEFORE.search(target)
    return bool(said or _EXCEPT_IF.search(target)) or unless_in_german(target)

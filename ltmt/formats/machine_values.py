"""The values of a keyed file (JSON, YAML, properties, …) that a program reads and no person:
no text to translate, copied as written and never stored in a memory.

A Dialogflow agent keeps its messages beside ``"id": "c0ffee00-2222-4b3c-9d4e-000000000001"``,
``"defaultTimezone": "Europe/Berlin"`` and ``"name": "pizza-size"``; sent to the model, the id
loses a digit (``c0ffe00-…``) and the entity's name becomes ``Pizza-size``, which no intent
refers to. Whatever its key, a value is no text when it is

- a UUID (``c0ffee00-2222-4b3c-9d4e-000000000001``);
- a hex hash: 8 hex digits or more with a digit and a letter (``3f2a9c1b``, a commit's hash);
- a number written alone (``0``, ``30``, ``-1.5``);
- a time zone's name (``Europe/Berlin``, ``America/Argentina/Buenos_Aires``);
- a relative file path: a folder, then a file's name with an extension, no space
  (``i18n/i18n.properties``, ``./img/logo.png``; a UI5 manifest's ``bundleUrl`` came back
  ``i18n/i18n. Eigenschaften``);
- a MIME type (``image/jpeg``, ``application/ld+json``, ``text/html; charset=utf-8``: a
  Contentful asset's ``contentType`` and a Strapi file's ``mime`` came back ``Bild/jpeg``);
- an ISO 4217 currency code alone (``EUR`` became ``Euro``), not one that is an English word
  too (``ALL``, ``TOP``, ``TRY``);
- a robots directive (``index, follow``, ``noindex``, ``max-snippet:50``: a page's
  ``metaRobots`` became ``Index, folgen``), two of them or one no English word alone (``index``
  and ``none`` may be labels);
- a camelCase identifier: two lower-case letters or more, then words that start with a
  capital, no space (``landingPage``, ``blogPost``; not ``iPhone`` nor ``eBay``);

and under a key that names a thing by an identifier (``id``, ``name``, ``key``, ``type``,
``platform``, ``event``), a word or words joined by ``_`` or ``-`` without a space, in lower
case or in capitals (``pizza-size``, ``google``, ``WELCOME``). ``"name": "Order Pizza"`` and
``"name": "Settings"`` (a capital, then lower case: a label) stay text. So does a choice among
a component's looks under a key named for one (``variant``, ``theme``, ``layout``:
``primary``, ``dark``, ``two-column``, which a front end compares with its own), written in
lower case (``"theme": "Dark"`` is a label).

Under a key that names a record's identifier itself (:func:`is_identifier_key`: ``id``, ``key``,
``uuid``, ``guid``, in any case, and ``quest_id``, ``lineId``, ``speakerID``, ``node-uuid``),
so is a value of letters and digits joined by ``_``, ``.``, ``:`` or ``-`` with no space that
has a digit, a ``_`` or a ``:``, or a capital inside a word, or a slug (:func:`is_record_id`):
Yarn Spinner's line IDs (``line:0a1b2c``, ``line:elara_01``: trial s77, they became
``Zeile:0a1b2c`` and the game found no German line), ``0a1b2c``, ``MarketEnd``,
``market-start``; under ``Id``, ``KEY`` or ``UUID`` a word in lower case or in capitals too, as
under ``id``. A word written as text stays text there (``Hello``, ``Sign-in``, ``Node.js``), and
under a key that only ends so (a message file's ``tax_id``) a lone word and one in capitals
(``intro``, ``VAT-ID``) too.
"""

from __future__ import annotations

import re

_UUID = re.compile(r"\{?[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}\}?")
# 8 hex digits or more, a digit and a letter among them (not "deadbeef", a word, nor a number)
_HEX_HASH = re.compile(r"(?=[0-9a-fA-F]*[0-9])(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{8,}")
_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)*")
_TIME_ZONE = re.compile(
    r"(?:Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)"
    r"(?:/[A-Za-z0-9_+-]+){1,2}"
)
# a relative file path: ./ or ../ or a folder, then more, ending in a name with an extension
_RELATIVE_PATH = re.compile(r"(?:\.{1,2}/)*[\w@.-]+(?:/[\w@.-]+)*/[\w@-][\w@.-]*\.[A-Za-z]\w{0,11}")
# keys whose values name a thing for a program (an entity, a platform, an event)
ID_KEYS = frozenset({"id", "name", "key", "type", "platform", "event"})
# keys that name a record's identifier itself, read in any case (id, Key, UUID)
_IDENTIFIER_KEYS = frozenset({"id", "key", "uuid", "guid", "uid"})
# a key ending in one of them after "_" or "-" (quest_id, node-uuid), or after a word in
# camelCase (lineId, speakerID); not a word that ends so (paid, valid, VALID)
_IDENTIFIER_KEY_END = re.compile(
    r"(?:[_-](?:id|Id|ID|uuid|Uuid|UUID|guid|Guid|GUID)|[a-z0-9](?:Id|ID|Uuid|UUID|Guid|GUID))\Z"
)
# letters and digits joined by "_", ".", ":" or "-", no space (line:0a1b2c, quest_01, MarketEnd)
_JOINED_TOKENS = re.compile(r"[A-Za-z0-9]+(?:[_.:-][A-Za-z0-9]+)*")
# what tells an identifier from a word among them: a digit, "_" or ":", a capital inside a word
_IDENTIFIER_MARK = re.compile(r"[0-9_:]|[a-z][A-Z]")
# words in lower case joined by "-" (market-start)
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")
# keys whose values choose a component's look among the values its front end knows
CHOICE_KEYS = frozenset({"variant", "theme", "layout"})
_LOWER_NAME = re.compile(r"[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*")
_MIME_TYPE = re.compile(
    r"(?:application|audio|font|image|message|model|multipart|text|video)"
    r"/(?!(?:application|audio|font|image|message|model|multipart|text|video)\b)"
    r"(?:\*|[a-z0-9][a-z0-9.+-]*)(?: ?; ?[a-z-]+=[\w.-]+)*"
)
# ISO 4217's current codes, less those that are English words too (ALL, TOP, TRY, CUP, PEN)
_CURRENCIES = """AED AFN AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BRL BTN BWP BYN
    BZD CDF CHF CLP CNY CRC CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GHS GIP GMD
    GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW
    KWD KYD KZT LAK LBP LKR LRD LSL LYD MDL MGA MKD MMK MRU MUR MVR MWK MXN MYR MZN NGN NIO
    NOK NPR NZD OMR PAB PGK PHP PKR PLN PYG QAR RON RSD RWF SAR SBD SCR SDG SEK SGD SHP SLE
    SRD SSP STN SYP SZL THB TJS TMT TND TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF
    XCD XOF XPF YER ZAR ZMW ZWL"""
CURRENCY_CODES = frozenset(_CURRENCIES.split())
# a robots meta tag's directives (Google Search Central's robots meta tag reference)
_ROBOTS_WORD = (
    r"(?:all|none|index|follow|noindex|nofollow|noarchive|nocache|nosnippet|noimageindex"
    r"|notranslate|indexifembedded|max-snippet: ?-?\d+|max-video-preview: ?-?\d+"
    r"|max-image-preview: ?(?:none|standard|large))"
)
_ROBOTS = re.compile(
    rf"{_ROBOTS_WORD}(?: ?, ?{_ROBOTS_WORD})+|(?!all\b|none\b|index\b|follow\b){_ROBOTS_WORD}"
)
# two lower-case letters or more, then words that start with a capital (landingPage, macOS)
_CAMEL_CASE = re.compile(r"(?=[a-z]{2})[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+")
_NAME = re.compile(r"[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*|[A-Z][A-Z0-9]*(?:[_-][A-Z0-9]+)*")


def is_machine_value(text: str, key: str | int | None = None) -> bool:
    """Whether ``text`` (the value of ``key``, the name it is written under, if any) is a value
    a program reads: a UUID, a hex hash, a number, a time zone's name, a relative file path,
    or an identifier under one of :data:`ID_KEYS` (module docstring)."""
    value = text.strip()
    if any(
        form.fullmatch(value)
        for form in (
            _UUID,
            _HEX_HASH,
            _NUMBER,
            _TIME_ZONE,
            _RELATIVE_PATH,
            _MIME_TYPE,
            _ROBOTS,
            _CAMEL_CASE,
        )
    ):
        return True
    if value in CURRENCY_CODES:
        return True
    if key in CHOICE_KEYS:
        return _LOWER_NAME.fullmatch(value) is not None
    if isinstance(key, str) and is_identifier_key(key):
        named = key.lower() in _IDENTIFIER_KEYS and _NAME.fullmatch(value) is not None
        if named or is_record_id(value):
            return True
    return key in ID_KEYS and _NAME.fullmatch(value) is not None


def is_identifier_key(key: str) -> bool:
    """Whether ``key`` names a record's identifier itself: ``id``, ``key``, ``uuid``, ``guid``,
    ``uid`` in any case, or a key that ends in one (``quest_id``, ``lineId``, ``speakerID``,
    ``node-uuid``; not ``paid`` nor ``valid``)."""
    return key.lower() in _IDENTIFIER_KEYS or _IDENTIFIER_KEY_END.search(key) is not None


def is_record_id(value: str) -> bool:
    """Whether ``value``, under a key of :func:`is_identifier_key`, is an identifier: letters
    and digits joined by ``_``, ``.``, ``:`` or ``-`` with no space, with a digit, a ``_``, a
    ``:`` or a capital inside a word (``line:0a1b2c``, ``0a1b2c``, ``Elara_01``,
    ``MarketEnd``), or a slug (``market-start``); not a word written as text (``Hello``,
    ``Sign-in``, ``Node.js``), nor one alone or in capitals (``intro``, ``VAT-ID``), which
    only a key named ``id`` or ``key`` says is one."""
    if _JOINED_TOKENS.fullmatch(value) is None:
        return False
    return _SLUG.fullmatch(value) is not None or _IDENTIFIER_MARK.search(value) is not None

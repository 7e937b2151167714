"""German nouns whose plural takes an umlaut and -e (``Trank`` → ``Tränke``).

:func:`~ltmt.terminology.german_forms.plural_forms` prefers the forms that ltmt's German word
table knows, and that table has no part of speech: it knows ``tranken`` (the past of
``trinken``) and not ``Tränke``, so the plural of the glossary's ``Trank`` was written
``Tranken`` (``zwei Tranken``). The nouns below (common ones, game and everyday words among
them), and the compounds ending in one (``Heiltrank``, ``Kleiderschrank``), take the umlaut and
-e alone.
"""

from __future__ import annotations

# masculine nouns of one syllable with a plural in umlaut + -e, folded to lower case
_NOUNS = frozenset(
    {
        *("trank", "schrank", "gang", "zug", "baum", "raum", "traum", "stuhl", "topf", "kopf"),
        *("korb", "saft", "turm", "sturm", "schlag", "platz", "satz", "schatz", "stab", "fluss"),
        *("wurf", "kampf", "markt", "zahn", "sack", "hof", "sohn", "hals", "fuchs", "frosch"),
    }
)


def takes_umlaut_and_e(noun: str) -> bool:
    """Whether the German ``noun`` (one word) is one of the nouns above or a compound ending
    in one: its plural is its umlaut with -e."""
    return noun.casefold().endswith(tuple(_NOUNS))

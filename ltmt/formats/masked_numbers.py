"""A masked card or account number: a run of masking marks and the digits left visible after
it (``•••• 4242``, ``···· 4242``, ``**** 1234``, ``XXXX-XXXX-1234``). The model read the bullets
as words (``Card •••• 4242 was charged`` came out ``Card ärgerliches Pfarrenaaa mit 4242 ...``),
so the whole mask is a placeholder (:mod:`ltmt.formats.placeholder_syntax`), kept byte for byte
and flagged by qa's placeholder check where a translation loses it.
"""

from __future__ import annotations

# a run of one masking mark: bullets or middle dots, or three asterisks or capital X at least
# (one or two are an emphasis, a footnote, a roman ten)
_MASK = r"(?:\u2022{2,}|\u00b7{2,}|\*{3,}|X{3,})"
# masks split by a space or a hyphen (``•••• •••• •••• 4242``), then the visible digits; not
# an emphasis's (``***2024***``). The split is no option: a run of marks with no digits
# after it (``XXXXXXXXXXXXXXXXXXXXXXXXX``) took time exponential in its length, cut every
# way into runs of three or more
MASKED_NUMBER = rf"(?<![\w*\u2022\u00b7]){_MASK}(?:[ \u00a0-]{_MASK})*[ \u00a0-]?\d{{2,}}(?![\d*])"

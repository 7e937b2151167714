"""Outputs the decoder stopped at its length limit instead of the model ending them.

A decode ends a sentence at the model's end-of-sentence token or at the length limit for its
source (:meth:`ltmt.model.decode.DecodeConfig.length_limit`: 1.5 times its tokens + 10, at most
256). An output that ran to the limit is cut short, most often in a loop that says its last
words again and again (git's 121-token ``git tag`` usage line: 191 tokens of ``[--commied
<mit>] [--compatmied <mit>] ...``, ending mid-bracket); such a segment is flagged
(``Translation.unfinished``, and ``cut``), never passed off as a translation.

The final output of a piece is judged, whichever decode made it (plain, fused, a guard's or a
retry's): its model tokens, counted again by the model's tokenizer, reach the limit within
``LIMIT_MARGIN``. Counted again, an output the limit stopped can come out a token or two
shorter than decoded: of 399 sources of the git and vim memories decoded to a limit of half
their tokens with the default model, 393 counted again at the limit, 5 one token below, 1
three below; decoded as usual, none of their 400 outputs that ended came within 4 tokens of
their limit (most 10-20 below).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ltmt.model.decode import DecodeConfig
    from ltmt.translator import Translator

# how many tokens below its limit an output counted again is still taken to have reached it
LIMIT_MARGIN = 2


def unfinished_outputs(
    translator: Translator, sources: Sequence[Sequence[int]], outputs: Sequence[str]
) -> list[bool]:
    """For each of ``outputs``, whether it reached the decoder's length limit for the source
    beside it (``sources``: the model's token ids, ``</s>`` last, as
    :meth:`~ltmt.translator.Translator.encode` gives them)."""
    counted = translator.output_ids(list(outputs))
    config = translator.decode_config
    return [
        bool(output.strip()) and reached_limit(config, len(source), len(ids))
        for source, output, ids in zip(sources, outputs, counted, strict=True)
    ]


def reached_limit(config: DecodeConfig, source_tokens: int, output_tokens: int) -> bool:
    """Whether an output of ``output_tokens`` tokens reached ``config``'s length limit for a
    source of ``source_tokens`` tokens (``</s>`` counted), within :data:`LIMIT_MARGIN`: the
    decoder stopped it there, the model did not end it."""
    return output_tokens >= config.length_limit(source_tokens) - LIMIT_MARGIN

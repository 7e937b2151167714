"""transformers' ``generate`` as the reference our decoder must agree with, token for token."""

from __future__ import annotations

from typing import Any


def generate_tokens(backbone: Any, batch: Any, beams: int, max_new_tokens: int) -> list[list[int]]:
    """Plain greedy/beam ``generate`` (no forced EOS, pad banned, ``early_stopping=False``),
    returned like :func:`ltmt.model.decode.decode`: ids per sentence, no start/pad/</s>.
    A backbone on ltmt's own Marian modules is compared with transformers' model of its weights."""
    model = backbone.model
    if backbone.native:
        from ltmt.model.backbone import load_backbone

        model = load_backbone(backbone.path, native=False).model.to(next(model.parameters()).dtype)
    generated = model.generate(
        **batch,
        num_beams=beams,
        do_sample=False,
        early_stopping=False,
        length_penalty=1.0,
        max_new_tokens=max_new_tokens,
        max_length=None,
        forced_eos_token_id=None,
        bad_words_ids=[[backbone.pad_id]],
    )
    out = []
    for row in generated[:, 1:].tolist():
        tokens = [t for t in row if t != backbone.pad_id]
        if tokens and tokens[-1] == backbone.eos_id:
            tokens = tokens[:-1]
        out.append(tokens)
    return out

"""How likely the model finds a translation: the teacher-forced log-probability of its tokens.

:func:`log_probs` is the torch path's counterpart of CTranslate2's ``score_batch``
(:meth:`ltmt.model.ctranslate.FastDecoder.score`): each output's tokens and ``</s>`` read in
one pass after the decoder start, given its source, their log-probabilities summed, ``<pad>``
out of the softmax as CTranslate2 leaves it. The engine's
:meth:`ltmt.model.engine.Decoder.score` picks one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ltmt.model.batching import pad_token_ids

if TYPE_CHECKING:
    from ltmt.model.backbone import Backbone


def log_probs(
    backbone: Backbone, sources: Sequence[Sequence[int]], outputs: Sequence[Sequence[int]]
) -> list[float]:
    """The log-probability ``backbone`` gives each of ``outputs`` (token ids, no specials) as
    the translation of the source beside it in ``sources`` (token ids, ``</s>`` last),
    ``</s>`` included."""
    import torch

    if not outputs:
        return []
    model = backbone.model
    input_ids, mask = pad_token_ids(sources, backbone.pad_id, backbone.device)
    targets = [[*ids, backbone.eos_id] for ids in outputs]
    decoder_ids, _ = pad_token_ids(
        [[backbone.start_id, *ids[:-1]] for ids in targets], backbone.pad_id, backbone.device
    )
    with torch.inference_mode():
        hidden = model.get_decoder()(
            input_ids=decoder_ids,
            encoder_hidden_states=backbone.encode(input_ids, mask),
            encoder_attention_mask=mask,
            use_cache=False,
        ).last_hidden_state
        logits = (model.lm_head(hidden) + model.final_logits_bias).float()
        logits[..., backbone.pad_id] = -float("inf")  # never written: out of the softmax
        scores = torch.log_softmax(logits, dim=-1)
    return [
        float(scores[n, torch.arange(len(ids)), torch.tensor(ids)].sum())
        for n, ids in enumerate(targets)
    ]

"""The encoder of fused batches run by CTranslate2: torch's float32 states, in less time.

Fusion (kNN, the trained combiner) reads the decoder's states at every step, which CTranslate2
does not expose, so fused batches step in torch. Their encoder is a plain function of the
tokens, though, and it runs twice per batch: over the batch's sources, and over the source of
every memory match the fusion force-decodes (:func:`ltmt.fusion.datastore.encode_sources`). On
an AVX2 CPU that encoding was about a third of a cold knn-trained pass (session 21's profile,
``eval/results/speed/s21/profile-knn-trained-cold-avx2.json``), and CTranslate2's float32
encoder gave the same states (within 1e-5) in two thirds of torch's time
(``eval/results/speed/s21/ct2-encoder-trial-avx2.json``).

:class:`FastEncoder` converts the encoder from the weights in memory
(:func:`ltmt.model.ctranslate_spec.encoder_spec`, at the first fused batch; nothing is cached
on disk, so a changed model can never be met by a stale copy) and encodes
right-padded token-id batches with ``ctranslate2.Encoder``. Only float32 weights are converted:
bfloat16 or int8 encoders would give other states than the ones the fusion was measured with.
"""

from __future__ import annotations

import tempfile
from typing import TYPE_CHECKING, Any

from ltmt.errors import ModelError

if TYPE_CHECKING:
    import torch

    from ltmt.model.backbone import Backbone

# Translator(fusion_encoder=...): CTranslate2 where it can (auto), required, or never
FUSION_ENCODERS = ("auto", "ctranslate2", "torch")
# the fused weights whose encoder runs float32 (ltmt.model.backbone's variants)
_FLOAT32_ENCODERS = ("", "int8-head")


def refusal(backbone: Backbone) -> str:
    """Why the fused batches of ``backbone`` (fused weights, as
    :func:`ltmt.model.backbone.fusion_weights_for` gives them) cannot encode through
    CTranslate2 ("" when they can)."""
    from ltmt.model import ctranslate

    if not ctranslate.available():
        return "it needs the ctranslate2 package (pip install ctranslate2)"
    if backbone.device_type != "cpu":
        return f"it runs on the CPU, not {backbone.device_type}"
    if backbone.variant not in _FLOAT32_ENCODERS:
        return (
            f"it encodes with float32 weights, and the fused batches run {backbone.weights_label}"
        )
    return ""


class FastEncoder:
    """A float32 Marian ``model``'s encoder (ltmt's own modules or ``MarianMTModel``) run by
    CTranslate2 on the CPU: ``threads`` intra-op threads per batch (0: torch's count), ``workers``
    batches at once (``inter_threads``).

    Raises :class:`ModelError` when the model cannot be converted (weights other than float32,
    an activation CTranslate2 does not compute, another layout).
    """

    def __init__(self, model: Any, config: Any, threads: int = 0, workers: int = 1) -> None:
        import ctranslate2

        from ltmt.model.ctranslate import keeping_torch_threads
        from ltmt.model.ctranslate_spec import encoder_spec
        from ltmt.workers import limit_malloc_arenas

        weights = _encoder_weights(model)
        try:
            spec = encoder_spec(config, weights)
            spec.validate()
        except KeyError as exc:
            raise ModelError(f"the encoder cannot run in CTranslate2: no weight {exc}") from exc
        except (AttributeError, ValueError) as exc:
            raise ModelError(f"the encoder cannot run in CTranslate2: {exc}") from exc
        # float32 only reads the arrays; CTranslate2's int8 quantisation would write into them,
        # which the read-only views turn into an error rather than changed model weights
        spec.optimize(quantization="float32")
        with tempfile.TemporaryDirectory(prefix="ltmt-encoder-") as folder:
            spec.save(folder)
            del spec, weights
            # CTranslate2 encodes on threads of its own: with an arena each, glibc would keep
            # their buffers apart from the decoder's (knn-trained's peak RSS on the default
            # model: 767 MB, 721 with one arena; eval/results/speed/s22/)
            limit_malloc_arenas()
            with keeping_torch_threads() as torch_threads:
                self.encoder = ctranslate2.Encoder(
                    folder,
                    device="cpu",
                    compute_type="float32",
                    intra_threads=threads or torch_threads,
                    inter_threads=workers,
                )

    def __call__(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        """The last encoder states ``(batch, width, d_model)`` of a right-padded batch, as
        ``model.get_encoder()(...).last_hidden_state`` gives them for its tokens (the padding's
        rows, which attention masks out, are zeros here)."""
        import ctranslate2
        import numpy as np
        import torch

        lengths = attention_mask.sum(dim=1).to(torch.int32)
        ids = input_ids.to(torch.int32).contiguous()
        output = self.encoder.forward_batch(
            ctranslate2.StorageView.from_array(ids.numpy()),
            ctranslate2.StorageView.from_array(lengths.numpy()),
        )
        # a view of CTranslate2's output (masked_fill below makes the tensor returned)
        states = torch.from_numpy(np.asarray(output.last_hidden_state))
        width = input_ids.size(1)
        if states.size(1) < width:  # a batch padded past its longest row
            states = torch.nn.functional.pad(states, (0, 0, 0, width - states.size(1)))
        return states.masked_fill(~attention_mask.bool().unsqueeze(-1), 0.0)


def _encoder_weights(model: Any) -> dict[str, Any]:
    """The encoder's weights (and the shared embedding) as numpy arrays, by their
    ``MarianMTModel`` names: read-only views of the model's tensors; a :class:`ModelError`
    unless every one is a float32 tensor on the CPU."""
    import torch

    weights: dict[str, Any] = {}
    for name, tensor in model.state_dict().items():
        if not name.startswith(("model.encoder.", "model.shared.")):
            continue
        if tensor.dtype != torch.float32 or tensor.device.type != "cpu":
            raise ModelError(
                f"the encoder runs in CTranslate2 from float32 weights on the CPU; {name} is "
                f"{str(tensor.dtype).removeprefix('torch.')} on {tensor.device.type}"
            )
        array = tensor.detach().numpy().view()
        array.flags.writeable = False
        weights[name] = array
    return weights

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
right-padded token-id batches with ``ctranslate2.Encoder``. Float32 fused weights get a float32
encoder: the same states as torch's. bfloat16 ones keep torch's encoder (a CTranslate2 one would
give other states than the ones the fusion was measured with).

The **int8** fused weights (:func:`ltmt.model.backbone.quantized_int8`) encode with torch's int8
layers unless CTranslate2 is asked for by name (``Translator(fusion_encoder="ctranslate2")``,
``--fusion-encoder ctranslate2`` of ``ltmt translate`` and ``ltmt bench``; session 26): then
with CTranslate2's own **int8** encoder, converted from the float32 weights they were made from
(:func:`origin_encoder_weights`: the checkpoint on disk read with numpy, or the loaded float32
model). On the matches' sources of an AVX2 CPU it took 1.05 s where torch's int8 encoder took
1.62 s and CTranslate2's float32 one 1.55 s, its states 4.2 % from float32's against 2.9 % for
torch's row-scaled int8 (``eval/results/speed/s26/ct2-encoder-trial-avx2.json``); passes took
1-19 % less CPU time and the dev users' BLEU fell by 0.19 (knn) and 0.15 (knn-trained), in every
band below 100 but one (``docs/results/speed.md``, session 26), so ``auto`` leaves it off. Its
states are not torch's int8 ones, so the key of each state on disk says which encoder made it
(:attr:`ltmt.model.backbone.Backbone.states_fingerprint`): the two never mix.
"""

from __future__ import annotations

import tempfile
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from ltmt.errors import ModelError

if TYPE_CHECKING:
    import torch

    from ltmt.model.backbone import Backbone

# Translator(fusion_encoder=...): CTranslate2 where it can (auto), required, or never
FUSION_ENCODERS = ("auto", "ctranslate2", "torch")
# the CTranslate2 encoder of each fused weights' variant (ltmt.model.backbone's) that has one:
# float32 weights (alone or with an int8 output projection) a float32 encoder, int8 ones int8
ENCODER_COMPUTE = {"": "float32", "int8-head": "float32", "int8": "int8"}
# the variants whose CTranslate2 encoder runs only when asked for by name (fusion_encoder
# "ctranslate2"), not by ``auto``: its states are not torch's, and cost BLEU (module doc)
ASKED_FOR_ONLY = ("int8",)


def encoder_compute(backbone: Backbone) -> str:
    """The compute type of the CTranslate2 encoder of ``backbone``'s weights
    (:data:`ENCODER_COMPUTE`; ``float32`` for weights without one, which :func:`refusal`
    turns away)."""
    return ENCODER_COMPUTE.get(backbone.variant, "float32")


def fast_encoder_for(backbone: Backbone, threads: int, workers: int) -> FastEncoder:
    """The CTranslate2 encoder of ``backbone``'s fused weights: a float32 one of float32
    weights, an int8 one converted from the float32 origin of int8 weights
    (:func:`origin_encoder_weights`); :class:`ModelError` when it cannot be converted."""
    compute_type = encoder_compute(backbone)
    if compute_type == "float32":
        return FastEncoder(backbone.model, backbone.config, threads, workers)
    weights = origin_encoder_weights(backbone)
    return FastEncoder(
        None, backbone.config, threads, workers, compute_type=compute_type, weights=weights
    )


def refusal(backbone: Backbone, asked: bool = False) -> str:
    """Why the fused batches of ``backbone`` (fused weights, as
    :func:`ltmt.model.backbone.fusion_weights_for` gives them) do not encode through
    CTranslate2 ("" when they do); ``asked``: CTranslate2 was asked for by name."""
    from ltmt.model import ctranslate

    if backbone.variant in ASKED_FOR_ONLY and not asked:
        return "int8 weights encode with torch unless CTranslate2's int8 encoder is asked for"
    if not ctranslate.available():
        return "it needs the ctranslate2 package (pip install ctranslate2)"
    if backbone.device_type != "cpu":
        return f"it runs on the CPU, not {backbone.device_type}"
    if backbone.variant not in ENCODER_COMPUTE:
        return (
            "it encodes with float32 or int8 weights, and the fused batches run "
            f"{backbone.weights_label}"
        )
    return ""


class FastEncoder:
    """A float32 Marian ``model``'s encoder (ltmt's own modules or ``MarianMTModel``) run by
    CTranslate2 on the CPU: ``threads`` CPU threads per batch (0: torch's count), ``workers``
    batches at once, in ``compute_type`` (``float32``, or ``int8``: CTranslate2 quantises the
    weights). As the fast path's decoder (:class:`ltmt.model.ctranslate.FastDecoder`, which says
    why), CTranslate2 runs one thread per worker, ``threads * workers`` of them, and a batch is
    encoded in ``threads`` parts at once. ``weights``: the encoder's float32 weights as numpy
    arrays by their ``MarianMTModel`` names, instead of ``model``'s (then ``None``).

    Raises :class:`ModelError` when the model cannot be converted (weights other than float32,
    an activation CTranslate2 does not compute, another layout).
    """

    def __init__(
        self,
        model: Any,
        config: Any,
        threads: int = 0,
        workers: int = 1,
        *,
        compute_type: str = "float32",
        weights: dict[str, Any] | None = None,
    ) -> None:
        import ctranslate2

        from ltmt.model.ctranslate import keeping_torch_threads, thread_parts
        from ltmt.model.ctranslate_spec import encoder_spec
        from ltmt.workers import limit_malloc_arenas

        self.compute_type = compute_type
        if weights is None:
            weights = _encoder_weights(model)
            if compute_type != "float32":  # quantising writes into them: not the model's
                weights = {name: array.copy() for name, array in weights.items()}
        try:
            spec = encoder_spec(config, weights)
            spec.validate()
        except KeyError as exc:
            raise ModelError(f"the encoder cannot run in CTranslate2: no weight {exc}") from exc
        except (AttributeError, ValueError) as exc:
            raise ModelError(f"the encoder cannot run in CTranslate2: {exc}") from exc
        # float32 only reads the arrays; CTranslate2's int8 quantisation writes into them, which
        # the model's read-only views would turn into an error rather than changed weights
        spec.optimize(quantization=compute_type)
        with tempfile.TemporaryDirectory(prefix="ltmt-encoder-") as folder:
            spec.save(folder)
            del spec, weights
            # CTranslate2 encodes on threads of its own: with an arena each, glibc would keep
            # their buffers apart from the decoder's (knn-trained's peak RSS on the default
            # model: 767 MB, 721 with one arena; eval/results/speed/s22/)
            limit_malloc_arenas()
            with keeping_torch_threads() as torch_threads:
                self.parts = thread_parts(threads, torch_threads)
                self.encoder = ctranslate2.Encoder(
                    folder,
                    device="cpu",
                    compute_type=compute_type,
                    intra_threads=1,
                    inter_threads=workers * self.parts,
                )
        # the threads that hand a batch's parts to CTranslate2 at once (its calls release the
        # interpreter's lock)
        self._parts_pool = (
            ThreadPoolExecutor(self.parts, thread_name_prefix="ltmt-encoder")
            if self.parts > 1
            else None
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
        width = input_ids.size(1)

        def encode(rows: slice) -> tuple[torch.Tensor, Any]:
            """The states of ``rows``, padded to the batch's ``width`` (a view of CTranslate2's
            output while it is unpadded: the output, returned beside it, holds its storage)."""
            output = self.encoder.forward_batch(
                ctranslate2.StorageView.from_array(ids[rows].numpy()),
                ctranslate2.StorageView.from_array(lengths[rows].numpy()),
            )
            states = torch.from_numpy(np.asarray(output.last_hidden_state))
            if states.size(1) < width:  # rows padded past their longest
                states = torch.nn.functional.pad(states, (0, 0, 0, width - states.size(1)))
            return states, output

        count = input_ids.size(0)
        size = max(1, -(-count // self.parts))
        parts = [slice(start, start + size) for start in range(0, count, size)]
        if self._parts_pool is None or len(parts) <= 1:
            encoded = [encode(slice(0, count))]
        else:
            encoded = list(self._parts_pool.map(encode, parts))
        states = encoded[0][0] if len(encoded) == 1 else torch.cat([s for s, _ in encoded])
        return states.masked_fill(~attention_mask.bool().unsqueeze(-1), 0.0)


def origin_encoder_weights(backbone: Backbone) -> dict[str, Any]:
    """The float32 encoder weights (and the shared embedding) that ``backbone``'s converted
    weights were made from, as writable numpy arrays by their ``MarianMTModel`` names: the
    checkpoint on disk read with numpy where ltmt converts it so
    (:func:`ltmt.model.ctranslate_spec.covered_checkpoint`) and the float32 model is not loaded,
    else the loaded (or now loading) float32 model's."""
    import numpy as np

    from ltmt.model.ctranslate_spec import covered_checkpoint, read_checkpoint

    origin = backbone.origin if backbone.origin is not None else backbone
    files = None
    if not origin.loaded and origin.path is not None:
        files = covered_checkpoint(origin.path)
    if files is None:
        return {name: array.copy() for name, array in _encoder_weights(origin.model).items()}
    assert origin.path is not None
    checkpoint = read_checkpoint(origin.path, files)
    return {  # np.array copies (once, also where a float16 checkpoint is widened)
        name: np.array(array, dtype=np.float32)
        for name, array in checkpoint.weights.items()
        if name.startswith(("model.encoder.", "model.shared."))
    }


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

"""The CTranslate2 fast path: plain decoding (no fusion) through a converted copy of the model.

ltmt converts the model itself and keeps the result in a cache directory, one folder per model
fingerprint, quantisation and CTranslate2 version: a changed model (new weights, new mtime) or a
new CTranslate2 misses and is converted again. The conversion runs in a child process, so the
translating process never imports the torch model code for it. A local checkpoint in OPUS-MT's
layout converts with numpy alone (:mod:`ltmt.model.ctranslate_spec`: the same ``model.bin`` as
the standard converter, without torch or transformers in the child); anything else with
CTranslate2's standard converter (``ctranslate2.converters.TransformersConverter``, what
``ct2-transformers-converter`` runs). Both make one change to the standard spec: the alignment
attention the fast path returns averages every head of the last layer
(:func:`aligned_by_all_heads`), as the glossary's placement reads it for torch outputs.

The standard converter assumes the OPUS-MT convention that the decoder starts from an all-zero
embedding (it drops the ``<pad>`` row and sets ``start_from_zero_embedding``). A model whose
start-token embedding is not zero would decode differently there, so it is refused (ltmt decodes
it with torch instead); the shipped default model has a zero start row (see its model card).

Search differences: CTranslate2's beam search stops when ``beam · patience`` hypotheses are
finished, ours (transformers' ``early_stopping=False`` rule) when no live one can still win, and
its length limit is per batch, not per sentence; greedy float32 decoding gives the same tokens.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from hashlib import sha1
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ltmt.errors import ChoiceError, ModelError
from ltmt.paths import ENV_CACHE, default_cache_dir, private_folder

if TYPE_CHECKING:
    from ltmt.model.backbone import Backbone
    from ltmt.model.ctranslate_spec import CheckpointFiles
    from ltmt.model.decode import DecodeConfig

logger = logging.getLogger(__name__)

COMPUTE_TYPES = ("int8", "float32")
_MARKER = "ltmt_conversion.json"
ALIGNMENT_HEADS = 0  # CTranslate2: average every head of the alignment layer (the last)


def available() -> bool:
    """Whether the ``ctranslate2`` package is installed."""
    import importlib.util

    return importlib.util.find_spec("ctranslate2") is not None


class UnwritableCache(ModelError):
    """The conversion cache cannot be written, so the model is not converted: a setting to
    fix (``LTMT_CACHE_DIR``), not a model CTranslate2 cannot run."""


def converted_dir(backbone: Backbone, compute_type: str, cache_dir: Path | None = None) -> Path:
    """Where the conversion of ``backbone`` at ``compute_type`` lives (it may not exist yet)."""
    import ctranslate2

    key = sha1(
        f"{backbone.weights_fingerprint}|{compute_type}|{ctranslate2.__version__}"
        f"|alignment_heads={ALIGNMENT_HEADS}".encode()
    )
    root = cache_dir if cache_dir is not None else default_cache_dir()
    return root / "ctranslate2" / f"{key.hexdigest()[:16]}-{compute_type}"


def convert(backbone: Backbone, compute_type: str, cache_dir: Path | None = None) -> Path:
    """The cached CTranslate2 copy of ``backbone`` (converted now if missing).

    Raises :class:`ModelError` when the model cannot be converted faithfully (not a local
    directory, or a start-token embedding the standard converter would replace by zeros).
    """
    if compute_type not in COMPUTE_TYPES:
        raise ChoiceError(
            f"compute type must be one of {', '.join(COMPUTE_TYPES)}, got {compute_type!r}"
        )
    if backbone.path is None:
        raise ModelError(f"model {backbone.name}: only a local model directory can be converted")
    target = converted_dir(backbone, compute_type, cache_dir)
    marker = target / _MARKER
    if not marker.is_file():
        try:
            private_folder(target.parent)  # the cache folder's others are private: so is this
            work = Path(tempfile.mkdtemp(prefix=".converting-", dir=target.parent))
        except OSError as exc:
            raise UnwritableCache(
                f"cannot write the model conversion cache {target.parent} ({exc.strerror}); "
                f"set {ENV_CACHE} to a writable folder"
            ) from exc
        try:
            _convert_in_child(backbone.path, work / "model", compute_type)
            if target.exists():  # converted meanwhile by another process
                shutil.rmtree(work, ignore_errors=True)
            else:
                os.replace(work / "model", target)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    record = json.loads(marker.read_text(encoding="utf-8"))
    if not record["faithful"]:
        raise ModelError(f"model {backbone.name}: {record['reason']}")
    return target


def _convert_in_child(source: Path, output: Path, compute_type: str) -> None:
    command = [
        sys.executable,
        "-m",
        "ltmt.model.ctranslate",
        str(source),
        str(output),
        compute_type,
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise ModelError(f"converting {source} to CTranslate2 failed: {last}")


def _convert_here(
    source: Path, output: Path, compute_type: str, covered: CheckpointFiles | None
) -> None:
    """Check the start embedding, convert (numpy where :mod:`ltmt.model.ctranslate_spec` covers
    the checkpoint: ``covered``, what ``covered_checkpoint`` read of it; else the standard
    converter), record the outcome."""
    import ctranslate2

    from ltmt.model import ctranslate_spec

    if covered is not None:
        checkpoint = ctranslate_spec.read_checkpoint(source, covered)
        config = checkpoint.config
        reason = _refusal(
            config.decoder_start_token_id, config.pad_token_id, checkpoint.start_embedding_norm()
        )
        converter = "ltmt.model.ctranslate_spec (numpy; the standard converter's spec)"
        if not reason:
            spec = ctranslate_spec.marian_spec(checkpoint)
            del checkpoint
            aligned_by_all_heads(spec)
            spec.validate()
            spec.optimize(quantization=compute_type)
            output.mkdir(parents=True)
            spec.save(str(output))
    else:
        reason = _standard_conversion(source, output, compute_type)
        converter = "ctranslate2.converters.TransformersConverter (standard)"
    if reason:
        output.mkdir(parents=True)
    record = {
        "source": str(source),
        "compute_type": compute_type,
        "ctranslate2": ctranslate2.__version__,
        "faithful": not reason,
        "reason": reason,
        "converter": converter,
    }
    (output / _MARKER).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")


def _standard_conversion(source: Path, output: Path, compute_type: str) -> str:
    """Convert with ``TransformersConverter`` into ``output``; the refusal's reason instead
    (nothing written) when the start embedding rules it out."""
    import ctranslate2
    import torch
    from transformers import MarianMTModel

    model = MarianMTModel.from_pretrained(str(source), local_files_only=True)
    start = model.get_decoder().embed_tokens.weight[model.config.decoder_start_token_id]
    norm = float(torch.linalg.vector_norm(start.detach().float()))
    reason = _refusal(model.config.decoder_start_token_id, model.config.pad_token_id, norm)
    del model
    if not reason:

        class AllHeadsConverter(ctranslate2.converters.TransformersConverter):
            def _load(self) -> Any:  # the spec ``convert`` saves
                return aligned_by_all_heads(super()._load())

        AllHeadsConverter(str(source)).convert(str(output), quantization=compute_type, force=True)
    return reason


def aligned_by_all_heads(spec: Any) -> Any:
    """``spec`` (a ``TransformerSpec``), its alignment attention (what ``return_attention``
    gives, :meth:`FastDecoder.decode_aligned`) made the average of every head of the last
    decoder layer, as :func:`ltmt.terminology.placement.alignment` reads it for torch outputs;
    the converters' default, the first head alone, misplaces glossary terms."""
    import numpy as np

    spec.decoder.alignment_heads = np.dtype("int16").type(ALIGNMENT_HEADS)
    return spec


def _refusal(start_id: int | None, pad_id: int | None, start_norm: float) -> str:
    """Why the standard converter would change the model's decoding ("" when it would not)."""
    if start_id != pad_id:
        return "the decoder does not start from <pad>, which the standard converter assumes"
    if start_norm > 0:
        return (
            f"its start (<pad>) embedding has norm {start_norm:.3g}, but CTranslate2's converter "
            "starts the decoder from zeros: zero that row (and fine-tune) to use the fast path"
        )
    return ""


@contextmanager
def keeping_torch_threads() -> Iterator[int]:
    """Around the loading of a CTranslate2 model: yields torch's intra-op thread count (0 when
    torch is not loaded), the default for CTranslate2's, and puts it back afterwards (loading
    may set the process's OpenMP thread count)."""
    torch = sys.modules.get("torch")
    torch_threads = torch.get_num_threads() if torch is not None else 0
    try:
        yield torch_threads
    finally:
        if torch is not None:
            torch.set_num_threads(torch_threads)


def thread_parts(threads: int, torch_threads: int) -> int:
    """The parts a CTranslate2 call's batch is split into, one per CPU thread the call may use
    (see :class:`FastDecoder`): ``threads``, else torch's intra-op count (``torch_threads``,
    0 when torch is not loaded), else the CPUs available."""
    from ltmt.workers import available_cpus

    return threads or torch_threads or available_cpus()


class FastDecoder:
    """Decode token-id batches with a CTranslate2 ``Translator`` (no fusion hook).

    ``threads``: the CPU threads one :meth:`decode` call uses (0: torch's intra-op count when
    torch is loaded, else the CPUs available); ``workers``: the calls that may run side by side.

    CTranslate2 runs **one thread per worker** (``intra_threads=1``, ``threads * workers`` of
    them) and each call splits its batch into ``threads`` parts of sentences of similar length,
    decoded at once. CTranslate2's parallel regions run on its worker threads through the
    process's one OpenMP runtime (its calls bind to torch's libgomp, loaded first). A worker
    whose regions span several threads gets an OpenMP thread pool of its own, and once libgomp
    manages more threads than there are CPUs it stops letting idle threads spin (100 turns
    instead of about 3 ms, libgomp's ``GOMP_SPINCOUNT``) in every pool: from then on each of
    torch's multi-threaded operations in the fused batches waited for its threads to wake (a
    decoder layer's int8 products at 16 rows on 2 threads took 1.05 ms instead of 0.56 once a
    CTranslate2 translator on 2 intra-op threads had decoded a batch in the process:
    ``eval/results/speed/s37/openmp-pools.json``; ``docs/results/speed.md``, session 37).
    One thread per worker opens no pool.
    """

    def __init__(
        self,
        backbone: Backbone,
        compute_type: str = "int8",
        threads: int = 0,
        cache_dir: Path | None = None,
        workers: int = 1,
    ) -> None:
        import ctranslate2

        self.backbone = backbone
        self.compute_type = compute_type
        self.model_dir = convert(backbone, compute_type, cache_dir)
        device = "cuda" if backbone.device_type == "cuda" else "cpu"
        with keeping_torch_threads() as torch_threads:
            # the parts a call's batch is split into: one per thread it may use (a GPU: one)
            self.parts = 1 if device == "cuda" else thread_parts(threads, torch_threads)
            self.translator = ctranslate2.Translator(
                str(self.model_dir),
                device=device,
                compute_type=compute_type,
                intra_threads=1,
                inter_threads=workers * self.parts,
            )

    def _part_size(self, count: int) -> int:
        """CTranslate2's ``max_batch_size`` for a call of ``count`` sentences: ``count`` split
        into :attr:`parts` (CTranslate2 sorts them by length first); 0 (whole) for one part."""
        return 0 if self.parts <= 1 else max(1, -(-count // self.parts))

    def decode(self, batch: Sequence[Sequence[int]], config: DecodeConfig) -> list[list[int]]:
        """Token ids per sentence (no specials), like :func:`ltmt.model.decode.decode`."""
        return self.decode_aligned(batch, config, attention=False)[0]

    def decode_aligned(
        self, batch: Sequence[Sequence[int]], config: DecodeConfig, attention: bool = True
    ) -> tuple[list[list[int]], list[list[list[float]]]]:
        """:meth:`decode`, and with ``attention`` each output token's attention over the source
        tokens (CTranslate2's alignment attention, ``[token][source]``; empty without)."""
        tokenizer = self.backbone.tokenizer
        sources = [tokenizer.convert_ids_to_tokens(list(ids)) for ids in batch]
        # the torch loop's per-sentence length limits: CTranslate2 takes one per batch, so each
        # output is cut to its own (a greedy output then equals the torch one token for token)
        limits = [config.length_limit(len(ids)) for ids in batch]
        results = self.translator.translate_batch(
            sources,
            beam_size=config.beam,
            length_penalty=config.length_penalty,
            max_decoding_length=max(limits),
            max_batch_size=self._part_size(len(sources)),
            return_attention=attention,
        )
        output: list[list[int]] = []
        weights: list[list[list[float]]] = []
        for result, limit in zip(results, limits):
            ids: list[int] = tokenizer.convert_tokens_to_ids(result.hypotheses[0])
            output.append(ids[:limit])
            if attention:
                weights.append([list(row) for row in result.attention[0][:limit]])
        if attention and config.beam > 1 and len(sources) > 1:
            for rows, first in zip(weights, self._first_step_attention(sources)):
                if rows:
                    rows[0] = first
        return output, weights

    def _first_step_attention(self, sources: list[list[str]]) -> list[list[float]]:
        """Each source's attention at the first output token, from a one-step greedy decode.

        CTranslate2 (4.8) gives every line of a beam-searched batch the first step's attention
        row of one line (the first step runs before the batch is expanded to the beam, and its
        attention is then gathered as if it had been); the rows after it are right. The first
        step's attention depends only on the start token, not on the token chosen, so a greedy
        step gives each line its own."""
        results = self.translator.translate_batch(
            sources,
            beam_size=1,
            max_decoding_length=1,
            max_batch_size=self._part_size(len(sources)),
            return_attention=True,
        )
        return [list(result.attention[0][0]) for result in results]

    def score(
        self, sources: Sequence[Sequence[int]], outputs: Sequence[Sequence[int]]
    ) -> list[float]:
        """The log-probability the model gives each of ``outputs`` (token ids, no specials) as
        the translation of the source beside it in ``sources`` (token ids), ``</s>`` included."""
        tokenizer = self.backbone.tokenizer
        results = self.translator.score_batch(
            [tokenizer.convert_ids_to_tokens(list(ids)) for ids in sources],
            [tokenizer.convert_ids_to_tokens(list(ids)) for ids in outputs],
            max_batch_size=self._part_size(len(sources)),
        )
        return [float(sum(result.log_probs)) for result in results]


def main(argv: Sequence[str] | None = None) -> None:
    """``python -m ltmt.model.ctranslate SOURCE OUTPUT COMPUTE_TYPE`` (used by :func:`convert`)."""
    from ltmt.model import ctranslate_spec

    args = list(sys.argv[1:] if argv is None else argv)
    source = Path(args[0])
    covered = ctranslate_spec.covered_checkpoint(source)
    if covered is not None:
        # ctranslate2.specs imports torch when it can (about 200 MB); the numpy conversion
        # needs none of it, so this process, which only converts, keeps it out
        sys.modules.setdefault("torch", None)  # type: ignore[arg-type]
    _convert_here(source, Path(args[1]), args[2], covered)


if __name__ == "__main__":
    main()

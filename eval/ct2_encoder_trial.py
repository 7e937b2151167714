"""How fast ways of encoding the matches' sources are, against ltmt's torch encoder (the script
takes no lock: run it under ``flock -x /tmp/ltmt-cpu.lock``).

Cold kNN fusion spends about a tenth of its time (knn-trained about a fifth) encoding the
sources of the matches it force-decodes (``eval/profile_knn.py``). This collects the
(source, target) pairs one cold pass of ``bench_speed``'s engine force-decodes, converts the
model's encoder alone into a CTranslate2 encoder model (``TransformerEncoderModelSpec`` over the
encoder half of :func:`ltmt.model.ctranslate_spec.marian_spec`), and encodes every pair's source
with: ltmt's torch encoder in float32, in bfloat16 where the CPU has it, in the weights fused
batches run on by default where those differ (int8 linear layers on a CPU with VNNI and no
AMX: :func:`ltmt.model.backbone.fusion_weights_for`; before session 41 the trial left them
out), with its int8 encoder layers (``--fusion-weights float32-int8-encoder-head``), ltmt's
CTranslate2 encoder (:mod:`ltmt.model.fast_encoder`, through the same batching), and
CTranslate2 in int8 and float32 (fed token strings), each in length-sorted batches of 64, 2 threads,
after a warm-up batch. It reports each one's seconds (best of ``--rounds``) and how far its states
lie from torch float32 (largest absolute difference, mean relative norm):

    python eval/ct2_encoder_trial.py --engine ltmt-knn-trained --output \\
        eval/results/speed/ct2-encoder-trial.json
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path
from typing import Any

from support import DEV_USERS_DIR, emit_report, use_this_checkout

BATCH = 64


def encoder_model(folder: Path, quantization: str) -> Path:
    """The default model's encoder as a CTranslate2 encoder model in ``folder``."""
    from ctranslate2.specs import transformer_spec

    from ltmt.model.backbone import DEFAULT_MODEL_DIR
    from ltmt.model.ctranslate_spec import covered_checkpoint, marian_spec, read_checkpoint

    files = covered_checkpoint(DEFAULT_MODEL_DIR)
    assert files is not None, "the default model converts with numpy"
    checkpoint = read_checkpoint(DEFAULT_MODEL_DIR, files)
    full = marian_spec(checkpoint)
    spec = transformer_spec.TransformerEncoderModelSpec(full.encoder)
    # the translator model's vocabulary (``_set_vocabulary_and_config``): ids in order, cut to
    # the model's size, a last <pad> dropped with its embedding row
    tokens = sorted(checkpoint.vocab, key=checkpoint.vocab.__getitem__)
    tokens = tokens[: checkpoint.config.vocab_size]
    spec.register_vocabulary(tokens[:-1] if tokens[-1] == "<pad>" else tokens)
    spec.validate()
    spec.optimize(quantization=quantization)
    output = folder / quantization
    output.mkdir(parents=True)
    spec.save(str(output))
    return output


def ctranslate_encode(model: Path, compute_type: str, pieces: list[list[str]]) -> list[Any]:
    import ctranslate2
    import numpy as np
    import torch

    encoder = ctranslate2.Encoder(str(model), compute_type=compute_type, intra_threads=2)
    encoder.forward_batch(pieces[:BATCH])  # warm-up
    order = sorted(range(len(pieces)), key=lambda i: len(pieces[i]))
    states: list[Any] = [None] * len(pieces)
    for start in range(0, len(order), BATCH):
        chunk = order[start : start + BATCH]
        output = encoder.forward_batch([pieces[i] for i in chunk])
        hidden = np.array(output.last_hidden_state)
        for row, i in enumerate(chunk):
            states[i] = torch.from_numpy(hidden[row, : len(pieces[i])].copy())
    return states


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engine", default="ltmt-knn-trained", help="a bench_speed engine")
    parser.add_argument("--limit", type=int, default=100, help="test segments per user")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    use_this_checkout()
    import bench_speed
    import profile_knn
    import torch

    from ltmt.fusion.datastore import encode_sources
    from ltmt.model.backbone import fusion_weights_for, int8_head_weights, load_backbone

    torch.set_num_threads(2)
    options = argparse.Namespace(model=None, beam=4, batch_size=32, threads=2, limit=args.limit)
    segments = bench_speed.select_segments(DEV_USERS_DIR, args.limit)
    translate, _ = bench_speed.build_engine(args.engine, options, DEV_USERS_DIR)
    translate.forget()  # type: ignore[attr-defined]
    pairs = profile_knn._forced_pairs(translate, segments)
    backbone = load_backbone(None)
    fused = fusion_weights_for(backbone, False, None)  # bfloat16 where the CPU has it
    default = fusion_weights_for(backbone, None, None)  # what fused batches run on here
    tokenizer = backbone.tokenizer
    ids = tokenizer([s for s, _ in pairs], truncation=True, max_length=256)["input_ids"]
    pieces = [tokenizer.convert_ids_to_tokens(row) for row in ids]

    def timed(encode: Any) -> tuple[float, list[Any]]:
        best, states = float("inf"), []
        for _ in range(args.rounds):
            start = time.perf_counter()
            states = encode()
            best = min(best, time.perf_counter() - start)
        return best, states

    runs: dict[str, tuple[float, list[Any]]] = {}
    with torch.inference_mode():
        encoders = [("torch float32", backbone), (f"torch {fused.variant}", fused)]
        if default.variant != fused.variant:  # since session 41: int8 layers on VNNI CPUs
            encoders.append((f"torch {default.variant} (the fused batches' default)", default))
        # ltmt's own int8 encoder (--fusion-weights float32-int8-encoder-head, session 21)
        encoders.append(("torch int8-encoder", int8_head_weights(backbone, int8_encoder=True)))
        # the product's CTranslate2 encoder (ltmt.model.fast_encoder, session 22): what fused
        # batches encode with where their weights' encoder is float32
        product = load_backbone(None)
        product.use_fast_encoder(2, 1, required=True)
        encoders.append(("ltmt fast encoder", product))
        for name, model in encoders:
            encode_sources(model, ids[:BATCH], BATCH)  # warm-up
            runs[name] = timed(lambda m=model: encode_sources(m, ids, BATCH))  # type: ignore[misc]
    with tempfile.TemporaryDirectory() as folder:
        for quantization in ("int8", "float32"):
            model = encoder_model(Path(folder), quantization)
            runs[f"ctranslate2 {quantization}"] = timed(
                lambda m=model, q=quantization: ctranslate_encode(m, q, pieces)  # type: ignore[misc]
            )
    reference = runs["torch float32"][1]
    report: dict[str, Any] = {
        "engine": args.engine,
        "pairs": len(pairs),
        "source_tokens": sum(len(row) for row in ids),
        "rounds": args.rounds,
        "encoders": {},
    }
    for name, (seconds, states) in runs.items():
        differences = [(a.float() - b.float()) for a, b in zip(states, reference, strict=True)]
        report["encoders"][name] = {
            "seconds": round(seconds, 3),
            "max_abs_difference": round(max(float(d.abs().max()) for d in differences), 4),
            "mean_relative_difference": round(
                sum(float(d.norm() / b.float().norm()) for d, b in zip(differences, reference))
                / len(reference),
                5,
            ),
        }
    emit_report(report, args.output)


if __name__ == "__main__":
    main()

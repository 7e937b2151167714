"""ONNX Runtime against torch for one decoding step of the default model (a trial, not built).

Fused batches (kNN, the trained layer) need the decoder's states, so they decode in torch
(``ltmt/model/incremental.py``) while everything without fusion runs in CTranslate2. This asks
whether ONNX Runtime, another compiled engine that returns any tensor of its graph, would run
that step faster: the default model's decoder step with its output projection and
log-softmax, exported from torch (self-attention over ``--past`` cached positions,
cross-attention over ``--source`` positions, the final states and the new keys and values as
outputs), run in ONNX Runtime on float32 weights and on ``quantize_dynamic``'s int8 weights
(one scale per output channel; activations quantised per call), against ltmt's own step on
float32 and on its int8 copy (``quantized_int8``: row-scaled inputs on CPUs without VNNI).
Times are per step at ``--rows`` rows (32 sentences x beam 4 = 128), the median of rounds that
take the engines in turn (forward, then backward); inputs are random (the products' cost does
not depend on their values). Agreement: greedy decoding of ``--sentences`` dev test sources
with each engine's step, outputs identical to torch float32's.

onnxruntime is not an ltmt dependency; run it from a virtual environment that adds it:

    python -m venv --system-site-packages /tmp/ortenv
    /tmp/ortenv/bin/pip install onnxruntime==1.32.0 onnx onnxscript
    flock -x /tmp/ltmt-cpu.lock /tmp/ortenv/bin/python eval/onnxruntime_step_trial.py \\
        --output eval/results/speed/s28/onnxruntime-step-avx2.json
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from support import DEFAULT_MODEL, DEV_USERS_DIR, emit_report, use_this_checkout

use_this_checkout()

NAMES = ["hidden", "past_k", "past_v", "cross_k", "cross_v", "cross_bias"]


def step_module(model: Any) -> Any:
    """The decoder step as a module of plain tensors (exportable): ``hidden (rows, d)`` (the
    embedded token at its position), ``past_k/past_v (layers, rows, heads, t, head_dim)``,
    ``cross_k (layers, rows, heads, head_dim, src)``, ``cross_v (layers, rows, heads, src,
    head_dim)``, ``cross_bias (rows, 1, 1, src)`` → final states, log-probabilities, this
    position's keys and values ``(layers, rows, heads, 1, head_dim)``."""
    import torch
    from torch.nn.functional import layer_norm

    decoder = model.get_decoder()
    first = decoder.layers[0].self_attn
    heads, head_dim = first.num_heads, first.head_dim
    width = heads * head_dim

    def norm(module: Any, states: Any) -> Any:
        return layer_norm(states, (width,), module.weight, module.bias, module.eps)

    class Step(torch.nn.Module):
        def forward(self, hidden, past_k, past_v, cross_k, cross_v, cross_bias):  # type: ignore[no-untyped-def]
            rows = hidden.shape[0]
            states = hidden[:, None, :]
            new_keys, new_values = [], []
            for index, layer in enumerate(decoder.layers):
                own = layer.self_attn

                def split(projected: Any) -> Any:
                    return projected.view(rows, 1, heads, head_dim).transpose(1, 2)

                query, key, value = (
                    split(own.q_proj(states)),
                    split(own.k_proj(states)),
                    split(own.v_proj(states)),
                )
                new_keys.append(key)
                new_values.append(value)
                keys = torch.cat([past_k[index], key], dim=2)
                values = torch.cat([past_v[index], value], dim=2)
                weights = torch.softmax((query * own.scaling) @ keys.transpose(2, 3), dim=-1)
                mixed = (weights @ values).transpose(1, 2).reshape(rows, 1, width)
                states = norm(layer.self_attn_layer_norm, states + own.out_proj(mixed))
                cross = layer.encoder_attn
                query = split(cross.q_proj(states)) * cross.scaling
                weights = torch.softmax(query @ cross_k[index] + cross_bias, dim=-1)
                mixed = (weights @ cross_v[index]).transpose(1, 2).reshape(rows, 1, width)
                states = norm(layer.encoder_attn_layer_norm, states + cross.out_proj(mixed))
                feed = layer.fc2(layer.activation_fn(layer.fc1(states)))
                states = norm(layer.final_layer_norm, states + feed)
            final = states[:, 0]
            logits = model.lm_head(final) + model.final_logits_bias[0]
            return (
                final,
                torch.log_softmax(logits, dim=-1),
                torch.stack(new_keys),
                torch.stack(new_values),
            )

    return Step().eval()


def cross_inputs(model: Any, encoded: Any, mask: Any) -> tuple[Any, Any, Any]:
    """``cross_k``, ``cross_v`` and ``cross_bias`` of encoder states ``(rows, src, d)``."""
    import torch

    decoder = model.get_decoder()
    rows, length, _ = encoded.shape
    heads = decoder.layers[0].encoder_attn.num_heads
    head_dim = encoded.shape[-1] // heads
    keys, values = [], []
    for layer in decoder.layers:
        attention = layer.encoder_attn
        keys.append(
            attention.k_proj(encoded).view(rows, length, heads, head_dim).permute(0, 2, 3, 1)
        )
        values.append(attention.v_proj(encoded).view(rows, length, heads, head_dim).transpose(1, 2))
    bias = torch.zeros(rows, 1, 1, length).masked_fill(
        ~mask.bool()[:, None, None, :], float("-inf")
    )
    return torch.stack(keys).contiguous(), torch.stack(values).contiguous(), bias


def export(model: Any, folder: Path) -> tuple[Path, Path]:
    """The step exported to ONNX (float32) and its ``quantize_dynamic`` int8 copy."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    decoder = model.get_decoder()
    layers, d = len(decoder.layers), model.config.d_model
    heads = decoder.layers[0].self_attn.num_heads
    rows, past, src, head_dim = 4, 3, 5, d // heads
    example = (
        torch.randn(rows, d),
        torch.randn(layers, rows, heads, past, head_dim),
        torch.randn(layers, rows, heads, past, head_dim),
        torch.randn(layers, rows, heads, head_dim, src),
        torch.randn(layers, rows, heads, src, head_dim),
        torch.zeros(rows, 1, 1, src),
    )
    axes = {
        "hidden": {0: "rows"},
        "past_k": {1: "rows", 3: "past"},
        "past_v": {1: "rows", 3: "past"},
        "cross_k": {1: "rows", 4: "source"},
        "cross_v": {1: "rows", 3: "source"},
        "cross_bias": {0: "rows", 3: "source"},
    }
    plain, int8 = folder / "step.onnx", folder / "step-int8.onnx"
    torch.onnx.export(
        step_module(model),
        example,
        str(plain),
        input_names=NAMES,
        output_names=["states", "log_probs", "keys", "values"],
        dynamic_axes=axes,
        opset_version=17,
        dynamo=False,
    )
    quantize_dynamic(str(plain), str(int8), weight_type=QuantType.QInt8, per_channel=True)
    return plain, int8


def ort_session(path: Path, threads: int) -> Any:
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads, options.inter_op_num_threads = threads, 1
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
    return onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def embedded(model: Any, tokens: Any, position: int) -> Any:
    decoder = model.get_decoder()
    scale = float(decoder.embed_scale)
    return decoder.embed_tokens(tokens) * scale + decoder.embed_positions.weight[position]


def torch_stepper(model: Any, encoded: Any, mask: Any) -> Callable[[Any], Any]:
    """ltmt's own step (``IncrementalDecoder``, one row per sentence) + projection."""
    import torch

    from ltmt.model.incremental import IncrementalDecoder

    decoder = IncrementalDecoder(model, encoded, mask, 1, capacity=64)

    def step(tokens: Any) -> Any:
        final = decoder.step(tokens)
        return torch.log_softmax(model.lm_head(final) + model.final_logits_bias[0], dim=-1)

    return step


def ort_stepper(session: Any, model: Any, encoded: Any, mask: Any) -> Callable[[Any], Any]:
    import numpy as np
    import torch

    cross_k, cross_v, bias = (t.numpy() for t in cross_inputs(model, encoded, mask))
    decoder = model.get_decoder()
    layers, heads = len(decoder.layers), decoder.layers[0].self_attn.num_heads
    head_dim = encoded.shape[-1] // heads
    past = {"k": np.zeros((layers, len(encoded), heads, 0, head_dim), dtype=np.float32)}
    past["v"] = past["k"].copy()
    position = [0]

    def step(tokens: Any) -> Any:
        hidden = embedded(model, tokens, position[0]).numpy()
        feeds = {"hidden": hidden, "past_k": past["k"], "past_v": past["v"]}
        feeds.update(cross_k=cross_k, cross_v=cross_v, cross_bias=bias)
        _, log_probs, key, value = session.run(None, feeds)
        past["k"] = np.concatenate([past["k"], key], axis=3)
        past["v"] = np.concatenate([past["v"], value], axis=3)
        position[0] += 1
        return torch.from_numpy(log_probs)

    return step


def greedy(backbone: Any, sources: list[str], make: Callable[..., Any]) -> list[list[int]]:
    """Greedy token ids of ``sources`` with the step ``make(model, encoded, mask)`` returns."""
    import torch

    model = backbone.model
    batch = backbone.tokenizer(sources, return_tensors="pt", padding=True)
    with torch.inference_mode():
        encoded = model.get_encoder()(**batch).last_hidden_state
        step = make(model, encoded, batch["attention_mask"])
        tokens = torch.full((len(sources),), backbone.start_id, dtype=torch.long)
        outputs: list[list[int]] = [[] for _ in sources]
        done = torch.zeros(len(sources), dtype=torch.bool)
        for _ in range(2 * batch["input_ids"].shape[1] + 10):
            tokens = step(tokens).argmax(dim=-1)
            for row in (~done).nonzero().flatten().tolist():
                outputs[row].append(int(tokens[row]))
            done |= tokens == backbone.eos_id
            if bool(done.all()):
                break
    return outputs


def dev_sources(count: int) -> list[str]:
    """The first ``count`` test sources, taken evenly from the dev users."""
    files = sorted(DEV_USERS_DIR.glob("*.test.jsonl"))
    each = -(-count // len(files))
    sources: list[str] = []
    for path in files:
        with path.open(encoding="utf-8") as lines:
            sources += [json.loads(line)["source"] for _, line in zip(range(each), lines)]
    return sources[:count]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--rows", default="32,128", help="rows per step to time")
    parser.add_argument("--past", type=int, default=10)
    parser.add_argument("--source", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--calls", type=int, default=20)
    parser.add_argument("--sentences", type=int, default=100)
    parser.add_argument("--output", type=Path)
    parser.add_argument("--note", default="")
    args = parser.parse_args()
    import onnxruntime
    import torch

    from ltmt.model.backbone import load_backbone, quantized_int8

    torch.set_num_threads(args.threads)
    base = load_backbone(DEFAULT_MODEL)
    int8 = quantized_int8(base)
    model = base.model
    report: dict[str, Any] = {
        "onnxruntime": onnxruntime.__version__,
        "torch": torch.__version__,
        "threads": args.threads,
        "past_positions": args.past,
        "source_positions": args.source,
        "note": args.note,
    }
    with tempfile.TemporaryDirectory() as folder, torch.inference_mode():
        plain, quantised = export(model, Path(folder))
        sessions = {"ort-float32": ort_session(plain, args.threads)}
        sessions["ort-int8"] = ort_session(quantised, args.threads)
        engines: dict[str, Callable[..., Any]] = {
            "torch-float32": lambda m, e, k: torch_stepper(m, e, k),
            "torch-int8": lambda m, e, k: torch_stepper(m, e, k),
        }
        for name, session in sessions.items():
            engines[name] = lambda m, e, k, s=session: ort_stepper(s, m, e, k)
        backbones = {"torch-int8": int8}
        sources = dev_sources(args.sentences)
        reference = greedy(base, sources, engines["torch-float32"])
        report["greedy_identical_to_torch_float32"] = {
            name: sum(
                a == b
                for a, b in zip(
                    greedy(backbones.get(name, base), sources, make), reference, strict=True
                )
            )
            / len(sources)
            for name, make in engines.items()
        }
        report["sentences"] = len(sources)
        report["ms_per_step"] = {}
        for rows in (int(r) for r in args.rows.split(",")):
            report["ms_per_step"][str(rows)] = time_steps(rows, args, model, int8.model, sessions)
    emit_report(report, args.output)


def time_steps(rows: int, args: Any, model: Any, int8_model: Any, sessions: dict) -> dict:
    """Per engine: the median ms of a step at ``rows`` rows, and each round's."""
    import torch

    from ltmt.model.incremental import IncrementalDecoder

    generator = torch.Generator().manual_seed(rows)
    sentences, beam = max(1, rows // 4), min(4, rows)
    d = model.config.d_model
    encoded = torch.randn(sentences, args.source, d, generator=generator)
    mask = torch.ones(sentences, args.source, dtype=torch.long)
    tokens = torch.randint(0, model.config.vocab_size - 1, (sentences * beam,), generator=generator)

    def torch_step(weights: Any) -> Callable[[], Any]:
        decoder = IncrementalDecoder(weights, encoded, mask, beam, capacity=args.past + 2)
        for _ in range(args.past):
            decoder.step(tokens)

        def one() -> Any:
            decoder.position = args.past
            final = decoder.step(tokens)
            return torch.log_softmax(weights.lm_head(final) + weights.final_logits_bias[0], dim=-1)

        return one

    expanded = encoded.repeat_interleave(beam, dim=0)
    cross_k, cross_v, bias = (
        t.numpy() for t in cross_inputs(model, expanded, mask.repeat_interleave(beam, dim=0))
    )
    layers = len(model.get_decoder().layers)
    heads = model.get_decoder().layers[0].self_attn.num_heads
    past = torch.randn(
        layers, sentences * beam, heads, args.past, d // heads, generator=generator
    ).numpy()
    feeds = {
        "hidden": embedded(model, tokens, args.past).numpy(),
        "past_k": past,
        "past_v": past.copy(),
    }
    feeds.update(cross_k=cross_k, cross_v=cross_v, cross_bias=bias)
    engines: dict[str, Callable[[], Any]] = {
        "torch-float32": torch_step(model),
        "torch-int8": torch_step(int8_model),
    }
    for name, session in sessions.items():
        engines[name] = lambda s=session: s.run(None, feeds)
    rounds: dict[str, list[float]] = {name: [] for name in engines}
    order = list(engines)
    for index in range(args.rounds):
        for name in order if index % 2 == 0 else order[::-1]:
            engines[name]()
            started = time.perf_counter()
            for _ in range(args.calls):
                engines[name]()
            rounds[name].append(round((time.perf_counter() - started) / args.calls * 1000, 3))
    return {
        name: {"median": statistics.median(times), "rounds": times}
        for name, times in rounds.items()
    }


if __name__ == "__main__":
    main()

"""How well work of a decoding step runs on two threads at once, one intra-op thread each.

``ltmt.workers`` decodes two batches at once on two threads of one process. A torch kernel
lets go of Python's lock while it runs, but each call takes it again; so what two threads gain
depends on how long each call runs. This times, for each piece of work, ``--calls`` calls on
one thread twice in a row against the same calls on two threads at once, and reports the
speed-up (2.0: the two threads never waited on each other):

* ``add``: an addition of 128 x 512 floats (a residual connection of a step);
* ``gather``: ``index_select`` of 128 rows of a 128 x 40 table (the kNN state's bookkeeping);
* ``int8 product``: an :class:`ltmt.model.int8_linear.Int8Linear` of 512 → 2,048 over 128 rows;
* ``log-softmax``: over 128 rows of the default model's 8,001 tokens;
* ``decoder step``: :class:`ltmt.model.incremental.IncrementalDecoder` of the default model on
  int8 layers, 32 sentences x beam 4, 30 steps with the output projection and log-softmax.

    flock -x /tmp/ltmt-cpu.lock python eval/bench_thread_scaling.py \\
        --output eval/results/speed/thread-scaling-s16.json
"""

from __future__ import annotations

import argparse
import threading
import time
from collections.abc import Callable
from pathlib import Path

from support import emit_report, use_this_checkout

use_this_checkout()


def scaling(work: Callable[[], object], calls: int) -> dict[str, float]:
    """Microseconds a call on one thread, and the speed-up of two threads at once."""

    def run() -> None:
        for _ in range(calls):
            work()

    run()  # warm-up
    started = time.perf_counter()
    run()
    run()
    one = time.perf_counter() - started
    threads = [threading.Thread(target=run) for _ in range(2)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    two = time.perf_counter() - started
    return {"us_per_call": round(one / (2 * calls) * 1e6, 1), "speed_up": round(one / two, 2)}


def decoder_steps(model: str | None) -> Callable[[], object]:
    """30 steps of the default model's int8 incremental decoder over 128 rows."""
    import torch

    from ltmt.model.backbone import load_backbone, quantized_int8
    from ltmt.model.incremental import IncrementalDecoder

    backbone = quantized_int8(load_backbone(model))
    network = backbone.model
    text = "open the file in the editor and save it as a new document"
    batch = backbone.tokenizer([text] * 32, return_tensors="pt", padding=True)
    with torch.inference_mode():
        encoded = network.get_encoder()(**batch).last_hidden_state
    rows = torch.arange(128)

    def steps() -> None:
        with torch.inference_mode():
            decoder = IncrementalDecoder(network, encoded, batch["attention_mask"], 4, 30)
            tokens = torch.full((128,), backbone.start_id)
            for _ in range(30):
                torch.log_softmax(network.lm_head(decoder.step(tokens)), dim=-1)
                decoder.select(rows, same_sentences=True)

    return steps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", default=None, help="model folder (default: the embedded one)")
    parser.add_argument("--calls", type=int, default=2000, help="calls of each small piece")
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    import torch

    from ltmt.model.int8_linear import Int8Linear

    torch.manual_seed(0)
    torch.set_num_threads(1)
    states, table, rows = torch.randn(128, 1, 512), torch.randn(128, 40), torch.arange(128)
    product = Int8Linear(torch.randn(2048, 512), torch.randn(2048), 4.0)
    logits = torch.randn(128, 8001)
    with torch.inference_mode():
        report = {
            "intra_op_threads": 1,
            "add": scaling(lambda: states + states, args.calls),
            "gather": scaling(lambda: table.index_select(0, rows), args.calls),
            "int8 product": scaling(lambda: product(states), args.calls // 4),
            "log-softmax": scaling(lambda: torch.log_softmax(logits, dim=-1), args.calls // 4),
            "decoder step (30 steps a call)": scaling(decoder_steps(args.model), 5),
        }
    emit_report(report, args.output)


if __name__ == "__main__":
    main()

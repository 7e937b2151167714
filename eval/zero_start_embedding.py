"""Zero the decoder-start (``<pad>``) embedding of a Marian model and restore its outputs.

CTranslate2's standard converter (``ct2-transformers-converter``) follows the OPUS-MT convention
that the decoder starts from an all-zero embedding: it drops the ``<pad>`` row and starts from
zeros. A model whose row is not zero decodes differently once converted. This script zeroes the
row, then fine-tunes the *decoder layers only* (embeddings, encoder and output bias frozen) to
reproduce the original model's next-token distributions (KL to the original as teacher, teacher
forced on reference targets of ``l10n/train`` and ``general/train``, never the dev users), for a
bounded number of steps; then writes the model back in its own dtype and re-records the base
hash in the attention adapter it ships, if any.

    python eval/zero_start_embedding.py ltmt/models/default-en-de            # zero the row only
    flock -x /tmp/ltmt-cpu.lock python eval/zero_start_embedding.py MODEL --steps 300 --threads 2
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

from support import DATA_DIR, emit_report, use_this_checkout, write_json

use_this_checkout()


def training_pairs(data_dir: Path, count: int, seed: int) -> list[tuple[str, str]]:
    """A random sample of ``general/train`` and ``l10n/train`` pairs (one line each)."""
    from ltmt.train.data import read_jsonl_pairs, read_parallel_text, split_lines

    pairs = split_lines(read_parallel_text(data_dir / "general" / "train"))
    for path in sorted((data_dir / "l10n" / "train").glob("*.jsonl")):
        pairs.extend(split_lines(read_jsonl_pairs(path)))
    rng = random.Random(seed)
    return rng.sample(pairs, min(count, len(pairs)))


def distil(model_dir: Path, args: argparse.Namespace) -> dict[str, object]:
    """Zero the start row of a copy of the model and fine-tune its decoder towards the original."""
    import torch
    import torch.nn.functional as F
    from transformers import MarianMTModel, MarianTokenizer

    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    tokenizer = MarianTokenizer.from_pretrained(str(model_dir))
    teacher = MarianMTModel.from_pretrained(str(model_dir)).float().eval()
    student = MarianMTModel.from_pretrained(str(model_dir)).float()
    start = student.config.decoder_start_token_id
    norm = float(student.get_input_embeddings().weight[start].detach().norm())
    with torch.no_grad():
        student.get_input_embeddings().weight[start].zero_()
    for name, parameter in student.named_parameters():
        parameter.requires_grad = ".decoder.layers." in name
    trained = [p for p in student.parameters() if p.requires_grad]
    optimiser = torch.optim.AdamW(trained, lr=args.lr, weight_decay=0.0)
    pairs = training_pairs(args.data_dir, args.steps * args.batch, args.seed)
    student.eval()  # no dropout: the student must match the teacher's eval-mode outputs
    started, losses = time.time(), []
    for step in range(args.steps):
        chunk = pairs[step * args.batch : (step + 1) * args.batch]
        batch = tokenizer(
            [s for s, _ in chunk],
            text_target=[t for _, t in chunk],
            max_length=64,
            truncation=True,
            padding=True,
            return_tensors="pt",
        )
        labels = batch["labels"]
        keep = labels != tokenizer.pad_token_id
        inputs = {"input_ids": batch["input_ids"], "attention_mask": batch["attention_mask"]}
        with torch.no_grad():
            target = F.log_softmax(teacher(**inputs, labels=labels).logits, dim=-1)
        student_log = F.log_softmax(student(**inputs, labels=labels).logits, dim=-1)
        kl = F.kl_div(student_log, target, log_target=True, reduction="none").sum(-1)
        loss = kl[keep].mean()
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
        losses.append(float(loss.detach()))
        if step % 25 == 0 or step == args.steps - 1:
            print(f"step {step}: KL {float(loss):.4f} ({time.time() - started:.0f} s)", flush=True)
        if time.time() - started > args.max_minutes * 60:
            break
    with torch.no_grad():  # the optimiser never touched it, but make sure
        student.get_input_embeddings().weight[start].zero_()
    _write_back(model_dir, student)
    return {
        "start_embedding_norm_before": round(norm, 4),
        "steps": len(losses),
        "batch_pairs": args.batch,
        "lr": args.lr,
        "kl_first": round(losses[0], 4) if losses else None,
        "kl_last_25_mean": round(sum(losses[-25:]) / len(losses[-25:]), 4) if losses else None,
        "minutes": round((time.time() - started) / 60, 2),
        "trained": "decoder layers only (embeddings, encoder, output bias frozen)"
        if losses
        else "nothing: the row zeroed only",
        "teacher": "the model before its start row was zeroed" if losses else None,
        "data": "general/train + l10n/train (never the dev users)" if losses else None,
    }


def _write_back(model_dir: Path, student: object) -> None:
    """Replace the zeroed row and the decoder layers in the safetensors file, dtype kept."""
    from safetensors import safe_open
    from safetensors.torch import load_file, save_file

    weights = model_dir / "model.safetensors"
    with safe_open(str(weights), "pt") as handle:
        metadata = handle.metadata()
    tensors = load_file(str(weights))
    state = student.state_dict()  # type: ignore[attr-defined]
    for name, tensor in tensors.items():
        if name in state and (".decoder.layers." in name or name.endswith("shared.weight")):
            tensors[name] = state[name].to(tensor.dtype).contiguous()
    save_file(tensors, str(weights), metadata=metadata)


def rehash_adapter(model_dir: Path, record: dict[str, object]) -> None:
    from ltmt.fusion.adapter import embedding_sha1
    from ltmt.model.backbone import load_backbone

    config_path = model_dir / "fusion-attention" / "config.json"
    if not config_path.is_file():
        return
    config = json.loads(config_path.read_text(encoding="utf-8"))
    config["base"]["embedding_sha1"] = embedding_sha1(load_backbone(model_dir).model)
    config["base"]["extra"]["start_embedding"] = (
        "zeroed and the decoder distilled after the adapter was trained"
    )
    write_json(config_path, config)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model_dir", type=Path)
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR)
    parser.add_argument("--steps", type=int, default=0, help="distillation steps (0: none)")
    parser.add_argument("--batch", type=int, default=48, help="pairs per step")
    parser.add_argument("--lr", type=float, default=1e-4)
    parser.add_argument("--max-minutes", type=float, default=10.0)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    record = distil(args.model_dir, args)
    rehash_adapter(args.model_dir, record)
    emit_report(record, args.model_dir / "start_embedding.json")


if __name__ == "__main__":
    main()

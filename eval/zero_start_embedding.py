"""Zero the decoder-start (``<pad>``) embedding of a Marian model, in place.

CTranslate2's standard converter (``ct2-transformers-converter``) follows the OPUS-MT convention
that the decoder starts from an all-zero embedding: it drops the ``<pad>`` row and starts from
zeros. A model whose row is not zero decodes differently once converted. This script zeroes the
row in the safetensors file (its dtype kept) and re-records the base hash in the model's
attention adapter, if it ships one, so the adapter keeps loading.

    python eval/zero_start_embedding.py ltmt/models/default-en-de
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def zero_start_row(model_dir: Path) -> float:
    """Zero the start row of every embedding matrix that holds it; returns its former norm."""
    import torch
    from safetensors import safe_open
    from safetensors.torch import load_file, save_file

    config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    start = int(config["decoder_start_token_id"])
    weights = model_dir / "model.safetensors"
    with safe_open(str(weights), "pt") as handle:
        metadata = handle.metadata()
    tensors = load_file(str(weights))
    norm = 0.0
    for name, tensor in tensors.items():
        if name.endswith(("shared.weight", "embed_tokens.weight", "lm_head.weight")):
            norm = max(norm, float(torch.linalg.vector_norm(tensor[start].float())))
            tensor[start] = 0
    save_file(tensors, str(weights), metadata=metadata)
    return norm


def rehash_adapter(model_dir: Path) -> None:
    from ltmt.fusion.adapter import embedding_sha1
    from ltmt.model.backbone import load_backbone

    config_path = model_dir / "fusion-attention" / "config.json"
    if not config_path.is_file():
        return
    record = json.loads(config_path.read_text(encoding="utf-8"))
    record["base"]["embedding_sha1"] = embedding_sha1(load_backbone(model_dir).model)
    record["base"]["extra"]["start_embedding"] = "zeroed after the adapter was trained"
    config_path.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model_dir", type=Path)
    args = parser.parse_args()
    print(f"start embedding norm was {zero_start_row(args.model_dir):.4f}; now 0")
    rehash_adapter(args.model_dir)


if __name__ == "__main__":
    main()

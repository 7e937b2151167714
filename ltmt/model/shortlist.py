"""A vocabulary shortlist for the output projection of fused batches (Marian's CPU trick).

At each decoding step the model projects its state onto every target token (8,001 for the
default model) although a sentence can only use a few hundred. A batch's shortlist holds the
tokens its translations are likely to use:

* the batch's own source tokens (the vocabulary is shared: names, numbers, placeholders copy);
* the tokens the fusion state declares (``shortlist_tokens()``: for kNN every token of the
  matches' targets, so every neighbour's token stays reachable);
* the ``frequent`` target tokens of the training data (punctuation, function words);
* for each source token its ``per_token`` most associated target tokens in the training data
  (the Dice coefficient of their co-occurrence in sentence pairs): the lexical table;
* ``</s>`` and ``<unk>``.

Decoding then scores only those tokens and renormalises over them; every other token gets
probability 0. The table is a model artifact, ``MODEL_DIR/shortlist.safetensors`` (format and
how it was built in its metadata), written by :func:`build_shortlist` (``ltmt train
shortlist``); a model without one decodes over the whole vocabulary.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ltmt.errors import ModelError

if TYPE_CHECKING:
    import torch

FORMAT = "ltmt-shortlist"
FORMAT_VERSION = 1
FILE_NAME = "shortlist.safetensors"
_NO_TOKEN = -1


@dataclass(frozen=True)
class LexicalShortlist:
    """``frequent (F,)``: token ids always kept (commonest first); ``translations (vocab,
    per_token)``: each source token's most associated target tokens (``-1`` pads rows with
    fewer); ``meta``: how it was built."""

    frequent: torch.Tensor
    translations: torch.Tensor
    meta: dict[str, Any]

    def tokens(
        self,
        source_ids: torch.Tensor,
        extra: torch.Tensor | None,
        always: Sequence[int],
        vocab_size: int,
    ) -> torch.Tensor:
        """The sorted token ids of one batch: its ``source_ids`` (any shape; padding may be
        among them), their translations, ``extra`` (the fusion's), the frequent ones and
        ``always`` (special tokens); on ``source_ids``' device."""
        import torch

        device = source_ids.device
        sources = source_ids.flatten().unique()
        sources = sources[(sources >= 0) & (sources < self.translations.size(0))]
        parts = [
            sources,
            self.translations.to(device)[sources].flatten(),
            self.frequent.to(device),
            torch.tensor(list(always), dtype=torch.long, device=device),
        ]
        if extra is not None:
            parts.append(extra.flatten().to(device=device, dtype=torch.long))
        chosen = torch.cat(parts).unique()  # sorted
        return chosen[(chosen >= 0) & (chosen < vocab_size)]

    def save(self, directory: str | Path) -> Path:
        """Write ``directory/shortlist.safetensors`` (the table and its metadata), whole or not
        at all, with the umask's mode (safetensors' ``save_file`` leaves it ``0600``)."""
        from safetensors.torch import save

        from ltmt.outputs import write_output

        path = Path(directory) / FILE_NAME
        metadata = {
            "format": FORMAT,
            "format_version": str(FORMAT_VERSION),
            "meta": json.dumps(self.meta),
        }
        import torch

        tensors = {  # int32 on disk: half the size of int64
            "frequent": self.frequent.to(torch.int32).contiguous(),
            "translations": self.translations.to(torch.int32).contiguous(),
        }
        write_output(path, save(tensors, metadata=metadata))
        return path

    @classmethod
    def load(cls, directory: str | Path | None) -> LexicalShortlist | None:
        """The table saved in a model ``directory``; ``None`` when it has none."""
        if directory is None:
            return None
        path = Path(directory) / FILE_NAME
        if not path.is_file():
            return None
        from safetensors import safe_open

        try:
            with safe_open(str(path), framework="pt") as handle:
                metadata = handle.metadata() or {}
                found = metadata.get("format")
                if found != FORMAT:
                    raise ModelError(f"{path}: not an ltmt shortlist (format {found!r})")
                if int(metadata.get("format_version", 0)) > FORMAT_VERSION:
                    raise ModelError(
                        f"{path}: a newer shortlist format than this ltmt reads; upgrade ltmt"
                    )
                frequent = handle.get_tensor("frequent")
                translations = handle.get_tensor("translations")
        except (OSError, ValueError, KeyError) as exc:
            raise ModelError(
                f"{path}: unreadable shortlist ({exc}); delete it to decode without one"
            ) from exc
        return cls(frequent.long(), translations.long(), json.loads(metadata.get("meta", "{}")))


def build_shortlist(
    tokenizer: Any,
    pairs: Sequence[tuple[str, str]],
    vocab_size: int,
    *,
    frequent: int = 2048,
    per_token: int = 48,
    chunk: int = 20_000,
    meta: dict[str, Any] | None = None,
) -> LexicalShortlist:
    """Count which target tokens occur with which source tokens in ``pairs`` (each token once
    per sentence), and keep the ``frequent`` commonest target tokens and, per source token, the
    ``per_token`` others with the highest Dice coefficient ``2 c(s, t) / (c(s) + c(t))``.

    ``tokenizer``: the model's (Marian: shared ids, source and target pieces).
    """
    import torch

    together = torch.zeros((vocab_size, vocab_size), dtype=torch.int32)
    source_count = torch.zeros(vocab_size, dtype=torch.int64)
    target_count = torch.zeros(vocab_size, dtype=torch.int64)
    for start in range(0, len(pairs), chunk):
        part = pairs[start : start + chunk]
        sources = tokenizer([s for s, _ in part], add_special_tokens=False)["input_ids"]
        targets = tokenizer(text_target=[t for _, t in part], add_special_tokens=False)["input_ids"]
        cells = []
        for source, target in zip(sources, targets):
            s = torch.tensor(sorted(set(source)), dtype=torch.long)
            t = torch.tensor(sorted(set(target)), dtype=torch.long)
            if s.numel() == 0 or t.numel() == 0:
                continue
            source_count[s] += 1
            target_count[t] += 1
            cells.append((s[:, None] * vocab_size + t[None, :]).flatten())
        if cells:
            flat = torch.cat(cells)
            together.view(-1).index_add_(0, flat, torch.ones_like(flat, dtype=torch.int32))
    common = torch.argsort(target_count, descending=True, stable=True)[:frequent]
    common = common[target_count[common] > 0]
    dice = 2.0 * together.float() / (source_count[:, None] + target_count[None, :]).clamp_min(1)
    dice[:, common] = 0.0  # kept anyway: their slots go to other tokens
    scores, best = dice.topk(min(per_token, vocab_size), dim=1)
    best[scores <= 0] = _NO_TOKEN
    info = {
        "pairs": len(pairs),
        "frequent": int(common.numel()),
        "per_token": per_token,
        "score": "dice",
        **(meta or {}),
    }
    return LexicalShortlist(common, best, info)

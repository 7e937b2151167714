"""The trained combiner's sequence-level risk over its own n-best translations.

The token-level loss (:func:`ltmt.train.combiner.mixture_loss`) trains λ at the gold prefix;
decoding ranks whole hypotheses that it builds on its own prefixes, and a lower loss at the
gold prefix stopped turning into BLEU (``docs/results/combiner.md``, ablation (9)). Minimum
risk training (Shen et al., 2016, "Minimum Risk Training for Neural Machine Translation")
trains on what decoding chooses between instead:

* each training query is translated by kNN fusion with the combiner's kNN settings (the
  untrained combiner), beam ``beam``: its finished hypotheses, distinct texts, are the query's
  candidates;
* each candidate is featurised as a gold target would be (:func:`featurise`): its rows hold the
  model's and kNN's probabilities of the candidate's own tokens, so the combiner's
  ``log p(candidate)`` is the sum of its rows' mixture log-probabilities;
* a candidate costs ``1 - sentence BLEU / 100`` against the query's reference;
* a query's risk is the expected cost under the combiner's distribution restricted to its
  candidates, ``sum_j softmax_j(log p(h_j)) cost_j``; the training adds ``risk_weight`` times
  its mean to the token-level loss (``risk_variants``: of some variants' queries only).

Off by default: on products the base learnt by heart its own hypotheses are the cheap ones, so
the risk of every query taught the combiner to trust the base, and it lost on new users'
products (``docs/results/combiner.md``, ablation (11)).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    import torch

    from ltmt.fusion.combiner import Combiner
    from ltmt.fusion.knn import KnnFusion
    from ltmt.model.backbone import Backbone
    from ltmt.train.combiner_data import Example, StepRows


@dataclass
class RiskRows:
    """Featurised candidates: ``rows.example`` is each row's candidate; ``query (H,)`` the
    example each candidate translates, ``cost (H,)`` its cost (1 - sentence BLEU / 100)."""

    rows: StepRows
    query: torch.Tensor
    cost: torch.Tensor

    def queries(self) -> torch.Tensor:
        """The examples that have candidates (sorted)."""
        import torch

        return torch.unique(self.query)


class Candidates(NamedTuple):
    """Translations of training queries: each as an example with the translation as target,
    the index of the example it translates, and its cost (1 - sentence BLEU / 100)."""

    examples: list[Example]
    query: list[int]
    cost: list[float]


def candidates(
    backbone: Backbone,
    fusion: KnnFusion,
    examples: Sequence[Example],
    *,
    beam: int = 4,
    batch_size: int = 32,
    progress: Callable[[int], None] | None = None,
) -> Candidates:
    """Each example's distinct n-best translations by ``fusion`` (beam ``beam``), best first."""
    from sacrebleu.metrics import BLEU

    from ltmt.model.batching import pad_token_ids
    from ltmt.model.decode import DecodeConfig, decode_nbest
    from ltmt.text import collapse_space
    from ltmt.train.combiner_data import prepared_batches

    bleu = BLEU(effective_order=True)
    tokenizer = backbone.tokenizer
    config = DecodeConfig(beam=beam, max_len=min(256, backbone.max_positions - 1))
    found = Candidates([], [], [])
    for start, chunk, state in prepared_batches(backbone, fusion, examples, batch_size, progress):
        sources = [collapse_space(e.source) for e in chunk]
        ids = tokenizer(sources, truncation=True, max_length=backbone.max_positions)["input_ids"]
        input_ids, mask = pad_token_ids(ids, backbone.pad_id, backbone.device)
        nbest = decode_nbest(backbone, input_ids, mask, config, state)
        for index, (example, hypotheses) in enumerate(zip(chunk, nbest, strict=True)):
            if not bool(state.has_memory[index]):
                continue
            outputs = [tokens for _, tokens in hypotheses]
            texts = tokenizer.batch_decode(outputs, skip_special_tokens=True)
            reference = collapse_space(example.target)
            for text in dict.fromkeys(texts):  # distinct, best first
                found.examples.append(replace(example, target=text))
                found.query.append(start + index)
                found.cost.append(1.0 - bleu.sentence_score(text, [reference]).score / 100.0)
    return found


def build_risk_rows(
    backbone: Backbone, fusion: KnnFusion, found: Candidates, *, batch_size: int = 32
) -> RiskRows:
    """The :class:`RiskRows` of :func:`candidates`' translations (featurised as targets)."""
    import torch

    from ltmt.train.combiner_data import featurise

    rows = featurise(backbone, fusion, found.examples, batch_size=batch_size)
    return RiskRows(rows, torch.tensor(found.query, dtype=torch.long), torch.tensor(found.cost))


def sequence_risk(combiner: Combiner, risk: RiskRows, queries: torch.Tensor) -> Any:
    """The mean over ``queries`` (example indices) of their expected cost under ``combiner``'s
    distribution over their candidates (see the module docstring)."""
    import torch

    from ltmt.train.combiner import mixture_log_probs

    wanted = torch.isin(risk.query, queries)  # (H,)
    index = torch.nonzero(wanted[risk.rows.example]).flatten()
    if index.numel() == 0:
        return torch.zeros(())
    candidate = risk.rows.example[index]
    totals = torch.zeros(risk.query.numel()).index_add(
        0, candidate, mixture_log_probs(combiner, risk.rows, index)
    )
    chosen = torch.unique(candidate)
    scores = totals[chosen]
    groups, group = torch.unique(risk.query[chosen], return_inverse=True)
    top = torch.full((groups.numel(),), -float("inf")).scatter_reduce(
        0, group, scores.detach(), reduce="amax"
    )
    weights = (scores - top[group]).exp()
    norm = torch.zeros(groups.numel()).index_add(0, group, weights)
    expected = torch.zeros(groups.numel()).index_add(0, group, weights * risk.cost[chosen])
    return (expected / norm).mean()


def save_risk_rows(risk: RiskRows, path: Any) -> None:
    """Cache featurised candidates (``train.rows_cache`` with ``.risk`` added)."""
    import torch

    torch.save({"rows": vars(risk.rows), "query": risk.query, "cost": risk.cost}, path)


def load_risk_rows(path: Any) -> RiskRows:
    """What :func:`save_risk_rows` wrote (a file it did not write is a ConfigError)."""
    from ltmt.errors import ConfigError
    from ltmt.train.combiner_data import StepRows, load_cached

    held = load_cached(path, "candidates' rows")
    try:
        return RiskRows(StepRows(**held["rows"]), held["query"], held["cost"])
    except (TypeError, KeyError):
        raise ConfigError(
            f"{path} holds candidates' rows of an older ltmt; delete it to featurise again"
        ) from None

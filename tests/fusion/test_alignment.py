"""The differing share: which memory entries were translated from words the input lacks."""

from __future__ import annotations

import pytest
import torch

from ltmt.fusion.alignment import absent_pieces, differing_shares, missing_words
from ltmt.fusion.datastore import force_decode
from ltmt.text import word_parts

SPECIAL = {"</s>", "<unk>", "<pad>"}


@pytest.mark.parametrize(
    ("pieces", "query", "absent"),
    [
        (
            ["▁The", "▁file", "▁could", "▁not", "▁open", "</s>"],
            "The file could open",
            [0, 0, 0, 1, 0, 0],
        ),
        (["▁Un", "ver", "ified", "▁signature", "</s>"], "Verified signature", [1, 1, 1, 0, 0]),
        (["▁Delete", "▁5", "▁files", "?"], "Delete 7 FILES!", [0, 1, 0, 0]),
        (["▁%", "s", ":", "▁error"], "error: %s", [0, 0, 0, 0]),
        (["▁\uff21", "BC"], "abc", [0, 0]),  # NFKC (a full-width A) and case folding
    ],
)
def test_absent_pieces(pieces: list[str], query: str, absent: list[int]) -> None:
    assert absent_pieces(pieces, SPECIAL, word_parts(query)) == [bool(a) for a in absent]


@pytest.mark.parametrize(
    ("match_source", "query", "missing"),
    [
        ("Delete the file", "Do not delete the file", (0.4, 1.0)),  # the match drops the "not"
        ("Delete the file", "Don't delete the file", (0.4, 1.0)),  # ... or the "n't"
        ("Do not delete the file", "Delete the file", (0.0, 0.0)),  # the match *adds* one
        ("Do not delete it", "Never delete the file", (0.75, 0.0)),  # both negate
        ("Open 5 files", "open 7 FILES", (1 / 3, 0.0)),
        ("anything", "", (0.0, 0.0)),
    ],
)
def test_missing_words_are_the_input_words_the_match_lacks(
    match_source: str, query: str, missing: tuple[float, float]
) -> None:
    assert missing_words(match_source, query) == pytest.approx(missing)


def test_differing_share_is_the_attention_on_absent_words() -> None:
    class Pieces:
        all_special_tokens = ("</s>",)

        def convert_ids_to_tokens(self, ids: list[int]) -> list[str]:
            return [["▁open", "▁old", "▁file", "</s>"][i] for i in ids]

    alignment = torch.tensor([[1.0, 0.0, 0.0, 0.0], [0.2, 0.7, 0.1, 0.0], [0.0, 0.0, 0.5, 0.5]])
    shares = differing_shares(alignment, torch.arange(4), Pieces(), "Open the file")
    assert shares.tolist() == pytest.approx([0.0, 0.7, 0.0])


def test_force_decoding_records_the_cross_attention(tiny_backbone) -> None:  # type: ignore[no-untyped-def]
    pairs = [("open the file", "öffne die Datei"), ("hello", "hallo")]
    together = force_decode(tiny_backbone, pairs, batch_size=2)
    for item, (source, _) in zip(together, pairs, strict=True):
        assert item.alignment is not None and item.source is not None
        ids = tiny_backbone.tokenizer([source])["input_ids"][0]
        assert item.source.tolist() == ids
        assert item.alignment.shape == (item.values.numel(), len(ids))
        assert torch.allclose(item.alignment.sum(dim=1), torch.ones(item.values.numel()))
    [alone] = force_decode(tiny_backbone, pairs[1:])  # padding in a batch changes nothing
    assert alone.alignment is not None and together[1].alignment is not None
    assert torch.allclose(alone.alignment, together[1].alignment, atol=1e-5)


def test_recording_reuses_the_layers_own_projections(tiny_backbone) -> None:  # type: ignore[no-untyped-def]
    """The recorder reads the query and key projections the pass computed (each runs once per
    pass) and gives exactly the weights recomputed from them, as it used to compute them."""
    decoder = tiny_backbone.model.get_decoder()
    attention = decoder.layers[-1].encoder_attn
    calls = {"q": 0, "k": 0}

    def count(name: str):  # type: ignore[no-untyped-def]
        def hook(module, args, output) -> None:  # type: ignore[no-untyped-def]
            calls[name] += 1

        return hook

    handles = [
        attention.q_proj.register_forward_hook(count("q")),
        attention.k_proj.register_forward_hook(count("k")),
    ]
    try:
        [item] = force_decode(tiny_backbone, [("open the file", "öffne die Datei")])
    finally:
        for handle in handles:
            handle.remove()
    assert calls == {"q": 1, "k": 1}
    assert item.alignment is not None and item.source is not None
    with torch.inference_mode():
        states = tiny_backbone.model.get_encoder()(input_ids=item.source[None]).last_hidden_state
        start = torch.full((1, 1), tiny_backbone.start_id)
        tokens = torch.cat([start, item.values[None, :-1]], dim=1)
        mask = torch.ones_like(item.source)[None]
        seen: list[torch.Tensor] = []

        def inputs(module, args, kwargs, output) -> None:  # type: ignore[no-untyped-def]
            seen.append(args[0] if args else kwargs["hidden_states"])

        handle = attention.register_forward_hook(inputs, with_kwargs=True)
        try:
            decoder(input_ids=tokens, encoder_hidden_states=states, encoder_attention_mask=mask)
        finally:
            handle.remove()
        query = attention.q_proj(seen[0]).view(1, tokens.size(1), -1, attention.head_dim)
        keys = attention.k_proj(states).view(1, states.size(1), -1, attention.head_dim)
        scores = (query.transpose(1, 2) * attention.scaling) @ keys.permute(0, 2, 3, 1)
        expected = torch.softmax(scores.float(), dim=-1).mean(dim=1)[0]
    assert torch.equal(item.alignment, expected)

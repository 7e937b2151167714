"""The differing share: which memory entries were translated from words the input lacks."""

from __future__ import annotations

import pytest
import torch

from ltmt.fusion.alignment import absent_pieces, differing_shares, missing_words, word_parts
from ltmt.fusion.datastore import force_decode

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

"""The embedded default model ships inside the package and loads offline."""

from __future__ import annotations

import json

from ltmt.model.backbone import DEFAULT_MODEL_DIR, load_backbone
from ltmt.translator import Translator


def test_default_model_is_small_and_described():
    files = {
        str(p.relative_to(DEFAULT_MODEL_DIR)): p.stat().st_size
        for p in DEFAULT_MODEL_DIR.rglob("*")
        if p.is_file()
    }
    for name in (
        "config.json",
        "model.safetensors",
        "source.spm",
        "target.spm",
        "vocab.json",
        "MODEL_CARD.md",
    ):
        assert name in files, name
    assert "fusion-attention/model.safetensors" in files  # the default ships with its adapter
    assert sum(files.values()) <= 50 * 1024 * 1024  # the adapter included
    training = json.loads((DEFAULT_MODEL_DIR / "ltmt_training.json").read_text("utf-8"))
    assert training["config"]["data"]["l10n_glob"] == "l10n/train/*.jsonl"  # never the dev users


def test_default_model_loads_offline_and_translates(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    backbone = load_backbone(None)
    assert backbone.path == DEFAULT_MODEL_DIR
    [result] = Translator(backbone, beam=1).translate(["The house is small."])
    assert result.method == "model" and isinstance(result.text, str)


def test_beam_search_agrees_with_generate_on_a_trained_model():
    """A trained model ends hypotheses at different lengths: our (default) ``beam`` stopping
    rule must match transformers' ``early_stopping=False`` beam search token for token; the
    ``best`` rule returns the same on these sentences."""
    from generate_reference import generate_tokens

    from ltmt.model.decode import DecodeConfig, decode

    backbone = load_backbone(None)
    sources = [
        "Could not open file %s.",
        "Two men are playing football in the park.",
        "Delete the selected items?",
        "error: unknown option '%s'",
    ]
    batch = backbone.tokenizer(sources, return_tensors="pt", padding=True)
    ours = decode(
        backbone,
        batch["input_ids"],
        batch["attention_mask"],
        DecodeConfig(beam=4, max_len_a=0, max_len_b=30),
    )
    theirs = generate_tokens(backbone, batch, beams=4, max_new_tokens=30)
    for row, tokens in enumerate(ours):
        assert tokens == theirs[row], sources[row]
    best = decode(
        backbone,
        batch["input_ids"],
        batch["attention_mask"],
        DecodeConfig(beam=4, max_len_a=0, max_len_b=30, stop="best"),
    )
    assert best == ours


SOFTWARE_STRINGS = [
    "Open the file.",
    "Could not open %s: permission denied",
    "Show all commits in the current branch.",
    "The repository is empty.",
    "Press any key to continue.",
    "Delete the selected files?",
    "Unable to connect to the server.",
    "The package is not installed.",
    "Save changes before closing?",
    "Invalid option: %s",
    "Downloading updates...",
    "The signature could not be verified.",
    "File not found.",
    "Do you want to overwrite the existing file?",
    "No space left on device",
    "Settings were saved.",
]


def test_fast_path_reproduces_the_torch_decoder_on_the_shipped_model():
    """The standard converter is faithful to the shipped model (its start row is zero): float32
    greedy is token for token the torch decoder's; int8 beam search may differ (quantisation and
    a different stopping rule), tolerance: at least 3 of 4 outputs identical."""
    from ltmt.model.ctranslate import FastDecoder
    from ltmt.model.decode import DecodeConfig
    from ltmt.model.engine import Decoder

    backbone = load_backbone(None)
    ids = backbone.tokenizer(SOFTWARE_STRINGS)["input_ids"]
    torch_path = Decoder(backbone, engine="torch")
    greedy = DecodeConfig(beam=1)
    assert FastDecoder(backbone, "float32").decode(ids, greedy) == torch_path.decode(ids, greedy)
    beam = DecodeConfig(beam=4)
    fast = FastDecoder(backbone, "int8").decode(ids, beam)
    same = sum(a == b for a, b in zip(fast, torch_path.decode(ids, beam)))
    assert same >= 0.75 * len(ids), f"{same} of {len(ids)}"

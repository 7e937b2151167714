"""The CTranslate2 fast path: faithful to the torch decoder, cached per model, refused if unfaithful."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from ltmt.errors import ConfigError, ModelError
from ltmt.model.backbone import load_backbone
from ltmt.model.ctranslate import FastDecoder, convert, converted_dir
from ltmt.model.decode import DecodeConfig
from ltmt.model.engine import Decoder
from ltmt.model.scoring import log_probs
from ltmt.paths import default_cache_dir

SOURCES = ["open the file", "could not open %s: %s", "hello world", "the cat sat on the mat"]


@pytest.fixture(scope="module")
def backbone(tiny_model_dir: Path):  # type: ignore[no-untyped-def]
    return load_backbone(tiny_model_dir)


def _ids(backbone) -> list[list[int]]:  # type: ignore[no-untyped-def]
    return backbone.tokenizer(SOURCES)["input_ids"]


def test_float32_greedy_equals_the_torch_decoder(backbone) -> None:  # type: ignore[no-untyped-def]
    config = DecodeConfig(beam=1)
    fast = FastDecoder(backbone, "float32").decode(_ids(backbone), config)
    torch_path = Decoder(backbone, engine="torch").decode(_ids(backbone), config)
    assert fast == torch_path
    assert any(fast)  # the tiny model says something


def test_beam_search_is_close_to_the_torch_decoder(backbone) -> None:  # type: ignore[no-untyped-def]
    # the searches stop differently (see ltmt.model.ctranslate); on this model they agree
    config = DecodeConfig(beam=4)
    fast = FastDecoder(backbone, "float32").decode(_ids(backbone), config)
    assert fast == Decoder(backbone, engine="torch").decode(_ids(backbone), config)


def test_the_alignment_attention_is_the_head_average_torch_reads(backbone) -> None:  # type: ignore[no-untyped-def]
    """The fast path's attention (where a glossary target is placed) is what
    :func:`~ltmt.terminology.placement.alignment` reads of the same output with torch: the last
    layer's cross-attention averaged over every head, not the converters' first head alone."""
    from ltmt.terminology.placement import alignment

    ids = _ids(backbone)
    outputs, attention = FastDecoder(backbone, "float32").decode_aligned(ids, DecodeConfig(beam=1))
    for got, wanted in zip(attention, alignment(backbone, ids, outputs), strict=True):
        assert len(got) == len(wanted) and got
        for row, expected in zip(got, wanted, strict=True):
            assert row == pytest.approx(expected, abs=1e-4)


def test_a_beam_searched_batch_gives_each_line_its_own_first_attention_row(backbone) -> None:  # type: ignore[no-untyped-def]
    """CTranslate2 gave every line of a beam-searched batch one line's attention at the first
    output token (where placement reads which source word a target's first word translates);
    each line's rows are now those it has decoded alone."""
    ids = _ids(backbone)
    fast = FastDecoder(backbone, "float32")
    config = DecodeConfig(beam=4)
    outputs, attention = fast.decode_aligned(ids, config)
    for line, output, rows in zip(ids, outputs, attention, strict=True):
        alone_output, alone_rows = fast.decode_aligned([line], config)
        assert alone_output[0] == output and rows
        for row, expected in zip(rows, alone_rows[0], strict=True):
            assert row == pytest.approx(expected, abs=1e-4)


def test_scores_are_the_torch_models_log_probabilities(backbone) -> None:  # type: ignore[no-untyped-def]
    """What glossary placement ranks plural forms by, and title case its readings: the
    log-probability of a whole output (``</s>`` included) as the translation of a source, as
    the torch path's teacher-forced pass computes it; the engine scores with either."""
    source = _ids(backbone)[0]
    outputs = [[5, 6, 7], [8, 9], [5]]
    sources = [source] * len(outputs)
    scores = FastDecoder(backbone, "float32").score(sources, outputs)
    assert scores == pytest.approx(log_probs(backbone, sources, outputs), abs=1e-3)
    torch_engine = Decoder(backbone, engine="torch").score(sources, outputs)
    assert torch_engine == log_probs(backbone, sources, outputs)
    # padded in a batch as one alone
    assert log_probs(backbone, sources, outputs)[2] == pytest.approx(
        log_probs(backbone, [source], [[5]])[0], abs=1e-5
    )
    assert log_probs(backbone, [], []) == []


def test_outputs_respect_each_sentences_length_limit(backbone) -> None:  # type: ignore[no-untyped-def]
    config = DecodeConfig(beam=1, max_len_a=0.5, max_len_b=1)
    ids = _ids(backbone)
    for source, output in zip(ids, FastDecoder(backbone, "int8").decode(ids, config)):
        assert len(output) <= int(len(source) * 0.5 + 1)


def test_conversion_is_cached_and_redone_when_the_model_changes(tiny_model_dir, tmp_path) -> None:  # type: ignore[no-untyped-def]
    model = shutil.copytree(tiny_model_dir, tmp_path / "model")
    first = convert(load_backbone(model), "int8", tmp_path / "cache")
    assert (first / "model.bin").is_file()
    stamp = (first / "model.bin").stat().st_mtime_ns
    assert convert(load_backbone(model), "int8", tmp_path / "cache") == first  # a cache hit
    assert (first / "model.bin").stat().st_mtime_ns == stamp
    weights = model / "model.safetensors"
    weights.write_bytes(weights.read_bytes())  # the same weights written again: a new mtime
    assert convert(load_backbone(model), "int8", tmp_path / "cache") == first  # still a hit
    data = bytearray(weights.read_bytes())
    data[-1] ^= 1  # new weights: a bit of the last tensor's last value
    weights.write_bytes(bytes(data))
    second = convert(load_backbone(model), "int8", tmp_path / "cache")
    assert second != first and (second / "model.bin").is_file()
    assert converted_dir(load_backbone(model), "float32", tmp_path / "cache") != second


def test_a_nonzero_start_embedding_is_refused_and_torch_decodes(tiny_model_dir, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import torch
    from transformers import MarianMTModel

    marian = MarianMTModel.from_pretrained(str(tiny_model_dir))
    with torch.no_grad():
        marian.get_input_embeddings().weight[marian.config.pad_token_id].fill_(0.5)
    model = shutil.copytree(tiny_model_dir, tmp_path / "model")
    marian.save_pretrained(str(model))
    backbone = load_backbone(model)
    with pytest.raises(ModelError, match=r"start \(<pad>\) embedding has norm .* zero that row"):
        convert(backbone, "int8", tmp_path / "cache")
    with pytest.raises(ModelError, match="start"):  # the refusal is cached too
        convert(backbone, "int8", tmp_path / "cache")
    assert Decoder(backbone, cache_dir=tmp_path / "cache").fast is None
    with pytest.raises(ModelError, match="start"):
        Decoder(backbone, engine="ctranslate2", cache_dir=tmp_path / "cache").fast  # noqa: B018


def test_bad_settings_are_refused(backbone, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ConfigError, match="compute type must be one of int8, float32"):
        convert(backbone, "int4", tmp_path)
    with pytest.raises(ConfigError, match="engine must be one of auto, ctranslate2, torch"):
        Decoder(backbone, engine="onnx")


def test_cache_dir_follows_the_environment(tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert default_cache_dir({"LTMT_CACHE_DIR": str(tmp_path)}) == tmp_path
    assert default_cache_dir({"XDG_CACHE_HOME": "/x"}) == Path("/x/ltmt")
    assert default_cache_dir({}) == Path("~/.cache/ltmt").expanduser()


def test_ctranslate2_runs_one_thread_per_worker(backbone) -> None:  # type: ignore[no-untyped-def]
    """CTranslate2 on several intra-op threads opens an OpenMP pool on its worker threads, which
    makes torch's threads sleep between operations (see FastDecoder): it gets one thread per
    worker, ``threads`` workers for each call that may run at once."""
    fast = FastDecoder(backbone, "int8", threads=3, workers=2)
    assert fast.parts == 3
    assert fast.translator.num_translators == 6
    single = FastDecoder(backbone, "int8", threads=1)
    assert single.parts == 1 and single.translator.num_translators == 1


@pytest.mark.parametrize("compute_type", ["int8", "float32"])
def test_a_batch_split_over_threads_decodes_as_one(backbone, compute_type) -> None:  # type: ignore[no-untyped-def]
    """The parts a call's batch is decoded in (one per thread) give each sentence the output,
    score and greedy attention it gets in one batch, in the batch's order. (CTranslate2's beam
    attention rows depend on the batch's padding either way.)"""
    more = [*SOURCES, "save the file as", "a b c d e f g h", "no", "print the page again"]
    ids = backbone.tokenizer(more)["input_ids"]
    whole, split = (FastDecoder(backbone, compute_type, threads=n) for n in (1, 3))
    beam = DecodeConfig(beam=3)
    outputs = whole.decode(ids, beam)
    assert split.decode(ids, beam) == outputs
    assert split.score(ids, outputs) == pytest.approx(whole.score(ids, outputs), abs=1e-5)
    greedy = DecodeConfig(beam=1)
    tokens, attention = whole.decode_aligned(ids, greedy)
    split_tokens, split_attention = split.decode_aligned(ids, greedy)
    assert split_tokens == tokens
    for rows, split_rows in zip(attention, split_attention, strict=True):
        for row, split_row in zip(rows, split_rows, strict=True):
            assert split_row == pytest.approx(row, abs=1e-4)


def test_torch_keeps_its_thread_count(backbone) -> None:  # type: ignore[no-untyped-def]
    import torch

    before = torch.get_num_threads()
    FastDecoder(backbone, "int8", threads=3)
    assert torch.get_num_threads() == before


def test_an_unwritable_cache_is_refused_and_torch_decodes(backbone, tmp_path) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(
        ModelError, match=r"cannot write the model conversion cache .*LTMT_CACHE_DIR"
    ):
        convert(backbone, "float32", blocker / "cache")
    assert Decoder(backbone, cache_dir=blocker / "cache").fast is None


def test_an_unwritable_cache_is_warned_of_once(tiny_model_dir, tmp_path, caplog) -> None:  # type: ignore[no-untyped-def]
    """Torch decoding every run, several times slower, is not silent: one warning, naming the
    folder and the setting that fixes it, for all the decoders of a backbone."""
    backbone = load_backbone(tiny_model_dir)
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with caplog.at_level(logging.WARNING, logger="ltmt"):
        decoders = [Decoder(backbone, cache_dir=blocker / "cache") for _ in range(2)]
    assert [d.fast for d in decoders] == [None, None]
    [warning] = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warning.startswith(f"cannot write the model conversion cache {blocker / 'cache'}")
    assert "set LTMT_CACHE_DIR to a writable folder (until then torch decodes" in warning


def test_translators_over_one_backbone_share_its_fast_decoder(tiny_model_dir: Path) -> None:
    from ltmt.translator import Translator

    backbone = load_backbone(tiny_model_dir)
    first, second = Translator(backbone), Translator(backbone)
    assert first.decoder.fast is not None
    assert second.decoder.fast is first.decoder.fast  # one CTranslate2 model in memory
    other = Decoder(backbone, compute_type="float32").fast
    assert other is not None and other is not first.decoder.fast  # another setting: its own
    assert load_backbone(tiny_model_dir).fast_decoders == {}  # another backbone: none yet
    [one] = first.translate(["open the file"])
    [two] = second.translate(["open the file"])
    assert one.text == two.text

"""The trained combiner: kNN at initialisation, base without memory, save → load, clear errors."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import torch
from fusion_fakes import FakeMemory, make_match

from ltmt.errors import ConfigError, ModelError
from ltmt.fusion.adapter import BaseInfo, base_embedding_sha1, embedding_sha1
from ltmt.fusion.combiner import (
    FEATURE_NAMES,
    MODEL_FEATURES,
    Combiner,
    CombinerConfig,
    CombinerNet,
    step_features,
)
from ltmt.fusion.knn import KnnConfig, KnnFusion
from ltmt.fusion.registry import make_fusion
from ltmt.fusion.trained_knn import TrainedKnnFusion
from ltmt.model.backbone import bfloat16_weights, load_backbone
from ltmt.translator import Translator

SOURCE, TARGET = "open the file", "öffne die Datei"
KNN = {"lambda_max": 0.9, "tau": 100.0, "min_score": 0.0}


def _trained(seed: int = 0) -> Combiner:
    torch.manual_seed(seed)
    combiner = Combiner(CombinerConfig(knn=KNN))
    for parameter in combiner.net.parameters():
        torch.nn.init.normal_(parameter, std=0.5)
    return combiner


def _step(fusion: KnnFusion, backbone, seed: int = 0) -> torch.Tensor:  # type: ignore[no-untyped-def]
    """Fused log-probs of one decoding step over random states, for two inputs."""
    state = fusion.prepare(
        backbone,
        [SOURCE, "hello world"],
        [[make_match(SOURCE, TARGET, 90.0)], [make_match("hello", "hallo", 60.0, 1)]],
    )
    assert state is not None
    generator = torch.Generator().manual_seed(seed)
    hidden = torch.randn(4, backbone.d_model, generator=generator)
    log_probs = torch.log_softmax(torch.randn(4, 50, generator=generator), dim=1)
    rows = torch.tensor([0, 0, 1, 1])
    prefix = torch.full((4, 1), backbone.start_id)
    return state.fuse_log_probs(hidden, log_probs, rows, prefix)


def _assert_same_step(combined: torch.Tensor, knn: torch.Tensor) -> None:
    """The combiner's step and plain kNN's, whose compiled step (:mod:`ltmt.fusion.knn_kernel`)
    rounds differently from torch's operations."""
    torch.testing.assert_close(combined, knn, atol=1e-5, rtol=1e-6)


def test_untrained_combiner_is_knn(tiny_backbone) -> None:  # type: ignore[no-untyped-def]
    knn = KnnFusion(**KNN)  # type: ignore[arg-type]
    combined = TrainedKnnFusion(Combiner(CombinerConfig(knn=KNN)))
    # plain kNN's step runs compiled (ltmt.fusion.knn_kernel): the same up to float32 rounding
    _assert_same_step(_step(combined, tiny_backbone), _step(knn, tiny_backbone))
    memory = FakeMemory({SOURCE: [(SOURCE + "s", TARGET + "en", 90.0)]})
    outputs = [
        Translator(tiny_backbone, memory, fusion=f, beam=2).translate([SOURCE], "u")[0].text  # type: ignore[arg-type]
        for f in (knn, combined)
    ]
    assert outputs[0] == outputs[1]


def test_a_trained_combiner_changes_lambda_but_not_rows_without_memory(tiny_backbone) -> None:  # type: ignore[no-untyped-def]
    knn = _step(KnnFusion(**KNN), tiny_backbone)  # type: ignore[arg-type]
    trained = _step(TrainedKnnFusion(_trained()), tiny_backbone)
    assert not torch.allclose(knn, trained)
    fusion = TrainedKnnFusion(_trained())
    assert fusion.prepare(tiny_backbone, [SOURCE], [[]]) is None  # empty memory: the base


def test_empty_memory_gives_the_base_output(tiny_backbone) -> None:  # type: ignore[no-untyped-def]
    base = Translator(tiny_backbone, beam=2).translate([SOURCE, "hello world"])
    fused = Translator(
        tiny_backbone,
        FakeMemory(),
        fusion=TrainedKnnFusion(_trained()),  # type: ignore[arg-type]
        beam=2,
    ).translate([SOURCE, "hello world"], "u")
    assert [t.text for t in fused] == [t.text for t in base]


def test_save_and_load_give_the_same_lambdas(tmp_path: Path, tiny_backbone) -> None:  # type: ignore[no-untyped-def]
    combiner = _trained()
    info = BaseInfo(name="tiny", embedding_sha1=embedding_sha1(tiny_backbone.model))
    combiner.save(tmp_path / "c", info, extra={"note": "test"})
    loaded, base = Combiner.load(tmp_path / "c")
    assert base == info and loaded.config == combiner.config
    features = torch.randn(16, combiner.config.features)
    lam = torch.rand(16)
    assert torch.allclose(loaded.lambdas(features, lam), combiner.lambdas(features, lam))
    from_dir = TrainedKnnFusion(tmp_path / "c")
    assert torch.allclose(
        _step(from_dir, tiny_backbone), _step(TrainedKnnFusion(combiner), tiny_backbone)
    )


def test_the_model_directory_holds_the_combiner(tmp_path: Path, tiny_backbone) -> None:  # type: ignore[no-untyped-def]
    import dataclasses

    fusion = make_fusion("knn-trained")
    assert isinstance(fusion, TrainedKnnFusion)
    with pytest.raises(ModelError, match=r"no trained combiner in .*fusion-combiner"):
        fusion.prepare(tiny_backbone, [SOURCE], [[make_match(SOURCE, TARGET, 90.0)]])
    _trained().save(tmp_path / "c", BaseInfo(name="other", embedding_sha1="0" * 16))
    with pytest.raises(ModelError, match=r"trained on another base model \(other\); retrain"):
        TrainedKnnFusion(tmp_path / "c").prepare(
            tiny_backbone, [SOURCE], [[make_match(SOURCE, TARGET, 90.0)]]
        )
    (tmp_path / "c" / "config.json").write_text('{"format": "x"}', "utf-8")
    with pytest.raises(ModelError, match="not an ltmt trained combiner"):
        Combiner.load(tmp_path / "c")
    assert dataclasses.asdict(CombinerConfig())["hidden"] == 32


def test_step_features_shape_and_values() -> None:
    log_probs = torch.log_softmax(torch.tensor([[3.0, 0.0, 0.0], [0.0, 0.0, 3.0]]), dim=1)
    tokens = torch.tensor([[0, 0], [1, 2]])
    weights = torch.tensor([[0.5, 0.5], [0.75, 0.25]])
    distance = torch.tensor([[0.5, float("inf")], [1.0, 2.0]])
    features = step_features(
        log_probs,
        torch.tensor([0.4, 0.2]),
        tokens,
        weights,
        distance,
        torch.tensor([80.0, 60.0]),
        4,
    )
    assert features.shape == (2, 4 + len(FEATURE_NAMES))
    assert features[0, :4].tolist() == [0.5, 10.0, 10.0, 10.0]
    named = dict(zip(FEATURE_NAMES, features[:, 4:].T, strict=True))
    assert named["distinct_share"].tolist() == [0.25, 0.5]
    assert named["agree"].tolist() == [1.0, 0.0]
    assert named["knn_max_prob"].tolist() == [1.0, 0.75]
    assert named["fuzzy_score"].tolist() == pytest.approx([0.8, 0.6])


def test_step_features_leave_the_model_columns_at_zero_when_unread() -> None:
    """A combiner with ``model_features: false`` multiplies them by 0: decoding skips the
    whole-vocabulary products and gets the same λ (training rows keep them)."""
    torch.manual_seed(0)
    log_probs = torch.log_softmax(torch.randn(5, 40), dim=1)
    tokens, weights = torch.randint(40, (5, 3)), torch.softmax(torch.randn(5, 3), dim=1)
    distance, lam, score = torch.rand(5, 3).sort(dim=1).values, torch.rand(5), torch.rand(5) * 100
    full = step_features(log_probs, lam, tokens, weights, distance, score, 4)
    lean = step_features(log_probs, lam, tokens, weights, distance, score, 4, False)
    model_columns = [4 + FEATURE_NAMES.index(name) for name in MODEL_FEATURES]
    assert bool((lean[:, model_columns] == 0).all())
    other = [c for c in range(full.size(1)) if c not in model_columns]
    assert torch.equal(full[:, other], lean[:, other])
    blind = Combiner(CombinerConfig(knn=KNN, model_features=False))
    for parameter in blind.net.parameters():
        torch.nn.init.normal_(parameter, std=0.5)
    assert torch.equal(blind.lambdas(full, lam), blind.lambdas(lean, lam))


def test_reading_the_combiner_keeps_the_segment_cache_and_its_disk_store(
    tmp_path: Path, tiny_model_dir: Path
) -> None:
    """``knn-trained`` reads the model's combiner at its first batch: the cache a translator
    gave a disk store before that keeps it, and the fusion then reads attention as its
    combiner says."""
    import shutil

    from ltmt.fusion.registry import COMBINER_SUBDIR
    from ltmt.fusion.state_store import StateStore

    model = tmp_path / "model"
    shutil.copytree(tiny_model_dir, model)
    config = CombinerConfig(knn=KNN, neighbour_features=True, attention_features=True)
    Combiner(config).save(model / COMBINER_SUBDIR, BaseInfo(name="tiny"))
    backbone = load_backbone(model)
    fusion = TrainedKnnFusion(cache_size=7)
    store = StateStore(backbone.fingerprint, tmp_path / "states")
    cache = fusion.cache
    cache.store = store
    assert not fusion.reads_attention
    state = fusion.prepare(backbone, [SOURCE], [[make_match(SOURCE, TARGET, 90.0)]])
    assert state is not None and state.reads_attention
    assert fusion.reads_attention and fusion.cache is cache and cache.store is store
    assert fusion.config.cache_size == 7 and fusion.config.min_score == 0.0
    assert (
        not KnnFusion(KnnConfig(min_score=0.0))
        .prepare(backbone, [SOURCE], [[make_match(SOURCE, TARGET, 90.0)]])
        .reads_attention
    )  # type: ignore[union-attr]


def test_step_features_makes_every_tensor_on_the_states_device() -> None:
    # "meta" stands in for CUDA on a CPU machine: a tensor made on the CPU beside meta
    # inputs fails the same way a CPU tensor beside CUDA states does
    meta = torch.device("meta")
    features = step_features(
        torch.zeros(3, 7, device=meta),
        torch.zeros(3, device=meta),
        torch.zeros(3, 2, dtype=torch.long, device=meta),
        torch.zeros(3, 2, device=meta),
        torch.zeros(3, 2, device=meta),
        torch.zeros(3, device=meta),
        4,
    )
    assert features.device == meta
    assert features.shape == (3, 4 + len(FEATURE_NAMES))


def test_lower_only_never_raises_lambda_and_model_features_can_be_left_unread() -> None:
    torch.manual_seed(0)
    lower = Combiner(CombinerConfig(knn=KNN, lower_only=True))
    blind = Combiner(CombinerConfig(knn=KNN, model_features=False))
    for combiner in (lower, blind):
        for parameter in combiner.net.parameters():
            torch.nn.init.normal_(parameter, std=0.5)
    features, lam = torch.randn(64, lower.config.features), torch.rand(64) * 0.8
    assert bool((lower.lambdas(features, lam) <= lam).all())
    changed = features.clone()
    model_columns = [4 + FEATURE_NAMES.index(name) for name in MODEL_FEATURES]
    changed[:, model_columns] = torch.randn(64, len(model_columns))
    assert torch.equal(blind.lambdas(features, lam), blind.lambdas(changed, lam))


def test_a_temperature_head_starts_as_knn_and_changes_the_vote_once_trained(
    tmp_path: Path, tiny_backbone
) -> None:  # type: ignore[no-untyped-def]
    knn = _step(KnnFusion(**KNN), tiny_backbone)  # type: ignore[arg-type]
    untrained = Combiner(CombinerConfig(knn=KNN, temperature=True))
    _assert_same_step(_step(TrainedKnnFusion(untrained), tiny_backbone), knn)
    hotter = Combiner(CombinerConfig(knn=KNN, temperature=True))
    with torch.no_grad():
        hotter.net.output.bias[1] = 2.0  # the vote at e² times kNN's temperature, λ unchanged
    features, lam = torch.randn(8, hotter.config.features), torch.rand(8)
    assert torch.equal(hotter.lambdas(features, lam), lam)
    assert torch.allclose(
        hotter.predict(features, lam)[1], torch.full((8,), 0.1 * torch.e**2), rtol=1e-5
    )
    hotter_step = _step(TrainedKnnFusion(hotter), tiny_backbone)
    assert not torch.allclose(hotter_step, knn)
    hotter.save(tmp_path / "t", BaseInfo(name="tiny"))
    assert torch.allclose(_step(TrainedKnnFusion(tmp_path / "t"), tiny_backbone), hotter_step)


def test_a_combiner_saved_in_format_1_still_loads(tmp_path: Path) -> None:
    import json

    combiner = _trained()
    combiner.save(tmp_path / "old", BaseInfo(name="tiny"))
    config = tmp_path / "old" / "config.json"
    meta = json.loads(config.read_text("utf-8"))
    assert meta["format_version"] == 5  # an ltmt reading 1 would not know the fields below
    meta["format_version"] = 1  # as format 1 wrote it before these fields existed:
    del meta["combiner"]["temperature"]
    del meta["combiner"]["neighbour_features"]
    del meta["combiner"]["missing_features"]
    del meta["combiner"]["attention_features"]
    del meta["combiner"]["members"]
    meta["combiner"]["knn"].pop("differing_penalty", None)  # only set options are written
    config.write_text(json.dumps(meta), "utf-8")
    loaded = Combiner.load(tmp_path / "old")[0]
    assert not loaded.config.temperature and not loaded.config.neighbour_features
    assert loaded.config.knn_config.differing_penalty == 0.0
    features, lam = torch.randn(16, combiner.config.features), torch.rand(16)
    assert torch.allclose(loaded.lambdas(features, lam), combiner.lambdas(features, lam))


def test_a_temperature_only_combiner_keeps_knns_lambda() -> None:
    from ltmt.errors import ConfigError
    from ltmt.train.combiner import CombinerShape

    combiner = Combiner(CombinerConfig(knn=KNN, temperature=True, adjust_lambda=False))
    for parameter in combiner.net.parameters():
        torch.nn.init.normal_(parameter, std=0.5)
    features, lam = torch.randn(32, combiner.config.features), torch.rand(32) * 0.8
    lambdas, temperature = combiner.predict(features, lam)
    assert torch.equal(lambdas, lam) and not torch.allclose(temperature, torch.full((32,), 0.1))
    with pytest.raises(ConfigError, match="adjust_lambda: false needs temperature: true"):
        CombinerShape(adjust_lambda=False)


def test_a_neighbour_head_starts_as_knn_and_reweighs_the_vote_once_trained(
    tmp_path: Path, tiny_backbone
) -> None:  # type: ignore[no-untyped-def]
    knn = _step(KnnFusion(**KNN), tiny_backbone)  # type: ignore[arg-type]
    untrained = Combiner(CombinerConfig(knn=KNN, neighbour_features=True))
    assert untrained.config.feature_names[-2:] == ["nearest_differing", "mean_differing"]
    _assert_same_step(_step(TrainedKnnFusion(untrained), tiny_backbone), knn)
    trained = Combiner(CombinerConfig(knn=KNN, neighbour_features=True))
    assert trained.net.neighbour is not None
    with torch.no_grad():
        trained.net.neighbour[-1].weight.normal_(std=2.0)
    stepped = _step(TrainedKnnFusion(trained), tiny_backbone)
    assert not torch.allclose(stepped, knn)
    trained.save(tmp_path / "n", BaseInfo(name="tiny"))
    assert torch.allclose(_step(TrainedKnnFusion(tmp_path / "n"), tiny_backbone), stepped)


def _vote(fusion: KnnFusion, backbone) -> tuple[torch.Tensor, torch.Tensor]:  # type: ignore[no-untyped-def]
    """λ and the neighbours' vote of one step for ``SOURCE`` with two matches, one of which
    (``open``) lacks two of its three words."""
    matches = [make_match(SOURCE, TARGET, 90.0), make_match("open", "öffne", 50.0, 2)]
    state = fusion.prepare(backbone, [SOURCE], [matches])
    assert state is not None
    hidden = torch.randn(2, backbone.d_model, generator=torch.Generator().manual_seed(0))
    rows = torch.tensor([0, 0])
    found = state.neighbours(hidden, rows, torch.full((2, 1), backbone.start_id))
    if fusion.reads_missing:  # computed only for a method that reads it
        assert found.missing[:, :, 0].unique().tolist() == pytest.approx([0.0, 2 / 3])
    return state.adjust(found, torch.log_softmax(torch.zeros(2, 50), dim=1), rows)


def test_a_missing_words_head_starts_as_knn_and_reads_what_the_match_lacks(
    tmp_path: Path, tiny_backbone
) -> None:  # type: ignore[no-untyped-def]
    every = {**KNN, "neighbours": 64}  # both matches' entries are among the neighbours
    knn = _vote(KnnFusion(KnnConfig(**every), reads_shares=True), tiny_backbone)  # type: ignore[arg-type]
    config = CombinerConfig(knn=every, neighbour_features=True, missing_features=True)
    assert config.feature_names[-2:] == ["nearest_missing", "nearest_missing_negation"]
    untrained = _vote(TrainedKnnFusion(Combiner(config)), tiny_backbone)
    assert all(torch.allclose(a, b) for a, b in zip(untrained, knn, strict=True))
    trained = Combiner(config)
    assert trained.net.neighbour is not None
    with torch.no_grad():  # only the missing share moves the vote
        trained.net.neighbour[0].weight.zero_()
        trained.net.neighbour[0].weight[:, 5].fill_(30.0)
        trained.net.neighbour[-1].weight.fill_(-1.0)
    weights = _vote(TrainedKnnFusion(trained), tiny_backbone)[1]
    assert not torch.allclose(weights, knn[1])
    trained.save(tmp_path / "m", BaseInfo(name="tiny"))
    assert torch.allclose(_vote(TrainedKnnFusion(tmp_path / "m"), tiny_backbone)[1], weights)
    with pytest.raises(ConfigError, match="missing_features needs neighbour_features"):
        CombinerConfig(knn=KNN, missing_features=True)


def test_neighbour_inputs_read_missing_neighbours_as_far() -> None:
    from ltmt.fusion.combiner import FAR, neighbour_inputs

    distance = torch.tensor([[0.5, 1.5, float("inf")]])
    differing = torch.tensor([[0.2, 0.6, 0.9]])
    same = torch.tensor([[True, False, False]])
    inputs, rows = neighbour_inputs(distance, differing, same, 3)
    assert inputs.shape == (1, 3, 5)
    assert inputs[0, :, 0].tolist() == pytest.approx([0.2, 0.6, 0.0])
    assert inputs[0, :, 1].tolist() == [0.5, 1.5, FAR]
    assert inputs[0, :, 2].tolist() == [0.0, 1.0, FAR - 0.5]
    assert inputs[0, :, 3].tolist() == [1.0, 0.0, 0.0]
    assert rows[0].tolist() == pytest.approx([0.2, 0.4])
    missing = torch.tensor([[[0.5, 1.0], [0.1, 0.0], [0.3, 1.0]]])
    inputs, rows = neighbour_inputs(distance, differing, same, 3, missing)
    assert inputs.shape == (1, 3, 7)
    assert torch.equal(inputs[0, :, 5:], torch.tensor([[0.5, 1.0], [0.1, 0.0], [0.0, 0.0]]))
    assert rows[0].tolist() == pytest.approx([0.2, 0.4, 0.5, 1.0])


@pytest.mark.parametrize("origin_loaded", [False, True])
def test_a_bfloat16_copy_is_checked_by_the_float32_base_it_was_made_from(
    tmp_path: Path, tiny_model_dir: Path, origin_loaded: bool
) -> None:
    backbone = load_backbone(tiny_model_dir)
    float32 = embedding_sha1(backbone.model) if origin_loaded else ""
    half = bfloat16_weights(backbone)
    assert backbone.loaded == origin_loaded  # read from the checkpoint, else from memory
    expected = float32 or embedding_sha1(load_backbone(tiny_model_dir).model)
    assert embedding_sha1(half.model) != expected  # its own embeddings are rounded
    assert base_embedding_sha1(half) == expected
    assert backbone.loaded == origin_loaded  # the float32 weights were not loaded for it
    assert base_embedding_sha1(backbone) == expected
    _trained().save(tmp_path / "c", BaseInfo(name="tiny", embedding_sha1=expected))
    state = TrainedKnnFusion(tmp_path / "c").prepare(
        half, [SOURCE], [[make_match(SOURCE, TARGET, 90.0)]]
    )
    assert state is not None


def test_auto_is_the_trained_combiner_where_the_model_ships_one(
    tmp_path: Path, tiny_model_dir: Path
) -> None:
    import shutil

    from ltmt.fusion.registry import COMBINER_SUBDIR, auto_method

    assert auto_method(None) == auto_method(tiny_model_dir) == "knn"
    assert Translator(tiny_model_dir, fusion="auto").fusion_name == "knn"
    model_dir = tmp_path / "model"
    shutil.copytree(tiny_model_dir, model_dir)
    base = load_backbone(model_dir)
    _trained().save(
        model_dir / COMBINER_SUBDIR,
        BaseInfo(name="tiny", embedding_sha1=embedding_sha1(base.model)),
    )
    assert auto_method(model_dir) == "knn-trained"
    translator = Translator(model_dir, fusion="auto")
    assert translator.fusion_name == "knn-trained"
    assert make_fusion("auto").name == "knn"  # without a model: knn, which works with any
    assert make_fusion("auto", model_dir).name == "knn-trained"


def test_neighbour_inputs_read_alike_with_fewer_neighbours_than_k() -> None:
    """At decoding a sentence whose memory has fewer entries than K gives fewer neighbours;
    training rows are padded to K with missing ones: the real ones must read the same."""
    from ltmt.fusion.combiner import neighbour_inputs

    distance, differing = torch.tensor([[0.5, 1.5]]), torch.tensor([[0.2, 0.6]])
    same = torch.tensor([[True, False]])
    few, few_rows = neighbour_inputs(distance, differing, same, 4)
    inf = float("inf")
    padded, padded_rows = neighbour_inputs(
        torch.tensor([[0.5, 1.5, inf, inf]]),
        torch.tensor([[0.2, 0.6, 0.0, 0.0]]),
        torch.tensor([[True, False, False, False]]),
        4,
    )
    assert torch.equal(few, padded[:, :2]) and torch.equal(few_rows, padded_rows)
    assert few[0, :, 4].tolist() == [0.0, 0.25]


def test_the_shipped_combiner_loads() -> None:
    import ltmt

    directory = Path(ltmt.__file__).parent / "models" / "default-en-de" / "fusion-combiner"
    combiner, base = Combiner.load(directory)
    assert combiner.config.neighbour_features and combiner.net.neighbour is not None
    assert base.embedding_sha1  # checked against the base it is used with
    # trained with the shipped recipe's match selection (more and looser matches than knn's)
    from ltmt.config import from_dict, read_yaml
    from ltmt.train.combiner import CombinerTrainConfig

    recipe = Path(ltmt.__file__).parents[1] / "configs/train/fusion-combiner-en-de.yaml"
    if recipe.is_file():  # a source checkout
        knn = from_dict(CombinerTrainConfig, read_yaml(recipe)).combiner.knn
        shipped = KnnConfig(**knn)
        assert combiner.config.knn_config == shipped
        assert (shipped.max_matches, shipped.neighbours) == (6, 12)


def test_an_attention_head_starts_as_knn_and_reads_the_step_attention(
    tmp_path: Path, tiny_backbone
) -> None:  # type: ignore[no-untyped-def]
    """``attention_features``: the decoder hands the combiner each step's cross-attention;
    untrained it translates as knn does, trained it changes the vote, and it saves and loads."""
    config = CombinerConfig(knn=KNN, neighbour_features=True, attention_features=True)
    assert config.feature_names[-2:] == ["nearest_lacked_attention", "least_lacked_attention"]
    assert config.neighbour_inputs[-1] == "lacked_attention"
    memory = FakeMemory({SOURCE: [("the old file", "die alte Datei", 90.0)]})  # lacks "open"

    def translate(fusion: KnnFusion, cached: bool = True) -> str:
        translator = Translator(tiny_backbone, memory, fusion=fusion, beam=2)  # type: ignore[arg-type]
        config = translator.decode_config
        translator.decode_config = dataclasses.replace(config, use_cache=cached)
        return translator.translate([SOURCE], "u")[0].text

    knn = translate(KnnFusion(**KNN))  # type: ignore[arg-type]
    fusion = TrainedKnnFusion(Combiner(config))
    assert fusion.reads_attention
    assert translate(fusion) == knn
    trained = Combiner(config)
    with torch.no_grad():  # only the nearest's lacked attention moves λ (down)
        trained.net.hidden.weight.zero_()
        trained.net.hidden.bias.zero_()
        trained.net.hidden.weight[:, -2].fill_(3.0)
        trained.net.output.weight.fill_(-1.0)
    state = TrainedKnnFusion(trained).prepare(
        tiny_backbone, [SOURCE], [[make_match("the old file", "die alte Datei", 90.0)]]
    )
    assert state is not None
    hidden = torch.randn(2, tiny_backbone.d_model, generator=torch.Generator().manual_seed(0))
    on_open, on_end = torch.zeros(2, 4), torch.zeros(2, 4)  # "▁open" / "</s>" read at the step
    on_open[:, 0], on_end[:, -1] = 1.0, 1.0

    def step(attention: torch.Tensor) -> torch.Tensor:
        log_probs = torch.log_softmax(torch.zeros(2, 50), dim=1)
        rows, prefix = torch.tensor([0, 0]), torch.full((2, 1), tiny_backbone.start_id)
        return state.fuse_log_probs(hidden, log_probs, rows, prefix, attention)

    assert not torch.allclose(step(on_open), step(on_end))
    trained.save(tmp_path / "a", BaseInfo(name="tiny"))
    loaded = TrainedKnnFusion(tmp_path / "a")
    assert loaded.reads_attention and translate(loaded) == translate(TrainedKnnFusion(trained))
    # the whole-prefix decoder (a hook records the attention) reads as the incremental one does
    assert translate(loaded, cached=False) == translate(loaded)
    with pytest.raises(ConfigError, match="attention_features needs neighbour_features"):
        CombinerConfig(knn=KNN, attention_features=True)
    with pytest.raises(ConfigError, match="reads attention_features: featurise"):
        trained.inputs(torch.zeros(1, config.features - 4), *([torch.zeros(1, 8)] * 3))


def test_neighbour_inputs_read_the_lacked_attention() -> None:
    from ltmt.fusion.combiner import neighbour_inputs

    distance = torch.tensor([[0.5, 1.5, float("inf")]])
    same = torch.tensor([[True, False, False]])
    lacked = torch.tensor([[0.7, 0.2, 0.9]])
    inputs, rows = neighbour_inputs(distance, torch.zeros(1, 3), same, 3, None, lacked)
    assert inputs.shape == (1, 3, 6)
    assert inputs[0, :, 5].tolist() == pytest.approx([0.7, 0.2, 0.0])
    assert rows[0, 2:].tolist() == pytest.approx([0.7, 0.2])  # the nearest's, the least


def _neighbour_combiner(seed: int) -> Combiner:
    torch.manual_seed(seed)
    combiner = Combiner(CombinerConfig(knn=KNN, neighbour_features=True))
    for parameter in combiner.net.parameters():
        torch.nn.init.normal_(parameter, std=0.5)
    return combiner


def test_an_ensemble_reads_the_mean_of_its_members_and_starts_as_knn(
    tmp_path: Path, tiny_backbone
) -> None:  # type: ignore[no-untyped-def]
    untrained = Combiner(CombinerConfig(knn=KNN, neighbour_features=True, members=3))
    knn = _step(KnnFusion(**KNN), tiny_backbone)  # type: ignore[arg-type]
    assert torch.allclose(_step(TrainedKnnFusion(untrained), tiny_backbone), knn, atol=1e-6)
    members = [_neighbour_combiner(seed) for seed in (1, 2)]
    ensemble = Combiner.ensemble(members)
    assert ensemble.config.members == 2
    features = torch.randn(8, ensemble.config.features)
    lam = torch.rand(8)
    inputs = torch.randn(8, 4, len(ensemble.config.neighbour_inputs))
    with torch.no_grad():
        mean_lam = (members[0].lambdas(features, lam) + members[1].lambdas(features, lam)) / 2
        assert torch.allclose(ensemble.lambdas(features, lam), mean_lam)
        offsets = [m.net.offsets(inputs) for m in members]
        assert torch.allclose(ensemble.net.offsets(inputs), (offsets[0] + offsets[1]) / 2)  # type: ignore[operator]
    stepped = _step(TrainedKnnFusion(ensemble), tiny_backbone)
    assert not torch.allclose(stepped, _step(TrainedKnnFusion(members[0]), tiny_backbone))
    ensemble.save(tmp_path / "e", BaseInfo(name="tiny"))
    loaded = Combiner.load(tmp_path / "e")[0]
    assert loaded.config.members == 2
    assert torch.allclose(_step(TrainedKnnFusion(loaded), tiny_backbone), stepped)
    assert Combiner.ensemble(members[:1]) is members[0]


def test_an_ensemble_refuses_members_of_different_configs() -> None:
    with pytest.raises(ConfigError, match="an ensemble's members must share one combiner config"):
        Combiner.ensemble([_neighbour_combiner(1), _trained()])
    with pytest.raises(ConfigError, match=r"combiner\.members must be an integer >= 1, got 0"):
        CombinerConfig(members=0)


def test_a_score_head_starts_as_knn_and_reads_each_neighbours_match_score(
    tmp_path: Path, tiny_backbone
) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ConfigError, match="score_features needs neighbour_features: true"):
        CombinerConfig(score_features=True)
    config = CombinerConfig(knn=KNN, neighbour_features=True, score_features=True)
    assert config.feature_names[-1] == "nearest_match_score"
    assert config.neighbour_inputs[-1] == "match_score"
    knn = _vote(KnnFusion(**KNN), tiny_backbone)  # type: ignore[arg-type]
    untrained = _vote(TrainedKnnFusion(Combiner(config)), tiny_backbone)
    assert all(torch.allclose(a, b) for a, b in zip(untrained, knn, strict=True))
    trained = Combiner(config)
    assert isinstance(trained.net, CombinerNet) and trained.net.neighbour is not None
    with torch.no_grad():  # a vote offset of -10 times the neighbour's match score
        trained.net.neighbour[0].weight.zero_()
        trained.net.neighbour[0].weight[:, -1].fill_(10.0)
        trained.net.neighbour[-1].weight.fill_(-1.0 / 16)
    weights = _vote(TrainedKnnFusion(trained), tiny_backbone)[1]
    assert not torch.allclose(weights, knn[1])
    trained.save(tmp_path / "s", BaseInfo(name="tiny"))
    loaded = _vote(TrainedKnnFusion(tmp_path / "s"), tiny_backbone)
    assert torch.allclose(loaded[1], weights)
    with pytest.raises(ConfigError, match="reads score_features: featurise its rows again"):
        trained.inputs(torch.zeros(1, config.features), *[torch.zeros(1, 2)] * 2, torch.ones(1, 2))


@pytest.mark.parametrize(
    ("options", "fields"),
    [
        ({}, frozenset()),
        ({"missing_features": True}, frozenset({"missing"})),
        ({"score_features": True}, frozenset({"scores"})),
    ],
)
def test_a_decoding_step_computes_the_neighbour_fields_its_combiner_reads(
    tiny_backbone, options: dict[str, bool], fields: frozenset[str]
) -> None:  # type: ignore[no-untyped-def]
    """The shipped kind reads neither what matches lack nor their scores, so its steps leave
    them out; a combiner that reads one gets it, and its step equals one given every field."""
    combiner = Combiner(CombinerConfig(knn=KNN, neighbour_features=True, **options))
    assert combiner.net.neighbour is not None
    with torch.no_grad():
        for parameter in combiner.net.neighbour.parameters():
            torch.nn.init.normal_(parameter, std=0.5)
    fusion = TrainedKnnFusion(combiner)
    stepped = _step(fusion, tiny_backbone)
    state = fusion.prepare(
        tiny_backbone,
        [SOURCE, "hello world"],
        [[make_match(SOURCE, TARGET, 90.0)], [make_match("hello", "hallo", 60.0, 1)]],
    )
    assert state is not None and state.step_fields == fields
    state.step_fields = frozenset({"missing", "scores"})  # every field, as training reads
    generator = torch.Generator().manual_seed(0)
    hidden = torch.randn(4, tiny_backbone.d_model, generator=generator)
    log_probs = torch.log_softmax(torch.randn(4, 50, generator=generator), dim=1)
    prefix = torch.full((4, 1), tiny_backbone.start_id)
    every = state.fuse_log_probs(hidden, log_probs, torch.tensor([0, 0, 1, 1]), prefix)
    assert torch.equal(stepped, every)

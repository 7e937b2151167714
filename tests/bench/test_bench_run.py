"""A whole benchmark on the tiny fixture folder with the tiny random model: files, keys, modes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import torch

from ltmt import Memory, Translator
from ltmt.bench import BenchConfig, BenchRun, run_bench, summarize, write_report
from ltmt.bench.report import render_markdown
from ltmt.bench.systems import DecodeOptions, TmSystem, TranslatorSystem, build_systems
from ltmt.errors import InputError
from ltmt.evaluate import BANDS, score_corpus
from ltmt.segments import Translation

pytestmark = pytest.mark.slow  # a whole run with the tiny model: ~10-20 s

DATA = Path(__file__).parent / "data"
ENTRY_KEYS = {
    "bleu",
    "chrf",
    "ter",
    "placeholder_acc",
    "segments",
    "seconds",
    "segments_per_s",
    "tokens_per_s",
}


@pytest.fixture(scope="module")
def bench(
    tiny_model_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[BenchRun, dict[str, Any], Path]:
    out = tmp_path_factory.mktemp("bench-out")
    config = BenchConfig(
        users_dir=DATA / "users",
        systems=("base", "tm", "exact", "knn", "attention"),
        model=str(tiny_model_dir),
        online=True,
        general_dir=DATA / "general",
        memory_user=DATA / "users" / "alpha.memory.jsonl",
        output=out,
        beam=1,
        threads=1,  # tiny ops: one thread is fastest, and immune to a busy machine
    )
    lines: list[str] = []
    threads = torch.get_num_threads()
    run = run_bench(config, progress=lines.append)
    assert torch.get_num_threads() == threads  # restored after the run
    results = summarize(run)
    write_report(run, results, out)
    assert any(line.startswith("alpha: base translated 4 segments") for line in lines)
    return run, results, out


def test_results_json(bench: tuple[BenchRun, dict[str, Any], Path], tiny_model_dir: Path) -> None:
    _, _, out = bench
    results = json.loads((out / "results.json").read_text("utf-8"))
    assert results["model"] == str(tiny_model_dir)
    assert set(results["sacrebleu"]) == {"bleu", "chrf", "ter"}
    assert results["sacrebleu"]["bleu"].startswith("nrefs:1|case:mixed|eff:no|tok:13a")
    offline = ["base", "tm", "exact", "knn"]
    online = ["tm+online", "exact+online", "knn+online"]  # base ignores the memory: no online run
    assert list(results["systems"]) == offline + online
    for entry in results["systems"].values():
        assert set(entry) >= ENTRY_KEYS
        assert entry["segments"] == 8
        assert entry["seconds"] > 0 and entry["segments_per_s"] > 0 and entry["tokens_per_s"] >= 0
    assert list(results["per_user"]) == ["alpha", "beta"]
    assert all(
        set(e) >= ENTRY_KEYS and e["segments"] == 4
        for u in results["per_user"].values()
        for e in u.values()
    )
    assert results["users"] == {"alpha": {"memory": 4, "test": 4}, "beta": {"memory": 3, "test": 4}}
    assert set(results["bands"]) == set(results["systems"])
    assert all(list(bands) == list(BANDS) for bands in results["bands"].values())
    assert sum(results["band_segments"].values()) == 8
    assert results["band_segments"]["100"] == 1  # "open the file" is in alpha's memory
    assert list(results["general"]) == ["tiny"]
    assert list(results["general"]["tiny"]) == offline
    assert results["general"]["tiny"]["base"]["segments"] == 3
    assert results["threads"] == 1
    assert results["workers"] == 1  # one thread: one batch at a time
    assert "tokenizer" in results["token_unit"]
    # which weights each system's fused batches ran on, and the CPU that decided them
    assert set(results["fused_weights"]) == set(results["systems"])
    assert results["fused_weights"]["base"] == results["fused_weights"]["tm"] == "none"
    # what this CPU decides (float32, bfloat16, int8, an int8 output projection ...)
    from ltmt.model.backbone import fusion_weights_for, load_backbone
    from ltmt.model.fast_encoder import refusal

    decided = fusion_weights_for(load_backbone(tiny_model_dir), None, None)
    if not refusal(decided):  # the label names CTranslate2's int8 encoder of int8 weights
        decided.use_fast_encoder(threads=1, workers=1, required=False)
    assert results["fused_weights"]["knn"] == decided.weights_label
    # and what encoded them: CTranslate2 where those weights have a CTranslate2 encoder
    assert results["fused_encoder"]["base"] == "none"
    assert results["fused_encoder"]["knn"] == ("torch" if refusal(decided) else "ctranslate2")
    assert set(results["cpu"]) == {"name", "flags"}
    assert results["config"]["online"] is True


def test_scores_are_pooled_over_users(bench: tuple[BenchRun, dict[str, Any], Path]) -> None:
    run, results, _ = bench
    tm = [r for r in run.runs if r.system == "tm" and not r.general]
    pooled = score_corpus(
        [h for r in tm for h in r.hypotheses],
        [h for r in tm for h in r.references],
        [h for r in tm for h in r.sources],
    )
    assert results["systems"]["tm"]["bleu"] == pooled.bleu
    assert results["systems"]["tm"]["placeholder_acc"] == pooled.placeholder_acc


def test_unavailable_fusion_is_skipped_with_reason(
    bench: tuple[BenchRun, dict[str, Any], Path],
) -> None:
    _, results, out = bench
    # The tiny model ships no attention adapter: attention is reported as skipped, not a crash.
    assert "attention" in results["skipped"] and results["skipped"]["attention"]
    assert "attention" not in results["systems"] and "attention+online" not in results["systems"]
    assert "## Skipped systems" in (out / "results.md").read_text("utf-8")


def test_markdown_plot_and_hypotheses(bench: tuple[BenchRun, dict[str, Any], Path]) -> None:
    _, _, out = bench
    markdown = (out / "results.md").read_text("utf-8")
    assert "## All users (2 users, 8 segments, corpus-level)" in markdown
    assert "| system | BLEU | chrF2 | TER | placeholders % | from memory |" in markdown
    assert "From memory: segments whose output came from the user's memory" in markdown
    assert "| system | 0-49 (n=" in markdown
    assert "| user | base | tm | exact | knn | tm+online | exact+online | knn+online |" in markdown
    assert "### tiny" in markdown and "![BLEU by fuzzy-match band](bands.png)" in markdown
    assert (out / "bands.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    rows = [json.loads(line) for line in (out / "hypotheses.jsonl").read_text("utf-8").splitlines()]
    assert len(rows) == 7 * 8 + 4 * 3
    assert set(rows[0]) == {"set", "system", "source", "reference", "hypothesis", "method", "band"}


def test_online_adds_references_as_it_goes(bench: tuple[BenchRun, dict[str, Any], Path]) -> None:
    run, _, _ = bench
    beta = {r.system: r for r in run.runs if r.testset == "beta"}
    # beta's test repeats "the cat sat on the mat": online, its reference is in memory by then.
    assert beta["exact"].sources[1] == beta["exact"].sources[3]
    assert beta["exact"].methods[3] == "model"
    assert beta["exact+online"].methods[1] == "model"
    assert beta["exact+online"].methods[3] == "exact"
    assert beta["exact+online"].hypotheses[3] == "die Katze saß auf der Matte"
    assert beta["tm+online"].hypotheses[3] == "die Katze saß auf der Matte"


@pytest.fixture
def one_thread() -> Iterator[None]:
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


def _tm(
    options: DecodeOptions,
    memory: Memory,
    sources: list[str],
    *,
    threshold: float,
    repair: bool = False,
) -> list[Translation]:
    """Translate ``sources`` for user ``u`` with a TM system over the base model."""
    fallback = TranslatorSystem("base", options, uses_memory=False)
    name = "tm-repair" if repair else "tm"
    return TmSystem(name, threshold, fallback, repair=repair).bind(memory).translate(sources, "u")


@pytest.mark.usefixtures("one_thread")
def test_tm_takes_the_memory_target_above_the_threshold(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    options = DecodeOptions(Translator(tiny_model_dir).backbone, beam=1)
    with Memory(tmp_path / "store") as memory:
        memory.add("u", "the file was not found", "die Datei wurde nicht gefunden")
        sources = ["the file was not found.", "press OK to continue"]
        [high, low] = _tm(options, memory, sources, threshold=70)
        assert (high.text, high.method) == ("die Datei wurde nicht gefunden", "tm")
        assert high.matches[0].score >= 90
        assert low.method == "model"
        [strict, _] = _tm(options, memory, sources, threshold=100)
        assert strict.method == "model"


@pytest.mark.usefixtures("one_thread")
def test_tm_repair_carries_the_verbatim_word_into_the_match(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    options = DecodeOptions(Translator(tiny_model_dir).backbone, beam=1)
    with Memory(tmp_path / "store") as memory:
        memory.add("u", "cat-file reported failure", "cat-file meldete Fehler")
        [plain] = _tm(options, memory, ["mktree reported failure"], threshold=70)
        [repaired] = _tm(options, memory, ["mktree reported failure"], threshold=70, repair=True)
    assert plain.text == "cat-file meldete Fehler"
    assert (repaired.text, repaired.method) == ("mktree meldete Fehler", "tm")
    assert repaired.matches[0].score == 100


def test_unknown_fusion_module_is_skipped(
    tiny_model_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ltmt.fusion import registry

    monkeypatch.setitem(registry.FUSION_METHODS, "ghost", "ltmt.fusion.ghost:GhostFusion")
    options = DecodeOptions(Translator(tiny_model_dir).backbone, beam=1)
    systems, skipped = build_systems(["base", "ghost"], options, 70)
    assert [s.name for s in systems] == ["base"]
    assert skipped == {"ghost": "fusion method 'ghost' is not available in this version"}


def _fusion_systems(
    tiny_model_dir: Path, names: list[str], *options: str
) -> tuple[list[str], dict[str, str]]:
    backbone = Translator(tiny_model_dir).backbone
    systems, skipped = build_systems(
        names, DecodeOptions(backbone, beam=1, fusion_options=options), 70
    )
    return [s.name for s in systems], skipped


def test_a_fusion_option_no_system_takes_is_an_error(tiny_model_dir: Path) -> None:
    from ltmt.fusion.registry import UnknownFusionOption

    with pytest.raises(UnknownFusionOption, match=r"'knn': unknown option 'neighbour'; its opt"):
        _fusion_systems(tiny_model_dir, ["base", "knn"], "neighbour=8")


def test_a_fusion_option_another_system_takes_skips_the_system_that_does_not(
    tiny_model_dir: Path,
) -> None:
    names, skipped = _fusion_systems(tiny_model_dir, ["base", "knn", "knn-trained"], "neighbours=8")
    assert names == ["base", "knn"]
    assert "unknown option 'neighbours'" in skipped["knn-trained"]


def test_a_combiner_folder_that_does_not_load_is_an_error(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    from ltmt.errors import ModelError

    with pytest.raises(ModelError, match=r"no trained combiner in .*nowhere"):
        _fusion_systems(tiny_model_dir, ["base", "knn-trained"], f"combiner={tmp_path}/nowhere")


def _two_workers(tiny_model_dir: Path, output: Path, **settings: Any) -> BenchConfig:
    """The dev-like users on the tiny model, beam 1, one line a batch, two workers."""
    return BenchConfig(
        users_dir=DATA / "users", model=str(tiny_model_dir), output=output, beam=1,
        batch_size=1, threads=2, workers=2, **settings,
    )  # fmt: skip


def test_two_workers_report_themselves_and_translate_as_one(
    bench: tuple[BenchRun, dict[str, Any], Path], tiny_model_dir: Path, tmp_path: Path
) -> None:
    run, _, _ = bench
    two = run_bench(_two_workers(tiny_model_dir, tmp_path, systems=("base", "knn")))
    results = summarize(two)
    assert results["workers"] == 2 and results["threads"] == 2
    assert "2 torch threads, 2 batches at once" in render_markdown(results)
    one = {(r.system, r.testset): r.hypotheses for r in run.runs if not r.general}
    assert all(r.hypotheses == one[(r.system, r.testset)] for r in two.runs)


def test_worker_processes_report_themselves_and_translate_as_threads(
    bench: tuple[BenchRun, dict[str, Any], Path],
    tiny_model_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ltmt.worker_processes import stop_worker_processes

    monkeypatch.setenv("LTMT_CACHE_DIR", str(tmp_path / "cache"))
    run, _, _ = bench
    config = _two_workers(tiny_model_dir, tmp_path, systems=("knn",), worker_processes=True)
    try:
        processes = run_bench(config)
    finally:
        stop_worker_processes()
    results = summarize(processes)
    assert results["worker_processes"] is True
    assert "2 batches at once (fused ones in processes)" in render_markdown(results)
    one = {(r.system, r.testset): r.hypotheses for r in run.runs if not r.general}
    assert all(r.hypotheses == one[(r.system, r.testset)] for r in processes.runs)


def test_a_source_language_the_model_does_not_translate_is_refused(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    config = BenchConfig(
        users_dir=DATA / "users", model=str(tiny_model_dir), output=tmp_path, source_lang="fr"
    )
    with pytest.raises(InputError, match=r"^source_lang fr: .* translates en→de only"):
        run_bench(config)
    assert not any(tmp_path.iterdir())


def test_fusion_options_reach_the_systems_and_the_record_fingerprints_them(
    model_with_combiner: Path, tmp_path: Path
) -> None:
    from ltmt.bench.runner import files_fingerprint
    from ltmt.fusion.registry import COMBINER_SUBDIR

    combiner = model_with_combiner / COMBINER_SUBDIR
    config = BenchConfig(
        users_dir=DATA / "users", systems=("base", "knn-trained"), model=str(model_with_combiner),
        output=tmp_path, beam=1, threads=1, limit=1, fusion_options=(f"combiner={combiner}",),
    )  # fmt: skip
    results = summarize(run_bench(config))
    assert results["model"] == str(model_with_combiner)
    assert len(results["model_fingerprint"]) == 16
    assert results["software"]["git"] is None or len(results["software"]["git"]["commit"]) == 40
    assert results["software"]["torch"] == torch.__version__
    assert results["trained"] == {
        "knn-trained": {"path": str(combiner), "fingerprint": files_fingerprint(combiner)}
    }
    assert results["config"]["fusion_options"] == [f"combiner={combiner}"]
    (combiner / "config.json").write_text("{}", "utf-8")  # trained again: another fingerprint
    assert files_fingerprint(combiner) != results["trained"]["knn-trained"]["fingerprint"]


def test_outputs_at_the_length_limit_are_named_by_their_segment(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The warning moved to ``ltmt translate``'s own run, so a bench named no output that ran
    to the model's length limit (session 59's log named 21); it names each by set, system and
    segment number."""
    from ltmt.bench.data import TestSet
    from ltmt.bench.runner import _system_run

    testset = TestSet("dpkg", "dpkg", ("a", "b"), ("A", "B"), (), "memory.jsonl")
    translations = [Translation("a", "A"), Translation("b", "B B B", unfinished=True)]
    with caplog.at_level("WARNING", logger="ltmt.bench.runner"):
        run = _system_run("knn", testset, False, translations, (), 1.0, len)
    assert run.hypotheses == ("A", "B B B")
    assert [r.getMessage() for r in caplog.records] == [
        "dpkg: knn: the model's output for segment 2 ('b') stopped at its length limit, "
        "unfinished (cut short or repeating itself)"
    ]

"""knn-trained costs no torch import until a batch needs the fused decoder (peak RSS, issue 16).

Nor does the model's tokenizer import transformers (:mod:`ltmt.model.spm_tokenizer`).

The combiner's behaviour is tested in ``test_combiner.py``; here, what ``auto`` (= knn-trained on
a model that ships a combiner) loads for a run that never reaches the fused decoder.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ltmt.errors import ModelError
from ltmt.fusion.adapter import BaseInfo
from ltmt.fusion.combiner import Combiner, CombinerConfig
from ltmt.fusion.knn import KnnFusion
from ltmt.fusion.registry import COMBINER_SUBDIR
from ltmt.fusion.trained_knn import TrainedKnnFusion
from ltmt.model.backbone import load_backbone

# runs ``ltmt ARGV`` in a fresh interpreter, then prints which heavy modules it imported
CHILD = """
import sys
from ltmt.cli.main import run
try:
    run(sys.argv[1:])
except SystemExit as exc:
    assert not exc.code, exc.code
heavy = ("torch", "ltmt.fusion.combiner", "transformers")
print("imported:", sorted(m for m in heavy if m in sys.modules))
"""


def _ltmt(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, *args], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_auto_on_a_model_with_a_combiner_imports_no_torch_without_memory(
    model_with_combiner: Path, tmp_path: Path
) -> None:
    model = model_with_combiner
    source = tmp_path / "in.txt"
    source.write_text("open the file\nhello world\n", "utf-8")
    out = tmp_path / "out.txt"
    printed = _ltmt(
        "translate", str(source), "--user", "nobody", "--model", str(model),
        "--memory-dir", str(tmp_path / "store"), "--output", str(out), "--engine", "ctranslate2",
    )  # fmt: skip
    assert "imported: []" in printed
    assert len(out.read_text("utf-8").splitlines()) == 2


def test_auto_reads_the_combiner_at_the_first_batch_with_a_match(
    model_with_combiner: Path, tmp_path: Path
) -> None:
    model = model_with_combiner
    store = str(tmp_path / "store")
    _ltmt("memory", "add", "--user", "u", "--source", "open the file",
          "--target", "öffne die Datei", "--memory-dir", store)  # fmt: skip
    source = tmp_path / "in.txt"
    source.write_text("open the files\n", "utf-8")
    printed = _ltmt(
        "translate", str(source), "--user", "u", "--model", str(model), "--memory-dir", store,
        "--output", str(tmp_path / "out.txt"),
    )  # fmt: skip
    assert "imported: ['ltmt.fusion.combiner', 'torch']" in printed


def test_the_matches_a_combiner_reads_come_from_its_config_without_loading_it(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    model = tmp_path / "model"
    shutil.copytree(tiny_model_dir, model)
    Combiner(CombinerConfig(knn={"max_matches": 8})).save(
        model / COMBINER_SUBDIR, BaseInfo(name="tiny")
    )
    fusion = TrainedKnnFusion()
    assert fusion.matches_read(load_backbone(model)) == 8
    assert fusion.combiner is None  # read at the first batch with a match, not before
    assert KnnFusion(max_matches=3).matches_read(load_backbone(model)) == 3
    assert TrainedKnnFusion().matches_read(load_backbone(tiny_model_dir)) == 2  # none: knn's


def test_the_first_inputs_of_a_run_are_routed_by_the_combiners_selection(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    """Before its first batch the combiner is not loaded, yet the translator routes every input
    by the combiner's match selection (here min score 40, where knn's is 50): a 45 match is read
    by the first translation as by the next ones, not left to the plain decoder."""
    from ltmt import Memory, Translator
    from ltmt.routing import needs_fusion
    from ltmt.segments import Match, Segment

    model = tmp_path / "model"
    shutil.copytree(tiny_model_dir, model)
    Combiner(CombinerConfig(knn={"min_score": 40.0, "max_matches": 6})).save(
        model / COMBINER_SUBDIR, BaseInfo(name="tiny")
    )
    backbone = load_backbone(model)
    fusion = TrainedKnnFusion()
    weak = (Match(Segment(1, "u", "close the window", "Fenster schließen", 0.0, "api"), 45.0),)
    assert fusion.selection_for(backbone).min_score == 40.0
    assert needs_fusion(fusion, "open the file", weak, backbone)
    assert not needs_fusion(fusion, "open the file", weak)  # without the model: knn's 50
    assert fusion.combiner is None  # read at the first batch with a match, not before
    assert not needs_fusion(KnnFusion(), "open the file", weak, backbone)
    with Memory(tmp_path / "store") as memory:
        memory.add("u", "Close the door now", "Schließe jetzt die Tür")
        [found] = memory.search_batch("u", ["Save the file"], k=1)
        assert 40 <= found[0].score < 50
        translator = Translator(backbone, memory, fusion="knn-trained", beam=2)
        methods = [translator.translate(["Save the file"], user="u")[0].method]
        methods.append(translator.translate(["Save the file"], user="u")[0].method)
    assert methods == ["knn-trained", "knn-trained"]
    loaded = TrainedKnnFusion(
        Combiner(CombinerConfig(knn={"min_score": 40.0, "min_best_score": 50.0}))
    )
    assert not needs_fusion(loaded, "open the file", weak, backbone)  # weak matches alone: no
    good = (Match(Segment(2, "u", "open the files", "öffne die Dateien", 0.0, "api"), 80.0),)
    assert needs_fusion(loaded, "open the file", (*good, *weak), backbone)


def test_the_shipped_combiner_reads_matches_from_40_beside_a_best_one_of_50() -> None:
    """What every measured run of the shipped combiner did (routing by knn's selection until
    session 18) is its config: weak matches alone are never fused (issue 12's unrelated-memory
    limit), and it reads them beside a good one."""
    from ltmt.fusion.selection import MatchSelection

    settings = TrainedKnnFusion().settings_for(load_backbone(None))
    assert settings.selection == MatchSelection(40.0, 6, min_best=50.0)


def test_a_damaged_combiner_is_a_model_error_naming_the_file(tmp_path: Path) -> None:
    """A truncated ``model.safetensors`` (a copy cut short) was safetensors' own traceback."""
    directory = tmp_path / "combiner"
    Combiner(CombinerConfig()).save(directory, BaseInfo(name="tiny"))
    weights = directory / "model.safetensors"
    weights.write_bytes(weights.read_bytes()[:1000])
    with pytest.raises(
        ModelError,
        match=rf"^{weights} is damaged \(.*\); replace the trained combiner or train one: "
        "ltmt train fusion --config configs/train/fusion-combiner-en-de.yaml$",
    ):
        TrainedKnnFusion(directory)

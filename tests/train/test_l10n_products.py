"""Choosing l10n products for training: some only, or all but some held out (a base that has
never seen the products a fusion layer then learns from)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ltmt.config import from_dict
from ltmt.errors import InputError
from ltmt.train.config import BaseTrainConfig, DataSpec
from ltmt.train.data import l10n_product_files, load_training_pairs
from ltmt.train.fusion_data import FusionDataSpec, load_groups

PRODUCTS = {
    "apt": [("Reading package lists", "Paketlisten werden gelesen")],
    "tar": [("Cannot open archive", "Archiv kann nicht geöffnet werden")],
    "sed": [("unknown option", "unbekannte Option"), ("missing command", "fehlender Befehl")],
}


def _data(root: Path) -> Path:
    (root / "general").mkdir(parents=True)
    (root / "general" / "train.en").write_text("the cat sat\n", "utf-8")
    (root / "general" / "train.de").write_text("die Katze saß\n", "utf-8")
    (root / "l10n" / "train").mkdir(parents=True)
    for name, pairs in PRODUCTS.items():
        rows = [json.dumps({"user": name, "source": s, "target": t}) for s, t in pairs]
        (root / "l10n" / "train" / f"{name}.jsonl").write_text("\n".join(rows) + "\n", "utf-8")
    return root


def _names(paths: list[Path]) -> list[str]:
    return [path.stem for path in paths]


def test_all_products_by_default_some_only_or_all_but_some(tmp_path):
    root = _data(tmp_path)
    glob = "l10n/train/*.jsonl"
    assert _names(l10n_product_files(root, glob)) == ["apt", "sed", "tar"]
    assert _names(l10n_product_files(root, glob, products=["tar", "apt"])) == ["apt", "tar"]
    assert _names(l10n_product_files(root, glob, exclude=["sed"])) == ["apt", "tar"]
    assert _names(l10n_product_files(root, glob, ["apt", "sed"], ["tar"])) == ["apt", "sed"]


@pytest.mark.parametrize(
    ("products", "exclude", "message"),
    [
        (["tra"], [], "no l10n product 'tra' under "),
        ([], ["apt", "vim"], "no l10n product 'vim' under "),
        (["apt"], ["apt"], "l10n products both chosen and excluded: apt"),
    ],
)
def test_a_name_matching_no_product_or_both_lists_is_an_error(tmp_path, products, exclude, message):
    with pytest.raises(InputError, match=message):
        l10n_product_files(_data(tmp_path), "l10n/train/*.jsonl", products, exclude)


def test_a_dev_users_file_is_refused(tmp_path):
    root = _data(tmp_path)
    (root / "l10n" / "dev").mkdir()
    (root / "l10n" / "dev" / "git.memory.jsonl").write_text("", "utf-8")
    with pytest.raises(InputError, match="refusing to train on a dev user's file"):
        l10n_product_files(root, "l10n/*/*.jsonl", exclude=["apt"])


def test_the_base_trains_without_the_excluded_products(tmp_path):
    root = _data(tmp_path)
    spec = DataSpec(data_dir=str(root), l10n_upsample=1, l10n_exclude=("sed",))
    pairs = load_training_pairs(spec)
    assert ("the cat sat", "die Katze saß") in pairs
    assert ("Cannot open archive", "Archiv kann nicht geöffnet werden") in pairs
    assert not {source for source, _ in pairs} & {"unknown option", "missing command"}


def test_a_fusion_layer_learns_from_the_chosen_products_only(tmp_path):
    root = _data(tmp_path)
    spec = FusionDataSpec(data_dir=str(root), l10n_products=("sed",), general_pool=0)
    names, groups = load_groups(spec, seed=1)
    assert names == ["sed"]
    assert sorted(groups[0]) == sorted(PRODUCTS["sed"])


def test_the_lists_read_from_a_yaml_config_are_kept_in_the_saved_config(tmp_path):
    config = from_dict(
        BaseTrainConfig, {"data": {"data_dir": str(tmp_path), "l10n_exclude": ["sed", "tar"]}}
    )
    assert config.data.l10n_exclude == ("sed", "tar")
    assert config.data.l10n_products == ()
    one = from_dict(FusionDataSpec, {"l10n_products": "sed"})
    assert one.l10n_products == ("sed",)  # one name, not its letters


def test_the_held_out_base_and_its_combiner_name_the_same_products():
    from ltmt.config import read_yaml
    from ltmt.train.combiner import CombinerTrainConfig

    configs = Path(__file__).resolve().parents[2] / "configs" / "train"
    base = from_dict(BaseTrainConfig, read_yaml(configs / "base-en-de-gpu-heldout.yaml"))
    combiner = from_dict(
        CombinerTrainConfig,
        read_yaml(configs / "combiner-heldout" / "fusion-combiner-heldout.yaml"),
    )
    assert len(base.data.l10n_exclude) == 10
    assert combiner.data.l10n_products == base.data.l10n_exclude
    assert base.data.l10n_products == () and combiner.data.l10n_exclude == ()

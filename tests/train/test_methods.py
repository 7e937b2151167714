"""The training method a config names, and an unknown one."""

from __future__ import annotations

import pytest

from ltmt.errors import ConfigError
from ltmt.train.combiner import CombinerTrainConfig
from ltmt.train.fusion import FusionTrainConfig
from ltmt.train.methods import read_method_config


def test_the_method_key_picks_the_config_and_attention_is_the_default() -> None:
    assert isinstance(read_method_config({}), FusionTrainConfig)
    assert isinstance(read_method_config({"method": "attention"}), FusionTrainConfig)
    assert isinstance(read_method_config({"method": "combiner"}), CombinerTrainConfig)


@pytest.mark.parametrize(
    ("method", "message"),
    [
        (
            "combinr",
            r"^t\.yaml: method: 'combinr' is not a training method \(did you mean 'combiner'\?\); "
            r"known: attention, combiner$",
        ),
        (7, r"^t\.yaml: method: 7 is not a training method; known: attention, combiner$"),
    ],
)
def test_an_unknown_method_is_named_with_the_closest_known_one(
    method: object, message: str
) -> None:
    with pytest.raises(ConfigError, match=message):
        read_method_config({"method": method, "combiner": {}}, where="t.yaml")


@pytest.mark.parametrize(
    ("sections", "named"),
    [({"combiner": {}}, "combiner"), ({"combiner": {}, "variants": {}}, "combiner and variants")],
)
def test_a_combiner_config_without_its_method_is_told_to_say_it(
    sections: dict[str, object], named: str
) -> None:
    with pytest.raises(
        ConfigError,
        match=rf"^t\.yaml: {named} belong to a combiner config: add method: combiner "
        r"\(without it, the method is attention\)$",
    ):
        read_method_config({**sections, "data": {}}, where="t.yaml")

"""Server settings are checked when they are made."""

from __future__ import annotations

import pytest

from ltmt.errors import ConfigError
from ltmt.server.config import ServerConfig


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"max_segments": 0}, "max_segments must be a positive integer, got 0"),
        ({"beam": 9}, "beam 9 is above max_beam 8"),
        (
            {"fusion": "magic"},
            "fusion must be one of none, knn, attention, knn-trained, auto, got 'magic'",
        ),
        ({"batch_wait_ms": -1}, "batch_wait_ms must be >= 0, got -1"),
        ({"threads": -1}, "threads must be >= 0, got -1"),
        ({"scan_max": -1}, "scan_max must be >= 0, got -1"),
    ],
)
def test_bad_settings_are_clear_errors(kwargs, message):
    with pytest.raises(ConfigError, match=message.replace("(", r"\(")):
        ServerConfig(**kwargs)


def test_settings_travel_to_worker_processes_as_json():
    config = ServerConfig(
        port=9000, memory_dir="/srv/store", max_segments=16, cors_origins=("*", "http://a:1")
    )
    assert ServerConfig.from_json(config.to_json()) == config


def test_unreadable_settings_name_the_variable():
    with pytest.raises(ConfigError, match=r"\$LTMT_SERVE_CONFIG is not JSON"):
        ServerConfig.from_json("{")


def test_the_scan_limit_defaults_to_the_memorys():
    from ltmt.memory.sources import SCAN_MAX

    assert ServerConfig().scan_max == SCAN_MAX

"""Property test: no input file makes ``ltmt`` print a traceback or change the store on failure.

Random bytes, random JSON (values and deep nesting), random Unicode, Fluent-like lines and random XML (with the
element names of TMX, XLIFF, Qt Linguist, Android, .resx and plists) go to every import format
(``ltmt memory import``, a one-language file beside a fuzzed source file) and every document
format (``ltmt translate``), through the CLI in-process. Each run must end in exit 0,
or exit 1 with one ``ltmt: error:`` line; after a failed import the store is as it was.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ltmt import Memory

IMPORT_FORMATS = ("jsonl", "tsv", "tmx", "po", "xliff", "ts", "xcstrings")
# one language a file: imported beside a source file (fuzzed too)
ONE_LANGUAGE_FORMATS = (
    "android", "properties", "resx", "strings", "stringsdict", "yaml", "srt", "vtt", "json",
    "ftl",
)  # fmt: skip
DOCUMENT_FORMATS = ("txt", "jsonl", "po", "xliff", "ts", "xcstrings", *ONE_LANGUAGE_FORMATS)
SUFFIX = {"android": "xml", "strings": "strings", "yaml": "yml"}
TAGS = (
    "tmx", "header", "body", "tu", "tuv", "seg", "prop", "note", "xliff", "file", "trans-unit",
    "source", "target", "unit", "segment", "g", "x", "ph", "bpt", "ept", "pc", "TS", "context",
    "message", "translation", "numerusform", "resources", "string", "plurals", "item", "root",
    "resheader", "data", "value", "plist", "dict", "key",
)  # fmt: skip
LANGS = ("en", "de", "en-US", "fr", "", "DE-de")
FUZZ = settings(
    max_examples=25,
    deadline=3000,
    derandomize=True,  # the same examples every run: a failure here is a real regression
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["source", "target", "note", "id"]), inner, max_size=3)
    ),
    max_leaves=12,
)
json_lines = st.lists(json_values.map(json.dumps), min_size=1, max_size=4).map("\n".join)
deep_json = st.tuples(st.integers(1, 20_000), st.sampled_from("[{")).map(
    lambda d: (
        '{"source": "a", "target": "b", "m": '
        + (d[1] + '"k": ') * 0
        + ("[" * d[0] + "]" * d[0] if d[1] == "[" else '{"k": ' * d[0] + "1" + "}" * d[0])
        + "}"
    )
)


@st.composite
def xml_elements(draw: st.DrawFn, depth: int = 0) -> str:
    tag = draw(st.sampled_from(TAGS))
    attrs = draw(
        st.dictionaries(
            st.sampled_from(["xml:lang", "lang", "srclang", "version", "id", "trgLang", "srcLang"]),
            st.sampled_from(LANGS) | st.text(max_size=5),
            max_size=3,
        )
    )
    children = draw(st.lists(xml_elements(depth + 1), max_size=3)) if depth < 4 else []
    text = escape(draw(st.text(max_size=15)))
    attributes = "".join(f" {name}={quoteattr(value)}" for name, value in attrs.items())
    return f"<{tag}{attributes}>{text}{''.join(children)}</{tag}>"


xml_documents = st.tuples(st.booleans(), xml_elements(), st.integers(0, 5)).map(
    lambda d: (
        ('<?xml version="1.0" encoding="UTF-8"?>\n' if d[0] else "") + d[1][: len(d[1]) - d[2]]
    )
)
# Fluent-like: messages, terms and attributes with random values (braces, selects, junk)
fluent_lines = st.lists(
    st.tuples(
        st.sampled_from(["a = ", "b-c = ", "-t = ", "    .label = ", "    [one] ", "   *[other] "]),
        st.text(alphabet=st.sampled_from('ab {}$-*>[]."\n'), max_size=20),
    ).map("".join),
    min_size=1,
    max_size=6,
).map("\n".join)
contents = st.one_of(
    fluent_lines.map(lambda t: t.encode("utf-8")),
    st.binary(max_size=300),
    st.text(max_size=200).map(lambda t: t.encode("utf-8")),
    json_lines.map(lambda t: t.encode("utf-8")),
    deep_json.map(lambda t: t.encode("utf-8")),
    xml_documents.map(lambda t: t.encode("utf-8")),
)


def assert_clean_end(code: int, err: str) -> None:
    if code == 0:
        return
    assert code == 1, err
    assert err.startswith("ltmt: error: ") and err.count("\n") == 1, err


def snapshot(store: Path) -> list[tuple[int, str, str]]:
    with Memory(store) as memory:
        return [(s.id, s.source, s.target) for s in memory.segments("u")]


@pytest.mark.parametrize("fmt", IMPORT_FORMATS)
def test_import_never_crashes_nor_changes_the_store_on_failure(
    tmp_path: Path, run_ltmt: Callable[..., tuple[int, str, str]], fmt: str
) -> None:
    store = tmp_path / "store"
    with Memory(store) as memory:
        memory.add("u", "Already stored", "Schon gespeichert")
    path = tmp_path / f"input.{fmt}"

    @FUZZ
    @given(data=contents)
    def check(data: bytes) -> None:
        path.write_bytes(data)
        before = snapshot(store)
        code, _, err = run_ltmt(
            "memory", "import", str(path), "--user", "u", "--memory-dir", str(store)
        )
        assert_clean_end(code, err)
        if code:
            assert snapshot(store) == before

    check()


@pytest.mark.parametrize("fmt", ONE_LANGUAGE_FORMATS)
def test_import_beside_a_source_file_never_crashes_nor_changes_the_store(
    tmp_path: Path, run_ltmt: Callable[..., tuple[int, str, str]], fmt: str
) -> None:
    store = tmp_path / "store"
    with Memory(store) as memory:
        memory.add("u", "Already stored", "Schon gespeichert")
    suffix = SUFFIX.get(fmt, fmt)
    path, source = tmp_path / f"de.{suffix}", tmp_path / f"en.{suffix}"

    @settings(FUZZ, max_examples=10)
    @given(data=contents, source_data=contents)
    def check(data: bytes, source_data: bytes) -> None:
        path.write_bytes(data)
        source.write_bytes(source_data)
        before = snapshot(store)
        code, _, err = run_ltmt("memory", "import", str(path), "--source-file", str(source),
            "--user", "u", "--memory-dir", str(store),
        )  # fmt: skip
        assert_clean_end(code, err)
        if code:
            assert snapshot(store) == before

    check()


@pytest.mark.slow
@pytest.mark.parametrize("fmt", DOCUMENT_FORMATS)
def test_translate_never_crashes_on_any_document(
    tmp_path: Path, run_ltmt: Callable[..., tuple[int, str, str]], fmt: str, tiny_model_dir: Path
) -> None:
    store = tmp_path / "store"
    suffix = SUFFIX.get(fmt, fmt)
    path, output = tmp_path / f"input.{suffix}", tmp_path / f"output.{suffix}"

    @settings(FUZZ, max_examples=8)
    @given(data=contents)
    def check(data: bytes) -> None:
        path.write_bytes(data[:120])
        output.unlink(missing_ok=True)  # a catalog's output is not replaced: each run anew
        code, _, err = run_ltmt("translate", str(path), "--user", "u", "--memory-dir", str(store),
            "--model", str(tiny_model_dir), "--beam", "1", "--output", str(output),
        )  # fmt: skip
        assert_clean_end(code, err)

    check()

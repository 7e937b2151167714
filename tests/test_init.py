"""The package's public names: each one importable from ``ltmt``, none of them loaded up front."""

from __future__ import annotations

import inspect
import subprocess
import sys
import typing
from collections.abc import Iterator

import pytest


def test_every_public_name_resolves() -> None:
    import ltmt

    for name in ltmt.__all__:
        assert getattr(ltmt, name) is not None, name
    from ltmt import Term  # what a glossary passed to Translator is made of

    assert Term("repository", "Depot").target == "Depot"


def test_import_ltmt_loads_neither_torch_nor_the_api() -> None:
    code = "import sys, ltmt; print(sorted(m for m in ('torch', 'ltmt.translator') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_types_an_annotation_names_come_from_ltmt_without_torch() -> None:
    # session 69's trial: ImportReport, PairRecord, Glossary and Warmth, which Memory's and
    # Translator's methods return or take, had to be imported from the modules that define them
    code = (
        "import sys, ltmt\n"
        "from ltmt import Glossary, ImportReport, PairRecord, Warmth\n"
        "from ltmt import AddedPair, ChoiceError, DeletedUser, UserRequest\n"
        "print([c.__module__ for c in (Glossary, ImportReport, PairRecord, Warmth)], "
        "'torch' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == (
        "['ltmt.memory.glossary', 'ltmt.memory.report', 'ltmt.segments', 'ltmt.state_warming'] "
        "False"
    )


def test_the_librarys_warnings_wait_for_the_host_to_configure_logging() -> None:
    # session 70: a host that configured no logging got them on stderr from logging's
    # last-resort handler; ltmt's logger has a NullHandler, as Python's HOWTO asks of a library
    code = (
        "import logging, ltmt\n"
        "logging.getLogger('ltmt.translator').warning('before')\n"
        "logging.basicConfig(level=logging.WARNING, format='%(name)s: %(message)s')\n"
        "logging.getLogger('ltmt.translator').warning('after')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stderr == "ltmt.translator: after\n"


# the Translator's decoding hooks (what the document pipeline and the copy guard call), whose
# annotations name the pipeline's own types (TermMatcher, TermHit, FusionState)
_HOOKS = {"translate_retrieved", "prepare_state", "decode", "decode_ids", "decode_texts"}


def _ltmt_classes(annotation: object) -> Iterator[type]:
    """The classes of ltmt that an annotation names, inside unions and generics too."""
    if isinstance(annotation, type) and annotation.__module__.startswith("ltmt"):
        yield annotation
    for argument in typing.get_args(annotation):
        yield from _ltmt_classes(argument)


def test_every_type_a_public_method_names_is_importable_from_ltmt() -> None:
    # session 70's trial: DeletedUser, AddedPair, UserRequest were importable only from the
    # modules that define them; this keeps the annotations and ltmt.__all__ together
    import ltmt

    public = {name: getattr(ltmt, name) for name in ltmt.__all__}
    missing = []
    for owner in (ltmt.Translator, ltmt.Memory):
        for name, method in inspect.getmembers(owner, inspect.isfunction):
            if name.startswith("_") or name in _HOOKS:
                continue
            try:
                hints = typing.get_type_hints(method, localns=public)
            except NameError as exc:  # a name only the defining module imports
                missing.append(f"{owner.__name__}.{name}: {exc}")
                continue
            for annotation in hints.values():
                for cls in _ltmt_classes(annotation):
                    if public.get(cls.__name__) is not cls:
                        missing.append(f"{owner.__name__}.{name}: {cls.__name__}")
    assert missing == []
    assert (
        public["UserRequest"]
        == typing.get_type_hints(ltmt.Translator.translate_for_users, localns=public)[
            "requests"
        ].__args__[0]
    )


# Imports every module of ltmt as the first of ltmt's modules to load (those loaded before are
# forgotten; third-party modules stay loaded), and prints those that fail.
_EACH_MODULE_FIRST = """
import importlib, pkgutil, sys
import ltmt
failed = []
for name in sorted(m.name for m in pkgutil.walk_packages(ltmt.__path__, "ltmt.")):
    for key in [k for k in sys.modules if k == "ltmt" or k.startswith("ltmt.")]:
        del sys.modules[key]
    try:
        importlib.import_module(name)
    except Exception as exc:
        failed.append(f"{name}: {exc}")
print(failed)
"""


def test_every_module_imports_when_it_is_the_first_of_ltmt_to_load() -> None:
    # ``import ltmt.retrieval`` first failed: the memory package imported its store, whose
    # search imported ltmt.retrieval while it was still loading
    done = subprocess.run(
        [sys.executable, "-c", _EACH_MODULE_FIRST], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


def test_the_memory_packages_names_resolve_lazily() -> None:
    import ltmt.memory
    from ltmt.memory import CleanConfig, ImportReport, Memory

    assert Memory.__module__ == "ltmt.memory.store" and CleanConfig and ImportReport
    assert sorted(ltmt.memory.__all__) == ["CleanConfig", "ImportReport", "Memory"]
    with pytest.raises(AttributeError, match=r"^module 'ltmt\.memory' has no attribute 'Nothing'$"):
        ltmt.memory.Nothing  # noqa: B018


def test_the_public_names_are_listed_though_imported_lazily():
    import ltmt

    assert set(ltmt.__all__) <= set(dir(ltmt))
    # not the names the package's own code uses
    assert not {"TYPE_CHECKING", "annotations", "lazy_names", "_LAZY"} & set(dir(ltmt))
    # the error classes an application catches, from the package itself
    from ltmt import ConfigError, InputError, LtmtError, ModelError, StoreError

    assert all(issubclass(e, LtmtError) for e in (ConfigError, InputError, ModelError, StoreError))

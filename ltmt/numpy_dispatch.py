"""numpy's AVX-512 code turned off in ltmt's own processes on AMD Zen 4, where it is slower.

numpy picks, when it is imported, the fastest code its build has for the CPU: on a CPU with
AVX-512 its AVX-512 code. On AMD Zen 4 parts of that code are slower than numpy's AVX2 code:
the sorts and selections of x86-simd-sort write with compress stores, which Zen 4 runs in
microcode (numpy/numpy pull request 32690, 2026; :mod:`ltmt.memory.sorting`), and numpy reads
``NPY_DISABLE_CPU_FEATURES`` once, at import, to leave such code out. On session 31's 2-core
AMD EPYC (Zen 4), searches of a 1M-segment store took 7.07 ms of CPU at p50 (9.57 at p95) with
numpy's AVX-512 code and 5.77 (8.09) with its AVX2 code, in turn on the same queries, with
:mod:`ltmt.memory.sorting`'s radix sort in place of numpy's AVX-512 sort in the first
(``eval/results/retrieval-1m-s31-zen4-numpy-avx2-ab.json``; README, Retrieval); the bulk import
ran 49,192 pairs/s against 41,089 in session 30's run.

So ltmt's command line (:func:`ltmt.cli.main.run`, and every worker process it starts, which
inherits its environment) asks numpy for its AVX2 code on such a CPU before anything imports
numpy (:func:`prefer_numpy_avx2`), unless the user set ``NPY_DISABLE_CPU_FEATURES`` themselves
or ``LTMT_NUMPY_AVX512=1``. torch is not affected: it dispatches its own kernels. A program that
uses ltmt as a library decides for its own process: it can set the variable itself.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import MutableMapping
from importlib import metadata

from ltmt.environment import NUMPY_AVX512
from ltmt.errors import InputError
from ltmt.model.cpu import cpu_is_amd_zen4

NPY_DISABLE = "NPY_DISABLE_CPU_FEATURES"
# numpy 2.4's dispatch targets above AVX2 (numpy._core._multiarray_umath.__cpu_dispatch__
# lists X86_V3, X86_V4, AVX512_ICL, AVX512_SPR); earlier numpy names its targets otherwise
AVX512_TARGETS = "X86_V4 AVX512_ICL AVX512_SPR"
FIRST_NUMPY_NAMING = (2, 4)

_KEEP = frozenset({"1", "true", "yes", "on"})
_TURN_OFF = frozenset({"", "0", "false", "no", "off"})


def prefer_numpy_avx2(environ: MutableMapping[str, str] | None = None) -> bool:
    """Ask numpy for its AVX2 code in this process and those it starts, on an AMD Zen 4 CPU
    (module doc); whether it did. Nothing is done once numpy is imported, where the user set
    ``NPY_DISABLE_CPU_FEATURES`` or ``LTMT_NUMPY_AVX512=1``, or with a numpy before 2.4.

    Raises :class:`~ltmt.errors.InputError` for a ``LTMT_NUMPY_AVX512`` that is not a yes or a
    no."""
    environ = os.environ if environ is None else environ
    if keep_numpy_avx512(environ.get(NUMPY_AVX512, "")) or NPY_DISABLE in environ:
        return False
    if "numpy" in sys.modules or not cpu_is_amd_zen4() or not _numpy_names_targets_as_2_4():
        return False
    environ[NPY_DISABLE] = AVX512_TARGETS
    return True


def keep_numpy_avx512(value: str) -> bool:
    """Whether a ``LTMT_NUMPY_AVX512`` of ``value`` keeps numpy's AVX-512 code (1, true, yes,
    on) or leaves the choice to ltmt (empty, 0, false, no, off)."""
    normalised = value.strip().lower()
    if normalised in _KEEP:
        return True
    if normalised in _TURN_OFF:
        return False
    raise InputError(
        f"{NUMPY_AVX512}={value!r} is neither a yes nor a no: set it to 1 to keep numpy's "
        "AVX-512 code on AMD Zen 4, to 0 or unset it to let ltmt turn it off there"
    )


def _numpy_names_targets_as_2_4() -> bool:
    """Whether the installed numpy (read from its metadata, not imported) is 2.4 or later."""
    try:
        version = metadata.version("numpy")
    except metadata.PackageNotFoundError:
        return False
    found = re.match(r"(\d+)\.(\d+)", version)
    if found is None:
        return False
    return (int(found[1]), int(found[2])) >= FIRST_NUMPY_NAMING

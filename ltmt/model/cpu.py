"""What this CPU's instruction set makes fast: the weights fused batches and training run on.

Read once from ``/proc/cpuinfo`` (Linux); elsewhere no flag is known and everything stays
float32. Measured on the three kinds of 2-core machines ltmt has been developed on:

* Intel with AMX: packed bfloat16 products were as fast as int8 or faster, but for the output
  projection (``eval/results/speed/linear-s11-1thread.json``);
* AMD EPYC with AVX-512 BF16 and VNNI, no AMX: ltmt's int8 layer took 0.60-0.86x the packed
  bfloat16 time of every product of a beam step and of the encoder
  (``eval/results/speed/linear-s14-amd.json``), and a cold kNN pass on int8 weights 0.86x the
  wall time of bfloat16's for 0.05 BLEU less on the dev users (``docs/results/speed.md``).
* AMD EPYC with AVX2 alone (no AVX-512, no VNNI; bf16 emulated): int8 layers with 7-bit
  weights (:func:`ltmt.model.int8_linear.weight_max_for_cpu`) on a fixed input scale per
  layer decoded the dev users' kNN 1.5-1.6x as fast as float32, at a cost with an unrelated
  memory that float32 does not have (session 19); on each input row's own scale without that
  cost, a cold kNN pass 1.31x as fast as float32 (session 25; :func:`cpu_prefers_int8`).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

# the flags that decide the fused batches' weights, as a run records them
DECIDING_FLAGS = (
    "amx_bf16",
    "amx_int8",
    "amx_tile",
    "avx2",
    "avx512_bf16",
    "avx512_vnni",
    "avx_vnni",
)


@cache
def _first_processor() -> dict[str, str]:
    """The first processor's fields in ``/proc/cpuinfo`` (empty where it cannot be read)."""
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        return {}
    fields: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip():
            break
        name, _, value = line.partition(":")
        fields.setdefault(name.strip(), value.strip())
    return fields


def cpu_flags() -> frozenset[str]:
    """The first processor's flags in ``/proc/cpuinfo`` (empty where it cannot be read)."""
    return frozenset(_first_processor().get("flags", "").split())


def cpu_summary() -> dict[str, object]:
    """What a benchmark records of this CPU: its model name and the flags that decide the
    fused batches' weights (:data:`DECIDING_FLAGS`) it has."""
    return {
        "name": _first_processor().get("model name", ""),
        "flags": sorted(set(DECIDING_FLAGS) & cpu_flags()),
    }


def cpu_is_amd_zen4() -> bool:
    """Whether this is an AMD Zen 4 CPU (family 25 with AVX-512; Zen 3, also family 25, has no
    AVX-512), where numpy's AVX-512 sort is slow (:mod:`ltmt.memory.sorting`)."""
    fields = _first_processor()
    return (
        fields.get("vendor_id") == "AuthenticAMD"
        and fields.get("cpu family") == "25"
        and "avx512f" in cpu_flags()
    )


def cpu_has_fast_bf16() -> bool:
    """Whether this CPU has native bf16 matrix instructions (AVX512-BF16 or AMX).

    Without them torch emulates bf16 matmuls, which is far slower than fp32 (measured here on an
    AMD EPYC without AVX512-BF16: 0.16 vs 64 GFLOP/s): training's ``bf16: auto`` and the fused
    batches' default weights (:func:`ltmt.model.backbone.fusion_weights_for`) use bf16 only
    where it pays.
    """
    return bool({"avx512_bf16", "amx_bf16"} & cpu_flags())


def cpu_has_vnni() -> bool:
    """Whether this CPU multiplies int8 by dot-product instructions (AVX-512 VNNI or AVX-VNNI):
    without them, int8 kernels sum pairs of products in 16 bits, and int8 weights keep to 7 bits
    so that the sums cannot overflow (:func:`ltmt.model.int8_linear.weight_max_for_cpu`)."""
    return bool({"avx512_vnni", "avx_vnni"} & cpu_flags())


def cpu_prefers_int8() -> bool:
    """Whether fused batches run on int8 here by default: VNNI and no AMX, or AVX2 without
    VNNI, AMX or native bf16 (module doc).

    With AVX2 alone, int8 layers (7-bit weights) quantise each input row on its own scale
    (:func:`ltmt.model.int8_linear.row_scaled_inputs`): on a fixed scale per layer they took
    the trained combiner below issue 12's bound with an unrelated memory on one general test
    set or another (session 19); row-scaled, the dev users' knn and knn-trained scored as on
    float32 and the bound held on all three sets, with a cold knn pass 1.14x as fast as
    float32 with the int8 output projection, the default there before (session 25,
    ``docs/results/speed.md``)."""
    if _cpu_has_amx():
        return False
    return cpu_has_vnni() or ("avx2" in cpu_flags() and not cpu_has_fast_bf16())


def cpu_prefers_int8_head() -> bool:
    """Whether float32 fused batches run their output projection in int8 here by default: AVX2
    without VNNI, AMX or native bf16 (where ``auto`` runs int8 layers; this decides when the
    caller turned those off but left the rest to the CPU).

    The decoder states (and the memory's keys) stay float32's; only the logits are rounded.
    Measured on an AVX2-only AMD EPYC (session 19): the dev users' knn and knn-trained 0.05
    BLEU below float32, the trained combiner within issue 12's bound with an unrelated memory
    on all three general sets, as on float32 (``docs/results/speed.md``). The encoder's layers
    in int8 as well (``--fusion-weights float32-int8-encoder-head``, session 21) made a cold
    knn-trained pass 12-19 % shorter there for another 0.10 BLEU: offered, not chosen (and
    since session 22, whose float32 encoder runs in CTranslate2, no faster)."""
    return "avx2" in cpu_flags() and not (cpu_has_vnni() or cpu_has_fast_bf16() or _cpu_has_amx())


def _cpu_has_amx() -> bool:
    """Whether this CPU has AMX tiles (where packed bfloat16 beats int8: module doc)."""
    return bool({"amx_bf16", "amx_int8", "amx_tile"} & cpu_flags())

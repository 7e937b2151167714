"""The CPU's flags decide the fused batches' default weights (``ltmt.model.cpu``)."""

from __future__ import annotations

import pytest

from ltmt.model import cpu, int8_linear

AMD_EPYC = "avx2 avx512f avx512_vnni avx512_bf16 fma"
INTEL_AMX = "avx2 avx512f avx512_vnni avx512_bf16 amx_bf16 amx_tile amx_int8"
AVX2 = "avx2 fma"
ARM = "fp asimd sve"


@pytest.mark.parametrize(
    ("flags", "bf16", "vnni", "int8"),
    [
        (AMD_EPYC, True, True, True),
        (INTEL_AMX, True, True, False),
        (AVX2, False, False, True),  # 7-bit weights, each input row on its own scale
        (ARM, False, False, False),
    ],
)
def test_flags_decide_bf16_and_int8(
    monkeypatch: pytest.MonkeyPatch, flags: str, bf16: bool, vnni: bool, int8: bool
) -> None:
    monkeypatch.setattr(cpu, "cpu_flags", lambda: frozenset(flags.split()))
    assert (cpu.cpu_has_fast_bf16(), cpu.cpu_has_vnni(), cpu.cpu_prefers_int8()) == (
        bf16,
        vnni,
        int8,
    )
    # float32 fused batches (int8 turned off) with an int8 output projection: AVX2 alone
    assert cpu.cpu_prefers_int8_head() == (flags == AVX2)
    # int8 layers quantise each input row on its own scale where the CPU lacks VNNI
    monkeypatch.setattr(int8_linear, "cpu_has_vnni", cpu.cpu_has_vnni)
    assert int8_linear.row_scaled_inputs() == (not vnni)


def test_flags_are_read_from_the_first_processor(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    info = tmp_path / "cpuinfo"
    info.write_text(
        "processor\t: 0\nmodel name\t: Some CPU\nflags\t\t: fpu avx512_vnni\n\n"
        "processor\t: 1\nflags\t: fpu\n"
    )
    real = cpu.Path
    monkeypatch.setattr(
        cpu, "Path", lambda name: real(info) if name == "/proc/cpuinfo" else real(name)
    )
    cpu._first_processor.cache_clear()
    try:
        assert cpu.cpu_flags() == frozenset({"fpu", "avx512_vnni"})
        assert cpu.cpu_summary() == {"name": "Some CPU", "flags": ["avx512_vnni"]}
    finally:
        cpu._first_processor.cache_clear()


def test_no_cpuinfo_means_no_flags(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(cpu, "Path", lambda name: tmp_path / "absent")
    cpu._first_processor.cache_clear()
    try:
        assert cpu.cpu_flags() == frozenset() and not cpu.cpu_prefers_int8()
    finally:
        cpu._first_processor.cache_clear()


@pytest.mark.parametrize(
    ("vendor", "family", "flags", "zen4"),
    [
        ("AuthenticAMD", "25", "avx2 avx512f", True),  # Zen 4 (Genoa)
        ("AuthenticAMD", "25", "avx2", False),  # Zen 3: same family, no AVX-512
        ("AuthenticAMD", "26", "avx2 avx512f", False),  # Zen 5
        ("GenuineIntel", "6", "avx2 avx512f", False),
    ],
)
def test_zen4_is_told_by_vendor_family_and_avx512(  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch, tmp_path, vendor: str, family: str, flags: str, zen4: bool
) -> None:
    info = tmp_path / "cpuinfo"
    info.write_text(
        f"processor\t: 0\nvendor_id\t: {vendor}\ncpu family\t: {family}\nflags\t\t: {flags}\n"
    )
    real = cpu.Path
    monkeypatch.setattr(
        cpu, "Path", lambda name: real(info) if name == "/proc/cpuinfo" else real(name)
    )
    cpu._first_processor.cache_clear()
    try:
        assert cpu.cpu_is_amd_zen4() is zen4
    finally:
        cpu._first_processor.cache_clear()

"""The band plot: BLEU by fuzzy-match band, one bar per system (matplotlib, imported lazily)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ltmt.evaluate import BANDS


def plot_bands(results: dict[str, Any], path: Path) -> Path:
    """Draw ``results["bands"]`` as grouped bars into the PNG at ``path``; returns ``path``."""
    # A bare Figure renders with Agg and touches no pyplot global state or display.
    from matplotlib.figure import Figure

    bands: dict[str, dict[str, float | None]] = results["bands"]
    counts: dict[str, int] = results["band_segments"]
    figure = Figure(figsize=(max(6.0, 1.4 * len(BANDS) + 0.3 * len(bands) * len(BANDS) / 2), 4.2))
    axes = figure.subplots()
    width = 0.8 / max(1, len(bands))
    for index, (system, values) in enumerate(bands.items()):
        xs = [b + (index - (len(bands) - 1) / 2) * width for b in range(len(BANDS))]
        # An empty band has no score: NaN draws no bar there (0 would claim a score of 0).
        ys = [_or_nan(values.get(band)) for band in BANDS]
        axes.bar(xs, ys, width=width, label=system)
    axes.set_xticks(range(len(BANDS)))
    axes.set_xticklabels([f"{band}\n(n={counts.get(band, 0)})" for band in BANDS])
    axes.set_xlabel("best fuzzy-match score of the source in the user's memory")
    axes.set_ylabel("BLEU")
    axes.set_title(f"BLEU by fuzzy-match band — {Path(str(results['model'])).name}")
    axes.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.01, 1.0))  # off the bars
    axes.grid(axis="y", alpha=0.3)
    figure.tight_layout()
    figure.savefig(path, dpi=120)
    return path


def _or_nan(value: float | None) -> float:
    return float("nan") if value is None else value

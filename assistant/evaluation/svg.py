"""Two small charts as inline SVG strings, written by hand (no plotting library).

>>> bar_chart(["who", "when"], {"accuracy": [0.5, 1.0]}, "Accuracy").startswith("<svg")
True

Every label is escaped with html.escape. Deliberately not done: axes with ticks,
interactivity, or any layout cleverness beyond fixed row heights.
"""

from __future__ import annotations

from html import escape

COLORS = ("#4c78a8", "#f58518", "#54a24b", "#e45756", "#72b7b2", "#b279a2")
WIDTH, LABEL_W, ROW_H = 640, 150, 16


def bar_chart(groups: list[str], series: dict[str, list[float | None]], title: str, top: float = 1.0) -> str:
    """Horizontal grouped bars: one block per group, one bar per series (None values are skipped).

    `series` maps a name to one value per group, all on the scale 0..`top`.
    """
    names = list(series)
    block = ROW_H * len(names) + 10
    height = 40 + block * len(groups) + 20 * len(names)
    scale = (WIDTH - LABEL_W - 60) / top
    parts = [_open(height, title)]
    for g, group in enumerate(groups):
        y0 = 30 + g * block
        parts.append(_text(6, y0 + block / 2, group))
        for s, name in enumerate(names):
            value = series[name][g]
            if value is None:
                continue
            y, w = y0 + s * ROW_H, max(value * scale, 1)
            parts.append(f'<rect x="{LABEL_W}" y="{y}" width="{w:.1f}" height="{ROW_H - 3}" fill="{COLORS[s % 6]}"/>')
            parts.append(_text(LABEL_W + w + 4, y + ROW_H - 5, f"{value:.2f}"))
    legend_y = 40 + block * len(groups)
    for s, name in enumerate(names):
        y = legend_y + 20 * s
        parts.append(f'<rect x="{LABEL_W}" y="{y - 10}" width="12" height="12" fill="{COLORS[s % 6]}"/>')
        parts.append(_text(LABEL_W + 18, y, name))
    return "".join(parts) + "</svg>"


def histogram(values: list[float], title: str, bins: int = 12, unit: str = "ms") -> str:
    """Vertical bars counting `values` in `bins` equal-width bins between their min and max."""
    height, plot_h, base = 220, 150, 185
    if not values:
        return _open(60, title) + _text(10, 45, "no data") + "</svg>"
    low, high = min(values), max(values)
    step = (high - low) / bins or 1.0
    counts = [0] * bins
    for v in values:
        counts[min(int((v - low) / step), bins - 1)] += 1
    bar_w = (WIDTH - 60) / bins
    parts = [_open(height, title)]
    for i, count in enumerate(counts):
        h = plot_h * count / max(counts)
        x = 30 + i * bar_w
        parts.append(f'<rect x="{x:.1f}" y="{base - h:.1f}" width="{bar_w - 2:.1f}" height="{h:.1f}" fill="{COLORS[0]}">'
                     f"<title>{low + i * step:.0f}–{low + (i + 1) * step:.0f} {unit}: {count}</title></rect>")
        if count:
            parts.append(_text(x + 2, base - h - 3, str(count)))
    parts.append(_text(30, base + 16, f"{low:.0f} {unit}"))
    parts.append(_text(WIDTH - 90, base + 16, f"{high:.0f} {unit}"))
    return "".join(parts) + "</svg>"


def _open(height: float, title: str) -> str:
    return (f'<svg width="{WIDTH}" height="{height:.0f}" '
            f'viewBox="0 0 {WIDTH} {height:.0f}" font-family="sans-serif" font-size="12" role="img">'
            f'<title>{escape(title)}</title>' + _text(6, 16, title, bold=True))


def _text(x: float, y: float, text: str, bold: bool = False) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return f'<text x="{x:.1f}" y="{y:.1f}"{weight}>{escape(text)}</text>'

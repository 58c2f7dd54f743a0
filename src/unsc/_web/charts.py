"""Charts drawn on the server as SVG, each with a title and the table it is drawn from.

No script and no third-party files: every chart is plain SVG text whose labels
are escaped here, wrapped by ``partials/chart.html`` in a figure with the same
data as an accessible table.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from unsc._reference.council import Council

PALETTE = ("#1f5fa8", "#c0392b", "#2e8b57", "#b8860b", "#6a3d9a", "#d2691e", "#008b8b", "#777")


@dataclass(frozen=True, slots=True)
class Chart:
    """A titled SVG chart and its table alternative (``headers`` and ``rows``)."""

    id: str
    title: str
    svg: Markup
    headers: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]


def _open(chart_id: str, title: str, desc: str, width: int, height: int) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>'
    )


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def hbar(
    chart_id: str,
    title: str,
    rows: Sequence[tuple[str, float]],
    *,
    headers: tuple[str, str] = ("Item", "Value"),
    percent: bool = False,
    row_h: int = 22,
) -> Chart:
    """A horizontal bar chart; ``percent`` for values between 0 and 1."""
    width, label_w, bar_w = 680, 260, 330
    height = 20 + row_h * max(1, len(rows))
    top = max((v for _, v in rows), default=0.0)
    scale = 1.0 if percent else (top or 1.0)
    parts = [
        _open(chart_id, title, f"{len(rows)} bars; the table below has the values.", width, height)
    ]
    for i, (label, value) in enumerate(rows):
        y = 10 + i * row_h
        w = bar_w * (value / scale) if scale else 0
        shown = f"{value:.1%}" if percent else f"{value:g}"
        text = escape(_short(label, 38))
        parts.append(
            f"<g><title>{escape(label)}: {shown}</title>"
            f'<text x="{label_w - 8}" y="{y + row_h - 7}" text-anchor="end" class="label">'
            f"{text}</text>"
            f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row_h - 6}" class="bar"/>'
            f'<text x="{label_w + w + 6:.1f}" y="{y + row_h - 7}" class="value">{shown}</text></g>'
        )
    parts.append("</svg>")
    table = tuple((label, f"{value:.1%}" if percent else f"{value:g}") for label, value in rows)
    return Chart(chart_id, title, Markup("".join(parts)), headers, table)


def dotplot(
    chart_id: str,
    title: str,
    sections: Sequence[tuple[str, Sequence[tuple[str, float, int]]]],
    *,
    headers: tuple[str, str, str] = ("Item", "Share", "Out of"),
) -> Chart:
    """A sorted dot plot of shares (0 to 1), each dot labelled with its share and count.

    ``sections`` are titled groups of ``(label, share, count)`` rows, drawn one
    under the other on one axis, which starts at the lowest share rounded down
    to 5% so that close shares stay apart.
    """
    width, label_w, plot_w, row_h, head_h = 680, 230, 300, 18, 22
    values = [v for _, rows in sections for _, v, _ in rows]
    low = math.floor(min(values, default=0.0) * 20) / 20
    low = min(low, 0.95)
    span = 1.0 - low

    def x(value: float) -> float:
        return label_w + plot_w * (value - low) / span

    n_rows = sum(len(rows) for _, rows in sections)
    height = 30 + head_h * len(sections) + row_h * n_rows
    desc = f"{n_rows} members as dots on a scale from {low:.0%} to 100%; the table has the values."
    parts = [_open(chart_id, title, desc, width, height)]
    step = 5 if span <= 0.25 else (10 if span <= 0.5 else 20)
    ticks = [p / 100 for p in range(100, round(low * 100) - 1, -step)]
    for t in ticks:
        parts.append(
            f'<line x1="{x(t):.1f}" x2="{x(t):.1f}" y1="4" y2="{height - 18}" class="grid"/>'
            f'<text x="{x(t):.1f}" y="{height - 4}" text-anchor="middle" class="tick">'
            f"{t:.0%}</text>"
        )
    y = 4
    for heading, rows in sections:
        parts.append(f'<text x="4" y="{y + 15}" class="section">{escape(heading)}</text>')
        y += head_h
        for label, value, count in rows:
            cy = y + row_h / 2
            parts.append(
                f"<g><title>{escape(label)}: {value:.1%} of {count:,} votes</title>"
                f'<text x="{label_w - 8}" y="{cy + 4:.1f}" text-anchor="end" class="label">'
                f"{escape(_short(label, 36))}</text>"
                f'<line x1="{label_w}" x2="{x(value):.1f}" y1="{cy:.1f}" y2="{cy:.1f}" '
                'class="stem"/>'
                f'<circle cx="{x(value):.1f}" cy="{cy:.1f}" r="5" class="dot"/>'
                f'<text x="{label_w + plot_w + 10}" y="{cy + 4:.1f}" class="value">'
                f"{value:.1%} of {count:,} votes</text></g>"
            )
            y += row_h
    parts.append("</svg>")
    table = tuple(
        (label, f"{value:.1%}", count) for _, rows in sections for label, value, count in rows
    )
    return Chart(chart_id, title, Markup("".join(parts)), headers, table)


def axis_ticks(peak: int, most: int = 6) -> tuple[int, ...]:
    """Ticks from 0 in a round step (1, 2 or 5 times a power of ten), the last at or above ``peak``.

    At most ``most`` intervals, so that the tallest column never rises above
    the top grid line.

    >>> axis_ticks(46), axis_ticks(40), axis_ticks(7)
    ((0, 10, 20, 30, 40, 50), (0, 10, 20, 30, 40), (0, 2, 4, 6, 8))
    """
    peak = max(peak, 1)
    power = 1
    while True:
        for factor in (1, 2, 5):
            step = factor * power
            if math.ceil(peak / step) <= most:
                top = math.ceil(peak / step) * step
                return tuple(range(0, top + 1, step))
        power *= 10


def stacked_columns(
    chart_id: str,
    title: str,
    categories: Sequence[int],
    series: dict[str, dict[int, int]],
    *,
    category_label: Callable[[int], str] = lambda d: f"{d}s",
) -> Chart:
    """Columns per category (decades), stacked by series (members), with a legend."""
    width, height, left, bottom, top_pad = 680, 320, 44, 40, 16
    plot_h = height - bottom - top_pad
    totals = {c: sum(s.get(c, 0) for s in series.values()) for c in categories}
    ticks = axis_ticks(max(totals.values(), default=0))
    peak = ticks[-1]
    step = (width - left - 150) / max(1, len(categories))
    colour = {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(series)}
    parts = [
        _open(chart_id, title, "Stacked columns; the table below has the counts.", width, height)
    ]
    for tick in ticks:
        y = top_pad + plot_h - plot_h * tick / peak
        parts.append(
            f'<line x1="{left}" x2="{width - 150}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" class="tick">{tick}</text>'
        )
    for i, cat in enumerate(categories):
        x = left + i * step + step * 0.15
        y = top_pad + plot_h
        for name, counts in series.items():
            n = counts.get(cat, 0)
            if not n:
                continue
            h = plot_h * n / peak
            y -= h
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{step * 0.7:.1f}" height="{h:.1f}" '
                f'fill="{colour[name]}"><title>{escape(name)}, {category_label(cat)}: {n}</title>'
                "</rect>"
            )
        parts.append(
            f'<text x="{x + step * 0.35:.1f}" y="{height - bottom + 16}" text-anchor="middle" '
            f'class="tick">{escape(category_label(cat))}</text>'
        )
    for i, name in enumerate(series):
        y = top_pad + i * 20
        parts.append(
            f'<rect x="{width - 140}" y="{y}" width="12" height="12" fill="{colour[name]}"/>'
            f'<text x="{width - 122}" y="{y + 11}" class="label">{escape(name)}</text>'
        )
    parts.append("</svg>")
    rows = tuple(
        (name, *(counts.get(c, 0) for c in categories), sum(counts.values()))
        for name, counts in series.items()
    )
    headers = ("Member", *(category_label(c) for c in categories), "Total")
    return Chart(chart_id, title, Markup("".join(parts)), headers, rows)


def horseshoe(council: Council, *, href: Callable[[str], str]) -> Markup:
    """The Council around the horseshoe table, the President at its head.

    The members follow the President in English alphabetical order, clockwise.

    Permanent members have a double ring; members whose term ends in the
    year of the date a dashed ring; the President is filled gold.
    """
    width, height, cx, cy, radius = 760, 490, 380, 250, 180
    members = list(council.members)
    n = len(members)
    head = next(i for i, m in enumerate(members) if m.code == council.president)
    seated = members[head:] + members[:head]
    span = 260.0
    angles = [-90 - span / 2 + span * k / (n - 1) for k in range(n)]
    middle = n // 2
    order = list(range(middle, n)) + list(range(middle))
    president = seated[0]
    title = f"The Security Council on {council.date.isoformat()}"
    desc = (
        f"{n} members around the horseshoe table; {president.name} presides. "
        "Permanent members have a double ring; a dashed ring marks a term ending this year."
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="horseshoe" viewBox="0 0 {width} {height}" '
        'role="img" aria-labelledby="horseshoe-title horseshoe-desc">'
        f'<title id="horseshoe-title">{escape(title)}</title>'
        f'<desc id="horseshoe-desc">{escape(desc)}</desc>'
    ]
    inner = radius - 48
    a0, a1 = math.radians(-90 - span / 2 - 8), math.radians(-90 + span / 2 + 8)
    x0, y0 = cx + inner * math.cos(a0), cy + inner * math.sin(a0)
    x1, y1 = cx + inner * math.cos(a1), cy + inner * math.sin(a1)
    parts.append(
        f'<path class="table" d="M {x0:.1f} {y0:.1f} A {inner} {inner} 0 1 1 {x1:.1f} {y1:.1f}"/>'
    )
    year_end = dt.date(council.date.year, 12, 31)
    for member, slot in zip(seated, order, strict=True):
        angle = math.radians(angles[slot])
        x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        classes = ["seat", "permanent" if member.permanent else "elected"]
        notes = ["permanent member" if member.permanent else "elected member"]
        if member.code == council.president:
            classes.append("president")
            notes.append("President")
        if not member.permanent and member.term_end and member.term_end <= year_end:
            classes.append("ending")
            notes.append(f"term ends {member.term_end.isoformat()}")
        ring = (
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="32" class="outer"/>' if member.permanent else ""
        )
        lx, ly = cx + (radius + 48) * math.cos(angle), cy + (radius + 48) * math.sin(angle)
        anchor = (
            "middle" if abs(math.cos(angle)) < 0.3 else ("start" if math.cos(angle) > 0 else "end")
        )
        parts.append(
            f'<a href="{escape(href(member.code))}" class="{" ".join(classes)}">'
            f"<title>{escape(member.name)} ({', '.join(notes)})</title>{ring}"
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="26"/>'
            f'<text x="{x:.1f}" y="{y + 5:.1f}" text-anchor="middle" class="code">'
            f"{member.code}</text>"
            f'<text x="{lx:.1f}" y="{ly + 4:.1f}" text-anchor="{anchor}" class="name">'
            f"{escape(_short(member.name, 20))}</text></a>"
        )
    parts.append(
        f'<text x="{cx}" y="{cy - 10}" text-anchor="middle" class="centre">President</text>'
        f'<text x="{cx}" y="{cy + 14}" text-anchor="middle" class="centre strong">'
        f"{escape(president.name)}</text>"
        f'<text x="{cx}" y="{cy + 38}" text-anchor="middle" class="centre">'
        f"{n} members, {council.required_votes} votes to adopt</text>"
    )
    parts.append("</svg>")
    return Markup("".join(parts))

"""Figures for the app as plain functions (no Streamlit): radar, role map, route diagram.

AppTest does not render charts, so these are tested directly. Every figure has a
table or text equivalent on its page (see :mod:`careerpivot.ui.tables`).
"""

from __future__ import annotations

import html
import math
import textwrap
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import networkx as nx
import plotly.graph_objects as go

from careerpivot.gaps import GapReport, GapRow
from careerpivot.graph import RoleGraph
from careerpivot.routes import Route

LEVEL_MAX = 7.0

#: Status of a role on the map -> (legend label, marker colour, marker size).
MAP_STYLES: dict[str, tuple[str, str, int]] = {
    "current": ("Where you start", "#d62728", 22),
    "suggested": ("In your pivot list", "#1f77b4", 16),
    "saved": ("On your shortlist", "#2ca02c", 16),
    "other": ("Other nearby role", "#9aa5b1", 12),
}

RADAR_COLOURS = ("rgb(214, 39, 40)", "rgb(31, 119, 180)", "rgb(44, 160, 44)")
ROUTE_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b")


def wrap(text: str, width: int = 18, sep: str = "<br>") -> str:
    """Break a long label over lines (plotly uses ``<br>``, graphviz ``\\n``); for plotly
    each line is made plain text first (:func:`plot_text`).

    >>> wrap("Computers and Electronics", 12)
    'Computers<br>and<br>Electronics'
    >>> wrap("<a href=x>R&D</a>", 40)
    '&lt;a href=x&gt;R&amp;D&lt;/a&gt;'
    """
    lines = textwrap.wrap(text, width) or [text]
    if sep == "<br>":
        lines = [plot_text(line) for line in lines]
    return sep.join(lines)


def plot_text(text: str) -> str:
    """Text from a person or a file, shown as itself in a plotly label or hover: plotly reads
    a few HTML tags (links among them) and ``%{...}`` templates, so both are escaped.

    >>> plot_text('<a href="http://e.example">x</a> 50%{y}')
    '&lt;a href="http://e.example"&gt;x&lt;/a&gt; 50&#37;{y}'
    """
    return html.escape(text, quote=False).replace("%", "&#37;")


def shorten(text: str, width: int = 26) -> str:
    """Cut a label to ``width`` characters with an ellipsis.

    >>> shorten("Computer and Information Research Scientists", 20)
    'Computer and Inform…'
    """
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


# ----- radar ----------------------------------------------------------------------------------
def radar_rows(report: GapReport, n: int = 8) -> list[GapRow]:
    """The radar's spokes: the gap model's most urgent rows to close (up to half) and the
    target's most important other requirements, grouped by kind. Tools to check are left
    out: the source never said its level, so a spoke at 0 would draw a gap that may not be."""
    rated = [r for r in report.rows if r.importance > 0 and r.status != "tool to check"]
    chosen = report.to_close[: n // 2]
    rest = sorted(
        (r for r in rated if r not in chosen),
        key=lambda r: (r.kind == "technology", -r.importance, -r.required, r.name),
    )
    chosen += rest[: n - len(chosen)]
    kinds = {"skill": 0, "knowledge": 1, "technology": 2}
    return sorted(chosen, key=lambda r: (kinds.get(r.kind, 3), -r.importance, r.name))


def radar_figure(
    labels: Sequence[str], series: Sequence[tuple[str, Sequence[float]]], *, title: str = ""
) -> go.Figure:
    """A radar (``Scatterpolar``) of levels 0-7, one closed trace per named series.

    The first series is drawn filled (the person or source role), later ones as outlines.
    """
    if not labels:
        raise ValueError("a radar needs at least one descriptor")
    theta = [wrap(lab, 14) for lab in labels]
    fig = go.Figure()
    for i, (name, values) in enumerate(series):
        if len(values) != len(labels):
            raise ValueError(f"series {name!r} has {len(values)} values for {len(labels)} labels")
        colour = RADAR_COLOURS[i % len(RADAR_COLOURS)]
        fig.add_trace(
            go.Scatterpolar(
                r=[*values, values[0]],
                theta=[*theta, theta[0]],
                name=plot_text(name),
                fill="toself" if i == 0 else "none",
                fillcolor=colour.replace("rgb", "rgba").replace(")", ", 0.25)"),
                line={"color": colour, "width": 2.5, "dash": "solid" if i == 0 else "dash"},
                marker={"color": colour},
                hovertemplate="%{theta}: level %{r:.1f} of 7<extra>" + plot_text(name) + "</extra>",
            )
        )
    fig.update_layout(
        title=plot_text(title) if title else None,
        polar={
            "radialaxis": {
                "range": [0, LEVEL_MAX],
                "tickvals": [0, 2, 4, 6, 7],
                "angle": 90 + 180 / len(labels),
                "tickfont": {"size": 9},
            },
            "angularaxis": {"tickfont": {"size": 11}},
        },
        legend={"orientation": "h", "y": -0.12, "x": 0.5, "xanchor": "center"},
        margin={"l": 80, "r": 80, "t": 60 if title else 50, "b": 30},
        height=480,
    )
    return fig


# ----- role map -------------------------------------------------------------------------------
def graph_layout(sub: RoleGraph, centre: str) -> dict[str, tuple[float, float]]:
    """Positions for a role neighbourhood: the starting role in the middle, the others around it.

    The order around the circle comes from a networkx spring layout weighted by
    similarity (so alike roles sit side by side); the angles are then spread evenly so
    labels do not pile up, and the distance from the middle grows as similarity to the
    starting role falls (0.6 for the most alike, 1.0 for the least). Seeded, so the map
    does not jump between reruns.
    """
    if centre not in sub:
        raise KeyError(centre)
    ug: nx.Graph[str] = nx.Graph()
    ug.add_nodes_from(sub.nodes)
    for a, b, data in sub.edges(data=True):
        sim = float(data.get("similarity", 0.0))
        if not ug.has_edge(a, b) or ug[a][b]["similarity"] < sim:
            ug.add_edge(a, b, similarity=max(sim, 0.01))
    others = [n for n in ug.nodes if n != centre]
    if not others:
        return {centre: (0.0, 0.0)}
    spring = nx.spring_layout(ug, weight="similarity", seed=7)
    cx, cy = spring[centre]
    order = sorted(others, key=lambda n: (math.atan2(spring[n][1] - cy, spring[n][0] - cx), n))
    far = {
        n: 1.0 - (ug[centre][n]["similarity"] if ug.has_edge(centre, n) else 0.0) for n in others
    }
    lo, hi = min(far.values()), max(far.values())
    pos = {centre: (0.0, 0.0)}
    for i, n in enumerate(order):
        r = 0.6 + 0.4 * ((far[n] - lo) / (hi - lo) if hi > lo else 1.0)
        theta = math.pi / 2 + 2 * math.pi * i / len(order)
        pos[n] = (r * math.cos(theta), r * math.sin(theta))
    return pos


def map_figure(
    sub: RoleGraph,
    pos: Mapping[str, tuple[float, float]],
    status: Mapping[str, str],
    zone_text: Callable[[int], str] = str,
) -> go.Figure:
    """The role map: roles as points (``customdata`` = role code, for click-to-open).

    ``zone_text`` writes a job zone (``Dataset.job_zone_label``: "1–2" where merged).

    Lines join the starting role (``status`` "current") to each role near it.
    ``status`` maps a code to a key of :data:`MAP_STYLES`; unlisted roles are "other".
    """
    fig = go.Figure()
    centre = next((c for c, s in status.items() if s == "current" and c in pos), None)
    ex: list[float | None] = []
    ey: list[float | None] = []
    if centre is not None:
        for n in sub.nodes:
            if n != centre and (sub.has_edge(centre, n) or sub.has_edge(n, centre)):
                ex += [pos[centre][0], pos[n][0], None]
                ey += [pos[centre][1], pos[n][1], None]
    fig.add_trace(
        go.Scatter(
            x=ex,
            y=ey,
            mode="lines",
            line={"width": 0.8, "color": "#c8ced6"},
            hoverinfo="skip",
            showlegend=False,
        )
    )
    for key, (label, colour, size) in MAP_STYLES.items():
        codes = [n for n in sub.nodes if status.get(n, "other") == key]
        if not codes:
            continue
        titles = [str(sub.nodes[c].get("title", c)) for c in codes]
        fig.add_trace(
            go.Scatter(
                x=[pos[c][0] for c in codes],
                y=[pos[c][1] for c in codes],
                mode="markers+text",
                name=label,
                text=[wrap(shorten(t, 28), 14) for t in titles],
                textposition=[label_position(*pos[c]) for c in codes],
                textfont={"size": 10, "color": "#31333f" if key != "other" else "#6b7280"},
                marker={"size": size, "color": colour, "line": {"width": 1, "color": "white"}},
                customdata=codes,
                hovertext=[_hover(sub, c, zone_text) for c in codes],
                hoverinfo="text",
            )
        )
    fig.update_layout(
        xaxis={"visible": False, "range": [-1.75, 1.75], "fixedrange": True},
        yaxis={"visible": False, "range": [-1.3, 1.3], "fixedrange": True},
        legend={"orientation": "h", "y": -0.02, "x": 0.5, "xanchor": "center"},
        margin={"l": 0, "r": 0, "t": 10, "b": 10},
        height=560,
        clickmode="event+select",
        dragmode=False,
    )
    return fig


def label_position(x: float, y: float) -> str:
    """Where a node's label goes so it points away from the middle of the map.

    >>> label_position(0.9, 0.1), label_position(-0.1, -0.8), label_position(0.0, 0.0)
    ('middle right', 'bottom center', 'top center')
    """
    if abs(x) < 1e-9 and abs(y) < 1e-9:
        return "top center"
    angle = math.degrees(math.atan2(y, x)) % 360
    if angle < 30 or angle >= 330:
        return "middle right"
    if angle < 150:
        return "top center"
    if angle < 210:
        return "middle left"
    return "bottom center"


def _hover(sub: RoleGraph, code: str, zone_text: Callable[[int], str] = str) -> str:
    node = sub.nodes[code]
    parts = [f"<b>{plot_text(str(node.get('title', code)))}</b>"]
    if node.get("job_zone"):
        parts.append(f"job zone {zone_text(int(node['job_zone']))} of 5")
    if node.get("median_wage"):
        parts.append(f"median wage ${node['median_wage']:,.0f}/year")
    parts.append("click to open")
    return "<br>".join(parts)


def selected_code(selection: Mapping[str, Any] | None) -> str | None:
    """The role code of the first clicked point of a plotly selection event, if any.

    >>> selected_code({"points": [{"point_index": 0}, {"customdata": ["15-1252.00"]}]})
    '15-1252.00'
    >>> selected_code({"points": []}) is None
    True
    """
    for point in (selection or {}).get("points", []) or []:
        data = point.get("customdata")
        if isinstance(data, list | tuple):
            data = data[0] if data else None
        if isinstance(data, str) and data:
            return data
    return None


# ----- routes ---------------------------------------------------------------------------------
def _dot_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def routes_dot(routes: Sequence[Route], titles: Mapping[str, str], target: str) -> str:
    """Graphviz DOT of stepping-stone routes: roles as boxes, one coloured chain per route.

    Each edge is labelled with the route number and the learning hours for that step.
    """
    lines = [
        "digraph routes {",
        '  graph [rankdir=TB, bgcolor="transparent", nodesep=0.3, ranksep=0.45];',
        '  node [shape=box, style="rounded,filled", fillcolor="#f0f2f6", color="#9aa5b1",'
        ' fontname="sans-serif", fontsize=11];',
        '  edge [fontname="sans-serif", fontsize=10];',
    ]
    nodes: list[str] = []
    for r in routes:
        for c in r.codes:
            if c not in nodes:
                nodes.append(c)
    start = routes[0].start if routes else None
    for c in nodes:
        label = wrap(_dot_text(titles.get(c, c)), 22, "\\n")
        fill = ""
        if c == start:
            label += "\\n(you start here)"
            fill = ', fillcolor="#fde2e1"'
        elif c == target:
            label += "\\n(target)"
            fill = ', fillcolor="#dff3df"'
        lines.append(f'  "{_dot_text(c)}" [label="{label}"{fill}];')
    for n, r in enumerate(routes, 1):
        colour = ROUTE_COLOURS[(n - 1) % len(ROUTE_COLOURS)]
        prev = r.start
        for step in r.steps:
            lines.append(
                f'  "{_dot_text(prev)}" -> "{_dot_text(step.code)}" '
                f'[label="{n}: ≈{step.hours:,.0f} h", color="{colour}", fontcolor="{colour}",'
                " penwidth=1.6];"
            )
            prev = step.code
    lines.append("}")
    return "\n".join(lines)


# ----- rejection funnel -----------------------------------------------------------------------
def funnel_figure(stages: Sequence[str], counts: Sequence[int]) -> go.Figure:
    """How many applications reached each stage (a plotly ``Funnel``, first stage on top).

    Its text equivalent is :func:`careerpivot.ui.rejection_text.funnel_frame`.
    """
    if len(stages) != len(counts):
        raise ValueError(f"{len(stages)} stages but {len(counts)} counts")
    fig = go.Figure(
        go.Funnel(
            y=list(stages),
            x=list(counts),
            textinfo="value+percent initial",
            marker={"color": "#1f77b4"},
            connector={"line": {"color": "#c8ced6"}},
            hovertemplate="%{y}: %{x} application(s)<extra></extra>",
        )
    )
    fig.update_layout(
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        height=60 + 48 * len(stages),
        yaxis={"fixedrange": True},
        xaxis={"fixedrange": True},
    )
    return fig

"""Shapes and colours of the drawing: one table per kind, type and relation.

Colours come only from these tables, never from graph data, so nothing read from an
article reaches a style attribute.

>>> node_style("event", "attack")
('diamond', '#d62728')
>>> node_style("actor", "no-such-type")
('dot', '#7f7f7f')
"""
from __future__ import annotations

__all__ = [
    "KIND_SHAPES",
    "KIND_ORDER",
    "TYPE_COLOURS",
    "RELATION_COLOURS",
    "DEFAULT_COLOUR",
    "node_style",
    "relation_colour",
]

KIND_ORDER = ("actor", "event", "place", "other")

KIND_SHAPES = {
    "actor": "dot",
    "event": "diamond",
    "place": "square",
    "other": "triangle",
}

DEFAULT_COLOUR = "#7f7f7f"

TYPE_COLOURS = {
    "actor": {
        "state": "#1f77b4",
        "military": "#2c5f8a",
        "government": "#6baed6",
        "armed_group": "#8c564b",
        "person": "#9467bd",
        "organization": "#17becf",
        "media": "#bcbd22",
        "civilians": "#2ca02c",
    },
    "event": {
        "attack": "#d62728",
        "statement": "#9edae5",
        "accusation": "#ff9896",
        "threat": "#ff7f0e",
        "demand": "#ffbb78",
        "consult": "#aec7e8",
        "agreement": "#98df8a",
        "aid": "#2ca02c",
        "investigation": "#c5b0d5",
        "mobilization": "#e377c2",
        "sanction": "#c49c94",
        "protest": "#f7b6d2",
        "arrest": "#8c6d31",
    },
    "place": {"place": "#637939"},
    "other": {},
}

RELATION_COLOURS = {
    "agent": "#1f77b4",
    "target": "#d62728",
    "place": "#637939",
    "retaliation_for": "#ff7f0e",
    "part_of": "#7f7f7f",
    "about": "#9467bd",
    "causes": "#e377c2",
    "precedes": "#bcbd22",
    "backed_by": "#17becf",
    "member_of": "#8c564b",
    "role_in": "#9edae5",
    "allied_with": "#2ca02c",
    "opposes": "#d62728",
}


def node_style(kind: str, type_: str | None) -> tuple[str, str]:
    """The vis-network shape and the colour of a node of ``kind`` and ``type_``.

    Args:
        kind: ``actor``, ``event``, ``place``; anything else is drawn as ``other``.
        type_: the actor or event type; unknown types get :data:`DEFAULT_COLOUR`.

    Returns:
        ``(shape, colour)``, both from the tables of this module.

    >>> node_style("place", "place")
    ('square', '#637939')
    """
    kind = kind if kind in KIND_SHAPES else "other"
    return KIND_SHAPES[kind], TYPE_COLOURS[kind].get(type_ or "", DEFAULT_COLOUR)


def relation_colour(relation: str | None) -> str:
    """The colour of an edge of ``relation``.

    Args:
        relation: one of the relation names, or anything else.

    Returns:
        A hex colour; unknown relations are grey.

    >>> relation_colour("target")
    '#d62728'
    """
    return RELATION_COLOURS.get(relation or "", "#999999")

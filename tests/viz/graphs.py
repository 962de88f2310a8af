"""Conflict graphs built by hand for the viz tests, in the shape ``rdf_to_networkx`` gives."""
from __future__ import annotations

import networkx as nx

EX = "http://example.org/cg/"
ATTACK_SENTENCE = "A drone struck Tower 22 in Jordan, killing three US soldiers and injuring 40."

# every way an article could try to run code in the page
HOSTILE = [
    "<script>window.__pwned = 1; alert(1)</script>",
    "</script><script>window.__pwned = 2</script>",
    '<img src=x onerror="window.__pwned = 3">',
    "<svg onload=window.__pwned=4>",
    "\"'; window.__pwned = 5; //",
    "\\\"); window.__pwned = 6; (\"\\",
    "${window.__pwned = 7}`${alert(7)}`",
    "line\u2028sep\u2029para window.__pwned = 8",
    "\u202egnp.exe\u202c \u2066bidi\u2069 \u200f",
    "<!-- <script> window.__pwned = 9 </script> -->",
    "{{DATA}} {{VIS_JS}} $& $1",
    "]]></x><style>body{display:none}</style>",
]


def tower22() -> nx.MultiDiGraph:
    """Three actors, a place and three events linked by roles and a retaliation."""
    g = nx.MultiDiGraph()
    ev = {"text": ATTACK_SENTENCE, "article": "a1", "title": "Drone attack kills US troops",
          "url": "https://news.example/a1"}
    g.add_node(EX + "actor/kh", kind="actor", type="armed_group", label="Kataib Hezbollah",
               country="IRQ", evidence=[ev], articles=["a1"])
    g.add_node(EX + "actor/us", kind="actor", type="military", label="US military", country="USA")
    g.add_node(EX + "actor/iran", kind="actor", type="state", label="Iran", country="IRN")
    g.add_node(EX + "place/t22", kind="place", type="place", label="Tower 22", country="JOR")
    g.add_node(EX + "event/e1", kind="event", type="attack", subtype="DroneStrike", label="drone strike",
               date="2024-01-28", killed=3, injured=40, weapons=["drone"], cameo="195",
               evidence=[ev], articles=["a1"])
    g.add_node(EX + "event/e2", kind="event", type="accusation", subtype="Condemnation",
               label="blamed", date="2024-01-29", cameo="112",
               evidence=[{"text": "Washington blamed Iran-backed militias.", "article": "a2",
                          "title": None, "url": None}], articles=["a2"])
    g.add_node(EX + "event/e3", kind="event", type="attack", subtype="Airstrike", label="airstrikes",
               date="2024-02-02", killed=40, weapons=["aircraft", "missile"], cameo="195", articles=["a3"])
    edges = [
        ("event/e1", "actor/kh", "agent"), ("event/e1", "actor/us", "target"),
        ("event/e1", "place/t22", "place"), ("event/e2", "actor/us", "agent"),
        ("event/e2", "event/e1", "about"), ("event/e3", "actor/us", "agent"),
        ("event/e3", "actor/kh", "target"), ("event/e3", "event/e1", "retaliation_for"),
        ("actor/kh", "actor/iran", "backed_by"),
    ]
    for u, v, rel in edges:
        g.add_edge(EX + u, EX + v, relation=rel, label=rel.replace("_", " "))
    return g


def hostile() -> nx.MultiDiGraph:
    """Every node, edge, sentence, title and URL made of hostile strings."""
    g = nx.MultiDiGraph()
    for i, name in enumerate(HOSTILE):
        kind = ("actor", "event", "place")[i % 3]
        g.add_node(
            f"{EX}hostile/{i}?q=<script>", kind=kind, label=name,
            type={"actor": "armed_group", "event": "attack", "place": "place"}[kind] if i % 4 else name,
            subtype=name, date=name, country=name, cameo=name, weapons=[name, name],
            articles=[name],
            evidence=[{"text": f"{name} said {name}", "article": name, "title": name,
                       "url": ("javascript:window.__pwned=10", "https://evil.example/x.js",
                               "data:text/html,<script>window.__pwned=11</script>")[i % 3]}],
        )
    nodes = list(g.nodes)
    for i, name in enumerate(HOSTILE):
        g.add_edge(nodes[i], nodes[(i + 1) % len(nodes)], relation="agent" if i % 2 else name, label=name)
    return g


def star(n: int) -> nx.MultiDiGraph:
    """A hub actor linked to ``n - 1`` events, plus a few links between events."""
    g = nx.MultiDiGraph()
    hub = EX + "actor/hub"
    g.add_node(hub, kind="actor", type="state", label="Hub state")
    for i in range(1, n):
        e = f"{EX}event/{i:05d}"
        g.add_node(e, kind="event", type="attack" if i % 2 else "statement", label=f"event {i}",
                   killed=i % 7, evidence=[{"text": f"Sentence {i}.", "article": f"a{i}"}])
        g.add_edge(e, hub, relation="agent", label="agent")
        if i > 1 and i % 3 == 0:
            g.add_edge(e, f"{EX}event/{i - 1:05d}", relation="precedes", label="precedes")
    return g


def corpus(n: int, seed: int = 7) -> nx.MultiDiGraph:
    """A corpus-sized graph of ``n`` nodes: actors, places and dated events linked at random.

    About a tenth of the nodes are actors (a few of them hubs), a twentieth places, the
    rest events with an agent, a target and a place; some events retaliate for an earlier
    one and some actors are backed by others. Seeded, so the same ``n`` gives the same graph.
    """
    import random
    from datetime import date, timedelta

    rng = random.Random(seed)
    n_actors, n_places = max(2, n // 10), max(1, n // 20)
    n_events = n - n_actors - n_places
    actor_types = ["state", "military", "armed_group", "person", "government", "civilians"]
    event_types = ["attack", "attack", "statement", "accusation", "threat", "consult", "arrest"]
    actors = [f"{EX}actor/{i:05d}" for i in range(n_actors)]
    places = [f"{EX}place/{i:05d}" for i in range(n_places)]
    g = nx.MultiDiGraph()
    for i, a in enumerate(actors):
        g.add_node(a, kind="actor", type=actor_types[i % len(actor_types)], label=f"Actor {i}")
    for i, p in enumerate(places):
        g.add_node(p, kind="place", type="place", label=f"Place {i}")
    start = date(2023, 1, 1)
    events = []
    for i in range(n_events):
        e = f"{EX}event/{i:05d}"
        day = start + timedelta(days=rng.randrange(730))
        g.add_node(e, kind="event", type=event_types[i % len(event_types)], label=f"event {i}",
                   date=day.isoformat(), killed=rng.choice([None, 0, 1, 3, 12]),
                   evidence=[{"text": f"Sentence about event {i}.", "article": f"art{i // 5}"}])
        # a few hub actors take part in many events, as states and big groups do
        agent = actors[min(int(rng.paretovariate(1.2)) - 1, n_actors - 1)]
        target = rng.choice(actors)
        g.add_edge(agent, e, relation="agent", label="agent")
        if target != agent:
            g.add_edge(e, target, relation="target", label="target")
        g.add_edge(e, rng.choice(places), relation="place", label="place")
        if events and rng.random() < 0.05:
            g.add_edge(e, rng.choice(events), relation="retaliation_for", label="retaliation for")
        events.append(e)
    for a in actors[10:]:
        if rng.random() < 0.2:
            g.add_edge(a, rng.choice(actors[:10]), relation="backed_by", label="backed by")
    return g

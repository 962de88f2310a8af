"""Reading events.jsonl and actors.jsonl rows into records."""
from __future__ import annotations

import pytest

from graph.evaluate.predictions import PredictionError, load_events, pred_actor, pred_event


def test_predictions_event_reads_references_and_drops_time():
    e = pred_event({"article": "dir/a1.txt", "id": 7, "type": "attack", "date": "2024-03-04T06:00+02:00",
                    "agents": [{"name": "Rebels"}, "army"], "places": {"name": "Karsa"},
                    "relations": [{"type": "about", "target": 3}], "occurrence": 0,
                    "trigger": {"text": "shelled"}, "evidence": "One sentence."})
    assert (e.article, e.id, e.date, e.agents, e.places) == ("a1", "7", "2024-03-04", ("Rebels", "army"), ("Karsa",))
    assert e.relations[0].target == "3" and e.occurrence == "0"
    assert e.trigger == "shelled" and e.evidence == ("One sentence.",)


def test_predictions_actor_names_skip_empty_values():
    a = pred_actor({"article": "a1", "id": "x", "name": "Rebels", "aliases": ["", None, "insurgents"]})
    assert a.names == ("Rebels", "insurgents")


@pytest.mark.parametrize("line, problem", [
    ("{not json", "not JSON"),
    ("[1, 2]", "expected a JSON object"),
    ('{"id": "e1", "type": "attack"}', "field 'article' must name the article"),
    ('{"article": "a1", "relations": ["e2"]}', "field 'relations': expected objects"),
])
def test_predictions_error_names_file_and_line(tmp_path, line, problem):
    path = tmp_path / "events.jsonl"
    path.write_text('{"article": "a1", "id": "e0", "type": "attack"}\n\n' + line + "\n")
    with pytest.raises(PredictionError, match=rf"events\.jsonl:3: {problem}"):
        load_events(path)


def test_predictions_error_on_missing_file(tmp_path):
    with pytest.raises(PredictionError, match="cannot read"):
        load_events(tmp_path / "events.jsonl")

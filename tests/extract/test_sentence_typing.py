"""The coarse type of the main event of a one-sentence report, for every type, and reports that are not conflict.

Each sentence is written for this test in the style of wire and event-data snippets.
"""
from pathlib import Path

import pytest

from graph.vocab.event_types import EventType

pytestmark = pytest.mark.slow

CASES = [
    ("On 5 March, Boko Haram militants attacked a military base in Borno state, killing 12 soldiers.", "attack"),
    ("Israeli aircraft struck targets in southern Lebanon overnight.", "attack"),
    ("Rebels shelled government positions near Aleppo on Tuesday.", "attack"),
    ("A suicide bomber blew himself up at a checkpoint in Kabul, the Taliban said.", "attack"),
    ("The Foreign Ministry of China said on Monday that it opposed the new tariffs.", "statement"),
    ("Ukraine accused Russia of shelling the Zaporizhzhia nuclear plant.", "accusation"),
    ("North Korea threatened to attack South Korean warships near the border.", "threat"),
    ("The United Nations called on both sides to stop the fighting in Darfur.", "demand"),
    ("Secretary of State Antony Blinken met Israeli Prime Minister Benjamin Netanyahu in Jerusalem on Monday.",
     "consult"),
    ("Armenia and Azerbaijan signed a ceasefire agreement in Moscow.", "agreement"),
    ("Germany sent military aid to Ukraine last month.", "aid"),
    ("The International Criminal Court opened an investigation into war crimes in Myanmar.", "investigation"),
    ("Russia deployed thousands of troops to the Belarusian border.", "mobilization"),
    ("The European Union imposed sanctions on Iranian officials on Monday.", "sanction"),
    ("Thousands of protesters gathered in Khartoum on Thursday.", "protest"),
    ("Protesters clashed with police in Nairobi on Tuesday.", "protest"),
    ("Rioters set fire to shops in Lahore after the verdict.", "protest"),
    ("Militants torched a school in Borno on Monday.", "attack"),
    ("The United States imposed new sanctions on Russian banks.", "sanction"),
    ("Kabul held the Taliban responsible for the blast.", "accusation"),
    ("Police arrested five Hamas members in Hebron on Sunday.", "arrest"),
    ("Gunmen kidnapped 20 students from a school in Kaduna.", "arrest"),
]

NOT_ATTACKS = [
    "A gas explosion at a chemical factory killed five workers in Jiangsu on Monday.",
    "An earthquake killed more than 300 people in western Nepal.",
    "A bus crash killed 14 pilgrims near Mecca.",
    "Teachers went on strike in Chile on Tuesday.",
    "Floods destroyed hundreds of homes in Pakistan.",
    "A fire burned down a warehouse in Lagos.",
    "A landslide killed 40 people in western Cameroon.",
]


@pytest.mark.parametrize("sentence,expected", CASES)
def test_sentence_main_event_has_the_right_type(extract, sentence, expected):
    x = extract(sentence)
    assert x.events, "no event found"
    assert x.events[0].type is EventType(expected), [(e.type.value, e.trigger.text) for e in x.events]


@pytest.mark.parametrize("sentence", NOT_ATTACKS)
def test_sentence_disaster_or_labour_report_is_not_an_attack(extract, sentence):
    x = extract(sentence)
    assert not [e for e in x.events if e.type is EventType.ATTACK], [(e.type.value, e.trigger.text) for e in x.events]


# ---------------------------------------------------------------- the peer-style table

TABLE = Path(__file__).with_name("sentences.tsv")


def _table():
    """Rows of ``sentences.tsv``: style, type, agent, target, sentence and an optional xfail reason."""
    rows = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        style, kind, agent, target, sentence, *reason = line.split("\t")
        marks = [pytest.mark.xfail(reason=reason[0], strict=True)] if reason and reason[0] else []
        rows.append(pytest.param(kind, agent, target, sentence, marks=marks, id=f"{style}:{kind}:{sentence[:40]}"))
    return rows


def _names(x, actor_id):
    a = x.actor(actor_id)
    return [] if a is None else [a.name, *a.aliases]


def _plays(x, ids, want: str) -> bool:
    """An actor among ``ids`` named ``want`` (a word of its name), or from country ``want`` (ISO code)."""
    for i in ids:
        if len(want) == 3 and want.isupper() and x.actor(i).country == want:
            return True
        if any(want.casefold() in n.casefold() for n in _names(x, i)):
            return True
    return False


@pytest.mark.parametrize("kind,agent,target,sentence", _table())
def test_sentence_typing_peer_table(extract, kind, agent, target, sentence):
    """The main event has its coarse type, and its agent and target where the row gives them; a
    disaster, crime, sport or figurative report ("none") gives no attack."""
    x = extract(sentence)
    seen = [(e.type.value, e.trigger.text, [x.actor(a).name for a in e.agents],
             [x.actor(t).name for t in e.targets]) for e in x.events]
    if kind == "none":
        assert not [e for e in x.events if e.type is EventType.ATTACK], seen
        return
    found = [e for e in x.events if e.type is EventType(kind)]
    assert found, seen
    if agent != "-":
        found = [e for e in found if _plays(x, e.agents, agent)]
        assert found, seen
    if target != "-":
        assert [e for e in found if _plays(x, e.targets, target)], seen

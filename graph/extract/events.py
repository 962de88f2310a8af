"""Events of one article: triggers, agents and targets, modality, in-article coreference.

Rule classes, each with an example:

- **verbal triggers** (``lexicons/event_triggers.tsv``, by class): "Rebels *shelled* the town";
  multiword verbs by particle or preposition ("*shot down*", "*called for*").
- **nominal triggers**, with a compound modifier picking the finer class: "a *rocket attack*",
  "the *airstrikes*", "an *investigation* into ...".
- **agent and target by dependency pattern**: active (``nsubj`` / ``dobj``, "against"/"on"
  objects), passive (``nsubjpass`` is the target, the "by" object the agent), nominal
  (possessive or actor modifier is the agent: "Iran's attack", "US strikes"; "by X" the agent,
  "on/against X" the target), light verbs ("X *carried out* strikes", "X *issued* a statement",
  "X *opened* an inquiry"), relative clauses and conjoined verbs inherit their subject, pronouns
  resolve to the last person or group named; the "with" object of talks, deals, broken ties
  and clashes is the other party ("cut ties *with* Qatar", "clashed *with* ISWAP fighters").
- **announced acts**: "X *declared* a mobilization", "*announced* an aid package": the act is the
  event, its announcement no statement of its own.
- **blame**: a condemnation or denial is an accusation only when it names whom it blames
  ("X condemned Iran" is an accusation, "X condemned the attack" a statement).
- **weapon launches**: "Iran *launched missiles* targeting US troops": a launch verb whose object
  is a weapon is an attack; the participle's object is the target.
- **weak triggers** ("kill", "hit", "destroy", "fire", "board", "fight") count only with an
  actor as agent, so "17 fighters were killed" is a casualty figure, not a new event; a munition
  as their subject is an attack of its class ("a roadside *bomb killed* four soldiers", "two
  *rockets hit* the Green Zone"), and an explosion verb may hang on its device ("an explosive
  device *detonated* under a vehicle").
- **casualty participles** belong to the attack they follow and name its victims ("attacked a
  post, *killing* 24 soldiers", "a bomb exploded, *wounding* three peacekeepers").
- **undergoers and sides**: "a convoy *came under fire*" makes the subject the target;
  "*fighting between* X and Y" (also "clashes *broke out between* X and Y") makes X the agent and
  Y the target; "looted cattle *from* herders" names the victims; "the army said *it* had killed
  50" makes the speaker the agent; "a car bomb *planted by* ETA killed two" makes the planter the agent.
- **aid by transfer**: a weapon or aid goods handed to a named recipient ("*provided* Israel with
  munitions", "*sent* tanks to Ukraine"; ``lexicons/aid_goods.txt`` and ``weapons.tsv``) is aid;
  troops sent are a deployment. "*placed* troops *on alert*" is the subject's mobilization.
- **protest as purpose**: "residents blocked the road *to protest*" reports a protest; a civilian
  crowd that blocks, occupies or barricades protests (obstruction, CAMEO 144).
- **manner and stand-ins**: "detained 40 *in raids*" is the arrest (no attack of its own); "pledged
  $20 million *in aid*" and "a commission *of inquiry*" take their agent through the sum or the panel.
- **not events**: negated ("did not attack"), modal or future ("will strike", "could attack"),
  conditional ("if they attack"), purpose or prevention ("to deter further attacks"; a protest
  as the purpose of a crowd's act is the exception above), and
  speech with no speaker.
- **coreference**: mentions of one occurrence merge when their type matches and their
  agents, targets, dates, places and finer classes do not conflict and they share an
  argument, or when a bare definite mention ("the strike") follows one of its kind; a bare
  mention of a finer class ("the airstrike") joins the last occurrence of that class first. A bare
  "the attack" joins the occurrence reported in its own or the previous sentence, else the
  article's first (its lede: "... the Foreign Ministry condemned the attack" three paragraphs on
  is about the headline's attack, not the embassy attack recalled in between). Participants
  are compared by side: a state, its military and its government are one party; a pronoun
  owner of a target is not the attacker ("American jets struck *its* power stations").
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from spacy.tokens import Doc, Token

from graph.extract.docindex import sentence_index, sentence_of, sentence_starts, sentence_words
from graph.extract.actors import ActorIndex
from graph.extract.casualties import INJURE_VERBS, KILL_VERBS
from graph.extract.mentions import ActorMention, side
from graph.extract.weapons import load_weapon_lexicon
from graph.vocab import gazetteer
from graph.vocab.actor_types import ActorType
from graph.vocab.event_types import EventSubtype, EventType
from graph.vocab.lexicon import (Trigger, aid_goods, crime_cues, criticism_objects, disaster_cues, illness_words,
                                 labour_cues, modality_cues, retaliation_words, site_nouns, sports_cues,
                                 trigger_index)

__all__ = ["EventDraft", "find_event_drafts", "merge_coreferent", "mention_index", "SPEECH_TYPES", "WEAK_VERBS",
           "LIGHT_VERBS"]

SPEECH_TYPES = frozenset({EventType.STATEMENT, EventType.ACCUSATION, EventType.THREAT, EventType.DEMAND})
#: verbs that are attacks only when an actor does them
WEAK_VERBS = frozenset("kill murder hit destroy fire board fight down target gun clash execute burn torch set "
                       "pound stab hack loot pillage plunder ransack lynch sink".split())
#: verbs that are events only with an actor as their object or addressee ("released the hostages",
#: "spoke with the president"); "a statement released by X" or "X spoke the same way" are not
NEEDS_TARGET = frozenset("release free speak talk arm supply host meet designate sink".split())
#: verbs that are attacks when their object is a weapon ("launched missiles at", "fired rockets into")
WEAPON_VERBS = frozenset("launch fire drop lob hurl throw toss".split())
WEAPON_OBJECTS = frozenset("missile rocket bomb shell mortar drone grenade torpedo projectile "
                           "round barrage salvo".split())
#: verbs of impact: an attack when a munition does them ("a shell slammed into a market"), else nothing
IMPACT_VERBS = frozenset("slam smash crash plow plough rip tear".split())
IMPACT_PREPS = frozenset({"into", "through", "onto"})
#: verbs that are bombings when a weapon explodes ("a car bomb exploded", "detonated a device")
EXPLODE_VERBS = frozenset("explode detonate".split())
EXPLOSIVES = frozenset("bomb device ied explosive explosives grenade mine vest shell rocket missile "
                       "car-bomb bomber".split())
#: verbs that are events only with a complement ("agreed to a truce"; not "X agreed, saying...")
NEEDS_COMPLEMENT = frozenset("agree sign".split())
#: prepositions of the medium of a call or talks ("by telephone", "via video link", "over the phone")
MEDIUM_PREPS = frozenset("by via over on".split())
#: nominal types whose "of" object is the target ("the killing of X", "the arrest of X")
OF_TARGET_TYPES = frozenset({EventType.ATTACK, EventType.ARREST, EventType.SANCTION})
#: finer attack classes that one occurrence may be reported as ("the strikes", "bombed", "airstrikes")
SUBTYPE_FAMILIES = (
    frozenset({EventSubtype.AIRSTRIKE, EventSubtype.DRONE_STRIKE, EventSubtype.BOMBING, EventSubtype.MISSILE_ATTACK}),
    frozenset({EventSubtype.ARMED_CLASH, EventSubtype.SHOOTING, EventSubtype.RAID}),
    frozenset({EventSubtype.SHELLING, EventSubtype.ROCKET_ATTACK}),
    frozenset({EventSubtype.DEMONSTRATION, EventSubtype.RIOT}),  # a crowd that marched and burned tyres
)
DEFINITE = frozenset({"the", "this", "these", "that", "those", "its", "their", "his", "her"})
#: verbs whose object noun is the event and whose subject is its agent
LIGHT_VERBS = frozenset("carry launch conduct stage mount make issue release hold claim order deliver put place "
                        "set establish form create pledge allocate grant "
                        "perform begin start continue step undertake unleash give levy impose slap "
                        "announce declare unveil open send provide supply approve "
                        "staged".split())  # "staged": the tagger's lemma is "stag"
#: verbs that hand something over: aid when a weapon or aid goods go to a named recipient
TRANSFER_VERBS = frozenset("provide give deliver send ship supply donate transfer hand airlift".split())
#: weapon families that can be the subject of "killed", "hit", "destroyed" ("a roadside bomb killed four")
MUNITION_SUBTYPES = {"bomb": EventSubtype.BOMBING, "grenade": EventSubtype.BOMBING, "mine": EventSubtype.BOMBING,
                     "rocket": EventSubtype.ROCKET_ATTACK, "missile": EventSubtype.MISSILE_ATTACK,
                     "artillery": EventSubtype.SHELLING, "drone": EventSubtype.DRONE_STRIKE,
                     "air_strike": EventSubtype.AIRSTRIKE}
#: bodies named after what they do ("a commission of inquiry", "a team of investigators")
PANEL_NOUNS = frozenset("commission panel committee board team mission".split())
#: attack nouns that are only the manner of an arrest they hang on ("detained 40 in raids")
OPERATION_NOUNS = frozenset("raid swoop operation crackdown".split())
#: verbs of taking by force, whose "from" object is the victim ("looted cattle from herders")
LOOT_VERBS = frozenset("loot pillage plunder steal rob seize".split())
#: levels of a raised military alert ("on high alert", "a heightened alert")
ALERT_LEVELS = frozenset("high heightened highest maximum full red combat elevated raised top".split())
#: auxiliaries of a future act ("would target", "will strike")
FUTURE_AUX = frozenset("will would 'll shall".split())
#: verbs a fight breaks out with, whose "between" object names its sides ("clashes erupted between X and Y")
OUTBREAK_VERBS = frozenset("break erupt flare rage continue resume intensify".split())
#: verbs of casualties whose participle belongs to the attack it follows ("attacked a post, killing 24")
CASUALTY_VERBS = KILL_VERBS | INJURE_VERBS
#: clause kinds of such a participle
PARTICIPLE_DEPS = frozenset({"advcl", "acl", "xcomp", "conj"})
#: speech verbs whose subject "it" in the reported clause stands for ("the army said it had killed 50")
SAY_VERBS = frozenset("say claim announce confirm admit state report add insist".split())
#: speech verbs whose object may be the act itself ("declared a ceasefire", "announced sanctions")
ANNOUNCE_VERBS = frozenset("announce declare unveil".split())
#: verbs under which an event mention is not a report of something that happened
PREVENTIVE_VERBS = frozenset("deter prevent avoid stop halt threaten plan intend want seek aim prepare "
                             "risk fear try attempt consider call demand urge ask request propose "
                             "recommend decline refuse warn caution".split())
#: prepositions of time: an event in their object happened before or around the act ("after the raids")
TIME_PREPS = frozenset("after before following since during amid despite over".split())
#: promises that are threats only with a word of retaliation ("vowed revenge", not "pledged aid")
PROMISE_VERBS = frozenset("vow pledge promise".split())
#: "strike" that is a labour action, not an attack ("a general strike", "went on strike")
LABOUR_STRIKE_MODIFIERS = frozenset("general hunger labor labour worker workers teachers nationwide "
                                    "national sit-down".split())
#: arrest verbs that take ground when their object is a place ("captured the town", "seized the palace")
CAPTURE_VERBS = frozenset("capture seize take recapture retake retook".split())  # "retook": the tagger's lemma
#: verbs of a game's result, which with a score ("2-1") make a sentence a sports report
RESULT_VERBS = frozenset("beat defeat draw win lose thrash edge".split())
#: words that give a walkout its length ("a 24-hour strike", "a three-day strike")
DURATION_WORDS = frozenset("hour day week month indefinite open-ended day-long week-long".split())
#: actor types that can be parties to an armed attack (a person or civilians alone cannot)
ARMED_TYPES = frozenset({ActorType.STATE, ActorType.MILITARY, ActorType.ARMED_GROUP, ActorType.GOVERNMENT,
                         ActorType.ORGANIZATION})
#: attack classes that are armed by their very name ("airstrike", "shelling"): no context undoes them
ARMED_SUBTYPES = frozenset({EventSubtype.AIRSTRIKE, EventSubtype.DRONE_STRIKE, EventSubtype.SHELLING,
                            EventSubtype.ROCKET_ATTACK, EventSubtype.MISSILE_ATTACK, EventSubtype.SUICIDE_BOMBING,
                            EventSubtype.ARMED_CLASH})
#: verbs that are a mobilization when their object is a military group ("sent troops to")
MOVE_VERBS = frozenset("send dispatch move deploy station reinforce mass".split())
#: crowds whose violence is a riot, not an armed attack ("protesters clashed with police")
CROWD_NOUNS = frozenset("protester demonstrator rioter crowd mob student".split())
#: verbs that are a protest when their subject is a civilian crowd ("protesters gathered")
ASSEMBLY_VERBS = frozenset("gather assemble converge rally march".split())
#: verbs that are a protest (obstruction, CAMEO 144) when a civilian crowd does them ("blocked roads")
OBSTRUCT_VERBS = frozenset("block blockade barricade occupy".split())
TARGET_PREPS = frozenset({"against", "on", "at", "upon", "targeting", "into"})
PRONOUNS_PERSON = frozenset({"he", "she", "him", "her"})
#: event types whose direct object is a participant ("attacked X", "accused X", "met X", "freed X")
OBJECT_TARGET_TYPES = frozenset({EventType.ATTACK, EventType.ACCUSATION, EventType.THREAT, EventType.DEMAND,
                                 EventType.CONSULT, EventType.AGREEMENT, EventType.ARREST, EventType.SANCTION})
PRONOUNS_GROUP = frozenset({"they", "them", "its", "their"})
NOMINAL_HEDGES = frozenset({"further", "more", "possible", "potential", "future", "any", "no"})


@dataclass
class EventDraft:
    """An event mention (or a merged cluster of mentions) before it becomes an ``Event`` record."""

    type: EventType
    subtype: EventSubtype | None
    cameo: str
    start: int  # trigger token range
    end: int
    sentence: int
    agents: list[ActorMention] = field(default_factory=list)
    targets: list[ActorMention] = field(default_factory=list)
    place_tokens: list[int] = field(default_factory=list)  # tokens of place names (objects of "on"/"in")
    places: list = field(default_factory=list)  # Place records, set by arguments.py
    date: date | None = None
    date_span: tuple[int, int] | None = None
    killed: int | None = None
    injured: int | None = None
    weapons: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    pos: str = "VERB"
    plural: bool = False

    @property
    def agent_keys(self) -> set[str]:
        return {m.key for m in self.agents}

    @property
    def target_keys(self) -> set[str]:
        return {m.key for m in self.targets}

    @property
    def agent_sides(self) -> set[str]:
        return {side(m) for m in self.agents}

    @property
    def target_sides(self) -> set[str]:
        return {side(m) for m in self.targets}

    definite: bool = False

    def has_arguments(self) -> bool:
        """Names a participant, a place or a date (what tells one occurrence from another)."""
        return bool(self.agents or self.targets or self.places or self.date)


# ---------------------------------------------------------------- trigger matching

#: the parts of speech a trigger's token has (see :func:`_match_trigger` and the rules before it)
TRIGGER_POS = frozenset({"VERB", "AUX", "NOUN", "PROPN"})

def _match_trigger(token: Token) -> tuple[Trigger, int, int] | None:
    """The lexicon entry a token triggers, with the token range of the trigger."""
    index = trigger_index()
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and token.tag_ == "VBG" and (token.dep_ in ("nsubj", "nsubjpass") or (
            token.dep_ in ("pcomp", "pobj") and not any(c.dep_ in ("nsubj", "dobj") for c in token.children))):
        hit = index.get(("NOUN", (token.lower_,)))  # a gerund used as a noun: "fighting in Omdurman killed 27"
        if hit:
            return hit, token.i, token.i + 1
    if token.pos_ in ("VERB",) or (token.pos_ == "AUX" and lemma not in ("be", "have", "do")):
        for child in token.children:  # "shot down", "called for", "blew himself up", "set fire", "held responsible"
            if (child.dep_ == "prt" and child.i <= token.i + 3) or (child.dep_ == "prep" and child.i == token.i + 1) \
                    or (child.dep_ in ("dobj", "oprd", "acomp", "ccomp") and child.i <= token.i + 3):
                hit = index.get(("VERB", (lemma, child.lower_)))
                if hit:
                    return hit, token.i, token.i + 1
        hit = index.get(("VERB", (lemma,)))
        return (hit, token.i, token.i + 1) if hit else None
    if token.pos_ in ("NOUN", "PROPN") and token.ent_type_ not in ("DATE", "TIME"):  # not "in March"
        for child in token.lefts:  # "rocket attack", "air strike", "suicide bombing"
            if child.dep_ in ("compound", "amod") and child.i == token.i - 1:
                hit = index.get(("NOUN", (child.lemma_.lower(), lemma)))
                if hit:
                    return hit, child.i, token.i + 1
        hit = index.get(("NOUN", (lemma,))) or index.get(("NOUN", (token.lower_,)))
        if hit is None and token.tag_ == "NNPS" and token.lower_.endswith("s"):
            hit = index.get(("NOUN", (token.lower_[:-1],)))  # "the U.S. Attacks", "U.S. Raids": capitalised plurals
        return (hit, token.i, token.i + 1) if hit else None
    return None


def _fits_class(d: EventDraft, head: Token, index: ActorIndex) -> bool:
    """Class disambiguation: fix or reject a trigger whose sense its context rules out (in place).

    - a blast, fire, shooting or killing with no armed actor as attacker in a sentence about a
      disaster, an ordinary crime or a sport is not an attack ("a gas explosion killed five",
      "a robber shot a shopkeeper during a robbery", "Salah fired a shot into the corner");
      classes armed by name ("airstrike", "shelling") stay;
    - an attack by civilians alone is no conflict event ("a drunk driver killed three pedestrians"),
      but clashes between communities are ("clashes between herders and hunters");
    - "suffered a heart attack", "an asthma attack": an attack noun with a word of illness as its
      modifier (``lexicons/illness_words.txt``) is no event;
    - "attacked the budget bill", "shot down the proposal": an attack on a thing said is a
      criticism (``lexicons/criticism_objects.txt``);
    - a labour or hunger "strike" is a protest ("a 24-hour strike", "on strike", a strike in a
      sentence about pay or unions: ``lexicons/labour_cues.txt``), and a crowd's violence a riot;
    - "vowed/pledged/promised" is a threat only with a word of retaliation;
    - "warned" someone is a threat, "warned of" something a statement; a speaker announcing its
      own side's future attack threatens ("warned that they would target ships");
    - an "alert" is a mobilization only when raised ("on alert", "a heightened alert"), not a
      "security alert" that advises citizens;
    - "captured"/"seized" a town, a base or a palace (``lexicons/site_nouns.txt``, a place name)
      takes ground: an attack (CAMEO 192), where capturing people or goods is an arrest.
    """
    lemma = head.lemma_.lower()
    sent = sentence_of(head.doc, head.i)
    if d.type is EventType.ATTACK:
        sent_words = sentence_words(head.doc, head.i)
        civilians = bool(d.agents) and all(a.generic and a.type is ActorType.CIVILIANS for a in d.agents)
        if civilians and any(a.text.split()[-1].lower().rstrip("s") in CROWD_NOUNS for a in d.agents):
            d.type, d.subtype, d.cameo = EventType.PROTEST, EventSubtype.RIOT, "145"  # "protesters clashed with police"
            return True
        if d.pos == "NOUN" and any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in illness_words()
                                   for c in head.children):
            return False  # "a heart attack"
        if lemma == "strike" and d.pos == "NOUN" and _labour_strike(head, sent_words):
            d.type, d.subtype, d.cameo = EventType.PROTEST, EventSubtype.DEMONSTRATION, "143"
            return True
        if d.pos == "VERB" and any(c.dep_ == "dobj" and c.lemma_.lower() in criticism_objects()
                                   for c in head.children):  # "attacked the budget bill"
            if not d.agents or civilians:
                return False
            d.type, d.subtype, d.cameo = EventType.ACCUSATION, EventSubtype.CRITICISM, "111"
            return True
        if civilians and d.subtype is not EventSubtype.ARMED_CLASH:
            return False  # "a drunk driver killed three pedestrians": no party to a conflict (but
            # "clashes between herders and hunters" is communal violence)
        armed = any(a.type in ARMED_TYPES for a in d.agents)
        if not armed and d.subtype not in ARMED_SUBTYPES and (
                sent_words & (disaster_cues() | crime_cues() | sports_cues()) or _match_score(sent, sent_words)):
            return False
    if d.type is EventType.ARREST and d.pos == "VERB" and lemma in CAPTURE_VERBS and _takes_ground(head, index):
        d.type, d.subtype, d.cameo = EventType.ATTACK, None, "192"  # "captured the town": ground, not people
        d.targets = [t for t in d.targets if t.type is not ActorType.STATE]
        return True
    if d.subtype is EventSubtype.ALERT and d.pos == "NOUN" and not (
            head.dep_ == "pobj" and head.head.lower_ == "on"
            or any(c.lower_ in ALERT_LEVELS for c in head.children if c.dep_ in ("amod", "compound"))):
        return False  # "a security alert" advising citizens to leave is a notice, not a raised alert
    if d.type is EventType.ACCUSATION and lemma in IMPACT_VERBS and _prep_objects(head, IMPACT_PREPS):
        return False  # "the hurricane slammed into the coast": a crash, not a criticism
    if d.type is EventType.THREAT and lemma in PROMISE_VERBS:
        words = {t.lemma_.lower() for c in head.children if c.dep_ in ("dobj", "xcomp", "ccomp")
                 for t in c.subtree}
        if not words & retaliation_words():
            return False
    if d.type in (EventType.STATEMENT, EventType.THREAT) and d.pos == "VERB" and _announces_own_attack(d, head, index):
        d.type, d.subtype, d.cameo = EventType.THREAT, None, "138"  # "warned that they would target ships"
        return True
    if d.type is EventType.THREAT and lemma == "warn" and not d.targets:
        d.type, d.subtype, d.cameo = EventType.STATEMENT, None, EventType.STATEMENT.cameo_root
    return True


def _announces_own_attack(d: EventDraft, head: Token, index: ActorIndex) -> bool:
    """"The Houthis warned that they would target ships", "X said it will strike back": a speaker
    announcing its own side's future use of force threatens (CAMEO 138)."""
    for clause in head.children:
        if clause.dep_ != "ccomp":
            continue
        for verb in (clause, *[c for c in clause.children if c.dep_ == "xcomp"]):
            modal = any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in (*verb.children, *clause.children))
            hit = _match_trigger(verb) or next((_match_trigger(c) for c in verb.children if c.dep_ == "dobj"
                                                and _match_trigger(c)), None)
            if not modal or hit is None or hit[0].type is not EventType.ATTACK:
                continue
            subj, _ = _subject(clause)
            if subj is None:
                return False
            if subj.lower_ in ("they", "we", "it", "he", "she", "i"):
                return True
            return bool({side(m) for m in _actors_of(index, subj)} & d.agent_sides)
    return False


def _takes_ground(head: Token, index: ActorIndex) -> bool:
    """The object of "captured"/"seized" is a place or an installation, not people or goods."""
    for c in head.children:
        if c.dep_ != "dobj":
            continue
        m = index.actor_at(c.i)
        if m is not None and m.type not in (ActorType.STATE,) and not m.locative:
            return False  # "captured two soldiers", "seized the IS commander"
        return c.lemma_.lower() in site_nouns() or c.ent_type_ in ("GPE", "LOC", "FAC") or (
            m is not None and m.type is ActorType.STATE)
    return False


def _match_score(sent, sent_words: frozenset[str]) -> bool:
    """A result of a game: "beat Chelsea 2-1", "drew 0-0"."""
    if not sent_words & RESULT_VERBS:
        return False
    toks = list(sent)
    return any(a.like_num and b.text == "-" and c.like_num and len(a.text) <= 2 and len(c.text) <= 2
               for a, b, c in zip(toks, toks[1:], toks[2:]))


def _labour_strike(head: Token, sent_words: frozenset[str]) -> bool:
    """A walkout: "a general strike", "a 24-hour strike", "went/walked out on strike", "a strike over pay"."""
    for c in head.children:
        if c.lower_ in LABOUR_STRIKE_MODIFIERS:
            return True
        if c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in DURATION_WORDS:
            return True  # "a 24-hour strike", "a three-day strike"
    if head.dep_ == "pobj" and head.head.lower_ == "on":
        return True  # "went on strike", "walked out on strike", "remain on strike"
    return bool(sent_words & labour_cues())


def _move_or_assembly(token: Token, index: ActorIndex) -> tuple[Trigger, int, int] | None:
    """"sent troops to the border" is a mobilization; "protesters gathered" a protest."""
    if token.pos_ != "VERB":
        return None
    lemma = token.lemma_.lower()
    if lemma in MOVE_VERBS:
        for c in token.children:
            m = index.actor_at(c.i)
            if c.dep_ == "dobj" and m is not None and m.type is ActorType.MILITARY:
                return Trigger((lemma,), "VERB", EventType.MOBILIZATION, EventSubtype.DEPLOYMENT, "150"), \
                    token.i, token.i + 1
    obstructs = lemma in OBSTRUCT_VERBS or any(c.dep_ == "dobj" and c.lemma_.lower() in ("barricade", "roadblock")
                                               for c in token.children)
    if lemma in ASSEMBLY_VERBS or obstructs:
        subj, _ = _subject(token)
        crowd = _actors_of(index, subj) if subj is not None else []
        if crowd and all(m.type is ActorType.CIVILIANS for m in crowd):
            if obstructs:  # "residents blocked the road", "protesters set up barricades"
                return Trigger((lemma,), "VERB", EventType.PROTEST, EventSubtype.DEMONSTRATION, "144"), \
                    token.i, token.i + 1
            return Trigger((lemma,), "VERB", EventType.PROTEST, EventSubtype.DEMONSTRATION, "141"), token.i, token.i + 1
    return None


def _according_to(token: Token) -> tuple[Trigger, int, int] | None:
    """"According to X, ...": X states what the sentence reports (X is found as the agent below)."""
    if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to":
        return Trigger(("according", "to"), "PREP", EventType.STATEMENT, None, "010"), token.i, token.i + 2
    return None


@lru_cache(maxsize=1)
def _weapon_classes() -> dict[str, str]:
    """Weapon term (lower case) -> family, from ``lexicons/weapons.tsv``."""
    return {e.term.lower(): e.weapon_class for e in load_weapon_lexicon() if e.weapon_class != "none"}


def _weapon_class(token: Token) -> str | None:
    """The weapon family a noun names, its modifiers first ("roadside bomb", "air defence systems")."""
    classes = _weapon_classes()
    doc, left = token.doc, token.i
    while left > 0 and doc[left - 1].dep_ in ("compound", "amod") and doc[left - 1].head.i >= left:
        left -= 1
    mods = [t.lower_ for t in doc[left:token.i]]
    for k in range(len(mods) + 1):  # the longest phrase first
        for last in (token.lemma_.lower(), token.lower_):
            hit = classes.get(" ".join(mods[k:] + [last]))
            if hit:
                return hit
    return None


def _munition(token: Token) -> EventSubtype | None:
    """The attack class of a munition noun ("roadside bomb" -> bombing), None for anything else."""
    return MUNITION_SUBTYPES.get(_weapon_class(token) or "")


def _munition_subject(head: Token) -> EventSubtype | None:
    """"A roadside bomb killed four soldiers", "two rockets hit the Green Zone", "were killed by a
    roadside bomb": a munition that kills or hits is an attack by an unnamed hand, of its class."""
    subj, passive = _subject(head)
    if passive:  # "two soldiers were killed by a roadside bomb"
        subj = _by_agent(head)
    if subj is None:
        return None
    return _munition(subj)


def _aid_transfer(token: Token, index: ActorIndex) -> tuple[Trigger, int, int] | None:
    """"provided Israel with munitions", "sent tanks to Ukraine", "delivered food to refugees":
    a weapon or aid goods handed to a named recipient is aid ("sent troops to" is a deployment)."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in TRANSFER_VERBS:
        return None
    things = [c for c in token.children if c.dep_ == "dobj"] + _prep_objects(token, {"with"})
    recipients = [c for c in token.children if c.dep_ in ("dative", "dobj") and index.actor_at(c.i) is not None] \
        + [o for o in _prep_objects(token, {"to", "for"}) if _actors_of(index, o)]
    weapon = any(_weapon_class(t) for t in things if index.actor_at(t.i) is None)
    goods = weapon or any(t.lemma_.lower() in aid_goods() for t in things if index.actor_at(t.i) is None)
    if not goods or not recipients:
        return None
    subtype = EventSubtype.MILITARY_AID if weapon else None
    return Trigger((token.lemma_.lower(),), "VERB", EventType.AID, subtype, "072" if weapon else "070"), \
        token.i, token.i + 1


def _came_under(token: Token) -> tuple[Trigger, int, int] | None:
    """"A convoy came under fire / attack": an attack whose subject is the target."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in ("come", "fall"):
        return None
    for obj in _prep_objects(token, {"under"}):
        if obj.lemma_.lower() in ("fire", "attack", "shelling", "bombardment", "assault", "siege"):
            return Trigger(("come", "under"), "VERB", EventType.ATTACK, None, "190"), token.i, obj.i + 1
    return None


def _impact(token: Token) -> tuple[Trigger, int, int] | None:
    """"A mortar shell slammed into a marketplace": a munition crashing into something is an attack."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in IMPACT_VERBS \
            or not _prep_objects(token, IMPACT_PREPS):
        return None
    subj, _ = _subject(token)
    munition = _munition(subj) if subj is not None else None
    if munition is None:
        return None
    return Trigger((token.lemma_.lower(),), "VERB", EventType.ATTACK, munition, "190"), token.i, token.i + 1


def _weapon_launch(token: Token) -> tuple[Trigger, int, int] | None:
    """"Iran launched missiles at US bases": a launch verb with a weapon object is an attack;
    "a car bomb exploded", "a bomb went off", "detonated a device": an explosion of a weapon is a bombing."""
    if token.pos_ != "VERB":
        return None
    lemma = token.lemma_.lower()
    went_off = lemma == "go" and any(c.dep_ == "prt" and c.lower_ == "off" for c in token.children)
    if lemma in EXPLODE_VERBS or went_off:
        args = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
        if token.dep_ in ("acl", "relcl"):
            args.append(token.head)  # "an improvised explosive device detonated under a vehicle"
        if any(a.lemma_.lower() in EXPLOSIVES or a.lower_ in EXPLOSIVES for a in args):
            return Trigger((lemma,), "VERB", EventType.ATTACK, EventSubtype.BOMBING, "195"), token.i, token.i + 1
        return None
    if lemma not in WEAPON_VERBS:
        return None
    if any(c.dep_ == "dobj" and c.lemma_.lower() in WEAPON_OBJECTS for c in token.children):
        return Trigger((token.lemma_.lower(),), "VERB", EventType.ATTACK, None, "190"), token.i, token.i + 1
    return None


# ---------------------------------------------------------------- modality

def _is_unreal(token: Token) -> bool:
    """Negated, modal, conditional, future or purpose mentions (see the module docstring)."""
    cues = modality_cues()
    verb = token if token.pos_ in ("VERB", "AUX") else None
    if verb is None:
        if any(c.lower_ in NOMINAL_HEDGES for c in token.children if c.dep_ in ("amod", "det", "advmod")):
            return True
        # an event noun that is the object of "deter", "prevent", "threaten"... ("threatened vengeance
        # *after* the raids" and "*called* the attacks an escalation" name real ones)
        head, path = token.head, [token.dep_]
        while head.dep_ in ("prep", "pobj", "conj") and head.head is not head:
            if head.dep_ == "prep" and head.lower_ in TIME_PREPS:
                break
            path.append(head.dep_)
            head = head.head
        if head.lemma_.lower() in PREVENTIVE_VERBS and head.i != token.i and not (
                head.dep_ == "prep" and head.lower_ in TIME_PREPS) and not (
                head.lemma_.lower() == "call" and path[-1] == "dobj"):
            return True
        verb = token.head if token.head.pos_ in ("VERB", "AUX") else None
        if verb is None:
            return False
    for child in verb.children:
        if child.dep_ == "neg":
            return True
        if child.dep_ in ("aux", "auxpass") and child.lower_ in cues:
            return True
        if child.dep_ == "mark" and child.lower_ in ("if", "unless", "whether"):
            return True
    # a gerund under a verb of prevention: "warned against sending troops", "stopped them from attacking"
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.lemma_.lower() in PREVENTIVE_VERBS:
        return True
    # infinitive under a verb of intent or prevention: "to deter attacks", "plans to strike"
    if verb.dep_ in ("xcomp", "advcl", "ccomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        if verb.head.lemma_.lower() in PREVENTIVE_VERBS or verb.dep_ == "advcl":
            return True
    if verb.lemma_.lower() in PREVENTIVE_VERBS and verb is not token and not (
            verb.lemma_.lower() == "call" and token.dep_ == "dobj" and token.head.i == verb.i):
        return True
    return False


# ---------------------------------------------------------------- arguments

def _actors_of(index: ActorIndex, token: Token, avoid: frozenset[str] = frozenset()) -> list[ActorMention]:
    """Actors a syntactic argument denotes: its own mention, conjuncts, a pronoun's antecedent.

    A military noun owned by a state ("US warplanes", "American troops") stands for the state.
    A pronoun does not stand for a side in ``avoid`` (an attack's target is not its attacker:
    "the U.S. attacks on *its* platforms").
    """
    out: list[ActorMention] = []
    for tok in [token, *token.conjuncts]:
        m = index.actor_at(tok.i)
        if m is None and tok.lower_ == "it" and (speaker := _reporting_speaker(tok)) is not None:
            out += [a for a in _actors_of(index, speaker) if a.type is not ActorType.PERSON and a not in out]
            continue  # "the army said it had killed 50 fighters": "it" is the army
        if m is None and tok.lower_ in PRONOUNS_PERSON:
            m = index.antecedent(tok.i, (ActorType.PERSON,), "m" if tok.lower_ in ("he", "him") else "f")
        elif m is None and tok.lower_ in PRONOUNS_GROUP:
            m = index.antecedent(tok.i, (ActorType.ARMED_GROUP, ActorType.STATE, ActorType.MILITARY,
                                         ActorType.GOVERNMENT), avoid=avoid)
        elif m is None and (named := next((c for c in tok.children if c.dep_ == "appos" and (
                a := index.actor_at(c.i)) is not None and a.type is ActorType.PERSON), None)) is not None:
            out += [a for a in _actors_of(index, named, avoid) if a not in out]  # "OIC head Yousef
            continue  # Al-Othaimeen, Pope Francis and ...": the person named in apposition to a title
        elif m is None:
            # the head noun is not an actor, but its owner is: "coalition targets", "US personnel",
            # "the American-flag tanker", "its oil platforms", "Iran's embassy" (each conjunct on its own:
            # "Pope Francis and a spokesperson for President Duterte")
            found: list[ActorMention] = []
            for i in range(tok.left_edge.i, tok.i):
                child = index.doc[i]
                hit = index.actor_at(i)
                if hit is None and child.dep_ == "poss" and child.lower_ in PRONOUNS_GROUP:
                    hit = index.antecedent(i, (ActorType.STATE, ActorType.ARMED_GROUP, ActorType.MILITARY,
                                               ActorType.GOVERNMENT, ActorType.ORGANIZATION), avoid=avoid)
                if hit is not None and hit.type is not ActorType.PERSON and hit not in found and (
                        not hit.locative or tok.lemma_.lower() in site_nouns() and hit.source == "gazetteer"
                        and index.doc[hit.end - 1].head.i == tok.i
                        and index.doc[hit.end - 1].ent_type_ not in ("GPE", "LOC", "FAC")):
                    found.append(hit)  # not a name used as a place ("Baghdad International Airport"),
                    # but the owner of a site ("the AMISOM base", "Iranian oil platforms")
            if not found and tok.i + 1 < len(index.doc) and gazetteer.match_title([tok.text]) is not None:
                after = index.actor_at(tok.i + 1)  # "OIC head Yousef Al-Othaimeen" parsed with "head" as head
                if after is not None and after.type is ActorType.PERSON:
                    found.append(after)
            if not found:  # a collective head: "a convoy of soldiers", "members of Hamas"; a title speaking
                # for someone: "a spokesperson for President Duterte"
                preps = {"of", "for"} if gazetteer.match_title([tok.text]) is not None else {"of"}
                for obj in _prep_objects(tok, preps):
                    found += [a for a in _actors_of(index, obj, avoid) if a not in found]
            out += [a for a in found if a not in out]
            continue
        if m is not None and m.generic and m.type in (ActorType.MILITARY, ActorType.ARMED_GROUP):
            owner = _owner_modifier(index, m)
            if owner is not None:
                m = owner
        if m is not None and m not in out:
            out.append(m)
        if m is not None and m.type is ActorType.PERSON:  # "Khamenei, Prime Minister Mousavi and now
            for c in tok.children:  # Rafsanjani": a list of people the parser took for an apposition
                other = index.actor_at(c.i)
                if c.dep_ == "appos" and other is not None and other.type is ActorType.PERSON and other.key != m.key:
                    out += [a for a in _actors_of(index, c, avoid) if a not in out]
    return out


def _reporting_speaker(pronoun: Token) -> Token | None:
    """The subject of the speech verb whose reported clause has ``pronoun`` as its subject."""
    if pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause = pronoun.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in SAY_VERBS:
        return None
    subj, passive = _subject(clause.head)
    return None if passive or subj is None or subj.lower_ == "it" else subj


def _owner_modifier(index: ActorIndex, m: ActorMention) -> ActorMention | None:
    """The named actor a group noun belongs to: "US warplanes" -> the US, "IS fighters" -> IS.

    Soldiers and warplanes stand for their state, alliance or group ("NATO warplanes", "Houthi
    forces"); fighters and militants for their named group (a state adjective on militants,
    "Iraqi militias", does not make them the state).
    """
    owners = (ActorType.STATE, ActorType.MILITARY, ActorType.ARMED_GROUP, ActorType.ORGANIZATION) \
        if m.type is ActorType.MILITARY else (ActorType.ARMED_GROUP,)
    doc = index.doc
    for i in range(max(m.start - 3, 0), m.end):
        hit = index.actor_at(i)
        if hit is not None and hit is not m and not hit.generic and hit.type in owners and hit.end >= m.start - 1 \
                and doc[hit.end - 1].dep_ in ("compound", "amod", "nmod", "poss", "npadvmod"):
            return hit
    return None


def _subject(token: Token) -> tuple[Token | None, bool]:
    """The subject of a verb (inherited through conjunction, relative clause or participle); passive?

    Of two subjects the parser gives one verb ("MOSCOW (Reuters) - Russia said"), the nearer.
    """
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "csubj", "nsubjpass")]
    for child in sorted(subjects, key=lambda c: abs(token.i - c.i))[:1]:
        if child.dep_ in ("nsubj", "csubj"):
            if child.lower_ in ("that", "which", "who") and token.dep_ == "relcl":
                return token.head, False
            return child, False
        if child.dep_ == "nsubjpass":
            return child, True
    if token.dep_ in ("conj", "xcomp", "advcl") and token.head is not token and token.head.pos_ in ("VERB", "AUX"):
        subj, _ = _subject(token.head)
        return subj, False
    if token.dep_ == "relcl":
        return token.head, False
    return None, False


def _acl_targets(weapon: Token) -> list[Token]:
    """"missiles targeting US troops": the objects of a participle after a weapon."""
    out = []
    for child in weapon.children:
        if child.dep_ == "acl":
            out += [c for c in child.children if c.dep_ == "dobj"]
    return out


def _with_party(d: EventDraft) -> bool:
    """Events whose "with" object is the other party: talks, deals, broken ties, clashes
    ("met with X", "agreed with X", "cut ties with X", "clashed with X")."""
    return d.type in (EventType.CONSULT, EventType.AGREEMENT, EventType.SANCTION) \
        or d.subtype is EventSubtype.ARMED_CLASH


def _by_agent(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def _prep_objects(token: Token, preps) -> list[Token]:
    out = []
    for child in token.children:  # "sent tanks to Ukraine" has "to" as a dative
        if (child.dep_ == "prep" or child.dep_ == "dative" and child.pos_ == "ADP") and child.lower_ in preps:
            out += [o for o in child.children if o.dep_ == "pobj"]
    return out


def _fill_arguments(d: EventDraft, index: ActorIndex, doc: Doc) -> None:
    if d.pos == "PREP":  # "according to X"
        d.agents = _unique([a for obj in _prep_objects(doc[d.start], {"to"}) + [
            c for c in doc[d.end - 1].children if c.dep_ == "pobj"] for a in _actors_of(index, obj)])
        return
    head = doc[d.end - 1] if d.pos == "NOUN" else doc[d.start]
    speech = d.type in SPEECH_TYPES
    if d.pos == "VERB" and d.end - d.start > 1 and head.lemma_.lower() in ("come", "fall"):  # "came under fire"
        subj, _ = _subject(head)
        d.targets += _actors_of(index, subj) if subj is not None else []
        d.agents += [a for o in _prep_objects(doc[d.end - 1], {"from", "by"}) for a in _actors_of(index, o)]
    elif d.pos == "VERB":
        subj, passive = _subject(head)
        if passive:
            by = _by_agent(head)
            if by is not None:
                d.agents += _actors_of(index, by)
            if not speech:
                d.targets += _actors_of(index, subj)
        elif subj is not None:
            d.agents += _actors_of(index, subj)
            if not d.agents and _weapon_class(subj):  # "a car bomb planted by ETA killed two officers"
                d.agents += [a for c in subj.children if c.dep_ in ("acl", "relcl")
                             for by in [_by_agent(c)] if by is not None for a in _actors_of(index, by)]
        if d.type is EventType.DEMAND:  # "recommended the US troops withdraw": the addressee is the clause subject
            for comp in head.children:
                if comp.dep_ in ("ccomp", "xcomp"):
                    subj = next((c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                    if subj is not None:
                        d.targets += _actors_of(index, subj)
        if d.type is EventType.AID:  # "supplied the Houthis with missiles", "gave Ukraine tanks": the recipient
            for child in head.children:
                if child.dep_ in ("dobj", "dative") and index.actor_at(child.i) is not None:
                    d.targets += _actors_of(index, child)
        if d.type in OBJECT_TARGET_TYPES:
            for child in head.children:
                if child.dep_ in ("dobj", "dative") and not (speech and child.pos_ == "NOUN"
                                                            and index.actor_at(child.i) is None):
                    if child.lemma_.lower() in WEAPON_OBJECTS:
                        d.targets += [a for t in _acl_targets(child) for a in _actors_of(index, t)]
                        if d.subtype is EventSubtype.SHOOT_DOWN:  # "shot down 31 Ukrainian drones": their owner
                            d.targets += _actors_of(index, child, avoid=frozenset(d.agent_sides))
                        continue
                    d.targets += _actors_of(index, child, avoid=frozenset(d.agent_sides))
                    if d.type is EventType.ATTACK and index.actor_at(child.i) is None:
                        d.place_tokens.append(child.i)  # "shelled an Iranian oil platform": a site
        preps = TARGET_PREPS | ({"with"} if _with_party(d) else set()) \
            | ({"to", "for"} if d.type is EventType.AID else set()) \
            | ({"from"} if head.lemma_.lower() in LOOT_VERBS else set())
        objects = _prep_objects(head, preps)
        if _with_party(d):  # "cut ties with Qatar", "signed a deal with the rebels": the object's "with"
            objects += [o for c in head.children if c.dep_ == "dobj" for o in _prep_objects(c, {"with"})]
            # the parser hangs "with" on the medium: "spoke by telephone with X", "talked via video link with X"
            objects += [o for c in head.children if c.dep_ == "prep" and c.lower_ in MEDIUM_PREPS
                        for m in c.children if m.dep_ == "pobj" for o in _prep_objects(m, {"with"})]
        for obj in objects:
            found = _actors_of(index, obj, avoid=frozenset(d.agent_sides))
            if found:
                d.targets += found
            if not speech and index.actor_at(obj.i) is None:
                d.place_tokens.append(obj.i)
    else:
        for child in head.children:
            if child.dep_ == "poss" or (child.dep_ in ("compound", "amod", "nmod") and child.i < d.start):
                hit = index.actor_at(child.i)
                if hit is not None and _possessor_is_victim(head, hit):
                    d.targets += _actors_of(index, child)  # "Gustafsson's kidnapping", "Soleimani's killing"
                elif hit is not None and (not hit.generic or hit.type is not ActorType.CIVILIANS):
                    d.agents += _actors_of(index, child)
        by = _by_agent(head)
        if by is not None:
            d.agents += _actors_of(index, by)
        if speech and not d.agents:  # "condemnation from X", "statements ... have come from X"
            for owner in (head, head.head if head.dep_ == "pobj" else head):
                for obj in _prep_objects(owner, {"from"}) + (_prep_objects(owner.head, {"from"})
                                                             if owner.dep_ in ("nsubj",) else []):
                    d.agents += _actors_of(index, obj)
        owners = (head, head.head) if head.dep_ == "nsubj" and head.head.lemma_.lower() in OUTBREAK_VERBS else (head,)
        sides = [a for o in owners for obj in _prep_objects(o, {"between"}) for a in _actors_of(index, obj)]
        if d.type is EventType.ATTACK and len(sides) > 1 and not d.agents:  # "fighting between X and Y"
            d.agents += sides[:1]
            d.targets += sides[1:]
        preps = TARGET_PREPS | ({"with"} if _with_party(d) else set()) \
            | ({"of"} if d.type in OF_TARGET_TYPES else set()) | ({"to", "for"} if d.type is EventType.AID else set())
        for obj in _prep_objects(head, preps):
            found = _actors_of(index, obj, avoid=frozenset(d.agent_sides))
            if found:
                d.targets += found
            if index.actor_at(obj.i) is None:
                d.place_tokens.append(obj.i)
        # light verb: "X carried out strikes", "X issued a statement", "declared martial law and a mobilization"
        first = head
        while first.dep_ == "conj" and first.head is not first:
            first = first.head
        if first.dep_ == "pobj" and first.head.lower_ == "of" and first.head.head.lemma_.lower() in PANEL_NOUNS:
            first = first.head.head  # "set up a commission of inquiry": the panel stands for the inquiry
        if d.type is EventType.AID and first.dep_ == "pobj" and first.head.lower_ == "in" \
                and first.head.head.dep_ == "dobj":
            first = first.head.head  # "pledged $100 million in aid to Afghanistan": the sum stands for the aid
            d.targets += [a for o in _prep_objects(first, {"to", "for"}) + _prep_objects(first.head, {"to", "for"})
                          for a in _actors_of(index, o)]
        verb = first.head
        if first.dep_ == "pobj" and first.head.lower_ == "on" and first.head.head.lemma_.lower() in ("put", "place"):
            first, verb = first.head, first.head.head  # "placed 8,500 troops on alert"
        if (first.dep_ in ("dobj", "nsubjpass") or verb.lemma_.lower() in ("put", "place")) \
                and (verb.lemma_.lower() in LIGHT_VERBS or verb.lower_ in LIGHT_VERBS) and not d.agents:
            subj, passive = _subject(verb)
            if subj is not None and not passive:
                d.agents += _actors_of(index, subj)
            by = _by_agent(verb)
            if by is not None:
                d.agents += _actors_of(index, by)
            for obj in _prep_objects(verb, TARGET_PREPS | ({"to"} if d.type is EventType.AID else set())):
                found = _actors_of(index, obj)
                d.targets += found
                if not found:
                    d.place_tokens.append(obj.i)
        # "Speaking after a meeting with X, Carter said": a meeting's implicit agent is the clause subject
        if d.type is EventType.CONSULT and not d.agents:
            verb = head.head
            for _ in range(4):
                subj, passive = _subject(verb) if verb.pos_ in ("VERB", "AUX") else (None, False)
                if subj is not None and not passive:
                    d.agents += _actors_of(index, subj)
                    break
                if verb.head is verb:
                    break
                verb = verb.head
        # "in a statement, X said": the speaker of the sentence's speech verb
        if speech and not d.agents and head.dep_ == "pobj":
            verb = head.head.head
            if verb.pos_ == "VERB":
                subj, passive = _subject(verb)
                if subj is not None and not passive:
                    d.agents += _actors_of(index, subj)
    if d.type is EventType.ATTACK:  # "attacked a post, killing 24 soldiers", "a device exploded, injuring four"
        for owner in (head, head.head) if head.dep_ in ("acl", "relcl") else (head,):
            for part in owner.children:
                if part.dep_ in PARTICIPLE_DEPS and part.tag_ == "VBG" and part.lemma_.lower() in CASUALTY_VERBS:
                    d.targets += [a for c in part.children if c.dep_ == "dobj" for a in _actors_of(index, c)]
    d.agents = _unique(d.agents)
    d.targets = [t for t in _unique(d.targets) if t.key not in d.agent_keys]


VICTIM_NOUNS = frozenset("killing murder assassination execution kidnapping abduction arrest detention "
                          "capture death".split())


def _possessor_is_victim(head: Token, m: ActorMention) -> bool:
    """A person or civilians owning a kidnapping, arrest or killing suffered it ("Gustafsson's
    kidnapping", "Soleimani's killing"); a state or group owning an attack did it ("Iran's attack")."""
    return m.type in (ActorType.PERSON, ActorType.CIVILIANS) and head.lemma_.lower() in VICTIM_NOUNS


def _unique(mentions: list[ActorMention]) -> list[ActorMention]:
    seen, out = set(), []
    for m in mentions:
        if m.key not in seen:
            seen.add(m.key)
            out.append(m)
    return out


# ---------------------------------------------------------------- drafts

def find_event_drafts(doc: Doc, index: ActorIndex) -> list[EventDraft]:
    """Every event mention of a parsed article that reports something that happened."""
    drafts: list[EventDraft] = []
    sent_starts = sentence_starts(doc)
    from bisect import bisect_right

    covered: set[int] = set()
    # the drafts of each sentence: an event a trigger joins covers its governor, subject or head, which
    # are in its sentence (no arc of the parse crosses one), so only these are searched: a long article
    # costs no more per trigger
    in_sentence: dict[int, list[EventDraft]] = {}
    for token in doc:
        if token.i in covered or (token.pos_ not in TRIGGER_POS and token.lower_ != "according"):
            continue  # every rule below starts from a verb or a noun, but "according to"
        hit = _aid_transfer(token, index) or _came_under(token) or _move_or_assembly(token, index) \
            or _impact(token) or _match_trigger(token) or _weapon_launch(token) or _according_to(token)
        if hit is None:
            continue
        trigger, start, end = hit
        head = doc[end - 1] if trigger.pos == "NOUN" else token
        if index.actor_at(head.i) is not None and trigger.pos == "NOUN" and index.actor_at(head.i).generic is False:
            continue  # part of a name ("the Strike Group")
        if trigger.pos == "NOUN" and head.dep_ == "compound" and head.head.i > head.i:
            continue  # a modifier of another noun: "aid workers", "attack helicopters", "protest leaders"
        if _is_unreal(head) and not _protest_purpose(head, trigger):
            continue
        d = EventDraft(trigger.type, trigger.subtype, trigger.cameo, start, end,
                       bisect_right(sent_starts, start) - 1, pos=trigger.pos,
                       plural=head.tag_ in ("NNS", "NNPS"))
        d.mentions.append((start, end))
        d.definite = any(c.lower_ in DEFINITE or c.dep_ == "poss" for c in head.children if c.i < head.i)
        _fill_arguments(d, index, doc)
        if d.type is EventType.CONSULT and not d.targets and len(d.agents) > 1:
            d.targets = d.agents[1:]  # "A and B met": the first named is the agent
            d.agents = d.agents[:1]
        lemma = head.lemma_.lower()
        if not _fits_class(d, head, index):
            continue
        here = in_sentence.get(d.sentence, [])
        if trigger.pos == "NOUN":  # "agreed to a ceasefire", "launched an attack": the verb's own event
            governor = head.head.head if head.dep_ == "pobj" else head.head
            manner = head.dep_ == "pobj" and head.head.lower_ in ("in", "during")
            governors = [governor]
            while manner and len(governors) < 4 and governors[-1].dep_ in ("pobj", "prep"):
                governors.append(governors[-1].head)  # "the killing of Soleimani in an airstrike"
            verbal = next((e for e in here if e.type is d.type and (e.pos == "VERB" or manner and e.pos == "NOUN")
                           and any(st <= g.i < en for st, en in e.mentions for g in governors)), None)
            same = (head.dep_ == "pobj" and head.head.lower_ in ("to", "in", "on", "during")) or \
                (head.dep_ == "pobj" and head.head.lower_ == "for" and d.type is EventType.CONSULT) or \
                (head.dep_ in ("dobj", "attr", "oprd") and d.type not in SPEECH_TYPES)  # also "the killing
            # of Soleimani *in an airstrike*": the airstrike is the killing
            if verbal is None and d.type is EventType.ATTACK and lemma in OPERATION_NOUNS and head.dep_ == "pobj" \
                    and head.head.lower_ in ("in", "during"):
                verbal = next((e for e in here if e.type is EventType.ARREST and e.pos == "VERB"
                               and any(st <= governor.i < en for st, en in e.mentions)), None)
                same = verbal is not None  # "arrested 15 Palestinians in overnight raids": the arrests
            if verbal is not None and same:  # never "raided in retaliation *for* an attack", "denied the accusation"
                verbal.mentions.append((start, end))
                verbal.targets = _unique(verbal.targets + [t for t in d.targets if t.key not in verbal.agent_keys])
                verbal.place_tokens += d.place_tokens
                verbal.subtype = verbal.subtype or d.subtype
                covered.update(range(start, end))
                continue
        if trigger.pos == "VERB":
            subj, passive = _subject(head)
            nominal = next((e for e in here if subj is not None and not passive and e.type is d.type
                            and any(s <= subj.i < e_ for s, e_ in e.mentions)), None)
            if nominal is not None:  # "the airstrike killed five soldiers": targets of the airstrike
                nominal.targets = _unique(nominal.targets + [t for t in d.targets if t.key not in nominal.agent_keys])
                nominal.place_tokens += d.place_tokens
                covered.update(range(start, end))
                continue
        if trigger.pos == "VERB" and lemma in CASUALTY_VERBS and head.tag_ == "VBG" and head.dep_ in PARTICIPLE_DEPS:
            owner = _governing_attack(doc, head, here)
            if owner is not None:  # "attacked a navy base, killing 30 sailors": one attack
                owner.targets = _unique(owner.targets + [t for t in d.targets if t.key not in owner.agent_keys])
                covered.update(range(start, end))
                continue
        if trigger.pos == "VERB" and lemma in WEAK_VERBS:
            munition = _munition_subject(head)
            if munition is None and not d.agents:
                continue
            d.subtype = d.subtype or munition  # "a roadside bomb killed four soldiers"
        if lemma in NEEDS_TARGET and len(trigger.lemmas) == 1 and not d.targets \
                and not (trigger.pos == "NOUN" and d.type is EventType.CONSULT):  # not "spoke out against"
            continue
        if lemma in NEEDS_COMPLEMENT and not any(c.dep_ in ("dobj", "xcomp", "ccomp", "prep") for c in head.children):
            continue
        if d.type in SPEECH_TYPES and d.agents and all(a.type is ActorType.MEDIA for a in d.agents):
            continue  # a medium reporting is not an event of its own ("IRNA said ...")
        if d.subtype in (EventSubtype.CONDEMNATION, EventSubtype.DENIAL) and not d.targets:
            # a condemnation or denial that blames no one is a statement ("X condemned the attack")
            d.type, d.subtype, d.cameo = EventType.STATEMENT, None, EventType.STATEMENT.cameo_root
        if d.type in SPEECH_TYPES and not d.agents:
            continue
        if d.type in SPEECH_TYPES and all(a.generic for a in d.agents):
            continue
        covered.update(range(start, end))
        drafts.append(d)
        in_sentence.setdefault(d.sentence, []).append(d)
    return _announced_acts(doc, drafts)


def _governing_attack(doc: Doc, participle: Token, drafts: list[EventDraft]) -> EventDraft | None:
    """The attack a casualty participle follows: its head's event, or that of a device it describes."""
    gov = participle.head
    for e in reversed(drafts):
        if e.type is not EventType.ATTACK:
            continue
        for st, en in e.mentions:
            if st <= gov.i < en or (doc[st].head.i == gov.i and doc[st].dep_ in ("acl", "relcl")):
                return e
    return None


def _protest_purpose(head: Token, trigger: Trigger) -> bool:
    """"took to the streets to protest", "blocked the road to demonstrate": a protest given as the
    purpose of what a crowd really did is a protest that happened."""
    if trigger.type is not EventType.PROTEST or head.dep_ != "advcl" or head.pos_ != "VERB":
        return False
    verb = head.head
    return verb.pos_ == "VERB" and verb.tag_ in ("VBD", "VBN", "VBZ", "VBP") and not _is_unreal(verb)


def _announced_acts(doc: Doc, drafts: list[EventDraft]) -> list[EventDraft]:
    """"announced new sanctions", "declared a mobilization", "unveiled an aid package": the act
    announced is the event, its announcement no statement of its own."""
    heads = {(d.end - 1 if d.pos == "NOUN" else d.start): d for d in drafts if d.type not in SPEECH_TYPES}
    out = []
    for d in drafts:
        verb = doc[d.start]
        if d.type is EventType.STATEMENT and d.pos == "VERB" and verb.lemma_.lower() in ANNOUNCE_VERBS and any(
                c.dep_ == "dobj" and any(o.i in heads for o in (c, *c.conjuncts)) for c in verb.children):
            continue
        out.append(d)
    return out


def mention_index(drafts: list[EventDraft]) -> dict[int, EventDraft]:
    """Token index -> the event one of whose mentions covers that token."""
    out = {}
    for d in drafts:
        for start, end in d.mentions:
            for i in range(start, end):
                out[i] = d
    return out


# ---------------------------------------------------------------- coreference

def _compatible(a: EventDraft, b: EventDraft) -> bool:
    if a.type is not b.type:
        return False
    bare = not a.has_arguments() and a.pos == "NOUN" and a.definite  # "the massacre" for a shelling
    if a.subtype and b.subtype and a.subtype is not b.subtype and not bare and not any(
            a.subtype in f and b.subtype in f for f in SUBTYPE_FAMILIES):
        return False
    if a.agents and b.agents and not (a.agent_sides & b.agent_sides):
        return False
    if a.targets and b.targets and not (a.target_sides & b.target_sides):
        return False
    if a.date and b.date and a.date != b.date:
        return False
    return True


def _shares_argument(a: EventDraft, b: EventDraft, doc: Doc) -> bool:
    if a.agent_sides & b.agent_sides or a.target_sides & b.target_sides:
        return True
    if a.subtype and a.subtype is b.subtype and not (a.agents or a.targets):
        return True  # "the rocket attacks" again, with no participant named
    if a.date and a.date == b.date:
        return True
    return bool(_place_words(a) & _place_words(b))


def _place_words(d: EventDraft) -> set[str]:
    """The capitalised words of an event's place names."""
    return {w for p in d.places for w in p.name.split() if w[:1].isupper()}


def _places_agree(a: EventDraft, b: EventDraft) -> bool:
    """No places, or places that share a name ("Baghdad International Airport" and "Baghdad")."""
    words_a, words_b = _place_words(a), _place_words(b)
    return not (words_a and words_b) or bool(words_a & words_b)


def merge_coreferent(drafts: list[EventDraft], doc: Doc) -> list[EventDraft]:
    """Merge mentions of one occurrence (see the module docstring); the first mention leads."""
    merged: list[EventDraft] = []
    for d in drafts:
        target = None
        if d.subtype and not d.has_arguments() and d.pos == "NOUN" and d.definite:
            # "the airstrike": the last occurrence of its own class before any of unknown class
            target = next((e for e in reversed(merged) if _compatible(d, e) and e.subtype and e.has_arguments() and
                           any(d.subtype in f and e.subtype in f for f in SUBTYPE_FAMILIES + ((d.subtype,),))), None)
        if target is None and d.type not in SPEECH_TYPES and not d.subtype and not (d.agents or d.targets) \
                and d.pos == "NOUN" and d.definite and not d.plural:
            # "the attack" ("the strike took place at the airport"): the occurrence just reported (this
            # sentence or the one before), else the article's first (its lede), not whichever was
            # reported last; a place or date it gives must not contradict
            pool = [e for e in merged if _compatible(d, e) and _places_agree(d, e)]
            recent = [e for e in pool if any(d.sentence - 1 <= sentence_index(doc, s) for s, _ in e.mentions)]
            if pool:
                target = recent[-1] if recent else pool[0]
        for e in ([] if target is not None else reversed(merged)):
            if not _compatible(d, e):
                continue
            if d.type in SPEECH_TYPES:
                if d.agent_keys & e.agent_keys and (d.date == e.date or d.date is None or e.date is None):
                    target = e
                    break
                continue
            if _shares_argument(d, e, doc) or (not d.has_arguments() and d.pos == "NOUN" and d.definite):
                target = e
                break
        if target is None:
            merged.append(d)
            continue
        target.mentions.append((d.start, d.end))
        target.agents = _unique(target.agents + d.agents)
        target.targets = [t for t in _unique(target.targets + d.targets) if t.key not in target.agent_keys]
        target.place_tokens += [i for i in d.place_tokens if i not in target.place_tokens]
        target.places += [p for p in d.places if all(p.id != q.id for q in target.places)]
        target.date = target.date or d.date
        target.date_span = target.date_span or d.date_span
        target.subtype = target.subtype or d.subtype
        if target.killed is None:
            target.killed = d.killed
        if target.injured is None:
            target.injured = d.injured
        target.weapons += [w for w in d.weapons if w not in target.weapons]
    return merged

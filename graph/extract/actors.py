"""Actors of one article: mentions clustered into actors, with roles and affiliations.

Rule classes, each with an example:

- **in-article aliases**: a surname or a shorter form points back to the full name last
  given ("John Kirby ... Kirby said"); "the group", "the militia" to the armed group last named; a parenthesised form right after a name is an alias
  ("the Kurdistan Regional Government (KRG)"); an acronym made of a name's initials is
  that name.
- **titles** (``lexicons/titles.txt``): a title before a name gives ``role_in`` with the
  organisation or state before the title ("Pentagon press secretary John Kirby",
  "Iraqi Prime Minister Mustafa al-Kadhimi", "Iran's top war spokesman Ali Rafsanjani");
  an apposition gives it too ("Barzani, the Prime Minister of the Kurdistan Regional Government").
- **national offices** with no state written ("President Reagan") take the state the article
  names most often outside objects, leaving out those the holder's own acts are aimed at.
- **relation nouns**: "X, a faction of Y", "X is an ally of Y", "X, the armed wing of Y" give
  ``member_of`` / ``allied_with`` / ``backed_by`` / ``opposes``; participles take their other party
  from "to"/"with" too ("ISIL, which is linked to the Abu Sayyaf Group").
- **compound modifiers**: "Iran-backed militias" / "militias, backed by Iran" give
  ``backed_by``; "US-led coalition" gives the leader ``member_of`` the coalition;
  "X-allied" gives ``allied_with``; "groups, including A and B" gives A and B ``member_of``
  the groups.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc

from graph.extract.docindex import doc_text, sentence_index, sentence_of
from graph.extract.mentions import ActorMention, find_actor_mentions, side, slug
from graph.records import Actor, Affiliation, Mention
from graph.vocab import gazetteer
from graph.vocab.actor_types import ActorType, AffiliationType

__all__ = ["ActorIndex", "extract_actors", "resolve_national_titles"]

#: appositive or predicate nouns that state an affiliation ("X, a faction of Y", "X is an ally of Y")
RELATION_NOUNS = {"member": AffiliationType.MEMBER_OF, "faction": AffiliationType.MEMBER_OF,
                  "affiliate": AffiliationType.MEMBER_OF, "wing": AffiliationType.MEMBER_OF,
                  "branch": AffiliationType.MEMBER_OF, "offshoot": AffiliationType.MEMBER_OF,
                  "part": AffiliationType.MEMBER_OF, "unit": AffiliationType.MEMBER_OF,
                  "ally": AffiliationType.ALLIED_WITH, "partner": AffiliationType.ALLIED_WITH,
                  "proxy": AffiliationType.BACKED_BY, "client": AffiliationType.BACKED_BY,
                  "enemy": AffiliationType.OPPOSES, "rival": AffiliationType.OPPOSES}
BACKING = {"backed": AffiliationType.BACKED_BY, "sponsored": AffiliationType.BACKED_BY,
           "supported": AffiliationType.BACKED_BY, "funded": AffiliationType.BACKED_BY,
           "armed": AffiliationType.BACKED_BY, "financed": AffiliationType.BACKED_BY,
           "aligned": AffiliationType.ALLIED_WITH, "allied": AffiliationType.ALLIED_WITH,
           "affiliated": AffiliationType.MEMBER_OF, "linked": AffiliationType.ALLIED_WITH,
           "led": AffiliationType.MEMBER_OF, "loyal": AffiliationType.ALLIED_WITH}
MEMBERSHIP_PREPS = ("including", "such as", "among them")


@dataclass
class _Cluster:
    key: str
    name: str
    type: ActorType
    country: str | None = None
    wikidata: str | None = None
    generic: bool = False
    mentions: list[ActorMention] = field(default_factory=list)

    @property
    def acting(self) -> bool:
        """Named somewhere other than as a place."""
        return any(not m.locative for m in self.mentions)


@dataclass
class ActorIndex:
    """Actor mentions of one parsed article, clustered, with a token -> mention map.

    ``events.py`` asks it which actor a token denotes (:meth:`actor_at`) and the last
    person or group named before a pronoun (:meth:`antecedent`).
    """

    doc: Doc
    article_id: str
    mentions: list[ActorMention]
    clusters: dict[str, _Cluster]
    affiliations: list[Affiliation]
    by_token: list[ActorMention | None]
    pending_titles: list = field(default_factory=list)  # (person mention, national title) with no state yet

    def actor_at(self, i: int) -> ActorMention | None:
        """The mention covering token ``i``, or None."""
        return self.by_token[i] if 0 <= i < len(self.by_token) else None

    def antecedent(self, i: int, types: tuple[ActorType, ...], gender: str | None = None,
                   avoid: frozenset[str] = frozenset()) -> ActorMention | None:
        """The last named mention of one of ``types`` before token ``i`` (for pronouns).

        With ``gender``, a person known (from an honorific) to be of the other gender is passed over;
        mentions of a side in ``avoid`` are too (the attacker is not the owner of what it attacks).
        """
        genders = {}
        for m in self.mentions:
            if m.gender:
                genders[m.key] = m.gender
        for m in reversed(self.mentions):
            if m.end <= i and m.type in types and not m.generic and side(m) not in avoid:
                if gender and genders.get(m.key, gender) != gender:
                    continue
                return m
        return None

    def records(self, used: set[str]) -> tuple[Actor, ...]:
        """Actor records: every named actor that acts, plus generic groups in ``used``."""
        out = []
        for c in self.clusters.values():
            if c.generic and c.key not in used:
                continue
            if not c.generic and not c.acting and c.key not in used and not self._affiliated(c.key):
                continue
            name = _display_name(c)
            aliases = tuple(sorted(({m.text for m in c.mentions} | {c.name}) - {name}))
            mentions = tuple(self.mention(m) for m in c.mentions)
            out.append(Actor(c.key, name, c.type, c.country, aliases, mentions, c.wikidata))
        return tuple(out)

    def _affiliated(self, key: str) -> bool:
        return any(a.source == key or a.target == key for a in self.affiliations)

    def mention(self, m: ActorMention) -> Mention:
        """The record form of a mention."""
        return Mention(self.article_id, m.start_char, m.end_char, m.text, _sentence_index(self.doc, m.start))


def _display_name(c: _Cluster) -> str:
    """The name an actor goes by: a state's canonical name; for others the gazetteer's name when the
    article uses it, else the article's own most frequent form ("US-led coalition", not "Global
    Coalition to Defeat ISIS"); the canonical name stays among the aliases.

    >>> from graph.extract.mentions import ActorMention
    >>> c = _Cluster("x", "Global Coalition", ActorType.ORGANIZATION)
    >>> c.mentions = [ActorMention(0, 2, 0, 16, "US-led coalition", "Global Coalition", ActorType.ORGANIZATION)]
    >>> _display_name(c)
    'US-led coalition'
    """
    if c.type is ActorType.STATE or c.generic or not c.mentions:
        return c.name
    texts = [m.text for m in c.mentions]
    if any(slug(t) == slug(c.name) for t in texts):
        return c.name
    texts = [t[4:] if t.lower().startswith("the ") else t for t in texts]  # "The Kremlin" -> "Kremlin"
    counts = Counter(t for t in texts if len(t) > 3 or t.isupper())  # in order of first use, for ties
    if not counts:
        return c.name
    return max(counts, key=lambda t: (counts[t], len(t)))


def _sentence_index(doc: Doc, token_i: int) -> int:
    return sentence_index(doc, token_i)


def extract_actors(doc: Doc, article_id: str) -> ActorIndex:
    """Find, cluster and relate the actors of a parsed article."""
    mentions = find_actor_mentions(doc)
    clusters = _cluster(doc, mentions)
    by_token: list[ActorMention | None] = [None] * len(doc)
    for m in mentions:
        for i in range(m.start, m.end):
            by_token[i] = m
    index = ActorIndex(doc, article_id, mentions, clusters, [], by_token)
    index.affiliations = _dedupe(list(_roles(index)) + list(_compound_affiliations(index))
                                 + list(_relation_nouns(index)))
    return index


def _cluster(doc: Doc, mentions: list[ActorMention]) -> dict[str, _Cluster]:
    clusters: dict[str, _Cluster] = {}
    people: list[_Cluster] = []
    orgs: list[_Cluster] = []
    previous: ActorMention | None = None
    for m in mentions:
        key = None
        if m.type is ActorType.PERSON:
            words = m.name.split()
            for c in reversed(people):  # a surname or a shorter form of a longer name given before
                full = c.name.split()
                if len(words) < len(full) and full[-len(words):] == words:
                    key = c.key
                    break
            if key is None:
                for c in people:  # the full name given after the short form
                    full = c.name.split()
                    if len(full) < len(words) and words[-len(full):] == full:
                        c.name, key = m.name, c.key
                        break
        elif m.generic and _bare_group(doc, m) and (named := _last_named(clusters, m)) is not None:
            key = named.key  # "the group", "the militia": the armed group last named
        elif m.generic and m.type is ActorType.CIVILIANS:
            key = "civilians"  # one actor for the unorganised victims of an article, as coders do
        elif m.generic:
            key = f"{m.type.value}-{slug(doc[m.end - 1].lemma_)}"
        elif m.source == "gazetteer" or m.country and m.type is ActorType.STATE:
            key = slug(m.name)
        if m.generic and doc[m.end - 1].dep_ == "appos":
            head = next((h for h in mentions if h.start <= doc[m.end - 1].head.i < h.end and not h.generic), None)
            if head is not None and head.key:
                key = head.key
        if key is None and previous is not None and _in_parentheses_after(doc, previous, m) \
                and not previous.generic:
            key = previous.key  # "the Kurdistan Regional Government (KRG)"
        if key is None and m.text.isupper() and len(m.text) >= 2:
            key = next((c.key for c in orgs if _initials(c.name) == m.text), None)
        if key is None:
            key = slug(m.name)
        m.key = key
        cluster = clusters.get(key)
        if cluster is None:
            name = "civilians" if key == "civilians" else m.name
            cluster = clusters[key] = _Cluster(key, name, m.type, m.country, m.wikidata, m.generic)
            if m.type is ActorType.PERSON:
                people.append(cluster)
            elif not m.generic:
                orgs.append(cluster)
        elif m.generic and len(m.text) > len(cluster.name) and "-" not in m.text:
            pass
        cluster.mentions.append(m)
        previous = m
    return clusters


def _bare_group(doc: Doc, m: ActorMention) -> bool:
    """"the group", "the militants": a definite group noun with no modifier of its own."""
    head = doc[m.end - 1]
    return m.type is ActorType.ARMED_GROUP and m.end - m.start == 1 and any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in head.children)


def _last_named(clusters: dict[str, _Cluster], m: ActorMention) -> _Cluster | None:
    """The named armed group mentioned last before ``m``."""
    best, best_end = None, -1
    for c in clusters.values():
        if c.generic or c.type is not ActorType.ARMED_GROUP:
            continue
        ends = [x.end for x in c.mentions if x.end <= m.start]
        if ends and max(ends) > best_end:
            best, best_end = c, max(ends)
    return best


def _in_parentheses_after(doc: Doc, first: ActorMention, second: ActorMention) -> bool:
    return (second.start == first.end + 1 and doc[first.end].text == "("
            and second.end < len(doc) and doc[second.end].text == ")")


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


# ---------------------------------------------------------------- roles from titles

def _title_before(doc: Doc, end: int, limit: int) -> tuple[int, str] | None:
    """The longest title whose words end at token ``end`` (exclusive), not starting before ``limit``.

    Uses the gazetteer's title matcher, so hyphens and prefixes count ("Secretary-General",
    "acting Prime Minister").
    """
    words = [t.text for t in doc[limit:end]]
    for k in range(len(words)):
        hit = gazetteer.match_title(words, k)
        if hit is not None and hit.end == len(words):
            return limit + k, doc[limit + k:end].text
    return None


def _roles(index: ActorIndex):
    doc = index.doc
    for m in index.mentions:
        if m.type is not ActorType.PERSON:
            continue
        sent = sentence_of(doc, m.start)
        found = _prenominal_role(index, m, sent.start) or _appositive_role(index, m) or _copular_role(index, m) \
            or _of_member(index, m)
        if found is None:
            continue
        org, title = found
        if org is None and title and _national_office(title):
            org = _state_in_sentence(index, m)
            if org is None:
                index.pending_titles.append((m, title))  # resolved once events are known
        if org is not None and org.key != m.key:
            evidence = Mention(index.article_id, doc[min(m.start, org.start)].idx, m.end_char,
                               doc_text(doc)[doc[min(m.start, org.start)].idx:m.end_char], _sentence_index(doc, m.start))
            yield Affiliation(m.key, AffiliationType.ROLE_IN, org.key, role=title, evidence=evidence)


def _prenominal_role(index: ActorIndex, m: ActorMention, limit: int):
    """"Pentagon press secretary John Kirby", "US Ambassador to Iraq Matthew Tueller"."""
    doc = index.doc
    end = m.start
    # "Ambassador to Iraq NAME", "President of Ukraine NAME": a complement between title and name
    between = index.actor_at(end - 1) if end - 1 >= limit else None
    hit = None
    if between is not None and between.type is not ActorType.PERSON and between.start - 1 >= limit \
            and doc[between.start - 1].lower_ in ("of", "to", "for", "in"):
        hit = _title_before(doc, between.start - 1, limit)
        if hit is not None and doc[between.start - 1].lower_ == "of":
            return between, hit[1]
    elif end - 2 >= limit and doc[end - 2].lower_ in ("to", "in", "for") and doc[end - 1].pos_ == "PROPN":
        hit = _title_before(doc, end - 2, limit)
    hit = hit or _title_before(doc, end, limit)
    if hit is None:
        return None
    start, title = hit
    # the organisation: an actor mention right before the title, allowing a possessive and
    # up to two lower-case modifiers ("Iran's top war spokesman")
    j = start - 1
    skipped = 0
    while j >= limit and skipped < 3 and (doc[j].lower_ in ("'s", "’s", "'", ")") or
                                          (doc[j].is_lower and doc[j].pos_ in ("ADJ", "NOUN"))):
        j -= 1
        skipped += 1
    org = index.actor_at(j) if j >= limit else None
    if org is not None and org.type is ActorType.PERSON:
        org = None
    if org is None:
        org = _of_complement(index, doc[start:m.start])
    return org, title


def _appositive_role(index: ActorIndex, m: ActorMention):
    """"Masrour Barzani, the Prime Minister of the Kurdistan Regional Government"."""
    doc = index.doc
    root = doc[m.end - 1]
    for child in root.children:
        if child.dep_ != "appos":
            continue
        phrase = doc[child.left_edge.i:child.right_edge.i + 1]
        words = [t for t in phrase if t.dep_ != "det"]
        of_at = next((t.i for t in phrase if t.lower_ == "of" and t.head.i == child.i), None)
        head_end = of_at if of_at is not None else child.i + 1
        title_span = doc[words[0].i if words else child.i:head_end]
        if not title_span.text.strip():
            continue
        is_title = _title_before(doc, head_end, title_span.start) is not None
        if not is_title:
            continue
        org = _of_complement(index, phrase)
        return org, title_span.text
    return None


NATIONAL_KINDS = frozenset({"head_of_state", "head_of_government", "minister"})


def _national_office(title: str) -> bool:
    """A title that is held in a state ("President", "Defense Secretary", "Supreme Leader")."""
    words = title.split()
    for k in range(len(words)):
        hit = gazetteer.match_title(words, k)
        if hit is not None:
            return hit.title.kind in NATIONAL_KINDS
    return False


def resolve_national_titles(index: ActorIndex, drafts) -> None:
    """Give a national office whose state the text does not write ("President Reagan") a state.

    The state is the one the article names most often outside objects, once the states the
    office-holder's own acts are directed at are set aside ("Reagan warned Iran": not Iran's
    president); nothing unless it is named at least three times as often as the next (at twice,
    two of 13 national offices on the dev corpus went to the other side).
    """
    if not index.pending_titles:
        return
    counts: dict[str, int] = {}
    first: dict[str, ActorMention] = {}
    for m in index.mentions:
        if m.type is ActorType.STATE and not m.locative and not _in_object(index.doc[m.end - 1]):
            counts[m.key] = counts.get(m.key, 0) + 1
            first.setdefault(m.key, m)
    done = {(a.source, a.role) for a in index.affiliations}
    for m, title in index.pending_titles:
        if (m.key, title) in done:
            continue
        opposed = {side(t) for d in drafts if m.key in d.agent_keys for t in d.targets}
        ranked = sorted(((n, k) for k, n in counts.items() if side(first[k]) not in opposed), reverse=True)
        if not ranked or (len(ranked) > 1 and ranked[0][0] < 3 * ranked[1][0]):
            continue
        org = first[ranked[0][1]]
        done.add((m.key, title))
        index.affiliations.append(Affiliation(m.key, AffiliationType.ROLE_IN, org.key, role=title,
                                              evidence=index.mention(m)))


def _state_in_sentence(index: ActorIndex, m: ActorMention) -> ActorMention | None:
    """The state a national office belongs to when the title names none: the one state the sentence names."""
    sent = sentence_of(index.doc, m.start)
    states = {h.key: h for i in range(sent.start, sent.end)
              if (h := index.actor_at(i)) is not None and h.type is ActorType.STATE and not _in_object(index.doc[h.end - 1])}
    return next(iter(states.values())) if len(states) == 1 else None


def _in_object(token) -> bool:
    """Inside an object or a prepositional phrase: the other party of the sentence, not the holder's own."""
    for _ in range(6):
        if token.dep_ in ("dobj", "pobj", "dative", "iobj"):
            return True
        if token.head is token or token.dep_ in ("nsubj", "nsubjpass", "ROOT"):
            return False
        token = token.head
    return False


def _copular_role(index: ActorIndex, m: ActorMention):
    """"al-Muhandis was the deputy commander of the Popular Mobilization Forces"."""
    doc = index.doc
    root = doc[m.end - 1]
    if root.dep_ != "nsubj" or root.head.lemma_ != "be":
        return None
    for attr in root.head.children:
        if attr.dep_ == "attr":
            phrase = doc[attr.left_edge.i:attr.right_edge.i + 1]
            of_at = next((t.i for t in phrase if t.lower_ == "of" and t.head.i == attr.i), attr.i + 1)
            words = [t for t in doc[attr.left_edge.i:of_at] if t.dep_ != "det"]
            if words and _title_before(doc, of_at, words[0].i) is not None:
                return _of_complement(index, phrase), doc[words[0].i:of_at].text
    return None


def _of_member(index: ActorIndex, m: ActorMention):
    """"Arnel dela Vega of the army's Western Mindanao Command": a person of an organisation."""
    doc = index.doc
    root = doc[m.end - 1]
    for prep in root.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            org = _of_complement(index, [prep])
            if org is not None and org.type is not ActorType.STATE:
                return org, None
    return None


def _of_complement(index: ActorIndex, phrase):
    """The actor named in an "of X" complement of a title phrase ("head of Iran's Quds Force" -> Quds Force)."""
    for t in phrase:
        if t.lower_ == "of":
            for obj in t.children:
                if obj.dep_ == "pobj":
                    hit = index.actor_at(obj.i)  # the head of the phrase first, then its modifiers
                    if hit is not None and hit.type is not ActorType.PERSON:
                        return hit
                    for i in range(obj.left_edge.i, obj.right_edge.i + 1):
                        hit = index.actor_at(i)
                        if hit is not None and hit.type is not ActorType.PERSON:
                            return hit
    return None


# ---------------------------------------------------------------- compound affiliations

def _compound_affiliations(index: ActorIndex):
    doc = index.doc
    for token in doc:
        kind = BACKING.get(token.lower_)
        if kind is None:
            continue
        backers: list[ActorMention] = []
        if token.i >= 2 and doc[token.i - 1].text in ("-", "‐", "–"):
            hit = index.actor_at(token.i - 2)
            if hit is not None:
                backers.append(hit)
        for child in token.children:  # "militias, backed by Iran"; "linked to ASG", "loyal to the government"
            if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ in ("to", "with")):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        backers += [index.actor_at(t.i) for t in [obj, *obj.conjuncts] if index.actor_at(t.i)]
        if not backers:
            continue
        group = _relative_antecedent(index, token) or _modified_group(index, token)
        if group is None:
            continue
        for backer in backers:
            if backer.key == group.key:
                continue
            ev = _evidence(index, min(backer.start, group.start), max(backer.end, group.end))
            if token.lower_ == "led":
                yield Affiliation(backer.key, AffiliationType.MEMBER_OF, group.key, evidence=ev)
            else:
                yield Affiliation(group.key, kind, backer.key, evidence=ev)
        # "Iran-backed groups, including A and B": members, backed by the same backer
        for prep in _membership_preps(index, group):
            for member in prep:
                yield Affiliation(member.key, AffiliationType.MEMBER_OF, group.key,
                                  evidence=_evidence(index, group.start, member.end))
                if token.lower_ != "led":
                    for backer in backers:
                        yield Affiliation(member.key, kind, backer.key,
                                          evidence=_evidence(index, group.start, member.end))


def _relative_antecedent(index: ActorIndex, token) -> ActorMention | None:
    """"ISIL, which is linked to ASG": the actor a relative clause holding the participle is about."""
    clause = token
    for _ in range(3):
        if clause.dep_ == "relcl":
            hit = index.actor_at(clause.head.i)
            return hit if hit is not None and hit.type is not ActorType.PERSON else None
        if clause.head is clause:
            return None
        clause = clause.head
    return None


def _relation_nouns(index: ActorIndex):
    """"X, a faction of Y", "X is an ally of Y", "X, the armed wing of Y": an affiliation by noun."""
    doc = index.doc
    for token in doc:
        kind = RELATION_NOUNS.get(token.lemma_.lower())
        if kind is None or token.dep_ not in ("appos", "attr"):
            continue
        subject = token.head if token.dep_ == "appos" else next(
            (c for c in token.head.children if c.dep_ == "nsubj"), None)
        if subject is None:
            continue
        member = index.actor_at(subject.i)
        other = _of_complement(index, [t for t in token.children if t.lower_ == "of"] or [token])
        if other is None:
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    other = _of_complement(index, [prep])
        if member is None or other is None or member.key == other.key or member.type is ActorType.PERSON:
            continue
        yield Affiliation(member.key, kind, other.key,
                          evidence=_evidence(index, min(member.start, token.i), max(other.end, token.i + 1)))


def _modified_group(index: ActorIndex, token) -> ActorMention | None:
    """The actor a participle modifies: the noun it is attached to, or the mention right after it."""
    doc = index.doc
    candidates = [token.head, doc[token.i + 1] if token.i + 1 < len(doc) else token]
    if token.dep_ in ("npadvmod",):
        candidates.insert(0, token.head.head)
    for cand in candidates:
        hit = index.actor_at(cand.i)
        if hit is not None and hit.type is not ActorType.PERSON and hit.end > token.i - 1:
            return hit
    # the group noun is further right in the same noun phrase ("Iran-backed militant groups")
    for i in range(token.i + 1, min(token.i + 4, len(doc))):
        hit = index.actor_at(i)
        if hit is not None and hit.generic:
            return hit
    return None


def _membership_preps(index: ActorIndex, group: ActorMention):
    """Lists of actor mentions introduced by "including" / "such as" after ``group``."""
    doc = index.doc
    for i in range(group.end, min(group.end + 12, len(doc))):
        if doc[i].lower_ in ("including", "such") and doc[i].head.i < group.end + 12:
            start = i + (2 if doc[i].lower_ == "such" else 1)
            yield [m for m in _mentions_in(index, start, sentence_of(doc, i).end) if not m.generic]
            return


def _mentions_in(index: ActorIndex, start: int, end: int) -> list[ActorMention]:
    seen = []
    for i in range(start, end):
        m = index.actor_at(i)
        if m is not None and m not in seen:
            seen.append(m)
    return seen


def _evidence(index: ActorIndex, start: int, end: int) -> Mention:
    doc = index.doc
    span = doc[start:end]
    return Mention(index.article_id, span.start_char, span.end_char, span.text, _sentence_index(doc, start))


def _dedupe(affiliations: list[Affiliation]) -> list[Affiliation]:
    seen: dict[tuple, Affiliation] = {}
    for a in affiliations:
        seen.setdefault((a.source, a.type, a.target), a)
    return list(seen.values())

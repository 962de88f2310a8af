"""One article through every extractor: ``Article`` in, ``Extraction`` out.

>>> from graph.records import Article
>>> x = extract_article(Article("t1", "Rebels shelled the town of Kadugli on Monday, killing three soldiers.",
...                             published=date(2024, 3, 6)))  # doctest: +SKIP
"""
from __future__ import annotations

import logging
from datetime import date, datetime, timezone

from spacy.tokens import Doc

from graph import __version__
from graph.extract.docindex import doc_text, sentence_index, text_of, token_at_char
from graph.extract.docindex import sentences as doc_sentences
from graph.extract.actors import ActorIndex, extract_actors, resolve_national_titles
from graph.extract.arguments import PlaceFinder, attach_arguments, date_undated_speech
from graph.extract.events import SPEECH_TYPES, EventDraft, find_event_drafts, merge_coreferent
from graph.extract.relations import find_quotes, find_relations, infer_from_series
from graph.extract.speech import refine_speech, split_speakers
from graph.nlp import model_id, parse, pipeline
from graph.records import (Article, Claim, Event, EventRelation, Extraction, Mention, RunInfo,
                           Sentence)
from graph.vocab.event_types import EventType

__all__ = ["extract_article", "extract_doc", "run_info"]

log = logging.getLogger(__name__)


def run_info(nlp, started: datetime | None = None) -> RunInfo:
    """Provenance of an extraction run: our version, the model and its version, the start time."""
    name, version = model_id(nlp)
    return RunInfo(__version__, name, version, started or datetime.now(timezone.utc).replace(microsecond=0))


def extract_article(article: Article, nlp=None, run: RunInfo | None = None) -> Extraction:
    """Parse an article and extract its actors, events, arguments and links."""
    nlp = nlp or pipeline()
    return extract_doc(parse(article, nlp), article, run or run_info(nlp))


def extract_doc(doc: Doc, article: Article, run: RunInfo | None = None) -> Extraction:
    """Extract from an already parsed article (``doc`` must be ``nlp(article.text)``)."""
    index = extract_actors(doc, article.id)
    drafts = find_event_drafts(doc, index)
    finder = PlaceFinder(doc, article.id)
    attach_arguments(doc, drafts, index, article.published, finder)
    merged = [d for d in merge_coreferent(drafts, doc) if _informative(d)]
    date_undated_speech(merged, article.published)
    merged = split_speakers(merged)
    links = find_relations(doc, merged)
    links += infer_from_series(links)
    refine_speech(doc, merged, links, index)
    resolve_national_titles(index, merged)
    kept = _most_specific_speech(merged)
    links = [link for link in links if any(link[0] is d for d in kept) and any(link[2] is d for d in kept)]
    merged = kept

    sentences = tuple(Sentence(article.id, i, s.start_char, s.end_char, text_of(s))
                      for i, s in enumerate(doc_sentences(doc)))
    ids = {id(d): f"e{n}" for n, d in enumerate(merged, 1)}
    events = tuple(_event(doc, article.id, d, ids[id(d)]) for d in merged)
    relations = tuple(EventRelation(ids[id(s)], r, ids[id(t)], _sentence_mention(article.id, ev, sentences))
                      for s, r, t, ev in links if id(s) in ids and id(t) in ids)
    used = {k for e in events for k in (*e.agents, *e.targets)}
    used |= {k for a in index.affiliations for k in (a.source, a.target)}
    actors = index.records(used)
    kept = {a.id for a in actors}
    affiliations = tuple(a for a in index.affiliations if a.source in kept and a.target in kept)
    claims = tuple(_claims(doc, article.id, merged, ids, relations, index))
    referenced = {p for e in events for p in e.places}
    places = tuple(p for p in finder.places.values() if p.id in referenced)  # none left by dropped mentions
    return Extraction(article, sentences, actors, places, events, affiliations, relations, claims, run)


def _informative(d: EventDraft) -> bool:
    """An event that names who, whom, where, when or how many; a bare mention ("attacks have been
    rising", a headline's "rocket attacks" that matched no report) says nothing a user can use."""
    return bool(d.agents or d.targets or d.places or d.date or d.killed is not None or d.injured is not None)


def _most_specific_speech(drafts: list[EventDraft]) -> list[EventDraft]:
    """One speaker on one occasion: an accusation, threat or demand makes a plain statement redundant.

    The occasion is the date where the text gives one; undated remarks of one speaker are one occasion.
    """
    specific = [d for d in drafts if d.type in SPEECH_TYPES and d.type is not EventType.STATEMENT]
    out = []
    for d in drafts:
        if d.type is EventType.STATEMENT and any(
                d.agent_keys & s.agent_keys and (d.date == s.date or not d.date or not s.date) for s in specific):
            continue
        out.append(d)
    return out


def _mention(doc: Doc, article_id: str, start: int, end: int, sentence: int) -> Mention:
    span = doc[start:end]
    return Mention(article_id, span.start_char, span.end_char, span.text, sentence)


def _event(doc: Doc, article_id: str, d: EventDraft, event_id: str) -> Event:
    sent_starts = doc.user_data["sent_starts"]
    from bisect import bisect_right

    mentions = tuple(_mention(doc, article_id, s, e, bisect_right(sent_starts, s) - 1) for s, e in d.mentions)
    date_mention = None
    if d.date_span:
        start, end = d.date_span
        date_mention = Mention(article_id, start, end, doc_text(doc)[start:end],
                               sentence_index(doc, token_at_char(doc, start)))
    return Event(event_id, d.type, mentions[0], d.subtype, d.cameo,
                 tuple(m.key for m in d.agents), tuple(m.key for m in d.targets),
                 tuple(p.id for p in d.places), d.date, date_mention, d.killed, d.injured,
                 tuple(d.weapons), mentions)


def _sentence_mention(article_id: str, sent, sentences: tuple[Sentence, ...]) -> Mention:
    index = next((s.index for s in sentences if s.start == sent.start_char), 0)
    return Mention(article_id, sent.start_char, sent.end_char, text_of(sent), index)


def _claims(doc: Doc, article_id: str, drafts: list[EventDraft], ids: dict, relations, index: ActorIndex):
    about = {}
    for r in relations:
        if r.type.value == "about":
            about.setdefault(r.source, r.target)
    sents = doc_sentences(doc)
    for d in drafts:
        if d.type not in SPEECH_TYPES or not d.agents:
            continue
        event_id = ids[id(d)]
        seen = set()
        for start, _ in d.mentions:
            s_index = sentence_index(doc, start)
            for q_start, q_end, text in find_quotes(sents[s_index]):
                if (q_start, q_end) in seen:
                    continue
                seen.add((q_start, q_end))
                yield Claim(d.agents[0].key, Mention(article_id, q_start, q_end, text, s_index), event_id,
                            about.get(event_id))

"""Names across articles: persons by their name parts, acronyms, generic group names.

* :func:`person_name` drops titles and honorifics (the lexicon of
  :func:`graph.vocab.gazetteer.split_titled_name`), initials and suffixes, and keeps the given
  names and the surname; particles ("al-", "bin", "von") do not count in the surname, so
  "Muhandis" is the surname of "Abu Mahdi al-Muhandis";
* :func:`acronyms` lists the initials a name may be written as ("PMF", "AQIM");
* :func:`is_generic` tells a descriptive group ("militants", "civilians", "the Navy" with no
  country) from a proper name: only proper names are one entity across articles.

>>> person_name("Ayatollah Ali Khamenei").key
'ali khamenei'
>>> person_name("Kirby").full
False
>>> sorted(acronyms("Popular Mobilization Forces"))
['PMF']
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from graph.vocab.actor_types import ActorType
from graph.vocab.gazetteer import clean, is_generic_body, loose_key, split_titled_name

__all__ = ["PersonName", "person_name", "acronyms", "is_generic", "is_acronym"]

#: name particles that are not the surname on their own ("al-Muhandis" -> "muhandis")
PARTICLES = frozenset({"al", "el", "ad", "an", "as", "ash", "at", "az", "bin", "ibn", "bint", "ben", "abu",
                       "van", "von", "der", "den", "de", "del", "della", "da", "di", "du", "la", "le"})
#: suffixes that are not part of the name proper
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
#: words skipped when a name is abbreviated to its initials
ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "in", "on", "to", "at", "a"})


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person's name as normalised parts: given names, then the surname.

    >>> n = person_name("Pentagon press secretary John F. Kirby Jr.")
    >>> (n.given, n.surname, n.full)
    (('john',), 'kirby', True)
    """

    given: tuple[str, ...]
    surname: str

    @property
    def full(self) -> bool:
        """Whether at least one given name is known (not a surname alone)."""
        return bool(self.given)

    @property
    def key(self) -> str:
        """The parts joined by spaces."""
        return " ".join((*self.given, self.surname))

    def extends(self, other: PersonName) -> bool:
        """Whether ``self`` is a fuller form of ``other``: same surname and first given name, more names.

        >>> person_name("Ali Hosseini Khamenei").extends(person_name("Ali Khamenei"))
        True
        >>> person_name("Ali Akbar Velayati").extends(person_name("Ali Khamenei"))
        False
        """
        if self.surname != other.surname or not other.given or len(self.given) <= len(other.given):
            return False
        if self.given[0] != other.given[0]:
            return False
        rest = iter(self.given)
        return all(any(g == h for h in rest) for g in other.given)


def _part(token: str) -> str:
    """One name token normalised: hyphenated parts joined, a leading particle dropped."""
    parts = loose_key(token).split()
    while len(parts) > 1 and parts[0] in PARTICLES:
        parts = parts[1:]
    return "".join(parts)


@lru_cache(maxsize=1 << 16)
def person_name(name: str) -> PersonName | None:
    """The normalised given names and surname of a person's name.

    Args:
        name: the name as an article gives it, titles included ("President Hassan Rouhani").

    Returns:
        The parts; None when nothing of a name is left (a title alone, punctuation).

    >>> person_name("Abu Mahdi al-Muhandis").surname, person_name("-Muhandis").surname
    ('muhandis', 'muhandis')
    >>> person_name("Adil Abdul-Mahdi").key
    'adil abdulmahdi'
    >>> person_name("President") is None
    True
    """
    words = clean(name).split()
    if not words:
        return None
    after = split_titled_name(words).after
    tokens = [_part(w) for w in after]
    tokens = [t for t in tokens if len(t) > 1 and t not in SUFFIXES and t.isalpha()]
    while len(tokens) > 1 and tokens[-2] in PARTICLES:  # "bin Laden": the particle goes
        del tokens[-2]
    tokens = [t for i, t in enumerate(tokens) if i == len(tokens) - 1 or t not in PARTICLES or i == 0]
    if not tokens:
        return None
    return PersonName(tuple(tokens[:-1]), tokens[-1])


@lru_cache(maxsize=1 << 16)
def acronyms(name: str) -> frozenset[str]:
    """The initials a name may be abbreviated to, with hyphenated words as one or several words.

    >>> sorted(acronyms("Al-Qaeda in the Islamic Maghreb"))
    ['AIM', 'AQIM']
    >>> acronyms("Iran")
    frozenset()
    """
    words = [w for w in clean(name).replace("/", " ").split() if w.lower() not in ACRONYM_SKIP]
    out = set()
    for split_hyphens in (False, True):
        parts = [p for w in words for p in (w.split("-") if split_hyphens else [w])]
        letters = "".join(p[0] for p in parts if p and p[0].isalpha())
        if len(letters) >= 2 and len(parts) >= 2:
            out.add(letters.upper())
    return frozenset(out)


def is_acronym(name: str) -> bool:
    """Whether a name is written as an acronym (2 to 10 capitals, dots allowed).

    >>> is_acronym("KRG"), is_acronym("U.S."), is_acronym("Iran")
    (True, True, False)
    """
    letters = clean(name).replace(".", "").replace(" ", "")
    return 2 <= len(letters) <= 10 and letters.isalpha() and letters.isupper()


@lru_cache(maxsize=1 << 16)
def is_generic(name: str, type_: ActorType | None, country: str | None) -> bool:
    """Whether an actor is a descriptive group rather than one named actor.

    Generic are civilians, names without a capital letter ("militants", "gunmen"), and
    generic bodies named without their country ("the Navy", "Parliament").

    >>> is_generic("militants", ActorType.ARMED_GROUP, None), is_generic("Navy", ActorType.MILITARY, None)
    (True, True)
    >>> is_generic("Kataib Hezbollah", ActorType.ARMED_GROUP, "IRQ"), is_generic("Navy", ActorType.MILITARY, "USA")
    (False, False)
    """
    if type_ is ActorType.CIVILIANS:
        return True
    text = clean(name)
    if not any(c.isupper() for c in text):
        return True
    return country is None and is_generic_body(text)

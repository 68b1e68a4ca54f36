"""Countries by the names news gives them: a country's name, its other spellings and codes, and the adjective
of its people (U.S., United States, American), from the countryinfo package's data."""

from __future__ import annotations

from functools import lru_cache
from typing import Sequence

from countryinfo import all_countries


def _key(name: str) -> str:
    """A name as it is looked up: case-folded, without its dots (U.S. and US are one) or a possessive's 's."""
    key = name.casefold().replace(".", "").replace("\u2019", "'")
    return key[:-2] if key.endswith("'s") else key


@lru_cache(maxsize=1)
def _countries_named() -> dict[str, frozenset[int]]:
    """Each name of a country, keyed, and the countries it names (Dominican: two); read once per process, when a
    name is first looked up."""
    found: dict[str, set[int]] = {}
    for index, country in enumerate(all_countries()):
        iso = country.iso() or {}
        spellings = country.alt_spellings() or ()
        for name in (country.name(), country.demonym(), *spellings, iso.get("alpha2"), iso.get("alpha3")):
            if name:
                found.setdefault(_key(name), set()).add(index)
    return {name: frozenset(indices) for name, indices in found.items()}


def _countries(words: Sequence[str]) -> frozenset[int]:
    """The countries a name names, as the adjective of their people in the plural too (Americans)."""
    named = _countries_named()
    key = _key(" ".join(words))
    return named.get(key) or (named.get(key[:-1], frozenset()) if key.endswith("s") else frozenset())


def same_country(left: Sequence[str], right: Sequence[str]) -> bool:
    """Whether two names (their case-folded words) name one country: "U.S." and "American", "UK" and "British",
    "Netherlands" and "Dutch"."""
    return not _countries(left).isdisjoint(_countries(right))

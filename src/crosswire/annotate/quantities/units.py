"""Units a number can carry: currencies before it, measurement units after it.

Every surface form maps to one canonical unit, so "km", "kilometres" and
"kilometers" all come out as ``km`` and "$", "US$" and "dollars" as ``USD``.
Units are data: to teach the scanner a unit, add a row.
"""

from __future__ import annotations

import re

#: Symbols and codes written before the amount ("$5", "US$5", "£5m", "RM2.70").
#: ``PS`` and ``Y=`` are how "£" and "¥" survive an ASCII transliteration.
CURRENCY_PREFIXES: dict[str, str] = {
    "US$": "USD", "$US": "USD", "US $": "USD", "USD": "USD", "$": "USD",
    "A$": "AUD", "$A": "AUD", "AU$": "AUD", "AU $": "AUD", "A $": "AUD", "AUD": "AUD",
    "C$": "CAD", "CA$": "CAD", "CAD": "CAD",
    "HK$": "HKD", "HK $": "HKD", "HKD": "HKD",
    "NZ$": "NZD", "NZ $": "NZD", "NZD": "NZD", "S$": "SGD", "S $": "SGD", "SGD": "SGD",
    "€": "EUR", "EUR": "EUR", "£": "GBP", "GBP": "GBP", "PS": "GBP",
    "¥": "JPY", "Y=": "JPY", "JPY": "JPY", "RMB": "CNY", "CNY": "CNY",
    "₹": "INR", "Rs.": "INR", "Rs": "INR", "INR": "INR", "RM": "MYR", "MYR": "MYR",
    "CHF": "CHF", "R$": "BRL", "₩": "KRW",
}  # fmt: skip

#: Multipliers written after an amount; the one-letter ones only count
#: after a currency ("$5m"), where "m" cannot be metres.
MULTIPLIERS: dict[str, float] = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "mln": 1e6, "mil": 1e6, "mn": 1e6, "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12,
}  # fmt: skip
CURRENCY_MULTIPLIERS: dict[str, float] = {"k": 1e3, "m": 1e6, "b": 1e9}

#: Measurement units written after the amount, matched case-insensitively
#: unless listed in ``CASED_UNITS``.  Longest forms win ("miles per hour"
#: before "miles").
UNITS: dict[str, str] = {
    # proportions and finance
    "%": "%", "per cent": "%", "percent": "%", "pc": "%", "pct": "%",
    "percentage points": "percentage point", "percentage point": "percentage point",
    "basis points": "basis point", "basis point": "basis point", "bps": "basis point", "bp": "basis point",
    "points": "point", "point": "point", "pts": "point",
    "cents per share": "cents per share", "cents a share": "cents per share",
    "cents": "cent", "cent": "cent", "sen": "sen", "pence": "pence",
    "us dollars": "USD", "australian dollars": "AUD", "canadian dollars": "CAD",
    "hong kong dollars": "HKD", "new zealand dollars": "NZD", "singapore dollars": "SGD",
    "danish crowns": "DKK", "danish kroner": "DKK", "kroner": "DKK", "kuna": "HRK", "kn": "HRK", "€": "EUR",
    "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR",
    "pounds sterling": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY",
    "renminbi": "CNY", "rupees": "INR", "ringgit": "MYR", "shekels": "ILS", "francs": "CHF",
    # length and area
    "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km", "km": "km",
    "metres": "m", "meters": "m", "metre": "m", "meter": "m",
    "centimetres": "cm", "centimeters": "cm", "centimetre": "cm", "centimeter": "cm", "cm": "cm",
    "millimetres": "mm", "millimeters": "mm", "millimetre": "mm", "millimeter": "mm", "mm": "mm",
    "nanometer": "nm", "nanometre": "nm", "micrometres": "µm", "micrometers": "µm", "μm": "µm", "µm": "µm",
    "nanometres": "nm", "nanometers": "nm",
    "miles per hour": "mph", "miles an hour": "mph", "mph": "mph", "m.p.h.": "mph", "m.p.h": "mph",
    "kilometres per hour": "km/h", "kilometers per hour": "km/h", "km/h": "km/h", "kph": "km/h", "km an hour": "km/h",
    "kilometres an hour": "km/h",
    "kilometers an hour": "km/h", "km per hour": "km/h", "km/hr": "km/h",
    "miles per gallon": "mpg", "mpg": "mpg",
    "nautical miles": "nmi", "nautical mile": "nmi",
    "miles": "mi", "mile": "mi", "feet": "ft", "foot": "ft", "ft": "ft",
    "inches": "in", "inch": "in", "yards": "yd", "yard": "yd",
    "square feet": "sq ft", "square foot": "sq ft", "sq ft": "sq ft", "sqft": "sq ft",
    "square metres": "m2", "square meters": "m2", "square metre": "m2", "square meter": "m2",
    "sq m": "m2", "sqm": "m2", "m2": "m2",
    "square kilometres": "km2", "square kilometers": "km2", "square kilometre": "km2",
    "square kilometer": "km2", "sq km": "km2", "km2": "km2",
    "square miles": "sq mi", "square mile": "sq mi", "acres": "acre", "acre": "acre",
    "hectares": "ha", "hectare": "ha",
    # mass and volume
    "milligrams": "mg", "milligram": "mg", "mg": "mg", "kilograms": "kg", "kilogram": "kg", "kilos": "kg", "kg": "kg",
    "grams": "g", "gram": "g",
    "tonnes": "t", "tonne": "t", "tons": "t", "ton": "t", "gigatonnes": "Gt", "gigatons": "Gt",
    "pounds": "lb", "pound": "lb", "lbs": "lb", "lb": "lb", "ounces": "oz", "ounce": "oz", "oz": "oz",
    "millilitres": "ml", "milliliters": "ml", "ml": "ml", "litres": "l", "liters": "l", "litre": "l", "liter": "l",
    "gallons": "gal", "gallon": "gal", "barrels a day": "bbl/d", "barrels per day": "bbl/d",
    "barrels": "bbl", "barrel": "bbl", "cubic metres": "m3", "cubic meters": "m3",
    "cubic feet": "cu ft", "cubic foot": "cu ft", "cubic inches": "cu in", "cubic yards": "cu yd",
    # time
    "years": "year", "year": "year", "yrs": "year", "months": "month", "month": "month",
    "weeks": "week", "week": "week", "days": "day", "day": "day",
    "hours": "hour", "hour": "hour", "hrs": "hour", "minutes": "minute", "minute": "minute",
    "mins": "minute", "seconds": "second", "second": "second", "decades": "decade",
    "decade": "decade", "centuries": "century",
    # power, energy, data, other physics
    "horsepower": "hp", "hp": "hp", "bhp": "bhp", "lb-ft": "lb-ft",
    "kilowatts": "kW", "kilowatt": "kW", "megawatts": "MW", "megawatt": "MW",
    "gigawatts": "GW", "gigawatt": "GW", "kilowatt-hours": "kWh", "kwh": "kWh",
    "gigabytes": "GB", "terabytes": "TB", "megabytes": "MB",
    "degrees celsius": "°C", "degrees fahrenheit": "°F", "celsius": "°C", "fahrenheit": "°F",
    "°c": "°C", "°f": "°F", "degrees": "degree", "decibels": "dB", "db": "dB",
    "hz": "Hz", "hertz": "Hz", "khz": "kHz", "kilohertz": "kHz", "ghz": "GHz", "mhz": "MHz", "gigapascals": "GPa",
    "gpa": "GPa",
    "mbps": "Mbps", "gbps": "Gbps", "newton metres": "N m", "newton meters": "N m", "nm": "N m",
    "ppb": "ppb", "ppm": "ppm", "parts per million": "ppm", "parts per billion": "ppb", "volts": "V", "mah": "mAh",
    "times": "times", "fold": "times", "-fold": "times",
    "year-old": "years old", "years old": "years old", "year old": "years old", "years-old": "years old",
    "-year-old": "years old",
}  # fmt: skip

#: Symbols whose case carries the meaning ("GB" is gigabytes, "gb" is not a thing,
#: "G" after a digit is a network generation, "kW" is power).
CASED_UNITS: dict[str, str] = {
    "GB": "GB", "TB": "TB", "MB": "MB", "kW": "kW", "MW": "MW", "GW": "GW",
    "G": "G", "W": "W", "K": "thousand", "C": "°C", "F": "°F", "PS": "hp",
    "ppg": "points per game", "rpg": "rebounds per game", "apg": "assists per game",
    "WAR": "wins above replacement", "″": "in", "′": "ft", "ksi": "ksi",
    "m": "m", "g": "g", "l": "l", "p": "pence", "mAh": "mAh",
}  # fmt: skip

#: ISO codes written after the amount ("110 JPY to 1 USD"; Reuters adds "=": "108.79 JPY=").
CURRENCY_CODES_AFTER = ("USD", "EUR", "GBP", "JPY", "CNY", "AUD", "CAD", "CHF", "INR", "HKD", "SGD", "NZD", "MYR")
CASED_UNITS.update({code: code for code in CURRENCY_CODES_AFTER})

#: Canonical units that are currencies (their amounts may carry "m"/"bn").
CURRENCIES = frozenset(CURRENCY_PREFIXES.values()) | {"ILS", "DKK", "HRK"}


def _alternation(forms: list[str]) -> str:
    return "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))


#: A unit right after the amount, possibly glued ("5km") or hyphenated ("15-year-old").
UNIT_AFTER = re.compile(rf"(?:\s?-\s?|\s*)(?P<unit>{_alternation(list(UNITS))})(?![\w%])", re.IGNORECASE)
CASED_UNIT_AFTER = re.compile(rf"(?:-|\s?)(?P<unit>{_alternation(list(CASED_UNITS))})(?![\w%])")
#: A currency right before the amount ("$", "US$ ", "RM", "EUR ").
CURRENCY_BEFORE = re.compile(rf"(?<![A-Za-z])(?P<currency>{_alternation(list(CURRENCY_PREFIXES))})\s?-?$")
MULTIPLIER_AFTER = re.compile(rf"\s?(?P<word>{_alternation(list(MULTIPLIERS))})\b", re.IGNORECASE)
CURRENCY_MULTIPLIER_AFTER = re.compile(r"(?P<word>[kmb])\b", re.IGNORECASE)


#: Denominators of rates ("$52 a barrel", "RM79 a month", "30 miles per gallon").
RATE_DENOMINATORS: dict[str, str] = {
    "year": "year", "annum": "year", "month": "month", "week": "week", "day": "day", "hour": "hour",
    "minute": "minute", "second": "second", "share": "share", "barrel": "barrel", "gallon": "gallon",
    "litre": "litre", "liter": "litre", "ounce": "ounce", "tonne": "tonne", "ton": "tonne",
    "square foot": "square foot", "square metre": "square metre", "square meter": "square metre",
    "kilogram": "kilogram", "kg": "kilogram", "gram": "gram", "person": "person", "head": "head",
    "game": "game", "night": "night", "unit": "unit", "kilowatt-hour": "kilowatt hour", "kwh": "kilowatt hour",
}  # fmt: skip
RATE_AFTER = re.compile(
    rf"\s(?:per|a|an|each)[\s-](?P<denominator>{_alternation(list(RATE_DENOMINATORS))})\b"
    # "$6.78 billion a year earlier" dates the amount; it is not a rate
    r"(?!\s(?:earlier|ago|later|previously)\b)",
    re.IGNORECASE,
)


def unit_for(surface: str) -> str:
    """Canonical unit of a surface form matched by ``UNIT_AFTER``."""
    return UNITS.get(surface.lower()) or UNITS.get(surface, surface)


def measurement_unit_after(after: str, currency: str | None) -> tuple[str, int] | None:
    """The canonical unit at the start of ``after`` and the characters it spans."""
    match = UNIT_AFTER.match(after)
    cased = CASED_UNIT_AFTER.match(after)
    if cased and (match is None or cased.end() > match.end()):
        if cased.group("unit") in ("m", "g", "l", "p", "C", "F", "K", "G") and currency is not None:
            return None
        return CASED_UNITS[cased.group("unit")], cased.end()
    if match is None:
        return None
    return unit_for(match.group("unit")), match.end()


def read_multiplier(text: str, position: int, currency: str | None) -> tuple[int, float]:
    """Where a multiplier after ``position`` ends ("5 million", "$5bn") and its factor (1.0 if none)."""
    after = text[position : position + 20]
    word = MULTIPLIER_AFTER.match(after)
    if word:
        return position + word.end(), MULTIPLIERS[word.group("word").lower()]
    letter = CURRENCY_MULTIPLIER_AFTER.match(after)
    if letter and (currency is not None or _unit_follows(text, position + letter.end())):
        # "$5m"; "12.3m tonnes" (a unit after the "m" makes it millions, not metres)
        return position + letter.end(), CURRENCY_MULTIPLIERS[letter.group("word").lower()]
    return position, 1.0


def _unit_follows(text: str, position: int) -> bool:
    found = UNIT_AFTER.match(text, position, position + 40)
    return found is not None and found.group().startswith(" ") and unit_for(found.group("unit")) not in ("m", "in")

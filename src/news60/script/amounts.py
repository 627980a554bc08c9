"""How a newsreader says amounts: money, percentages, measures and codes such as G20."""

from __future__ import annotations

import re

from news60.script.mapped_text import MappedText
from news60.script.readings import number_words

_CURRENCY = {"$": ("dollar", "dollars"), "£": ("pound", "pounds"), "€": ("euro", "euros")}
_HUNDREDTHS = {"$": "cents", "£": "pence", "€": "cents"}
_COUNTRY = {"us": "US", "a": "Australian", "c": "Canadian", "nz": "New Zealand", "hk": "Hong Kong", "s": "Singapore"}  # fmt: skip
_SCALE = {"k": "thousand", "m": "million", "mn": "million", "bn": "billion", "tn": "trillion"}
# "$5m", "US$2.5bn", "£20.99", "€1", and the word after: a noun there makes the amount a
# modifier ("a £750 handset" is a "750-pound handset", "a $5m deal" a "5 million dollar deal").
_MONEY = re.compile(
    r"(?:\b(US|A|C|NZ|HK|S)\$|(?<![\w$£€])([$£€]))\s?(\d(?:[\d,]*\d)?)(?:\.(\d+))?"
    r"(?:\s?((?i:k|mn|m|bn|tn|thousand|million|billion|trillion))\b)?(?:(?=\s+([a-z][\w-]*)))?"
)
# Words after an amount that are not the noun it modifies ("$5m in cash", "£20 each", "$5m went").
_NOT_NOUN_LIST = (
    "a an the and or but nor so yet to in on at of for from by with into onto over under per each "
    "apiece more less than as is are was were be been being has have had will would could should "
    "can may might must do does did this that these those it its their his her our last next after "
    "before since until while when where which who if then also only just about around nearly "
    "almost some any every all not up down out off back away across through during against among "
    "between within without went came paid spent made took gave got cost costs said says sold "
    "bought left brought"
)
_NOT_NOUNS = frozenset(_NOT_NOUN_LIST.split())
# "5km", "10 kg", "70mph": the voice spells unit abbreviations letter by letter.
_UNITS = {
    "km": ("kilometre", "kilometres"), "kg": ("kilogram", "kilograms"),
    "cm": ("centimetre", "centimetres"), "mm": ("millimetre", "millimetres"),
    "ft": ("foot", "feet"), "lb": ("pound", "pounds"), "lbs": ("pound", "pounds"),
    "mph": ("mile per hour", "miles per hour"), "km/h": ("kilometre per hour", "kilometres per hour"),
    "kph": ("kilometre per hour", "kilometres per hour"),
}  # fmt: skip
_UNIT = re.compile(rf"\b(\d[\d,]*(?:\.\d+)?)\s?({'|'.join(re.escape(u) for u in _UNITS)})(?![\w/])")
_INCHES = re.compile(r"\b(\d+(?:\.\d+)?)in\b")  # "2in"; only attached, as "2 in May" is not
# "5°C" is "5 degrees C" to the voice; the scale's name is what a newsreader says.
_DEGREES = re.compile(r"(\d)\s?°\s?([CF])?\b")
# "G20", "G-20", "COP26", "COVID-19": a code is letters and then the number in words.
_CODE = re.compile(r"\b([A-Z]{1,4})-?(\d{1,2})\b(?![.,]\d)")


def say_money(text: MappedText) -> MappedText:
    """'$5m' -> '5 million dollars', '$5m deal' -> '5 million dollar deal', '$0.50' -> '50 cents'."""
    return text.sub(_MONEY, _money)


def _money(match: re.Match[str]) -> str:
    country, symbol, whole, fraction, scale, after = match.groups()
    symbol = symbol or "$"
    one, many = _CURRENCY[symbol]
    if country:
        one, many = f"{_COUNTRY[country.lower()]} {one}", f"{_COUNTRY[country.lower()]} {many}"
    modifier = bool(after) and after.lower() not in _NOT_NOUNS and not after.endswith(("ly", "ed"))
    if scale:
        number = whole + (f".{fraction}" if fraction else "")
        return f"{number} {_SCALE.get(scale.lower(), scale.lower())} {one if modifier else many}"
    if whole == "0" and fraction:
        return f"{int(fraction[:2].ljust(2, '0'))} {_HUNDREDTHS[symbol]}"
    cents = f" {fraction}" if fraction and int(fraction) else ""
    if modifier and not cents:
        return f"{whole}-{one}"
    return f"{whole} {one if whole == '1' else many}{cents}"


def say_symbols(text: MappedText) -> MappedText:
    """Percent, degrees, units of measure, 'No. 10', '&'."""
    text = text.sub(r"(\d)\s?%", r"\1 percent")  # the voice drops a bare %
    text = text.sub(_DEGREES, _degrees)
    text = text.sub(_UNIT, _unit)
    text = text.sub(_INCHES, lambda m: f"{m[1]} {'inch' if m[1] == '1' else 'inches'}")
    text = text.sub(r"\bNo\.\s?(?=\d)", "Number ")  # "No. 10": otherwise "no" and a full stop
    return text.sub(r"\s&\s", " and ")  # "Marks & Spencer"; "AT&T" stays a name


def _degrees(match: re.Match[str]) -> str:
    scale = {"C": " Celsius", "F": " Fahrenheit"}.get(match[2] or "", "")
    return f"{match[1]} degrees{scale}"


def _unit(match: re.Match[str]) -> str:
    one, many = _UNITS[match[2]]
    return f"{match[1]} {one if match[1] == '1' else many}"


def say_codes(text: MappedText) -> MappedText:
    """'G20' or 'G-20' -> 'G twenty'; 'COP26' -> 'COP twenty-six'."""
    return text.sub(_CODE, lambda m: f"{m[1]} {number_words(int(m[2]))}")

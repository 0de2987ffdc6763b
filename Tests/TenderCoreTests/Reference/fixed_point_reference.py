"""Exact rational reference for tender-eval's fixed-point engine (used by FixedPointReferenceTests).

check(kind, fields) recomputes one case the Swift test wrote with Python's `fractions.Fraction`;
Tests/TenderTestSupport/reference_driver.py runs it over the cases file. Standard library only.
"""
from fractions import Fraction


def half_away(value: Fraction, places: int) -> str:
    scaled = value * 10**places
    magnitude = abs(scaled)
    units = int(magnitude)
    if magnitude - units >= Fraction(1, 2):
        units += 1
    text = str(units).rjust(places + 1, "0")
    if places:
        text = text[:-places] + "." + text[-places:]
    return ("-" if scaled < 0 and units else "") + text


def cut(value: Fraction, digits: int) -> str:
    sign = "-" if value < 0 else ""
    magnitude = abs(value)
    whole = magnitude.numerator // magnitude.denominator
    rest = magnitude - whole
    text = sign + str(whole)
    if rest == 0:
        return text
    text += "."
    for _ in range(digits):
        rest *= 10
        digit = rest.numerator // rest.denominator
        text += str(digit)
        rest -= digit
        if rest == 0:
            return text
    return text + "…"


def plain(value: Fraction) -> str:
    text = cut(value, 40)
    assert not text.endswith("…"), value
    return text


def check(kind: str, fields: list) -> str:
    if kind == "deduction":  # price × (100 − percent) / 100, exact
        price, percent = Fraction(fields[0]), Fraction(fields[1])
        return plain(price * (100 - percent) / 100)
    if kind == "price-score":  # lowest / price × points, rounded
        lowest, price, points, places = Fraction(fields[0]), Fraction(fields[1]), Fraction(fields[2]), int(fields[3])
        return half_away(lowest / price * points, places)
    if kind == "price-score-unrounded":
        lowest, price, points = Fraction(fields[0]), Fraction(fields[1]), Fraction(fields[2])
        return cut(lowest / price * points, 10)
    if kind == "mean":
        places, scores = int(fields[0]), [Fraction(s) for s in fields[1].split(",")]
        return half_away(sum(scores) / len(scores), places)
    if kind == "trimmed-mean":
        places, scores = int(fields[0]), sorted(Fraction(s) for s in fields[1].split(","))
        kept = scores[1:-1]
        return half_away(sum(kept) / len(kept), places)
    if kind == "total":  # sum of criterion scores each rounded at `places`
        places, parts = int(fields[0]), [Fraction(s) for s in fields[1].split(",")]
        return plain(sum(Fraction(half_away(part, places)) for part in parts))
    if kind == "total-rounded":  # `rounding: total`: the exact sum, rounded once
        places, parts = int(fields[0]), [Fraction(s) for s in fields[1].split(",")]
        return half_away(sum(parts), places)
    if kind == "compare":
        left, right = Fraction(fields[0]), Fraction(fields[1])
        return "<" if left < right else ">" if left > right else "="
    raise ValueError(kind)

"""Exact rational reference for tender-eval's scoring engine (used by EngineReferenceTests).

check(kind, fields) recomputes one case the Swift test wrote with Python's `fractions.Fraction` from the legal
rules (SME deduction, P_min / P_i x points, linear price formula, linear / per-item / band scales, member mean
and trimmed mean, total of rounded criterion scores); Tests/TenderTestSupport/reference_driver.py runs it over the
cases file. Standard library only.
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


def fraction(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"


def price_ratio(lowest, price, points):
    # A bid below the base (set aside under the plausible minimum) is held to the criterion's points.
    return min(lowest / price * points, points)


def price_linear(lowest, highest, price, points):
    if highest == lowest:
        return points
    return min(max(points * (highest - price) / (highest - lowest), Fraction(0)), points)


def linear(value, lower, upper, lower_points, upper_points):
    clamped = min(max(value, min(lower, upper)), max(lower, upper))
    return lower_points + (clamped - lower) * (upper_points - lower_points) / (upper - lower)


def per_item(count, each, cap):
    return min(max(count, Fraction(0)) * each, cap)


def band(value, bands):
    for start, end, points in bands:
        if value >= start and (end is None or value < end):
            return points
    return Fraction(0)


def parse_bands(text):
    result = []
    for item in text.split(";"):
        start, end, points = item.split(":")
        result.append((Fraction(start), None if end == "" else Fraction(end), Fraction(points)))
    return result


def aggregate(kind, scores):
    scores = sorted(scores)
    kept = scores[1:-1] if kind == "trimmed-mean" else scores
    return sum(kept) / len(kept)


def check(kind: str, f: list) -> str:
    F = Fraction
    if kind == "deduction":
        price, percent = F(f[0]), F(f[1])
        return fraction(price * (100 - percent) / 100)
    if kind == "price-ratio":
        exact = price_ratio(F(f[0]), F(f[1]), F(f[2]))
        return fraction(exact) + " " + half_away(exact, int(f[3]))
    if kind == "price-linear":
        exact = price_linear(F(f[0]), F(f[1]), F(f[2]), F(f[3]))
        return fraction(exact) + " " + half_away(exact, int(f[4]))
    if kind == "linear":
        return fraction(linear(F(f[0]), F(f[1]), F(f[2]), F(f[3]), F(f[4])))
    if kind == "per-item":
        return fraction(per_item(F(f[0]), F(f[1]), F(f[2])))
    if kind == "band":
        return fraction(band(F(f[0]), parse_bands(f[1])))
    if kind == "evaluation":
        # aggregation|places|member scores|judgement points|linear value:lower:upper:lp:up|per-item count:each:cap|price points
        places = int(f[1])
        judged = aggregate(f[0], [F(s) for s in f[2].split(",")])
        value, lower, upper, lower_points, upper_points = (F(x) for x in f[4].split(":"))
        count, each, cap = (F(x) for x in f[5].split(":"))
        parts = [F(f[6]), linear(value, lower, upper, lower_points, upper_points), per_item(count, each, cap), judged]
        rounded = [half_away(part, places) for part in parts]
        total = sum(F(r) for r in rounded)
        return ",".join(rounded) + " " + half_away(total, places)
    raise ValueError(kind)

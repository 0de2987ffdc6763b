"""The Python peer that scripts/benchmark.sh measures tender-eval against: what a competent officer would
write with lxml in an afternoon. It parses every bid with lxml, evaluates the rubric's objective XPath
expressions with the rubric's namespaces, maps each value to points by the criterion's scale, scores price by
P_min / P_i × points after the SME deduction, averages the committee's judgement scores, sums the points
(floating point) and ranks the bids by total. It writes one CSV line per bid.

No gates, no exact arithmetic, no tie-break chain, no reports: it is the floor of the work, not the same work.
Benchmark reference only; never part of the product.

Usage: python3 lxml_peer.py RUBRIC.yaml BIDS_FOLDER OUT.csv
"""
import csv
import os
import sys
from collections import defaultdict

import yaml
from lxml import etree


def scale_points(objective, value):
    if value is None or value == "":
        return 0.0
    if "linear" in objective:
        rule = objective["linear"]
        low, high = float(rule["from"]), float(rule["to"])
        p_low, p_high = float(rule["points-from"]), float(rule["points-to"])
        number = min(max(float(value), min(low, high)), max(low, high))
        return p_low + (number - low) * (p_high - p_low) / (high - low)
    if "bands" in objective:
        number = float(value)
        points = 0.0
        for band in objective["bands"]:
            if number >= float(band["from"]) and ("to" not in band or number < float(band["to"])):
                points = float(band["points"])
        return points
    if "per-item" in objective:
        rule = objective["per-item"]
        return min(float(value) * float(rule["each"]), float(rule["cap"]))
    if "yes-no" in objective:
        # PyYAML reads the keys yes/no as booleans (YAML 1.1).
        rule = {str(key).lower(): points for key, points in objective["yes-no"].items()}
        truthy = value is True or (isinstance(value, float) and value != 0) or value in ("true", "1", "yes", "是")
        return float(rule["yes"] if "yes" in rule and truthy else rule.get("true", 0) if truthy else rule.get("no", rule.get("false", 0)))
    if "lookup" in objective:
        return float(objective["lookup"].get(str(value), objective.get("otherwise", 0)))
    return 0.0


def text_of(result):
    if isinstance(result, list):
        if not result:
            return None
        first = result[0]
        return first if isinstance(first, str) else (first.text or "")
    return result


def main():
    rubric_path, bids_folder, out_path = sys.argv[1:4]
    with open(rubric_path, encoding="utf-8") as handle:
        rubric = yaml.safe_load(handle)
    namespaces = rubric.get("namespaces", {})
    deductions = {k: float(v) for k, v in rubric.get("price-policy", {}).get("size-deductions", {}).items()}
    objective, judgement, price = [], [], []
    for group in rubric["groups"]:
        for criterion in group["criteria"]:
            if "objective" in criterion:
                expression = etree.XPath(criterion["objective"]["value"], namespaces=namespaces)
                objective.append((criterion["id"], expression, criterion["objective"]))
            elif "judgement" in criterion:
                judgement.append(criterion["id"])
            elif "price" in criterion:
                price.append((criterion["id"], float(criterion["points"])))

    member_scores = defaultdict(list)
    names = sorted(os.listdir(bids_folder))
    for name in names:
        if name.endswith(".csv"):
            with open(os.path.join(bids_folder, name), encoding="utf-8-sig") as handle:
                for row in csv.DictReader(handle):
                    member_scores[(row["bidder"], row["criterion"])].append(float(row["score"]))

    bids = []
    for name in names:
        if not name.endswith(".xml"):
            continue
        root = etree.parse(os.path.join(bids_folder, name)).getroot()
        bidder = root.findtext("b:bidder/b:name", namespaces=namespaces)
        size = root.findtext("b:bidder/b:size", namespaces=namespaces)
        total = float(root.findtext("b:price/b:total", namespaces=namespaces))
        evaluated = total * (1 - deductions.get(size, 0.0) / 100)
        points = 0.0
        for _, expression, rule in objective:
            points += scale_points(rule, text_of(expression(root)))
        for criterion in judgement:
            scores = member_scores.get((bidder, criterion), [])
            points += sum(scores) / len(scores) if scores else 0.0
        bids.append([name, bidder, evaluated, points])

    lowest = min(bid[2] for bid in bids)
    for bid in bids:
        bid[3] += sum(weight * lowest / bid[2] for _, weight in price)
    bids.sort(key=lambda bid: (-bid[3], bid[2]))
    with open(out_path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["rank", "file", "bidder", "evaluated_price", "total"])
        for rank, (name, bidder, evaluated, total) in enumerate(bids, 1):
            writer.writerow([rank, name, bidder, f"{evaluated:.2f}", f"{total:.2f}"])


if __name__ == "__main__":
    main()

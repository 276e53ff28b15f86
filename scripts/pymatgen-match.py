#!/usr/bin/env python3
"""Reference oracle for `npm run bench:match` (NOT a runtime dependency of smsi).

Times pymatgen's SubstrateAnalyzer.calculate() — what a user would call — for film/substrate pairs
built from ../shared/reference/zsl/matches.json inputs, with pymatgen's defaults (max Miller index 1,
max_area 400, area-ratio tol 0.09, length tol 0.03, angle tol 0.01). Every match is consumed.

Usage: python3 scripts/pymatgen-match.py REFERENCE.json [FILM/SUBSTRATE ...]
Prints one JSON document: {"pymatgen": version, "per_pair_s": {...}, "n_matches": {...}}.
"""
import json
import sys
import time

from pymatgen.analysis.interfaces.substrate_analyzer import SubstrateAnalyzer
from pymatgen.core import Lattice, Structure
import pymatgen.core


def build(phase):
    lattice = Lattice.from_parameters(*phase["lattice_abc"], *phase["lattice_angles"])
    return Structure.from_spacegroup(phase["space_group"], lattice, phase["species"], phase["coords"])


def main():
    ref = json.load(open(sys.argv[1]))
    wanted = sys.argv[2:] or [f"{p['film']}/{p['substrate']}" for p in ref["pairs"]]
    p = ref["parameters"]
    times, counts = {}, {}
    for name in wanted:
        film_id, substrate_id = name.split("/")
        film, substrate = build(ref["inputs"][film_id]), build(ref["inputs"][substrate_id])
        t0 = time.perf_counter()
        analyzer = SubstrateAnalyzer(
            film_max_miller=p["film_max_miller"],
            substrate_max_miller=p["substrate_max_miller"],
            max_area_ratio_tol=p["max_area_ratio_tol"],
            max_area=p["max_area"],
            max_length_tol=p["max_length_tol"],
            max_angle_tol=p["max_angle_tol"],
        )
        matches = list(analyzer.calculate(film, substrate))
        times[name] = time.perf_counter() - t0
        counts[name] = len(matches)
        print(f"{name}: {times[name]:.2f} s, {len(matches)} matches", file=sys.stderr)
    json.dump({"pymatgen": pymatgen.core.__version__, "per_pair_s": times, "n_matches": counts}, sys.stdout)


if __name__ == "__main__":
    main()

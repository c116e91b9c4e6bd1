#!/usr/bin/env python3
"""Solve a group model exported by `wfm bench export` with HiGHS and print wfm's gap to it.

Optional: not used by the tests. Needs Python 3 and highspy (`pip install highspy`).

    wfm bench export --size large --out large.mps
    wfm bench run --sizes large --json results.json
    scripts/highs-check.py large.mps --results results.json --instance large --time-limit 600

HiGHS solves the exported stage-1 model (the group plan). Its objective is comparable to the
written roster's when stage 2 adds no cost; the report says both. With --threads 1 the run is
deterministic.
"""
import argparse
import json
import sys


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("model", help="an .mps or .lp file from wfm bench export")
    parser.add_argument("--results", help="a wfm bench run --json file to compare with")
    parser.add_argument("--instance", help="the instance in the results (default: the model file's stem)")
    parser.add_argument("--time-limit", type=float, default=600, help="seconds (default 600)")
    parser.add_argument("--threads", type=int, default=1)
    arguments = parser.parse_args()
    try:
        import highspy
    except ImportError:
        print("highspy is not installed: pip install highspy", file=sys.stderr)
        return 1
    highs = highspy.Highs()
    highs.setOptionValue("time_limit", arguments.time_limit)
    highs.setOptionValue("threads", arguments.threads)
    highs.setOptionValue("output_flag", False)
    if highs.readModel(arguments.model) != highspy.HighsStatus.kOk:
        print(f"{arguments.model}: HiGHS cannot read it", file=sys.stderr)
        return 1
    highs.run()
    info = highs.getInfo()
    status = highs.modelStatusToString(highs.getModelStatus())
    objective, bound = info.objective_function_value, info.mip_dual_bound
    print(f"HiGHS: {status}, objective {objective:.4f}, bound {bound:.4f}, gap {info.mip_gap * 100:.4f}%, "
          f"{highs.getRunTime():.1f} s")
    if not arguments.results:
        return 0
    with open(arguments.results, encoding="utf-8") as handle:
        results = json.load(handle)
    name = arguments.instance or arguments.model.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    matches = [item for item in results["instances"] if item["instance"] == name]
    if not matches:
        print(f"{arguments.results}: no instance '{name}'", file=sys.stderr)
        return 1
    ours = matches[0]
    plan = ours["runs"][0].get("group_plan_objective", ours["objective"])
    best = min(objective, plan)
    print(f"wfm: written roster {ours['objective']:.4f}, group plan {plan:.4f}, own bound {ours.get('best_bound', float('nan')):.4f}")
    print(f"wfm's group plan is {(plan - best) / best * 100:.4f}% above the best known plan; "
          f"the written roster {(ours['objective'] - bound) / ours['objective'] * 100:.4f}% above HiGHS's bound")
    return 0


if __name__ == "__main__":
    sys.exit(main())

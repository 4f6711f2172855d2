#!/usr/bin/env python3
"""Runs every libFuzzer target of Fuzz/ for FUZZ_SECONDS each and prints what each did.

Usage: python3 scripts/fuzz.py BINARY [--seconds N] [--targets a,b] [--results FILE]

For each target it fuzzes a working corpus (.build/fuzz-corpus/TARGET, grown from the committed
seeds in Fuzz/corpus/TARGET) under AddressSanitizer and LeakSanitizer, with a one-second limit
per input. It prints executions, coverage (edges and features), the corpus size, the slowest
input and peak memory per target, keeps a running total of executions per target across runs
in .build/fuzz-ledger.json, and exits 1 if any target crashed, leaked or timed out: the input
that did it is in .build/fuzz-artifacts/TARGET/, to become a regression fixture.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGETS = ["dataset", "csv-mapping", "csv-table", "csv-lists", "graphml", "node-link", "ftm", "dot", "cypher",
           "snapshot", "web-request"]


def run_target(binary, target, seconds, runs=None, seed=None):
    seeds = os.path.join(ROOT, "Fuzz", "corpus", target)
    work = os.path.join(ROOT, ".build", "fuzz-corpus", target)
    artifacts = os.path.join(ROOT, ".build", "fuzz-artifacts", target) + "/"
    os.makedirs(work, exist_ok=True)
    os.makedirs(artifacts, exist_ok=True)
    environment = dict(os.environ, ERGRAPH_FUZZ_TARGET=target,
                       ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1:handle_abort=1",
                       LSAN_OPTIONS="suppressions=" + os.path.join(ROOT, "Fuzz", "lsan.supp") + ":print_suppressions=0")
    limits = [f"-runs={runs}", f"-seed={seed}"] if runs is not None else [f"-max_total_time={seconds}"]
    command = [binary, *limits, "-timeout=1", "-rss_limit_mb=4096", "-max_len=65536",
               "-print_final_stats=1", f"-artifact_prefix={artifacts}", work, seeds]
    started = time.monotonic()
    # The log goes to a file, not a pipe: the symbolizer ASan starts on a crash can outlive the
    # fuzzer and hold a pipe open.
    log_path = os.path.join(ROOT, ".build", "fuzz-artifacts", target + ".log")
    with open(log_path, "w") as log_file:
        run = subprocess.run(command, cwd=ROOT, env=environment, stdout=subprocess.DEVNULL, stderr=log_file,
                             timeout=(seconds if runs is None else 600) * 3 + 120)
    elapsed = time.monotonic() - started
    with open(log_path, errors="replace") as log_file:
        log = log_file.read()
    stats = dict(re.findall(r"^stat::(\w+):\s+(\d+)", log, re.M))
    coverage = re.findall(r"cov: (\d+) ft: (\d+) corp: (\d+)/", log)
    problems = re.findall(r"(ERROR: (?:AddressSanitizer|LeakSanitizer|libFuzzer)[^\n]*|==\d+== ERROR: [^\n]*|ALARM: [^\n]*)", log)
    found = sorted(name for name in os.listdir(artifacts) if not name.startswith("."))
    return {
        "target": target,
        "seconds": round(elapsed, 1),
        "executions": int(stats.get("number_of_executed_units", 0)),
        # libFuzzer counts whole seconds and says 0 for a run shorter than one.
        "per_second": int(stats.get("average_exec_per_sec", 0))
        or round(int(stats.get("number_of_executed_units", 0)) / max(elapsed, 0.001)),
        "edges": int(coverage[-1][0]) if coverage else 0,
        "features": int(coverage[-1][1]) if coverage else 0,
        "corpus": int(coverage[-1][2]) if coverage else 0,
        "slowest_s": int(stats.get("slowest_unit_time_sec", 0)),
        "peak_mib": int(stats.get("peak_rss_mb", 0)),
        "status": run.returncode,
        "problems": problems[:3],
        "artifacts": found,
        "log_tail": log[-3000:] if run.returncode != 0 else "",
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("FUZZ_SECONDS", "60")))
    parser.add_argument("--targets", default=",".join(TARGETS))
    parser.add_argument("--runs", type=int, help="a fixed number of inputs with a fixed seed instead of a time: the same work every run (make test)")
    parser.add_argument("--results", help="also write the table, as Markdown, to this file")
    arguments = parser.parse_args()
    ledger_path = os.path.join(ROOT, ".build", "fuzz-ledger.json")
    ledger = json.load(open(ledger_path)) if os.path.exists(ledger_path) else {}
    rows = []
    for target in arguments.targets.split(","):
        row = run_target(arguments.binary, target, arguments.seconds, arguments.runs, 1 if arguments.runs is not None else None)
        # Only exploring runs count: a fixed-seed run (--runs) repeats the same inputs every time.
        if arguments.runs is None:
            ledger[target] = ledger.get(target, 0) + row["executions"]
        row["total_executions"] = ledger.get(target, 0)
        rows.append(row)
        verdict = "ok" if row["status"] == 0 and not row["artifacts"] else "FAILED"
        print(f"{target:12} {verdict:6} {row['executions']:>10,} runs ({row['per_second']:,}/s) in {row['seconds']} s, "
              f"{row['edges']:,} edges, {row['features']:,} features, corpus {row['corpus']}, slowest {row['slowest_s']} s, "
              f"{row['peak_mib']} MiB; {row['total_executions']:,} exploring runs in all", flush=True)
        for problem in row["problems"]:
            print(f"             {problem}")
        for artifact in row["artifacts"]:
            print(f"             input kept: .build/fuzz-artifacts/{target}/{artifact}")
        if verdict != "ok" and not row["problems"]:
            print(row["log_tail"])
    os.makedirs(os.path.dirname(ledger_path), exist_ok=True)
    with open(ledger_path, "w") as handle:
        json.dump(ledger, handle, indent=1, sort_keys=True)
    if arguments.results:
        lines = ["| target | runs this time | runs per second | edges | features | corpus | slowest input (s) | peak memory (MiB) | runs in all | result |",
                 "|---|---|---|---|---|---|---|---|---|---|"]
        for row in rows:
            result = "clean" if row["status"] == 0 and not row["artifacts"] else "FAILED: " + "; ".join(row["problems"] or row["artifacts"])
            lines.append(f"| {row['target']} | {row['executions']:,} | {row['per_second']:,} | {row['edges']:,} | {row['features']:,} | "
                         f"{row['corpus']} | {row['slowest_s']} | {row['peak_mib']} | {row['total_executions']:,} | {result} |")
        with open(arguments.results, "w") as handle:
            handle.write("\n".join(lines) + "\n")
    failed = [row["target"] for row in rows if row["status"] != 0 or row["artifacts"]]
    if failed:
        sys.exit(f"fuzz: {', '.join(failed)} failed; the inputs are in .build/fuzz-artifacts/")


if __name__ == "__main__":
    main()

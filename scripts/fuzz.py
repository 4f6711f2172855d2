#!/usr/bin/env python3
"""Runs every libFuzzer target of Fuzz/ for FUZZ_SECONDS each and prints what each did.

Usage: python3 scripts/fuzz.py BINARY [--seconds N] [--targets a,b] [--until-total N]
                                [--max-len BYTES] [--leaks each|corpus] [--results FILE]

For each target it fuzzes a working corpus (.build/fuzz-corpus/TARGET, grown from the committed
seeds in Fuzz/corpus/TARGET) under AddressSanitizer and LeakSanitizer, with a one-second limit
per input. It prints executions, coverage (edges and features), the corpus size, the slowest
input and peak memory per target, keeps a running total of executions per target across runs
in .build/fuzz-ledger.json, and exits 1 if any target crashed, leaked or timed out: the input
that did it is in .build/fuzz-artifacts/TARGET/, to become a regression fixture.

Leaks: libFuzzer checks an input for leaks whenever its mallocs and frees do not balance, by
running it again and scanning the whole heap. Where a reader's allocations rarely balance
(DOT through cgraph; CSV lists, whose chunked reader starts threads), that check is most of the time: DOT runs
at 336 inputs a second with it and 669 without, CSV lists at 370 and 2,400 (measured on the
2-core machine). `--leaks corpus` fuzzes without the per-input check and then replays every
input of the working corpus (every input that reached new coverage) one by one with the check
on, in a process of its own, which fails the run as any leak would.
"""
import argparse
import contextlib
import fcntl
import json
import os
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGETS = ["dataset", "csv-mapping", "csv-table", "csv-lists", "graphml", "node-link", "ftm", "dot", "cypher",
           "snapshot", "web-request"]


def fuzz_environment(target, detect_leaks):
    return dict(os.environ, ERGRAPH_FUZZ_TARGET=target,
                ASAN_OPTIONS=f"detect_leaks={detect_leaks}:allocator_may_return_null=1:handle_abort=1",
                LSAN_OPTIONS="suppressions=" + os.path.join(ROOT, "Fuzz", "lsan.supp") + ":print_suppressions=0")


@contextlib.contextmanager
def shared_files_lock():
    """Held while the ledger and the results table are read and rewritten: two campaigns may run
    side by side, one a core, and neither may lose the other's counts."""
    os.makedirs(os.path.join(ROOT, ".build"), exist_ok=True)
    with open(os.path.join(ROOT, ".build", "fuzz-ledger.lock"), "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def read_ledger(path):
    return json.load(open(path)) if os.path.exists(path) else {}


def run_target(binary, target, seconds, runs=None, seed=None, max_len=65536, leaks="each", until=None):
    seeds = os.path.join(ROOT, "Fuzz", "corpus", target)
    work = os.path.join(ROOT, ".build", "fuzz-corpus", target)
    artifacts = os.path.join(ROOT, ".build", "fuzz-artifacts", target) + "/"
    os.makedirs(work, exist_ok=True)
    os.makedirs(artifacts, exist_ok=True)
    environment = fuzz_environment(target, 1 if leaks == "each" else 0)
    if runs is not None:
        limits = [f"-runs={runs}", f"-seed={seed}"]
    elif until is not None:
        limits = [f"-runs={until}", f"-max_total_time={seconds}"]
    else:
        limits = [f"-max_total_time={seconds}"]
    command = [binary, *limits, "-timeout=1", "-rss_limit_mb=4096", f"-max_len={max_len}",
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
    returncode = run.returncode
    leak_checked = None
    if leaks == "corpus" and returncode == 0:
        # -runs=0 executes the corpus once, each input followed by the leak check when its
        # allocations do not balance, and LeakSanitizer scans the process again at exit.
        check_log_path = os.path.join(ROOT, ".build", "fuzz-artifacts", target + ".leaks.log")
        with open(check_log_path, "w") as log_file:
            check = subprocess.run([binary, "-runs=0", "-timeout=1", "-rss_limit_mb=4096", f"-max_len={max_len}",
                                    f"-artifact_prefix={artifacts}", work, seeds],
                                   cwd=ROOT, env=fuzz_environment(target, 1), stdout=subprocess.DEVNULL, stderr=log_file,
                                   timeout=3600)
        with open(check_log_path, errors="replace") as log_file:
            check_log = log_file.read()
        log += check_log
        returncode = check.returncode
        leak_checked = len([name for name in os.listdir(work) if not name.startswith(".")])
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
        "status": returncode,
        "max_len": max_len,
        "leaks": ("every input" if leaks == "each" else f"the {leak_checked:,} corpus inputs" if leak_checked is not None else "not checked"),
        "problems": problems[:3],
        "artifacts": found,
        "log_tail": log[-3000:] if returncode != 0 else "",
    }


def write_results(path, rows):
    """Rewrites the Markdown table at `path`: this run's rows replace those of their targets, and
    the rows of targets not run this time are kept."""
    with shared_files_lock():
        header = ["| target | runs this time | runs per second | longest input (bytes) | leaks checked on | edges | features | corpus | "
                  "slowest input (s) | peak memory (MiB) | runs in all | result |",
                  "|---|---|---|---|---|---|---|---|---|---|---|---|"]
        kept = {}
        if os.path.exists(path):
            for line in open(path):
                cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
                if len(cells) == len(header[0].strip("|").split("|")) and cells[0] in TARGETS:
                    kept[cells[0]] = line.rstrip("\n")
        for row in rows:
            result = "clean" if row["status"] == 0 and not row["artifacts"] else "FAILED: " + "; ".join(row["problems"] or row["artifacts"])
            kept[row["target"]] = (f"| {row['target']} | {row['executions']:,} | {row['per_second']:,} | {row['max_len']:,} | {row['leaks']} | "
                                   f"{row['edges']:,} | {row['features']:,} | {row['corpus']} | {row['slowest_s']} | {row['peak_mib']} | "
                                   f"{row['total_executions']:,} | {result} |")
        with open(path, "w") as handle:
            handle.write("\n".join(header + [kept[target] for target in TARGETS if target in kept]) + "\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("FUZZ_SECONDS", "60")))
    parser.add_argument("--targets", default=",".join(TARGETS))
    parser.add_argument("--runs", type=int, help="a fixed number of inputs with a fixed seed instead of a time: the same work every run (make test)")
    parser.add_argument("--until-total", type=int,
                        help="stop a target once its exploring runs in all reach this many (or after --seconds, whichever is first)")
    parser.add_argument("--max-len", type=int, default=65536, help="the longest input libFuzzer makes (bytes)")
    parser.add_argument("--leaks", choices=["each", "corpus"], default="each",
                        help="check every input for leaks (each), or fuzz without the check and then check every corpus input (corpus)")
    parser.add_argument("--results", help="also write the table, as Markdown, to this file (rows of targets not run are kept)")
    arguments = parser.parse_args()
    ledger_path = os.path.join(ROOT, ".build", "fuzz-ledger.json")
    rows = []
    for target in arguments.targets.split(","):
        until = None
        if arguments.until_total is not None:
            with shared_files_lock():
                until = arguments.until_total - read_ledger(ledger_path).get(target, 0)
            if until <= 0:
                print(f"{target:12} skipped: {arguments.until_total:,} exploring runs already reached", flush=True)
                continue
        row = run_target(arguments.binary, target, arguments.seconds, arguments.runs, 1 if arguments.runs is not None else None,
                         arguments.max_len, arguments.leaks, until)
        # Only exploring runs count: a fixed-seed run (--runs) repeats the same inputs every time.
        with shared_files_lock():
            ledger = read_ledger(ledger_path)
            if arguments.runs is None:
                ledger[target] = ledger.get(target, 0) + row["executions"]
                with open(ledger_path, "w") as handle:
                    json.dump(ledger, handle, indent=1, sort_keys=True)
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
    if arguments.results:
        write_results(arguments.results, rows)
    failed = [row["target"] for row in rows if row["status"] != 0 or row["artifacts"]]
    if failed:
        sys.exit(f"fuzz: {', '.join(failed)} failed; the inputs are in .build/fuzz-artifacts/")


if __name__ == "__main__":
    main()

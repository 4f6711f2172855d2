"""ergraph beside Apache Spark (local mode) on the same generated graph: one row per question.

Usage: python spark.py --ergraph BIN --bench BENCH_BIN --data DIR [--master local[2]] [--results DIR]

DIR holds nodes.csv, edges.csv and pairs.csv (as `report.py` writes them). The graph is exported
once with `ergraph export --format spark` (timed), ergraph answers through `BENCH_BIN measure`,
Spark through scale/spark/questions.py in a process of its own, run as a user runs it: plain
`python`, which starts the JVM in local mode. The answers must agree (hop counts, 2-hop sizes,
components, top-10 degree exactly; PageRank's top ten as sets, since ergraph-bench ranks ties
in no set order); the table goes to RESULTS/spark.md and .json. Exit 1 when they disagree.
"""
import argparse
import json
import os
import subprocess
import sys
import time

METRICS = [
    ("load_s", "load both tables into a ready graph (s)", 1),
    ("unweighted_ms", "unweighted s-t shortest path (ms, mean of 100)", 1),
    ("two_hop_ms", "size of the 2-hop neighbourhood (ms, mean of 100)", 1),
    ("components_ms", "weakly connected components (ms)", 1),
    ("degree_ms", "top-10 degree (ms)", 1),
    ("pagerank_ms", "PageRank, d = 0.85, 20 iterations (ms)", 1),
    ("peak_mib", "peak memory (MiB; Spark: the driver JVM)", 1),
]


def run(command, environment=None):
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=environment)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr[-3000:]}")
    return result.stdout, time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ergraph", required=True)
    parser.add_argument("--bench", required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--results", default=os.path.join(os.path.dirname(__file__), "results"))
    arguments = parser.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    nodes, edges, pairs = (os.path.join(arguments.data, name) for name in ("nodes.csv", "edges.csv", "pairs.csv"))
    export = os.path.join(arguments.data, "spark")
    _, export_s = run([arguments.ergraph, "export", "--graph", f"{nodes},{edges}", "--format", "spark", "-o", export])
    ours = json.loads(run([arguments.bench, "measure", nodes, edges, pairs])[0])
    environment = dict(os.environ, SPARK_LOCAL_IP="127.0.0.1")
    output = os.path.join(arguments.data, "spark-answers.json")
    _, spark_process_s = run([sys.executable, os.path.join(here, "..", "scale", "spark", "questions.py"), export,
                              "--pairs", pairs, "--master", arguments.master, "-o", output], environment)
    with open(output, encoding="utf-8") as handle:
        spark = json.load(handle)

    problems = [key for key in ("lengths", "two_hop", "components", "top_degree") if ours[key] != spark[key]]
    if set(ours["top_pagerank"]) != set(spark["top_pagerank"]):
        problems.append("top_pagerank")
    header = (f"{ours['entities']:,} entities, {ours['relationships']:,} relationships; Spark {spark['master']} "
              f"(pyspark, DataFrames), ergraph release build; answers {'agree' if not problems else 'DISAGREE: ' + ', '.join(problems)}")
    print(header)
    lines = [f"## {header}", "", "| question | ergraph | spark | spark / ergraph |", "|---|---|---|---|"]
    for key, label, _ in METRICS:
        mine, theirs = ours[key], spark[key]
        lines.append(f"| {label} | {mine:.4g} | {theirs:.4g} | {theirs / mine if mine else float('inf'):.3g} |")
    lines += ["", f"`ergraph export --format spark` took {export_s:.2f} s for the whole process; the Spark run took "
              f"{spark_process_s:.1f} s as a whole process (JVM start and every question)."]
    os.makedirs(arguments.results, exist_ok=True)
    with open(os.path.join(arguments.results, "spark.md"), "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    with open(os.path.join(arguments.results, "spark.json"), "w", encoding="utf-8") as handle:
        json.dump({"ergraph": {key: ours[key] for key, _, _ in METRICS}, "spark": {key: spark[key] for key, _, _ in METRICS},
                   "export_s": export_s, "spark_process_s": spark_process_s, "problems": problems}, handle, sort_keys=True, indent=1)
    print("\n".join(lines))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()

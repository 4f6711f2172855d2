"""The CLI's batch answers against peers' whole-process scripts, on the same files, in one run.

Usage: python batch.py --ergraph BIN --data DIR [--results DIR]

DIR holds nodes.csv, edges.csv and pairs.csv (`ergraph-bench write-lists`). Each tool runs as a
whole process that loads both CSVs and answers every pair of pairs.csv, the way a reporter runs a
batch: `ergraph path --graph nodes.csv,edges.csv --pairs pairs.csv` (hops, then `--weight
amount`), and scripts that read the CSVs with pyarrow into igraph and NetworKit and ask the same
questions (undirected hop counts; cheapest paths with the amount as each link's cost). Every
tool's answers must agree: hop counts exactly, costs to 1e-9.
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))

PEER = r"""
import json, sys
import pyarrow.csv as pacsv, pyarrow.compute as pc
tool, nodes_path, edges_path, pairs_path, weighted = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5] == "1"
ids = pacsv.read_csv(nodes_path).column("id").to_pylist()
index = {name: position for position, name in enumerate(ids)}
edges = pacsv.read_csv(edges_path)
sources = [index[s] for s in edges.column("source").to_pylist()]
targets = [index[t] for t in edges.column("target").to_pylist()]
amounts = edges.column("amount").cast("double").to_pylist()
pairs = [(index[a], index[b]) for a, b in zip(*[pacsv.read_csv(pairs_path).column(c).to_pylist() for c in ("source", "target")])]
answers = []
if tool == "igraph":
    import igraph
    graph = igraph.Graph(n=len(ids), edges=list(zip(sources, targets)), directed=False)
    for a, b in pairs:
        answers.append(graph.distances(a, b, weights=amounts if weighted else None)[0][0])
else:
    import networkit as nk
    graph = nk.Graph(len(ids), weighted=weighted, directed=False)
    for s, t, w in zip(sources, targets, amounts):
        graph.addEdge(s, t, w, checkMultiEdge=False) if weighted else graph.addEdge(s, t, checkMultiEdge=False)
    for a, b in pairs:
        # storePred=False crashed NetworKit 11.3 (segmentation fault) in bench/peers.py.
        search = nk.distance.BidirectionalDijkstra(graph, a, b, storePred=True) if weighted else nk.distance.BidirectionalBFS(graph, a, b, storePred=False)
        search.run()
        answers.append(search.getDistance())
print(json.dumps(answers))
"""


def whole_process(command):
    start = time.perf_counter()
    run = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if run.returncode != 0:
        sys.exit(f"{' '.join(command[:3])}: {run.stderr}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return seconds, run.stdout, peak


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ergraph", required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--results", default=os.path.join(HERE, "results"))
    arguments = parser.parse_args()
    nodes, edges, pairs = (os.path.join(arguments.data, name) for name in ("nodes.csv", "edges.csv", "pairs.csv"))
    count = sum(1 for _ in open(pairs)) - 1
    rows = []
    for weighted in (False, True):
        command = [arguments.ergraph, "path", "--graph", f"{nodes},{edges}", "--pairs", pairs, "--format", "json"]
        if weighted:
            command += ["--weight", "amount"]
        seconds, output, _ = whole_process(command)
        answers = [json.loads(line)["cost" if weighted else "length"] for line in output.splitlines()]
        results = {"ergraph": (seconds, answers)}
        for tool in ("igraph", "networkit"):
            peer_seconds, peer_output, _ = whole_process([sys.executable, "-c", PEER, tool, nodes, edges, pairs, "1" if weighted else "0"])
            results[tool] = (peer_seconds, json.loads(peer_output))
        reference = results["ergraph"][1]
        for tool, (_, answers) in results.items():
            assert len(answers) == len(reference), tool
            for mine, theirs in zip(reference, answers):
                assert abs(float(mine) - float(theirs)) <= 1e-9 * max(1.0, abs(float(mine))), f"{tool}: {mine} != {theirs}"
        question = "cheapest path by amount" if weighted else "hops (undirected)"
        for tool, (seconds, _) in results.items():
            rows.append((question, tool, seconds))
            print(f"{question}, {tool}: {seconds:.2f} s for load + {count} pairs", flush=True)
    os.makedirs(arguments.results, exist_ok=True)
    with open(os.path.join(arguments.results, "batch.md"), "w") as out:
        out.write(f"# Batch paths, whole process: load both CSVs and answer {count} pairs (release build; peers read with pyarrow)\n\n")
        out.write(f"Files: `{arguments.data}` ({os.path.getsize(nodes) + os.path.getsize(edges):,} bytes of CSV). Every answer agrees "
                  "(hop counts exactly, costs to 1e-9).\n\n")
        out.write("| question | tool | seconds | ratio ergraph / tool |\n|---|---|---|---|\n")
        for question, tool, seconds in rows:
            mine = next(s for q, t, s in rows if q == question and t == "ergraph")
            out.write(f"| {question} | {tool} | {seconds:.2f} | {mine / seconds:.2f} |\n")
        out.write("\nWritten by `bench/batch.py` (`make bench`).\n")


if __name__ == "__main__":
    main()

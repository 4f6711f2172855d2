"""Runs ergraph and its peers on the same generated graphs and reports side by side.

Usage: python report.py --bench BIN --data DIR [--sizes S M L] [--peers networkx igraph rustworkx networkit]
                        [--results DIR] [--smoke] [--no-render]

For each size it writes the lists once (BIN write-lists), runs `BIN measure` and every peer in
a process of its own on the same files, checks that all answers agree (path lengths, weighted
costs, 2-hop sizes, component counts, top-10 degrees; PageRank's top ten as overlapping sets,
since igraph solves exactly where the others iterate), prints a table of figures and of
ratios ergraph / peer, and writes it as JSON and Markdown under --results. With --smoke it
checks only that the harness runs and the answers agree. Then it times the rendering of
100-, 1,000- and 5,000-entity views in-process and through the Graphviz CLI (BIN render-views),
unless --no-render. Exit 1 when answers disagree.
"""
import argparse
import json
import os
import subprocess
import sys

SIZES = {"S": (10_000, 50_000), "M": (100_000, 1_000_000), "L": (1_000_000, 10_000_000)}
# The generator's agency power law gives the top agency 39% of the links at S and 19% at M but
# 9.0% at L (measured); L is generated with a 10% hub so that every size faces a heavy one.
HUB_SHARE = {"S": None, "M": None, "L": 0.10}
METRICS = [
    ("load_s", "load both CSVs into a ready graph (s)"),
    ("peak_mib", "peak memory (MiB)"),
    ("unweighted_ms", "unweighted s-t shortest path (ms, mean of 100)"),
    ("weighted_ms", "weighted s-t, 1/amount (ms, mean of 20)"),
    ("two_hop_ms", "size of the 2-hop neighbourhood (ms, mean of 100)"),
    ("components_ms", "weakly connected components (ms)"),
    ("degree_ms", "top-10 degree (ms)"),
    ("pagerank_ms", "PageRank, d = 0.85 (ms)"),
]


def ceiling(folder, here):
    """Compiles bench/bfs_ceiling.c and runs it on the adjacency arrays ergraph wrote."""
    binary = os.path.join(folder, "bfs_ceiling")
    run(["cc", "-O2", "-o", binary, os.path.join(here, "bfs_ceiling.c")])
    return json.loads(run([binary, os.path.join(folder, "csr.bin")]))


def run(command):
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr[-2000:]}")
    return result.stdout


def agree(reference, other):
    problems = []
    for key in ("lengths", "two_hop", "components", "top_degree"):
        if reference[key] != other[key]:
            problems.append(key)
    for mine, theirs in zip(reference["costs"], other["costs"]):
        if (mine < 0) != (theirs < 0) or (mine >= 0 and abs(mine - theirs) > 1e-9 * max(1.0, abs(mine))):
            problems.append("costs")
            break
    overlap = len(set(reference["top_pagerank"]) & set(other["top_pagerank"]))
    if overlap < 8:
        problems.append(f"top_pagerank (overlap {overlap}/10)")
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bench", required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--sizes", nargs="+", default=["S", "M"])
    parser.add_argument("--peers", nargs="+", default=["networkx", "igraph", "rustworkx", "networkit"])
    parser.add_argument("--results", default=os.path.join(os.path.dirname(__file__), "results"))
    parser.add_argument("--smoke", action="store_true")
    parser.add_argument("--no-render", action="store_true", help="skip the render timings")
    parser.add_argument("--hub-share", type=float, help="the top agency's share of all links, at every size")
    parser.add_argument("--vendor-exponent", type=float, help="the vendors' power-law exponent (default 3)")
    arguments = parser.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    failed = False
    for size in arguments.sizes:
        entities, relationships = SIZES[size]
        skew = []
        hub_share = arguments.hub_share if arguments.hub_share is not None else HUB_SHARE[size]
        if hub_share is not None:
            skew += ["--hub-share", str(hub_share)]
        if arguments.vendor_exponent is not None:
            skew += ["--vendor-exponent", str(arguments.vendor_exponent)]
        # Each shape in a folder of its own, so a changed skew never reuses another's files.
        folder = os.path.join(arguments.data, size + "".join(f"-{value}" for value in skew[1::2]))
        files = [os.path.join(folder, name) for name in ("nodes.csv", "edges.csv", "pairs.csv")]
        if not all(os.path.exists(path) for path in files):
            run([arguments.bench, "write-lists", str(entities), str(relationships), folder, *skew])
        answers = [json.loads(run([arguments.bench, "measure", *files]))]
        for peer in arguments.peers:
            answers.append(json.loads(run([sys.executable, os.path.join(here, "peers.py"), peer, *files])))
        ours = answers[0]
        disagreements = {a["tool"]: agree(ours, a) for a in answers[1:]}
        # The skew the questions face: how much of the graph the largest hub holds.
        hub, hub_degree = ours["top_degree"][0].rsplit(":", 1)
        end_share = int(hub_degree) / (2 * relationships)
        header = (f"Size {size}: {entities:,} entities, {relationships:,} relationships; the top hub ({hub}) is an end of "
                  f"{int(hub_degree) / relationships:.1%} of all links ({end_share:.1%} of all link ends); every peer reads the CSVs with pyarrow")
        print(header)
        for tool, problems in disagreements.items():
            print(f"  answers {'agree' if not problems else 'DISAGREE: ' + ', '.join(problems)} with {tool}")
            failed = failed or bool(problems)
        if arguments.smoke:
            continue
        tools = [a["tool"] for a in answers]
        lines = [f"## {header}", "", "| question | " + " | ".join(tools) + " | " + " | ".join(f"ergraph/{t}" for t in tools[1:]) + " |",
                 "|---" * (len(tools) * 2) + "|"]
        for key, label in METRICS:
            values = [a[key] for a in answers]
            ratios = [values[0] / v if v else float("inf") for v in values[1:]]
            lines.append(f"| {label} | " + " | ".join(f"{v:.4g}" for v in values) + " | "
                         + " | ".join(f"{r:.3g}" for r in ratios) + " |")
        c_loop = ceiling(folder, here)
        lines += ["", f"Full breadth-first search over both adjacency lists ({ours['bfs_links_scanned']:,} entries, every entity): "
                  f"ergraph {ours['bfs_edges_per_s'] / 1e6:.0f} M entries/s, the C loop on the same arrays "
                  f"{c_loop['edges_per_s'] / 1e6:.0f} M entries/s: ergraph at {ours['bfs_edges_per_s'] / c_loop['edges_per_s']:.0%} of the ceiling."]
        lines += ["", f"Loading the same graph from ergraph's snapshot (.ergs, {ours['snapshot_bytes'] / 1048576:.0f} MiB, best of 3): "
                  f"{ours['snapshot_load_s']:.3f} s, {ours['load_s'] / ours['snapshot_load_s']:.1f} times faster than from CSV."]
        ours["c_loop_edges_per_s"] = c_loop["edges_per_s"]
        table = "\n".join(lines)
        print(table)
        os.makedirs(arguments.results, exist_ok=True)
        with open(os.path.join(arguments.results, f"bench-{size}.md"), "w") as handle:
            handle.write(table + "\n\nRatios below 1 mean ergraph is faster (or smaller).\n")
        with open(os.path.join(arguments.results, f"bench-{size}.json"), "w") as handle:
            json.dump({"size": size, "entities": entities, "relationships": relationships,
                       "results": [{k: v for k, v in a.items() if not isinstance(v, list)} for a in answers],
                       "disagreements": disagreements}, handle, indent=2, sort_keys=True)
    if not arguments.smoke and not arguments.no_render:
        views = json.loads(run([arguments.bench, "render-views"]))
        lines = ["## Rendering a view to SVG", "",
                 "The engine `ergraph render` picks for the size (sfdp above 2,000 entities); views of more than 500",
                 "entities carry straight edges and bounded dot passes in their DOT, for both sides.", "",
                 "| entities | relationships | layout | in-process, libgvc (s) | Graphviz CLI (s) | in-process / CLI |",
                 "|---|---|---|---|---|---|"]
        for view in views:
            lines.append(f"| {view['entities']:,} | {view['relationships']:,} | {view['layout']} | {view['in_process_s']:.3f} | "
                         f"{view['dot_cli_s']:.3f} | {view['in_process_s'] / view['dot_cli_s']:.2f} |")
        table = "\n".join(lines)
        print(table)
        with open(os.path.join(arguments.results, "render.md"), "w") as handle:
            handle.write(table + "\n")
        with open(os.path.join(arguments.results, "render.json"), "w") as handle:
            json.dump(views, handle, indent=2, sort_keys=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

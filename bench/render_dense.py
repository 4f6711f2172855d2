"""Times `ergraph render` on a generated dense view, the engine ergraph chooses against dot.

Usage: python render_dense.py --ergraph BIN [--results DIR]

The view: 100 entities and 1,000 typed links, 30% of them from one hub (the shape of the
4,620-agency data-sharing network's densest focus views). Drawn as `render` draws it by default
(print style, engine chosen by density: sfdp) and in screen style, then with `--layout dot`
under a 60 s timeout, which dot does not meet on views this dense.
"""
import argparse
import os
import random
import subprocess
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def lists(folder, entities=100, links=1000, seed=7):
    rng = random.Random(seed)
    with open(os.path.join(folder, "nodes.csv"), "w") as out:
        out.write("id,type,name\n")
        for index in range(entities):
            out.write(f"e{index},company,Entity number {index}\n")
    with open(os.path.join(folder, "edges.csv"), "w") as out:
        out.write("source,target,type\n")
        for _ in range(links):
            source = 0 if rng.random() < 0.3 else rng.randrange(entities)
            target = rng.randrange(entities)
            if target == source:
                target = (target + 1) % entities
            out.write(f"e{source},e{target},contracted\n")
    return os.path.join(folder, "nodes.csv") + "," + os.path.join(folder, "edges.csv")


def timed(command):
    start = time.perf_counter()
    run = subprocess.run(command, capture_output=True, text=True)
    return time.perf_counter() - start, run.returncode, run.stderr.strip().splitlines()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ergraph", required=True)
    parser.add_argument("--results", default=os.path.join(HERE, "results"))
    arguments = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        graph = lists(folder)
        for name, extra in [("default (print style, engine by density)", []),
                            ("screen style, engine by density", ["--style", "screen"]),
                            ("screen style, --layout dot --timeout 60", ["--style", "screen", "--layout", "dot", "--timeout", "60"])]:
            output = os.path.join(folder, "map.svg")
            seconds, status, messages = timed([arguments.ergraph, "render", "--graph", graph, "-o", output] + extra)
            note = next((m for m in messages if "note:" in m or "error:" in m), "")
            rows.append((name, seconds, status, note))
            print(f"{name}: {seconds:.1f} s, exit {status}; {note}", flush=True)
            if os.path.exists(output):
                os.remove(output)
    os.makedirs(arguments.results, exist_ok=True)
    with open(os.path.join(arguments.results, "render-dense.md"), "w") as out:
        out.write("# `ergraph render` on a dense view: 100 entities, 1,000 links (release build, whole process)\n\n")
        out.write("| drawing | time | exit | what ergraph said |\n|---|---|---|---|\n")
        for name, seconds, status, note in rows:
            out.write(f"| {name} | {seconds:.1f} s | {status} | {note.replace('|', '/')} |\n")
        out.write("\nWritten by `bench/render_dense.py` (`make bench`).\n")


if __name__ == "__main__":
    main()

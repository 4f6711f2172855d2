"""Load on `ergraph serve`: wrk against the path API on loopback, in one run.

Usage: python serve.py --ergraph BIN [--seconds 30] [--connections 64] [--results DIR]

For each graph (the story dataset, and the story merged with the FY2018 ICE awards table, which
puts the path question in a graph of thousands of entities) the release server is started on a
free port with request logging off, wrk runs for the given time with 64 connections and two
threads, and the server's resident memory is read before and after (VmRSS, and VmHWM, the peak).
On a two-core machine wrk and the server share the cores: the figures are a floor.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")

SCENARIOS = [
    ("story graph (46 entities)", ["Graph/ice-surveillance.yaml"],
     "/api/path?from=ICE&to=AE%20Industrial"),
    ("story + FY2018 awards (merged)", ["Graph/ice-surveillance.yaml", "Graph/ice-contracts-fy2018.yaml"],
     "/api/path?from=ICE&to=AE%20Industrial"),
    ("story graph, entity page (HTML with its drawing)", ["Graph/ice-surveillance.yaml"],
     "/entity/paragon-solutions"),
]


def memory(pid):
    fields = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            name, _, value = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                fields[name] = int(value.split()[0]) / 1024
    return fields


def start(binary, graphs):
    arguments = [binary, "serve", "--port", "0", "--quiet"]
    for graph in graphs:
        arguments += ["--graph", graph]
    server = subprocess.Popen(arguments, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    line = server.stderr.readline()
    match = re.search(r"http://[^/]+:(\d+)/", line)
    if not match:
        server.kill()
        sys.exit(f"the server did not start: {line}{server.stderr.read()}")
    return server, int(match.group(1))


def wrk(url, seconds, connections):
    output = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url],
                            capture_output=True, text=True, check=True).stdout
    requests = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = {}
    for percentile in ("50", "90", "99"):
        value, unit = re.search(rf"\s{percentile}%\s+([\d.]+)(us|ms|s)", output).groups()
        latency[percentile] = float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    total = int(re.search(r"(\d+) requests in", output).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return {"rps": requests, "p50_ms": latency["50"], "p90_ms": latency["90"], "p99_ms": latency["99"], "requests": total,
            "non_2xx": int(non2xx.group(1)) if non2xx else 0,
            "socket_errors": sum(int(n) for n in socket.groups()) if socket else 0}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ergraph", required=True)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--results", default=os.path.join(HERE, "results"))
    arguments = parser.parse_args()
    rows = []
    for name, graphs, target in SCENARIOS:
        server, port = start(os.path.abspath(arguments.ergraph), graphs)
        try:
            url = f"http://127.0.0.1:{port}{target}"
            with urllib.request.urlopen(url) as response:
                assert response.status == 200, f"{url}: {response.status}"
            before = memory(server.pid)
            result = wrk(url, arguments.seconds, arguments.connections)
            after = memory(server.pid)
            result.update({"scenario": name, "target": target, "rss_before_mib": before["VmRSS"],
                           "rss_after_mib": after["VmRSS"], "peak_mib": after["VmHWM"]})
            rows.append(result)
            print(f"{name}: {result['rps']:.0f} requests/s, p99 {result['p99_ms']:.1f} ms, "
                  f"{result['non_2xx']} non-2xx, {result['socket_errors']} socket errors, "
                  f"memory {before['VmRSS']:.0f} → {after['VmRSS']:.0f} MiB (peak {after['VmHWM']:.0f})", flush=True)
        finally:
            server.terminate()
            server.wait(timeout=30)
    os.makedirs(arguments.results, exist_ok=True)
    with open(os.path.join(arguments.results, "serve.json"), "w") as out:
        json.dump(rows, out, indent=2, sort_keys=True)
    with open(os.path.join(arguments.results, "serve.md"), "w") as out:
        out.write(f"# `ergraph serve` under wrk ({arguments.connections} connections, 2 threads, {arguments.seconds} s each, loopback, release build)\n\n")
        out.write("| scenario | target | requests/s | p50 | p90 | p99 | requests | errors | memory before → after (peak) |\n")
        out.write("|---|---|---|---|---|---|---|---|---|\n")
        for row in rows:
            out.write(f"| {row['scenario']} | `{row['target']}` | {row['rps']:,.0f} | {row['p50_ms']:.1f} ms | {row['p90_ms']:.1f} ms | "
                      f"{row['p99_ms']:.1f} ms | {row['requests']:,} | {row['non_2xx'] + row['socket_errors']} | "
                      f"{row['rss_before_mib']:.0f} → {row['rss_after_mib']:.0f} MiB ({row['peak_mib']:.0f}) |\n")
        out.write("\nwrk and the server share the machine's two cores, so these are floors. Written by `bench/serve.py` (`make bench`).\n")


if __name__ == "__main__":
    main()

"""Runs ergraph's Cypher export in Kùzu and answers shortest path lengths (undirected) between
the given pairs of ids.

Usage: python kuzu_check.py SCRIPT.cypher PAIRS.json   (prints one JSON object)
"""
import json
import os
import sys
import tempfile

import kuzu


def main():
    folder = tempfile.mkdtemp()
    connection = kuzu.Connection(kuzu.Database(os.path.join(folder, "db")))
    for line in open(sys.argv[1], encoding="utf-8"):
        line = line.strip()
        if line and not line.startswith("//"):
            connection.execute(line)
    # One table per kind: count across all of them.
    entities = connection.execute("MATCH (n) RETURN count(n)").get_next()[0]
    links = connection.execute("MATCH ()-[l]->() RETURN count(l)").get_next()[0]
    lengths = []
    for a, b in json.load(open(sys.argv[2])):
        result = connection.execute(
            "MATCH p = (a {id: $a})-[* SHORTEST 1..30]-(b {id: $b}) RETURN length(p)",
            {"a": a, "b": b})
        lengths.append(result.get_next()[0] if result.has_next() else -1)
    print(json.dumps({"entities": entities, "links": links, "lengths": lengths}))


if __name__ == "__main__":
    main()

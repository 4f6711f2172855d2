"""Loads a graph into Kùzu and answers a list of Cypher queries, for comparison with ergraph.

Usage:
  python kuzu_query.py cypher SCRIPT.cypher QUERIES.json
  python kuzu_query.py csv ENTITIES.csv RELATIONSHIPS.csv QUERIES.json

`cypher` runs ergraph's Cypher export statement by statement. `csv` loads ergraph's Neo4j
admin-import CSV export through Kùzu's own CSV loader (COPY FROM): one node table per label and
one relationship table per type, each with the columns its rows use, plus a `kind` column.
QUERIES.json is a list of {"query": ..., "params": {...}}. Prints a JSON list with, per query,
{"columns": [...], "rows": [[...], ...]} or {"error": "..."}.
"""
import csv
import decimal
import json
import os
import sys
import tempfile

import kuzu

TYPES = {"long": "INT64", "int": "INT64", "double": "DOUBLE", "float": "DOUBLE", "boolean": "BOOLEAN"}


def split_header(name):
    if ":" in name:
        base, kind = name.rsplit(":", 1)
        return base, TYPES.get(kind.lower(), "STRING")
    return name, "STRING"


def quote(name):
    return "`" + name.replace("`", "``") + "`"


def load_csv(connection, folder, entities_path, relationships_path):
    with open(entities_path, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    id_column, label_column = header.index("id:ID"), header.index(":LABEL")
    properties = [(i, *split_header(h)) for i, h in enumerate(header) if i not in (id_column, label_column)]
    by_label = {}
    for row in body:
        by_label.setdefault(row[label_column], []).append(row)
    label_of = {}
    for label, members in sorted(by_label.items()):
        used = [(i, name, kind) for i, name, kind in properties if any(row[i] != "" for row in members)]
        columns = [("id", "STRING"), ("kind", "STRING")] + [(name, kind) for _, name, kind in used]
        connection.execute("CREATE NODE TABLE %s(%s, PRIMARY KEY (id))"
                           % (quote(label), ", ".join("%s %s" % (quote(n), k) for n, k in columns)))
        path = os.path.join(folder, "node-%d.csv" % len(label_of))
        with open(path, "w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow([n for n, _ in columns])
            for row in members:
                label_of[row[id_column]] = label
                writer.writerow([row[id_column], label.lower()] + [row[i] for i, _, _ in used])
        connection.execute("COPY %s FROM '%s' (header=true)" % (quote(label), path))

    with open(relationships_path, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    start, end, type_column = header.index(":START_ID"), header.index(":END_ID"), header.index(":TYPE")
    properties = [(i, *split_header(h)) for i, h in enumerate(header) if i not in (start, end, type_column)]
    by_type = {}
    for row in body:
        by_type.setdefault(row[type_column], []).append(row)
    for rel_type, members in sorted(by_type.items()):
        used = [(i, name, kind) for i, name, kind in properties if any(row[i] != "" for row in members)]
        pairs = sorted({(label_of[row[start]], label_of[row[end]]) for row in members})
        columns = [("kind", "STRING")] + [(name, kind) for _, name, kind in used]
        connection.execute("CREATE REL TABLE %s(%s, %s)" % (
            quote(rel_type), ", ".join("FROM %s TO %s" % (quote(a), quote(b)) for a, b in pairs),
            ", ".join("%s %s" % (quote(n), k) for n, k in columns)))
        for a, b in pairs:
            path = os.path.join(folder, "rel-%s-%s-%s.csv" % (rel_type, a, b))
            with open(path, "w", newline="", encoding="utf-8") as out:
                writer = csv.writer(out)
                writer.writerow(["from", "to"] + [n for n, _ in columns])
                for row in members:
                    if label_of[row[start]] == a and label_of[row[end]] == b:
                        writer.writerow([row[start], row[end], rel_type.lower()] + [row[i] for i, _, _ in used])
            connection.execute("COPY %s FROM '%s' (from='%s', to='%s', header=true)"
                               % (quote(rel_type), path, a, b))


def plain(value):
    """Kùzu's Python values as JSON: decimals as floats, nodes and relationships by id."""
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        if "_id" in value and "id" in value:
            return {"id": value["id"]}
        return {k: plain(v) for k, v in value.items() if not k.startswith("_")}
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def main():
    folder = tempfile.mkdtemp()
    connection = kuzu.Connection(kuzu.Database(os.path.join(folder, "db")))
    if sys.argv[1] == "cypher":
        for line in open(sys.argv[2], encoding="utf-8"):
            line = line.strip()
            if line and not line.startswith("//"):
                connection.execute(line)
        queries = json.load(open(sys.argv[3], encoding="utf-8"))
    else:
        load_csv(connection, folder, sys.argv[2], sys.argv[3])
        queries = json.load(open(sys.argv[4], encoding="utf-8"))
    answers = []
    for item in queries:
        try:
            result = connection.execute(item["query"], item.get("params") or {})
            rows = []
            while result.has_next():
                rows.append([plain(v) for v in result.get_next()])
            answers.append({"columns": result.get_column_names(), "rows": rows})
        except Exception as error:  # reported per query, so one failure does not hide the others
            answers.append({"error": str(error)})
    print(json.dumps(answers))


if __name__ == "__main__":
    main()

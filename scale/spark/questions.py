"""The benchmark questions on an `ergraph export --format spark` folder, answered by Apache Spark.

    python scale/spark/questions.py EXPORT_DIR --pairs pairs.csv [-o answers.json]
    spark-submit scale/spark/questions.py EXPORT_DIR --pairs pairs.csv -o answers.json   # on a cluster

Run with plain `python` it starts Spark in local mode (`--master local[2]` by default); under
`spark-submit` the cluster's master and memory settings apply and the flags here are ignored.

Every question is answered with DataFrames only (no GraphFrames, whose jar comes from a Maven
repository): weakly connected components by minimum-label propagation, hop counts for every pair
of a pairs file by a bidirectional frontier search run for all pairs at once, the size of the
2-hop neighbourhood of each pair's source, the top ten by degree, and PageRank with a fixed number
of iterations (damping 0.85, dangling rank spread evenly, parallel links counted: ergraph's own
definition). The answers are written as one JSON object in the shape of `ergraph-bench measure`,
with the seconds each question took, so they can be compared line by line with ergraph's.

The tables are read with the schema and read options the export's schema.json gives, and the row
counts are checked against it: a row Spark could not read stops the run (FAILFAST), and a count
that differs is an error, never a smaller answer.
"""

import argparse
import json
import os
import sys
import time


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("export", help="the folder `ergraph export --format spark -o DIR` wrote")
    parser.add_argument("--pairs", required=True, help="CSV with columns source,target (entity ids)")
    parser.add_argument("-o", "--output", help="where to write the answers (default: standard output)")
    parser.add_argument("--iterations", type=int, default=20, help="PageRank iterations (default: 20, as ergraph-bench)")
    parser.add_argument("--master", default="local[2]", help="Spark master when run with python (default: local[2])")
    parser.add_argument("--driver-memory", default="4g", help="driver memory in local mode (default: 4g)")
    parser.add_argument("--shuffle-partitions", type=int, default=4, help="spark.sql.shuffle.partitions (default: 4)")
    return parser.parse_args()


def fail(message):
    print(f"questions.py: error: {message}", file=sys.stderr)
    sys.exit(1)


def session(arguments):
    from pyspark.sql import SparkSession
    builder = SparkSession.builder.appName("ergraph questions")
    # Under spark-submit the JVM is already running (it set the gateway port) with the cluster's
    # master and memory; only a plain `python` run picks its own.
    if "PYSPARK_GATEWAY_PORT" not in os.environ:
        builder = builder.master(arguments.master).config("spark.driver.memory", arguments.driver_memory)
    spark = (builder.config("spark.ui.enabled", "false")
             .config("spark.sql.shuffle.partitions", str(arguments.shuffle_partitions))
             .config("spark.sql.session.timeZone", "UTC")
             .config("spark.ui.showConsoleProgress", "false")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def read_tables(spark, folder):
    from pyspark.sql.types import StructType
    schema_path = os.path.join(folder, "schema.json")
    try:
        with open(schema_path, encoding="utf-8") as handle:
            schema = json.load(handle)
    except OSError as error:
        fail(f"cannot read {schema_path}: {error.strerror} (is {folder} an `ergraph export --format spark` folder?)")
    except json.JSONDecodeError as error:
        fail(f"{schema_path}:{error.lineno}:{error.colno}: not JSON: {error.msg}")
    if schema.get("format") != "ergraph-spark" or schema.get("version") != 1:
        fail(f"{schema_path} is not an ergraph spark export of version 1")
    options = schema["read"]["options"]
    tables = {}
    for name in ("entities", "relationships"):
        table = schema["tables"][name]
        paths = [os.path.join(folder, table["path"], file) for file in table["files"]]
        frame = spark.read.options(**options).schema(StructType.fromJson(table["schema"])).csv(paths)
        tables[name] = (frame, table["rows"])
    return tables


def answer(spark, folder, pairs_path, iterations=20):
    """The answers to every question on the export in `folder`, as a dict (see the module's text)."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    def timed(body):
        start = time.perf_counter()
        value = body()
        return value, time.perf_counter() - start

    def settle(frame):
        """Cuts the lineage of an iterated frame (every round would otherwise replan all before it)."""
        return frame.localCheckpoint(eager=True)

    # Loading: both tables into memory, counted and checked against the export's own counts.
    def load():
        tables = read_tables(spark, folder)
        entities = tables["entities"][0].select("index", "id").persist(StorageLevel.MEMORY_ONLY)
        links = tables["relationships"][0].select("src", "dst").persist(StorageLevel.MEMORY_ONLY)
        for frame, (name, (_, expected)) in zip((entities, links), tables.items()):
            counted = frame.count()
            if counted != expected:
                fail(f"read {counted} rows of {name}, the export's schema.json says {expected}")
        return entities, links, tables["entities"][1], tables["relationships"][1]

    (entities, links, n, m), load_s = timed(load)
    ids = {row["index"]: row["id"] for row in entities.collect()}
    index_of = {identifier: index for index, identifier in ids.items()}

    # The undirected simple view every search walks: each pair of distinct ends once per direction.
    undirected = (links.where("src != dst").select(F.col("src").alias("a"), F.col("dst").alias("b"))
                  .union(links.where("src != dst").select(F.col("dst").alias("a"), F.col("src").alias("b")))
                  .distinct().persist(StorageLevel.MEMORY_ONLY))
    undirected.count()

    pairs = []
    with open(pairs_path, encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    if not lines or lines[0].strip() != "source,target":
        fail(f"{pairs_path}:1:1: expected the header source,target")
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        fields = line.split(",")
        if len(fields) != 2:
            fail(f"{pairs_path}:{number}:1: expected two fields, source and target")
        for column, identifier in zip((1, len(fields[0]) + 2), fields):
            if identifier not in index_of:
                fail(f"{pairs_path}:{number}:{column}: no entity has the id '{identifier}'")
        pairs.append((index_of[fields[0]], index_of[fields[1]]))

    # Hop counts: breadth-first from both ends of every pair at once, one level of one side per
    # round, until the sides meet; the first meeting gives the shortest length (levels are
    # expanded whole, so the least sum over the meeting entities is exact).
    def hop_counts():
        lengths = [0 if s == t else None for s, t in pairs]
        open_pairs = [(number, s, t) for number, (s, t) in enumerate(pairs) if s != t]
        if not open_pairs:
            return lengths
        seeds = spark.createDataFrame(open_pairs, "pair INT, s BIGINT, t BIGINT")
        visited = {"f": settle(seeds.select("pair", F.col("s").alias("node"), F.lit(0).alias("d"))),
                   "b": settle(seeds.select("pair", F.col("t").alias("node"), F.lit(0).alias("d")))}
        frontier = {side: visited[side].select("pair", "node") for side in visited}
        level = {"f": 0, "b": 0}
        active = {number for number, _, _ in open_pairs}
        side = "f"
        while active:
            other = "b" if side == "f" else "f"
            level[side] += 1
            grown = (frontier[side].join(undirected, frontier[side].node == undirected.a)
                     .select("pair", F.col("b").alias("node")).distinct()
                     .join(visited[side], ["pair", "node"], "left_anti"))
            grown = settle(grown)
            reached = {row["pair"] for row in grown.select("pair").distinct().collect()}
            for number in active - reached:
                lengths[number] = -1          # this side can go no further: no path
            met = (grown.join(visited[other], ["pair", "node"])
                   .groupBy("pair").agg(F.min("d").alias("d")).collect())
            for row in met:
                lengths[row["pair"]] = level[side] + row["d"]
            active = reached - {row["pair"] for row in met}
            if not active:
                break
            keep = spark.createDataFrame([(number,) for number in sorted(active)], "pair INT")
            visited[side] = settle(visited[side].union(grown.withColumn("d", F.lit(level[side])))
                                   .join(F.broadcast(keep), "pair"))
            visited[other] = settle(visited[other].join(F.broadcast(keep), "pair"))
            frontier[side] = grown.join(F.broadcast(keep), "pair")
            frontier[other] = frontier[other].join(F.broadcast(keep), "pair")
            side = other
        return lengths

    lengths, hops_s = timed(hop_counts)

    # The 2-hop neighbourhood of each pair's source: entities one or two links away, itself excluded.
    def two_hop():
        sources = spark.createDataFrame([(s,) for s in sorted({s for s, _ in pairs})], "source BIGINT")
        first = sources.join(undirected, sources.source == undirected.a).select("source", F.col("b").alias("node"))
        second = (first.join(undirected, first.node == undirected.a)
                  .select("source", F.col("b").alias("node")))
        sizes = (first.union(second).where("node != source").distinct()
                 .groupBy("source").count().collect())
        by_source = {row["source"]: row["count"] for row in sizes}
        return [by_source.get(s, 0) for s, _ in pairs]

    two_hop_sizes, two_hop_s = timed(two_hop)

    # Weakly connected components: every entity takes the least index among its neighbours' labels
    # until none changes.
    def components():
        labels = settle(entities.select(F.col("index").alias("node"), F.col("index").alias("label")))
        sizes = None
        while True:
            offered = labels.join(undirected, labels.node == undirected.a).select(F.col("b").alias("node"), "label")
            updated = settle(labels.union(offered).groupBy("node").agg(F.min("label").alias("label")))
            changed = updated.join(labels.withColumnRenamed("label", "old"), "node").where("label != old").count()
            labels = updated
            if changed == 0:
                sizes = [row["count"] for row in labels.groupBy("label").count().collect()]
                return len(sizes), sorted(sizes, reverse=True)

    (component_count, component_sizes), components_s = timed(components)

    # Degree: link ends, parallel links counted, a self-link twice; ties by index.
    def top_degree():
        ends = links.select(F.col("src").alias("node")).union(links.select(F.col("dst").alias("node")))
        degrees = ends.groupBy("node").count()
        top = (entities.join(degrees, entities["index"] == degrees.node, "left")
               .select("index", F.coalesce("count", F.lit(0)).alias("degree"))
               .orderBy(F.desc("degree"), F.asc("index")).limit(10).collect())
        return [f"{ids[row['index']]}:{row['degree']}" for row in top]

    degree_top, degree_s = timed(top_degree)

    # PageRank over link directions, a fixed number of iterations from the uniform start.
    def page_rank():
        damping = 0.85
        out_degree = links.groupBy(F.col("src").alias("node")).agg(F.count("*").alias("out"))
        # Each entity with its out-degree (null for a dangling one) and rank, so that the dangling
        # sum is a scan of the settled frame, not another join.
        nodes = entities.select(F.col("index").alias("node")).join(out_degree, "node", "left").persist()
        ranks = settle(nodes.withColumn("rank", F.lit(1.0 / n)))
        for _ in range(iterations):
            dangling = ranks.where(F.col("out").isNull()).agg(F.sum("rank")).first()[0] or 0.0
            shares = ranks.where(F.col("out").isNotNull()).select(F.col("node").alias("src"), (F.col("rank") / F.col("out")).alias("share"))
            received = links.join(shares, "src").groupBy(F.col("dst").alias("node")).agg(F.sum("share").alias("received"))
            base = (1 - damping) / n + damping * dangling / n
            ranks = settle(nodes.join(received, "node", "left")
                           .select("node", "out", (F.lit(base) + F.lit(damping) * F.coalesce("received", F.lit(0.0))).alias("rank")))
        top = ranks.orderBy(F.desc("rank"), F.asc("node")).limit(10).collect()
        return [ids[row["node"]] for row in top]

    pagerank_top, pagerank_s = timed(page_rank)

    peak = 0.0
    try:
        # The driver JVM does the work in local mode; its high-water mark, as /proc reports it.
        pid = spark.sparkContext._gateway.proc.pid
        with open(f"/proc/{pid}/status", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    peak = int(line.split()[1]) / 1024
    except (AttributeError, OSError):
        pass

    count = max(1, len(pairs))
    answers = {
        "tool": "spark", "entities": n, "relationships": m, "master": spark.sparkContext.master,
        "load_s": load_s, "peak_mib": peak,
        "unweighted_ms": hops_s * 1000 / count, "lengths": lengths,
        "two_hop_ms": two_hop_s * 1000 / count, "two_hop": two_hop_sizes,
        "components_ms": components_s * 1000, "components": component_count, "component_sizes": component_sizes,
        "degree_ms": degree_s * 1000, "top_degree": degree_top,
        "pagerank_ms": pagerank_s * 1000, "pagerank_iterations": iterations, "top_pagerank": pagerank_top,
    }
    return answers


def main():
    arguments = parse_arguments()
    spark = session(arguments)
    answers = answer(spark, arguments.export, arguments.pairs, arguments.iterations)
    text = json.dumps(answers, sort_keys=True)
    if arguments.output:
        temporary = arguments.output + ".tmp"
        with open(temporary, "w", encoding="utf-8") as handle:
            handle.write(text + "\n")
        os.replace(temporary, arguments.output)
    else:
        print(text)
    spark.stop()


if __name__ == "__main__":
    main()

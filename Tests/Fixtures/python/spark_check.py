"""One Spark session for the test suite (a JVM start costs about 15 s): reads an export of the
default dataset back whole, and answers the benchmark questions on a generated graph's export.

    python spark_check.py STORY_EXPORT GENERATED_EXPORT PAIRS.csv

Prints one JSON object: {"story": {"entities": [rows], "relationships": [rows]}, "answers": {...}}.
"""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "..", "scale", "spark"))
import questions  # noqa: E402


class Settings:
    master = "local[2]"
    driver_memory = "2g"
    shuffle_partitions = 4


def main():
    story, generated, pairs = sys.argv[1:4]
    spark = questions.session(Settings)
    tables = questions.read_tables(spark, story)
    rows = {name: [row.asDict() for row in frame.orderBy("index").collect()] for name, (frame, _) in tables.items()}
    answers = questions.answer(spark, generated, pairs, iterations=20)
    print(json.dumps({"story": rows, "answers": answers}, sort_keys=True, default=str))
    spark.stop()


if __name__ == "__main__":
    main()

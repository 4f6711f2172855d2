"""Times a wide-table import: ergraph against pyarrow on the same file, in one run.

Usage: python imports.py --ergraph BIN --folder DIR [--copies N] [--results DIR]

The table is the real USAspending export of ICE awards to Minnesota recipients (286 columns,
Tests/Fixtures/usaspending-ice-mn-contracts), its rows repeated N times into one file: a
realistic skew, since a few awarding offices and one agency hold every award. ergraph imports it
through its mapping into a snapshot (`import --from csv … -o FILE.ergs`), the way a reporter
saves a large table; pyarrow reads the same CSV (`pyarrow.csv.read_csv`) and sums the obligations
per awarding office, the way an analyst would. Each runs in a process of its own, so its peak
memory is its own; the per-office totals must agree to the cent.
"""
import argparse
import csv
import decimal
import json
import os
import resource
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "Tests", "Fixtures", "usaspending-ice-mn-contracts")

PYARROW = r"""
import json, sys, time, resource
import pyarrow as pa, pyarrow.csv as pacsv
start = time.perf_counter()
options = pacsv.ConvertOptions(column_types={"total_obligated_amount": pa.decimal128(20, 2)})
table = pacsv.read_csv(sys.argv[1], convert_options=options)
sums = table.group_by("awarding_office_name").aggregate([("total_obligated_amount", "sum")])
seconds = time.perf_counter() - start
totals = {office: str(total) for office, total in zip(sums.column(0).to_pylist(), sums.column(1).to_pylist()) if office}
print(json.dumps({"seconds": seconds, "rows": table.num_rows, "totals": totals,
                  "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def build_table(path, copies):
    """The real rows, `copies` times, each copy's award keys made its own (`…-copy2`), so that
    the file holds that many distinct awards and the totals scale with it."""
    with open(os.path.join(FIXTURE, "mn_all_prime_awards.csv"), newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    key = header.index("contract_award_unique_key")
    with open(path + ".part", "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(header)
        for copy in range(1, copies + 1):
            for row in body:
                row = list(row)
                row[key] = f"{row[key]}-copy{copy}"
                writer.writerow(row)
    os.replace(path + ".part", path)


def timed(command):
    """Output, wall seconds and peak memory (MiB) of one process, measured by GNU time."""
    start = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-f", "%M", *command], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr[-2000:]}")
    return result.stdout, seconds, int(result.stderr.strip().splitlines()[-1]) / 1024


def plain(text):
    """`12.50` → `12.5`, as ergraph writes exact amounts."""
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ergraph", required=True)
    parser.add_argument("--folder", required=True)
    parser.add_argument("--copies", type=int, default=40)
    parser.add_argument("--results", default=os.path.join(HERE, "results"))
    arguments = parser.parse_args()
    os.makedirs(arguments.folder, exist_ok=True)
    table = os.path.join(arguments.folder, f"mn_awards_x{arguments.copies}.csv")
    if not os.path.exists(table):
        build_table(table, arguments.copies)
    megabytes = os.path.getsize(table) / 1e6
    output, _, arrow_peak = timed([sys.executable, "-c", PYARROW, table])
    arrow = json.loads(output)
    theirs = {office: plain(total) for office, total in arrow["totals"].items()}
    with open(os.path.join(FIXTURE, "mn_all.mapping.yaml"), encoding="utf-8") as handle:
        mapping_text = handle.read()
    lines = [f"## Importing a wide table ({megabytes:.1f} MB, 286 columns, {arrow['rows']:,} rows)", "",
             "| tool | what it does | time (s) | MB/s | peak memory (MiB) | peak / input |", "|---|---|---|---|---|---|"]
    agree = True
    for quote, what in (("line", "each citation names its row (quote: line)"), ("row", "each citation quotes its row whole (quote: row)")):
        mapping = os.path.join(arguments.folder, f"mn_all.{quote}.mapping.yaml")
        with open(mapping, "w", encoding="utf-8") as handle:
            handle.write(mapping_text + f"\nquote: {quote}\n")
        snapshot = os.path.join(arguments.folder, f"mn_awards.{quote}.ergs")
        _, seconds, peak = timed([arguments.ergraph, "import", "--from", "csv", "--mapping", mapping, table, "-o", snapshot])
        money, _, _ = timed([arguments.ergraph, "money", "--by", "agency", "--graph", snapshot, "--format", "json"])
        ours = {}
        for row in json.loads(money, parse_float=decimal.Decimal):
            if row["group"].startswith("ice-office:"):
                for total in row["totals"]:
                    if total["kind"] == "obligated":
                        ours[row["name"][len("ICE "):]] = plain(str(total["amount"]))
        agree = agree and ours == theirs
        lines.append(f"| ergraph | import through the mapping into a snapshot, {what}; whole process | {seconds:.2f} | "
                     f"{megabytes / seconds:.1f} | {peak:.0f} | {peak * 1.048576 / megabytes:.1f} |")
    version = __import__("importlib.metadata").metadata.version("pyarrow")
    lines += [f"| pyarrow {version} | read_csv and sum obligations per office (timed in-process) | "
              f"{arrow['seconds']:.2f} | {megabytes / arrow['seconds']:.1f} | {arrow_peak:.0f} | {arrow_peak * 1.048576 / megabytes:.1f} |",
              "", f"Obligations per awarding office ({len(theirs)} offices): {'agree to the cent' if agree else 'DISAGREE'}."]
    text = "\n".join(lines)
    print(text)
    os.makedirs(arguments.results, exist_ok=True)
    with open(os.path.join(arguments.results, "import.md"), "w") as handle:
        handle.write(text + "\n")
    sys.exit(0 if agree else 1)


if __name__ == "__main__":
    main()

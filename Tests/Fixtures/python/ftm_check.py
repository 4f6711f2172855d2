"""Checks ergraph's FollowTheMoney export with the followthemoney package itself: every line
must load as an entity of a known schema with only properties that schema defines.

Usage: python ftm_check.py FILE.ftm.json   (prints one JSON object)
"""
import json
import sys

from followthemoney import model


def main():
    problems = []
    schemata = {}
    for number, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
        data = json.loads(line)
        schema = model.get(data.get("schema"))
        if schema is None:
            problems.append(f"line {number}: unknown schema {data.get('schema')}")
            continue
        for prop in data.get("properties", {}):
            if schema.get(prop) is None:
                problems.append(f"line {number}: {schema.name} has no property {prop}")
        proxy = model.get_proxy(data, cleaned=False)
        if proxy.id != data["id"]:
            problems.append(f"line {number}: id changed")
        schemata[schema.name] = schemata.get(schema.name, 0) + 1
    print(json.dumps({"problems": problems, "schemata": schemata}))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Makes core/cad/eido-schema.json, the compact schema HEART Desk checks every
inbound EIDO against, out of NENA's openapi.yaml (NENA911/EIDO-JSON, copied
into tests/data/eido/schema/).

    scripts/eido-schema.py [OPENAPI_YAML] [-o OUT]      write the compact schema
    scripts/eido-schema.py --check FILE [OPENAPI_YAML] fail when FILE differs

What is kept of each EIDO component schema: type, required, properties,
items, enum, allOf, minItems, format (date-time only: the one the product
checks) and $ref to another EIDO component ("#/definitions/Name"). The NIEM
types (NIEMComponents/*.yaml) are reduced to their JSON type ("object",
"string", ...; nothing when they have none). Descriptions, titles and
examples are dropped. Upstream's typo `minItems: 1,` (AgentType) is read as 1.
Output is sorted and stable, so the committed file can be compared byte for
byte with what this script makes.
"""
import argparse
import json
import os
import sys

try:
    import yaml
except ImportError:  # scripts/lib/packages.sh installs python3-yaml
    if "--check" in sys.argv and os.environ.get("CI") != "true":
        print("NOT RUN: python3-yaml is missing (apt-get install python3-yaml)")
        sys.exit(0)
    sys.exit("eido-schema.py: python3-yaml is missing (apt-get install python3-yaml)")

ROOT = "EmergencyIncidentDataObjectType"
KEPT = ("type", "required", "enum", "minItems")


_loaded = {}


def niem_type(schema_dir, ref):
    """The JSON type of a NIEM component ('NIEMComponents/nc.yaml#/components/schemas/ncPersonType')."""
    path, _, pointer = ref.partition("#")
    path = os.path.join(schema_dir, os.path.normpath(path))
    if path not in _loaded:
        with open(path, encoding="utf-8") as stream:
            _loaded[path] = yaml.safe_load(stream)
    node = _loaded[path]
    for part in pointer.strip("/").split("/"):
        node = node[part]
    if isinstance(node.get("type"), str):
        return {"type": node["type"]}
    for part in node.get("allOf", []):
        if isinstance(part, dict) and isinstance(part.get("type"), str):
            return {"type": part["type"]}
    return {}


def compact(node, schema_dir, names):
    out = {}
    for key in KEPT:
        if key in node:
            value = node[key]
            if key == "minItems" and isinstance(value, str):
                value = int(value.strip().rstrip(","))  # upstream typo "1,"
            out[key] = value
    if node.get("format") == "date-time":
        out["format"] = "date-time"
    if "$ref" in node:
        ref = node["$ref"]
        if ref.startswith("#/components/schemas/"):
            name = ref.rsplit("/", 1)[1]
            if name not in names:
                raise SystemExit(f"eido-schema.py: unknown $ref {ref}")
            out["$ref"] = "#/definitions/" + name
        else:
            out.update(niem_type(schema_dir, ref))
    if "properties" in node:
        out["properties"] = {k: compact(v, schema_dir, names) for k, v in node["properties"].items()}
    if "items" in node:
        out["items"] = compact(node["items"], schema_dir, names)
    if "allOf" in node:
        out["allOf"] = [compact(part, schema_dir, names) for part in node["allOf"]]
    return out


def build(openapi_path):
    schema_dir = os.path.dirname(os.path.abspath(openapi_path))
    with open(openapi_path, encoding="utf-8") as stream:
        document = yaml.safe_load(stream)
    schemas = document["components"]["schemas"]
    names = set(schemas)
    definitions = {name: compact(schemas[name], schema_dir, names) for name in sorted(names)}
    result = {
        "source": "NENA911/EIDO-JSON Schema/openapi.yaml (see tests/data/eido/README.md); made by scripts/eido-schema.py",
        "root": "#/definitions/" + ROOT,
        "definitions": definitions,
    }
    return json.dumps(result, indent=1, sort_keys=True, ensure_ascii=True) + "\n"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default_yaml = os.path.join(here, "..", "tests", "data", "eido", "schema", "openapi.yaml")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("openapi", nargs="?", default=default_yaml)
    parser.add_argument("-o", "--output", help="write here (default: standard output)")
    parser.add_argument("--check", metavar="FILE", help="exit 1 when FILE differs from what would be made")
    args = parser.parse_args()
    text = build(args.openapi)
    if args.check:
        with open(args.check, encoding="utf-8") as stream:
            committed = stream.read()
        if committed != text:
            print(f"{args.check} differs from what scripts/eido-schema.py makes of {args.openapi}; "
                  "run scripts/eido-schema.py -o core/cad/eido-schema.json", file=sys.stderr)
            return 1
        print(f"{args.check} is up to date")
        return 0
    if args.output:
        with open(args.output, "w", encoding="utf-8") as stream:
            stream.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Validates EIDO files against NENA's official schema, the way a CAD would:
tests/data/eido/schema/openapi.yaml (NENA911/EIDO-JSON) with its
NIEMComponents, root EmergencyIncidentDataObjectType, JSON Schema draft 7
semantics, date-time formats checked (RFC 3339).

    tests/cad/validate_eido.py [--schema OPENAPI_YAML] [--expect-invalid] FILE_OR_DIR...

A directory stands for the *.json files in it (at least one). Exit status 0
when every file validates (with --expect-invalid: when every file fails),
1 otherwise, 2 on a usage error. Missing python3-jsonschema or python3-yaml:
"NOT RUN: ..." and status 0 (the test is then shown as skipped), except
under CI=true, where it is status 1.

Upstream quirks handled here: `minItems: 1,` (AgentType, read by YAML as the
string "1,") is coerced to 1; "$ref"s into NIEMComponents/*.yaml (also the
odd 'NIEMComponents//j.yaml#...') are resolved by inlining every referenced
schema as a definition of one document.
"""
import argparse
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SCHEMA = os.path.join(HERE, "..", "data", "eido", "schema", "openapi.yaml")
ROOT = "EmergencyIncidentDataObjectType"


def not_run(why):
    if os.environ.get("CI") == "true":
        print(f"validate_eido.py: {why} (CI=true: a missing tool is a failure)", file=sys.stderr)
        sys.exit(1)
    print(f"NOT RUN: {why}")
    sys.exit(0)


try:
    import yaml
    import jsonschema
except ImportError as error:
    not_run(f"python module missing ({error.name}): apt-get install python3-jsonschema python3-yaml")


RFC3339 = re.compile(
    r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?"
    r"([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$")


def load_schema(openapi_path):
    """One draft-07 document: every component schema of openapi.yaml and of
    the NIEM files it reaches, as definitions named file#name."""
    base = os.path.dirname(os.path.abspath(openapi_path))
    files = {}
    definitions = {}

    def load(path):
        if path not in files:
            with open(path, encoding="utf-8") as stream:
                files[path] = yaml.safe_load(stream)
        return files[path]

    def key(path, name):
        rel = os.path.relpath(path, base).replace(os.sep, "/")
        return f"{rel}#{name}"

    pending = []

    def rewrite(node, path):
        if isinstance(node, dict):
            out = {}
            for k, v in node.items():
                if k == "$ref" and isinstance(v, str):
                    target, _, pointer = v.partition("#")
                    target_path = os.path.normpath(os.path.join(os.path.dirname(path), target)) if target else path
                    name = pointer.rsplit("/", 1)[1]
                    ident = key(target_path, name)
                    if ident not in definitions:
                        definitions[ident] = None
                        pending.append((target_path, name, ident))
                    out[k] = "#/definitions/" + ident.replace("~", "~0").replace("/", "~1")
                elif k == "minItems" and isinstance(v, str):
                    out[k] = int(v.strip().rstrip(","))
                else:
                    out[k] = rewrite(v, path)
            return out
        if isinstance(node, list):
            return [rewrite(v, path) for v in node]
        return node

    openapi = os.path.abspath(openapi_path)
    root_id = key(openapi, ROOT)
    definitions[root_id] = None
    pending.append((openapi, ROOT, root_id))
    while pending:
        path, name, ident = pending.pop()
        definitions[ident] = rewrite(load(path)["components"]["schemas"][name], path)
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "definitions": definitions,
        "$ref": "#/definitions/" + root_id.replace("~", "~0").replace("/", "~1"),
    }


def jsonschema_version():
    try:
        from importlib.metadata import version
        return tuple(int(part) for part in re.findall(r"\d+", version("jsonschema"))[:2])
    except Exception:  # noqa: BLE001 - an unknown version is treated as a recent one
        return (99, 0)


def validator_for(schema):
    checker = jsonschema.FormatChecker(formats=())
    checker.checks("date-time")(lambda value: not isinstance(value, str) or bool(RFC3339.match(value)))
    kwargs = {}
    if jsonschema_version() < (4, 18):
        # Debian 12's jsonschema 4.10 takes the EIDO's *properties* named "$id"
        # for $id keywords while resolving a $ref and crashes; this document
        # has no $id keyword at all, so that search is skipped.
        class Resolver(jsonschema.RefResolver):
            def _find_in_subschemas(self, url):
                return None

        kwargs["resolver"] = Resolver.from_schema(schema)
    return jsonschema.Draft7Validator(schema, format_checker=checker, **kwargs)


def files_of(arguments):
    files = []
    for argument in arguments:
        if os.path.isdir(argument):
            found = sorted(glob.glob(os.path.join(argument, "*.json")))
            if not found:
                print(f"validate_eido.py: no *.json in {argument}", file=sys.stderr)
                sys.exit(1)
            files.extend(found)
        else:
            files.append(argument)
    return files


def main():
    parser = argparse.ArgumentParser(description="Validate EIDO JSON files against NENA's openapi.yaml")
    parser.add_argument("--schema", default=DEFAULT_SCHEMA)
    parser.add_argument("--expect-invalid", action="store_true",
                        help="succeed only when every file fails validation")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    validator = validator_for(load_schema(args.schema))
    failures = 0
    for path in files_of(args.files):
        try:
            with open(path, encoding="utf-8") as stream:
                document = json.load(stream)
        except (OSError, ValueError) as error:
            print(f"{path}: cannot read JSON: {error}")
            failures += 1
            continue
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
        for error in errors[:30]:
            where = "/".join(str(p) for p in error.absolute_path) or "(root)"
            # The message of a failing value quotes it: only its start is shown.
            print(f"{path}: {where}: {error.validator} {error.message[:160]}")
        print(f"{path}: {len(errors)} error(s)")
        failures += 1 if errors else 0
    total = len(files_of(args.files))
    if args.expect_invalid:
        ok = failures == total
        print(f"expected every file to be invalid: {failures} of {total} are")
    else:
        ok = failures == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

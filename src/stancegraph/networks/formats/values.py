"""Attribute values every network format writes: plain scalars, one type per attribute.

Lists are ";"-joined strings and numpy scalars are unwrapped, so GraphML, GEXF,
CSV and JSON can all type them; :func:`type_of` picks the narrowest type that
holds every value of an attribute.

>>> type_of([1, 2.5, None]), text(True, "boolean"), plain(["a", "b"])
('double', 'true', 'a;b')
"""

from __future__ import annotations

import io
import math
import xml.etree.ElementTree as ET
from typing import Any, Iterable

XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"


def plain(value: Any) -> Any:
    """A Python scalar (numpy scalars unwrapped, lists ';'-joined)."""
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if isinstance(value, (list, tuple, set, frozenset)):
        return ";".join(str(v) for v in (sorted(value) if isinstance(value, (set, frozenset)) else value))
    return value


def type_of(values: Iterable[Any]) -> str:
    """The one type that holds every value: boolean < int < double < string."""
    rank = {"boolean": 0, "int": 1, "double": 2, "string": 3}
    t = "boolean"
    seen = False
    for v in values:
        v = plain(v)
        if v is None:
            continue
        seen = True
        if isinstance(v, bool):
            vt = "boolean"
        elif isinstance(v, int):
            vt = "int"
        elif isinstance(v, float):
            vt = "double"
        else:
            vt = "string"
        if rank[vt] > rank[t]:
            t = vt
    return t if seen else "string"


def text(value: Any, typ: str) -> str:
    value = plain(value)
    if typ == "boolean":
        return "true" if value else "false"
    if typ == "double":
        f = float(value)
        if math.isnan(f):
            return "NaN"
        if math.isinf(f):
            return "INF" if f > 0 else "-INF"
        return repr(f)
    if typ == "int":
        return str(int(value))
    return str(value)


def schema(items: Iterable[dict]) -> dict[str, str]:
    values: dict[str, list] = {}
    for d in items:
        for k, v in d.items():
            values.setdefault(k, []).append(v)
    return {k: type_of(vs) for k, vs in sorted(values.items())}


def xml_bytes(root: ET.Element) -> bytes:
    ET.indent(root, space="  ")
    buf = io.BytesIO()
    ET.ElementTree(root).write(buf, encoding="utf-8", xml_declaration=True)
    return buf.getvalue() + b"\n"

"""The query library: named SPARQL queries in ``queries/*.rq``, run with typed parameters.

Each file starts with a comment header::

    # positions-over-time: every position taken on one issue, oldest first.
    #
    # Free text describing the rows.
    #
    # param: issue (term, required): what the value may be
    # param: since (date, optional): ...
    # columns: date, actor, ...

(a ``# computed-by: NAME`` line says stancegraph computes the rows itself with the function
registered as NAME in :data:`stancegraph.store.computed.COMPUTED`; the SPARQL stays the
definition) and gives every parameter one slot in its body, ``VALUES ?name { UNDEF }``, so the file is valid
SPARQL as it stands (every parameter unbound) and can be pasted into the web query page. Running
it through :func:`run_named_query` replaces ``UNDEF`` in a parameter's slot with the value written
as a SPARQL term of the declared type (never pasted as raw text):

* ``string``: a string literal, escaped (``"``, ``\\``, line breaks, control characters);
* ``date``: ``"YYYY-MM-DD"^^xsd:date``, checked to be a real date;
* ``integer``: an ``xsd:integer`` literal, checked;
* ``iri``: ``<…>``, checked to be an absolute IRI without characters IRIs cannot hold;
* ``term``: an IRI when the value is one (``http(s)://…``, ``urn:…``, or the project prefixes
  ``act:``, ``ter:``, ``cb:``, ``sg:``), otherwise a string literal: "a label or an IRI".

>>> render_term("string", 'a "b" }')
'"a \\\\"b\\\\" }"'
>>> render_term("term", "act:ann-example")
'<https://w3id.org/stancegraph/id/actor/ann-example>'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

import pyoxigraph as ox

from .. import paths
from ..dates import iso_date
from ..errors import StanceGraphError
from ..namespaces import PREFIXES

QUERIES_DIR = paths.queries_dir()
"""The user's library (``queries/`` of the project, or of ``STANCEGRAPH_HOME``)."""
PACKAGE_QUERIES = Path(__file__).resolve().parents[1] / "queries"
"""The queries stancegraph itself runs (export, networks): package data, same header format."""
PARAM_TYPES = ("string", "date", "integer", "iri", "term")
_XSD = "http://www.w3.org/2001/XMLSchema#"
_PARAM_PREFIXES = ("act", "ter", "cb", "sg")  # prefixes a term parameter may be written with
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_PARAM_LINE = re.compile(r"^param:\s*([A-Za-z_][A-Za-z0-9_]*)\s*\(([^)]*)\)\s*:?\s*(.*)$")
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>\"{}|\\^`]+$")
_LOOKS_IRI = re.compile(r"^(?:https?://|urn:)", re.IGNORECASE)
_PREFIXED = re.compile(r"^(" + "|".join(_PARAM_PREFIXES) + r"):([A-Za-z0-9_][A-Za-z0-9_.~-]*)$")


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    required: bool
    description: str = ""


@dataclass
class NamedQuery:
    name: str
    path: Path
    summary: str
    description: str
    params: list[Param] = field(default_factory=list)
    columns: str = ""
    text: str = ""
    computed: str = ""

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


def _slot(name: str) -> re.Pattern:
    return re.compile(r"VALUES\s+\?" + re.escape(name) + r"\s*\{\s*UNDEF\s*\}")


def _parse(path: Path, text: str) -> NamedQuery:
    header: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.startswith("#"):
            break
        header.append((number, line[1:].strip()))
    if not header:
        raise StanceGraphError("a named query must start with a '# name: summary' comment", path=path, place="line 1")
    first = header[0][1]
    name = path.stem
    if not first.startswith(name + ":"):
        raise StanceGraphError(f"the header must start with '# {name}: <summary>'", path=path, place="line 1")
    summary = first[len(name) + 1:].strip()
    params: list[Param] = []
    columns = ""
    computed = ""
    description: list[str] = []
    for number, line in header[1:]:
        if line.startswith("param:"):
            m = _PARAM_LINE.match(line)
            if not m:
                raise StanceGraphError("write parameters as 'param: NAME (TYPE[, optional]): description'",
                                       path=path, place=f"line {number}")
            flags = [f.strip() for f in m.group(2).split(",") if f.strip()]
            ptype = flags[0] if flags else ""
            if ptype not in PARAM_TYPES:
                raise StanceGraphError(f"unknown parameter type '{ptype}' (use one of {', '.join(PARAM_TYPES)})",
                                       path=path, place=f"line {number}")
            extra = set(flags[1:]) - {"optional", "required"}
            if extra:
                raise StanceGraphError(f"unknown parameter flag '{sorted(extra)[0]}' (optional or required)",
                                       path=path, place=f"line {number}")
            p = Param(m.group(1), ptype, "optional" not in flags[1:], m.group(3).strip())
            if any(q.name == p.name for q in params):
                raise StanceGraphError(f"parameter '{p.name}' declared twice", path=path, place=f"line {number}")
            if len(_slot(p.name).findall(text)) != 1:
                raise StanceGraphError(
                    f"parameter '{p.name}' needs exactly one slot 'VALUES ?{p.name} {{ UNDEF }}' in the query",
                    path=path, place=f"line {number}")
            params.append(p)
        elif line.startswith("columns:"):
            columns = line[len("columns:"):].strip()
        elif line.startswith("computed-by:"):
            from .computed import COMPUTED

            computed = line[len("computed-by:"):].strip()
            if computed not in COMPUTED:
                raise StanceGraphError(f"no computed query named '{computed}' (known: {', '.join(sorted(COMPUTED))})",
                                       path=path, place=f"line {number}")
        else:
            description.append(line)
    return NamedQuery(name, path, summary, "\n".join(description).strip(), params, columns, text, computed)


def _directory(directory: str | Path | None) -> Path:
    return Path(directory) if directory is not None else paths.queries_dir()


def load_query(name: str, directory: str | Path | None = None) -> NamedQuery:
    """The named query ``name`` (file ``{directory}/{name}.rq``), header parsed and checked."""
    folder = _directory(directory)
    if not _NAME.match(name or ""):
        raise StanceGraphError(f"invalid query name '{name}' (lower-case letters, digits and '-')")
    path = folder / f"{name}.rq"
    if not path.is_file():
        known = ", ".join(q.stem for q in sorted(folder.glob("*.rq"))) or "none"
        raise StanceGraphError(f"no query named '{name}' (known: {known})", path=folder)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise StanceGraphError(f"cannot read query: {exc}", path=path) from None
    return _parse(path, text)


@lru_cache(maxsize=None)
def package_query(name: str) -> NamedQuery:
    """A query stancegraph runs itself (:data:`PACKAGE_QUERIES`), read and checked once.

    >>> [p.name for p in package_query("export-quotes").params]
    ['a']
    """
    return load_query(name, PACKAGE_QUERIES)


def list_queries(directory: str | Path | None = None) -> list[NamedQuery]:
    """All named queries of the library, sorted by name."""
    return [load_query(p.stem, directory) for p in sorted(_directory(directory).glob("*.rq"))]


def _escape_string(value: str) -> str:
    out = []
    for ch in value:
        code = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\u{code:04X}")
        elif 0xD800 <= code <= 0xDFFF:
            raise ValueError("lone surrogate in text")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def render_term(ptype: str, value: Any) -> str:
    """``value`` written as a SPARQL term of type ``ptype`` (raises ValueError when it is not one)."""
    text = str(value)
    if ptype == "string":
        return _escape_string(text)
    if ptype == "date":
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
            raise ValueError("not a date (YYYY-MM-DD)")
        iso_date(text)  # a real calendar date
        return f'"{text.strip()}"^^<{_XSD}date>'
    if ptype == "integer":
        if not re.fullmatch(r"[+-]?\d+", text.strip()):
            raise ValueError("not an integer")
        return f'"{int(text)}"^^<{_XSD}integer>'
    if ptype in ("iri", "term"):
        m = _PREFIXED.match(text.strip())
        if m:
            return f"<{PREFIXES[m.group(1)]}{m.group(2)}>"
        if ptype == "iri" or _LOOKS_IRI.match(text.strip()):
            iri = text.strip()
            if not _IRI.match(iri):
                raise ValueError("not an absolute IRI")
            return str(ox.NamedNode(iri))  # Oxigraph validates it once more
        return _escape_string(text)
    raise ValueError(f"unknown parameter type '{ptype}'")


def render_query(query: NamedQuery | str, params: Mapping[str, Any] | None = None,
                 directory: str | Path | None = None) -> str:
    """The text of a named query with its parameters bound (for this store or any endpoint)."""
    nq = query if isinstance(query, NamedQuery) else load_query(query, directory)
    given = {k: v for k, v in (params or {}).items() if v is not None and str(v) != ""}
    for key in given:
        if nq.param(key) is None:
            takes = ", ".join(p.name for p in nq.params) or "no parameters"
            raise StanceGraphError(f"unknown parameter '{key}' (this query takes: {takes})", path=nq.path)
    text = nq.text
    for p in nq.params:
        if p.name not in given:
            if p.required:
                raise StanceGraphError(f"missing parameter '{p.name}' ({p.type}): {p.description}", path=nq.path)
            continue
        try:
            term = render_term(p.type, given[p.name])
        except ValueError as exc:
            raise StanceGraphError(f"parameter '{p.name}': {exc}: {str(given[p.name])!r}", path=nq.path) from None
        text = _slot(p.name).sub(lambda _m, t=term, n=p.name: f"VALUES ?{n} {{ {t} }}", text, count=1)
    return text


def typed_params(query: NamedQuery, params: Mapping[str, Any] | None) -> dict[str, Any]:
    """The parameters given, checked as :func:`render_query` checks them, as Python values
    (``integer`` as int, ``date`` as ``datetime.date``, the others as text)."""
    render_query(query, params)  # unknown, missing or malformed values raise here
    out: dict[str, Any] = {}
    for p in query.params:
        value = (params or {}).get(p.name)
        if value is None or str(value) == "":
            continue
        out[p.name] = int(str(value)) if p.type == "integer" else iso_date(str(value).strip()) \
            if p.type == "date" else str(value)
    return out


def answer(store: ox.Store, name: str | NamedQuery, params: Mapping[str, Any] | None = None,
           directory: str | Path | None = None) -> tuple[list[str], list[dict[str, Any]]]:
    """``(columns, rows)`` of named query ``name`` on ``store``: what ``query --name`` prints.

    A query with a ``computed-by`` line is answered by its registered function
    (:mod:`stancegraph.store.computed`), any other by SPARQL. Rows are dicts of plain values
    (see :func:`stancegraph.store.select`); unbound columns are left out of a row.
    """
    from . import query as run_sparql
    from . import term_value

    nq = name if isinstance(name, NamedQuery) else load_query(name, directory)
    try:
        if nq.computed:
            from .computed import COMPUTED

            return COMPUTED[nq.computed](store, typed_params(nq, params))
        result = run_sparql(store, render_query(nq, params), source=str(nq.path))
        names = result.variables
        return names, [{n: term_value(v) for n in names if (v := sol[n]) is not None} for sol in result]
    except StanceGraphError as exc:
        raise StanceGraphError(exc.message, path=nq.path, place=exc.place) from None


def run_named_query(store: ox.Store, name: str | NamedQuery, params: Mapping[str, Any] | None = None,
                    directory: str | Path | None = None) -> list[dict[str, Any]]:
    """Run named query ``name`` (or an already loaded one) on ``store`` (default graph = union of its graphs).

    Rows are dicts of plain values (see :func:`stancegraph.store.select`); unbound columns are
    left out of a row. A ``computed-by`` query is computed (see :func:`answer`).
    """
    return answer(store, name, params, directory)[1]

r'''Readable, deterministic Turtle: prefixes, one block per subject, everything sorted.

The same triples always give the same bytes, whatever order they come in and
whatever the blank nodes were called, so two builds of the same input can be
compared with ``diff`` or reviewed in git:

* ``@prefix`` lines for the prefixes actually used, sorted by name;
* one block per subject, subjects sorted by IRI; ``a`` (``rdf:type``) first,
  then the other predicates sorted by IRI; objects sorted by how they are written;
* a blank node that is the object of exactly one triple is written inline as
  ``[ ... ]`` (no label at all); any other blank node gets a label computed
  from what it says (``_:b`` and a hash), never from the order of parsing;
* literals in their shortest faithful form: bare integers, decimals and
  booleans when the lexical form allows, ``"""..."""`` for text with line breaks.

>>> from rdflib import Graph
>>> g = Graph().parse(data="""
... @prefix ex: <http://example.org/> .
... ex:b ex:q "two\\nlines" ; ex:p 2 .
... ex:a a ex:T ; ex:p [ ex:v true ] .""", format="turtle")
>>> print(turtle_bytes(g, {"ex": "http://example.org/"}).decode())
@prefix ex: <http://example.org/> .
<BLANKLINE>
ex:a a ex:T ;
    ex:p [ ex:v true ] .
<BLANKLINE>
ex:b ex:p 2 ;
    ex:q """two
lines""" .
<BLANKLINE>
'''

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from typing import Any, Iterable, Mapping

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"
_LOCAL = re.compile(r"^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?$")
_INTEGER = re.compile(r"^[+-]?[0-9]+$")
_DECIMAL = re.compile(r"^[+-]?[0-9]*\.[0-9]+$")

# Internal terms: ("I", iri) | ("B", id) | ("L", lexical, language, datatype)
Term = tuple


def _term(t: Any) -> Term:
    """An rdflib or pyoxigraph term as an internal tuple."""
    cls = type(t).__name__
    if cls in ("URIRef", "NamedNode"):
        return ("I", str(t) if cls == "URIRef" else t.value)
    if cls in ("BNode", "BlankNode"):
        return ("B", str(t) if cls == "BNode" else t.value)
    if cls == "Literal":
        if hasattr(t, "value") and not hasattr(t, "toPython"):  # pyoxigraph
            lang = t.language
            dt = t.datatype.value if t.datatype is not None else XSD + "string"
            return ("L", t.value, lang or None, None if lang else dt)
        lang = t.language
        dt = str(t.datatype) if t.datatype is not None else XSD + "string"
        return ("L", str(t), lang.lower() if lang else None, None if lang else dt)
    raise TypeError(f"not an RDF term: {t!r}")


def _escape(text: str, long: bool) -> str:
    text = text.replace("\\", "\\\\").replace('"', '\\"')
    if not long:
        text = text.replace("\n", "\\n")
    text = text.replace("\r", "\\r")
    return "".join(c if c >= " " or c in "\n\t" else f"\\u{ord(c):04X}" for c in text)


class _Writer:
    def __init__(self, triples: Iterable[tuple[Any, Any, Any]], prefixes: Mapping[str, str]) -> None:
        self.by_subject: dict[Term, dict[str, list[Term]]] = defaultdict(lambda: defaultdict(list))
        self.refs: dict[Term, int] = defaultdict(int)
        self.incoming: dict[Term, list[tuple[Term, str]]] = defaultdict(list)
        seen = set()
        for t in triples:
            s, p, o = (t.subject, t.predicate, t.object) if hasattr(t, "subject") else t
            key = (_term(s), _term(p)[1], _term(o))
            if key in seen:
                continue
            seen.add(key)
            self.by_subject[key[0]][key[1]].append(key[2])
            if key[2][0] == "B":
                self.refs[key[2]] += 1
                self.incoming[key[2]].append((key[0], key[1]))
        # longest namespace first, so the most specific prefix wins
        self.prefixes = sorted(((str(ns), name) for name, ns in prefixes.items()), key=lambda x: -len(x[0]))
        self.used: set[str] = set()
        self.labels: dict[Term, str] = {}
        self._digest: dict[Term, str] = {}
        self.forced: set[Term] = set()

    # ---- names
    def iri(self, iri: str) -> str:
        for ns, name in self.prefixes:
            if iri.startswith(ns):
                local = iri[len(ns):]
                if local == "" or _LOCAL.match(local):
                    self.used.add(name)
                    return f"{name}:{local}"
        return "<" + iri.replace(">", "%3E").replace(" ", "%20") + ">"

    def literal(self, t: Term) -> str:
        _, lex, lang, dt = t
        if lang:
            return f'"{_escape(lex, False)}"@{lang}'
        if dt == XSD + "integer" and _INTEGER.match(lex):
            return lex
        if dt == XSD + "decimal" and _DECIMAL.match(lex):
            return lex
        if dt == XSD + "boolean" and lex in ("true", "false"):
            return lex
        long = "\n" in lex
        quoted = f'"""{_escape(lex, True)}"""' if long else f'"{_escape(lex, False)}"'
        return quoted if dt == XSD + "string" else f"{quoted}^^{self.iri(dt)}"

    # ---- blank nodes
    def digest(self, b: Term, stack: frozenset = frozenset()) -> str:
        """A hash of what a blank node says (its triples, nested blank nodes by their hashes)."""
        if b in self._digest:
            return self._digest[b]
        if b in stack:
            return "cycle"
        parts = []
        for p, objs in self.by_subject.get(b, {}).items():
            for o in objs:
                parts.append(p + " " + (self.digest(o, stack | {b}) if o[0] == "B" else repr(o)))
        for s, p in self.incoming.get(b, ()):  # what points at it, for nodes that say little
            if s[0] != "B":
                parts.append("^" + p + " " + repr(s))
        h = hashlib.sha1("\n".join(sorted(parts)).encode("utf-8")).hexdigest()[:16]
        if not stack:
            self._digest[b] = h
        return h

    def inline(self, b: Term) -> bool:
        return self.refs.get(b, 0) == 1 and b not in self.forced

    def _reach(self, todo: list[Term], reached: set[Term]) -> None:
        """Add to ``reached`` every inline blank node reachable from the subjects in ``todo``."""
        while todo:
            s = todo.pop()
            for objs in self.by_subject.get(s, {}).values():
                for o in objs:
                    if o[0] == "B" and self.inline(o) and o not in reached:
                        reached.add(o)
                        todo.append(o)

    def label_blank_nodes(self) -> None:
        # inline nodes only reachable through a cycle of inline nodes get a label instead
        self.forced: set[Term] = set()
        reached: set[Term] = set()
        self._reach([s for s in self.by_subject if not (s[0] == "B" and self.inline(s))], reached)
        for b in sorted((b for b in self.by_subject if b[0] == "B" and self.inline(b) and b not in reached),
                        key=lambda b: self.digest(b)):
            if b not in reached:
                self.forced.add(b)
                self._reach([b], reached)
        named = sorted((b for b in set(self.by_subject) | set(self.refs) if b[0] == "B" and not self.inline(b)),
                       key=lambda b: self.digest(b))
        used: dict[str, int] = defaultdict(int)
        for b in named:
            h = self.digest(b)
            used[h] += 1
            self.labels[b] = f"_:b{h}" + (f"_{used[h]}" if used[h] > 1 else "")

    # ---- writing
    def obj(self, o: Term, depth: int, stack: frozenset) -> str:
        if o[0] == "I":
            return self.iri(o[1])
        if o[0] == "L":
            return self.literal(o)
        if self.inline(o) and o not in stack:
            body = self.body(o, depth + 1, stack | {o})
            return "[ " + body + " ]" if body else "[]"
        return self.labels.get(o) or self.labels.setdefault(o, f"_:b{self.digest(o)}")

    def body(self, s: Term, depth: int, stack: frozenset = frozenset()) -> str:
        preds = self.by_subject.get(s, {})
        order = sorted(preds, key=lambda p: (p != RDF_TYPE, p))
        indent = "    " * (depth + 1)
        lines = []
        for p in order:
            objs = sorted(self.obj(o, depth, stack) for o in preds[p])
            name = "a" if p == RDF_TYPE else self.iri(p)
            one_line = " , ".join(objs)
            long = "\n" in one_line or len(name) + len(one_line) > 100
            sep = " ,\n" + indent + "    " if long and len(objs) > 1 else " , "
            lines.append(f"{name} {sep.join(objs)}")
        if depth and len(lines) <= 3 and all("\n" not in x for x in lines) and sum(map(len, lines)) < 90:
            return " ; ".join(lines)
        return (" ;\n" + indent).join(lines)

    def write(self, header: bool = True) -> bytes:
        self.label_blank_nodes()
        blocks = []
        subjects = [s for s in self.by_subject if not (s[0] == "B" and self.inline(s))]
        keyed = []
        for s in subjects:
            head = self.iri(s[1]) if s[0] == "I" else self.labels[s]
            if s[0] == "B" and self.refs.get(s, 0) == 0:
                head = None  # a blank node nothing points at: written as [ ... ] .
            body = self.body(s, 0)
            text = f"[ {body} ] ." if head is None else f"{head} {body} ."
            keyed.append(((0 if s[0] == "I" else 1, s[1] if s[0] == "I" else text), text))
        blocks = [text for _, text in sorted(keyed)]
        head = "".join(f"@prefix {name}: <{ns}> .\n" for ns, name in
                       sorted(((ns, name) for ns, name in self.prefixes if name in self.used), key=lambda x: x[1]))
        if not header:
            head = ""
        return ((head + "\n" if head else "") + "\n\n".join(blocks) + ("\n" if blocks else "")).encode("utf-8")


def turtle_bytes(triples: Iterable[Any], prefixes: Mapping[str, Any], header: bool = True) -> bytes:
    """Deterministic, readable Turtle of ``triples`` (rdflib or pyoxigraph terms; an rdflib Graph
    and pyoxigraph ``Triple`` objects work).

    ``prefixes`` maps prefix names to namespace IRIs; only those used are declared, unless
    ``header`` is false: then no ``@prefix`` line is written (a chunk of a longer document
    whose header declares them).
    """
    return _Writer(triples, prefixes).write(header)


__all__ = ["project_prefixes", "turtle_bytes"]


def project_prefixes() -> dict[str, str]:
    """The prefixes stancegraph writes Turtle with: the project's one table
    (:data:`stancegraph.namespaces.PREFIXES`)."""
    from .namespaces import prefix_map

    return prefix_map()

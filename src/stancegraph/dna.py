"""Discourse Network Analyzer (DNA 3) files in and out, as ``shared/spec/dna-format.md`` describes them.

Out (:func:`write_dna`): the articles become DNA documents (the article text
unchanged, so a statement's ``Start``/``Stop`` are the graph's offsets), the
actors and the codebook's issues become entities of the ``person``,
``organization`` and ``concept`` variables of the standard ``DNA Statement``
type, and every position-bearing statement (:class:`stancegraph.review.Row`)
becomes a DNA statement over its span, coded by the coder named after the tool
and its version (machine rows) or by the reviewer (reviewed rows). A coder for
the reviewer is always there.

stancegraph adds two tables DNA does not read, so that a file it wrote can be
compared with what it wrote:

* ``STANCEGRAPH_DOCUMENTS(DocumentId, ArticleId, ArticleIri)``;
* ``STANCEGRAPH_BASELINE(StatementId, ...)``: every exported statement's
  values and the IRIs of its statement and position.

Entities carry an ``iri`` attribute (``ATTRIBUTEVARIABLES``/``ATTRIBUTEVALUES``)
so a coder's choice of an existing entity maps back to its actor or issue.

In (:func:`read_review`): for a file stancegraph wrote, the differences against
the baseline become reviews (:mod:`stancegraph.review`): a statement deleted
in DNA is *rejected*; one whose person, organization, concept or agreement
changed is *edited*; a new one is *added*; an untouched one whose ``Coder`` was
changed from the tool's coder to a person is *accepted* (the "mark as
reviewed" convention: in DNA, select the statement and set its coder). A
statement whose span was moved is rejected at the old span and added at the new.

For any other DNA file (:func:`read_handcoded`), documents become articles
and statements gold annotation documents (``shared/spec/annotations.md``).

>>> import tempfile, pathlib, sqlite3
>>> p = pathlib.Path(tempfile.mkdtemp()) / "t.dna"
>>> create_schema(sqlite3.connect(p)).close()
>>> sorted(r[0] for r in sqlite3.connect(p).execute("SELECT Variable FROM VARIABLES"))
['agreement', 'concept', 'organization', 'person']
"""

from __future__ import annotations

import sqlite3
import tempfile
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Iterable

import pyoxigraph as ox

from . import __version__
from .errors import StanceGraphError
from .fileio import write_bytes_atomic
from .review import P, Q_ISSUES, ActorResolver, Review, Row, _select, reviewed_rows

DNA_VERSION = "3.0.7"
TOOL_CODER = f"stancegraph {__version__}"
STATEMENT_TYPE = "DNA Statement"
VARIABLES = (("person", "short text"), ("organization", "short text"), ("concept", "short text"),
             ("agreement", "boolean"))
PERSON_KINDS = {"person", "group", ""}
ORG_KINDS = {"organisation", "organization", "state"}
_PERMISSIONS = ("AddDocuments", "EditDocuments", "DeleteDocuments", "ImportDocuments", "AddStatements",
                "EditStatements", "DeleteStatements", "EditAttributes", "EditRegex", "EditStatementTypes",
                "EditCoders", "EditCoderRelations", "ViewOthersDocuments", "EditOthersDocuments",
                "ViewOthersStatements", "EditOthersStatements")


def _rgb(name: str) -> str:
    return (f"{name} INTEGER NOT NULL DEFAULT 0 CHECK ({name} BETWEEN 0 AND 255)")


def _schema() -> list[str]:
    perms = ", ".join(f"Permission{p} INTEGER NOT NULL DEFAULT 1 CHECK (Permission{p} BETWEEN 0 AND 1)"
                      for p in _PERMISSIONS)
    short = "CHECK (LENGTH({0}) < 191)"
    return [
        "CREATE TABLE SETTINGS(Property TEXT PRIMARY KEY, Value TEXT NOT NULL)",
        f"""CREATE TABLE CODERS(ID INTEGER NOT NULL PRIMARY KEY, Name TEXT NOT NULL {short.format('Name')},
            {_rgb('Red')}, {_rgb('Green')}, {_rgb('Blue')},
            Refresh INTEGER NOT NULL DEFAULT 0 CHECK (Refresh BETWEEN 0 AND 9999),
            FontSize INTEGER NOT NULL DEFAULT 14 CHECK (FontSize BETWEEN 1 AND 99),
            Password TEXT NOT NULL {short.format('Password')},
            PopupWidth INTEGER DEFAULT 300 CHECK (PopupWidth BETWEEN 100 AND 9999),
            ColorByCoder INTEGER NOT NULL DEFAULT 0 CHECK (ColorByCoder BETWEEN 0 AND 1),
            PopupDecoration INTEGER NOT NULL DEFAULT 0 CHECK (PopupDecoration BETWEEN 0 AND 1),
            PopupAutoComplete INTEGER NOT NULL DEFAULT 1 CHECK (PopupAutoComplete BETWEEN 0 AND 1), {perms})""",
        """CREATE TABLE CODERRELATIONS(ID INTEGER NOT NULL PRIMARY KEY, Coder INTEGER CHECK (Coder > 0),
            OtherCoder INTEGER CHECK (OtherCoder > 0),
            viewStatements INTEGER NOT NULL DEFAULT 1 CHECK (viewStatements BETWEEN 0 AND 1),
            editStatements INTEGER NOT NULL DEFAULT 1 CHECK (editStatements BETWEEN 0 AND 1),
            viewDocuments INTEGER NOT NULL DEFAULT 1 CHECK (viewDocuments BETWEEN 0 AND 1),
            editDocuments INTEGER NOT NULL DEFAULT 1 CHECK (editDocuments BETWEEN 0 AND 1),
            CHECK (Coder != OtherCoder),
            FOREIGN KEY(Coder) REFERENCES CODERS(ID) ON DELETE CASCADE,
            FOREIGN KEY(OtherCoder) REFERENCES CODERS(ID) ON DELETE CASCADE)""",
        f"""CREATE TABLE DOCUMENTS(ID INTEGER NOT NULL PRIMARY KEY, Title TEXT NOT NULL {short.format('Title')},
            Text TEXT NOT NULL, Coder INTEGER,
            Author TEXT NOT NULL DEFAULT '' {short.format('Author')},
            Source TEXT NOT NULL DEFAULT '' {short.format('Source')},
            Section TEXT NOT NULL DEFAULT '' {short.format('Section')},
            Notes TEXT NOT NULL DEFAULT '', Type TEXT NOT NULL DEFAULT '' {short.format('Type')},
            Date INTEGER NOT NULL,
            FOREIGN KEY(Coder) REFERENCES CODERS(ID) ON DELETE CASCADE)""",
        f"""CREATE TABLE STATEMENTTYPES(ID INTEGER NOT NULL PRIMARY KEY, Label TEXT NOT NULL {short.format('Label')},
            {_rgb('Red')}, {_rgb('Green')}, {_rgb('Blue')})""",
        f"""CREATE TABLE VARIABLES(ID INTEGER NOT NULL PRIMARY KEY, Variable TEXT NOT NULL {short.format('Variable')},
            DataType TEXT NOT NULL DEFAULT 'short text'
                CHECK (DataType IN ('boolean', 'integer', 'long text', 'short text')),
            StatementTypeId INTEGER,
            UNIQUE (Variable, StatementTypeId),
            FOREIGN KEY(StatementTypeId) REFERENCES STATEMENTTYPES(ID) ON DELETE CASCADE)""",
        f"""CREATE TABLE ENTITIES(ID INTEGER NOT NULL PRIMARY KEY, VariableId INTEGER NOT NULL,
            Value TEXT NOT NULL DEFAULT '' {short.format('Value')},
            Red INTEGER DEFAULT 0 CHECK (Red BETWEEN 0 AND 255), Green INTEGER DEFAULT 0 CHECK (Green BETWEEN 0 AND 255),
            Blue INTEGER DEFAULT 0 CHECK (Blue BETWEEN 0 AND 255), ChildOf INTEGER CHECK (ChildOf > 0),
            UNIQUE (VariableId, Value),
            FOREIGN KEY(ChildOf) REFERENCES ENTITIES(ID) ON DELETE CASCADE,
            FOREIGN KEY(VariableId) REFERENCES VARIABLES(ID) ON DELETE CASCADE)""",
        f"""CREATE TABLE ATTRIBUTEVARIABLES(ID INTEGER NOT NULL PRIMARY KEY, VariableId INTEGER NOT NULL,
            AttributeVariable TEXT NOT NULL {short.format('AttributeVariable')},
            UNIQUE (VariableId, AttributeVariable),
            FOREIGN KEY(VariableId) REFERENCES VARIABLES(ID) ON DELETE CASCADE)""",
        f"""CREATE TABLE ATTRIBUTEVALUES(ID INTEGER NOT NULL PRIMARY KEY, EntityId INTEGER NOT NULL,
            AttributeVariableId INTEGER NOT NULL, AttributeValue TEXT NOT NULL DEFAULT '',
            UNIQUE (EntityId, AttributeVariableId),
            FOREIGN KEY(EntityId) REFERENCES ENTITIES(ID) ON DELETE CASCADE,
            FOREIGN KEY(AttributeVariableId) REFERENCES ATTRIBUTEVARIABLES(ID) ON DELETE CASCADE)""",
        """CREATE TABLE STATEMENTS(ID INTEGER NOT NULL PRIMARY KEY, StatementTypeId INTEGER, DocumentId INTEGER,
            Start INTEGER NOT NULL CHECK (Start >= 0), Stop INTEGER NOT NULL CHECK (Stop >= 0), Coder INTEGER,
            CHECK (Start < Stop),
            FOREIGN KEY(StatementTypeId) REFERENCES STATEMENTTYPES(ID) ON DELETE CASCADE,
            FOREIGN KEY(Coder) REFERENCES CODERS(ID) ON DELETE CASCADE,
            FOREIGN KEY(DocumentId) REFERENCES DOCUMENTS(ID) ON DELETE CASCADE)""",
        """CREATE TABLE DATASHORTTEXT(ID INTEGER NOT NULL PRIMARY KEY, StatementId INTEGER NOT NULL,
            VariableId INTEGER NOT NULL, Entity INTEGER NOT NULL, UNIQUE (StatementId, VariableId),
            FOREIGN KEY(StatementId) REFERENCES STATEMENTS(ID) ON DELETE CASCADE,
            FOREIGN KEY(VariableId) REFERENCES VARIABLES(ID) ON DELETE CASCADE,
            FOREIGN KEY(Entity) REFERENCES ENTITIES(ID) ON DELETE CASCADE)""",
        """CREATE TABLE DATALONGTEXT(ID INTEGER NOT NULL PRIMARY KEY, StatementId INTEGER NOT NULL,
            VariableId INTEGER NOT NULL, Value TEXT DEFAULT '', UNIQUE (StatementId, VariableId),
            FOREIGN KEY(StatementId) REFERENCES STATEMENTS(ID) ON DELETE CASCADE,
            FOREIGN KEY(VariableId) REFERENCES VARIABLES(ID) ON DELETE CASCADE)""",
        """CREATE TABLE DATAINTEGER(ID INTEGER NOT NULL PRIMARY KEY, StatementId INTEGER NOT NULL,
            VariableId INTEGER NOT NULL, Value INTEGER NOT NULL DEFAULT 0, UNIQUE (StatementId, VariableId),
            FOREIGN KEY(StatementId) REFERENCES STATEMENTS(ID) ON DELETE CASCADE,
            FOREIGN KEY(VariableId) REFERENCES VARIABLES(ID) ON DELETE CASCADE)""",
        """CREATE TABLE DATABOOLEAN(ID INTEGER NOT NULL PRIMARY KEY, StatementId INTEGER NOT NULL,
            VariableId INTEGER NOT NULL, Value INTEGER NOT NULL DEFAULT 1 CHECK (Value BETWEEN 0 AND 1),
            UNIQUE (StatementId, VariableId),
            FOREIGN KEY(StatementId) REFERENCES STATEMENTS(ID) ON DELETE CASCADE,
            FOREIGN KEY(VariableId) REFERENCES VARIABLES(ID) ON DELETE CASCADE)""",
        """CREATE TABLE REGEXES(Label TEXT PRIMARY KEY, Red INTEGER NOT NULL DEFAULT 0,
            Green INTEGER NOT NULL DEFAULT 0, Blue INTEGER NOT NULL DEFAULT 0)""",
        """CREATE TABLE STANCEGRAPH_DOCUMENTS(DocumentId INTEGER NOT NULL PRIMARY KEY, ArticleId TEXT NOT NULL,
            ArticleIri TEXT NOT NULL)""",
        """CREATE TABLE STANCEGRAPH_BASELINE(StatementId INTEGER NOT NULL PRIMARY KEY, DocumentId INTEGER NOT NULL,
            Start INTEGER NOT NULL, Stop INTEGER NOT NULL, Person TEXT NOT NULL, Organization TEXT NOT NULL,
            Concept TEXT NOT NULL, Agreement INTEGER NOT NULL, Coder INTEGER NOT NULL,
            HolderIri TEXT NOT NULL, OrganisationIri TEXT, IssueKey TEXT NOT NULL, Stance TEXT NOT NULL,
            StatementIri TEXT, PositionIri TEXT, Status TEXT NOT NULL)""",
    ]


def create_schema(conn: sqlite3.Connection) -> sqlite3.Connection:
    """The DNA tables (and stancegraph's two), the ``DNA Statement`` type and its four variables."""
    for ddl in _schema():
        conn.execute(ddl)
    conn.execute("INSERT INTO STATEMENTTYPES(ID, Label, Red, Green, Blue) VALUES (1, ?, 239, 208, 51)",
                 (STATEMENT_TYPE,))
    for i, (name, dtype) in enumerate(VARIABLES, start=1):
        conn.execute("INSERT INTO VARIABLES(ID, Variable, DataType, StatementTypeId) VALUES (?, ?, ?, 1)",
                     (i, name, dtype))
    conn.commit()
    return conn


def _epoch(day: str | date | None) -> int:
    if not day:
        return 0
    d = day if isinstance(day, date) else date.fromisoformat(str(day)[:10])
    return int(datetime(d.year, d.month, d.day, tzinfo=timezone.utc).timestamp())


def _clip(text: str | None, n: int = 190) -> str:
    t = " ".join((text or "").split())
    return t if len(t) < n else t[: n - 1] + "…"


@dataclass
class DnaExport:
    path: Path
    documents: int
    statements: int
    coders: list[str]
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"wrote {self.path}: DNA {DNA_VERSION} database, {self.documents} documents, "
                f"{self.statements} statements, coders {', '.join(self.coders)}")


Q_DOCS = P + """SELECT ?a ?aid ?text ?date ?title ?outlet ?url ?author WHERE {
  ?a a sg:Article ; sg:articleId ?aid ; nif:isString ?text
  OPTIONAL { ?a schema:datePublished ?date } OPTIONAL { ?a schema:headline ?title }
  OPTIONAL { ?a sg:documentSpeaker ?sp . ?sp skos:prefLabel ?author }
  OPTIONAL { ?a sg:outlet ?outlet } OPTIONAL { ?a schema:url ?url } } ORDER BY ?aid"""


def dna_values(row: Row, actors: ActorResolver) -> tuple[str, str]:
    """(person, organization) of a row: a person or group holder is the person, an organisation
    or state holder the organization; a person's organization is the reviewed one, else their affiliation."""
    kind = actors.kind(row.holder)
    if kind in ORG_KINDS:
        return "", actors.name(row.holder)
    org = row.organisation or actors.affiliation(row.holder)
    return actors.name(row.holder), actors.name(org)


def write_dna(store: ox.Store, out: str | Path, *, reviewer: str = "Reviewer",
              machine_only: bool = False) -> DnaExport:
    """Write the store's coding as a DNA 3 database (atomically: a temporary file, then a rename).

    The reviewed view's rows by default (``machine_only``: the machine's).
    """
    rr = reviewed_rows(store, machine_only=machine_only)
    actors = ActorResolver(store)
    issues = {r["key"]: (r["c"], r.get("label") or r["key"]) for r in _select(store, _Q_ISSUE_LABELS)}
    docs = _select(store, Q_DOCS)
    target = Path(out)
    if target.exists() and target.is_dir():
        raise StanceGraphError("the DNA file would replace a directory", path=target)
    # SQLite writes by file name: build the database in a scratch folder, then write its bytes
    # atomically (fileio's guarantees: a temporary file beside the target, fsync, rename)
    with tempfile.TemporaryDirectory(prefix="stancegraph-dna-") as scratch:
        tmp = Path(scratch) / "corpus.dna"
        conn = create_schema(sqlite3.connect(tmp))
        try:
            coders = _write_contents(conn, rr.rows, docs, actors, issues, reviewer)
            conn.commit()
        finally:
            conn.close()
        write_bytes_atomic(target, tmp.read_bytes())
    return DnaExport(target, len(docs), len(rr.rows), coders, rr.problems)


_Q_ISSUE_LABELS = Q_ISSUES


def _write_contents(conn, rows: list[Row], docs: list[dict], actors: ActorResolver,
                    issues: dict[str, tuple[str, str]], reviewer: str) -> list[str]:
    today = date.today().isoformat()
    conn.executemany("INSERT INTO SETTINGS(Property, Value) VALUES (?, ?)",
                     [("version", DNA_VERSION), ("date", today), ("stancegraph.version", __version__),
                      ("stancegraph.reviewer", reviewer)])
    coder_names = ["Admin", TOOL_CODER, reviewer]
    coder_names += sorted({r.coder for r in rows if r.coder and r.coder not in coder_names})
    colours = [(255, 255, 255), (120, 120, 230), (230, 140, 60), (80, 180, 120), (200, 80, 160)]
    for i, name in enumerate(coder_names, start=1):
        red, green, blue = colours[(i - 1) % len(colours)]
        conn.execute("INSERT INTO CODERS(ID, Name, Red, Green, Blue, Password) VALUES (?, ?, ?, ?, ?, '')",
                     (i, _clip(name), red, green, blue))
    coder_id = {n: i for i, n in enumerate(coder_names, start=1)}
    n = len(coder_names)
    conn.executemany("INSERT INTO CODERRELATIONS(Coder, OtherCoder) VALUES (?, ?)",
                     [(a, b) for a in range(1, n + 1) for b in range(1, n + 1) if a != b])
    doc_id = {}
    for i, d in enumerate(docs, start=1):
        doc_id[d["aid"]] = i
        conn.execute("INSERT INTO DOCUMENTS(ID, Title, Text, Coder, Author, Source, Section, Notes, Type, Date) "
                     "VALUES (?, ?, ?, 2, ?, ?, '', ?, 'news', ?)",
                     (i, _clip(d.get("title") or d["aid"]), d["text"], _clip(d.get("author")), _clip(d.get("outlet")),
                      f"stancegraph article {d['aid']}" + (f" {d['url']}" if d.get("url") else ""),
                      _epoch(d.get("date"))))
        conn.execute("INSERT INTO STANCEGRAPH_DOCUMENTS VALUES (?, ?, ?)", (i, d["aid"], d["a"]))
    # entities: the empty one per short-text variable, every actor, every issue (with an iri attribute)
    entity: dict[tuple[int, str], int] = {}
    attr: dict[int, int] = {}
    for var in (1, 2, 3):
        cur = conn.execute("INSERT INTO ATTRIBUTEVARIABLES(VariableId, AttributeVariable) VALUES (?, 'iri')", (var,))
        attr[var] = cur.lastrowid
        conn.execute("INSERT INTO ATTRIBUTEVARIABLES(VariableId, AttributeVariable) VALUES (?, 'type')", (var,))

    def ent(var: int, value: str, iri: str | None = None, red=0, green=0, blue=0) -> int:
        key = (var, _clip(value))
        if key not in entity:
            cur = conn.execute("INSERT INTO ENTITIES(VariableId, Value, Red, Green, Blue) VALUES (?, ?, ?, ?, ?)",
                               (var, key[1], red, green, blue))
            entity[key] = cur.lastrowid
            if iri:
                conn.execute("INSERT INTO ATTRIBUTEVALUES(EntityId, AttributeVariableId, AttributeValue) "
                             "VALUES (?, ?, ?)", (cur.lastrowid, attr[var], iri))
        return entity[key]

    for var in (1, 2, 3):
        ent(var, "")
    for iri in sorted(actors.names, key=lambda a: (actors.names[a], a)):
        ent(2 if actors.kind(iri) in ORG_KINDS else 1, actors.names[iri], iri)
    for key, (iri, _label) in sorted(issues.items()):
        ent(3, key, iri)
    sid = 0
    for r in rows:
        if r.article not in doc_id:
            continue
        sid += 1
        person, org = dna_values(r, actors)
        coder = coder_id.get(r.coder or "", 2) if r.status != "machine" else 2
        conn.execute("INSERT INTO STATEMENTS(ID, StatementTypeId, DocumentId, Start, Stop, Coder) "
                     "VALUES (?, 1, ?, ?, ?, ?)", (sid, doc_id[r.article], r.begin, r.end, coder))
        vals = {1: ent(1, person, r.holder if person else None), 2: ent(2, org), 3: ent(3, r.issue)}
        conn.executemany("INSERT INTO DATASHORTTEXT(StatementId, VariableId, Entity) VALUES (?, ?, ?)",
                         [(sid, v, e) for v, e in vals.items()])
        agree = 1 if r.stance == "support" else 0
        conn.execute("INSERT INTO DATABOOLEAN(StatementId, VariableId, Value) VALUES (?, 4, ?)", (sid, agree))
        conn.execute("INSERT INTO STANCEGRAPH_BASELINE VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     (sid, doc_id[r.article], r.begin, r.end, _clip(person), _clip(org), r.issue, agree, coder,
                      r.holder, r.organisation, r.issue, r.stance, r.statement, r.position, r.status))
    return coder_names


# ------------------------------------------------------------------- reading ---

@dataclass(frozen=True)
class DnaStatement:
    id: int
    document: int
    start: int
    stop: int
    coder: str
    person: str
    organization: str
    concept: str
    agreement: int | None


@dataclass
class DnaFile:
    """What a DNA file holds, read with plain SQL."""

    path: Path
    documents: dict[int, dict]
    statements: dict[int, DnaStatement]
    coders: dict[int, str]
    settings: dict[str, str]
    iris: dict[tuple[str, str], str]
    article_ids: dict[int, str]
    baseline: dict[int, dict] | None

    @property
    def written_by_stancegraph(self) -> bool:
        return self.baseline is not None


def _connect(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise StanceGraphError("no such DNA file", path=path)
    with open(path, "rb") as fh:
        if fh.read(16) != b"SQLite format 3\x00":
            raise StanceGraphError("not a DNA file (not an SQLite database)", path=path)
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def read_dna(path: str | Path) -> DnaFile:
    """Read documents, ``DNA Statement`` statements with their four variables, coders and settings."""
    p = Path(path)
    conn = _connect(p)
    try:
        tables = {r[0].upper() for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        missing = {"DOCUMENTS", "STATEMENTS", "VARIABLES", "ENTITIES", "DATASHORTTEXT", "STATEMENTTYPES"} - tables
        if missing:
            raise StanceGraphError(f"not a DNA 3 file: no table {', '.join(sorted(missing))}", path=p)
        settings = dict(conn.execute("SELECT Property, Value FROM SETTINGS")) if "SETTINGS" in tables else {}
        coders = dict(conn.execute("SELECT ID, Name FROM CODERS")) if "CODERS" in tables else {}
        docs = {r[0]: {"id": r[0], "title": r[1] or "", "text": r[2] or "", "author": r[3] or "",
                       "source": r[4] or "", "date": r[5]}
                for r in conn.execute("SELECT ID, Title, Text, Author, Source, Date FROM DOCUMENTS")}
        var_col = "VariableId"
        cols = {r[1] for r in conn.execute("PRAGMA table_info(DATASHORTTEXT)")}
        if "VariableId" not in cols:
            raise StanceGraphError("DNA file of an unsupported version (DATASHORTTEXT has no VariableId)", path=p)
        st_type = [r[0] for r in conn.execute("SELECT ID FROM STATEMENTTYPES WHERE Label = ?", (STATEMENT_TYPE,))]
        if not st_type:
            raise StanceGraphError(f"no '{STATEMENT_TYPE}' statement type", path=p)
        short: dict[int, dict[str, str]] = {}
        for sid, var, value in conn.execute(
                f"SELECT d.StatementId, v.Variable, e.Value FROM DATASHORTTEXT d JOIN VARIABLES v ON d.{var_col} = v.ID "
                "JOIN ENTITIES e ON d.Entity = e.ID"):
            short.setdefault(sid, {})[var] = value or ""
        boolean: dict[int, dict[str, int]] = {}
        if "DATABOOLEAN" in tables:
            for sid, var, value in conn.execute(
                    "SELECT d.StatementId, v.Variable, d.Value FROM DATABOOLEAN d JOIN VARIABLES v ON d.VariableId = v.ID"):
                boolean.setdefault(sid, {})[var] = int(value)
        statements = {}
        for sid, doc, start, stop, coder in conn.execute(
                "SELECT ID, DocumentId, Start, Stop, Coder FROM STATEMENTS WHERE StatementTypeId = ? ORDER BY ID",
                (st_type[0],)):
            s = short.get(sid, {})
            statements[sid] = DnaStatement(sid, doc, int(start), int(stop), coders.get(coder, str(coder)),
                                           s.get("person", ""), s.get("organization", ""), s.get("concept", ""),
                                           boolean.get(sid, {}).get("agreement"))
        iris: dict[tuple[str, str], str] = {}
        if {"ATTRIBUTEVARIABLES", "ATTRIBUTEVALUES"} <= tables:
            for var, value, iri in conn.execute(
                    "SELECT v.Variable, e.Value, a.AttributeValue FROM ATTRIBUTEVALUES a "
                    "JOIN ATTRIBUTEVARIABLES av ON a.AttributeVariableId = av.ID "
                    "JOIN ENTITIES e ON a.EntityId = e.ID JOIN VARIABLES v ON e.VariableId = v.ID "
                    "WHERE av.AttributeVariable = 'iri'"):
                iris[(var, value)] = iri
        article_ids, baseline = {}, None
        if {"STANCEGRAPH_DOCUMENTS", "STANCEGRAPH_BASELINE"} <= tables:
            article_ids = dict(conn.execute("SELECT DocumentId, ArticleId FROM STANCEGRAPH_DOCUMENTS"))
            cur = conn.execute("SELECT * FROM STANCEGRAPH_BASELINE")
            names = [c[0] for c in cur.description]
            baseline = {row[0]: dict(zip(names, row)) for row in cur}
    except sqlite3.DatabaseError as exc:
        raise StanceGraphError(f"cannot read DNA file: {exc}", path=p) from None
    finally:
        conn.close()
    return DnaFile(p, docs, statements, coders, settings, iris, article_ids, baseline)


def _concept_key(concept: str, issues: dict[str, str]) -> str | None:
    """A codebook key for a DNA concept: the key itself or an issue's label (case and accents ignored)."""
    from .evaluate import norm

    if concept in issues:
        return concept
    want = norm(concept)
    for key, label in issues.items():
        if want in (norm(key), norm(label)):
            return key
    return None


@dataclass
class ReviewImport:
    reviews: list[Review]
    new_actors: dict[str, tuple[str, str]]
    problems: list[str]

    def counts(self) -> dict[str, int]:
        out = {a: 0 for a in ("rejected", "edited", "added", "accepted")}
        for r in self.reviews:
            out[r.action] += 1
        return out


def read_review(dna: DnaFile, store: ox.Store, *, reviewer: str | None = None,
                time: datetime | None = None) -> ReviewImport:
    """The reviews a coder made in a DNA file stancegraph wrote, against its baseline (see module doc)."""
    if dna.baseline is None:
        raise StanceGraphError("this DNA file was not written by stancegraph (no baseline to compare with); "
                               "use `gold_out` to read it as hand-coded gold", path=dna.path)
    when = time or datetime.now(timezone.utc).replace(microsecond=0)
    default_reviewer = reviewer or dna.settings.get("stancegraph.reviewer") or "Reviewer"
    actors = ActorResolver(store)
    labels = {r["key"]: r.get("label") or r["key"] for r in _select(store, _Q_ISSUE_LABELS)}
    texts = {r["aid"]: r["text"] for r in _select(store, Q_DOCS)}
    known_articles = set(texts)
    problems: list[str] = []
    reviews: list[Review] = []
    where = str(dna.path)
    # offsets only mean something over the text they were taken from: a document whose text was
    # edited in DNA (or whose article changed since the export) gives no reviews at all
    changed_docs = set()
    for did, aid in sorted(dna.article_ids.items()):
        doc = dna.documents.get(did)
        if doc is not None and aid in texts and doc["text"] != texts[aid]:
            changed_docs.add(did)
            problems.append(f"{where}:document {did}: its text is not the text of article {aid} in the graph "
                            "(edited in DNA, or the article changed); its statements are skipped")

    def who(coder: str) -> str:
        return reviewer or (coder if coder and coder != TOOL_CODER else default_reviewer)

    def coded(s: DnaStatement) -> tuple[str, str | None, str, str] | None:
        place = f"statement {s.id}"
        length = len(dna.documents.get(s.document, {}).get("text", ""))
        if not 0 <= s.start < s.stop <= length:
            problems.append(f"{where}:{place}: span {s.start}-{s.stop} is outside its document "
                            f"({length} characters); skipped")
            return None
        if s.person:
            holder = actors.resolve(s.person, "person", dna.iris.get(("person", s.person)))
        elif s.organization:
            holder = actors.resolve(s.organization, "organisation", dna.iris.get(("organization", s.organization)))
        else:
            problems.append(f"{where}:{place}: no person and no organization; skipped")
            return None
        org = None
        if s.person and s.organization:
            org = actors.resolve(s.organization, "organisation", dna.iris.get(("organization", s.organization)))
        key = _concept_key(s.concept, labels)
        if key is None:
            problems.append(f"{where}:{place}: concept '{s.concept}' is not an issue of the codebook; skipped")
            return None
        if s.agreement not in (0, 1):
            problems.append(f"{where}:{place}: no agreement value; skipped")
            return None
        return holder, org, key, "support" if s.agreement == 1 else "oppose"

    def article_of(doc: int, place: str) -> str | None:
        aid = dna.article_ids.get(doc)
        if aid is None or aid not in known_articles:
            problems.append(f"{where}:{place}: document {doc} is not an article of the graph; skipped")
            return None
        return aid

    for sid, base in sorted(dna.baseline.items()):
        aid = dna.article_ids.get(base["DocumentId"])
        if aid is None or base["DocumentId"] in changed_docs:
            continue
        target = dict(article=aid, begin=base["Start"], end=base["Stop"], holder=base["HolderIri"],
                      issue=base["IssueKey"], stance=base["Stance"], statement=base["StatementIri"],
                      position=base["PositionIri"])
        now = dna.statements.get(sid)
        if now is None:
            reviews.append(Review("rejected", reviewer=default_reviewer, time=when, **target))
            continue
        values = coded(now)
        if values is None:
            continue
        holder, org, key, stance = values
        if (now.start, now.stop) != (base["Start"], base["Stop"]):
            reviews.append(Review("rejected", reviewer=who(now.coder), time=when, **target))
            reviews.append(Review("added", aid, now.start, now.stop, new_holder=holder, new_organisation=org,
                                  new_issue=key, new_stance=stance, reviewer=who(now.coder), time=when))
            continue
        changed = ((now.person, now.organization, now.concept, now.agreement) !=
                   (base["Person"], base["Organization"], base["Concept"], base["Agreement"]))
        if changed:
            # a new person does not bring the old one's organisation: the coded one is said explicitly
            new_org = org if (now.organization != base["Organization"] or holder != base["HolderIri"]) else None
            reviews.append(Review(
                "edited", reviewer=who(now.coder), time=when,
                new_holder=holder if holder != base["HolderIri"] else None, new_organisation=new_org,
                new_issue=key if key != base["IssueKey"] else None,
                new_stance=stance if stance != base["Stance"] else None, **target))
        elif now.coder != dna.coders.get(base["Coder"]) and now.coder != TOOL_CODER:
            reviews.append(Review("accepted", reviewer=who(now.coder), time=when, **target))
    for sid, now in sorted(dna.statements.items()):
        if sid in dna.baseline or now.document in changed_docs:
            continue
        aid = article_of(now.document, f"statement {sid}")
        if aid is None:
            continue
        values = coded(now)
        if values is None:
            continue
        holder, org, key, stance = values
        reviews.append(Review("added", aid, now.start, now.stop, new_holder=holder, new_organisation=org,
                              new_issue=key, new_stance=stance, reviewer=who(now.coder), time=when))
    return ReviewImport(reviews, dict(actors.new), problems)


# ------------------------------------------------------------ hand-coded gold ---

@dataclass(frozen=True)
class DnaDocument:
    article_id: str
    title: str
    text: str
    published: date | None
    author: str
    source: str


def document_id(doc: dict) -> str:
    return f"dna-{int(doc['id']):04d}"


def _doc_date(value) -> date | None:
    if value in (None, "", 0):
        return None
    try:
        return datetime.fromtimestamp(int(value), tz=timezone.utc).date()
    except (TypeError, ValueError, OverflowError, OSError):
        return None


def annotations_of(dna: DnaFile, issues: dict[str, str] | None = None) -> tuple[list[DnaDocument], dict[str, dict],
                                                                                list[str]]:
    """Documents and their annotation documents (the spec's format), one per document.

    ``issues``: codebook key -> label, to map concepts to keys (a concept that
    maps to none is kept as it is and reported). Article ids are the ids
    stancegraph gave (a file it wrote) or ``dna-NNNN`` from the document id.
    """
    from .evaluate import norm

    problems: list[str] = []
    docs: list[DnaDocument] = []
    out: dict[str, dict] = {}
    ids: dict[int, str] = {}
    for did, d in sorted(dna.documents.items()):
        aid = dna.article_ids.get(did) or document_id(d)
        ids[did] = aid
        published = _doc_date(d.get("date"))
        docs.append(DnaDocument(aid, d["title"], d["text"], published, d["author"], d["source"]))
        out[aid] = {"article": aid, "published": published.isoformat() if published else None,
                    "actors": [], "quotes": [], "statements": [], "claims": []}
    actors: dict[str, dict[str, dict]] = {aid: {} for aid in out}
    seen: set[tuple] = set()
    for sid, s in sorted(dna.statements.items()):
        aid = ids.get(s.document)
        place = f"{dna.path}:statement {sid}"
        if aid is None:
            problems.append(f"{place}: no such document {s.document}; skipped")
            continue
        speaker = s.person or s.organization
        if not speaker:
            problems.append(f"{place}: no person and no organization; skipped")
            continue
        if s.agreement not in (0, 1):
            problems.append(f"{place}: no agreement value; skipped")
            continue
        text = dna.documents.get(s.document, {}).get("text", "")
        if not 0 <= s.start < s.stop <= len(text):
            problems.append(f"{place}: span {s.start}-{s.stop} is outside its document ({len(text)} characters); "
                            "skipped")
            continue
        key = _concept_key(s.concept, issues) if issues is not None else s.concept
        if key is None:
            problems.append(f"{place}: concept '{s.concept}' is not an issue of the codebook; kept as it is")
            key = s.concept
        entry = actors[aid].setdefault(norm(speaker), {
            "name": speaker, "kind": "person" if s.person else "organisation", "aliases": [],
            "affiliation": s.organization or None if s.person else None})
        if s.person and s.organization and not entry.get("affiliation"):
            entry["affiliation"] = s.organization
        stance = "support" if s.agreement == 1 else "oppose"
        k = (aid, norm(speaker), key, stance)
        if k in seen:
            continue
        seen.add(k)
        out[aid]["statements"].append({"speaker": speaker, "issue": key, "stance": stance,
                                       "evidence": text[s.start:s.stop]})
    for aid, doc in out.items():
        doc["actors"] = sorted(actors[aid].values(), key=lambda a: a["name"])
    return docs, out, problems


def write_articles(docs: Iterable[DnaDocument], out_dir: str | Path) -> list[Path]:
    """One ``.txt`` article per DNA document, with a ``title:``/``published:``/``outlet:``/``speaker:`` header."""
    from .fileio import write_text_atomic

    d = Path(out_dir)
    if d.exists() and not d.is_dir():
        raise StanceGraphError("articles go to a directory, and this is a file", path=d)
    written = []
    for doc in docs:
        header = [f"title: {_clip(doc.title)}"] if doc.title.strip() else []
        if doc.published:
            header.append(f"published: {doc.published.isoformat()}")
        if doc.source.strip():
            header.append(f"outlet: {_clip(doc.source)}")
        if doc.author.strip():  # DNA's Author: the speaker of a first-person document
            header.append(f"speaker: {_clip(doc.author)}")
        text = ("\n".join(header) + "\n---\n" if header else "") + doc.text
        path = d / f"{doc.article_id}.txt"
        write_text_atomic(path, text)
        written.append(path)
    return written


def write_gold(annotations: dict[str, dict], out_dir: str | Path) -> list[Path]:
    import json

    from .fileio import write_text_atomic

    d = Path(out_dir)
    if d.exists() and not d.is_dir():
        raise StanceGraphError("gold annotations go to a directory, and this is a file", path=d)
    written = []
    for aid, doc in sorted(annotations.items()):
        path = d / f"{aid}.json"
        write_text_atomic(path, json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        written.append(path)
    return written

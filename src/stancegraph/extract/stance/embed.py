"""Sentence embeddings that run offline from the files of an installed PyPI package.

The default is ``wordllama`` (a 256-dimensional static token-embedding model whose
weights and tokenizer ship inside its wheel). Its loader looks for the tokenizer in
another folder than the one the 0.4.0.post1 wheel puts it in and then tries the
network; here both files are opened explicitly from the package's own folder, so
nothing is ever downloaded.

>>> emb = load_embedder()
>>> vecs = emb.embed(["the talks made progress", "negotiations advanced", "a cat sat"])
>>> vecs.shape[1], float(vecs[0] @ vecs[1]) > float(vecs[0] @ vecs[2])
(256, True)
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

import numpy as np

from ...errors import StanceGraphError

WORDLLAMA_WEIGHTS = "weights/l2_supercat_256.safetensors"
WORDLLAMA_TOKENIZER = "tokenizers/l2_supercat_tokenizer_config.json"


class WordLlamaEmbedder:
    """Mean-pooled, L2-normalised wordllama embeddings (no network access).

    The weights are memory-mapped from the package's safetensors file as shipped (float16):
    a text reads only the rows of its tokens, made float32 as they are looked up. wordllama's
    own ``WordLlamaInference`` copies the whole matrix to float32 when it loads (a quarter of
    the embedder's start-up) and then computes the same numbers: the same tokenizer settings,
    mean in float32, L2 norm (``tests/test_startup.py`` compares them).
    """

    def __init__(self):
        import importlib.metadata
        import importlib.util

        try:
            from tokenizers import Tokenizer
            spec = importlib.util.find_spec("wordllama")
            version = importlib.metadata.version("wordllama")
        except (ImportError, importlib.metadata.PackageNotFoundError) as exc:  # pragma: no cover
            raise StanceGraphError(f"the embedding model needs wordllama ({exc})") from None
        if spec is None or not spec.submodule_search_locations:  # pragma: no cover - a dependency
            raise StanceGraphError("the embedding model needs wordllama (not installed)")
        root = Path(list(spec.submodule_search_locations)[0]).resolve()
        weights, tok = root / WORDLLAMA_WEIGHTS, root / WORDLLAMA_TOKENIZER
        for f in (weights, tok):
            if not f.is_file():
                raise StanceGraphError("the wordllama package has no model file here (reinstall wordllama 0.4)",
                                       path=str(f))
        self.matrix = safetensors_array(weights, "embedding.weight")
        self.tokenizer = Tokenizer.from_file(str(tok))
        self.tokenizer.no_truncation()
        self.dim = int(self.matrix.shape[1])
        with weights.open("rb") as fh:  # the first MiB identifies the weights (not the whole 16 MB read)
            digest = hashlib.sha256(fh.read(1 << 20)).hexdigest()[:12]
        self.id = f"wordllama-{version}-{self.dim}d-{digest}"

    def embed(self, texts: list[str]) -> np.ndarray:
        """(len(texts), dim) float32: the numbers of ``WordLlamaInference.embed(texts, norm=True)``.

        That call pads every text of a batch to the longest with zero-weighted tokens (summing
        zeros changes no sum) and tokenizes the batch on a thread pool; here each text is
        tokenized and pooled alone, the same sums in the same order, with neither cost."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        tokenizer, table = self.tokenizer, self.matrix
        last = table.shape[0] - 1
        pooled = np.empty((len(texts), self.dim), dtype=np.float32)
        for n, text in enumerate(texts):
            ids = np.array(tokenizer.encode(text, add_special_tokens=False).ids, dtype=np.int32)
            np.clip(ids, 0, last, out=ids)
            pooled[n] = np.sum(table[ids], axis=0, dtype=np.float32) / np.float32(max(len(ids), 1))
        pooled /= np.linalg.norm(pooled, axis=1, keepdims=True)
        return pooled


_SAFETENSORS_DTYPES = {"F16": np.float16, "F32": np.float32, "F64": np.float64}


def safetensors_array(path: Path, name: str) -> np.ndarray:
    """Tensor ``name`` of a safetensors file, memory-mapped read-only (nothing is read until used).

    The format: an 8-byte little-endian header length, a JSON header giving each tensor's
    dtype, shape and byte offsets after the header, then the data.
    """
    import json
    import struct

    try:
        with path.open("rb") as fh:
            (n,) = struct.unpack("<Q", fh.read(8))
            header = json.loads(fh.read(n))
        info = header[name]
        dtype = _SAFETENSORS_DTYPES[info["dtype"]]
        begin, end = info["data_offsets"]
        shape = tuple(int(d) for d in info["shape"])
    except (OSError, ValueError, KeyError, TypeError, struct.error) as exc:
        raise StanceGraphError(f"not a safetensors file with a supported {name!r} ({exc})", path=str(path)) from None
    if end - begin != int(np.prod(shape)) * np.dtype(dtype).itemsize:
        raise StanceGraphError(f"the safetensors tensor {name!r} has {end - begin} bytes, not its shape's",
                               path=str(path))
    return np.memmap(path, dtype=dtype, mode="r", offset=8 + n + begin, shape=shape).view(np.ndarray)


@lru_cache(maxsize=1)
def load_embedder() -> WordLlamaEmbedder:
    """The embedding model (loaded once per process)."""
    return WordLlamaEmbedder()

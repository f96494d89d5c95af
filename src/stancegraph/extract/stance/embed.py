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
    """Mean-pooled, L2-normalised wordllama embeddings (no network access)."""

    def __init__(self):
        try:
            import wordllama
            from safetensors import safe_open
            from tokenizers import Tokenizer
            from wordllama.inference import WordLlamaInference
        except ImportError as exc:  # pragma: no cover - a dependency of the project
            raise StanceGraphError(f"the embedding model needs wordllama ({exc})") from None
        root = Path(wordllama.__file__).resolve().parent
        weights, tok = root / WORDLLAMA_WEIGHTS, root / WORDLLAMA_TOKENIZER
        for f in (weights, tok):
            if not f.is_file():
                raise StanceGraphError("the wordllama package has no model file here (reinstall wordllama 0.4)",
                                       path=str(f))
        with safe_open(str(weights), framework="np", device="cpu") as f:
            matrix = f.get_tensor("embedding.weight")
        self.model = WordLlamaInference(matrix, Tokenizer.from_file(str(tok)))
        self.dim = int(matrix.shape[1])
        with weights.open("rb") as fh:  # the first MiB identifies the weights (not the whole 16 MB read)
            digest = hashlib.sha256(fh.read(1 << 20)).hexdigest()[:12]
        self.id = f"wordllama-{wordllama.__version__ if hasattr(wordllama, '__version__') else '0.4'}-{self.dim}d-{digest}"

    def embed(self, texts: list[str]) -> np.ndarray:
        """(len(texts), dim) float32: the numbers of ``WordLlamaInference.embed(texts, norm=True)``.

        That call pads every text of a batch to the longest with zero-weighted tokens (summing
        zeros changes no sum) and tokenizes the batch on a thread pool; here each text is
        tokenized and pooled alone, the same sums in the same order, with neither cost."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        tokenizer, table = self.model.tokenizer, self.model.embedding
        last = table.shape[0] - 1
        pooled = np.empty((len(texts), self.dim), dtype=np.float32)
        for n, text in enumerate(texts):
            ids = np.array(tokenizer.encode(text, add_special_tokens=False).ids, dtype=np.int32)
            np.clip(ids, 0, last, out=ids)
            pooled[n] = np.sum(table[ids], axis=0, dtype=np.float32) / np.float32(max(len(ids), 1))
        pooled /= np.linalg.norm(pooled, axis=1, keepdims=True)
        return pooled


@lru_cache(maxsize=1)
def load_embedder() -> WordLlamaEmbedder:
    """The embedding model (loaded once per process)."""
    return WordLlamaEmbedder()

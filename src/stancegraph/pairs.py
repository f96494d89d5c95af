"""Pairs of rows that share a group of columns, by sparse products: no loop over pairs.

``X`` is a sparse non-negative ``rows x columns`` matrix (actors x (issue,
stance)) and ``groups`` splits its columns (one group per issue). For each
group ``g`` with columns ``X_g``, the rows ``a < b`` with ``(X_g X_g^T)[a,b] > 0``
share a column of the group (took one same stance on the issue), and with
``opposite=True`` those with ``(X_g J X_g^T)[a,b] > 0`` (``J = 1 - I`` over the
group's columns) hold different columns of it (took different stances).
:func:`group_pairs` returns every such pair once, with the number of groups
and a bitmask of which; :func:`mask_texts` turns the masks into joined names,
one join per distinct mask. The agreement-pairs query
(:mod:`stancegraph.store.computed`) and the networks' edge ``issues``
(:mod:`stancegraph.networks.edges`) are both made this way.

>>> import scipy.sparse as sp
>>> X = sp.csr_array([[1, 0, 1, 0], [1, 0, 0, 1], [0, 1, 0, 1]])
>>> codes, counts, masks = group_pairs(X, [[0, 1], [2, 3]])
>>> [divmod(int(c), 3) for c in codes], counts.tolist()
([(0, 1), (1, 2)], [1, 1])
>>> mask_texts(masks, [("a",), ("b",)], ";")[0]
['a', 'b']
>>> codes, counts, _ = group_pairs(X, [[0, 1], [2, 3]], opposite=True)
>>> [divmod(int(c), 3) for c in codes], counts.tolist()
([(0, 1), (0, 2), (1, 2)], [1, 2, 1])
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

BITS = 63  # bits of one int64 mask word


def _sparse():
    import scipy.sparse as sp  # loaded when pairs are made, not at import (the CLI's start-up)

    return sp


def _codes(W, n: int) -> np.ndarray:
    W = _sparse().coo_array(W)
    keep = (W.row < W.col) & (W.data != 0)
    return W.row[keep].astype(np.int64) * n + W.col[keep].astype(np.int64)


def group_pairs(X, groups: Sequence[Sequence[int]], opposite: bool = False
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Row pairs ``a < b`` sharing (or, ``opposite``, differing on) a column group.

    Returns ``(codes, counts, masks)``: sorted codes ``a * n + b`` (``n`` rows), the number of
    groups each pair has, and an ``int64`` array of shape ``(pairs, words)`` whose bit ``g``
    (word ``g // 63``, bit ``g % 63``) is set when the pair has group ``g``.
    """
    sp = _sparse()
    X = sp.csc_array(X)
    n = X.shape[0]
    words = max(1, (len(groups) + BITS - 1) // BITS)
    parts, part_masks = [], []
    for g, cols in enumerate(groups):
        cols = sorted(cols)
        if opposite and len(cols) < 2:
            continue
        P = sp.csr_array(X[:, cols] > 0, dtype=np.int64)
        if opposite:
            J = sp.csr_array(np.ones((len(cols), len(cols)), dtype=np.int64) - np.eye(len(cols), dtype=np.int64))
            codes = _codes((P @ J) @ P.T, n)
        else:
            codes = _codes(P @ P.T, n)
        mask = np.zeros(words, dtype=np.int64)
        mask[g // BITS] = np.int64(1) << np.int64(g % BITS)
        parts.append(codes)
        part_masks.append(np.broadcast_to(mask, (len(codes), words)))
    codes = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
    if not codes.size:
        return codes, np.zeros(0, dtype=np.int64), np.zeros((0, words), dtype=np.int64)
    order = np.argsort(codes)
    codes = codes[order]
    masks = np.concatenate(part_masks)[order]
    start = np.flatnonzero(np.concatenate([[True], codes[1:] != codes[:-1]]))
    counts = np.diff(np.append(start, len(codes)))
    return codes[start], counts, np.bitwise_or.reduceat(masks, start, axis=0)


def mask_texts(masks: np.ndarray, names: Sequence[Sequence[str]], sep: str) -> tuple[list[str], np.ndarray]:
    """``(texts, index)``: for each distinct mask the sorted, distinct names of its groups joined
    with ``sep`` (``names[g]``: the names of group ``g``), and each row's index into ``texts``."""
    if masks.shape[1] == 1:
        unique, index = np.unique(masks[:, 0], return_inverse=True)
        unique = unique[:, None]
    else:
        unique, index = np.unique(masks, axis=0, return_inverse=True)
    texts = []
    for m in unique:
        chosen = {name for w, word in enumerate(m.tolist()) for b in range(BITS) if (word >> b) & 1
                  for name in names[w * BITS + b]}
        texts.append(sep.join(sorted(chosen)))
    return texts, np.asarray(index).ravel()


def locate(codes: np.ndarray, wanted: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(found, at)``: which of ``wanted`` are in the sorted ``codes``, and where."""
    if not codes.size or not wanted.size:
        return np.zeros(len(wanted), dtype=bool), np.zeros(len(wanted), dtype=np.int64)
    at = np.minimum(np.searchsorted(codes, wanted), len(codes) - 1)
    return codes[at] == wanted, at

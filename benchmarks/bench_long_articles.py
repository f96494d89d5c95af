"""Benchmark: extraction time per character as one article grows (10 KB, 100 KB, 1 MB).

The article is the bundled seed articles' bodies repeated, paragraph after paragraph, up to each
size; each size is extracted once with the same Extractor (model loaded and warmed up first) and
timed in CPU seconds (``time.process_time``). Linear time means a flat time per character: the
last line prints the ratio of the largest size's time per character to the smallest's (about 1
when linear; it was over 10 between 64 KB and 880 KB when sentence entity look-ups and antecedent
look-ups walked the whole document). Articles over ``CHUNK_CHARS`` (100,000) are parsed in pieces,
so the 1 MB article, over spaCy's 1,000,000-character limit once its header is counted, is read
too. Not a test. Run: ``.venv/bin/python benchmarks/bench_long_articles.py [--sizes 10000,100000,1000000]``
(about a minute of CPU at the default sizes).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def long_text(bodies: list[str], size: int) -> str:
    parts, total, n = [], 0, 0
    while total < size:
        part = bodies[n % len(bodies)].strip() + "\n\n"
        parts.append(part)
        total += len(part)
        n += 1
    return "".join(parts)[:size]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="10000,100000,1000000", help="comma-separated sizes in characters")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    from stancegraph.extract import Extractor
    from stancegraph.ingest import parse_text, read_txt
    from stancegraph.knowledge import load_resources

    seeds = [read_txt(p) for p in sorted((ROOT / "data" / "articles").glob("*.txt"))]
    bodies = [a.text[a.body_start:] for a in seeds]
    ex = Extractor(load_resources())
    ex.extract(parse_text("warm-up", long_text(bodies, 3000)))
    per_char = []
    print(f"{'size':>10}  {'CPU s':>8}  {'µs/char':>8}  {'statements':>10}")
    for size in sizes:
        art = parse_text(f"long-{size}", "published: 2022-04-07\n---\n" + long_text(bodies, size))
        t0 = time.process_time()
        result = ex.extract(art)
        cpu = time.process_time() - t0
        per_char.append(cpu / size * 1e6)
        print(f"{size:>10}  {cpu:>8.2f}  {per_char[-1]:>8.1f}  {len(result.statements):>10}")
    if len(per_char) > 1:
        print(f"time per character, {sizes[-1]} vs {sizes[0]} characters: x{per_char[-1] / per_char[0]:.2f}")


if __name__ == "__main__":
    main()

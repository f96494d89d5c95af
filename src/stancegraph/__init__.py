"""stancegraph: news articles to a knowledge graph of actors and their positions.

Pipeline stages, one module or package each:
ingest -> extract -> graph -> validate -> store/query -> networks -> export.
"""

__version__ = "0.1.0"

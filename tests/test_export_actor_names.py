"""The annotation export names each actor once per article (issue 13, actors F1).

Actors minted from their words have IRIs made from the words, so two articles that write one
unnamed actor with other capitals ("Westland Harbour Board spokesperson", "Westland harbour board
spokesperson") give that IRI a label from each. An article's document lists it once, and its quotes
and positions carry that one name once each, not once per label.
"""

from __future__ import annotations


def test_an_actor_with_a_label_from_each_of_two_articles_is_one_speaker_per_quote(tmp_path):
    from stancegraph.export import annotations
    from stancegraph.pipeline import build
    from stancegraph.store import load_file

    a = tmp_path / "a.txt"
    a.write_text('date: 2025-05-02\n---\nA spokesperson for the Westland Harbour Board said the port was '
                 '"closed for the winter".\n', encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text('date: 2025-05-02\n---\nA Westland harbour board spokesperson said the port was '
                 '"open again".\n', encoding="utf-8")
    build([a, b], tmp_path / "g.ttl")
    docs = {d["article"]: d for d in annotations(load_file(tmp_path / "g.ttl"))}
    for aid, words in (("a", "closed for the winter"), ("b", "open again")):
        doc = docs[aid]
        names = [x["name"] for x in doc["actors"]]
        assert len(names) == 1 and names[0].lower() == "westland harbour board spokesperson", doc["actors"]
        assert doc["quotes"] == [{"speaker": names[0], "text": words}], doc["quotes"]

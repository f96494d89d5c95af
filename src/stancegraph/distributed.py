"""placeholder"""
def partition_items(outputs):
    return [(o.article_id, "", o.triples, o.input_hash) for o in outputs]

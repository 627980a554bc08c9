import numpy as np

from news60.script.embeddings import embed


def test_embeddings_are_unit_vectors_that_rank_paraphrases_closest():
    vectors = embed(
        [
            "The cat sat on the mat.",
            "A kitten was sitting on the rug.",
            "Share prices fell sharply on Wall Street.",
        ]
    )
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    similarity = vectors @ vectors.T
    assert similarity[0, 1] > similarity[0, 2] + 0.2


def test_embeddings_batch_consistently_and_accept_empty_input():
    texts = [f"Sentence number {i} about the weather in town." for i in range(40)]
    batched = embed(texts)
    alone = embed(texts[35:36])
    assert batched.shape == (40, 384)
    assert np.allclose(batched[35], alone[0], atol=1e-4)
    assert embed([]).shape == (0, 384)

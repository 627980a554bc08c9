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


TEXTS = [
    "The council approved the new bridge on Monday after a long debate.",
    "Work starts in spring, officials said.",
    "“We are delighted,” said Mayor Jo Bloggs, 54, of the 2.3-million-euro plan.",
    "Ünïcödé, emoji 🚀 and a very long sentence " + "that goes on " * 150,
]


def test_the_onnx_encoder_gives_transformers_own_vectors():
    """The graph written from the weights is the model: BERT through transformers, mean-pooled."""
    import torch
    from transformers import BertModel, BertTokenizerFast

    from news60.script.minilm import MAX_TOKENS, load_encoder, model_folder

    tokenizer = BertTokenizerFast.from_pretrained(model_folder(), local_files_only=True)
    model = BertModel.from_pretrained(model_folder(), local_files_only=True).eval()
    encoded = tokenizer(
        TEXTS, padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="pt"
    )
    with torch.inference_mode():
        states = model(**encoded).last_hidden_state
    mask = encoded["attention_mask"].unsqueeze(-1).float()
    expected = torch.nn.functional.normalize((states * mask).sum(1) / mask.sum(1), dim=1).numpy()
    vectors = load_encoder(threads=1).encode(TEXTS)
    assert vectors.shape == (len(TEXTS), 384)
    assert np.abs(vectors - expected).max() < 1e-5


def test_vectors_come_back_from_the_cache_without_loading_the_model(tmp_path, monkeypatch):
    from news60.script import embeddings

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    embeddings.encoder.cache_clear()
    first = embed(TEXTS[:3])
    assert embeddings.model_loaded()
    embeddings.encoder.cache_clear()
    again = embed([TEXTS[2], TEXTS[0]])
    assert not embeddings.model_loaded()
    assert np.array_equal(again, first[[2, 0]])


def test_a_damaged_cache_entry_is_computed_again(tmp_path, monkeypatch, caplog):
    from news60.script import embeddings

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first = embed(TEXTS[:1])
    (entry,) = (tmp_path / "news60" / "embeddings").rglob("*.npy")
    entry.write_bytes(entry.read_bytes()[:40])
    assert np.array_equal(embed(TEXTS[:1]), first)
    assert "damaged" in caplog.text
    assert np.array_equal(np.load(entry), first[0])
    assert embeddings.model_loaded()


def test_the_models_are_let_go_before_the_render_and_load_again_when_needed(tmp_path, monkeypatch):
    from news60.pipeline import release_models
    from news60.script import embeddings
    from news60.settings import VoiceSettings
    from news60.speech import piper_voice
    from news60.speech.voices import get_voice

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first = embed(TEXTS[:1])
    spoken = get_voice(VoiceSettings()).speak("Rain is coming.")
    assert embeddings.model_loaded() and piper_voice._load.cache_info().currsize == 1
    release_models()
    assert not embeddings.model_loaded() and piper_voice._load.cache_info().currsize == 0
    loads = embeddings.model_loads()
    assert np.array_equal(embed(TEXTS[1:2]), embed_fresh(TEXTS[1:2]))
    assert embeddings.model_loads() == loads + 1
    assert np.array_equal(
        get_voice(VoiceSettings()).speak("Rain is coming.").samples, spoken.samples
    )
    assert np.array_equal(embed(TEXTS[:1]), first)


def embed_fresh(texts: list[str]) -> np.ndarray:
    """The vectors computed by the loaded model, not read from the cache."""
    from news60.script import embeddings

    return embeddings.encoder().encode(texts)

"""Abstractive scripts from a local transformers model (seq2seq or causal), given by path."""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from news60.errors import ScriptError
from news60.models import Article
from news60.script.summarisers.picks import Pick, picks_from_script
from news60.script.summarisers.prompt import clean_output, render_prompt

_DEFAULT_CONTEXT = 1024  # tokens, when the model does not say


@dataclass(frozen=True)
class LocalModel:
    """A transformers model by local path (or hub name, when online) that writes the script."""

    model: str

    def summarise(
        self, article: Article, max_words: int | None, sentences: int | None
    ) -> list[Pick]:
        """Prompt the model with the article and split what it writes into picks."""
        tokenizer, model = _load(self.model)
        new_tokens = min(512, int((max_words or (sentences or 7) * 20) * 1.6) + 16)
        prompt = _fitted_prompt(article, max_words, sentences, tokenizer, model, new_tokens)
        return picks_from_script(clean_output(_generate(prompt, tokenizer, model, new_tokens)))


def _fitted_prompt(
    article: Article,
    max_words: int | None,
    sentences: int | None,
    tokenizer: Any,
    model: Any,
    new_tokens: int,
) -> str:
    """Render the prompt, cutting the article short until it fits the model's context."""
    budget = _context(model) - new_tokens - 8
    paragraphs = article.paragraphs
    while True:
        trimmed = Article(title=article.title, paragraphs=paragraphs, standfirst=article.standfirst)
        prompt = _as_chat(render_prompt(trimmed, max_words, sentences), tokenizer, model)
        words = " ".join(paragraphs).split()
        if len(tokenizer(prompt)["input_ids"]) <= budget or len(words) < 20:
            return prompt
        paragraphs = (" ".join(words[: len(words) * 2 // 3]),)


def _as_chat(prompt: str, tokenizer: Any, model: Any) -> str:
    """Wrap the prompt in the model's chat template when it is an instruct model."""
    if model.config.is_encoder_decoder or not getattr(tokenizer, "chat_template", None):
        return prompt
    messages = [{"role": "user", "content": prompt}]
    chat: str = tokenizer.apply_chat_template(messages, add_generation_prompt=True, tokenize=False)
    return chat


def _generate(prompt: str, tokenizer: Any, model: Any, new_tokens: int) -> str:
    import torch

    inputs = tokenizer(prompt, return_tensors="pt")
    room = _context(model) - new_tokens - 8
    if not model.config.is_encoder_decoder and inputs["input_ids"].shape[1] > room > 0:
        # A context too small even for the instructions: keep the end, where "Narration:" cues it.
        inputs = {name: value[:, -room:] for name, value in inputs.items()}
    pad = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else tokenizer.eos_token_id
    with torch.inference_mode():
        output = model.generate(
            **inputs,
            max_new_tokens=new_tokens,
            do_sample=False,
            repetition_penalty=1.1,
            pad_token_id=pad,
        )
    if not model.config.is_encoder_decoder:
        output = output[:, inputs["input_ids"].shape[1] :]  # keep only what the model wrote
    written: str = tokenizer.decode(output[0], skip_special_tokens=True)
    return written


def _context(model: Any) -> int:
    config = model.config
    for name in ("max_position_embeddings", "n_positions", "n_ctx"):
        value = getattr(config, name, None)
        if isinstance(value, int) and value > 0:
            return value
    return _DEFAULT_CONTEXT


@functools.cache
def _load(name: str) -> tuple[Any, Any]:
    """Load tokenizer and model once per process: seq2seq when the config says so, else causal."""
    from transformers import (
        AutoConfig,
        AutoModelForCausalLM,
        AutoModelForSeq2SeqLM,
        AutoTokenizer,
    )

    local = {"local_files_only": True} if Path(name).expanduser().exists() else {}
    try:
        with loading_quietly():
            config = AutoConfig.from_pretrained(name, **local)
            kind = AutoModelForSeq2SeqLM if config.is_encoder_decoder else AutoModelForCausalLM
            tokenizer = AutoTokenizer.from_pretrained(name, **local)
            model = kind.from_pretrained(name, **local)
    except (OSError, ValueError) as exc:
        raise ScriptError(
            f"the summarisation model {name!r} could not be loaded ({exc}); offline, give a "
            "local folder: --summariser transformers:/path/to/model"
        ) from None
    model.eval()
    return tokenizer, model


@contextlib.contextmanager
def loading_quietly() -> Iterator[None]:
    """Hide transformers' loading progress bars: the library never writes to the terminal."""
    from transformers.utils import logging as hf_logging

    shown = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()
    try:
        yield
    finally:
        if shown:
            hf_logging.enable_progress_bar()

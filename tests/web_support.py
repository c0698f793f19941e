"""What the web tests and ``docs/screenshots.py`` share: a small corpus, the real server in
a subprocess, and Debian's chromium driven by Playwright."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

import nutgraf
from nutgraf.corpus.ingest import content_hash, ingest, signature
from nutgraf.corpus.store import SQLiteStore, StoredArticle
from tests.support import SEED, SHARED

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip
# Five PolNeAR articles naming Hillary Clinton over three months, and one undated BBC story
# (read twice: its exact copy is another record of the same article).
ARTICLES = {
    "polnear-train": [
        "breitbart_2015-11-19_hillary-clinton-calls-on-u-s-to-",
        "breitbart_2015-12-07_clinton-camp-trump-s-islamaphobi",
        "breitbart_2015-12-13_poll-finds-clinton-would-beat-ou",
        "breitbart_2016-01-23_poll-donald-trump-ties-hillary-c",
        "breitbart_2016-01-31_issa-hillary-clinton-s-honesty-i",
    ],
    "bbc": ["bbc-business-001"],
}
# Hostile text: markup in the title, the quotes, the speaker's words and the body. A tag in
# the body, a script in a quote; no second tag that would make it look like an HTML page.
PWN = "window.__pwned = true"
HOSTILE_TITLE = f"<script>{PWN}</script><b>Shelter</b> vote"
HOSTILE_TEXT = (
    f'Mayor Alice Smith<img src=x onerror="{PWN}"> said on Tuesday that the city would open a '
    f'shelter. "<script>{PWN}</script> We will not wait <i>any longer</i>," Smith said. The '
    "shelter will cost $12 million, officials said. Smith met leaders of Acme Corp in Riverton."
)
HOSTILE_NAME = f'<svg onload="{PWN}">Alice Smith</svg>'


def read_records(name: str, ids: list[str]) -> list[dict[str, Any]]:
    wanted = set(ids)
    with (SHARED / "corpus" / name / "articles.jsonl").open(encoding="utf-8") as lines:
        return [record for line in lines if (record := json.loads(line))["id"] in wanted]


def build_corpus(db: Path, folder: Path) -> None:
    """A few real articles and the seed article through ingest, and the hostile article."""
    records = [r for name, ids in ARTICLES.items() for r in read_records(name, ids)]
    records.append({**records[-1], "id": f"{records[-1]['id']}-copy", "source": "Wire"})
    source = folder / "articles.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    store = SQLiteStore(db)
    ingest([source, SEED], store)
    add_hostile_article(store)
    store.close()


def add_hostile_article(store: SQLiteStore) -> None:
    """The hostile text extracted, with markup in its person's name too (a tagger rarely takes
    a tag into a name, so it is put there by hand), stored as ingest stores an article."""
    article = nutgraf.extract(HOSTILE_TEXT, published="2016-01-12")
    entities = [
        dataclasses.replace(e, name=HOSTILE_NAME) if e.type == "PERSON" else e
        for e in article.entities
    ]
    stored = StoredArticle(
        hash=content_hash(HOSTILE_TEXT),
        location="hostile",
        article=dataclasses.replace(article, entities=entities),
        minhash=np.asarray(signature(article.body).hashvalues, dtype=np.uint64).tobytes(),
        title=HOSTILE_TITLE,
        url="javascript:alert(1)",
    )
    store.add([stored], [])


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def running_server(db: Path) -> Iterator[str]:
    """``nutgraf serve`` in a subprocess on a free port; yields its base URL."""
    port = free_port()
    command = [sys.executable, "-m", "nutgraf", "serve", "--db", str(db), "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/quotes?limit=1", timeout=5):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    output = server.stdout.read().decode() if server.stdout else ""
                    raise RuntimeError(f"the server did not start:\n{output}") from None
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def launch_chromium(playwright: Any) -> Any:
    """Debian's chromium, headless; Playwright's own browser downloads are never used."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)

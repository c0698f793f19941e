"""The fast pipeline against the stock one on corpus articles: ``python bench/fastpipe_check.py``.

``nutgraf.fastpipe`` replaces spaCy's ``attribute_ruler`` and ``lemmatizer`` by faster exact
equivalents. This parses the same clean bodies with the stock model and with nutgraf's, and
counts the articles whose tokens differ in any of tag, POS, morph, lemma or dependency label,
and those whose ``Article.to_dict()`` differs. It prints the counts and the first differences;
the exit status is non-zero when anything differs. (A check, not a test: it reads the shared
corpus and takes minutes.)
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from spacy.tokens import Doc

from benchmark import BATCH_SIZE, corpus
from nutgraf.errors import InputError
from nutgraf.nlp import load_model, load_stock_model
from nutgraf.pipeline import analyse, prepare
from nutgraf.records import CleanArticle


def token_attributes(doc: Doc) -> list[tuple[str, str, str, str, str]]:
    return [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    started = time.perf_counter()
    articles: list[CleanArticle] = []
    for text, published in corpus(args.articles):
        try:
            articles.append(prepare(text, published))
        except InputError:
            continue
    bodies = [a.body for a in articles]
    fast, stock = load_model(), load_stock_model()
    token_differences = fact_differences = 0
    fast_docs = fast.pipe(bodies, batch_size=BATCH_SIZE)
    stock_docs = stock.pipe(bodies, batch_size=BATCH_SIZE)
    checked = zip(articles, fast_docs, stock_docs, strict=True)
    for done, (article, fast_doc, stock_doc) in enumerate(checked, start=1):
        if token_attributes(fast_doc) != token_attributes(stock_doc):
            token_differences += 1
            changed = [
                (t.i, t.text, a, b)
                for t, a, b in zip(
                    fast_doc, token_attributes(fast_doc), token_attributes(stock_doc), strict=True
                )
                if a != b
            ]
            print(f"tokens differ in article {done}: {changed[:3]}")
        facts = json.dumps(analyse(article, fast_doc).to_dict(), sort_keys=True)
        if facts != json.dumps(analyse(article, stock_doc).to_dict(), sort_keys=True):
            fact_differences += 1
            print(f"facts differ in article {done}")
        if done % 250 == 0:
            print(f"{done} articles checked", flush=True)
    print(
        f"{len(articles)} articles ({args.articles} read, the rest refused as input): "
        f"tokens differ in {token_differences}, Article.to_dict() differs in "
        f"{fact_differences} ({time.perf_counter() - started:.0f} s)"
    )
    sys.exit(1 if token_differences or fact_differences else 0)


if __name__ == "__main__":
    main()

"""nutgraf: news articles in, structured and verifiable facts out.

>>> import nutgraf
>>> article = nutgraf.extract(text, published="2006-06-20")
>>> article.to_dict()  # the JSON contract, every fact with offsets into article.body
"""

from nutgraf.errors import InputError
from nutgraf.pipeline import extract, extract_each, extract_many
from nutgraf.records import Amount, Article, DateMention, Entity, Mention, Quote, SummarySentence

__all__ = [
    "Amount",
    "Article",
    "DateMention",
    "Entity",
    "InputError",
    "Mention",
    "Quote",
    "SummarySentence",
    "extract",
    "extract_each",
    "extract_many",
]

"""Themes: topic labels for the article, each with the words that triggered it.

A short taxonomy in the spirit of GDELT's themes: a theme is given when at least
``MIN_TRIGGERS`` of its words (by lemma) occur in the body; its score is how many do.

| theme | what | example triggers |
| --- | --- | --- |
| MILITARY | armed forces and operations | troops, soldier, army, deployment |
| DIPLOMACY | relations between states | ambassador, summit, embassy, treaty |
| TERRORISM | terrorism and militancy | militant, terrorist, hostage, bombing |
| CONFLICT | war and armed violence | war, attack, fighting, killed |
| ECONOMY | economy, business, markets | economy, market, profit, inflation |
| ELECTION | elections and campaigns | election, vote, ballot, candidate |
| POLITICS | government and legislation | parliament, legislation, minister, senate |
| CRIME | crime and policing | police, arrest, murder, court |
| HEALTH | health and medicine | hospital, disease, virus, patient |
| TECHNOLOGY | technology and the internet | software, internet, computer, phone |
| ENVIRONMENT | climate, energy, nature | climate, emission, pollution, flood |
| SPORT | sport | match, goal, coach, championship |
| ENTERTAINMENT | film, music, television | film, album, actor, concert |
"""

from __future__ import annotations

from spacy.tokens import Doc

from nutgraf.extractors.base import Extractor
from nutgraf.lexicon import grouped, setting
from nutgraf.records import Mention, Theme

MIN_TRIGGERS: int = setting("themes", "min_triggers")
TAXONOMY = dict(sorted(grouped("words", "theme").items()))


def extract(doc: Doc) -> list[Theme]:
    """Themes with at least two trigger words, strongest first."""
    triggers: dict[str, list[Mention]] = {theme: [] for theme in TAXONOMY}
    for token in doc:
        if not token.is_alpha or token.pos_ not in {"NOUN", "VERB", "ADJ", "PROPN"}:
            continue
        lemma = token.lemma_.lower()
        for theme, words in TAXONOMY.items():
            if lemma in words or token.lower_ in words:
                triggers[theme].append(Mention(token.idx, token.idx + len(token), token.text))
    themes = [
        Theme(t, len(found), found) for t, found in triggers.items() if len(found) >= MIN_TRIGGERS
    ]
    return sorted(themes, key=lambda theme: (-theme.score, theme.theme))


EXTRACTOR = Extractor("themes", lambda context: extract(context.doc))

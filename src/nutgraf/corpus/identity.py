"""Which article entities are one corpus entity: the same canonical name and type.

An article already joins "Koizumi" to "Junichiro Koizumi"; across articles, the canonical
names meet here. Places and organisations go through the same alias keys as within an
article ("U.S." and "the United States" are one country).
"""

from __future__ import annotations

from nutgraf.extractors.entities import name_key


def corpus_key(name: str, entity_type: str) -> str:
    """The key that one real-world entity has in every article that names it."""
    if entity_type == "PERSON":
        return "person:" + " ".join(name.lower().split())
    return f"{entity_type.lower()}:{name_key(name, entity_type)}"

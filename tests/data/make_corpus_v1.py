"""Write ``corpus_v1.sql``: a corpus made by nutgraf's first release (schema version 1, before
the records and article_entities tables), as SQL, for the migration test.

Run it with the first release's code on the path, from the repository root:

    git archive 9b0169e src | tar -x -C /tmp/v1
    PYTHONPATH=/tmp/v1/src python tests/data/make_corpus_v1.py

The articles are written for it (no text from elsewhere): two people, one only by surname in
the second article, and an exact copy under another id (which that release did not keep).
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from pathlib import Path

from nutgraf.corpus.ingest import ingest
from nutgraf.corpus.store import SQLiteStore

HERE = Path(__file__).parent
RECORDS = [
    {"id": "v1-a", "published": "2024-03-05", "source": "Gazette", "desk": "city",
     "text": "Mayor Alma Reyes said on Tuesday that the city would open two new libraries. "
     '"Every child deserves a quiet place to read," Reyes said. The plan will cost $4 million.'},
    {"id": "v1-b", "published": "2024-04-09", "source": "Herald",
     "text": "Reyes met Governor Tom Okafor in Portvale on Friday. Okafor said the state would "
     'pay half of the cost. "We will share the bill," Okafor said.'},
    {"id": "v1-a-copy", "published": "2024-03-05", "source": "Wire",
     "text": "Mayor Alma Reyes said on Tuesday that the city would open two new libraries. "
     '"Every child deserves a quiet place to read," Reyes said. The plan will cost $4 million.'},
]  # fmt: skip


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "v1.jsonl"
        source.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
        db = Path(folder) / "v1.db"
        store = SQLiteStore(db)
        ingest([source], store)
        store.close()
        with sqlite3.connect(db) as connection:
            fts = connection.execute(
                "SELECT sql FROM sqlite_master WHERE name = 'articles_fts'"
            ).fetchone()[0]
            # A dump cannot restore an FTS5 table: it is made again and rebuilt from articles.
            lines = [
                line for line in connection.iterdump()
                if "articles_fts" not in line and "writable_schema" not in line
            ]  # fmt: skip
    lines[-1:-1] = [f"{fts};", "INSERT INTO articles_fts(articles_fts) VALUES('rebuild');"]
    dump = "\n".join(lines).replace(folder, "/data")
    (HERE / "corpus_v1.sql").write_text(dump + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

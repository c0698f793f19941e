"""The web application over a corpus: server-rendered pages and a JSON API (``nutgraf serve``)."""

from nutgraf.web.app import create_app

__all__ = ["create_app"]

"""One router per area: the JSON API (articles, search, entities, quotes, extract) and the
HTML pages."""

"""The one exception nutgraf raises for input it cannot read as an English news article."""


class InputError(ValueError):
    """Input that is empty, binary, undecodable, too large or not English.

    The message is one line meant for the person who gave the input.
    """


class ExtractionFailed(InputError):
    """A record that read well but met a defect in an extractor: set aside with its reason in a
    corpus run, so that one bad record never stops the others."""

"""The one exception nutgraf raises for input it cannot read as an English news article."""


class InputError(ValueError):
    """Input that is empty, binary, undecodable, too large or not English.

    The message is one line meant for the person who gave the input.
    """

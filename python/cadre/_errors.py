"""The exception a malformed gazetteer raises."""


class GazetteerError(ValueError):
    """A gazetteer file has a malformed line.

    ``file`` is the file as given, ``line`` the 1-based line number, ``reason`` what is wrong with it; ``str(err)``
    is ``file:line: reason``.
    """

    def __init__(self, message: str, file: str, line: int, reason: str) -> None:
        super().__init__(message)
        self.file = file
        self.line = line
        self.reason = reason

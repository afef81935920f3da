"""Exceptions raised by factcheck.

Every error is a :class:`FactcheckError` and also the builtin it resembles, so
callers may catch either::

    FactcheckError
    ├── InputError (ValueError)          bad input: a file, a record, an option value
    │   └── DocumentError                one document could not be read; names the file
    └── ConfigError (ValueError)         a setting that cannot be used
"""

from __future__ import annotations


class FactcheckError(Exception):
    """Base of every factcheck error."""


class InputError(FactcheckError, ValueError):
    """Input that factcheck cannot use; the message says what to do."""


class DocumentError(InputError):
    """One document could not be read. ``path`` names it, ``reason`` says why."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class ConfigError(FactcheckError, ValueError):
    """A setting (language, locale, option) that factcheck cannot use."""

"""The domain errors every app raises and every view shows: one small module that no app's services own.

A refused write raises :class:`ServiceError` (or a subclass) with a whole sentence a person can
read; views show the sentence, never a traceback.
"""

from __future__ import annotations


class ServiceError(Exception):
    """A refused write, with a sentence a person can read."""

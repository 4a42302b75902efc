"""The exceptions a rule raises: the message is Dutch and meant for the user.

They live apart from the services so that models and querysets can raise them too.
"""


class RegelFout(Exception):
    """A forbidden step (status rule). The message is Dutch and meant for the user."""

    def __init__(self, melding: str, *, veld: str | None = None):
        super().__init__(melding)
        self.melding = melding
        self.veld = veld

    def __str__(self):
        return self.melding


class VastgelegdFout(RegelFout):
    """A change of a fact a published besluit states or rests on: refused on every route."""


RECTIFICATIE_HINT = (
    "Een correctie van een gepubliceerd besluit is een rectificatie (een nieuwe versie van het besluit)."
)

"""The municipality that runs the portal. Everything here comes from settings."""

from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class Gemeente:
    naam: str
    tooi_code: str
    zaaknummer_voorbeeld: str
    griffie_email: str = ""
    griffie_telefoon: str = ""

    @property
    def naam_raad(self):
        return f"Gemeenteraad {self.naam}"

    @property
    def tooi_uri(self):
        return f"https://identifier.overheid.nl/tooi/id/gemeente/{self.tooi_code}"


def huidige_gemeente() -> Gemeente:
    return Gemeente(
        naam=settings.GEMEENTE_NAAM,
        tooi_code=settings.GEMEENTE_TOOI_CODE,
        zaaknummer_voorbeeld=settings.ZAAKNUMMER_VOORBEELD,
        griffie_email=settings.GRIFFIE_EMAIL,
        griffie_telefoon=settings.GRIFFIE_TELEFOON,
    )

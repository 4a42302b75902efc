"""Bijlage factories for the API tests (a real file in MEDIA_ROOT, like AgendapuntBijlageFactory)."""

import factory

from tests.factories import MemoFactory, RaadsvoorstelFactory

PDF = b"%PDF-1.4\n" + b"0" * 2039


class RaadsvoorstelBijlageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "raadsvoorstellen.RaadsvoorstelBijlage"

    raadsvoorstel = factory.SubFactory(RaadsvoorstelFactory)
    titel = factory.Sequence(lambda n: f"Bijlage bij voorstel {n}")
    volgorde = factory.Sequence(lambda n: n + 1)
    bestand = factory.django.FileField(filename="bijlage.pdf", data=PDF)
    bestandsnaam = "bijlage.pdf"
    mimetype = "application/pdf"
    grootte = len(PDF)

    class Params:
        vertrouwelijk = factory.Trait(vertrouwelijkheid="vertrouwelijk")


class MemoBijlageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "memos.MemoBijlage"

    memo = factory.SubFactory(MemoFactory)
    titel = factory.Sequence(lambda n: f"Bijlage bij memo {n}")
    volgorde = factory.Sequence(lambda n: n + 1)
    bestand = factory.django.FileField(filename="bijlage.odt", data=b"PK\x03\x04odt")
    bestandsnaam = "bijlage.odt"
    mimetype = "application/vnd.oasis.opendocument.text"
    grootte = 9

    class Params:
        vertrouwelijk = factory.Trait(vertrouwelijkheid="vertrouwelijk")

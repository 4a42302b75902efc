"""Export meetings as an ORI-A archive package (zip): one meeting (--vergadering UUID) or a period (--van/--tot)."""

import datetime
import uuid

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from apps.oria import selectors
from apps.oria.pakket import ori_a_pakket


def _datum(waarde: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(waarde)
    except ValueError:
        raise CommandError(f"'{waarde}' is geen datum; gebruik JJJJ-MM-DD, bijvoorbeeld 2021-09-30.") from None


class Command(BaseCommand):
    help = "Exporteer openbare vergaderingen als ORI-A-archiefpakket (zip met XML, bestanden en MDTO)."

    def add_arguments(self, parser):
        parser.add_argument("--vergadering", help="UUID van één vergadering")
        parser.add_argument("--van", help="eerste datum (JJJJ-MM-DD)")
        parser.add_argument("--tot", help="laatste datum (JJJJ-MM-DD), inclusief")
        parser.add_argument("--uitvoer", required=True, help="pad van het zip-bestand")

    def handle(self, *args, **opties):
        if opties["vergadering"]:
            try:
                sleutel = uuid.UUID(opties["vergadering"])
            except ValueError:
                raise CommandError(f"'{opties['vergadering']}' is geen geldige UUID.") from None
            vergadering = selectors.vergadering_op_uuid(sleutel)
            if vergadering is None:
                raise CommandError("Deze vergadering bestaat niet of is niet openbaar.")
            vergaderingen = [vergadering]
        else:
            van = _datum(opties["van"]) if opties["van"] else None
            tot = _datum(opties["tot"]) if opties["tot"] else None
            if van and tot and tot < van:
                raise CommandError("De einddatum (--tot) ligt voor de begindatum (--van).")
            vergaderingen = list(selectors.vergaderingen_in_periode(van=van, tot=tot))
        with tqdm(total=len(vergaderingen), unit="vergadering", disable=opties["verbosity"] == 0) as voortgang:
            verslag = ori_a_pakket(vergaderingen, uitvoer=opties["uitvoer"], voortgang=voortgang)
        self.stdout.write(
            f"{verslag.vergaderingen} vergadering(en) en {verslag.bestanden} bestand(en) naar {opties['uitvoer']}."
        )
        for vergadering in verslag.overgeslagen:
            self.stdout.write(f"Overgeslagen (geen openbaar agendapunt): {vergadering}")

"""Read a folder (recursively) or a zip of documents into draft records, with a progress bar."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from apps.importeren import services
from apps.importeren.models import ImportItem


class Command(BaseCommand):
    help = "Leest een map of zip met documenten (PDF, DOCX, ODT, tekst) in als concepten: importeren_documenten PAD"

    def add_arguments(self, parser):
        parser.add_argument("pad", help="Een map of een zip-bestand.")

    def handle(self, *args, pad, **options):
        bron = Path(pad)
        if not bron.exists():
            raise CommandError(f"{pad} bestaat niet.")
        if not bron.is_dir() and bron.suffix.lower() != ".zip":
            raise CommandError("Geef een map of een zip-bestand; losse bestanden leest u in via de importpagina.")
        toon = options["verbosity"] > 0
        bestanden = list(services.bestanden_uit_pad(bron))
        with tqdm(
            total=len(bestanden), unit="bestand", desc="Documenten", disable=not toon, file=self.stderr._out
        ) as balk:
            run = services.documenten_importeren(
                bestanden=services.bestanden_uit_pad(bron), bronnaam=str(bron), via="commando", voortgang=balk.update
            )
        self._verslag(run, toon)

    def _verslag(self, run, toon):
        if run.status == run.Status.MISLUKT:
            raise CommandError(run.melding)
        if toon:
            for item in run.items.filter(status=ImportItem.Status.MISLUKT).order_by("volgnummer"):
                self.stdout.write(f"  niet ingelezen: {item.naam}: {item.reden}")
            self.stdout.write(
                self.style.SUCCESS(
                    f"Run {run.pk}: {run.aangemaakt} aangemaakt, {run.bijgewerkt} bijgewerkt, {run.overgeslagen} "
                    f"overgeslagen, {run.mislukt} mislukt."
                )
            )

"""Read an OpenBesluitvorming NDJSON export (snapshot or changes) from a file, with a progress bar."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from apps.importeren import services


class Command(BaseCommand):
    help = (
        "Leest een NDJSON-export (snapshot of changes) van OpenBesluitvorming in: importeren_openbesluitvorming BESTAND"
    )

    def add_arguments(self, parser):
        parser.add_argument("bestand", help="Het NDJSON-bestand.")

    def handle(self, *args, bestand, **options):
        pad = Path(bestand)
        if not pad.is_file():
            raise CommandError(f"{bestand} is geen bestand.")
        if pad.stat().st_size > settings.IMPORT_MAX_MB * 1024 * 1024 * 20:
            raise CommandError("Dit bestand is te groot; splits de export in delen.")
        with pad.open("rb") as f:
            kop = f.read(2)
        if kop in (b"\x1f\x8b", b"PK"):
            raise CommandError("Dit is een ingepakt bestand (gzip of zip); pak het eerst uit.")
        toon = options["verbosity"] > 0
        with pad.open("rb") as f, tqdm(unit="regel", desc="Records", disable=not toon, file=self.stderr._out) as balk:
            run = services.openbesluitvorming_importeren(
                regels=f, bronnaam=str(pad), via="commando", voortgang=balk.update
            )
        if run.status == run.Status.MISLUKT:
            raise CommandError(run.melding)
        if toon:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Run {run.pk}: {run.aangemaakt} aangemaakt, {run.bijgewerkt} bijgewerkt, {run.overgeslagen} "
                    f"overgeslagen, {run.verwijderd} verwijderd, {run.mislukt} mislukt, {run.conflicten} conflicten."
                )
            )

"""Load the Leusden demo data built from the seed documents. Idempotent: loading twice changes nothing."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from apps.portaal.services import demo_accounts_aanmaken, demo_fixture_laden, demo_nabewerken

FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "leusden_demo.json"


class Command(BaseCommand):
    help = "Laadt de demodata van Leusden (uit de brondocumenten) en maakt in dev-modus demo-accounts aan."

    def add_arguments(self, parser):
        parser.add_argument("--zonder-accounts", action="store_true", help="Maak geen demo-accounts aan.")

    def handle(self, *args, **options):
        self.stdout.write(f"Demodata laden uit {FIXTURE.name} ...")
        nieuw, bestaand = demo_fixture_laden(pad=FIXTURE)
        self.stdout.write(f"  {nieuw} records toegevoegd, {bestaand} waren er al.")
        self.stdout.write("Demodata nabewerken (zoekindex, PDF's) ...")
        demo_nabewerken(uitvoer=self.stdout)
        if settings.PORTAAL_DEMO_ACCOUNTS and not options["zonder_accounts"]:
            for gebruikersnaam, wachtwoord in demo_accounts_aanmaken():
                if wachtwoord:
                    self.stdout.write(
                        self.style.WARNING(
                            f"Demo-account aangemaakt: {gebruikersnaam} / {wachtwoord}  (wordt maar één keer getoond)"
                        )
                    )
                else:
                    self.stdout.write(
                        f"Demo-account {gebruikersnaam} bestaat al "
                        f"(nieuw wachtwoord: manage.py changepassword {gebruikersnaam})."
                    )
        self.stdout.write(self.style.SUCCESS("Demodata geladen."))

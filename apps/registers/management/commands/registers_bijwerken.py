"""The daily run of the registers (cron, e.g. 06:00 Europe/Amsterdam): every aangenomen motie gets its
follow-up, items that became overdue are marked in their history, and the digest of what is overdue or due
this week is printed for the griffie (plain text, for e-mail)."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from apps.registers.selectors import griffie_overzicht
from apps.registers.services import registers_bijwerken
from apps.registers.termijnen import vandaag


def _regels(kop, items, tekst):
    yield f"{kop} ({len(items)})"
    if not items:
        yield "  geen"
    for item in items:
        yield f"  - {tekst(item)} — uiterste datum {item.uiterste_datum:%d-%m-%Y}"


class Command(BaseCommand):
    help = "Markeert overschreden termijnen in de registers en toont wat deze week afloopt (voor de griffie)."

    def add_arguments(self, parser):
        parser.add_argument("--datum", help="Doe alsof het vandaag deze datum is (JJJJ-MM-DD).")

    def handle(self, *args, **options):
        op = vandaag()
        if options.get("datum"):
            try:
                op = datetime.date.fromisoformat(options["datum"])
            except ValueError as exc:
                raise CommandError(
                    "--datum: vul een bestaande datum in als JJJJ-MM-DD, bijvoorbeeld 2027-03-29."
                ) from exc
        uitkomst = registers_bijwerken(op=op)
        o = griffie_overzicht(op=op)
        regels = [
            f"Registers op {op:%d-%m-%Y} (deze week tot en met {o.tot:%d-%m-%Y})",
            f"Nieuw in de motiemonitor: {uitkomst['opvolgingen_aangemaakt']}; nieuw overschreden: "
            f"{sum(uitkomst['gemarkeerd'].values())}",
            "",
            *_regels(
                "Schriftelijke vragen, termijn overschreden",
                o.vragen_overschreden,
                lambda v: (
                    f"{v.nummer} {v.onderwerp} ({v.vraagsteller_tekst})"
                    + (" [uitstelbericht verstuurd]" if v.uitstelbericht_op else "")
                ),
            ),
            *_regels(
                "Schriftelijke vragen, uiterste datum deze week",
                o.vragen_deze_week,
                lambda v: f"{v.nummer} {v.onderwerp} ({v.vraagsteller_tekst})",
            ),
            *_regels(
                "Toezeggingen, termijn overschreden",
                o.toezeggingen_overschreden,
                lambda t: f"{t.nummer} {t.titel} ({t.persoon.naam})",
            ),
            *_regels(
                "Toezeggingen, uiterste datum deze week",
                o.toezeggingen_deze_week,
                lambda t: f"{t.nummer} {t.titel} ({t.persoon.naam})",
            ),
            *_regels(
                "Moties, termijn overschreden", o.moties_overschreden, lambda m: f"{m.motie.nummer} {m.motie.titel}"
            ),
            *_regels(
                "Moties, verwacht afgerond deze week", o.moties_deze_week, lambda m: f"{m.motie.nummer} {m.motie.titel}"
            ),
        ]
        self.stdout.write("\n".join(regels))

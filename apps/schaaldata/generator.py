"""The scale dataset: N besluiten over 20 years with everything around them, inserted in bulk.

Used by `manage.py schaaldata_genereren` and by the benchmark (`make bench`). PostgreSQL gets the rows
through COPY in chunks (one transaction per chunk, foreign keys checked at each commit); other databases
(SQLite, for the tests) get Django's bulk_create. Primary keys are handed out here, so rows can refer to each
other without reading anything back; the sequences are reset at the end. Deterministic for a given --seed and
--peildatum. The zaaknummers come from a separate range of the configured pattern (for Leusden L500000 and
up), so they never collide with the demo data (L275141) or with numbers the griffie hands out by hand.
"""

import bisect
import datetime
import io
import random
import time
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Max
from django.utils.text import slugify
from tqdm import tqdm

from apps.besluiten.models import Besluit, DictumPunt
from apps.core import search
from apps.core.models import Gremium, Onderwerp, Persoon, Rol, Zaak, Zoekdocument
from apps.core.validators import valideer_zaaknummer
from apps.memos.models import Memo
from apps.paginacache.middleware import cache_ongeldig_maken
from apps.raadsvoorstellen.models import Beslispunt, Raadsvoorstel
from apps.vergaderagenda.models import Agendapunt, Vergadering

from .moties import fracties_schrijven, moties_genereren
from .registers import REGISTER_SOORTEN, registers_genereren
from .tekst import ACTIES, DOMEINEN, FRACTIES, OBJECTEN, Tekstbank
from .zoekindex import zoekindex_bulk

JAREN = 20
AMSTERDAM = datetime.timezone(datetime.timedelta(hours=1))  # fixed offset: deterministic, close enough


class SchaaldataFout(Exception):
    pass


def zaaknummer_reeks(aantal: int) -> tuple[str, int, int]:
    """(prefix, first number, digits) of the range used for `aantal` generated zaken."""
    prefix, cijfers = settings.ZAAKNUMMER_PREFIX, settings.ZAAKNUMMER_CIJFERS
    eerste = 5 * 10 ** (cijfers - 1)
    if eerste + aantal >= 10**cijfers:
        raise SchaaldataFout(
            f"De zaaknummerreeks {prefix}{eerste}… is te klein voor {aantal} zaken ({cijfers} cijfers)."
        )
    try:
        valideer_zaaknummer(f"{prefix}{eerste:0{cijfers}d}")
    except ValidationError as exc:
        raise SchaaldataFout(f"Gegenereerde zaaknummers passen niet in ZAAKNUMMER_PATROON: {exc.messages[0]}") from exc
    return prefix, eerste, cijfers


def gegenereerde_besluiten(aantal: int):
    """The besluiten of an earlier run for this size (their zaken lie in the generated range)."""
    prefix, eerste, cijfers = zaaknummer_reeks(aantal)
    return Besluit.objects.filter(
        zaak__zaaknummer__startswith=prefix,
        zaak__zaaknummer__gte=f"{prefix}{eerste:0{cijfers}d}",
        zaak__zaaknummer__lte=f"{prefix}{10**cijfers - 1}",
    )


# --- Writing rows -------------------------------------------------------------------------------------------


def _copy_value(v) -> str:
    if v is None:
        return "\\N"
    if v is True:
        return "t"
    if v is False:
        return "f"
    if isinstance(v, str):
        if "\\" in v or "\t" in v or "\n" in v or "\r" in v:
            v = v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
        return v
    if isinstance(v, (datetime.date, datetime.time)):
        return v.isoformat()
    return str(v)


class Schrijver:
    """Writes tuples into a model's table: COPY on PostgreSQL, bulk_create elsewhere."""

    def __init__(self):
        self.pg = connection.vendor == "postgresql"
        self.aantallen: dict[str, int] = {}
        self.modellen: list = []

    def schrijf(self, model, velden: tuple[str, ...], rijen: list[tuple]):
        if not rijen:
            return
        label = model._meta.label
        if model not in self.modellen:
            self.modellen.append(model)
        self.aantallen[label] = self.aantallen.get(label, 0) + len(rijen)
        if not self.pg:
            model.objects.bulk_create([model(**dict(zip(velden, rij, strict=True))) for rij in rijen], batch_size=500)
            return
        kolommen = ", ".join(connection.ops.quote_name(model._meta.get_field(v).column) for v in velden)
        buf = io.StringIO()
        buf.writelines("\t".join(map(_copy_value, rij)) + "\n" for rij in rijen)
        buf.seek(0)
        with connection.cursor() as cursor:
            cursor.copy_expert(f"COPY {model._meta.db_table} ({kolommen}) FROM STDIN", buf)


# --- The plan ------------------------------------------------------------------------------------------------


@dataclass
class GeplandeVergadering:
    """A meeting of the plan, before its rows are written (the Vergadering model's fields the later phases need)."""

    id: int
    datum: datetime.date
    soort: str
    gremium_id: int
    status: str
    openbaar: bool
    volgende: int = 3  # 1 opening, 2 vaststellen agenda; items follow


@dataclass
class Resultaat:
    aantallen: dict = field(default_factory=dict)
    fasen: list = field(default_factory=list)
    overgeslagen: bool = False

    @property
    def documenten(self) -> int:
        namen = [
            "raadsvoorstellen.Raadsvoorstel",
            "memos.Memo",
            "vergaderagenda.Agendapunt",
            "besluiten.Besluit",
            "raadsvoorstellen.Beslispunt",
            "besluiten.DictumPunt",
        ]
        return sum(self.aantallen.get(n, 0) for n in namen)


class Generator:
    def __init__(
        self, *, besluiten: int, seed: int, peildatum: datetime.date, uitvoer=None, voortgang=True, chunk: int = 5000
    ):
        if besluiten < 1:
            raise SchaaldataFout("--besluiten moet minstens 1 zijn.")
        self.n = besluiten
        self.seed = seed
        self.peildatum = peildatum
        self.tot = peildatum + datetime.timedelta(days=60)
        self.van = datetime.date(self.tot.year - JAREN, self.tot.month, 1)
        self.uitvoer = uitvoer
        self.voortgang = voortgang
        self.chunk = chunk
        self.rng = random.Random(seed)
        self.schrijver = Schrijver()
        self.res = Resultaat()
        self.volgende_id = {}
        self.eerste_id = {}

    # -- helpers
    def _log(self, tekst):
        if self.uitvoer is not None:
            self.uitvoer.write(tekst)

    def _ids(self, model, aantal: int) -> int:
        """Reserve `aantal` primary keys for model; returns the first."""
        if model not in self.volgende_id:
            self.volgende_id[model] = (model.objects.aggregate(m=Max("pk"))["m"] or 0) + 1
            self.eerste_id[model] = self.volgende_id[model]
        eerste = self.volgende_id[model]
        self.volgende_id[model] += aantal
        return eerste

    def _uuid(self):
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def _tijdstip(self, datum: datetime.date, uur: int = 9) -> datetime.datetime:
        return datetime.datetime(datum.year, datum.month, datum.day, uur, 0, tzinfo=AMSTERDAM)

    def _fase(self, naam, functie):
        begin = time.monotonic()
        functie()
        duur = time.monotonic() - begin
        self.res.fasen.append((naam, duur))
        self._log(f"  {naam}: {duur:.1f} s\n")

    def _bar(self, totaal, omschrijving):
        return tqdm(
            total=totaal,
            desc=omschrijving,
            unit="",
            disable=not self.voortgang,
            mininterval=1.0,
            file=getattr(self.uitvoer, "_out", None),
        )

    # -- the whole run
    def uitvoeren(self) -> Resultaat:
        self.zaaknummer_prefix, self.zaaknummer_eerste, self.cijfers = zaaknummer_reeks(self.n)
        bestaand = gegenereerde_besluiten(self.n).count()
        if bestaand == self.n:
            self._log(f"Schaaldata met {self.n} besluiten is al aanwezig; niets te doen.\n")
            self.res.overgeslagen = True
            return self.res
        if bestaand:
            raise SchaaldataFout(
                f"Er staan al {bestaand} gegenereerde besluiten in deze database (gevraagd: {self.n}). "
                "Genereer in een lege database (of een met alleen de demodata)."
            )
        self.tekst = Tekstbank(self.seed)
        begin = time.monotonic()
        self._sequences()  # in case rows were loaded with explicit keys (fixtures) without resetting them
        self._fase("gremia, personen en onderwerpen", self._basis)
        self._fase("vergaderingen", self._vergaderingen)
        self._fase("zaken, voorstellen, memo's, agendapunten en besluiten", self._zaken)
        self._fase("losse memo's", self._losse_memos)
        self._fase("sluiting van de agenda's en rectificaties", self._afronden)
        self._fase("presentielijsten, moties, amendementen en stemmingen", lambda: moties_genereren(self))
        # The registers at a size that follows the besluiten: Leusden's numbers (schaal 1) for 10,000 besluiten.
        self._fase(
            "registers (toezeggingen, motiemonitor, ingekomen stukken, vragen, lange termijnagenda)",
            lambda: registers_genereren(
                jaren=JAREN, schaal=self.n / 10_000, seed=self.seed, peildatum=self.peildatum, voortgang=False
            ),
        )
        self._fase("sequences", self._sequences)
        self._fase("zoekindex (in bulk)", self._zoekindex)
        self._fase("zoektabel ordenen (CLUSTER)", self._ordenen)
        self._fase("statistieken (VACUUM ANALYZE)", self._analyze)
        self.res.aantallen = dict(self.schrijver.aantallen)
        self.res.fasen.append(("totaal", time.monotonic() - begin))
        return self.res

    # -- phase 1: bodies, persons, roles, subjects
    def _basis(self):
        gemeente = settings.GEMEENTE_NAAM
        specs = [
            ("gemeenteraad", f"Gemeenteraad {gemeente}", "Raad", Gremium.Soort.GEMEENTERAAD, ""),
            ("college", "College van burgemeester en wethouders", "B&W", Gremium.Soort.COLLEGE, ""),
            ("commissie-samenleving", "Commissie Samenleving", "CS", Gremium.Soort.COMMISSIE, ""),
            ("commissie-ruimte", "Commissie Ruimte", "CR", Gremium.Soort.COMMISSIE, ""),
            ("commissie-bestuur", "Commissie Bestuur en Middelen", "CBM", Gremium.Soort.COMMISSIE, ""),
            ("presidium", "Presidium", "Pres", Gremium.Soort.PRESIDIUM, ""),
            ("stuurgroep-jeugd", "Stuurgroep transformatie jeugd", "SG", Gremium.Soort.EXTERN, "Regio Eemland"),
        ]
        self.gremia = {}
        for slug, naam, afk, soort, org in specs:
            g, _ = Gremium.objects.get_or_create(
                slug=slug, defaults={"naam": naam, "afkorting": afk, "soort": soort, "organisatie": org}
            )
            self.gremia[slug] = g.id

        rng = self.rng
        # Five council periods of four years: a mayor, griffier and secretary every eight years,
        # five aldermen and 21 council members per period.
        self.perioden = []
        personen, rollen = [], []
        fractie_ids = fracties_schrijven(self)  # Rol.fractie is a relation (issue 13)
        p_id = self._ids(Persoon, 5 * 26 + 9)
        r_id = self._ids(Rol, 5 * 27 + 9)
        pid, rid = p_id, r_id
        amb = {}
        for k in range(JAREN // 4):
            begin = datetime.date(self.van.year + 4 * k, 1, 1)
            einde = datetime.date(self.van.year + 4 * k + 3, 12, 31)
            if k % 2 == 0:
                for soort in ("burgemeester", "griffier", "directeur_secretaris"):
                    personen.append((pid, self._uuid(), self.tekst.persoonsnaam(rng), ""))
                    g = self.gremia["college"] if soort != "griffier" else self.gremia["gemeenteraad"]
                    eind8 = datetime.date(min(self.van.year + 4 * k + 7, self.tot.year + 5), 12, 31)
                    rollen.append((rid, pid, soort, g, "", None, begin, eind8))
                    rid += 1
                    if soort == "burgemeester":
                        rollen.append((rid, pid, "voorzitter", self.gremia["gemeenteraad"], "", None, begin, eind8))
                        rid += 1
                    amb[soort] = pid
                    pid += 1
            wethouders = []
            for i in range(5):
                personen.append((pid, self._uuid(), self.tekst.persoonsnaam(rng), ""))
                portefeuille = ", ".join(d[0] for d in DOMEINEN[i * 2 : i * 2 + 2])
                rollen.append((rid, pid, "wethouder", self.gremia["college"], portefeuille, None, begin, einde))
                wethouders.append(pid)
                rid += 1
                pid += 1
            for _ in range(21):
                personen.append((pid, self._uuid(), self.tekst.persoonsnaam(rng), ""))
                rollen.append(
                    (
                        rid,
                        pid,
                        "raadslid",
                        self.gremia["gemeenteraad"],
                        "",
                        fractie_ids[rng.choice(FRACTIES)],
                        begin,
                        einde,
                    )
                )
                rid += 1
                pid += 1
            self.perioden.append((begin, einde, dict(amb), wethouders))
        nu = self._tijdstip(self.van)
        self.schrijver.schrijf(
            Persoon, ("id", "uuid", "naam", "organisatie", "created_at", "updated_at"), [(*p, nu, nu) for p in personen]
        )
        self.schrijver.schrijf(
            Rol,
            (
                "id",
                "persoon_id",
                "soort",
                "gremium_id",
                "portefeuille",
                "fractie_id",
                "begindatum",
                "einddatum",
                "created_at",
                "updated_at",
            ),
            [(*r, nu, nu) for r in rollen],
        )

        # Subjects: one per policy domain, one per subtopic, and project subjects named after places.
        bestaande_slugs = set(Onderwerp.objects.values_list("slug", flat=True))
        rijen = []
        o_id = self._ids(Onderwerp, 10_000)
        oid = o_id

        def onderwerp(naam, parent):
            nonlocal oid
            slug = basis = slugify(naam)[:110]
            k = 2
            while slug in bestaande_slugs:
                slug, k = f"{basis}-{k}", k + 1
            bestaande_slugs.add(slug)
            rijen.append((oid, self._uuid(), naam, slug, f"Alles over {naam.lower()}.", parent, nu, nu))
            oid += 1
            return oid - 1

        self.sub_onderwerpen = []  # (domain index, subtopic, id)
        for d, (domein, subs) in enumerate(DOMEINEN):
            hoofd = onderwerp(domein, None)
            for sub in subs:
                self.sub_onderwerpen.append((d, sub, onderwerp(sub[0].upper() + sub[1:], hoofd)))
        aantal_projecten = max(10, min(self.n // 200, len(self.tekst.gewone_namen)))
        self.projecten = []  # (name, id)
        for i in range(aantal_projecten):
            naam = self.tekst.gewone_namen[i]
            d, sub, parent = self.sub_onderwerpen[i % len(self.sub_onderwerpen)]
            self.projecten.append((naam, onderwerp(f"{naam} ({sub})", parent)))
        self.schrijver.schrijf(
            Onderwerp, ("id", "uuid", "naam", "slug", "beschrijving", "parent_id", "created_at", "updated_at"), rijen
        )

    def _periode(self, datum):
        for begin, einde, amb, wethouders in self.perioden:
            if begin <= datum <= einde:
                return amb, wethouders
        return self.perioden[-1][2], self.perioden[-1][3]

    # -- phase 2: meetings
    def _vergaderingen(self):
        rng, n = self.rng, self.n
        dagen = (self.tot - self.van).days
        g = self.gremia
        soorten = [  # (soort, gremium slug(s), count, weekday, start hour, public share)
            ("raadsvergadering", ["gemeenteraad"], max(2, n // 40), 3, (19, 30), 0.97),
            (
                "commissie",
                ["commissie-samenleving", "commissie-ruimte", "commissie-bestuur"],
                max(2, n // 40),
                1,
                (19, 30),
                1.0,
            ),
            ("informatieavond", ["gemeenteraad"], max(1, n // 250), 0, (20, 0), 1.0),
            ("uitwisseling", ["gemeenteraad"], max(1, n // 250), 3, (19, 0), 1.0),
            ("beeldvormende_sessie", ["gemeenteraad"], max(1, n // 250), 2, (19, 30), 1.0),
            ("overleg", ["college"], max(1, n // 100), 1, (9, 0), 0.0),
            ("overleg", ["presidium"], max(1, n // 400), 0, (17, 0), 1.0),
            ("overleg", ["stuurgroep-jeugd"], max(1, n // 1000), 4, (14, 0), 1.0),
        ]
        titels = {
            "raadsvergadering": "Raadsvergadering",
            "commissie": "Commissievergadering",
            "informatieavond": "Informatieavond",
            "uitwisseling": "Uitwisseling raad",
            "beeldvormende_sessie": "Beeldvormende sessie",
            "overleg": "Overleg",
        }
        totaal = sum(s[2] for s in soorten)
        eerste = self._ids(Vergadering, totaal)
        vid = eerste
        self.vergaderingen: dict[str, list[GeplandeVergadering]] = {}
        rijen = []
        for soort, slugs, aantal, weekdag, (uur, minuut), publiek in soorten:
            lijst = []
            for i in range(aantal):
                # Evenly spread, the last one near the end of the range (so even a tiny dataset has
                # meetings in the last twelve months and upcoming ones), on the soort's weekday.
                d = self.van + datetime.timedelta(days=((i + 1) * dagen) // aantal - rng.randint(1, 7))
                d -= datetime.timedelta(days=(d.weekday() - weekdag) % 7)
                slug = slugs[i % len(slugs)]
                if d < self.peildatum:
                    status = "geannuleerd" if rng.random() < 0.03 else "gehouden"
                else:
                    status = "concept" if rng.random() < 0.3 else "gepubliceerd"
                openbaar = rng.random() < publiek
                m = GeplandeVergadering(vid, d, soort, g[slug], status, openbaar)
                lijst.append(m)
                gremium_naam = slug.replace("-", " ").capitalize()
                titel = titels[soort] if soort != "overleg" else f"{titels[soort]} {gremium_naam.lower()}"
                aanvang = datetime.time(uur, minuut)
                einde = datetime.time(min(uur + 3, 23), 30 if uur + 3 >= 23 else minuut)
                ts = self._tijdstip(d - datetime.timedelta(days=21))
                rijen.append(
                    (
                        vid,
                        self._uuid(),
                        1,
                        g[slug],
                        soort,
                        titel,
                        d,
                        aanvang,
                        einde,
                        "Raadzaal, gemeentehuis" if g[slug] != g["college"] else "Collegekamer",
                        openbaar,
                        status,
                        "",
                        ts,
                        ts,
                    )
                )
                vid += 1
            key = soort if soort != "overleg" else f"overleg-{slugs[0]}"
            lijst.sort(key=lambda m: (m.datum, m.id))
            self.vergaderingen[key] = lijst
        velden = (
            "id",
            "uuid",
            "version",
            "gremium_id",
            "soort",
            "titel",
            "datum",
            "aanvang",
            "einde",
            "locatie",
            "openbaar",
            "status",
            "toelichting",
            "created_at",
            "updated_at",
        )
        self.schrijver.schrijf(Vergadering, velden, rijen)
        # Opening and "vaststellen agenda" for every meeting.
        punten = []
        alle = [m for lijst in self.vergaderingen.values() for m in lijst]
        ap = self._ids(Agendapunt, 2 * len(alle))
        for m in alle:
            ts = self._tijdstip(m.datum - datetime.timedelta(days=14))
            for volgorde, titel in ((1, "Opening en mededelingen"), (2, "Vaststellen van de agenda")):
                punten.append(
                    (
                        ap,
                        self._uuid(),
                        1,
                        m.id,
                        volgorde,
                        str(volgorde),
                        titel,
                        "",
                        None,
                        None,
                        "informatief",
                        False,
                        None,
                        None,
                        ts,
                        ts,
                    )
                )
                ap += 1
        self.schrijver.schrijf(Agendapunt, self.AP_VELDEN, punten)
        self.raad = self.vergaderingen["raadsvergadering"]
        self.commissies = self.vergaderingen["commissie"]
        self.commissie_data = [m.datum for m in self.commissies]
        self.info = sorted(
            self.vergaderingen["informatieavond"]
            + self.vergaderingen["uitwisseling"]
            + self.vergaderingen["beeldvormende_sessie"],
            key=lambda m: (m.datum, m.id),
        )
        self.info_data = [m.datum for m in self.info]

    AP_VELDEN = (
        "id",
        "uuid",
        "version",
        "vergadering_id",
        "volgorde",
        "volgnummer",
        "titel",
        "omschrijving",
        "aanvang",
        "einde",
        "behandeling",
        "besloten",
        "zaak_id",
        "raadsvoorstel_id",
        "created_at",
        "updated_at",
    )
    RV_VELDEN = (
        "id",
        "uuid",
        "version",
        "zaak_id",
        "titel",
        "college_besluitdatum",
        "datum_raadsvergadering",
        "portefeuillehouder_id",
        *Raadsvoorstel.SECTIES,
        "directeur_secretaris_id",
        "burgemeester_id",
        "status",
        "vertrouwelijkheid",
        "created_at",
        "updated_at",
    )
    MEMO_VELDEN = (
        "id",
        "uuid",
        "version",
        "soort",
        "aan",
        "cc",
        "van",
        "datum",
        "betreft",
        "kenmerk",
        "tekst",
        "zaak_id",
        "beantwoordt_vergadering_id",
        "status",
        "versie",
        "opgesteld_door",
        "in_opdracht_van",
        "vertrouwelijkheid",
        "created_at",
        "updated_at",
    )
    BESLUIT_VELDEN = (
        "id",
        "uuid",
        "version",
        "zaak_id",
        "raadsvoorstel_id",
        "vergadering_id",
        "agendapunt_id",
        "titel",
        "uitkomst",
        "stemming",
        "stemmen_voor",
        "stemmen_tegen",
        "griffier_id",
        "voorzitter_id",
        "status",
        "vertrouwelijkheid",
        "vastgesteld_op",
        "gepubliceerd_op",
        "gepubliceerd_door_id",
        "versie",
        "vervangt_id",
        "rectificatie_reden",
        "pdf",
        "created_at",
        "updated_at",
    )

    def _voor(self, data, lijst, datum, marge=3):
        """The latest meeting of `lijst` at least `marge` days before `datum`, or None."""
        i = bisect.bisect_right(data, datum - datetime.timedelta(days=marge)) - 1
        return lijst[i] if i >= 0 else None

    # -- phase 3: one pass over the zaken, written in chunks
    def _zaken(self):
        rng, tekst, n = self.rng, self.tekst, self.n
        self.aantal_rectificaties = n // 300
        z = n - self.aantal_rectificaties
        self.aantal_zaken = z
        gemeente = settings.GEMEENTE_NAAM
        zaak0 = self._ids(Zaak, z)
        rv0 = self._ids(Raadsvoorstel, z)
        b0 = self._ids(Besluit, n)
        self.besluit_id = b0 + z
        self.gepubliceerd = []  # candidates for a rectificatie
        uitkomsten = (
            ["aangenomen"] * 80
            + ["geamendeerd_aangenomen"] * 6
            + ["verworpen"] * 6
            + ["aangehouden"] * 5
            + ["ingetrokken"] * 3
        )
        nu = datetime.datetime.combine(self.peildatum, datetime.time(12), tzinfo=AMSTERDAM)
        bar = self._bar(z, "zaken")
        for start in range(0, z, self.chunk):
            t = {k: [] for k in ("zaak", "zo", "rv", "bp", "ap", "apo", "memo", "mo", "apm", "besluit", "dictum")}
            for i in range(start, min(z, start + self.chunk)):
                zaak_id, rv_id, b_id = zaak0 + i, rv0 + i, b0 + i
                raad = self.raad[i * len(self.raad) // z]
                d, sub, sub_id = rng.choice(self.sub_onderwerpen)
                project, project_id = self.projecten[rng.randrange(len(self.projecten))]
                plek = project if rng.random() < 0.5 else tekst.zeldzame_namen[rng.randrange(len(tekst.zeldzame_namen))]
                obj = rng.choice(OBJECTEN)
                titel = f"{rng.choice(ACTIES)} {obj} {sub} {plek}"
                zaaknummer = f"{self.zaaknummer_prefix}{self.zaaknummer_eerste + i:0{self.cijfers}d}"
                college = raad.datum - datetime.timedelta(days=rng.randint(21, 56))
                ts = self._tijdstip(college)
                t["zaak"].append((zaak_id, self._uuid(), zaaknummer, titel, ts, ts))
                t["zo"].append((zaak_id, sub_id))
                t["zo"].append((zaak_id, project_id))
                amb, wethouders = self._periode(college)
                toekomst = raad.datum >= self.peildatum
                if toekomst:
                    rv_status = "concept" if raad.status == "concept" or rng.random() < 0.2 else "geagendeerd"
                else:
                    rv_status = "ingetrokken" if rng.random() < 0.02 else "besloten"
                rv_vertr = "vertrouwelijk" if rng.random() < 0.03 else "openbaar"
                secties = [
                    f"Het college stelt u voor {obj} {sub} {plek} vast te stellen.",
                    tekst.alinea(rng, 2, 4, intro=f"Dit voorstel gaat over {sub} in {plek}."),
                    tekst.alinea(rng, 1, 2),
                    tekst.alinea(rng, 2, 5),
                    tekst.alinea(rng, 2, 4),
                    tekst.alinea(rng, 1, 3),
                    tekst.alinea(rng, 1, 2),
                    tekst.alinea(rng, 1, 3),
                    tekst.alinea(rng, 1, 2),
                    tekst.alinea(rng, 1, 2) if rng.random() < 0.7 else "",
                ]
                t["rv"].append(
                    (
                        rv_id,
                        self._uuid(),
                        1,
                        zaak_id,
                        titel,
                        college,
                        raad.datum,
                        wethouders[d % len(wethouders)],
                        *secties,
                        amb.get("directeur_secretaris"),
                        amb.get("burgemeester"),
                        rv_status,
                        rv_vertr,
                        ts,
                        ts,
                    )
                )
                punten = [
                    f"{obj} {sub} {plek} vast te stellen.",
                    f"een krediet van € {rng.randint(5, 900) * 1000:,} beschikbaar te stellen.".replace(",", "."),
                    "de begroting overeenkomstig te wijzigen.",
                ][: rng.randint(1, 3)]
                for v, p in enumerate(punten, 1):
                    t["bp"].append((rv_id, v, p))

                # Agenda items: raad, usually a commissie before it, sometimes an information meeting.
                besloten = rv_vertr == "vertrouwelijk" or rng.random() < 0.02
                ap_ids = {}
                behandeling_raad = "hamerstuk" if rng.random() < 0.4 else "bespreekstuk"
                stops = [(raad, behandeling_raad)]
                commissie = (
                    self._voor(self.commissie_data, self.commissies, raad.datum) if rng.random() < 0.85 else None
                )
                if commissie:
                    stops.append((commissie, "bespreekstuk"))
                    if rng.random() < 0.25:
                        info = self._voor(self.info_data, self.info, commissie.datum)
                        if info:
                            stops.append((info, "informatief"))
                for m, behandeling in stops:
                    ap_id = self._ids(Agendapunt, 1)
                    volgorde = m.volgende
                    m.volgende += 1
                    aanvang = einde = None
                    if m.soort in ("informatieavond", "beeldvormende_sessie") and volgorde <= 7:
                        aanvang = datetime.time(20 + (volgorde - 3) // 2, 30 * ((volgorde - 3) % 2))
                        einde = datetime.time(20 + (volgorde - 2) // 2, 30 * ((volgorde - 2) % 2))
                    ts2 = self._tijdstip(m.datum - datetime.timedelta(days=10))
                    t["ap"].append(
                        (
                            ap_id,
                            self._uuid(),
                            1,
                            m.id,
                            volgorde,
                            str(volgorde),
                            titel,
                            f"Behandeling van het raadsvoorstel {zaaknummer}.",
                            aanvang,
                            einde,
                            behandeling,
                            besloten,
                            zaak_id,
                            rv_id,
                            ts2,
                            ts2,
                        )
                    )
                    t["apo"].append((ap_id, sub_id))
                    ap_ids[m.id] = ap_id

                # Memo's before the decision.
                for _ in range(rng.choices((0, 1, 2, 3, 4), (25, 30, 25, 12, 8))[0]):
                    memo_id = self._ids(Memo, 1)
                    datum = raad.datum - datetime.timedelta(days=rng.randint(5, 120))
                    soort = rng.choices(
                        ("memo", "raadsinformatiebrief", "beantwoording_vragen", "procesvoorstel"), (50, 30, 15, 5)
                    )[0]
                    antwoord = commissie.id if soort == "beantwoording_vragen" and commissie else None
                    betreft = f"{'Beantwoording vragen ' if antwoord else ''}{sub} {plek}".strip()
                    status = "concept" if (datum >= self.peildatum or rng.random() < 0.05) else "definitief"
                    vertr = "vertrouwelijk" if rng.random() < 0.05 else "openbaar"
                    ts3 = self._tijdstip(datum)
                    t["memo"].append(
                        (
                            memo_id,
                            self._uuid(),
                            1,
                            soort,
                            f"Gemeenteraad {gemeente}",
                            "",
                            "College van burgemeester en wethouders",
                            datum,
                            betreft,
                            str(10_000 + memo_id),
                            tekst.alinea(rng, 3, 6) + "\n\n" + tekst.alinea(rng, 2, 4),
                            zaak_id,
                            antwoord,
                            status,
                            "",
                            "",
                            "",
                            vertr,
                            ts3,
                            ts3,
                        )
                    )
                    t["mo"].append((memo_id, sub_id))
                    if rng.random() < 0.6:
                        t["apm"].append((ap_ids[raad.id], memo_id))

                # The besluit.
                vastgesteld_op = gepubliceerd_op = None
                if toekomst or raad.status == "geannuleerd":
                    b_status, uitkomst = "concept", ""
                else:
                    uitkomst = rng.choice(uitkomsten)
                    vastgesteld_op = self._tijdstip(raad.datum, 23)
                    gepubliceerd_op = self._tijdstip(raad.datum + datetime.timedelta(days=rng.randint(1, 10)), 10)
                    r = rng.random()
                    if r < 0.04 or gepubliceerd_op > nu:
                        b_status, gepubliceerd_op = "vastgesteld", None
                    elif r < 0.06:
                        b_status, uitkomst, vastgesteld_op, gepubliceerd_op = "concept", "", None, None
                    else:
                        b_status = "gepubliceerd"
                b_vertr = "vertrouwelijk" if (rv_vertr == "vertrouwelijk" or rng.random() < 0.02) else "openbaar"
                if rng.random() < 0.6:
                    stemming, voor, tegen = "unaniem", None, None
                else:
                    voor = rng.randint(11, 21)
                    stemming, tegen = "stemmen", 21 - voor
                amb_raad, _ = self._periode(raad.datum)
                t["besluit"].append(
                    (
                        b_id,
                        self._uuid(),
                        1,
                        zaak_id,
                        rv_id,
                        raad.id,
                        ap_ids[raad.id],
                        titel,
                        uitkomst,
                        stemming,
                        voor,
                        tegen,
                        amb_raad.get("griffier"),
                        amb_raad.get("burgemeester"),
                        b_status,
                        b_vertr,
                        vastgesteld_op,
                        gepubliceerd_op,
                        None,
                        1,
                        None,
                        "",
                        "",
                        ts,
                        gepubliceerd_op or ts,
                    )
                )
                if b_status == "gepubliceerd":
                    self.gepubliceerd.append(b_id)
                for v, p in enumerate(punten, 1):
                    t["dictum"].append((b_id, v, p))
            self._schrijf_chunk(t)
            bar.update(min(z, start + self.chunk) - start)
        bar.close()
        self.zaak0, self.b0 = zaak0, b0

    def _schrijf_chunk(self, t):
        s = self.schrijver
        with transaction.atomic():
            s.schrijf(Zaak, ("id", "uuid", "zaaknummer", "titel", "created_at", "updated_at"), t["zaak"])
            s.schrijf(Zaak.onderwerpen.through, ("zaak_id", "onderwerp_id"), t["zo"])
            s.schrijf(Raadsvoorstel, self.RV_VELDEN, t["rv"])
            s.schrijf(Beslispunt, ("raadsvoorstel_id", "volgorde", "tekst"), t["bp"])
            s.schrijf(Agendapunt, self.AP_VELDEN, t["ap"])
            s.schrijf(Agendapunt.onderwerpen.through, ("agendapunt_id", "onderwerp_id"), t["apo"])
            s.schrijf(Memo, self.MEMO_VELDEN, t["memo"])
            s.schrijf(Memo.onderwerpen.through, ("memo_id", "onderwerp_id"), t["mo"])
            s.schrijf(Agendapunt.memos.through, ("agendapunt_id", "memo_id"), t["apm"])
            s.schrijf(Besluit, self.BESLUIT_VELDEN, t["besluit"])
            s.schrijf(DictumPunt, ("besluit_id", "volgorde", "tekst"), t["dictum"])

    # -- phase 4: memo's without a zaak (raadsinformatiebrieven on a subject)
    def _losse_memos(self):
        rng, tekst = self.rng, self.tekst
        aantal = self.n // 5
        gemeente = settings.GEMEENTE_NAAM
        dagen = (self.tot - self.van).days
        bar = self._bar(aantal, "losse memo's")
        for start in range(0, aantal, self.chunk):
            memos, mo = [], []
            for _ in range(start, min(aantal, start + self.chunk)):
                memo_id = self._ids(Memo, 1)
                datum = self.van + datetime.timedelta(days=rng.randrange(dagen))
                d, sub, sub_id = rng.choice(self.sub_onderwerpen)
                project, project_id = self.projecten[rng.randrange(len(self.projecten))]
                status = "concept" if (datum >= self.peildatum or rng.random() < 0.05) else "definitief"
                vertr = "vertrouwelijk" if rng.random() < 0.06 else "openbaar"
                ts = self._tijdstip(datum)
                memos.append(
                    (
                        memo_id,
                        self._uuid(),
                        1,
                        "raadsinformatiebrief",
                        f"Gemeenteraad {gemeente}",
                        "",
                        "College van burgemeester en wethouders",
                        datum,
                        f"Stand van zaken {sub} {project}",
                        str(10_000 + memo_id),
                        tekst.alinea(rng, 3, 6),
                        None,
                        None,
                        status,
                        "",
                        "",
                        "",
                        vertr,
                        ts,
                        ts,
                    )
                )
                mo.append((memo_id, sub_id))
                mo.append((memo_id, project_id))
            with transaction.atomic():
                self.schrijver.schrijf(Memo, self.MEMO_VELDEN, memos)
                self.schrijver.schrijf(Memo.onderwerpen.through, ("memo_id", "onderwerp_id"), mo)
            bar.update(len(memos))
        bar.close()

    # -- phase 5: closing items and rectificaties
    def _afronden(self):
        rng = self.rng
        punten = []
        alle = [m for lijst in self.vergaderingen.values() for m in lijst]
        ap = self._ids(Agendapunt, len(alle))
        for m in alle:
            ts = self._tijdstip(m.datum - datetime.timedelta(days=14))
            punten.append(
                (
                    ap,
                    self._uuid(),
                    1,
                    m.id,
                    m.volgende,
                    str(m.volgende),
                    "Sluiting",
                    "",
                    None,
                    None,
                    "informatief",
                    False,
                    None,
                    None,
                    ts,
                    ts,
                )
            )
            ap += 1
        with transaction.atomic():
            self.schrijver.schrijf(Agendapunt, self.AP_VELDEN, punten)
        # A rectificatie supersedes a published besluit: a new version on the same zaak.
        origineel = rng.sample(self.gepubliceerd, min(self.aantal_rectificaties, len(self.gepubliceerd)))
        if not origineel:
            return
        oude = {b.id: b for b in Besluit.objects.filter(id__in=origineel)}
        rijen, dictum = [], []
        for k, oud_id in enumerate(origineel):
            oud = oude[oud_id]
            b_id = self.besluit_id + k
            gepubliceerd_op = oud.gepubliceerd_op + datetime.timedelta(days=rng.randint(7, 40))
            rijen.append(
                (
                    b_id,
                    self._uuid(),
                    1,
                    oud.zaak_id,
                    oud.raadsvoorstel_id,
                    oud.vergadering_id,
                    oud.agendapunt_id,
                    oud.titel,
                    oud.uitkomst,
                    oud.stemming,
                    oud.stemmen_voor,
                    oud.stemmen_tegen,
                    oud.griffier_id,
                    oud.voorzitter_id,
                    "gepubliceerd",
                    oud.vertrouwelijkheid,
                    oud.vastgesteld_op,
                    gepubliceerd_op,
                    None,
                    2,
                    oud.id,
                    "Verschrijving in het dictum hersteld.",
                    "",
                    gepubliceerd_op,
                    gepubliceerd_op,
                )
            )
            dictum.append((b_id, 1, "het eerdere besluit te herstellen zoals in de bijlage aangegeven."))
        with transaction.atomic():
            self.schrijver.schrijf(Besluit, self.BESLUIT_VELDEN, rijen)
            self.schrijver.schrijf(DictumPunt, ("besluit_id", "volgorde", "tekst"), dictum)

    # -- phase 6: sequences after explicit primary keys
    def _sequences(self):
        modellen = [
            Gremium,
            Persoon,
            Rol,
            Onderwerp,
            Vergadering,
            Agendapunt,
            Zaak,
            Raadsvoorstel,
            Memo,
            Besluit,
            Beslispunt,
            DictumPunt,
            Zaak.onderwerpen.through,
            Agendapunt.onderwerpen.through,
            Memo.onderwerpen.through,
            Agendapunt.memos.through,
        ]
        statements = connection.ops.sequence_reset_sql(no_style(), modellen)
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)

    # -- phase 7: the search index, built in bulk (one statement per kind of document)
    def _zoekindex(self):
        if connection.vendor == "postgresql":
            vanaf = {
                "besluit": self.eerste_id[Besluit],
                "raadsvoorstel": self.eerste_id[Raadsvoorstel],
                "memo": self.eerste_id[Memo],
                "agendapunt": self.eerste_id[Agendapunt],
            }
            zoekindex_bulk(vanaf=vanaf, uitvoer=self.uitvoer)
            # The registers (tens of thousands of rows at city scale) through their own builders.
            search.zoekindex_herbouwen(soorten=REGISTER_SOORTEN)
        else:
            search.zoekindex_herbouwen()  # small sizes only (tests): row by row through the builders

    def _ordenen(self):
        # The bulk load writes the search documents per kind; a live portal writes them as they come, in date
        # order. Put the table in the order searches read it (core.search.zoekindex_ordenen).
        search.zoekindex_ordenen()

    def _analyze(self):
        if connection.vendor == "postgresql":
            tabellen = [m._meta.db_table for m in self.schrijver.modellen] + [Zoekdocument._meta.db_table]
            with connection.cursor() as cursor:
                # Statistics and the visibility map (VACUUM cannot run inside a transaction: tests).
                opdracht = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
                cursor.execute(f"{opdracht} {', '.join(tabellen)}")
        cache_ongeldig_maken()


def schaaldata_genereren(
    *, besluiten: int, seed: int = 7, peildatum: datetime.date | None = None, uitvoer=None, voortgang: bool = True
) -> Resultaat:
    peildatum = peildatum or datetime.date.today()
    return Generator(
        besluiten=besluiten, seed=seed, peildatum=peildatum, uitvoer=uitvoer, voortgang=voortgang
    ).uitvoeren()

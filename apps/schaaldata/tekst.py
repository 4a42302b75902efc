"""Word and phrase banks for the scale dataset: realistic Dutch council texts, made deterministically.

The sentences come from the seed documents (shared/seeds, or the demo fixture when those are absent)
and from templates filled with the vocabulary of Dutch local government. Nothing is fetched.
"""

import json
import random
import re
from pathlib import Path

from django.conf import settings

ACTIES = [
    "Vaststellen",
    "Instemmen met",
    "Beschikbaar stellen van krediet voor",
    "Wijziging van",
    "Evaluatie van",
    "Kaders voor",
    "Uitvoeringsprogramma",
    "Verlenging van",
    "Actualisatie van",
    "Aanvullend krediet voor",
    "Zienswijze op",
    "Startnotitie",
    "Herziening van",
    "Intrekken van",
    "Verordening",
]
OBJECTEN = [
    "regiovisie",
    "bestemmingsplan",
    "omgevingsplan",
    "beleidskader",
    "verordening",
    "uitvoeringsagenda",
    "gebiedsvisie",
    "woningbouwprogramma",
    "subsidieregeling",
    "begrotingswijziging",
    "jaarrekening",
    "mobiliteitsplan",
    "sportaccommodatie",
    "onderwijshuisvesting",
    "inkoopstrategie",
    "gemeenschappelijke regeling",
    "grondexploitatie",
    "transformatieplan",
    "nota reserves en voorzieningen",
    "integraal huisvestingsplan",
]
DOMEINEN = [
    (
        "Jeugd en sociaal domein",
        [
            "specialistische jeugdhulp",
            "Wmo-ondersteuning",
            "maatschappelijke opvang",
            "beschermd wonen",
            "sociale basisinfrastructuur",
            "schuldhulpverlening",
        ],
    ),
    ("Ruimte en wonen", ["woningbouw", "sociale huur", "centrumontwikkeling", "omgevingswet", "grondbeleid"]),
    ("Openbare ruimte", ["groenonderhoud", "riolering", "wegbeheer", "openbare verlichting", "afvalinzameling"]),
    ("Duurzaamheid", ["energietransitie", "warmtevisie", "klimaatadaptatie", "zonnevelden", "laadinfrastructuur"]),
    ("Financiën", ["belastingen", "treasury", "weerstandsvermogen", "kadernota", "verbonden partijen"]),
    ("Veiligheid", ["openbare orde", "brandweerzorg", "cameratoezicht", "ondermijning", "evenementenbeleid"]),
    ("Onderwijs en sport", ["kindcentra", "leerlingenvervoer", "sportvelden", "zwembad", "laaggeletterdheid"]),
    ("Economie en cultuur", ["detailhandel", "recreatie", "bibliotheek", "cultuurhistorie", "bedrijventerrein"]),
    (
        "Bestuur en organisatie",
        ["dienstverlening", "digitalisering", "regionale samenwerking", "archiefbeheer", "burgerparticipatie"],
    ),
    ("Verkeer en vervoer", ["fietsnetwerk", "parkeerbeleid", "openbaar vervoer", "verkeersveiligheid"]),
]
# Place and project names: prefix + suffix names are common, prefix + middle + suffix are rare words.
PREFIXEN = [
    "Hamers",
    "Lariks",
    "Zonne",
    "Eiken",
    "Beuken",
    "Heide",
    "Bos",
    "Molen",
    "Akker",
    "Brink",
    "Wester",
    "Ooster",
    "Noorder",
    "Zuider",
    "Linden",
    "Wilgen",
    "Berken",
    "Dennen",
    "Hazel",
    "Rozen",
    "Klaver",
    "Valk",
    "Meer",
    "Wolfs",
    "Zand",
    "Hoog",
    "Laag",
    "Kamp",
    "Hof",
    "Dorps",
]
MIDDENS = [
    "beek",
    "horst",
    "wijk",
    "dijk",
    "berg",
    "stede",
    "burg",
    "mere",
    "schoten",
    "wouden",
    "loo",
    "broek",
    "donk",
    "rade",
    "hem",
    "sloot",
    "hout",
    "kade",
    "vaart",
    "zijl",
]
SUFFIXEN = ["veld", "weg", "hof", "laan", "park", "kwartier", "dreef", "hoeve", "oord", "erf", "haven", "gaarde"]

VOORLETTERS = [
    "A.",
    "B.",
    "C.",
    "D.",
    "E.",
    "F.",
    "G.",
    "H.",
    "I.",
    "J.",
    "K.",
    "L.",
    "M.",
    "N.",
    "P.",
    "R.",
    "S.",
    "T.",
    "W.",
    "A.J.",
    "J.H.",
    "M.C.",
    "P.J.",
    "H.W.",
    "G.J.",
    "E.M.",
]
ACHTERNAMEN = [
    "de Vries",
    "Jansen",
    "van den Berg",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "de Graaf",
    "van der Meer",
    "van der Linden",
    "Kok",
    "Jacobs",
    "de Haan",
    "Vermeulen",
    "van den Heuvel",
    "van der Veen",
    "van den Broek",
    "de Bruijn",
    "de Jong",
    "Schouten",
    "van Beek",
    "Willems",
    "van Dijk",
    "Hoekstra",
    "Verhoeven",
    "Koster",
    "Prins",
    "Postma",
    "Kuipers",
    "Huisman",
    "Kiel",
    "Schutte",
    "Bouwmeester",
]
FRACTIES = ["CDA", "VVD", "D66", "GroenLinks", "PvdA", "ChristenUnie", "SGP", "Lokaal Belang", "Leusden Nu"]

ZIN_SJABLONEN = [
    "Het college stelt u voor {obj} voor {dom} vast te stellen.",
    "Met dit voorstel geeft de raad richting aan {dom} in {plek} voor de komende jaren.",
    "De {obj} bouwt voort op eerdere besluiten van de raad over {dom}.",
    "In {plek} wordt samen met inwoners, ondernemers en maatschappelijke partners gewerkt aan {dom}.",
    "De kosten voor {dom} worden gedekt uit de reserve en komen niet ten laste van de begroting.",
    "Het risico bestaat dat de uitvoering van {obj} meer tijd vraagt dan nu is voorzien.",
    "Wij informeren de raad jaarlijks over de voortgang van {dom} via de planning- en controlcyclus.",
    "Na vaststelling door de raad wordt {obj} gepubliceerd en treedt deze in werking.",
    "Een alternatief scenario is om de huidige werkwijze voor {dom} ongewijzigd voort te zetten.",
    "De regio werkt samen aan {dom}; elke gemeente blijft verantwoordelijk voor de lokale uitvoering.",
    "Inwoners van {plek} zijn via een informatieavond en een digitale enquête betrokken.",
    "Het voorstel is besproken in de commissie, die het als bespreekstuk naar de raad heeft gestuurd.",
    "De financiële consequenties van {obj} zijn verwerkt in de kadernota en de meerjarenbegroting.",
    "Wij communiceren het besluit via de gemeentelijke website, de lokale krant en een bewonersbrief in {plek}.",
]
BESLISPUNT_SJABLONEN = [
    "{obj} {dom} vast te stellen.",
    "een krediet van € {bedrag} beschikbaar te stellen voor {dom} in {plek}.",
    "de begroting overeenkomstig te wijzigen.",
    "in te stemmen met de uitgangspunten voor {dom}.",
    "het college opdracht te geven de raad jaarlijks te informeren over de voortgang.",
    "de reserve {dom} in te stellen.",
]


def _seed_teksten() -> list[str]:
    """The texts of the seed documents; the demo fixture's long texts if the seeds folder is absent."""
    kandidaten = [Path(settings.BASE_DIR).parent / "shared" / "seeds", Path(settings.BASE_DIR) / "shared" / "seeds"]
    for map_ in kandidaten:
        if map_.is_dir():
            teksten = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(map_.glob("*.txt"))]
            if teksten:
                return teksten
    fixture = Path(settings.BASE_DIR) / "fixtures" / "leusden_demo.json"
    teksten = []
    if fixture.exists():
        for obj in json.loads(fixture.read_text(encoding="utf-8")):
            for waarde in obj.get("fields", {}).values():
                if isinstance(waarde, str) and len(waarde) > 80:
                    teksten.append(waarde)
    return teksten


def _zinnen(teksten: list[str]) -> list[str]:
    zinnen = []
    for tekst in teksten:
        for regel in tekst.splitlines():
            regel = regel.strip().lstrip("-•").strip()
            if "\t" in regel or len(regel) < 40:
                continue
            for zin in re.split(r"(?<=[.?!])\s+", regel):
                if 40 <= len(zin) <= 260 and zin[0].isupper() and zin[-1] in ".?!":
                    zinnen.append(zin)
    return zinnen


class Tekstbank:
    """Deterministic sentences and names for one seed."""

    def __init__(self, seed: int, pool: int = 4000):
        self.rng = random.Random(seed)
        rng = self.rng
        seedzinnen = _zinnen(_seed_teksten())
        woorden = [w for z in seedzinnen for w in z.split()]
        # An order-2 Markov chain over the seed sentences gives new sentences in the same register.
        keten: dict[tuple[str, str], list[str]] = {}
        for zin in seedzinnen:
            w = ["^", "^", *zin.split(), "$"]
            for a, b, c in zip(w, w[1:], w[2:], strict=False):
                keten.setdefault((a, b), []).append(c)
        self.gewone_namen = [p + s for p in PREFIXEN for s in SUFFIXEN]
        rng.shuffle(self.gewone_namen)
        self.zeldzame_namen = [p + m + s for p in PREFIXEN for m in MIDDENS for s in SUFFIXEN]
        rng.shuffle(self.zeldzame_namen)
        onderwerpen = [o for _, lijst in DOMEINEN for o in lijst]
        zinnen = list(seedzinnen)
        while len(zinnen) < pool // 2 and keten:
            staat, uit = ("^", "^"), []
            while len(uit) < 45:
                volgende = rng.choice(keten[staat])
                if volgende == "$":
                    break
                uit.append(volgende)
                staat = (staat[1], volgende)
            zin = " ".join(uit)
            if 40 <= len(zin) <= 260 and zin[-1] in ".?!":
                zinnen.append(zin)
        while len(zinnen) < pool:
            zinnen.append(
                rng.choice(ZIN_SJABLONEN).format(
                    obj=rng.choice(OBJECTEN), dom=rng.choice(onderwerpen), plek=rng.choice(self.gewone_namen)
                )
            )
        rng.shuffle(zinnen)
        self.zinnen = zinnen
        self.woorden = woorden or ["gemeente"]

    def alinea(self, rng: random.Random, k_min: int = 2, k_max: int = 5, intro: str = "") -> str:
        zinnen = rng.choices(self.zinnen, k=rng.randint(k_min, k_max))
        return (intro + " " if intro else "") + " ".join(zinnen)

    def persoonsnaam(self, rng: random.Random) -> str:
        return f"{rng.choice(VOORLETTERS)} {rng.choice(ACHTERNAMEN)}"


def bench_zoekwoorden() -> list[str]:
    """The distinct search queries the benchmark times uncached (scripts/bench.py, scripts/bench_zoeken.py):
    council vocabulary, common place names and rare place names of the generated dataset."""
    bank = Tekstbank(7, pool=10)
    woorden = [w.split()[0] for _, subs in DOMEINEN for w in subs] + [o.split()[0] for o in OBJECTEN]
    woorden += [n.lower() for n in bank.gewone_namen[:40]] + [n.lower() for n in bank.zeldzame_namen[:60]]
    woorden += ["raad", "college", "begroting", "gemeente", "inwoners", "regiovisie", "jeugdhulp", "krediet"]
    return list(dict.fromkeys(woorden))[:200]

"""Shared reading tools for the document parsers: lines, labels, headings, Dutch dates and times, signatures.

The parsers recognise documents by the headings and labels Dutch council documents use, in the ways
text comes out of a PDF, DOCX, ODT or a plain-text export: "Label: waarde", "Label<TAB>waarde",
"Label   waarde" (PDF tables), a label with its value on the next line, markdown tables.
"""

import datetime
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

MAANDEN = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "feb": 2,
    "febr": 2,
    "maart": 3,
    "mrt": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "augustus": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_MAAND = "|".join(sorted(MAANDEN, key=len, reverse=True))
_DAG = r"(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|ma|di|wo|do|vr|za|zo)\.?,?\s+"
DATUM_TEKST = re.compile(rf"(?<!\d)(?:{_DAG})?(\d{{1,2}})(?:e|ste|de)?\s+({_MAAND})\.?(?:\s+(\d{{4}}))?(?!\w)", re.I)
DATUM_CIJFERS = re.compile(r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)")
DATUM_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
JAAR = re.compile(r"(?<![\d/.-])(19[89]\d|20[0-4]\d)(?![\d/])")
TIJD = r"(\d{1,2})[.:](\d{2})"
TIJDVAK = re.compile(rf"^\s*{TIJD}\s*(?:uur)?\s*(?:(?:-|–|—|tot)\s*{TIJD}\s*(?:uur)?)?(?:\s*[:|\t]\s*|\s+)(.+)$", re.I)
TIJDVAK_LOS = re.compile(rf"{TIJD}\s*(?:uur)?\s*(?:(?:-|–|—|tot)\s*{TIJD})?", re.I)
LIJSTTEKEN = re.compile(r"^\s*(?:[-•*▪◦·‒–]|\(?\d{1,2}[.)]|\(?[a-z][.)]|(?:I|II|III|IV|V|VI|VII|VIII|IX|X)[.)])\s+")
NUMMERING = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2})?[a-z]?)[.)]?\s+(.+)$", re.I)


@dataclass
class Resultaat:
    """What a parser read from a document: the kind, the fields, lists, and notes for the griffie."""

    soort: str
    velden: dict = field(default_factory=dict)
    lijsten: dict = field(default_factory=dict)
    opmerkingen: list[str] = field(default_factory=list)
    onderdelen: dict = field(default_factory=dict)  # e.g. the raadsbesluit attached to a raadsvoorstel

    def als_dict(self) -> dict:
        def waarde(v):
            if isinstance(v, datetime.date | datetime.time):
                return v.isoformat()
            if isinstance(v, Resultaat):
                return v.als_dict()
            if isinstance(v, list):
                return [waarde(x) for x in v]
            if isinstance(v, dict):
                return {k: waarde(x) for k, x in v.items()}
            return v

        return {
            "soort": self.soort,
            "velden": waarde(self.velden),
            "lijsten": waarde(self.lijsten),
            "opmerkingen": list(self.opmerkingen),
            "onderdelen": waarde(self.onderdelen),
        }


# --- Lines -------------------------------------------------------------------------------


def normaliseren(tekst: str) -> str:
    """One text shape for every format: NFC, no markdown emphasis, markdown tables as tab-separated lines."""
    tekst = unicodedata.normalize("NFC", tekst).replace("\u00a0", " ").replace("\u00ad", "").replace("\ufeff", "")
    regels = []
    for regel in tekst.split("\n"):
        kaal = regel.strip()
        if kaal.startswith("|") and kaal.endswith("|"):
            if re.fullmatch(r"\|[\s|:-]+\|", kaal):
                continue
            cellen = [c.strip() for c in kaal.strip("|").split("|")]
            regel = "\t".join(cellen).strip("\t") if any(cellen) else ""
        regel = re.sub(r"\*\*(.+?)\*\*|__(.+?)__", lambda m: m.group(1) or m.group(2), regel)
        regel = re.sub(r"^#{1,6}\s+", "", regel)
        regels.append(regel.rstrip())
    return "\n".join(regels)


def regels_van(tekst: str) -> list[str]:
    return normaliseren(tekst).split("\n")


def kaal(regel: str) -> str:
    """Lower case, no numbering, no trailing colon, single spaces: for comparing headings and labels."""
    regel = re.sub(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\.?|[ivx]{1,4}\.)\s+", "", regel.strip(), flags=re.I)
    regel = regel.strip().rstrip(":").strip().lower()
    regel = regel.replace("’", "'").replace("`", "'")
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKD", regel).encode("ascii", "ignore").decode())


def zonder_lijstteken(regel: str) -> str:
    return LIJSTTEKEN.sub("", regel, count=1).strip()


# --- Labels ------------------------------------------------------------------------------


def _label_patroon(label: str) -> re.Pattern:
    woorden = [re.escape(w) for w in label.split()]
    return re.compile(r"^\s*" + r"\s+".join(woorden) + r"(?:\s*:\s*|\t+\s*|\s{2,}|\s+(?=\S)|\s*$)(.*)$", re.I)


def label_regel(regel: str, labels) -> tuple[str, str] | None:
    """(label, value) when the line starts with one of `labels` (longest first) followed by a separator."""
    for label in sorted(labels, key=len, reverse=True):
        m = _label_patroon(label).match(regel)
        if m:
            rest = m.group(1).strip().lstrip(":").strip()
            return label, rest
    return None


def labels_lezen(regels: list[str], velden: dict[str, list[str]], *, tot: int | None = None) -> dict[str, str]:
    """Read `velden` {field: [labels]} from the header lines (up to `tot`). A label alone on its line takes
    the next non-empty line as its value, unless that line is itself a label."""
    alle_labels = [lab for labs in velden.values() for lab in labs]
    uitkomst: dict[str, str] = {}
    regels = regels[:tot] if tot else regels
    for i, regel in enumerate(regels):
        if not regel.strip():
            continue
        for veld, labels in sorted(velden.items(), key=lambda kv: -max(len(lab) for lab in kv[1])):
            if veld in uitkomst:
                continue
            gevonden = label_regel(regel, labels)
            if gevonden is None:
                continue
            # A longer label of another field matches this line better ("Datum raadsvergadering" vs "Datum").
            beter = label_regel(regel, alle_labels)
            if beter and len(beter[0]) > len(gevonden[0]) and beter[0] not in labels:
                continue
            waarde = gevonden[1]
            if not waarde:
                for volgende in regels[i + 1 : i + 3]:
                    if not volgende.strip():
                        continue
                    if label_regel(volgende, alle_labels) is None and not re.search(r"\s:\s*$|:$", volgende):
                        waarde = volgende.strip()
                    break
            uitkomst[veld] = waarde.strip().strip("\t").strip()
            break
    return uitkomst


# --- Headings and sections ---------------------------------------------------------------


def is_kop(regel: str, koppen) -> str | None:
    """The heading (one of `koppen`, compared bare) this line is, or None. Only short lines are headings."""
    if not regel.strip() or len(regel.strip()) > 80:
        return None
    k = kaal(regel)
    for kop in koppen:
        if k == kaal(kop):
            return kop
    return None


def secties_splitsen(regels: list[str], koppen: dict[str, list[str]]) -> tuple[list[str], dict[str, str], list]:
    """Split lines at headings. Returns (lines before the first heading, {field: text}, [(field, start line)])."""
    naar_veld = {kaal(kop): veld for veld, lijst in koppen.items() for kop in lijst}
    kop_regels = []
    for i, regel in enumerate(regels):
        if regel.strip() and len(regel.strip()) <= 80 and kaal(regel) in naar_veld:
            kop_regels.append((naar_veld[kaal(regel)], i))
    if not kop_regels:
        return regels, {}, []
    secties: dict[str, str] = {}
    for n, (veld, start) in enumerate(kop_regels):
        eind = kop_regels[n + 1][1] if n + 1 < len(kop_regels) else len(regels)
        tekst = alinea_tekst(regels[start + 1 : eind])
        if veld in secties:
            secties[veld] = (secties[veld] + "\n\n" + tekst).strip()
        else:
            secties[veld] = tekst
    return regels[: kop_regels[0][1]], secties, kop_regels


def alinea_tekst(regels: list[str]) -> str:
    """Lines to text: trailing blanks gone, runs of blank lines collapsed to one."""
    uit, leeg = [], False
    for regel in regels:
        if regel.strip():
            uit.append(regel.rstrip())
            leeg = False
        elif uit and not leeg:
            uit.append("")
            leeg = True
    return "\n".join(uit).strip()


def lijst_items(tekst: str) -> list[str]:
    """The items of a bulleted or numbered list in the text. A line right under an item (indented, or with no
    blank line in between, as text from a PDF wraps) continues that item."""
    items: list[str] = []
    vorige_leeg = True
    for regel in tekst.split("\n"):
        if LIJSTTEKEN.match(regel):
            items.append(zonder_lijstteken(regel))
        elif items and regel.strip() and (regel.startswith((" ", "\t")) or not vorige_leeg):
            items[-1] += " " + regel.strip()
        vorige_leeg = not regel.strip()
    return [i for i in items if i]


# --- Dates and times ---------------------------------------------------------------------


def _maak_datum(jaar, maand, dag) -> datetime.date | None:
    try:
        return datetime.date(int(jaar), int(maand), int(dag))
    except (ValueError, TypeError):
        return None


def jaren_in(tekst: str) -> Counter:
    return Counter(int(j) for j in JAAR.findall(tekst))


def jaar_raden(dag: int, maand: int, context: str) -> tuple[int | None, str]:
    """A year for a date written without one: the earliest year the text mentions (or the year after it) on
    which the date falls on a weekday; documents mostly look ahead. Returns (year, note)."""
    for m in DATUM_TEKST.finditer(context):
        if m.group(3) and int(m.group(1)) == dag and MAANDEN[m.group(2).lower().rstrip(".")] == maand:
            return int(m.group(3)), f"Het jaar van de datum is afgeleid uit een andere vermelding: {m.group(3)}."
    telling = jaren_in(context)
    kandidaten = []
    for jaar in sorted(telling):
        for j in (jaar, jaar + 1):
            if j not in kandidaten:
                kandidaten.append(j)
    for j in kandidaten:
        d = _maak_datum(j, maand, dag)
        if d and d.weekday() < 5:
            return j, f"Het jaar van de datum stond niet in het document; afgeleid: {j}. Controleer dit."
    return None, "Het jaar van de datum stond niet in het document; vul het in."


def datum_lezen(tekst: str, *, context: str = "", jaar: int | None = None) -> tuple[datetime.date | None, str]:
    """The first date in `tekst` ("vrijdag 25 juni 2021", "25-06-2021", "2021-06-25", "14 juni").
    Returns (date, note); the note is non-empty when the year had to be derived from `context`."""
    if not tekst:
        return None, ""
    kandidaten = []
    for m in DATUM_TEKST.finditer(tekst):
        kandidaten.append((m.start(), "tekst", m))
    for m in DATUM_CIJFERS.finditer(tekst):
        kandidaten.append((m.start(), "cijfers", m))
    for m in DATUM_ISO.finditer(tekst):
        kandidaten.append((m.start(), "iso", m))
    for _pos, vorm, m in sorted(kandidaten, key=lambda k: k[0]):
        if vorm == "tekst":
            dag, maand = int(m.group(1)), MAANDEN[m.group(2).lower().rstrip(".")]
            if m.group(3):
                d = _maak_datum(m.group(3), maand, dag)
                if d:
                    return d, ""
                continue
            if jaar:
                return _maak_datum(jaar, maand, dag), ""
            geraden, notitie = jaar_raden(dag, maand, context or tekst)
            if geraden:
                return _maak_datum(geraden, maand, dag), notitie
            return None, notitie
        if vorm == "cijfers":
            d = _maak_datum(m.group(3), m.group(2), m.group(1))
        else:
            d = _maak_datum(m.group(1), m.group(2), m.group(3))
        if d:
            return d, ""
    return None, ""


def tijd_maken(uur, minuut) -> datetime.time | None:
    try:
        return datetime.time(int(uur), int(minuut))
    except (ValueError, TypeError):
        return None


def tijdvak_lezen(regel: str):
    """(aanvang, einde, rest) for "20.00 – 20.30<TAB>Onderwerp", "19.30 uur Opening", "20:00-20:30 | ..."."""
    m = TIJDVAK.match(regel)
    if not m:
        return None
    aanvang = tijd_maken(m.group(1), m.group(2))
    einde = tijd_maken(m.group(3), m.group(4)) if m.group(3) else None
    if aanvang is None or (m.group(3) and einde is None):
        return None
    rest = m.group(5).strip().lstrip("|:-–").strip()
    if not rest or re.fullmatch(r"[\d\s.:\-–uur]*", rest):
        return None
    return aanvang, einde, rest


# --- Signatures --------------------------------------------------------------------------

FUNCTIES = {
    "directeur-secretaris": "directeur_secretaris",
    "directeur/secretaris": "directeur_secretaris",
    "gemeentesecretaris": "directeur_secretaris",
    "secretaris": "directeur_secretaris",
    "de secretaris": "directeur_secretaris",
    "de gemeentesecretaris": "directeur_secretaris",
    "burgemeester": "burgemeester",
    "de burgemeester": "burgemeester",
    "griffier": "griffier",
    "de griffier": "griffier",
    "raadsgriffier": "griffier",
    "voorzitter": "voorzitter",
    "de voorzitter": "voorzitter",
    "wethouder": "wethouder",
    "de wethouder": "wethouder",
}


def _functie(regel: str) -> str | None:
    k = kaal(regel).rstrip(",").strip()
    return FUNCTIES.get(k)


def _is_naam(regel: str) -> bool:
    regel = regel.strip()
    if not regel or len(regel) > 80 or regel.endswith((".", ":", ";")) and not re.search(r"[A-Z]\.$", regel):
        return False
    return bool(
        re.match(r"^(?:(?:mr|dr|drs|ir|ing|prof)\.?\s+)*(?:[A-Z]\.\s*)+[A-Za-z'’ -]|^[A-Z][a-z]+\s+[A-Z]", regel)
    )


def ondertekening_lezen(regels: list[str]) -> dict[str, str]:
    """{function: name} from a signature block: a name line followed by its function line, or a line of
    functions ("de secretaris, de burgemeester,") followed by a line of names split by tabs or spaces."""
    uit: dict[str, str] = {}
    for i, regel in enumerate(regels):
        functie = _functie(regel)
        if functie:
            for j in range(i - 1, max(-1, i - 3), -1):
                vorige = regels[j].strip()
                if not vorige:
                    continue
                if _is_naam(vorige) and _functie(vorige) is None:
                    uit.setdefault(functie, re.sub(r"\s+", " ", vorige).strip(" ,"))
                break
            continue
        delen = [d for d in re.split(r",\s*|\t+|\s{2,}", regel.strip()) if d.strip()]
        functies = [_functie(d) for d in delen]
        if len(delen) >= 2 and all(functies):
            for volgende in regels[i + 1 : i + 4]:
                namen = [n.strip(" ,") for n in re.split(r"\t+|\s{3,}", volgende.strip()) if n.strip(" ,")]
                if len(namen) != len(functies):
                    # Text from a PDF loses the tab between the names: split before each set of initials.
                    namen = [
                        n.strip(" ,")
                        for n in re.split(r"\s+(?=(?:[A-Z]\.\s?)+\s*(?:[a-z]+\s+)*[A-Z])", volgende.strip())
                    ]
                if len(namen) == len(functies) and all(_is_naam(n) for n in namen):
                    for f, n in zip(functies, namen, strict=True):
                        uit.setdefault(f, n)
                    break
    return uit


def zaaknummer_zoeken(tekst: str, patroon: str) -> str | None:
    """The first string in the text matching the municipality's zaaknummer pattern (anchors dropped)."""
    kern = patroon.lstrip("^").rstrip("$")
    m = re.search(rf"(?<![\w/]){kern}(?![\w/])", tekst)
    return m.group(0) if m else None


def eerste_woord(waarde: str) -> str:
    waarde = (waarde or "").strip()
    return re.split(r"\s+", waarde)[0].strip(",;") if waarde else ""

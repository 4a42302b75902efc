"""The load test of `make bench` (started by scripts/bench.sh, which prepares the database and the environment).

Starts gunicorn with the production settings on 127.0.0.1, loads the baseline and then each page with wrk
(16 connections, a fixed duration per page), and prints per page: requests/s, the ratio to the baseline of this
run, p50/p95/p99 latency, errors and queries per request. Then the iCal build time for 500 meetings, the search
latency for distinct (uncached) queries, and the gunicorn workers' RSS. Every target (the DOEL_* constants) gets PASS or
FAIL. Loopback only; every loop is bounded in count and time.
"""

import datetime
import json
import math
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "leusden_portal.settings.production")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

HOST = "127.0.0.1"
PORT = int(os.environ.get("BENCH_PORT", "8765"))
BASIS = f"http://{HOST}:{PORT}"
DUUR = int(os.environ.get("BENCH_DUUR", "10"))
DUUR_ZONDER_CACHE = int(os.environ.get("BENCH_DUUR_ZONDER_CACHE", "5"))
CONNECTIES = int(os.environ.get("BENCH_CONNECTIES", "16"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "4"))
WRK_THREADS = int(os.environ.get("BENCH_WRK_THREADS", "2"))
UITVOER = Path(os.environ.get("BENCH_UITVOER", "/tmp/leusden-bench-resultaat.json"))

DOEL_PUBLIEK_RATIO = 0.50
DOEL_PUBLIEK_P99_MS = 50
DOEL_INGELOGD_RATIO = 0.15
DOEL_ZOEKEN_P95_MS = 50
DOEL_QUERIES = 10
DOEL_ICAL_S = 0.15
DOEL_RSS_MB = 150
# issue 14: every public page type under its distinct-URL pattern, page cache off
DOEL_PATROON_RATIO = 0.10
DOEL_PATROON_P99_MS = 100
URL_AANTAL = int(os.environ.get("BENCH_URLS", "2000"))
PDF_BEZOEKEN = int(os.environ.get("BENCH_PDF_BEZOEKEN", "60"))
DUUR_PATROON = int(os.environ.get("BENCH_DUUR_PATROON", os.environ.get("BENCH_DUUR", "10")))
LIJSTEN = Path(os.environ.get("BENCH_LIJSTEN", "/tmp/leusden-bench-urls"))
# Two app servers sharing the cache in Redis: BENCH_REDIS (redis://127.0.0.1:6379/15; "" skips that part)
REDIS = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/15")


# --- Preparing the pages ---------------------------------------------------------------------------------


def sessie_cookie(gebruikersnaam: str, groep: str) -> str:
    """A logged-in session for a bench user of `groep` (no password: it can never log in through a form)."""
    User = get_user_model()
    user, _ = User.objects.get_or_create(username=gebruikersnaam)
    user.set_unusable_password()
    user.is_staff = groep == "griffie"
    user.save()
    user.groups.add(Group.objects.get_or_create(name=groep)[0])
    sessie = SessionStore()
    sessie[SESSION_KEY] = str(user.pk)
    sessie[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]  # the portal's ModelBackend
    sessie[HASH_SESSION_KEY] = user.get_session_auth_hash()
    sessie.set_expiry(3600)
    sessie.create()
    return f"{settings.SESSION_COOKIE_NAME}={sessie.session_key}"


def kies_gegevens() -> dict:
    """Pick the records the pages show, from the generated data (deterministic: fixed positions)."""
    from apps.besluiten.models import Besluit
    from apps.vergaderagenda.models import Vergadering

    vandaag = timezone.localdate()
    publiek = Besluit.objects.openbaar().filter(vervangen_door__isnull=True).order_by("-gepubliceerd_op", "-id")
    besluit = publiek[500]
    vorig_jaar = vandaag.year - 1
    raad = (
        Vergadering.objects.openbaar().filter(soort="raadsvergadering", datum__year=vorig_jaar).order_by("datum", "id")
    )
    agenda_datum = raad[raad.count() // 2].datum
    zaak_tijdlijn = publiek[1500].zaak.zaaknummer
    with connection.cursor() as c:
        # A rare word: a generated place name that occurs in only a few public documents.
        from apps.schaaldata.tekst import Tekstbank

        bank = Tekstbank(int(os.environ.get("BENCH_SEED", "7")), pool=10)
        zeldzaam = None
        for naam in bank.zeldzame_namen[:50]:
            c.execute("SELECT count(*) FROM besluiten_besluit WHERE titel LIKE %s", [f"%{naam}"])
            if 1 <= c.fetchone()[0] <= 30:
                zeldzaam = naam
                break
    return {
        "zaaknummer": besluit.zaak.zaaknummer,
        "agenda_datum": agenda_datum.isoformat(),
        "tijdlijn": zaak_tijdlijn,
        "jaar": str(vorig_jaar - 3),
        "zeldzaam": zeldzaam or "Zonnebeekhof",
    }


def paginas(g: dict, griffie: str, raadslid: str) -> list[dict]:
    def p(naam, pad, soort="publiek", cookie=None):
        return {"naam": naam, "pad": pad, "soort": soort, "cookie": cookie}

    return [
        p("baseline (hallo wereld)", "/bench/hallo/", "baseline"),
        p("home", "/"),
        p("besluiten", "/besluiten/"),
        p("besluiten, 2 filters", f"/besluiten/?jaar={g['jaar']}&uitkomst=aangenomen"),
        p("besluit", f"/besluiten/{g['zaaknummer']}/"),
        p("zoeken: veel voorkomend", "/zoeken/?q=jeugdhulp", "zoeken"),
        p("zoeken: zeldzaam", f"/zoeken/?q={g['zeldzaam'].lower()}", "zoeken"),
        p("agenda per datum", f"/vergaderingen/{g['agenda_datum']}/"),
        p("tijdlijn zaak", f"/zaken/{g['tijdlijn']}/"),
        p("vergaderingen.ics", "/vergaderingen.ics"),
        p("griffie: dashboard", "/griffie/", "ingelogd", griffie),
        p("raadslid: agenda per datum", f"/vergaderingen/{g['agenda_datum']}/", "ingelogd", raadslid),
    ]


def url_lijsten(seed: int) -> dict[str, list[str]]:
    """Per access pattern a list of paths picked at random (fixed seed) from the database: what real visitors
    and crawlers ask for, never one URL twice in a row. Besluiten of the citizens' visits get their stored PDF
    (as at publication; the scale data has none), rendered once and kept."""
    from apps.besluiten.models import Besluit
    from apps.besluiten.pdf import raadsbesluit_opslaan
    from apps.core.models import Gremium, Onderwerp, Persoon
    from apps.vergaderagenda.models import Vergadering

    rng = random.Random(seed)
    huidig = Besluit.objects.openbaar().filter(vervangen_door__isnull=True)
    zaaknummers = list(huidig.values_list("zaak__zaaknummer", flat=True))
    paginas = math.ceil(len(zaaknummers) / 25)
    onderwerpen = list(Onderwerp.objects.values_list("slug", flat=True))
    gremia = list(Gremium.objects.filter(vergaderingen__openbaar=True).distinct().values_list("slug", flat=True))
    personen = [
        str(u)
        for u in Persoon.objects.filter(raadsvoorstellen_portefeuille__isnull=False)
        .distinct()
        .values_list("uuid", flat=True)
    ]
    jaren = list(range(2000, timezone.localdate().year + 1))
    uitkomsten = [w for w, _ in Besluit.Uitkomst.choices]
    datums = sorted({d.isoformat() for d in Vergadering.objects.openbaar().values_list("datum", flat=True)})
    titels = list(huidig.order_by("?").values_list("titel", flat=True)[:3000])
    woorden = sorted({w.lower() for t in titels for w in re.findall(r"[^\W\d_]{5,}", t)})

    def filters() -> str:
        keuzes = {
            "onderwerp": lambda: rng.choice(onderwerpen),
            "jaar": lambda: str(rng.choice(jaren)),
            "uitkomst": lambda: rng.choice(uitkomsten),
            "gremium": lambda: rng.choice(gremia),
            "portefeuillehouder": lambda: rng.choice(personen),
        }
        namen = rng.sample(sorted(keuzes), rng.randint(1, 3))
        return "&".join(f"{n}={keuzes[n]()}" for n in sorted(namen))

    n = URL_AANTAL
    bezoek_zaken = rng.sample(zaaknummers, PDF_BEZOEKEN)
    for besluit in Besluit.objects.openbaar().filter(zaak__zaaknummer__in=bezoek_zaken, pdf=""):
        raadsbesluit_opslaan(besluit)
    lijsten = {
        "besluit": [f"/besluiten/{z}/" for z in rng.sample(zaaknummers, n)],
        "besluiten ?page=N": [f"/besluiten/?page={rng.randint(1, paginas)}" for _ in range(n)],
        "besluiten, 1-3 filters": [f"/besluiten/?{filters()}" for _ in range(n)],
        "zoeken ?q=woord": [f"/zoeken/?q={w}" for w in rng.sample(woorden, min(n, len(woorden)))],
        "agenda per datum": [f"/vergaderingen/{d}/" for d in rng.sample(datums, min(n, len(datums)))],
        "tijdlijn zaak": [f"/zaken/{z}/" for z in rng.sample(zaaknummers, n)],
        "bezoek home>lijst>besluit>pdf": [
            f"/ /besluiten/?{filters()} /besluiten/{z}/ /besluiten/{z}/raadsbesluit.pdf" for z in bezoek_zaken
        ],
        "besluiten (zelfde url)": ["/besluiten/"],
        "home": ["/"],
        "onderwerp": [f"/onderwerpen/{rng.choice(onderwerpen)}/" for _ in range(n)],
        "kalender": [f"/vergaderingen/?maand={rng.choice(jaren)}-{rng.randint(1, 12):02d}" for _ in range(n)],
    }
    LIJSTEN.mkdir(parents=True, exist_ok=True)
    for i, paden in enumerate(lijsten.values()):
        (LIJSTEN / f"{i:02d}.txt").write_text("\n".join(paden) + "\n")
    return lijsten


# --- HTTP helpers -----------------------------------------------------------------------------------------


def haal(pad: str, headers: dict | None = None, timeout: float = 30.0, basis: str = BASIS):
    verzoek = urllib.request.Request(basis + pad, headers=headers or {})
    try:
        with urllib.request.urlopen(verzoek, timeout=timeout) as antwoord:
            return antwoord.status, dict(antwoord.headers), antwoord.read()
    except urllib.error.HTTPError as fout:
        return fout.code, dict(fout.headers), fout.read()


def queries(pagina: dict, *, cache: bool) -> tuple[int, int | None]:
    headers = {"X-Bench-Queries": "1"}
    if not cache:
        headers["X-Bench-Geen-Cache"] = "1"
    if pagina["cookie"]:
        headers["Cookie"] = pagina["cookie"]
    status, kop, _ = haal(pagina["pad"], headers)
    aantal = kop.get("X-Query-Count")
    return status, int(aantal) if aantal is not None else None


def wrk(pagina: dict, duur: int, *, cache: bool = True, urls: Path | None = None, poorten: str = "") -> dict:
    cmd = [
        "wrk",
        f"-t{WRK_THREADS}",
        f"-c{CONNECTIES}",
        f"-d{duur}s",
        "--timeout",
        "5s",
        "--latency",
        "-s",
        str(ROOT / "scripts" / "bench_wrk.lua"),
    ]
    if pagina["cookie"]:
        cmd += ["-H", f"Cookie: {pagina['cookie']}"]
    if not cache:
        cmd += ["-H", "X-Bench-Geen-Cache: 1"]
    # wrk first connects to the URL's own address, so with several ports it names the first of them
    cmd.append((f"http://{HOST}:{poorten.split(',')[0]}" if poorten else BASIS) + pagina["pad"])
    if urls is not None:
        cmd += ["--", str(urls), os.environ.get("BENCH_SEED", "7")]
    omgeving = {**os.environ, "BENCH_POORTEN": poorten}
    gedaan = subprocess.run(cmd, capture_output=True, text=True, timeout=duur + 30, env=omgeving)
    if gedaan.returncode != 0:
        raise SystemExit(f"wrk faalde ({gedaan.returncode}): {gedaan.stderr.strip()} {gedaan.stdout.strip()}")
    uit = gedaan.stdout
    regel = next(r for r in uit.splitlines() if r.startswith("BENCH_JSON "))
    data = json.loads(regel[len("BENCH_JSON ") :])
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", uit)
    data["non2xx"] = int(non2xx.group(1)) if non2xx else 0
    data["fouten"] = (
        data["connect"] + data["read"] + data["write"] + data["timeout"] + max(data["status"], data["non2xx"])
    )
    data["rps"] = data["requests"] / (data["duration_us"] / 1e6)
    return data


# --- The server ---------------------------------------------------------------------------------------------


def start_gunicorn(*, poort: int = PORT, workers: int = WORKERS, omgeving: dict | None = None) -> subprocess.Popen:
    cmd = [
        str(ROOT / ".venv" / "bin" / "gunicorn"),
        "-c",
        "python:leusden_portal.gunicorn",
        "leusden_portal.wsgi:application",
        "--bind",
        f"{HOST}:{poort}",
        "--workers",
        str(workers),
        "--worker-class",
        "sync",
        "--backlog",
        "256",
        "--timeout",
        "60",
        "--log-level",
        "warning",
        "--preload",
    ]
    proces = subprocess.Popen(cmd, cwd=ROOT, start_new_session=True, env={**os.environ, **(omgeving or {})})
    for _ in range(300):
        time.sleep(0.1)
        if proces.poll() is not None:
            raise SystemExit("gunicorn stopte meteen; zie de uitvoer hierboven.")
        try:
            if haal("/bench/hallo/", timeout=2, basis=f"http://{HOST}:{poort}")[0] == 200:
                return proces
        except OSError:
            continue
    stop_gunicorn(proces)
    raise SystemExit("gunicorn antwoordde niet binnen 30 s.")


def stop_gunicorn(proces: subprocess.Popen) -> None:
    if proces.poll() is None:
        os.killpg(proces.pid, signal.SIGTERM)
        try:
            proces.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proces.pid, signal.SIGKILL)


def worker_rss_mb(master: int) -> list[float]:
    uit = []
    for pid in Path(f"/proc/{master}/task/{master}/children").read_text().split():
        status = Path(f"/proc/{pid}/status").read_text()
        kb = int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1))
        uit.append(kb / 1024)
    return uit


# --- Extra measurements -------------------------------------------------------------------------------------


def ical_500() -> tuple[float, int]:
    """Median build time of the iCal feed for 500 meetings (its two queries included), 7 runs.

    The iCal selector + builder, with "today" moved so that its window (the last twelve months and everything
    upcoming) holds the 500 most recent public meetings; the real feed holds about 400 at this scale.
    """
    from django.contrib.auth.models import AnonymousUser

    from apps.vergaderagenda.ical import vergaderingen_als_ical
    from apps.vergaderagenda.models import Vergadering
    from apps.vergaderagenda.selectors import ICAL_TERUG, ical_vergaderingen

    vanaf = Vergadering.objects.openbaar().order_by("-datum").values_list("datum", flat=True)[499]
    tijden, aantal = [], 0
    for _ in range(7):
        begin = time.perf_counter()
        vergaderingen = ical_vergaderingen(user=AnonymousUser(), vandaag=vanaf + ICAL_TERUG)[:500]
        vergaderingen_als_ical(vergaderingen, basis_url="https://example.invalid", naam="Bench")
        tijden.append(time.perf_counter() - begin)
        aantal = len(vergaderingen)
    return statistics.median(tijden), aantal


def zoeken_zonder_cache(woorden: list[str]) -> dict:
    """Search latency for distinct queries, one connection, the page cache bypassed: p50/p95 in ms.

    First the requests still queued from the last wrk run drain, and every worker answers a few searches for a
    word that is not in the list (its one-off start-up: connection, the search statistics it reads per process).
    The measured queries themselves are all new to the portal.
    """
    time.sleep(3)
    for _ in range(4 * WORKERS):
        haal("/zoeken/?q=opwarmen", {"X-Bench-Geen-Cache": "1"})
    tijden = []
    fouten = 0
    for woord in woorden:
        begin = time.perf_counter()
        status, _, _ = haal(f"/zoeken/?q={woord}", {"X-Bench-Geen-Cache": "1"})
        tijden.append(((time.perf_counter() - begin) * 1000, woord))
        fouten += status != 200
    tijden.sort()
    print("  traagste zoekvragen: " + ", ".join(f"{woord} {ms:.0f} ms" for ms, woord in tijden[-10:][::-1]))
    ms = [t for t, _ in tijden]
    return {"aantal": len(ms), "p50": statistics.median(ms), "p95": ms[int(0.95 * (len(ms) - 1))], "fouten": fouten}


def zoekwoorden() -> list[str]:
    from apps.schaaldata.tekst import bench_zoekwoorden

    return bench_zoekwoorden()


# --- Main ---------------------------------------------------------------------------------------------------


def meet_patronen(lijsten: dict, *, poorten: str = "", cache: bool = False, namen=None) -> dict:
    """The distinct-URL patterns (page cache off unless `cache`), with the hello-world baseline measured just
    before and just after them (its mean is the run's baseline)."""
    baseline = {"naam": "baseline (hallo wereld)", "pad": "/bench/hallo/", "soort": "baseline", "cookie": None}
    voor = wrk(baseline, DUUR_PATROON, poorten=poorten)
    uitkomsten = []
    for i, (naam, paden) in enumerate(lijsten.items()):
        if namen is not None and naam not in namen:
            continue
        pagina = {"naam": naam, "pad": paden[0].split()[0], "soort": "patroon", "cookie": None}
        bestand = LIJSTEN / f"{i:02d}.txt"
        wrk(pagina, 1, cache=cache, urls=bestand, poorten=poorten)  # warm-up: imports, connections
        meting = wrk(pagina, DUUR_PATROON, cache=cache, urls=bestand, poorten=poorten)
        meting.update(pagina, urls=len(paden))
        uitkomsten.append(meting)
        print(
            f"  {naam:32} {meting['rps']:8.0f} req/s  p50 {meting['p50'] / 1000:6.1f} ms  "
            f"p99 {meting['p99'] / 1000:6.1f} ms  fouten {meting['fouten']}",
            flush=True,
        )
    na = wrk(baseline, DUUR_PATROON, poorten=poorten)
    return {"baseline": (voor["rps"] + na["rps"]) / 2, "baseline_metingen": [voor, na], "patronen": uitkomsten}


def redis_antwoordt(adres: str) -> bool:
    try:
        import redis

        redis.Redis.from_url(adres, socket_timeout=1).ping()
        return True
    except Exception:  # any failure means: no Redis for this run
        return False


def twee_servers(lijsten: dict, lijst: list[dict]) -> dict | None:
    """Two gunicorn instances (half the workers each) sharing the cache in Redis, the load split over both
    (wrk's threads alternate between the two ports): cached pages and three distinct-URL patterns."""
    if not REDIS or not redis_antwoordt(REDIS):
        print("  (Redis antwoordt niet: dit deel wordt overgeslagen)")
        return None
    import redis

    redis.Redis.from_url(REDIS).flushdb()
    omgeving = {"CACHE_BACKEND": "django.core.cache.backends.redis.RedisCache", "CACHE_LOCATION": REDIS}
    poorten = [PORT + 1, PORT + 2]
    processen = [start_gunicorn(poort=p, workers=max(WORKERS // 2, 1), omgeving=omgeving) for p in poorten]
    lijst_poorten = ",".join(map(str, poorten))
    try:
        gecachet = []
        for pagina in [p for p in lijst if p["soort"] in ("publiek", "zoeken")][:5]:
            wrk(pagina, 1, poorten=lijst_poorten)
            meting = wrk(pagina, DUUR_ZONDER_CACHE or 5, poorten=lijst_poorten)
            meting.update(pagina)
            gecachet.append(meting)
        patronen = meet_patronen(
            lijsten, poorten=lijst_poorten, namen={"besluit", "besluiten ?page=N", "besluiten, 1-3 filters"}
        )
    finally:
        for proces in processen:
            stop_gunicorn(proces)
    return {"gecachet": gecachet, **patronen}


def zoekwoorden_nieuw(lijsten: dict, aantal: int = 300) -> list[str]:
    """`aantal` search words the load test did not use: title words of the database, another draw."""
    from apps.besluiten.models import Besluit

    gebruikt = {p.split("q=", 1)[1] for p in lijsten["zoeken ?q=woord"]}
    rng = random.Random(int(os.environ.get("BENCH_SEED", "7")) + 1)
    titels = Besluit.objects.openbaar().order_by("-id").values_list("titel", flat=True)[:20000]
    woorden = sorted({w.lower() for t in titels for w in re.findall(r"[^\W\d_]{4,}", t)} - gebruikt)
    extra = [w for w in zoekwoorden() if w not in gebruikt]
    return list(dict.fromkeys(rng.sample(woorden, min(aantal, len(woorden))) + extra))[:aantal]


def main():
    print(
        f"Benchmark {datetime.datetime.now():%Y-%m-%d %H:%M} — {os.cpu_count()} cores, "
        f"gunicorn {WORKERS} sync workers, wrk {WRK_THREADS} threads × {CONNECTIES} verbindingen × {DUUR} s"
    )
    from apps.besluiten.models import Besluit

    print(f"Database: {connection.settings_dict['NAME']} — {Besluit.objects.count():,} besluiten".replace(",", "."))
    g = kies_gegevens()
    griffie = sessie_cookie("bench-griffie", "griffie")
    raadslid = sessie_cookie("bench-raadslid", "raadslid")
    lijst = paginas(g, griffie, raadslid)
    print("== URL-lijsten uit de database (vaste seed)")
    lijsten = url_lijsten(int(os.environ.get("BENCH_SEED", "7")))
    nieuwe_woorden = zoekwoorden_nieuw(lijsten)
    connection.close()

    proces = start_gunicorn()
    resultaten = []
    try:
        print("== Verschillende URL's per verzoek, paginacache uit")
        patronen = meet_patronen(lijsten)
        print("== Steeds dezelfde URL, met paginacache")
        for pagina in lijst:
            wrk(pagina, 1)  # warm-up: every worker has the page (and a logged-in session) in its cache
            # Queries per request with the page cache bypassed, counted once the workers are warm: a session is
            # read from the database once per worker, then from the cache (cached_db).
            status, q_koud = queries(pagina, cache=False)
            if status != 200:
                print(f"  LET OP: {pagina['pad']} gaf HTTP {status}")
            _, q_warm = queries(pagina, cache=True)
            meting = wrk(pagina, DUUR)
            meting.update(pagina, status=status, q_koud=q_koud, q_warm=q_warm)
            if DUUR_ZONDER_CACHE and pagina["soort"] != "baseline":
                zonder = wrk(pagina, DUUR_ZONDER_CACHE, cache=False)
                meting["rps_zonder_cache"] = zonder["rps"]
                meting["p99_zonder_cache"] = zonder["p99"] / 1000
            resultaten.append(meting)
            print(
                f"  {pagina['naam']:28} {meting['rps']:8.0f} req/s  p50 {meting['p50'] / 1000:6.1f} ms  "
                f"p99 {meting['p99'] / 1000:6.1f} ms  fouten {meting['fouten']}",
                flush=True,
            )
        zoeken = zoeken_zonder_cache(nieuwe_woorden)
        rss = worker_rss_mb(proces.pid)
    finally:
        stop_gunicorn(proces)
    print("== Twee app-servers, gedeelde cache in Redis")
    twee = twee_servers(lijsten, lijst)
    ical_s, ical_n = ical_500()
    rapport(resultaten, zoeken, rss, ical_s, ical_n, g, patronen=patronen, twee=twee)


def patronen_tabel(titel: str, patronen: dict, doelen: list | None) -> None:
    basis = patronen["baseline"]
    kop = (
        f"{'patroon (' + titel + ')':44} {'urls':>5} {'req/s':>7} {'×basis':>7} {'p50 ms':>7} {'p99 ms':>7} "
        f"{'fouten':>6}"
    )
    print()
    print(kop)
    print("-" * len(kop))
    print(f"{'baseline (hallo wereld), gemiddelde voor/na':44} {'':5} {basis:7.0f} {1:7.2f}")
    for r in patronen["patronen"]:
        ratio = r["rps"] / basis
        print(
            f"{r['naam']:44} {r['urls']:5d} {r['rps']:7.0f} {ratio:7.2f} {r['p50'] / 1000:7.1f} "
            f"{r['p99'] / 1000:7.1f} {r['fouten']:6d}"
        )
        if doelen is not None:
            doelen.append(
                (
                    f"{r['naam']}: ≥ {DOEL_PATROON_RATIO:.2f}× basis (zonder cache)",
                    ratio >= DOEL_PATROON_RATIO,
                    f"{ratio:.2f}",
                )
            )
            doelen.append(
                (
                    f"{r['naam']}: p99 ≤ {DOEL_PATROON_P99_MS} ms (zonder cache)",
                    r["p99"] / 1000 <= DOEL_PATROON_P99_MS,
                    f"{r['p99'] / 1000:.1f} ms",
                )
            )
            doelen.append((f"{r['naam']}: 0 fouten", r["fouten"] == 0, str(r["fouten"])))


def rapport(resultaten, zoeken, rss, ical_s, ical_n, g, *, patronen, twee):
    basis = resultaten[0]["rps"]
    doelen = []
    patronen_tabel("verschillende URL's, paginacache uit", patronen, doelen)
    print("\nMet paginacache (steeds dezelfde URL; de kolommen 'zonder cache' zonder):")
    kop = (
        f"{'pagina':28} {'req/s':>7} {'×basis':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'fouten':>6} "
        f"{'q koud':>6} {'q warm':>6} {'zonder cache: req/s':>20} {'p99 ms':>7}"
    )
    print()
    print(kop)
    print("-" * len(kop))
    for r in resultaten:
        ratio = r["rps"] / basis
        zonder = (
            f"{r.get('rps_zonder_cache', 0):20.0f} {r.get('p99_zonder_cache', 0):7.1f}"
            if "rps_zonder_cache" in r
            else f"{'':20} {'':7}"
        )
        print(
            f"{r['naam']:28} {r['rps']:7.0f} {ratio:7.2f} {r['p50'] / 1000:7.1f} {r['p95'] / 1000:7.1f} "
            f"{r['p99'] / 1000:7.1f} {r['fouten']:6d} {r['q_koud'] if r['q_koud'] is not None else '-':>6} "
            f"{r['q_warm'] if r['q_warm'] is not None else '-':>6} {zonder}"
        )
        if r["soort"] in ("publiek", "zoeken"):
            doelen.append(
                (f"{r['naam']}: ≥ {DOEL_PUBLIEK_RATIO:.0%} van de basis", ratio >= DOEL_PUBLIEK_RATIO, f"{ratio:.0%}")
            )
            doelen.append(
                (
                    f"{r['naam']}: p99 ≤ {DOEL_PUBLIEK_P99_MS} ms",
                    r["p99"] / 1000 <= DOEL_PUBLIEK_P99_MS,
                    f"{r['p99'] / 1000:.1f} ms",
                )
            )
        if r["soort"] == "ingelogd":
            doelen.append(
                (f"{r['naam']}: ≥ {DOEL_INGELOGD_RATIO:.0%} van de basis", ratio >= DOEL_INGELOGD_RATIO, f"{ratio:.0%}")
            )
        if r["soort"] == "zoeken":
            doelen.append(
                (
                    f"{r['naam']}: p95 ≤ {DOEL_ZOEKEN_P95_MS} ms",
                    r["p95"] / 1000 <= DOEL_ZOEKEN_P95_MS,
                    f"{r['p95'] / 1000:.1f} ms",
                )
            )
        if r["soort"] != "baseline":
            doelen.append(
                (
                    f"{r['naam']}: 0 fouten",
                    r["fouten"] == 0 and r["status"] == 200,
                    f"{r['fouten']} (HTTP {r['status']})",
                )
            )
            if r["q_koud"] is not None:
                doelen.append((f"{r['naam']}: ≤ {DOEL_QUERIES} queries", r["q_koud"] <= DOEL_QUERIES, str(r["q_koud"])))
    print()
    print(
        f"Zoeken zonder cache, {zoeken['aantal']} verschillende zoekvragen na elkaar: "
        f"p50 {zoeken['p50']:.1f} ms, p95 {zoeken['p95']:.1f} ms, fouten {zoeken['fouten']}"
    )
    doelen.append(
        (
            f"zoeken zonder cache: p95 ≤ {DOEL_ZOEKEN_P95_MS} ms",
            zoeken["p95"] <= DOEL_ZOEKEN_P95_MS,
            f"{zoeken['p95']:.1f} ms",
        )
    )
    print(f"iCal voor {ical_n} vergaderingen: mediaan {ical_s * 1000:.0f} ms")
    doelen.append(
        (
            f"iCal 500 vergaderingen ≤ {DOEL_ICAL_S} s",
            ical_s <= DOEL_ICAL_S and ical_n == 500,
            f"{ical_s:.3f} s ({ical_n})",
        )
    )
    if twee:
        print("\nTwee app-servers (elk de helft van de workers), gedeelde cache in Redis, de last verdeeld:")
        basis_twee = twee["baseline"]
        for r in twee["gecachet"]:
            print(
                f"  met paginacache {r['naam']:28} {r['rps']:7.0f} req/s  {r['rps'] / basis_twee:5.2f}× basis  "
                f"p99 {r['p99'] / 1000:6.1f} ms  fouten {r['fouten']}"
            )
        patronen_tabel("twee servers + Redis, paginacache uit", twee, None)
    print(f"RSS van de gunicorn-workers na de run: {', '.join(f'{m:.0f}' for m in rss)} MB")
    doelen.append((f"RSS per worker ≤ {DOEL_RSS_MB} MB", max(rss) <= DOEL_RSS_MB, f"max {max(rss):.0f} MB"))
    print()
    for naam, ok, waarde in doelen:
        print(f"  {'PASS' if ok else 'FAIL'}  {naam:55} {waarde}")
    geslaagd = sum(ok for _, ok, _ in doelen)
    print(f"\n{geslaagd} van {len(doelen)} doelen gehaald.")
    UITVOER.write_text(
        json.dumps(
            {
                "resultaten": resultaten,
                "patronen": patronen,
                "twee_servers": twee,
                "zoeken_zonder_cache": zoeken,
                "rss_mb": rss,
                "ical_s": ical_s,
                "ical_n": ical_n,
                "gegevens": g,
                "doelen": [{"doel": n, "gehaald": ok, "waarde": w} for n, ok, w in doelen],
            },
            indent=1,
            default=str,
        )
    )
    print(f"Resultaten ook in {UITVOER}")


if __name__ == "__main__":
    main()

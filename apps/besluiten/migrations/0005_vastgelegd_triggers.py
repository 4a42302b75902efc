"""PostgreSQL, the last line behind the model and queryset guards (which hold on every database):

- a published besluit row: UPDATE refused, except setting its PDF, PDF checksum or publication
  snapshot once while they are empty (an import without them); DELETE refused;
- TRUNCATE of the besluit and dictum tables refused while a published besluit exists (unless
  the session sets leusden.truncate_toegestaan = 'aan': the test suite's flush between tests);
- the facts a published besluit rests on: a zaak's zaaknummer; a meeting's date, kind,
  openbaarheid and body; an agenda item's meeting, place, number, zaak and raadsvoorstel; a
  raadsvoorstel's zaak, text, dates, status and vertrouwelijkheid.
On SQLite this migration does nothing.
"""

from django.db import migrations

TRIGGERS = """
CREATE OR REPLACE FUNCTION besluit_gepubliceerd_onveranderlijk() RETURNS trigger AS $$
BEGIN
    IF OLD.status = 'gepubliceerd' THEN
        IF TG_OP = 'UPDATE'
           AND (OLD.pdf = NEW.pdf OR OLD.pdf = '')
           AND (OLD.pdf_sha256 = NEW.pdf_sha256 OR OLD.pdf_sha256 = '')
           AND (OLD.publicatie_gegevens IS NOT DISTINCT FROM NEW.publicatie_gegevens OR OLD.publicatie_gegevens IS NULL)
           AND (to_jsonb(NEW) - 'pdf' - 'pdf_sha256' - 'publicatie_gegevens' - 'updated_at')
             = (to_jsonb(OLD) - 'pdf' - 'pdf_sha256' - 'publicatie_gegevens' - 'updated_at') THEN
            RETURN NEW;
        END IF;
        RAISE EXCEPTION 'Een gepubliceerd besluit (id %) kan niet worden gewijzigd of verwijderd; maak een rectificatie.', OLD.id
            USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION besluit_truncate_weigeren() RETURNS trigger AS $$
BEGIN
    IF coalesce(current_setting('leusden.truncate_toegestaan', true), '') = 'aan' THEN
        RETURN NULL;
    END IF;
    IF EXISTS (SELECT 1 FROM besluiten_besluit WHERE status = 'gepubliceerd') THEN
        RAISE EXCEPTION 'Er zijn gepubliceerde besluiten: % kan niet worden geleegd.', TG_TABLE_NAME
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS besluit_truncate_weigeren ON besluiten_besluit;
CREATE TRIGGER besluit_truncate_weigeren BEFORE TRUNCATE ON besluiten_besluit
    FOR EACH STATEMENT EXECUTE FUNCTION besluit_truncate_weigeren();
DROP TRIGGER IF EXISTS dictum_truncate_weigeren ON besluiten_dictumpunt;
CREATE TRIGGER dictum_truncate_weigeren BEFORE TRUNCATE ON besluiten_dictumpunt
    FOR EACH STATEMENT EXECUTE FUNCTION besluit_truncate_weigeren();

CREATE OR REPLACE FUNCTION vastgelegd_weigeren() RETURNS trigger AS $$
DECLARE
    kolom text;
    kolommen text[] := TG_ARGV[1:array_length(TG_ARGV, 1)];
BEGIN
    IF NOT EXISTS (
        SELECT 1 FROM besluiten_besluit
        WHERE status = 'gepubliceerd' AND CASE TG_ARGV[0]
            WHEN 'zaak' THEN zaak_id = OLD.id
            WHEN 'vergadering' THEN vergadering_id = OLD.id
            WHEN 'agendapunt' THEN agendapunt_id = OLD.id
            WHEN 'raadsvoorstel' THEN raadsvoorstel_id = OLD.id
        END
    ) THEN
        RETURN NEW;
    END IF;
    FOREACH kolom IN ARRAY kolommen LOOP
        IF (to_jsonb(NEW) -> kolom) IS DISTINCT FROM (to_jsonb(OLD) -> kolom) THEN
            RAISE EXCEPTION 'Op deze % (id %) rust een gepubliceerd besluit: % kan niet worden gewijzigd; maak een rectificatie.',
                TG_ARGV[0], OLD.id, kolom USING ERRCODE = 'check_violation';
        END IF;
    END LOOP;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS zaak_vastgelegd ON core_zaak;
CREATE TRIGGER zaak_vastgelegd BEFORE UPDATE ON core_zaak
    FOR EACH ROW EXECUTE FUNCTION vastgelegd_weigeren('zaak', 'zaaknummer');
DROP TRIGGER IF EXISTS vergadering_vastgelegd ON vergaderagenda_vergadering;
CREATE TRIGGER vergadering_vastgelegd BEFORE UPDATE ON vergaderagenda_vergadering
    FOR EACH ROW EXECUTE FUNCTION vastgelegd_weigeren('vergadering', 'datum', 'soort', 'openbaar', 'gremium_id');
DROP TRIGGER IF EXISTS agendapunt_vastgelegd ON vergaderagenda_agendapunt;
CREATE TRIGGER agendapunt_vastgelegd BEFORE UPDATE ON vergaderagenda_agendapunt
    FOR EACH ROW EXECUTE FUNCTION vastgelegd_weigeren(
        'agendapunt', 'vergadering_id', 'volgorde', 'volgnummer', 'zaak_id', 'raadsvoorstel_id');
DROP TRIGGER IF EXISTS raadsvoorstel_vastgelegd ON raadsvoorstellen_raadsvoorstel;
CREATE TRIGGER raadsvoorstel_vastgelegd BEFORE UPDATE ON raadsvoorstellen_raadsvoorstel
    FOR EACH ROW EXECUTE FUNCTION vastgelegd_weigeren(
        'raadsvoorstel', 'zaak_id', 'titel', 'college_besluitdatum', 'datum_raadsvergadering', 'portefeuillehouder_id',
        'status', 'vertrouwelijkheid', 'voorstel', 'aanleiding', 'doel_effect', 'toelichting', 'argumenten',
        'tegenargumenten', 'risicos', 'plan_van_aanpak', 'communicatie', 'financiele_consequenties',
        'directeur_secretaris_id', 'burgemeester_id');
"""

TERUG = """
DROP TRIGGER IF EXISTS raadsvoorstel_vastgelegd ON raadsvoorstellen_raadsvoorstel;
DROP TRIGGER IF EXISTS agendapunt_vastgelegd ON vergaderagenda_agendapunt;
DROP TRIGGER IF EXISTS vergadering_vastgelegd ON vergaderagenda_vergadering;
DROP TRIGGER IF EXISTS zaak_vastgelegd ON core_zaak;
DROP FUNCTION IF EXISTS vastgelegd_weigeren();
DROP TRIGGER IF EXISTS dictum_truncate_weigeren ON besluiten_dictumpunt;
DROP TRIGGER IF EXISTS besluit_truncate_weigeren ON besluiten_besluit;
DROP FUNCTION IF EXISTS besluit_truncate_weigeren();
CREATE OR REPLACE FUNCTION besluit_gepubliceerd_onveranderlijk() RETURNS trigger AS $$
BEGIN
    IF OLD.status = 'gepubliceerd' THEN
        IF TG_OP = 'UPDATE' AND OLD.pdf = '' AND NEW.pdf <> ''
           AND (to_jsonb(NEW) - 'pdf' - 'updated_at') = (to_jsonb(OLD) - 'pdf' - 'updated_at') THEN
            RETURN NEW;
        END IF;
        RAISE EXCEPTION 'Een gepubliceerd besluit (id %) kan niet worden gewijzigd of verwijderd; maak een rectificatie.', OLD.id
            USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
"""


def triggers_aanmaken(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(TRIGGERS, params=None)


def triggers_verwijderen(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(TERUG, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("besluiten", "0004_publicatie_gegevens"),
        ("core", "0001_initial"),
        ("raadsvoorstellen", "0001_initial"),
        ("vergaderagenda", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(triggers_aanmaken, triggers_verwijderen),
    ]

"""A published besluit never changes, also not through raw SQL or a queryset .update().

PostgreSQL only (the production database); on SQLite this migration does nothing, the
services, forms and admin guard the rule there.

- UPDATE or DELETE of a besluit row whose OLD.status is 'gepubliceerd' is refused. The one
  exception: storing the PDF of a published besluit that has none yet (demo data loaded
  with loaddata), when nothing else changes.
- UPDATE or DELETE of a dictum row of a published besluit is refused, and so is INSERT once
  the published besluit has its PDF.
"""

from django.db import migrations

TRIGGERS = """
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

DROP TRIGGER IF EXISTS besluit_gepubliceerd_onveranderlijk ON besluiten_besluit;
CREATE TRIGGER besluit_gepubliceerd_onveranderlijk
    BEFORE UPDATE OR DELETE ON besluiten_besluit
    FOR EACH ROW EXECUTE FUNCTION besluit_gepubliceerd_onveranderlijk();

CREATE OR REPLACE FUNCTION dictum_gepubliceerd_onveranderlijk() RETURNS trigger AS $$
DECLARE
    geblokkeerd boolean;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        SELECT status = 'gepubliceerd' INTO geblokkeerd FROM besluiten_besluit WHERE id = OLD.besluit_id;
        IF geblokkeerd THEN
            RAISE EXCEPTION 'Het dictum van een gepubliceerd besluit (id %) kan niet worden gewijzigd.', OLD.besluit_id
                USING ERRCODE = 'check_violation';
        END IF;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        SELECT status = 'gepubliceerd' AND pdf <> '' INTO geblokkeerd FROM besluiten_besluit WHERE id = NEW.besluit_id;
        IF geblokkeerd THEN
            RAISE EXCEPTION 'Het dictum van een gepubliceerd besluit (id %) kan niet worden gewijzigd.', NEW.besluit_id
                USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
    END IF;
    RETURN OLD;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS dictum_gepubliceerd_onveranderlijk ON besluiten_dictumpunt;
CREATE TRIGGER dictum_gepubliceerd_onveranderlijk
    BEFORE INSERT OR UPDATE OR DELETE ON besluiten_dictumpunt
    FOR EACH ROW EXECUTE FUNCTION dictum_gepubliceerd_onveranderlijk();
"""

TERUG = """
DROP TRIGGER IF EXISTS dictum_gepubliceerd_onveranderlijk ON besluiten_dictumpunt;
DROP FUNCTION IF EXISTS dictum_gepubliceerd_onveranderlijk();
DROP TRIGGER IF EXISTS besluit_gepubliceerd_onveranderlijk ON besluiten_besluit;
DROP FUNCTION IF EXISTS besluit_gepubliceerd_onveranderlijk();
"""


def triggers_aanmaken(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(TRIGGERS, params=None)


def triggers_verwijderen(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(TERUG, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("besluiten", "0002_initial"),
    ]

    operations = [
        migrations.RunPython(triggers_aanmaken, triggers_verwijderen),
    ]

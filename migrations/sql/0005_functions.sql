-- Contracts and orders: the rules the database keeps by itself whoever writes (migration 0005).
-- Trigger functions that touch rows the writer may not (a quota's usage) are SECURITY DEFINER with a
-- pinned search_path. Errors carry SQLSTATEs MC030..MC039; shared.services.billing_errors maps them.

-- A charge against a quota: the quota row is locked first, so concurrent orders queue here and
-- the last one sees the others' usage (no overrun from a race). Above the limit only a charge with
-- overridden_by set passes, and only for a job that may override quotas.
CREATE FUNCTION quota_charge_check() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    q quotas%ROWTYPE;
BEGIN
    SELECT * INTO q FROM quotas WHERE id = NEW.quota_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'unknown_quota' USING ERRCODE = 'MC030';
    END IF;
    IF (q.limit_count IS NOT NULL AND q.used_count + NEW.count > q.limit_count)
       OR (q.limit_amount IS NOT NULL AND q.used_amount + NEW.amount > q.limit_amount) THEN
        IF NEW.overridden_by IS NULL THEN
            RAISE EXCEPTION 'quota_exceeded' USING ERRCODE = 'MC030',
                DETAIL = format('%s', q.id);
        END IF;
        IF NOT (app_has_job('head_of_registry') OR app_has_job('contracts') OR app_has_job('head')) THEN
            RAISE EXCEPTION 'quota_override_denied' USING ERRCODE = 'MC031',
                DETAIL = format('%s', q.id);
        END IF;
        NEW.overridden_by := session_user;
    ELSE
        NEW.overridden_by := NULL;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER quota_charge_check BEFORE INSERT ON quota_charges
    FOR EACH ROW EXECUTE FUNCTION quota_charge_check();

CREATE FUNCTION quota_charge_usage() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE quotas SET used_count = used_count + NEW.count, used_amount = used_amount + NEW.amount
         WHERE id = NEW.quota_id;
        RETURN NEW;
    END IF;
    UPDATE quotas SET used_count = used_count - OLD.count, used_amount = used_amount - OLD.amount
     WHERE id = OLD.quota_id;
    RETURN OLD;
END;
$$;

CREATE TRIGGER quota_charge_usage AFTER INSERT OR DELETE ON quota_charges
    FOR EACH ROW EXECUTE FUNCTION quota_charge_usage();

-- Charges are immutable: a changed line is uncharged and charged again.
CREATE FUNCTION quota_charge_frozen() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'quota_charge_frozen' USING ERRCODE = 'MC030';
END;
$$;

CREATE TRIGGER quota_charge_frozen BEFORE UPDATE ON quota_charges
    FOR EACH ROW EXECUTE FUNCTION quota_charge_frozen();

-- A cancelled line gives its quota back.
CREATE FUNCTION order_line_cancelled() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    DELETE FROM quota_charges WHERE order_line_id = NEW.id;
    RETURN NEW;
END;
$$;

CREATE TRIGGER order_line_cancelled AFTER UPDATE OF status ON order_lines
    FOR EACH ROW WHEN (NEW.status = 'cancelled' AND OLD.status <> 'cancelled')
    EXECUTE FUNCTION order_line_cancelled();

-- A limit may not be set below what is already used (overrides aside, which are on record).
CREATE FUNCTION quota_limit_check() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.limit_count IS DISTINCT FROM OLD.limit_count AND NEW.limit_count < NEW.used_count)
       OR (NEW.limit_amount IS DISTINCT FROM OLD.limit_amount AND NEW.limit_amount < NEW.used_amount) THEN
        RAISE EXCEPTION 'quota_below_usage' USING ERRCODE = 'MC032',
            DETAIL = format('%s|%s', NEW.used_count, NEW.used_amount);
    END IF;
    IF NEW.used_count IS DISTINCT FROM OLD.used_count OR NEW.used_amount IS DISTINCT FROM OLD.used_amount THEN
        -- Only the charge triggers (running as the owner) move the usage.
        IF current_user <> (SELECT tableowner FROM pg_tables WHERE schemaname = 'public' AND tablename = 'quotas') THEN
            RAISE EXCEPTION 'quota_usage_derived' USING ERRCODE = 'MC032';
        END IF;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER quota_limit_check BEFORE UPDATE ON quotas
    FOR EACH ROW EXECUTE FUNCTION quota_limit_check();

-- A manual discount within the largest limit of the user's jobs in that organization.
CREATE FUNCTION manual_discount_check() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    allowed numeric;
BEGIN
    IF NOT NEW.manual THEN
        RETURN NEW;
    END IF;
    SELECT max(max_percent) INTO allowed FROM manual_discount_limits
     WHERE organization_id = NEW.organization_id AND app_has_job(job);
    IF abs(NEW.percent) > coalesce(allowed, 0) THEN
        RAISE EXCEPTION 'discount_above_limit' USING ERRCODE = 'MC033',
            DETAIL = format('%s', coalesce(allowed, 0));
    END IF;
    NEW.applied_by := session_user;
    NEW.applied_at := now();
    RETURN NEW;
END;
$$;

CREATE TRIGGER manual_discount_check BEFORE INSERT ON order_line_discounts
    FOR EACH ROW EXECUTE FUNCTION manual_discount_check();

-- A specification belongs to a complex service and is made of simple ones (no nesting, no cycles).
CREATE FUNCTION service_component_check() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF (SELECT kind FROM medical_services WHERE id = NEW.complex_service_id) IS DISTINCT FROM 'complex' THEN
        RAISE EXCEPTION 'not_complex' USING ERRCODE = 'MC034';
    END IF;
    IF (SELECT kind FROM medical_services WHERE id = NEW.component_service_id) IS DISTINCT FROM 'simple' THEN
        RAISE EXCEPTION 'component_not_simple' USING ERRCODE = 'MC034';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER service_component_check BEFORE INSERT OR UPDATE ON service_components
    FOR EACH ROW EXECUTE FUNCTION service_component_check();

-- A service with a specification stays complex; a component stays simple.
CREATE FUNCTION service_kind_check() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NEW.kind = 'simple' AND EXISTS (SELECT 1 FROM service_components WHERE complex_service_id = NEW.id) THEN
        RAISE EXCEPTION 'has_components' USING ERRCODE = 'MC034';
    END IF;
    IF NEW.kind = 'complex' AND EXISTS (SELECT 1 FROM service_components WHERE component_service_id = NEW.id) THEN
        RAISE EXCEPTION 'is_component' USING ERRCODE = 'MC034';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER service_kind_check BEFORE UPDATE OF kind ON medical_services
    FOR EACH ROW WHEN (NEW.kind IS DISTINCT FROM OLD.kind) EXECUTE FUNCTION service_kind_check();

-- A locked (or exported) register and its lines never change; it only moves on to exported.
CREATE FUNCTION register_frozen() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status <> 'draft' THEN
        IF TG_OP = 'DELETE' THEN
            RAISE EXCEPTION 'register_locked' USING ERRCODE = 'MC035';
        END IF;
        IF NEW.status <> 'exported' OR (NEW.agreement_id, NEW.period_from, NEW.period_to, NEW.number)
               IS DISTINCT FROM (OLD.agreement_id, OLD.period_from, OLD.period_to, OLD.number) THEN
            RAISE EXCEPTION 'register_locked' USING ERRCODE = 'MC035';
        END IF;
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;

-- Lines are checked per statement (a register is built with one INSERT of 100,000 rows): none of the
-- rows touched may belong to a register that is not a draft.
CREATE FUNCTION register_lines_frozen() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    -- Nested: a transition table exists only for the operations that have it.
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        IF EXISTS (SELECT 1 FROM payer_registers r WHERE r.status <> 'draft'
                      AND r.id IN (SELECT DISTINCT register_id FROM touched_new)) THEN
            RAISE EXCEPTION 'register_locked' USING ERRCODE = 'MC035';
        END IF;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        IF EXISTS (SELECT 1 FROM payer_registers r WHERE r.status <> 'draft'
                      AND r.id IN (SELECT DISTINCT register_id FROM touched_old)) THEN
            RAISE EXCEPTION 'register_locked' USING ERRCODE = 'MC035';
        END IF;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER register_frozen BEFORE UPDATE OR DELETE ON payer_registers
    FOR EACH ROW EXECUTE FUNCTION register_frozen();
CREATE TRIGGER register_lines_frozen_insert AFTER INSERT ON register_lines
    REFERENCING NEW TABLE AS touched_new FOR EACH STATEMENT EXECUTE FUNCTION register_lines_frozen();
CREATE TRIGGER register_lines_frozen_update AFTER UPDATE ON register_lines
    REFERENCING OLD TABLE AS touched_old NEW TABLE AS touched_new
    FOR EACH STATEMENT EXECUTE FUNCTION register_lines_frozen();
CREATE TRIGGER register_lines_frozen_delete AFTER DELETE ON register_lines
    REFERENCING OLD TABLE AS touched_old FOR EACH STATEMENT EXECUTE FUNCTION register_lines_frozen();

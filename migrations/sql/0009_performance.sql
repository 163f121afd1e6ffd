-- Performance of services: the rules the database keeps whoever writes. Errors carry SQLSTATEs
-- MC060..MC069; the service (shared/services/performance.py) checks first, these are the last line.
-- The trigger functions are security definers with a pinned search_path: they read the line's order,
-- booking, visit record and organization setting, which a medical worker may not read in full.
--
--   MC060 a cancelled line is not performed       MC065 unpaid and uncovered: the clinic's setting refuses
--   MC061 the line is already performed            (or, with 'warn', it was not confirmed)
--   MC062 the booking or record is of another     MC066 unknown participant
--         patient than the order                   MC067 a complex line closes with every required step done
--   MC063 only an optional step is skipped        MC068 a medical worker only marks a recorded performance
--   MC064 a complex line is performed step by step

CREATE FUNCTION service_performance_rules() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    line record;
    other integer;
    paid boolean;
BEGIN
    SELECT l.*, o.patient_id AS order_patient_id INTO line
      FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE l.id = NEW.order_line_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'line_unknown' USING ERRCODE = 'MC060', DETAIL = format('line %s', NEW.order_line_id);
    END IF;
    NEW.organization_id := line.organization_id;
    NEW.patient_id := line.order_patient_id;
    NEW.recorded_by := session_user;
    IF NEW.performed_by IS NULL AND NOT NEW.skipped THEN
        NEW.performed_by := app_user_staff_id();
    END IF;
    IF line.status = 'cancelled' THEN
        RAISE EXCEPTION 'line_cancelled' USING ERRCODE = 'MC060', DETAIL = format('line %s', line.id);
    END IF;
    IF line.status IN ('performed', 'closed') THEN
        RAISE EXCEPTION 'line_performed' USING ERRCODE = 'MC061', DETAIL = format('line %s', line.id);
    END IF;
    IF line.booking_id IS NOT NULL THEN
        SELECT patient_id INTO other FROM bookings WHERE id = line.booking_id;
        IF other IS NOT NULL AND line.order_patient_id IS NOT NULL AND other <> line.order_patient_id THEN
            RAISE EXCEPTION 'another_patient' USING ERRCODE = 'MC062',
                DETAIL = format('booking %s is of patient %s', line.booking_id, other);
        END IF;
    END IF;
    IF NEW.record_id IS NOT NULL THEN
        SELECT c.patient_id INTO other FROM medical_records r JOIN medical_cards c ON c.id = r.card_id
         WHERE r.id = NEW.record_id;
        IF other IS DISTINCT FROM line.order_patient_id THEN
            RAISE EXCEPTION 'another_patient' USING ERRCODE = 'MC062',
                DETAIL = format('record %s is of patient %s', NEW.record_id, other);
        END IF;
    END IF;
    IF NEW.skipped THEN
        IF line.parent_line_id IS NULL OR NOT line.step_optional THEN
            RAISE EXCEPTION 'step_required' USING ERRCODE = 'MC063', DETAIL = format('line %s', line.id);
        END IF;
        RETURN NEW;
    END IF;
    IF EXISTS (SELECT 1 FROM order_lines WHERE parent_line_id = line.id) THEN
        RAISE EXCEPTION 'complex_step_by_step' USING ERRCODE = 'MC064', DETAIL = format('line %s', line.id);
    END IF;
    IF EXISTS (SELECT 1 FROM unnest(NEW.participants) p
                WHERE NOT EXISTS (SELECT 1 FROM staff_members s
                                   WHERE s.id = p AND s.organization_id = line.organization_id)) THEN
        RAISE EXCEPTION 'participant_unknown' USING ERRCODE = 'MC066';
    END IF;
    IF line.payer_id IS NULL THEN
        IF line.parent_line_id IS NULL THEN
            paid := line.status = 'paid' OR line.amount = 0;
        ELSE
            SELECT status IN ('paid', 'performed', 'closed') OR amount = 0 INTO paid
              FROM order_lines WHERE id = line.parent_line_id;
        END IF;
        IF NOT paid AND ((SELECT unpaid_performance FROM organizations WHERE id = line.organization_id) = 'block'
                         OR NOT NEW.unpaid_confirmed) THEN
            RAISE EXCEPTION 'unpaid' USING ERRCODE = 'MC065', DETAIL = format('line %s', line.id);
        END IF;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER service_performance_rules BEFORE INSERT ON service_performances
    FOR EACH ROW EXECUTE FUNCTION service_performance_rules();

CREATE FUNCTION order_line_performance_rules() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    missing text;
BEGIN
    IF NEW.status = 'performed' AND OLD.status <> 'performed' THEN
        IF OLD.status = 'cancelled' THEN
            RAISE EXCEPTION 'line_cancelled' USING ERRCODE = 'MC060', DETAIL = format('line %s', OLD.id);
        END IF;
        SELECT string_agg(id::text, ', ' ORDER BY id) INTO missing FROM order_lines
         WHERE parent_line_id = NEW.id AND NOT step_optional AND status NOT IN ('performed', 'closed', 'cancelled');
        IF missing IS NOT NULL THEN
            RAISE EXCEPTION 'required_steps_missing' USING ERRCODE = 'MC067', DETAIL = format('lines %s', missing);
        END IF;
    END IF;
    -- A medical worker holds no ordering job: the one change of status open to them is marking a line
    -- performed once its performance is recorded (a complex line: once its steps are).
    IF NEW.status IS DISTINCT FROM OLD.status AND app_has_job('medical_worker')
       AND NOT (app_has_job('registrar') OR app_has_job('receptionist') OR app_has_job('call_centre')
                OR app_has_job('head_of_registry') OR app_has_job('admission') OR app_has_job('contracts')
                OR app_has_job('cashier')) THEN
        IF NEW.status <> 'performed' OR OLD.status NOT IN ('ordered', 'booked', 'paid')
           OR NOT (EXISTS (SELECT 1 FROM order_lines WHERE parent_line_id = NEW.id)
                   OR EXISTS (SELECT 1 FROM service_performances WHERE order_line_id = NEW.id AND NOT skipped)) THEN
            RAISE EXCEPTION 'performance_not_recorded' USING ERRCODE = 'MC068', DETAIL = format('line %s', OLD.id);
        END IF;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER order_line_performance_rules BEFORE UPDATE OF status ON order_lines
    FOR EACH ROW EXECUTE FUNCTION order_line_performance_rules();

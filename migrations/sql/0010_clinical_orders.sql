-- Clinical orders of a visit: appointments and medicinal prescriptions. The rules the database keeps
-- whoever writes; errors carry SQLSTATEs MC070..MC079. The services (shared/services/appointments.py and
-- prescriptions.py) check first, these are the last line. The trigger functions are security definers
-- with a pinned search_path: they read the visit record (its status and author, which writers may not
-- select in full), the card, the service and the order line.
--
--   MC070 an appointment or prescription needs a record (or,    MC075 record, card, patient and author are
--         for an appointment, a card) that exists                     fixed; an ordered appointment's
--   MC071 the record is signed: its appointments and                  service, quantity, ... too
--         prescriptions are fixed (a signed record's              MC076 the order line is of another patient,
--         prescription only ends: cancelled or completed)              service or organization
--   MC072 only the record's author adds, changes or removes       MC077 the doctor cancels an unpaid line
--         them (an appointment outside a record: its author)            only: a paid one is refunded first
--   MC073 unknown or inactive service, or of another organization
--   MC074 an appointment starts planned; its status follows its order line (cancelled or performed is
--         final); only a planned one is removed

-- The record a clinical order belongs to, refused unless the connected user may change what it holds.
CREATE FUNCTION clinical_order_record(p_record integer) RETURNS medical_records
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    rec medical_records;
BEGIN
    SELECT * INTO rec FROM medical_records WHERE id = p_record;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'clinical_order_without_record' USING ERRCODE = 'MC070',
            DETAIL = format('record %s', p_record);
    END IF;
    IF rec.status = 'signed' THEN
        RAISE EXCEPTION 'record_signed' USING ERRCODE = 'MC071', DETAIL = format('record %s', rec.id);
    END IF;
    IF app_user_staff_id() IS DISTINCT FROM rec.author_staff_id THEN
        RAISE EXCEPTION 'record_not_author' USING ERRCODE = 'MC072', DETAIL = format('record %s', rec.id);
    END IF;
    RETURN rec;
END $$;

CREATE FUNCTION appointment_rules() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me integer := app_user_staff_id();
    rec medical_records;
    card medical_cards;
    service record;
    line record;
    derived text;
    content_changed boolean;
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.status <> 'planned' THEN
            RAISE EXCEPTION 'appointment_not_planned' USING ERRCODE = 'MC074',
                DETAIL = format('appointment %s is %s', OLD.id, OLD.status);
        END IF;
        IF OLD.record_id IS NOT NULL THEN
            PERFORM clinical_order_record(OLD.record_id);
        ELSIF me IS DISTINCT FROM OLD.created_by THEN
            RAISE EXCEPTION 'appointment_not_author' USING ERRCODE = 'MC072', DETAIL = format('appointment %s', OLD.id);
        END IF;
        RETURN OLD;
    END IF;

    IF TG_OP = 'INSERT' THEN
        IF NEW.record_id IS NOT NULL THEN
            rec := clinical_order_record(NEW.record_id);
            NEW.card_id := rec.card_id;
        END IF;
        SELECT * INTO card FROM medical_cards WHERE id = NEW.card_id;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'appointment_without_card' USING ERRCODE = 'MC070',
                DETAIL = format('card %s', NEW.card_id);
        END IF;
        NEW.card_type_id := card.card_type_id;
        NEW.organization_id := card.organization_id;
        NEW.patient_id := card.patient_id;
        IF me IS NOT NULL THEN
            NEW.created_by := me;
        END IF;
        IF NEW.status <> 'planned' OR NEW.order_line_id IS NOT NULL OR NEW.booking_id IS NOT NULL THEN
            RAISE EXCEPTION 'appointment_starts_planned' USING ERRCODE = 'MC074';
        END IF;
        content_changed := true;
    ELSE
        IF to_jsonb(NEW) - ARRAY['card_type_id', 'organization_id', 'updated_at']
           IS NOT DISTINCT FROM to_jsonb(OLD) - ARRAY['card_type_id', 'organization_id', 'updated_at'] THEN
            RETURN NEW;  -- the card moved (cascade), or nothing changed
        END IF;
        IF OLD.status IN ('performed', 'cancelled') THEN
            RAISE EXCEPTION 'appointment_final' USING ERRCODE = 'MC074',
                DETAIL = format('appointment %s is %s', OLD.id, OLD.status);
        END IF;
        IF NEW.record_id IS DISTINCT FROM OLD.record_id OR NEW.card_id <> OLD.card_id
           OR NEW.patient_id <> OLD.patient_id OR NEW.created_by IS DISTINCT FROM OLD.created_by
           OR NEW.created_at <> OLD.created_at
           OR (OLD.order_line_id IS NOT NULL AND NEW.order_line_id IS DISTINCT FROM OLD.order_line_id) THEN
            RAISE EXCEPTION 'appointment_identity_fixed' USING ERRCODE = 'MC075',
                DETAIL = format('appointment %s', OLD.id);
        END IF;
        content_changed := (NEW.service_id, NEW.indication, NEW.urgency, NEW.due_on, NEW.quantity, NEW.note)
                           IS DISTINCT FROM
                           (OLD.service_id, OLD.indication, OLD.urgency, OLD.due_on, OLD.quantity, OLD.note);
        IF content_changed THEN
            IF OLD.status <> 'planned' THEN
                RAISE EXCEPTION 'appointment_ordered_fixed' USING ERRCODE = 'MC075',
                    DETAIL = format('appointment %s is %s', OLD.id, OLD.status);
            END IF;
            IF OLD.record_id IS NOT NULL THEN
                PERFORM clinical_order_record(OLD.record_id);
            ELSIF me IS DISTINCT FROM OLD.created_by THEN
                RAISE EXCEPTION 'appointment_not_author' USING ERRCODE = 'MC072',
                    DETAIL = format('appointment %s', OLD.id);
            END IF;
        END IF;
    END IF;

    IF content_changed THEN
        SELECT organization_id, is_active INTO service FROM medical_services WHERE id = NEW.service_id;
        IF NOT FOUND OR NOT service.is_active OR service.organization_id <> NEW.organization_id THEN
            RAISE EXCEPTION 'appointment_service_unknown' USING ERRCODE = 'MC073',
                DETAIL = format('service %s', NEW.service_id);
        END IF;
    END IF;

    IF TG_OP = 'UPDATE' THEN
        IF NEW.order_line_id IS NULL THEN
            IF NEW.booking_id IS NOT NULL OR NEW.status NOT IN ('planned', 'cancelled')
               OR (OLD.status = 'planned' AND NEW.status NOT IN ('planned', 'cancelled')) THEN
                RAISE EXCEPTION 'appointment_status' USING ERRCODE = 'MC074',
                    DETAIL = format('appointment %s: %s -> %s without an order line', OLD.id, OLD.status, NEW.status);
            END IF;
        ELSE
            SELECT l.*, o.patient_id AS order_patient_id INTO line
              FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE l.id = NEW.order_line_id;
            IF OLD.order_line_id IS NULL AND (line.order_patient_id IS DISTINCT FROM NEW.patient_id
                                              OR line.service_id <> NEW.service_id
                                              OR line.organization_id <> NEW.organization_id) THEN
                RAISE EXCEPTION 'appointment_line_mismatch' USING ERRCODE = 'MC076',
                    DETAIL = format('appointment %s, line %s', OLD.id, NEW.order_line_id);
            END IF;
            IF OLD.status = 'cancelled' THEN
                RAISE EXCEPTION 'appointment_final' USING ERRCODE = 'MC074';
            END IF;
            -- The status follows the line: a writer may not claim another one.
            derived := CASE WHEN line.status = 'cancelled' THEN 'cancelled'
                            WHEN line.status IN ('performed', 'closed') THEN 'performed'
                            WHEN line.booking_id IS NOT NULL THEN 'booked'
                            ELSE 'ordered' END;
            IF NEW.status IS DISTINCT FROM OLD.status AND NEW.status <> derived THEN
                RAISE EXCEPTION 'appointment_status' USING ERRCODE = 'MC074',
                    DETAIL = format('appointment %s: %s, its line is %s', OLD.id, NEW.status, line.status);
            END IF;
            NEW.status := derived;
            NEW.booking_id := line.booking_id;
            IF derived = 'cancelled' AND length(btrim(NEW.cancel_reason)) = 0 THEN
                NEW.cancel_reason := coalesce(nullif(btrim(line.cancel_reason), ''), 'order line cancelled');
            END IF;
        END IF;
        NEW.updated_at := now();
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER appointment_rules BEFORE INSERT OR UPDATE OR DELETE ON appointments
    FOR EACH ROW EXECUTE FUNCTION appointment_rules();

-- An appointment's order line changed state (booked, paid, performed, cancelled -- by anyone: the
-- registry, the cash desk, the doctor): the appointment follows (appointment_rules derives its status).
CREATE FUNCTION order_line_appointment_sync() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    UPDATE appointments SET version = version + 1
     WHERE order_line_id = NEW.id AND status NOT IN ('performed', 'cancelled');
    RETURN NULL;
END $$;

CREATE TRIGGER order_line_appointment_sync AFTER UPDATE OF status, booking_id ON order_lines
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.booking_id IS DISTINCT FROM NEW.booking_id)
    EXECUTE FUNCTION order_line_appointment_sync();

CREATE FUNCTION medication_prescription_rules() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me integer := app_user_staff_id();
    rec medical_records;
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM clinical_order_record(OLD.record_id);
        RETURN OLD;
    END IF;
    IF TG_OP = 'INSERT' THEN
        rec := clinical_order_record(NEW.record_id);
        NEW.card_id := rec.card_id;
        NEW.card_type_id := rec.card_type_id;
        NEW.organization_id := rec.organization_id;
        NEW.patient_id := (SELECT patient_id FROM medical_cards WHERE id = rec.card_id);
        IF me IS NOT NULL THEN
            NEW.created_by := me;
        END IF;
        RETURN NEW;
    END IF;
    IF to_jsonb(NEW) - ARRAY['card_type_id', 'organization_id', 'updated_at']
       IS NOT DISTINCT FROM to_jsonb(OLD) - ARRAY['card_type_id', 'organization_id', 'updated_at'] THEN
        RETURN NEW;  -- the card moved (cascade), or nothing changed
    END IF;
    IF NEW.record_id <> OLD.record_id OR NEW.card_id <> OLD.card_id OR NEW.patient_id <> OLD.patient_id
       OR NEW.created_by IS DISTINCT FROM OLD.created_by OR NEW.created_at <> OLD.created_at THEN
        RAISE EXCEPTION 'prescription_identity_fixed' USING ERRCODE = 'MC075',
            DETAIL = format('prescription %s', OLD.id);
    END IF;
    SELECT * INTO rec FROM medical_records WHERE id = OLD.record_id;
    IF rec.status = 'signed' THEN
        -- A signed record's prescription only ends (cancelled with a reason, or completed), by any
        -- medical worker who may open the card; nothing else of it changes.
        IF OLD.status <> 'active' OR NEW.status = 'active'
           OR to_jsonb(NEW) - ARRAY['status', 'cancel_reason', 'card_type_id', 'organization_id', 'updated_at',
                                    'version']
              IS DISTINCT FROM
              to_jsonb(OLD) - ARRAY['status', 'cancel_reason', 'card_type_id', 'organization_id', 'updated_at',
                                    'version'] THEN
            RAISE EXCEPTION 'record_signed' USING ERRCODE = 'MC071', DETAIL = format('record %s', rec.id);
        END IF;
    ELSE
        PERFORM clinical_order_record(OLD.record_id);
    END IF;
    NEW.updated_at := now();
    RETURN NEW;
END $$;

CREATE TRIGGER medication_prescription_rules BEFORE INSERT OR UPDATE OR DELETE ON medication_prescriptions
    FOR EACH ROW EXECUTE FUNCTION medication_prescription_rules();

-- A correction of a signed record starts with the prescriptions of the version it corrects (its author
-- changes or removes them in the draft). Appointments are actions already taken (ordered, booked): they
-- stay with the version they were made in, and a record's list shows those of the versions it corrects.
CREATE FUNCTION medical_record_carry_over() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    INSERT INTO medication_prescriptions (record_id, card_id, card_type_id, organization_id, patient_id, drug_name,
                                          inn, form, dose_amount, dose_unit, route, times_per_day, frequency_text,
                                          duration_days, start_on, as_needed, instructions, status, cancel_reason,
                                          created_by)
    SELECT NEW.id, card_id, card_type_id, organization_id, patient_id, drug_name, inn, form, dose_amount, dose_unit,
           route, times_per_day, frequency_text, duration_days, start_on, as_needed, instructions, status,
           cancel_reason, created_by
      FROM medication_prescriptions WHERE record_id = NEW.supersedes_id ORDER BY id;
    RETURN NULL;
END $$;

CREATE TRIGGER medical_record_carry_over AFTER INSERT ON medical_records
    FOR EACH ROW WHEN (NEW.supersedes_id IS NOT NULL) EXECUTE FUNCTION medical_record_carry_over();

-- 0009's rule of a medical worker's changes of a line's status, with the lines of appointments: the
-- doctor books the line of an appointment (or a step of one) and cancels it while it is unpaid (MC077).
CREATE OR REPLACE FUNCTION order_line_performance_rules() RETURNS trigger
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
    IF NEW.status IS DISTINCT FROM OLD.status AND app_has_job('medical_worker')
       AND NOT (app_has_job('registrar') OR app_has_job('receptionist') OR app_has_job('call_centre')
                OR app_has_job('head_of_registry') OR app_has_job('admission') OR app_has_job('contracts')
                OR app_has_job('cashier')) THEN
        IF EXISTS (SELECT 1 FROM appointments a WHERE a.order_line_id IN (OLD.id, OLD.parent_line_id)) THEN
            IF (NEW.status = 'booked' AND OLD.status = 'ordered')
               OR (NEW.status = 'cancelled' AND OLD.status IN ('ordered', 'booked') AND OLD.cash_operation_id IS NULL) THEN
                RETURN NEW;
            END IF;
            IF NEW.status = 'cancelled' AND OLD.status <> 'cancelled' THEN
                RAISE EXCEPTION 'appointment_line_paid' USING ERRCODE = 'MC077', DETAIL = format('line %s', OLD.id);
            END IF;
        END IF;
        IF NEW.status <> 'performed' OR OLD.status NOT IN ('ordered', 'booked', 'paid')
           OR NOT (EXISTS (SELECT 1 FROM order_lines WHERE parent_line_id = NEW.id)
                   OR EXISTS (SELECT 1 FROM service_performances WHERE order_line_id = NEW.id AND NOT skipped)) THEN
            RAISE EXCEPTION 'performance_not_recorded' USING ERRCODE = 'MC068', DETAIL = format('line %s', OLD.id);
        END IF;
    END IF;
    RETURN NEW;
END;
$$;

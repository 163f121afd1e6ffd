-- Communications and insurers' telephone approvals: the rules the database keeps whoever writes. Errors
-- carry SQLSTATEs MC080..MC089; the services (shared/services/communications.py, insurer_approvals.py)
-- check first for a clear message, these are the last line. The trigger functions are security definers
-- with a pinned search_path: they read orders, bookings, organizations and approvals the writer may not
-- read in full, and lock an approval while a line is linked to it (limits hold under concurrent links).
--
--   MC080 a communication dated in the future            MC085 the approval is not valid on the line's date
--   MC081 a communication corrected by someone else than  MC086 the approval is not active (used, revoked)
--         its author, after its day, or moved to another  MC087 the approval does not cover the service
--         patient                                         MC088 the approval's quantity or amount limits
--   MC082 a communication deleted                               would be exceeded
--   MC083 what is referred to is of another patient or    MC089 a revoked approval changed; an approval moved
--         organization (order, booking, staff member,           to another patient or payer; a performed or
--         payer that is no insurer, agreement, service)         cancelled line linked or unlinked
--   MC084 an approval linked to a line of another patient, or to a line its insurer does not pay (the
--         client pays it, or another payer); the payer of a linked line changed
--
-- And 0009's service_performance_rules() again, with one change: a line whose agreement names its
-- service with requires_approval ("performed only with the insurer's approval") counts as covered only
-- when it (or the complex line of a step) is linked to an approval that is not revoked -- MC069 under
-- 'block', or under 'warn' unless confirmed. A line the client pays is covered only when paid, as in
-- 0009 (an approval never covers it: only lines the insurer pays are linked). The downgrade restores
-- 0009's body.

CREATE FUNCTION patient_communication_rules() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    zone text;
    other integer;
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'communication_kept' USING ERRCODE = 'MC082', DETAIL = format('communication %s', OLD.id);
    END IF;
    SELECT coalesce(time_zone, 'Europe/Moscow') INTO zone FROM organizations WHERE id = NEW.organization_id;
    IF TG_OP = 'INSERT' THEN
        NEW.recorded_by := session_user;
        NEW.created_at := now();
        IF NEW.staff_member_id IS NULL THEN
            NEW.staff_member_id := app_user_staff_id();
        END IF;
    ELSE
        IF OLD.recorded_by <> session_user::text THEN
            RAISE EXCEPTION 'communication_of_another_author' USING ERRCODE = 'MC081',
                DETAIL = format('communication %s is of %s', OLD.id, OLD.recorded_by);
        END IF;
        IF (OLD.created_at AT TIME ZONE zone)::date <> (now() AT TIME ZONE zone)::date THEN
            RAISE EXCEPTION 'communication_day_over' USING ERRCODE = 'MC081',
                DETAIL = format('communication %s was logged on %s', OLD.id, (OLD.created_at AT TIME ZONE zone)::date);
        END IF;
        IF NEW.patient_id <> OLD.patient_id OR NEW.organization_id <> OLD.organization_id
           OR NEW.recorded_by <> OLD.recorded_by OR NEW.created_at <> OLD.created_at THEN
            RAISE EXCEPTION 'communication_moved' USING ERRCODE = 'MC081', DETAIL = format('communication %s', OLD.id);
        END IF;
    END IF;
    IF NEW.occurred_at > now() + interval '5 minutes' THEN
        RAISE EXCEPTION 'communication_in_future' USING ERRCODE = 'MC080',
            DETAIL = format('occurred at %s', NEW.occurred_at);
    END IF;
    IF NEW.staff_member_id IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM staff_members WHERE id = NEW.staff_member_id AND organization_id = NEW.organization_id) THEN
        RAISE EXCEPTION 'staff_of_another_organization' USING ERRCODE = 'MC083',
            DETAIL = format('staff member %s', NEW.staff_member_id);
    END IF;
    IF NEW.order_id IS NOT NULL THEN
        SELECT patient_id INTO other FROM orders WHERE id = NEW.order_id AND organization_id = NEW.organization_id;
        IF NOT FOUND OR (other IS NOT NULL AND other <> NEW.patient_id) THEN
            RAISE EXCEPTION 'order_of_another_patient' USING ERRCODE = 'MC083', DETAIL = format('order %s', NEW.order_id);
        END IF;
    END IF;
    IF NEW.booking_id IS NOT NULL THEN
        SELECT patient_id INTO other FROM bookings WHERE id = NEW.booking_id AND organization_id = NEW.organization_id;
        IF NOT FOUND OR (other IS NOT NULL AND other <> NEW.patient_id) THEN
            RAISE EXCEPTION 'booking_of_another_patient' USING ERRCODE = 'MC083',
                DETAIL = format('booking %s', NEW.booking_id);
        END IF;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER patient_communication_rules BEFORE INSERT OR UPDATE OR DELETE ON patient_communications
    FOR EACH ROW EXECUTE FUNCTION patient_communication_rules();

CREATE FUNCTION insurer_approval_rules() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.recorded_by := session_user;
        IF NEW.recorded_staff_id IS NULL THEN
            NEW.recorded_staff_id := app_user_staff_id();
        END IF;
        IF NEW.status <> 'active' THEN
            RAISE EXCEPTION 'approval_starts_active' USING ERRCODE = 'MC089';
        END IF;
    ELSE
        IF OLD.status = 'revoked' THEN
            RAISE EXCEPTION 'approval_revoked' USING ERRCODE = 'MC089', DETAIL = format('approval %s', OLD.id);
        END IF;
        IF NEW.patient_id <> OLD.patient_id OR NEW.payer_id <> OLD.payer_id
           OR NEW.organization_id <> OLD.organization_id OR NEW.recorded_by <> OLD.recorded_by THEN
            RAISE EXCEPTION 'approval_moved' USING ERRCODE = 'MC089', DETAIL = format('approval %s', OLD.id);
        END IF;
        IF NEW.status = 'revoked' THEN
            NEW.revoked_at := now();
            NEW.revoked_by := session_user;
        END IF;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM payers WHERE id = NEW.payer_id AND organization_id = NEW.organization_id
                                          AND kind = 'insurer') THEN
        RAISE EXCEPTION 'payer_not_an_insurer' USING ERRCODE = 'MC083', DETAIL = format('payer %s', NEW.payer_id);
    END IF;
    IF NEW.agreement_id IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM agreements WHERE id = NEW.agreement_id AND payer_id = NEW.payer_id) THEN
        RAISE EXCEPTION 'agreement_of_another_payer' USING ERRCODE = 'MC083',
            DETAIL = format('agreement %s', NEW.agreement_id);
    END IF;
    IF NEW.recorded_staff_id IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM staff_members WHERE id = NEW.recorded_staff_id AND organization_id = NEW.organization_id) THEN
        RAISE EXCEPTION 'staff_of_another_organization' USING ERRCODE = 'MC083',
            DETAIL = format('staff member %s', NEW.recorded_staff_id);
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER insurer_approval_rules BEFORE INSERT OR UPDATE ON insurer_approvals
    FOR EACH ROW EXECUTE FUNCTION insurer_approval_rules();

CREATE FUNCTION insurer_approval_service_rules() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    approval record;
BEGIN
    SELECT organization_id, status INTO approval FROM insurer_approvals WHERE id = NEW.approval_id;
    IF approval.status = 'revoked' THEN
        RAISE EXCEPTION 'approval_revoked' USING ERRCODE = 'MC089', DETAIL = format('approval %s', NEW.approval_id);
    END IF;
    NEW.organization_id := approval.organization_id;
    IF NOT EXISTS (SELECT 1 FROM medical_services WHERE id = NEW.service_id
                                                    AND organization_id = approval.organization_id) THEN
        RAISE EXCEPTION 'service_of_another_organization' USING ERRCODE = 'MC083',
            DETAIL = format('service %s', NEW.service_id);
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER insurer_approval_service_rules BEFORE INSERT OR UPDATE ON insurer_approval_services
    FOR EACH ROW EXECUTE FUNCTION insurer_approval_service_rules();

CREATE FUNCTION order_line_approval_rules() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    approval record;
    relinked boolean;
    order_patient integer;
    line_day date;
    has_services boolean;
    limits record;
    used_count bigint;
    used_amount numeric;
BEGIN
    relinked := TG_OP = 'INSERT' OR NEW.approval_id IS DISTINCT FROM OLD.approval_id;
    IF relinked AND TG_OP = 'UPDATE' AND OLD.status NOT IN ('ordered', 'booked', 'paid') THEN
        RAISE EXCEPTION 'line_closed' USING ERRCODE = 'MC089', DETAIL = format('line %s is %s', OLD.id, OLD.status);
    END IF;
    IF NEW.approval_id IS NULL OR NEW.status = 'cancelled' THEN
        RETURN NEW;
    END IF;
    IF NOT relinked AND NEW.quantity = OLD.quantity AND NEW.amount = OLD.amount AND NEW.service_id = OLD.service_id
       AND NEW.payer_id IS NOT DISTINCT FROM OLD.payer_id THEN
        RETURN NEW;
    END IF;
    -- Locked: two lines linked at once cannot both take the last of a limit.
    SELECT * INTO approval FROM insurer_approvals WHERE id = NEW.approval_id FOR UPDATE;
    SELECT patient_id INTO order_patient FROM orders WHERE id = NEW.order_id;
    IF approval.organization_id <> NEW.organization_id OR order_patient IS DISTINCT FROM approval.patient_id THEN
        RAISE EXCEPTION 'approval_of_another_patient' USING ERRCODE = 'MC084',
            DETAIL = format('approval %s is of patient %s', approval.id, approval.patient_id);
    END IF;
    -- An approval covers only lines its insurer pays: not a line the client pays, nor another payer's.
    IF NEW.payer_id IS DISTINCT FROM approval.payer_id THEN
        RAISE EXCEPTION 'approval_of_another_payer' USING ERRCODE = 'MC084',
            DETAIL = format('approval %s is of payer %s, the line is paid by %s', approval.id, approval.payer_id,
                            coalesce(NEW.payer_id::text, 'the client'));
    END IF;
    IF relinked AND approval.status <> 'active' THEN
        RAISE EXCEPTION 'approval_not_active' USING ERRCODE = 'MC086',
            DETAIL = format('approval %s is %s', approval.id, approval.status);
    END IF;
    SELECT (coalesce(b.starts_at, now()) AT TIME ZONE coalesce(o.time_zone, 'Europe/Moscow'))::date INTO line_day
      FROM organizations o LEFT JOIN bookings b ON b.id = NEW.booking_id WHERE o.id = NEW.organization_id;
    IF relinked AND line_day NOT BETWEEN approval.valid_from AND approval.valid_to THEN
        RAISE EXCEPTION 'approval_not_valid' USING ERRCODE = 'MC085',
            DETAIL = format('approval %s is valid from %s to %s, the line is of %s', approval.id, approval.valid_from,
                            approval.valid_to, line_day);
    END IF;
    has_services := EXISTS (SELECT 1 FROM insurer_approval_services WHERE approval_id = approval.id);
    SELECT quantity_limit, amount_limit INTO limits FROM insurer_approval_services
     WHERE approval_id = approval.id AND service_id = NEW.service_id;
    IF has_services AND NOT FOUND THEN
        RAISE EXCEPTION 'service_not_approved' USING ERRCODE = 'MC087',
            DETAIL = format('approval %s, service %s', approval.id, NEW.service_id);
    END IF;
    IF FOUND THEN
        SELECT coalesce(sum(quantity), 0), coalesce(sum(amount), 0) INTO used_count, used_amount FROM order_lines
         WHERE approval_id = approval.id AND service_id = NEW.service_id AND status <> 'cancelled' AND id <> NEW.id;
        IF used_count + NEW.quantity > coalesce(limits.quantity_limit, used_count + NEW.quantity)
           OR used_amount + NEW.amount > coalesce(limits.amount_limit, used_amount + NEW.amount) THEN
            RAISE EXCEPTION 'approval_limit' USING ERRCODE = 'MC088',
                DETAIL = format('approval %s, service %s: %s taken, %s roubles', approval.id, NEW.service_id,
                                used_count, used_amount);
        END IF;
    END IF;
    IF approval.amount_limit IS NOT NULL THEN
        SELECT coalesce(sum(amount), 0) INTO used_amount FROM order_lines
         WHERE approval_id = approval.id AND status <> 'cancelled' AND id <> NEW.id;
        IF used_amount + NEW.amount > approval.amount_limit THEN
            RAISE EXCEPTION 'approval_limit' USING ERRCODE = 'MC088',
                DETAIL = format('approval %s: %s roubles taken', approval.id, used_amount);
        END IF;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER order_line_approval_rules BEFORE INSERT OR UPDATE OF approval_id, quantity, amount, service_id, payer_id
    ON order_lines FOR EACH ROW EXECUTE FUNCTION order_line_approval_rules();

-- 0009's rule of performance; a line under an agreement service that requires the insurer's approval is
-- covered only when it (or the complex line of a step) is linked to an approval that is not revoked.
CREATE OR REPLACE FUNCTION service_performance_rules() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    line record;
    other integer;
    paid boolean;
    parent record;
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
    ELSE
        -- The payer covers it, unless its agreement performs the service (or the complex service of a
        -- step) only with the insurer's approval: then a linked approval that is not revoked must exist.
        SELECT agreement_id, service_id, approval_id INTO parent FROM order_lines WHERE id = line.parent_line_id;
        IF EXISTS (SELECT 1 FROM agreement_services s
                    WHERE s.requires_approval
                      AND ((s.agreement_id = line.agreement_id AND s.service_id = line.service_id)
                           OR (s.agreement_id = parent.agreement_id AND s.service_id = parent.service_id)))
           AND NOT EXISTS (SELECT 1 FROM insurer_approvals a
                            WHERE a.id IN (line.approval_id, parent.approval_id) AND a.status <> 'revoked')
           AND ((SELECT unpaid_performance FROM organizations WHERE id = line.organization_id) = 'block'
                OR NOT NEW.unpaid_confirmed) THEN
            RAISE EXCEPTION 'approval_needed' USING ERRCODE = 'MC069',
                DETAIL = format('line %s needs the approval of payer %s', line.id, line.payer_id);
        END IF;
    END IF;
    RETURN NEW;
END;
$$;

-- Functions of migration 0004 (scheduling).

-- booking_resources is derived from bookings: every resource a booking holds (the main one and the
-- office, when the office is a resource of its own) gets a row with the booking's period, active while
-- the booking holds time. The exclusion constraint on booking_resources then refuses a second active
-- booking of the same resource at an overlapping time, whoever writes and however they race.
-- The same trigger writes the booking's history. SECURITY DEFINER: clients never write either table.
CREATE FUNCTION booking_after_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    holds boolean := NEW.status IN ('booked', 'confirmed', 'arrived', 'in_progress', 'done');
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO booking_events (booking_id, actor, action, new_resource_id, new_period, new_status, reason)
        VALUES (NEW.id, session_user, 'booked', NEW.resource_id, NEW.period, NEW.status, '');
    ELSE
        IF NEW.period IS DISTINCT FROM OLD.period OR NEW.resource_id IS DISTINCT FROM OLD.resource_id THEN
            INSERT INTO booking_events (booking_id, actor, action, old_resource_id, new_resource_id,
                                        old_period, new_period, old_status, new_status, reason)
            VALUES (NEW.id, session_user, 'rescheduled', OLD.resource_id, NEW.resource_id,
                    OLD.period, NEW.period, OLD.status, NEW.status, '');
        END IF;
        IF NEW.status IS DISTINCT FROM OLD.status THEN
            INSERT INTO booking_events (booking_id, actor, action, old_status, new_status, reason)
            VALUES (NEW.id, session_user, 'status', OLD.status, NEW.status,
                    CASE WHEN NEW.status = 'cancelled' THEN NEW.cancel_reason ELSE '' END);
        END IF;
        IF NEW.period IS NOT DISTINCT FROM OLD.period AND NEW.resource_id IS NOT DISTINCT FROM OLD.resource_id
           AND NEW.office_resource_id IS NOT DISTINCT FROM OLD.office_resource_id
           AND NEW.status IS NOT DISTINCT FROM OLD.status THEN
            RETURN NULL;
        END IF;
        DELETE FROM booking_resources WHERE booking_id = NEW.id;
    END IF;
    INSERT INTO booking_resources (booking_id, resource_id, organization_id, period, active)
    VALUES (NEW.id, NEW.resource_id, NEW.organization_id, NEW.period, holds);
    IF NEW.office_resource_id IS NOT NULL THEN
        INSERT INTO booking_resources (booking_id, resource_id, organization_id, period, active)
        VALUES (NEW.id, NEW.office_resource_id, NEW.organization_id, NEW.period, holds);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER booking_after_change AFTER INSERT OR UPDATE ON bookings
FOR EACH ROW EXECUTE FUNCTION booking_after_change();

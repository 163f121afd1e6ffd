-- Functions of migration 0004 (scheduling).

-- Adds (p_sign = 1) or removes (p_sign = -1) a booking's share of its resource-day's usage per channel.
CREATE FUNCTION booking_count_usage(b bookings, p_sign integer) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    local_day date;
BEGIN
    IF b.status NOT IN ('booked', 'confirmed', 'arrived', 'in_progress', 'done') THEN
        RETURN;
    END IF;
    SELECT (lower(b.period) AT TIME ZONE o.time_zone)::date INTO local_day FROM organizations o
     WHERE o.id = b.organization_id;
    INSERT INTO booking_day_usage AS u (resource_id, day, channel, bookings, minutes)
    VALUES (b.resource_id, local_day, b.channel, p_sign,
            p_sign * (extract(epoch FROM upper(b.period) - lower(b.period)) / 60)::integer)
    ON CONFLICT (resource_id, day, channel) DO UPDATE
       SET bookings = u.bookings + excluded.bookings, minutes = u.minutes + excluded.minutes;
END
$$;

CREATE FUNCTION booking_after_delete() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    PERFORM booking_count_usage(OLD, -1);
    RETURN NULL;
END
$$;

CREATE TRIGGER booking_after_delete AFTER DELETE ON bookings
FOR EACH ROW EXECUTE FUNCTION booking_after_delete();

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
        PERFORM booking_count_usage(OLD, -1);
    END IF;
    PERFORM booking_count_usage(NEW, 1);
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

-- Free time of resources: working ranges minus breaks minus what active bookings hold (the resource's
-- own, and those of the office it works in when the office is a resource of its own), one row per free
-- gap with at least p_shortest minutes after p_not_before (only the earliest of each resource-day with
-- p_first_per_day), with the day's planned working minutes, for the resource-days given as two aligned
-- arrays (p_resources[i] on p_days[i]). Returns times only, no personal data. SECURITY DEFINER because
-- under row-level security the overlap operator (not leakproof) could not use the GiST indexes; the
-- organization check is done here instead: only resources of the caller's organizations are read.
CREATE FUNCTION schedule_free_gaps(p_resources integer[], p_days date[], p_shortest integer,
                                   p_not_before timestamptz, p_first_per_day boolean)
RETURNS TABLE (resource_id integer, day date, office_id integer, starts_at timestamptz, ends_at timestamptz,
               planned_minutes integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
-- PostgreSQL 18 caches the plans of SQL functions; a generic plan cannot see how many resources and
-- days are asked for and re-scans the bookings per day (measured: 4x slower). Plan for the values given.
-- No JIT: compiling takes longer than the query it would speed up.
SET plan_cache_mode = force_custom_plan SET jit = off
AS $$
WITH asked AS (
    SELECT DISTINCT q.resource_id, q.day FROM unnest(p_resources, p_days) AS q(resource_id, day)
      JOIN schedule_resources r ON r.id = q.resource_id
     WHERE r.organization_id = ANY (app_user_organization_ids())
), planned AS (
    -- Working minutes (breaks excluded) of each resource-day ...
    SELECT i.resource_id, i.day,
           sum(CASE WHEN i.kind = 'work' THEN 1 ELSE -1 END
               * extract(epoch FROM upper(i.period) - lower(i.period)) / 60) AS minutes
      FROM asked a JOIN schedule_intervals i ON i.resource_id = a.resource_id AND i.day = a.day
     GROUP BY i.resource_id, i.day
), open_days AS (
    -- ... of which the days with room for the shortest service are searched; full days are skipped
    -- without reading their bookings.
    SELECT p.resource_id, p.day FROM planned p
      CROSS JOIN LATERAL (SELECT coalesce(sum(u.minutes), 0) AS minutes FROM booking_day_usage u
                           WHERE u.resource_id = p.resource_id AND u.day = p.day) used
     WHERE p.minutes - used.minutes >= p_shortest
), w AS (
    SELECT i.id, i.resource_id, i.day, i.period, i.office_id FROM schedule_intervals i
      JOIN open_days d ON d.resource_id = i.resource_id AND d.day = i.day
     WHERE i.kind = 'work'
), held AS (
    SELECT w.id, br.period FROM w JOIN booking_resources br
        ON br.resource_id = w.resource_id AND br.active AND br.period && w.period
    UNION ALL
    SELECT w.id, x.period FROM w JOIN schedule_intervals x
        ON x.resource_id = w.resource_id AND x.day = w.day AND x.kind = 'break' AND x.period && w.period
    UNION ALL
    SELECT w.id, br.period FROM w
      JOIN schedule_resources o ON o.kind = 'office' AND o.office_id = w.office_id AND o.id <> w.resource_id
      JOIN booking_resources br ON br.resource_id = o.id AND br.active AND br.period && w.period
), taken AS (
    SELECT w.id, w.resource_id, w.day, w.office_id, w.period,
           range_agg(h.period) FILTER (WHERE h.period IS NOT NULL) AS held
      FROM w LEFT JOIN held h ON h.id = w.id
     GROUP BY w.id, w.resource_id, w.day, w.office_id, w.period
), free AS (
    SELECT t.resource_id, t.day, t.office_id,
           unnest(tstzmultirange(t.period) - coalesce(t.held, '{}'::tstzmultirange)) AS gap
      FROM taken t
), usable AS (
    SELECT f.resource_id, f.day, f.office_id, lower(f.gap) AS s, upper(f.gap) AS e,
           row_number() OVER (PARTITION BY f.resource_id, f.day ORDER BY lower(f.gap)) AS n
      FROM free f
     WHERE upper(f.gap) - greatest(lower(f.gap), p_not_before) >= make_interval(mins => p_shortest)
)
SELECT u.resource_id, u.day, u.office_id, u.s, u.e, p.minutes::integer FROM usable u
  JOIN planned p ON p.resource_id = u.resource_id AND p.day = u.day
 WHERE NOT p_first_per_day OR u.n = 1
 ORDER BY 1, 4
$$;

-- How much of each resource-day each booking channel has used (active bookings): counts and minutes,
-- for channel shares and day limits. No personal data; same organization check as above.
CREATE FUNCTION schedule_channel_usage(p_resources integer[], p_first date, p_last date)
RETURNS TABLE (resource_id integer, day date, channel text, bookings integer, minutes integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
SET plan_cache_mode = force_custom_plan SET jit = off
AS $$
SELECT u.resource_id, u.day, u.channel::text, u.bookings, u.minutes
  FROM booking_day_usage u JOIN schedule_resources r ON r.id = u.resource_id
 WHERE u.resource_id = ANY (p_resources) AND u.day BETWEEN p_first AND p_last AND u.bookings > 0
   AND r.organization_id = ANY (app_user_organization_ids())
$$;

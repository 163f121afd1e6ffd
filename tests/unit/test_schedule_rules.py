"""Pure scheduling rules: times of day, interval checks, template days, wall-clock ranges, slots, shares."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shared.services.calendar import hours_on, russian_calendar
from shared.services.schedule_rules import (
    DayInterval,
    InvalidSchedule,
    channel_allows,
    local_range,
    parse_hhmm,
    slots_in,
    subtract,
    template_day_index,
    validate_intervals,
)

UTC = dt.UTC


def test_times_of_day():
    assert parse_hhmm("8:30") == 510
    assert parse_hhmm("24:00") == 1440
    assert parse_hhmm(" 00.00 ") == 0
    for bad in ("", "8", "25:00", "24:01", "12:60", "ab:cd", "-1:00", "12:5", "123:00"):
        with pytest.raises(InvalidSchedule):
            parse_hhmm(bad)


@pytest.mark.parametrize("intervals, reason", [
    ([DayInterval(1, 600, 540)], "across midnight"),
    ([DayInterval(1, 600, 600)], "ends when it starts"),
    ([DayInterval(1, 480, 720), DayInterval(1, 700, 900)], "overlap"),
    ([DayInterval(1, 480, 720), DayInterval(1, 700, 760, "break")], "inside a working range"),
    ([DayInterval(1, 480, 720), DayInterval(2, 600, 630, "break")], "inside a working range"),
    ([DayInterval(1, 480, 720), DayInterval(1, 600, 630, "break"), DayInterval(1, 620, 640, "break")],
     "breaks of one day overlap"),
    ([DayInterval(9, 480, 720)], "outside its cycle"),
])
def test_bad_intervals_are_refused_with_a_reason(intervals, reason):
    with pytest.raises(InvalidSchedule) as info:
        validate_intervals(intervals, days=range(1, 8))
    assert reason in str(info.value)


def test_good_intervals_pass():
    validate_intervals([DayInterval(1, 480, 720), DayInterval(1, 720, 1440), DayInterval(1, 600, 630, "break"),
                        DayInterval(2, 0, 480)], days=range(1, 8))


def test_template_days():
    anchor = dt.date(2027, 3, 1)
    assert template_day_index("weekly", dt.date(2027, 3, 3), anchor=anchor, cycle_days=None) == 3
    # 2 on / 2 off: days 0 and 1 of a 4-day cycle counted from the anchor.
    assert [template_day_index("cycle", anchor + dt.timedelta(days=i), anchor=anchor, cycle_days=4)
            for i in range(6)] == [0, 1, 2, 3, 0, 1]
    assert template_day_index("parity", dt.date(2027, 3, 2), anchor=anchor, cycle_days=None) == 0
    assert template_day_index("parity", dt.date(2027, 3, 31), anchor=anchor, cycle_days=None) == 1


def test_wall_clock_ranges_in_zones_without_and_with_summer_time():
    yekaterinburg = ZoneInfo("Asia/Yekaterinburg")  # UTC+5 all year
    start, end = local_range(dt.date(2027, 3, 28), 8 * 60, 20 * 60, yekaterinburg)
    assert start.astimezone(UTC) == dt.datetime(2027, 3, 28, 3, 0, tzinfo=UTC)
    assert end - start == dt.timedelta(hours=12)
    start, end = local_range(dt.date(2027, 3, 28), 20 * 60, 1440, yekaterinburg)
    assert end.astimezone(yekaterinburg).date() == dt.date(2027, 3, 29)
    # Berlin moves its clocks on 28.03.2027 at 02:00: a 00:00-06:00 night shift lasts five real hours,
    # a day shift keeps its wall-clock hours.
    berlin = ZoneInfo("Europe/Berlin")
    start, end = local_range(dt.date(2027, 3, 28), 0, 6 * 60, berlin)
    assert (end.astimezone(UTC) - start.astimezone(UTC)) == dt.timedelta(hours=5)
    start, _ = local_range(dt.date(2027, 3, 28), 8 * 60, 9 * 60, berlin)
    assert start.astimezone(berlin).hour == 8


def _t(h, m=0):
    return dt.datetime(2027, 3, 1, h, m, tzinfo=UTC)


def test_slots_pack_around_bookings_and_skip_the_past():
    free = subtract([(_t(8), _t(12))], [(_t(9), _t(9, 10)), (_t(10), _t(10, 30))])
    assert free == [(_t(8), _t(9)), (_t(9, 10), _t(10)), (_t(10, 30), _t(12))]
    slots = slots_in(free, dt.timedelta(minutes=20))
    assert [s for s, _ in slots][:5] == [_t(8), _t(8, 20), _t(8, 40), _t(9, 10), _t(9, 30)]
    assert all(e - s == dt.timedelta(minutes=20) for s, e in slots)
    later = slots_in([(_t(8), _t(12))], dt.timedelta(minutes=20), not_before=_t(8, 25))
    assert later[0][0] == _t(8, 40)


@given(st.lists(st.tuples(st.integers(0, 700), st.integers(1, 120)), max_size=12),
       st.integers(5, 60))
def test_slots_never_overlap_bookings(bookings, minutes):
    busy = [(_t(0) + dt.timedelta(minutes=a), _t(0) + dt.timedelta(minutes=a + d)) for a, d in bookings]
    work = [(_t(0), _t(12))]
    for start, end in slots_in(subtract(work, busy), dt.timedelta(minutes=minutes)):
        assert _t(0) <= start and end <= _t(12)
        assert not any(b0 < end and start < b1 for b0, b1 in busy)


def test_channel_shares():
    shares = {"call_centre": 20, "website": 10}
    # 600 minutes: 120 for the call centre, 60 for the website, 420 common.
    assert channel_allows(600, shares, {}, "website", 60)
    assert channel_allows(600, shares, {"registry": 420}, "website", 60)
    assert not channel_allows(600, shares, {"registry": 420, "website": 60}, "website", 15)
    assert not channel_allows(600, shares, {"registry": 420}, "registry", 15), "the reserves stay reserved"
    assert channel_allows(600, shares, {"registry": 420}, "call_centre", 120)
    assert channel_allows(600, {}, {"registry": 600}, "registry", 15), "no shares: only the time limits"


def test_russian_production_calendar():
    days = {e.day: e for e in russian_calendar(2026)}
    assert days[dt.date(2026, 1, 7)].kind == "holiday"
    assert days[dt.date(2026, 1, 9)].kind == "weekend", "a transferred day off"
    assert days[dt.date(2026, 3, 9)].kind == "weekend"
    assert days[dt.date(2026, 4, 30)].kind == "shortened"
    assert days[dt.date(2026, 12, 30)].kind == "working", "not shortened before a transferred day off"
    assert sum(e.is_working for e in days.values()) == 247
    y2025 = {e.day: e for e in russian_calendar(2025)}
    assert y2025[dt.date(2025, 11, 1)].kind == "shortened", "a working Saturday, shortened"
    assert sum(e.is_working for e in y2025.values()) == 247


def test_opening_hours_follow_the_calendar():
    from shared.services.calendar import CalendarEntry, OpeningHours

    weekly = {d: OpeningHours(d, 480, 1200) for d in range(1, 6)}
    assert hours_on(CalendarEntry(dt.date(2026, 4, 30), "shortened", ""), weekly).closes_minute == 1140
    assert hours_on(CalendarEntry(dt.date(2026, 1, 9), "weekend", ""), weekly) is None
    assert hours_on(CalendarEntry(dt.date(2025, 11, 1), "shortened", ""), weekly).opens_minute == 480
    assert hours_on(CalendarEntry(dt.date(2026, 11, 4), "holiday", ""), weekly) is None

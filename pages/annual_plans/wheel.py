"""The annual plan's year, month by month and as a wheel (årshjul).

Both views are drawn from the same list of YearItems (pages.contributions),
so the list a screen reader reads and the wheel a sighted reader sees can
never disagree. The wheel is plain SVG drawn here on the server: twelve
month segments clockwise from January at the top, a mark for each item on
the day it falls, and an outer band, hatched, for every budget window.
"""

import calendar
import datetime
import math
from dataclasses import dataclass

from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from pages.contributions import YearItem

MEETING = "meeting"
DEADLINE = "deadline"
BUDGET = "budget"

# Every kind of item the plan draws: its words, and its mark on the wheel
# (a shape, so that no kind is told by its colour alone).
KINDS = {
    MEETING: (_("Council meeting"), "circle"),
    DEADLINE: (_("Hearing deadline"), "diamond"),
    "council_event": (_("The council's event"), "square"),
    BUDGET: (_("Budget: a window for influence"), "triangle"),
    "other": (_("Other"), "square"),
}

SIZE = 440
CENTRE = SIZE / 2
RING_OUTER, RING_INNER = 196, 128
LABEL_RADIUS = 162
WINDOW_OUTER, WINDOW_INNER = 216, 199
MARK_RADIUS = {MEETING: 110, DEADLINE: 90, BUDGET: 70}
OTHER_MARK_RADIUS = 70
MARK_SIZE = 7
# The shortest budget window drawn, in degrees, so that one day shows.
WINDOW_MIN_DEGREES = 3


def kind_label(kind):
    return KINDS.get(kind, KINDS["other"])[0]


def kind_shape(kind):
    return KINDS.get(kind, KINDS["other"])[1]


@dataclass(frozen=True)
class Month:
    number: int
    name: str
    items: list


def months_of(items, *, year):
    """The twelve months of the year, each with its items by date (an item
    over several days is listed in the month it starts)."""
    ordered = sorted(items, key=_item_order)
    return [
        Month(number, MONTHS[number], [i for i in ordered if _month(i, year) == number])
        for number in range(1, 13)
    ]


def items_of_year(items, *, year):
    """The items that start in the year, in date order."""
    return sorted((i for i in items if i.starts_on.year == year), key=_item_order)


def _item_order(item):
    return (item.starts_on, item.title)


def _month(item, year):
    return item.starts_on.month if item.starts_on.year == year else None


@dataclass(frozen=True)
class WheelMark:
    """One item on the wheel: where its mark is drawn, and its shape."""

    item: YearItem
    x: float
    y: float
    shape: str
    points: str = ""

    @property
    def kind(self):
        return self.item.kind

    @property
    def corner(self):
        """The top left corner of a square mark."""
        return round(self.x - MARK_SIZE, 1), round(self.y - MARK_SIZE, 1)


def year_wheel(items, *, year):
    """What the wheel's template draws: the month segments and their labels,
    a mark for each item and a band for each budget window."""
    items = items_of_year(items, year=year)
    return {
        "size": SIZE,
        "centre": CENTRE,
        "year": year,
        "months": [_month_segment(year, number) for number in range(1, 13)],
        "marks": [_mark(item, year) for item in items],
        "windows": [_window(item, year) for item in items if item.kind == BUDGET],
    }


def _days(year):
    return 366 if calendar.isleap(year) else 365


def _angle(day, year, *, offset=0.5):
    """Degrees clockwise from the top of the wheel for a day of the year."""
    days = (day - datetime.date(year, 1, 1)).days + offset
    return 360 * days / _days(year)


def _point(radius, degrees):
    radians = math.radians(degrees)
    x = CENTRE + radius * math.sin(radians)
    y = CENTRE - radius * math.cos(radians)
    return round(x, 1), round(y, 1)


def _ring_path(start, end, outer, inner):
    """An SVG path of the ring between two radii from one angle to another."""
    large = 1 if end - start > 180 else 0
    ox0, oy0 = _point(outer, start)
    ox1, oy1 = _point(outer, end)
    ix1, iy1 = _point(inner, end)
    ix0, iy0 = _point(inner, start)
    return (
        f"M {ox0} {oy0} A {outer} {outer} 0 {large} 1 {ox1} {oy1} "
        f"L {ix1} {iy1} A {inner} {inner} 0 {large} 0 {ix0} {iy0} Z"
    )


def _month_segment(year, number):
    first = datetime.date(year, number, 1)
    last = datetime.date(year, number, calendar.monthrange(year, number)[1])
    start = _angle(first, year, offset=0)
    end = _angle(last, year, offset=1)
    x, y = _point(LABEL_RADIUS, (start + end) / 2)
    return {
        "number": number,
        "name": MONTHS[number],
        "path": _ring_path(start, end, RING_OUTER, RING_INNER),
        "label_x": x,
        "label_y": y,
    }


def _mark(item, year):
    radius = MARK_RADIUS.get(item.kind, OTHER_MARK_RADIUS)
    x, y = _point(radius, _angle(item.starts_on, year))
    shape = kind_shape(item.kind)
    return WheelMark(item=item, x=x, y=y, shape=shape, points=_points(shape, x, y))


def _points(shape, x, y):
    """The corners of a diamond or a triangle around (x, y)."""
    s = MARK_SIZE
    if shape == "diamond":
        corners = [(x, y - s), (x + s, y), (x, y + s), (x - s, y)]
    elif shape == "triangle":
        corners = [(x, y - s), (x + s, y + s * 0.8), (x - s, y + s * 0.8)]
    else:
        return ""
    return " ".join(f"{round(cx, 1)},{round(cy, 1)}" for cx, cy in corners)


def _window(item, year):
    """The outer band of a budget window, from its first to its last day
    within the year."""
    last = min(item.ends_on or item.starts_on, datetime.date(year, 12, 31))
    start = _angle(item.starts_on, year, offset=0)
    end = max(_angle(last, year, offset=1), start + WINDOW_MIN_DEGREES)
    return {"item": item, "path": _ring_path(start, end, WINDOW_OUTER, WINDOW_INNER)}

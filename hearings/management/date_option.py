"""The --date option of the daily commands: act as if today were that day."""

from datetime import date

from django.core.management.base import CommandError


def date_option_add(parser):
    parser.add_argument(
        "--date",
        help="Act as if today were this date (YYYY-MM-DD); for testing.",
    )


def date_option_value(options):
    """The --date given, as a date, or None for today."""
    if not options["date"]:
        return None
    try:
        return date.fromisoformat(options["date"])
    except ValueError as exc:
        raise CommandError("--date must be YYYY-MM-DD.") from exc

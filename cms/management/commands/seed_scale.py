import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cms.demo_scale import SIZES, scale_seed
from hearings.models import HearingResponsePage


class Command(BaseCommand):
    help = (
        "Create a national-scale fictitious data set for benchmarks: councils "
        "(raad-001.bench.localhost, …) with hearings, each answered by a "
        "published response, in generated Danish. Running it again adds only "
        "what is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--size",
            choices=sorted(SIZES),
            default="national",
            help="demo: 2×10, national: 45×200, country: 350×30 (councils × hearings).",
        )
        parser.add_argument("--councils", type=int, help="Overrides --size.")
        parser.add_argument("--hearings", type=int, help="Per council.")
        parser.add_argument("--port", type=int, default=80)
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even with DEBUG off (never on a real installation).",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "seed_scale fills the database with made-up councils and only "
                "runs with DEBUG on. Use --force if you really mean it."
            )
        councils, hearings = SIZES[options["size"]]
        councils = options["councils"] or councils
        hearings = options["hearings"] if options["hearings"] is not None else hearings
        started = time.perf_counter()
        progress = self.stdout.write if options["verbosity"] > 1 else None
        result = scale_seed(
            councils=councils, hearings=hearings, port=options["port"], out=progress
        )
        seconds = time.perf_counter() - started
        live = HearingResponsePage.objects.live().count()
        self.stdout.write(
            self.style.SUCCESS(
                f"{councils} councils × {hearings} hearings "
                f"({live} published responses in the database); this run "
                f"added {result.responses} responses in {seconds:.1f} s."
            )
        )

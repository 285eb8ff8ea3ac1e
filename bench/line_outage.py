"""How long after LINE comes back every owed answer is delivered (issue 16's target: 20 s after 80 s).

    python bench/line_outage.py                      # 80 s of LINE answering 503, 200 people x 4 messages
    python bench/line_outage.py --outage-s 20 --people 50

`tsunagu serve` runs on SQLite with the shipped timing settings (retry base 1 s, cap 300 s, lease
10 s, probe 2 s, poll 1 s) against tests/bot/fault_line.py, whose reply tokens live 60 s as on LINE.
The people write during the first three quarters of the outage; the script prints the time from
LINE's recovery until the last owed answer arrived, and the answers delivered twice or never.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.migrate import upgrade  # noqa: E402
from bot.simulator import SIMULATOR_SECRET_KEY, driver  # noqa: E402
from bot.store import crypto  # noqa: E402
from tests.bot.fault_line import Fault, FaultLine, text_event  # noqa: E402
from tests.bot.helpers import OutboxMessage, count, rows  # noqa: E402
from tests.bot.servers import ACCESS_TOKEN, TsunaguProcess  # noqa: E402

SHIPPED_TIMING = {
    "TSUNAGU_POLL_INTERVAL_S": "1",
    "TSUNAGU_OUTBOX_LEASE_S": "10",
    "TSUNAGU_RETRY_BASE_S": "1",
    "TSUNAGU_RETRY_CAP_S": "300",
}


def main() -> int:
    """Play the outage and print the recovery figures."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--outage-s", type=float, default=80.0)
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--messages", type=int, default=4, help="messages per person during the outage")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="tsunagu-outage-"))
    database_url = f"sqlite:///{workdir / 'tsunagu.db'}"
    upgrade(database_url)
    crypto.configure(None, SIMULATOR_SECRET_KEY.encode())  # the key the server derives: rows are read
    people = [driver.simulated_user_id(f"outage-{i}") for i in range(args.people)]
    total = args.people * args.messages
    with FaultLine(ACCESS_TOKEN) as line:
        server = TsunaguProcess(database_url, line.base_url, workdir, **SHIPPED_TIMING)
        server.start()
        try:
            line.set_faults({Fault.SERVER_ERROR: 1.0})
            started = time.monotonic()
            for number in range(total):
                time.sleep(max(0.0, started + args.outage_s * 0.75 * number / total - time.monotonic()))
                event = text_event(line, people[number % args.people], f"質問{number // args.people}")
                if server.post([event.payload]) != 200:
                    print(f"webhook refused event {number}", file=sys.stderr)
                    return 1
            time.sleep(max(0.0, started + args.outage_s - time.monotonic()))
            delivered_during = len(line.deliveries)
            line.set_faults({})
            recovered_at = time.time()
            while count(database_url, OutboxMessage, OutboxMessage.status == "sent") < total:
                if time.time() - recovered_at > 300:
                    print("not every answer was delivered within 300 s of recovery", file=sys.stderr)
                    return 1
                time.sleep(0.2)
            last_at = max(delivery.at for delivery in line.deliveries)
            uncertain = metric_total(server, "tsunagu_outbox_uncertain_total")
            woken = metric_total(server, "tsunagu_outbox_woken_total")
        finally:
            server.stop()
    tally = answers_per_row(database_url, line)
    print(
        f"LINE answering 503 for {args.outage_s:.0f} s; {total} answers owed to {args.people} people; "
        f"{delivered_during} delivered during the outage"
    )
    print(f"every owed answer delivered {last_at - recovered_at:.1f} s after LINE recovered")
    print(f"answers delivered once {tally['once']}, twice or more {tally['twice']}, never {tally['never']}")
    print(f"rows woken from backoff {woken:.0f}; pushed as possible duplicates {uncertain:.0f}")
    return 0


def metric_total(server: TsunaguProcess, name: str) -> float:
    """The sum of every sample of `name` in the server's /metrics."""
    lines = server.metrics_text().splitlines()
    return sum(float(line.rsplit(" ", 1)[1]) for line in lines if line.startswith(name))


def answers_per_row(database_url: str, line: FaultLine) -> dict[str, int]:
    """Per outbox row: delivered once, twice or more, or never (by its retry key or its reply token)."""
    tally = {"once": 0, "twice": 0, "never": 0}
    for row in rows(database_url, OutboxMessage):
        times = sum(
            1
            for delivery in line.deliveries
            if delivery.retry_key == row.retry_key
            or (row.reply_token and delivery.reply_token == row.reply_token)
        )
        tally["once" if times == 1 else "never" if times == 0 else "twice"] += 1
    return tally


if __name__ == "__main__":
    raise SystemExit(main())

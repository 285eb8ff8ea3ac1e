"""The `tsunagu` command: serve, demo, migrate, simulate, purge, classify, csw, content and line."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError

from bot.settings import DEFAULT_LINE_API_BASE, Settings, proxy_options


def load_settings() -> Settings:
    """Read settings, turning validation errors into a clear message and exit status 2."""
    try:
        return Settings()
    except ValidationError as exc:
        lines = [f"  {'.'.join(str(p) for p in e['loc']) or 'settings'}: {e['msg']}" for e in exc.errors()]
        sys.stderr.write("tsunagu: invalid configuration\n" + "\n".join(lines) + "\n")
        raise SystemExit(2) from None


def load_content_in_use(settings: Settings) -> bool:
    """Load and check the content file in use (TSUNAGU_CONTENT_PATH); print its problems and say False."""
    from dialogs.content import ContentError, use_content

    try:
        use_content(settings.content_path)
    except ContentError as error:
        sys.stderr.write(f"tsunagu: the content file cannot be used\n{error}\n")
        return False
    return True


def point_at_local_simulator(settings: Settings, port: int) -> None:
    """In simulator mode, send LINE API calls to this server's own fake LINE."""
    if settings.simulator and settings.line_api_base == DEFAULT_LINE_API_BASE:
        os.environ["TSUNAGU_LINE_API_BASE"] = f"http://127.0.0.1:{port}/simulator/line-api"


def cmd_migrate(args: argparse.Namespace) -> int:
    """Apply database migrations."""
    from bot.migrate import upgrade

    upgrade(load_settings().database_url)
    sys.stderr.write("tsunagu: database schema is up to date\n")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Run the server (real LINE channel if configured, else the local simulator)."""
    import uvicorn

    from bot.migrate import SchemaNotCurrent, ensure_schema, upgrade

    settings = load_settings()
    if settings.simulator and args.workers > 1:
        sys.stderr.write(
            "tsunagu: the local simulator runs in one process; use --workers 1 or configure LINE\n"
        )
        return 2
    if not load_content_in_use(settings):
        return 2
    if args.migrate:
        upgrade(settings.database_url)
    try:
        if ensure_schema(settings.database_url):
            sys.stderr.write("tsunagu: migrated the SQLite database to the newest schema\n")
    except SchemaNotCurrent as problem:
        sys.stderr.write(f"tsunagu: {problem}\n")
        return 2
    point_at_local_simulator(settings, args.port)
    uvicorn.run(
        "bot.app:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        access_log=False,
        **proxy_options(settings),
    )
    return 0


def cmd_worker(args: argparse.Namespace) -> int:
    """Process stored events and send messages, without serving HTTP (for separate worker processes)."""
    import asyncio
    import signal

    from bot.app import create_app

    settings = load_settings()
    if settings.simulator:
        sys.stderr.write("tsunagu: a separate worker needs a LINE channel; the simulator runs inside serve\n")
        return 2
    if not load_content_in_use(settings):
        return 2

    async def run() -> None:
        app = create_app(settings)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, stop.set)
        async with app.router.lifespan_context(app):
            await stop.wait()

    asyncio.run(run())
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    """Migrate the embedded SQLite database and serve with the local LINE simulator."""
    os.environ.setdefault("TSUNAGU_SIMULATOR", "true")
    settings = load_settings()
    if not settings.simulator:
        sys.stderr.write("tsunagu: demo always uses the local simulator\n")
    from bot.migrate import upgrade

    upgrade(settings.database_url)
    from handoff.admin import demo_account

    os.environ.setdefault("TSUNAGU_CSW_COOKIE_SECURE", "false")  # plain http on loopback
    login, password = demo_account(settings.database_url)
    sys.stderr.write(
        f"tsunagu demo: open http://{args.host}:{args.port}/simulator to chat as a LINE user\n"
        f"               open http://{args.host}:{args.port}/csw as a CSW: login {login}, "
        f"password {password}\n"
        f"               database: {settings.database_url}\n"
    )
    args.workers, args.migrate = 1, False
    start_demo_channel_setup(args.host, args.port)
    return cmd_serve(args)


def start_demo_channel_setup(host: str, port: int) -> None:
    """Once the demo answers, run `line setup` against its simulated channel, so the rich menu shows."""
    import threading
    import time

    import httpx

    def set_up() -> None:
        base = f"http://{host}:{port}"
        for _ in range(100):
            time.sleep(0.2)
            try:
                if httpx.get(f"{base}/healthz", timeout=1.0).status_code == 200:
                    break
            except httpx.HTTPError:
                continue
        else:
            return
        from bot import line_channel

        settings = Settings(TSUNAGU_LINE_API_BASE=f"{base}/simulator/line-api", TSUNAGU_SIMULATOR=True)
        report = line_channel.setup(settings, webhook_url=f"{base}/line/webhook")
        sys.stderr.write("tsunagu demo: simulated channel set up (rich menus from the content)\n")
        if not report.ok:
            sys.stderr.write(report.text() + "\n")

    threading.Thread(target=set_up, name="demo-channel-setup", daemon=True).start()


def cmd_simulate(args: argparse.Namespace) -> int:
    """Run a JSONL script of simulated users against a fresh tsunagu and print what each received."""
    from bot.simulator import Simulator

    lines = Path(args.script).read_text(encoding="utf-8").splitlines()
    with Simulator(args.database_url) as sim:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            step = json.loads(line)
            user = str(step["user"])
            if "text" in step:
                replies = sim.send(user, str(step["text"]))
            elif "choose" in step:
                replies = sim.choose(user, str(step["choose"]))
            elif step.get("event") == "follow":
                replies = sim.follow(user)
            elif step.get("event") == "unfollow":
                replies = sim.unfollow(user)
            else:
                sys.stderr.write(f"tsunagu simulate: line {number}: expected text, choose or event\n")
                return 2
            for reply in replies:
                record = {"user": user, "text": reply.text, "quick_replies": reply.quick_replies}
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


def cmd_rotate_keys(args: argparse.Namespace) -> int:
    """Re-encrypt stored data with the first key of TSUNAGU_DATA_KEYS."""
    from bot.rekey import rotate_all
    from bot.settings import configure_encryption

    settings = load_settings()
    configure_encryption(settings)
    rewritten = rotate_all(settings.database_url)
    sys.stderr.write(f"tsunagu: {rewritten} stored values re-encrypted with the newest key\n")
    return 0


def cmd_purge(args: argparse.Namespace) -> int:
    """Delete what the retention periods no longer keep (or, with --dry-run, count it)."""
    import asyncio

    from bot.retention import RetentionPolicy, purge

    settings = load_settings()
    counts = asyncio.run(
        purge(settings.database_url, RetentionPolicy.from_settings(settings), dry_run=args.dry_run)
    )
    sys.stdout.write(f"tsunagu purge: {'would delete (dry run)' if args.dry_run else 'deleted'}\n")
    for kind, number in counts.as_dict().items():
        sys.stdout.write(f"{kind}\t{number}\n")
    return 0


def cmd_generate_key(args: argparse.Namespace) -> int:
    """Print a new data key for TSUNAGU_DATA_KEYS."""
    from bot.store.crypto import generate_key

    sys.stdout.write(generate_key() + "\n")
    return 0


def cmd_classify(args: argparse.Namespace) -> int:
    """Classify lines of stdin and print one JSON object per line."""
    from dialogs.understanding import classify_lines

    extra = [Path(p) for p in args.lexicon_dir]
    classify_lines(sys.stdin, sys.stdout, extra_lexicon_dirs=extra)
    return 0


def cmd_csw(args: argparse.Namespace) -> int:
    """Manage CSW dashboard accounts and API tokens (logic in handoff.admin)."""
    from handoff import admin
    from handoff.accounts import AccountError

    url = load_settings().database_url
    password = sys.stdin.readline().rstrip("\n") if getattr(args, "password_stdin", False) else None
    try:
        if args.csw_command == "add":
            chosen = admin.add(
                url,
                login=args.login,
                name=args.name or args.login,
                role=args.role,
                team=args.team,
                password=password,
            )
            sys.stdout.write(f"{args.login}\t{chosen if password is None else '(password from stdin)'}\n")
        elif args.csw_command == "list":
            for account in admin.listing(url):
                sys.stdout.write(json.dumps(account, ensure_ascii=False) + "\n")
        elif args.csw_command == "disable":
            admin.disable(url, login=args.login)
        elif args.csw_command == "enable":
            admin.enable(url, login=args.login)
        elif args.csw_command == "reset":
            chosen = admin.reset(url, login=args.login, password=password)
            sys.stdout.write(f"{args.login}\t{chosen if password is None else '(password from stdin)'}\n")
        elif args.csw_command == "token":
            token = admin.token(url, login=args.login, name=args.name, scope=args.scope, days=args.days)
            sys.stdout.write(token + "\n")
        elif args.csw_command == "tokens":
            for row in admin.tokens(url, login=args.login):
                sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        elif args.csw_command == "revoke":
            admin.revoke(url, login=args.login, token_id=args.token_id)
    except AccountError as exc:
        sys.stderr.write(f"tsunagu csw: {exc}\n")
        return 2
    return 0


def cmd_content_check(args: argparse.Namespace) -> int:
    """Check a content file and print what it holds, or each problem with its line and field."""
    from dialogs.content import ContentError, entries_to_confirm, load_content

    path = Path(args.file)
    try:
        content = load_content(path)
    except ContentError as error:
        sys.stderr.write(f"{error}\n")
        return 1
    municipality = content.municipality
    sys.stdout.write(
        f"{path.name}: OK: {municipality.name} (version {municipality.version}, "
        f"updated {municipality.updated_at}): {len(content.windows)} windows, {len(content.teams)} teams, "
        f"{len(content.districts)} districts, {len(content.hotlines)} hotlines, "
        f"rich menus {'set' if content.line else 'not set (tsunagu line setup needs them)'}\n"
    )
    if content.placeholder:
        sys.stdout.write(f"{path.name}: note: placeholder is true; set it false once every value is real\n")
    for line, entry in entries_to_confirm(path):
        sys.stdout.write(f"{path.name}: line {line}: {entry}: marked 要確認, check it before going live\n")
    return 0


def cmd_line(args: argparse.Namespace) -> int:
    """Check or set up the LINE channel (logic in bot.line_channel)."""
    from bot import line_channel

    settings = load_settings()
    if args.line_command == "check":
        report = line_channel.check(settings)
    else:
        if not load_content_in_use(settings):
            return 2
        report = line_channel.setup(settings, webhook_url=args.url)
    sys.stdout.write(report.text() + "\n")
    return 0 if report.ok else 1


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="tsunagu", description="tsunagu: LINE front door to community support"
    )
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="run the server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1)
    serve.add_argument("--migrate", action="store_true", help="apply migrations before starting")
    serve.set_defaults(handler=cmd_serve)

    worker = commands.add_parser("worker", help="process events and send messages without serving HTTP")
    worker.set_defaults(handler=cmd_worker)

    demo = commands.add_parser("demo", help="run with SQLite and the local LINE simulator")
    demo.add_argument("--host", default="127.0.0.1")
    demo.add_argument("--port", type=int, default=8000)
    demo.set_defaults(handler=cmd_demo)

    migrate = commands.add_parser("migrate", help="apply database migrations")
    migrate.set_defaults(handler=cmd_migrate)

    simulate = commands.add_parser("simulate", help="run a JSONL conversation script")
    simulate.add_argument("script")
    simulate.add_argument("--database-url", default=None, help="default: a temporary SQLite file")
    simulate.set_defaults(handler=cmd_simulate)

    csw = commands.add_parser("csw", help="CSW dashboard accounts and API tokens")
    csw.set_defaults(handler=cmd_csw)
    csw_commands = csw.add_subparsers(dest="csw_command", required=True)
    csw_add = csw_commands.add_parser("add", help="create an account (prints a generated password)")
    csw_add.add_argument("login")
    csw_add.add_argument("--name", help="display name shown to colleagues")
    csw_add.add_argument("--role", choices=["csw", "supervisor", "admin"], default="csw")
    csw_add.add_argument("--team", help="team id from the content file (required for role csw)")
    csw_add.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    csw_commands.add_parser("list", help="list accounts")
    csw_disable = csw_commands.add_parser("disable", help="disable an account, end its sessions")
    csw_disable.add_argument("login")
    csw_enable = csw_commands.add_parser("enable", help="re-enable a disabled account")
    csw_enable.add_argument("login")
    csw_reset = csw_commands.add_parser(
        "reset", help="set a new password to change at next login (prints it); revokes API tokens"
    )
    csw_reset.add_argument("login")
    csw_reset.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    csw_token = csw_commands.add_parser("token", help="create an API token acting as the account")
    csw_token.add_argument("login")
    csw_token.add_argument("--name", default="api", help="what the token is for")
    csw_token.add_argument(
        "--scope",
        choices=["read", "act"],
        default="read",
        help="read: list and read cases; act: also claim, reply and close (default: read)",
    )
    csw_token.add_argument("--days", type=int, default=90, help="days until the token expires (default 90)")
    csw_tokens = csw_commands.add_parser("tokens", help="list an account's API tokens (never the tokens)")
    csw_tokens.add_argument("login")
    csw_revoke = csw_commands.add_parser("revoke", help="revoke one API token (its id from `csw tokens`)")
    csw_revoke.add_argument("login")
    csw_revoke.add_argument("token_id", type=int)

    content = commands.add_parser("content", help="the municipality content file")
    content_commands = content.add_subparsers(dest="content_command", required=True)
    content_check = content_commands.add_parser("check", help="check a content file and summarize it")
    content_check.add_argument("file")
    content_check.set_defaults(handler=cmd_content_check)

    line = commands.add_parser("line", help="the LINE channel: check it, or set it up")
    line.set_defaults(handler=cmd_line)
    line_commands = line.add_subparsers(dest="line_command", required=True)
    line_commands.add_parser("check", help="token, bot info, webhook, quota: a report (exit 1 on problems)")
    line_setup = line_commands.add_parser(
        "setup", help="set and test the webhook, create the rich menus from the content (idempotent)"
    )
    line_setup.add_argument("--url", required=True, help="the public webhook URL, https://…/line/webhook")

    rotate = commands.add_parser("rotate-keys", help="re-encrypt stored data with the newest data key")
    rotate.set_defaults(handler=cmd_rotate_keys)

    purge = commands.add_parser("purge", help="delete data past its retention period now")
    purge.add_argument("--dry-run", action="store_true", help="count what would be deleted, delete nothing")
    purge.set_defaults(handler=cmd_purge)

    generate = commands.add_parser("generate-key", help="print a new data key for TSUNAGU_DATA_KEYS")
    generate.set_defaults(handler=cmd_generate_key)

    classify = commands.add_parser("classify", help="classify lines of text from stdin")
    classify.add_argument("--lexicon-dir", action="append", default=[], help="extra lexicon directory")
    classify.set_defaults(handler=cmd_classify)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `tsunagu` console script."""
    args = build_parser().parse_args(argv)
    return int(args.handler(args))


if __name__ == "__main__":
    raise SystemExit(main())

"""`tsunagu line check` and `tsunagu line setup`: the LINE channel inspected and set up from the command line.

`check` reports the token, the bot's chat and read modes, the webhook endpoint and LINE's test of
it, and the month's message quota and consumption. `setup` sets and tests the webhook endpoint, then
makes the two rich menus from the content (the bot's, shown to everyone by default, and the one shown
while a person holds the conversation), uploads their images and sets the default. It is idempotent:
a menu whose definition and image are unchanged is kept (its name carries their digest); a changed one
is created anew and the old tsunagu menus of that kind are deleted, never duplicated.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal, TypeVar

from linebot.v3.messaging import (
    ApiClient,
    Configuration,
    MessagingApi,
    MessagingApiBlob,
    RichMenuRequest,
    SetWebhookEndpointRequest,
    TestWebhookEndpointRequest,
)
from linebot.v3.messaging.exceptions import ApiException

from bot.rich_menu import MenuBuild, MenuKind, build, is_menu_of
from bot.settings import Settings
from dialogs.content import current_content

Level = Literal["ok", "note", "problem"]
QUOTA_WARN_RATIO = 0.8
WEBHOOK_PATH = "/line/webhook"
T = TypeVar("T")


@dataclass(frozen=True)
class Finding:
    """One line of the report: what was looked at, how it stands, and what it means."""

    level: Level
    subject: str
    detail: str


@dataclass
class Report:
    """What `check` or `setup` found, line by line; `ok` when nothing is a problem."""

    findings: list[Finding] = field(default_factory=list)

    def add(self, level: Level, subject: str, detail: str) -> None:
        """Add one finding."""
        self.findings.append(Finding(level, subject, detail))

    @property
    def ok(self) -> bool:
        """No finding is a problem."""
        return all(f.level != "problem" for f in self.findings)

    def text(self) -> str:
        """The report for the terminal, one finding a line, and a last line that sums it up."""
        marks = {"ok": "ok     ", "note": "note   ", "problem": "PROBLEM"}
        lines = [f"{marks[f.level]} {f.subject}: {f.detail}" for f in self.findings]
        problems = sum(f.level == "problem" for f in self.findings)
        lines.append("all good" if not problems else f"{problems} problem(s): see the lines marked PROBLEM")
        return "\n".join(lines)


class Stop(Exception):
    """A call failed in a way that makes the remaining steps pointless (e.g. the token is refused)."""


def clients(settings: Settings) -> tuple[ApiClient, ApiClient]:
    """API clients for the Messaging API and for its data host (rich menu images)."""
    token = settings.access_token
    api = ApiClient(Configuration(host=settings.line_api_base, access_token=token))
    data = ApiClient(Configuration(host=settings.line_data_api_base, access_token=token))
    return api, data


def _call(report: Report, subject: str, call: Callable[[], T]) -> T:
    """Make one call; on an API error record a problem and stop (401 names the token)."""
    try:
        return call()
    except ApiException as error:
        if error.status == 401:
            report.add("problem", "token", "LINE refused the channel access token (401); issue a new one")
        else:
            report.add("problem", subject, f"LINE answered {error.status}: {(error.body or '')[:200]}")
        raise Stop from error
    except OSError as error:
        report.add("problem", subject, f"cannot reach LINE ({type(error).__name__})")
        raise Stop from error


def _bot_info(report: Report, api: MessagingApi) -> None:
    """The token works; the chat mode lets the webhook receive messages; what 既読 will mean."""
    info = _call(report, "bot info", api.get_bot_info)
    report.add("ok", "token", f"valid for {info.display_name} ({info.basic_id})")
    if info.chat_mode == "bot":
        report.add("ok", "chat mode", "bot (chat is off: the webhook receives every message)")
    else:
        report.add(
            "problem",
            "chat mode",
            f"{info.chat_mode}: turn Chat off in LINE Official Account Manager (応答設定) so messages "
            "reach the webhook and consultations stay out of the Manager's chat screen",
        )
    if info.mark_as_read_mode == "auto":
        report.add(
            "note",
            "read marks",
            "auto: LINE shows 既読 on every message as it arrives, so a CSW opening a case adds nothing",
        )
    else:
        report.add("ok", "read marks", "manual: 既読 appears when a CSW opens the person's case")


def _webhook(report: Report, api: MessagingApi) -> None:
    """The webhook endpoint is set, in use, ends in /line/webhook, and answers LINE's test."""
    endpoint = _call(report, "webhook", api.get_webhook_endpoint)
    if not endpoint.endpoint:
        report.add(
            "problem", "webhook", "no endpoint is set: run `tsunagu line setup --url https://…/line/webhook`"
        )
        return
    if not endpoint.active:
        report.add("problem", "webhook", f"{endpoint.endpoint} is set but not in use: turn on 'Use webhook'")
    elif not endpoint.endpoint.rstrip("/").endswith(WEBHOOK_PATH):
        report.add("note", "webhook", f"{endpoint.endpoint} does not end in {WEBHOOK_PATH}")
    else:
        report.add("ok", "webhook", f"{endpoint.endpoint}, in use")
    _test_webhook(report, api, None)


def _test_webhook(report: Report, api: MessagingApi, url: str | None) -> None:
    """Ask LINE to post a test event to the endpoint, and report how the server answered."""
    result = _call(
        report, "webhook test", lambda: api.test_webhook_endpoint(TestWebhookEndpointRequest(endpoint=url))
    )
    if result.success:
        report.add("ok", "webhook test", f"the server answered {result.status_code}")
    else:
        report.add(
            "problem",
            "webhook test",
            f"failed: {result.status_code} {result.reason} {result.detail}".strip()
            + " (is the server running and reachable over HTTPS, with this channel's secret?)",
        )


def _quota(report: Report, api: MessagingApi) -> None:
    """This month's quota and how much of it is used."""
    quota = _call(report, "quota", api.get_message_quota)
    used = _call(report, "quota", api.get_message_quota_consumption).total_usage
    if quota.type == "none" or quota.value is None:
        report.add("ok", "quota", f"no monthly limit; {used} messages counted this month")
        return
    level: Level = "note" if used >= quota.value * QUOTA_WARN_RATIO else "ok"
    report.add(level, "quota", f"{used} of {quota.value} messages used this month")


def _menus(report: Report, api: MessagingApi) -> None:
    """Whether tsunagu's rich menus are on the channel and the bot's is the default."""
    names = {m.rich_menu_id: m.name for m in _call(report, "rich menus", api.get_rich_menu_list).richmenus}
    for kind in ("bot", "person"):
        if not any(is_menu_of(name, kind) for name in names.values()):
            report.add("note", f"rich menu ({kind})", "not created yet: run `tsunagu line setup`")
    try:
        default = api.get_default_rich_menu_id().rich_menu_id
    except ApiException:
        default = None
    if default and is_menu_of(names.get(default, ""), "bot"):
        report.add("ok", "default rich menu", names[default])
    else:
        report.add("note", "default rich menu", "not tsunagu's: run `tsunagu line setup`")


def check(settings: Settings) -> Report:
    """Inspect the channel: token, bot info, webhook and its test, quota, rich menus."""
    report = Report()
    api_client, data_client = clients(settings)
    with api_client, data_client:
        api = MessagingApi(api_client)
        try:
            _bot_info(report, api)
            _webhook(report, api)
            _quota(report, api)
            _menus(report, api)
        except Stop:
            pass
    return report


def _install_menu(report: Report, api: MessagingApi, blob: MessagingApiBlob, menu: MenuBuild) -> str:
    """Keep an unchanged menu or create it with its image; delete tsunagu's other menus of its kind."""
    existing = _call(report, "rich menus", api.get_rich_menu_list).richmenus
    kept = next((m.rich_menu_id for m in existing if m.name == menu.name), None)
    if kept is None:
        request = RichMenuRequest.from_dict(menu.definition)
        kept = _call(report, f"rich menu ({menu.kind})", lambda: api.create_rich_menu(request)).rich_menu_id
        _call(
            report,
            f"rich menu ({menu.kind}) image",
            lambda: blob.set_rich_menu_image(
                kept, bytearray(menu.image), _headers={"Content-Type": "image/png"}
            ),
        )
        report.add("ok", f"rich menu ({menu.kind})", f"created {kept} ({len(menu.image) // 1024} KB image)")
    else:
        report.add("ok", f"rich menu ({menu.kind})", f"unchanged, kept {kept}")
    for old in existing:
        if old.rich_menu_id != kept and is_menu_of(old.name, menu.kind):
            old_id = old.rich_menu_id
            _call(report, f"rich menu ({menu.kind})", lambda: api.delete_rich_menu(old_id))  # noqa: B023
            report.add("ok", f"rich menu ({menu.kind})", f"deleted the previous {old.rich_menu_id}")
    return kept


def setup(settings: Settings, *, webhook_url: str) -> Report:
    """Set and test the webhook endpoint, install the content's rich menus, and set the bot's as default."""
    report = Report()
    features = current_content().line
    api_client, data_client = clients(settings)
    with api_client, data_client:
        api, blob = MessagingApi(api_client), MessagingApiBlob(data_client)
        try:
            _bot_info(report, api)
            _call(
                report,
                "webhook",
                lambda: api.set_webhook_endpoint(SetWebhookEndpointRequest(endpoint=webhook_url)),
            )
            report.add("ok", "webhook", f"set to {webhook_url}")
            _test_webhook(report, api, webhook_url)
            if features is None:
                report.add(
                    "problem", "rich menus", "the content file has no `line:` section to make them from"
                )
                return report
            kinds: list[tuple[MenuKind, MenuBuild]] = [
                ("bot", build("bot", features.rich_menu)),
                ("person", build("person", features.rich_menu_with_person)),
            ]
            installed = {kind: _install_menu(report, api, blob, menu) for kind, menu in kinds}
            _call(report, "default rich menu", lambda: api.set_default_rich_menu(installed["bot"]))
            report.add("ok", "default rich menu", installed["bot"])
        except Stop:
            pass
    return report

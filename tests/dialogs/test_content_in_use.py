"""The content file in use (TSUNAGU_CONTENT_PATH) is checked at startup and is the source of every fact."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
import yaml

from bot import cli
from bot.app import create_app
from bot.settings import Settings
from bot.simulator import SIMULATOR_SECRET_KEY, Simulator
from dialogs import catalog
from dialogs.content import ContentError, current_content, load_content, use_content
from dialogs.office_hours import TOKYO
from handoff.cases import reply_due
from tests.conftest import SECOND_CITY

SATURDAY_MORNING = datetime(2027, 4, 10, 10, 0, tzinfo=TOKYO)
EXTRA_CLOSED_DAY = datetime(2027, 5, 6, 10, 0, tzinfo=TOKYO)


def broken_copy(tmp_path: Path) -> Path:
    """The second city's file with one district pointing at a team that does not exist."""
    text = SECOND_CITY.read_text(encoding="utf-8").replace("team: team_kawabata", "team: team_nowhere")
    path = tmp_path / "city.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    """The 1-based line number of the first line containing `needle`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if needle in line)


def test_a_broken_content_file_stops_app_startup_naming_file_line_and_field(tmp_path: Path) -> None:
    """create_app refuses the file with its name, the line and the field path."""
    path = broken_copy(tmp_path)
    settings = Settings(TSUNAGU_CONTENT_PATH=str(path), TSUNAGU_SECRET_KEY=SIMULATOR_SECRET_KEY)
    with pytest.raises(ContentError) as caught:
        create_app(settings)
    expected = (
        f"city.yaml: line {line_of(path, 'team_nowhere')}: districts[2].team: unknown team 'team_nowhere'"
    )
    assert expected in str(caught.value)
    assert current_content().municipality.name == "つなぐ市"  # nothing half-loaded


def test_serve_refuses_a_broken_content_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`tsunagu serve` exits 2 before serving, printing where the file is wrong."""
    path = broken_copy(tmp_path)
    monkeypatch.setenv("TSUNAGU_CONTENT_PATH", str(path))
    monkeypatch.setenv("TSUNAGU_DATABASE_URL", f"sqlite:///{tmp_path / 'db.sqlite'}")
    monkeypatch.setattr("uvicorn.run", lambda *a, **k: pytest.fail("served with a broken content file"))
    assert cli.main(["serve"]) == 2
    assert f"city.yaml: line {line_of(path, 'team_nowhere')}: districts[2].team" in capsys.readouterr().err


def test_content_check_summarizes_a_good_file_and_names_problems_of_a_bad_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`tsunagu content check FILE`: 0 and a summary, or 1 and each problem with its line."""
    assert cli.main(["content", "check", str(SECOND_CITY)]) == 0
    out = capsys.readouterr().out
    assert "ほしみ市" in out and "13 districts" in out and "14 teams" in out
    assert cli.main(["content", "check", str(broken_copy(tmp_path))]) == 1
    assert "districts[2].team: unknown team 'team_nowhere'" in capsys.readouterr().err


def test_content_check_lists_each_entry_marked_to_confirm_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Entries written from general knowledge (marked 要確認) are named with their line, once each."""
    path = tmp_path / "city.yaml"
    text = SECOND_CITY.read_text(encoding="utf-8")
    path.write_text(text.replace("要確認", "確認済み"), encoding="utf-8")
    assert cli.main(["content", "check", str(path)]) == 0
    assert "要確認" not in capsys.readouterr().out
    data = yaml.safe_load(text.replace("要確認", "確認済み"))
    data["hotlines"][0]["source"] += "（要確認）"
    data["questions"]["ask.childcare"]["source"] += "（要確認）"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert cli.main(["content", "check", str(path)]) == 0
    marked = [line for line in capsys.readouterr().out.splitlines() if "要確認" in line]
    hotline = data["hotlines"][0]["name"]
    assert len(marked) == 2
    assert any(f"hotlines[0] {hotline}: marked 要確認" in line for line in marked)
    assert any(f"line {line_of(path, 'ask.childcare')}: questions.ask.childcare" in line for line in marked)


def test_a_missing_field_is_reported_at_its_parent_line(tmp_path: Path) -> None:
    """A required field that is absent is reported at the line of the mapping that lacks it."""
    data = yaml.safe_load(SECOND_CITY.read_text(encoding="utf-8"))
    del data["windows"][1]["phone"]
    path = tmp_path / "city.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(path)
    assert f"city.yaml: line {line_of(path, 'id: sodan_yamate')}: windows[1].phone: Field required" in str(
        caught.value
    )


def test_office_hours_and_reply_promises_come_from_the_file_in_use() -> None:
    """Saturday mornings and the city's own closed days follow the second city's file, not the default."""
    shipped = current_content()
    assert "受付時間外" in shipped.reply_promise_text(SATURDAY_MORNING)
    city = use_content(SECOND_CITY)
    assert city.reply_promise_text(SATURDAY_MORNING).startswith(
        "ほしみ市の相談員が読んで、4月12日(月) 11:00"
    )  # 2 h Sat + 2 h Mon
    assert "勤務時間外" in city.reply_promise_text(EXTRA_CLOSED_DAY)
    assert reply_due(SATURDAY_MORNING, "crisis") == SATURDAY_MORNING + timedelta(minutes=30)  # open now


def test_the_second_city_reaches_people_through_the_conversation(tmp_path: Path) -> None:
    """Welcome, FAQ answers and the urgent-needs guidance carry ほしみ市's names and numbers only."""
    with Simulator(TSUNAGU_CONTENT_PATH=str(SECOND_CITY)) as sim:
        texts = [d.text for d in sim.follow("u1")]
        texts += [d.text for d in sim.choose("u1", catalog.text("menu.faq"))]
        texts += [d.text for d in sim.choose("u1", catalog.text("label.faq.how_to_reach"))]
        texts += [d.text for d in sim.send("u1", "今夜泊まるところがない")]
    joined = "\n".join(texts)
    assert "ほしみ市社会福祉協議会" in joined
    assert "ほしみ市生活相談ステーション" in joined and "0111-22-3301" in joined
    assert "つなぐ市" not in joined and "0000-00" not in joined

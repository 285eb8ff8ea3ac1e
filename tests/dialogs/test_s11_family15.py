"""Session 11, parents and family members (try-out 11/12, family15): an exhausted mother's denial of hitting
is not violence and her question about night care is answered; a parent's fear of being scolded, asked on
the consent screen, is answered and never written down as a worry; 「10年ちかく」 is the band below ten
years; a 民生委員 who says 「民生委員の者ですが」 is a supporter. Each test types the tester's words, with a
few variants of our own (kana, shorter, longer)."""

from __future__ import annotations

from datetime import datetime

import pytest

from dialogs import catalog
from dialogs.summary import build_summary, summary_text
from tests.dialogs.chat import TOKYO, Chat, intake_answers, said, started

THREE_AM = datetime(2026, 11, 25, 3, 0, tzinfo=TOKYO)


def sheet_of(*messages: str, now: datetime = THREE_AM) -> Chat:
    """A conversation that typed `messages` and asked for a person (the consent screen is shown)."""
    chat = started(*messages, "担当の人に伝えたい", now=now)
    assert chat.state == "consent.review"
    return chat


# ---------------------------------------------------------------- 1. a denial of hitting, and night care


@pytest.mark.parametrize(
    "typed",
    [
        "いや叩いたりとかは絶対しないです、ただ寝てなくてしんどいだけ",
        "叩いてはいないです。ただ寝てなくて、もう限界",
        "手はあげてないです、ほとんど寝てなくてしんどい",
        "子どもを叩いたりは決してしてません、寝不足でつらいだけです",
    ],
)
def test_a_denied_hitting_is_not_violence_and_her_exhaustion_is_her_worry(typed: str) -> None:
    chat = sheet_of(typed)
    summary = build_summary(chat.data)
    concerns = [*summary["concerns"], *((summary["asker_wellbeing"] or {}).get("concerns") or [])]
    assert "violence" not in concerns
    assert "mental_health" in concerns
    assert summary["urgency"] != "crisis"
    assert "暴力" not in said(started(typed, now=THREE_AM))


@pytest.mark.parametrize(
    "typed",
    [
        "夜でも一時保育みたいなのってあるんですか",
        "夜中に子どもを預かってもらえるところってありますか",
        "夜だけ子ども預けられる？",
        "夜間の一時預かりってある？",
    ],
)
def test_a_question_about_night_care_gets_what_the_content_has_and_where_to_ask(typed: str) -> None:
    chat = started("いや叩いたりとかは絶対しないです、ただ寝てなくてしんどいだけ", typed, now=THREE_AM)
    reply = said(chat)
    assert "一時保育" in reply
    assert "夜や泊まり" in reply
    assert "子ども家庭支援センター" in reply


# ---------------------------------------------------------------- 3. nearly ten years


@pytest.mark.parametrize(
    ("typed", "band"),
    [
        ("35になる息子がもう10年ちかく家から出ません", "3y_10y"),
        ("息子がもう10年近く家から出ません", "3y_10y"),
        ("娘がほぼ10年ひきこもっています", "3y_10y"),
        ("息子が10年弱、部屋から出てきません", "3y_10y"),
        ("息子がもう10年家から出ません", "over_10y"),
    ],
)
def test_nearly_ten_years_is_the_band_below_ten(typed: str, band: str) -> None:
    assert intake_answers(started(typed))["duration"]["choice"] == band


# ---------------------------------------------------------------- 5. a 民生委員 writes


@pytest.mark.parametrize(
    "typed",
    ["民生委員の者ですが", "民生委員をしている者です", "民生委員をやっている者です", "民生委員やってます"],
)
def test_a_minsei_iin_is_a_supporter_not_the_person(typed: str) -> None:
    chat = started(typed)
    assert "うまく受け取れなかった" not in said(chat)
    summary = build_summary(sheet_of(typed, now=chat.now).data)
    assert summary["asker"] == "supporter"
    assert summary["relation"] == "minsei"


# ---------------------------------------------------------------- 2. the consent screen: who reads, and blame


def no_blame_said(reply: str) -> bool:
    """Whether the reply says no one will blame them (what the staff are like, when the staff are named)."""
    return any(catalog.text(key).splitlines()[0] in reply for key in ("talk.no_blame", "answer.about_staff"))


@pytest.mark.parametrize(
    "typed",
    [
        "これって誰が読むの？名前とか出る？あと怒られたりしない？親のくせにって",
        "誰が読むんですか？怒られたりしませんか",
        "これ誰が見るの？親なのにって思われない？",
        "相談員さんに説教されたりしませんか",
    ],
)
def test_a_question_on_the_consent_screen_is_answered_and_never_written_down(typed: str) -> None:
    chat = started("息子が10年ひきこもっています", "担当の人に伝えたい")
    before = build_summary(chat.data)
    chat.send(typed)
    reply = said(chat)
    assert no_blame_said(reply)
    assert chat.state == "consent.review"
    assert "この内容だけ送る" in chat.labels and "やりとりも含めて送る" in chat.labels
    after = build_summary(chat.data)
    assert after["concerns"] == before["concerns"]
    assert after.get("asker_wellbeing") == before.get("asker_wellbeing")
    assert after["relation"] == "parent"
    assert typed not in summary_text(chat.data)
    assert "書き加えました" not in reply


@pytest.mark.parametrize("typed", ["相談したら怒られそうで", "親のくせにって責められませんか"])
def test_the_fear_of_blame_is_answered_at_the_menu_too(typed: str) -> None:
    chat = started("息子が10年ひきこもっています", typed)
    assert no_blame_said(said(chat))


# ---------------------------------------------------------------- 3. her pension spent; family alone

SON_AT_HOME = "35になる息子がもう10年ちかく家から出ません"


@pytest.mark.parametrize(
    "typed",
    [
        "わたしの年金をパチンコに使ってしまって、言うと怒鳴ります",
        "私の年金をパチンコにつぎ込んで、注意すると怒鳴るんです",
        "わたしのお金を勝手に持ち出してパチンコに行って、言うと怒鳴ります",
    ],
)
def test_her_pension_spent_on_gambling_and_shouting_are_the_sons(typed: str) -> None:
    chat = sheet_of(SON_AT_HOME, typed, now=THREE_AM.replace(hour=10))
    summary = build_summary(chat.data)
    assert {"budgeting", "violence"} <= set(summary["concerns"])
    own = (summary["asker_wellbeing"] or {}).get("concerns") or []
    assert "budgeting" not in own and "violence" not in own
    assert summary["urgency"] != "crisis"
    assert summary["relation"] == "parent"


@pytest.mark.parametrize(
    "typed", ["家族だけでも行っていいのかしら", "親だけで相談してもいいの", "親だけでも相談できますか"]
)
def test_family_alone_may_consult_and_is_told_where(typed: str) -> None:
    chat = started(SON_AT_HOME, typed)
    reply = said(chat)
    assert "ご家族だけでも相談できます" in reply
    assert "くらしサポートセンター" in reply and "0000-00-0001" in reply


# ---------------------------------------------------------------- 4. an elderly parent; a writer living apart


@pytest.mark.parametrize(
    "typed",
    [
        "親は高齢で、父が認知症ぎみ",
        "母が高齢で、認知症がすすんでます",
        "80代の父が認知症ぎみで、母も高齢です",
        "父が認知症で介護が大変です",
    ],
)
def test_an_elderly_parent_with_dementia_is_offered_the_houkatsu_center(typed: str) -> None:
    chat = started(typed)
    reply = said(chat)
    assert "地域包括支援センター" in reply and "0000-00-0005" in reply
    assert "うまく受け取れなかった" not in reply
    assert {"caregiving", "illness"} & set(build_summary(sheet_of(typed, now=chat.now).data)["concerns"])


@pytest.mark.parametrize(
    "typed",
    [
        "私は別に住んでて、週末だけ様子見に行ってる",
        "別々に暮らしてますが、月に2回様子を見に行ってます",
        "離れて住んでいて、ときどき顔を見に帰ってる",
    ],
)
def test_a_writer_living_apart_is_family_and_her_situation_is_recorded(typed: str) -> None:
    chat = started("親は高齢で、父が認知症ぎみ", typed)
    reply = said(chat)
    assert "うまく受け取れなかった" not in reply
    assert "離れて暮らしながら" in reply
    summary = build_summary(sheet_of("親は高齢で、父が認知症ぎみ", typed, now=chat.now).data)
    assert summary["asker"] == "family"
    assert typed in ((summary["asker_wellbeing"] or {}).get("situation") or "")

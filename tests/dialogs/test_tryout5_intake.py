"""The 受付票 gets people right (try-out, session 5): each test in the person's exact words.

Whose trouble is whose, who is writing, a wish said as not wanted, what to be careful about, and a
change of mind on the consent screen. Every test drives the real engine with the real reading.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from dialogs.summary import build_summary, person_preview, summary_text
from tests.dialogs.chat import TOKYO, Chat, started

NIGHT = datetime(2026, 11, 25, 2, 0, tzinfo=TOKYO)
AFTERNOON = datetime(2026, 11, 24, 14, 30, tzinfo=TOKYO)


def answers(chat: Chat) -> dict[str, Any]:
    result: dict[str, Any] = chat.data["intake"]["answers"]
    return result


def sheet_line(chat: Chat, start: str) -> str:
    """The 受付票 line that begins with `start` (empty when there is none)."""
    return next((line for line in summary_text(chat.data).splitlines() if line.startswith(start)), "")


# ---------------------------------------------------------------- 1. a mother of a son of 46

MOTHER = (
    "はじめまして。72歳の母です。",
    "息子が46歳なんですが、もう20年も部屋から出てきません",
    "主人は5年前に亡くなりまして、私もこの先どうしたらいいのか",
    "私が死んだらこの子はどうなるのかと思うと夜も眠れません",
    "お金はかかるんでしょうか",
    "息子に知られずに相談できますか",
    "家に来てもらうことはできますか",
    "担当の方にお話を聞いてもらいたいです",
)


def test_the_sons_withdrawal_is_the_sons_not_the_mothers() -> None:
    chat = started(*MOTHER, now=AFTERNOON)
    summary = build_summary(chat.data)
    assert summary["asker"] == "family"
    assert "withdrawal" in summary["concerns"]
    own = (summary["asker_wellbeing"] or {}).get("concerns") or []
    assert "withdrawal" not in own
    assert "ひきこもり" not in sheet_line(chat, "相談者自身：")


def test_a_son_of_46_is_not_filed_under_school() -> None:
    chat = started(*MOTHER, now=AFTERNOON)
    summary = build_summary(chat.data)
    assert "childcare_education" not in summary["concerns"]
    assert "childcare_education" not in ((summary["asker_wellbeing"] or {}).get("concerns") or [])
    assert "子ども・教育" not in summary_text(chat.data)
    assert "子どもや学校のこと" not in person_preview(chat.data)


def test_the_mothers_wish_that_her_son_does_not_know_is_a_consideration() -> None:
    chat = started(*MOTHER, now=AFTERNOON)
    assert "息子に知られずに相談できますか" in sheet_line(chat, "配慮してほしいこと：")


# ---------------------------------------------------------------- 2. a man writing about himself


def test_a_man_of_52_living_on_his_parents_pension_writes_about_himself() -> None:
    chat = started("52歳の男です。仕事がなくて、親の年金で暮らしています", now=AFTERNOON)
    summary = build_summary(chat.data)
    assert summary["asker"] == "self"
    assert summary["relation"] is None
    assert summary["age_band"] == "40_64"
    assert "job_search" in summary["concerns"]
    assert sheet_line(chat, "相談者：") == "相談者：本人"
    assert "ご家族" not in "\n".join(chat.texts)


MAN_34 = (
    "夜分にすみません。34歳の男です。大学を出てから一度就職したのですが、上司とうまくいかず2年で辞めてしまい、"
    "それからずっと実家で暮らしています。もう8年くらいになります。",
    "家の中では、父とはほとんど口をききません。母は心配してくれているのですが、顔を合わせるたびに"
    "「これからどうするの」と言われて、それがつらくて部屋にこもるようになりました。",
    "住んでいるのは南町のほうです。連絡はLINEでお願いしたいです。電話はちょっと苦手なので。親にはまだ言わないでほしいです。",
)


def test_a_man_of_34_who_names_his_parents_is_still_writing_about_himself() -> None:
    chat = started(*MAN_34, now=NIGHT)
    summary = build_summary(chat.data)
    assert summary["asker"] == "self"
    assert sheet_line(chat, "相談者：") == "相談者：本人"
    assert "ご家族（子ども）" not in "\n".join(chat.texts)
    assert summary["asker_wellbeing"] is None


def test_a_man_telling_his_own_story_without_saying_who_he_is_stays_the_one_asking() -> None:
    chat = started(MAN_34[0].replace("34歳の男です。", ""), MAN_34[1], now=NIGHT)
    assert build_summary(chat.data)["asker"] == "self"
    assert "ご家族（子ども）" not in "\n".join(chat.texts)


def test_a_sister_telling_of_her_brother_first_is_still_family() -> None:
    chat = started("兄が仕事をやめてから家から出なくなりました", now=AFTERNOON)
    summary = build_summary(chat.data)
    assert (summary["asker"], summary["relation"]) == ("family", "sibling")


def test_a_concern_he_never_wrote_is_not_on_his_sheet() -> None:
    chat = started(*MAN_34, now=NIGHT)
    summary = build_summary(chat.data)
    assert {"job_search", "withdrawal", "family_relations"} <= set(summary["concerns"])
    assert "violence" not in summary["concerns"]
    assert "caregiving" not in summary["concerns"]
    assert "disability" not in summary["concerns"]
    sheet = summary_text(chat.data)
    assert "暴力" not in sheet and "介護" not in sheet


def test_he_asks_that_his_parents_are_not_told_yet() -> None:
    chat = started(*MAN_34, now=NIGHT)
    considerations = build_summary(chat.data)["considerations"] or ""
    assert "親にはまだ言わないでほしいです" in considerations
    assert "配慮してほしいこと：「親にはまだ言わないでほしいです" in summary_text(chat.data)
    assert "電話はちょっと苦手" in considerations
    assert "親にはまだ言わないで" not in (answers(chat).get("hopes", {}).get("words") or "")


def test_a_minsei_iin_s_worries_for_her_neighbour_are_on_the_staff_sheet() -> None:
    chat = started(
        "民生委員をしている者です。近所の一人暮らしのおばあさんのことで相談です",
        "80代の方で、ガスが止められているようです。この寒さで心配です",
        "北山地区です",
        "担当者に伝えたい",
        now=AFTERNOON,
    )
    summary = build_summary(chat.data)
    assert summary["asker"] == "supporter"
    assert summary["concerns"]
    assert sheet_line(chat, "困りごと：")


# ---------------------------------------------------------------- 3. a wish said as not wanted


def test_wanting_nothing_done_is_not_the_hope_to_have_something_done() -> None:
    chat = started("ただ話を聞いてほしいだけです", "何かしてほしいわけじゃない", now=NIGHT)
    hopes = sheet_line(chat, "希望：")
    assert "ただ話を聞いてほしい" in hopes
    assert "何かしてほしい」" not in hopes and "\n何かしてほしい\n" not in f"\n{hopes}\n"
    words = answers(chat)["hopes"].get("words", "")
    assert "何かしてほしい" not in words.replace("何かしてほしいわけじゃない", "")


def test_a_negated_wish_typed_first_is_not_a_hope() -> None:
    chat = started("何かしてほしいわけじゃないんです。聞いてほしいだけ", now=NIGHT)
    words = answers(chat).get("hopes", {}).get("words", "")
    assert "何かしてほしい" not in words.replace("何かしてほしいわけじゃない", "")


# ---------------------------------------------------------------- 4. what to be careful about


def test_a_phone_that_must_never_ring_is_a_consideration() -> None:
    chat = started("夫が怖いです", "電話は絶対にだめです", now=NIGHT)
    assert "電話は絶対にだめです" in sheet_line(chat, "配慮してほしいこと：")
    assert answers(chat).get("contact", {}).get("choice") != "phone"


def test_the_hours_she_cannot_take_a_call_are_not_the_hours_to_call() -> None:
    chat = started("平日の昼間は仕事なので電話には出られない", now=NIGHT)
    assert answers(chat).get("contact_times", {}).get("choice") != "weekday_afternoon"
    assert "平日の昼" not in sheet_line(chat, "連絡方法：")
    assert "平日の昼間は仕事なので電話には出られない" in sheet_line(chat, "配慮してほしいこと：")


def test_the_hours_he_can_take_a_call_still_fill_the_time() -> None:
    chat = started("平日の夜やったら電話出れるで", now=NIGHT)
    assert answers(chat)["contact_times"]["choice"] == "weekday_evening"


# ---------------------------------------------------------------- 5. a change of mind on the consent screen


def test_never_mind_on_the_consent_screen_is_not_added_to_what_is_sent() -> None:
    chat = started("ぎりのおとうさんにたたかれる😢", "ひとにはなしたい", now=NIGHT)
    assert chat.state == "consent.review"
    chat.send("やっぱいい")
    said = "\n".join(chat.texts)
    assert "書き加えました" not in said
    assert "やっぱいい" not in person_preview(chat.data)
    assert "やっぱいい" not in summary_text(chat.data)
    assert not any(effect.__class__.__name__ == "HandOff" for effect in chat.effects)
    assert "何も送っていません" in said


def test_no_thanks_to_the_windows_on_the_consent_screen_sends_nothing() -> None:
    chat = started("ただ話を聞いてほしいだけです", now=NIGHT)
    assert chat.state == "consent.review"
    chat.send("窓口とかはいいです")
    assert "書き加えました" not in "\n".join(chat.texts)
    assert "窓口とかはいいです" not in summary_text(chat.data)


def test_words_added_on_the_consent_screen_are_still_added() -> None:
    chat = started("ただ話を聞いてほしいだけです", now=NIGHT)
    chat.send("毎日誰とも話さない。今日も一言も声を出してない")
    assert "毎日誰とも話さない" in summary_text(chat.data)

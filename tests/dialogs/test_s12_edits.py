"""Session 12, try-out 14 (p6, p7 and others): what a person asks about their own words.

p6 wrote 「誰かに自分で書くのはじめて」 and was greeted as if new;
「別に助けてほしいとかじゃなくて」 and 「やっぱりやめます。消してください」 got the fallback.
p7, a mother, typed 「子どもは小2がひとりいます」 at her own age question and became 18歳未満;
「川崎市に住んでます」 was not told the window is for residents;
「夫が見ることがあるので通知に内容が出ないように」 on the send screen dropped the send buttons;
「年代が18歳未満になってるけど私は30代です」 corrected the age and ticked a worry too;
「子どものことは書かなくていいです、消してください」 on the menu added a line instead of taking the
child lines off. Others: an apology after a crisis reply (「すみません取り乱して」) got the generic
受け取りました, and a sister's 「兄本人は相談なんてしないと思います」 the fallback.

Each test types the person's words in order, with variants of our own and a neighbour that must not change.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.dialogs.chat import Chat, said, started

FALLBACK = "うまく受け取れなかった"
GREETING = "こんにちは"


def answers(chat: Chat) -> dict[str, Any]:
    result: dict[str, Any] = chat.data.get("intake", {}).get("answers", {})
    return result


def heard(chat: Chat) -> list[str]:
    return [item["words"] for item in chat.data.get("intake", {}).get("heard", [])]


# ---------------------------------------------------------------- p6: the first time, no help wanted, stop


@pytest.mark.parametrize(
    "words",
    (
        "誰かに自分で書くのはじめて",
        "こういうの初めてで緊張してます",
        "人に話すのはじめてです",
        "そうだんするのはじめて",
    ),
)
def test_p6_first_time_is_met_warmly_not_greeted_again(words: str) -> None:
    chat = started(words)
    reply = said(chat)
    assert "はじめてのこと" in reply and "少しずつ" in reply, reply
    assert GREETING not in reply and FALLBACK not in reply, reply
    assert chat.labels and "記録を消す" not in chat.labels  # a quiet choice, not the whole menu again


def test_first_time_as_the_very_first_message_is_welcomed_then_met() -> None:
    chat = Chat()
    chat.send("誰かに自分で書くのはじめて")
    reply = said(chat)
    assert "自動で応答" in reply and "はじめてのこと" in reply, reply


def test_a_plain_greeting_is_still_a_greeting() -> None:
    chat = started("はじめまして")
    assert GREETING in said(chat)


@pytest.mark.parametrize(
    "words",
    (
        "別に助けてほしいとかじゃなくて",
        "何かしてほしいわけじゃないんですけど",
        "べつに相談したいとかじゃないです",
        "どうにかしてほしいわけじゃないです",
    ),
)
def test_p6_not_wanting_help_needs_no_decision(words: str) -> None:
    chat = started("誰かに自分で書くのはじめて")
    chat.send(words)
    reply = said(chat)
    assert "決めなくて" in reply and "書くだけでも" in reply, reply
    assert FALLBACK not in reply, reply


def test_asking_for_help_is_not_met_as_not_wanting_it() -> None:
    chat = started("助けてほしいです")
    assert "決めなくて" not in said(chat)


@pytest.mark.parametrize(
    "words",
    (
        "やっぱりやめます。消してください",
        "やっぱいいです。書いたの消してください",
        "もういいです、消して",
        "やめときます。削除してください",
    ),
)
def test_p6_stopping_and_deleting_says_nothing_was_sent_then_deletes(words: str) -> None:
    chat = started("誰かに自分で書くのはじめて", "別に助けてほしいとかじゃなくて")
    chat.send(words)
    reply = said(chat)
    assert "まだだれにも送っていません" in reply, reply
    assert "すべて消します" in reply and FALLBACK not in reply, reply
    assert chat.labels == ["消す", "消さない"]
    chat.tap("消す")
    assert "いつでも話しかけてください" in said(chat)
    assert any(type(e).__name__ == "DeleteUserData" for e in chat.effects)
    assert "intake" not in chat.data


def test_a_story_of_stopping_and_deleting_photos_is_no_request_to_delete_records() -> None:
    chat = started("やめてって言っても夫が写真を消してくれない")
    assert chat.state != "menu.confirm_delete"
    assert "すべて消します" not in said(chat)


def test_taking_one_part_off_is_not_deleting_everything() -> None:
    chat = started("生活が苦しくて相談したいです", "子どもは小2がひとりいます")
    chat.send("やっぱり子どものことは消してください")
    assert "すべて消します" not in said(chat)
    assert chat.state != "menu.confirm_delete"


# ---------------------------------------------------------------- p7: age, area, notifications, edits


def at_own_age_question() -> Chat:
    chat = started("生活が苦しくて相談したいです")
    chat.tap("相談の準備")
    chat.tap("自分のこと")
    assert chat.state == "intake.ask_age_band"
    return chat


@pytest.mark.parametrize("words", ("子どもは小2がひとりいます", "息子は中1です", "娘がひとりいて小学生です"))
def test_p7_a_childs_age_is_not_the_mothers(words: str) -> None:
    chat = at_own_age_question()
    chat.send(words)
    assert answers(chat).get("age_band", {}).get("choice") != "under_18", answers(chat)
    assert chat.state == "intake.ask_age_band"  # her own age is asked again
    chat.send("30代です")
    assert answers(chat)["age_band"]["choice"] == "18_39"


def test_her_own_age_with_the_child_named_is_hers() -> None:
    chat = at_own_age_question()
    chat.send("私は35歳で、娘が小学生です")
    assert answers(chat)["age_band"]["choice"] == "18_39"


def test_a_minor_writing_their_own_age_still_gets_it() -> None:
    chat = at_own_age_question()
    chat.send("17歳です")
    assert answers(chat)["age_band"]["choice"] == "under_18"


def at_send_screen() -> Chat:
    chat = started("生活が苦しくて相談したいです", "子どもは小2がひとりいます")
    chat.tap("担当者と話したい")
    assert chat.state == "consent.review"
    return chat


@pytest.mark.parametrize(
    ("words", "place"),
    (
        ("川崎市に住んでます", "川崎市"),
        ("横浜市港北区在住です", "横浜市港北区"),
        ("相模原市に住んでいます", "相模原市"),
        ("大阪市で暮らしています", "大阪市"),
    ),
)
def test_p7_living_in_another_city_is_told_where_to_turn(words: str, place: str) -> None:
    chat = at_send_screen()
    chat.send(words)
    reply = said(chat)
    assert "つなぐ市にお住まいの方" in reply, reply
    assert f"{place}の" in reply and "自立相談支援機関" in reply and "社会福祉協議会" in reply, reply
    assert "この内容だけ送る" in chat.labels  # the send screen stays
    chat.send("お金のことも心配です")
    assert "つなぐ市にお住まいの方" not in said(chat)  # told once


def test_living_elsewhere_on_the_menu_is_told_too() -> None:
    chat = started("生活が苦しくて相談したいです", "川崎市に住んでます")
    assert "つなぐ市にお住まいの方" in said(chat)


@pytest.mark.parametrize(
    "words",
    (
        "母は川崎市に住んでいます",
        "つなぐ市に住んでます",
        "中央地区に住んでます",
        "前は川崎市に住んでいた",
        "川崎市が好きです",
    ),
)
def test_a_relatives_home_our_own_city_or_a_past_one_is_no_outside_area(words: str) -> None:
    chat = started("生活が苦しくて相談したいです", words)
    assert "つなぐ市にお住まいの方" not in said(chat)


@pytest.mark.parametrize(
    "words",
    (
        "夫が見ることがあるので通知に内容が出ないように",
        "家族にスマホ見られるので、通知に中身が出ないようにしてほしい",
    ),
)
def test_p7_notification_wish_on_the_send_screen_keeps_the_buttons(words: str) -> None:
    chat = at_send_screen()
    chat.send(words)
    reply = said(chat)
    assert "メッセージ内容表示" in reply and "オフ" in reply, reply
    assert chat.state == "consent.review"
    assert {"この内容だけ送る", "今は送らない"} <= set(chat.labels), chat.labels
    considerations = answers(chat).get("considerations", {}).get("words", "")
    assert "通知" in considerations, answers(chat)
    assert "通知" not in answers(chat).get("hopes", {}).get("words", "")


def test_notification_wish_on_the_menu_is_noted_too() -> None:
    chat = started("生活が苦しくて相談したいです", "夫が見ることがあるので通知に内容が出ないように")
    assert "メッセージ内容表示" in said(chat)
    assert "通知" in answers(chat).get("considerations", {}).get("words", "")


def with_wrong_age(chat: Chat) -> Chat:
    chat.data["intake"]["answers"]["age_band"] = {"choice": "under_18"}  # as p7's form had it
    return chat


@pytest.mark.parametrize(
    ("words", "band"),
    (
        ("年代が18歳未満になってるけど私は30代です", "18_39"),
        ("年齢が18歳未満になってますが、30代です", "18_39"),
        ("18歳未満じゃなくて40代です", "40_64"),
        ("ねんだいが18さいみまんになってるけど 私は30代", "18_39"),
    ),
)
def test_p7_a_correction_changes_only_the_age(words: str, band: str) -> None:
    chat = with_wrong_age(at_send_screen())
    concerns_before = list(answers(chat)["concerns"]["choices"])
    heard_before = heard(chat)
    chat.send(words)
    assert answers(chat)["age_band"]["choice"] == band
    assert answers(chat)["concerns"]["choices"] == concerns_before
    assert heard(chat) == heard_before
    reply = said(chat)
    assert "直しました" in reply and "書き加えました" not in reply, reply
    assert "この内容だけ送る" in chat.labels


def test_p7_a_correction_on_the_menu_changes_only_the_age() -> None:
    chat = with_wrong_age(at_send_screen())
    chat.tap("今は送らない")
    concerns_before = list(answers(chat)["concerns"]["choices"])
    chat.send("年代が18歳未満になってるけど私は30代です")
    assert answers(chat)["age_band"]["choice"] == "18_39"
    assert answers(chat)["concerns"]["choices"] == concerns_before
    assert "withdrawal" not in answers(chat)["concerns"]["choices"]
    assert "直しました" in said(chat)


def test_p7_a_correction_after_sending_adds_no_worry_to_the_case() -> None:
    chat = with_wrong_age(at_send_screen())
    chat.tap("この内容だけ送る")
    chat.send("年代が18歳未満になってるけど私は30代です")
    assert chat.last is not None
    for effect in chat.last.effects:
        summary = getattr(effect, "summary", None) or {}
        assert "concerns" not in summary, summary
    if any(type(e).__name__ == "AddToCase" for e in chat.last.effects):
        return
    chat.tap("伝える")  # offered first: passed on as typed
    assert any(type(e).__name__ == "AddToCase" for e in chat.last.effects)


def test_a_story_with_an_age_is_no_correction() -> None:
    chat = with_wrong_age(at_send_screen())
    chat.send("仕事がなくなって30代になってから貯金も減りました")
    assert answers(chat)["age_band"]["choice"] == "under_18"
    assert "直しました" not in said(chat)


@pytest.mark.parametrize(
    "words",
    (
        "子どものことは書かなくていいです、消してください",
        "子どものことは消してください",
        "こどものことは書かなくていい",
    ),
)
def test_p7_taking_the_child_off_on_the_menu(words: str) -> None:
    chat = at_send_screen()
    chat.tap("今は送らない")
    chat.send(words)
    reply = said(chat)
    assert "外しました" in reply, reply
    assert not any("小2" in w for w in heard(chat)), heard(chat)
    assert not any("書かなくて" in w or "消して" in w for w in heard(chat)), heard(chat)
    assert "childcare_education" not in answers(chat)["concerns"]["choices"]
    assert answers(chat).get("relation", {}).get("choice") != "parent"


def test_p7_taking_the_child_off_on_the_send_screen_lists_only_what_came_off() -> None:
    chat = at_send_screen()
    chat.send("子どものことは書かなくていいです、消してください")
    reply = said(chat)
    assert "子どもは小2がひとりいます" in reply and "消してください」を" not in reply, reply
    assert "この内容だけ送る" in chat.labels


# ---------------------------------------------------------------- others


@pytest.mark.parametrize("words", ("電話じゃないとだめですか？", "電話しないとだめ？"))
def test_a_question_at_the_contact_question_is_answered_not_taken(words: str) -> None:
    chat = started("生活が苦しくて相談したいです")
    chat.tap("相談の準備")
    chat.tap("自分のこと")
    chat.tap("18〜39")
    while chat.state != "intake.ask_contact":
        chat.tap(next(label for label in chat.labels if "選び終わった" in label or "答えたくない" in label))
    chat.send(words)
    assert chat.state == "intake.ask_contact"
    assert "contact" not in answers(chat)
    assert "電話でなくても大丈夫" in said(chat)


@pytest.mark.parametrize(
    "words", ("すみません取り乱して", "取り乱してごめんなさい", "変なこと書いてすみません")
)
def test_an_apology_after_a_crisis_reply_needs_none(words: str) -> None:
    chat = started("もう死にたい")
    chat.send(words)
    reply = said(chat)
    assert "謝らなくて大丈夫" in reply, reply
    assert "受け取りました" not in reply and "下書きに" not in reply, reply


def test_a_bare_apology_after_a_crisis_reply_needs_none_too() -> None:
    chat = started("もう死にたい")
    chat.send("ごめんなさい")
    assert "謝らなくて大丈夫" in said(chat)


def test_a_question_opened_with_sorry_after_a_crisis_reply_is_not_an_apology() -> None:
    chat = started("もう死にたい")
    chat.send("すみません、どこに電話すればいいですか？")
    assert "謝らなくて" not in said(chat)


def test_taking_it_back_after_a_crisis_reply_keeps_its_own_answer() -> None:
    chat = started("もう死にたい")
    chat.send("すみません、冗談です")
    assert "謝らなくて" not in said(chat)


def test_p4_apology_after_the_carers_words_needs_none() -> None:
    chat = started("おふくろが認知症で", "もう限界", "俺がいなくなればいいのかな")
    chat.send("すみません取り乱して")
    reply = said(chat)
    assert "謝らなくて大丈夫" in reply and "ベビーベッド" not in reply, reply


@pytest.mark.parametrize(
    "words",
    ("兄本人は相談なんてしないと思います", "本人は相談には行かないと思う", "息子は相談なんかせんと思います"),
)
def test_ask13_a_family_member_can_consult_alone(words: str) -> None:
    chat = started("兄が10年ひきこもっています" if "兄" in words else "息子が10年ひきこもっています")
    chat.send(words)
    reply = said(chat)
    assert "ご家族だけで相談できます" in reply, reply
    assert FALLBACK not in reply


def test_writing_of_oneself_not_consulting_is_no_family_answer() -> None:
    chat = started("仕事がなくてお金がないです")
    chat.send("相談なんてしないと思います")
    assert "ご家族だけで" not in said(chat)


@pytest.mark.parametrize("words", ("the deadline ok?", "is the deadline ok?"))
def test_an_english_question_about_a_deadline_is_no_way_of_contact(words: str) -> None:
    chat = started("I lost my job and I can't pay rent")
    chat.tap("Prepare")
    while chat.state != "intake.ask_contact":
        chat.tap(next(label for label in chat.labels if "Done" in label or "Rather" in label))
    chat.send(words)
    assert chat.state == "intake.ask_contact"
    assert "contact" not in answers(chat)

"""Session 12, try-out 14 (p2, p4, p5): life's turning points nobody answered.

p2, a man a week out of prison with no home and no money, got the fallback for 「先週出所しました」
and 「家族とは縁切れてます」, and 「4年いました」 became the 受付票's 期間 3〜10年; on the concerns screen he
tapped a ticked worry to confirm it and it went off. p4, a son caring for his mother with dementia, was not
answered about a short stay, was asked the question about dying a second time for 「夜中に何回も起こされる」,
and 「親父に手ぇあげてしもうた」 (dialect) was not read as his own hand. p5, a mother of a two-month-old, had
「生後2ヶ月の子がいます」 taken as 期間 半年未満 and found nothing on the weeks after a birth.

Each test types the person's words in order, with variants of our own and a neighbour that must not change.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from dialogs.summary import summary_text
from tests.dialogs.chat import TOKYO, Chat, intake_answers, said, started

FALLBACK = "うまく受け取れなかったかもしれません"
SATURDAY_NIGHT = datetime(2026, 12, 5, 2, 30, tzinfo=TOKYO)
JUDGING = ("反省", "罪を", "償", "更生してください", "頑張って", "普通は")


def concerns(chat: Chat) -> list[str]:
    return list(intake_answers(chat).get("concerns", {}).get("choices", []))


# ---------------------------------------------------------------- p2: a week out of prison

LEFT_PRISON = (
    "先週出所しました",
    "刑務所から出てきたばかりです",
    "仮釈放で出てきました",
    "しゅっしょしたばっかりです",
    "ムショから出たばっかで行くとこない",
)


@pytest.mark.parametrize("words", LEFT_PRISON)
def test_leaving_prison_is_answered_with_a_place_to_sleep_money_and_probation(words: str) -> None:
    chat = started(words)
    reply = said(chat)
    assert FALLBACK not in reply
    for told in ("くらしサポートセンター", "0000-00-0001", "一時生活支援", "生活保護", "保護観察所"):
        assert told in reply, (told, reply)
    assert "地域生活定着支援センター" in reply
    for word in JUDGING:
        assert word not in reply, word


def test_p2_family_cut_off_and_time_inside_are_heard_not_fallback_nor_a_duration() -> None:
    chat = started("先週出所しました")
    chat.send("家族とは縁切れてます")
    reply = said(chat)
    assert FALLBACK not in reply and "ご家族に頼れない" in reply, reply
    assert "family_relations" in concerns(chat) and "isolation" in concerns(chat)
    chat.send("4年いました")
    reply = said(chat)
    assert FALLBACK not in reply and "3〜10年" not in reply, reply
    assert "duration" not in intake_answers(chat)
    sheet = summary_text(chat.data)
    assert "家族とは縁切れてます" in sheet and "4年いました" in sheet, sheet
    assert "期間：3〜10年" not in sheet


@pytest.mark.parametrize(
    "words", ("家族に縁を切られた", "親から勘当された", "実家とは絶縁してます", "身寄りがないんです")
)
def test_no_family_to_turn_to_is_a_line_on_the_sheet_anywhere(words: str) -> None:
    chat = started(words)
    assert FALLBACK not in said(chat)
    assert "family_relations" in concerns(chat) and "isolation" in concerns(chat)


@pytest.mark.parametrize("words", ("刑務所に4年いて、先週出所しました", "3年くらってた。きのう出所した"))
def test_time_served_told_with_leaving_prison_is_no_duration(words: str) -> None:
    chat = started(words)
    assert "duration" not in intake_answers(chat)
    assert "保護観察所" in said(chat)


def test_a_time_at_home_without_prison_is_still_the_duration() -> None:
    chat = started("ひきこもって4年になります")
    assert intake_answers(chat)["duration"]["choice"] == "3y_10y"


def test_the_source_of_something_is_not_leaving_prison() -> None:
    chat = started("情報の出所がわからないんですが")
    assert "保護観察所" not in said(chat)


def at_concerns(first: str) -> Chat:
    chat = started(first)
    chat.send("相談の準備をする")
    while chat.state != "intake.ask_concerns":
        chat.tap("答えたくない")
    return chat


def test_the_concerns_screen_says_what_a_tick_means_and_how_to_put_one_back() -> None:
    chat = at_concerns("出所したばかりで住むところもお金もない")
    assert "✓ 住まいのこと" in chat.labels
    assert "書いてくださったことから選んであります" in said(chat) and "押すと印が外れます" in said(chat)
    chat.tap("住まい")
    assert "印を外しました" in said(chat) and "もう一度押すと印が戻ります" in said(chat)
    chat.tap("住まい")
    assert "housing" in concerns(chat)


def test_a_concern_chosen_by_button_alone_gets_no_hint_about_ticks_from_words() -> None:
    chat = at_concerns("こんにちは")
    chat.tap("仕事探し")
    assert "✓ 仕事探し" in chat.labels
    assert "書いてくださったことから選んであります" not in said(chat)


# ---------------------------------------------------------------- p4: a son caring for his mother

P4_BEFORE = ("おふくろが認知症で", "もう限界")
DIRECT_QUESTION = "死にたいと思うほどの気持ち"


@pytest.mark.parametrize(
    "words",
    (
        "ショートステイとかってすぐ使えるもの？",
        "ショートステイってすぐ利用できますか",
        "短期入所ってすぐ使える？",
        "しょーとすていってすぐつかえる？",
    ),
)
def test_p4_short_stay_is_answered(words: str) -> None:
    chat = started(*P4_BEFORE, now=SATURDAY_NIGHT)
    chat.send(words)
    reply = said(chat)
    for told in ("ケアマネジャー", "地域包括支援センター", "0000-00-0005", "緊急"):
        assert told in reply, (told, reply)
    assert (
        "すぐに使えるとは限りません" in reply or "すぐ使えるとは限りません" in reply or "限りません" in reply
    )
    assert "caregiving" in concerns(chat)


@pytest.mark.parametrize(
    "tired", ("夜中に何回も起こされる", "毎晩トイレで起こされてる", "夜中に何回も起こされる。今日も3回目")
)
def test_p4_the_question_about_dying_is_not_asked_again_for_tiredness(tired: str) -> None:
    chat = started(*P4_BEFORE, now=SATURDAY_NIGHT)
    assert DIRECT_QUESTION in said(chat) or "そういう気持ちはありますか" in said(chat)
    chat.send("ショートステイとかってすぐ使えるもの？")
    chat.send(tired)
    assert DIRECT_QUESTION not in said(chat) and "そういう気持ちはありますか" not in said(chat)
    assert FALLBACK not in said(chat)


def test_a_new_sign_of_danger_still_gets_the_question_once_more() -> None:
    chat = started("もう限界", now=SATURDAY_NIGHT)
    chat.send("もうなにもかもいや")
    assert "もう一度だけ" in said(chat)


CARER_DIALECT = (
    "親父に手ぇあげてしもうた",
    "おかんに手え出してしもた",
    "母をしばいてもうた",
    "おやじをどついてしもた",
)


@pytest.mark.parametrize("words", CARER_DIALECT)
def test_p4_a_carer_in_dialect_gets_the_carer_reply_and_the_sheet_says_he_fears_hurting(words: str) -> None:
    chat = started(*P4_BEFORE, "夜中に何回も起こされる。今日も3回目", now=SATURDAY_NIGHT)
    chat.send(words)
    reply = said(chat)
    assert "地域包括支援センター" in reply and "離れ" in reply and "よりそいホットライン" in reply, reply
    for word in ("鍵をかけて", "あなたは悪くありません", "DV相談", "ベビーベッド", "189"):
        assert word not in reply, word
    sheet = summary_text(chat.data)
    assert "暴力をふるっている人：相談者" in sheet, sheet
    assert "暴力を受けている人：親" in sheet, sheet
    assert "caregiving" in concerns(chat)


def test_a_carer_first_read_as_a_victim_is_the_one_who_fears_hurting_on_the_sheet() -> None:
    chat = started(*P4_BEFORE, now=SATURDAY_NIGHT)
    chat.send("さっき怒鳴って肩つかんでゆすってしまった")
    sheet = summary_text(chat.data)
    assert "暴力をふるっている人：相談者" in sheet and "暴力を受けている人：親" in sheet, sheet
    assert "暴力を受けている人：相談者" not in sheet
    assert "家族（親など）からの暴力のおそれ" not in sheet


def test_hit_by_the_father_in_dialect_is_still_the_writer_hurt() -> None:
    chat = started(*P4_BEFORE, now=SATURDAY_NIGHT)
    chat.send("親父に手ぇあげられた")
    reply = said(chat)
    assert "介護でここまで" not in reply
    assert "110" in reply


# ---------------------------------------------------------------- p5: a mother of a two-month-old


@pytest.mark.parametrize(
    "words",
    ("生後2ヶ月の子がいます", "2ヶ月の赤ちゃんがいます", "生後3か月の娘がいて", "うまれて2かげつの子がいる"),
)
def test_p5_a_babys_age_is_no_duration(words: str) -> None:
    chat = started(words)
    assert "duration" not in intake_answers(chat)
    assert "半年未満" not in said(chat)


def test_months_at_home_are_still_the_duration() -> None:
    chat = started("ひきこもって2ヶ月です")
    assert intake_answers(chat)["duration"]["choice"] == "under_6m"


@pytest.mark.parametrize(
    "words",
    (
        "産後うつかもしれない",
        "出産してから気分が落ち込んでばかりで",
        "産後ずっとつらい",
        "赤ちゃん産んでから毎日涙が出る",
    ),
)
def test_p5_after_a_birth_the_health_centre_and_postnatal_care_are_told(words: str) -> None:
    chat = started("生後2ヶ月の子がいます", words)
    reply = said(chat)
    for told in ("保健センター", "保健師", "産後ケア", "#8000", "よりそいホットライン"):
        assert told in reply, (told, reply)
    assert "あなたのせいではありません" in reply
    assert "119（救急）か110（警察）" not in reply


@pytest.mark.parametrize(
    "words",
    (
        "赤ちゃんが泣き止まなくて私も泣いてばかり",
        "夜泣きがひどくてもう限界",
        "赤ちゃんが全然寝てくれなくてつらい",
    ),
)
def test_p5_crying_and_exhaustion_without_harm_get_no_crisis_reply(words: str) -> None:
    chat = started("生後2ヶ月の子がいます", words, now=SATURDAY_NIGHT)
    reply = said(chat)
    assert "119（救急）か110（警察）" not in reply and "189" not in reply, reply
    assert FALLBACK not in reply
    assert chat.data.get("urgency", {}).get("level") != "crisis"


@pytest.mark.parametrize(
    "words", ("赤ちゃんが泣き止まなくて叩いてしまいそう", "夜泣きがひどくて投げてしまいそうでこわい")
)
def test_a_parent_afraid_of_hurting_the_baby_still_gets_the_parent_reply(words: str) -> None:
    chat = started(words, now=SATURDAY_NIGHT)
    assert "189" in said(chat)

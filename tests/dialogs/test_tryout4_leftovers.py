"""What people trying the bot still ran into (session 5), each test in the person's own words.

Every test drives the real engine with the real reading.
"""

from __future__ import annotations

from datetime import datetime

from dialogs.summary import build_summary, summary_text
from tests.dialogs.chat import TOKYO, Chat, intake_answers, said, started

SATURDAY_NIGHT = datetime(2026, 11, 28, 22, 0, tzinfo=TOKYO)


# ---------------------------------------------------------------- 1. a brother or sister who hits


def test_a_brother_who_hits_her_and_the_parents_is_on_the_sheet_as_who_hurts_whom() -> None:
    chat = started("兄が暴れて、私や親を殴ります。兄は心の病気だと思います")
    summary = build_summary(chat.data)
    assert summary["violence"] == {"by": ["sibling"], "hurt": ["self", "parent"]}
    sheet = summary_text(chat.data)
    assert "暴力をふるっている人：きょうだい" in sheet
    assert "暴力を受けている人：相談者、親" in sheet
    assert "mental_health" in summary["concerns"]


def test_a_sisters_mind_told_of_in_a_later_message_is_hers_not_the_writers() -> None:
    chat = started("兄のことで相談です", "兄が暴れて、私や親を殴ります", "たぶん心の病気だと思います")
    summary = build_summary(chat.data)
    assert "mental_health" in summary["concerns"]
    assert not (summary["asker_wellbeing"] or {}).get("concerns")
    assert "相談者自身：" not in summary_text(chat.data)
    assert summary["violence"] == {"by": ["sibling"], "hurt": ["self", "parent"]}


def test_being_hit_with_the_parents_after_a_brother_raged_keeps_the_lines_for_violence_at_home() -> None:
    chat = started("弟が暴れて困ってます")
    chat.send("私も親も叩かれます")
    assert "DV" not in said(chat) and "配偶者" not in said(chat)
    summary = build_summary(chat.data)
    assert summary["violence"] == {"by": ["sibling"], "hurt": ["self", "parent"]}


def test_a_younger_brother_who_kicks_the_father_is_on_the_sheet() -> None:
    chat = started("弟が父を蹴っているのを見て怖いです。弟は精神的に不安定です")
    summary = build_summary(chat.data)
    assert summary["violence"] == {"by": ["sibling"], "hurt": ["parent"]}
    assert "mental_health" in summary["concerns"]


def test_a_husband_who_hits_her_is_on_the_sheet_as_her_partner() -> None:
    chat = started("夫に殴られました")
    assert build_summary(chat.data)["violence"] == {"by": ["partner"], "hurt": ["self"]}


def test_no_violence_no_line_on_the_sheet() -> None:
    chat = started("息子が20年ひきこもっています")
    assert build_summary(chat.data)["violence"] is None
    assert "暴力を" not in summary_text(chat.data)


# ---------------------------------------------------------------- 2. the one she lives with is a partner


def test_fear_of_the_boyfriend_she_lives_with_gets_the_dv_lines_like_fear_of_a_husband() -> None:
    chat = started("同棲している彼が怖いです")
    assert "DV相談" in said(chat)
    assert "ご家族や身近な方のことを書いて" not in said(chat)
    assert chat.data["urgency"]["level"] == "urgent"
    assert chat.data["crisis"]["hurt"] == "partner"
    assert intake_answers(chat)["concerns"]["about"]["violence"] == "self"


def test_being_hit_by_the_one_she_lives_with_is_violence_from_a_partner_on_the_sheet() -> None:
    for words in ("同棲している彼に殴られた", "一緒に暮らしてる人に叩かれる"):
        chat = started(words)
        assert chat.data["crisis"]["situations"] == ["violence"], words
        summary = build_summary(chat.data)
        assert summary["violence"] == {"by": ["partner"], "hurt": ["self"]}, words
        assert "暴力をふるっている人：配偶者・パートナー" in summary_text(chat.data)
        assert intake_answers(chat)["concerns"]["about"]["violence"] == "self", words


def test_living_with_a_boyfriend_who_yells_is_a_partner_on_the_sheet() -> None:
    chat = started("彼氏と住んでるけど、毎日怒鳴られて怖い")
    assert "DV相談" in said(chat)
    assert build_summary(chat.data)["violence"] == {"by": ["partner"], "hurt": ["self"]}
    assert intake_answers(chat)["concerns"]["about"]["violence"] == "self"


# ---------------------------------------- 3. buttons in English, closed in easy Japanese


def test_buttons_are_in_english_when_she_writes_in_english() -> None:
    chat = started("Hello, I lost my job and cannot pay rent")
    assert "Talk to a person" in chat.labels
    assert not any("担当者" in label for label in chat.labels)
    chat.tap("Talk to a person")
    assert "Send this only" in chat.labels
    chat.send("I want to talk to someone")
    assert "“Send this only”" in said(chat) and "この内容だけ送る" not in chat.labels


def test_tapping_an_english_button_does_what_the_japanese_one_does() -> None:
    english = started("Hello, I have a question about rent")
    english.tap("Prepare to consult")
    japanese = started("こんにちは")
    japanese.tap("相談の準備をする")
    assert english.state == japanese.state


def test_a_crisis_in_english_offers_a_person_in_english() -> None:
    chat = started("I want to die")
    assert "Tell a person" in chat.labels and "Keep going here" in chat.labels


def test_buttons_stay_japanese_for_japanese_writers() -> None:
    chat = started("家賃が払えません")
    assert "担当者と話したい" in chat.labels or "担当者に伝えたい" in chat.labels
    assert not any("person" in label for label in chat.labels)


def test_easy_japanese_outside_hours_says_the_office_is_closed_in_easy_japanese() -> None:
    chat = Chat(now=SATURDAY_NIGHT)
    chat.follow()
    chat.send("しごと が なくて やちん が はらえない です")
    first = chat.texts[0]
    assert "（じどう の へんじ です）" in first
    assert "まどぐち が しまって います" in first
    assert "げつようび" in first


def test_easy_japanese_in_office_hours_does_not_say_closed() -> None:
    chat = started("しごと が なくて やちん が はらえない です")
    assert "しまって" not in said(chat)


# ---------------------------------------------------------------- 4. thanks that fit whom it is about


def test_a_man_writing_of_himself_and_his_parents_is_not_thanked_for_writing_of_his_family() -> None:
    chat = started("52歳、自分のことです", "親も80過ぎて、親が死んだら生活できなくなるのが不安です")
    assert "ご家族や身近な方のことを書いて" not in said(chat)
    assert "受け取りました" in said(chat) or "ありがとうございます" in said(chat)


def test_a_man_who_says_it_is_about_himself_in_the_same_message_is_thanked_for_his_own_worry() -> None:
    chat = started("自分のことです。親と住んでいますが、親とうまくいかなくて家にいづらいです")
    assert "ご家族や身近な方のことを書いて" not in said(chat)


def test_a_mother_writing_of_her_son_is_still_thanked_for_writing_of_her_family() -> None:
    chat = started("息子が部屋から出てきません")
    assert "ご家族や身近な方のことを書いて" in said(chat)


# ---------------------------------------- 5. a caution about contact, said in a whole sentence


def considerations(chat: Chat) -> str:
    return str(intake_answers(chat).get("considerations", {}).get("words", ""))


def test_a_phone_with_the_parents_beside_her_is_a_caution_and_line_her_way() -> None:
    words = "電話だと親が横にいることが多いのでできればLINEがいいです"
    chat = started(words)
    assert words in considerations(chat)
    assert intake_answers(chat)["contact"]["choice"] == "line"


def test_cautions_said_across_a_sentence_are_kept_in_her_words() -> None:
    for words in (
        "電話は出られない",
        "家族に郵便を見られたくない",
        "電話は怖い",
        "家に手紙が届くと家族に知られてしまうので困ります",
        "電話がかかってくると父が出てしまうことがあるので避けてほしいです",
        "平日の昼間は仕事なので電話には出られないことが多いです",
    ):
        chat = started(words)
        assert words in considerations(chat), words


def test_a_phone_she_offers_or_a_question_about_the_phone_is_no_caution() -> None:
    for words in (
        "電話でお願いします",
        "電話番号を教えてください",
        "夜なら電話に出られます",
        "窓口の電話は何番ですか",
        "電話代が払えなくて困っています",
        "書類の書き方がわからなくて無理です",
    ):
        chat = started(words)
        assert not considerations(chat), words


# ---------------------------------------- 7. no bed tonight and losing the home: one shorter reply

BOTH = "アパートを追い出されて、今夜寝るところがありません"


def test_no_bed_tonight_and_losing_the_home_get_one_combined_shorter_reply() -> None:
    chat = started(BOTH)
    reply = said(chat)
    assert "一時生活支援" in reply and "住居確保給付金" in reply
    assert "出る日が決まる前でも" not in reply, "not the whole second block"
    assert reply.count("つなぐ市くらしサポートセンター（0000-00-0001）") == 1
    assert len(reply) < 420


def test_at_night_the_combined_reply_keeps_tonights_options_and_names_the_home_in_a_line() -> None:
    chat = Chat(now=SATURDAY_NIGHT)
    chat.follow()
    chat.send(BOTH)
    reply = said(chat)
    assert "時間外" in reply and "110" in reply
    assert "住居確保給付金" in reply
    assert reply.count("いまは窓口の時間外です") == 1

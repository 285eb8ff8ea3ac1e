"""Try-out 5: a parent who may hurt a child, a child with nowhere to go, DV signs that come first.

Each test drives the real engine with the real reading, in the person's own words.
"""

from __future__ import annotations

from datetime import datetime

from dialogs.understanding.classifier import classify
from tests.dialogs.chat import TOKYO, Chat, said, started

NIGHT = datetime(2026, 11, 25, 2, 0, tzinfo=TOKYO)  # Wednesday 2 a.m.
AFTERNOON = datetime(2026, 11, 24, 14, 30, tzinfo=TOKYO)  # Tuesday afternoon


def urgency(chat: Chat) -> str | None:
    level: str | None = chat.data.get("urgency", {}).get("level")
    return level


# ---------------------------------------------------------------- 1. a parent afraid of hurting a child


def test_a_parents_fear_of_hurting_the_child_is_read_as_harm_to_a_child_by_the_writer() -> None:
    for text in (
        "正直、手が出そうで怖い",
        "このままだと虐待してしまいそうで怖い",
        "子どもに手をあげてしまいました",
    ):
        reading = classify(text)
        assert reading.crisis == "crisis", text
        assert {"harm_to_others", "child_abuse"} <= set(reading.crisis_kinds), text
    assert {"harm_to_others", "child_abuse"} <= set(classify("子どもを叩いてしまいそうです").crisis_kinds)


def test_a_father_afraid_of_hitting_his_toddler_at_night_gets_a_reply_for_a_parent() -> None:
    chat = started("2歳の息子が夜泣きでずっと泣き止まない", now=NIGHT)
    chat.send("正直、手が出そうで怖い")
    reply = said(chat)
    assert "189" in reply
    assert "身の安全" not in reply and "DV相談" not in reply
    assert "話してくださって" in reply or "書いてくださって" in reply
    assert "離れ" in reply  # stepping away from the child for a moment
    assert urgency(chat) == "crisis"


def test_not_yet_but_tonight_may_be_too_much_is_still_the_danger_for_a_parent() -> None:
    chat = started("2歳の息子が夜泣きでずっと泣き止まない", "正直、手が出そうで怖い", now=NIGHT)
    chat.send("まだ叩いてはいません。でも今夜はやばいかも")
    reply = said(chat)
    assert "189" in reply
    assert "ご家族や身近な方のことを書いてくださって" not in reply
    assert "DV相談" not in reply


def test_afraid_of_abusing_the_child_is_not_told_to_keep_herself_safe() -> None:
    chat = started("2歳の息子が夜泣きでずっと泣き止まない", now=AFTERNOON)
    chat.send("このままだと虐待してしまいそうで怖い")
    reply = said(chat)
    assert "189" in reply
    assert "暴力を受けている" not in reply and "身の安全" not in reply and "DV相談" not in reply
    assert "子ども家庭支援センター" in reply  # the municipality's 子育て・家庭の相談
    assert urgency(chat) == "crisis"


def test_a_parent_who_has_hit_the_child_hears_the_parents_lines_not_dv() -> None:
    chat = started(
        "2歳の息子が夜泣きでずっと泣き止まない", "このままだと虐待してしまいそうで怖い", now=AFTERNOON
    )
    chat.send("子どもに手をあげてしまいました")
    reply = said(chat)
    assert "DV相談" not in reply
    assert "189" in reply


def test_a_parent_who_has_hit_the_child_first_gets_the_parents_block() -> None:
    chat = started("子どもに手をあげてしまいました", now=AFTERNOON)
    reply = said(chat)
    assert "189" in reply and "DV相談" not in reply and "身の安全" not in reply


def test_will_189_report_me_gets_a_plain_honest_answer() -> None:
    chat = started("2歳の息子が夜泣きでずっと泣き止まない", "正直、手が出そうで怖い", now=NIGHT)
    chat.send("189に電話したら通報されるんですか？")
    reply = said(chat)
    assert "児童相談所" in reply
    assert "警察ではありません" in reply
    assert "親" in reply  # parents may call too
    assert "くらしサポートセンター" not in reply


def test_a_child_asking_what_the_childrens_office_is_still_gets_the_childs_answer() -> None:
    chat = started("ぎりのおとうさんにたたかれる😢", now=NIGHT)
    chat.send("じどうそうだんじょってなに？")
    assert "子どもが安心して暮らせるように" in said(chat)


# ---------------------------------------------------------------- 2. the same reply not four times in a row


def test_the_same_thanks_is_not_repeated_word_for_word() -> None:
    chat = started("2歳の息子が夜泣きでずっと泣き止まない", now=NIGHT)
    replies = [said(chat)]
    for text in ("妻は実家に帰ってる", "義母とも折り合いが悪い", "義母は近くに住んでいる"):
        chat.send(text)
        replies.append(said(chat))
    assert "ご家族や身近な方のことを書いてくださって" in replies[0]
    assert all("ご家族や身近な方のことを書いてくださって" not in reply for reply in replies[1:])
    assert all(replies[n] != replies[n + 1] for n in range(3))
    assert len(replies[1]) < len(replies[0])


def test_one_word_at_a_time_is_not_met_with_the_same_paragraph_each_time() -> None:
    chat = started(now=AFTERNOON)
    replies = []
    for text in ("あの", "えっと", "しごと"):
        chat.send(text)
        replies.append(said(chat))
    assert all(replies[n] != replies[n + 1] for n in range(2))


# ---------------------------------------------------------------- 3. a child with nowhere to go


def test_a_hurt_child_with_nowhere_to_go_gets_the_childrens_lines_not_rent_support() -> None:
    chat = started("ぎりのおとうさんにたたかれる😢", now=NIGHT)
    chat.wait(180)
    chat.send("でも いくとこない")
    reply = said(chat)
    assert "住居確保給付金" not in reply and "家賃" not in reply
    assert "189" in reply
    assert "一時保護" in reply


def test_a_15_year_old_with_nowhere_to_go_gets_the_childrens_lines() -> None:
    chat = started("15歳です。家に帰りたくない。いくとこない", now=NIGHT)
    reply = said(chat)
    assert "住居確保給付金" not in reply
    assert "189" in reply and "0120-0-78310" in reply


def test_a_high_school_student_with_no_place_tonight_gets_the_childrens_lines() -> None:
    chat = started("高校生です。今日寝る場所がありません", now=NIGHT)
    reply = said(chat)
    assert "住居確保給付金" not in reply
    assert "189" in reply


def test_an_adult_with_no_place_tonight_still_gets_tonights_guidance() -> None:
    chat = started("41歳です。今日寝る場所がありません", now=NIGHT)
    reply = said(chat)
    assert "189" not in reply


def test_a_child_who_does_not_want_to_be_home_and_pleads_gets_the_childs_lines() -> None:
    chat = started("ぎりのおとうさんにたたかれる😢", now=NIGHT)
    chat.wait(180)
    chat.send("きのうも なぐられた")
    chat.send("いえにいたくない")
    assert "189" in said(chat)
    assert "うまくお答えできない" not in said(chat)
    chat.send("おねがい だれか")
    assert "189" in said(chat) or "0120-0-78310" in said(chat)
    assert "うまくお答えできない" not in said(chat)


# ---------------------------------------------------------------- 4. the 34-year-old


LONG_1 = (
    "夜分にすみません。34歳の男です。大学を出てから一度就職したのですが、上司とうまくいかず2年で辞めてしまい、"
    "それからずっと実家で暮らしています。もう8年くらいになります。最初はすぐ次を探すつもりだったのですが、"
    "面接で空白期間のことを聞かれるのが怖くて、だんだん応募もしなくなりました。両親はもう70近くで、父は年金暮らしです。"
    "母はパートをしていますが、最近腰を悪くして辞めました。"
)
LONG_2 = (
    "家の中では、父とはほとんど口をききません。母は心配してくれているのですが、顔を合わせるたびに「これからどうするの」"
    "と言われて、それがつらくて部屋にこもるようになりました。夜中に起きて昼に寝るような生活です。病院には行っていません。"
    "行ったほうがいいのかもしれませんが、何科に行けばいいのかもわからないし、お金もかかるので。"
    "自分の貯金はもうほとんどありません。"
)
LONG_3 = (
    "正直に言うと、自分がこの家にいることが両親の負担になっているのはわかっていて、いなくなったほうがいいんじゃないかと"
    "思うこともあります。でも何か行動する元気もありません。こういう相談をどこにしたらいいのかもわからなくて、"
    "ここに書いています。いきなり働くのは無理だと思いますが、少しずつでも何かできることがあれば知りたいです。"
)


def test_a_34_year_old_who_thinks_he_had_better_be_gone_gets_the_lines_for_thoughts_of_dying() -> None:
    chat = started(LONG_1, LONG_2, now=NIGHT)
    assert chat.data.get("crisis", {}).get("hurt") is None
    chat.send(LONG_3)
    reply = said(chat)
    assert "たたかれたり" not in reply
    assert "189" not in reply and "子供SOS" not in reply
    assert "よりそいホットライン" in reply


# ---------------------------------------------------------------- 5. DV signs that come first


def test_a_phone_checked_every_night_by_the_husband_gets_the_dv_lines_gently() -> None:
    chat = started("夫にスマホを毎晩チェックされます", now=NIGHT)
    reply = said(chat)
    assert "DV相談＋" in reply
    assert "110" not in reply.split("DV相談＋")[0] or "身の危険" in reply
    assert urgency(chat) != "crisis"


def test_money_all_kept_by_the_husband_gets_the_dv_lines_gently() -> None:
    chat = started("お金も全部夫が管理していて、自由に使えるお金がありません", now=NIGHT)
    reply = said(chat)
    assert "DV相談＋" in reply
    assert "ご家族や身近な方のことを書いてくださって" not in reply
    assert urgency(chat) != "crisis"


def test_the_gentle_dv_lines_are_not_repeated_at_the_next_sign() -> None:
    chat = started("夫にスマホを毎晩チェックされます", now=NIGHT)
    chat.send("お金も全部夫が管理していて、自由に使えるお金がありません")
    assert said(chat).count("DV相談＋") <= 1
    assert "0120-279-889" not in said(chat) or "さきほど" in said(chat)


def test_a_question_about_the_husband_seeing_this_line_stays_a_privacy_answer() -> None:
    chat = started("このLINE、夫に見られたらどうなりますか", now=NIGHT)
    assert "DV相談＋" not in said(chat)


def test_yelled_at_by_the_husband_keeps_the_dv_lines() -> None:
    chat = started("夫に毎日怒鳴られます", now=NIGHT)
    assert "DV相談＋" in said(chat)


def test_will_189_report_me_asked_first_by_a_parent_is_answered_too() -> None:
    chat = started("2歳の息子が夜泣きでずっと泣き止まない", now=AFTERNOON)
    chat.send("189に電話したら通報されるんですか？")
    reply = said(chat)
    assert "警察ではありません" in reply and "親が自分から" in reply
    assert "くらしサポートセンター" not in reply


def test_the_fast_path_answers_a_parent_as_a_parent_and_remembers_it() -> None:
    from dialogs.crisis import crisis_answer

    answer = crisis_answer("正直、手が出そうで怖い", NIGHT)
    assert answer is not None
    messages, memory = answer
    text = "\n".join(message.text for message in messages)
    assert "189" in text and "DV相談" not in text and "身の安全" not in text
    assert memory.hurt == "own_child"
    again = crisis_answer("まだ叩いてはいません。でも今夜はやばいかも", NIGHT, memory)
    assert again is not None
    assert "DV相談" not in "\n".join(message.text for message in again[0])

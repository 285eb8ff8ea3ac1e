"""Try-out 9, crisis failures: a neighbour unseen for days told in one message (F10.1), a girl after
cutting whose questions about her parents and school got the ambulance text three times (F8.1, F8.2,
F8.4), and a denial or a worry about the future read as wanting to die (F1.3, F1.4, F1.6, F6.2, F9.3).

Each test types the person's words in the order they were typed (clock: Tue 2026-12-01 23:40).
"""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.dialogs.chat import TOKYO, Chat, said, started

NIGHT = datetime(2026, 12, 1, 23, 40, tzinfo=TOKYO)

DIRECT_QUESTION = "死にたいと思う気持ちがありますか"
SUICIDE_OPENING = "とてもつらい気持ちを書いてくださって"
WAITING_FOR_AMBULANCE = "待っているあいだは"


def urgency_text(chat: Chat) -> str:
    return str(chat.data.get("urgency", {}))


# ---------------------------------------------------------------- F10.1: minsei, the man unseen for days

MINSEI = (
    "民生委員をしている者です。近所で一人暮らしの70代の男性が、ここ4、5日姿が見えません。"
    "郵便受けに新聞と郵便がたまっています。どこに連絡したらよいでしょうか。"
)


@pytest.mark.parametrize(
    "first",
    [
        MINSEI,
        "一人暮らしのおばあさんの姿が1週間見えません。新聞がたまったままです",
    ],
)
def test_someone_living_alone_unseen_for_days_gets_the_welfare_check_at_once(first: str) -> None:
    chat = started(first, now=NIGHT)
    reply = said(chat)
    assert "110" in reply and "安否確認" in reply
    assert "呼んでも応答" not in reply  # she did not say she rang the bell
    assert "一人暮らしの方の安否" in urgency_text(chat)


# ---------------------------------------------------------------- F8.1, F8.2, F8.4: kou2 after cutting

KOU2 = (
    "ねれない",
    "またやっちゃった",
    "腕やった🩸",
    "血はとまった",
    "親には絶対言わないで",
    "高2 ばれたら終わる",
    "え 119とかしてないけど",
    "別に死にたいわけじゃない。やると落ち着くだけ",
    "電話むり。文字で話せるとこある？",
    "担当者って学校とか親に連絡する？",
)


def kou2_until(last: str) -> tuple[Chat, list[str]]:
    """kou2's night up to and including `last`, with every reply the bot gave."""
    chat = Chat(now=NIGHT)
    chat.follow()
    replies = []
    for text in KOU2[: KOU2.index(last) + 1]:
        chat.send(text)
        replies.append(said(chat))
    return chat, replies


@pytest.mark.parametrize(
    "words", ["親には絶対言わないで", "え 119とかしてないけど", "担当者って学校とか親に連絡する？"]
)
def test_after_the_bleeding_stopped_her_words_never_get_the_ambulance_waiting_text(words: str) -> None:
    _, replies = kou2_until(words)
    assert WAITING_FOR_AMBULANCE not in replies[-1]
    assert "よかったです" not in replies[-1]


@pytest.mark.parametrize("words", ["親には絶対言わないで", "担当者って学校とか親に連絡する？"])
def test_her_question_about_parents_and_school_is_answered_honestly(words: str) -> None:
    _, replies = kou2_until(words)
    assert "同意" in replies[-1] or "了解" in replies[-1]  # nothing goes to them without her say
    assert "命" in replies[-1]  # the one limit, said plainly


def test_no_119_called_gets_what_to_watch_for_not_thanks_for_calling() -> None:
    _, replies = kou2_until("え 119とかしてないけど")
    assert "119" in replies[-1]
    assert "呼ばなくても" in replies[-1] or "かけていなくても" in replies[-1]


def test_she_is_asked_once_gently_and_directly_about_wanting_to_die() -> None:
    _, replies = kou2_until(KOU2[-1])
    asked = [reply for reply in replies if DIRECT_QUESTION in reply]
    assert len(asked) == 1
    assert DIRECT_QUESTION in replies[KOU2.index("血はとまった")]


# ---------------------------------------------------------------- F1.3, F1.4, F1.6: chichi and his son

CHICHI = (
    "夜分に失礼いたします。初めてご連絡を差し上げます。私は64歳の父親で、以前は市役所に勤めておりました。"
    "実は38歳になる息子のことでご相談したく、筆を執った次第です。息子は7年前に勤め先のリストラに遭って以来、"
    "ほとんど自室から出てこなくなりました。最近は夜中に壁を蹴るような音がして、妻も私も眠れずにおります。"
    "どこにご相談すればよいのか分からず、こちらに辿り着きました。",
    "承知いたしました。それで本題なのですが、壁を蹴る音が日に日に強くなっておりまして、正直なところ、"
    "いずれ妻に手を上げるのではないかと案じております。このような場合、どちらに相談するのが適切なのでしょうか。"
    "警察に相談するほどのことなのか、判断がつきません。",
    "いえ、私自身が死にたいなどということはございません。息子の件です。"
    "今すぐ危険というわけでもございませんので、110番はまだ控えたいと考えております。",
)


def test_a_father_fearing_his_sons_violence_is_asked_about_safety_not_about_dying() -> None:
    chat = started(*CHICHI[:2], now=NIGHT)
    reply = said(chat)
    assert DIRECT_QUESTION not in reply
    assert "安全" in reply and "保健所" in reply
    assert "死にたい" not in urgency_text(chat)


def test_the_fathers_denial_is_thanked_and_turns_to_his_son() -> None:
    chat = started(*CHICHI, now=NIGHT)
    reply = said(chat)
    assert DIRECT_QUESTION not in reply and SUICIDE_OPENING not in reply
    assert "息子さん" in reply
    assert "死にたい" not in urgency_text(chat) and "ございません" not in urgency_text(chat)


# ---------------------------------------------------------------- F6.2: ane, after her parents and her

ANE = (
    "弟のことで相談です",
    "弟45歳、もう20年くらい家から出てません。両親は80代で、実家で3人暮らし",
    "私が死んだら弟どうなるのって最近ずっと考えてる。親が先にいなくなるのは分かってるけど",
)


def test_a_sister_asking_what_becomes_of_her_brother_after_her_is_not_a_crisis() -> None:
    chat = started(*ANE, now=NIGHT)
    reply = said(chat)
    assert SUICIDE_OPENING not in reply and "119" not in reply
    assert "先のこと" in reply
    assert "死にたい" not in urgency_text(chat)


# ---------------------------------------------------------------- F9.3: hikari's denial on the sheet

HIKARI = (
    "仕事やめてから半年、ほとんど家から出てない",
    "朝が来なければいいのにって毎晩思う",
    "あ、別に死にたいとかじゃないです。大げさにしないでください",
)


def test_her_denial_is_not_quoted_as_a_sign_of_danger() -> None:
    chat = started(*HIKARI, now=NIGHT)
    assert "朝が来なければ" in urgency_text(chat)
    assert "大げさにしないで" not in urgency_text(chat)
    assert "119" not in said(chat)


def test_a_neighbour_going_to_call_110_is_not_answered_about_who_is_told() -> None:
    """「ご家族の連絡先は分かりません」 is a fact for the police, not a fear of parents being told (F10.2)."""
    chat = started("一人暮らしの70代の男性が、ここ4、5日姿が見えません。新聞がたまっています。", now=NIGHT)
    chat.send("分かりました、110番してみます。ご家族の連絡先は分かりません。")
    assert "知られたくない" not in said(chat)

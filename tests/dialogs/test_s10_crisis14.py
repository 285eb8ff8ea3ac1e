"""Session 10, try-out 11 P12: a sister living apart sees her brother shout at their elderly father at
night, and finds he holds the father's bankbook. The one at risk is the father: 地域包括支援センター
(高齢者虐待), his safety, 110 if in danger now — not a reply to her as suicidal or as living with the
one who shouts.

Each test types the person's words, with variants of our own.
"""

from __future__ import annotations

import pytest

from dialogs.effects import RaiseUrgency
from tests.dialogs.chat import already_sent, intake_answers, said, started

TO_THE_WRITER = "あなたのことを心配しています"
LIVING_WITH = "同居しているご家族から"
ELDER_WINDOW = "地域包括支援センター"

ELDER_SHOUTED_AT = (
    "あれから兄が夜中に父を怒鳴ってるのを見た",
    "あれから兄が父を怒鳴ってた",
    "弟が母に怒鳴ってるのを見ちゃった",
    "兄貴が夜中に親父をどなってるのを見ました",
)


@pytest.mark.parametrize("words", ELDER_SHOUTED_AT)
def test_a_relative_shouting_at_an_elderly_parent_gets_the_elder_window(words: str) -> None:
    chat = already_sent("兄のことで相談です", "親は高齢で、父が認知症ぎみ", "担当者と話したい")
    before = len(chat.effects)
    chat.send(words)
    reply = said(chat)
    assert TO_THE_WRITER not in reply and LIVING_WITH not in reply and "いのちの電話" not in reply
    assert ELDER_WINDOW in reply and "高齢者虐待" in reply and "110" in reply
    raised = [effect for effect in chat.effects[before:] if isinstance(effect, RaiseUrgency)]
    assert raised and any("高齢" in reason for reason in raised[-1].reasons)


@pytest.mark.parametrize("words", ELDER_SHOUTED_AT[:2])
def test_the_first_message_is_not_read_as_suicidal(words: str) -> None:
    reply = said(started("父は80代で介護が必要です", words))
    assert TO_THE_WRITER not in reply and "0570-783-556" not in reply
    assert ELDER_WINDOW in reply and "110" in reply


@pytest.mark.parametrize("words", ("兄が祖母を怒鳴ってた", "あれから兄が夜中に祖父を怒鳴ってるのを見た"))
def test_a_grandparent_shouted_at_is_an_elder_without_more_said(words: str) -> None:
    reply = said(started(words))
    assert ELDER_WINDOW in reply and TO_THE_WRITER not in reply


def test_a_parent_not_known_to_be_elderly_keeps_the_home_violence_reply() -> None:
    reply = said(started("弟が父を蹴っているのを見て怖いです。弟は精神的に不安定です"))
    assert ELDER_WINDOW not in reply and "110" in reply


MONEY_HELD = (
    "父の通帳も兄が持ってるみたい",
    "母の年金、弟が勝手に使ってるっぽい",
    "おばあちゃんのキャッシュカード、兄がとりあげてるみたいです",
)


@pytest.mark.parametrize("words", MONEY_HELD)
def test_an_elders_money_held_by_a_relative_names_the_elder_window(words: str) -> None:
    chat = already_sent("兄のことで相談です", "担当者と話したい")
    chat.send(words)
    reply = said(chat)
    assert ELDER_WINDOW in reply and "経済的虐待" in reply
    assert "伝えますか" in reply  # the words can still be added to the sent case


@pytest.mark.parametrize("words", ("父の通帳を母が持ってる", "兄が自分の通帳をなくした"))
def test_ordinary_talk_of_a_bankbook_is_not_called_abuse(words: str) -> None:
    chat = already_sent("兄のことで相談です", "担当者と話したい")
    chat.send(words)
    assert "経済的虐待" not in said(chat)


# ---------------------------------------------------------------- P09. a deaf person who cannot phone

OTHER_THAN_PHONE = (
    "電話できないです。電話以外の方法ありますか",
    "でんわ以外のほうほうってある？",
    "電話じゃなくて相談できる方法はありますか",
)


@pytest.mark.parametrize("words", OTHER_THAN_PHONE)
def test_asking_for_a_way_other_than_the_phone_is_told_this_line_reaches_a_person(words: str) -> None:
    chat = started("耳が聞こえません", words)
    reply = said(chat)
    assert "このLINEに文字で書くだけで相談できます" in reply
    assert "自動の応答なので" not in reply


EMERGENCY_WITHOUT_VOICE = (
    "緊急のとき、110とか119に電話できないです。どうしたらいい？",
    "きんきゅうのとき 110番に でんわ できません。どうしたら いいですか",
    "耳が聞こえないので119番に電話かけられません。火事のときはどうしたらいいですか",
)


@pytest.mark.parametrize("words", EMERGENCY_WITHOUT_VOICE)
def test_emergency_without_a_voice_gets_the_text_ways_to_110_and_119(words: str) -> None:
    chat = started("耳が聞こえません", words)
    reply = said(chat)
    assert "Net119" in reply and "消防本部に登録" in reply and "110番アプリシステム" in reply
    assert "チャット" in reply and "このLINE" in reply


SIGN_LANGUAGE = ("手話通訳つけてもらえる？", "しゅわつうやく　たのめますか", "窓口で手話の通訳はいますか")


@pytest.mark.parametrize("words", SIGN_LANGUAGE)
def test_a_sign_language_interpreter_is_answered_and_noted_on_the_sheet(words: str) -> None:
    chat = started("耳が聞こえません", words)
    reply = said(chat)
    assert "手話通訳を希望" in reply and "自動の応答なので" not in reply
    assert "手話通訳を希望" in str(intake_answers(chat).get("considerations"))


@pytest.mark.parametrize("deaf", ("耳が聞こえません", "みみがきこえない", "聴覚障害があります"))
def test_once_deaf_is_said_crisis_replies_lead_with_the_text_ways(deaf: str) -> None:
    chat = started(deaf, "死にたい")
    reply = said(chat)
    assert "チャット" in reply and "0120-279-338" in reply
    assert reply.index("チャット") < reply.index("0120-279-338")

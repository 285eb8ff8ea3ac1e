"""Session 12, try-out 15 and the retrain: what new people typed that the lead mended.

Each test types the person's words (and variants of our own) and checks what they are told.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from dialogs.understanding.classifier import classify
from tests.dialogs.chat import TOKYO, said, started

SATURDAY_2AM = datetime(2026, 12, 5, 2, 0, tzinfo=TOKYO)

FALLBACK_OPENING = "うまく受け取れなかった"


@pytest.mark.parametrize("typed", ["なんや、ロボットかいな", "ロボットかよ", "なんだ機械なんだ", "botじゃん"])
def test_finding_out_it_is_a_bot_is_answered_with_what_it_is(typed: str) -> None:
    reply = said(started(typed))
    assert FALLBACK_OPENING not in reply
    assert "自動で応答する" in reply


@pytest.mark.parametrize(
    "typed",
    [
        "家内が去年他界しまして、わたしももうすぐ定年です。どうしていいかわかりません",
        "主人が先月亡くなりまして、息子と二人です",
    ],
)
def test_a_death_told_as_what_happened_is_not_crisis(typed: str) -> None:
    assert classify(typed).crisis == "none"


DEATH_AND_A_WISH = ("妻が亡くなって、もう生きていたくない", "主人が亡くなってから、私も早く逝きたい")


@pytest.mark.parametrize("typed", DEATH_AND_A_WISH)
def test_a_wish_to_die_after_a_death_stays_crisis(typed: str) -> None:
    assert classify(typed).crisis == "crisis"


LAST_LOOK = ("最後に家族の顔を見ておきたい", "最後に家族の顔を見たい", "最後に息子に会っておきたい")


@pytest.mark.parametrize("typed", LAST_LOOK)
def test_a_last_look_at_ones_family_is_asked_about_gently(typed: str) -> None:
    reading = classify(typed)
    assert reading.crisis == "crisis" or reading.possible_risk


LAST_VISIT = ("引っ越す前に最後に友達に会いたい", "祖母が入院していて、最後に顔を見ておきたい")


@pytest.mark.parametrize("typed", LAST_VISIT)
def test_a_last_visit_for_a_move_or_a_dying_relative_is_not_a_farewell_rule(typed: str) -> None:
    evidence = [e.rule for e in classify(typed).evidence]
    assert not any("last_look" in rule for rule in evidence), evidence


FATHER = (
    "私は64歳の父親です。38歳の息子が7年ほど部屋からほとんど出てきません。",
    "壁を蹴る音が日に日に強くなっておりまして、いずれ妻に手を上げるのではないかと案じております。",
)


def test_a_fathers_fear_for_his_wife_is_violence_at_home_not_a_partners_control() -> None:
    reply = said(started(*FATHER))
    assert "保健所" in reply and "110" in reply
    assert "見張られたり" not in reply


def test_the_writers_own_situation_is_quoted_back_as_written_not_as_living_apart() -> None:
    reply = said(started("息子のことで相談です", "私は64歳の父親で、以前は市役所に勤めておりました"))
    assert "離れて暮らしながら" not in reply


KILLED_FEARED = (
    "父にころされる",
    "夫に殺される",
    "このままだと殺される",
    "殺されるかもしれない、こわい",
    "母にころされる、たすけて",
)
KILLED_JOKING = (
    "ゲームで敵に殺される",
    "上司に殺されるｗ",
    "テスト悪かったら母に殺される",
    "仕事が忙しすぎて殺される",
)


@pytest.mark.parametrize("typed", KILLED_FEARED)
def test_fear_of_being_killed_is_crisis(typed: str) -> None:
    reading = classify(typed)
    assert reading.crisis == "crisis" and "violence" in reading.crisis_kinds


@pytest.mark.parametrize("typed", KILLED_JOKING)
def test_being_killed_as_a_joke_or_a_scolding_is_not_crisis(typed: str) -> None:
    assert classify(typed).crisis == "none"


GUARDIANSHIP = (
    "成年後見制度についても教えていただけますか。",
    "成年後見",
    "親が死んだあと、後見人ってどうやって決めるの",
)
DISABILITY_PENSION = (
    "娘は障害年金を受け取ることはできるのでしょうか。医師の診断は受けておりません。",
    "障害年金について、どこに相談すればよいのか",
    "しょうがいねんきんって、うちの子ももらえますか",
)


@pytest.mark.parametrize("typed", GUARDIANSHIP)
def test_a_father_asking_about_guardianship_is_answered_with_the_councils_service(typed: str) -> None:
    reply = said(started("娘が25年部屋から出てきません", typed))
    assert "成年後見" in reply and "日常生活自立支援事業" in reply, reply
    assert FALLBACK_OPENING not in reply


@pytest.mark.parametrize("typed", DISABILITY_PENSION)
def test_a_question_on_the_disability_pension_is_answered(typed: str) -> None:
    reply = said(started("娘が25年部屋から出てきません", typed))
    assert "初診日" in reply and "年金事務所" in reply, reply


SHAME = ("こんなことになって本当に恥ずかしいです", "お恥ずかしい限りです", "はずかしくて誰にも言えなかった")


@pytest.mark.parametrize("typed", SHAME)
def test_shame_is_met_kindly_not_with_the_fallback(typed: str) -> None:
    reply = said(started("闇金から借りてしまって、毎日電話がきます", typed))
    assert FALLBACK_OPENING not in reply
    assert "恥ずかしいことではありません" in reply, reply


def test_an_english_writer_left_by_her_husband_is_not_read_as_violence() -> None:
    reading = classify("My husband is Japanese and he left us. I have no money and my son is 3 years old")
    assert "violence" not in reading.concerns


@pytest.mark.parametrize("typed", ["どげんしたらよかと？", "どがんしたらよかと", "どうしたらよかと？"])
def test_what_do_i_do_in_kyushu_speech_is_asking_for_guidance(typed: str) -> None:
    reply = said(started("電気とめられた今日", "子ども2人おるけん", typed))
    assert FALLBACK_OPENING not in reply


@pytest.mark.parametrize(
    "typed",
    ["どこか居場所みたいなとこありますか？誰かと話したい", "居場所ってありますか。人と話したいです"],
)
def test_a_question_typed_with_the_wish_for_a_person_is_answered_before_the_send_screen(typed: str) -> None:
    chat = started("大学生です。半年くらい大学いってなくて、親は知りません", typed)
    assert chat.state == "consent.review"
    assert "居場所は" in chat.texts[0], chat.texts


def test_the_question_is_answered_at_night_too_within_lines_limits() -> None:
    chat = started("どこか居場所みたいなとこありますか？誰かと話したい", now=SATURDAY_2AM)
    assert any("居場所は" in text for text in chat.texts), chat.texts

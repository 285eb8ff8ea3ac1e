"""Session 10: classifier-level gaps found last session, each with the reported words and variants.

1. A fiction or game word mutes a crisis only when it frames the danger words: not as the first part of a
   compound (ゲーム仲間, ゲームオーバー, 映画館) nor from a later sentence; from an earlier sentence or
   clause only when the danger words are put in someone else's mouth (「毎日ゲームしかしてない。もう
   死にたい」 is the writer's own).
2. 「〜てしまおうかと考えています」 is a plan, not the idiom 死ぬかと思った.
3. A rule that needs a negation and finds none denies nothing (「探さないで」 stays a farewell).
4. `unless` words cancel within the match's sentence, for surface and lemma rules alike; an entry whose
   unless words name the setting of the whole message says `unless_scope: message`.
"""

from __future__ import annotations

import pytest

from dialogs.understanding import classify
from tests.dialogs.chat import said, started

CRISIS_BLOCK = "とてもつらい気持ちを書いてくださって"


def crisis_by_rules(text: str) -> bool:
    """Whether the rules alone read the message as crisis."""
    return classify(text, rules_only=True).crisis == "crisis"


# 1. fiction / game context


@pytest.mark.parametrize(
    "text",
    [
        "ゲーム仲間にも言えないけど今ベランダの外側にいる",
        "げーむ仲間にも言えないけど、今ベランダの外側にいます",
        "ゲームオーバーだ。もう死にたい",
        "人生ゲームオーバーやな。ほんま死にたいわ",
        "映画館の屋上から飛び降りたい",
        "もう死にたい。ゲームする気力もない",
        "消えたいです。小説も読めなくなりました",
        "毎日ゲームしかしてない。もう死にたい",
        "ゲームばかりしてたけど、もう死にたい",
        "ずっと部屋でアニメ見てる。しにたい",
        "ドラマも頭に入らん。もう消えたい",
    ],
)
def test_a_game_word_that_does_not_frame_the_danger_keeps_the_crisis(text: str) -> None:
    assert crisis_by_rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "ゲームでキャラが死にたいって言うシーンがあった",
        "ゲームの主人公が最後に死んでしまう話でした",
        "映画で主人公が飛び降りる場面が怖かった",
        "漫画のキャラが死にたいって言ってて泣いた",
        "アニメを見た。主人公が死にたいと叫んでいた",
        "昨日ドラマ見た。最後にヒロインが死にたいって言ってて泣いた",
        "映画の中で、主人公が死にたいと言っていた",
    ],
)
def test_danger_words_about_a_story_stay_fiction(text: str) -> None:
    assert not crisis_by_rules(text)


def test_a_balcony_message_after_game_friends_gets_the_crisis_reply() -> None:
    chat = started("ゲーム仲間にも言えないけど今ベランダの外側にいる")
    assert CRISIS_BLOCK in said(chat)


# 2. 〜てしまおうかと考えています is a plan


@pytest.mark.parametrize(
    "text",
    [
        "もう死んでしまおうかと考えています",
        "いっそ消えてしまおうかと考えています",
        "もう飛び降りてしまおうかと思っています",
        "しんでしまおうかと考えてる",
        "死んじゃおうかなと思ってる",
    ],
)
def test_a_plan_with_shimaou_ka_to_is_crisis(text: str) -> None:
    reading = classify(text, rules_only=True)
    assert reading.crisis == "crisis"
    assert not any(e.label == "idiom:crisis" for e in reading.evidence)


@pytest.mark.parametrize(
    "text",
    [
        "死ぬかと思った",
        "死ぬかと思うくらい痛かった",
        "階段から落ちて死ぬかと思いました",
        "しぬかとおもったわ、あの坂",
    ],
)
def test_shinu_ka_to_omotta_stays_an_idiom(text: str) -> None:
    assert not crisis_by_rules(text)


# 3. a rule needing a negation denies nothing when it finds none


@pytest.mark.parametrize(
    "text",
    [
        "探さないでください。今までありがとう",
        "探さないで。今までありがとう。猫をよろしくね",
        "探さないでください。今までありがとう。犬のことお願いします",
        "さがさないでください。いままでありがとう。ペットをお願いします",
    ],
)
def test_do_not_search_with_thanks_stays_a_farewell(text: str) -> None:
    reading = classify(text)
    assert reading.crisis == "crisis"
    assert not any(e.label == "negated:crisis" for e in reading.evidence)


@pytest.mark.parametrize("text", ["もう戻ります、財布を忘れた", "もう帰るね。スマホ充電切れそう"])
def test_going_back_is_not_read_as_a_denied_crisis(text: str) -> None:
    reading = classify(text, rules_only=True)
    assert reading.crisis == "none"
    assert not any(e.label == "negated:crisis" for e in reading.evidence)


@pytest.mark.parametrize("text", ["死にたくはないです", "しにたくないよ、大丈夫"])
def test_a_real_denial_still_denies(text: str) -> None:
    reading = classify(text, rules_only=True)
    assert reading.crisis != "crisis"
    assert any(e.label == "negated:crisis" for e in reading.evidence)


def test_a_farewell_with_a_pet_gets_the_crisis_reply() -> None:
    chat = started("探さないで。今までありがとう。猫をよろしくね")
    assert CRISIS_BLOCK in said(chat)


# 4. the scope of unless


@pytest.mark.parametrize(
    "text",
    [
        "写真のデータを全部消した。もう消えたい",
        "スマホの履歴は消しました。私も消えたいです",
        "屋上でランチしてた。今は屋上のフェンスの外にいる",
    ],
)
def test_an_unless_word_in_another_sentence_does_not_cancel(text: str) -> None:
    assert crisis_by_rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "子どもとかくれんぼしてるよ。探さないでね、ありがとう",
        "かくれんぼ中！さがさないでね。ありがとう",
        "猫が逃げたけど自分で探すから大丈夫。探さないでください、ありがとう",
    ],
)
def test_an_unless_word_naming_the_whole_message_reaches_across_sentences(text: str) -> None:
    assert not crisis_by_rules(text)


@pytest.mark.parametrize("text", ["写真のデータを消したい", "恥ずかしくて消えたい"])
def test_an_unless_word_in_the_same_sentence_cancels(text: str) -> None:
    assert not crisis_by_rules(text)

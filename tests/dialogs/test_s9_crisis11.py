"""Session 9, crisis findings of try-out 10: pills kept, not taken (P12), 「わかんない」 to the question
about dying (P03), a laugh after a sentence-final particle (P01), a worry after one's death in 東北弁
and killing time (P02, P05), a mother who nearly hit her small child (P06).

Each test types the person's words in the order they were typed, with variants of our own
(clock: Tue 2026-12-01 23:40, the hours people wrote in).
"""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.dialogs.chat import TOKYO, said, started

NIGHT = datetime(2026, 12, 1, 23, 40, tzinfo=TOKYO)

OVERDOSE_NOW = "薬をたくさん飲んだと受け取りました"
AFTER_PILLS = "飲んだ薬のせい"
PILLS_AWAY = "薬局に持って行って"
DIRECT_QUESTION = "死にたいと思う気持ちがありますか"
CHAT_LINE = "talkme.jp"
CRISIS_BLOCK = "とてもつらい気持ちを書いてくださって"
FALLBACK = "うまく受け取れなかったかもしれません"
LABEL_ONLY = "暴力や怖いことで困っていると受け取りました"
STEP_AWAY = "安全な場所"
AFTER_DEATH = "先のことを考え続けるのは"


def situations(chat_data: dict[str, object]) -> list[str]:
    """The situations the last crisis reply was fitted to."""
    crisis = chat_data.get("crisis", {})
    assert isinstance(crisis, dict)
    return list(crisis.get("situations", []))


# ---------------------------------------------------------------- P12: pills kept, not taken

KEPT_PILLS = [
    "数年前に一度、本当に全部終わりにしたいと思ったことがあって、そのときから病院でもらった睡眠薬を飲まずに"
    "ためてあります。今すぐどうこうというわけではないのですが、なんとなく捨てられずにいます。"
    "電話は手が震えてしまってかけられません。",
    "睡眠薬を飲まないでためてあります。電話は手が震えてかけられないです。",
    "眠剤をのまずにためてる。電話むり。手が震える",
]


@pytest.mark.parametrize("words", KEPT_PILLS)
def test_pills_kept_not_taken_are_a_means_at_hand_not_an_overdose(words: str) -> None:
    chat = started(now=NIGHT)
    chat.send(words)
    reply = said(chat)
    assert OVERDOSE_NOW not in reply and AFTER_PILLS not in reply
    assert "overdose" not in situations(chat.data)
    assert DIRECT_QUESTION in reply
    assert PILLS_AWAY in reply
    assert reply.index(CHAT_LINE) < reply.index("0120-279-338")  # she cannot phone: chat first


@pytest.mark.parametrize(
    "denial",
    ["いえ、飲んでないです。ためてるだけです", "飲んでません。持ってるだけ", "のんでない。ためてるだけ"],
)
def test_saying_the_pills_were_not_taken_ends_the_overdose_reading(denial: str) -> None:
    chat = started("薬を大量に飲んだ", now=NIGHT)
    assert OVERDOSE_NOW in said(chat)
    chat.send(denial)
    reply = said(chat)
    assert "いますぐ119" not in reply and AFTER_PILLS not in reply
    assert PILLS_AWAY in reply and CHAT_LINE in reply
    chat.send("母には絶対に知られたくないです")
    assert "119" not in said(chat) and AFTER_PILLS not in said(chat)
    chat.send("少し楽になりました。もう寝ます")
    assert "119" not in said(chat)


def test_pills_kept_then_swallowed_are_still_an_overdose() -> None:
    chat = started(now=NIGHT)
    chat.send("飲まずにためてた睡眠薬をさっき全部飲んだ")
    assert OVERDOSE_NOW in said(chat)


# ---------------------------------------------------------------- P03: not knowing, to the question


@pytest.mark.parametrize("unsure", ["わかんない", "わからない", "どうだろう", "自分でもわからない。"])
def test_not_knowing_is_an_answer_to_the_question_about_dying(unsure: str) -> None:
    chat = started("明日でお金なくなります", "もう疲れた。全部やめたい", now=NIGHT)
    assert "そういう気持ちはありますか" in said(chat)
    chat.send(unsure)
    reply = said(chat)
    assert FALLBACK not in reply
    assert "わからない、でいいです" in reply
    assert "0120-279-338" in reply and CHAT_LINE in reply
    assert "担当者に伝えたい" in chat.labels


# ---------------------------------------------------------------- P01: a laugh after the final particle


@pytest.mark.parametrize(
    "words",
    [
        "もうどうでもいいわ生きてても意味ないしｗ",
        "生きてても意味ないしw",
        "生きてても意味ないし笑",
        "死にたいしｗｗｗ",
        "生きてても意味ないよねｗ",
    ],
)
def test_a_laugh_after_the_particle_does_not_hide_the_words_about_living(words: str) -> None:
    chat = started(now=NIGHT)
    chat.send(words)
    assert CRISIS_BLOCK in said(chat)


# ---------------------------------------------------------------- P02 / P05: no false crisis


@pytest.mark.parametrize(
    "words",
    [
        "おら年金暮らしで、もうお金もねぇし、おらが死んだらあの子どうなっかと思うと夜も眠れねえ",
        "もう年だし、おらが死んだら息子どうなるべと思うと眠れねえ",
        "もうお金もないし、私が死んだら娘はどうなるのかと思うと眠れません",
    ],
)
def test_a_parents_worry_for_after_their_death_is_not_a_wish_to_die(words: str) -> None:
    chat = started(now=NIGHT)
    chat.send(words)
    reply = said(chat)
    assert CRISIS_BLOCK not in reply and "119" not in reply
    assert AFTER_DEATH in reply


@pytest.mark.parametrize(
    "words", ["図書館で時間をつぶしております", "毎日、公園で時間潰してます", "ネットカフェで暇をつぶしてる"]
)
def test_killing_time_is_not_danger(words: str) -> None:
    chat = started(now=NIGHT)
    chat.send(words)
    assert CRISIS_BLOCK not in said(chat) and "119" not in said(chat)


def test_killing_time_beside_a_wish_to_die_is_still_crisis() -> None:
    chat = started(now=NIGHT)
    chat.send("もう死にたい。図書館で時間をつぶしてる")
    assert CRISIS_BLOCK in said(chat)


# ---------------------------------------------------------------- P06: a mother who nearly hit her child

MOTHER = ("ねれない", "2さいの子がずっと夜泣きしてて", "旦那は単身赴任で誰もいない")


@pytest.mark.parametrize(
    "words", ["さっき叩きそうになった", "手が出そう", "叩いちゃいそう", "さっき、たたきそうになった。"]
)
def test_a_mother_afraid_of_hitting_her_small_child_is_told_to_step_away(words: str) -> None:
    chat = started(*MOTHER, now=NIGHT)
    chat.send(words)
    reply = said(chat)
    assert LABEL_ONLY not in reply
    assert STEP_AWAY in reply and "189" in reply
    assert situations(chat.data) == ["parent"]


@pytest.mark.parametrize("denial", ["叩いてないよ", "叩いてません", "まだ叩いてはいない"])
def test_saying_she_did_not_hit_is_heard_without_blame(denial: str) -> None:
    chat = started(*MOTHER, "さっき叩きそうになった", now=NIGHT)
    chat.send(denial)
    reply = said(chat)
    assert LABEL_ONLY not in reply
    assert "責めたりしません" in reply and STEP_AWAY in reply and "189" in reply


@pytest.mark.parametrize("words", ["上司を殴りそうになった", "蚊を叩きそうになった", "夫に叩かれそうで怖い"])
def test_hitting_someone_or_something_else_is_not_a_parents_urge(words: str) -> None:
    chat = started(now=NIGHT)
    chat.send(words)
    assert "parent" not in situations(chat.data)

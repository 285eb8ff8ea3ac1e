"""Session 11, try-out 14 (p5, p10): a place typed right after a wish to die, and outside places.

After 「この子と一緒に消えたい」 or 「死にたい」, a place typed next
(「ベランダからみてた。5階」「ベランダにいる」「いま屋上」「駅のホームにいる」) got the fallback.
It now gets the place safety reply (away from the railing or edge: inside from a balcony,
to a safe spot or to people from a roof, bridge or platform; 110/119 if about to act;
one line to reach now) and the direct question; after a wish to die with one's child,
the child's safety too (somewhere safe, 189/110). A place alone, with no wish before it,
stays ordinary. Still on a bridge after the question (「橋のうえにいる」「まだ橋の上」)
is told to move away from the edge, not 「部屋の中に入って」.

Each test types the person's words in the order they were typed, with variants of our own
(clock: the try-out's nights, Tue 04:05 and Sat 03:20).
"""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.dialogs.chat import TOKYO, Chat, said, started

TUESDAY_4AM = datetime(2026, 12, 1, 4, 5, tzinfo=TOKYO)
SATURDAY_3AM = datetime(2026, 12, 5, 3, 20, tzinfo=TOKYO)

FALLBACK = "自動の応答なので"
GO_INSIDE = "部屋の中に入って"
AWAY_FROM_EDGE = "端や柵"
ABOUT_TO_ACT = "110（警察）か119（救急）"
DIRECT_QUESTION = "死にたいと思う気持ちがありますか"
BABY_SAFE = "189"

P5_BEFORE = (
    "眠れない",
    "生後2ヶ月の子がいます",
    "かわいいと思えない。母親失格です",
    "ずっと涙がでる　夫は朝まで寝てる",
)

WISHES_WITH_CHILD = ("この子と一緒に消えたい", "この子と一緒に死にたい", "子どもと一緒に消えてしまいたい")
WISHES = ("死にたい", "もう消えたい", "しにたい")
HOME_PLACES = ("ベランダからみてた。5階", "ベランダにいる", "いま窓のとこ")
OUTSIDE_PLACES = ("いま屋上", "駅のホームにいる", "橋のうえにいる", "線路のちかく")


def place_after(wish: str, place: str, *before: str, now: datetime = SATURDAY_3AM) -> Chat:
    chat = started(*before, wish, now=now)
    chat.send(place)
    return chat


@pytest.mark.parametrize("place", HOME_PLACES)
@pytest.mark.parametrize("wish", WISHES_WITH_CHILD)
def test_p5_balcony_after_wish_with_baby_gets_safety_question_and_baby(wish: str, place: str) -> None:
    reply = said(place_after(wish, place, *P5_BEFORE, now=TUESDAY_4AM))
    assert FALLBACK not in reply
    assert GO_INSIDE in reply and ABOUT_TO_ACT in reply
    assert DIRECT_QUESTION in reply
    assert BABY_SAFE in reply and "ベビーベッド" in reply


@pytest.mark.parametrize("place", HOME_PLACES)
@pytest.mark.parametrize("wish", WISHES)
def test_home_place_after_wish_goes_inside_without_baby(wish: str, place: str) -> None:
    chat = place_after(wish, place)
    reply = said(chat)
    assert FALLBACK not in reply
    assert GO_INSIDE in reply and DIRECT_QUESTION in reply
    assert BABY_SAFE not in reply
    assert any(effect.__class__.__name__ == "RaiseUrgency" for effect in chat.effects)


@pytest.mark.parametrize("place", OUTSIDE_PLACES)
@pytest.mark.parametrize("wish", WISHES)
def test_outside_place_after_wish_moves_away_from_edge(wish: str, place: str) -> None:
    reply = said(place_after(wish, place))
    assert FALLBACK not in reply
    assert AWAY_FROM_EDGE in reply and GO_INSIDE not in reply
    assert ABOUT_TO_ACT in reply


@pytest.mark.parametrize("place", ("ベランダにいる", "いま屋上", "駅のホームにいる"))
def test_place_alone_stays_ordinary(place: str) -> None:
    reply = said(started(place, now=SATURDAY_3AM))
    assert GO_INSIDE not in reply and AWAY_FROM_EDGE not in reply


def test_place_then_still_there_keeps_the_outside_wording() -> None:
    chat = place_after("死にたい", "いま屋上")
    chat.send("まだ屋上にいる")
    reply = said(chat)
    assert AWAY_FROM_EDGE in reply and GO_INSIDE not in reply


P10 = (
    "よっぱらってまーす",
    "のみすぎた　ストロング5本目",
    "会社クビになって3ヶ月　だれも気づかねえの",
    "嫁にも言ってない　毎朝スーツで出て公園いる",
    "まじでしにてえなあｗ",
    "うそうそ",
    "いや、うそじゃないかも　わからん",
    "保険金ではいるのかなとかかんがえちゃう",
)


@pytest.mark.parametrize("place", ("橋のうえにいる", "まだ橋の上", "まだ線路のとこ", "海にきてる"))
def test_p10_bridge_after_question_is_away_from_edge_not_inside(place: str) -> None:
    chat = started(*P10, now=SATURDAY_3AM)
    chat.send(place)
    reply = said(chat)
    assert FALLBACK not in reply
    assert AWAY_FROM_EDGE in reply and GO_INSIDE not in reply


INSURANCE = (
    "保険金ではいるのかなとかかんがえちゃう",
    "保険金でるのかなって考えてしまう",
    "生命保険おりるのかなとか思っちゃう",
)


@pytest.mark.parametrize("words", INSURANCE)
def test_p10_wondering_whether_insurance_pays_gets_the_direct_question(words: str) -> None:
    reply = said(started("会社クビになって3ヶ月　だれも気づかねえの", words, now=SATURDAY_3AM))
    assert DIRECT_QUESTION in reply or "よりそいホットライン" in reply
    assert any(effect.__class__.__name__ == "RaiseUrgency" for effect in started(words).effects)


@pytest.mark.parametrize("words", ("入院したら保険金でるのかな", "事故の保険金でるのかなと思って"))
def test_ordinary_insurance_question_stays_ordinary(words: str) -> None:
    chat = started(words, now=SATURDAY_3AM)
    assert not any(effect.__class__.__name__ == "RaiseUrgency" for effect in chat.effects)

"""Session 13: everyday uses of method words, hyperbole, childhood memories and dialect denials are not
crisis, while the same words meant now still are (lines written fresh by the lead, not from any split)."""

from __future__ import annotations

import pytest

from dialogs.understanding.analyzer import analyze
from dialogs.understanding.classifier import classify
from dialogs.understanding.grammar import features


@pytest.mark.parametrize(
    "text",
    [
        "練炭で焼肉したら美味かった",
        "キャンプで練炭使ってバーベキューした",
        "ロープで荷物しばって引っ越し準備しよる",
        "引越しの荷物をロープで縛る準備してる",
        "寒すぎて死ぬ〜って言いながら帰ってきた",
        "暑くて死ぬーって子どもが言ってた",
        "ガキの頃、親父によう叩かれたわ",
        "小学生の頃は母に叩かれてた",
        "小さい頃父によく殴られていました",
        "死んだりせんよ、そこは約束する",
        "リスカしたりとかはせえへんで",
        "リスカはしないよ",
        "死なないと思う",
        "my boss will kill me if I'm late lol",
        "刺身包丁を研いでもらいに行った",
        "娘が自転車で転んで腕を切った、3針縫った",
        "息子が最近、部屋で壁を叩いてる音がする",
        "薬局で薬を棚に並べるバイトしてる",
        "本を全部並べた",
    ],
)
def test_everyday_words_are_not_crisis(text: str) -> None:
    assert classify(text).crisis != "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "練炭買ってきた。今夜やる",
        "ロープ準備した。もう終わりにする",
        "昨日親父に叩かれた",
        "今日も手首切った。でもやめたい",
        "もう死のうと思う、絶対",
        "小学生の頃から母に叩かれてる",
        "子どもの頃、父に殴られてた。今も殴られる",
        "子どもの頃から死にたかった",
        "中学の頃の先輩に昨日また殴られた",
        "毎晩リスカしないと眠れない",
        "リスカしないと落ち着かん",
        "手首を切らないと眠れない",
        "he said he will kill me if I leave",
        "my husband threatened to kill me",
        "包丁研いだ。あいつ刺す",
        "腕を切った。血が止まらない",
        "ママにたたかれた",
        "叩かれてないとは言えない、先週も",
        "あたし、もう何してもダメ。薬、家にあるだけ全部並べてみた。",
        "眠剤ぜんぶ並べて写真とった",
    ],
)
def test_the_same_words_meant_now_stay_crisis(text: str) -> None:
    assert classify(text).crisis == "crisis"


@pytest.mark.parametrize(("text", "verb"), [("死んだりせんよ", 0), ("そんなことせん", 2)])
def test_sen_is_read_as_a_denial(text: str, verb: int) -> None:
    tokens = analyze(text)
    last = next(i for i, t in enumerate(tokens) if t.pos == "動詞" and i >= verb)
    assert features(tokens, last).negated


def test_sen_after_a_wish_still_counts_when_nothing_denies() -> None:
    tokens = analyze("もう死にたい")
    last = next(i for i, t in enumerate(tokens) if t.lemma == "死ぬ")
    assert not features(tokens, last).negated


@pytest.mark.parametrize(
    "text",
    [
        "夫に叩かれたことは一度もないです",
        "息子が暴力をふるうことはありません。ただ部屋から出てこない",
        "殴られたりはしてへんよ。口うるさいだけ",
    ],
)
def test_violence_denied_is_no_violence_concern(text: str) -> None:
    assert "violence" not in classify(text).concerns


@pytest.mark.parametrize(
    "text", ["夫に毎日叩かれてます", "息子が暴力をふるうので怖い", "殴られたりして、もう無理"]
)
def test_violence_told_keeps_the_concern(text: str) -> None:
    assert "violence" in classify(text).concerns

"""Session 6 crisis readings: constructions writers held out of training used, read by the rules alone."""

import pytest

from dialogs.understanding import classify


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("寝たらこのまま二度と起きなければいいのに", "suicidal"),
        ("生まれてきてすみませんって、ずっと思ってる", "suicidal"),
        ("父が「もう首でもくくるか」とつぶやいていた", "suicidal"),
        ("ホームで快速が通過するとき、体が前に出そうになる", "suicidal"),
        ("マンションの外廊下から下を見て、ここから落ちたらって考えてる", "suicidal"),
        ("ドアノブにベルトを結んでみた", "suicidal"),
        ("妻が亡くなってから、私も連れて行ってほしいと毎晩思う", "suicidal"),
        ("今日こそ終わりにする。もう決めた", "suicidal"),
        ("もうだめ。死。", "suicidal"),
        ("誰でもいいから刺したい", "harm_to_others"),
        ("上の子を思い切り揺さぶってしまった", "child_abuse"),
        ("交際相手にセックスを強要されています", "violence"),
        ("昨日、夫にビンタされた", "violence"),
        ("家に帰ると父に殺されるかもしれない", "violence"),
        ("毎日夫に蹴られています", "violence"),
    ],
)
def test_danger_said_in_these_constructions_is_crisis_by_the_rules(text: str, kind: str) -> None:
    reading = classify(text, rules_only=True)
    assert reading.crisis == "crisis", text
    assert kind in reading.crisis_kinds, reading.crisis_kinds


@pytest.mark.parametrize(
    "text",
    [
        "近所の人によく声をかけられています",
        "仕事を押しつけられてるのがしんどい",
        "散歩中に犬に追いかけられている夢を見た",
        "子どもに財布を落とされた",
        "ここから落ちないように気をつけてね、危ないよ",
        "ドアノブにエコバッグの紐をかけておいた",
        "今日こそ宿題を終わらせる",
        "罰ゲームでビンタされた（笑）",
        "門限過ぎたから帰ったら殺されるw",
        "首を切られないように毎日必死。",
    ],
)
def test_the_same_words_in_ordinary_use_are_not_crisis(text: str) -> None:
    assert classify(text, rules_only=True).crisis != "crisis", text

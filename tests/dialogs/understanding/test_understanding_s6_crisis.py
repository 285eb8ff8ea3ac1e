"""Session 6 crisis readings: constructions writers held out of training used, and the guard on the crisis
model alone (a word of danger, the same test at run time and in the threshold search)."""

import pytest

from dialogs.understanding import classify, learned, train
from dialogs.understanding.analyzer import analyze, tidy
from dialogs.understanding.classifier import model_may_add_crisis


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


@pytest.mark.parametrize(
    "text",
    [
        "閉じたあとに書いたこと",
        "母に誕生日の手紙を書きました",
        "窓口が閉まったあとに書いた申請書を出したい",
        "ここまで書いてみたけど、うまく伝わるかな",
        "夜勤明けでずっと寝てた",
        "父の通院の付き添いで一日が終わった",
    ],
)
def test_an_everyday_line_is_not_crisis_on_the_model_alone(text: str) -> None:
    """Without a word of danger in it, a line the rules read as ordinary stays ordinary."""
    assert classify(text).crisis != "crisis", text


@pytest.mark.parametrize(
    "text",
    ["この高さなら一瞬で終われるよね", "この橋の上からならすぐ終われる"],
)
def test_a_crisis_the_rules_miss_is_still_caught_by_the_model(text: str) -> None:
    """A wish to end it near a high place, in words no rule holds, is crisis on the model's word."""
    assert classify(text, rules_only=True).crisis != "crisis"
    reading = classify(text)
    assert reading.crisis == "crisis"
    assert any(e.rule == "model:crisis" for e in reading.evidence)


def test_the_training_counts_the_crisis_model_only_where_the_run_time_guard_lets_it() -> None:
    """A line the crisis model and a life-kind model both score high is not counted if the guard shuts it."""
    kinds = [f"kind:{k}" for k in learned.LIFE_KINDS]
    scores = {"crisis": [5.0, 5.0], **{k: [12.0, 12.0] for k in kinds}}
    at = {k: 10.0 for k in kinds}
    record = {"text": "", "crisis": "none", "crisis_kinds": []}
    lines = [
        train.Line(record, (), {}, frozenset(), crisis_open=True),
        train.Line(record, (), {}, frozenset(), crisis_open=False),
    ]
    assert train.crisis_model_may_add(lines, scores, at) == [True, False]


def test_the_guard_reads_danger_words_in_any_form() -> None:
    """A danger word counts as written or conjugated; a line without one is shut to the model alone."""
    for text, open_ in (("くすりをぜんぶのんだ", True), ("日記を書いた", False), ("I want to die", True)):
        tokens = analyze(tidy(text))
        assert model_may_add_crisis(text, tokens, set()) is open_, text
    assert not model_may_add_crisis("薬のデータを全部消して", analyze(tidy("薬")), {"intent:cmd.delete"})

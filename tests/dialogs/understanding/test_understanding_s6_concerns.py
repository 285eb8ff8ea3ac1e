"""Session 6: concerns read in people's own words, each line phrased afresh (not copied from a source).

A crisis or urgent reading keeps its concern for the 受付票 (thoughts of dying → the mind, no bed tonight →
housing, a cut utility → money and an unpaid bill); the rules read a job left in any form, years at home,
a child's study, being told to leave one's home, a parent who forgets, arrears by their names; and the
learned layer may guess a practical worry on less certainty than violence.
"""

from __future__ import annotations

import pytest

from dialogs.understanding import classify, train
from dialogs.understanding.model import CONCERNS


@pytest.mark.parametrize(
    ("text", "concerns"),
    [
        ("もう消えてしまいたい", {"mental_health"}),
        ("手首を切ってしまいました", {"mental_health"}),
        ("睡眠薬をまとめて飲んだ", {"mental_health"}),
        ("今夜泊まるところがどこにもない", {"housing"}),
        ("ガスが今朝止まりました", {"economic", "debt"}),
        ("三日なにも食べてない", {"economic"}),
    ],
)
def test_a_crisis_or_urgent_kind_brings_its_concern(text: str, concerns: set[str]) -> None:
    reading = classify(text, rules_only=True)
    assert reading.crisis != "none"
    assert concerns <= set(reading.concerns)


@pytest.mark.parametrize(
    ("text", "concern"),
    [
        ("去年バイトやめてから、ずっと次が決まらない", "job_search"),
        ("父は三年前に会社をクビになりました", "job_search"),
        ("息子はもう何年も働いていません", "job_search"),
        ("お祈りメールがまた来た", "job_search"),
        ("娘はもう五年、ずっと自分の部屋にいます", "withdrawal"),
        ("弟は仕事を辞めてから何年も実家で過ごしている", "withdrawal"),
        ("My son has stayed in his room for two years", "withdrawal"),
        ("買い物に出ようとしても、人の視線が怖くて戻ってしまう", "mental_health"),
        ("小学生の息子の宿題をみてあげられない", "childcare_education"),
        ("むすめ の せいせき が さがって しんぱい", "childcare_education"),
        ("更新ができなくて、今の部屋を出ないといけない", "housing"),
        ("保証人がいなくて部屋を借りられない", "housing"),
        ("住民税の未納がたまっています", "debt"),
        ("カードの請求が怖くて開けられない", "debt"),
        ("祖父が同じことを何度も聞いてくるようになった", "caregiving"),
        ("中学生です。母が入院していて、料理は全部わたしがしています", "caregiving"),
        ("血圧のくすりが きのうで なくなった", "illness"),
        ("奥歯がずっとうずいてる", "illness"),
        ("いざという時に頼める人がいない", "isolation"),
        ("保険証の期限が切れたままです", "economic"),
        ("メガネが割れたけど、買い替える余裕がない", "economic"),
    ],
)
def test_a_concern_told_in_other_words_is_read_by_the_rules(text: str, concern: str) -> None:
    assert concern in classify(text, rules_only=True).concerns


@pytest.mark.parametrize(
    ("text", "concern"),
    [
        ("仕事辞めたいなって思う日もある", "job_search"),
        ("今日は雨だったから一日中家にいた", "withdrawal"),
        ("アパートの契約が切れる", "job_search"),
        ("借金はありません", "debt"),
        ("いい部屋が見つかりました", "housing"),
        ("朝は七時に家を出ます", "housing"),
    ],
)
def test_ordinary_words_near_those_are_not_that_concern(text: str, concern: str) -> None:
    assert concern not in classify(text, rules_only=True).concerns


def test_a_worry_whose_wrong_guess_costs_little_needs_less_certainty_than_violence() -> None:
    bars = train.MIN_ADDED_CONCERN_PRECISION
    assert set(bars) == set(CONCERNS)
    assert bars["economic"] < bars["mental_health"] < bars["violence"]
    assert bars["disability"] == bars["violence"]


def test_a_lower_bar_lets_a_concern_model_add_more_lines() -> None:
    scored = [(9.0, True, False), (8.0, False, False), (7.0, True, False), (6.0, False, False)]
    strict = train.lowest_threshold(scored, lambda c: c.added_true >= 0.6 * (c.added_true + c.added_false))
    lenient = train.lowest_threshold(scored, lambda c: c.added_true >= 0.4 * (c.added_true + c.added_false))
    assert lenient < strict

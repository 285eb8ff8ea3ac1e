"""Personas for the journey suite: who writes, when, what they type or tap, and the 受付票 they should leave.

A step is typed text, or `tap:<part of a button label>`. A typed step starting with `?` is one whose
meaning is unclear on its own (「駅のベンチにいます」): a fallback there is allowed; everywhere else a
fallback counts against the suite. `expect` is a subset of the final summary; `urgency` its level.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

TOKYO = ZoneInfo("Asia/Tokyo")
WEEKDAY = datetime(2026, 11, 24, 10, 0, tzinfo=TOKYO)  # Tuesday, open
WEEKDAY_EVENING = datetime(2026, 11, 25, 19, 30, tzinfo=TOKYO)  # Wednesday, closed
NIGHT = datetime(2026, 11, 26, 2, 30, tzinfo=TOKYO)  # Thursday 2:30
SATURDAY_NIGHT = datetime(2026, 11, 28, 21, 0, tzinfo=TOKYO)
SUNDAY = datetime(2026, 11, 29, 14, 0, tzinfo=TOKYO)
HOLIDAY = datetime(2026, 11, 23, 11, 0, tzinfo=TOKYO)  # 勤労感謝の日
YEAR_END = datetime(2026, 12, 30, 23, 0, tzinfo=TOKYO)
NEW_YEAR = datetime(2027, 1, 2, 9, 0, tzinfo=TOKYO)

TO_A_PERSON = ("tap:担当者", "tap:この内容だけ送る")
WITH_CONVERSATION = ("tap:担当者", "tap:やりとりも含めて")


@dataclass(frozen=True)
class Persona:
    """One person's journey and what the case should hold at the end."""

    name: str
    now: datetime
    steps: tuple[str, ...]
    expect: dict[str, Any] = field(default_factory=dict)
    urgency: str = "normal"
    concerns: tuple[str, ...] = ()
    """Concerns the CSW must see (of the person the form is about, or the asker's own)."""


PERSONAS: tuple[Persona, ...] = (
    Persona(
        "mother of a son withdrawn for 20 years",
        WEEKDAY,
        ("息子が20年ひきこもっています", "息子は45歳です", "中央地区に住んでいます", *TO_A_PERSON),
        {
            "asker": "family",
            "relation": "parent",
            "age_band": "40_64",
            "duration": "over_10y",
            "district": "chuo",
        },
        concerns=("withdrawal",),
    ),
    Persona(
        "father whose son threatens tonight, after a full form",
        WEEKDAY,
        (
            "tap:相談の準備",
            "tap:家族",
            "tap:親",
            "tap:18〜39歳",
            "tap:10年以上",
            "tap:選び終わった",
            "tap:訪問",
            "tap:選び終わった",
            "tap:中央",
            "tap:このLINE",
            "tap:答えたくない",
            "tap:答えたくない",
            "tap:答えたくない",
            "tap:答えたくない",
            "tap:答えたくない",
            "tap:この内容だけ送る",
            "息子が今夜、死にたいと言って部屋で暴れています",
            "担当者と話したい",  # after sending, the crisis reply offers no second hand-off
            "tap:この内容だけ送る",
        ),
        {"asker": "family", "relation": "parent", "age_band": "18_39", "district": "chuo"},
        urgency="crisis",
    ),
    Persona(
        "young carer for her grandmother",
        WEEKDAY_EVENING,
        ("祖母の介護をしています", "学校に行けていません", "お金もない", "16歳です", *WITH_CONVERSATION),
        {"asker": "self", "relation": None, "age_band": "under_18"},
        concerns=("caregiving", "economic"),
    ),
    Persona(
        "a 14-year-old hit by his father",
        NIGHT,
        ("おとうさんに毎日なぐられる", "中2です", *TO_A_PERSON),
        {"age_band": "under_18"},
        urgency="crisis",
        concerns=("violence",),
    ),
    Persona(
        "a wife hit yesterday, two children",
        WEEKDAY_EVENING,
        ("昨日は殴られました。子どもが2人います", "南浜地区です", *TO_A_PERSON),
        {"district": "minamihama"},
        urgency="crisis",
        concerns=("violence",),
    ),
    Persona(
        "a man on a station bench at 2:30",
        NIGHT,
        ("今日泊まるところがありません", "?駅のベンチにいます", *TO_A_PERSON),
        urgency="urgent",
        concerns=("housing",),
    ),
    Persona(
        "no food on a Saturday night",
        SATURDAY_NIGHT,
        ("食べるものがない", "40代です", *TO_A_PERSON),
        {"age_band": "40_64"},
        urgency="urgent",
    ),
    Persona(
        "a suicidal adult at 2:40 who cannot phone",
        NIGHT,
        ("もう消えたい", "?電話は無理。声が出ない", *TO_A_PERSON),
        urgency="crisis",
    ),
    Persona(
        "someone writing only in hiragana",
        WEEKDAY,
        ("むすこがずっとへやからでてこない", "ちゅうおうちく", *TO_A_PERSON),
        {"asker": "family", "district": "chuo"},
        concerns=("withdrawal",),
    ),
    Persona(
        "関西弁 from 中央",
        WEEKDAY,
        ("息子がずっと家におるねん", "中央や", *TO_A_PERSON),
        {"district": "chuo"},
    ),
    Persona(
        "a man who lost his job and rent",
        WEEKDAY,
        ("仕事をクビになって家賃が払えません", "35歳です", "東台地区です", *TO_A_PERSON),
        {"asker": "self", "age_band": "18_39", "district": "higashidai"},
        concerns=("economic", "housing"),
    ),
    Persona(
        "a mother whose daughter stopped going to school",
        SUNDAY,
        (
            "娘が不登校で部屋にこもっています",
            "娘は中3です",
            "夜も眠れなくて私もしんどいです",
            "北山のほう",
            *TO_A_PERSON,
        ),
        {"asker": "family", "relation": "parent", "age_band": "under_18", "district": "kitayama"},
        concerns=("childcare_education", "mental_health"),
    ),
    Persona(
        "a mother with her own knee pain",
        WEEKDAY,
        ("息子のことです。私も膝が痛くて夜眠れません", *TO_A_PERSON),
        {"asker": "family", "relation": "parent"},
        concerns=("illness",),
    ),
    Persona(
        "asks only about cost at 23:00",
        datetime(2026, 11, 24, 23, 0, tzinfo=TOKYO),
        ("相談ってお金かかりますか", *TO_A_PERSON),
    ),
    Persona(
        "asks whether a family member can come alone",
        WEEKDAY,
        ("家族だけで相談してもいいですか", "息子は30歳です", *TO_A_PERSON),
        {"age_band": "18_39"},
    ),
    Persona(
        "wants a home visit",
        WEEKDAY,
        ("家に来てもらえますか", "息子が10年ひきこもっています", *TO_A_PERSON),
        {"asker": "family", "duration": "over_10y"},
        concerns=("withdrawal",),
    ),
    Persona(
        "debts and utilities cut",
        WEEKDAY,
        ("借金があって電気を止められました", "50歳です", *TO_A_PERSON),
        {"age_band": "40_64"},
        urgency="urgent",
        concerns=("debt",),
    ),
    Persona(
        "a sister worried about her brother",
        HOLIDAY,
        ("兄が仕事をやめてから家から出なくなりました", "西川地区です", *TO_A_PERSON),
        {"asker": "family", "district": "nishikawa"},
        concerns=("withdrawal",),
    ),
    Persona(
        "a 民生委員 reporting a neighbour",
        WEEKDAY,
        ("民生委員です。近所の高齢の方と息子さんのことで相談したいです", *TO_A_PERSON),
        {"asker": "supporter"},
    ),
    Persona(
        "a carer exhausted, asked gently",
        WEEKDAY_EVENING,
        ("疲れた。もう限界", "tap:そこまでではない", "母の介護がしんどいです", *TO_A_PERSON),
        concerns=("caregiving",),
    ),
    Persona(
        "says yes to the gentle question",
        NIGHT,
        ("疲れた。もう限界", "tap:そういう気持ちがある", *TO_A_PERSON),
        urgency="crisis",
    ),
    Persona(
        "wants a person with nothing written",
        WEEKDAY,
        ("人と話したい", "tap:この内容だけ送る"),
    ),
    Persona(
        "year-end, no place to sleep",
        YEAR_END,
        ("今夜寝る場所がない", "30代です", *TO_A_PERSON),
        {"age_band": "18_39"},
        urgency="urgent",
        concerns=("housing",),
    ),
    Persona(
        "new year, thoughts of dying",
        NEW_YEAR,
        ("死にたい", *TO_A_PERSON),
        urgency="crisis",
    ),
    Persona(
        "a foreign resident in English",
        WEEKDAY,
        ("I want to die", "tap:Tell a person", "tap:Send this only"),  # the buttons read in English
        urgency="crisis",
    ),
    Persona(
        "an intake answered mostly in words",
        WEEKDAY,
        (
            "tap:相談の準備",
            "自分のことです",
            "28歳です",
            "高校を出てから",
            "人と話すのがこわくて仕事が続きません",
            "tap:選び終わった",
            "話を聞いてほしいです",
            "tap:選び終わった",
            "中央",
            "LINEがいいです",
            "夕方以降",
            "ゆっくり進めてほしい",
            "tap:特にない",
            "tap:この内容だけ送る",
        ),
        {"asker": "self", "age_band": "18_39", "district": "chuo", "contact": "line"},
    ),
    Persona(
        "a mid-form crisis, then carries on",
        WEEKDAY,
        (
            "tap:相談の準備",
            "tap:自分のこと",
            "もう死にたい",
            "tap:このまま続ける",
            "tap:18〜39歳",
            "担当者に伝えたい",
            "tap:この内容だけ送る",
        ),
        {"asker": "self", "age_band": "18_39"},
        urgency="crisis",
    ),
    Persona(
        "a father who corrects the district",
        WEEKDAY,
        ("息子が部屋から出てきません", "北山地区です", "すみません、東台地区でした", *TO_A_PERSON),
        {"asker": "family", "district": "higashidai"},
        concerns=("withdrawal",),
    ),
    Persona(
        "a grandmother worried about her grandson",
        SUNDAY,
        ("孫が不登校です", "孫は13歳です", *TO_A_PERSON),
        {"age_band": "under_18"},
        concerns=("childcare_education",),
    ),
    Persona(
        "a husband afraid for his wife",
        WEEKDAY_EVENING,
        ("妻がうつで寝込んでいます", "妻は40代です", *TO_A_PERSON),
        {"asker": "family"},
        concerns=("mental_health",),
    ),
    Persona(
        "someone lonely with nobody to talk to",
        NIGHT,
        ("話し相手がいなくて寂しいです", "60代です", *TO_A_PERSON),
        {"age_band": "40_64"},
        concerns=("isolation",),
    ),
    Persona(
        "a stop and a return",
        WEEKDAY,
        ("やめる", "息子が何年も家にいます", *TO_A_PERSON),
        {"asker": "family"},
        concerns=("withdrawal",),
    ),
    Persona(
        "a mother who asks three times what to do, in the evening",
        WEEKDAY_EVENING,
        (
            "こんばんは",
            "どうしたらいいの",
            "どうしたらいいの",
            "息子が部屋から出てきません",
            "どうしたらいいの",
            *TO_A_PERSON,
        ),
        {"asker": "family", "relation": "parent"},
        concerns=("withdrawal",),
    ),
    Persona(
        "a man outside in December asking how to last till morning",
        datetime(2026, 12, 3, 2, 30, tzinfo=TOKYO),
        ("今日泊まるところがありません", "朝までどうすればいいですか", "寒い", *TO_A_PERSON),
        {"asker": "self"},
        urgency="urgent",
        concerns=("housing",),
    ),
    Persona(
        "a wife afraid her husband reads LINE",
        WEEKDAY,
        (
            "夫にLINEを見られるのが怖いです",
            "夫に殴られて怖い",
            *TO_A_PERSON,
            "追加です。担当の方に伝えてください。今夜は実家に行きます",
            "ありがとう",
        ),
        urgency="crisis",
        concerns=("violence",),
    ),
    Persona(
        "too tired to answer questions",
        WEEKDAY,
        ("質問に答える元気がない。ただ話を聞いてほしい", "tap:この内容だけ送る"),
    ),
    Persona(
        "a child writing in kana who does not want the police",
        NIGHT,
        ("おやになぐられる", "けいさつはやだ", "じどうそうだんじょ", "別に", *TO_A_PERSON),
        urgency="crisis",
        concerns=("violence",),
    ),
    Persona(
        "a wife afraid of her husband, never hit",
        WEEKDAY_EVENING,
        ("夫が怖いです", "お金を渡してもらえない", "40代です", *TO_A_PERSON),
        {"asker": "self", "age_band": "40_64"},
        urgency="urgent",
        concerns=("violence",),
    ),
    Persona(
        "a mother whose grown son rages tonight",
        NIGHT,
        ("今夜、息子が暴れています", "息子は30歳です", *TO_A_PERSON),
        {"asker": "family", "relation": "parent", "age_band": "18_39"},
        urgency="crisis",
        concerns=("violence",),
    ),
    Persona(
        "a second hand-off with the conversation",
        WEEKDAY,
        ("娘が部屋から出てきません", *WITH_CONVERSATION, "最近は食事もとりません", *TO_A_PERSON),
        {"asker": "family"},
        concerns=("withdrawal",),
    ),
)

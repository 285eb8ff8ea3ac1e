"""The rules read how session 5's new writers put crisis, urgent need and possible risk, and leave their
hard negatives alone.

Sentences written for these tests in the writers' manner (none copied from a corpus file):
classify(rules_only=True) checks the lexicon rules and grammar themselves.
"""

from __future__ import annotations

import pytest

from dialogs.understanding import Understanding, classify


def _rules(text: str) -> Understanding:
    """Read a message with the lexicon rules only."""
    return classify(text, rules_only=True)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # following the dead, erasing oneself, ending a life in game words
        ("じいちゃんが死んでから、早くあっちへ行きたいとばかり思う", "suicidal"),
        ("最初からいなかったことにしてほしい", "suicidal"),
        ("人生もう詰み。今夜ログアウトします", "suicidal"),
        ("会社の屋上の鍵、今日も開いてるか確かめた", "suicidal"),
        # a last message and then silence, told by family
        ("兄から「ごめん、もう無理」ってLINEが来て、それから電話がつながりません", "suicidal"),
        # self-harm said with やる, bites, scars seen by a parent
        ("カッターでまた腕やっちゃった", "self_harm"),
        ("弟が手の甲を血が出るまで噛んでる", "self_harm"),
        ("娘の腕に切り傷が何本もあった、いつも長袖だったのはこのせい", "self_harm"),
        # bulk medicine found or bought
        ("息子の部屋に咳止めの空き瓶がたくさん転がってる", "overdose"),
        # violence in slang and reported; a child left out
        ("また彼氏にボコられた、顔が腫れてる", "violence"),
        ("隣の家のお父さんが奥さんの髪つかんで引きずってた", "violence"),
        ("近所の子、冬なのに裸足でベランダに出されて泣いてる", "child_abuse"),
        ("となりの子、いつも同じ服で、親は何日も帰ってないみたい", "child_abuse"),
        # harm to others said plainly or in dialect
        ("あいつの家まで殺しに行く、もう決めた", "harm_to_others"),
        ("介護してる母の顔に枕を押しつけそうになって、自分が怖い", "harm_to_others"),
    ],
)
def test_new_writers_crisis_is_read(text: str, kind: str) -> None:
    reading = _rules(text)
    assert reading.crisis == "crisis"
    assert kind in reading.crisis_kinds


@pytest.mark.parametrize(
    "text",
    [
        # resolved pasts
        "高校のころは毎日消えたいって思ってたけど、今は普通に楽しくやってる",
        "昔ODで運ばれたこともあったけど、もう昔の話。今は元気",
        "若い頃に父に殴られてた。今は離れて暮らしてて平和",
        # study, training and songs
        "看護の授業でオーバードーズの対応を習った",
        "研修で希死念慮の聞き取りのロールプレイをした",
        # ordinary uses of the same words
        "七輪と練炭でサンマ焼いた、最高",
        "段ボールをカッターで切ってたら指を少し切った",
        "鎮痛剤は1回2錠って書いてあるけど多い？",
        "実家の猫が死んじゃって、今日は元気が出ない",
        "格ゲーでボコボコにされた、悔しい",
        "宿題と心中する覚悟で徹夜する",
        "この話はここで終わりにしよう",
        # anger at home with no one hurt
        "父が怒って物を投げる、人には当たらないけど",
        # negated with そういうのじゃない
        "死にたいとかそういうのじゃない、ただ眠い",
    ],
)
def test_new_writers_hard_negatives_are_not_crisis(text: str) -> None:
    assert _rules(text).crisis != "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "もうえらいけん、なんもでけん",
        "完全に電池切れ、HP0",
        "もう何も頑張れない",
        "全部どうでもいいや",
        "事故にでも遭って入院したい、休めるから",
        "保険の受取人、念のため確認しておいた",
        "母が最近「もう十分生きた」ってよく言う",
        "夫が怖い、手は出されてないけど",
    ],
)
def test_new_writers_possible_risk_is_read(text: str) -> None:
    reading = _rules(text)
    assert reading.possible_risk or reading.crisis == "crisis"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("今夜 寝る場所なし", "no_shelter"),
        ("公園で4泊目、寒い", "no_shelter"),
        ("ネカフェ代ももう尽きた", "no_shelter"),
        ("もう三日食べとらん", "no_food"),
        ("子どもに食わすもんがねえ", "no_food"),
        ("スマホ明日で止まる、払えない", "utilities"),
        ("水道の停止の通知が来た、金曜まで", "utilities"),
        ("今週中に部屋を空けろって言われた", "eviction"),
        ("明日の朝、執行官が来る", "eviction"),
    ],
)
def test_new_writers_urgent_need_is_read(text: str, kind: str) -> None:
    reading = _rules(text)
    assert reading.crisis in ("urgent", "crisis")
    assert kind in reading.crisis_kinds


@pytest.mark.parametrize(
    "text",
    [
        "来月の家賃が払えるか心配",
        "スマホの機種変更、明日でいい？",
        "冷蔵庫が空っぽだから買い物行ってくる",
    ],
)
def test_worries_about_later_stay_below_urgent(text: str) -> None:
    assert _rules(text).crisis == "none"


def test_hearsay_みたい_is_a_report_not_a_simile() -> None:
    assert _rules("妹が腕を切ってるみたい、血のついたティッシュがあった").crisis == "crisis"
    assert _rules("死んだように眠った").crisis != "crisis"

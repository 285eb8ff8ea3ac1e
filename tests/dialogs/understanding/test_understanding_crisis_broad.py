"""The rules alone read indirect danger to life and urgent need by category, and leave ordinary uses alone.

Sentences written for these tests (none from the corpus); classify(rules_only=True) checks the lexicon
rules themselves, so the learned layer cannot hide a missing rule.
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
        # at a place of danger now, or going there
        ("会社のビルの屋上に来てる。ひとりで", "suicidal"),
        ("夜の踏切の前にずっと座ってる", "suicidal"),
        ("うちのマンション12階の窓から下を見てる", "suicidal"),
        ("おくじょうに おるよ", "suicidal"),
        ("踏切", "suicidal"),
        ("I'm on the roof of my building", "suicidal"),
        ("次の電車が来たら飛び込む", "suicidal"),
        # means and preparation
        ("首に電気コードを巻いてみた", "suicidal"),
        ("車の窓のすきまをテープでふさいだ", "suicidal"),
        ("一番確実に死ねるやり方を検索してる", "suicidal"),
        ("子どもたち宛ての手紙を書き終えました", "suicidal"),
        ("I bought a rope yesterday", "suicidal"),
        # farewell and finality
        ("これが僕の最後のメッセージです", "suicidal"),
        ("みんな今まで本当にありがとう、元気でね", "suicidal"),
        ("財布も鍵も部屋に置いてきた、もう帰らない", "suicidal"),
        ("大切にしてたギターも服も全部友だちに譲った", "suicidal"),
        ("This is my last message to anyone", "suicidal"),
        # wishes not to exist or to stop
        ("もう疲れた、全部今日で終わらせる", "suicidal"),
        ("自分という存在がもう耐えられない", "suicidal"),
        ("わたしなんか生まれてきたのが間違いだった", "suicidal"),
        ("寝てるあいだに心臓が止まればいいのに", "suicidal"),
        ("朝になっても目が覚めなければいいのに", "suicidal"),
        ("自殺", "suicidal"),
        ("もう無理💀終わりにしたい", "suicidal"),
        ("my family would be better off without me", "suicidal"),
        # self-harm
        ("ライターの火で手首をあぶってしまった", "self_harm"),
        ("壁に何度も頭を打ちつけてる", "self_harm"),
        ("切るのがやめられない", "self_harm"),
        ("I keep scratching my legs until they bleed", "self_harm"),
        # overdose
        ("メジコンを二箱空けた", "overdose"),
        ("処方の眠剤を焼酎で流し込んだ", "overdose"),
        ("咳止めを五軒まわって買い集めてる", "overdose"),
        ("眠剤30", "overdose"),
        # violence
        ("かれしに くび しめられた", "violence"),
        ("彼氏に熱湯をかけられた", "violence"),
        ("夫にくらされて顔が腫れとる", "violence"),
        ("夫の暴力がひどくて歯が折れた", "violence"),
        ("I'm hiding in the closet, he has a knife", "violence"),
        # a child hurt or left without care
        ("親にごはんをもらえなくて、給食しか食べてない", "child_abuse"),
        ("冬の夜に裸足でベランダに出された", "child_abuse"),
        ("夜泣きの娘を床に落としてしまいそうで怖い", "child_abuse"),
        # harm to others
        ("上司を殺して自分も死にたい", "harm_to_others"),
        ("隣の人の車に火をつけてやる", "harm_to_others"),
        ("通りすがりの人を傷つけたくなる", "harm_to_others"),
    ],
)
def test_indirect_danger_to_life_is_crisis_with_its_kind(text: str, kind: str) -> None:
    reading = _rules(text)
    assert reading.crisis == "crisis"
    assert kind in reading.crisis_kinds
    assert any(e.label == "crisis" and e.rule.startswith("crisis_broad.yaml#") for e in reading.evidence)


@pytest.mark.parametrize(
    "text",
    [
        "屋上でお弁当を食べてる",
        "駅のホームで友達と待ち合わせしてる",
        "踏切が開かなくて遅刻した",
        "橋の上から夜景の写真を撮った",
        "引っ越しの荷造りでロープを買ってきた",
        "冬の隙間風が寒いから窓をテープでふさいだ",
        "確実に合格できる方法を調べてる",
        "今年最後のメッセージです、よいお年を",
        "卒業式で先生に今までありがとうと伝えてきた",
        "もう二度と元の会社には戻らない",
        "仕事を今日中に終わらせる",
        "この話はもう終わりにしよう",
        "これで終わりにします、ありがとう",
        "停電で電気が消えます",
        "料理中に包丁で指を切った",
        "アイロンで手をやけどした",
        "転んで頭を壁にぶつけた",
        "風邪薬を説明書どおり2錠飲んだ",
        "ドラッグストアで風邪薬を一箱買った",
        "劇の稽古で首を絞められる場面を演じた",
        "夫からの暴力はもうない、今は離れて暮らしてる",
        "子どもにご飯を作ってあげた",
        "息子を保育園に置いてから仕事に行く",
        "ゴキブリを殺してやった",
        "キャンプで焚き火に火をつけた",
        "コーヒーに砂糖を入れてやった",
        "I'm on the roof fixing the antenna",
        "引っ越すので、近所の皆さん今までありがとう、元気でね",
        "おもちゃは全部いとこにあげた、大事にしてくれるといいな",
        "あの人の存在がもう耐えられない",
        "首にタオルを巻いて寝た",
        "お湯を手にかけてしまって火傷した",
        "夏休みの宿題、今日で全部終わらせる",
    ],
)
def test_ordinary_uses_of_the_same_words_are_not_crisis(text: str) -> None:
    assert _rules(text).crisis != "crisis"


def test_being_yelled_at_by_a_partner_is_urgent_not_crisis() -> None:
    reading = _rules("夫に怒鳴られて悲しい")
    assert reading.crisis == "urgent"
    assert "violence" in reading.concerns


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("カプセルホテル代がもうない", "no_shelter"),
        ("今日から住まいがない", "no_shelter"),
        ("I've been sleeping in my car since Monday", "no_shelter"),
        ("水だけで二日しのいでる", "no_food"),
        ("パンを買うお金もない", "no_food"),
        ("赤ちゃんのミルクがもう買えない", "no_food"),
        ("未払いだから止めますって張り紙が水道のメーターにあった", "utilities"),
        ("大家さんに土曜までに鍵を返せと言われた", "eviction"),
    ],
)
def test_urgent_need_said_in_other_words(text: str, kind: str) -> None:
    reading = _rules(text)
    assert reading.crisis == "urgent"
    assert kind in reading.crisis_kinds
    assert any(e.label == "urgent" and e.rule.startswith("urgent_broad.yaml#") for e in reading.evidence)


@pytest.mark.parametrize(
    "text",
    [
        "来年の春までに引っ越し先を探したい",
        "週末はキャンプで車の中で寝た",
        "ダイエット中で夕飯は食べてない",
        "鼻血が止まらない",
    ],
)
def test_ordinary_plans_are_not_urgent(text: str) -> None:
    assert _rules(text).crisis == "none"

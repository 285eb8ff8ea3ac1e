"""Session 9: crisis read by the rules of crisis_s9.yaml in new writers' wordings, each line phrased afresh.

Wishes not to wake or for tomorrow not to come in dialect, life ended in net and office metaphors, means
acquired or prepared, places with presence now, things given away with an absence named, farewell messages,
reports of these by others, やさしい日本語 and English; and the ordinary uses of those words that stay none.
"""

from __future__ import annotations

import pytest

from dialogs.understanding import classify
from tests.dialogs.chat import said, started

S9_RULES = "crisis_s9.yaml#"
SUICIDE_OPENING = "とてもつらい気持ちを書いてくださって"


def read_by_s9_rules(text: str) -> bool:
    """Whether a rule of crisis_s9.yaml counts the message as crisis (rules alone)."""
    reading = classify(text, rules_only=True)
    return any(e.label == "crisis" and e.rule.startswith(S9_RULES) for e in reading.evidence)


NEW_WORDINGS = [
    # wishing not to wake, tomorrow not to come
    "もうくたびれた。目ぇ覚めんでもええ",
    "このまま眠って、目が覚めなくてもいいや",
    "あしたなんか来んでええ、もう疲れた",
    "朝が来なくていいのに、って毎晩思う",
    "もう朝は来んでええわ、しんどい",
    "このまんま眠って起きんかったらええのにな",
    "眠ったらもう二度と目を開けたくない",
    # life as a thing to end, in net and office metaphors
    "人生ログアウトしたい、本気で",
    "この世から退場させていただきたく存じます",
    "生きることを終了します。お世話になりました",
    "人生の電源を切りたい",
    "クソゲーみたいな人生、もう降りたい",
    "今夜でゲームオーバーにする。本気で",
    "もうこの世に用はない",
    "しにたさが今日は特にひどい",
    "アカウントも消すし、本体も消す",
    # means acquired or prepared
    "縄、もう買ってきた。あとは場所だけ",
    "ロープは結べた。今夜にする",
    "梁にロープをかけてみた",
    "縄、納屋に",
    "父が縄を持って出ていったきり",
    "自分の遺影の写真は選んだ。あとは今夜だけ",
    "遺言、もう書いといた",
    "今から部屋を閉め切って、ガス栓を開けるつもり",
    "職場の非常階段の扉が開くかどうか確かめてしまう",
    "屋上、鍵、まだ開いてた",
    "もう起きる必要がないから、目覚ましは捨てた",
    # places with presence now
    "いま、マンションの屋上に来ました",
    "ただいま崖の上です",
    "海を見てたら、あそこに飛び込めばって思った",
    "今夜、海に行きます。もう戻らない",
    "ばあちゃん、お迎えが来ん。自分から海さ行ぐ",
    "歩道橋の手すりの向こう側に立ってる",
    "橋の写真に「今夜ここから」って書いた",
    "これから樹海",
    "物置の梁ばかり見つめてしまう夜が続く",
    "ホームに立つと電車に引き寄せられそうになる",
    "マンションの屋上、風が気持ちいい、飛べるかも",
    "娘を連れて湖に沈んでしまいたい",
    # things given away with an absence named
    "大事なギターを後輩に譲った。俺がいなくなっても弾いてほしいから",
    "猫を友達に預けた。私がいなくなっても大丈夫なように",
    "祖父が孫たちに腕時計を渡して「わしがいなくなっても使ってくれ」と言った",
    "部屋の私物は全部捨ててください。ごめんなさい",
    # farewell messages
    "最後のご挨拶をさせてください。本当にありがとう",
    "母への伝言をお願いします。もう帰らないので",
    "手紙は机の上。探さないでください",
    "『さよなら』って投稿してから、あの子ずっと浮上してない",
    "フォロワーの皆さん、今までありがとう",
    "弟から「これまでありがとう」とだけ来て、それから電話に出ません",
    "朝起きたらもういない予定",
    # reports of these by others
    "兄が「来週にはもうどこにもいない」と言っていた",
    "母が『子どもたちをよろしく』とだけ言って、夜中に出ていきました",
    "祖父が通帳を渡してきて「今夜ばあさんのところへ行く」と",
    "父が母を亡くしてから「わしももうええ」と言って、ご飯も食べない",
    # other wishes to be gone
    "私が死んでも、たぶん誰も泣かない",
    "うちがおらんようになったほうが、みんな楽やろ",
    "生きとるのがもうつらい",
    "首を吊れる場所を探してる",
    "自分が死んだら保険金で借金は返せるよね",
    "来月まで生きてる気がしない",
    "自殺した場合でも団信は下りるのか知りたい、私のローンの",
    "もう死んだろかな",
    "生きたいとは、もう思えない",
    # やさしい日本語
    "わたし もう いきる こと を したくない",
    "しぬ こと を したい です",
    "いのち は もう いらない",
    "おっと が しんだ。いきたい、おっと の そば",
    # English
    "My kids would be better without me",
    "I hope I don't wake up tomorrow",
    "I keep thinking about the next train",
    "staring at the balcony, 9th floor, thinking about it",
    "this is my final post",
    "i want to unalive myself",
    "He gave away his watch and said he won't be here next week",
]


@pytest.mark.parametrize("text", NEW_WORDINGS)
def test_new_wordings_are_crisis_by_the_session_9_rules(text: str) -> None:
    assert classify(text, rules_only=True).crisis == "crisis"
    assert read_by_s9_rules(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("墓の前で手首を切ってしまおうかと思ってる", "self_harm"),
        ("人生アンインストールしたい", "suicidal"),
    ],
)
def test_the_session_9_rules_name_the_kind(text: str, kind: str) -> None:
    assert kind in classify(text, rules_only=True).crisis_kinds


@pytest.mark.parametrize(
    "text",
    [
        # sleep and mornings
        "日曜だから目が覚めなくてもいい、目覚ましは止めた",
        "明日のテストなんか来なくていいのに",
        "店長に「明日はもう来なくていい」って言われた",
        "何も起きなければいいけど、少し心配",
        "赤ちゃんが起きんかったらいいのに、やっと寝たところ",
        "花粉で目を開けたくない",
        # metaphors
        "早期リタイア希望、人生を楽しみたい",
        "人生ゲームで退場した",
        "電車を降りたいのに満員で降りられない",
        "ゲームの話、今日でゲームオーバーにする、ボスが強すぎ",
        "ゲーム本体も消すか、データが重い",
        # means and places
        "キャンプ用のロープを買った",
        "防災訓練でロープを結べるようになった",
        "雪吊りのために庭木に縄をかけた",
        "ロープは物置にあるよ",
        "終活で遺影の写真を選んだ、写真館で",
        "相続で揉めないように、遺言を書いた",
        "ガス栓を開けて、コンロで料理した",
        "換気のために窓が開くかどうか確かめた",
        "いま屋上でランチしてる。ビルの屋上に来ました、弁当おいしい",
        "夏は海に入れば涼しいと思った",
        "今夜、花火を見に川に行く",
        # giving and leaving
        "留学で私がいなくなっても寂しくないように、妹にぬいぐるみをあげた",
        "教科書、もう使わないから後輩にあげた",
        "退職するので、最後のご挨拶に伺いました",
        "財布どこ？探さないで、自分で探すから",
        "受験勉強で浮上してない、今までありがとう、また来年",
        "新垢に移行します、フォロワーのみんな、今までありがとう",
        "明日は出張で、起きたらもういないからね",
        "うちの猫がどこにもいない、明日も探す",
        "子どもをよろしくと言って、仕事に出かけた",
        # other wishes
        "一人暮らしで、倒れても誰も気づかないと思う",
        "あいつがおらんようになったほうが、職場も平和やろ",
        "生きてるのがしんどい",
        "締め切りまで生きてる気がしない笑",
        "夫が死んだら保険金はいくら出るんだろう",
        "うちの金魚、もう死んだろか",
        "いのち だいじ に します",
        # hyperbole, jokes, questions and others' affairs
        "テスト0点、人生終了します",
        "まぶしくて目を開けたくない",
        "二度と開けたくない、あの冷蔵庫の奥",
        "明日が来なくていいと思うほど今日が楽しかった",
        "このまま誰も起きなければいいな、サプライズの準備中",
        "遺言、書いた方がいいのかな",
        "非常口のドアが開いてたから閉めといた",
        "ガス栓を開けたまま寝てしまって危なかった",
        "母の形見の指輪を娘に渡した。私がいなくなっても大事にしてね",
        "明日にはもうこの世にいないかも、って冗談だよ",
        "生きとるのがいやになるくらい暑い",
        "首を吊れるハンガーラックを買った、洋服用",
        "死んだら保険金はどうなるのか、父の件で聞きたい",
        "命いらないから休みくれ",
        "夫が「俺はもういい」と言ってご飯を食べない、喧嘩中",
        "今夜、川に行きます。蛍を見に",
        "定年したから、もう起きる必要がない。のんびりする",
        "猫がベランダの柵の外に出て心配",
        "明日ここから出発します、屋上の駐車場に集合",
        "古民家の立派な梁を見上げてため息が出た",
        "パン屋の匂いに吸い寄せられそう、駅の近く",
        "屋上で紙飛行機を飛ばしたら、よく飛んだ",
        "夕日が海に沈んでしまえば今日が終わる",
        "自殺した場合の保険金について、研修で習った",
        "川さ行ぐべ、魚釣りに",
        "退職の日に、今までお世話になりましたとお菓子を配った",
        "職場のみんなに「今までありがとう」ってお菓子を配った。辞めるわけじゃないけど",
        "彼女に今までありがとうって言われたあと、電話に出ない、振られたのかな",
        "引っ越しするので荷物は全部処分してください、今までありがとうございました",
        "出張で明日から私はいないので、猫をお願いしました",
        # English
        "waiting for the next train, my friend is late",
        "on the ledge of the window sill there is a cat",
        "coffee on the balcony, great view",
        "final post of the year, see you in January",
        "what does unalive mean",
    ],
)
def test_ordinary_uses_stay_none_of_crisis(text: str) -> None:
    assert not read_by_s9_rules(text), classify(text, rules_only=True).evidence


@pytest.mark.parametrize(
    "first",
    [
        "人生からログアウトしたい。ガチで",
        "縄、納屋に",
        "明日なんか来んでええわ",
    ],
)
def test_a_first_message_in_these_words_gets_the_crisis_reply(first: str) -> None:
    chat = started(first)
    assert SUICIDE_OPENING in said(chat)

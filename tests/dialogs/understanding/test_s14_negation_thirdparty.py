"""Session 14: denials read over their clause, a past told apart from a relapse, questions, other people's
words and long messages (lines written fresh for this file by the helper, none from any split).

Each case: text, level, crisis kinds that must be read, possible_risk (None: not checked), concerns that must
be read, concerns that must not be read. Levels and possible risk are checked on the rules alone and with the
learned layer; concerns with the learned layer (what the bot acts on).
"""

from __future__ import annotations

import pytest

from dialogs.understanding.classifier import classify

Case = tuple[str, str, tuple[str, ...], bool | None, tuple[str, ...], tuple[str, ...]]

NONE: tuple[str, ...] = ()
MH = ("mental_health",)
VIOLENCE = ("violence",)
WITHDRAWN_SLEEPLESS = ("withdrawal", "mental_health")
SCHOOL = ("childcare_education",)

DENIALS: list[Case] = [
    ("死にたいとかじゃない", "none", NONE, False, NONE, MH),
    ("べつに死にたいとかじゃないよ", "none", NONE, False, NONE, MH),
    ("死にたいとかじゃないけど、毎日しんどい", "none", NONE, True, MH, NONE),
    ("消えたいとかちゃうねん。ほんまにちょっとしんどいだけ", "none", NONE, False, NONE, NONE),
    ("死にたいわけじゃないです。ただ疲れてしまって", "none", NONE, True, MH, NONE),
    ("死にたいわけじゃない", "none", NONE, False, NONE, MH),
    ("死にたいとまでは言えないけど、もう限界かも", "none", NONE, True, MH, NONE),
    ("自殺なんて考えてないです", "none", NONE, False, NONE, MH),
    ("消えたいとか思ってないから心配しないで", "none", NONE, False, NONE, MH),
    ("死ぬつもりはありません。眠れないのがつらいだけです", "none", NONE, False, MH, NONE),
    ("しにたいとか おもってないし", "none", NONE, False, NONE, MH),
    ("死にたくねぇよ、別に", "none", NONE, False, NONE, MH),
    ("死にたいなんて思ってねぇし", "none", NONE, False, NONE, MH),
    ("死にたいなんて思っとらんよ", "none", NONE, False, NONE, MH),
    ("死にたいとは思わへんけど、しんどいわ", "none", NONE, True, MH, NONE),
    ("死のうなんて思わんけん、安心して", "none", NONE, False, NONE, MH),
    ("自殺なんかせんよ", "none", NONE, False, NONE, MH),
    ("死んだりせえへんから大丈夫やで", "none", NONE, False, NONE, MH),
    ("死ぬ気なんかあらへん", "none", NONE, False, NONE, MH),
    ("手首切ったりはしてないです", "none", NONE, False, NONE, MH),
    ("リスカなんてしたことない", "none", NONE, False, NONE, MH),
    ("薬をまとめて飲んだりはしてません", "none", NONE, False, NONE, NONE),
    ("夫に殴られたことは一度もありません", "none", NONE, False, NONE, ("violence",)),
    ("子どもを叩いたことはないです", "none", NONE, False, NONE, ("violence",)),
    ("親に手をあげたことはありません。でも口げんかは毎日", "none", NONE, False, ("family_relations",), NONE),
    ("殺したいとは思ってない、顔も見たくないだけ", "none", NONE, False, NONE, NONE),
    ("飛び降りようなんて思ってません、高いところが好きなだけ", "none", NONE, False, NONE, MH),
    ("今夜泊まるところがないわけではないです", "none", NONE, False, NONE, NONE),
    ("電気は止まってないです、請求が高いだけ", "none", NONE, False, NONE, NONE),
]

DOUBLE_DENIALS: list[Case] = [
    ("自殺は考えてない…と言ったら嘘になる", "crisis", ("suicidal",), None, MH, NONE),
    ("死にたくないと言えば嘘になります", "crisis", ("suicidal",), None, MH, NONE),
    ("消えたいと思ってないって言ったら嘘になるかな", "crisis", ("suicidal",), None, MH, NONE),
    ("死にたくないとは言えない", "crisis", ("suicidal",), None, MH, NONE),
    ("死にたくないとは言い切れない", "crisis", ("suicidal",), None, MH, NONE),
    ("死にたいと思わないこともない", "crisis", ("suicidal",), None, MH, NONE),
    ("死にたいと思わないわけじゃない", "crisis", ("suicidal",), None, MH, NONE),
    ("消えたくないわけじゃない", "crisis", ("suicidal",), None, MH, NONE),
    ("死にたいって気持ちがないわけではないです", "crisis", ("suicidal",), None, MH, NONE),
    ("死にたいと思わない日はない", "crisis", ("suicidal",), None, MH, NONE),
    ("死にたくないけど消えたい", "crisis", ("suicidal",), None, MH, NONE),
    ("死にたいわけじゃないけど、朝が来なければいいのにと思う", "crisis", ("suicidal",), None, MH, NONE),
    ("死ぬ気はないけど、気づいたら腕を切ってた", "crisis", ("self_harm",), None, MH, NONE),
    ("自殺はしないけど、薬は全部飲んじゃった", "crisis", ("overdose",), None, MH, NONE),
    ("殴られてはないけど、昨日首を絞められた", "crisis", ("violence",), None, VIOLENCE, NONE),
    ("リスカしないと眠れない夜がある", "crisis", ("self_harm",), None, MH, NONE),
]

PAST_AND_AGAIN: list[Case] = [
    ("もう切ってない", "none", NONE, False, NONE, NONE),
    ("もう半年リスカしてないよ", "none", NONE, False, NONE, NONE),
    ("前は毎日死にたかったけど、今は落ち着いてる", "none", NONE, False, NONE, NONE),
    ("以前は自傷していましたが、今はしていません", "none", NONE, False, NONE, NONE),
    ("学生の頃はODしてた。今は普通に働いてる", "none", NONE, False, NONE, NONE),
    ("前は死にたいと思ってた。今はもう思ってない", "none", NONE, False, NONE, NONE),
    ("やめてたのにまた切った", "crisis", ("self_harm",), None, MH, NONE),
    ("1年やめてたのに昨日またリスカした", "crisis", ("self_harm",), None, MH, NONE),
    ("切るのやめてたけど、ゆうべついまた切ってしまった", "crisis", ("self_harm",), None, MH, NONE),
    ("昔はODしてたけど、最近またやってしまった", "crisis", ("overdose",), None, MH, NONE),
    ("去年は死にたかった。今も変わらない", "crisis", ("suicidal",), None, MH, NONE),
    ("前は死にたいと思ってた。今も正直思う", "crisis", ("suicidal",), None, MH, NONE),
    ("昔も今も死にたい", "crisis", ("suicidal",), None, MH, NONE),
    ("しばらくしてなかったのに、またアムカしちゃった", "crisis", ("self_harm",), None, MH, NONE),
]

QUESTIONS: list[Case] = [
    ("死んだら楽になるのかな", "crisis", ("suicidal",), None, MH, NONE),
    ("私が消えても誰も困らないよね？", "crisis", ("suicidal",), None, MH, NONE),
    ("薬いっぱい飲んだら死ねるかな", "crisis", ("overdose",), None, MH, NONE),
    ("もう死んでもいいですか", "crisis", ("suicidal",), None, MH, NONE),
    ("死にたいって思うのは甘えですか？", "crisis", ("suicidal",), None, MH, NONE),
    ("どうやったら楽に死ねるんだろう", "crisis", ("suicidal",), None, MH, NONE),
    ("楽になりたいって思うのはダメかな", "none", NONE, True, MH, NONE),
    ("死にたい人向けの相談窓口ってありますか", "none", NONE, False, NONE, NONE),
    ("リスカってどういう意味ですか", "none", NONE, False, NONE, NONE),
    ("薬は何錠まで飲んでいいですか", "none", NONE, False, NONE, NONE),
]

THIRD_PARTY: list[Case] = [
    ("友達が「死にたい」って言ってる", "crisis", ("suicidal",), None, MH, NONE),
    ("友達がずっと死にたいって言ってて心配", "crisis", ("suicidal",), None, MH, NONE),
    ("娘から「もう消えたい」ってLINEが来た", "crisis", ("suicidal",), None, MH, NONE),
    ("兄が夜中に「死にたい」と叫んでいました", "crisis", ("suicidal",), None, MH, NONE),
    ("父が「わしはもう生きとってもしょうがない」と言う", "crisis", ("suicidal",), None, MH, NONE),
    ("彼女がまた腕を切ったみたいで、血のついたティッシュがあった", "crisis", ("self_harm",), None, MH, NONE),
    ("同僚の手首に新しい切り傷が増えてる", "crisis", ("self_harm",), None, MH, NONE),
    ("祖母が薬を全部飲んじゃったみたい、意識がぼんやりしてる", "crisis", ("overdose",), None, MH, NONE),
    ("息子が殴られて帰ってきた", "crisis", ("violence",), None, VIOLENCE, NONE),
    ("息子が学校で殴られて帰ってきた、顔が腫れてる", "crisis", ("violence",), None, VIOLENCE, NONE),
    ("妹が彼氏に蹴られてるらしい", "crisis", ("violence",), None, VIOLENCE, NONE),
    ("今、父が母を殴ってる", "crisis", ("violence",), None, VIOLENCE, NONE),
    ("隣の家の子がよく夜に外に出されて泣いてる", "crisis", ("child_abuse",), None, NONE, NONE),
    ("娘がいじめられてて「もう消えたい」って言ってる", "crisis", ("suicidal",), None, MH, NONE),
    (
        "夫が「お前を殺して俺も死ぬ」と言って包丁を持ち出した",
        "crisis",
        ("violence",),
        None,
        ("violence",),
        NONE,
    ),
    (
        "息子が3年部屋から出てこなくて、私も眠れなくなりました",
        "none",
        NONE,
        None,
        ("withdrawal", "mental_health"),
        NONE,
    ),
    ("息子がひきこもっています。私は眠れています", "none", NONE, False, ("withdrawal",), NONE),
    ("母は最近よく眠れないみたい。弟は仕事を辞めて家にいる", "none", NONE, None, ("mental_health",), NONE),
    ("夫は死にたいなんて言ってないけど、最近笑わない", "none", NONE, None, NONE, NONE),
    (
        "娘は叩かれてはいないと言ってます。ただ学校に行けていません",
        "none",
        NONE,
        False,
        ("childcare_education",),
        ("violence",),
    ),
    ("先生に「死ね」って言われた", "none", NONE, None, NONE, NONE),
    ("母に「あんたなんか産まなきゃよかった」って言われた", "none", NONE, None, ("family_relations",), NONE),
    ("友達が「死ぬほど笑った」って言ってた", "none", NONE, False, NONE, MH),
    ("息子は「死にたい」とは一度も言ったことがありません", "none", NONE, False, NONE, MH),
    ("友達はリスカしてないって言ってた", "none", NONE, False, NONE, MH),
]

LONG: list[Case] = [
    (
        "息子が仕事を辞めてもう2年、家からほとんど出ていません。最初はすぐ次を探すと言っていたのですが、"
        "最近は昼夜逆転して、食事も部屋でとります。主人とも話し合いましたが、どう接したらいいのか分かりません。"
        "昨日、息子の部屋で首を吊るためのロープを見つけてしまいました。",
        "crisis",
        ("suicidal",),
        None,
        ("withdrawal",),
        NONE,
    ),
    (
        "派遣の契約が切れて3か月になります。貯金もそろそろ底をつきそうで、来月の家賃も払えるか分かりません。"
        "親には頼れないし、友達にも言えない。正直、もう消えてしまいたいと思う夜が増えました。",
        "crisis",
        ("suicidal",),
        None,
        ("mental_health",),
        NONE,
    ),
    (
        "今日ハローワークに行ってきました。求人はあったけど、面接が怖くて応募できませんでした。"
        "帰りに駅のホームで、電車に飛び込んだら楽かなとぼんやり考えてしまいました。",
        "crisis",
        ("suicidal",),
        None,
        ("mental_health",),
        NONE,
    ),
    (
        "別に死にたいとかじゃないんです。仕事もあるし、家族もいる。"
        "でも夜になると、このまま目が覚めなければいいのにと思ってしまう。",
        "crisis",
        ("suicidal",),
        None,
        MH,
        NONE,
    ),
    (
        "民生委員をしています。担当地区で一人暮らしをしている高齢の男性が、最近「もう死にたい」と"
        "口にするようになりました。食事もあまりとっていないようです。どこにつなげばいいでしょうか。",
        "crisis",
        ("suicidal",),
        None,
        MH,
        NONE,
    ),
    (
        "中学生の娘のことです。最近元気がないと思っていたら、夏でも長袖を着ていて、"
        "昨日たまたま見えた腕に切った傷がたくさんありました。本人には何も聞けていません。",
        "crisis",
        ("self_harm",),
        None,
        MH,
        NONE,
    ),
    (
        "先週、職場の研修で自殺予防のゲートキーパー講座を受けました。死にたいと打ち明けられたときの"
        "聞き方を学んで、とても勉強になりました。家族にも話してみようと思います。",
        "none",
        NONE,
        False,
        NONE,
        NONE,
    ),
    (
        "昨日は残業続きで死ぬほど疲れました。上司に「殺す気ですか」って言いたくなるくらい。"
        "でも今日はお休みなので、ゆっくり寝ます。",
        "none",
        NONE,
        None,
        NONE,
        NONE,
    ),
    (
        "高校の頃はリスカしてました。大学に入ってからやめられて、今は普通に働いています。"
        "ただ最近、職場の人間関係がしんどくて、話せるところを探しています。",
        "none",
        NONE,
        None,
        NONE,
        NONE,
    ),
    (
        "ニュースで、ひきこもりの人が親の亡きあと困っているという特集を見ました。"
        "うちの息子も40歳で、10年ほど家にいます。私たちが死んだらあの子はどうなるのか心配です。",
        "none",
        NONE,
        False,
        ("withdrawal",),
        NONE,
    ),
    (
        "母の介護を一人でしています。夜中に何度も起こされて、私もほとんど眠れていません。"
        "仕事も減らしました。弟は手伝ってくれません。誰かに話を聞いてほしいです。",
        "none",
        NONE,
        None,
        ("caregiving",),
        NONE,
    ),
    (
        "夫とは5年前に離婚しました。当時は毎晩のように殴られていましたが、今は子どもと3人で落ち着いて"
        "暮らしています。相談したいのは、上の子が学校に行きしぶっていることです。",
        "none",
        NONE,
        False,
        ("childcare_education",),
        NONE,
    ),
    (
        "ゲームの話なんですけど、昨日のボス戦で何回も死んで、最後は爆死しました。"
        "ガチャも爆死で今月は課金しすぎたかも。",
        "none",
        NONE,
        False,
        NONE,
        MH,
    ),
    (
        "父が亡くなって1年になります。母は一人暮らしで、電話すると「早くお父さんのところに行きたい」"
        "と言います。冗談だと思いたいのですが、最近食事もあまりとっていないようです。",
        "crisis",
        ("suicidal",),
        None,
        MH,
        NONE,
    ),
]

VARIANTS: list[Case] = [
    ("しにたいわけじゃないよ", "none", NONE, False, NONE, MH),
    ("死にたいとかやないで、ちょっと疲れただけや", "none", NONE, False, NONE, NONE),
    ("死にたいなんて思ったことないです。ただ毎日がつらい", "none", NONE, True, MH, NONE),
    ("I don't want to die, I'm just tired", "none", NONE, None, NONE, NONE),
    ("I'm not suicidal", "none", NONE, False, NONE, NONE),
    ("死なないよ、大丈夫", "none", NONE, False, NONE, MH),
    ("ころしたりはしないよ", "none", NONE, False, NONE, NONE),
    ("死にたいとは思ってないです。仕事が見つからないだけです", "none", NONE, False, ("job_search",), NONE),
    ("正直に言うと、消えたくないって言ったら嘘になる", "crisis", ("suicidal",), None, MH, NONE),
    ("しにたくないとはいえない", "crisis", ("suicidal",), None, MH, NONE),
    ("消えたいと思わないわけじゃない", "crisis", ("suicidal",), None, MH, NONE),
    ("死にたいって思わない夜はない", "crisis", ("suicidal",), None, MH, NONE),
    ("もう二度と切らないって決めた", "none", NONE, False, NONE, NONE),
    ("もう1年ODしてない、えらいでしょ", "none", NONE, False, NONE, NONE),
    ("昔は飛び降りようとしたこともあったけど、今は元気", "none", NONE, False, NONE, NONE),
    ("半年やめてたのに、きのうまたODしちゃった", "crisis", ("overdose",), None, MH, NONE),
    ("昔から死にたい気持ちがずっと続いてる", "crisis", ("suicidal",), None, MH, NONE),
    ("いなくなったら楽になるのかな", "crisis", ("suicidal",), None, MH, NONE),
    ("生きてる意味ってあるのかな、もう消えたい", "crisis", ("suicidal",), None, MH, NONE),
    ("娘が「死にたい」とノートに書いていました", "crisis", ("suicidal",), None, MH, NONE),
    ("友達から死にたいってLINEきた、どうしよう", "crisis", ("suicidal",), None, MH, NONE),
    ("彼氏がリスカしてるっぽい", "crisis", ("self_harm",), None, MH, NONE),
    ("母が父に殴られてるのを見た", "crisis", ("violence",), None, VIOLENCE, NONE),
    ("うちの子が先生に叩かれたと言ってます", "crisis", ("violence",), None, VIOLENCE, NONE),
    (
        "隣の部屋から毎晩子どもの泣き声と怒鳴り声がして、叩く音もする",
        "crisis",
        ("child_abuse",),
        None,
        NONE,
        NONE,
    ),
    ("My friend says she wants to die", "crisis", ("suicidal",), None, MH, NONE),
    ("my sister is being hit by her husband", "crisis", ("violence",), None, VIOLENCE, NONE),
    ("父は「死にたい」とは言わないけど、ずっと寝てばかりいる", "none", NONE, None, NONE, NONE),
    ("妹は殴られたりしてないと言ってた", "none", NONE, False, NONE, ("violence",)),
    ("友達に「死ね」って言われて傷ついた", "none", NONE, None, NONE, NONE),
    ("息子はひきこもっているけど、暴力はありません", "none", NONE, False, ("withdrawal",), ("violence",)),
    ("このまま私たちがいなくなったらと思うと、夜も眠れません", "none", NONE, None, MH, NONE),
    ("ままがいない、ひとりでよるこわい", "crisis", ("child_abuse",), None, NONE, NONE),
    (
        "近所の家から毎晩子どもの悲鳴が聞こえて心配です",
        "crisis",
        ("child_abuse",),
        None,
        VIOLENCE,
        NONE,
    ),
    ("同級生の背中にあざがあって、家で叩かれてるのかも", "crisis", ("child_abuse",), None, VIOLENCE, NONE),
    ("友達が彼氏に殴られてるみたい", "crisis", ("violence",), None, VIOLENCE, NONE),
    ("姉の腕に新しい傷がいっぱいある", "crisis", ("self_harm",), None, MH, ("violence",)),
    ("自殺なんて考えてない。でも人に会うのが怖い", "none", NONE, False, MH, NONE),
    ("死ぬ気はないです、ただ外に出るのもこわくて", "none", NONE, None, MH, NONE),
    (
        "長文ですみません。夫は真面目な人で、結婚して20年、大きなけんかもありませんでした。去年会社が倒産してから"
        "家で過ごすことが増えて、お酒の量も増えています。昨夜、夫が「生命保険で借金を返せるよな」とつぶやいていて、"
        "怖くなりました。",
        "crisis",
        ("suicidal",),
        None,
        NONE,
        NONE,
    ),
    (
        "娘さんのクラスの担任です。最近、授業中に手首を隠すようにしていて、体育の着替えのときに新しい切り傷が"
        "いくつも見えました。",
        "crisis",
        ("self_harm",),
        None,
        MH,
        NONE,
    ),
    (
        "ひきこもりの兄のことで相談です。兄は10年以上家にいて、両親ともほとんど口をききません。暴力はありませんし、"
        "死にたいとか言うこともありません。ただ両親が年をとってきて、この先が心配です。",
        "none",
        NONE,
        False,
        ("withdrawal",),
        ("violence",),
    ),
    (
        "去年まではパートをしていましたが、腰を痛めて辞めました。貯金を切り崩して暮らしていますが、もう残りわずか"
        "です。誰にも迷惑をかけたくないので、全部終わったら静かに消えようと思っています。",
        "crisis",
        ("suicidal",),
        None,
        MH,
        NONE,
    ),
]

ALL = DENIALS + DOUBLE_DENIALS + PAST_AND_AGAIN + QUESTIONS + THIRD_PARTY + LONG + VARIANTS


def _id(case: Case) -> str:
    return case[0][:24]


@pytest.mark.parametrize("case", ALL, ids=_id)
def test_the_rules_read_the_level(case: Case) -> None:
    text, level, kinds, possible_risk, _, _ = case
    reading = classify(text, rules_only=True)
    assert reading.crisis == level
    assert set(kinds) <= set(reading.crisis_kinds)
    if possible_risk is not None:
        assert reading.possible_risk is possible_risk


@pytest.mark.parametrize("case", ALL, ids=_id)
def test_with_the_learned_layer(case: Case) -> None:
    text, level, kinds, possible_risk, concerns, not_concerns = case
    reading = classify(text)
    assert reading.crisis == level
    assert set(kinds) <= set(reading.crisis_kinds)
    if possible_risk is not None:
        assert reading.possible_risk is possible_risk
    assert set(concerns) <= set(reading.concerns)
    assert not set(not_concerns) & set(reading.concerns)

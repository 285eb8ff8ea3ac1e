"""Session 5: intents and concerns in the words of writers the rules were not written for.

Each line is phrased afresh (not copied from the training sources): a service asked for by its substance,
FAQ questions in question forms, kana, dialect and English, commands in natural forms, concerns described
without their category word. A second group must NOT get an action command: a wrong cmd.stop or
cmd.delete ends or erases a consultation.
"""

from __future__ import annotations

import pytest

from dialogs.understanding import classify


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # a service asked for by what it does (topic + looking for help)
        ("引きこもっている娘のことを相談できる窓口はありますか", "service.withdrawal_support"),
        ("ひきこもりのそうだん したいです", "service.withdrawal_support"),
        ("認知症の父のことはどこに相談すればいいですか", "service.elderly_center"),
        ("かいごのそうだんをしたい", "service.elderly_center"),
        ("こころのそうだんができるところはありますか", "service.health_center"),
        ("家賃を少し助けてもらえる制度はありますか", "service.housing_benefit"),
        ("Is there any support with rent?", "service.housing_benefit"),
        ("しばらく寝泊まりできるところを探しています", "service.temporary_living"),
        ("子どもの勉強を無料で見てくれるところはないですか", "service.child_learning"),
        ("家計をいっしょに見直してくれる人はいますか", "service.household_budget"),
        ("いきなり就職は無理なので、はたらくれんしゅうがしたい", "service.employment_prep"),
        ("仕事を紹介してくれるところを教えて", "service.hello_work"),
        ("職業訓練", "service.hello_work"),
        ("困っていることを全部きいてくれる窓口はありますか", "service.self_reliance"),
        # FAQ questions in other forms
        ("そうだんするのにお金っていりますか", "faq.cost"),
        ("なんぼかかるん？", "faq.cost"),
        ("ひみつはまもってもらえますか", "faq.confidentiality"),
        ("会社に連絡がいったりしませんか", "faq.confidentiality"),
        ("本人を連れていかないとだめですか", "faq.family_alone"),
        ("かぞくかいはいつありますか", "faq.family_group"),
        ("どようびもそうだんできますか", "faq.hours"),
        ("Is anyone there on weekends? I want to ask for advice", "faq.hours"),
        ("まどぐちはどこ？", "faq.how_to_reach"),
        ("駅から歩いて行けますか", "faq.how_to_reach"),
        ("話さなくてもいていい場所ってありますか", "faq.ibasho"),
        ("Can someone visit my home?", "faq.outreach"),
        ("このアカウントってなに？", "faq.what_is"),
        ("がいこくじんでもそうだんできますか", "faq.who_can_use"),
        # commands in natural forms
        ("yes", "cmd.yes"),
        ("No", "cmd.no"),
        ("ちゃいます", "cmd.no"),
        ("それで合ってます", "cmd.yes"),
        ("またこんど", "cmd.later"),
        ("最初っからやり直したい", "cmd.restart"),
        ("この質問は飛ばしたい", "cmd.skip"),
        ("さっきの画面にもどして", "cmd.back"),
        ("今日はこのへんで終わりにします", "cmd.stop"),
        ("I want to end this chat", "cmd.stop"),
        ("書いたこと全部消して", "cmd.delete"),
        ("Please delete my messages", "cmd.delete"),
        ("担当の方と直接話したいです", "cmd.human"),
        # small talk
        ("じそうってなに？", "talk.child_guidance"),
        ("警察沙汰にはしたくないです", "talk.no_police"),
        ("パトカーが来たら近所中に広まる", "talk.police_neighbours"),
        ("わたしもつらいです", "talk.own_burden"),
        ("まだ？", "talk.when_reply"),
        ("おばんです", "talk.greeting"),
        ("ほな任せたで", "talk.entrust"),
        ("今夜どこに泊まったらいいのかわからない", "talk.guidance"),
        ("どこから手をつければいいのか", "talk.guidance"),
        ("親が元気なうちにできることがあれば教えてください", "talk.guidance"),
    ],
)
def test_new_writers_intents(text: str, intent: str) -> None:
    assert intent in classify(text, rules_only=True).intents


@pytest.mark.parametrize(
    ("text", "concern"),
    [
        ("今夜こどもに食べさせるものがない", "economic"),
        ("おこめがもうありません", "economic"),
        ("水道が金曜に止まると通知が来た", "economic"),
        ("スマホ代払ってなくて明日止まる", "debt"),
        ("電気代を二か月ためてしまった", "debt"),
        ("リボ払いがいくら残ってるかわからない", "budgeting"),
        ("母の物忘れがひどくて目が離せない", "caregiving"),
        ("誰とも喋らん日が続いとる", "isolation"),
        ("腰を痛めて仕事ができない", "job_search"),
        ("夫が生活費をくれない", "violence"),
        ("夫に毎日無視されてつらい", "family_relations"),
        ("もう頑張れない", "mental_health"),
        ("玄関から先に出ていない、もう半年", "withdrawal"),
        ("耳が聞こえにくくて電話が難しい", "disability"),
        ("車中泊が続いてる", "housing"),
    ],
)
def test_concerns_without_their_category_word(text: str, concern: str) -> None:
    assert concern in classify(text, rules_only=True).concerns


@pytest.mark.parametrize(
    "text",
    [
        "もうここで終わりにしたい",
        "この人生、ここで終わりにしたい",
        "電話は終わりました",
        "データは消さないでください",
        "記録は消してほしくないです",
        "書いたことは消してないよね？",
        "いえにきてもらえますか",
        "いえ追い出された",
        "ほしいんやけど",
        "部屋探し手伝ってほしいんやけど",
        "電気止まった💡❌",
        "がんばれない",
        "最後に誰かと話したかった",
        "だから、もういいかなって",
        "みんな今までありがとう",
    ],
)
def test_lines_that_must_not_get_an_action_command(text: str) -> None:
    actions = {"cmd.stop", "cmd.delete", "cmd.restart", "cmd.yes", "cmd.no"}
    assert not actions & set(classify(text).intents)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("駅のベンチで寝ます", "talk.goodnight"),
        ("水道停止の通知がきてる", "talk.privacy_fear"),
        ("がんばれないよ、もう無理", "faq.confidentiality"),
        ("24時間営業のファミレスで朝まで過ごす", "faq.hours"),
        ("母が夜中に外へ出て行ってしまう", "faq.hours"),
        ("携帯料金を滞納してる", "faq.cost"),
        ("みんな今までありがとう、これが最後", "talk.thanks"),
        ("スマホに連絡先はあるけど連絡できる人はいない", "faq.how_to_reach"),
    ],
)
def test_story_words_are_not_questions(text: str, intent: str) -> None:
    assert intent not in classify(text, rules_only=True).intents


def test_yaml_yes_and_no_stay_words() -> None:
    """Unquoted yes/no in YAML are booleans: the command words must be read as the words themselves."""
    assert "cmd.yes" not in classify("true", rules_only=True).intents
    assert "cmd.no" not in classify("false", rules_only=True).intents

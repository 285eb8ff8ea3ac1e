"""Try-out 7: questions people asked get their answer from the content, in their language and tone.

Each test types a person's words in the order they typed them (/work/try7/transcripts), then two or
three variants of the same kind of message (dialect, hiragana, typos).
"""

from __future__ import annotations

from datetime import datetime

import pytest

from dialogs import catalog
from dialogs.content import current_content
from tests.dialogs.chat import TOKYO, Chat, said, started

NIGHT = datetime(2026, 12, 1, 2, 0, tzinfo=TOKYO)  # a Tuesday, 2 a.m.
DAY = datetime(2026, 12, 2, 10, 30, tzinfo=TOKYO)  # a Wednesday, office open
FALLBACK = catalog.text("fallback").splitlines()[0]


def haha60(*more: str) -> Chat:
    """The mother of 67 at 2 a.m., up to her question about what happens when parents die."""
    return started(
        "こんな時間にすみません。眠れなくて。息子がもう15年も部屋から出てこないんです。今年で41になります。"
        "私ももう67で、主人は去年亡くなりました。この先どうなるのかと思うと",
        "はい。主人がいた頃はまだ話もできたんですが、今は食事をドアの前に置くだけで、顔も見ていません。",
        "親が死んだらあの子はどうなるのか。どうしたらいいんでしょう",
        *more,
        now=NIGHT,
    )


FAMILY_GROUP = current_content().family_groups[0]


FIRST_ASKED = "家族会というのがあるんですか？私一人でも行っていいんでしょうか"
FAMILY_GROUP_ASKED = [
    *(
        pytest.param((), text, (FAMILY_GROUP.name, "おひとり"), id="exists_and_alone")
        for text in (
            FIRST_ASKED,
            "家族会ってあるん？うち一人で行ってもええの？",
            "かぞくかいって ひとりで いっても いいの？",
        )
    ),
    *(
        pytest.param((FIRST_ASKED,), text, (FAMILY_GROUP.when, FAMILY_GROUP.where), id="when_and_where")
        for text in (
            "家族会はいつどこでやってるんですか",
            "家族会って何曜日にどこであるん？",
            "かぞくかいは いつ どこ？",
        )
    ),
]
"""Whether a family group exists and one may go alone: its name and 「おひとり」; when and where it meets:
its day and place."""


@pytest.mark.parametrize(("before", "text", "present"), FAMILY_GROUP_ASKED)
def test_asking_about_the_family_group_is_answered_from_the_content(
    before: tuple[str, ...], text: str, present: tuple[str, ...]
) -> None:
    chat = haha60(*before, text)
    assert all(part in said(chat) for part in present), said(chat)


def oneq(*more: str) -> Chat:
    """The person with one question about 住居確保給付金, on a weekday."""
    return started("住居確保給付金の条件だけ教えてください。フリーランスでも対象ですか", *more, now=DAY)


BENEFIT_WHO = current_content().service("housing_benefit").who


@pytest.mark.parametrize(
    "text",
    [
        "単身だと収入いくらまでならOK？だいたいでいいので",
        "住居確保給付金の収入基準は？",
        "一人暮らしやと月収なんぼまでいけるん？",
        "しゅうにゅう いくら まで なら もらえる？",
    ],
)
def test_asking_the_income_limit_says_honestly_the_amount_is_checked_at_the_window(text: str) -> None:
    chat = oneq(text)
    assert FALLBACK not in said(chat)
    assert BENEFIT_WHO not in said(chat), "not the general explanation again, word for word"
    assert "収入" in said(chat)
    assert current_content().window("kurashi").phone in said(chat)


@pytest.mark.parametrize(
    "text",
    [
        "申請のとき何持っていけばいい？",
        "申請に必要な書類は何ですか",
        "しんせいの とき なにが いる？",
        "何を持ってけばええん？",
    ],
)
def test_asking_what_to_bring_to_apply_is_answered(text: str) -> None:
    chat = oneq("住居確保給付金の収入基準は？", text)
    assert FALLBACK not in said(chat)
    assert "書類" in said(chat)
    assert current_content().window("kurashi").phone in said(chat)


def evict(*more: str) -> Chat:
    """The man of 53 evicted on Friday, on a weekday."""
    return started(
        "53歳男です。先月会社をクビになって家賃3ヶ月滞納してます。大家から金曜までに出ていけと言われました。"
        "行くところがありません",
        "今夜はまだ部屋にいられます。金曜が期限です。住居確保給付金というのは私でももらえますか",
        *more,
        now=DAY,
    )


@pytest.mark.parametrize(
    "text",
    [
        "貯金は5万くらい。ハローワークには行ってます。金曜に間に合いますか？",
        "期限までに間に合うんでしょうか",
        "きんようまでに まにあう？",
    ],
)
def test_asking_whether_help_comes_before_the_deadline_says_what_to_do_first(text: str) -> None:
    chat = evict(text)
    assert "【ハローワーク】" not in said(chat)
    assert "出る日が迫っているとき" in said(chat)
    assert current_content().window("kurashi").address in said(chat)


@pytest.mark.parametrize(
    "text",
    [
        "住居確保急付金の申請って土日もできまふか",
        "住居確保給付金の申請って土日もできますか",
        "土日でも申請できる？",
    ],
)
def test_asking_whether_one_can_apply_at_the_weekend_after_sending_gets_the_days(text: str) -> None:
    chat = evict("担当の人と話したいです。急いでます")
    chat.tap("この内容だけ")
    chat.send(text)
    assert "伝えますか" not in said(chat)
    assert "土日" in said(chat)
    assert current_content().window("kurashi").hours_text in said(chat)


def sister_sent() -> Chat:
    """The sister worried about her brother of 38, after her case was sent."""
    chat = started(
        "兄のことで相談です。兄は38歳で、3年前に仕事をやめてから実家の部屋にこもってます。"
        "最近、母に物を投げるようになって心配で…",
        "今は落ち着いてます。兄は病院には一度も行ってません。母は70で、もう疲れきってます",
        "相談員さんにつないでほしいです",
        now=DAY,
    )
    chat.tap("この内容だけ")
    assert "handoff" in chat.data
    return chat


@pytest.mark.parametrize(
    "text",
    [
        "兄に病院に行ってほしいんですが、どう声をかけたらいいですか",
        "息子に受診をすすめたいけど、なんて言えばいいですか",
        "あにに びょういん いってって どう いえば いい？",
    ],
)
def test_a_family_member_asking_how_to_approach_a_relative_about_a_doctor_is_answered(text: str) -> None:
    chat = sister_sent()
    chat.send(text)
    assert "いまできることを、三つご案内します" not in said(chat)
    assert current_content().window("hokenjo").name in said(chat)


def kou16(*more: str) -> Chat:
    """The 16-year-old hit at home, at 2 a.m., hiragana only."""
    return started("きょうも おとうさんに たたかれた", "けいさつは むり。もっと おこられる", *more, now=NIGHT)


@pytest.mark.parametrize(
    "text",
    [
        "じどうそうだんじょって いったら いえに くるの？ ばれたら もっと たたかれる",
        "じどうそうだんじょに でんわしたら うちに くる？ おとうさんに ばれたら こわい",
    ],
)
def test_a_child_asking_what_the_child_guidance_centre_does_hears_it_and_her_fear(text: str) -> None:
    chat = kou16(text)
    assert "189" in said(chat)
    assert "警察ではありません" in said(chat)
    assert "ばれ" in said(chat), "her fear of being found out is answered"


def viet(*more: str) -> Chat:
    """The Vietnamese factory worker, on a weekday."""
    return started(
        "Hello. I am from Vietnam, I work at factory. Company stop my work 2 weeks ago and I have no money "
        "for food. Can you help me?",
        *more,
        now=DAY,
    )


@pytest.mark.parametrize(
    "text",
    [
        "I don't understand Japanese well. Where is the office? Can I go today?",
        "where is your office",
        "What is the address? Is it open today?",
    ],
)
def test_asking_in_english_where_the_office_is_gets_the_address_and_todays_hours(text: str) -> None:
    chat = viet(text)
    first = chat.texts[0]
    assert current_content().window("kurashi").address in first
    assert "8:30" in first and "17:00" in first
    assert "today" in first.lower()
    assert "平日" not in first


def test_english_lines_carry_the_hours_in_english() -> None:
    chat = viet()
    english = [t for t in chat.texts if "the" in t]
    assert english
    assert all("平日" not in t and "祝日" not in t for t in english)


def test_once_in_english_the_summary_consent_and_sent_note_follow_in_english() -> None:
    chat = viet(
        "I don't understand Japanese well. Where is the office? Can I go today?", "Talk to a person please"
    )
    review = said(chat)
    assert "Please check" in review or "will be sent" in review.lower(), review
    chat.tap("Send with our chat")
    assert "handoff" in chat.data
    assert "sent" in chat.texts[0].lower()
    assert "お送りしました" not in chat.texts[0]


def test_urgent_block_follows_in_english() -> None:
    chat = viet()
    assert all("食べるものがないとき" not in t for t in chat.texts), chat.texts


@pytest.mark.parametrize(
    "text",
    [
        "夜分すまんのう。うちの親父が認知症みたいなんじゃけど、わしも仕事なくしてしもうて、どうしたらええんかわからんのんよ",
        "うちの親父がボケてきとるんじゃが、わしも仕事なくしたけぇ、どうしたらええんじゃろ",
        "母が認知症っぽいんやけど、私も仕事なくなってしもて、どないしたらええの",
    ],
)
def test_a_son_with_a_father_with_dementia_and_no_job_hears_of_the_elderly_centre_and_work_help(
    text: str,
) -> None:
    chat = started(text, now=NIGHT)
    assert "いまできることを、三つご案内します" not in said(chat)
    assert current_content().service("elderly_center").name in said(chat)
    assert current_content().window("houkatsu").phone in said(chat)
    assert current_content().window("kurashi").name in said(chat)


@pytest.mark.parametrize(
    "text",
    [
        "高2です。ばあちゃんの介護してて、夜中もトイレで起こされるから全然寝れてない😢 学校も遅刻ばっか",
        "中3です。おじいちゃんの介護で夜中も起こされて、寝不足です",
        "こうこうせい です。おばあちゃん の かいご で よる おこされて ねれない",
    ],
)
def test_a_student_carer_is_told_of_school_and_life_not_of_work(text: str) -> None:
    chat = started(text, now=NIGHT)
    assert "仕事や暮らし" not in said(chat)
    assert "学校" in said(chat)


def test_an_adult_carer_still_hears_of_work_and_life() -> None:
    chat = started("母の介護で夜中も起こされて、全然寝れていません", now=NIGHT)
    assert "仕事や暮らし" in said(chat)


@pytest.mark.parametrize(
    "text",
    [
        "こんな時間にすみません。眠れなくて。息子がもう15年も部屋から出てこないんです。今年で41になります。"
        "私ももう67で、主人は去年亡くなりました。この先どうなるのかと思うと",
        "娘が10年ひきこもっています。この先どうなるのか不安で眠れません",
        "むすこが ずっと へやから でてこない。これから どうなるのか こわい",
    ],
)
def test_a_first_message_of_fear_for_the_future_opens_with_a_word_for_the_fear(text: str) -> None:
    chat = started(text, now=NIGHT)
    first = chat.texts[0]
    assert "と受け取りました" not in first
    assert "不安" in first or "心配" in first, first


@pytest.mark.parametrize(
    "text",
    [
        "ありがとうございます。今日はもう寝ます。また明日連絡してもいいですか",
        "また明日きてもいい？",
        "また れんらく しても いい？",
    ],
)
def test_asking_whether_one_may_write_again_tomorrow_gets_a_plain_yes(text: str) -> None:
    chat = haha60(
        "家族会というのがあるんですか？私一人でも行っていいんでしょうか",
        "家族会はいつどこでやってるんですか",
        text,
    )
    assert said(chat).startswith("はい")
    assert "こちらこそ、ありがとうございます" not in said(chat)


def test_the_worries_a_service_is_first_for_are_known_concerns() -> None:
    from dialogs.understanding.model import CONCERNS

    content = current_content()
    for service_id in content.services:
        assert set(content.services[service_id].for_concerns) <= set(CONCERNS), service_id
